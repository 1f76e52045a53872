"""Charts as PNG (2×) and SVG through vl-convert, with the same spec (theme and locale) as on screen.

The chart's own spec is wrapped in a one-view `vconcat` whose bottom title is the caption, so the picture keeps
the chart's title and look and says its source, vintage, selection and date underneath.
"""

from __future__ import annotations

import copy

import altair as alt
import vl_convert as vlc

from .caption import Caption

EXPORT_WIDTH = 760
CAPTION_STYLE = {"orient": "bottom", "anchor": "start", "fontSize": 10, "fontWeight": "normal", "color": "#444444",
                 "offset": 14, "lineHeight": 14}


def _fixed_width(spec):
    """`width: "container"` has no container outside a page: give the export a fixed width."""
    if isinstance(spec, dict):
        return {k: (EXPORT_WIDTH if k == "width" and v == "container" else _fixed_width(v)) for k, v in spec.items()}
    if isinstance(spec, list):
        return [_fixed_width(v) for v in spec]
    return spec


def export_spec(chart: alt.TopLevelMixin | dict, caption: Caption) -> dict:
    """The Vega-Lite spec of the exported picture: the chart as shown, and the caption below it."""
    spec = copy.deepcopy(chart if isinstance(chart, dict) else chart.to_dict())
    outer = {key: spec.pop(key) for key in ("$schema", "config", "datasets", "background", "padding", "autosize")
             if key in spec}
    inner = _fixed_width(spec)
    # The wrapper is a concat, which Vega-Lite cannot « fit »: a fit autosize there shrinks the plot to make room for
    # the legends (the passerelles' edges collapsed to a line) and shifts the left labels off the picture.
    outer["autosize"] = {"type": "pad"}
    return {**outer, "vconcat": [inner], "title": {"text": caption.lines(), **CAPTION_STYLE}}


def _locale(lang: str) -> dict:
    return {"format_locale": "fr-FR", "time_format_locale": "fr-FR"} if lang == "fr" else {}


def chart_svg(chart: alt.TopLevelMixin | dict, caption: Caption) -> bytes:
    svg = vlc.vegalite_to_svg(export_spec(chart, caption), **_locale(caption.lang))
    return svg.encode("utf-8")


def chart_png(chart: alt.TopLevelMixin | dict, caption: Caption, scale: float = 2.0) -> bytes:
    return vlc.vegalite_to_png(export_spec(chart, caption), scale=scale, **_locale(caption.lang))
