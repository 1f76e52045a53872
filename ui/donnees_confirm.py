"""The « Données » preview's confirmation of unusual values (a year to come, fractions in a percentage column...):
listed with their file, row and column, and integrated only once the editor ticks « Je confirme… »."""

from __future__ import annotations

import streamlit as st

from gpect_core.ingest import ImportPreview
from ui.feedback import md

CONFIRM = "donnees_confirm"


def confirm_step(T, preview: ImportPreview) -> bool:
    """Show the preview's doubts and the confirmation box; True when there is nothing to confirm or the box is
    ticked (the page forgets the tick, `forget`, whenever it checks the files again)."""
    if not preview.doubts:
        return True
    st.subheader(T("hostile.confirm.header"))
    st.warning(T("hostile.confirm.intro", n=len(preview.doubts)) + "  \n"
               + "  \n".join(f"• {md(d.message)}" for d in preview.doubts[:60]))
    return st.checkbox(T("hostile.confirm.box", n=len(preview.doubts)), key=CONFIRM)


def forget() -> None:
    """Untick the confirmation: a new check must be confirmed anew."""
    st.session_state.pop(CONFIRM, None)
