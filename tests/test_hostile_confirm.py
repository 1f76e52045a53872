"""Unusual values (a year to come, a survey answer dated in the future, fractions in a percentage column) are not
stored without a question: the « Données » preview lists them with file, row and column, and nothing is integrated
until the editor ticks « Je confirme… »; then they are integrated as the preview said."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from gpect_core.errors import GpectError
from gpect_core.ingest import Upload, integrate, pack_digest, prepare
from gpect_core.territory import Territory

FAR = date.today().year + 5
RECRUIT = "Zonage;Code zone;Nomenclature;Code métier;Année;Projets de recrutement;Projets difficiles\n"
NEEDS = ("Identifiant réponse;Zonage;Code zone;Code métier (ROME);Effectif recherché;Difficulté (1 à 5);"
         "Date de la réponse\n")
TRAINING = "Identifiant formation;Intitulé;Zonage;Code zone;Codes ROME visés;Inscrits;Taux d'insertion (%);Année\n"
EDITOR = {"username": "edith", "name": "Édith Éditrice", "role": "editeur"}  # in plan_accounts_file

DOUBTFUL = {
    "hiring-projects-for-a-year-to-come": (
        "futur.csv", RECRUIT + f"ZE2020;9901;ROME4;H2913;{FAR};12;7\n",
        [f"« futur.csv », ligne 2, colonne « Année » : « {FAR} » : année postérieure à {date.today().year + 1} : à "
         "confirmer dans l'aperçu"],
        lambda t: t.tables["recruitment"].query(f"year == {FAR} and zone_id == '9901'")["projects"].tolist() == [12]),
    "survey-answer-dated-in-the-future": (
        "date.csv", NEEDS + f"R77;ZE2020;9901;H2913;2;3;15/03/{FAR}\n",
        [f"« date.csv », ligne 2, colonne « Date de la réponse » : « 15/03/{FAR} » : année postérieure à"],
        lambda t: t.tables["needs"].set_index("response_id").loc["R77", "date"].year == FAR),
    "fractions-in-a-percent-column": (
        "insertion.csv", TRAINING + "F91;CAP Soudeur;ZE2020;9901;H2913;20;0,75;2025\n"
                                    "F92;BTS;ZE2020;9902;H2913;12;0,6;2025\n",
        ["« insertion.csv », ligne 2, colonne « Taux d'insertion (%) » : « 0,75 » : toutes les valeurs de la "
         "colonne sont entre 0 et 1", "« insertion.csv », ligne 3, colonne « Taux d'insertion (%) » : « 0,6 »",
         "lues comme des fractions (0,75 = 75 %)"],
        lambda t: sorted(t.tables["training"].set_index("program_id").loc[["F91", "F92"], "employment_rate"])
        == [0.6, 0.75]),
    "a-fraction-among-percentages": (
        "insertion.csv", TRAINING + "F91;CAP Soudeur;ZE2020;9901;H2913;20;80;2025\n"
                                    "F92;BTS;ZE2020;9902;H2913;12;0,75;2025\n",
        ["« insertion.csv », ligne 3, colonne « Taux d'insertion (%) » : « 0,75 » : valeur entre 0 et 1 alors que la "
         "colonne est en pourcentages : elle sera lue comme moins de 1 % si vous le confirmez dans l'aperçu"],
        lambda t: t.tables["training"].set_index("program_id").loc[["F91", "F92"], "employment_rate"].tolist()
        == [0.8, 0.0075]),
}


@pytest.mark.parametrize("name,text,expected,stored", DOUBTFUL.values(), ids=DOUBTFUL.keys())
def test_unusual_values_wait_for_a_confirmation_then_are_integrated(demo_pack_copy, name, text, expected, stored):
    before = pack_digest(demo_pack_copy)
    preview = prepare(demo_pack_copy, [Upload(name, text.encode())])
    assert preview.ok and not preview.problems, preview.report()
    doubts = "\n".join(d.message for d in preview.doubts)
    for part in expected:
        assert part in doubts, doubts
    with pytest.raises(GpectError, match=r"Rien n'a été intégré : \d+ valeur\(s\) inhabituelle\(s\)"):
        integrate(demo_pack_copy, preview)
    assert pack_digest(demo_pack_copy) == before
    integrate(demo_pack_copy, preview, confirmed=True)
    assert stored(Territory.load(demo_pack_copy))


def test_a_usual_file_has_nothing_to_confirm(demo_pack_copy):
    preview = prepare(demo_pack_copy, [Upload("ok.csv", (RECRUIT + "ZE2020;9901;ROME4;H2913;2025;12;7\n").encode())])
    assert preview.ok and preview.doubts == []
    integrate(demo_pack_copy, preview)


def _page(pack, monkeypatch, tmp_path, staged) -> AppTest:
    monkeypatch.setenv("GPECT_PACK", str(pack))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    at = AppTest.from_file("../app_pages/donnees.py", default_timeout=120)
    at.session_state["plan_user"] = EDITOR
    at.session_state["donnees_staged"] = staged
    return at


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_page_lists_the_values_to_confirm_and_integrates_only_once_ticked(demo_pack_copy, monkeypatch, tmp_path,
                                                                          plan_accounts_file):
    name, text, _, stored = DOUBTFUL["hiring-projects-for-a-year-to-come"]
    before = pack_digest(demo_pack_copy)
    at = _page(demo_pack_copy, monkeypatch, tmp_path, [(name, text.encode())])
    at.run()
    _button(at, "Vérifier").click().run()
    assert not at.exception
    warning = " ".join(w.value.replace("\\", "") for w in at.warning)
    assert "1 valeur(s) inhabituelle(s)" in warning
    assert f"« futur.csv », ligne 2, colonne « Année » : « {FAR} » : année postérieure à" in warning, warning
    box = at.checkbox(key="donnees_confirm")
    assert box.label == "Je confirme ces 1 valeur(s) telles qu'elles seront intégrées (voir ci-dessus)"
    _button(at, "Intégrer").click().run()  # not ticked: refused, nothing written
    assert not at.exception
    assert any("Rien n'a été intégré : 1 valeur(s) inhabituelle(s)" in e.value.replace("\\", "") for e in at.error)
    assert pack_digest(demo_pack_copy) == before
    at.checkbox(key="donnees_confirm").check().run()
    _button(at, "Intégrer").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert stored(Territory.load(demo_pack_copy))
