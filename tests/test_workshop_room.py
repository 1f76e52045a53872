"""Defects a fresh tester found in workshops (issue 12): the projected results chart readable from the back of the
room, the vote picker agreeing with the live panel, the phone's own messages for over-limit dots, a refused ballot,
the script picker after a save, Streamlit's English words and « None » on French pages."""

from __future__ import annotations

import json

import pandas as pd
from streamlit.testing.v1 import AppTest

from gpect_core.workshop.chart import (
    PRESENTER_BARS_HEIGHT,
    PRESENTER_LABEL_SHARE,
    PRESENTER_TEXT,
    presenter_results_chart,
)
from tests.test_workshop_page import EDITOR, workshop_env  # noqa: F401 (fixture)


def _contrast(hex_a: str, hex_b: str = "#ffffff") -> float:
    def lum(h: str) -> float:
        c = [int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted((lum(hex_a), lum(hex_b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _eval_width(expr: str, width: float) -> float:
    """A Vega expression of the presenter chart evaluated for a container `width` px wide."""
    py = (expr.replace("(containerSize()[0] || 0)", str(float(width))).replace("clamp", "_clamp"))
    return eval(py, {"_clamp": lambda v, lo, hi: max(lo, min(hi, v)), "max": max})  # noqa: S307 (our own spec)


def test_the_projected_results_are_dark_large_and_ten_items_fit_a_720_screen():
    labels = [f"Proposition n° {i} : un libellé bien plus long que la colonne ne le permet sur un projecteur"
              for i in range(10)]
    spec = presenter_results_chart(pd.DataFrame({"label": labels, "dots": range(10, 0, -1)}),
                                   "Gommettes", "Choix").to_dict()
    assert _contrast(PRESENTER_TEXT) >= 4.5
    bars, counts = spec["layer"]
    y, x = bars["encoding"]["y"]["axis"], bars["encoding"]["x"]["axis"]
    assert y["labelColor"] == x["labelColor"] == x["titleColor"] == counts["mark"]["color"] == PRESENTER_TEXT
    # The results column of a 1280 px screen is about 700 px wide, of a 1920 px screen about 1100 px.
    for width, label_px in ((700, 19), (1100, 26)):
        assert _eval_width(y["labelFontSize"]["expr"], width) >= label_px
        assert _eval_width(counts["mark"]["fontSize"]["expr"], width) >= label_px
        assert _eval_width(x["labelFontSize"]["expr"], width) >= 15
        assert _eval_width(y["labelLimit"]["expr"], width) <= PRESENTER_LABEL_SHARE * width + 1
    assert _eval_width(y["labelFontSize"]["expr"], 1100) > _eval_width(y["labelFontSize"]["expr"], 700)
    assert bars["encoding"]["tooltip"][0]["field"] == "label"  # the full text of a cut label
    step = spec["height"]["step"]
    assert 10 * step <= PRESENTER_BARS_HEIGHT <= 400 and step >= 28  # a 26 px label still fits its bar
    few = presenter_results_chart(pd.DataFrame({"label": ["A", "B"], "dots": [2, 1]}), "G", "C").to_dict()
    assert few["height"]["step"] > step


def test_presenter_mode_draws_the_live_results_without_the_grey_theme(workshop_env):  # noqa: F811
    code = workshop_env.open_vote("Idées", "proposals", 2, False, [], "Édith")
    for i in range(10):
        item = workshop_env.add_proposal(code, f"phone-{i}", f"Idée {i}").item_id
        workshop_env.cast_ballot(code, f"phone-{i}", {item: 1})
    at = AppTest.from_file("../app_pages/atelier.py", default_timeout=120)
    at.query_params["mode"] = "presentation"
    at.run()
    assert not at.exception
    charts = [e.proto for e in at.main if getattr(e, "type", None) == "vega_lite_chart"]
    live = [c for c in charts if "labelLimit" in c.spec]
    assert live, "no results chart"
    spec = json.loads(live[0].spec)
    assert live[0].theme == ""  # no Streamlit theme on the projector
    assert spec["layer"][0]["encoding"]["y"]["axis"]["labelColor"] == PRESENTER_TEXT
    assert 10 * spec["height"]["step"] <= PRESENTER_BARS_HEIGHT


def test_the_vote_picker_gives_no_count_that_the_live_results_would_contradict(workshop_env):  # noqa: F811
    code = workshop_env.open_vote("Idées", "proposals", 2, False, [], "Édith")
    at = AppTest.from_file("../app_pages/atelier.py", default_timeout=120)
    at.run()
    for i in range(4):  # the room votes after the page was drawn; only the fragment runs again
        item = workshop_env.add_proposal(code, f"phone-{i}", f"Idée {i}").item_id
        workshop_env.cast_ballot(code, f"phone-{i}", {item: 1})
    picker = next(s for s in at.selectbox if s.label.startswith("Vote"))
    assert picker.options == [f"{code} · Idées (ouvert)"]
    at.run()
    assert [m.value for m in at.metric] == ["4"]


def _phone(code: str, lang: str = "fr") -> AppTest:
    phone = AppTest.from_file("../app_pages/vote.py", default_timeout=120)
    phone.query_params["code"] = code
    phone.session_state["lang"] = lang
    return phone.run()


def _submit(phone: AppTest) -> AppTest:
    return next(b for b in phone.button if b.label in ("Enregistrer mes gommettes", "Save my dots")).click().run()


def test_nine_dots_typed_on_a_phone_get_the_page_s_own_message(workshop_env):  # noqa: F811
    code = workshop_env.open_vote("Idées", "proposals", 2, True, [], "Édith")
    workshop_env.add_proposal(code, "phone-1", "Un forum des métiers")
    for lang, message in (("fr", "Vous avez placé 9 gommettes ; vous en avez 2. Retirez-en 7."),
                          ("en", "You placed 9 dots; you have 2. Remove 7.")):
        phone = _phone(code, lang)
        phone.number_input[0].set_value(9)
        _submit(phone)
        assert not phone.exception
        assert [e.value for e in phone.error] == [message]
        assert not phone.success
    assert workshop_env.results(code)[1] == 0


def test_a_refused_ballot_says_only_the_refusal_and_that_the_saved_vote_is_unchanged(workshop_env):  # noqa: F811
    code = workshop_env.open_vote("Idées", "proposals", 2, False, [], "Édith")
    for i in range(3):
        workshop_env.add_proposal(code, f"phone-{i}", f"Idée {i}")
    phone = _phone(code)
    phone.checkbox[0].check()
    phone.checkbox[1].check()
    _submit(phone)
    assert [s.value for s in phone.success][0].startswith("C'est enregistré : 2 gommette(s)")
    phone.checkbox[2].check()
    _submit(phone)
    assert [e.value for e in phone.error] == ["Vous avez placé 3 gommettes ; vous en avez 2. Retirez-en 1."]
    assert not phone.success
    assert "Votre vote enregistré n'a pas changé : 2 gommette(s)." in [c.value for c in phone.caption]
    assert workshop_env.results(code)[0]["dots"].sum() == 2


def test_the_script_picker_and_its_step_count_agree_after_a_save(workshop_env):  # noqa: F811
    view = workshop_env.save_view("Synthèse", "", "zonage=ZE2020", "", "Édith")
    script = workshop_env.create_script("Séance du 4", "Édith")
    at = AppTest.from_file("../app_pages/atelier.py", default_timeout=120)
    at.session_state["plan_user"] = EDITOR
    at.run()
    picker = next(s for s in at.selectbox if s.label == "Déroulé")
    before = picker.options
    assert "0 étape(s)" in [c.value for c in at.caption]
    workshop_env.set_script(script, "Séance du 4", [(view, "Ouverture"), (view, "")])
    at.run()
    picker = next(s for s in at.selectbox if s.label == "Déroulé")
    assert picker.options == before == [f"{script} · Séance du 4"]  # what the browser shows stays true
    assert "2 étape(s)" in [c.value for c in at.caption]


def test_a_new_step_row_starts_with_an_empty_note_not_none(workshop_env):  # noqa: F811
    workshop_env.save_view("Synthèse", "", "zonage=ZE2020", "", "Édith")
    workshop_env.create_script("Séance du 4", "Édith")
    at = AppTest.from_file("../app_pages/atelier.py", default_timeout=120)
    at.session_state["plan_user"] = EDITOR
    at.run()
    assert not at.exception
    editors = [e.proto for e in at.main if getattr(e, "type", None) == "dataframe" and e.proto.editing_mode]
    assert editors, "no steps editor"
    columns = json.loads(editors[0].columns)
    assert columns["note"]["default"] == ""  # a row added with « Ajouter une ligne » shows no « None »


def test_streamlit_s_hidden_button_names_are_given_in_french():
    from ui.streamlit_text import STREAMLIT_LABELS, streamlit_texts

    labels = streamlit_texts("fr", STREAMLIT_LABELS)
    assert {labels[w] for w in ("Open", "Clear all", "Add row")} == {"Ouvrir la liste", "Tout effacer",
                                                                      "Ajouter une ligne"}
    assert streamlit_texts("en", STREAMLIT_LABELS)["Ajouter une ligne"] == "Add row"  # a switch back to English
