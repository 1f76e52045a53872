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
            + "F1;Soudure électrique;9901;12;10;80;2024\n".encode("utf-8")
            + "F2;Électricité du bâtiment;9902;15;12;75;2024\n".encode("cp1252")
            + "F3;Cuisine;9903;20;18;70;2024\n".encode("utf-8")
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
