"""Each reader on the real public file it was written for (skips when ../shared/realdata is absent)."""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd
import pytest

from conftest_realdata import REALDATA_VINTAGES
from gpect_core.readers import read_path

pytestmark = [pytest.mark.realdata, pytest.mark.xdist_group("realdata_reads")]  # each file read once: one worker


@functools.cache
def read_real(path: Path) -> tuple:
    """`read_path` of a realdata file with the vintages the national pack uses, read once per test process (the
    tests only look at what was read; a BMO workbook takes tens of seconds)."""
    return tuple(read_path(path, REALDATA_VINTAGES))


def recognised(realdata, relative: str, sheet: str | None = None):
    results = [p for p in read_real(realdata / relative) if p.report.format_key]
    if sheet:
        results = [p for p in results if p.report.sheet == sheet]
    assert results, f"{relative} not recognised"
    return results[0]


@pytest.mark.parametrize(("relative", "sheet", "key", "frame", "rows"), [
    ("territoires/ZE2020_au_01-01-2023.xlsx", "Composition_communale", "ze_composition", "composition", 34945),
    ("territoires/ZE2020_au_01-01-2023.xlsx", "ZE2020", "ze_list", "zone_names", 306),
    ("territoires/ze2020_composition_communale_2023.csv", None, "ze_composition", "composition", 34945),
    ("territoires/bassins_bmo2024_communes.csv", None, "bmo_basins", "composition", 37498),
    ("territoires/lexique-bassins_BE19.csv", None, "bmo_basins", "composition", 35357),
    ("territoires/decoupage_epci_membres_2026.csv", None, "epci", "composition", 34871),
    ("territoires/table_passage_cog_2025.csv", None, "passage", "passage", None),
    ("bmo/Base_open_data_BMO_2023.xlsx", "BMO_2023_open_data", "bmo", "recruitment_raw", 50437),
    ("bmo/Base_open_data_BMO_2024.xlsx", "BMO_2024_open_data", "bmo", "recruitment_raw", 53443),
    ("bmo/Base_open_data_BMO_2025.xlsx", "BMO_2025_open_data", "bmo", "recruitment_raw", 50076),
    ("bmo/bmo_2024.csv", None, "bmo", "recruitment_raw", 53443),
    ("tensions/dares_tensions_2019_fap2009.csv", None, "dares_tension", "tension", 31034),
    ("tensions/tensions_rome_bassin_2021.csv", None, "ft_tension", "tension", 27135),
    ("rome/unix_referentiel_code_rome_v460_utf8.csv", None, "rome_fiches", "occupations", 1584),
    ("rome/unix_referentiel_appellation_v460_utf8.csv", None, "rome_appellations", "occupation_titles", 13120),
    ("rome/unix_rubrique_mobilite_v460_utf8.csv", None, "rome_mobility", "occupation_links", 14912),
    ("rome/unix_coherence_item_v460_utf8.csv", None, "rome_coherence", "skill_links", 104219),
    ("rome/unix_referentiel_competence_v460_utf8.csv", None, "rome_competences", "skill_labels", 18317),
    ("rome/unix_referentiel_savoir_v460_utf8.csv", None, "rome_savoirs", "skill_labels", 15354),
    ("nomenclatures/fap2021_intitules.csv", None, "fap2021", "occupations", 228),
    ("nomenclatures/fap2009_225_rome.csv", None, "fap2009_rome", "occupation_links", None),
    ("nomenclatures/fap2009_pcs_rome_mobiville.csv", None, "fap_rome_filled", "occupation_links", None),
    ("emploi/chomage-zone-t1-2003-t3-2023.xlsx", "txcho_ze", "unemployment_ze", "context", None),
    ("emploi/chomage_ze2020_trimestriel_2003T1_2023T3.csv", None, "unemployment_ze", "context", None),
    ("emploi/population_historique_ze2020_1876_2020.csv", None, "population_ze", "context", None),
    ("emploi/pop_hist_1876_ze.xlsx", "Data", "population_ze", "context", None),
    ("emploi/demandeurs_emploi_secteur_bassin.csv", None, "jobseekers_sector", "context", 7626 - 21),
    ("formation/attractivite_capacite_2022.csv", None, "lycee_capacity", "training_raw", None),
    ("formation/BTS_attractivite_capacite_2024.csv", None, "bts_capacity", "training_raw", None),
    ("formation/certif_info.csv", None, "certif_info", "certifications", None),
    ("formation/nMef.csv", None, "bcn_mef", "bcn_mef", None),
    ("formation/nFormationDiplome_.csv", None, "bcn_formation", "bcn_formation", 4023),
    ("geo/communes_2025.gpkg", None, "geo_communes", "commune_geometry", 34875 - 8),
])
def test_real_file_is_recognised_and_read(realdata, relative, sheet, key, frame, rows):
    parsed = recognised(realdata, relative, sheet)
    assert parsed.report.format_key == key
    assert frame in parsed.data
    if rows is not None:
        assert len(parsed.data[frame]) == rows


