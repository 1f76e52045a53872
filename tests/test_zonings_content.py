"""Zonings as published and as committees write them: INSEE's EPCI and ZE workbooks (title rows, label row, code
row, geography year in the title), documentation sheets listed calmly, the committee's own commune → zone table
recognised by its content whatever its headers, old commune codes, and the column mapping the user gives when
nothing can be guessed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from workbooks import workbook

from gpect_core.assemble.report import file_lines
from gpect_core.readers import read_source
from gpect_core.readers.guess import (
    ColumnMapping,
    guess_zoning,
    header_key,
    load_mappings,
    mappings_path,
    save_mapping,
)

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
TITLE = ["Intercommunalités au 1er janvier 2024", "France - Composition communale",
         "Mise en ligne le 16/02/2024       Géographie au 01/01/2024", "@Insee       Source(s) : Insee, Code officiel "
         "géographique"]




def epci_workbook() -> bytes:
    """INSEE's `Intercommunalite_Metropole_au_01-01-2024.xlsx` as published, a few communes of our own."""
    composition = [[line] for line in TITLE] + [[]] + [
        ["Code géographique", "Libellé géographique", "Code EPCI", "Libellé de l'EPCI", "Département", "Région"],
        ["CODGEO", "LIBGEO", "EPCI", "LIBEPCI", "DEP", "REG"],
        ["01001", "Alpha", "200000001", "CC de l'Alpha", "01", "84"],
        ["01002", "Bêta", "200000001", "CC de l'Alpha", "01", "84"],
        ["71001", "Delta", "200000002", "CA du Delta", "71", "27"],
        ["29155", "Île-Molène", "ZZZZZZZZZ", "Sans objet", "29", "53"],
    ]
    epci = [[line] for line in TITLE[:1] + ["France - Liste des EPCI"] + TITLE[2:]] + [[]] + [
        ["Code EPCI", "Libellé de l'EPCI", "Nature d'EPCI", "Nombre de communes"],
        ["EPCI", "LIBEPCI", "NATURE_EPCI", "NB_COM"],
        ["200000001", "CC de l'Alpha", "CC", 2],
        ["200000002", "CA du Delta", "CA", 1],
    ]
    documentation = [["Intercommunalités au 1er janvier 2024"], [],
                     ["Les EPCI à fiscalité propre sont les communautés de communes, d'agglomération…"]]
    variables = [[line] for line in TITLE[:1] + ["Variables"] + TITLE[2:]] + [[]] + [
        ["VAR_ID", "VAR_LIB", "VAR_LIB_LONG"], ["CODGEO", "Code géographique", "Code géographique communal"],
        ["EPCI", "Code EPCI", "Code de l'EPCI"]]
    return workbook({"EPCI": epci, "Composition_communale": composition, "Variables": variables,
                     "Documentation": documentation})


def by_sheet(results):
    return {p.report.sheet: p for p in results}


def test_insee_epci_workbook_as_published_is_an_epci_composition_of_its_geography_year():
    sheets = by_sheet(read_source(epci_workbook(), "Intercommunalite_Metropole_au_01-01-2024.xlsx"))
    composition = sheets["Composition_communale"]
    assert composition.report.format_key == "epci", composition.report.notes + [p.message for p in composition.report.problems]
    assert composition.vintage == "2024"
    frame = composition.data["composition"]
    assert dict(zip(frame["commune_id"], frame["zone_id"], strict=True)) == {
        "01001": "200000001", "01002": "200000001", "71001": "200000002"}
    assert set(frame["zoning"]) == {"EPCI"} and frame.loc[frame["commune_id"] == "71001", "zone_name"].item() == "CA du Delta"
    assert not composition.report.problems
    assert any("29155" in note and "hors EPCI" in note for note in composition.report.notes)
    names = sheets["EPCI"].data["zone_names"]
    assert dict(zip(names["zone_id"], names["name"], strict=True)) == {"200000001": "CC de l'Alpha",
                                                                       "200000002": "CA du Delta"}


def test_documentation_sheets_are_listed_calmly_not_as_unrecognised():
    results = read_source(epci_workbook(), "Intercommunalite_Metropole_au_01-01-2024.xlsx")
    lines = "\n".join(file_lines([p.report for p in results]))
    assert "[Documentation] : documentation — non utilisée" in lines
    assert "[Variables] : documentation — non utilisée" in lines
    assert "non reconnu" not in lines


