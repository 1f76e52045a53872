"""« Données » › Provenance: the correspondence between two zonings of the pack, shown and downloadable as XLSX
(`gpect_core.indicators.correspondence`, `gpect_core.export.correspondence`)."""

from __future__ import annotations

import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.export.correspondence import correspondence_frame, correspondence_xlsx
from gpect_core.formatting import fmt_int, fmt_pct
from gpect_core.indicators.correspondence import correspondence
from ui import context
from ui.feedback import show_error

FROM_KEY = "donnees_corr_from"
TO_KEY = "donnees_corr_to"


def render(ctx: context.PageContext) -> None:
    """Two zoning selectboxes, the pairs of zones with their shares, and the XLSX download button."""
    T = ctx.t
    territory = ctx.territory
    st.subheader(T("corr.header"))
    st.caption(T("corr.intro"))
    zonings = territory.zoning_ids()
    if len(zonings) < 2:
        st.caption(T("corr.single"))
        return
    label = {z: context.zoning_label(territory, z, ctx.lang) for z in zonings}
    first = territory.default_zoning if territory.default_zoning in zonings else zonings[0]
    second = next(z for z in ("BMO", *zonings) if z in zonings and z != first)
    cols = st.columns(2)
    source = cols[0].selectbox(T("corr.from"), zonings, index=zonings.index(first), format_func=label.get,
                               key=FROM_KEY)
    target = cols[1].selectbox(T("corr.to"), zonings, index=zonings.index(second), format_func=label.get,
                               key=TO_KEY)
    if source == target:
        st.info(T("corr.same"))
        return
    try:
        corr = correspondence(territory, source, target)
    except GpectError as exc:
        show_error(exc)
        return
    table = corr.table
    total = table.drop_duplicates("zone_a")["population_a"].sum()
    covered = table["population_common"].sum() / total if total > 0 else None
    st.caption(T("corr.summary", pairs=fmt_int(len(table), ctx.lang), covered=fmt_pct(covered, 1, ctx.lang),
                 source=label[source], target=label[target]) + "  \n" + T(f"corr.method.{corr.method}").capitalize())
    shown = correspondence_frame(territory, corr, ctx.lang)
    percent = {name: st.column_config.NumberColumn(format="percent") for name in shown.columns[5:7]}
    st.dataframe(shown, hide_index=True, width="stretch", height=280, column_config=percent)
    st.download_button(T("corr.download"), data=lambda: correspondence_xlsx(territory, corr, ctx.lang),
                       file_name=f"correspondance_{source}_{target}.xlsx", key="donnees_corr_xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       on_click="ignore", icon=":material/download:")
