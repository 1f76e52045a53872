"""The plan page's « Historique » tab: every change (or one action's), and for editors restoring the value a
field had before a change."""

from __future__ import annotations

import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.plan import display
from ui.feedback import show_error
from ui.plan.state import FORM_BASE, PlanView

DONE_KEY = "plan_restore_done"


def render(view: PlanView) -> None:
    """The tab's body."""
    T = view.t
    history = view.store.history_frame(limit=2000)
    only = st.selectbox(T("plan.history.filter"), [None, *view.actions_all["action_id"]], key="plan_history_filter",
                        format_func=lambda a: T("plan.history.all") if a is None else view.action_label(a))
    if only:
        history = history[history["action_id"] == only]
    st.dataframe(display.history_table(history, view.lang), hide_index=True, width="stretch",
                 key="plan_history_table")
    if view.can_edit and not history.empty:
        restorable = history[history["kind"] != "seed"]
        with st.form("plan_restore"):
            chosen = st.selectbox(T("plan.restore.choose"), list(restorable["history_id"]), key="plan_restore_id",
                                  format_func=lambda h: T("plan.restore.option", id=h))
            if st.form_submit_button(T("plan.restore.submit")):
                try:
                    view.store.restore(int(chosen), user=view.user.signature)
                except GpectError as exc:
                    show_error(exc)
                else:
                    st.session_state.pop(FORM_BASE, None)
                    st.session_state[DONE_KEY] = T("plan.restore.done", id=chosen)
                    st.rerun()
    if st.session_state.get(DONE_KEY):
        st.success(st.session_state.pop(DONE_KEY))
