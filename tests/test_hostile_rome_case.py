"""« Données »: a ROME code written in lower case is put in upper case with a note, never stored as a second key
beside the upper-case one (issue 14)."""

from __future__ import annotations

from gpect_core.ingest import Upload, integrate, prepare
from gpect_core.territory import Territory

HEADERS = "Zonage;Code zone;Nomenclature;Code métier;Année;Projets de recrutement;Projets difficiles"


def test_a_lower_case_rome_code_is_upper_cased_and_said(demo_pack_copy):
    data = f"{HEADERS}\nZE2020;9901;ROME4;h2913;2024;12;7\n".encode()
    preview = prepare(demo_pack_copy, [Upload("saisie.csv", data)], imported_by="t")
    assert preview.ok, preview.report()
    assert "h2913 → H2913 (ligne 2)" in preview.report()
    assert "colonne « Code métier »" in preview.report()
    integrate(demo_pack_copy, preview, confirmed=True)
    rec = Territory.load(demo_pack_copy).tables["recruitment"]
    assert "h2913" not in set(rec["occupation_code"])
    rows = rec[(rec["zone_id"] == "9901") & (rec["year"] == 2024) & (rec["occupation_code"] == "H2913")]
    assert rows["projects"].tolist() == [12]


def test_a_lower_case_code_beside_its_upper_case_twin_is_a_duplicate_key(demo_pack_copy):
    data = f"{HEADERS}\nZE2020;9901;ROME4;H2913;2024;12;7\nZE2020;9901;ROME4;h2913;2024;5;1\n".encode()
    preview = prepare(demo_pack_copy, [Upload("saisie.csv", data)], imported_by="t")
    assert not preview.ok
    assert any("clé en double" in p.message and "ligne 3" in p.message for p in preview.problems), preview.report()
