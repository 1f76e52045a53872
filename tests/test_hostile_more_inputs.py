"""More hostile inputs of issue 14's kinds, written for this round: a CSV whose data rows end with « ; » is read
with its own columns (no row-number column, the right figures); an encrypted workbook given as a pairing list is
said to be password-protected; the pack is byte-for-byte unchanged when refused."""

from __future__ import annotations

import pytest

from gpect_core.ingest import Upload, pack_digest, prepare
from gpect_core.pairing.reader import PairingInputError, read_list
from gpect_core.territory import Territory

try:
    from test_hostile_files import encrypted_workbook
except ImportError:  # pragma: no cover
    from tests.test_hostile_files import encrypted_workbook

NEEDS = "Identifiant réponse;Code zone;Code métier (ROME);Effectif recherché;Date de la réponse"


@pytest.mark.parametrize("header_end", ["", ";"])
def test_data_rows_ending_with_a_semicolon_keep_their_columns(demo_pack_copy, header_end):
    data = f"{NEEDS}{header_end}\nR1;9901;H2913;3;15/03/2026;\nR2;9901;I1304;5;16/03/2026;\n"
    preview = prepare(demo_pack_copy, [Upload("besoins.csv", data.encode())], imported_by="t")
    assert preview.ok, preview.report()
    needs = preview.territory.tables["needs"]
    mine = needs[needs["response_id"].isin(["R1", "R2"])].set_index("response_id")
    assert mine.loc["R1", "occupation_code"] == "H2913" and int(mine.loc["R1", "headcount"]) == 3
    assert mine.loc["R2", "zone_id"] == "9901" and int(mine.loc["R2", "headcount"]) == 5


def test_an_encrypted_pairing_list_is_said_to_be_password_protected(demo_pack_copy):
    before = pack_digest(demo_pack_copy)
    with pytest.raises(PairingInputError) as caught:
        read_list(encrypted_workbook(), "fragile", Territory.load(demo_pack_copy), file_name="liste.xlsx")
    assert caught.value.message == (
        "« liste.xlsx » : le classeur est protégé par mot de passe ; ouvrez-le dans Excel, retirez le mot de passe "
        "(Fichier > Informations > Protéger le classeur) et enregistrez-le de nouveau.")
    assert pack_digest(demo_pack_copy) == before


LONG_FIELD_MESSAGE = ("« long.csv », ligne 3 : un champ dépasse 131\u202f072 caractères (un guillemet mal fermé, ou un "
                      "texte trop long pour une cellule) ; vérifiez les guillemets de cette ligne ou raccourcissez la "
                      "valeur.")


def _long_field_csv() -> bytes:
    return f'{NEEDS}\nR1;9901;H2913;3;15/03/2026\nR2;9901;"{"x" * 140_000}";5;16/03/2026\n'.encode()


def test_a_field_over_the_csv_limit_is_named_on_the_data_page(demo_pack_copy):
    before = pack_digest(demo_pack_copy)
    preview = prepare(demo_pack_copy, [Upload("long.csv", _long_field_csv())], imported_by="t")
    assert not preview.ok
    assert LONG_FIELD_MESSAGE in preview.report()
    assert pack_digest(demo_pack_copy) == before


def test_a_field_over_the_csv_limit_is_named_by_build_pack(tmp_path, capsys):
    import shutil
    from pathlib import Path

    from gpect_core.cli import main

    source = tmp_path / "src"
    shutil.copytree(Path(__file__).resolve().parent / "fixtures" / "mini", source)
    (source / "long.csv").write_bytes(_long_field_csv())
    main(["build-pack", "--from", str(source), "--out", str(tmp_path / "p")])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert LONG_FIELD_MESSAGE in captured.out + captured.err


def test_a_fragile_job_answer_that_is_not_yes_or_no_is_refused_with_its_cell(demo_pack_copy):
    header = "Identifiant réponse;Code zone;Code métier (ROME);Effectif recherché;Emploi fragilisé"
    data = f"{header}\nR1;9901;H2913;3;oui\nR2;9901;I1304;5;peut-être\n"
    preview = prepare(demo_pack_copy, [Upload("besoins.csv", data.encode())], imported_by="t")
    assert not preview.ok
    assert ("« besoins.csv », ligne 3, colonne « Emploi fragilisé » : « peut-être » : « oui » ou « non » attendu "
            "(laisser vide vaut « non »)") in preview.report()


def test_fragile_job_answers_are_read_as_the_survey_reads_them(demo_pack_copy):
    header = "Identifiant réponse;Code zone;Code métier (ROME);Effectif recherché;Emploi fragilisé"
    data = f"{header}\nR1;9901;H2913;3;Oui\nR2;9901;I1304;5;x\nR3;9901;I1304;2;non\nR4;9901;I1304;1;\n"
    preview = prepare(demo_pack_copy, [Upload("besoins.csv", data.encode())], imported_by="t")
    assert preview.ok, preview.report()
    needs = preview.territory.tables["needs"].set_index("response_id")
    assert needs.loc[["R1", "R2", "R3", "R4"], "fragile"].tolist() == ["oui", "oui", "", ""]


def test_template_dates_written_year_first_are_read_year_month_day(demo_pack_copy):
    header = "Identifiant réponse;Code zone;Code métier (ROME);Effectif recherché;Date de la réponse"
    data = f"{header}\nR1;9901;H2913;3;2025-03-01\nR2;9901;I1304;5;15/03/2025\n"
    preview = prepare(demo_pack_copy, [Upload("besoins.csv", data.encode())], imported_by="t")
    assert preview.ok, preview.report()
    needs = preview.territory.tables["needs"].set_index("response_id")
    assert [d.date().isoformat() for d in needs.loc[["R1", "R2"], "date"]] == ["2025-03-01", "2025-03-15"]


def test_an_impossible_year_first_date_is_refused_with_its_cell(demo_pack_copy):
    header = "Identifiant réponse;Code zone;Code métier (ROME);Effectif recherché;Date de la réponse"
    data = f"{header}\nR1;9901;H2913;3;2025-03-01\nR2;9901;I1304;5;2025-13-01\n"
    preview = prepare(demo_pack_copy, [Upload("besoins.csv", data.encode())], imported_by="t")
    assert not preview.ok
    assert ("« besoins.csv », ligne 3, colonne « Date de la réponse » : « 2025-13-01 » : date impossible : écrite "
            "année-mois-jour (AAAA-MM-JJ), elle n'existe pas") in preview.report()
