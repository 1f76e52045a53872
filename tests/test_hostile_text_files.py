"""Text files in an unusual encoding or under a workbook's name (issue 14): read, or refused saying why."""

from __future__ import annotations

import pytest

from gpect_core.ingest import Upload, integrate, prepare
from gpect_core.territory import Territory

ROWS = "Zonage;Code zone;Nomenclature;Code métier;Année;Projets de recrutement;Projets difficiles\n" \
       "ZE2020;9901;ROME4;H2913;2024;31;7\n"


def test_a_utf32_csv_with_its_mark_is_read(demo_pack_copy):
    preview = prepare(demo_pack_copy, [Upload("saisie.csv", ROWS.encode("utf-32"))], imported_by="t")
    assert preview.ok, preview.report()
    integrate(demo_pack_copy, preview, confirmed=True)
    rec = Territory.load(demo_pack_copy).tables["recruitment"]
    row = rec[(rec["zone_id"] == "9901") & (rec["year"] == 2024) & (rec["occupation_code"] == "H2913")]
    assert row["projects"].tolist() == [31]


def test_a_utf32_csv_without_its_mark_is_refused_naming_the_encoding(demo_pack_copy):
    preview = prepare(demo_pack_copy, [Upload("saisie.csv", ROWS.encode("utf-32-le"))], imported_by="t")
    assert not preview.ok
    assert "« saisie.csv » : l'encodage de ce fichier (UTF-32) n'est pas pris en charge" in preview.report()
    assert "\\u0000" not in preview.report()


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_csv_named_as_a_workbook_is_said_to_be_text(demo_pack_copy, suffix):
    preview = prepare(demo_pack_copy, [Upload(f"saisie{suffix}", ROWS.encode())], imported_by="t")
    assert not preview.ok
    assert (f"« saisie{suffix} » : ce fichier est un texte (CSV) et non un classeur Excel, malgré son extension "
            f"« {suffix} »") in preview.report()
    assert "illisible" not in preview.report()
