"""The editor's form state on the plan page, and the one way a save is made: saved (flash message, form
re-read) or refused as stale (what the other person changed, the user's input kept to merge) or invalid
(French message).

Session keys: FORM_BASE is what the form was read from ({"action_id", "version", "read": {field: value}});
STALE the last refused save ({"action_id", "message", "changes", "mine"[, "edited"]}); FLASH the message of the
last save.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.plan import display
from gpect_core.plan import model as m
from gpect_core.plan.errors import StaleVersionError
from gpect_core.plan.saving import SaveResult
from gpect_core.plan.values import split_list
from ui.feedback import md, show_error
from ui.plan.state import FLASH, FORM_BASE, STALE, PlanView


def form_key(action_id: str, name: str) -> str:
    """The session key of the widget of field `name` in the form of `action_id`."""
    return f"plan_form_{action_id}_{name}"


def load_form(action: dict) -> None:
    """(Re)read the form from the stored action (a dict of the store): its widgets take the stored values and
    FORM_BASE its version; a refused save shown before is dropped."""
    read = {}
    for name in m.ACTION_EDITABLE:
        value = action.get(name)
        if name in m.LIST_FIELDS:
            value = split_list(value)
        elif name in ("budget",):
            value = None if value is None else float(value)
        st.session_state[form_key(action["action_id"], name)] = value
        read[name] = value
    st.session_state[FORM_BASE] = {"action_id": action["action_id"], "version": int(action["version"]),
                                   "read": read}
    st.session_state.pop(STALE, None)


def form_values(action_id: str) -> dict[str, Any]:
    """The form's values as the store takes them ({field: value}; lists joined by spaces)."""
    out = {}
    for name in m.ACTION_EDITABLE:
        value = st.session_state.get(form_key(action_id, name))
        out[name] = " ".join(value) if name in m.LIST_FIELDS and isinstance(value, list) else value
    return out


def stale_record(view: PlanView, exc: StaleVersionError, mine: dict[str, Any]) -> dict:
    """What the page keeps of a refused save to show it: the French message, the other person's changes and the
    user's input `mine` ({field: value}) against the version stored now (tables in the page's language)."""
    current = view.store.get_action(exc.action_id)
    theirs = set(exc.changes.loc[exc.changes["entity"] == "action", "field"])
    return {"message": exc.message, "changes": display.stale_changes(exc.changes, view.lang),
            "mine": display.stale_input(mine, current, theirs, view.lang)}


def show_stale(view: PlanView, stale: dict) -> None:
    """Show a refused save kept by `save_or_explain`."""
    st.error(md(stale["message"]))
    if stale.get("changes"):
        st.dataframe(pd.DataFrame(stale["changes"]), hide_index=True, width="stretch")
    if stale.get("mine"):
        st.caption(view.t("plan.stale.your_input"))
        st.dataframe(pd.DataFrame(stale["mine"]), hide_index=True, width="stretch")


def save_or_explain(view: PlanView, action_id: str, save: Callable[[], SaveResult], mine: dict[str, Any],
                    flash: str | Callable[[SaveResult], str], edited: dict[str, Any] | None = None) -> None:
    """Run `save` (a store save of `action_id`). Saved: the form is re-read at the next run and `flash` (or
    `flash(result)`) is shown once; the page reruns. Stale: the message, the other person's changes and `mine`
    (the input refused, {field: value}) are kept in STALE, with `edited` (the widget values to put back when
    merging) if given; the page reruns. Any other GpectError is shown here."""
    try:
        result = save()
    except StaleVersionError as exc:
        record = {**stale_record(view, exc, mine), "action_id": action_id}
        if edited is not None:
            record["edited"] = edited
        st.session_state[STALE] = record
        st.rerun()
    except GpectError as exc:
        show_error(exc)
    else:
        st.session_state.pop(FORM_BASE, None)  # re-read at the next run, before the widgets
        st.session_state[FLASH] = flash(result) if callable(flash) else flash
        st.rerun()
