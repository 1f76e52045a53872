"""The plan page's « Administration » tab (administrators): partners directory, axes and accounts."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.plan import auth, display
from gpect_core.plan import model as m
from gpect_core.plan.labels import label
from ui.feedback import md, show_error
from ui.plan.state import PlanView


def render(view: PlanView) -> None:
    """The tab's body."""
    _partners(view)
    _axes(view)
    _accounts(view)


def _partners(view: PlanView) -> None:
    T = view.t
    st.subheader(T("plan.admin.partners"))
    st.dataframe(display.partners_table(view.partners, view.lang), hide_index=True, width="stretch")
    with st.form("plan_partner_form"):
        p1, p2, p3 = st.columns(3)
        partner_id = p1.text_input(T("plan.admin.partner_id"), key="plan_partner_id")
        partner_name = p2.text_input(T("plan.field.name"), key="plan_partner_name")
        partner_type = p3.selectbox(T("plan.field.type"), list(m.PARTNER_KINDS), key="plan_partner_type",
                                    format_func=lambda k: label("partner_type", k, view.lang))
        if st.form_submit_button(T("plan.admin.save_partner")):
            try:
                view.store.upsert_partner(partner_id.strip(), partner_name, partner_type, user=view.user.signature)
                st.success(T("plan.admin.saved"))
            except GpectError as exc:
                show_error(exc)


def _axes(view: PlanView) -> None:
    T = view.t
    st.subheader(T("plan.admin.axes"))
    st.dataframe(view.axes, hide_index=True, width="stretch")
    with st.form("plan_axis_form"):
        a1, a2 = st.columns([1, 3])
        axis_id = a1.text_input(T("plan.admin.axis_id"), key="plan_axis_id")
        axis_label = a2.text_input(T("plan.field.label"), key="plan_axis_label")
        if st.form_submit_button(T("plan.admin.save_axis")):
            try:
                view.store.upsert_axis(axis_id.strip(), axis_label, user=view.user.signature)
                st.success(T("plan.admin.saved"))
            except GpectError as exc:
                show_error(exc)


def _accounts(view: PlanView) -> None:
    T = view.t
    st.subheader(T("plan.admin.accounts"))
    try:
        accounts = auth.load_accounts()
    except GpectError as exc:
        show_error(exc)
        accounts = {}
    st.dataframe(pd.DataFrame([{T("plan.login.username"): a.username, T("plan.field.name"): a.name,
                                T("plan.admin.role"): label("role", a.role, view.lang)} for a in accounts.values()]),
                 hide_index=True, width="stretch")
    st.caption(T("plan.admin.accounts_file", path=str(auth.accounts_path())))
    with st.form("plan_account_form"):
        u1, u2, u3 = st.columns(3)
        new_username = u1.text_input(T("plan.login.username"), key="plan_new_username")
        new_name = u2.text_input(T("plan.field.name"), key="plan_new_name")
        new_role = u3.selectbox(T("plan.admin.role"), list(auth.ROLES), index=1, key="plan_new_role",
                                format_func=lambda r: label("role", r, view.lang))
        new_password = st.text_input(T("plan.login.password"), type="password", key="plan_new_password")
        if st.form_submit_button(T("plan.admin.create_account")):
            try:
                auth.add_user(None, new_username.strip(), new_password, new_role, name=new_name)
                st.success(T("plan.admin.account_created", username=md(new_username)))
            except GpectError as exc:
                show_error(exc)
