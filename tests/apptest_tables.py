"""What a reader sees in an AppTest `st.dataframe`: the text of each cell, as the page's Styler formatted it."""

from __future__ import annotations

import pandas as pd
from streamlit import dataframe_util


def shown(element) -> pd.DataFrame:
    """The text a reader sees in each cell of an `st.dataframe` element (its Styler's display values, else the
    values as text); `element.value` keeps the numbers."""
    display = element.proto.arrow_data.styler.display_values
    return dataframe_util.convert_arrow_bytes_to_pandas_df(display) if display else element.value.astype(str)


def values(element) -> pd.DataFrame:
    """The numbers of an `st.dataframe` element as the page computed them: an empty number is sent to the browser
    as −∞ (`ui.tables.EMPTY_NUMBER`, so that Streamlit draws the Styler's « – » and not its own « None »), read
    back here as NaN."""
    import numpy as np

    return element.value.replace(-np.inf, np.nan)


def none_cells(at) -> list[str]:
    """Cells of the page's tables a browser would show as « None » (or « nan », « <NA> »): a null value (Streamlit
    draws « None » over it whatever the Styler says) or such a text. « table / column: text » each, empty when
    none."""
    found = []
    for index, element in enumerate(at.dataframe):
        value = element.value
        for column in value.columns:
            if value[column].isna().any():
                found.append(f"{index} / {column}: null value")
        text = shown(element)
        bad = text.isin(["None", "nan", "NaN", "<NA>", "NaT"])
        found += [f"{index} / {c}: {text[c][bad[c]].iloc[0]}" for c in text.columns if bad[c].any()]
    return found
