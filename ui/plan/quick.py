"""The plan page's « Saisie rapide » tab (editors): statuses and progress of the selection's actions in one
table, each row saved on the version read; rows changed meanwhile are refused and listed."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gpect_core.plan import display
from gpect_core.plan import model as m
from ui.feedback import md
from ui.plan.state import QUICK_BASE, PlanView

EDITOR_KEY = "plan_quick_editor"
RESULT_KEY = "plan_quick_result"  # (saved, refused messages, invalid messages, refused input rows)
COLUMNS = ["action_id", "title", "status", "progress", "version"]


def render(view: PlanView) -> None:
    """The tab's body."""
    T, store = view.t, view.store
    st.caption(T("plan.quick.help"))
    if QUICK_BASE not in st.session_state:
        st.session_state[QUICK_BASE] = view.actions_all[COLUMNS].to_dict("records")
    base_rows = pd.DataFrame(st.session_state[QUICK_BASE], columns=COLUMNS)
    base_rows = base_rows[base_rows["action_id"].isin(view.actions["action_id"])]
    shown = base_rows.assign(status=base_rows["status"].map(view.status_text))
    edited = st.data_editor(
        shown[["action_id", "title", "status", "progress"]], key=EDITOR_KEY, hide_index=True,
        width="stretch", disabled=["action_id", "title"],
        column_config={
            "action_id": st.column_config.TextColumn(T("plan.field.action_id")),
            "title": st.column_config.TextColumn(T("plan.field.title")),
            "status": st.column_config.SelectboxColumn(T("plan.field.status"), required=True,
                                                       options=[view.status_text(s) for s in m.STATUSES]),
            "progress": st.column_config.NumberColumn(T("plan.field.progress"), step=1),
        })
    q1, q2 = st.columns([1, 1])
    if q1.button(T("plan.quick.save"), type="primary", key="plan_quick_save"):
        rows = _changed_rows(view, shown, edited)
        bulk = store.update_many(rows, user=view.user.signature, comment=T("plan.quick.comment"))
        wanted = {action_id: changes for action_id, _version, changes in rows}
        kept = display.refused_rows([(exc.action_id, wanted.get(exc.action_id, {}), store.get_action(exc.action_id))
                                     for exc in bulk.stale], view.lang)
        _forget_table()
        st.session_state[RESULT_KEY] = (len(bulk.saved), [md(e.report()) for e in bulk.stale],
                                        [md(e.report()) for e in bulk.invalid], kept)
        st.rerun()
    if q2.button(T("plan.quick.reload"), key="plan_quick_reload"):
        st.session_state.pop(RESULT_KEY, None)
        _forget_table()
        st.rerun()
    result = st.session_state.get(RESULT_KEY)  # shown until the next save or reload
    if result:
        saved, refused, invalid, kept = result
        st.success(T("plan.quick.saved", n=saved))
        for message in refused + invalid:
            st.error(md(message))
        if kept:
            st.caption(T("plan.quick.kept"))
            st.dataframe(pd.DataFrame(kept), hide_index=True, width="stretch")


def _changed_rows(view: PlanView, shown: pd.DataFrame, edited: pd.DataFrame) -> list[tuple[str, int, dict]]:
    """(action_id, version read, {field: new value}) for each row whose status or progress was changed."""
    label_to_status = {view.status_text(s): s for s in m.STATUSES}
    rows = []
    for before, after in zip(shown.itertuples(), edited.itertuples(), strict=True):
        changes = {}
        if after.status != before.status:
            changes["status"] = label_to_status.get(after.status, after.status)
        if not (pd.isna(after.progress) and pd.isna(before.progress)) and after.progress != before.progress:
            changes["progress"] = after.progress
        if changes:
            rows.append((before.action_id, int(before.version), changes))
    return rows


def _forget_table() -> None:
    st.session_state.pop(QUICK_BASE, None)
    st.session_state.pop(EDITOR_KEY, None)
