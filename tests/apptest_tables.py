"""What a reader sees in an AppTest `st.dataframe`: the text of each cell, as the page's Styler formatted it."""

from __future__ import annotations

import pandas as pd
from streamlit import dataframe_util


def shown(element) -> pd.DataFrame:
    """The text a reader sees in each cell of an `st.dataframe` element (its Styler's display values, else the
    values as text); `element.value` keeps the numbers."""
    display = element.proto.arrow_data.styler.display_values
    return dataframe_util.convert_arrow_bytes_to_pandas_df(display) if display else element.value.astype(str)
