"""Views that are links, in Debian's Chromium: page choices travel in the URL, Back and Forward walk through the
selections, « Copier le lien » copies the view."""

from __future__ import annotations

import time

import pytest

from browser import wait_for_idle

pytestmark = pytest.mark.browser


def _settled(page) -> None:
    page.wait_for_selector("h1", timeout=90_000)
    wait_for_idle(page, timeout=90)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")


def _selection(page) -> str:
    return page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()


def _wait_for(read, expected, timeout=20.0):
    deadline = time.monotonic() + timeout
    while (value := read()) != expected and time.monotonic() < deadline:
        time.sleep(0.2)
    assert value == expected


def _indicator(page) -> str:
    return page.get_by_role("combobox", name="Indicateur").input_value()


def _active_method(page) -> str:
    return page.get_by_role("radiogroup", name="Classes").get_by_role("radio", checked=True).inner_text().strip()


def _pick_map_choices(page) -> None:
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Indicateur").click()
    page.get_by_role("option", name="Taux de chômage", exact=True).click()
    _wait_for(lambda: _indicator(page), "Taux de chômage")
    _settled(page)
    page.get_by_role("radiogroup", name="Classes").get_by_role("radio", name="Seuils naturels").click()
    _wait_for(lambda: _active_method(page), "Seuils naturels")
    _settled(page)


def test_a_link_with_page_choices_reproduces_them_in_a_new_context(app_url, page, chromium):
    page.goto(f"{app_url}/carte?zonage=ZE2020&zones=9905")
    _settled(page)
    _pick_map_choices(page)
    page.get_by_role("link", name="Métiers en tension").click()
    _settled(page)
    page.get_by_role("tab", name="Fiche métier").click()
    _settled(page)
    assert "onglet=sheet" in page.url  # the tab is part of the view's link, by its code
    before = page.evaluate("history.length")
    page.get_by_role("link", name="Carte des bassins").click()
    _settled(page)
    # One navigation, one history entry: the restored choices are written in place (it was 5 entries, then 3).
    _wait_for(lambda: "methode=natural_breaks" in page.url, True, timeout=60)
    assert page.evaluate("history.length") - before == 1
    # The choices survive a trip to another page.
    assert _indicator(page) == "Taux de chômage"
    assert _active_method(page) == "Seuils naturels"
    link = page.url
    assert "zones=9905" in link and "indicateur=unemployment_rate" in link  # codes, not the wording
    page.go_back()  # one step back: the page left, as it was left
    _wait_for(lambda: page.locator("h1").first.inner_text(), "Métiers en tension")
    assert "/metiers?" in page.url and "onglet=sheet" in page.url and "zones=9905" in page.url

    other = chromium.new_context(viewport={"width": 1400, "height": 1100}, locale="fr-FR")
    try:
        fresh = other.new_page()
        fresh.goto(link)
        _settled(fresh)
        assert _indicator(fresh) == "Taux de chômage"
        assert _active_method(fresh) == "Seuils naturels"
        assert "Haut-Verdanne" in _selection(fresh)
        legend = fresh.locator('[data-testid="stMain"]').inner_text()
        assert "Taux de chômage" in legend
        fresh.screenshot(path="tests/artifacts/links_new_context.png", full_page=True)
    finally:
        other.close()


def test_back_and_forward_restore_the_previous_selections(app_url, page):
    def selection():
        return _selection(page).split("·")[0].strip()

    page.goto(f"{app_url}/metiers?zonage=ZE2020")
    _settled(page)
    assert selection() == "Sélection : Tout le territoire (Zones d'emploi)"
    zones = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input')
    for code, expected in (("9905", "Haut-Verdanne"), ("9907", "Haut-Verdanne, Saint-Aurin")):
        zones.fill(code)  # the keyboard alone: type the code, Enter picks the basin
        page.keyboard.press("Enter")
        _wait_for(selection, f"Sélection : {expected}")
        _settled(page)

    page.go_back()
    _wait_for(selection, "Sélection : Haut-Verdanne")
    assert page.url.endswith("zones=9905")
    _settled(page)
    sidebar = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').inner_text()
    assert "Haut-Verdanne" in sidebar and "Saint-Aurin" not in sidebar  # the filter follows the URL too
    page.go_back()
    _wait_for(selection, "Sélection : Tout le territoire (Zones d'emploi)")
    assert "zones=" not in page.url
    page.go_forward()
    _wait_for(selection, "Sélection : Haut-Verdanne")
    page.go_forward()
    _wait_for(selection, "Sélection : Haut-Verdanne, Saint-Aurin")
    assert page.url.endswith("zones=9905%2C9907")


def test_copy_link_copies_the_address_of_the_view(app_url, chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 1100}, locale="fr-FR")
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
        page = context.new_page()
        page.goto(f"{app_url}/carte?zonage=ZE2020&zones=9907")
        _settled(page)
        _pick_map_choices(page)
        page.get_by_role("button", name="Copier le lien").click()
        _wait_for(lambda: page.get_by_role("status").filter(has_text="Lien copié").count(), 1)
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == page.url
        assert "zones=9907" in copied and "methode=natural_breaks" in copied
    finally:
        context.close()


def test_streamlit_s_own_words_are_in_the_page_s_language(app_url, page):
    from ui.streamlit_text import STREAMLIT_TEXTS

    def no_english() -> None:
        shown = page.evaluate("""() => document.body.innerText + " " + [...document.querySelectorAll("[placeholder]")]
                                   .map((e) => e.getAttribute("placeholder")).join(" ")""")
        assert not [english for english in STREAMLIT_TEXTS if english in shown], shown[-400:]

    page.goto(f"{app_url}/carte?zonage=ZE2020")
    _settled(page)
    zones = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input')
    zones.fill("zzzz")  # a filter matching no basin
    page.get_by_text("Aucun résultat", exact=True).wait_for(timeout=20_000)
    no_english()
    zones.press("Escape")
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Indicateur").click()
    page.keyboard.type("zzzz")
    page.get_by_text("Aucun résultat", exact=True).wait_for(timeout=20_000)
    no_english()
    page.keyboard.press("Escape")
    from ui.streamlit_text import STREAMLIT_LABELS  # the names of Streamlit's buttons, for screen readers

    page.locator('[aria-label="Ouvrir la liste"]').first.wait_for(state="attached", timeout=20_000)
    named = page.evaluate("""() => [...document.querySelectorAll("[aria-label], [title]")]
                               .flatMap((e) => [e.getAttribute("aria-label"), e.getAttribute("title")])""")
    assert not [english for english in STREAMLIT_LABELS if english in named], named

    page.goto(f"{app_url}/vote")  # a text field in a form: Streamlit's « Press Enter to submit form »
    page.get_by_label("Code du vote (affiché à l'écran)").fill("AB")
    page.get_by_text("Appuyez sur Entrée pour envoyer", exact=True).wait_for(timeout=20_000)
    no_english()
    page.goto(f"{app_url}/vote?lang=en")
    page.get_by_label("Vote code (shown on the screen)").fill("AB")
    page.get_by_text("Press Enter to submit form", exact=True).wait_for(timeout=20_000)
