"""AppTest of views that are links: a link's unknown page choice gives a notice (French first) and the default."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


@pytest.fixture
def at(demo_pack_copy, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(demo_pack_copy))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file("../app.py", default_timeout=60)


def _open_link(at, page, **params):
    at.query_params.update(params)
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_unknown_indicator_in_a_link_gives_the_french_notice_and_the_default_map(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", indicateur="Taux de bonheur")
    notices = [w.value for w in at.warning]
    assert "Valeur inconnue dans le lien pour « Indicateur » : « Taux de bonheur ». La valeur par défaut est " \
           "affichée." in notices
    assert at.selectbox(key="indicateur").value == "projects"  # the page's default indicator


def test_an_unknown_family_in_an_english_link_gives_the_english_notice(at):
    _open_link(at, "app_pages/metiers.py", zonage="ZE2020", lang="en", famille="Astronautes")
    assert "Unknown value in the link for “Occupation family”: “Astronautes”. The default is shown." in \
        [w.value for w in at.warning]
    assert at.selectbox(key="famille").value == ""


def test_a_known_indicator_in_a_link_is_shown_without_notice(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", indicateur="Taux de chômage")
    assert at.selectbox(key="indicateur").value == "unemployment_rate"
    assert not [w.value for w in at.warning if "lien" in w.value]


def test_an_old_link_with_the_generated_method_name_shows_the_default_and_a_notice(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", indicateur="Taux de chômage",
               carte_method_2="Seuils naturels")
    assert "Ce lien nomme un réglage qui n'existe plus (« carte_method_2 ») : la valeur par défaut est affichée. " \
           "Copiez à nouveau le lien de cette vue." in [w.value for w in at.warning]
    assert "carte_method_2" not in at.query_params
    assert at.selectbox(key="indicateur").value == "unemployment_rate"  # the rest of the link still applies
    assert at.button_group(key="methode").value == "quantiles"


def test_the_method_keeps_its_one_url_name_when_the_indicator_changes_its_options(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", indicateur="Classe de tension moyenne des métiers",
               methode="Classes 1 à 5")
    assert not at.warning
    assert at.button_group(key="methode").value == "fixed"
    at.selectbox(key="indicateur").set_value("unemployment_rate").run()  # « Classes 1 à 5 » is not offered here
    assert not at.exception, [e.value for e in at.exception]
    assert at.button_group(key="methode").value == "quantiles"
    at.button_group(key="methode").set_value("natural_breaks").run()
    assert at.button_group(key="methode").value == "natural_breaks"


def test_every_page_choice_has_a_short_readable_url_name():
    import ast
    from pathlib import Path

    from ui import links

    assert len(set(links.BOUND_PARAMS)) == len(links.BOUND_PARAMS)
    assert all(name.isalpha() and name.islower() and len(name) <= 12 for name in links.BOUND_PARAMS)
    root = Path(__file__).resolve().parent.parent
    for path in [*root.glob("app_pages/*.py"), *root.glob("ui/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "bound":
                key = node.args[1]
                assert isinstance(key, ast.Name) and getattr(links, key.id) in links.BOUND_PARAMS, \
                    f"{path.name}:{node.lineno}: bind a page choice to one of ui.links.BOUND_PARAMS"
            for kw in getattr(node, "keywords", []):
                if kw.arg == "bind":
                    raise AssertionError(f"{path.name}:{node.lineno}: bind through ui.links.bound")


def test_a_value_quoted_in_a_link_notice_is_shown_as_typed(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", indicateur="**gras**")
    notices = [w.value for w in at.warning if "Valeur inconnue" in w.value]
    assert notices and r"« \*\*gras\*\* »" in notices[0]


def test_presenter_mode_shows_the_page_title_and_selection_on_one_line(at):
    _open_link(at, "app_pages/metiers.py", zonage="ZE2020", mode="presentation")
    assert not at.title  # the heading and the selection share one row (the presenter's CSS makes it smaller)
    assert [m.value for m in at.markdown if m.value.startswith("# ")] == ["# Métiers en tension"]
    assert any(c.value.startswith("Sélection") for c in at.caption)


def test_restoring_the_filter_in_the_url_makes_one_history_entry(monkeypatch):
    from streamlit.runtime.state.query_params import QueryParams

    sent = []
    original = QueryParams._send_query_param_msg

    def counting(self):
        sent.append(dict(self._query_params))
        original(self)

    monkeypatch.setattr(QueryParams, "_send_query_param_msg", counting)

    def script():
        import streamlit as st

        from ui import context as ctx

        st.session_state[ctx.FILTER_ZONING] = "ZE2020"
        st.session_state[ctx.FILTER_ZONES] = ["9905"]
        ctx.sync_url()

    at = AppTest.from_function(script, default_timeout=30).run()
    assert not at.exception
    assert sent == [{"zonage": "ZE2020", "zones": "9905"}]  # never « zonage » alone: a view nobody saw


def test_a_link_to_a_page_that_does_not_exist_says_so_in_french(at, monkeypatch):
    from streamlit.runtime.pages_manager import PagesManager

    monkeypatch.setattr(PagesManager, "intended_page_name", property(lambda self: "pagequinexistepas"))
    monkeypatch.setattr(PagesManager, "intended_page_script_hash", property(lambda self: None))
    at.run()
    assert not at.exception
    assert "Ce lien nomme une page qui n'existe pas (« pagequinexistepas ») : la page « Synthèse » est " \
           "affichée." in [w.value for w in at.warning]


def test_a_link_to_a_known_page_gives_no_page_notice(at):
    _open_link(at, "app_pages/metiers.py", zonage="ZE2020")
    assert not [w.value for w in at.warning if "n'existe pas" in w.value]


def test_a_french_link_opened_in_english_keeps_the_choice(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", lang="en", methode="Seuils naturels")
    assert at.button_group(key="methode").value == "natural_breaks"
    assert at.query_params["methode"] == "natural_breaks"
    assert not [w.value for w in at.warning if "Unknown value" in w.value]


def test_a_link_may_name_a_choice_by_its_code(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", indicateur="unemployment_rate", methode="natural_breaks")
    assert at.selectbox(key="indicateur").value == "unemployment_rate"
    assert at.button_group(key="methode").value == "natural_breaks"
    assert not [w.value for w in at.warning if "Valeur inconnue" in w.value]


def test_switching_language_keeps_the_choice_without_notice(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", methode="Seuils naturels")
    at.button_group(key="filter_lang" if "filter_lang" in at.session_state else "lang").set_value("en").run()
    assert not at.exception
    assert at.button_group(key="methode").value == "natural_breaks"
    assert not [w.value for w in at.warning if "Unknown value" in w.value or "Valeur inconnue" in w.value]


def test_a_link_s_wording_is_read_and_written_back_as_the_code(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", indicateur="Taux de chômage", methode="Seuils naturels")
    assert at.selectbox(key="indicateur").value == "unemployment_rate"
    assert at.button_group(key="methode").value == "natural_breaks"
    assert at.query_params["indicateur"] == "unemployment_rate" and at.query_params["methode"] == "natural_breaks"
    assert not [w.value for w in at.warning if "Valeur inconnue" in w.value]


def test_a_link_made_in_english_opens_the_same_view_in_french(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", indicateur="Unemployment rate", methode="Natural breaks")
    assert at.selectbox(key="indicateur").value == "unemployment_rate"
    assert at.selectbox(key="indicateur").format_func("unemployment_rate") == "Taux de chômage"  # shown in French
    assert at.button_group(key="methode").value == "natural_breaks"
    assert at.query_params["indicateur"] == "unemployment_rate"
    assert not at.warning


def test_a_choice_made_on_the_page_writes_its_code_in_every_language(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", lang="en")
    at.selectbox(key="indicateur").set_value("unemployment_rate").run()
    at.button_group(key="methode").set_value("natural_breaks").run()
    assert at.query_params["indicateur"] == "unemployment_rate" and at.query_params["methode"] == "natural_breaks"
    at.button_group(key="methode").set_value("quantiles").run()  # the default stays out of the URL
    assert "methode" not in at.query_params


def test_codes_in_a_link_open_the_occupation_sheet_of_the_right_occupation(at):
    _open_link(at, "app_pages/metiers.py", zonage="ZE2020", zones="9903", onglet="sheet", metier="H2913",
               classement="tension_class")
    assert at.selectbox(key="metier").value == ("ROME4", "H2913")
    assert at.button_group(key="classement").value == "tension_class"
    assert any("Fiche : Soudeur / Soudeuse" in s.value for s in at.subheader)
    assert at.tabs[0].label == "Classements"  # the tab shown comes from the link:
    assert at.session_state["onglet"] == "Fiche métier"
    assert not [w.value for w in at.warning if "Valeur inconnue" in w.value]


def test_an_old_link_with_tab_and_occupation_wording_is_read_in_either_language(at):
    _open_link(at, "app_pages/metiers.py", zonage="ZE2020", zones="9903", onglet="Occupation sheet",
               metier="Soudeur / Soudeuse (ROME4 H2913)")
    assert at.session_state["onglet"] == "Fiche métier"
    assert at.selectbox(key="metier").value == ("ROME4", "H2913")
    assert at.query_params["onglet"] == "sheet" and at.query_params["metier"] == "H2913"


def test_a_page_s_choices_come_back_as_codes_on_coming_back_to_it(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", methode="natural_breaks", indicateur="unemployment_rate")
    at.switch_page("app_pages/metiers.py")
    at.query_params.pop("indicateur"), at.query_params.pop("methode")  # the browser's page change drops them
    at.run()
    assert not at.exception
    at.switch_page("app_pages/carte.py").run()
    assert at.selectbox(key="indicateur").value == "unemployment_rate"
    assert at.button_group(key="methode").value == "natural_breaks"
    assert at.query_params["indicateur"] == "unemployment_rate" and at.query_params["methode"] == "natural_breaks"


def test_clicking_the_selected_class_method_keeps_a_method(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", methode="Seuils naturels")
    at.button_group(key="methode").set_value(None).run()
    assert not at.exception
    assert at.button_group(key="methode").value == "quantiles"  # the default, never an empty choice


def test_a_quick_second_choice_keeps_the_first_in_the_url_the_browser_is_sent(at, monkeypatch):
    """The browser's address bar may lack a choice the app wrote in place (its writer is drawn last, and a quick
    second choice interrupts the run): the URL the server then sends with the second choice still holds the first."""
    from urllib.parse import parse_qs, urlencode

    from streamlit.runtime.state.query_params import QueryParams

    sent = []
    original = QueryParams._send_query_param_msg

    def recording(self):
        sent.append(parse_qs(urlencode(self._query_params, doseq=True)))
        return original(self)

    monkeypatch.setattr(QueryParams, "_send_query_param_msg", recording)
    _open_link(at, "app_pages/carte.py", zonage="ZE2020")
    at.selectbox(key="indicateur").set_value("unemployment_rate").run()
    assert at.query_params.get("indicateur") == "unemployment_rate"
    del at.query_params["indicateur"]  # the address bar the browser sends with the next choice
    sent.clear()
    at.button_group(key="methode").set_value("natural_breaks").run()
    assert not at.exception
    assert sent and sent[-1].get("methode") == ["natural_breaks"]
    assert sent[-1].get("indicateur") == ["unemployment_rate"], sent
