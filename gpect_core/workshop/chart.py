"""The results of a vote as a horizontal bar chart (Altair)."""

from __future__ import annotations

import altair as alt
import pandas as pd


def results_chart(results: pd.DataFrame, dots_title: str, item_title: str) -> alt.Chart:
    """Bars of `results` (columns label, dots: WorkshopStore.results), most dots on top, each bar labelled with
    its count; `dots_title` and `item_title` name the axes."""
    data = results[["label", "dots"]].copy()
    order = list(data["label"])
    base = alt.Chart(data).encode(
        y=alt.Y("label:N", sort=order, title=item_title, axis=alt.Axis(labelLimit=420, labelFontSize=14)),
        x=alt.X("dots:Q", title=dots_title, axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=[alt.Tooltip("label:N", title=item_title), alt.Tooltip("dots:Q", title=dots_title)])
    bars = base.mark_bar(color="#1f4e8c")
    labels = base.mark_text(align="left", dx=4, fontSize=14, color="#111").encode(text="dots:Q")
    return (bars + labels).properties(height=max(120, 34 * len(data)))