def test_bmo_2024_secrets_are_counted_as_in_the_source(realdata):
    parsed = recognised(realdata, "bmo/bmo_2024.csv")
    # SOURCES.md: `*` in 10,891 met cells, 20,507 xmet cells and 39,359 smet cells
    assert parsed.report.secret_cells == 10891 + 20507 + 39359
    rows = parsed.data["recruitment_raw"]
    assert int(rows["projects"].isna().sum()) == 10891
    assert rows["basin"].str.fullmatch(r"\d{4}").all()  # `101` → `0101`
    assert set(rows["occupation_system"]) == {"FAP2021"}


def test_ze_workbook_and_its_csv_extract_agree(realdata):
    xlsx = recognised(realdata, "territoires/ZE2020_au_01-01-2023.xlsx", "Composition_communale")
    csv = recognised(realdata, "territoires/ze2020_composition_communale_2023.csv")
    pd.testing.assert_frame_equal(xlsx.data["composition"], csv.data["composition"])


def test_unemployment_long_form_has_every_quarter(realdata):
    context = recognised(realdata, "emploi/chomage_ze2020_trimestriel_2003T1_2023T3.csv").data["context"]
    assert context["zone_id"].nunique() == 302
    assert context["period"].nunique() == 83 and context["period"].max() == "2023-T3"


def test_bts_rows_with_a_malformed_establishment_code_are_rejected_by_name(realdata):
    parsed = recognised(realdata, "formation/BTS_attractivite_capacite_2024.csv")
    assert parsed.report.rows_rejected > 0
    assert any("UAI" in p.message and "ligne" in p.message for p in parsed.report.problems)


def test_a_real_file_that_says_no_year_is_set_aside_with_the_option_to_give_it(realdata):
    (parsed,) = read_path(realdata / "emploi/demandeurs_emploi_secteur_bassin.csv")
    assert parsed.missing_vintage and not parsed.report.used and not parsed.data
    assert ("« demandeurs_emploi_secteur_bassin.csv » : année (millésime) introuvable"
            in parsed.report.problems[0].message)
    assert '--vintage "demandeurs_emploi_secteur_bassin.csv=AAAA"' in parsed.report.problems[0].message


def test_jobseekers_by_sector_use_naf_section_letters(realdata):
    context = recognised(realdata, "emploi/demandeurs_emploi_secteur_bassin.csv").data["context"]
    indicators = set(context["indicator"])
    assert {"jobseekers_F", "jobseekers_C", "jobseekers_Q"} <= indicators
    construction = context[context["indicator"] == "jobseekers_F"]
    assert set(construction["label"]) == {"Construction"}
    assert construction["zone_id"].str.fullmatch(r"\d{4}").all()
    assert set(context["period"]) == {"2021"}  # as given in REALDATA_VINTAGES, never a constant of the reader


@pytest.mark.parametrize(("year", "system"), [(2023, "FAP2009"), (2024, "FAP2021"), (2025, "FAP2021")])
def test_bmo_workbooks_of_each_year_and_their_description_sheets(realdata, year, system):
    results = read_real(realdata / f"bmo/Base_open_data_BMO_{year}.xlsx")  # no vintage given for these
    data = next(p for p in results if "recruitment_raw" in p.data)
    rows = data.data["recruitment_raw"]
    assert data.vintage == str(year) and set(rows["year"]) == {year}
    assert set(rows["occupation_system"]) == {system}
    assert rows["basin"].str.fullmatch(r"\d{4}").all() and rows["dep"].ne("").all()
    others = [p for p in results if p is not data]
    assert others and all(p.report.format_key == "documentation" and not p.report.problems for p in others)


def test_bmo_dictionary_csv_is_documentation(realdata):
    [parsed] = read_path(realdata / "bmo/bmo_2024_dictionnaire.csv")
    assert parsed.report.format_key == "documentation" and not parsed.report.problems


def test_intake_bmo_2025_extract_pads_numeric_basin_codes():
    from pathlib import Path

    intake = Path(__file__).resolve().parent.parent.parent / "shared" / "intake"
    path = intake / "BMO_2025_extrait_bassins_hors_pack.csv"
    if not path.is_file():
        pytest.skip(f"intake extract absent: {path}")
    [parsed] = read_path(path)
    rows = parsed.data["recruitment_raw"]
    assert parsed.vintage == "2025" and set(rows["year"]) == {2025}
    assert {"0113", "0116", "9399", "7539"} == set(rows["basin"])


def test_fap2009_crosswalk_keeps_the_families_split_by_qualification(realdata):
    """G0A/G0B (hôtellerie-restauration) and T2A/T2B (aides à domicile, assistantes maternelles) have a letter, not
    « Z », in third place: the crosswalk dropped them, and with them 196 of the Rodez basin's 2023 projects."""
    links = recognised(realdata, "nomenclatures/fap2009_225_rome.csv").data["occupation_links"]
    by_fap = links.groupby("from_code")["to_code"].apply(set)
    assert {"G0A40", "G0A41", "G0A42", "G0A43", "G0B40", "G0B41", "T2A60", "T2B60"} <= set(by_fap.index)
    assert "K1302" in by_fap["T2A60"]  # aide à domicile → Assistance auprès d'adultes
    bmo = recognised(realdata, "bmo/Base_open_data_BMO_2023.xlsx", "BMO_2023_open_data").data["recruitment_raw"]
    # Only R1Z66 has no ROME code in the DARES table itself (« NA »): every other BMO 2023 code reaches ROME.
    assert set(bmo["occupation_code"]) - set(by_fap.index) - {""} == {"R1Z66"}
