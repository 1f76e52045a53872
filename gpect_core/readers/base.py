"""What every reader shares: the file report, the parsed result, the format description, and the helpers that
find a column by its alternative names and turn text cells into codes, counts and classes.

A table that no format recognises is a `Parsed` whose `format` is None (`Parsed.recognised` is False) and
whose `FileReport.format_key` is None: « non reconnu » is a state of its own, never a borrowed format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from ..errors import Problem
from ..i18n import t
from .sniff import RawTable, parse_numbers

LICENCE_OUVERTE = "Licence Ouverte / Etalab 2.0"
UNRECOGNISED_LABEL = "non reconnu"
DOCUMENTATION_LABEL = "documentation"  # a workbook's sheet that documents the others: listed calmly, not read
MAX_LISTED = 20  # rejected rows, problems and codes named one by one before « … et N autre(s) » (every report)


@dataclass
class FileReport:
    """What a file was recognised as, and what became of its rows."""

    file: str
    sheet: str | None = None
    format_key: str | None = None
    format_label: str = UNRECOGNISED_LABEL
    rows_read: int = 0
    rows_rejected: int = 0
    secret_cells: int = 0
    problems: list[Problem] = field(default_factory=list)  # rows rejected, with why
    doubts: list[Problem] = field(default_factory=list)  # values kept but to be confirmed in the preview
    unmatched: dict[str, list[str]] = field(default_factory=dict)  # codes that matched nothing, by kind
    notes: list[str] = field(default_factory=list)
    used: bool = True
    documentation: bool = False  # a notes sheet (variables, sources, sommaire): listed as such, never read

    @property
    def name(self) -> str:
        return f"{self.file} [{self.sheet}]" if self.sheet else self.file

    def reject(self, raw: RawTable, mask: pd.Series, column: str, reason: str) -> None:
        """Count the rows under `mask` as rejected and say why, naming the first ones."""
        bad = mask[mask.fillna(False).astype(bool)].index
        if len(bad) == 0:
            return
        self.rows_rejected += len(bad)
        for index in bad[:MAX_LISTED]:
            value = raw.frame.at[index, column] if column in raw.frame.columns else ""
            shown = f"« {value} » : " if str(value).strip() else ""
            self.problems.append(raw.problem(f"{shown}{reason}", index=index, column=column))
        if len(bad) > MAX_LISTED:
            self.problems.append(Problem(f"« {raw.file} » : … et {len(bad) - MAX_LISTED} autre(s) ligne(s) "
                                         f"rejetée(s) pour la même raison ({reason}).", file=raw.file,
                                         sheet=raw.sheet, column=column))




@dataclass
class Parsed:
    """One table read from a file: its format (None when not recognised), the table as text, the named frames
    the reader made of it (empty when not recognised), the report, and the vintage the format says."""

    format: Format | None
    raw: RawTable | None
    data: dict[str, pd.DataFrame]
    report: FileReport
    vintage: str = ""
    missing_vintage: bool = False  # a format that needs a year found none: set aside until the user gives it

    @property
    def recognised(self) -> bool:
        return self.format is not None

    @classmethod
    def unrecognised(cls, report: FileReport, raw: RawTable | None = None) -> Parsed:
        """A table (or a whole file) no format recognised: no data, not used; the report says why."""
        report.format_key, report.format_label, report.used = None, UNRECOGNISED_LABEL, False
        return cls(None, raw, {}, report)


@dataclass(frozen=True)
class Format:
    """An official or template format: its key, French label, signature (columns that say it), reader
    (RawTable, FileReport → named frames), producer, source, vintage, licence and priority.

    `vintage` is what the format reads of its year in the content (a callable RawTable → str, '' when the
    content says nothing), or a fixed version of a nomenclature (« v460 » for ROME 4.0, « 2021 » for FAP 2021),
    never a data year: the file name, title rows and sheet name are read by `readers.vintage.resolve`, and the
    reader finds the resolved year in `raw.vintage`."""

    key: str
    label: str  # French, as the report says it
    signature: tuple[tuple[str, ...], ...]  # each group: alternative names (or `re:` patterns) of one column
    read: Callable[[RawTable, FileReport], dict[str, pd.DataFrame]]
    producer: str = ""
    source: str = ""
    vintage: Callable[[RawTable], str] | str = ""
    priority: int = 0  # where two formats match, the higher wins
    licence: str = LICENCE_OUVERTE
    excludes: tuple[str, ...] = ()  # columns that say the table is something else
    needs_vintage: bool = False  # its figures mean nothing without a year: refused when none is found

    def matches(self, raw: RawTable) -> bool:
        return (all(find_column(raw, group) is not None for group in self.signature)
                and not any(raw.column(name) is not None for name in self.excludes))

    def vintage_of(self, raw: RawTable) -> str:
        return self.vintage(raw) if callable(self.vintage) else self.vintage


def find_column(raw: RawTable, group: tuple[str, ...]) -> str | None:
    """The table's column for one signature group (alternative names, or `re:` patterns), or None."""
    names = [g for g in group if not g.startswith("re:")]
    patterns = [g[3:] for g in group if g.startswith("re:")]
    found = raw.column(*names)
    if found is None:
        for pattern in patterns:
            found = raw.column(pattern=pattern)
            if found is not None:
                break
    return found


