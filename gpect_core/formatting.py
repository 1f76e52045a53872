"""French number and date formatting shared by pages, charts and exports."""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd

NARROW_NBSP = "\u202f"  # French thousands separator and space before % (as INSEE prints them)


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(math.isnan(value))
    except TypeError:
        return value is pd.NA or value is pd.NaT


def fmt_int(value, lang: str = "fr") -> str:
    if _missing(value):
        return "–"
    text = f"{round(float(value)):,}"
    return text.replace(",", NARROW_NBSP) if lang == "fr" else text


def fmt_float(value, digits: int = 1, lang: str = "fr") -> str:
    if _missing(value):
        return "–"
    text = f"{float(value):,.{digits}f}"
    if lang == "fr":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", NARROW_NBSP)
    return text


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


def fmt_date(value, lang: str = "fr") -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    elif not isinstance(value, (date, datetime)):
        if _missing(value):
            return "–"
        value = pd.Timestamp(value)
    return value.strftime("%d/%m/%Y") if lang == "fr" else value.strftime("%Y-%m-%d")
