"""Values of the plan as typed, stored, written in the history and read by a committee member.

`coerce_value` turns what a user typed (a form, a workbook cell, the Python API) into what the store keeps;
`to_json` / `from_json` are how the history writes values; `display_value` is how a page shows them, in French
or English. Parsing errors are `PlanValidationError`s in French naming the field.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from typing import Any

import pandas as pd

from ..formatting import fmt_date, fmt_float
from ..i18n import t
from . import model as m
from .errors import PlanValidationError
from .labels import label, labels


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT and pd.NA (a list, tuple, set or dict is never missing)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, set, dict)) else False
    except (TypeError, ValueError):
        return False


def parse_date(value: Any, where: str) -> date | None:
    """A date from a date, datetime, Timestamp or text (« JJ/MM/AAAA » or « AAAA-MM-JJ »); None when empty.
    PlanValidationError naming `where` otherwise."""
    if is_missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    text_value = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text_value, pattern).date()
        except ValueError:
            continue
    raise PlanValidationError(f"{where} : « {text_value} » n'est pas une date (attendu JJ/MM/AAAA ou AAAA-MM-JJ).")


def parse_number(value: Any, where: str) -> float | None:
    """A float from a number or a French text (« 1 234,5 € », « 80 % »); None when empty.
    PlanValidationError naming `where` otherwise (a bool is not a number; « 1e400 », « inf » and « nan » are not
    finite numbers and are refused, never stored as infinity or NaN)."""
    if is_missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise PlanValidationError(f"{where} : « {value} » n'est pas un nombre.")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        cleaned = str(value).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
        cleaned = cleaned.removesuffix("€").removesuffix("%")
        try:
            number = float(cleaned)
        except (ValueError, OverflowError):
            raise PlanValidationError(f"{where} : « {value} » n'est pas un nombre.") from None
    if not math.isfinite(number):
        raise PlanValidationError(t("hostile.plan.not_finite", where=where, value=str(value).strip()))
    return number


def parse_list(value: Any) -> str | None:
    """A list column as stored: codes joined by a space (« 9905 9908 »), read from a list or a text separated by
    spaces, « ; » or « , »; None when empty."""
    if is_missing(value):
        return None
    items = value if isinstance(value, (list, tuple, set)) else re.split(r"[;,\s]+", str(value))
    cleaned = [str(item).strip() for item in items if str(item).strip()]
    return m.LIST_SEPARATOR.join(cleaned) if cleaned else None


def split_list(value: Any) -> list[str]:
    """The codes of a list column (« 9905 9908 », also read with « ; » or « , ») (empty list for a missing value)."""
    parsed = parse_list(value)
    return parsed.split(m.LIST_SEPARATOR) if parsed else []


def parse_status(value: Any, where: str) -> str | None:
    """A status code (m.STATUSES) from a code or its label in French or English (any case); None when empty.
    PlanValidationError naming `where` and listing the French labels otherwise."""
    if is_missing(value) or not str(value).strip():
        return None
    text_value = str(value).strip()
    if text_value in m.STATUSES:
        return text_value
    by_label = {text.casefold(): code for lang in ("en", "fr")
                for code, text in labels("status", m.STATUSES, lang).items()}
    code = by_label.get(text_value.casefold())
    if code:
        return code
    allowed = ", ".join(labels("status", m.STATUSES, "fr").values())
    raise PlanValidationError(f"{where} : statut « {text_value} » inconnu (statuts possibles : {allowed}).")


def coerce_value(field_name: str, value: Any, where: str = "") -> Any:
    """The value of `field_name` as the store keeps it (date, float, int, bool, space-separated list, status
    code, text or None). PlanValidationError in French naming `where` (default: the field) for a bad value."""
    where = where or label("field_name", field_name, "fr")
    if field_name in m.DATE_FIELDS:
        return parse_date(value, where)
    if field_name in m.FLOAT_FIELDS:
        return parse_number(value, where)
    if field_name in m.INT_FIELDS:
        number = parse_number(value, where)
        if number is None:
            return None
        if number != int(number):
            raise PlanValidationError(f"{where} : « {value} » doit être un nombre entier.")
        return int(number)
    if field_name in m.BOOL_FIELDS:
        if is_missing(value):
            return False
        if isinstance(value, str):
            word = value.strip().casefold()
            if word in {"1", "oui", "vrai", "true", "yes", "x"}:
                return True
            if word in {"", "0", "non", "faux", "false", "no"}:
                return False
            raise PlanValidationError(t("hostile.value.yes_no", where=where, value=value.strip()))
        return bool(value)
    if field_name in m.LIST_FIELDS:
        return parse_list(value)
    if field_name == "status":
        return parse_status(value, where)
    if is_missing(value):
        return None
    text_value = str(value)
    return text_value if text_value.strip() else None


def same(a: Any, b: Any) -> bool:
    """True when two stored values are equal (None only equals None)."""
    if a is None or b is None:
        return a is None and b is None
    return a == b


def to_json(value: Any) -> str | None:
    """How a value is written in the history (JSON text; dates as AAAA-MM-JJ; None stays None)."""
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return json.dumps(value.isoformat()[:10])
    return json.dumps(value, ensure_ascii=False)


def from_json(field_name: str, raw: str | None) -> Any:
    """The stored value (see `coerce_value`) of a history `before` / `after` JSON text (None when empty)."""
    if is_missing(raw):
        return None
    return coerce_value(field_name, json.loads(raw))


def display_value(field_name: str, raw_or_value: Any, from_history: bool = True, lang: str = "fr") -> str:
    """A value as a committee member reads it, in `lang`: the JSON text of a history row (`from_history`) or a
    stored value. Dates 31/01/2026 (fr) or 2026-01-31 (en), status labels, « 80 % » / « 80% », oui/non or
    yes/no, numbers « 1 234,5 » / « 1,234.5 », « (vide) » / « (empty) » for nothing. Returns str."""
    value = from_json(field_name, raw_or_value) if from_history else raw_or_value
    if is_missing(value):
        return t("plan.value.empty", lang)
    if isinstance(value, date):
        return fmt_date(value, lang)
    if field_name == "status":
        return label("status", value, lang)
    if field_name == "progress":
        return t("plan.value.percent", lang, value=value)
    if field_name == "done":
        return t("plan.yes", lang) if value else t("plan.no", lang)
    if isinstance(value, float):
        return fmt_float(value, 2, lang).removesuffix(",00").removesuffix(".00")
    return str(value)
