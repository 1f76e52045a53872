"""« Carte des bassins »: a choropleth of any indicator of the pack, the selection against its région and France,
and its peer basins."""

import pandas as pd
import streamlit as st

from gpect_core.charts import comparison_chart
from gpect_core.errors import GpectError
from gpect_core.formatting import Fmt, fmt_float, fmt_int, fmt_pct, fmt_rate, indicator_fmt, level_labels
from gpect_core.indicators.choropleth import (
    INDICATOR_TABLE,
    PALETTE,
    available_indicators,
    class_fill,
    class_methods,
    classify,
    ranked_values,
    zone_values,
)
from gpect_core.indicators.zones import (
    COMPARISON_FORMATS,
    PEER_FORMATS,
    comparison,
    comparison_measures,
    peer_criteria,
    peers,
)
from gpect_core.maps import (
    class_colours,
    legend_html,
    legend_items,
    source_label,
    value_tooltips,
)
from ui import context
from ui.charts import show_chart
from ui.downloads import chart_downloads, table_downloads
from ui.feedback import md
from ui.links import PARAM_INDICATOR, PARAM_METHOD, bound
from ui.map import zone_map
from ui.tables import show_table

MAP_KEY = "carte_map"

ctx = context.page_context()
lang = ctx.lang
# The header and the covering note (shown with some selections only) in one container: the map below keeps its
# place in the page, so Streamlit keeps its iframe (zoom and centre) when the selection changes.
with st.container():
    context.page_header(ctx, "carte.title")
    context.selection_reading(ctx)
territory, zoning = ctx.territory, ctx.zoning

try:
    indicators = available_indicators(territory, zoning)
except GpectError as exc:
    st.error(md(exc.report()))
    st.stop()
if not indicators:
    st.info(ctx.t("carte.no_indicator"))
    st.stop()

controls = st.columns([3, 2])
with controls[0]:
    indicator = st.selectbox(ctx.t("carte.indicator"), indicators,
                             **bound(ctx.t("carte.indicator"), PARAM_INDICATOR, indicators, lang,
                                     lambda i: ctx.t(f"carte.indicator.{i}")))
methods = class_methods(indicator)
with controls[1]:
    method = st.segmented_control(ctx.t("carte.method"), methods, help=ctx.t("carte.method.help"),
                                  **bound(ctx.t("carte.method"), PARAM_METHOD, methods, lang,
                                          lambda m: ctx.t(f"carte.method.{m}"))) or methods[0]

values = zone_values(territory, zoning, indicator)
classes = classify(values.values, method)
colours = class_colours(classes.count, PALETTE[indicator])
fill, no_data = class_fill(values, classes, colours)
selected = [z for z in ctx.zone_ids if z in set(values.values.index)]
peer_table = peers(territory, zoning, selected[0]) if len(selected) == 1 else None
peer_ids = list(peer_table["zone_id"]) if peer_table is not None else []

provenance = territory.provenance.get(INDICATOR_TABLE[indicator])
source_text = source_label(provenance, values.period)


@st.cache_resource(show_spinner=False, max_entries=64)
def zone_tooltips(_territory, fingerprint: str, zoning: str, indicator: str, lang: str) -> dict:
    """The tooltip texts for one indicator: the same whatever the selection."""
    return value_tooltips(values, lang)


tooltip = zone_tooltips(territory, territory.fingerprint, zoning, indicator, lang)
# The source is the same for every zone: said once in the tooltip's label, not repeated in each zone's data.
aliases = ["", f"{ctx.t('carte.tooltip.value')} ({source_text})", ctx.t("carte.tooltip.rank")]

map_col, side_col = st.columns([3, 2])
with map_col:
    st.caption(ctx.t("carte.map.help"))
    zone_map(territory, zoning, MAP_KEY, fill=fill, selected=selected, peers=peer_ids, no_data=no_data,
             tooltip=tooltip, tooltip_aliases=aliases, borders=True, height=540, lang=lang)
    items = legend_items(classes, colours, lang, indicator)
    title = ctx.t("carte.legend.title", indicator=ctx.t(f"carte.indicator.{indicator}"),
                  unit=ctx.t(values.unit_key), period=values.period or "–")
    st.html(legend_html(title, items, ctx.t("carte.legend.no_data")))
    st.caption(ctx.t("source.caption", source=provenance.producer or provenance.source,
                     vintage=provenance.vintage) if provenance else "")

