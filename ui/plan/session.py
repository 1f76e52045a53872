"""Streamlit side of the action plan: the shared store and the logged-in person.

The store is opened once per process (`st.cache_resource`) from $GPECT_DB_URL (default var/plan.sqlite) and,
when empty, loaded with the plan of the current pack. Login uses `st.login` (OIDC) when the deployment's
secrets have an `[auth]` section, else the local accounts file ($GPECT_ACCOUNTS_FILE).

A local login survives a reload (F5) and reaches the browser's other tabs through a session cookie (`gpect_session`):
a token signed with itsdangerous under Streamlit's own `server.cookieSecret` (set the same value on every app
server of a deployment), naming the account, its login generation and a fingerprint of its password hash, valid
SESSION_HOURS. The server reads it from the request (`st.context.cookies`) on a session's first run. An expired or
forged token is refused; a logout (its session id), a password change or an account removal (the account's login
generation, see `gpect_core.plan.auth_sessions`) are written in the shared store and checked at every run of a
logged-in session, so every app server of the deployment honours them at once.
Streamlit's script cannot send a Set-Cookie header under `streamlit run`, so the cookie is written by the page
(SameSite=Strict, Secure over https) and is not HttpOnly; it never holds a password or a role (README « Login »).
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

import streamlit as st
from itsdangerous import BadSignature, URLSafeTimedSerializer

from gpect_core import Territory
from gpect_core.errors import GpectError
from gpect_core.plan import auth
from gpect_core.plan.auth_sessions import LoginRevocations
from gpect_core.plan.engine import default_url
from gpect_core.plan.store import PlanStore
from ui.plan import session_http

USER_KEY = "plan_user"
COOKIE = "gpect_session"
SESSION_HOURS = 12
_COOKIE_CHECKED = "_plan_login_cookie_checked"
_COOKIE_PENDING = "_plan_login_cookie_pending"
_SALT = "gpect-atlas-login"


@st.cache_resource(show_spinner=False, max_entries=4)
def _open_store(url: str, fingerprint: str, code_id: int, _territory: Territory) -> PlanStore:
    return PlanStore.open(url, _territory)


@st.cache_resource(show_spinner=False, max_entries=4)
def _open_login_store(url: str, code_id: int) -> PlanStore:
    return PlanStore.open(url)


def login_revocations() -> LoginRevocations:
    """The logins revoked in this deployment's shared store (raises GpectError in French if it cannot be opened)."""
    return LoginRevocations(_open_login_store(default_url(), id(PlanStore)))


def _still_valid(username: str, sid: str, generation: int) -> bool | None:
    """True or False from the shared store; None when it does not answer (then no login is honoured, for now)."""
    try:
        return login_revocations().is_valid(username, sid, generation)
    except GpectError:
        return None


def get_store(territory: Territory) -> PlanStore:
    """The plan store of this deployment (raises GpectError in French if the database cannot be opened)."""
    # Keyed on the class too: when Streamlit reloads a changed module, a store built from the old code would
    # raise exception classes the page no longer catches.
    return _open_store(default_url(), territory.fingerprint or territory.name, id(PlanStore), territory)


@dataclass(frozen=True)
class User:
    """The person using the page: account `username`, display `name`, `role` (auth.ROLES), `via_oidc`."""

    username: str
    name: str
    role: str
    via_oidc: bool = False

    @property
    def can_edit(self) -> bool:
        return auth.can_edit(self.role)

    @property
    def can_administer(self) -> bool:
        return auth.can_administer(self.role)

    @property
    def signature(self) -> str:
        """How the history names this person."""
        return self.username if self.name in ("", self.username) else f"{self.name} ({self.username})"


def oidc_configured() -> bool:
    """True when the deployment's secrets have an `[auth]` section (login through st.login)."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 — no secrets file at all means no OIDC
        return False


def current_user() -> User | None:
    """The logged-in User (role re-read from the accounts file at every run), or None for a visitor. A session's
    first run adopts the login of the browser's session cookie when it is still valid."""
    if oidc_configured():
        info = getattr(st, "user", None)
        if info is not None and info.get("is_logged_in"):
            email = info.get("email") or ""
            account = auth.role_of_oidc_user(None, email)
            return User(email, info.get("name") or account.name or email, account.role, via_oidc=True)
        return None
    if not st.session_state.get(_COOKIE_CHECKED):
        st.session_state[_COOKIE_CHECKED] = True
        cookie = st.context.cookies.get(COOKIE)
        if not st.session_state.get(USER_KEY) and isinstance(cookie, str) and cookie:
            account = account_of_token(cookie)
            if account is not None:
                payload = _payload(cookie)
                st.session_state[USER_KEY] = {"username": account.username, "name": account.name,
                                              "role": account.role, "sid": payload["s"], "g": int(payload["g"])}
            else:
                st.session_state[_COOKIE_PENDING] = None
    data = st.session_state.get(USER_KEY)
    if not data:
        return None
    # The accounts file and the shared store are read on every run: a removed account, a changed role or password,
    # or a logout made on another app server take effect at once.
    account = auth.load_accounts(None).get(data["username"])
    valid = _still_valid(data["username"], data.get("sid", ""), data.get("g", 0)) if account is not None else False
    if valid is None:
        return None
    if not valid:
        st.session_state.pop(USER_KEY, None)
        st.session_state[_COOKIE_PENDING] = None
        return None
    return User(account.username, account.name, account.role)


