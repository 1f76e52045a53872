"""User-facing errors: every message is French and names the file, table, row or field at fault."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, already phrased for a committee member."""

    message: str
    table: str | None = None
    column: str | None = None
    row: int | None = None
    file: str | None = None
    sheet: str | None = None

    def __str__(self) -> str:
        return self.message


class GpectError(Exception):
    """An error whose message can be shown as is to a user (French, no traceback)."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
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
