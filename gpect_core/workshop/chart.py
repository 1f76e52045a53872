"""The results of a vote as a horizontal bar chart (Altair)."""

from __future__ import annotations

import altair as alt
import pandas as pd

BAR_STEP = 34  # px per bar on a page
PROJECTED_BAR_STEP = 56  # px per bar on a projector


def results_chart(results: pd.DataFrame, dots_title: str, item_title: str, step: int = BAR_STEP) -> alt.Chart:
    """Bars of `results` (columns label, dots: WorkshopStore.results), most dots on top, each bar `step` px high
    and labelled with its count, every item's label shown (none dropped for overlap, whatever the host's theme);
    `dots_title` names the count axis, `item_title` the items (in the tooltip: the labels speak for themselves and
    a title beside long labels would overlap them)."""
    data = results[["label", "dots"]].copy()
    order = list(data["label"])
    base = alt.Chart(data).encode(
        y=alt.Y("label:N", sort=order, title=None,
                axis=alt.Axis(labelLimit=420, labelFontSize=14, labelOverlap=False, labelFlush=False,
                              labelBound=False)),
        x=alt.X("dots:Q", title=dots_title, axis=alt.Axis(tickMinStep=1, format="d", labelFlush=False)),
        tooltip=[alt.Tooltip("label:N", title=item_title), alt.Tooltip("dots:Q", title=dots_title)])
    bars = base.mark_bar(color="#1f4e8c")
    labels = base.mark_text(align="left", dx=4, fontSize=14, color="#111").encode(text="dots:Q")
    return (bars + labels).properties(height=alt.Step(int(step)))


# Vega-Lite's own sizes (px) where a chart does not set them; a projected chart multiplies them.
_FONT_DEFAULTS = {
    "axis": {"labelFontSize": 10, "titleFontSize": 11, "labelLimit": 180},
    "legend": {"labelFontSize": 10, "titleFontSize": 11, "labelLimit": 160},
    "header": {"labelFontSize": 10, "titleFontSize": 11},
    "title": {"fontSize": 13, "subtitleFontSize": 12},
    "text": {"fontSize": 11},
}


# Sizes (px) a chart may set on one axis, legend, facet header, title or mark: a projected chart scales them too.
_OWN_SIZES = frozenset({"labelFontSize", "titleFontSize", "labelLimit", "titleLimit", "fontSize", "subtitleFontSize",
                        "limit", "symbolSize"})
_SIZED_PARTS = frozenset({"axis", "legend", "header", "mark", "title"})


def _enlarge(node: object, factor: float, sized: bool = False) -> None:
    """Scale, in place, the sizes in `_OWN_SIZES` of every axis, legend, header, title and mark of a spec (dict)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("config", "datasets", "data", "locale"):
                continue
            if sized and key in _OWN_SIZES and isinstance(value, int | float) and not isinstance(value, bool):
                node[key] = round(value * factor, 1)
            else:
                _enlarge(value, factor, key in _SIZED_PARTS)
    elif isinstance(node, list):
        for value in node:
            _enlarge(value, factor)


PROJECTED_LEGEND_COLUMNS = 3


def projected(chart: alt.TopLevelMixin, factor: float = 1.5) -> alt.TopLevelMixin:
    """A copy of `chart` whose text is `factor` times larger, for reading on a projector from the back of a room:
    axes, legends, facet headers, title and subtitle, text marks, whether sized by the chart's configuration, by
    Vega-Lite's defaults or by the chart itself on one axis, legend or mark; label limits (px) are scaled alike, so
    a label is cut no shorter than before; a legend below or above the chart wraps on PROJECTED_LEGEND_COLUMNS
    columns. The chart's data and encoded fields are unchanged."""
    spec = chart.to_dict()
    _enlarge(spec, factor)
    config = spec.setdefault("config", {})
    for part, sizes in _FONT_DEFAULTS.items():
        values = config.setdefault(part, {})
        for key, default in sizes.items():
            current = values.get(key, default)
            values[key] = round(current * factor, 1) if isinstance(current, int | float) else current
    legend = config["legend"]
    if legend.get("orient") in ("bottom", "top"):
        # A row of larger symbols is wider than a half-page chart and Vega cuts it: wrap it instead.
        legend.setdefault("columns", PROJECTED_LEGEND_COLUMNS)
    return type(chart).from_dict(spec)
