"""The « Carte des bassins » and its downloads in Debian's Chromium, every host but 127.0.0.1 unreachable."""

from __future__ import annotations

import time
from xml.etree import ElementTree

import pytest

from browser import click_map_at, folium_frame, wait_for_idle

pytestmark = pytest.mark.browser


def _open_carte(page, app_url, query=""):
    page.goto(f"{app_url}/carte{query}")
    wait_for_idle(page)
    return folium_frame(page)


class _Requests:
    """Every URL the page (and its map's iframe) asks for."""

    def __init__(self, page):
        self.urls: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))

    def geometry(self) -> list[str]:
        return [u for u in self.urls if "/app/static/geo/" in u]


def _fills(frame) -> list[str]:
    return frame.evaluate("() => Array.from(document.querySelectorAll('path.leaflet-interactive'))"
                          ".map(p => p.getAttribute('fill'))")


def _outlined(frame) -> int:
    return frame.evaluate("() => Array.from(document.querySelectorAll('path.leaflet-interactive'))"
                          ".filter(p => p.getAttribute('stroke') === '#d62728').length")


def _wait_for_text(locator, text, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in locator.inner_text():
            return
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared")


def test_the_map_draws_every_zone_and_a_click_selects_one(app_url, page, demo_territory):
    zones = demo_territory.zones_of("ZE2020").set_index("zone_id")
    requests = _Requests(page)
    frame = _open_carte(page, app_url)
    assert frame.locator("path.leaflet-interactive").count() == len(zones)
    # Leaflet, the map's extension and the geometry all come from the app itself.
    assert any(u.startswith(app_url + "/app/static/vendor/leaflet/leaflet.js") for u in requests.urls)
    assert any(u.startswith(app_url + "/app/static/gpect/zone-map.js") for u in requests.urls)
    assert requests.geometry() and all(u.startswith(app_url) for u in requests.geometry())
    # Département borders are drawn over the zones in their own pane, and catch no click.
    assert frame.locator(".leaflet-borders-pane path").count() == 2  # one line set for départements, one for régions
    assert "Sélectionnez un bassin" in page.inner_text("body")
    zone = zones.loc["9907"]
    point = zone.geometry.representative_point()
    click_map_at(page, frame, point.y, point.x)
    _wait_for_text(page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first, zone["name"])
    wait_for_idle(page)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    _wait_for_text(chart, zone["name"])  # the comparison chart shows the new selection
    assert "Bassins comparables" in page.inner_text("body")
    assert "Sélectionnez un bassin" not in page.inner_text("body")
    page.mouse.move(5, 5)  # away from the map, so the hover highlight does not hide the outline
    frame = folium_frame(page)
    deadline = time.monotonic() + 10
    while _outlined(frame) != 1 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _outlined(frame) == 1
    assert page.external_requests.urls == []
    page.screenshot(path="tests/artifacts/carte.png", full_page=True)


def test_a_new_indicator_recolours_without_reloading_the_map(app_url, page):
    requests = _Requests(page)
    frame = _open_carte(page, app_url)
    zones_file = [u for u in requests.geometry() if "/geo/ZE2020." in u]
    assert len(zones_file) == 1
    frame.evaluate("() => { window.__kept = 'same map'; window.map.setView([47.1, 2.6], window.map.getZoom() + 1,"
                   " {animate: false}); }")
    view = frame.evaluate("() => [window.map.getZoom(), window.map.getCenter().lat, window.map.getCenter().lng]")
    before = _fills(frame)
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Indicateur").click()
    page.get_by_role("option", name="Taux de chômage", exact=True).click()
    deadline = time.monotonic() + 20
    while _fills(frame) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    wait_for_idle(page)
    frame = folium_frame(page)
    assert _fills(frame) != before
    assert frame.evaluate("() => window.__kept") == "same map"
    # The map stays where the user left it.
    after = frame.evaluate("() => [window.map.getZoom(), window.map.getCenter().lat, window.map.getCenter().lng]")
    assert after[0] == view[0] and abs(after[1] - view[1]) < 1e-6 and abs(after[2] - view[2]) < 1e-6
    assert "Taux de chômage (%), 2024-T4" in page.inner_text("body")  # the legend follows, with its unit
    # Recolouring fetched no geometry again: only the new indicator's tooltip texts.
    assert len([u for u in requests.geometry() if "/geo/ZE2020." in u]) == 1
    assert len([u for u in requests.geometry() if "/geo/borders-" in u]) == 2  # départements, régions
    assert len([u for u in requests.geometry() if "/geo/tooltip-" in u]) == 2  # one per indicator shown
    frame.locator("path.leaflet-interactive").first.hover()
    tooltip = frame.locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=10_000)
    assert "Valeur" in tooltip.inner_text() and "%" in tooltip.inner_text() and "Rang" in tooltip.inner_text()


