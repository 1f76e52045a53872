"""The login kept across reloads and tabs: the session cookie's signed token logs the right account in, and nothing
else does (forged, expired, logged out, password changed, account removed); it carries no password nor role. What
ends a login is kept in the shared store, so a second app server on the same database honours it too."""

from __future__ import annotations

import sys

import itsdangerous.timed
import pytest

from gpect_core import settings
from gpect_core.plan import auth
from gpect_core.plan.auth_sessions import LoginRevocations
from gpect_core.plan.store import PlanStore
from ui.plan import session

if not hasattr(sys.modules.get("conftest"), "plan_accounts_file"):
    from conftest_plan import *  # noqa: F403


@pytest.fixture
def shared_db(request, monkeypatch):
    """The deployment's shared store as $GPECT_DB_URL: SQLite, or PostgreSQL when parametrized so."""
    url = request.getfixturevalue("pg_plan_url" if getattr(request, "param", "") == "postgresql" else "sqlite_plan_url")
    monkeypatch.setenv("GPECT_DB_URL", url)
    yield url
    session._open_login_store.clear()


both_databases = pytest.mark.parametrize("shared_db", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def edith(plan_accounts_file, shared_db):
    return auth.load_accounts(None)["edith"]


@pytest.fixture
def other_server(shared_db):
    """The revocations as a second app server sees them: its own engine on the same database."""
    store = PlanStore.open(shared_db)
    yield LoginRevocations(store)
    store.close()


def test_a_token_logs_its_account_back_in(edith):
    token = session.login_token(edith, "sid-1")
    account = session.account_of_token(token)
    assert (account.username, account.role) == ("edith", "editeur")


def test_the_token_holds_no_password_nor_role(edith):
    token = session.login_token(edith, "sid-1")
    payload = session._serializer().loads(token)
    assert set(payload) == {"u", "s", "g", "p"} and payload["u"] == "edith"
    assert "edith-secret-1" not in token and "editeur" not in str(payload)
    assert payload["p"] not in edith.password_hash  # a fingerprint of the hash, not the hash itself


def test_a_forged_or_altered_token_logs_nobody_in(edith, plan_accounts_file):
    token = session.login_token(edith, "sid-1")
    assert session.account_of_token(token[:-2] + ("AA" if token[-2:] != "AA" else "BB")) is None
    forged = itsdangerous.URLSafeTimedSerializer("not the server's secret", salt=session._SALT).dumps(
        {"u": "admin", "s": "x", "g": 0, "p": session._fingerprint(auth.load_accounts(None)["admin"])})
    assert session.account_of_token(forged) is None
    assert session.account_of_token("edith") is None


def test_an_expired_token_logs_nobody_in(edith, monkeypatch):
    token = session.login_token(edith, "sid-1")
    later = itsdangerous.timed.time.time() + session.SESSION_HOURS * 3600 + 5
    monkeypatch.setattr(itsdangerous.timed.time, "time", lambda: later)
    assert session.account_of_token(token) is None


def test_a_changed_password_or_a_removed_account_ends_the_login(edith, plan_accounts_file):
    token = session.login_token(edith, "sid-1")
    auth.set_password(plan_accounts_file, "edith", "a-new-secret-2")
    assert session.account_of_token(token) is None
    victor = auth.load_accounts(None)["victor"]
    other = session.login_token(victor, "sid-2")
    auth.remove_user(plan_accounts_file, "victor")
    assert session.account_of_token(other) is None


@both_databases
def test_a_logout_on_one_server_is_refused_by_the_other(edith, other_server):
    token = session.login_token(edith, "sid-logged-out")
    session.login_revocations().revoke_session("sid-logged-out", session.SESSION_HOURS)
    assert not other_server.is_valid("edith", "sid-logged-out", 0)
    assert session.account_of_token(token) is None
    assert session.account_of_token(session.login_token(edith, "another-sid")) is not None
    other_server.revoke_session("sid-elsewhere", session.SESSION_HOURS)
    assert session.account_of_token(session.login_token(edith, "sid-elsewhere")) is None


@both_databases
def test_revoking_an_account_on_one_server_ends_its_logins_on_the_other(edith, other_server):
    before = session.login_token(edith, "sid-1", session.login_revocations().generation("edith"))
    assert session.account_of_token(before) is not None
    assert other_server.revoke_account("edith") == 1  # what « plan user passwd » and « plan user remove » do
    assert session.account_of_token(before) is None
    after = session.login_token(edith, "sid-2", session.login_revocations().generation("edith"))
    assert session.account_of_token(after).username == "edith"  # a new login after it works
    assert other_server.is_valid("edith", "sid-2", 1) and not other_server.is_valid("edith", "sid-1", 0)


def test_the_cli_ends_the_logins_of_a_changed_or_removed_account(edith, shared_db, plan_accounts_file, monkeypatch,
                                                                 capsys):
    import io

    from gpect_core.cli import main

    token = session.login_token(edith, "sid-1")
    monkeypatch.setattr("sys.stdin", io.StringIO("a-new-secret-2\n"))
    assert main(["plan", "user", "--accounts", str(plan_accounts_file), "--db", shared_db, "passwd", "edith",
                 "--password-stdin"]) == 0
    assert "fermées sur tous les serveurs" in capsys.readouterr().out
    assert session.login_revocations().generation("edith") == 1
    assert session.account_of_token(token) is None
    victor = auth.load_accounts(None)["victor"]
    assert session.account_of_token(session.login_token(victor, "sid-v")) is not None
    assert main(["plan", "user", "--accounts", str(plan_accounts_file), "--db", shared_db, "remove", "victor"]) == 0
    assert session.login_revocations().generation("victor") == 1


def _post(path: str, body: str, origin: str | None = "http://127.0.0.1:8501") -> tuple[int, list[str]]:
    """POST `body` to one of the app's login routes as a browser on 127.0.0.1:8501 would: (status, Set-Cookie)."""
    import asyncio

    from ui.plan import session_http

    route = next(r for r in session_http.SESSION_ROUTES if r.path == path)
    headers = [(b"host", b"127.0.0.1:8501"), (b"content-type", b"text/plain")]
    if origin:
        headers.append((b"origin", origin.encode()))
    scope = {"type": "http", "method": "POST", "path": path, "raw_path": path.encode(), "query_string": b"",
             "headers": headers, "scheme": "http", "server": ("127.0.0.1", 8501), "client": ("127.0.0.1", 5000),
             "root_path": "", "http_version": "1.1"}
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": body.encode(), "more_body": False}

    async def send(message):
        sent.append(message)

    # In a thread of its own: Playwright's sync API may hold a running event loop in this worker's main thread.
    import threading

    done = threading.Thread(target=lambda: asyncio.run(route.handle(scope, receive, send)))
    done.start()
    done.join()
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], [v.decode() for k, v in start["headers"] if k == b"set-cookie"]


