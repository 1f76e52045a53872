"""The « Métiers en tension » page in Debian's Chromium: charts drawn, fragile figures marked, exports arrive."""

from __future__ import annotations

import struct
import time
from xml.etree import ElementTree

import pytest

from browser import wait_for_idle

pytestmark = pytest.mark.browser


def _download(page, label):
    button = page.locator('[data-testid="stDownloadButton"]').filter(has_text=label).first.locator("button").first
    with page.expect_download(timeout=30_000) as info:
        button.click()
    return info.value


def _svg_text(path) -> str:
    root = ElementTree.parse(path).getroot()
    return " ".join("".join(t.itertext()) for t in root.iter() if t.tag.endswith("text"))


def test_rankings_draw_and_download_with_their_caption(app_url, page):
    page.goto(f"{app_url}/metiers")
    wait_for_idle(page)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.wait_for()
    deadline = time.monotonic() + 20
    while "Fragile" not in chart.inner_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "Fragile (peu de projets ou secret)" in chart.inner_text()  # the chart's own legend says it
    assert "Chiffre fragile" in page.inner_text("body")
    svg = _download(page, "Image SVG")
    text = _svg_text(svg.path())
    assert "Métiers classés par projets de recrutement" in text
    assert "Données fictives de démonstration" in text and "Sélection : Tout le territoire" in text
    png = _download(page, "Image PNG")
    data = open(png.path(), "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">I", data[16:20])[0] >= 1500
    xlsx = _download(page, "Tableau Excel")
    assert xlsx.suggested_filename.endswith(".xlsx") and open(xlsx.path(), "rb").read()[:2] == b"PK"
    page.screenshot(path="tests/artifacts/metiers.png", full_page=True)


def test_ranking_by_difficulty_redraws_the_chart(app_url, page):
    page.goto(f"{app_url}/metiers")
    wait_for_idle(page)
    page.locator("[data-testid=\"stButtonGroup\"] button").filter(has_text="part des projets difficiles").first.click()
    wait_for_idle(page)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    deadline = time.monotonic() + 20
    while "Métiers classés par part des projets difficiles" not in chart.inner_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "Métiers classés par part des projets difficiles" in chart.inner_text()
