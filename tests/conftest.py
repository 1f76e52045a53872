"""Shared fixtures: the demo pack, the app served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser import ExternalRequests, launch_chromium, running_app
from conftest_plan import *  # noqa: F403 — plan store fixtures (SQLite and a real PostgreSQL server)
from conftest_realdata import *  # noqa: F403 — the national pack built from ../shared/realdata

ROOT = Path(__file__).resolve().parent.parent
DEMO_PACK = ROOT / "data" / "demo"
REALDATA = ROOT.parent / "shared" / "realdata"
ARTIFACTS = ROOT / "tests" / "artifacts"
ARTIFACTS.mkdir(exist_ok=True)


@pytest.fixture(scope="session")
def demo_territory():
    from gpect_core import Territory

    return Territory.load(DEMO_PACK)


@pytest.fixture
def demo_pack_copy(tmp_path) -> Path:
    """A private copy of the demo pack that a test may modify."""
    target = tmp_path / "pack"
    shutil.copytree(DEMO_PACK, target)
    return target


@pytest.fixture(scope="session")
def realdata() -> Path:
    if not REALDATA.is_dir():
        pytest.skip(f"real public data absent: {REALDATA} (CI has it; see ../shared/realdata/SOURCES.md)")
    return REALDATA


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """The app on the demo pack (a private copy), with its own plan database."""
    base = tmp_path_factory.mktemp("app")
    pack = base / "pack"
    shutil.copytree(DEMO_PACK, pack)
    with running_app(pack, extra_env={"GPECT_DB_URL": f"sqlite:///{base / 'plan.sqlite'}"}) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 1100}, locale="fr-FR")
    page = context.new_page()
    page.external_requests = ExternalRequests(page)
    yield page
    context.close()
