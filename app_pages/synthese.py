"""« Synthèse »: key figures of the selection, the map of the basins, the occupations that hire most."""

import streamlit as st

from gpect_core.charts import top_occupations_bar
from gpect_core.formatting import fmt_int, fmt_pct, fmt_rate
from gpect_core.indicators.selection import KeyFigures, top_occupations
from gpect_core.plan.scope import action_counts
from ui import context, formations, meeting_exports
from ui.charts import show_chart
from ui.downloads import chart_downloads
from ui.map import zone_map
from ui.plan_source import plan_actions

MAP_KEY = "synthese_map"

ctx = context.page_context()
lang = ctx.lang
# Everything above the map in one container whose own place never changes: a note that appears with a selection
# would otherwise move the map in the page, and Streamlit would make it anew (zoom and centre lost).
with st.container():
    context.page_header(ctx, "synthese.title")

    reading = context.selection_reading(ctx)
    figures = KeyFigures.of(reading)
    plan = action_counts(ctx.territory, ctx.selection, plan_actions(ctx.territory))
    cols = st.columns(5)
    cols[0].metric(ctx.t("synthese.kpi.projects", year=figures.year or ""), fmt_int(figures.projects, lang),
                   help=ctx.t("synthese.kpi.projects.help"))
    cols[1].metric(ctx.t("synthese.kpi.difficult"), fmt_pct(figures.difficult_share, lang=lang))
    cols[2].metric(ctx.t("synthese.kpi.seasonal"), fmt_pct(figures.seasonal_share, lang=lang))
    cols[3].metric(ctx.t("synthese.kpi.unemployment", period=figures.unemployment_period or "–"),
                   fmt_rate(figures.unemployment_rate, lang=lang), help=ctx.t("synthese.kpi.unemployment.help"))
    cols[4].metric(ctx.t("synthese.kpi.actions"), fmt_int(plan.actions, lang),
                   delta=ctx.t("synthese.kpi.late", n=plan.late), delta_color="inverse",
                   delta_arrow="off")
    st.caption(ctx.provenance_caption("recruitment"))
    st.caption(ctx.provenance_caption("context"))
    if figures.secret_cells:
        st.caption(ctx.t("common.secret_note", n=fmt_int(figures.secret_cells, lang)))
    meeting_exports.render(ctx)

map_col, chart_col = st.columns([5, 6])
with map_col:
    st.subheader(ctx.t("synthese.map.title"))
    st.caption(ctx.t("synthese.map.help"))
    zone_map(ctx.territory, ctx.zoning, MAP_KEY, selected=ctx.zone_ids, mode="selection", height=480, lang=lang)
with chart_col:
    top = top_occupations(ctx.territory, reading.source)
    if top.empty:
        st.info(ctx.t("synthese.no_recruitment"))
    else:
        subtitle = ctx.t("synthese.chart.subtitle", selection=ctx.selection_label, year=figures.year)
        chart = top_occupations_bar(top, lang, subtitle=subtitle)
        show_chart(chart, ctx.t("chart.top_occupations"), lang)
        st.caption(ctx.provenance_caption("recruitment"))
        chart_downloads(ctx, chart, ctx.t("chart.top_occupations"), ["recruitment"], "synthese_top")

formations.needs_block(ctx)

with st.expander(ctx.t("synthese.definitions")):
    st.markdown(ctx.t("synthese.definitions.text"))
