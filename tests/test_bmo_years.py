"""BMO surveys of several years side by side: every open-data layout read, one row set per year in the pack, and
the breaks in series (basins recoded or created, FAP 2009 → FAP 2021) shown, never joined silently."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from gpect_core.cli import main
from gpect_core.readers import read_path, read_source
from gpect_core.selection import Selection
from gpect_core.territory import Territory

HERE = Path(__file__).resolve().parent / "fixtures"
BMO = HERE / "bmo"
MINI = HERE / "mini"


def bmo_workbook(path: Path, csv: Path, sheet: str, doc_sheet: str = "Description des variables") -> Path:
    """The open-data workbook as France Travail publishes it: a description sheet (a few empty rows, then
    « Variables » / « Description »), then the data sheet with basin codes and the year stored as numbers."""
    frame = pd.read_csv(csv, sep=None, engine="python", dtype=str)
    basin = next(c for c in frame.columns if c.startswith("BE"))
    wb = openpyxl.Workbook()
    doc = wb.active
    doc.title = doc_sheet
    for _ in range(5):
        doc.append([None, None, None])
    doc.append([None, "Variables ", "Description "])
    for column in frame.columns:
        doc.append([None, column, f"description de {column}"])
    doc.append(["Pour plus d'information consulter la rubrique en savoir plus", None, None])
    data = wb.create_sheet(sheet)
    data.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        values = list(row)
        values[frame.columns.get_loc("annee")] = int(values[frame.columns.get_loc("annee")])
        values[frame.columns.get_loc(basin)] = int(values[frame.columns.get_loc(basin)])
        data.append(values)
    wb.save(path)
    return path


def data_tables(path: Path):
    return [p for p in read_path(path) if "recruitment_raw" in p.data]


# ------------------------------------------------------------------------------------------------ reader
def test_2023_workbook_with_basin_before_departement_and_numeric_codes(tmp_path):
    book = bmo_workbook(tmp_path / "Base_open_data_23.xlsx", BMO / "bmo_2023.csv", "BMO_2023_open_data")
    [parsed] = data_tables(book)
    rows = parsed.data["recruitment_raw"]
    assert parsed.vintage == "2023" and set(rows["year"]) == {2023}
    assert rows["basin"].tolist() == ["8401", "8401", "2701", "2799", "0101"]  # 101 stored as a number → 0101
    assert rows["dep"].tolist() == ["01", "01", "71", "71", "971"]
    assert set(rows["occupation_system"]) == {"FAP2009"}
    assert rows["projects"].tolist() == [100, 50, 40, 12, 250]


@pytest.mark.parametrize("doc_sheet", ["Description des variables", "Description_des_variables"])
def test_description_sheet_of_any_name_is_listed_calmly_as_documentation(tmp_path, doc_sheet):
    book = bmo_workbook(tmp_path / "Base_open_data_BMO_2025.xlsx", BMO / "bmo_2025.csv", "BMO_2025_open_data",
                        doc_sheet)
    results = read_path(book)
    doc = next(p for p in results if p.report.sheet == doc_sheet)
    assert doc.report.format_key == "documentation"
    assert not doc.report.problems and not doc.data
    from gpect_core.assemble.report import file_lines

    lines = "\n".join(file_lines([p.report for p in results]))
    assert "non reconnu" not in lines
    assert f"[{doc_sheet}] : documentation — non utilisée" in lines
    assert doc.report.notes == ["feuille de documentation (description des variables) : rien à importer"]


def test_2025_three_digit_basin_codes_are_padded_and_the_year_read_from_annee():
    [parsed] = read_path(BMO / "bmo_2025.csv")
    rows = parsed.data["recruitment_raw"]
    assert parsed.vintage == "2025" and set(rows["year"]) == {2025}
    assert {"0113", "0116", "0101"} <= set(rows["basin"])
    assert set(rows["occupation_system"]) == {"FAP2021"}


def test_year_from_the_basin_header_when_annee_is_absent():
    data = (b"Code m\xc3\xa9tier BMO;BE22;NOMBE22;Dept;REG;met;xmet;smet\n"
            b"D2Z41;8401;BOURG;01;84;10;5;0\n")
    [parsed] = read_source(data, "extrait_sans_annee.csv")
    assert parsed.vintage == "2022"
    assert parsed.data["recruitment_raw"]["year"].tolist() == [2022]
    assert set(parsed.data["recruitment_raw"]["occupation_system"]) == {"FAP2009"}


def test_user_given_year_wins_over_the_basin_header():
    data = (b"Code m\xc3\xa9tier BMO;BE22;NOMBE22;Dept;REG;met;xmet;smet\n"
            b"D2Z41;8401;BOURG;01;84;10;5;0\n")
    [parsed] = read_source(data, "extrait.csv", {"extrait.csv": "2021"})
    assert parsed.data["recruitment_raw"]["year"].tolist() == [2021]


# ------------------------------------------------------------------------------------------------ pack
@pytest.fixture(scope="module")
def years_build(tmp_path_factory):
    """A pack from the mini communes, a basin composition and the BMO 2023 (workbook and its CSV), 2024 and 2025
    files, with the printed report."""
    base = tmp_path_factory.mktemp("years")
    src = base / "src"
    src.mkdir()
    for name in ("communes.geojson", "passage.csv"):
        shutil.copy(MINI / name, src / name)
    for name in ("bassins.csv", "bmo_2023.csv", "bmo_2024.csv", "bmo_2025.csv"):
        shutil.copy(BMO / name, src / name)
    bmo_workbook(src / "Base_open_data_23.xlsx", BMO / "bmo_2023.csv", "BMO_2023_open_data")
    (src / "extrait_2024.csv").write_text(
        "annee;Code métier BMO;Nom métier BMO;BE24;NOMBE24;Dept;REG;met;xmet;smet\n"
        "2024;D2X41;Soudeurs;2701;MACON;71;27;45;40;2\n", encoding="utf-8")
    out = base / "pack"
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["build-pack", "--from", str(src), "--out", str(out), "--by", "test"]) == 0
    return Territory.load(out), buffer.getvalue()


def _rows(territory, zoning, zone, year):
    rec = territory.tables["recruitment"]
    return rec[(rec["zoning"] == zoning) & (rec["zone_id"] == zone) & (rec["year"] == year)].set_index(
        "occupation_code")


def test_every_year_is_kept_and_each_counted_once(years_build):
    territory, report = years_build
    rec = territory.tables["recruitment"]
    assert sorted(rec["year"].unique()) == [2023, 2024, 2025]
    assert set(rec.loc[rec["year"] == 2023, "occupation_system"]) == {"FAP2009"}
    assert set(rec.loc[rec["year"] >= 2024, "occupation_system"]) == {"FAP2021"}
    # the 2023 workbook and its CSV: one survey, counted once
    assert _rows(territory, "DEP", "01", 2023).loc["D2Z41", "projects"] == 100
    # the 2024 extract repeats a row of the whole 2024 file: not counted twice
    assert _rows(territory, "BMO", "2701", 2024).loc["D2X41", "projects"] == 45
    assert "déjà lue" in report and "extrait_2024.csv" in report
    # 2025: the new basin 8499 adds to the département; its secret difficult cell is counted apart
    dep01 = _rows(territory, "DEP", "01", 2025).loc["D2X41"]
    assert (dep01["projects"], dep01["difficult"], dep01["difficult_secret"]) == (155, 90, 1)
    assert territory.provenance["recruitment"].vintage == "BMO 2023 ; BMO 2024 ; BMO 2025"


def test_build_report_names_the_basins_that_appear_and_disappear(years_build):
    _, report = years_build
    line = next(x for x in report.splitlines() if "bassins BMO de 2024 à 2025" in x)
    assert "recodés : Bassin Iles Du Nord (0104 → 0113)" in line
    assert "apparus : Bassin Marie-Galante (0116), Pays De Gex (8499)" in line
    assert "disparus : Tournus (2799)" in line
    assert any("FAP 2009" in x and "FAP 2021" in x and "2024" in x for x in report.splitlines())


# ------------------------------------------------------------------------------------------------ « Évolutions »
def test_series_of_a_departement_breaks_at_the_nomenclature_and_at_a_new_basin(years_build):
    from gpect_core.indicators import evolutions as ev

    territory, _ = years_build
    selection = Selection("DEP", ("01",))
    breaks = ev.series_breaks(territory, selection)
    assert [(b.year, b.kind) for b in breaks] == [(2024, "nomenclature"), (2025, "basins")]
    assert breaks[0].systems == ("FAP2009", "FAP2021")
    assert breaks[1].appear == ("Pays De Gex (8499)",) and not breaks[1].gone
    series = ev.selection_series(territory, selection)
    assert series["year"].tolist() == [2023, 2024, 2025]
    assert series["projects"].tolist() == [150, 170, 225]
    assert series["segment"].tolist() == [0, 1, 2]
    assert series["systems"].tolist() == ["FAP2009", "FAP2021", "FAP2021"]
    assert series["difficult_share"].iloc[0] == pytest.approx(30 / 50)  # the secret-free rows only


def test_basin_series_break_only_where_the_selection_changes(years_build):
    from gpect_core.indicators import evolutions as ev

    territory, _ = years_build
    alone = ev.series_breaks(territory, Selection("BMO", ("8401",)))
    assert [(b.year, b.kind) for b in alone] == [(2024, "nomenclature")]
    pair = ev.series_breaks(territory, Selection("BMO", ("2701", "2799")))
    assert [(b.year, b.kind, b.gone) for b in pair if b.kind == "basins"] == [(2025, "basins", ("Tournus (2799)",))]
    assert not ev.fap_crosswalk(territory)


def _charts(at):
    """The Vega-Lite specs of the charts the page drew (Streamlit's AppTest has no chart element: read the proto)."""
    import json

    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def test_evolutions_tab_draws_the_three_years_with_the_breaks(years_build, monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    territory, _ = years_build
    monkeypatch.setenv("GPECT_PACK", str(territory.path))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()
    at.session_state["filter_zoning"] = "DEP"
    at.switch_page("app_pages/metiers.py")
    at.run()
    at.multiselect(key="filter_zones").set_value(["01"]).run()
    assert not at.exception, [e.value for e in at.exception]
    warnings = [w.value.replace("\\", "") for w in at.warning]  # zone names are escaped as Markdown text
    assert any(w.startswith("Rupture de série en 2024 : la nomenclature des métiers passe de FAP 2009 (2023) à "
                            "FAP 2021") for w in warnings)
    assert any("Rupture de série en 2025" in w and "apparus : Pays De Gex (8499)" in w for w in warnings)
    assert any("pas de table de passage FAP 2009 → FAP 2021" in i.value for i in at.info)
    assert any("Ruptures de série" in c.value for c in at.caption)
    specs = _charts(at)
    totals = [s for s in specs if s.get("title", {}).get("text", "").startswith("Projets de recrutement de la")]
    assert totals and totals[0]["layer"][0]["encoding"]["x"]["scale"]["domain"] == ["2023", "2024", "2025"]
    rules = [layer for layer in totals[0]["layer"] if layer["mark"]["type"] == "rule"]
    assert [r["encoding"]["x"]["datum"] for r in rules] == ["2024", "2025"]
    assert any(layer["mark"].get("text") == "rupture de série" for layer in totals[0]["layer"])
    occupations = [s for s in specs if s.get("title", {}).get("text", "") == "Projets de recrutement par année"]
    assert occupations[0]["layer"][0]["encoding"]["x"]["scale"]["domain"] == ["2024", "2025"]



def test_evolutions_on_a_pack_of_one_nomenclature_and_stable_zones_has_no_break(demo_pack_copy, monkeypatch,
                                                                                 tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("GPECT_PACK", str(demo_pack_copy))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()
    at.switch_page("app_pages/metiers.py")
    at.run()
    at.multiselect(key="filter_zones").set_value(["9903", "9907"]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not any("Rupture de série" in w.value for w in at.warning)
    assert not any("table de passage" in i.value for i in at.info)
    specs = _charts(at)
    totals = next(s for s in specs if s.get("title", {}).get("text", "").startswith("Projets de recrutement de la"))
    assert totals["layer"][0]["encoding"]["x"]["scale"]["domain"] == ["2022", "2023", "2024"]
    assert not [layer for layer in totals["layer"] if layer["mark"]["type"] == "rule"]
    per_occupation = next(s for s in specs if s.get("title", {}).get("text", "") == "Projets de recrutement par année")
    assert per_occupation["layer"][0]["encoding"]["x"]["scale"]["domain"] == ["2022", "2023", "2024"]


def test_basin_composition_year_comes_from_its_name_never_a_constant():
    from gpect_core.readers.bmo import bmo_basin_vintage
    from gpect_core.readers.sniff import RawTable

    frame = pd.DataFrame({"code_commune_insee": ["01001"], "code_bassin_BMO": ["8457"]})
    assert bmo_basin_vintage(RawTable(frame, file="bassins_bmo2024_communes.csv")) == "2024"
    assert bmo_basin_vintage(RawTable(frame, file="bassins_bmo_2025.csv")) == "2025"
    assert bmo_basin_vintage(RawTable(frame, file="bassins_communes.csv")) == ""
