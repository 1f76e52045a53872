"""The Carte and Métiers analytics on the national pack built from ../shared/realdata (skipped without it)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from gpect_core import Territory
from gpect_core.indicators import choropleth as ch
from gpect_core.indicators import occupations as occ
from gpect_core.indicators import selection as sel
from gpect_core.indicators import sheet as sh
from gpect_core.indicators import zones as zn
from gpect_core.indicators.correspondence import correspondence
from gpect_core.selection import Selection


@pytest.fixture(scope="module")
def national(national_pack):
    return Territory.load(national_pack)


def _latest_recruitment(territory) -> pd.DataFrame:
    """The raw recruitment rows of each zoning's latest year (the year the app shows)."""
    rec = territory.tables["recruitment"]
    return rec[rec["year"] == rec.groupby("zoning")["year"].transform("max")]


def _basin(territory):
    rec = _latest_recruitment(territory)
    counts = rec[rec["zoning"] == "BMO"].groupby("zone_id").size()
    return counts.idxmax()


def test_basin_occupations_match_the_raw_bmo_rows(national):
    basin = _basin(national)
    table = occ.occupation_table(national, Selection("BMO", (basin,))).set_index("occupation_code")
    rec = _latest_recruitment(national)
    rows = rec[(rec["zoning"] == "BMO") & (rec["zone_id"] == basin)].set_index("occupation_code")
    assert set(table.index) == set(rows.index)
    assert np.allclose(table["projects"], rows.loc[table.index, "projects"].astype(float).fillna(0))
    both = rows.dropna(subset=["projects", "difficult"])
    both = both[both["projects"] > 0]
    assert np.allclose(table.loc[both.index, "difficult_share"], (both["difficult"] / both["projects"]).astype(float))
    ranked = occ.rank(table.reset_index(), "difficult_share")
    assert ranked["rank"].notna().any() and ranked.loc[ranked["fragile"], "rank"].isna().all()


def _bmo_cover(communes, ze):
    inside = communes[communes["zone_ZE2020"] == ze]
    shares = inside.groupby("zone_BMO")["population"].sum() / inside["population"].sum()
    return shares[shares >= sel.MIN_COVER_SHARE]


def test_a_zone_d_emploi_reads_its_recruitment_on_the_bmo_basins_covering_it(national):
    communes = national.tables["communes"]
    populations = communes.groupby("zone_ZE2020")["population"].sum().sort_values(ascending=False)
    # the most populous ZE whose kept BMO basins hold at least 90 % of its population
    ze = next(z for z in populations.index if _bmo_cover(communes, z).sum() >= 0.9)
    data = sel.data_selection(national, Selection("ZE2020", (ze,)))
    assert data.substituted and data.selection.zoning == "BMO"
    expected = set(_bmo_cover(communes, ze).index)
    assert set(data.selection.zone_ids) == expected
    assert data.coverage == pytest.approx(_bmo_cover(communes, ze).sum())
    comparison = zn.comparison(national, Selection("ZE2020", (ze,))).set_index("level")
    assert comparison.loc["selection", "recruitment_zoning"] == "BMO"
    rec = _latest_recruitment(national)
    assert comparison.loc["selection", "projects"] == pytest.approx(
        rec[(rec["zoning"] == "BMO") & rec["zone_id"].isin(expected)]["projects"].sum())
    fr = rec[rec["zoning"] == "FR"]
    assert comparison.loc["france", "projects"] == pytest.approx(fr["projects"].sum())


def test_paris_reads_its_recruitment_on_the_departements_that_match_it_better_than_bmo_basins(national):
    """Paris's zone d'emploi is split into many small BMO basins (the two above 10 % hold 43 % of it): the
    départements 75, 92, 93 and 94 cover 96 % of it with little excess, so they are the better reading."""
    communes = national.tables["communes"]
    ze = communes.loc[communes["commune_id"] == "75056", "zone_ZE2020"].iloc[0]
    assert _bmo_cover(communes, ze).sum() < 0.5
    data = sel.data_selection(national, Selection("ZE2020", (ze,)))
    assert data.selection.zoning == "DEP" and set(data.selection.zone_ids) >= {"75", "92", "93", "94"}
    assert data.coverage > 0.9


def test_ze2020_bmo_correspondence_covers_the_population(national):
    corr = correspondence(national, "ZE2020", "BMO")
    assert corr.method == "communes"
    total = pd.to_numeric(national.tables["communes"]["population"], errors="coerce").sum()
    assert corr.table["population_common"].sum() / total > 0.99
    covered = corr.table[corr.table["population_a"] > 0].groupby("zone_a")["share_of_a"].sum()
    assert covered.round(9).eq(1).mean() > 0.99


