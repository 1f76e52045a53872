"""Occupation indicators on the demo pack, each checked against a plain pandas computation on the raw tables."""

from __future__ import annotations

import copy

import numpy as np
import pandas as pd
import pytest

from gpect_core.indicators import occupations as occ
from gpect_core.indicators import sheet as sh
from gpect_core.indicators.cube import cube_for
from gpect_core.selection import Selection

ZONES = ("9903", "9907")


def _raw(territory, zoning, zone_ids, year=2024):
    rec = territory.tables["recruitment"]
    rows = rec[(rec["zoning"] == zoning) & (rec["year"] == year)]
    return rows[rows["zone_id"].isin(zone_ids)] if zone_ids else rows


def _expected_by_occupation(rows):
    out = {}
    for code, group in rows.groupby("occupation_code"):
        both = group.dropna(subset=["projects", "difficult"])
        out[code] = (float(group["projects"].sum()),
                     float(both["difficult"].sum() / both["projects"].sum()) if both["projects"].sum() > 0 else None)
    return out


@pytest.mark.parametrize("zone_ids", [(), ("9903",), ZONES])
def test_occupation_table_matches_the_raw_rows(demo_territory, zone_ids):
    table = occ.occupation_table(demo_territory, Selection("ZE2020", zone_ids)).set_index("occupation_code")
    expected = _expected_by_occupation(_raw(demo_territory, "ZE2020", zone_ids))
    assert set(table.index) == set(expected)
    for code, (projects, share) in expected.items():
        assert table.loc[code, "projects"] == pytest.approx(projects)
        if share is None:
            assert np.isnan(table.loc[code, "difficult_share"])
        else:
            assert table.loc[code, "difficult_share"] == pytest.approx(share)


def test_fragile_occupations_come_last_and_unranked(demo_territory):
    table = occ.occupation_table(demo_territory, Selection("ZE2020", ("9903",)))
    ranked = occ.rank(table, "difficult_share")
    rows = _raw(demo_territory, "ZE2020", ("9903",)).set_index("occupation_code")
    for _, row in ranked.iterrows():
        raw = rows.loc[row["occupation_code"]]
        few = not (raw["projects"] >= occ.MIN_PROJECTS) if pd.notna(raw["projects"]) else True
        hidden = pd.isna(raw["projects"]) or pd.isna(raw["difficult"])
        assert row["fragile"] == (few or hidden), row["occupation_code"]
    solid = ranked[~ranked["fragile"]]
    assert list(solid["rank"]) == list(range(1, len(solid) + 1))
    assert solid["difficult_share"].is_monotonic_decreasing
    assert ranked[ranked["fragile"]]["rank"].isna().all()
    assert ranked["fragile"].any() and (~ranked["fragile"]).any()  # the demo has both kinds in this zone
    first_fragile = ranked.index[ranked["fragile"]].min()
    assert not ranked.loc[first_fragile:, "fragile"].eq(False).any()


def test_tension_of_one_zone_is_its_row_and_of_several_the_mean(demo_territory):
    tension = demo_territory.tables["tension"]
    raw = tension[(tension["zoning"] == "ZE2020") & (tension["year"] == 2024) & (tension["occupation_code"] == "H2913")]
    one, linkage = sh.tension_of(demo_territory, Selection("ZE2020", ("9903",)), "ROME4", "H2913")
    row = raw.set_index("zone_id").loc["9903"]
    for component in ("tension_class", "hiring_intensity", "labour_shortage", "working_conditions"):
        assert one[component] == pytest.approx(float(row[component]))
    assert linkage.direct
    several, _ = sh.tension_of(demo_territory, Selection("ZE2020", ZONES), "ROME4", "H2913")
    picked = raw[raw["zone_id"].isin(ZONES)]
    assert several["labour_shortage"] == pytest.approx(picked["labour_shortage"].astype(float).mean())


def test_tension_ranking_orders_by_class_then_score(demo_territory):
    ranking = occ.tension_ranking(demo_territory, Selection("ZE2020", ("9903",)))
    tension = demo_territory.tables["tension"]
    raw = tension[(tension["zoning"] == "ZE2020") & (tension["zone_id"] == "9903") & (tension["year"] == 2024)]
    best = raw.sort_values(["tension_class", "tension_score", "occupation_code"], ascending=[False, False, True]).iloc[0]
    assert ranking.iloc[0]["occupation_code"] == best["occupation_code"]
    assert list(ranking["rank"].dropna()) == list(range(1, ranking["rank"].notna().sum() + 1))


def test_heatmap_cells_are_the_zone_figures(demo_territory):
    long = occ.heatmap(demo_territory, Selection("ZE2020", ZONES))
    assert set(long["zone_id"]) == set(ZONES)
    rows = _raw(demo_territory, "ZE2020", ZONES).set_index(["zone_id", "occupation_code"])
    for _, cell in long.iterrows():
        raw = rows.loc[(cell["zone_id"], cell["occupation_code"])]
        if pd.notna(raw["projects"]) and pd.notna(raw["difficult"]) and raw["projects"] > 0:
            assert cell["difficult_share"] == pytest.approx(raw["difficult"] / raw["projects"])
        else:
            assert np.isnan(cell["difficult_share"]) and cell["fragile"]
    totals = _raw(demo_territory, "ZE2020", ZONES).groupby("occupation_code")["projects"].sum()
    assert set(long["occupation_code"]) == set(totals.sort_values(ascending=False).index[:15])


