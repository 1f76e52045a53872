"""The « Plan d'action » page in English in Debian's Chromium: the history table shows English statuses, field
names and kinds of change, with no French label left (the labels come from the catalogue)."""

from __future__ import annotations

import shutil

import pytest

from browser import running_app, wait_for_idle
from gpect_core.i18n import t
from gpect_core.plan import model as m
from gpect_core.plan.store import PlanStore

pytestmark = pytest.mark.browser

EDITOR = "Edith (edith)"
ACTION = "ACT01"  # the action changed: the first of the plan, so the Actions tab opens on it
CHANGED_FIELDS = ("status", "funders", "progress")


def _grid_text(page) -> str:
    """The text of the visible tab's data grids (the grid keeps an accessible copy of its cells)."""
    return page.evaluate("() => [...document.querySelectorAll('[role=tabpanel] [data-testid=stDataFrame]')]"
                         ".filter(g => g.offsetParent !== null).map(g => g.textContent).join(' | ')")


@pytest.fixture(scope="module")
def english_plan_app(tmp_path_factory):
    """One app for the module, on a plan whose history has a status change and field changes by EDITOR."""
    from conftest import DEMO_PACK

    from gpect_core.territory import Territory

    base = tmp_path_factory.mktemp("plan_app_en")
    pack = base / "pack"
    shutil.copytree(DEMO_PACK, pack)
    db_url = f"sqlite:///{base / 'plan.sqlite'}"
    store = PlanStore.open(db_url, Territory.load(pack))
    action = store.get_action(ACTION)
    status = "abandonnee" if action["status"] != "abandonnee" else "suspendue"
    store.update_action(ACTION, action["version"], {"status": status, "funders": "Région, OPCO 2i", "progress": 35},
                        user=EDITOR)
    store.close()
    with running_app(pack, extra_env={"GPECT_DB_URL": db_url}) as url:
        yield url, action["status"], status


def _open_history(page, url: str) -> str:
    page.goto(f"{url}/plan?lang=en")
    wait_for_idle(page)
    page.get_by_role("tab", name=t("plan.tab.history", "en"), exact=True).click()
    wait_for_idle(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[role=tabpanel] [data-testid=stDataFrame]')]"
        f".some(g => g.offsetParent !== null && g.textContent.includes({EDITOR!r}))", timeout=30_000)
    return _grid_text(page)


def test_the_history_in_english_has_no_french_status_or_field_label(english_plan_app, page):
    url, before_status, after_status = english_plan_app
    try:
        text = _open_history(page, url)
    except Exception:
        page.screenshot(path="tests/artifacts/plan_history_en_failed.png", full_page=True)
        raise
    page.screenshot(path="tests/artifacts/plan_history_en.png", full_page=True)
    french_statuses = [t(f"plan.status.{s}", "fr") for s in m.STATUSES]
    french_fields = [t(f"plan.field.{f}", "fr") for f in CHANGED_FIELDS]
    leftovers = [label for label in [*french_statuses, *french_fields, t("plan.kind.update", "fr"),
                                     t("plan.history.field", "fr")]
                 if label.casefold() in text.casefold()]
    assert leftovers == [], f"French labels in the English history: {leftovers}"
    for english in (t(f"plan.status.{after_status}", "en"), t(f"plan.status.{before_status}", "en"),
                    *[t(f"plan.field.{f}", "en") for f in CHANGED_FIELDS], t("plan.kind.update", "en"),
                    t("plan.history.before", "en"), "35%", "Région, OPCO 2i"):
        assert english in text, english


def test_the_actions_tab_in_english_shows_the_action_in_english(english_plan_app, page):
    url, _before, after_status = english_plan_app
    page.goto(f"{url}/plan?lang=en")
    wait_for_idle(page)
    page.get_by_text(t("plan.rule.late", "en", points=25)[:40]).wait_for(timeout=30_000)
    page.get_by_role("tab", name=t("plan.tab.actions", "en"), exact=True).click()
    wait_for_idle(page)
    page.get_by_text(t("plan.viewer_only", "en")[:30]).wait_for(timeout=30_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[role=tabpanel] [data-testid=stDataFrame]')]"
        f".some(g => g.offsetParent !== null && g.textContent.includes({EDITOR!r}))", timeout=30_000)
    text = _grid_text(page)
    assert t(f"plan.status.{after_status}", "en") in text and t("plan.field.funders", "en") in text
    assert not [s for s in (t(f"plan.status.{c}", "fr") for c in m.STATUSES) if s in text]
    assert t("plan.field.funders", "fr") not in text