def test_ze_workbook_takes_its_geography_year_from_the_title_never_from_ze2020():
    title = ["Zones d'emploi 2020", "France - Composition communale",
             "Mise en ligne le 20/03/2024       Géographie au 01/01/2024", "@Insee"]
    rows = [[line] for line in title] + [[]] + [
        ["Code géographique communal", "Libellé géographique", "Zone d'emploi 2020", "Libellé zone d'emploi 2020",
         "Département", "Région"],
        ["CODGEO", "LIBGEO", "ZE2020", "LIBZE2020", "DEP", "REG"],
        ["01001", "Alpha", "8405", "Bourg en Bresse", "01", "84"], ["71001", "Delta", "2705", "Mâcon", "71", "27"]]
    data = workbook({"Composition_communale": rows, "Documentation": [["Zones d'emploi 2020"], ["Définitions…"]]})
    sheets = by_sheet(read_source(data, "ZE2020_au_01-01-2023.xlsx"))
    assert sheets["Composition_communale"].report.format_key == "ze_composition"
    assert sheets["Composition_communale"].vintage == "2024"
    assert sheets["Documentation"].report.documentation


COMMITTEE = ("Zonage GPECT du Pays des Étangs\nvalidé le 12/03/2025 par le comité de pilotage\n\n"
             "Code INSEE;Commune;Zone GPECT\n"
             "01001;Alpha;Nord\n01002;Bêta;Nord\n01002;Bêta;Nord\n01998;Gamma;Nord\n"
             "71001;Delta;Sud\n71002;Epsilon;Sud\n71003;Zêta;Sud\n")


def test_committee_zoning_recognised_by_content_under_title_and_validated_line():
    [parsed] = read_source(COMMITTEE.encode("utf-8"), "zonage_comite.csv")
    assert parsed.report.format_key == "custom_zoning", parsed.report.notes
    frame = parsed.data["composition"]
    assert sorted(frame["commune_id"]) == ["01001", "01002", "01998", "71001", "71002", "71003"]
    assert dict(zip(frame["commune_id"], frame["zone_id"], strict=True))["71002"] == "Sud"
    notes = " | ".join(parsed.report.notes)
    assert "« Code INSEE » → code commune" in notes and "« Zone GPECT » → code zone" in notes
    assert "1 ligne(s) en double" in notes and "ligne(s) 7" in notes
    assert not parsed.report.problems


@pytest.mark.parametrize(("commune", "zone"), [("CODGEO", "Territoire"), ("DEPCOM", "Secteur"),
                                                ("Commune", "Bassin"), ("code_insee", "Zone")])
def test_committee_zoning_headers_of_any_kind(commune, zone):
    text = f"{commune};{zone}\n1001;Nord\n01002;Nord\n71001;Sud\n71002;Sud\n"
    [parsed] = read_source(text.encode("cp1252"), "zonage.csv")
    assert parsed.report.format_key == "custom_zoning"
    frame = parsed.data["composition"]
    assert dict(zip(frame["commune_id"], frame["zone_id"], strict=True)) == {
        "01001": "Nord", "01002": "Nord", "71001": "Sud", "71002": "Sud"}


def test_zone_code_and_name_columns_are_told_apart():
    text = "Code INSEE;Nom;Code territoire;Territoire\n01001;Alpha;T1;Pays Nord\n01002;Bêta;T1;Pays Nord\n" \
           "71001;Delta;T2;Pays Sud\n71002;Epsilon;T2;Pays Sud\n"
    [parsed] = read_source(text.encode(), "zonage.csv")
    frame = parsed.data["composition"]
    assert dict(zip(frame["zone_id"], frame["zone_name"], strict=True)) == {"T1": "Pays Nord", "T2": "Pays Sud"}
    assert frame.loc[frame["commune_id"] == "71002", "commune_name"].item() == "Epsilon"


UNGUESSABLE = "Réf;Groupe;Équipe\n01001;A;x\n01002;A;y\n71001;B;x\n71002;B;y\n71003;B;y\n"


def test_two_possible_zone_columns_are_not_guessed_and_a_mapping_reads_them():
    [parsed] = read_source(UNGUESSABLE.encode(), "liste.csv")
    assert not parsed.recognised
    assert guess_zoning(parsed.raw) is None
    mapping = ColumnMapping("custom_zoning", {"code commune": "Réf", "code zone": "Groupe"})
    [mapped] = read_source(UNGUESSABLE.encode(), "liste.csv", mappings={header_key(parsed.raw.frame.columns): mapping})
    assert mapped.report.format_key == "custom_zoning"
    frame = mapped.data["composition"]
    assert dict(zip(frame["commune_id"], frame["zone_id"], strict=True)) == {
        "01001": "A", "01002": "A", "71001": "B", "71002": "B", "71003": "B"}
    assert any("indiquées par l'utilisateur" in note for note in mapped.report.notes)


def test_a_mapping_is_remembered_beside_the_pack_and_survives_a_reload(tmp_path):
    path = mappings_path(tmp_path / "pack")
    assert path == tmp_path / "pack.mappings.json"
    key = header_key(["Réf", "Groupe", "Équipe"])
    save_mapping(path, key, ColumnMapping("custom_zoning", {"code commune": "Réf", "code zone": "Groupe"}))
    save_mapping(path, "autre", ColumnMapping("custom_zoning", {"code commune": "a", "code zone": "b"}))
    loaded = load_mappings(path)
    assert loaded[key].columns == {"code commune": "Réf", "code zone": "Groupe"} and "autre" in loaded
    assert [p.name for p in tmp_path.iterdir()] == ["pack.mappings.json"]  # no temporary file left behind
    path.write_text("{ abîmé", encoding="utf-8")
    assert load_mappings(path) == {}


