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


# Vega-Lite's own sizes (px) where a chart does not set them; a projected chart multiplies them.
_FONT_DEFAULTS = {
    "axis": {"labelFontSize": 10, "titleFontSize": 11, "labelLimit": 180},
    "legend": {"labelFontSize": 10, "titleFontSize": 11, "labelLimit": 160},
    "header": {"labelFontSize": 10, "titleFontSize": 11},
    "title": {"fontSize": 13, "subtitleFontSize": 12},
    "text": {"fontSize": 11},
}


def projected(chart: alt.TopLevelMixin, factor: float = 1.5) -> alt.TopLevelMixin:
    """A copy of `chart` whose text (axes, legends, facet headers, title and subtitle, text marks without their
    own size) is `factor` times larger, with room for labels as long as before (label limits in px scaled alike), for reading on a projector from the back of a room. Sizes the chart sets in
    its configuration are enlarged too; the chart's data and encodings are unchanged."""
    copy = chart.copy(deep=True)
    config = copy.config if copy.config is not alt.Undefined else alt.Config()
    for part, sizes in _FONT_DEFAULTS.items():
        section = getattr(config, part, alt.Undefined)
        values = {} if section is alt.Undefined else dict(section) if isinstance(section, dict) else section.to_dict()
        for key, default in sizes.items():
            current = values.get(key, default)
            values[key] = round(current * factor, 1) if isinstance(current, int | float) else current
        setattr(config, part, values)
    copy.config = config
    return copy
