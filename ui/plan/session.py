"""Streamlit side of the action plan: the shared store and the logged-in person.

The store is opened once per process (`st.cache_resource`) from $GPECT_DB_URL (default var/plan.sqlite) and,
when empty, loaded with the plan of the current pack. Login uses `st.login` (OIDC) when the deployment's
secrets have an `[auth]` section, else the local accounts file ($GPECT_ACCOUNTS_FILE).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from gpect_core import Territory
from gpect_core.plan import auth
from gpect_core.plan.engine import default_url
from gpect_core.plan.store import PlanStore

USER_KEY = "plan_user"


@st.cache_resource(show_spinner=False, max_entries=4)
def _open_store(url: str, fingerprint: str, code_id: int, _territory: Territory) -> PlanStore:
    return PlanStore.open(url, _territory)


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
    """The logged-in User (role re-read from the accounts file at every run), or None for a visitor."""
    if oidc_configured():
        info = getattr(st, "user", None)
        if info is not None and info.get("is_logged_in"):
            email = info.get("email") or ""
            account = auth.role_of_oidc_user(None, email)
            return User(email, info.get("name") or account.name or email, account.role, via_oidc=True)
        return None
    data = st.session_state.get(USER_KEY)
    if not data:
        return None
    # The accounts file is re-read on every run: a removed account or a changed role takes effect at once.
    account = auth.load_accounts(None).get(data["username"])
    if account is None:
        st.session_state.pop(USER_KEY, None)
        return None
    return User(account.username, account.name, account.role)


def log_in_local(username: str, password: str) -> User | None:
    """Check a local account's password; on success remember the User in the session and return it, else None."""
    account = auth.authenticate(None, username, password)
    if account is None:
        return None
    user = User(account.username, account.name, account.role)
    st.session_state[USER_KEY] = {"username": user.username, "name": user.name, "role": user.role}
    return user


def log_out() -> None:
    """Forget the logged-in person (and log out of OIDC when it is configured)."""
    if oidc_configured():
        st.logout()
    st.session_state.pop(USER_KEY, None)
