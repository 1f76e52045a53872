"""The plan page's sidebar: who is logged in, log in (local accounts or OIDC), log out."""

from __future__ import annotations

import streamlit as st

from gpect_core.errors import GpectError
from ui.feedback import md, show_error
from ui.plan.session import User, log_in_local, log_out, oidc_configured


def sidebar(user: User | None, T, header_key: str = "plan.login.header") -> None:
    """Show the login box in the sidebar for `user` (None: a visitor), titled by the catalogue key `header_key`;
    `T(key, **values)` reads the catalogue. Logging in or out reruns the page."""
    with st.sidebar:
        st.markdown(f"**{T(header_key)}**")
        if user is not None:
            st.caption(T("plan.login.as", name=md(user.name or user.username),
                         role=T(f"plan.role.{user.role}")))
            if st.button(T("plan.login.logout"), key="plan_logout"):
                try:
                    log_out()
                except GpectError as exc:
                    show_error(exc)
                else:
                    st.rerun()
        elif oidc_configured():
            if st.button(T("plan.login.oidc"), key="plan_login_oidc"):
                st.login()
        else:
            with st.form("plan_login"):
                username = st.text_input(T("plan.login.username"), key="plan_login_username")
                password = st.text_input(T("plan.login.password"), type="password", key="plan_login_password")
                if st.form_submit_button(T("plan.login.submit")):
                    try:
                        user = log_in_local(username, password)
                    except GpectError as exc:
                        show_error(exc)
                    else:
                        if user:
                            st.rerun()
                        st.error(T("plan.login.failed"))
            st.caption(T("plan.login.viewer_note"))
