"""Presenter mode (`?mode=presentation&deroule=ID&etape=N`): no sidebar nor Streamlit chrome, larger type, the
view's title and note, previous / next links and arrow keys through the script, a discreet step counter.

Each step is reached by following its link, so the page shows exactly what the saved view's URL shows."""

from __future__ import annotations

import html
import json

import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.i18n import t
from gpect_core.workshop.links import PARAM_SCRIPT, PARAM_STEP, presenter_url, view_query, view_url
from ui.workshop.common import HIDE_CHROME, PRESENTER_STYLE, get_workshop

_KEYS = """<script>
window.__gpectSteps = %s;
if (!window.__gpectKeys) {
  window.__gpectKeys = true;
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
    const steps = window.__gpectSteps || {};
    const to = {ArrowRight: steps.next, PageDown: steps.next, ArrowLeft: steps.prev, PageUp: steps.prev,
                Escape: steps.exit}[event.key];
    if (to) { event.preventDefault(); window.location.assign(to); }
  });
}
</script>"""


def _link(href: str | None, text: str, testid: str, css: str = "") -> str:
    if href is None:
        return f'<a aria-disabled="true" role="link" data-testid="{testid}" class="{css}">{html.escape(text)}</a>'
    return (f'<a href="{html.escape(href)}" target="_self" data-testid="{testid}" class="{css}">'
            f"{html.escape(text)}</a>")


def presenter_bar(territory, url_path: str, lang: str) -> None:
    """Hide the chrome, enlarge the type, and (when the URL names a script step) show its title, note and
    navigation. A script or step that no longer exists gets a French notice; the view is still shown."""
    st.html(HIDE_CHROME + PRESENTER_STYLE)
    script_id, step = st.query_params.get(PARAM_SCRIPT), st.query_params.get(PARAM_STEP)
    exit_href = view_url(url_path, view_query(st.query_params.to_dict()))
    steps = None
    if script_id is not None:
        try:
            steps = get_workshop(territory).script_steps(int(script_id))
            n = int(step or 1)
        except (GpectError, ValueError):
            steps = None
        if steps is None or not 1 <= n <= len(steps):
            st.warning(t("workshop.present.unknown", lang))
            steps = None
    nav = {"exit": exit_href}
    if steps is not None:
        row = steps.iloc[n - 1]

        def href(k: int) -> str | None:
            if not 1 <= k <= len(steps):
                return None
            other = steps.iloc[k - 1]
            return presenter_url(other["page"], other["query"], int(script_id), k)

        nav.update(prev=href(n - 1), next=href(n + 1))
        note = row["note"] or row["view_note"]
        links = (_link(nav["prev"], "← " + t("workshop.present.prev", lang), "gpect-prev")
                 + _link(nav["next"], t("workshop.present.next", lang) + " →", "gpect-next")
                 + _link(exit_href, t("workshop.present.exit", lang), "gpect-exit", "gpect-exit"))
        counter = t("workshop.present.counter", lang, n=n, total=len(steps))
        bar = ('<div class="gpect-presenter-bar"><div class="gpect-presenter-text">'
               f'<p class="gpect-presenter-title" data-testid="gpect-step-title">{html.escape(row["name"])}</p>'
               + (f'<p class="gpect-presenter-note">{html.escape(note)}</p>' if note else "") + "</div>"
               + f'<nav class="gpect-presenter-nav" aria-label="{html.escape(t("workshop.present.keys", lang))}">'
               + links + '<span class="gpect-presenter-counter" data-testid="gpect-step-counter">'
               + html.escape(counter) + "</span></nav></div>")
    else:
        bar = ('<div class="gpect-presenter-bar"><nav class="gpect-presenter-nav">'
               + _link(exit_href, t("workshop.present.exit", lang), "gpect-exit", "gpect-exit") + "</nav></div>")
    # One element for the bar and its keys: each element of the page adds the block's gap above the heading.
    st.html(bar + _KEYS % json.dumps(nav), unsafe_allow_javascript=True)
