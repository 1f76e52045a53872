"""« Métiers en tension »: occupations of the selection ranked (fragile figures apart), basins × occupations, tension
components, trends, and the sheet of one occupation."""

import pandas as pd
import streamlit as st

from gpect_core.charts import components_chart, heatmap_chart, ranking_bar
from gpect_core.formatting import (
    Fmt,
    fmt_int,
    level_labels,
    occupation_columns,
    occupation_formats,
    yes_no,
)
from gpect_core.indicators.occupations import (
    MIN_PROJECTS,
    families,
    heatmap,
    heatmap_top,
    heatmap_wide,
    occupation_table,
    of_family,
    ranking_measures,
    ranking_view,
    tension_ranking,
)
from gpect_core.indicators.selection import comparison_levels
from gpect_core.indicators.sheet import occupation_sheet, present_components, sheet_choices
from ui import context, evolutions
from ui.charts import show_chart
from ui.downloads import chart_downloads, table_downloads
from ui.feedback import md
from ui.links import PARAM_FAMILY, PARAM_OCCUPATION, PARAM_RANK_BY, PARAM_TAB, bound
from ui.tables import show_table

PCT, INT, FLOAT = Fmt("pct"), Fmt("int"), Fmt("float")

ctx = context.page_context()
lang = ctx.lang
context.page_header(ctx, "metiers.title")
territory = ctx.territory
selection = context.selection_reading(ctx).source

table = occupation_table(territory, selection)
tensions = tension_ranking(territory, selection)
if table.empty and tensions.empty:
    st.info(ctx.t("metiers.no_recruitment"))
    st.stop()

family_labels = families(territory, selection.zoning)
family_options = ["", *family_labels]
family = st.selectbox(ctx.t("metiers.family"), family_options,
                      **bound(ctx.t("metiers.family"), PARAM_FAMILY, family_options, lang,
                              lambda f: family_labels.get(f, f) if f else ctx.t("metiers.family.all")))
table, tensions = of_family(table, family), of_family(tensions, family)
st.caption(ctx.t("metiers.fragile_note", n=MIN_PROJECTS))


tab_codes = ["rankings", "heatmap", "trends", "sheet"]
tab_label = lambda code: ctx.t(f"metiers.tab.{code}")  # noqa: E731
rankings_tab, heatmap_tab, trends_tab, sheet_tab = st.tabs(
    [tab_label(code) for code in tab_codes], **bound(ctx.t("links.tab"), PARAM_TAB, tab_codes, lang, tab_label,
                                                     tabs=True))

with rankings_tab:
    measures = ranking_measures(table, tensions)
    measure = st.segmented_control(ctx.t("metiers.rank_by"), measures,
                                   **bound(ctx.t("metiers.rank_by"), PARAM_RANK_BY, measures, lang,
                                           lambda m: ctx.t(f"chart.measure.{m}"))) or measures[0]
    view = ranking_view(table, tensions, measure)
    ranked, columns, sources, chart_rows = view.ranked, view.columns, view.sources, view.chart_rows
    title = ctx.t("metiers.ranking.title", measure=ctx.t(f"chart.measure.{measure}"))
    if chart_rows.empty:
        st.info(ctx.t("common.no_data"))
    else:
        chart = ranking_bar(chart_rows, measure, lang, title=title, subtitle=ctx.selection_label)
        show_chart(chart, title, lang)
        chart_downloads(ctx, chart, title, sources, "metiers_ranking")
    export = occupation_columns(ranked, columns, lang)
    formats = occupation_formats(columns, lang)
    show_table(export, formats, lang)
    table_downloads(ctx, export, title, sources, "metiers_ranking_table", formats=formats)

with heatmap_tab:
    long = heatmap(territory, selection, family=family or None)
    title = ctx.t("metiers.heatmap.title")
    if long.empty:
        st.info(ctx.t("common.no_data"))
    else:
        st.caption(ctx.t("metiers.heatmap.help"))
        drawn, n_zones = heatmap_top(long)
        if len(drawn) < len(long):
            st.info(ctx.t("metiers.heatmap.top", total=fmt_int(n_zones, lang),
                          shown=fmt_int(drawn["zone_id"].nunique(), lang)))
        chart = heatmap_chart(drawn, "difficult_share", lang, title=title, subtitle=ctx.selection_label)
        show_chart(chart, title, lang)
        chart_downloads(ctx, chart, title, ["recruitment"], "metiers_heatmap")
        wide = heatmap_wide(long)
        wide.index.name = ctx.t("col.zone")
        table_downloads(ctx, wide.reset_index(), title, ["recruitment"], "metiers_heatmap_table",
                        formats=dict.fromkeys(wide.columns, PCT))

