"""AppTest of the « Enquête entreprises » tab of « Données »: mapping guessed, personal data said dropped, review
queue, an editor confirms a title and the table changes, accepts and the pack holds the needs; a viewer sees no
firm name; the section in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gpect_core import Territory
from ui.donnees_survey import review_key

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "survey"
SURVEY = (FIXTURES / "enquete.csv").read_bytes()
EDITOR = {"username": "edith", "name": "Édith Éditrice", "role": "editeur"}  # in plan_accounts_file
VIEWER = {"username": "victor", "name": "Victor Lecteur", "role": "lecteur"}
FIRMS = ("Fonderie du Val", "Boulangerie Lefort", "Transports Sorne", "Garage Roy")


def page(pack, monkeypatch, tmp_path, user=None, lang=None) -> AppTest:
    monkeypatch.setenv("GPECT_PACK", str(pack))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    at = AppTest.from_file("../app_pages/donnees.py", default_timeout=120)
    if user:
        at.session_state["plan_user"] = user
    if lang:
        at.session_state["lang"] = lang
    at.session_state["survey_staged"] = ("enquete.csv", SURVEY)
    return at


def texts(at) -> str:
    parts = [e.value for kind in ("markdown", "subheader", "caption", "warning", "info", "error", "success") for e in getattr(at, kind)]
    frames = [df.value.to_csv() for df in at.dataframe]
    return "\n".join(str(p) for p in parts + frames).replace("\\", "")


def test_editor_reviews_confirms_and_accepts_the_survey(demo_pack_copy, monkeypatch, tmp_path, plan_accounts_file):
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=EDITOR)
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "« Adresse e-mail »" in shown and "jamais enregistrées" in shown
    assert "jeanne.martin@exemple.fr" not in shown
    # « Soudeur TIG H/F » and « Conducteur PL » find a demo appellation; « boulangère » (no bakery in the demo)
    # and « xqzw plop » do not.
    assert "File de revue (2 intitulé(s) sans code)" in shown
    assert "« boulangère » (ligne 3)" in shown
    assert "Fonderie du Val" in shown  # an editor sees the firms
    assert "« xqzw plop » (ligne 5)" in shown
    item = next(m.value for m in at.markdown if "« boulangère » (ligne 3)" in m.value)
    assert re.search(r"\(\d+,\d\)$", item), item  # the score with a decimal comma, not « 42.1 »
    assert "Pourquoi à revoir : score sous le seuil de 70" in shown
    at.text_input(key=review_key("other", "xqzw plop")).set_value("f1703")
    at.button(key=review_key("confirm", "xqzw plop")).click().run()
    assert not at.exception
    assert not at.error, at.error[0].value
    assert "« xqzw plop » → F1703 confirmé" in at.success[0].value
    shown = texts(at)
    assert "File de revue (1 intitulé(s) sans code)" in shown and "« xqzw plop » (ligne" not in shown
    accept = next(b for b in at.button if b.label == "Accepter et intégrer l'enquête")
    assert not accept.disabled
    accept.click().run()
    assert not at.exception
    assert at.success[0].value == "Enquête intégrée : 4 réponse(s) dans la table des besoins du pack."
    needs = Territory.load(demo_pack_copy).tables["needs"]
    brought = needs[needs["response_id"].str.startswith("E")]
    assert sorted(brought["occupation_code"].fillna("")) == ["", "F1703", "H2913", "N4101"]  # only « boulangère » left without a code
    assert not any(firm in needs.to_csv() for firm in FIRMS)


@pytest.mark.parametrize("user", [None, VIEWER])
def test_a_viewer_cannot_read_a_survey_and_sees_no_firm_name(demo_pack_copy, monkeypatch, tmp_path, plan_accounts_file,
                                                              user):
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=user)  # a survey staged in the session: never read for them
    at.run()
    assert not at.exception
    shown = texts(at)
    assert not any(firm in shown for firm in FIRMS)
    assert "Besoins par métier et horizon" not in shown
    assert not [b for b in at.button if b.label in ("Confirmer", "Accepter et intégrer l'enquête")]
    assert any("rôle éditeur" in i.value for i in at.info)


def test_bad_answers_are_named_and_nothing_can_be_accepted(demo_pack_copy, monkeypatch, tmp_path, plan_accounts_file):
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=EDITOR)
    at.session_state["survey_staged"] = ("enquete.csv", SURVEY.replace(b";92003;", b";99999;"))
    at.run()
    assert not at.exception
    assert "« enquete.csv », ligne 4, colonne « Commune de l'établissement » : la commune « 99999 »" in \
        at.error[0].value.replace("\\", "")
    assert next(b for b in at.button if b.label == "Accepter et intégrer l'enquête").disabled


def test_section_in_english(demo_pack_copy, monkeypatch, tmp_path, plan_accounts_file):
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=EDITOR, lang="en")
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "Needs by occupation and horizon" in shown and "Personal data dropped, never stored" in shown


FAR = __import__("datetime").date.today().year + 5
FUTURE = SURVEY.replace(b"15/03/2025", f"15/03/{FAR}".encode())
FUTURE_DOUBT = (f"« enquete.csv », ligne 5, colonne « Horodatage » : date « 15/03/{FAR} » dans le futur (après le "
                f"{__import__('datetime').date.today():%d/%m/%Y}) : à confirmer")


def _confirm_box(at):
    return next(c for c in at.checkbox if c.label.startswith("Je confirme"))


def test_an_answer_dated_in_the_future_is_stored_only_once_confirmed(demo_pack_copy, monkeypatch, tmp_path,
                                                                    plan_accounts_file):
    from gpect_core.ingest import pack_digest

    before = pack_digest(demo_pack_copy)
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=EDITOR)
    at.session_state["survey_staged"] = ("enquete.csv", FUTURE)
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    warning = " ".join(w.value.replace("\\", "") for w in at.warning)
    assert "1 valeur(s) inhabituelle(s)" in warning and FUTURE_DOUBT in warning, warning
    assert _confirm_box(at).label == "Je confirme ces 1 valeur(s) telles qu'elles seront intégrées (voir ci-dessus)"
    accept = next(b for b in at.button if b.label == "Accepter et intégrer l'enquête")
    assert not accept.disabled
    accept.click().run()  # not ticked: nothing stored
    assert not at.exception
    assert any("Rien n'a été enregistré : 1 valeur(s) inhabituelle(s)" in e.value for e in at.error)
    assert pack_digest(demo_pack_copy) == before
    _confirm_box(at).check().run()
    next(b for b in at.button if b.label == "Accepter et intégrer l'enquête").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.success[0].value == "Enquête intégrée : 4 réponse(s) dans la table des besoins du pack."
    needs = Territory.load(demo_pack_copy).tables["needs"]
    brought = needs[needs["response_id"].str.startswith("E")]
    assert sorted(brought["date"].dt.year) == [2025, 2025, 2025, FAR]


def test_cancelling_a_survey_with_a_doubtful_value_stores_nothing(demo_pack_copy, monkeypatch, tmp_path,
                                                                  plan_accounts_file):
    from gpect_core.ingest import pack_digest

    before = pack_digest(demo_pack_copy)
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=EDITOR)
    at.session_state["survey_staged"] = ("enquete.csv", FUTURE)
    at.run()
    _confirm_box(at).check().run()
    next(b for b in at.button if b.label == "Annuler").click().run()
    assert not at.exception
    assert any("Import de l'enquête annulé : rien n'a été enregistré" in s.value for s in at.success)
    assert not [b for b in at.button if b.label == "Accepter et intégrer l'enquête"]
    assert at.session_state["survey_staged"] is None
    assert pack_digest(demo_pack_copy) == before
    needs = Territory.load(demo_pack_copy).tables["needs"]
    assert not needs["response_id"].str.startswith("E").any()


def _two_sheets() -> bytes:
    """A workbook with a « Lisez-moi » sheet first and the answers (the CSV fixture) on the second."""
    import csv
    import io

    from openpyxl import Workbook

    book = Workbook()
    readme = book.active
    readme.title = "Lisez-moi"
    for line in ("Enquête besoins 2025", "Une ligne par poste recherché.", "Contact : service emploi"):
        readme.append([line])
    answers = book.create_sheet("Réponses")
    for row in csv.reader(io.StringIO(SURVEY.decode("utf-8-sig")), delimiter=";" if b";" in SURVEY[:200] else ","):
        answers.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_workbook_with_a_readme_sheet_first_reads_the_answers_and_offers_the_sheets(
        demo_pack_copy, monkeypatch, tmp_path, plan_accounts_file, lang):
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=EDITOR, lang=lang)
    at.session_state["survey_staged"] = ("enquete.xlsx", _two_sheets())
    at.run()
    assert not at.exception
    sheet = next(s for s in at.selectbox if s.key and s.key.startswith("survey_sheet_"))
    assert sheet.value == "Réponses" and sheet.options == ["Lisez-moi", "Réponses"]
    mapped = {s.label: s.value for s in at.selectbox if s.key and s.key.startswith("survey_map_")}
    from gpect_core.i18n import t

    none = t("survey.mapping.none", lang)
    assert sum(v != none for v in mapped.values()) >= 4, mapped
    # every field has its label in the page's language, never a raw key
    assert not [label for label in mapped if "survey.field" in label], mapped
    assert ("Emploi fragilisé (oui / non)" if lang == "fr" else "Job at risk (yes / no)") in mapped
    # the user can choose the other sheet
    sheet.set_value("Lisez-moi").run()
    assert not at.exception


def test_problems_notes_and_review_are_in_english_on_the_english_page(demo_pack_copy, monkeypatch, tmp_path,
                                                                        plan_accounts_file):
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=EDITOR, lang="en")
    at.session_state["survey_staged"] = ("enquete.csv", SURVEY.replace(b";92003;", b";99999;"))
    at.run()
    assert not at.exception
    error = at.error[0].value.replace("\\", "")
    assert "« enquete.csv », row 4, column « Commune de l'établissement »: the municipality « 99999 » is not in" \
        in error, error
    shown = texts(at)
    assert "personal-data columns dropped, never stored" in shown and "title(s) left without an occupation code" \
        in shown
    for french in ("n'existe pas", "écartées", "laissé(s) sans code", " ligne ", "(lignes"):
        assert french not in shown, french


def test_a_file_of_headers_only_says_why_nothing_can_be_accepted(demo_pack_copy, monkeypatch, tmp_path,
                                                                  plan_accounts_file):
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=EDITOR)
    at.session_state["survey_staged"] = ("enquete.csv", SURVEY.split(b"\n")[0] + b"\n")
    at.run()
    assert not at.exception
    assert any("ne contient aucune réponse" in w.value for w in at.warning), [w.value for w in at.warning]
    assert next(b for b in at.button if b.label == "Accepter et intégrer l'enquête").disabled


def test_a_code_typed_for_one_title_never_moves_to_the_next_once_it_is_confirmed(demo_pack_copy, monkeypatch,
                                                                                  tmp_path, plan_accounts_file):
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=EDITOR)
    at.run()
    at.text_input(key=review_key("other", "boulangère")).set_value("f1703")
    at.button(key=review_key("confirm", "boulangère")).click().run()
    assert not at.exception and not at.error
    assert "« boulangère » → F1703 confirmé" in at.success[0].value
    shown = texts(at)
    assert "File de revue (1 intitulé(s) sans code)" in shown and "« xqzw plop » (ligne 5)" in shown
    assert [w.value for w in at.text_input if w.key.startswith("survey_review_other_")] == [""]
    assert at.text_input(key=review_key("other", "xqzw plop")).value == ""
