"""The correspondence between two zonings as an XLSX workbook (openpyxl).

Layout: row 1 the caption (pack, zonings, method, date), row 2 the sources, row 4 the headers, the pairs from row 5
(one row per pair of zones, `indicators.correspondence.Correspondence.table` order). Codes and names are text
cells, populations and commune counts numbers (`#,##0`), shares numbers with a percent format (`0.0%`)."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..formatting import fmt_date
from ..i18n import t
from ..indicators.correspondence import Correspondence
from ..territory import Territory
from .caption import Caption
from .tables import neutralise

HEADER_ROW = 4
PERCENT_FORMAT = "0.0%"
COUNT_FORMAT = "#,##0"


def zoning_name(territory: Territory, zoning: str, lang: str = "fr") -> str:
    """A zoning's label: the catalogue's (`zoning.<code>`), else the pack manifest's, else its code."""
    label = t(f"zoning.{zoning}", lang)
    if label == f"zoning.{zoning}":
        return str(territory.zonings.get(zoning, {}).get("label", zoning))
    return label


def correspondence_caption(territory: Territory, corr: Correspondence, lang: str = "fr",
                           made_on: date | None = None) -> list[str]:
    """The caption lines of a correspondence export: what, pack, method, date; then the sources (provenance of
    the pack's `communes` table, or of its zones for the area method)."""
    made_on = made_on or date.today()
    lines = [t("corr.caption", lang, source=zoning_name(territory, corr.source, lang),
               target=zoning_name(territory, corr.target, lang), pack=territory.name,
               method=t(f"corr.method.{corr.method}", lang), date=fmt_date(made_on, lang))]
    tables = ["communes"] if corr.method == "communes" else ["zones"]
    sources = Caption.for_territory(territory, "", tables, "", lang, made_on).sources
    if sources:
        lines.append(t("corr.sources", lang, sources=" ; ".join(sources)))
    if corr.method == "area":
        lines.append(t("corr.population_estimated", lang))
    if notice := territory.notice(lang):
        lines.append(notice)
    return lines


def correspondence_frame(territory: Territory, corr: Correspondence, lang: str = "fr") -> pd.DataFrame:
    """The correspondence table with the headers of the export (French by default); the area method adds the area
    in common and names its shares as shares of area. Shares stay 0–1 floats."""
    a, b = zoning_name(territory, corr.source, lang), zoning_name(territory, corr.target, lang)
    share = "area_share" if corr.method == "area" else "share"
    columns = {
        "zone_a": t("corr.col.code", lang, zoning=a), "name_a": t("corr.col.name", lang, zoning=a),
        "zone_b": t("corr.col.code", lang, zoning=b), "name_b": t("corr.col.name", lang, zoning=b),
        "population_common": t("corr.col.population_common", lang),
        "share_of_a": t(f"corr.col.{share}_of_a", lang, source=a, target=b),
        "share_of_b": t(f"corr.col.{share}_of_b", lang, source=a, target=b),
        "population_a": t("corr.col.population_zone", lang, zoning=a),
        "population_b": t("corr.col.population_zone", lang, zoning=b),
    }
    if corr.method == "communes":
        columns["communes_common"] = t("corr.col.communes_common", lang)
    else:
        columns["area_common_km2"] = t("corr.col.area_common", lang)
    return corr.table[list(columns)].rename(columns=columns)


def correspondence_xlsx(territory: Territory, corr: Correspondence, lang: str = "fr",
                        made_on: date | None = None) -> bytes:
    """The workbook of `corr` (see the module docstring), as bytes."""
    frame = correspondence_frame(territory, corr, lang)
    kinds = {"share_of_a": PERCENT_FORMAT, "share_of_b": PERCENT_FORMAT, "population_common": COUNT_FORMAT,
             "population_a": COUNT_FORMAT, "population_b": COUNT_FORMAT, "communes_common": COUNT_FORMAT,
             "area_common_km2": "#,##0.0"}
    formats = [kinds.get(c) for c in _source_columns(corr)]
    workbook = Workbook()
    ws = workbook.active
    ws.title = t("corr.sheet", lang)
    for row, line in enumerate(correspondence_caption(territory, corr, lang, made_on), start=1):
        cell = ws.cell(row=row, column=1, value=str(neutralise(line)))
        cell.data_type = "s"
        cell.font = Font(italic=row > 1, bold=row == 1)
    header_row = max(HEADER_ROW, ws.max_row + 2)
    for col, name in enumerate(frame.columns, start=1):
        cell = ws.cell(row=header_row, column=col, value=str(name))
        cell.data_type = "s"
        cell.font = Font(bold=True)
    for r, values in enumerate(frame.itertuples(index=False), start=header_row + 1):
        for col, (value, number_format) in enumerate(zip(values, formats, strict=True), start=1):
            if value is None or value is pd.NA or (isinstance(value, float) and value != value):
                continue
            if number_format is None:
                cell = ws.cell(row=r, column=col, value=str(neutralise(str(value))))
                cell.data_type = "s"
            else:
                cell = ws.cell(row=r, column=col, value=float(value) if "%" in number_format or "." in number_format
                               else int(round(float(value))))
                cell.number_format = number_format
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    for col, name in enumerate(frame.columns, start=1):
        width = max([len(str(name)) // 2, *(len(str(v)) for v in frame.iloc[:200, col - 1])], default=8)
        ws.column_dimensions[get_column_letter(col)].width = min(45, max(10, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _source_columns(corr: Correspondence) -> list[str]:
    base = ["zone_a", "name_a", "zone_b", "name_b", "population_common", "share_of_a", "share_of_b",
            "population_a", "population_b"]
    return [*base, "communes_common" if corr.method == "communes" else "area_common_km2"]
