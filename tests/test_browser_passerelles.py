"""The « Passerelles » page in Debian's Chromium with the network blocked: the diagram draws, the ranked targets
are listed, the diagram downloads with its caption."""

from __future__ import annotations

import time
from xml.etree import ElementTree

import pytest

from browser import wait_for_idle

pytestmark = pytest.mark.browser


def test_passerelles_draws_offline_and_exports_its_caption(app_url, page):
    page.goto(f"{app_url}/passerelles")
    wait_for_idle(page)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.wait_for(timeout=60_000)
    deadline = time.monotonic() + 30
    while "Préparateur / Préparatrice de commandes" not in chart.inner_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    text = chart.inner_text()
    # the first ranked target, on the right: a skills bridge since the demo has skills (then the ROME mobility)
    assert "1. Equipier polyvalent / Equipière polyvalente de restaurat" in text
    assert "2. Préparateur / Préparatrice de commandes" in text
    assert "Vendeur / Vendeuse en prêt-à-porter" in text  # the origin, on the left
    assert chart.locator("canvas, svg").count() >= 1
    body = page.inner_text("body")
    assert "Passerelles depuis Vendeur / Vendeuse en prêt-à-porter" in body and "Classement :" in body
    button = page.locator('[data-testid="stDownloadButton"]').filter(has_text="Image SVG").first.locator("button")
    with page.expect_download(timeout=60_000) as info:
        button.first.click()
    root = ElementTree.parse(info.value.path()).getroot()
    svg_text = " ".join("".join(t.itertext()) for t in root.iter() if t.tag.endswith("text"))
    assert "Passerelles depuis Vendeur / Vendeuse en prêt-à-porter" in svg_text
    assert "Données fictives de démonstration" in svg_text
    assert [u for u in page.external_requests.urls if "vega" in u or "jsdelivr" in u] == []
    page.screenshot(path="tests/artifacts/passerelles.png", full_page=True)
