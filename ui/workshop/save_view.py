"""« Enregistrer la vue »: a sidebar control on every page that saves the page and its query string."""

from __future__ import annotations

import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.i18n import t
from gpect_core.workshop.links import NOT_VIEWS, view_query
from ui.feedback import md, show_error
from ui.plan.session import current_user
from ui.workshop.common import get_workshop


def sidebar_control(territory, url_path: str, title: str, lang: str) -> None:
    """Draw the « Enregistrer la vue » popover in the sidebar for the page at `url_path` (titled `title`); only
    editors can save (others are told where to log in). Nothing on the workshop's own pages."""
    if url_path in NOT_VIEWS:
        return
    with st.sidebar, st.popover(t("workshop.save.button", lang), icon=":material/bookmark_add:"):
        user = current_user()
        if user is None or not user.can_edit:
            st.caption(t("workshop.save.login", lang))
            return
        with st.form("workshop_save_view", clear_on_submit=True, border=False):
            name = st.text_input(t("workshop.save.name", lang), value=title, max_chars=200)
            note = st.text_area(t("workshop.save.note", lang), height=80)
            if st.form_submit_button(t("workshop.save.submit", lang)):
                try:
                    get_workshop(territory).save_view(name, url_path, view_query(st.query_params.to_dict()), note,
                                                      user.signature)
                except GpectError as exc:
                    show_error(exc)
                else:
                    st.toast(t("workshop.save.done", lang, name=md(name.strip())))
