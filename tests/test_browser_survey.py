"""In Debian's Chromium, network blocked: the « Enquête entreprises » tab of « Données » reads a survey export, says
which personal-data columns it dropped, and shows a visitor the needs by occupation without any firm name."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import wait_for_idle

pytestmark = pytest.mark.browser

SURVEY = Path(__file__).resolve().parent / "fixtures" / "survey" / "enquete.csv"
FIRMS = ("Fonderie du Val", "Boulangerie Lefort", "Transports Sorne", "Garage Roy")


def test_a_visitor_imports_a_survey_and_sees_needs_without_firm_names(app_url, page):
    page.goto(f"{app_url}/donnees")
    wait_for_idle(page)
    page.get_by_role("tab", name="Enquête entreprises").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').nth(1).set_input_files(str(SURVEY))
    page.get_by_text("Besoins par métier et horizon").wait_for(timeout=60_000)
    page.get_by_text("File de revue (3 intitulé(s) sans code)").wait_for(timeout=30_000)
    wait_for_idle(page)
    body = page.locator("body").inner_text()
    assert "Données personnelles écartées, jamais enregistrées" in body and "Adresse e-mail" in body
    assert "jeanne.martin@exemple.fr" not in body
    assert not any(firm in body for firm in FIRMS)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path="tests/artifacts/donnees_enquete.png")
    page.get_by_text("Besoins par métier et horizon").scroll_into_view_if_needed()
    page.screenshot(path="tests/artifacts/donnees_enquete_besoins.png")
