"""Showing text a user or a file supplied, and GpectErrors, safely on any page."""

from __future__ import annotations

import re

import streamlit as st

from gpect_core.errors import GpectError, neutralise

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """User text made inert for st.markdown / st.error (no markdown, links or HTML; control and bidi characters
    shown escaped, `gpect_core.errors.neutralise`): str → str."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", neutralise(text)).replace("\n", "  \n")


def plain(text: object) -> str:
    """User text for a place without markup (st.code, a table cell): control and bidi characters shown
    escaped (`gpect_core.errors.neutralise`): str → str."""
    return neutralise(text)


def show_error(exc: GpectError) -> None:
    """Show a GpectError as an error box: its French message and the list of its problems (`exc.report()`),
    made inert."""
    st.error(md(exc.report()))