def test_the_server_route_turns_a_fresh_ticket_into_an_httponly_cookie(edith):
    token = session.login_token(edith, "sid-1")
    status, cookies = _post("/api/gpect/session", session.ticket_serializer().dumps(token))
    assert status == 204 and len(cookies) == 1
    assert cookies[0].startswith(f"gpect_session={token};")
    assert "HttpOnly" in cookies[0] and "SameSite=strict" in cookies[0] and "Max-Age=43200" in cookies[0]
    assert _post("/api/gpect/session", token)[0] == 403  # a login token is not a ticket
    assert _post("/api/gpect/session", session.ticket_serializer().dumps(token), "http://evil.example")[0] == 403
    session.login_revocations().revoke_session("sid-1", session.SESSION_HOURS)
    assert _post("/api/gpect/session", session.ticket_serializer().dumps(token))[0] == 403  # logged out meanwhile
    status, cookies = _post("/api/gpect/logout", "")
    assert status == 204 and "gpect_session=" in cookies[0] and "Max-Age=0" in cookies[0]
    assert _post("/api/gpect/logout", "", origin=None)[0] == 403


def test_an_expired_ticket_sets_no_cookie(edith, monkeypatch):
    ticket = session.ticket_serializer().dumps(session.login_token(edith, "sid-1"))
    later = itsdangerous.timed.time.time() + 61
    monkeypatch.setattr(itsdangerous.timed.time, "time", lambda: later)
    assert _post("/api/gpect/session", ticket) == (403, [])


def test_a_logged_in_page_is_logged_out_at_its_next_run_when_another_server_ends_the_login(edith, other_server,
                                                                                             plan_territory):
    from streamlit.testing.v1 import AppTest

    PlanStore.open(settings.db_url(), plan_territory).close()
    at = AppTest.from_file("../app_pages/plan.py", default_timeout=90)
    at.session_state["plan_user"] = {"username": "edith", "name": "Édith Éditrice", "role": "editeur",
                                     "sid": "sid-page", "g": 0}
    at.run()
    assert "Saisie rapide" in [tab.label for tab in at.tabs]
    other_server.revoke_session("sid-page", session.SESSION_HOURS)  # « Se déconnecter » in another tab, elsewhere
    at.run()
    assert not at.exception
    assert "plan_user" not in at.session_state and "Saisie rapide" not in [tab.label for tab in at.tabs]
