"""Showing text a user or a file supplied, and GpectErrors, safely on any page."""

from __future__ import annotations

import re

import streamlit as st

from gpect_core.errors import GpectError, neutralise

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
# GFM turns bare URLs, « www. » and e-mail addresses of the *text* into links, escaped or not: an invisible word
# joiner after the scheme, « www » or « @ » keeps them text.
_AUTOLINK = re.compile(r"(?i)(\b(?:https?|ftp|mailto|xmpp|www)(?=[:.])|@)")
WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """User text made inert for st.markdown / st.error (no markdown, links or HTML; control and bidi characters
    shown escaped, `gpect_core.errors.neutralise`): str → str."""
    text = _AUTOLINK.sub(lambda m: m.group(1) + WORD_JOINER, neutralise(text))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def plain(text: object) -> str:
    """User text for a place without markup (st.code, a table cell): control and bidi characters shown
    escaped (`gpect_core.errors.neutralise`): str → str."""
    return neutralise(text)


def show_error(exc: GpectError) -> None:
    """Show a GpectError as an error box: its French message and the list of its problems (`exc.report()`),
    made inert."""
    st.error(md(exc.report()))
