"""The « Synthèse » page in Debian's Chromium, with every host but 127.0.0.1 unreachable."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from browser import click_map_at, folium_frame, metric_value, wait_for_idle
from gpect_core.formatting import fmt_int
from gpect_core.indicators.selection import key_figures
from gpect_core.selection import Selection

pytestmark = pytest.mark.browser


def _zone(territory, zone_id):
    zones = territory.zones_of("ZE2020").set_index("zone_id")
    return zones.loc[zone_id]


def test_synthese_draws_every_basin_and_the_chart(app_url, page, demo_territory):
    page.goto(app_url)
    wait_for_idle(page)
    frame = folium_frame(page, 90)  # often the server's first run (plan store opened, caches filled)
    assert frame.locator("path.leaflet-interactive").count() == len(demo_territory.zones_of("ZE2020"))
    # The map has a real size (Leaflet loaded from the app, not from a CDN).
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    assert box["height"] > 300 and box["width"] > 300
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.wait_for()
    assert chart.locator("svg, canvas").count() >= 1
    assert "Données fictives de démonstration" in page.inner_text("body")
    page.screenshot(path="tests/artifacts/synthese.png")
    leaflet_from_cdn = [u for u in page.external_requests.urls if "leaflet" in u]
    assert leaflet_from_cdn == []


def test_clicking_a_basin_selects_it_and_a_deep_link_reproduces_it(app_url, page, demo_territory):
    zone_id = "9907"
    zone = _zone(demo_territory, zone_id)
    expected = key_figures(demo_territory, Selection("ZE2020", (zone_id,)))
    whole = key_figures(demo_territory, Selection("ZE2020"))
    page.goto(app_url)
    wait_for_idle(page)
    assert metric_value(page, "Projets") == fmt_int(whole.projects)
    frame = folium_frame(page)
    point = zone.geometry.representative_point()
    click_map_at(page, frame, point.y, point.x)
    page.wait_for_url(re.compile(rf"zones={zone_id}"), timeout=20_000)
    wait_for_idle(page)
    assert metric_value(page, "Projets") == fmt_int(expected.projects)
    assert zone["name"] in page.inner_text("body")
    link = page.url
    assert parse_qs(urlparse(link).query)["zones"] == [zone_id]

    other = page.context.new_page()
    other.goto(link)
    wait_for_idle(other)
    assert metric_value(other, "Projets") == fmt_int(expected.projects)
    assert zone["name"] in other.locator('[data-testid="stSidebar"]').inner_text()
    other.close()


def test_the_page_works_in_english(app_url, page, demo_territory):
    page.goto(f"{app_url}/?lang=en&zones=9903")
    wait_for_idle(page)
    body = page.inner_text("body")
    assert "Territory overview" in body
    assert "Fictional demonstration data" in body
    expected = key_figures(demo_territory, Selection("ZE2020", ("9903",)))
    assert metric_value(page, "Hiring projects") == fmt_int(expected.projects, lang="en")
    folium_frame(page)


def test_a_deep_link_to_a_page_works_as_the_first_request_of_a_fresh_server(demo_pack_copy, chromium, tmp_path):
    """The first request a server ever gets goes straight to a page: app.py still routes it with the filter."""
    from browser import running_app

    with running_app(demo_pack_copy, extra_env={"GPECT_DB_URL": f"sqlite:///{tmp_path / 'plan.sqlite'}"}) as url:
        context = chromium.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(f"{url}/carte?zones=9904")
        wait_for_idle(page)
        # A cold server sends the widgets' code a moment after the page: wait for the filter itself.
        page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').wait_for(timeout=30_000)
        sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
        assert "Zonage" in sidebar and "Coteaux du Lézon" in sidebar
        assert "Carte des bassins" in page.locator("h1").first.inner_text()
        context.close()


def test_the_selection_survives_a_change_of_page(app_url, page):
    page.goto(f"{app_url}/?zones=9902")
    wait_for_idle(page)
    page.locator('[data-testid="stSidebarNav"] a', has_text="Métiers en tension").click()
    page.wait_for_url(re.compile(r"/metiers"), timeout=20_000)
    wait_for_idle(page)
    # The app writes the selection into the new page's address in place once that page has drawn (ui/links), a
    # moment after Streamlit has pushed the bare page path: wait for it, then read the address bar itself (the
    # synchronous Playwright's page.url can lag behind history.replaceState).
    page.wait_for_function("new URLSearchParams(location.search).get('zones') === '9902'", timeout=20_000)
    assert parse_qs(urlparse(page.evaluate("location.href")).query).get("zones") == ["9902"]
    assert "Bassin de Morvaux" in page.locator('[data-testid="stSidebar"]').inner_text()
    # The page header names the selection once the page has drawn (under load it may still be empty here).
    page.locator('[data-testid="stMain"]').get_by_text("Bassin de Morvaux").first.wait_for(timeout=30_000)
    assert "Bassin de Morvaux" in page.inner_text('[data-testid="stMain"]')


def test_the_same_spot_clicked_again_after_clearing_with_the_cross_selects_again(app_url, page, demo_territory):
    """A click selects, × empties the filter, the same spot clicked again selects that basin again; the map is the
    same map all along (a note appearing above it with the selection no longer makes a new one)."""
    zone = _zone(demo_territory, "9902")
    point = zone.geometry.representative_point()
    multiselect = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
    page.goto(app_url)
    wait_for_idle(page)
    page.locator('iframe[title="streamlit_folium.st_folium"]').first.scroll_into_view_if_needed()
    frame = folium_frame(page)
    frame.evaluate("() => { window.__kept = 'same map'; }")
    for _ in range(2):
        click_map_at(page, frame, point.y, point.x)
        page.wait_for_url(re.compile(r"zones=9902"), timeout=20_000)
        wait_for_idle(page)
        multiselect.get_by_text(zone["name"]).wait_for(timeout=20_000)
        multiselect.hover()
        multiselect.get_by_role("button", name="Tout effacer").click()
        page.wait_for_url(lambda url: "zones=" not in url, timeout=20_000)
        wait_for_idle(page)
        assert zone["name"] not in multiselect.inner_text()
        frame = folium_frame(page)
        assert frame.evaluate("() => window.__kept") == "same map"
