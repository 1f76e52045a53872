"""Tables on screen with their numbers and dates in the interface language.

Streamlit's own number formats cannot do this: `NumberColumn(format="localized")` follows the browser's locale, not
the page's language, and printf formats (`"%,d"`) only know the English separators. A pandas Styler does: each
cell keeps its number or date (so a click on a header sorts by value, not alphabetically, and numbers stay
right-aligned) and shows the text that `gpect_core.formatting` writes for the page's language.

Empty cells: Streamlit's grid draws its own « None » over any null cell, whatever text the Styler gives it (a null
cell is a « missing value » placeholder in the browser; the Styler's display text only replaces the text of a cell
that has a value). So an empty number is sent as −∞ (a value: the Styler writes « – » for it, and it sorts last
in the usual most-first order) and an empty text as « – ». `MISSING` is what a reader sees.
"""

from __future__ import annotations

import hashlib
import math

import numpy as np
import pandas as pd
import streamlit as st

from gpect_core.formatting import Fmt

MISSING = "–"
EMPTY_NUMBER = -np.inf  # sent for an empty number (see the module's docstring)


def _blank(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return math.isnan(value) or math.isinf(value)
    except TypeError:
        return False


def _writer(fmt: Fmt | None, lang: str, integer: bool):
    show = fmt.formatter(lang) if fmt is not None else (Fmt("int") if integer else Fmt("number", 2)).formatter(lang)
    return lambda v: MISSING if _blank(v) else show(v)


def styled(frame: pd.DataFrame, formats: dict[str, Fmt], lang: str):
    """`frame` as a Styler showing the columns of `formats` as `Fmt.formatter(lang)` writes them, and every empty
    cell as « – » (never Streamlit's « None »): empty numbers are sent as −∞ and written « – », empty texts become
    « – ». Numbers keep their numeric type (sorting by value)."""
    columns, writers = {}, {}
    for name in frame.columns:
        values = frame[name]
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        if numeric:
            if name in formats or values.isna().any():
                writers[name] = _writer(formats.get(name), lang, pd.api.types.is_integer_dtype(values))
            if values.isna().any():
                values = pd.to_numeric(values, errors="coerce").astype("float64").fillna(EMPTY_NUMBER)
        elif pd.api.types.is_datetime64_any_dtype(values):
            if name in formats:
                writers[name] = _writer(formats[name], lang, False)
        else:
            if name in formats:
                writers[name] = _writer(formats[name], lang, False)
            if values.isna().any():
                values = values.astype(object).where(values.notna(), MISSING)
        columns[name] = values
    frame = pd.DataFrame(columns, index=frame.index)
    # pandas gives each Styler a random uuid: a fixed one makes an unchanged table an unchanged message, which
    # Streamlit then does not send again on a rerun (its message cache).
    uuid = hashlib.sha256("|".join(map(str, frame.columns)).encode()).hexdigest()[:8]
    return frame.style.set_uuid(uuid).format(writers)


def show_table(frame: pd.DataFrame, formats: dict[str, Fmt], lang: str, **kwargs) -> None:
    """`st.dataframe` of `frame` (columns named as shown) with the columns of `formats` formatted for `lang`;
    `kwargs` go to `st.dataframe` (hide_index defaults to True, width to « stretch »)."""
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    st.dataframe(styled(frame, formats, lang), **kwargs)
