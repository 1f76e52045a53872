"""Accessibility: axe-core (axe-playwright-python) on every page in French, and on three pages in English (the
markup is the same in both languages; English checks the catalogue's labels where pages have the most widgets), in
Debian's Chromium.

The test fails on any serious or critical violation of WCAG 2.1 A/AA rules in markup the app controls. What
Streamlit draws itself and the app cannot change is listed in STREAMLIT_MARKUP with the reason, and only those
rules on those elements are let through.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import wait_for_idle

pytestmark = pytest.mark.browser

# Every page of the app's navigation (the URL paths of app.py's PAGES), so a new page is checked too; the first
# one, « Synthèse », is the default page at "".
_PATHS = re.findall(r'^\s+\("app_pages/\w+\.py", "[\w.]+", "(\w+)"', (Path(__file__).parent.parent / "app.py")
                    .read_text(encoding="utf-8"), flags=re.M)
PAGES = ["", *_PATHS[1:]]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# (axe rule, the Streamlit element it is found in, why the app cannot change it)
STREAMLIT_MARKUP = [
    ("list", '[data-testid="stSidebarNavItems"]',
     "st.navigation with sections draws each section's header as a <div> directly inside the <ul> of pages"),
    ("listitem", '[data-testid="stSidebarNavItems"]',
     "the same navigation: the pages after a section header are <li> under that <div>, not under the <ul>"),
]


def _owner(page, rule: str, target: list) -> str | None:
    """The STREAMLIT_MARKUP selector that `target` (an axe node target in the top document) lies in, for `rule`."""
    if len(target) != 1:
        return None
    for allowed_rule, container, _reason in STREAMLIT_MARKUP:
        if allowed_rule == rule and page.evaluate(
                "([target, container]) => !!document.querySelector(target)?.closest(container)",
                [target[0], container]):
            return container
    return None


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


ENGLISH_PAGES = ["carte", "plan", "atelier"]


@pytest.mark.parametrize(("path", "lang"), [(p, "fr") for p in PAGES] + [(p, "en") for p in ENGLISH_PAGES])
def test_every_page_passes_axe_core(app_url, page, axe, path, lang):
    page.goto(f"{app_url}/{path}?zonage=ZE2020&zones=9905&lang={lang}")
    page.wait_for_selector("h1", timeout=60_000)  # a loaded CI machine passed 30 s
    wait_for_idle(page)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert results.response["passes"], "axe-core checked nothing"
    ours = []
    for violation in results.response["violations"]:
        if violation["impact"] not in ("serious", "critical"):
            continue
        for node in violation["nodes"]:
            if _owner(page, violation["id"], node["target"]) is None:
                ours.append(f"{violation['id']} ({violation['impact']}): {node['html'][:200]}\n"
                            f"    {node.get('failureSummary', '')[:300]}")
    assert not page.get_by_role("dialog").count(), "a dialog covers the page"
    if lang == "fr":  # Streamlit's own English words are put in French (ui/streamlit_text.py)
        from ui.streamlit_text import STREAMLIT_TEXTS

        shown = page.evaluate("""() => document.body.innerText + " " + [...document.querySelectorAll("[placeholder]")]
                                   .map((e) => e.getAttribute("placeholder")).join(" ")""")
        assert not [english for english in STREAMLIT_TEXTS if english in shown]
    page.screenshot(path=f"tests/artifacts/a11y_{path or 'synthese'}_{lang}.png", full_page=True)
    assert not ours, "\n".join(ours)
