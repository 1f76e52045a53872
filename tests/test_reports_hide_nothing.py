"""Reports that hide nothing (issue 9): dropped rows said with what they carried, files mixing encodings read
line by line, documentation sheets listed calmly, a line per table built, and the year asked for when a file
does not say it."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbooks import workbook

from gpect_core.ingest import Upload, prepare
from gpect_core.readers import read_source

TRAINING_HEADER = "Identifiant formation;Intitulé;Code zone;Inscrits;Diplômés;Taux d'insertion (%);Année\n"


def mixed_training_csv() -> bytes:
    """A committee's training table pasted from two sources: header and lines 2, 4 in UTF-8, lines 3, 5 in
    Windows-1252."""
    return (TRAINING_HEADER.encode("utf-8")
            + "F1;Soudure électrique;9901;12;10;80;2024\n".encode()
            + "F2;Électricité du bâtiment;9902;15;12;75;2024\n".encode("cp1252")
            + b"F3;Cuisine;9903;20;18;70;2024\n"
            + "F4;Aide à domicile;9901;9;8;90;2024\n".encode("cp1252"))


def test_a_csv_mixing_utf8_and_cp1252_is_read_line_by_line_and_said():
    [parsed] = read_source(mixed_training_csv(), "formations_mixte.csv")
    assert parsed.recognised and not parsed.report.problems
    assert parsed.data["training"]["title"].tolist() == ["Soudure électrique", "Électricité du bâtiment", "Cuisine",
                                                         "Aide à domicile"]
    assert ("encodages mêlés : 2 ligne(s) en Windows-1252 (ligne(s) 3, 5), les autres en UTF-8 ; chaque ligne "
            "lue dans son encodage") in parsed.report.notes
    assert not any(note.startswith("encodage ") for note in parsed.report.notes)


def test_a_mixed_csv_with_a_line_in_neither_encoding_is_refused_naming_the_line():
    data = mixed_training_csv() + "F5;Logistique\x81;9902;3;3;60;2024\n".encode("latin-1")
    [parsed] = read_source(data, "formations_mixte.csv")
    assert not parsed.recognised
    assert [p.message for p in parsed.report.problems] == [
        "« formations_mixte.csv », ligne 6 : octet 0x81 illisible, ni en UTF-8 ni en Windows-1252 (le fichier "
        "mêle plusieurs encodages) ; enregistrez-le en CSV UTF-8."]


def test_a_mixed_csv_is_imported_onto_the_pack(demo_pack_copy):
    preview = prepare(demo_pack_copy, [Upload("formations_mixte.csv", mixed_training_csv())])
    assert preview.ok, preview.report()
    assert preview.changes["training"] == 4




def test_documentation_sheets_are_listed_calmly_and_other_unknown_sheets_still_said():
    from gpect_core.assemble.report import file_lines

    data = workbook({
        "Saisie": [TRAINING_HEADER.strip().split(";"), ["F1", "Soudure", "9901", 12, 10, 80, 2024]],
        "Description_des_variables": [["Variables", "Description"], ["Intitulé", "libellé de la formation"],
                                      ["Inscrits", "élèves inscrits à la rentrée"]],
        "Lisez-moi": [["Source : comité GPECT, saisie du 3 mars"], ["Champ : formations du bassin"]],
        "Feuil3": [["Mode de calcul"], ["Les effectifs sont ceux de la rentrée"], ["Mise à jour annuelle"]],
        "Feuil4": [["a", "b", "c"], [1, 2, 3], [4, 5, 6]],
    })
    parsed = read_source(data, "formations.xlsx")
    lines = file_lines([p.report for p in parsed])
    assert [line for line in lines if line.startswith("•")] == [
        "• formations.xlsx [Saisie] : modèle du comité : Offre de formation locale",
        "• formations.xlsx [Description_des_variables] : documentation — non utilisée",
        "• formations.xlsx [Lisez-moi] : documentation — non utilisée",
        "• formations.xlsx [Feuil3] : documentation — non utilisée",
        "• formations.xlsx [Feuil4] : non reconnu — ignoré"]
    assert [p.report.documentation for p in parsed] == [False, True, True, True, False]
    assert not any(p.report.problems for p in parsed)


# ------------------------------------------------------------------------ rows on zones the pack does not have
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
BMO_2025 = ("annee;Code métier BMO;Nom métier BMO;Famille_met;Lbl_fam_met;REG;NOM_REG;Dept;NomDept;BE25;NOMBE25;"
            "met;xmet;smet\n"
            "2025;D2X41;Soudeurs;I;Industrie;84;Auvergne-Rhône-Alpes;01;Ain;8401;BOURG EN BRESSE;40;20;*\n"
            "2025;D2X41;Soudeurs;I;Industrie;93;Provence-Alpes-Côte d'Azur;06;Alpes-Maritimes;9399;MONACO;25;*;*\n"
            "2025;T4X60;Aides à domicile;S;Services;93;Provence-Alpes-Côte d'Azur;06;Alpes-Maritimes;9399;MONACO;*;*;*\n"
            "2025;A0X40;Agriculteurs;Z;Autres métiers;01;Guadeloupe;971;Guadeloupe;113;BASSIN ILES DU NORD;16;3;16\n"
            ).encode()
TENSION_2021 = (b"annee;ROME;cbassin;oee;defm_abc;ind_tension_d;ind_int_emb_d;ind_main_oeuvre_d;ind_dur_empl_d;"
                b"ind_cond_travail_d;ind_mismatch_geo_d;ind_specif_form_empl_d\n"
                b"2021;H2913;8401;16,5;28,25;5;5;1;5;4;4;5\n"
                b"2021;K1302;9398;1;1;2;2;2;2;2;2;2\n"
                b"2021;H2913;9398;1;1;2;2;2;2;2;2;2\n")
LYCEES_2022 = ("Etablissement d'accueil;MEF STAT 11;Voeu de recensement O/N;Statut Offre de formation;"
               "Capacité carte scolaire;Demandes vœux 1\n"
               "0010001W;23210023446;N;ST;15;6\n"
               "0330001X;23210023447;N;AP;12;3\n"
               "0330002Y;24023402211;N;ST;24;30\n").encode()


@pytest.fixture(scope="module")
def small_pack(tmp_path_factory):
    """The mini files built into a pack without their tension file (BMO, ZE, DEP, REG, FR zonings)."""
    import shutil

    from gpect_core.build import build_territory

    folder = tmp_path_factory.mktemp("src")
    for path in MINI.iterdir():
        if path.name != "tension_bassin.csv":
            shutil.copy(path, folder / path.name)
    territory, _ = build_territory(folder, imported_by="test")
    pack = tmp_path_factory.mktemp("small") / "pack"
    territory.save(pack, keep_previous=False)
    return pack


def copy_of(pack, tmp_path):
    import shutil

    shutil.copytree(pack, tmp_path / "pack")
    return tmp_path / "pack"


def test_import_says_the_bmo_rows_on_basins_the_pack_lacks_with_their_projects(small_pack, tmp_path):
    preview = prepare(copy_of(small_pack, tmp_path), [Upload("bmo_2025.csv", BMO_2025)])
    assert preview.ok, preview.report()
    assert ("recrutement (BMO) : 3 lignes sur 2 bassins absents du pack : 41 projets (et 1 chiffre secret) — "
            "Bassin Iles Du Nord (0113), Monaco (9399) ; laissées de côté à ce niveau ; elles restent comptées aux "
            "niveaux supérieurs") in preview.notes
    assert ("recrutement (DEP) : 3 lignes sur 2 départements absents du pack : 41 projets (et 1 chiffre secret) — "
            "06, 971 ; laissées de côté à ce niveau ; elles restent comptées aux niveaux supérieurs") in preview.notes
    rec = preview.territory.tables["recruitment"]
    assert rec.loc[(rec["zoning"] == "FR") & (rec["year"] == 2025), "projects"].sum() == 81  # 40 + 25 + 16


def test_import_onto_a_pack_with_none_of_the_basins_names_rows_basins_and_projects(demo_pack_copy):
    preview = prepare(demo_pack_copy, [Upload("bmo_2025.csv", BMO_2025)])
    assert [p.message for p in preview.problems] == [
        "« bmo_2025.csv » : aucun bassin, département ni région du fichier ne correspond aux zones du pack ; "
        "4 lignes sur 3 bassins absents du pack : 81 projets (et 1 chiffre secret) — Bassin Iles Du Nord (0113), "
        "Bourg En Bresse (8401), Monaco (9399) ; laissées de côté"]


def test_tension_rows_on_unknown_zones_are_kept_and_said_the_same_by_build_and_import(small_pack, tmp_path):
    import shutil

    from gpect_core.build import build_territory

    line = ("tension, « tension_2021.csv » : 2 lignes sur 1 bassin absent du pack : 2 métiers — 9398 ; gardées, "
            "mais invisibles sur la carte")
    preview = prepare(copy_of(small_pack, tmp_path), [Upload("tension_2021.csv", TENSION_2021)])
    assert preview.ok, preview.report()
    assert line in preview.notes
    imported = preview.territory.tables["tension"]
    folder = tmp_path / "src"
    shutil.copytree(MINI, folder, ignore=shutil.ignore_patterns("tension_bassin.csv"))
    (folder / "tension_2021.csv").write_bytes(TENSION_2021)
    built, report = build_territory(folder, imported_by="test")
    assert line in report.lines
    key = ["zone_id", "occupation_code"]
    assert (imported.sort_values(key)[key].values.tolist() == built.tables["tension"].sort_values(key)[key]
            .values.tolist() == [["8401", "H2913"], ["9398", "H2913"], ["9398", "K1302"]])


def test_training_offers_in_departements_the_pack_lacks_are_left_out_with_their_places(small_pack, tmp_path):
    preview = prepare(copy_of(small_pack, tmp_path), [Upload("lycees_2022.csv", LYCEES_2022)])
    assert preview.ok, preview.report()
    assert ("formations : 2 lignes sur 1 département absent du pack : 36 places (2 formations) — 33 ; laissées de "
            "côté") in preview.notes
    assert preview.changes["training"] == 1


# ------------------------------------------------------------------------ a line per table
def test_the_build_report_has_a_line_per_table_with_its_rows_and_vintages(tmp_path):
    import shutil

    from gpect_core.build import build_territory

    folder = tmp_path / "src"
    shutil.copytree(MINI, folder)
    (folder / "tension_2020.csv").write_bytes(TENSION_2021.replace(b"2021;", b"2020;"))
    territory, report = build_territory(folder, imported_by="test")
    assert "table tension : 6 lignes, millésimes 2020 ; 2021" in report.lines
    assert "table recruitment : 14 lignes, millésime 2024" in report.lines
    assert "table zones : 11 zones (ZE2020 2, BMO 2, EPCI 2, DEP 2, REG 2, FR 1)" in report.lines
    assert [line for line in report.lines if line.startswith("table ")] == [
        "table zones : 11 zones (ZE2020 2, BMO 2, EPCI 2, DEP 2, REG 2, FR 1)",
        *(line for line in report.lines if line.startswith("table ") and "zones" not in line)]
    tables = {line.split(" : ")[0].removeprefix("table ") for line in report.lines if line.startswith("table ")}
    assert tables == {"zones", *(t for t in territory.tables if t != "build_report")}
    assert "• table tension : 6 lignes, millésimes 2020 ; 2021" in territory.tables["build_report"]["line"].tolist()


def test_an_import_says_each_table_it_brings(small_pack, tmp_path):
    preview = prepare(copy_of(small_pack, tmp_path), [Upload("tension_2021.csv", TENSION_2021)])
    assert "table tension : 3 lignes apportées, 3 lignes dans le pack après intégration, millésime 2021" \
        in preview.notes
