"""« Plan d'action »: where the committee's plan stands, its history, and (for editors) its updates.

The page loads the plan once per run (ui.plan.state), shows the login box, then one tab per module of ui.plan.
"""

from __future__ import annotations

import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.formatting import fmt_date
from ui import context
from ui.feedback import show_error
from ui.links import PARAM_PLAN_TAB, bound
from ui.plan import actions, admin, exchange, history, login, overview, quick, state
from ui.plan.session import current_user

ctx = context.page_context()
T = ctx.t
context.page_header(ctx, "plan.title")

try:
    view = state.load(ctx)
except GpectError as exc:
    show_error(exc)
    st.stop()

view.user = current_user()
login.sidebar(view.user, T)

tab_bodies = [("plan.tab.overview", overview.render), ("plan.tab.actions", actions.render),
              ("plan.tab.history", history.render), ("plan.tab.exchange", exchange.render)]
if view.can_edit:
    tab_bodies.insert(2, ("plan.tab.quick", quick.render))
if view.can_admin:
    tab_bodies.append(("plan.tab.admin", admin.render))
tab_codes = [key.removeprefix("plan.tab.") for key, _render in tab_bodies]
tab_label = lambda code: T(f"plan.tab.{code}")  # noqa: E731
for tab, (_key, render) in zip(st.tabs([tab_label(code) for code in tab_codes],
                                       **bound(T("links.tab"), PARAM_PLAN_TAB, tab_codes, ctx.lang, tab_label,
                                               tabs=True)),
                               tab_bodies, strict=True):
    with tab:
        render(view)

# The database's address (a path, a host, maybe a password) is never shown: only its kind.
st.caption(T("plan.store", kind={"postgresql": "PostgreSQL"}.get(view.store.dialect, "SQLite"),
             date=fmt_date(view.today, ctx.lang)))
