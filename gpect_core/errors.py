"""User-facing errors: every message is French and names the file, table, row or field at fault."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_KEPT = frozenset("\n")


def neutralise(text: object) -> str:
    """Text shown to a user with its invisible and direction-changing characters made visible: control
    characters (category Cc, except the line break), format characters (Cf: bidi overrides U+202A–U+202E and
    isolates U+2066–U+2069, zero-width characters, BOM) and line/paragraph separators (Zl, Zp) written as
    « \\u202e »: a file name holding U+202E can then not pass for another in a message. str → str."""
    text = str(text)
    if text.isascii() and text.isprintable():
        return text
    return "".join(c if c in _KEPT or unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp") else
                   f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}" for c in text)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_inert(value):
    """`value` made inert for a spreadsheet (CSV or XLSX cell) if it is text that looks like a formula: prefixed
    with « ' » (OWASP CSV injection). Other values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, already phrased for a committee member."""

    message: str
    table: str | None = None
    column: str | None = None
    row: int | None = None
    file: str | None = None
    sheet: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "message", neutralise(self.message))

    def __str__(self) -> str:
        return self.message


class GpectError(Exception):
    """An error whose message can be shown as is to a user (French, no traceback)."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        message = neutralise(message)
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])

    def report(self, limit: int = 50) -> str:
        lines = [self.message]
        for problem in self.problems[:limit]:
            lines.append(f"  - {problem.message}")
        if len(self.problems) > limit:
            lines.append(f"  … et {len(self.problems) - limit} autre(s) problème(s)")
        return "\n".join(lines)


class ValidationError(GpectError):
    """A table broke its contract (schema.py)."""


class PackError(GpectError):
    """A territory pack cannot be read or written."""