def col(raw: RawTable, *group: str) -> str | None:
    """`find_column` with the alternative names as arguments."""
    return find_column(raw, tuple(group))


def slug(text: str) -> str:
    """Text without accents, lower case, non-alphanumerics as `_`: « Santé humaine » → « sante_humaine »."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def text_of(raw: RawTable, column: str | None) -> pd.Series:
    """A column as stripped text (str Series); an absent column gives empty strings."""
    if column is None:
        return pd.Series("", index=raw.frame.index, dtype=object)
    return raw.frame[column].astype(str).str.strip()


def counts(raw: RawTable, report: FileReport, column: str, label: str) -> tuple[pd.Series, pd.Series, pd.Series]:
    """A count column: values (Int64-able Float64, null where secret), the secret mask, the bad-text mask."""
    parsed = parse_numbers(raw.frame[column])
    percent = raw.frame[column].astype(str).str.strip().str.endswith("%") & ~parsed.bad
    report.reject(raw, percent, column, f"{label} : " + t("hostile.value.percent_in_count"))
    negative = parsed.values.lt(0).fillna(False).astype(bool)
    fractional = (parsed.values.notna() & (parsed.values.fillna(0) % 1 != 0)).astype(bool)
    report.reject(raw, parsed.too_large, column, f"{label} : " + t("hostile.value.too_large"))
    report.reject(raw, parsed.bad & ~parsed.too_large, column, f"{label} : nombre attendu (texte trouvé)")
    report.reject(raw, negative & ~parsed.bad, column, f"{label} : un effectif ne peut pas être négatif")
    report.reject(raw, fractional & ~parsed.bad, column, f"{label} : un effectif est un nombre entier")
    return parsed.values, parsed.secret, parsed.bad | negative | fractional | percent


def class_values(raw: RawTable, report: FileReport, column: str | None, label: str) -> tuple[pd.Series, pd.Series]:
    """A 1–5 class column: (Int64 values, mask of rejected rows); text and out-of-range values rejected."""
    if column is None:
        return pd.Series(pd.NA, index=raw.frame.index, dtype="Int64"), pd.Series(False, index=raw.frame.index)
    parsed = parse_numbers(raw.frame[column])
    fraction = (parsed.values.notna() & (parsed.values.fillna(0) % 1 != 0)).astype(bool)
    report.reject(raw, fraction, column, f"{label} : " + t("hostile.value.class_fraction"))
    values = parsed.values.round()
    out_of_range = values.notna() & ((values < 1) | (values > 5))
    out_of_range = out_of_range.fillna(False).astype(bool) & ~fraction
    report.reject(raw, parsed.bad & ~parsed.too_large, column, f"{label} : classe de 1 à 5 attendue (texte trouvé)")
    report.reject(raw, parsed.too_large, column, f"{label} : " + t("hostile.value.too_large"))
    report.reject(raw, out_of_range, column, f"{label} : classe hors de 1 à 5")
    return values.astype("Int64"), parsed.bad | out_of_range | fraction


def year_of(raw: RawTable, column: str | None, default: int | None = None) -> pd.Series:
    """A year column as Int64 (`default` when the column is absent)."""
    if column is None:
        return pd.Series(default, index=raw.frame.index, dtype="Int64")
    return parse_numbers(raw.frame[column]).values.round().astype("Int64")



def reject_duplicates(raw: RawTable, report: FileReport, frame: pd.DataFrame, key: list[str], column: str) -> None:
    """Reject the later rows of `frame` with the same `key` (the first is kept), naming them."""
    dup = frame.duplicated(key, keep="first")
    if dup.any():
        report.reject(raw, dup.reindex(raw.frame.index, fill_value=False), column,
                      f"ligne en double (même {', '.join(key)}) ; seule la première est gardée")



def year_column(raw: RawTable, *names: str) -> str:
    """The most frequent year of a year column (`names`: its alternative names), '' when absent or empty."""
    years = year_of(raw, col(raw, *names)).dropna()
    years = years[(years >= 1950) & (years <= 2099)]
    return str(int(years.mode().iloc[0])) if not years.empty else ""
