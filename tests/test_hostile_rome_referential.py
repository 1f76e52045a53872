"""ROME codes read from a user's file outside the plan (issue 14): « Données » templates and pairing lists refuse
a code outside the ROME 4.0 form (a letter A–N and four digits) and, on a pack built from France Travail's ROME
referential, a well-formed code that does not exist (« A9999 »), naming file, row and column; the pack is
byte-for-byte unchanged. The demo pack (fictional, 59 codes) keeps accepting any well-formed code."""

from __future__ import annotations

import json

import pytest

from gpect_core.ingest import Upload, pack_digest, prepare
from gpect_core.pairing.reader import PairingInputError, read_list
from gpect_core.pairing.templates import FRAGILE
from gpect_core.territory import Provenance

try:
    from test_pairing import small_territory, write_list
except ImportError:  # pragma: no cover
    from tests.test_pairing import small_territory, write_list

RECRUITMENT = "Zonage;Code zone;Nomenclature;Code métier;Année;Projets de recrutement;Projets difficiles"
NEEDS = "Identifiant réponse;Code zone;Code métier (ROME);Effectif recherché"
TRAINING = "Identifiant formation;Intitulé;Code zone;Codes ROME visés;Année"


@pytest.fixture
def referential_pack(demo_pack_copy):
    """The demo pack declared real, its occupations table built from the ROME referential (its 59 codes)."""
    path = demo_pack_copy / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["fictional"] = False
    manifest["tables"]["occupations"]["provenance"]["source"] = "ROME 4.0, référentiel des codes ROME"
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return demo_pack_copy


@pytest.mark.parametrize(("name", "data", "row", "column"), [
    ("besoins.csv", f"{NEEDS}\nR1;9901;H2913;3\nR2;9901;A9999;2\n", 3, "Code métier (ROME)"),
    ("recrutement.csv", f"{RECRUITMENT}\nZE2020;9901;ROME4;H2913;2024;12;7\nZE2020;9901;ROME4;a9999;2024;5;1\n", 3,
     "Code métier"),
    ("formations.csv", f"{TRAINING}\nF1;CAP;9901;H2913 A9999;2024\n", 2, "Codes ROME visés"),
])
def test_a_code_absent_from_the_referential_is_refused_with_its_place(referential_pack, name, data, row, column):
    before = pack_digest(referential_pack)
    preview = prepare(referential_pack, [Upload(name, data.encode())], imported_by="t")
    assert not preview.ok
    unknown = [p for p in preview.problems if "n'existe pas" in p.message]
    assert [p.message for p in unknown] == [
        f"« {name} », ligne {row}, colonne « {column} » : le code ROME « A9999 » n'existe pas dans le ROME 4.0 "
        "(référentiel du pack) ; corrigez-le."]
    assert (unknown[0].file, unknown[0].row, unknown[0].column) == (name, row, column)
    assert pack_digest(referential_pack) == before


def test_a_fap_code_of_the_recruitment_template_is_not_checked_against_the_rome(referential_pack):
    data = f"{RECRUITMENT}\nZE2020;9901;FAP2021;A9999;2024;5;1\n"
    preview = prepare(referential_pack, [Upload("fap.csv", data.encode())], imported_by="t")
    assert not any("n'existe pas dans le ROME" in p.message for p in preview.problems), preview.report()


@pytest.mark.parametrize("code", ["Z9999", "P1234"])
def test_a_code_outside_the_rome_form_is_refused_on_any_pack(demo_pack_copy, code):
    before = pack_digest(demo_pack_copy)
    preview = prepare(demo_pack_copy, [Upload("besoins.csv", f"{NEEDS}\nR1;9901;{code};2\n".encode())],
                      imported_by="t")
    assert not preview.ok
    assert (f"« besoins.csv », ligne 2, colonne « Code métier (ROME) » : « {code} » : code ROME attendu (une lettre "
            "de A à N et quatre chiffres") in preview.report()
    assert pack_digest(demo_pack_copy) == before


def test_the_demo_pack_keeps_any_well_formed_code(demo_pack_copy):
    preview = prepare(demo_pack_copy, [Upload("besoins.csv", f"{NEEDS}\nR1;9901;A9999;2\n".encode())],
                      imported_by="t")
    assert not any("n'existe pas" in p.message for p in preview.problems), preview.report()


def test_pairing_lists_name_a_malformed_and_an_unknown_code_apart(tmp_path):
    territory = small_territory()
    territory.provenance = {"occupations": Provenance(source="ROME 4.0, référentiel des codes ROME")}
    path = write_list(tmp_path / "fragiles.xlsx", FRAGILE, [("Alpha", "10001", "A1101", 1),
                                                            ("Beta", "10002", "A9999", 1),
                                                            ("Gamma", "10002", "Z9999", 1)])
    with pytest.raises(PairingInputError) as caught:
        read_list(path, "fragile", territory)
    messages = [p.message for p in caught.value.problems]
    assert ("« fragiles.xlsx », feuille « Saisie », ligne 3, colonne « Code métier (ROME) » : le code ROME « A9999 » "
            "n'existe pas dans le ROME 4.0") in messages
    assert ("« fragiles.xlsx », feuille « Saisie », ligne 4, colonne « Code métier (ROME) » : « Z9999 » n'est pas un "
            "code ROME (une lettre de A à N et quatre chiffres, ex. H2913)") in messages


def test_the_survey_review_refuses_a_malformed_and_a_non_existent_other_code(referential_pack, monkeypatch,
                                                                              tmp_path, plan_accounts_file):
    try:
        from test_page_survey import EDITOR, page
    except ImportError:  # pragma: no cover
        from tests.test_page_survey import EDITOR, page
    from ui.donnees_survey import review_key
    at = page(referential_pack, monkeypatch, tmp_path, user=EDITOR)
    at.run()
    assert not at.exception
    for code, expected in (("z9999", "« Z9999 » n'est pas un code ROME (une lettre de A à N et quatre chiffres"),
                           ("A9999", "le code ROME « A9999 » n'existe pas dans le ROME 4.0")):
        at.text_input(key=review_key("other", "xqzw plop")).set_value(code)
        at.button(key=review_key("confirm", "xqzw plop")).click().run()
        assert not at.exception
        errors = "\n".join(e.value for e in at.error).replace("\\", "")
        assert expected in errors, errors
        assert not at.success
