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
    """A date as 14/03/2026 (French) or 2026-03-14; « – » when missing."""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    elif not isinstance(value, (date, datetime)):
        if _missing(value):
            return "–"
        value = pd.Timestamp(value)
    return value.strftime("%d/%m/%Y") if lang == "fr" else value.strftime("%Y-%m-%d")


def indicator_formatter(indicator: str, lang: str = "fr"):
    """A function formatting one value of a map indicator (`indicators.choropleth.MAP_INDICATORS`) for display:
    shares (0–1) as percent, the unemployment rate (already in percent) as percent, a change in points with its sign,
    classes and per-1,000 with one decimal, counts as integers; « – » for a missing value."""
    if indicator in ("difficult_share", "seasonal_share"):
        return lambda v: fmt_pct(v, lang=lang)
    if indicator == "unemployment_rate":
        return lambda v: fmt_rate(v, lang=lang)
    if indicator == "unemployment_change":
        return lambda v: ("+" if v > 0 else "") + fmt_float(v, 1, lang) if pd.notna(v) else "–"
    if indicator in ("tension_class", "projects_per_1000"):
        return lambda v: fmt_float(v, 1, lang)
    return lambda v: fmt_int(v, lang)


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