with side_col:
    st.subheader(ctx.t("carte.comparison.title"))
    table = comparison(territory, ctx.selection)
    table["level_label"] = level_labels(table, ctx.selection_label, lang)
    measures = comparison_measures(table)
    if measures:
        chart_title = ctx.t("carte.comparison.chart")
        chart = comparison_chart(table, measures, lang, title=chart_title, subtitle=ctx.selection_label)
        show_chart(chart, chart_title, lang, width="content")
        chart_downloads(ctx, chart, chart_title, ["recruitment", "context", "tension"], "carte_comparison")
    shown = pd.DataFrame({
        ctx.t("col.level"): table["level_label"],
        ctx.t("col.projects"): [fmt_int(v, lang) for v in table["projects"]],
        ctx.t("col.difficult_share"): [fmt_pct(v, lang=lang) for v in table["difficult_share"]],
        ctx.t("col.seasonal_share"): [fmt_pct(v, lang=lang) for v in table["seasonal_share"]],
        ctx.t("col.projects_per_1000"): [fmt_float(v, 1, lang) for v in table["projects_per_1000"]],
        ctx.t("col.tension_class"): [fmt_float(v, 1, lang) for v in table["tension_class"]],
        ctx.t("col.unemployment_rate"): [fmt_rate(v, lang=lang) for v in table["unemployment_rate"]],
        ctx.t("col.jobseekers"): [fmt_int(v, lang) for v in table["jobseekers"]],
        ctx.t("col.population"): [fmt_int(v, lang) for v in table["population"]],
    })
    st.dataframe(shown.set_index(ctx.t("col.level")).T, width="stretch")
    st.caption(ctx.t("carte.comparison.help"))
    borrowed = table.loc[table["level"] == "selection", "recruitment_zoning"]
    if len(borrowed) and borrowed.iloc[0] != ctx.zoning:
        st.caption(ctx.t("carte.comparison.data_zoning",
                         zoning=context.zoning_label(territory, borrowed.iloc[0], lang),
                         own=context.zoning_label(territory, ctx.zoning, lang)))
    export = table.drop(columns=["level", "recruitment_zoning"]).rename(columns={"level_label": ctx.t("col.level"),
                                                           **{c: ctx.t(f"col.{c}") for c in table.columns
                                                              if c not in ("level", "level_label",
                                                                           "recruitment_zoning")}})
    table_downloads(ctx, export, ctx.t("carte.comparison.title"), ["recruitment", "context", "tension"],
                    "carte_comparison_table", formats={ctx.t(f"col.{c}"): f for c, f in COMPARISON_FORMATS.items()})

st.subheader(ctx.t("carte.peers.title"))
if peer_table is None:
    st.info(ctx.t("carte.peers.pick"))
else:
    names = territory.zone_names(zoning)
    criteria = ", ".join(ctx.t(f"criterion.{c}") for c in peer_criteria(territory, zoning))
    st.caption(ctx.t("carte.peers.help", name=md(names.get(selected[0], selected[0])), criteria=criteria))
    peers_shown = pd.DataFrame({
        ctx.t("col.zone"): peer_table["name"], ctx.t("col.zone_id"): peer_table["zone_id"],
        **{ctx.t(f"col.{c}"): peer_table[c] for c in PEER_FORMATS},
    })
    peer_formats = {ctx.t(f"col.{c}"): f for c, f in PEER_FORMATS.items()}
    show_table(peers_shown, peer_formats, lang)
    table_downloads(ctx, peers_shown, ctx.t("carte.peers.title"), ["recruitment", "context"], "carte_peers",
                    formats=peer_formats)

# Built only while open (the table of every zone and its downloads cost as much as the rest of a click's rerun).
with st.expander(ctx.t("carte.table.title"), key="carte_values_open", on_change="rerun") as values_box:
    if values_box.open:
        by_zone = ranked_values(values, territory.zone_names(zoning)).rename(columns={
            c: ctx.t(f"col.{c}") for c in ("zone", "zone_id", "value", "rank")})
        # Ranks follow the unrounded values: the export keeps them beside the rounded ones.
        value_formats = {ctx.t("col.value"): indicator_fmt(indicator, precise=True), ctx.t("col.rank"): Fmt("int")}
        show_table(by_zone, value_formats, lang)
        table_downloads(ctx, by_zone, ctx.t(f"carte.indicator.{indicator}"), [INDICATOR_TABLE[indicator]], "carte_values",
                        formats=value_formats)

with st.expander(ctx.t("carte.definitions")):
    st.markdown(ctx.t("carte.definitions.text"))
