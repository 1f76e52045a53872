"""Fixtures of the action-plan tests: a seeded store on SQLite and on a REAL PostgreSQL server.

`tests/conftest.py` imports them (`from conftest_plan import *`). When GPECT_TEST_PG_URL is not set
(e.g. `postgresql://user@127.0.0.1:5432/postgres`), a throwaway PostgreSQL cluster is created with Debian's
binaries (`initdb`, `pg_ctl`, run as the `postgres` user when we are root), listening on 127.0.0.1 and a unix
socket in its temporary folder, and stopped at the end of the run; under pytest-xdist the workers share that one
cluster. Each test gets its own database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from browser import free_port, run_folder, xdist_worker
from gpect_core import settings


def _pg_bin() -> Path:
    """Debian's PostgreSQL binaries (the newest installed version), or $GPECT_TEST_PG_BIN."""
    if settings.raw("GPECT_TEST_PG_BIN"):
        return Path(settings.raw("GPECT_TEST_PG_BIN"))
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3])
                   if p.parts[-3].isdigit() else 0)
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _pg_bin()
REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO_PACK = REPO_ROOT / "data" / "demo"

__all__ = ["pg_server_url", "plan_territory", "plan_db_url", "plan_store", "sqlite_plan_url", "pg_plan_url",
           "plan_accounts_template", "plan_accounts_file", "plan_env"]


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextlib.contextmanager
def throwaway_postgres():
    """Start a PostgreSQL cluster in a temporary folder; yield the URL of its maintenance database; stop it.
    (Also used by bench/bench_plan_concurrency.py.)"""
    folder = Path(tempfile.mkdtemp(prefix="gpect-pg-"))
    try:
        yield start_postgres(folder)
    finally:
        stop_postgres(folder)


def start_postgres(folder: Path) -> str:
    """Create and start a cluster in the empty `folder`; return the URL of its maintenance database."""
    data = folder / "data"
    log = folder / "server.log"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                                 "--no-sync", "-E", "UTF8", "--locale=C"]),
                   check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100"
    started = subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-o",
                                           options, "-w", "-t", "60", "start"]), capture_output=True, text=True)
    if started.returncode != 0:
        details = log.read_text() if log.exists() else started.stderr
        raise RuntimeError(f"PostgreSQL n'a pas démarré : {details[-2000:]}")
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"


def stop_postgres(folder: Path) -> None:
    """Stop the cluster `start_postgres` started in `folder` (if it runs) and delete the folder."""
    data = folder / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                                     "stop"]), capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


def _shared_postgres_record(tmp_path_factory) -> Path:
    """Where the run's cluster is noted (its URL, then its folder), in the folder common to the run's processes."""
    return run_folder(tmp_path_factory) / "postgres"


@pytest.fixture(scope="session")
def pg_server_url(tmp_path_factory):
    """URL of a running PostgreSQL server's maintenance database: $GPECT_TEST_PG_URL, else one throwaway cluster
    for the whole run, started by the first process that needs it (under pytest-xdist the workers share it; the
    controller stops it at the end: see `stop_shared_postgres`)."""
    given = settings.raw("GPECT_TEST_PG_URL")
    if given:
        yield given
        return
    if not (PG_BIN / "initdb").exists():
        pytest.fail(f"PostgreSQL introuvable ({PG_BIN}/initdb) : `make test` installe le paquet Debian "
                    "« postgresql », ou donnez un serveur avec GPECT_TEST_PG_URL.")
    from filelock import FileLock

    record = _shared_postgres_record(tmp_path_factory)
    record.mkdir(exist_ok=True)
    with FileLock(str(record / "lock")):
        if (record / "failed").is_file():
            pytest.fail((record / "failed").read_text())
        if not (record / "url").is_file():
            folder = Path(tempfile.mkdtemp(prefix="gpect-pg-"))  # not under pytest's basetemp: postgres must reach it
            (record / "folder").write_text(str(folder))
            try:
                url = start_postgres(folder)
            except (RuntimeError, subprocess.CalledProcessError) as exc:
                message = str(exc) + (f"\n{exc.stderr}" if getattr(exc, "stderr", None) else "")
                (record / "failed").write_text(message)
                pytest.fail(message)
            (record / "url").write_text(url)
        url = (record / "url").read_text()
    yield url
    if not xdist_worker():  # one process: stop it now; under xdist, the controller stops it after every worker
        stop_shared_postgres(tmp_path_factory)


def stop_shared_postgres(tmp_path_factory) -> None:
    """Stop the run's shared cluster, if one was started (called by the last process of the run)."""
    record = _shared_postgres_record(tmp_path_factory)
    if (record / "folder").is_file():
        stop_postgres(Path((record / "folder").read_text()))
        (record / "folder").unlink()


@pytest.fixture
def pg_plan_url(pg_server_url):
    """A fresh, empty PostgreSQL database for one test."""
    import psycopg
    from sqlalchemy.engine import make_url

    server = make_url(pg_server_url)
    name = f"gpect_test_{uuid.uuid4().hex[:12]}"
    conninfo = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield server.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_plan_url(tmp_path):
    return f"sqlite:///{tmp_path / 'plan.sqlite'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def plan_db_url(request):
    """The URL of an empty store database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_plan_url")
    return request.getfixturevalue("pg_plan_url")


@pytest.fixture(scope="session")
def plan_territory():
    """The demo territory (its pack carries the plan seed)."""
    from gpect_core.territory import Territory

    if (DEMO_PACK / "manifest.json").exists():
        return Territory.load(DEMO_PACK)
    from gpect_core.demo import build_demo

    return build_demo()


@pytest.fixture
def plan_store(plan_db_url, plan_territory):
    """A store seeded with the demo plan, on each database."""
    from gpect_core.plan.store import PlanStore

    store = PlanStore.open(plan_db_url, plan_territory)
    yield store
    store.close()


@pytest.fixture(scope="session")
def plan_accounts_template(tmp_path_factory) -> Path:
    """The accounts file of `plan_accounts_file`, written once per process: each argon2id hash costs about 0.25 s of
    CPU, and a hundred tests use these accounts."""
    from gpect_core.plan import auth

    path = tmp_path_factory.mktemp("accounts") / "accounts.toml"
    auth.add_user(path, "admin", "admin-secret-1", "administrateur", name="Anne Admin")
    auth.add_user(path, "edith", "edith-secret-1", "editeur", name="Édith Éditrice")
    auth.add_user(path, "victor", "victor-secret-1", "lecteur", name="Victor Lecteur")
    return path


@pytest.fixture
def plan_accounts_file(tmp_path, monkeypatch, plan_accounts_template):
    """A local accounts file (the test's own copy, which it may change) with an administrator, an editor and a
    viewer-only account."""
    from gpect_core.plan import auth

    path = tmp_path / "accounts.toml"
    shutil.copy(plan_accounts_template, path)  # with its mode (0600), as auth.add_user writes it
    monkeypatch.setenv(auth.ACCOUNTS_ENV, str(path))
    return path


@pytest.fixture
def plan_env(monkeypatch, tmp_path, plan_accounts_file, plan_territory):
    """The app's plan store (SQLite in the test's folder, GPECT_DB_URL pointing at it) with the accounts above."""
    from gpect_core.plan.store import PlanStore

    url = f"sqlite:///{tmp_path / 'plan.sqlite'}"
    monkeypatch.setenv("GPECT_DB_URL", url)
    store = PlanStore.open(url, plan_territory)
    yield store
    store.close()
