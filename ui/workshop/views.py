"""The « Vues enregistrées » tab: the saved views as links; editors rename or delete them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.workshop.links import view_url
from gpect_core.workshop.store import WorkshopStore
from ui.feedback import show_error


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
        try:
            if renamed:
                store.update_view(view_id, name, note)
                st.toast(T("workshop.views.renamed"))
                st.rerun()
            if deleted:
                steps = store.delete_view(view_id)
                st.toast(T("workshop.views.deleted", steps=steps))
                st.rerun()
        except GpectError as exc:
            show_error(exc)
