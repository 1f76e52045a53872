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


PRESENTER_TEXT = "#1a1a1a"  # 17:1 on white (WCAG AA asks 4.5:1); Streamlit's theme would draw #808495 (3.7:1)
PRESENTER_BARS_HEIGHT = 280  # px for all the bars: 10 items and the x axis fit under the presenter's header at 720 px
PRESENTER_LABEL_SHARE = 0.4  # of the chart's width, at most, for the item labels
PRESENTER_MIN_LABEL_PX = 160
# Font sizes (px) follow the chart's width (1/36 of it: 19 px on a 1280 px screen, 26 px on 1920 px), within bounds.
PRESENTER_FONT_PX = (18, 26)
PRESENTER_TICK_PX = (16, 24)


def _width_font(low: int, high: int, divisor: float) -> dict:
    return {"expr": f"clamp((containerSize()[0] || 0) / {divisor}, {low}, {high})"}


def presenter_results_chart(results: pd.DataFrame, dots_title: str, item_title: str) -> alt.Chart:
    """The results of `results_chart`, for a projector: dark text (PRESENTER_TEXT) whatever the host's theme, label
    and tick fonts that grow with the chart's width (PRESENTER_FONT_PX, PRESENTER_TICK_PX), item labels within
    PRESENTER_LABEL_SHARE of the width (longer ones end with « … », the full text in the bar's tooltip), and bars
    that share PRESENTER_BARS_HEIGHT px (at most PROJECTED_BAR_STEP each), so that 10 items fit on a 1280×720
    screen. Sizes that follow the width are Vega expressions on `containerSize()`."""
    data = results[["label", "dots"]].copy()
    order = list(data["label"])
    step = max(1, min(PROJECTED_BAR_STEP, PRESENTER_BARS_HEIGHT // max(1, len(data))))
    label_font = _width_font(*PRESENTER_FONT_PX, 36)
    tick_font = _width_font(*PRESENTER_TICK_PX, 44)
    label_limit = {"expr": f"max({PRESENTER_MIN_LABEL_PX}, (containerSize()[0] || 0) * {PRESENTER_LABEL_SHARE})"}
    base = alt.Chart(data).encode(
        y=alt.Y("label:N", sort=order, title=None,
                axis=alt.Axis(labelLimit=label_limit, labelFontSize=label_font, labelColor=PRESENTER_TEXT,
                              labelOverlap=False, labelFlush=False, labelBound=False, domainColor=PRESENTER_TEXT,
                              tickColor=PRESENTER_TEXT)),
        x=alt.X("dots:Q", title=dots_title,
                axis=alt.Axis(tickMinStep=1, format="d", labelFlush=False, labelFontSize=tick_font,
                              labelColor=PRESENTER_TEXT, titleFontSize=tick_font, titleColor=PRESENTER_TEXT,
                              domainColor=PRESENTER_TEXT, tickColor=PRESENTER_TEXT)),
        tooltip=[alt.Tooltip("label:N", title=item_title), alt.Tooltip("dots:Q", title=dots_title)])
    bars = base.mark_bar(color="#1f4e8c")
    counts = base.mark_text(align="left", dx=6, fontSize=label_font, fontWeight="bold",
                            color=PRESENTER_TEXT).encode(text="dots:Q")
    return (bars + counts).properties(height=alt.Step(step))


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
