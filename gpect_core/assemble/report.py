"""The one French report of an assembly, whether the pack is built from a folder (`build-pack`) or files are
imported onto a pack (« Données » page): one block per file (what it was recognised as, rows read and
rejected, secret cells, notes, codes that matched nothing, problems), then what the assembly did.

`MAX_LISTED` is the readers' (`readers.base`), so that a file's rejected rows and the report's listings stop
at the same number: the assembler sits above the readers and never the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import neutralise
from ..readers.base import MAX_LISTED, FileReport


@dataclass
class BuildReport:
    """The French account of an assembly: `files` (readers' FileReport, one per table read), `lines` (what the
    assembly did, in French), `seconds` (wall time of a build, 0 for an import)."""

    files: list[FileReport] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    seconds: float = 0.0
    undated: list[str] = field(default_factory=list)  # tables set aside for want of a year (`missing_vintage`)

    def add(self, line: str) -> None:
        self.lines.append(line)

    def text(self) -> str:
        return format_report(self)


DOCUMENTATION_STATUS = "documentation — non utilisée"


def n(value) -> str:
    """An integer the French way, with a narrow no-break space between thousands: 74 346."""
    return f"{int(value):,}".replace(",", "\u202f")


def listing(items, limit: int = MAX_LISTED) -> str:
    """At most `limit` items joined by commas, then « … (+N) » for the rest."""
    items = list(items)
    shown = ", ".join(str(i) for i in items[:limit])
    return shown + (f" … (+{len(items) - limit})" if len(items) > limit else "")


def vintages_of(frame, provenance_vintage: str = "") -> list[str]:
    """The vintages a table holds: the distinct values of its `year` column, else those of its provenance
    (« BMO 2024 ; BMO 2025 » → both)."""
    if "year" in frame and frame["year"].notna().any():
        return [str(int(y)) for y in sorted(frame["year"].dropna().unique())]
    return [v for v in (v.strip() for v in provenance_vintage.split(";")) if v]


def table_line(table: str, rows: int, vintages: list[str], brought: int | None = None) -> str:
    """The report's line for a table built (or, with `brought`, merged by an import): « table tension : 104 220
    lignes, millésimes 2019 ; 2020 ; 2021 »."""
    count = f"{n(rows)} ligne" + ("s" if rows != 1 else "")
    if brought is not None:
        count = f"{n(brought)} ligne{'s' if brought != 1 else ''} apportée{'s' if brought != 1 else ''}, {count} " \
                "dans le pack après intégration"
    held = "" if not vintages else (f", millésime {vintages[0]}" if len(vintages) == 1
                                    else f", millésimes {' ; '.join(vintages)}")
    return f"table {table} : {count}{held}"


def file_lines(files) -> list[str]:
    """The French block of each FileReport: status, rows read/rejected, secret cells, notes, unmatched codes and
    the first MAX_LISTED problems. A table no format recognised says « non reconnu — ignoré », a
    documentation sheet « documentation — non utilisée »."""
    out = []
    for rep in files:
        status = rep.format_label if rep.format_key else (DOCUMENTATION_STATUS if rep.documentation
                                                          else "non reconnu — ignoré")
        if rep.documentation or rep.format_key == "documentation":  # one wording, whichever rule found it
            out.append(f"• {rep.name} : {DOCUMENTATION_STATUS}")
            out.extend(f"    ~ {note}" for note in rep.notes)
            continue
        if rep.format_key and not rep.used:
            status += " — non utilisé"
        out.append(f"• {rep.name} : {status}")
        if rep.format_key:
            out.append(f"    lignes lues : {n(rep.rows_read)} ; rejetées : {n(rep.rows_rejected)}"
                       + (f" ; cellules secrètes (*) : {n(rep.secret_cells)}" if rep.secret_cells else ""))
        for note in rep.notes:
            out.append(f"    ~ {note}")
        for kind, codes in rep.unmatched.items():
            out.append(f"    codes sans correspondance ({kind}) : {listing(codes)}")
        for problem in rep.problems[:MAX_LISTED]:
            out.append(f"    ! {problem.message}")
        if len(rep.problems) > MAX_LISTED:
            out.append(f"    ! … et {len(rep.problems) - MAX_LISTED} autre(s) problème(s)")
    return out


def format_report(report: BuildReport, problems=()) -> str:
    """The French report: « Rapport de lecture des fichiers » (one block per file), then « Assemblage du pack »
    (the assembly's lines), then the blocking problems of an import, if any, and the duration of a build."""
    out = ["Rapport de lecture des fichiers", "=" * 31, *file_lines(report.files)]
    if report.lines:
        out += ["", "Assemblage du pack", "=" * 18, *[f"• {line}" for line in report.lines]]
    problems = list(problems)
    if problems:
        out += ["", "Problèmes bloquants", "=" * 19, *[f"! {p.message}" for p in problems[:100]]]
        if len(problems) > 100:
            out.append(f"! … et {len(problems) - 100} autre(s) problème(s)")
    if report.seconds:
        out.append(f"Durée : {report.seconds:.1f} s")
    return neutralise("\n".join(out))
