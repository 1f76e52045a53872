"""In Debian's Chromium, network blocked: the « Enquête entreprises » tab of « Données » reads a survey export, says
which personal-data columns it dropped, and shows an editor the needs by occupation and the review queue (a
viewer, who may not read uploads, is tested in test_page_survey.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import log_in, wait_for_idle

pytestmark = pytest.mark.browser

SURVEY = Path(__file__).resolve().parent / "fixtures" / "survey" / "enquete.csv"


def test_an_editor_imports_a_survey_and_no_personal_data_is_shown(app_url, page):
    log_in(page, app_url, "edith", "edith-secret-1", then="Données")
    page.get_by_role("tab", name="Enquête entreprises").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').nth(1).set_input_files(str(SURVEY))
    page.get_by_text("Besoins par métier et horizon").wait_for(timeout=60_000)
    page.get_by_text("File de revue (3 intitulé(s) sans code)").wait_for(timeout=30_000)
    wait_for_idle(page)
    body = page.locator("body").inner_text()
    assert "Données personnelles écartées, jamais enregistrées" in body and "Adresse e-mail" in body
    assert "jeanne.martin@exemple.fr" not in body
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path="tests/artifacts/donnees_enquete.png")
    page.get_by_text("Besoins par métier et horizon").scroll_into_view_if_needed()
    page.screenshot(path="tests/artifacts/donnees_enquete_besoins.png")
