"""The « Évolutions » tab of « Métiers en tension »: the selection's hiring projects over the BMO years and its main
occupations, with the breaks in series stated (rule and data: `gpect_core.indicators.evolutions`)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gpect_core.charts import trends_chart
from gpect_core.formatting import fmt_int, fmt_pct, occupation_columns, yes_no
from gpect_core.indicators.evolutions import (
    SeriesBreak,
    fap_crosswalk,
    latest_nomenclature_years,
    segments,
    selection_series,
    series_breaks,
)
from gpect_core.indicators.occupations import trends, trends_of
from ui.charts import show_chart
from ui.downloads import chart_downloads, table_downloads
from ui.feedback import md

SYSTEM_LABELS = {"FAP2009": "FAP 2009", "FAP2021": "FAP 2021", "ROME4": "ROME 4.0"}


def system_label(system: str) -> str:
    return " + ".join(SYSTEM_LABELS.get(s, s) for s in system.split(" + "))


def break_note(ctx, item: SeriesBreak) -> str:
    """The French (or English) sentence of one break in series."""
    if item.kind == "nomenclature":
        return ctx.t("metiers.trends.break.nomenclature", year=item.year, previous=item.previous,
                     old=system_label(item.systems[0]), new=system_label(item.systems[1]))
    details = "; ".join(ctx.t(f"metiers.trends.{key}", items=md(", ".join(items)))
                        for key, items in (("recoded", item.recoded), ("appear", item.appear), ("gone", item.gone))
                        if items)
    return ctx.t(f"metiers.trends.break.{item.kind}", year=item.year, previous=item.previous, details=details)


def _span(years: list[int]) -> str:
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def trends_tab(ctx, selection, table: pd.DataFrame, family: str) -> None:
    """Render the tab for `selection` (the zones recruitment is read on) and the occupations `table` of the
    chosen `family` (`occupations.occupation_table`, already filtered)."""
    territory = ctx.territory
    breaks = series_breaks(territory, selection)
    series = selection_series(territory, selection, family or None, breaks)
    if series.empty:
        st.info(ctx.t("common.no_data"))
        return
    if series["year"].nunique() < 2:
        st.info(ctx.t("metiers.trends.single_year", year=int(series["year"].iloc[0])))
        return
    years = [int(y) for y in series["year"]]
    break_years = sorted({b.year for b in breaks if b.year in years})
    for item in breaks:
        st.warning(break_note(ctx, item), icon=":material/timeline:")
    st.caption(ctx.t("metiers.trends.rule"))

    total = series.assign(label=ctx.t("metiers.trends.selection"))
    for measure, key in (("projects", "metiers.trends.total_title"),
                         ("difficult_share", "metiers.trends.total_share_title")):
        title = ctx.t(key)
        chart = trends_chart(total, measure, ctx.lang, title=title, subtitle=ctx.selection_label, years=years,
                             breaks=break_years)
        show_chart(chart, title, ctx.lang)
        chart_downloads(ctx, chart, title, ["recruitment"], f"metiers_series_{measure}")
    export = pd.DataFrame({
        ctx.t("col.year"): series["year"],
        ctx.t("col.projects"): [fmt_int(v, ctx.lang) for v in series["projects"]],
        ctx.t("col.difficult_share"): [fmt_pct(v, lang=ctx.lang) for v in series["difficult_share"]],
        ctx.t("col.nomenclature"): [system_label(s) for s in series["systems"]],
        ctx.t("col.series_break"): yes_no([y in break_years for y in series["year"]], ctx.lang),
        ctx.t("col.fragile"): yes_no(series["fragile"], ctx.lang),
    })
    st.dataframe(export, hide_index=True, width="stretch")
    table_downloads(ctx, export, ctx.t("metiers.trends.total_title"), ["recruitment"], "metiers_series_table")

    system, span = latest_nomenclature_years(series)
    st.subheader(ctx.t("metiers.trends.occupations_header", system=system_label(system), years=_span(span)))
    if len(set(series["systems"])) > 1:
        key = "metiers.trends.crosswalk" if fap_crosswalk(territory) else "metiers.trends.no_crosswalk"
        st.info(ctx.t(key, system=system_label(system), years=_span(span)))
    if len(span) < 2:
        st.info(ctx.t("metiers.trends.occupations_single_year", system=system_label(system), year=span[0]))
        return
    occupations = trends_of(trends(territory, selection), table, family)
    occupations = occupations[occupations["year"].isin(span)
                              & (occupations["occupation_system"] == system.split(" + ")[0])]
    if occupations.empty:
        st.info(ctx.t("common.no_data"))
        return
    occupations = occupations.assign(segment=occupations["year"].map(segments(years, breaks)))
    inner_breaks = [y for y in break_years if y in span[1:]]
    for measure, key in (("projects", "metiers.trends.title"), ("difficult_share", "metiers.trends.share_title")):
        title = ctx.t(key)
        chart = trends_chart(occupations, measure, ctx.lang, title=title, subtitle=ctx.selection_label, years=span,
                             breaks=inner_breaks)
        show_chart(chart, title, ctx.lang)
        chart_downloads(ctx, chart, title, ["recruitment"], f"metiers_trends_{measure}")
    export = occupation_columns(occupations, ["label", "occupation_code", "projects", "difficult_share", "fragile"],
                                ctx.lang)
    export.insert(0, ctx.t("col.year"), occupations["year"].to_numpy())
    table_downloads(ctx, export, ctx.t("metiers.trends.title"), ["recruitment"], "metiers_trends_table")
