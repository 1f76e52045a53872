"""Download buttons: a chart as PNG (2×) and SVG, a table as CSV and XLSX, each with its caption.

The files are made only when a button is clicked (Streamlit runs the callable then), so the buttons cost nothing
at rerun; `on_click="ignore"` keeps a download from rerunning the page.
"""

from __future__ import annotations

import dataclasses

import altair as alt
import pandas as pd
import streamlit as st

from gpect_core.export import Caption, chart_png, chart_svg, table_csv, table_xlsx
from gpect_core.formatting import Fmt
from gpect_core.i18n import t


def _caption(ctx, title: str, tables, sources: tuple[str, ...] | None = None) -> Caption:
    caption = Caption.for_territory(ctx.territory, title, list(tables), ctx.selection_label, lang=ctx.lang)
    return caption if sources is None else dataclasses.replace(caption, sources=tuple(sources))


def chart_downloads(ctx, chart: alt.TopLevelMixin, title: str, tables, key: str,
                    sources: tuple[str, ...] | None = None) -> None:
    """PNG and SVG buttons for `chart`, captioned with `title`, the sources of `tables` (or the `sources` lines
    given, when the page used only some of a table's vintages) and the selection."""
    caption = _caption(ctx, title, tables, sources)
    stem = caption.file_stem()
    row = st.container(horizontal=True)
    # The spec is made at click time, not at every rerun (the builders are validated by their tests).
    row.download_button(t("export.download.png", ctx.lang), data=lambda: chart_png(chart.to_dict(validate=False), caption),
                            file_name=f"{stem}.png", mime="image/png", key=f"{key}_png", on_click="ignore",
                            icon=":material/image:", help=t("export.download.help", ctx.lang))
    row.download_button(t("export.download.svg", ctx.lang), data=lambda: chart_svg(chart.to_dict(validate=False), caption),
                            file_name=f"{stem}.svg", mime="image/svg+xml", key=f"{key}_svg", on_click="ignore",
                            icon=":material/draw:", help=t("export.download.help", ctx.lang))


def table_downloads(ctx, table: pd.DataFrame, title: str, tables, key: str,
                    formats: dict[str, Fmt] | None = None, notes: tuple[str, ...] = (),
                    sources: tuple[str, ...] | None = None) -> None:
    """CSV (French Excel in French) and XLSX buttons for `table` (already with its displayed column names, raw
    values): the columns in `formats` are exported in the unit and rounding shown on screen, their header naming
    the unit (`gpect_core.export.tables`); `notes` (how to read the table) follow the title in the caption;
    `sources`: the caption's source lines, instead of every vintage of `tables`."""
    caption = _caption(ctx, title, tables, sources)
    if notes:
        caption = dataclasses.replace(caption, notes=tuple(notes))
    stem = caption.file_stem()
    row = st.container(horizontal=True)
    row.download_button(t("export.download.csv", ctx.lang), data=lambda: table_csv(table, caption, formats),
                            file_name=f"{stem}.csv", mime="text/csv", key=f"{key}_csv", on_click="ignore",
                            icon=":material/table:", help=t("export.download.help", ctx.lang))
    row.download_button(t("export.download.xlsx", ctx.lang), data=lambda: table_xlsx(table, caption, formats=formats),
                            file_name=f"{stem}.xlsx", key=f"{key}_xlsx", on_click="ignore",
                            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            icon=":material/grid_on:", help=t("export.download.help", ctx.lang))
