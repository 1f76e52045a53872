"""Tables as CSV for French Excel (`;`, decimal comma, UTF-8 with BOM) and as XLSX (openpyxl).

Text that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
neutralised: prefixed with an apostrophe in CSV, and written as a plain text cell in XLSX, where no text cell is
ever evaluated.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..i18n import t
from .caption import Caption

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value` made inert for a spreadsheet if it is text that looks like a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _text_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out.columns = [str(neutralise(str(c))) for c in out.columns]
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]) and not pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(neutralise, na_action="ignore")
    return out


def table_csv(df: pd.DataFrame, caption: Caption | None = None) -> bytes:
    """`;`-separated CSV with decimal commas, UTF-8 with BOM; the caption lines come after a blank line."""
    buffer = io.StringIO()
    _text_frame(df).to_csv(buffer, sep=";", decimal=",", index=False, lineterminator="\r\n")
    if caption is not None:
        buffer.write("\r\n")
        for line in caption.lines():
            buffer.write(_csv_cell(str(neutralise(line))) + "\r\n")
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_cell(text: str) -> str:
    if any(ch in text for ch in ';"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def table_xlsx(df: pd.DataFrame, caption: Caption | None = None, sheet: str | None = None) -> bytes:
    """A workbook: the table (bold header, frozen first row) then the caption lines under it. The sheet is named
    `sheet`, else « Données » / "Data" in the caption's language (French without a caption)."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = (sheet or t("export.sheet", caption.lang if caption is not None else "fr"))[:31]
    for col, name in enumerate(df.columns, start=1):
        cell = ws.cell(row=1, column=col, value=str(name))
        cell.data_type = "s"
        cell.font = Font(bold=True)
    for row_number, row in enumerate(df.itertuples(index=False), start=2):
        for col, value in enumerate(row, start=1):
            _write(ws.cell(row=row_number, column=col), value)
    if caption is not None:
        start = len(df) + 3
        for offset, line in enumerate(caption.lines()):
            cell = ws.cell(row=start + offset, column=1)
            _write(cell, line)
            cell.font = Font(italic=True, bold=offset == 0)
    ws.freeze_panes = "A2"
    for col, name in enumerate(df.columns, start=1):
        values = [str(name), *(str(v) for v in df.iloc[:200, col - 1].tolist())]
        ws.column_dimensions[get_column_letter(col)].width = min(60, max(8, max(len(v) for v in values) + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write(cell, value) -> None:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        cell.value = None
    elif isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # never a formula, whatever it starts with
    elif hasattr(value, "item"):
        cell.value = value.item()
    else:
        cell.value = value
