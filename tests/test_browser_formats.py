"""In Chromium: the tables of « Carte des bassins » show French formats in French (« 96 310 », « 56,6 % ») and
English formats in English (« 96,310 », « 56.6% »).

The grid draws on a canvas; its accessible copy (the DOM text read here) holds the cell *values*: the text of a
text column (the comparison table) and the raw number of a number column (the peers table, formatted on the
canvas by a pandas Styler, as AppTest checks in tests/test_page_formats.py — numbers kept so sorting sorts by
value). An element screenshot of the peers grid is kept in tests/artifacts for a reader."""

from __future__ import annotations

import pytest

from browser import wait_for_idle
from gpect_core.formatting import fmt_int, fmt_pct
from gpect_core.indicators.zones import comparison, peers
from gpect_core.selection import Selection

pytestmark = pytest.mark.browser

ZONE = "9903"
SCRIPT = "() => [...document.querySelectorAll('[data-testid=stDataFrame]')].map(g => g.textContent)"


def _grids(page, needle: str) -> list[str]:
    """The text of the page's data grids, once one holds `needle`."""
    page.wait_for_function(f"() => ({SCRIPT})().some(t => t.includes({needle!r}))", timeout=60_000)
    return page.evaluate(SCRIPT)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_carte_tables_show_the_formats_of_the_interface_language(app_url, page, demo_territory, lang):
    page.goto(f"{app_url}/carte?zonage=ZE2020&zones={ZONE}&lang={lang}")
    wait_for_idle(page)
    table = comparison(demo_territory, Selection("ZE2020", (ZONE,)))
    expected = peers(demo_territory, "ZE2020", ZONE)
    try:
        grids = _grids(page, str(expected["name"].iloc[0]))
    except Exception:
        page.screenshot(path=f"tests/artifacts/carte_formats_{lang}_failed.png", full_page=True)
        raise
    other = "en" if lang == "fr" else "fr"
    compared = next(g for g in grids if fmt_int(table["projects"].iloc[0], lang) in g)
    for column, fmt in (("projects", fmt_int), ("population", fmt_int)):
        value = table[column].iloc[0]
        assert value >= 1000 and fmt(value, lang) in compared and fmt(value, other) not in compared
    share = table["difficult_share"].iloc[0]
    assert fmt_pct(share, lang=lang) in compared and fmt_pct(share, lang=other) not in compared
    grid = page.locator("[data-testid=stDataFrame]").filter(has_text=str(expected["name"].iloc[0])).first
    grid.scroll_into_view_if_needed()
    grid.screenshot(path=f"tests/artifacts/carte_peers_{lang}.png")