def test_region_tension_of_a_rome_occupation_goes_through_the_fap_crosswalk(national):
    links = national.tables["occupation_links"]
    crosswalk = links[(links["kind"] == "crosswalk") & (links["from_system"] == "FAP2009")]
    tension = national.tables["tension"]
    reg = tension[(tension["zoning"] == "REG")]
    region = reg["zone_id"].iloc[0]
    rome = crosswalk["to_code"].value_counts().index[0]
    profile, linkage = sh.tension_of(national, Selection("REG", (region,)), "ROME4", rome)
    assert linkage.target_system == "FAP2009" and not linkage.direct
    faps = set(crosswalk.loc[crosswalk["to_code"] == rome, "from_code"])
    assert set(linkage.codes) == faps
    rows = reg[(reg["zone_id"] == region) & reg["occupation_code"].isin(faps)]
    if rows.empty:
        assert profile is None
    else:
        assert profile["tension_class"] == pytest.approx(rows["tension_class"].astype(float).mean())


def test_map_values_and_peers_on_306_zones(national):
    values = ch.zone_values(national, "ZE2020", "unemployment_rate")
    assert len(values.values) == 306 and values.values.notna().sum() > 290
    classes = ch.classify(values.values, "natural_breaks")
    assert classes.count == 5
    counts = classes.classes.value_counts()
    assert counts.sum() == values.values.notna().sum()
    zone = values.values.dropna().index[0]
    peers = zn.peers(national, "ZE2020", zone)
    assert len(peers) == 5 and zone not in set(peers["zone_id"])


@pytest.fixture
def national_app(national_pack, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(national_pack))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file("../app.py", default_timeout=300)


def test_pages_on_a_zone_d_emploi_of_the_national_pack(national_app, national):
    at = national_app
    at.run()
    zone = national.zones_of("ZE2020")["zone_id"].iloc[100]
    for page in ("app_pages/carte.py", "app_pages/metiers.py"):
        at.switch_page(page)
        at.run()
        at.multiselect(key="filter_zones").set_value([zone]).run()
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error
    assert any("Bassins BMO" in i.value for i in at.info)  # the Métiers page says where its figures come from
    ranking = next(f.value for f in at.dataframe if "Rang" in f.value.columns)
    assert len(ranking) > 10 and isinstance(ranking, pd.DataFrame)


def test_synthese_of_a_zone_d_emploi_reads_hiring_projects_on_the_covering_bmo_basins(national_app, national):
    from gpect_core.formatting import fmt_int, fmt_pct

    communes = national.tables["communes"]
    populations = communes.groupby("zone_ZE2020")["population"].sum().sort_values(ascending=False)
    ze = next(z for z in populations.index if _bmo_cover(communes, z).sum() >= 0.9)
    covering = set(_bmo_cover(communes, ze).index)
    rec = _latest_recruitment(national)
    expected = rec[(rec["zoning"] == "BMO") & rec["zone_id"].isin(covering)]["projects"].sum()
    at = national_app
    at.run()
    at.multiselect(key="filter_zones").set_value([ze]).run()
    assert not at.exception
    projects = next(m.value for m in at.metric if m.label.startswith("Projets"))
    assert projects == fmt_int(expected)
    assert any("Bassins BMO" in i.value for i in at.info)
    coverage = fmt_pct(_bmo_cover(communes, ze).sum(), 0)
    assert any(f"Lu sur les Bassins BMO ({coverage} de la population de la sélection)" in i.value for i in at.info)


# ---------------------------------------------------------------------------------------------- BMO years side by side
BMO_WORKBOOKS = {2023: "bmo/Base_open_data_BMO_2023.xlsx", 2024: "bmo/Base_open_data_BMO_2024.xlsx",
                 2025: "bmo/Base_open_data_BMO_2025.xlsx"}