with trends_tab:
    evolutions.trends_tab(ctx, selection, table, family)

with sheet_tab:
    choices = sheet_choices(territory, table, tensions)
    keys = list(zip(choices["occupation_system"], choices["occupation_code"], strict=True))
    labels = dict(zip(keys, choices["label"], strict=True))
    picked = st.selectbox(ctx.t("metiers.occupation"), keys,
                          **bound(ctx.t("metiers.occupation"), PARAM_OCCUPATION, keys, lang,
                                  lambda k: f"{labels.get(k, k[1])} ({k[0]} {k[1]})"))
    if picked is None:
        picked = keys[0]
    system, code = picked
    sheet = occupation_sheet(territory, selection, system, code, levels=comparison_levels(territory, selection))
    sheet.levels["level_label"] = level_labels(sheet.levels, ctx.selection_label, lang)
    st.subheader(ctx.t("metiers.sheet.title", label=md(sheet.label)))
    link = sheet.linkage
    if link is not None and not link.direct:
        if link.codes:
            via = ctx.t("metiers.linkage.via", systems=", ".join(link.via)) if link.via else ""
            st.info(ctx.t("metiers.linkage.crosswalk", source_system=system, target_system=link.target_system,
                          n=len(link.codes), via=via, source=link.source or "occupation_links"))
        else:
            st.warning(ctx.t("metiers.linkage.none", source_system=system, target_system=link.target_system))
    components = present_components(sheet.levels)
    title = ctx.t("metiers.components.title", label=sheet.label)
    if components:
        chart = components_chart(sheet.levels, components, lang, title=title, subtitle=ctx.selection_label)
        show_chart(chart, title, lang)
        chart_downloads(ctx, chart, title, ["tension"], "metiers_components")
    else:
        st.info(ctx.t("metiers.components.none"))

    st.markdown(f"**{ctx.t('metiers.sheet.levels')}**")
    shown = pd.DataFrame({
        ctx.t("col.level"): sheet.levels["level_label"],
        ctx.t("col.projects"): sheet.levels["projects"],
        ctx.t("col.difficult_share"): sheet.levels["difficult_share"],
        ctx.t("col.fragile"): yes_no(sheet.levels["fragile"], lang),
        ctx.t("col.tension_class"): sheet.levels["tension_class"],
        **{ctx.t(f"tension.component.{c}"): sheet.levels[c] for c in components},
    })
    level_formats = {ctx.t("col.projects"): INT, ctx.t("col.difficult_share"): PCT, ctx.t("col.tension_class"): FLOAT,
                     **{ctx.t(f"tension.component.{c}"): FLOAT for c in components}}
    show_table(shown, level_formats, lang)
    table_downloads(ctx, shown, title, ["recruitment", "tension"], "metiers_levels_table", formats=level_formats)

    basins_col, related_col = st.columns(2)
    with basins_col:
        st.markdown(f"**{ctx.t('metiers.sheet.basins')}**")
        basins = sheet.basins
        basins_shown = pd.DataFrame({ctx.t("col.rank"): basins["rank"], ctx.t("col.zone"): basins["name"],
                                     ctx.t("col.projects"): basins["projects"],
                                     ctx.t("col.difficult_share"): basins["difficult_share"],
                                     ctx.t("col.fragile"): yes_no(basins["fragile"], lang)})
        basin_formats = {ctx.t("col.rank"): INT, ctx.t("col.projects"): INT, ctx.t("col.difficult_share"): PCT}
        show_table(basins_shown, basin_formats, lang)
        table_downloads(ctx, basins_shown, ctx.t("metiers.sheet.basins"), ["recruitment"], "metiers_basins_table",
                        formats=basin_formats)
    with related_col:
        st.markdown(f"**{ctx.t('metiers.sheet.related')}**")
        if sheet.related.empty:
            st.caption(ctx.t("metiers.sheet.no_related"))
        else:
            related_columns = ["label", "occupation_code", "tension_class", "projects"]
            related = occupation_columns(sheet.related, related_columns, lang)
            related_formats = occupation_formats(related_columns, lang)
            show_table(related, related_formats, lang)
            table_downloads(ctx, related, ctx.t("metiers.sheet.related"), ["occupation_links", "tension"],
                            "metiers_related_table", formats=related_formats)

with st.expander(ctx.t("metiers.definitions")):
    st.markdown(ctx.t("metiers.definitions.text", n=MIN_PROJECTS))
