"""The action plan's persistent store: versioned actions, append-only history, restore.

Open it with `PlanStore.open(url)` (SQLite file by default, PostgreSQL when the URL says so); the schema is
brought up to date with Alembic at opening. Every save names the action version it was read at: a save on a
stale version is refused with `StaleVersionError`, whose French message says what the other person changed.
A save is one transaction: the rows, the version bump and the history rows are written together or not at all.

The engine and its URL are in `engine.py`, value parsing in `values.py`, the rules and messages of a refused
save in `validation.py`, the body of one versioned save in `saving.py`, display labels in `labels.py`.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, func, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from . import model as m
from .engine import MIGRATION_LOCK_KEY, WRITE_OPTION, default_url, make_engine, public_url
from .errors import PlanError, PlanValidationError, StaleVersionError
from .saving import (
    ENTITIES,
    BulkResult,
    Edit,
    SaveResult,
    StaleSignal,
    apply_edits,
    entity_id_of,
    history_row,
    validate_action,
)
from .seed import pack_rows
from .validation import check_admin_values, partner_type_code, stale_message, stale_problems
from .values import coerce_value, from_json, parse_date, same, to_json

__all__ = ["SEED_USER", "BulkResult", "Edit", "PlanError", "PlanStore", "PlanValidationError", "SaveResult",
           "StaleVersionError", "default_url", "open_store"]

SEED_USER = "import du territoire"


class _DryRun(Exception):
    """Ends a dry-run batch: its transaction is rolled back."""

class PlanStore:
    """The committee's action plan in a database. Build it with `PlanStore.open(url, territory)`."""

    def __init__(self, engine: Engine):
        self.engine = engine
        # Test hook: called inside a save's transaction just before COMMIT (used by the kill test).
        self._before_commit: Callable[[], None] | None = None
        self._batch = threading.local()  # the connection of a `batch()` open on this thread

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, url: str | None = None, territory=None, migrate: bool = True) -> PlanStore:
        """Open the store at `url` (default: $GPECT_DB_URL or var/plan.sqlite), migrate it, and load the
        plan of `territory` (its pack tables) when the store is empty."""
        url = url or default_url()
        try:
            store = cls(make_engine(url))
            if migrate:
                store.migrate()
            if territory is not None:
                store.seed_from_territory(territory)
        except SQLAlchemyError as exc:
            raise PlanError(f"La base du plan d'action ({public_url(url)}) ne peut pas être ouverte : "
                            f"{type(exc.orig or exc).__name__}: {str(exc.orig or exc).splitlines()[0]}") from None
        except PlanError as exc:
            raise PlanError(f"La base du plan d'action ({public_url(url)}) ne peut pas être ouverte. {exc.message}",
                            exc.problems) from None
        return store

    @property
    def url(self) -> str:
        """The database URL without its password (str)."""
        return public_url(self.engine.url.render_as_string(hide_password=True))

    @property
    def dialect(self) -> str:
        """« sqlite » or « postgresql »."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Close the engine's connections."""
        self.engine.dispose()

    @contextmanager
    def batch(self, rollback: bool = False):
        """One transaction for every read and write made through this store on this thread until the block
        ends: committed when it ends normally, rolled back (nothing written) when it raises or when `rollback`
        (a dry run). Used by the workbook import, all or nothing. A batch inside a batch joins it."""
        if getattr(self._batch, "conn", None) is not None:
            yield
            return
        try:
            with self._transaction() as conn:
                self._batch.conn = conn
                try:
                    yield
                    if rollback:
                        raise _DryRun
                finally:
                    self._batch.conn = None
        except _DryRun:
            pass

    @contextmanager
    def _connect(self):
        """A read connection; a database gone away becomes a French PlanError."""
        if getattr(self._batch, "conn", None) is not None:
            yield self._batch.conn
            return
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            raise PlanError(f"La base du plan d'action ({self.url}) ne répond pas : "
                            f"{str(exc.orig or exc).splitlines()[0]}") from None

    @contextmanager
    def _transaction(self):
        """A write transaction (BEGIN IMMEDIATE on SQLite); a database busy or gone becomes a French PlanError.
        Inside `batch()`, the batch's transaction."""
        if getattr(self._batch, "conn", None) is not None:
            yield self._batch.conn
            return
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    if self.dialect == "postgresql":
                        conn.execute(text("SET LOCAL lock_timeout = '60s'"))
                    yield conn
        except OperationalError as exc:
            raise PlanError("La base du plan d'action est occupée ou injoignable ; rien n'a été enregistré. "
                            f"Réessayez. ({str(exc.orig or exc).splitlines()[0]})") from None

    def _lock_schema(self, conn: Connection) -> None:
        if self.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})

    def migrate(self) -> None:
        """Bring the schema to the latest Alembic revision (serialised between processes)."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        with self._transaction() as conn:
            self._lock_schema(conn)
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def schema_revision(self) -> str | None:
        """The Alembic revision of the schema (str), None before the first migration."""
        with self._connect() as conn:
            return conn.execute(text("SELECT version_num FROM plan_alembic_version")).scalar()

    def is_empty(self) -> bool:
        """True when the store holds neither action nor axis."""
        with self._connect() as conn:
            return conn.execute(select(func.count()).select_from(m.actions)).scalar() == 0 and \
                conn.execute(select(func.count()).select_from(m.axes)).scalar() == 0

    # ----------------------------------------------------------------- seeding
    def seed_from_territory(self, territory, user: str = SEED_USER) -> bool:
        """Load the pack's plan tables into an empty store; return False (and do nothing) if it holds a plan."""
        tables = territory.tables if hasattr(territory, "tables") else territory
        with self._transaction() as conn:
            self._lock_schema(conn)
            if conn.execute(select(func.count()).select_from(m.actions)).scalar() or \
                    conn.execute(select(func.count()).select_from(m.axes)).scalar():
                return False
            rows = pack_rows(tables)
            for table, records in rows.items():
                if records:
                    conn.execute(insert(table), records)
            n_actions = len(rows[m.actions])
            if n_actions or rows[m.axes]:
                name = getattr(territory, "name", "territoire")
                conn.execute(insert(m.history), [history_row(
                    uuid.uuid4().hex, user, "seed", "plan", str(name), None, "*", None,
                    to_json(f"{n_actions} actions, {len(rows[m.indicators])} indicateurs"),
                    f"Plan chargé depuis le pack « {name} »", None)])
        return True

    # ----------------------------------------------------------------- reading
    def _frame(self, table, columns: Iterable[str], order_by=None) -> pd.DataFrame:
        columns = list(columns)
        query = select(*[table.c[c] for c in columns])
        if order_by is not None:
            query = query.order_by(*order_by)
        with self._connect() as conn:
            rows = conn.execute(query).all()
        frame = pd.DataFrame([tuple(r) for r in rows], columns=columns)
        for column in columns:
            if column in m.DATE_FIELDS:
                frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
            elif column in m.FLOAT_FIELDS:
                frame[column] = pd.array(frame[column], dtype="Float64")
            elif column in m.INT_FIELDS or column == "version":
                frame[column] = pd.array(frame[column], dtype="Int64")
            elif column in m.BOOL_FIELDS:
                frame[column] = frame[column].astype(bool)
        return frame

    def actions_frame(self, with_version: bool = False) -> pd.DataFrame:
        """The actions with the columns of the pack table `plan_actions` (plus `version` if asked)."""
        columns = [*m.ACTION_COLUMNS, "version"] if with_version else list(m.ACTION_COLUMNS)
        frame = self._frame(m.actions, columns, order_by=[m.actions.c.action_id])
        for column in (*sorted(m.LIST_FIELDS), "description", "funders"):
            frame[column] = frame[column].fillna("")  # the pack writes an empty text as ""
        return frame

    def axes_frame(self) -> pd.DataFrame:
        """The axes: columns axis_id, label (by id)."""
        return self._frame(m.axes, m.AXIS_COLUMNS, order_by=[m.axes.c.axis_id])

    def partners_frame(self) -> pd.DataFrame:
        """The partners directory: columns partner_id, name, type (by name)."""
        return self._frame(m.partners, m.PARTNER_COLUMNS, order_by=[m.partners.c.name])

    def indicators_frame(self) -> pd.DataFrame:
        """The indicators: columns indicator_id, action_id, label, unit, baseline, target."""
        return self._frame(m.indicators, m.INDICATOR_COLUMNS, order_by=[m.indicators.c.indicator_id])

    def indicator_values_frame(self) -> pd.DataFrame:
        """The indicator values: columns indicator_id, date (datetime64), value, source."""
        return self._frame(m.indicator_values, m.VALUE_COLUMNS,
                           order_by=[m.indicator_values.c.indicator_id, m.indicator_values.c.date])

    def milestones_frame(self) -> pd.DataFrame:
        """The milestones: columns milestone_id, action_id, label, due_date (datetime64), done (bool)."""
        return self._frame(m.milestones, m.MILESTONE_COLUMNS,
                           order_by=[m.milestones.c.action_id, m.milestones.c.due_date, m.milestones.c.milestone_id])

    def list_actions(self) -> list[dict]:
        """Every action as a dict of plain Python values, with its `version`."""
        with self._connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(m.actions).order_by(m.actions.c.action_id))]

    def get_action(self, action_id: str) -> dict:
        """One action as a dict (with `version`); PlanError if it does not exist."""
        with self._connect() as conn:
            row = conn.execute(select(m.actions).where(m.actions.c.action_id == action_id)).first()
        if row is None:
            raise PlanError(f"L'action « {action_id} » n'existe pas dans le plan.")
        return dict(row._mapping)

    def snapshot(self) -> dict[str, dict[str, dict]]:
        """The whole plan as plain Python values: {entity: {entity_id: row}}, entities « partner », « axis »,
        « action » (without version), « indicator », « indicator_value » (id « indicator|AAAA-MM-JJ »),
        « milestone ». Export, import and diff work on this form."""
        plan: dict[str, dict[str, dict]] = {}
        sources = {"partner": (m.partners, ("partner_id",)), "axis": (m.axes, ("axis_id",)),
                   **{name: (table, keys) for name, (table, keys, _e) in ENTITIES.items()}}
        with self._connect() as conn:
            for entity, (table, keys) in sources.items():
                rows = {}
                for row in conn.execute(select(table).order_by(*[table.c[k] for k in keys])):
                    values = dict(row._mapping)
                    values.pop("version", None)
                    rows[entity_id_of(entity, values) if entity in ENTITIES else values[keys[0]]] = values
                plan[entity] = rows
        return plan

    def history_frame(self, action_id: str | None = None, since_version: int | None = None,
                      limit: int | None = None) -> pd.DataFrame:
        """History rows, newest first: of one action (its indicators, values, milestones included) or of
        the whole plan."""
        query = select(*[m.history.c[c] for c in m.HISTORY_COLUMNS])
        if action_id is not None:
            query = query.where(m.history.c.action_id == action_id)
        if since_version is not None:
            query = query.where(m.history.c.version > since_version)
        query = query.order_by(m.history.c.history_id.desc())
        if limit:
            query = query.limit(limit)
        with self._connect() as conn:
            rows = conn.execute(query).all()
        frame = pd.DataFrame([tuple(r) for r in rows], columns=list(m.HISTORY_COLUMNS))
        frame["at"] = pd.to_datetime(frame["at"], utc=True)
        return frame

    def history_count(self) -> int:
        """The number of history rows."""
        with self._connect() as conn:
            return conn.execute(select(func.count()).select_from(m.history)).scalar()

    # ----------------------------------------------------------------- writing: actions
    def update_action(self, action_id: str, version: int, changes: dict[str, Any], user: str,
                      comment: str = "") -> SaveResult:
        """Change fields of an action read at `version`. Raises StaleVersionError if someone saved it since,
        PlanValidationError for values that break a rule. Returns the new version (unchanged when nothing
        differs)."""
        edits = [Edit("action", action_id, name, value) for name, value in changes.items()]
        return self.save(action_id, version, edits, user, comment)

    def update_many(self, rows: list[tuple[str, int, dict[str, Any]]], user: str, comment: str = "") -> BulkResult:
        """Save several actions, each on the version it was read at (the quick editor's table). Each action is
        its own save: one refused as stale or invalid does not stop the others, and is reported."""
        result = BulkResult()
        for action_id, version, changes in rows:
            try:
                saved = self.update_action(action_id, version, changes, user, comment)
            except StaleVersionError as exc:
                result.stale.append(exc)
            except PlanError as exc:
                result.invalid.append(exc)
            else:
                if saved.changed:
                    result.saved.append(action_id)
        return result

    def set_indicator_value(self, indicator_id: str, when: Any, value: Any, user: str, version: int,
                            source: Any = None, comment: str = "") -> SaveResult:
        """Record (or correct) the value of an indicator at a date, on the action version read."""
        action_id = self._action_of_indicator(indicator_id)
        day = parse_date(when, "date de la valeur")
        if day is None:
            raise PlanValidationError("La date de la valeur est obligatoire.")
        key = f"{indicator_id}|{day.isoformat()}"
        edits = [Edit("indicator_value", key, "value", value)]
        if value is not None:
            edits.append(Edit("indicator_value", key, "source", source))
        return self.save(action_id, version, edits, user, comment)

    def _action_of_indicator(self, indicator_id: str) -> str:
        with self._connect() as conn:
            action_id = conn.execute(select(m.indicators.c.action_id)
                                     .where(m.indicators.c.indicator_id == indicator_id)).scalar()
        if action_id is None:
            raise PlanError(f"L'indicateur « {indicator_id} » n'existe pas dans le plan.")
        return action_id

    def create_action(self, values: dict[str, Any], user: str, comment: str = "") -> str:
        """Add an action (version 1); its id is given in `values['action_id']` or made up (A-001...)."""
        with self._transaction() as conn:
            action_id = values.get("action_id") or self._next_id(conn, m.actions.c.action_id, "A-")
            if conn.execute(select(m.actions.c.action_id).where(m.actions.c.action_id == action_id)).first():
                raise PlanValidationError(f"Une action porte déjà l'identifiant « {action_id} ».")
            row = {name: None for name in m.ACTION_EDITABLE}
            row["status"] = "a_lancer"
            for name, value in values.items():
                if name in m.ACTION_EDITABLE:
                    row[name] = coerce_value(name, value)
            row["action_id"] = action_id
            validate_action(conn, row)
            conn.execute(insert(m.actions).values(**row, version=1))
            change_id = uuid.uuid4().hex
            conn.execute(insert(m.history), [
                history_row(change_id, user, "create", "action", action_id, action_id, name, None,
                             to_json(row[name]), comment, 1)
                for name in m.ACTION_EDITABLE if row[name] is not None])
        return action_id

    def save(self, action_id: str, version: int, edits: list[Edit], user: str, comment: str = "",
             kind: str = "update") -> SaveResult:
        """Apply edits of one action's file (action, indicators, values, milestones) in one transaction,
        if the action is still at `version`."""
        if not user:
            raise PlanError("Un enregistrement doit nommer son auteur.")
        try:
            with self._transaction() as conn:
                result = apply_edits(conn, action_id, int(version), edits, user, comment, kind)
                if result.change_id and self._before_commit is not None:
                    self._before_commit()
        except StaleSignal as stale:
            raise self._stale_error(action_id, int(version), stale.current_version) from None
        return result

    def _stale_error(self, action_id: str, read_version: int, current_version: int | None) -> StaleVersionError:
        changes = self.history_frame(action_id, since_version=read_version)
        if current_version is None:
            current_version = int(self.get_action(action_id)["version"])
        try:
            title = self.get_action(action_id)["title"]
        except PlanError:
            title = action_id
        return StaleVersionError(stale_message(title, changes, read_version, current_version),
                                 stale_problems(changes), action_id, read_version, current_version, changes)

    # ----------------------------------------------------------------- restoring
    def restore(self, history_id: int, user: str, comment: str = "") -> SaveResult:
        """Put back the value a field had before the change `history_id`; the restore is a history row."""
        with self._connect() as conn:
            row = conn.execute(select(m.history).where(m.history.c.history_id == int(history_id))).first()
        if row is None:
            raise PlanError(f"La modification n° {history_id} n'existe pas dans l'historique.")
        note = comment or f"Restauration de la valeur d'avant la modification n° {history_id}"
        value = from_json(row.field, row.before)
        if row.entity in ("partner", "axis"):
            key = {"partner": "partner_id", "axis": "axis_id"}[row.entity]
            return self._admin_update(row.entity, {key: row.entity_id, row.field: value}, user, note, "restore")
        if row.entity not in ENTITIES or row.action_id is None:
            raise PlanError(f"La modification n° {history_id} ne peut pas être restaurée.")
        version = int(self.get_action(row.action_id)["version"])
        return self.save(row.action_id, version, [Edit(row.entity, row.entity_id, row.field, value)], user, note,
                         kind="restore")

    # ----------------------------------------------------------------- administration
    def upsert_partner(self, partner_id: str, name: str, type_: str, user: str, comment: str = "") -> SaveResult:
        """Add or change a partner of the directory (`type_`: a code or its label); PlanValidationError (French)
        for an id with spaces, an empty name or an unknown type. The change is in the history."""
        type_ = partner_type_code(type_)
        return self._admin_update("partner", {"partner_id": partner_id, "name": name, "type": type_}, user, comment)

    def upsert_axis(self, axis_id: str, label: str, user: str, comment: str = "") -> SaveResult:
        """Add or rename an axis; PlanValidationError (French) for an id with spaces or an empty label."""
        return self._admin_update("axis", {"axis_id": axis_id, "label": label}, user, comment)

    def _admin_update(self, entity: str, values: dict, user: str, comment: str, kind: str = "update") -> SaveResult:
        table, key_name, fields = {
            "partner": (m.partners, "partner_id", ("name", "type")),
            "axis": (m.axes, "axis_id", ("label",)),
        }[entity]
        key = str(values[key_name]).strip() if values.get(key_name) else ""
        check_admin_values(entity, key, None, fields)
        with self._transaction() as conn:
            before_row = conn.execute(select(table).where(table.c[key_name] == key)).first()
            before = dict(before_row._mapping) if before_row is not None else {}
            after = {**{f: before.get(f) for f in fields}, **{f: coerce_value(f, values[f]) for f in fields
                                                            if f in values}}
            check_admin_values(entity, key, after, fields)
            diff = [f for f in fields if not same(before.get(f), after[f])]
            if not diff:
                return SaveResult(0, None)
            if before_row is None:
                conn.execute(insert(table).values(**{key_name: key}, **after))
            else:
                conn.execute(update(table).where(table.c[key_name] == key).values(**{f: after[f] for f in diff}))
            change_id = uuid.uuid4().hex
            row_kind = "create" if before_row is None else kind
            conn.execute(insert(m.history), [
                history_row(change_id, user, row_kind, entity, key, None, f, to_json(before.get(f)),
                             to_json(after[f]), comment, None) for f in diff])
        return SaveResult(0, change_id, [(entity, key, f) for f in diff])

    @staticmethod
    def _next_id(conn: Connection, column, prefix: str) -> str:
        taken = {r[0] for r in conn.execute(select(column))}
        number = len(taken) + 1
        while f"{prefix}{number:03d}" in taken:
            number += 1
        return f"{prefix}{number:03d}"


def open_store(url: str | None = None, territory=None) -> PlanStore:
    """Shortcut for `PlanStore.open` (the public entry point of the API)."""
    return PlanStore.open(url, territory)

