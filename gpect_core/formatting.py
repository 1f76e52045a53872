"""Number and date formatting in the interface language, shared by pages, tables, charts and exports.

The one place where « 1,6 », « 6,5 % », « 96 310 », « 31/12/2026 » (French) and « 1.6 », « 6.5% », « 96,310 »,
« 31 Dec 2026 » (English) are written: the `fmt_*` functions for text, `Fmt` column specs for tables (their
display function, their d3 format for Altair tooltips and axes, their Excel number format and unit for
exports), and `vega_locale` for the number and time locale of every chart.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

NARROW_NBSP = "\u202f"  # French thousands separator and space before % (as INSEE prints them)
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_FR = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(math.isnan(value))
    except TypeError:
        return value is pd.NA or value is pd.NaT


def fmt_int(value, lang: str = "fr") -> str:
    """A rounded integer with thousands separators (narrow no-break space in French); « – » when missing."""
    if _missing(value):
        return "–"
    text = f"{round(float(value)):,}"
    return text.replace(",", NARROW_NBSP) if lang == "fr" else text


def fmt_float(value, digits: int = 1, lang: str = "fr") -> str:
    """A number with `digits` decimals (decimal comma in French); « – » when missing."""
    if _missing(value):
        return "–"
    text = f"{float(value):,.{digits}f}"
    if lang == "fr":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", NARROW_NBSP)
    return text


def fmt_number(value, digits: int = 2, lang: str = "fr") -> str:
    """A number with at most `digits` decimals, trailing zeros dropped: 12 → « 12 », 12.5 → « 12,5 »."""
    text = fmt_float(value, digits, lang)
    if text == "–" or digits == 0:
        return text
    point = "," if lang == "fr" else "."
    return text.rstrip("0").removesuffix(point)


def fmt_pct(share, digits: int = 1, lang: str = "fr") -> str:
    """A share in [0, 1] as a percentage: 0.123 → « 12,3 % »."""
    if _missing(share):
        return "–"
    number = fmt_float(float(share) * 100, digits, lang)
    return f"{number}{NARROW_NBSP}%" if lang == "fr" else f"{number}%"


def fmt_rate(percent, digits: int = 1, lang: str = "fr") -> str:
    """A value already in percent (INSEE unemployment rate 7.4) → « 7,4 % »."""
    if _missing(percent):
        return "–"
    return fmt_pct(float(percent) / 100, digits, lang)


def fmt_signed(value, digits: int = 1, lang: str = "fr") -> str:
    """A change with its sign: « +0,08 », « -0,01 », « 0,00 »; « – » when missing."""
    if _missing(value):
        return "–"
    text = fmt_float(abs(float(value)), digits, lang)
    if round(float(value), digits) == 0:
        return text
    return ("+" if value > 0 else "-") + text


def _as_date(value):
    if isinstance(value, str):
        return date.fromisoformat(value[:10])
    if value is pd.NaT or _missing(value):
        return None
    if isinstance(value, (date, datetime)):
        return value
    return pd.Timestamp(value)


def fmt_date(value, lang: str = "fr") -> str:
    """A date as 31/12/2026 (French) or 31 Dec 2026 (English); « – » when missing. Takes a date, datetime,
    Timestamp, datetime64 or ISO text."""
    value = _as_date(value)
    if value is None:
        return "–"
    if lang == "fr":
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def fmt_datetime(value, lang: str = "fr") -> str:
    """A date and time to the minute: « 31/01/2026 14:05 » / « 31 Jan 2026 14:05 » (the value as given: convert a
    UTC timestamp to local time first); « – » when missing."""
    value = _as_date(value)
    if value is None:
        return "–"
    return f"{fmt_date(value, lang)} {value.hour:02d}:{value.minute:02d}"


def indicator_formatter(indicator: str, lang: str = "fr"):
    """A function formatting one value of a map indicator (`indicators.choropleth.MAP_INDICATORS`) for display:
    shares (0–1) as percent, the unemployment rate (already in percent) as percent, a change in points with its sign,
    classes and per-1,000 with one decimal, counts as integers; « – » for a missing value."""
    return indicator_fmt(indicator).formatter(lang)


def indicator_fmt(indicator: str, precise: bool = False) -> Fmt:
    """The column spec (`Fmt`) of a map indicator's value: shares in percent, the unemployment rate (already in
    percent), a change in points with its sign, classes and per-1,000 with one decimal, counts as integers."""
    if indicator in ("difficult_share", "seasonal_share"):
        kind = "pct"
    elif indicator == "unemployment_rate":
        kind = "rate"
    elif indicator == "unemployment_change":
        kind = "signed"
    elif indicator in ("tension_class", "projects_per_1000"):
        kind = "float"
    else:
        kind = "int"
    return Fmt(kind, precise=precise)


KINDS = ("text", "int", "float", "number", "signed", "pct", "rate", "date")


@dataclass(frozen=True)
class Fmt:
    """How a table column is shown and exported.

    kind: « text » (as is), « int » (a count), « float », « number » (up to `digits` decimals, trailing zeros
    dropped: a value of any unit), « signed » (a change, with its sign), « pct » (a share
    0–1 shown in percent), « rate » (a value already in percent, e.g. the INSEE unemployment rate), « date ».
    digits: decimals shown (ignored for text, int and date). precise: exports add the unrounded value in a second
    column « <name> (non arrondi) » / « <name> (unrounded) » — only where rounding hides what matters (ranks).
    """

    kind: str = "text"
    digits: int = 1
    precise: bool = False

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Format de colonne inconnu : « {self.kind} » (attendu : {', '.join(KINDS)}).")

    def formatter(self, lang: str = "fr") -> Callable[[object], str]:
        """A function writing one value as shown on screen (« – » when missing)."""
        kind, digits = self.kind, self.digits
        if kind == "int":
            return lambda v: fmt_int(v, lang)
        if kind == "float":
            return lambda v: fmt_float(v, digits, lang)
        if kind == "number":
            return lambda v: fmt_number(v, digits, lang)
        if kind == "signed":
            return lambda v: fmt_signed(v, digits, lang)
        if kind == "pct":
            return lambda v: fmt_pct(v, digits, lang)
        if kind == "rate":
            return lambda v: fmt_rate(v, digits, lang)
        if kind == "date":
            return lambda v: fmt_date(v, lang)
        return lambda v: "–" if _missing(v) else str(v)

    def d3(self, lang: str = "fr") -> str:
        """The d3-format (numbers) or d3-time-format (dates) string of an Altair tooltip or axis; the separators
        come from the chart's locale (`vega_locale`). A rate needs its « % » written by the caller."""
        return {"int": ",d", "float": f",.{self.digits}f", "number": f",.{self.digits}~f", "signed": f"+,.{self.digits}f",
                "pct": f",.{self.digits}%", "rate": f",.{self.digits}f",
                "date": "%d/%m/%Y" if lang == "fr" else "%-d %b %Y"}.get(self.kind, "")

    def unit(self) -> str:
        """The unit an export's header names: « % » for shares and rates, else nothing."""
        return "%" if self.kind in ("pct", "rate") else ""

    def excel(self, lang: str = "fr") -> str | None:
        """The Excel number format of the exported column (values in the unit of `export`); None for text. Excel
        shows its own locale's separators whatever the code says."""
        decimals = "." + "0" * self.digits if self.digits else ""
        return {"int": "#,##0", "float": f"#,##0{decimals}", "number": "#,##0." + "#" * self.digits, "pct": f"0{decimals}", "rate": f"0{decimals}",
                "signed": f"+#,##0{decimals};-#,##0{decimals};0{decimals}",
                "date": "DD/MM/YYYY" if lang == "fr" else "D MMM YYYY"}.get(self.kind)

    def export(self, values: pd.Series) -> pd.Series:
        """`values` as exported: numbers in the unit shown (a share ×100), rounded as shown; counts as nullable
        integers (never « 4411,0 »); dates as `datetime.date`; text unchanged."""
        if self.kind in ("text",):
            return values
        if self.kind == "date":
            return pd.Series([None if (d := _as_date(v)) is None else (d.date() if isinstance(d, datetime) else d)
                              for v in values], index=values.index, dtype=object)
        numbers = pd.to_numeric(values, errors="coerce").astype(float)
        if self.kind == "int":
            return numbers.round(0).astype("Int64")
        if self.kind == "pct":
            numbers = numbers * 100
        return numbers.round(self.digits)


