"""Shared fixtures: the demo pack, the app served on 127.0.0.1, and Debian's Chromium; and how pytest-xdist shares
the run's expensive things between its workers (see `pytest_collection_modifyitems`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser import ExternalRequests, launch_chromium, running_app, xdist_worker
from conftest_plan import *  # noqa: F403 — plan store fixtures (SQLite and a real PostgreSQL server)
from conftest_plan import stop_shared_postgres
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
def national_url(national_pack, tmp_path_factory):  # noqa: F811 — national_pack comes from conftest_realdata
    """The app on (a private copy of) the national pack, with its own plan database: one server for every browser
    test at the national scale."""
    base = tmp_path_factory.mktemp("national-app")
    pack = base / "pack"
    shutil.copytree(national_pack, pack)
    with running_app(pack, extra_env={"GPECT_DB_URL": f"sqlite:///{base / 'plan.sqlite'}"}, timeout=120) as url:
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


# ------------------------------------------------------------------------------------------ pytest-xdist
# `make test` runs the suite on several workers with `--dist loadgroup`: tests are handed out one by one, except
# those that must share one expensive thing, which go together to one worker (their xdist_group):
#   - every test at the national scale (the ~50 s national build, then the national app server);
#   - the tests of a module that share a module-scoped fixture (an app server started for the module, a pack built
#     for the module…), so it is set up once, not once per worker.
# Work is handed out longest first: the national group, then grouped modules (browser ones first), then browser
# tests, then the rest.
# (The national build itself is shared through a file lock anyway: see conftest_realdata.py.)

NATIONAL_FIXTURES = {"national_pack", "national_build", "national_url"}


def _group_of(item) -> str | None:
    names = set(item.fixturenames)
    if names & NATIONAL_FIXTURES:
        return "national"
    definitions = getattr(item, "_fixtureinfo", None)
    for name in names:
        for fixturedef in (definitions.name2fixturedefs.get(name, ()) if definitions else ()):
            if fixturedef.scope in ("module", "class", "package"):
                return item.nodeid.split("::")[0]
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    groups: dict[int, str] = {}
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        group = _group_of(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
            groups[id(item)] = group
    if xdist_worker():  # handed out in this order (`--no-loadscope-reorder`): the longest work first
        def rank(item) -> int:
            browser = item.get_closest_marker("browser") is not None
            if groups.get(id(item)) == "national":
                return 0
            return (1 if browser else 2) if id(item) in groups else (3 if browser else 4)

        items.sort(key=rank)  # stable: collection order within a rank


def pytest_sessionfinish(session):
    """Under pytest-xdist the controller, once every worker is done, stops the PostgreSQL cluster they shared."""
    if not xdist_worker() and session.config.getoption("tx", None):
        stop_shared_postgres(session.config._tmp_path_factory)
