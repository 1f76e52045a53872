"""In Debian's Chromium, network blocked: the « Enquête entreprises » tab of « Données » reads a survey export, says
which personal-data columns it dropped, and shows an editor the needs by occupation and the review queue; an editor
confirms a title's code and the queue and the needs change; a visitor sees neither the survey nor a firm name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_page_survey import FIRMS

from browser import log_in, wait_for_idle

pytestmark = pytest.mark.browser

SURVEY = Path(__file__).resolve().parent / "fixtures" / "survey" / "enquete.csv"
QUEUE = re.compile(r"File de revue \((\d+) intitulé\(s\) sans code\)")
CODED = re.compile(r"(\d+) réponse\(s\) avec un code métier ROME")
PLOP = re.compile(r"« xqzw plop » \(lignes? \d")  # the queue's item: « (ligne 5) », or « (lignes 5, 9) »
GRIDS = "() => [...document.querySelectorAll('[data-testid=stDataFrame]')].map(g => g.textContent).join(' ')"



def test_an_editor_imports_a_survey_and_no_personal_data_is_shown(app_url, page):
    log_in(page, app_url, "edith", "edith-secret-1", then="Données")
    page.get_by_role("tab", name="Enquête entreprises").click()
    uploader = page.locator(".st-key-survey_uploader")
    uploader.wait_for(timeout=30_000)
    page.wait_for_function(  # the page's style arrives with the rest of the run, maybe after the widget
        """() => { const b = document.querySelector(".st-key-survey_uploader [data-testid=stFileUploaderDropzone] > span button");
                   return b && getComputedStyle(b, '::after').content !== 'none'; }""", timeout=30_000)
    shown = uploader.inner_text()  # Streamlit's own « Upload » and « 200MB per file » are hidden, ours shown
    assert "Upload" not in shown and "per file" not in shown and "Drag and drop" not in shown, shown
    assert uploader.locator('[data-testid="stFileUploaderDropzone"] > span button').evaluate(
        "b => getComputedStyle(b, '::after').content") == '"Choisir un fichier"'
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').nth(1).set_input_files(str(SURVEY))
    page.get_by_text("Besoins par métier et horizon").wait_for(timeout=60_000)
    # another test of this app server may have confirmed « xqzw plop » already (confirmations are remembered)
    page.get_by_text(QUEUE).wait_for(timeout=30_000)
    wait_for_idle(page)
    body = page.locator("body").inner_text()
    assert "Données personnelles écartées, jamais enregistrées" in body and "Adresse e-mail" in body
    assert "jeanne.martin@exemple.fr" not in body
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "enquete.csv" in uploader.inner_text() and "Choisir" not in uploader.inner_text()  # the file as is
    page.screenshot(path="tests/artifacts/donnees_enquete.png")
    page.get_by_text("Besoins par métier et horizon").scroll_into_view_if_needed()
    page.screenshot(path="tests/artifacts/donnees_enquete_besoins.png")


def test_an_editor_confirms_a_code_in_the_review_queue_and_a_visitor_sees_no_firm(app_url, page, chromium):
    log_in(page, app_url, "edith", "edith-secret-1", then="Données")
    page.get_by_role("tab", name="Enquête entreprises").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').nth(1).set_input_files(str(SURVEY))
    page.get_by_text(PLOP).wait_for(timeout=60_000)  # no demo appellation is near « xqzw plop »
    wait_for_idle(page)
    body = page.locator("body").inner_text()
    queue, coded = int(QUEUE.search(body).group(1)), int(CODED.search(body).group(1))
    assert "Fonderie du Val" in page.evaluate(GRIDS)  # an editor sees the firms
    assert "F1703" not in page.evaluate(GRIDS)

    item = page.locator('[data-testid="stVerticalBlock"]').filter(has_text=PLOP).last
    other = item.get_by_label("ou un autre code ROME")
    other.fill("f1703")
    other.press("Enter")
    wait_for_idle(page)
    item.get_by_role("button", name="Confirmer").click()

    page.get_by_text("« xqzw plop » → F1703 confirmé").wait_for(timeout=60_000)
    page.get_by_text(f"File de revue ({queue - 1} intitulé(s) sans code)").wait_for(timeout=30_000)
    wait_for_idle(page)
    body = page.locator("body").inner_text()
    assert not PLOP.search(body)
    assert int(CODED.search(body).group(1)) == coded + 1
    grids = page.evaluate(GRIDS)
    assert "F1703 — " in grids  # the needs by occupation now have a row for the confirmed code
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path="tests/artifacts/donnees_enquete_confirmee.png")

    visitor_context = chromium.new_context(viewport={"width": 1400, "height": 1100}, locale="fr-FR")
    try:
        visitor = visitor_context.new_page()
        visitor.goto(app_url)
        wait_for_idle(visitor)
        visitor.locator('[data-testid="stSidebar"]').get_by_role("link", name="Données").click()
        wait_for_idle(visitor)
        visitor.get_by_role("tab", name="Enquête entreprises").click()
        visitor.get_by_text("connectez-vous avec un compte au rôle éditeur").last.wait_for(timeout=60_000)
        wait_for_idle(visitor)
        shown = visitor.locator("body").inner_text() + visitor.evaluate(GRIDS)
        assert not [firm for firm in FIRMS if firm in shown]
        assert "File de revue" not in shown and "Besoins par métier et horizon" not in shown
        assert visitor.get_by_role("button", name="Confirmer").count() == 0
        assert visitor.locator('[data-testid="stException"]').count() == 0
    finally:
        visitor_context.close()
