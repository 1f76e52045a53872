"""AppTest of « Formations et besoins » on the demo pack (French and English): the right figures for the right
basin, the gaps rule on the page, the message of an empty selection, and the survey block of « Synthèse »."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from apptest_tables import none_cells, shown, values
from streamlit.testing.v1 import AppTest

from gpect_core.formatting import fmt_int


@pytest.fixture
def at(demo_pack_copy, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(demo_pack_copy))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file("../app.py", default_timeout=90)


def _open(at, zone_ids, lang="fr", page="app_pages/formations.py"):
    at.run()
    if lang != "fr":
        at.session_state["lang"] = lang
    at.switch_page(page)
    at.run()
    at.multiselect(key="filter_zones").set_value(list(zone_ids)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _table(at, code_column):
    return next(f for f in at.dataframe if code_column in f.value.columns)


def _latest_training(territory, zone):
    tr = territory.tables["training"]
    tr = tr[(tr["zoning"] == "ZE2020") & (tr["zone_id"] == zone)]
    return tr.sort_values("year").groupby("program_id").tail(1)


def test_page_shows_the_basin_training_and_hiring(at, demo_territory):
    _open(at, ["9906"])
    latest = _latest_training(demo_territory, "9906")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Places"] == fmt_int(latest["capacity"].sum(), "fr")
    assert metrics["Formations"] == fmt_int(latest["program_id"].nunique(), "fr")
    element = _table(at, "Code ROME")
    table, text = element.value.set_index("Code ROME"), shown(element).set_index("Code ROME")
    program = latest.iloc[0]
    code = str(program["occupation_codes"]).split()[0]
    with_code = latest[latest["occupation_codes"].str.split().apply(lambda c: code in c)]
    assert table.loc[code, "Places"] == with_code["capacity"].sum()
    rec = demo_territory.tables["recruitment"]
    projects = rec[(rec["zoning"] == "ZE2020") & (rec["zone_id"] == "9906") & (rec["year"] == 2024)
                   & (rec["occupation_code"] == code)]["projects"].sum()
    assert table.loc[code, "Projets BMO"] == projects
    assert text.loc[code, "Places pour 100 projets du métier ou de sa famille BMO"] == f"{100 * with_code['capacity'].sum() / projects:.1f}".replace(
        ".", ",")
    # the other basin's figure differs: the page follows the filter
    at.multiselect(key="filter_zones").set_value(["9901"]).run()
    other = _latest_training(demo_territory, "9901")
    assert {m.label: m.value for m in at.metric}["Places"] == fmt_int(other["capacity"].sum(), "fr")
    assert other["capacity"].sum() != latest["capacity"].sum()
    # the rule is written, with its thresholds
    at.segmented_control(key="formations_view").set_value("gaps").run()
    rule = " ".join(m.value for m in at.markdown)
    assert "Pénurie sans formation locale" in rule and "places pour 100 projets" in rule
    assert any("InserJeunes" in c.value or "Sources" in c.value for c in at.caption)


def test_page_in_english(at, demo_territory):
    _open(at, ["9906"], lang="en")
    latest = _latest_training(demo_territory, "9906")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Places"] == fmt_int(latest["capacity"].sum(), "en")
    assert "ROME code" in _table(at, "ROME code").value.columns
    sources = next(c.value for c in at.caption if c.value.startswith("Sources"))
    assert "Fictional demonstration data" in sources and "fictives" not in sources, sources
    at.segmented_control(key="formations_view").set_value("gaps").run()
    assert any("Shortage without local training" in m.value for m in at.markdown)


def _drop_rows(pack, tables, zone=None):
    """Remove every row (or those of `zone`) of `tables` from the pack files."""
    for name in tables:
        frame = pd.read_parquet(pack / f"{name}.parquet")
        keep = frame.iloc[0:0] if zone is None else frame[frame["zone_id"] != zone]
        keep.to_parquet(pack / f"{name}.parquet", index=False)


def test_no_training_data_says_so_in_french(at, demo_pack_copy):
    _drop_rows(demo_pack_copy, ["training"])
    _open(at, ["9906"])
    assert any("pas de données de formation" in w.value for w in at.warning)
    table = values(_table(at, "Code ROME"))
    assert table["Places"].isna().all() and table["Projets BMO"].notna().any()


def test_empty_selection_says_so_in_french(at, demo_pack_copy):
    _drop_rows(demo_pack_copy, ["training", "needs", "recruitment", "tension"], zone="9906")
    _open(at, ["9906"])
    assert any("Aucun métier pour cette sélection" in i.value for i in at.info)
    assert not [f for f in at.dataframe if "Code ROME" in f.value.columns]


def test_synthese_shows_declared_needs(at, demo_territory):
    _open(at, ["9906"], page="app_pages/synthese.py")
    needs = demo_territory.tables["needs"]
    mine = needs[(needs["zoning"] == "ZE2020") & (needs["zone_id"] == "9906")]
    text = " ".join(m.value for m in at.markdown)
    assert f"{len(mine)} réponses à l'enquête entreprises" in text
    assert f"{fmt_int(mine['headcount'].sum(), 'fr')} recrutements envisagés" in text


def _place_training_by_department(pack) -> pd.DataFrame:
    """Rewrite the pack's training as known by département only (each programme on its zone's département), as
    the national files give it; returns the rewritten table."""
    zones = pd.read_parquet(pack / "zones.parquet")
    department = dict(zip(zones["zone_id"], zones["dep"], strict=True))
    training = pd.read_parquet(pack / "training.parquet")
    training["zone_id"] = training["zone_id"].map(department)
    training["zoning"] = "DEP"
    training.to_parquet(pack / "training.parquet", index=False)
    return training


def test_training_known_only_by_department_is_shown_apart_and_said_so(at, demo_pack_copy, demo_territory):
    training = _place_training_by_department(demo_pack_copy)
    _open(at, ["9906"])
    note = " ".join(i.value for i in at.info)
    assert "Formations localisées au département seulement : Haute-Verdanne (9B)" in note
    latest = training[training["zone_id"] == "9B"].sort_values("year").groupby("program_id").tail(1)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Places (département seulement)"] == fmt_int(latest["capacity"].sum(), "fr")
    assert "Places" not in metrics
    columns = _table(at, "Code ROME").value.columns
    assert "Places (département seulement)" in columns and "Places" not in columns
    # two basins of the same département: its programmes once, not once per basin
    at.multiselect(key="filter_zones").set_value(["9906", "9907"]).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Places (département seulement)"] == fmt_int(latest["capacity"].sum(), "fr")


def test_tension_class_is_an_integer_class_and_empty_numbers_show_a_dash(at):
    _open(at, ["9906"])
    text = shown(_table(at, "Code ROME"))
    classes = text["Classe de tension"]
    assert classes.str.fullmatch(r"[1-5]|–").all(), classes.unique()
    assert not text.isin(["None", "nan", "<NA>"]).any().any()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_cell_reads_none_and_empty_projects_sort_last(at, lang):
    _open(at, ["9906"], lang=lang)
    for view in ("table", "gaps"):
        at.segmented_control(key="formations_view").set_value(view).run()
        assert not at.exception
        assert none_cells(at) == [], view
    at.segmented_control(key="formations_view").set_value("table").run()
    element = _table(at, "Code ROME" if lang == "fr" else "ROME code")
    projects = values(element)["Projets BMO" if lang == "fr" else "BMO projects"]
    assert projects.notna().any()
    first_empty = int(np.argmax(projects.isna().to_numpy())) if projects.isna().any() else len(projects)
    assert projects.iloc[first_empty:].isna().all()  # every row showing its projects comes first
    assert (shown(element)["Projets BMO" if lang == "fr" else "BMO projects"][projects.isna()] == "–").all()


def test_a_fap_family_figure_is_given_once_and_the_exports_add_up():
    from test_training_needs import _tiny_pack

    from gpect_core.i18n import t
    from gpect_core.indicators.training_needs import classify_gaps, coverage, family_table, totals
    from gpect_core.selection import Selection
    from ui.formations import shown_families, shown_table

    territory = _tiny_pack()
    cov = coverage(territory, Selection("ZE2020", ("01",)))
    rome, _ = shown_table(classify_gaps(cov.table), t, with_needs=True)
    families, _ = shown_families(classify_gaps(family_table(territory, cov).assign(employment_rate=float("nan"))), t)
    rome = rome.set_index("Code ROME")
    assert rome.loc[["A1111", "A2222"], "Projets BMO"].isna().all()  # F1's 200 projects are not repeated
    assert (rome.loc[["A1111", "A2222"], "Famille BMO"] == "FAP2009 F1").all()
    assert rome.loc["B3333", "Projets BMO"] == 40
    assert families["Projets BMO"].tolist() == [200]
    assert rome["Projets BMO"].sum() + families["Projets BMO"].sum() == totals(cov)["projects"] == 240


def _csv(frame, formats) -> pd.DataFrame:
    """The CSV a user downloads, read back as French Excel reads it (`;`, decimal comma), caption lines dropped."""
    import io

    from gpect_core.export import Caption, table_csv

    text = table_csv(frame, Caption("x"), formats).decode("utf-8-sig")
    return pd.read_csv(io.StringIO(text.split("\r\n\r\n")[0]), sep=";", decimal=",", dtype={0: str})


def test_the_exports_add_up_to_the_page_totals_though_a_programme_prepares_several_occupations(at, demo_territory):
    from gpect_core.i18n import t
    from gpect_core.indicators.training_needs import classify_gaps, coverage
    from gpect_core.selection import Selection
    from ui.formations import programmes_export, table_export

    _open(at, ["9906"])
    metrics = {m.label: m.value for m in at.metric}
    assert not at.exception
    assert any("ligne « Total (sans double compte) »" in c.value for c in at.caption)

    def T(key, **values):
        return t(key, "fr", **values)

    cov = coverage(demo_territory, Selection("ZE2020", ("9906",)))
    table = classify_gaps(cov.table)
    rome = _csv(*table_export(cov, table, T, with_needs=True))
    programmes = _csv(*programmes_export(cov, table["occupation_code"], T, demo_territory.zone_names("ZE2020")))
    shared = programmes[programmes["Nombre de métiers du tableau"] >= 2]
    assert len(shared) >= 1  # the demo basin has programmes leading to two or three ROME codes
    f060 = programmes.set_index("Identifiant formation").loc["F060"]
    assert f060["Codes ROME du tableau"] == "H2301 H3302" and f060["Places"] == 10
    rows = rome[rome["Code ROME"] != "Total (sans double compte)"].set_index("Code ROME")
    total = rome[rome["Code ROME"] == "Total (sans double compte)"].iloc[0]
    assert rome["Code ROME"].iloc[-1] == "Total (sans double compte)"
    # the rows repeat a shared programme on each of its occupations, and say so
    assert rows.loc[["H2301", "H3302"], "Places"].tolist() == [10, 10]
    assert rows.loc[["H2301", "H3302"], "Nombre d'autres métiers du tableau préparés par ces formations"].tolist() \
        == [1, 1]
    assert rows["Places"].sum() > total["Places"]
    # what a user sums: the export by programme, or the total row, gives the page's figures
    for metric, column in (("Places", "Places"), ("Vœux / candidats", "Vœux / candidats")):
        assert metrics[metric] == fmt_int(programmes[column].sum(), "fr") == fmt_int(total[column], "fr")
    assert metrics["Formations"] == fmt_int(len(programmes), "fr") == fmt_int(total["Formations"], "fr")
    assert metrics["Projets de recrutement"] == fmt_int(total["Projets BMO"], "fr")
    latest = _latest_training(demo_territory, "9906")
    assert programmes["Inscrits"].sum() == total["Inscrits"] == latest["enrolled"].sum()
    assert programmes["Diplômés"].sum() == total["Diplômés"] == latest["graduates"].sum()


def test_the_family_export_ends_with_a_total_that_counts_a_programme_once():
    from test_training_needs import _tiny_pack

    from gpect_core.i18n import t
    from gpect_core.indicators.training_needs import coverage, family_table, totals
    from gpect_core.selection import Selection
    from ui.formations import families_export

    territory = _tiny_pack()
    cov = coverage(territory, Selection("ZE2020", ("01",)))
    frame, _ = families_export(cov, family_table(territory, cov), lambda k, **v: t(k, "fr", **v))
    last = frame.iloc[-1]
    assert last["Famille BMO"] == "Total (sans double compte)"
    assert last["Places"] == totals(cov, ["A1111", "A2222"])["places"] == 15  # P1 (10, two codes) once, P2 (5)
    assert last["Projets BMO"] == 200


def test_synthese_says_how_many_planned_hires_have_no_horizon_understood(at, demo_pack_copy):
    needs = pd.read_parquet(demo_pack_copy / "needs.parquet")
    mine = (needs["zoning"] == "ZE2020") & (needs["zone_id"] == "9906")
    needs.loc[mine, "horizon"] = "Dans les 6 prochains mois"
    first = needs.index[mine][0]
    needs.loc[first, "horizon"] = "quand on pourra"
    needs.to_parquet(demo_pack_copy / "needs.parquet", index=False)
    _open(at, ["9906"], page="app_pages/synthese.py")
    text = " ".join(m.value for m in at.markdown)
    rest = needs.loc[mine, "headcount"].sum() - needs.loc[first, "headcount"]
    assert (f"dont {fmt_int(rest, 'fr')} à moins de 6 mois, 0 à 1 an, 0 à 3 ans et "
            f"{fmt_int(needs.loc[first, 'headcount'], 'fr')} sans horizon reconnu") in text


def test_a_map_drawn_by_departement_says_it_is_for_information_and_its_export_names_its_rows(
        at, demo_pack_copy, demo_territory):
    from gpect_core.i18n import t
    from gpect_core.indicators.training_needs import coverage_by_zone
    from ui.formations import map_export

    _place_training_by_department(demo_pack_copy)
    _open(at, ["9906"])
    at.segmented_control(key="formations_view").set_value("map").run()
    assert not at.exception, [e.value for e in at.exception]
    captions = " ".join(c.value for c in at.caption)
    assert "les départements sont montrés pour information : cliquer sur la carte ne change pas la sélection" \
        in captions
    assert "cliquez une zone" not in captions
    code = at.selectbox(key="formations_map_pick").value
    by_dep = coverage_by_zone(demo_territory, "DEP", [code]).set_index("zone_id")
    export = map_export(demo_territory, by_dep, "DEP", lambda k, **v: t(k, "fr", **v), "fr")
    assert list(export.columns[:2]) == ["Zone (départements)", "Code de la zone"]
    assert "Code ROME" not in export.columns and "Bassin" not in export.columns
    assert set(export["Code de la zone"]) == set(demo_territory.zones_of("DEP")["zone_id"].astype(str))