def export_header(name: str, fmt: Fmt, lang: str = "fr") -> str:
    """An exported column's header: `name` with its unit (« Part difficile (%) ») unless `name` already says it."""
    unit = fmt.unit()
    return f"{name} ({unit})" if unit and unit not in name else name


def precise_header(name: str, lang: str = "fr") -> str:
    """The header of the unrounded copy of a column: « Part difficile (%) (non arrondi) » / « … (unrounded) »."""
    from .i18n import t

    return f"{name} ({t('format.unrounded', lang)})"


def export_frame(frame: pd.DataFrame, formats: dict[str, Fmt] | None,
                 lang: str = "fr") -> tuple[pd.DataFrame, dict[str, str]]:
    """`frame` (columns named as shown on screen, raw values) as exported, with the Excel number format of each
    numeric column. Columns listed in `formats` are converted by their `Fmt.export` and renamed with their unit
    (`export_header`); a `precise` column is followed by its unrounded copy (`precise_header`). Columns without a
    format are left as they are (integer columns get a thousands format). Returns (table, {header: Excel number format})."""
    formats = formats or {}
    columns, number_formats = {}, {}
    for name in frame.columns:
        values = frame[name]
        fmt = formats.get(name)
        if fmt is None:
            if pd.api.types.is_integer_dtype(values) and not pd.api.types.is_bool_dtype(values):
                number_formats[str(name)] = Fmt("int").excel()
            columns[name] = values
            continue
        header = export_header(str(name), fmt, lang)
        columns[header] = fmt.export(values)
        if fmt.excel(lang):
            number_formats[header] = fmt.excel(lang)
        if fmt.precise and fmt.kind not in ("text", "int", "date"):
            numbers = pd.to_numeric(values, errors="coerce").astype(float)
            columns[precise_header(header, lang)] = numbers * 100 if fmt.kind == "pct" else numbers
    return pd.DataFrame(columns, index=frame.index), number_formats


