"""« Préparer et animer »: saved views, scripts of views for the meeting, dot-votes with the room's phones."""

from __future__ import annotations

import streamlit as st

from gpect_core.errors import GpectError
from ui import context
from ui.feedback import show_error
from ui.plan import login
from ui.plan.session import current_user
from ui.workshop import scripts, views, votes
from ui.workshop.common import get_workshop, presenting

ctx = context.page_context()
T = ctx.t
context.page_header(ctx, "workshop.title")
if not presenting():  # on the projector, the vote's results and QR code first
    st.caption(T("workshop.intro"))

user = current_user()
login.sidebar(user, T)
can_edit = bool(user and user.can_edit)
author = user.signature if user else None
if not can_edit and not presenting():  # the login box is in the sidebar, which presenter mode hides
    st.info(T("workshop.editors_only"))

try:
    store = get_workshop(ctx.territory)
    votes_tab, scripts_tab, views_tab = st.tabs([T("workshop.tab.votes"), T("workshop.tab.scripts"),
                                                 T("workshop.tab.views")])
    with votes_tab:
        votes.render(store, ctx, can_edit, author)
    with scripts_tab:
        scripts.render(store, T, can_edit, author)
    with views_tab:
        views.render(store, T, can_edit)
except GpectError as exc:
    show_error(exc)
