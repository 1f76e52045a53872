"""In Chromium: the tables of « Carte des bassins » show French formats in French (« 1,6 », « 6,5 % », « 96 310 »)
and English formats in English (« 1.6 », « 6.5% », « 96,310 »)."""

from __future__ import annotations

import pytest

from browser import wait_for_idle
from gpect_core.formatting import fmt_float, fmt_int, fmt_pct, fmt_rate
from gpect_core.indicators.zones import peers

pytestmark = pytest.mark.browser

ZONE = "9903"


def _grids_text(page, needle: str) -> str:
    """The text of the page's data grids (each keeps an accessible copy of its cells), once one holds `needle`."""
    script = "() => [...document.querySelectorAll('[data-testid=stDataFrame]')].map(g => g.textContent).join(' | ')"
    page.wait_for_function(f"() => ({script})().includes({needle!r})", timeout=30_000)
    return page.evaluate(script)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_carte_tables_show_the_formats_of_the_interface_language(app_url, page, demo_territory, lang):
    page.goto(f"{app_url}/carte?zonage=ZE2020&zones={ZONE}&lang={lang}")
    wait_for_idle(page)
    expected = peers(demo_territory, "ZE2020", ZONE)
    first = expected.iloc[0]
    try:
        text = _grids_text(page, str(first["name"]))
    except Exception:
        page.screenshot(path=f"tests/artifacts/carte_formats_{lang}_failed.png", full_page=True)
        raise
    page.screenshot(path=f"tests/artifacts/carte_formats_{lang}.png", full_page=True)
    for _, row in expected.iterrows():
        assert fmt_float(row["distance"], 1, lang) in text
        assert fmt_int(row["population"], lang) in text
        assert fmt_pct(row["difficult_share"], lang=lang) in text
        assert fmt_rate(row["unemployment_rate"], lang=lang) in text
    other = "en" if lang == "fr" else "fr"
    wrong = [fmt_rate(r, lang=other) for r in expected["unemployment_rate"]]
    assert not any(w in text for w in wrong), wrong
    big = [p for p in expected["population"] if p >= 1000]
    assert big and fmt_int(big[0], lang) != fmt_int(big[0], other)
