"""Altair charts of the action plan, in the house theme (`gpect_core.charts.finish`): statuses by axis,
progress by axis, the timeline with a today line, and indicators against their targets (bullet charts)."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from ..formatting import Fmt
from ..i18n import t
from ..schema import ACTION_STATUSES
from . import finish

DATE = Fmt("date")
STATUS_COLOURS = {"a_lancer": "#999999", "en_cours": "#0072B2", "terminee": "#009E73", "suspendue": "#E69F00",
                  "abandonnee": "#D55E00"}  # Okabe–Ito, colour-blind safe


def status_label(status: str, lang: str) -> str:
    return t(f"plan.status.{status}", lang)


def _status_scale(lang: str) -> alt.Scale:
    return alt.Scale(domain=[status_label(s, lang) for s in ACTION_STATUSES],
                     range=[STATUS_COLOURS[s] for s in ACTION_STATUSES])


def status_by_axis_bar(counts: pd.DataFrame, lang: str = "fr") -> alt.TopLevelMixin:
    """Stacked bars: number of actions of each axis, by status (`counts` from progress.counts_by_axis_and_status)."""
    data = counts.assign(status_label=counts["status"].map(lambda s: status_label(s, lang)),
                         order=counts["status"].map(ACTION_STATUSES.index))
    chart = alt.Chart(data).mark_bar().encode(
        y=alt.Y("axis_label:N", title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("actions:Q", title=t("plan.chart.actions", lang), axis=alt.Axis(format="d", tickMinStep=1)),
        color=alt.Color("status_label:N", title=t("plan.field.status", lang), scale=_status_scale(lang)),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("axis_label:N", title=t("plan.field.axis_id", lang)),
                 alt.Tooltip("status_label:N", title=t("plan.field.status", lang)),
                 alt.Tooltip("actions:Q", title=t("plan.chart.actions", lang))],
    ).properties(width="container", height=max(120, 40 * data["axis_label"].nunique()),
                 title=t("plan.chart.status_by_axis", lang))
    return finish(chart, lang)


def progress_by_axis_bar(progress: pd.DataFrame, lang: str = "fr") -> alt.TopLevelMixin:
    data = progress.assign(progress=progress["progress"].astype(float) / 100)
    bars = alt.Chart(data).mark_bar(color="#1f5fa8").encode(
        y=alt.Y("axis_label:N", title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("progress:Q", title=t("plan.field.progress", lang), scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%")),
        tooltip=[alt.Tooltip("axis_label:N", title=t("plan.field.axis_id", lang)),
                 alt.Tooltip("progress:Q", title=t("plan.field.progress", lang), format=".0%"),
                 alt.Tooltip("actions:Q", title=t("plan.chart.actions", lang)),
                 alt.Tooltip("late:Q", title=t("plan.chart.late", lang))],
    )
    text = bars.mark_text(align="left", dx=4, color="#333").encode(text=alt.Text("progress:Q", format=".0%"))
    chart = (bars + text).properties(width="container", height=max(120, 40 * len(data)),
                                     title=t("plan.chart.progress_by_axis", lang))
    return finish(chart, lang)


MAX_GANTT_ACTIONS = 80  # bars a reader can follow on one page (22 px each); the table of actions lists them all


def gantt_actions(actions: pd.DataFrame, late_ids: set[str],
                  limit: int = MAX_GANTT_ACTIONS) -> tuple[pd.DataFrame, int]:
    """The actions a timeline can draw: those with both dates, at most `limit` of them, late ones first, then the
    ones in progress, then by end date (the nearest deadlines). Returns (rows in their original order, number of
    actions with dates before the cut)."""
    dated = actions.dropna(subset=["start_date", "end_date"])
    if len(dated) <= limit:
        return dated, len(dated)
    priority = pd.DataFrame({"late": ~dated["action_id"].isin(late_ids), "running": dated["status"] != "en_cours",
                             "end": pd.to_datetime(dated["end_date"])}, index=dated.index)
    keep = priority.sort_values(["late", "running", "end"], kind="stable").index[:limit]
    return dated.loc[dated.index.isin(keep)], len(dated)


def gantt(actions: pd.DataFrame, late_ids: set[str], today: date | None = None, lang: str = "fr",
          axis_labels: dict[str, str] | None = None, milestones: pd.DataFrame | None = None) -> alt.TopLevelMixin:
    """One bar per action from start to end, coloured by status, late actions outlined; milestones as diamonds
    (filled when reached); a red « today » line. At most `MAX_GANTT_ACTIONS` actions (`gantt_actions`): the caller
    says so when the plan has more."""
    data = gantt_actions(actions, late_ids)[0].copy()
    data["status_label"] = data["status"].map(lambda s: status_label(s, lang))
    data["late"] = data["action_id"].isin(late_ids).map({True: t("plan.yes", lang), False: t("plan.no", lang)})
    data["axis_label"] = data["axis_id"].map(axis_labels or {}).fillna(data["axis_id"])
    data["progress_share"] = pd.to_numeric(data["progress"], errors="coerce").astype(float) / 100
    data["label"] = data["action_id"] + " — " + data["title"].str.slice(0, 60)
    order = list(data.sort_values(["axis_id", "start_date"])["label"])
    height = max(160, 22 * len(data))
    bars = alt.Chart(data).mark_bar(cornerRadius=2, height=14).encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=340)),
        x=alt.X("start_date:T", title=None, axis=alt.Axis(format="%b %Y")),
        x2="end_date:T",
        color=alt.Color("status_label:N", title=t("plan.field.status", lang), scale=_status_scale(lang)),
        stroke=alt.condition(alt.datum.late == t("plan.yes", lang), alt.value("#c23b5a"), alt.value(None)),
        strokeWidth=alt.value(2),
        tooltip=[alt.Tooltip("title:N", title=t("plan.field.title", lang)),
                 alt.Tooltip("axis_label:N", title=t("plan.field.axis_id", lang)),
                 alt.Tooltip("start_date:T", title=t("plan.field.start_date", lang), format=DATE.d3(lang)),
                 alt.Tooltip("end_date:T", title=t("plan.field.end_date", lang), format=DATE.d3(lang)),
                 alt.Tooltip("status_label:N", title=t("plan.field.status", lang)),
                 alt.Tooltip("progress_share:Q", title=t("plan.field.progress", lang), format=".0%"),
                 alt.Tooltip("late:N", title=t("plan.chart.late", lang))],
    )
    today_frame = pd.DataFrame({"today": [pd.Timestamp(today or date.today())],
                                "label": [t("plan.chart.today", lang)]})
    rule = alt.Chart(today_frame).mark_rule(color="#d62728", strokeWidth=2, strokeDash=[4, 3]).encode(x="today:T")
    rule_text = alt.Chart(today_frame).mark_text(color="#d62728", align="left", dx=4, dy=-6, baseline="bottom") \
        .encode(x="today:T", y=alt.value(0), text="label:N")
    layers = [bars, rule, rule_text]
    if milestones is not None and not milestones.empty:
        points = milestones.dropna(subset=["due_date"]).merge(data[["action_id", "label"]], on="action_id")
        if not points.empty:
            points = points.rename(columns={"label_x": "milestone", "label_y": "label"})
            points["reached"] = points["done"].map({True: t("plan.yes", lang), False: t("plan.no", lang)})
            layers.append(alt.Chart(points).mark_point(shape="diamond", size=90, color="#333", filled=True).encode(
                y=alt.Y("label:N", sort=order), x="due_date:T",
                opacity=alt.condition(alt.datum.done, alt.value(1.0), alt.value(0.45)),
                tooltip=[alt.Tooltip("milestone:N", title=t("plan.milestone.title", lang)),
                         alt.Tooltip("due_date:T", title=t("plan.field.due_date", lang), format=DATE.d3(lang)),
                         alt.Tooltip("reached:N", title=t("plan.field.done", lang))]))
    chart = alt.layer(*layers).properties(width="container", height=height,
                                                 title=t("plan.chart.timeline", lang))
    return finish(chart, lang)


def indicator_bullets(frame: pd.DataFrame, lang: str = "fr") -> alt.TopLevelMixin:
    """Bullet charts on a common scale (share of the target): a grey band up to the target (100 %), a dark bar
    for the latest value and an orange tick at the baseline; the tooltips give the figures in their units
    (`frame` from progress.indicators_against_targets)."""
    data = frame.copy()
    for column in ("baseline", "target", "value"):
        data[column] = pd.to_numeric(data[column], errors="coerce").astype(float)
    target = data["target"].where(data["target"] != 0)
    data["value_share"] = data["value"] / target
    data["baseline_share"] = data["baseline"] / target
    data["target_share"] = 1.0
    data["row"] = data["indicator_id"] + " — " + data["label"].astype(str).str.slice(0, 50)
    data["unit"] = data["unit"].fillna("").astype(str)
    base = alt.Chart(data).encode(y=alt.Y("row:N", title=None, axis=alt.Axis(labelLimit=340)))
    tooltip = [alt.Tooltip("title:N", title=t("plan.field.title", lang)),
               alt.Tooltip("label:N", title=t("plan.field.label", lang)),
               alt.Tooltip("unit:N", title=t("plan.field.unit", lang)),
               alt.Tooltip("baseline:Q", title=t("plan.field.baseline", lang), format=",.1f"),
               alt.Tooltip("target:Q", title=t("plan.field.target", lang), format=",.1f"),
               alt.Tooltip("value:Q", title=t("plan.field.value", lang), format=",.1f"),
               alt.Tooltip("date:T", title=t("plan.field.date", lang), format=DATE.d3(lang))]
    x = alt.X("target_share:Q", title=t("plan.chart.achieved", lang), axis=alt.Axis(format=".0%"))
    band = base.mark_bar(color="#dfe6ee", size=18).encode(x=x, tooltip=tooltip)
    value = base.mark_bar(color="#1f5fa8", size=8).encode(x="value_share:Q", tooltip=tooltip)
    baseline = base.mark_tick(color="#e07b39", thickness=2, size=16).encode(x="baseline_share:Q", tooltip=tooltip)
    chart = (band + value + baseline).properties(width="container", height=max(120, 26 * len(data)),
                                                 title=t("plan.chart.indicators", lang))
    return finish(chart, lang)
