"""The login kept across reloads and tabs: the session cookie's signed token logs the right account in, and nothing
else does (forged, expired, logged out, password changed, account removed); it carries no password nor role."""

from __future__ import annotations

import sys

import itsdangerous.timed
import pytest

from gpect_core.plan import auth
from ui.plan import session

if not hasattr(sys.modules.get("conftest"), "plan_accounts_file"):
    from conftest_plan import *  # noqa: F403


@pytest.fixture
def edith(plan_accounts_file):
    return auth.load_accounts(None)["edith"]


def test_a_token_logs_its_account_back_in(edith):
    token = session.login_token(edith, "sid-1")
    account = session.account_of_token(token)
    assert (account.username, account.role) == ("edith", "editeur")


def test_the_token_holds_no_password_nor_role(edith):
    token = session.login_token(edith, "sid-1")
    payload = session._serializer().loads(token)
    assert set(payload) == {"u", "s", "p"} and payload["u"] == "edith"
    assert "edith-secret-1" not in token and "editeur" not in str(payload)
    assert payload["p"] not in edith.password_hash  # a fingerprint of the hash, not the hash itself


def test_a_forged_or_altered_token_logs_nobody_in(edith, plan_accounts_file):
    token = session.login_token(edith, "sid-1")
    assert session.account_of_token(token[:-2] + ("AA" if token[-2:] != "AA" else "BB")) is None
    forged = itsdangerous.URLSafeTimedSerializer("not the server's secret", salt=session._SALT).dumps(
        {"u": "admin", "s": "x", "p": session._fingerprint(auth.load_accounts(None)["admin"])})
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


def test_a_logged_out_session_token_is_refused(edith):
    token = session.login_token(edith, "sid-logged-out")
    session._revoked()["sid-logged-out"] = 9e18
    try:
        assert session.account_of_token(token) is None
        assert session.account_of_token(session.login_token(edith, "another-sid")) is not None
    finally:
        session._revoked().pop("sid-logged-out", None)