def log_in_local(username: str, password: str) -> User | None:
    """Check a local account's password; on success remember the User in the session (and, from the next run on,
    in the browser's session cookie) and return it, else None. Raises GpectError (French) when the shared store,
    which keeps the account's login generation, does not answer."""
    account = auth.authenticate(None, username, password)
    if account is None:
        return None
    generation = login_revocations().generation(account.username)
    user = User(account.username, account.name, account.role)
    sid = secrets.token_hex(16)
    st.session_state[USER_KEY] = {"username": user.username, "name": user.name, "role": user.role, "sid": sid,
                                  "g": generation}
    st.session_state[_COOKIE_PENDING] = login_token(account, sid, generation)
    st.session_state[_COOKIE_CHECKED] = True
    return user


def log_out() -> None:
    """Forget the logged-in person: the session, the browser's session cookie (deleted on the next run, and its
    session id refused by every app server from now on: shared store), and the OIDC login when it is configured.
    Raises GpectError (French) when the shared store cannot record the logout; the session is forgotten anyway."""
    if oidc_configured():
        st.logout()
    data = st.session_state.pop(USER_KEY, None)
    st.session_state[_COOKIE_PENDING] = None
    st.session_state[_COOKIE_CHECKED] = True
    if data and data.get("sid"):
        login_revocations().revoke_session(data["sid"], SESSION_HOURS)


def write_login_cookie() -> None:
    """Write or delete the browser's session cookie when a login or logout asked for it (call once per run, from
    the app's router, in a place that is always drawn). Served by `serve.py`, the page hands a one-minute ticket to
    the server's route, which sets the cookie HttpOnly; served by `app.py` alone, the page writes it itself."""
    if _COOKIE_PENDING not in st.session_state:
        return
    token = st.session_state.pop(_COOKIE_PENDING)
    if session_http.MOUNTED:
        base = urlsplit(st.context.url or "").path.rsplit("/", 1)[0]
        path, body = ((session_http.SESSION_PATH, ticket_serializer().dumps(token)) if token
                      else (session_http.LOGOUT_PATH, ""))
        st.html(f"""<script>
fetch({json.dumps(base + path)}, {{method: "POST", body: {json.dumps(body)}, credentials: "same-origin",
  headers: {{"Content-Type": "text/plain"}}}});
</script>""", unsafe_allow_javascript=True)
        return
    value, age = (token, SESSION_HOURS * 3600) if token else ("", 0)
    st.html(f"""<script>
document.cookie = {json.dumps(COOKIE)} + "=" + {json.dumps(value)} + "; path=/; max-age={age}; SameSite=Strict"
  + (window.location.protocol === "https:" ? "; Secure" : "");
</script>""", unsafe_allow_javascript=True)


def ticket_serializer() -> URLSafeTimedSerializer:
    """Signs the one-minute ticket the page hands to the HttpOnly cookie route (a salt of its own: a ticket is not
    a login token, nor the reverse)."""
    return URLSafeTimedSerializer(st.get_option("server.cookieSecret"), salt=_SALT + "-ticket")


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(st.get_option("server.cookieSecret"), salt=_SALT)


def _fingerprint(account: auth.Account) -> str:
    return hashlib.sha256(account.password_hash.encode()).hexdigest()[:16]


def _payload(token: str) -> dict:
    return _serializer().loads(token, max_age=SESSION_HOURS * 3600)


def login_token(account: auth.Account, sid: str, generation: int = 0) -> str:
    """The signed token of `account`'s login (str, URL-safe): its username, session id `sid`, login `generation`
    (int, `LoginRevocations.generation`) and the fingerprint of its password hash (never the password nor the
    role)."""
    return _serializer().dumps({"u": account.username, "s": sid, "g": int(generation), "p": _fingerprint(account)})


def account_of_token(token: str) -> auth.Account | None:
    """The account a session cookie logs in, or None when the token is forged, expired (older than SESSION_HOURS),
    logged out on any app server, or names an account that no longer exists or whose password changed or that was
    revoked since (shared store)."""
    try:
        data = _payload(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not {"u", "s", "g", "p"} <= set(data) or not isinstance(data["g"], int):
        return None
    if _still_valid(str(data["u"]), str(data["s"]), data["g"]) is not True:
        return None
    account = auth.load_accounts(None).get(str(data["u"]))
    if account is None or not account.password_hash or _fingerprint(account) != data["p"]:
        return None
    return account