def test_clicking_the_same_spot_again_selects_that_zone_again(app_url, page, demo_territory):
    zones = demo_territory.zones_of("ZE2020").set_index("zone_id")
    caption = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first
    frame = _open_carte(page, app_url)
    point = zones.loc["9902"].geometry.representative_point()
    click_map_at(page, frame, point.y, point.x)
    _wait_for_text(caption, zones.loc["9902", "name"])
    wait_for_idle(page)
    # Empty the selection from the sidebar: the map's last click is still that spot.
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input').first.focus()
    page.keyboard.press("Backspace")
    deadline = time.monotonic() + 20
    while zones.loc["9902", "name"] in caption.inner_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert zones.loc["9902", "name"] not in caption.inner_text()
    wait_for_idle(page)
    frame = folium_frame(page)
    view = frame.evaluate("() => [window.map.getZoom(), window.map.getCenter().lat]")
    click_map_at(page, frame, point.y, point.x)
    _wait_for_text(caption, zones.loc["9902", "name"])
    wait_for_idle(page)
    frame = folium_frame(page)
    assert frame.evaluate("() => [window.map.getZoom(), window.map.getCenter().lat]") == view


def test_every_zoning_of_the_demo_pack_draws_all_its_zones(app_url, page, demo_territory):
    requests = _Requests(page)
    for zoning in demo_territory.zoning_ids():
        zones = demo_territory.zones_of(zoning)
        if not len(zones):
            continue
        frame = _open_carte(page, app_url, f"?zonage={zoning}")
        deadline = time.monotonic() + 30
        while frame.locator("path.leaflet-interactive").count() != len(zones) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert frame.locator("path.leaflet-interactive").count() == len(zones), zoning
    assert all(u.startswith(app_url) for u in requests.geometry())
    assert page.external_requests.urls == []


def _download(page, label):
    button = page.locator("[data-testid=\"stDownloadButton\"]").filter(has_text=label).first.locator("button").first
    with page.expect_download(timeout=30_000) as info:
        button.click()
    return info.value


def test_the_comparison_chart_downloads_as_png_and_svg_with_its_caption(app_url, page):
    _open_carte(page, app_url)
    png = _download(page, "Image PNG")
    assert png.suggested_filename.endswith(".png")
    data = open(png.path(), "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    svg = _download(page, "Image SVG")
    assert svg.suggested_filename.endswith(".svg")
    root = ElementTree.parse(svg.path()).getroot()
    text = " ".join("".join(t.itertext()) for t in root.iter() if t.tag.endswith("text"))
    assert "Le bassin, sa région et la France" in text
    assert "Données fictives de démonstration" in text and "Exporté le" in text
    csv = _download(page, "Tableau CSV")
    assert open(csv.path(), "rb").read()[:3] == b"\xef\xbb\xbf"


def test_on_the_national_pack_a_zone_d_emploi_is_clicked_compared_and_exported(national_pack, national_url, chromium):
    """Done when: on the national real pack, click a zone d'emploi, compare it, download its chart (skipped
    without ../shared/realdata)."""
    from gpect_core import Territory

    territory = Territory.load(national_pack, validate=False)
    zones = territory.zones_of("ZE2020").set_index("zone_id")
    zone = zones.loc[[z for z in zones.index if z.startswith("24")][0]]  # a zone d'emploi of Centre-Val de Loire
    point = zone.geometry.representative_point()
    assert -5.5 < point.x < 10.0  # metropolitan France, where the national map opens
    context = chromium.new_context(viewport={"width": 1400, "height": 1100}, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{national_url}/carte", timeout=120_000)
        wait_for_idle(page, 120)
        frame = folium_frame(page, 120)
        assert frame.locator("path.leaflet-interactive").count() == len(zones)
        click_map_at(page, frame, point.y, point.x)
        _wait_for_text(page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first, zone["name"], timeout=60)
        wait_for_idle(page, 60)
        chart = page.locator('[data-testid="stVegaLiteChart"]').first
        _wait_for_text(chart, zone["name"])
        body = page.inner_text("body")
        assert "Région : Centre-Val de Loire" in chart.inner_text()
        assert "Bassins comparables" in body and "lus sur les Bassins BMO" in body
        svg = _download(page, "Image SVG")
        root = ElementTree.parse(svg.path()).getroot()
        text = " ".join("".join(t.itertext()) for t in root.iter() if t.tag.endswith("text"))
        assert zone["name"] in text and "Exporté le" in text and "fictive" not in text
        page.screenshot(path="tests/artifacts/carte_national.png", full_page=True)
    finally:
        context.close()


def test_a_deep_link_to_the_map_logs_no_console_error(app_url, chromium):
    """A shared link to a page (not the root) used to log two 404s: Streamlit's frontend probed
    `/carte/_stcore/health` and `/carte/_stcore/host-config` as a possible base URL (streamlit/streamlit#7074)."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1100}, locale="fr-FR")
    try:
        warm = context.new_page()
        warm.goto(app_url)  # the server's first run of the app script sets the base URL up
        warm.locator("h1").first.wait_for(timeout=60_000)
        page = context.new_page()
        errors, failed = [], []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        page.goto(f"{app_url}/carte?zones=9904")
        wait_for_idle(page)
        folium_frame(page)
        assert "Carte des bassins" in page.locator("h1").first.inner_text()
        assert failed == [] and errors == []
    finally:
        context.close()
