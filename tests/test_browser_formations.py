"""« Formations et besoins » in Debian's Chromium with the network blocked: the map of coverage and the chart of
the top gaps are drawn from the app's own assets only."""

from __future__ import annotations

import time

import pytest

from browser import folium_frame, wait_for_idle

pytestmark = pytest.mark.browser

LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")


def test_map_and_gaps_chart_draw_with_the_network_blocked(app_url, page, demo_territory):
    blocked: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(LOCAL):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(f"{app_url}/formations?zonage=ZE2020&zones=9906")
    page.locator('[data-testid="stMain"] h1').filter(has_text="Formations et besoins").wait_for(timeout=60_000)
    wait_for_idle(page, 60)
    page.locator('[data-testid="stButtonGroup"] button').filter(has_text="Écarts").first.click()
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.wait_for(timeout=30_000)
    deadline = time.monotonic() + 30
    while "Pénuries sans formation locale" not in chart.inner_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "Pénuries sans formation locale" in chart.inner_text()
    assert chart.locator("canvas, svg").count() > 0
    page.locator('[data-testid="stButtonGroup"] button').filter(has_text="Carte").first.click()
    frame = folium_frame(page, 60)
    n_zones = len(demo_territory.zone_names("ZE2020"))
    assert frame.locator("path.leaflet-interactive").count() == n_zones
    fills = frame.evaluate("() => Array.from(document.querySelectorAll('path.leaflet-interactive'))"
                           ".map(p => p.getAttribute('fill'))")
    assert len(set(fills)) >= 2  # zones in different classes of coverage
    sizes = frame.evaluate("() => Array.from(document.querySelectorAll('path.leaflet-interactive'))"
                           ".map(p => p.getBBox().width)")
    assert min(sizes) > 1  # laid out, not collapsed to a point
    assert "Places pour 100 projets" in page.inner_text("body")
    assert not [u for u in blocked if "leaflet" in u or "vega" in u], blocked
    page.screenshot(path="tests/artifacts/formations.png", full_page=True)
