"""Tension and training files read at their own year, several years side by side, and the training table
completed by InserJeunes (insertion rates) and the constat de rentrée (enrolments). Small hand-made fixtures
(tests/fixtures/vintages) on the mini territory (départements 01 in région 84 and 71 in région 27)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from gpect_core.readers import read_path

FIX = Path(__file__).resolve().parent / "fixtures"
VINTAGES = FIX / "vintages"
MINI = FIX / "mini"


def only(path: Path):
    results = [p for p in read_path(path) if p.report.format_key]
    assert len(results) == 1, [p.report.notes for p in read_path(path)]
    return results[0]


def build(tmp_path: Path, *files: str, leave_out: tuple[str, ...] = ()):
    """The mini pack with the given fixture files added (and some mini files left out)."""
    from gpect_core.build import build_territory

    folder = tmp_path / "folder"
    folder.mkdir()
    for path in MINI.iterdir():
        if path.name not in leave_out:
            shutil.copy(path, folder / path.name)
    for file in files:
        shutil.copy(VINTAGES / file, folder / file)
    return build_territory(folder, imported_by="test")


# ------------------------------------------------------------------------------------------------ tension
def test_ft_tension_year_comes_from_the_annee_column_not_the_file_name():
    parsed = only(VINTAGES / "tensions_copie_2021.csv")
    assert parsed.report.format_key == "ft_tension"
    assert parsed.data["tension"]["year"].unique().tolist() == [2020]
    assert parsed.vintage == "2020"


def test_ft_tension_three_digit_basin_is_padded_to_four():
    tension = only(VINTAGES / "tensions_copie_2021.csv").data["tension"]
    assert sorted(tension["zone_id"]) == ["0113", "2701", "8401"]
    assert tension.set_index("zone_id").loc["0113", "tension_class"] == 1


def test_ft_tension_2019_old_layout_cp1252_no_break_space_thousands_overall_class_only():
    parsed = only(VINTAGES / "tensions_ancien_format.csv")
    tension = parsed.data["tension"].set_index("zone_id")
    assert parsed.report.rows_rejected == 0
    assert tension["year"].unique().tolist() == [2019]
    assert tension.loc["8401", "offers"] == 1036 and tension.loc["8401", "jobseekers"] == 1284
    assert tension.loc["8401", "occupation_code"] == "H2913" and tension.loc["8401", "tension_class"] == 5
    assert tension["hiring_intensity"].isna().all() and tension["training_link"].isna().all()


def test_pack_holds_tension_2019_2020_2021_side_by_side_with_a_report_line(tmp_path):
    territory, report = build(tmp_path, "tensions_copie_2021.csv", "tensions_ancien_format.csv",
                              "tensions_2021.csv", leave_out=("tension_bassin.csv",))
    tension = territory.tables["tension"]
    bourg = tension[(tension["zone_id"] == "8401") & (tension["occupation_code"] == "H2913")].set_index("year")
    assert sorted(bourg.index) == [2019, 2020, 2021]
    assert bourg.loc[2019, "tension_class"] == 5 and bourg.loc[2020, "tension_class"] == 4
    assert bourg.loc[2021, "offers"] == pytest.approx(16.5)
    line = next(x for x in report.lines if x.startswith("tensions : ") and "lignes —" in x)
    assert "BMO (ROME4) : 2019 (2), 2020 (3), 2021 (2)" in line
    assert set(territory.provenance["tension"].vintage.split(" ; ")) >= {"2019", "2020", "2021"}


# ----------------------------------------------------------------------------------------------- capacities
def test_two_affelnet_years_side_by_side_never_replace_each_other(tmp_path):
    territory, report = build(tmp_path, "capacites_lycees_2021.csv", "capacites_lycees_2022.csv")
    training = territory.tables["training"]
    lycee = training[(training["provider"] == "0010001W") & (training["mef_stat_11"] == "23210023446")]
    assert lycee.set_index("year")["capacity"].to_dict() == {2021: 420, 2022: 450}
    assert any(x.startswith("formations : 4 lignes — 2021 : lycée 2 ; 2022 : lycée 2") for x in report.lines)


def test_capacity_file_without_a_year_is_refused_with_the_vintage_option(tmp_path):
    copy = tmp_path / "capacites_lycees.csv"
    shutil.copy(VINTAGES / "capacites_lycees_2021.csv", copy)
    parsed = only(copy)
    assert parsed.missing_vintage and not parsed.data
    message = parsed.report.problems[0].message
    assert "« capacites_lycees.csv »" in message and "--vintage" in message and "année (millésime)" in message


def test_bts_2023_layout_read_and_its_non_uai_rows_reported_by_row():
    parsed = only(VINTAGES / "bts_capacites_2023.csv")
    rows = parsed.data["training_raw"]
    assert rows["year"].unique().tolist() == [2023]
    assert rows["mef_stat_11"].tolist() == ["32211025001", "32211025001"]  # MEFSTAT11, not MEFSTAT11_old
    assert rows["voie"].tolist() == ["scolaire", "apprentissage"] and rows["cfd"].tolist() == ["32025001"] * 2
    assert parsed.report.rows_rejected == 2
    messages = [p.message for p in parsed.report.problems]
    assert any("ligne 4" in m and "« C752887F »" in m and "UAI" in m for m in messages)
    assert any("ligne 5" in m and "« C752887F »" in m for m in messages)


# ----------------------------------------------------------------------------------------------- InserJeunes
def test_inserjeunes_rates_are_fractions_by_insee_region_with_their_cohort():
    parsed = only(VINTAGES / "ij_region_data.csv")
    assert parsed.report.format_key == "inserjeunes"
    assert parsed.vintage == "2020_2021-2021_2022"
    rows = parsed.data["insertion"]
    assert set(rows["reg"]) == {"84", "27"}  # code_region (INSEE), never code_region_ij (07, 02)
    first = rows[(rows["cohort"] == "2020_2021")].iloc[0]
    assert first["employment_rate_12"] == pytest.approx(0.50) and first["employment_rate_24"] == pytest.approx(0.62)
    assert first["further_study_rate"] == pytest.approx(0.33) and first["leavers"] == 40
    hidden = rows[rows["mef_stat_11"] == "32221025001"].iloc[0]
    assert pd.isna(hidden["employment_rate_12"])
    assert parsed.report.rows_rejected == 1
    assert any("taux_emploi_12_mois" in p.message and "hors de 0 à 100" in p.message
               for p in parsed.report.problems)


def test_inserjeunes_rates_attached_by_formation_region_and_voie(tmp_path):
    territory, report = build(tmp_path, "capacites_lycees_2021.csv", "bts_capacites_2023.csv",
                              "ij_region_data.csv", "n_mef.csv")
    training = territory.tables["training"].set_index("program_id")
    lycee = training.loc["0010001W-23210023446-ST"]  # first-year MEF → diploma 40023446 → terminal-year rates
    assert lycee["employment_rate"] == pytest.approx(0.60) and lycee["further_study_rate"] == pytest.approx(0.30)
    assert lycee["insertion_cohort"] == "2021_2022"  # the latest cohort, not 2020_2021 (0.50)
    apprentice = training.loc["0710002B-32211025001-apprentissage"]  # BFC (27), apprenticeship, by CFD
    assert apprentice["employment_rate"] == pytest.approx(0.78)
    school_bts = training.loc["0010001W-32211025001-scolaire"]  # the apprenticeship figure is not its own
    assert pd.isna(school_bts["employment_rate"]) and pd.isna(school_bts["insertion_cohort"])
    assert pd.isna(training.loc["0710002B-24023402211-ST", "employment_rate"])
    line = next(x for x in report.lines if "InserJeunes" in x)
    assert "rattachés à 2 lignes sur 4" in line and "2 sans taux" in line
    assert "ij_region_data.csv" in territory.provenance["training"].url


# ------------------------------------------------------------------------------------- constat de rentrée
def test_constat_enrolments_attached_at_their_own_rentree_and_never_counted_twice(tmp_path):
    territory, report = build(tmp_path, "capacites_lycees_2021.csv", "constat_rentree.csv")
    training = territory.tables["training"]
    lycee = training[(training["provider"] == "0010001W") & (training["mef_stat_11"] == "23210023446")]
    by_year = lycee.set_index("year")
    assert by_year.loc[2021, "enrolled"] == 415 and by_year.loc[2021, "capacity"] == 420
    assert by_year.loc[2020, "enrolled"] == 396 and pd.isna(by_year.loc[2020, "capacity"])
    assert by_year.loc[2020, "kind"] == "constat"
    assert len(lycee) == 2
    assert training.loc[training["mef_stat_11"] == "23C20023408", "enrolled"].tolist() == [12]  # letters: a MEF
    assert int(training["enrolled"].sum()) == 396 + 22 + 12 + 415
    assert any("effectifs du constat de rentrée sur 1 offres" in x and "3 lignes « constat » ajoutées" in x
               for x in report.lines)
    constat = next(r for r in report.files if r.format_key == "enrolment")
    assert constat.rows_rejected == 1 and "« 2302 » : code MEF STAT 11 mal formé" in constat.problems[0].message


def test_inserjeunes_imported_onto_a_pack_fills_its_training_rates(tmp_path):
    from gpect_core.ingest import Upload, integrate, prepare
    from gpect_core.territory import Territory

    territory, _ = build(tmp_path, "capacites_lycees_2021.csv", "bts_capacites_2023.csv", "n_mef.csv")
    pack = tmp_path / "pack"
    territory.save(pack, keep_previous=False)
    assert territory.tables["training"]["employment_rate"].isna().all()
    uploads = [Upload(name, (VINTAGES / name).read_bytes()) for name in ("ij_region_data.csv", "n_mef.csv")]
    preview = prepare(pack, uploads, imported_by="test", accept_rejections=True)
    assert preview.ok, preview.report()
    integrate(pack, preview)
    training = Territory.load(pack).tables["training"].set_index("program_id")
    assert training.loc["0010001W-23210023446-ST", "employment_rate"] == pytest.approx(0.60)
    assert training.loc["0710002B-32211025001-apprentissage", "insertion_cohort"] == "2021_2022"
    assert training.loc["0010001W-23210023446-ST", "capacity"] == 420  # the capacities are kept
    assert len(training) == 4


def test_inserjeunes_with_no_training_to_attach_to_is_set_aside_saying_why(tmp_path):
    _, report = build(tmp_path, "ij_region_data.csv")
    ij = next(r for r in report.files if r.format_key == "inserjeunes")
    assert not ij.used and any("aucune formation" in note for note in ij.notes)
