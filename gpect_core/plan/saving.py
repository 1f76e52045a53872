"""One versioned save of an action's file, inside the store's write transaction.

A save names the action version it was read at; it writes the changed rows of the action, its indicators,
indicator values and milestones, one history row per changed field, and bumps the action's version, or raises
(`StaleSignal` for a version that moved, `PlanValidationError` / `PlanError` in French) and writes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import Connection

from ..errors import Problem
from . import model as m
from .errors import PlanError, PlanValidationError, StaleVersionError
from .labels import label
from .validation import INVALID_MESSAGE, action_problems, edit_where, part_problems
from .values import coerce_value, parse_date, same, to_json


@dataclass(frozen=True)
class Edit:
    """One field of one thing of an action's file: the action itself, an indicator, an indicator value
    (entity_id « indicator_id|AAAA-MM-JJ ») or a milestone. A value of None on an indicator value deletes it."""

    entity: str
    entity_id: str
    field: str
    value: Any


@dataclass
class SaveResult:
    """What a save did: the action's `version` after it, the `change_id` of its history rows (None when nothing
    changed) and the (entity, entity_id, field) changed."""

    version: int
    change_id: str | None
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # (entity, entity_id, field)


@dataclass
class BulkResult:
    """What `PlanStore.update_many` did: the action ids saved, the stale and the invalid refusals."""

    saved: list[str] = field(default_factory=list)
    stale: list[StaleVersionError] = field(default_factory=list)
    invalid: list[PlanError] = field(default_factory=list)


# entity -> (table, key columns, editable fields)
ENTITIES = {
    "action": (m.actions, ("action_id",), m.ACTION_EDITABLE),
    "indicator": (m.indicators, ("indicator_id",), m.INDICATOR_EDITABLE),
    "indicator_value": (m.indicator_values, ("indicator_id", "date"), ("value", "source")),
    "milestone": (m.milestones, ("milestone_id",), ("label", "due_date", "done")),
}


class StaleSignal(Exception):
    """Raised inside the transaction when the action is no longer at the version read (rolled back, then turned
    into a StaleVersionError by the store)."""

    def __init__(self, current_version: int | None):
        super().__init__(current_version)
        self.current_version = current_version


def entity_key(entity: str, entity_id: str) -> dict:
    """The key columns of `entity_id`: {"action_id": ...}, or {"indicator_id", "date"} for an indicator value
    (« IND02|2026-02-01 »); PlanValidationError for a malformed indicator value id."""
    if entity == "indicator_value":
        indicator_id, _, day = entity_id.partition("|")
        parsed = parse_date(day, "date de la valeur")
        if not indicator_id or parsed is None:
            raise PlanValidationError(f"Valeur d'indicateur « {entity_id} » : attendu « indicateur|AAAA-MM-JJ ».")
        return {"indicator_id": indicator_id, "date": parsed}
    return {ENTITIES[entity][1][0]: entity_id}


def entity_id_of(entity: str, key: dict) -> str:
    """The entity id (str) of a row's key columns (the inverse of `entity_key`)."""
    if entity == "indicator_value":
        return f"{key['indicator_id']}|{key['date'].isoformat()}"
    return str(key[ENTITIES[entity][1][0]])


def history_row(change_id, user, kind, entity, entity_id, action_id, field_name, before, after, comment,
                version) -> dict:
    """A row of the history table (dict), stamped now (UTC)."""
    return {
        "change_id": change_id, "at": datetime.now(UTC), "user_name": user, "kind": kind, "entity": entity,
        "entity_id": entity_id, "action_id": action_id, "field": field_name, "before": before, "after": after,
        "comment": comment or None, "version": version,
    }


def known_axes(conn: Connection) -> set[str]:
    """The axis ids of the store."""
    return {r[0] for r in conn.execute(select(m.axes.c.axis_id))}


def known_partners(conn: Connection) -> set[str]:
    """The partner ids of the directory."""
    return {r[0] for r in conn.execute(select(m.partners.c.partner_id))}


def validate_action(conn: Connection, row: dict) -> None:
    """PlanValidationError (French, one Problem per broken rule) unless the action `row` keeps the rules."""
    problems = action_problems(row, known_axes(conn), known_partners(conn))
    if problems:
        raise PlanValidationError(INVALID_MESSAGE, problems)


