"""Tables as CSV (French: `;` and decimal comma for French Excel; English: `,` and decimal point; UTF-8 with BOM)
and as XLSX (openpyxl).

Given the columns' formats (`formatting.Fmt`, the same that the screen uses), numbers are exported as numbers in
the unit shown (a share shown in percent is exported in percent, its header says « (%) »), rounded as shown,
counts as integers, dates as dates; XLSX cells carry the matching number format
(`formatting.export_frame`).

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

from ..errors import spreadsheet_inert
from ..formatting import Fmt, export_frame, fmt_date
from ..i18n import t
from .caption import Caption

neutralise = spreadsheet_inert


def _text_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out.columns = [str(neutralise(str(c))) for c in out.columns]
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]) and not pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(neutralise, na_action="ignore")
    return out


def _lang(caption: Caption | None) -> str:
    return caption.lang if caption is not None else "fr"


def table_csv(df: pd.DataFrame, caption: Caption | None = None, formats: dict[str, Fmt] | None = None) -> bytes:
    """CSV in the caption's language, UTF-8 with BOM: French `;`-separated with decimal commas and dates
    31/12/2026 (what French Excel reads as numbers and dates), English `,`-separated with decimal points and ISO
    dates; numbers in the unit shown (`formats`, see `formatting.export_frame`); the caption lines come after a
    blank line."""
    lang = _lang(caption)
    table, _ = export_frame(df, formats, lang)
    for name, fmt in (formats or {}).items():
        header = next((c for c in table.columns if c == name or str(c).startswith(f"{name} (")), None)
        if fmt.kind == "date" and header is not None:
            table[header] = [fmt_date(v, lang) if lang == "fr" and v is not None else v for v in table[header]]
    sep, decimal = (";", ",") if lang == "fr" else (",", ".")
    buffer = io.StringIO()
    _text_frame(table).to_csv(buffer, sep=sep, decimal=decimal, index=False, lineterminator="\r\n")
    if caption is not None:
        buffer.write("\r\n")
        for line in caption.lines():
            buffer.write(_csv_cell(str(neutralise(line)), sep) + "\r\n")
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_cell(text: str, sep: str = ";") -> str:
    if any(ch in text for ch in f'{sep}"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def table_xlsx(df: pd.DataFrame, caption: Caption | None = None, sheet: str | None = None,
               formats: dict[str, Fmt] | None = None) -> bytes:
    """A workbook: the table (bold header, frozen first row) then the caption lines under it. The sheet is named
    `sheet`, else « Données » / "Data" in the caption's language (French without a caption). Numbers are number
    cells in the unit shown, with the number format of their column (`formats`, see `formatting.export_frame`);
    dates are date cells."""
    df, number_formats = export_frame(df, formats, _lang(caption))
    workbook = Workbook()
    ws = workbook.active
    ws.title = (sheet or t("export.sheet", caption.lang if caption is not None else "fr"))[:31]
    for col, name in enumerate(df.columns, start=1):
        cell = ws.cell(row=1, column=col, value=str(name))
        cell.data_type = "s"
        cell.font = Font(bold=True)
    column_formats = [number_formats.get(str(name)) for name in df.columns]
    for row_number, row in enumerate(df.itertuples(index=False), start=2):
        for col, value in enumerate(row, start=1):
            cell = ws.cell(row=row_number, column=col)
            _write(cell, value)
            if column_formats[col - 1] and cell.value is not None and cell.data_type != "s":
                cell.number_format = column_formats[col - 1]
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
