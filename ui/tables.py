"""Tables on screen with their numbers and dates in the interface language.

Streamlit's own number formats cannot do this: `NumberColumn(format="localized")` follows the browser's locale, not
the page's language, and printf formats (`"%,d"`) only know the English separators. A pandas Styler does: each
cell keeps its number or date (so a click on a header sorts by value, not alphabetically, and numbers stay
right-aligned) and shows the text that `gpect_core.formatting` writes for the page's language.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from gpect_core.formatting import Fmt


def styled(frame: pd.DataFrame, formats: dict[str, Fmt], lang: str):
    """`frame` as a Styler showing the columns of `formats` as `Fmt.formatter(lang)` writes them; a missing text
    cell shows « – » (not Streamlit's « None »)."""
    text = [c for c in frame.columns if c not in formats and frame[c].dtype == object]
    if text:
        frame = frame.assign(**{c: frame[c].where(frame[c].notna(), "–") for c in text})
    # pandas gives each Styler a random uuid: a fixed one makes an unchanged table an unchanged message, which
    # Streamlit then does not send again on a rerun (its message cache).
    uuid = hashlib.sha256("|".join(map(str, frame.columns)).encode()).hexdigest()[:8]
    return frame.style.set_uuid(uuid).format({c: f.formatter(lang) for c, f in formats.items() if c in frame.columns})


def show_table(frame: pd.DataFrame, formats: dict[str, Fmt], lang: str, **kwargs) -> None:
    """`st.dataframe` of `frame` (columns named as shown) with the columns of `formats` formatted for `lang`;
    `kwargs` go to `st.dataframe` (hide_index defaults to True, width to « stretch »)."""
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    st.dataframe(styled(frame, formats, lang), **kwargs)