def _mini_folder(tmp_path, extra: dict[str, bytes], leave_out=()) -> Path:
    folder = tmp_path / "dossier"
    folder.mkdir()
    for path in MINI.iterdir():
        if path.name not in leave_out:
            shutil.copy(path, folder / path.name)
    for name, data in extra.items():
        (folder / name).write_bytes(data)
    return folder


def test_a_committee_zoning_with_unusual_headers_and_title_rows_draws_its_zones(tmp_path):
    from gpect_core.cli import main
    from gpect_core.territory import Territory

    out = tmp_path / "pack"
    folder = _mini_folder(tmp_path, {"zonage_comite.csv": COMMITTEE.encode("utf-8")})
    assert main(["build-pack", "--from", str(folder), "--out", str(out), "--by", "test"]) == 0
    territory = Territory.load(out)
    assert territory.zone_names("custom") == {"Nord": "Nord", "Sud": "Sud"}
    custom = territory.zones_of("custom").set_index("zone_id")
    # Gamma (01998) merged into 01999 (the mini passage table): Nord holds Alpha, Bêta and Gamma-Nouvelle.
    communes = territory.tables["communes"].set_index("commune_id")["population"]
    assert custom.loc["Nord", "population"] == communes[["01001", "01002", "01999"]].sum()
    assert custom.loc["Sud", "population"] == communes[["71001", "71002", "71003"]].sum()
    report = "\n".join(territory.tables["build_report"]["line"].astype(str))
    assert "zonage custom : 2 zones dessinées" in report
    assert "composition de « zonage_comite.csv »" in report


def test_an_older_composition_without_passage_table_names_the_merged_communes_and_the_file_to_add(tmp_path):
    from gpect_core.cli import main
    from gpect_core.territory import Territory

    out = tmp_path / "pack"
    folder = _mini_folder(tmp_path, {"zonage_comite.csv": COMMITTEE.encode("utf-8")}, leave_out={"passage.csv"})
    assert main(["build-pack", "--from", str(folder), "--out", str(out), "--by", "test"]) == 0
    report = "\n".join(Territory.load(out).tables["build_report"]["line"].astype(str))
    line = next(line for line in report.splitlines() if "zonage custom" in line and "table de passage" in line)
    assert "Gamma (01998)" in line and "insee.fr" in line


def test_an_epci_composition_given_wins_over_the_commune_layer_attributes(tmp_path):
    from gpect_core.cli import main
    from gpect_core.territory import Territory

    out = tmp_path / "pack"
    folder = _mini_folder(tmp_path, {"Intercommunalite_Metropole_au_01-01-2024.xlsx": epci_workbook()})
    assert main(["build-pack", "--from", str(folder), "--out", str(out), "--by", "test"]) == 0
    territory = Territory.load(out)
    assert territory.zone_names("EPCI") == {"200000001": "CC de l'Alpha", "200000002": "CA du Delta"}
    report = "\n".join(territory.tables["build_report"]["line"].astype(str))
    assert ("EPCI : composition de « Intercommunalite_Metropole_au_01-01-2024.xlsx [Composition_communale] » "
            "(géographie 2024)") in report


def test_without_a_composition_the_report_says_epci_come_from_the_commune_layer(tmp_path):
    from gpect_core.cli import main
    from gpect_core.territory import Territory

    out = tmp_path / "pack"
    assert main(["build-pack", "--from", str(_mini_folder(tmp_path, {})), "--out", str(out), "--by", "test"]) == 0
    report = "\n".join(Territory.load(out).tables["build_report"]["line"].astype(str))
    assert "EPCI : attributs de la couche communale « communes.geojson »" in report


def test_zone_names_with_spaces_get_a_code_and_keep_their_name():
    text = "Code INSEE;Zone GPECT\n01001;Pays de Retz\n01002;Pays de Retz\n71001;Vallée Sud\n71002;Vallée Sud\n"
    [parsed] = read_source(text.encode(), "zonage.csv")
    frame = parsed.data["composition"]
    assert dict(zip(frame["zone_id"], frame["zone_name"], strict=True)) == {"pays_de_retz": "Pays de Retz",
                                                                            "vallee_sud": "Vallée Sud"}


def test_codes_that_are_not_communes_are_not_taken_for_a_zoning():
    text = "Code RNCP;Secteur;Code diplôme\n34567;Secteur Tourisme;A1\n34567;Secteur Tourisme;A2\n" \
           "35678;Secteur Tourisme;A3\n36789;Secteur Santé;A4\n"
    [parsed] = read_source(text.encode(), "diplomes.csv")
    assert not parsed.recognised