def apply_edits(conn: Connection, action_id: str, version: int, edits: list[Edit], user: str,
                comment: str, kind: str) -> SaveResult:
    """Write `edits` (list of Edit) of the action `action_id` read at `version`, with their history rows
    (`kind`: « update », « restore »...), on `conn` inside a write transaction. Returns a SaveResult (its
    change_id None when nothing differs). Raises StaleSignal if the action is not at `version`,
    PlanValidationError (French, one Problem per bad value or broken rule), PlanError for an unknown action,
    a field that cannot be edited or a part of another action."""
    current = conn.execute(select(m.actions).where(m.actions.c.action_id == action_id)).first()
    if current is None:
        raise PlanError(f"L'action « {action_id} » n'existe pas (ou plus) dans le plan.")
    if current.version != version:
        raise StaleSignal(current.version)
    problems: list[Problem] = []
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for edit in edits:
        if edit.entity not in ENTITIES or edit.field not in ENTITIES[edit.entity][2]:
            raise PlanError(f"Champ « {edit.field} » de « {edit.entity} » non modifiable.")
        where = edit_where(edit.entity, edit.entity_id, edit.field)
        try:
            grouped.setdefault((edit.entity, edit.entity_id), {})[edit.field] = \
                coerce_value(edit.field, edit.value, where)
        except PlanValidationError as exc:
            problems.append(Problem(exc.message, table=edit.entity, column=edit.field))
    if problems:
        raise PlanValidationError(INVALID_MESSAGE, problems)

    writes: list[tuple[str, Any, dict | None, dict]] = []  # (entity, key, before row or None, after row)
    for (entity, entity_id), values in grouped.items():
        table, key_columns, editable = ENTITIES[entity]
        key = entity_key(entity, entity_id)
        before_row = conn.execute(select(table).where(
            and_(*[table.c[k] == key[k] for k in key_columns]))).first()
        before = dict(before_row._mapping) if before_row is not None else None
        after = dict(before) if before else {**key, **{name: (False if name in m.BOOL_FIELDS else None)
                                                       for name in editable}}
        after.update(values)
        if entity in ("indicator", "milestone"):
            if before and before["action_id"] != action_id:
                raise PlanError(f"{label('entity', entity)} « {entity_id} » n'appartient pas à l'action "
                                f"« {action_id} ».")
            after["action_id"] = action_id
        writes.append((entity, key, before, after))

    indicator_owners = _indicator_owners(conn, writes)
    for entity, key, _before, after in writes:
        if entity == "action":
            problems.extend(action_problems(after, known_axes(conn), known_partners(conn)))
        else:
            owner = indicator_owners.get(key["indicator_id"]) if entity == "indicator_value" else None
            problems.extend(part_problems(entity, key, after, action_id, owner))
    if problems:
        raise PlanValidationError(INVALID_MESSAGE, problems)

    change_id = uuid.uuid4().hex
    new_version = version + 1
    history_rows, changed = [], []
    action_values: dict[str, Any] = {}
    for entity, key, before, after in writes:
        table, key_columns, editable = ENTITIES[entity]
        entity_id = entity_id_of(entity, key)
        deleting = entity == "indicator_value" and after.get("value") is None
        if deleting:
            if before is None:
                continue
            conn.execute(delete(table).where(and_(*[table.c[k] == key[k] for k in key_columns])))
            for name in editable:
                if before.get(name) is not None:
                    history_rows.append(history_row(change_id, user, "delete" if kind == "update" else kind,
                                                     entity, entity_id, action_id, name,
                                                     to_json(before[name]), None, comment, new_version))
                    changed.append((entity, entity_id, name))
            continue
        diff = [name for name in editable if not same((before or {}).get(name), after.get(name))]
        if not diff:
            continue
        row_kind = kind if before is not None or kind != "update" else "create"
        for name in diff:
            history_rows.append(history_row(change_id, user, row_kind, entity, entity_id, action_id, name,
                                             to_json((before or {}).get(name)), to_json(after.get(name)),
                                             comment, new_version))
            changed.append((entity, entity_id, name))
        if entity == "action":
            action_values = {name: after[name] for name in diff}
        elif before is None:
            conn.execute(insert(table).values(**{c.name: after.get(c.name) for c in table.columns
                                                 if c.name in after}))
        else:
            conn.execute(update(table).where(and_(*[table.c[k] == key[k] for k in key_columns]))
                         .values(**{name: after[name] for name in diff}))
    if not history_rows:
        return SaveResult(version, None)
    bumped = conn.execute(update(m.actions)
                          .where(m.actions.c.action_id == action_id, m.actions.c.version == version)
                          .values(**action_values, version=new_version))
    if bumped.rowcount != 1:
        raise StaleSignal(None)
    conn.execute(insert(m.history), history_rows)
    return SaveResult(new_version, change_id, changed)


def _indicator_owners(conn: Connection, writes) -> dict[str, str]:
    owners = {after["indicator_id"]: after["action_id"] for entity, _k, _b, after in writes
              if entity == "indicator"}
    wanted = {key["indicator_id"] for entity, key, _b, _a in writes
              if entity == "indicator_value" and key["indicator_id"] not in owners}
    if wanted:
        for indicator_id, owner in conn.execute(select(m.indicators.c.indicator_id, m.indicators.c.action_id)
                                                .where(m.indicators.c.indicator_id.in_(wanted))):
            owners[indicator_id] = owner
    return owners
