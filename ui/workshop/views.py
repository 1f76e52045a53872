"""The « Vues enregistrées » tab: the saved views as links; editors rename or delete them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.workshop.links import view_url
from gpect_core.workshop.store import WorkshopStore
from ui.feedback import md, show_error

_CONFIRM = "ws_view_delete_confirm"


def view_label(row) -> str:
    """« name (page) » for pickers."""
    return f"{row['name']} (/{row['page']})"


def render(store: WorkshopStore, T, can_edit: bool) -> None:
    """List the saved views (name, page, note, author, date, link); rename / delete for editors."""
    views = store.views_frame()
    if views.empty:
        st.info(T("workshop.views.none"))
        return
    shown = pd.DataFrame({
        T("workshop.col.name"): views["name"], T("workshop.col.page"): "/" + views["page"],
        T("workshop.col.note"): views["note"], T("workshop.col.author"): views["author"],
        T("workshop.col.updated"): pd.to_datetime(views["updated_at"], utc=True).dt.strftime("%d/%m/%Y %H:%M"),
        T("workshop.col.link"): [view_url(p, q) for p, q in zip(views["page"], views["query"],
                                                                            strict=True)],
    })
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        T("workshop.col.link"): st.column_config.LinkColumn(T("workshop.col.link"))})
    if not can_edit:
        return
    with st.expander(T("workshop.views.edit")):
        labels = {int(r["view_id"]): view_label(r) for _i, r in views.iterrows()}
        view_id = st.selectbox(T("workshop.views.pick"), list(labels), format_func=labels.get, key="ws_view_pick")
        row = views.set_index("view_id").loc[view_id]
        with st.form("ws_view_edit"):
            name = st.text_input(T("workshop.col.name"), value=row["name"], max_chars=200)
            note = st.text_area(T("workshop.col.note"), value=row["note"], height=80)
            save, remove = st.columns(2)
            renamed = save.form_submit_button(T("workshop.views.rename"))
            deleted = remove.form_submit_button(T("workshop.views.delete"), type="secondary")
        if deleted:
            st.session_state[_CONFIRM] = view_id
        try:
            if renamed:
                store.update_view(view_id, name, note)
                st.toast(T("workshop.views.renamed"))
                st.rerun()
            if st.session_state.get(_CONFIRM) == view_id:
                _confirm_delete(store, T, view_id, row["name"])
        except GpectError as exc:
            show_error(exc)


def _confirm_delete(store: WorkshopStore, T, view_id: int, name: str) -> None:
    """Ask before deleting a view, naming the scripts that would lose steps."""
    used = store.scripts_using_view(view_id)
    if used.empty:
        st.warning(T("workshop.views.confirm", name=md(name)))
    else:
        scripts = ", ".join(f"« {md(n)} » ({int(k)})" for n, k in zip(used["name"], used["steps"], strict=True))
        st.warning(T("workshop.views.confirm_scripts", name=md(name), scripts=scripts))
    yes, no = st.columns(2)
    if yes.button(T("workshop.views.confirm_yes"), type="primary", key="ws_view_delete_yes"):
        st.session_state.pop(_CONFIRM, None)
        steps = store.delete_view(view_id)
        st.toast(T("workshop.views.deleted", steps=steps))
        st.rerun()
    if no.button(T("workshop.views.confirm_no"), key="ws_view_delete_no"):
        st.session_state.pop(_CONFIRM, None)
        st.rerun()
