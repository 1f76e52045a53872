"""The plan page's « Import / export » tab: download the plan as a workbook; editors import one after seeing
the differences with the stored plan."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.plan.xlsx import apply_import, diff_plans, export_store, import_problems, read_workbook
from ui.donnees_confirm import confirm_doubts
from ui.feedback import md, show_error
from ui.plan.state import FORM_BASE, PlanView


def render(view: PlanView) -> None:
    """The tab's body."""
    T, store = view.t, view.store
    st.download_button(T("plan.export.button"), data=lambda: export_store(store),  # built at click time
                       file_name=f"plan-action-{view.today:%Y-%m-%d}.xlsx", key="plan_export",
                       on_click="ignore", icon=":material/download:", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    st.caption(T("plan.export.help"))
    if not view.can_edit:
        return
    upload = st.file_uploader(T("plan.import.upload"), type=["xlsx"], key="plan_import_file")
    if upload is None:
        return
    try:
        incoming = read_workbook(upload.getvalue(), name=upload.name)
    except GpectError as exc:
        show_error(exc)
        return
    zones = set(view.ctx.territory.zones["zone_id"].astype(str))
    problems = import_problems(store, incoming, known_zones=zones)
    if problems:
        st.error(md(T("hostile.plan.preview_problems", n=len(problems), file=upload.name)) + "  \n"
                 + "  \n".join(f"• {md(p.message)}" for p in problems[:60]))
        return
    differences = diff_plans(store.snapshot(), incoming)
    changes = [d for d in differences if d.kind != "absent du fichier"]
    if not changes:
        st.success(T("plan.import.no_diff"))
        return
    st.warning(T("plan.import.n_diff", n=len(changes)))
    st.dataframe(pd.DataFrame({T("plan.import.difference"): [d.describe(view.lang) for d in differences]}),
                 hide_index=True, width="stretch")
    confirmed = confirm_doubts(T, incoming.doubts, key=f"plan_import_confirm_{upload.file_id}")
    if st.button(T("plan.import.apply"), type="primary", key="plan_import_apply", disabled=not confirmed):
        try:
            count = apply_import(store, incoming, user=view.user.signature,
                                 comment=T("plan.import.comment", name=upload.name), known_zones=zones,
                                 confirmed=confirmed)
        except GpectError as exc:
            show_error(exc)
        else:
            st.session_state.pop(FORM_BASE, None)
            st.success(T("plan.import.done", n=count))
