"""Small XLSX workbooks written in tests: `workbook({sheet name: rows})` → the file's bytes (openpyxl)."""

from __future__ import annotations

import io

from openpyxl import Workbook


def workbook(sheets: dict[str, list[list]]) -> bytes:
    """An XLSX holding one sheet per entry, in order, each with its rows as given (no default sheet)."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
