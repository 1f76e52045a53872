"""The plan page's « Vue d'ensemble » tab: key figures, charts by axis, late actions, timeline, indicators,
the map of actions by basin and the tension of the target occupations since the actions began."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gpect_core.charts import plan as plan_charts
from gpect_core.formatting import Fmt, fmt_int
from gpect_core.plan import display, progress, rules
from ui.charts import show_chart
from ui.map import zone_map
from ui.plan.state import PlanView
from ui.tables import show_table

MAP_KEY = "plan_map"
PALETTE = ["#deebf7", "#9ecae1", "#4292c6", "#08519c"]  # basins by number of actions, fewest to most


def render(view: PlanView) -> None:
    """The tab's body."""
    T, lang, actions = view.t, view.lang, view.actions
    if actions.empty:
        st.info(T("plan.no_actions"))
    counts = progress.status_counts(actions, view.late)
    cols = st.columns(4)
    for col, key in zip(cols, ("actions", "in_progress", "done", "late"), strict=True):
        col.metric(T(f"plan.kpi.{key}"), fmt_int(counts[key], lang))
    if actions.empty:
        return
    left, right = st.columns(2)
    with left:
        by_status = progress.counts_by_axis_and_status(actions, view.axes)
        show_chart(plan_charts.status_by_axis_bar(by_status, lang), T("plan.chart.status_by_axis"), lang)
    with right:
        by_axis = progress.progress_by_axis(actions, view.axes, view.today)
        show_chart(plan_charts.progress_by_axis_bar(by_axis.dropna(subset=["progress"]), lang),
                   T("plan.chart.progress_by_axis"), lang)
        st.caption(progress.progress_rule(lang))

    st.subheader(T("plan.late.title"))
    st.info(rules.late_rule(lang))
    if view.late.empty:
        st.success(T("plan.late.none"))
    else:
        expected = progress.expected_progress(view.late, view.today)
        show_table(display.late_table(view.late, expected, view.partner_names, lang), display.late_formats(lang),
                   lang)

    drawn, dated = plan_charts.gantt_actions(actions, set(view.late["action_id"]))
    if len(drawn) < dated:
        st.info(T("plan.chart.timeline_top", shown=fmt_int(len(drawn), lang), total=fmt_int(dated, lang)))
    show_chart(plan_charts.gantt(actions, set(view.late["action_id"]), view.today, lang, view.axis_labels,
                                 view.milestones), T("plan.chart.timeline"), lang)

    shown_indicators = view.indicators[view.indicators["action_id"].isin(actions["action_id"])]
    if not shown_indicators.empty:
        against = progress.indicators_against_targets(shown_indicators, view.values, actions)
        show_chart(plan_charts.indicator_bullets(against, lang), T("plan.chart.indicators"), lang)
        st.caption(T("plan.indicators.help"))

    _map(view)
    _tension(view)


def _map(view: PlanView) -> None:
    ctx, T = view.ctx, view.t
    st.subheader(T("plan.map.title"))
    st.caption(T("plan.map.help"))
    zones = ctx.territory.zones_of(view.plan_zoning)
    shades = progress.zone_shades(view.actions, list(zones["zone_id"]), classes=len(PALETTE))
    fill = {z: PALETTE[s] for z, s in shades["shade"].items() if s >= 0}
    tooltip = {"n_actions": shades["n_actions"].astype(str), "titles": shades["titles"]}
    same_zoning = ctx.zoning == view.plan_zoning
    # A click selects in the filter's zoning: only when the plan's map is drawn in that zoning.
    zone_map(ctx.territory, view.plan_zoning, MAP_KEY, fill=fill, selected=ctx.zone_ids if same_zoning else [],
             tooltip=tooltip, tooltip_aliases=["", T("plan.map.n_actions"), T("plan.map.actions")],
             mode="selection", height=460, clickable=same_zoning, lang=view.lang)


def _tension(view: PlanView) -> None:
    ctx, T = view.ctx, view.t
    st.subheader(T("plan.tension.title"))
    association = progress.tension_since_start(view.actions, ctx.territory.tables.get("tension"),
                                               ctx.territory.tables.get("recruitment"), view.plan_zoning)
    if association.empty:
        st.info(T("plan.tension.none"))
        return
    figures = progress.tension_figures(association)
    frame = pd.DataFrame({T("plan.field.title"): figures["title"],
                          T("plan.tension.start_year"): figures["start_year"].astype("Int64").astype(str)})
    formats = {}
    # The tension score (1–5) with two decimals; the share of difficult projects in % and its change in points.
    kinds = {"tension": (Fmt("float", 2), Fmt("signed", 2)), "difficulty": (Fmt("rate", 1), Fmt("signed", 1))}
    for prefix, label_key in (("tension", "plan.tension.score"), ("difficulty", "plan.tension.difficulty")):
        for part, part_key in (("before", "plan.tension.before"), ("latest", "plan.tension.latest"),
                               ("change", "plan.tension.change"), ("years", "plan.tension.years")):
            if f"{prefix}_{part}" in figures:
                name = T(label_key) + " — " + T(part_key)
                frame[name] = figures[f"{prefix}_{part}"]
                if part != "years":
                    formats[name] = kinds[prefix][part == "change"]
    show_table(frame, formats, lang=view.lang)
    st.warning(progress.association_caveat(view.lang))
    st.caption(ctx.provenance_caption("tension"))