def test_trends_sum_each_year(demo_territory):
    trend = occ.trends(demo_territory, Selection("ZE2020", ZONES), n=3)
    assert sorted(trend["year"].unique()) == [2022, 2023, 2024]
    for _, row in trend.iterrows():
        raw = _raw(demo_territory, "ZE2020", ZONES, int(row["year"]))
        assert row["projects"] == pytest.approx(raw.loc[raw["occupation_code"] == row["occupation_code"],
                                                        "projects"].sum())


def _with_crosswalk(territory):
    """A copy of the demo whose recruitment is coded in FAP2009, linked to ROME by a crosswalk."""
    copy_ = copy.copy(territory)
    copy_.tables = dict(territory.tables)
    copy_.__dict__.pop("_gpect_cubes", None)
    copy_.__dict__.pop("_gpect_crosswalks", None)
    rec = territory.tables["recruitment"].copy()
    rec.loc[rec["occupation_code"] == "H2913", ["occupation_system", "occupation_code"]] = ("FAP2009", "D2Z40")
    copy_.tables["recruitment"] = rec
    links = pd.DataFrame({"from_system": ["FAP2009", "FAP2009", "FAP2021"], "from_code": ["D2Z40", "D2Z40", "D2X40"],
                          "to_system": ["ROME4", "ROME4", "FAP2009"], "to_code": ["H2913", "H2914", "D2Z40"],
                          "kind": "crosswalk", "source": "Table de passage FAP-ROME (DARES)"})
    copy_.tables["occupation_links"] = pd.concat([territory.tables["occupation_links"], links], ignore_index=True)
    return copy_


def test_fap_occupation_gets_its_tension_through_the_crosswalk_and_says_so(demo_territory):
    territory = _with_crosswalk(demo_territory)
    selection = Selection("ZE2020", ("9903",))
    profile, linkage = sh.tension_of(territory, selection, "FAP2009", "D2Z40")
    assert linkage.codes == ("H2913", "H2914") and not linkage.direct and linkage.via == ()
    assert "DARES" in linkage.source
    tension = demo_territory.tables["tension"]
    raw = tension[(tension["zoning"] == "ZE2020") & (tension["zone_id"] == "9903") & (tension["year"] == 2024)
                  & tension["occupation_code"].isin(["H2913", "H2914"])]
    assert profile["tension_class"] == pytest.approx(raw["tension_class"].astype(float).mean())
    two_steps = sh.linked_codes(territory, "FAP2021", "D2X40", "ROME4")
    assert two_steps.codes == ("H2913", "H2914") and two_steps.via == ("FAP2009",)
    assert sh.linked_codes(territory, "FAP2021", "ZZZ99", "ROME4").codes == ()


def test_occupation_sheet(demo_territory):
    sheet = sh.occupation_sheet(demo_territory, Selection("ZE2020", ("9903",)), "ROME4", "H2913")
    assert list(sheet.levels["level"]) == ["selection", "region", "territory"]
    raw = demo_territory.tables["recruitment"]
    reg = raw[(raw["zoning"] == "REG") & (raw["year"] == 2024) & (raw["occupation_code"] == "H2913")].iloc[0]
    region = sheet.levels.set_index("level").loc["region"]
    assert region["projects"] == pytest.approx(float(reg["projects"]))
    assert region["difficult_share"] == pytest.approx(reg["difficult"] / reg["projects"])
    ze = raw[(raw["zoning"] == "ZE2020") & (raw["year"] == 2024) & (raw["occupation_code"] == "H2913")]
    expected_first = ze.sort_values("projects", ascending=False)
    solid = sheet.basins[sheet.basins["rank"].notna()]
    assert solid.iloc[0]["zone_id"] == expected_first.iloc[0]["zone_id"]
    links = demo_territory.tables["occupation_links"]
    neighbours = set(links.loc[links["from_code"] == "H2913", "to_code"]) | set(
        links.loc[links["to_code"] == "H2913", "from_code"])
    assert set(sheet.related["occupation_code"]) == neighbours


def test_cube_is_built_once_and_rebuilt_when_a_table_is_replaced(demo_territory):
    territory = copy.copy(demo_territory)
    territory.tables = dict(demo_territory.tables)
    territory.__dict__.pop("_gpect_cubes", None)
    first = cube_for(territory, "ZE2020")
    assert cube_for(territory, "ZE2020") is first
    rec = territory.tables["recruitment"].copy()
    rec.loc[(rec["zoning"] == "ZE2020") & (rec["zone_id"] == "9903") & (rec["year"] == 2024), "projects"] = 1
    territory.tables["recruitment"] = rec
    rebuilt = cube_for(territory, "ZE2020")
    assert rebuilt is not first
    table = occ.occupation_table(territory, Selection("ZE2020", ("9903",)))
    assert (table["projects"] <= 1).all()
