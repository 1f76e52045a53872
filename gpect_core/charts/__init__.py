"""Altair chart builders with one shared look and the French number and date locale.

Every builder returns a finished chart (`finish` applies the theme through `.configure`, so the spec itself
carries its look): the app renders it with `theme=None` and the exports render the very same spec with
vl-convert, so a downloaded picture matches what people saw.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..formatting import Fmt, vega_locale
from ..i18n import t

FONT = "Marianne, Arial, Helvetica, sans-serif"
# Okabe & Ito's colour-blind-safe qualitative palette (Color Universal Design), yellow last: it is the faintest on white.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999"]
DIFFICULTY_SCHEME = "orangered"  # sequential, colour-blind safe (ColorBrewer OrRd)
INT, PCT = Fmt("int"), Fmt("pct")
MEASURE_FMT = {"projects": INT, "difficult": INT, "difficult_share": PCT, "seasonal_share": PCT,
               "tension_class": Fmt("float"), "unemployment_rate": Fmt("rate"), "projects_per_1000": Fmt("float")}


def finish(chart: alt.TopLevelMixin, lang: str = "fr") -> alt.TopLevelMixin:
    """Apply the house theme and locale; the result is what the app shows and the exports render."""
    config = dict(
        font=FONT,
        background="white",
        padding={"left": 6, "right": 12, "top": 6, "bottom": 6},
        title={"anchor": "start", "fontSize": 15, "fontWeight": 600, "subtitleColor": "#555", "subtitleFontSize": 11},
        axis={"labelFontSize": 11, "titleFontSize": 12, "gridColor": "#e6e6e6", "domainColor": "#888"},
        legend={"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom"},
        view={"stroke": None},
        range={"category": PALETTE},
    )
    config["locale"] = vega_locale(lang)
    # Streamlit lays a chart out with autosize « fit » unless the spec says otherwise: the declared height then has to
    # hold the title, the axes and a bottom legend too, which squeezes short charts flat. Fit the width only.
    # (Compound charts — concat, facet, repeat — cannot be autosized that way; they keep Vega's default.)
    chart = chart.configure(**config)
    if isinstance(chart, (alt.Chart, alt.LayerChart)) and not _is_faceted(chart):
        chart = chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    return chart


def _is_faceted(chart: alt.Chart | alt.LayerChart) -> bool:
    """A single chart facets through its row/column/facet channels (`.facet()`/`.repeat()` give other classes)."""
    encoding = getattr(chart, "encoding", alt.Undefined)
    return encoding is not alt.Undefined and any(getattr(encoding, channel, alt.Undefined) is not alt.Undefined
                                                 for channel in ("row", "column", "facet"))


def top_occupations_bar(top: pd.DataFrame, lang: str = "fr", title: str | None = None,
                        subtitle: str | None = None) -> alt.TopLevelMixin:
    """Horizontal bars of hiring projects by occupation, coloured by the share judged difficult.

    `top` has columns `label`, `projects`, `difficult_share` (0–1, may be null), `difficult`.
    """
    data = top[["label", "projects", "difficult_share", "difficult"]].copy()
    data["projects"] = data["projects"].astype(float)
    data["difficult_share"] = data["difficult_share"].astype(float)
    order = list(data.sort_values("projects", ascending=False)["label"])
    projects_title = t("chart.projects", lang)
    share_title = t("chart.difficult_share", lang)
    chart = alt.Chart(data).mark_bar(cornerRadiusEnd=2).encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("projects:Q", title=projects_title, axis=alt.Axis(format=",d")),
        color=alt.Color("difficult_share:Q", title=share_title,
                        scale=alt.Scale(scheme=DIFFICULTY_SCHEME, domain=[0, 1]),
                        legend=alt.Legend(format=".0%", gradientLength=180)),
        tooltip=[
            alt.Tooltip("label:N", title=t("chart.occupation", lang)),
            alt.Tooltip("projects:Q", title=projects_title, format=INT.d3(lang)),
            alt.Tooltip("difficult:Q", title=t("chart.difficult", lang), format=INT.d3(lang)),
            alt.Tooltip("difficult_share:Q", title=share_title, format=PCT.d3(lang)),
        ],
    ).properties(
        width="container", height=max(180, 34 * len(data)),
        title=alt.TitleParams(title or t("chart.top_occupations", lang), subtitle=subtitle or alt.Undefined),
    )
    return finish(chart, lang)


# ---------------------------------------------------------------------------------------------- « Métiers en tension »
FRAGILE_OPACITY = 0.35
LEVEL_COLOURS = ["#0072B2", "#E69F00", "#CC79A7", "#009E73"]  # Okabe–Ito, as PALETTE


def ranking_bar(table: pd.DataFrame, measure: str, lang: str = "fr", title: str | None = None,
                subtitle: str | None = None) -> alt.TopLevelMixin:
    """Occupations ranked by `measure` (`projects`, `difficult_share` or `tension_class`), fragile ones pale.

    `table` has `label`, `measure`, `fragile` (bool) and optionally `rank`; its order is kept.
    """
    data = table.copy()
    data["value"] = data[measure].astype(float)
    data["fragile"] = data["fragile"].astype(bool) if "fragile" in data else False
    fragile_text = t("chart.fragile", lang)
    data["status"] = data["fragile"].map({True: fragile_text, False: t("chart.solid", lang)})
    data["shown_label"] = [f"⚠ {label}" if fragile else str(label)
                           for label, fragile in zip(data["label"], data["fragile"], strict=True)]
    order = list(data["shown_label"])
    fmt = {"projects": INT.d3(lang), "difficult_share": ".0%", "tension_class": ".1f"}.get(measure, ",.1f")
    tip = MEASURE_FMT.get(measure, Fmt("float")).d3(lang)
    measure_title = t(f"chart.measure.{measure}", lang)
    x = alt.X("value:Q", title=measure_title, axis=alt.Axis(format=fmt))
    if measure == "difficult_share":
        x = alt.X("value:Q", title=measure_title, axis=alt.Axis(format=fmt), scale=alt.Scale(domain=[0, 1]))
    elif measure == "tension_class":
        x = alt.X("value:Q", title=measure_title, scale=alt.Scale(domain=[0, 5]), axis=alt.Axis(tickCount=5))
    chart = alt.Chart(data).mark_bar(cornerRadiusEnd=2, color=PALETTE[0]).encode(
        y=alt.Y("shown_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
        x=x,
        opacity=alt.Opacity("status:N", scale=alt.Scale(domain=[t("chart.solid", lang), fragile_text],
                                                        range=[1.0, FRAGILE_OPACITY]),
                            legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("label:N", title=t("chart.occupation", lang)),
                 alt.Tooltip("value:Q", title=measure_title, format=tip),
                 alt.Tooltip("status:N", title=t("chart.reliability", lang))],
    ).properties(width="container", height=max(160, 26 * len(data)),
                 title=alt.TitleParams(title or measure_title, subtitle=subtitle or alt.Undefined))
    return finish(chart, lang)


def heatmap_chart(long: pd.DataFrame, measure: str = "difficult_share", lang: str = "fr", title: str | None = None,
                  subtitle: str | None = None) -> alt.TopLevelMixin:
    """Zones × occupations coloured by `measure`; fragile cells crossed out with a grey mark. At most
    `indicators.occupations.MAX_HEATMAP_ZONES` zones are drawn (those with most projects): the caller says so."""
    from ..indicators.occupations import heatmap_top

    data = heatmap_top(long)[0].copy()
    data["value"] = data[measure].astype(float)
    data.loc[data["fragile"].astype(bool), "value"] = float("nan")
    fmt = ".0%" if measure.endswith("share") else ",d"
    measure_title = t(f"chart.measure.{measure}", lang)
    zone_order = list(dict.fromkeys(data["zone_name"]))
    occ_order = list(dict.fromkeys(data["label"]))
    base = alt.Chart(data).encode(
        x=alt.X("label:N", sort=occ_order, title=None, axis=alt.Axis(labelAngle=-40, labelLimit=180)),
        y=alt.Y("zone_name:N", sort=zone_order, title=None, axis=alt.Axis(labelLimit=200)),
    )
    scale = alt.Scale(scheme=DIFFICULTY_SCHEME, domain=[0, 1]) if measure.endswith("share") else alt.Scale(
        scheme="blues")
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("value:Q", title=measure_title, scale=scale,
                        legend=alt.Legend(format=fmt, orient="top", gradientLength=180)),
        tooltip=[alt.Tooltip("zone_name:N", title=t("chart.zone", lang)),
                 alt.Tooltip("label:N", title=t("chart.occupation", lang)),
                 alt.Tooltip(f"{measure}:Q", title=measure_title,
                             format=MEASURE_FMT.get(measure, Fmt("float")).d3(lang)),
                 alt.Tooltip("projects:Q", title=t("chart.projects", lang), format=INT.d3(lang))],
    )
    fragile = base.transform_filter("datum.fragile").mark_text(text="·", fontSize=18, color="#777777")
    chart = alt.layer(cells, fragile).properties(
        width="container", height=max(160, 24 * len(zone_order)),
        title=alt.TitleParams(title or measure_title, subtitle=subtitle or alt.Undefined))
    return finish(chart, lang)


def components_chart(levels: pd.DataFrame, components: list[str], lang: str = "fr", title: str | None = None,
                     subtitle: str | None = None) -> alt.TopLevelMixin:
    """The 1–5 tension components of one occupation, one bar per level (here, région, France)."""
    long = levels.melt(id_vars=["level_label"], value_vars=components, var_name="component", value_name="value")
    long = long.dropna(subset=["value"])
    long["component_label"] = long["component"].map(lambda c: t(f"tension.component.{c}", lang))
    long["value"] = long["value"].astype(float)
    order = [t(f"tension.component.{c}", lang) for c in components]
    level_order = list(dict.fromkeys(levels["level_label"]))
    chart = alt.Chart(long).mark_bar(cornerRadiusEnd=2).encode(
        y=alt.Y("component_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
        yOffset=alt.YOffset("level_label:N", sort=level_order),
        x=alt.X("value:Q", title=t("chart.class_1_5", lang), scale=alt.Scale(domain=[0, 5]),
                axis=alt.Axis(tickCount=5)),
        color=alt.Color("level_label:N", sort=level_order, title=None,
                        scale=alt.Scale(domain=level_order, range=LEVEL_COLOURS[:len(level_order)])),
        tooltip=[alt.Tooltip("level_label:N", title=t("chart.level", lang)),
                 alt.Tooltip("component_label:N", title=t("chart.component", lang)),
                 alt.Tooltip("value:Q", title=t("chart.class_1_5", lang), format=Fmt("float").d3(lang))],
    ).properties(width="container", height=max(180, 18 * len(long) + 40),
                 title=alt.TitleParams(title or t("chart.components", lang), subtitle=subtitle or alt.Undefined))
    return finish(chart, lang)


def trends_chart(trends: pd.DataFrame, measure: str = "projects", lang: str = "fr", title: str | None = None,
                 subtitle: str | None = None, years: list[int] | None = None,
                 breaks: list[int] | None = None) -> alt.TopLevelMixin:
    """One line per `label` over the years; fragile points hollow.

    `trends`: year, label, `measure`, fragile (bool) and optionally segment (int): points of different segments
    are not linked (a break in series). `years`: the years on the axis (all of them, even without a point);
    `breaks`: years that start a new segment, marked by a dashed vertical rule labelled « rupture de série »."""
    data = trends.copy()
    data["value"] = data[measure].astype(float)
    data["year_label"] = data["year"].astype(int).astype(str)
    data["segment"] = data["segment"].astype(int) if "segment" in data else 0
    fmt = ".0%" if measure.endswith("share") else ",d"
    measure_title = t(f"chart.measure.{measure}", lang)
    domain = [str(int(y)) for y in (years if years is not None else sorted(data["year"].astype(int).unique()))]
    x = alt.X("year_label:O", title=t("chart.year", lang), scale=alt.Scale(domain=domain),
              axis=alt.Axis(labelAngle=0))
    base = alt.Chart(data).encode(
        x=x,
        y=alt.Y("value:Q", title=measure_title, axis=alt.Axis(format=fmt)),
        color=alt.Color("label:N", title=None, legend=alt.Legend(orient="bottom", columns=2, labelLimit=320)),
    )
    lines = base.mark_line(strokeWidth=2).encode(detail="segment:N")
    points = base.mark_point(size=60, filled=True, strokeWidth=1.5).encode(
        fill=alt.condition("datum.fragile", alt.value("white"), alt.Color("label:N", legend=None)),
        stroke=alt.Color("label:N", legend=None),
        tooltip=[alt.Tooltip("label:N", title=t("chart.occupation", lang)),
                 alt.Tooltip("year_label:O", title=t("chart.year", lang)),
                 alt.Tooltip("value:Q", title=measure_title, format=MEASURE_FMT.get(measure, Fmt("float")).d3(lang))])
    layers = [lines, points]
    note = t("chart.series_break", lang)
    for year in breaks or []:
        # One layer per break with the year as a datum: the spec itself says where the series breaks.
        mark = alt.Chart(alt.Data(values=[{}])).encode(x=alt.X(datum=str(int(year)), type="ordinal"))
        layers += [mark.mark_rule(color="#c23b5a", strokeDash=[4, 3], strokeWidth=1.5).encode(
                       tooltip=alt.value(f"{note} ({int(year)})")),
                   mark.mark_text(align="left", baseline="top", dx=3, dy=2, color="#c23b5a", fontSize=10,
                                  text=note).encode(y=alt.value(0))]
    chart = alt.layer(*layers).properties(
        width="container", height=300,
        title=alt.TitleParams(title or measure_title, subtitle=subtitle or alt.Undefined))
    return finish(chart, lang)


def comparison_chart(comparison: pd.DataFrame, measures: list[str], lang: str = "fr", title: str | None = None,
                     subtitle: str | None = None) -> alt.TopLevelMixin:
    """Shares and rates of the selection beside its région and France (one small panel per measure)."""
    long = comparison.melt(id_vars=["level_label"], value_vars=measures, var_name="measure", value_name="value")
    long = long.dropna(subset=["value"])
    long["value"] = long["value"].astype(float)
    long["value_text"] = [MEASURE_FMT.get(m, Fmt("float")).formatter(lang)(v)
                          for m, v in zip(long["measure"], long["value"], strict=True)]
    shares = long["measure"].str.endswith("_share")
    long.loc[shares, "value"] = long.loc[shares, "value"] * 100  # shown as percentages, like the rates
    long["measure_label"] = long["measure"].map(lambda m: t(f"chart.measure.{m}", lang))
    level_order = list(dict.fromkeys(comparison["level_label"]))
    chart = alt.Chart(long).mark_bar(cornerRadiusEnd=2).encode(
        y=alt.Y("level_label:N", sort=level_order, title=None, axis=alt.Axis(labelLimit=150)),
        x=alt.X("value:Q", title=None),
        color=alt.Color("level_label:N", sort=level_order, legend=None,
                        scale=alt.Scale(domain=level_order, range=LEVEL_COLOURS[:len(level_order)])),
        tooltip=[alt.Tooltip("level_label:N", title=t("chart.level", lang)),
                 alt.Tooltip("measure_label:N", title=t("chart.indicator", lang)),
                 alt.Tooltip("value_text:N", title=t("chart.value", lang))],
    ).properties(width=190, height=24 * max(1, len(level_order))).facet(
        facet=alt.Facet("measure_label:N", title=None, sort=[t(f"chart.measure.{m}", lang) for m in measures]),
        columns=1,
    ).resolve_scale(x="independent").properties(
        title=alt.TitleParams(title or t("chart.comparison", lang), subtitle=subtitle or alt.Undefined))
    return finish(chart, lang)
