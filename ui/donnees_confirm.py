"""The confirmation of unusual values (a year to come, a survey answer dated in the future, fractions in a percentage
column, a job title read as a ROME code...): listed with their file, row and column, and stored only once the editor
ticks « Je confirme… ». Used by the « Données » preview, the company survey and the pairing lists."""

from __future__ import annotations

import streamlit as st

from gpect_core.errors import Problem
from gpect_core.ingest import ImportPreview
from ui.feedback import md

CONFIRM = "donnees_confirm"
SHOWN = 60


def confirm_doubts(T, doubts: list[Problem], key: str) -> bool:
    """Show `doubts` (French, each naming file, row and column) and a « Je confirme… » box keyed `key`; True when
    there is nothing to confirm or the box is ticked."""
    if not doubts:
        return True
    st.subheader(T("hostile.confirm.header"))
    st.warning(T("hostile.confirm.intro", n=len(doubts)) + "  \n"
               + "  \n".join(f"• {md(d.message)}" for d in doubts[:SHOWN]))
    return st.checkbox(T("hostile.confirm.box", n=len(doubts)), key=key)


def confirm_step(T, preview: ImportPreview) -> bool:
    """Show the preview's doubts and the confirmation box; True when there is nothing to confirm or the box is
    ticked (the page forgets the tick, `forget`, whenever it checks the files again)."""
    return confirm_doubts(T, preview.doubts, CONFIRM)


def forget(key: str = CONFIRM) -> None:
    """Untick the confirmation `key`: a new check must be confirmed anew."""
    st.session_state.pop(key, None)
