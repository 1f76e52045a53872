"""Reports that hide nothing (issue 9): dropped rows said with what they carried, files mixing encodings read
line by line, documentation sheets listed calmly, a line per table built, and the year asked for when a file
does not say it."""

from __future__ import annotations

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


def workbook(sheets: dict[str, list[list]]) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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