def _raw_bmo(realdata, year: int) -> pd.DataFrame:
    """The data sheet of the open-data workbook read directly (not through the readers): basin (4 digits),
    dep, and for each measure its published value (NaN where « * ») and the secret flag."""
    path = realdata / BMO_WORKBOOKS[year]
    sheets = pd.read_excel(path, sheet_name=None, dtype=str, engine="calamine")
    frame = next(f for f in sheets.values() if {"met", "xmet", "smet"} <= set(f.columns))
    basin = next(c for c in frame.columns if c.upper().startswith("BE"))
    out = pd.DataFrame({"year": frame["annee"].astype(float).astype(int),
                        "basin": frame[basin].str.replace(r"\.0$", "", regex=True).str.zfill(4),
                        "dep": frame["Dept"]})
    for measure, column in (("projects", "met"), ("difficult", "xmet"), ("seasonal", "smet")):
        text = frame[column].astype(str).str.strip()
        out[f"{measure}_secret"] = text == "*"
        out[measure] = pd.to_numeric(text.where(text != "*"), errors="coerce")
    return out


@pytest.mark.realdata
@pytest.mark.parametrize("year", sorted(BMO_WORKBOOKS))
def test_each_bmo_year_of_the_pack_equals_the_raw_workbook(national, realdata, year):
    raw = _raw_bmo(realdata, year)
    assert set(raw["year"]) == {year}
    rec = national.tables["recruitment"]
    rec = rec[rec["year"] == year]
    basins = rec.loc[rec["zoning"] == "BMO", "zone_id"].drop_duplicates().sort_values()
    sample = list(basins.iloc[[0, len(basins) // 3, len(basins) // 2, -1]])
    for basin in sample:
        mine = rec[(rec["zoning"] == "BMO") & (rec["zone_id"] == basin)]
        theirs = raw[raw["basin"] == basin]
        for measure in ("projects", "difficult", "seasonal"):
            assert mine[measure].sum() == theirs[measure].sum(), (year, basin, measure)
            assert mine[f"{measure}_secret"].sum() == theirs[f"{measure}_secret"].sum(), (year, basin, measure)
    for zoning, zone, rows in (("FR", "FR", raw), ("DEP", "06", raw[raw["dep"] == "06"])):
        mine = rec[(rec["zoning"] == zoning) & (rec["zone_id"] == zone)]
        assert mine["projects"].sum() == rows["projects"].sum(), (year, zoning)
        assert mine["projects_secret"].sum() == rows["projects_secret"].sum(), (year, zoning)


@pytest.mark.realdata
def test_national_pack_holds_three_bmo_years_and_the_basins_of_each(national):
    rec = national.tables["recruitment"]
    assert sorted(rec["year"].unique()) == [2023, 2024, 2025]
    assert set(rec.loc[rec["year"] == 2023, "occupation_system"]) == {"FAP2009"}
    assert set(rec.loc[rec["year"] >= 2024, "occupation_system"]) == {"FAP2021"}
    assert national.provenance["recruitment"].vintage == "BMO 2023 ; BMO 2024 ; BMO 2025"
    basins = national.tables["recruitment_basins"]
    in_2025 = set(basins.loc[basins["year"] == 2025, "basin"])
    assert {"0113", "0116", "9399"} <= in_2025 and not {"0103", "0104"} & in_2025
    from gpect_core.indicators import evolutions as ev

    alpes = ev.series_breaks(national, Selection("DEP", ("06",)))
    assert [(b.year, b.kind) for b in alpes] == [(2024, "nomenclature"), (2025, "basins")]
    assert any("(9399)" in name for name in alpes[1].appear)
    guadeloupe = next(b for b in ev.series_breaks(national, Selection("DEP", ("971",)))
                      if b.kind == "basins" and b.year == 2025)
    assert "Bassin Marie-Galante (0103 → 0116)" in guadeloupe.recoded
    marie_galante = [b for b in ev.series_breaks(national, Selection("BMO", ("0103",))) if b.kind == "basins"]
    assert [(b.year, b.recoded) for b in marie_galante] == [(2025, ("Bassin Marie-Galante (0103 → 0116)",))]


@pytest.mark.realdata
def test_evolutions_tab_draws_the_three_bmo_years_on_the_national_pack(national_app, national):
    import json

    at = national_app
    at.run()
    at.switch_page("app_pages/metiers.py")
    at.run()
    zone = national.zones_of("ZE2020")["zone_id"].iloc[100]
    at.multiselect(key="filter_zones").set_value([zone]).run()
    assert not at.exception, [e.value for e in at.exception]
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    totals = next(s for s in specs if s.get("title", {}).get("text", "").startswith("Projets de recrutement de la"))
    assert totals["layer"][0]["encoding"]["x"]["scale"]["domain"] == ["2023", "2024", "2025"]
    assert any(w.value.startswith("Rupture de série en 2024 : la nomenclature des métiers passe de FAP 2009")
               for w in at.warning)
