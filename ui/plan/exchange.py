"""The plan page's « Import / export » tab: download the plan as a workbook; editors import one after seeing
the differences with the stored plan."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.plan.xlsx import (
    apply_import,
    diff_plans,
    export_store,
    import_doubts,
    import_problems,
    read_workbook,
)
from gpect_core.readers.rome import rome_referential
from ui.donnees_confirm import confirm_doubts
from ui.feedback import md, show_error
from ui.plan.state import FORM_BASE, PlanView
from ui.staged_upload import StagedUpload

UPLOAD = StagedUpload("plan_import_staged", "plan_import_file", "plan_import_message")


def render(view: PlanView) -> None:
    """The tab's body."""
    T, store = view.t, view.store
    st.download_button(T("plan.export.button"), data=lambda: export_store(store),  # built at click time
                       file_name=f"plan-action-{view.today:%Y-%m-%d}.xlsx", key="plan_export",
                       on_click="ignore", icon=":material/download:", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    st.caption(T("plan.export.help"))
    if not view.can_edit:
        return
    UPLOAD.uploader(T("plan.import.upload"), ["xlsx"])
    UPLOAD.show_message()
    staged = UPLOAD.file()
    if not staged:
        return
    name, data = staged
    try:
        incoming = read_workbook(data, name=name)
    except GpectError as exc:
        show_error(exc)
        return
    zones = set(view.ctx.territory.zones["zone_id"].astype(str))
    rome = rome_referential(view.ctx.territory)
    problems = import_problems(store, incoming, known_zones=zones, known_rome=rome)
    if problems:
        st.error(md(T("hostile.plan.preview_problems", n=len(problems), file=name)) + "  \n"
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
    confirmed = confirm_doubts(T, import_doubts(store, incoming, view.today),  # a tick never carries over
                               key=f"plan_import_confirm_{UPLOAD.digest()}")
    apply, discard = st.columns([1, 1])
    UPLOAD.discard_button(T("plan.import.discard"), "plan_import_discard", T("plan.import.discarded"), discard)
    if apply.button(T("plan.import.apply"), type="primary", key="plan_import_apply", disabled=not confirmed):
        try:
            count = apply_import(store, incoming, user=view.user.signature,
                                 comment=T("plan.import.comment", name=name), known_zones=zones,
                                 confirmed=confirmed, known_rome=rome, today=view.today)
        except GpectError as exc:
            show_error(exc)
        else:
            st.session_state.pop(FORM_BASE, None)
            st.success(T("plan.import.done", n=count))
