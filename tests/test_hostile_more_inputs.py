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
