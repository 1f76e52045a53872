"""The store rows of the plan carried by a territory pack (its seed tables), as the store keeps them."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from . import model as m
from .values import coerce_value

_KEYS = ("action_id", "indicator_id", "partner_id", "axis_id", "milestone_id")


def _records(frame: pd.DataFrame | None, columns: Iterable[str], defaults: dict | None = None) -> list[dict]:
    if frame is None or frame.empty:
        return []
    out = []
    for record in frame.to_dict("records"):
        row = {}
        for column in columns:
            value = record.get(column, (defaults or {}).get(column))
            row[column] = value if column in _KEYS else coerce_value(column, value)
        out.append(row)
    return out


def pack_rows(tables: dict[str, pd.DataFrame]) -> dict:
    """The store rows of a pack's plan tables {table name: DataFrame} as {model table: [row dict]} (partners, axes,
    actions at version 1, indicators, values, milestones); PlanValidationError (French) for a bad value."""
    return {
        m.partners: _records(tables.get("partners"), m.PARTNER_COLUMNS),
        m.axes: _records(tables.get("plan_axes"), m.AXIS_COLUMNS),
        m.actions: [{**r, "version": 1} for r in _records(tables.get("plan_actions"), m.ACTION_COLUMNS)],
        m.indicators: _records(tables.get("plan_indicators"), m.INDICATOR_COLUMNS),
        m.indicator_values: _records(tables.get("plan_indicator_values"), m.VALUE_COLUMNS),
        m.milestones: _records(tables.get("plan_milestones"), m.MILESTONE_COLUMNS, {"done": False}),
    }
