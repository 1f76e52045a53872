"""AppTest of the « Métiers en tension » page on the demo pack: rankings, fragile figures, family filter, sheet."""

from __future__ import annotations

import pytest
from apptest_tables import shown, values
from streamlit.testing.v1 import AppTest

from gpect_core.formatting import fmt_float, fmt_int, fmt_pct
from gpect_core.indicators.occupations import MIN_PROJECTS


@pytest.fixture
def at(demo_pack_copy, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(demo_pack_copy))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file("../app.py", default_timeout=60)


def _open(at, zone_ids, **state):
    at.run()
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page("app_pages/metiers.py")
    at.run()
    at.multiselect(key="filter_zones").set_value(list(zone_ids)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _ranking(at):
    return next(values(f) for f in at.dataframe if "Rang" in f.value.columns and "Métier" in f.value.columns)


def _raw(territory, zone_ids):
    rec = territory.tables["recruitment"]
    rows = rec[(rec["zoning"] == "ZE2020") & (rec["year"] == 2024) & rec["zone_id"].isin(zone_ids)]
    grouped = rows.groupby("occupation_code").agg(projects=("projects", "sum"))
    both = rows.dropna(subset=["projects", "difficult"]).groupby("occupation_code")[["projects", "difficult"]].sum()
    grouped["share"] = both["difficult"] / both["projects"]
    hidden = rows.assign(hidden=rows["projects"].isna() | rows["difficult"].isna()).groupby("occupation_code")[
        "hidden"].mean()
    grouped["fragile"] = (grouped["projects"] < MIN_PROJECTS) | grouped["share"].isna() | (hidden >= 0.5)
    return grouped


def test_ranking_by_projects_puts_solid_figures_first(at, demo_territory):
    _open(at, ["9903", "9907"])
    table = _ranking(at)
    raw = _raw(demo_territory, ["9903", "9907"])
    solid = raw[~raw["fragile"]].sort_values("projects", ascending=False)
    assert table["Code"].iloc[0] == solid.index[0]
    assert table["Projets"].iloc[0] == pytest.approx(solid["projects"].iloc[0])
    fragile_rows = table[table["Fragile"] == "oui"]
    assert set(fragile_rows["Code"]) == set(raw.index[raw["fragile"]])
    assert fragile_rows["Rang"].isna().all()
    assert table["Rang"].dropna().tolist() == list(range(1, int((~raw["fragile"]).sum()) + 1))
    assert any("Chiffre fragile" in c.value for c in at.caption)


def test_ranking_by_difficulty_and_family_filter(at, demo_territory):
    _open(at, ["9903"], classement="difficult_share", famille="H")
    table = _ranking(at)
    raw = _raw(demo_territory, ["9903"])
    occupations = demo_territory.tables["occupations"].set_index("code")
    raw = raw[raw.index.map(occupations["family"]) == "H"]
    solid = raw[~raw["fragile"]].sort_values(["share"], ascending=False)
    assert set(table["Code"]) == set(raw.index)
    assert table["Code"].iloc[0] == solid.index[0]
    assert table["Part difficile"].iloc[0] == pytest.approx(solid["share"].iloc[0])


def test_ranking_by_tension_class(at, demo_territory):
    _open(at, ["9903"], classement="tension_class")
    table = _ranking(at)
    tension = demo_territory.tables["tension"]
    raw = tension[(tension["zoning"] == "ZE2020") & (tension["zone_id"] == "9903") & (tension["year"] == 2024)]
    best = raw.sort_values(["tension_class", "tension_score", "occupation_code"], ascending=[False, False, True])
    assert table["Code"].tolist()[:5] == best["occupation_code"].tolist()[:5]


def test_occupation_sheet_compares_here_region_and_territory(at, demo_territory):
    _open(at, ["9903"], metier=("ROME4", "H2913"))
    assert any("Fiche : Soudeur / Soudeuse" in s.value for s in at.subheader)
    levels = shown(next(f for f in at.dataframe if {"Niveau", "Projets"} <= set(f.value.columns)))
    rec = demo_territory.tables["recruitment"]
    here = rec[(rec["zoning"] == "ZE2020") & (rec["zone_id"] == "9903") & (rec["year"] == 2024)
               & (rec["occupation_code"] == "H2913")].iloc[0]
    reg = rec[(rec["zoning"] == "REG") & (rec["year"] == 2024) & (rec["occupation_code"] == "H2913")].iloc[0]
    assert levels["Projets"].tolist()[:2] == [fmt_int(here["projects"]), fmt_int(reg["projects"])]
    assert levels["Part difficile"].iloc[1] == fmt_pct(reg["difficult"] / reg["projects"])
    tension = demo_territory.tables["tension"]
    row = tension[(tension["zoning"] == "ZE2020") & (tension["zone_id"] == "9903") & (tension["year"] == 2024)
                  & (tension["occupation_code"] == "H2913")].iloc[0]
    assert levels["Manque de main-d'œuvre disponible"].iloc[0] == fmt_float(row["labour_shortage"], 1)
    related = next(f.value for f in at.dataframe if {"Classe de tension", "Code"} <= set(f.value.columns)
                   and "Rang" not in f.value.columns)
    links = demo_territory.tables["occupation_links"]
    neighbours = set(links.loc[links["from_code"] == "H2913", "to_code"]) | set(
        links.loc[links["to_code"] == "H2913", "from_code"])
    assert set(related["Code"]) == neighbours


def test_the_page_in_english(at):
    _open(at, ["9903"], lang="en")
    assert at.title[0].value == "Shortage occupations"
    assert "Occupation" in _ranking_en(at).columns


def _ranking_en(at):
    return next(values(f) for f in at.dataframe if "Rank" in f.value.columns)
