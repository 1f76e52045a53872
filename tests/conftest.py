"""Shared fixtures: the demo pack, the app served on 127.0.0.1, and Debian's Chromium; and how pytest-xdist shares
the run's expensive things between its workers (see `pytest_collection_modifyitems`)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from browser import ExternalRequests, editor_accounts, launch_chromium, run_folder, running_app, xdist_worker
from conftest_plan import *  # noqa: F403 — plan store fixtures (SQLite and a real PostgreSQL server)
from conftest_plan import stop_shared_postgres
from conftest_realdata import *  # noqa: F403 — the national pack built from ../shared/realdata
from tiers import is_full_only, unmatched

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
    with running_app(pack, extra_env={"GPECT_DB_URL": f"sqlite:///{base / 'plan.sqlite'}",
                                      **editor_accounts(base)}) as url:
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
# `make test` runs the suite on several workers (`-n 2`). Tests are handed out one by one, except those that must
# share one expensive thing, which go together to one worker:
#   - every test at the national scale (the ~50 s national build, then the national app server);
#   - the tests of a module that share a module-scoped fixture (an app server started for the module, a pack built
#     for the module…), so it is set up once, not once per worker;
#   - tests marked `xdist_group(name)`, as pytest-xdist documents;
#   - in the gate, the few tests on the demo app server `app_url` (see APP_SERVER_ONE_WORKER_MAX).
# Work is handed out longest first: the national group, then grouped modules (browser ones first), then browser
# tests, then the rest.
# This is `GroupScheduling`, used for `-n N` alone, `--dist load` and `--dist loadgroup`. (pytest-xdist 3.8's own
# loadgroup tags a test by rewriting `item._nodeid`, which pytest 9.2 no longer reads (its node ids are `item._id`),
# so its groups would silently be ignored: here the workers write the groups to a file of the run's common folder
# and the controller's scheduler reads them from there.)
# (The national build itself is shared through a file lock anyway: see conftest_realdata.py.)

NATIONAL_FIXTURES = {"national_pack", "national_build", "national_url", "golden_national_pack"}
GROUPS_FILE = "xdist-groups.json"


def _group_of(item) -> str | None:
    marks = sorted(str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                   for m in item.iter_markers("xdist_group"))
    if marks:
        return "_".join(marks)
    names = set(item.fixturenames)
    if names & NATIONAL_FIXTURES:
        return "national"
    definitions = getattr(item, "_fixtureinfo", None)
    for name in names:
        for fixturedef in (definitions.name2fixturedefs.get(name, ()) if definitions else ()):
            if fixturedef.scope in ("module", "class", "package"):
                return item.nodeid.split("::")[0]
    return None


def pytest_itemcollected(item):
    """Mark `full` the tests that run only in `make test-full` (see tests/tiers.py): those it lists and every test
    on the national pack; `make test` deselects them."""
    if is_full_only(item.nodeid) or set(getattr(item, "fixturenames", ())) & NATIONAL_FIXTURES:
        item.add_marker(pytest.mark.full)


def pytest_collection_finish(session):
    """On a run of the whole `tests/` folder, every entry of tests/tiers.py must still name a test."""
    args = [str(Path(a)) for a in session.config.args]
    if args and all(Path(a).resolve() == ROOT / "tests" for a in args) and not session.config.option.keyword:
        stale = unmatched([item.nodeid for item in session.items] +
                          [item.nodeid for item in getattr(session, "_gpect_deselected", [])])
        if stale:
            raise pytest.UsageError(f"tests/tiers.py names tests that no longer exist: {stale}")


def pytest_deselected(items):
    session = items[0].session if items else None
    if session is not None:
        session.__dict__.setdefault("_gpect_deselected", []).extend(items)


# Up to this many selected tests on `app_url` (the gate has 7) run on one worker, so one app server and one Chromium
# serve them all: starting and warming them costs about 20 s of CPU, more than the rest of most of those tests. The
# full tier has a few dozen: they are spread over the workers.
APP_SERVER_ONE_WORKER_MAX = 12


def _share_the_app_server(items, groups: dict[str, str]) -> None:
    served = [item for item in items if "app_url" in getattr(item, "fixturenames", ())]
    if not served or len(served) > APP_SERVER_ONE_WORKER_MAX:
        return
    modules = {item.nodeid.split("::")[0] for item in served}
    for item in items:  # a module grouped for a module-scoped fixture goes whole with its app_url tests
        if item in served or groups.get(item.nodeid) in modules:
            groups[item.nodeid] = "app_url"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    groups = {item.nodeid: group for item in items if (group := _group_of(item))}
    _share_the_app_server(items, groups)
    for item in items:  # the first national test builds the national pack (~90 s alone, minutes on a busy machine)
        if groups.get(item.nodeid) == "national" and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(900))
    if not xdist_worker():
        return

    def rank(item) -> int:
        browser = item.get_closest_marker("browser") is not None
        if groups.get(item.nodeid) == "national":
            return 0
        return (1 if browser else 2) if item.nodeid in groups else (3 if browser else 4)

    items.sort(key=rank)  # stable: collection order within a rank
    target = run_folder(config._tmp_path_factory) / GROUPS_FILE
    partial = target.with_suffix(f".{xdist_worker()}")
    partial.write_text(json.dumps(groups))
    os.replace(partial, target)  # every worker writes the same groups: whichever lands last is right


try:
    from xdist.scheduler import LoadScopeScheduling
except ImportError:  # pytest-xdist absent: tests run in one process
    LoadScopeScheduling = None

if LoadScopeScheduling is not None:
    class GroupScheduling(LoadScopeScheduling):
        """`--dist loadgroup` with the groups the workers wrote (a test without a group is a unit of its own)."""

        def __init__(self, config, log=None):
            super().__init__(config, log)
            self._groups_file = run_folder(config._tmp_path_factory) / GROUPS_FILE
            self._groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self._groups is None:  # first called once every worker has collected, so has written the file
                self._groups = json.loads(self._groups_file.read_text()) if self._groups_file.is_file() else {}
            group = self._groups.get(nodeid)
            return f"group:{group}" if group else nodeid

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_make_scheduler(config, log):
        if config.getoption("dist") in ("load", "loadgroup"):
            config.option.loadscopereorder = False  # keep the workers' order: the longest work first
            return GroupScheduling(config, log)
        return None


def pytest_sessionfinish(session):
    """Under pytest-xdist the controller, once every worker is done, stops the PostgreSQL cluster they shared."""
    if not xdist_worker() and session.config.getoption("tx", None):
        stop_shared_postgres(session.config._tmp_path_factory)
