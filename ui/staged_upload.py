"""An uploaded file staged in session state until an editor accepts or discards it: the one seam of the plan
workbook's import (« Plan d'action »), the company survey's (« Données ») and the pairing lists' (« Rapprochement
d'entreprises »).

The uploader's `on_change` copies the file into session state as (name, bytes): the file then survives the
reruns of its preview (its problems, doubts to confirm, differences) whatever the uploader widget does, and an
AppTest, which cannot upload, sets that key directly. Discarding or accepting empties it; the sentence saying so
is kept for the next run, which no longer shows the preview.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import streamlit as st


@dataclass(frozen=True)
class StagedUpload:
    """The session-state keys of one staged upload: `staged_key` holds (file name, bytes) or None, `uploader_key`
    is the file uploader's widget key, `message_key` the sentence shown once at the next run (accepted,
    discarded…)."""

    staged_key: str
    uploader_key: str
    message_key: str

    def uploader(self, label: str, types: list[str], **kwargs) -> None:
        """`st.file_uploader` of this upload (`kwargs` go to it): a file chosen is staged, a file removed
        unstages it."""
        st.file_uploader(label, type=types, key=self.uploader_key, on_change=self._stage, **kwargs)

    def _stage(self) -> None:
        file = st.session_state.get(self.uploader_key)
        st.session_state[self.staged_key] = (file.name, file.getvalue()) if file else None

    def file(self) -> tuple[str, bytes] | None:
        """The staged (file name, bytes), or None when nothing waits."""
        return st.session_state.get(self.staged_key) or None

    def digest(self) -> str:
        """12 hex digits of the staged bytes' SHA-1 ('' when nothing waits): keys built on it (a confirmation
        tick, a sheet choice) never carry over to another file."""
        staged = self.file()
        return hashlib.sha1(staged[1]).hexdigest()[:12] if staged else ""

    def show_message(self) -> None:
        """The sentence left by the last accept or discard, as a success note, once."""
        if message := st.session_state.pop(self.message_key, None):
            st.success(message)

    def clear(self, message: str | None = None) -> None:
        """Forget the staged file; `message` is shown by the next run's `show_message`."""
        st.session_state[self.staged_key] = None
        if message:
            st.session_state[self.message_key] = message

    def discard_button(self, label: str, key: str, message: str, container=st) -> None:
        """The button that discards the staged file (nothing stored) and leaves `message` for the next run;
        drawn in `container` (a row of buttons, a column)."""
        container.button(label, key=key, on_click=self.clear, args=(message,))