def vega_locale(lang: str = "fr") -> dict:
    """The Vega `config.locale` of a chart: number separators as `fmt_*` writes them (narrow no-break spaces and a
    decimal comma in French) and month names for time axes and tooltips."""
    if lang == "fr":
        number = {"decimal": ",", "thousands": NARROW_NBSP, "grouping": [3], "currency": ["", f"{NARROW_NBSP}€"],
                  "percent": f"{NARROW_NBSP}%", "minus": "-"}
        time = {"dateTime": "%A %e %B %Y à %X", "date": "%d/%m/%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
                "days": ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
                "shortDays": ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
                "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                           "octobre", "novembre", "décembre"],
                "shortMonths": list(MONTHS_FR)}
    else:
        number = {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""], "minus": "-"}
        time = {"dateTime": "%x, %X", "date": "%-m/%-d/%Y", "time": "%-I:%M:%S %p", "periods": ["AM", "PM"],
                "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
                "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
                "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December"],
                "shortMonths": list(MONTHS_EN)}
    return {"number": number, "time": time}


def level_labels(levels: pd.DataFrame, selection_label: str, lang: str = "fr") -> list[str]:
    """The display names of comparison levels (a frame with columns level, level_label, as
    `indicators.zones.comparison` or an occupation sheet's levels): the selection's own label, « Région : name »,
    France, or the whole territory of the pack."""
    from .i18n import t

    fixed = {"selection": selection_label, "france": t("level.france", lang),
             "territory": t("level.territory", lang)}
    return [t("level.region", lang, name=name) if key == "region" else fixed[key]
            for key, name in zip(levels["level"], levels["level_label"], strict=True)]


OCCUPATION_COLUMN_KEYS = {"label": "col.occupation", "occupation_code": "col.code", "occupation_system": "col.system",
                          "family_label": "col.family", "projects": "col.projects", "difficult": "col.difficult",
                          "difficult_share": "col.difficult_share", "seasonal_share": "col.seasonal_share",
                          "secret_cells": "col.secret_cells", "fragile": "col.fragile", "rank": "col.rank",
                          "tension_class": "col.tension_class", "tension_score": "col.tension_score"}


OCCUPATION_FORMATS = {"projects": Fmt("int"), "difficult": Fmt("int"), "difficult_share": Fmt("pct"),
                      "seasonal_share": Fmt("pct"), "secret_cells": Fmt("int"), "rank": Fmt("int"),
                      "tension_class": Fmt("float"), "tension_score": Fmt("float", 2)}


def occupation_formats(columns: list[str], lang: str = "fr") -> dict[str, Fmt]:
    """The formats of the columns of `occupation_columns(frame, columns, lang)`, keyed by their shown names:
    counts and ranks as integers, shares in percent, classes and components (1–5) with one decimal."""
    from .i18n import t

    out = {}
    for c in columns:
        name = t(OCCUPATION_COLUMN_KEYS[c], lang) if c in OCCUPATION_COLUMN_KEYS else t(f"tension.component.{c}",
                                                                                            lang)
        if c in OCCUPATION_FORMATS:
            out[name] = OCCUPATION_FORMATS[c]
        elif c not in OCCUPATION_COLUMN_KEYS:
            out[name] = Fmt("float")
    return out


def yes_no(flags, lang: str = "fr") -> list[str]:
    """« oui » / « non » (yes / no) for each flag (bool or NumPy bool); « – » for a missing one (None, NaN, NA)."""
    from .i18n import t

    return ["–" if _missing(f) else t("col.yes", lang) if bool(f) else t("col.no", lang) for f in flags]


def occupation_columns(frame: pd.DataFrame, columns: list[str], lang: str = "fr") -> pd.DataFrame:
    """`frame[columns]` for display or export: fragile flags as « oui »/« non », columns renamed to their labels
    (`OCCUPATION_COLUMN_KEYS`, else a tension component's name)."""
    from .i18n import t

    out = frame[columns].copy()
    if "fragile" in out:
        out["fragile"] = yes_no(out["fragile"], lang)
    return out.rename(columns={c: t(OCCUPATION_COLUMN_KEYS[c], lang) if c in OCCUPATION_COLUMN_KEYS
                               else t(f"tension.component.{c}", lang) for c in columns})
