"""The action plan's persistent store: versioned actions, append-only history, restore.

Open it with `PlanStore.open(url)` (SQLite file by default, PostgreSQL when the URL says so); the schema is
brought up to date with Alembic at opening. Every save names the action version it was read at: a save on a
stale version is refused with `StaleVersionError`, whose French message says what the other person changed.
A save is one transaction: the rows, the version bump and the history rows are written together or not at all.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, and_, create_engine, delete, event, func, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from .. import settings
from ..errors import GpectError, Problem
from . import model as m

SEED_USER = "import du territoire"
_WRITE = "gpect_write"  # execution option marking a write transaction
_MIGRATION_LOCK_KEY = 7_405_311  # PostgreSQL advisory lock serialising migrations and seeding

FIELD_LABELS_FR = {
    "action_id": "identifiant", "axis_id": "axe", "title": "titre", "description": "description",
    "zone_ids": "bassins", "occupation_codes": "métiers visés", "lead_partner_id": "pilote",
    "partner_ids": "partenaires", "start_date": "date de début", "end_date": "date de fin", "status": "statut",
    "budget": "budget", "funders": "financeurs", "progress": "avancement", "label": "libellé", "unit": "unité",
    "baseline": "valeur de départ", "target": "cible", "value": "valeur", "source": "source",
    "due_date": "échéance", "done": "atteint", "name": "nom", "type": "type", "*": "plan",
}
STATUS_LABELS_FR = {
    "a_lancer": "à lancer", "en_cours": "en cours", "terminee": "terminée", "suspendue": "suspendue",
    "abandonnee": "abandonnée",
}
PARTNER_TYPE_LABELS_FR = {
    "etat": "État", "region": "Région", "france_travail": "France Travail", "maison_emploi": "Maison de l'emploi",
    "mission_locale": "Mission locale", "opco": "OPCO", "cci": "CCI", "cma": "CMA", "entreprise": "entreprise",
    "organisme_formation": "organisme de formation", "collectivite": "collectivité", "education": "Éducation nationale",
    "autre": "autre",
}
ENTITY_LABELS_FR = {
    "action": "action", "indicator": "indicateur", "indicator_value": "valeur d'indicateur",
    "milestone": "jalon", "partner": "partenaire", "axis": "axe", "plan": "plan",
}


class PlanError(GpectError):
    """A plan operation that cannot be done, explained in French."""


class PlanValidationError(PlanError):
    """Values a user typed break a rule of the plan (dates, progress, unknown partner...)."""


class StaleVersionError(PlanError):
    """The action changed since the user read it: nothing was saved; `changes` says what the other person did."""

    def __init__(self, message: str, problems: list[Problem], action_id: str, read_version: int,
                 current_version: int, changes: pd.DataFrame):
        super().__init__(message, problems)
        self.action_id = action_id
        self.read_version = read_version
        self.current_version = current_version
        self.changes = changes


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
    version: int
    change_id: str | None
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # (entity, entity_id, field)


@dataclass
class BulkResult:
    saved: list[str] = field(default_factory=list)
    stale: list[StaleVersionError] = field(default_factory=list)
    invalid: list[PlanError] = field(default_factory=list)


_ENTITIES = {
    "action": (m.actions, ("action_id",), m.ACTION_EDITABLE),
    "indicator": (m.indicators, ("indicator_id",), m.INDICATOR_EDITABLE),
    "indicator_value": (m.indicator_values, ("indicator_id", "date"), ("value", "source")),
    "milestone": (m.milestones, ("milestone_id",), ("label", "due_date", "done")),
}


# --------------------------------------------------------------------------------------------- values
def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, set, dict)) else False
    except (TypeError, ValueError):
        return False


def _parse_date(value: Any, where: str) -> date | None:
    if _missing(value) or (isinstance(value, str) and not value.strip()):
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


def _parse_number(value: Any, where: str) -> float | None:
    if _missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise PlanValidationError(f"{where} : « {value} » n'est pas un nombre.")
    if isinstance(value, (int, float)):
        return float(value)
    cleaned = str(value).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
    cleaned = cleaned.removesuffix("€").removesuffix("%")
    try:
        return float(cleaned)
    except ValueError:
        raise PlanValidationError(f"{where} : « {value} » n'est pas un nombre.") from None


def _parse_list(value: Any) -> str | None:
    if _missing(value):
        return None
    items = value if isinstance(value, (list, tuple, set)) else re.split(r"[;,\s]+", str(value))
    cleaned = [str(item).strip() for item in items if str(item).strip()]
    return m.LIST_SEPARATOR.join(cleaned) if cleaned else None


def split_list(value: Any) -> list[str]:
    """The codes of a list column (« 9905 9908 », also read with « ; » or « , ») (empty list for a missing value)."""
    parsed = _parse_list(value)
    return parsed.split(m.LIST_SEPARATOR) if parsed else []


def _parse_status(value: Any, where: str) -> str | None:
    if _missing(value) or not str(value).strip():
        return None
    text_value = str(value).strip()
    if text_value in m.STATUSES:
        return text_value
    by_label = {label.casefold(): code for code, label in STATUS_LABELS_FR.items()}
    code = by_label.get(text_value.casefold())
    if code:
        return code
    allowed = ", ".join(STATUS_LABELS_FR.values())
    raise PlanValidationError(f"{where} : statut « {text_value} » inconnu (statuts possibles : {allowed}).")


def coerce_value(field_name: str, value: Any, where: str = "") -> Any:
    """The value of `field_name` as the store keeps it (date, float, int, « ; » list, text or None)."""
    where = where or FIELD_LABELS_FR.get(field_name, field_name)
    if field_name in m.DATE_FIELDS:
        return _parse_date(value, where)
    if field_name in m.FLOAT_FIELDS:
        return _parse_number(value, where)
    if field_name in m.INT_FIELDS:
        number = _parse_number(value, where)
        if number is None:
            return None
        if number != int(number):
            raise PlanValidationError(f"{where} : « {value} » doit être un nombre entier.")
        return int(number)
    if field_name in m.BOOL_FIELDS:
        if _missing(value):
            return False
        if isinstance(value, str):
            return value.strip().casefold() in {"1", "oui", "vrai", "true", "yes", "x"}
        return bool(value)
    if field_name in m.LIST_FIELDS:
        return _parse_list(value)
    if field_name == "status":
        return _parse_status(value, where)
    if _missing(value):
        return None
    text_value = str(value)
    return text_value if text_value.strip() else None


def to_json(value: Any) -> str | None:
    """How a value is written in the history (JSON; dates as AAAA-MM-JJ)."""
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return json.dumps(value.isoformat()[:10])
    return json.dumps(value, ensure_ascii=False)


def from_json(field_name: str, raw: str | None) -> Any:
    if _missing(raw):
        return None
    return coerce_value(field_name, json.loads(raw))


def display_value(field_name: str, raw_or_value: Any, from_history: bool = True) -> str:
    """A value as a committee member reads it (French dates and statuses, « ; » lists)."""
    value = from_json(field_name, raw_or_value) if from_history else raw_or_value
    if _missing(value):
        return "(vide)"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if field_name == "status":
        return STATUS_LABELS_FR.get(value, str(value))
    if field_name == "progress":
        return f"{value} %"
    if field_name == "done":
        return "oui" if value else "non"
    if isinstance(value, float):
        return f"{value:,.2f}".replace(",", "\u202f").replace(".", ",").removesuffix(",00")
    return str(value)


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a == b


# --------------------------------------------------------------------------------------------- engine
def default_url() -> str:
    return settings.db_url()


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        database = url.split("///", 1)[1] if "///" in url else ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection, _record):
            # Let SQLAlchemy issue BEGIN itself, so a write transaction takes the write lock at once
            # (BEGIN IMMEDIATE) instead of failing to upgrade a read lock under contention.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # Writes take the lock at BEGIN; reads stay deferred and, in WAL mode, never wait for a writer.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_pre_ping=True)


def _public_url(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


# --------------------------------------------------------------------------------------------- store
class PlanStore:
    """The committee's action plan in a database. Build it with `PlanStore.open(url, territory)`."""

    def __init__(self, engine: Engine):
        self.engine = engine
        # Test hook: called inside a save's transaction just before COMMIT (used by the kill test).
        self._before_commit: Callable[[], None] | None = None

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, url: str | None = None, territory=None, migrate: bool = True) -> PlanStore:
        """Open the store at `url` (default: $GPECT_DB_URL or var/plan.sqlite), migrate it, and load the
        plan of `territory` (its pack tables) when the store is empty."""
        url = url or default_url()
        try:
            store = cls(_make_engine(url))
            if migrate:
                store.migrate()
            if territory is not None:
                store.seed_from_territory(territory)
        except SQLAlchemyError as exc:
            raise PlanError(f"La base du plan d'action ({_public_url(url)}) ne peut pas être ouverte : "
                            f"{type(exc.orig or exc).__name__}: {str(exc.orig or exc).splitlines()[0]}") from None
        except PlanError as exc:
            raise PlanError(f"La base du plan d'action ({_public_url(url)}) ne peut pas être ouverte. {exc.message}",
                            exc.problems) from None
        return store

    @property
    def url(self) -> str:
        return _public_url(self.engine.url.render_as_string(hide_password=True))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _connect(self):
        """A read connection; a database gone away becomes a French PlanError."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            raise PlanError(f"La base du plan d'action ({self.url}) ne répond pas : "
                            f"{str(exc.orig or exc).splitlines()[0]}") from None

    @contextmanager
    def _transaction(self):
        """A write transaction (BEGIN IMMEDIATE on SQLite); a database busy or gone becomes a French PlanError."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    if self.dialect == "postgresql":
                        conn.execute(text("SET LOCAL lock_timeout = '60s'"))
                    yield conn
        except OperationalError as exc:
            raise PlanError("La base du plan d'action est occupée ou injoignable ; rien n'a été enregistré. "
                            f"Réessayez. ({str(exc.orig or exc).splitlines()[0]})") from None

    def _lock_schema(self, conn: Connection) -> None:
        if self.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})

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
        with self._connect() as conn:
            return conn.execute(text("SELECT version_num FROM plan_alembic_version")).scalar()

    def is_empty(self) -> bool:
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
            rows = _pack_rows(tables)
            for table, records in rows.items():
                if records:
                    conn.execute(insert(table), records)
            n_actions = len(rows[m.actions])
            if n_actions or rows[m.axes]:
                name = getattr(territory, "name", "territoire")
                conn.execute(insert(m.history), [_history_row(
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
        return self._frame(m.axes, m.AXIS_COLUMNS, order_by=[m.axes.c.axis_id])

    def partners_frame(self) -> pd.DataFrame:
        return self._frame(m.partners, m.PARTNER_COLUMNS, order_by=[m.partners.c.name])

    def indicators_frame(self) -> pd.DataFrame:
        return self._frame(m.indicators, m.INDICATOR_COLUMNS, order_by=[m.indicators.c.indicator_id])

    def indicator_values_frame(self) -> pd.DataFrame:
        return self._frame(m.indicator_values, m.VALUE_COLUMNS,
                           order_by=[m.indicator_values.c.indicator_id, m.indicator_values.c.date])

    def milestones_frame(self) -> pd.DataFrame:
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
                   **{name: (table, keys) for name, (table, keys, _e) in _ENTITIES.items()}}
        with self._connect() as conn:
            for entity, (table, keys) in sources.items():
                rows = {}
                for row in conn.execute(select(table).order_by(*[table.c[k] for k in keys])):
                    values = dict(row._mapping)
                    values.pop("version", None)
                    rows[_entity_id(entity, values) if entity in _ENTITIES else values[keys[0]]] = values
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
        day = _parse_date(when, "date de la valeur")
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
            self._validate_action(conn, row)
            conn.execute(insert(m.actions).values(**row, version=1))
            change_id = uuid.uuid4().hex
            conn.execute(insert(m.history), [
                _history_row(change_id, user, "create", "action", action_id, action_id, name, None,
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
                result = self._save(conn, action_id, int(version), edits, user, comment, kind)
                if result.change_id and self._before_commit is not None:
                    self._before_commit()
        except _Stale as stale:
            raise self._stale_error(action_id, int(version), stale.current_version) from None
        return result

    def _save(self, conn: Connection, action_id: str, version: int, edits: list[Edit], user: str,
              comment: str, kind: str) -> SaveResult:
        current = conn.execute(select(m.actions).where(m.actions.c.action_id == action_id)).first()
        if current is None:
            raise PlanError(f"L'action « {action_id} » n'existe pas (ou plus) dans le plan.")
        if current.version != version:
            raise _Stale(current.version)
        problems: list[Problem] = []
        grouped: dict[tuple[str, str], dict[str, Any]] = {}
        for edit in edits:
            if edit.entity not in _ENTITIES or edit.field not in _ENTITIES[edit.entity][2]:
                raise PlanError(f"Champ « {edit.field} » de « {edit.entity} » non modifiable.")
            where = f"{ENTITY_LABELS_FR[edit.entity]} {edit.entity_id.replace('|', ' du ')}, " \
                    f"{FIELD_LABELS_FR.get(edit.field, edit.field)}"
            try:
                grouped.setdefault((edit.entity, edit.entity_id), {})[edit.field] = \
                    coerce_value(edit.field, edit.value, where)
            except PlanValidationError as exc:
                problems.append(Problem(exc.message, table=edit.entity, column=edit.field))
        if problems:
            raise PlanValidationError("Les valeurs saisies ne sont pas valides ; rien n'a été enregistré.", problems)

        writes: list[tuple[str, Any, dict | None, dict]] = []  # (entity, key, before row or None, after row)
        for (entity, entity_id), values in grouped.items():
            table, key_columns, editable = _ENTITIES[entity]
            key = _entity_key(entity, entity_id)
            before_row = conn.execute(select(table).where(
                and_(*[table.c[k] == key[k] for k in key_columns]))).first()
            before = dict(before_row._mapping) if before_row is not None else None
            after = dict(before) if before else {**key, **{name: (False if name in m.BOOL_FIELDS else None)
                                                           for name in editable}}
            after.update(values)
            if entity in ("indicator", "milestone"):
                if before and before["action_id"] != action_id:
                    raise PlanError(f"{ENTITY_LABELS_FR[entity]} « {entity_id} » n'appartient pas à l'action "
                                    f"« {action_id} ».")
                after["action_id"] = action_id
            writes.append((entity, key, before, after))

        indicator_owners = self._indicator_owners(conn, writes)
        for entity, key, _before, after in writes:
            if entity == "action":
                problems.extend(self._action_problems(conn, after))
            elif entity == "indicator" and not after.get("label"):
                problems.append(Problem(f"Indicateur « {key['indicator_id']} » : le libellé est obligatoire.",
                                        table="indicator", column="label"))
            elif entity == "milestone" and not after.get("label"):
                problems.append(Problem(f"Jalon « {key['milestone_id']} » : le libellé est obligatoire.",
                                        table="milestone", column="label"))
            elif entity == "indicator_value" and indicator_owners.get(key["indicator_id"]) != action_id:
                problems.append(Problem(f"L'indicateur « {key['indicator_id']} » n'est pas un indicateur de "
                                        f"l'action « {action_id} ».", table="indicator_value",
                                        column="indicator_id"))
        if problems:
            raise PlanValidationError("Les valeurs saisies ne sont pas valides ; rien n'a été enregistré.", problems)

        change_id = uuid.uuid4().hex
        new_version = version + 1
        history_rows, changed = [], []
        action_values: dict[str, Any] = {}
        for entity, key, before, after in writes:
            table, key_columns, editable = _ENTITIES[entity]
            entity_id = _entity_id(entity, key)
            deleting = entity == "indicator_value" and after.get("value") is None
            if deleting:
                if before is None:
                    continue
                conn.execute(delete(table).where(and_(*[table.c[k] == key[k] for k in key_columns])))
                for name in editable:
                    if before.get(name) is not None:
                        history_rows.append(_history_row(change_id, user, "delete" if kind == "update" else kind,
                                                         entity, entity_id, action_id, name,
                                                         to_json(before[name]), None, comment, new_version))
                        changed.append((entity, entity_id, name))
                continue
            diff = [name for name in editable if not _same((before or {}).get(name), after.get(name))]
            if not diff:
                continue
            row_kind = kind if before is not None or kind != "update" else "create"
            for name in diff:
                history_rows.append(_history_row(change_id, user, row_kind, entity, entity_id, action_id, name,
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
            raise _Stale(None)
        conn.execute(insert(m.history), history_rows)
        return SaveResult(new_version, change_id, changed)

    @staticmethod
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

    def _validate_action(self, conn: Connection, row: dict) -> None:
        problems = self._action_problems(conn, row)
        if problems:
            raise PlanValidationError("Les valeurs saisies ne sont pas valides ; rien n'a été enregistré.", problems)

    @staticmethod
    def _action_problems(conn: Connection, row: dict) -> list[Problem]:
        """The French problems of an action's values (the rules the page states next to its form)."""
        problems = []
        name = f"Action « {row.get('title') or row['action_id']} »"

        def add(message: str, column: str):
            problems.append(Problem(f"{name} : {message}", table="plan_actions", column=column))

        if not row.get("title"):
            add("le titre est obligatoire.", "title")
        if not row.get("status"):
            add("le statut est obligatoire.", "status")
        start, end = row.get("start_date"), row.get("end_date")
        if start and end and end < start:
            add(f"la date de fin ({end:%d/%m/%Y}) est antérieure à la date de début ({start:%d/%m/%Y}).",
                "end_date")
        progress = row.get("progress")
        if progress is not None and not 0 <= progress <= 100:
            add(f"l'avancement doit être compris entre 0 et 100 % (saisi : {progress}).", "progress")
        budget = row.get("budget")
        if budget is not None and budget < 0:
            add(f"le budget doit être positif ou nul (saisi : {budget}).", "budget")
        known_axes = {r[0] for r in conn.execute(select(m.axes.c.axis_id))}
        if not row.get("axis_id"):
            add("l'axe est obligatoire.", "axis_id")
        elif row["axis_id"] not in known_axes:
            add(f"axe « {row['axis_id']} » inconnu.", "axis_id")
        known_partners = {r[0] for r in conn.execute(select(m.partners.c.partner_id))}
        lead = row.get("lead_partner_id")
        if lead and lead not in known_partners:
            add(f"pilote « {lead} » inconnu de l'annuaire des partenaires.", "lead_partner_id")
        for partner in split_list(row.get("partner_ids")):
            if partner not in known_partners:
                add(f"partenaire « {partner} » inconnu de l'annuaire des partenaires.", "partner_ids")
        return problems

    def _stale_error(self, action_id: str, read_version: int, current_version: int | None) -> StaleVersionError:
        changes = self.history_frame(action_id, since_version=read_version)
        if current_version is None:
            current_version = int(self.get_action(action_id)["version"])
        try:
            title = self.get_action(action_id)["title"]
        except PlanError:
            title = action_id
        who = sorted(set(changes["user_name"])) if not changes.empty else ["une autre personne"]
        problems = []
        for row in changes.sort_values("history_id").itertuples():
            label = FIELD_LABELS_FR.get(row.field, row.field)
            if row.entity != "action":
                label = f"{ENTITY_LABELS_FR.get(row.entity, row.entity)} {row.entity_id.replace('|', ' du ')}, {label}"
            problems.append(Problem(
                f"{label} : « {display_value(row.field, row.before)} » → « {display_value(row.field, row.after)} »"
                f" (par {row.user_name}, le {row.at.tz_convert('Europe/Paris'):%d/%m/%Y à %H:%M})",
                table="plan_actions", column=row.field))
        message = (f"L'action « {title} » a été modifiée par {', '.join(who)} pendant votre saisie "
                   f"(version {read_version} → {current_version}). Vos modifications n'ont pas été "
                   "enregistrées : elles restent affichées pour que vous les reportiez sur la version à jour. "
                   "Voici ce qui a changé :")
        return StaleVersionError(message, problems, action_id, read_version, current_version, changes)

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
        if row.entity not in _ENTITIES or row.action_id is None:
            raise PlanError(f"La modification n° {history_id} ne peut pas être restaurée.")
        version = int(self.get_action(row.action_id)["version"])
        return self.save(row.action_id, version, [Edit(row.entity, row.entity_id, row.field, value)], user, note,
                         kind="restore")

    # ----------------------------------------------------------------- administration
    def upsert_partner(self, partner_id: str, name: str, type_: str, user: str, comment: str = "") -> SaveResult:
        if type_ not in m.PARTNER_KINDS:
            by_label = {v.casefold(): k for k, v in PARTNER_TYPE_LABELS_FR.items()}
            type_ = by_label.get(str(type_).casefold(), type_)
        return self._admin_update("partner", {"partner_id": partner_id, "name": name, "type": type_}, user, comment)

    def upsert_axis(self, axis_id: str, label: str, user: str, comment: str = "") -> SaveResult:
        return self._admin_update("axis", {"axis_id": axis_id, "label": label}, user, comment)

    def _admin_update(self, entity: str, values: dict, user: str, comment: str, kind: str = "update") -> SaveResult:
        table, key_name, fields = {
            "partner": (m.partners, "partner_id", ("name", "type")),
            "axis": (m.axes, "axis_id", ("label",)),
        }[entity]
        key = str(values[key_name]).strip() if values.get(key_name) else ""
        if not key or not re.fullmatch(r"\S+", key):
            raise PlanValidationError(f"{ENTITY_LABELS_FR[entity]} : l'identifiant est obligatoire et sans espace.")
        with self._transaction() as conn:
            before_row = conn.execute(select(table).where(table.c[key_name] == key)).first()
            before = dict(before_row._mapping) if before_row is not None else {}
            after = {**{f: before.get(f) for f in fields}, **{f: coerce_value(f, values[f]) for f in fields
                                                            if f in values}}
            if any(not after.get(f) for f in fields):
                raise PlanValidationError(f"{ENTITY_LABELS_FR[entity]} « {key} » : "
                                          f"{', '.join(FIELD_LABELS_FR[f] for f in fields)} obligatoire(s).")
            if entity == "partner" and after["type"] not in m.PARTNER_KINDS:
                raise PlanValidationError(f"Partenaire « {key} » : type « {after['type']} » inconnu (types : "
                                          f"{', '.join(PARTNER_TYPE_LABELS_FR.values())}).")
            diff = [f for f in fields if not _same(before.get(f), after[f])]
            if not diff:
                return SaveResult(0, None)
            if before_row is None:
                conn.execute(insert(table).values(**{key_name: key}, **after))
            else:
                conn.execute(update(table).where(table.c[key_name] == key).values(**{f: after[f] for f in diff}))
            change_id = uuid.uuid4().hex
            row_kind = "create" if before_row is None else kind
            conn.execute(insert(m.history), [
                _history_row(change_id, user, row_kind, entity, key, None, f, to_json(before.get(f)),
                             to_json(after[f]), comment, None) for f in diff])
        return SaveResult(0, change_id, [(entity, key, f) for f in diff])

    @staticmethod
    def _next_id(conn: Connection, column, prefix: str) -> str:
        taken = {r[0] for r in conn.execute(select(column))}
        number = len(taken) + 1
        while f"{prefix}{number:03d}" in taken:
            number += 1
        return f"{prefix}{number:03d}"


class _Stale(Exception):
    def __init__(self, current_version: int | None):
        super().__init__(current_version)
        self.current_version = current_version


def _entity_key(entity: str, entity_id: str) -> dict:
    if entity == "indicator_value":
        indicator_id, _, day = entity_id.partition("|")
        parsed = _parse_date(day, "date de la valeur")
        if not indicator_id or parsed is None:
            raise PlanValidationError(f"Valeur d'indicateur « {entity_id} » : attendu « indicateur|AAAA-MM-JJ ».")
        return {"indicator_id": indicator_id, "date": parsed}
    return {_ENTITIES[entity][1][0]: entity_id}


def _entity_id(entity: str, key: dict) -> str:
    if entity == "indicator_value":
        return f"{key['indicator_id']}|{key['date'].isoformat()}"
    return str(key[_ENTITIES[entity][1][0]])


def _history_row(change_id, user, kind, entity, entity_id, action_id, field_name, before, after, comment,
                 version) -> dict:
    return {
        "change_id": change_id, "at": datetime.now(UTC), "user_name": user, "kind": kind, "entity": entity,
        "entity_id": entity_id, "action_id": action_id, "field": field_name, "before": before, "after": after,
        "comment": comment or None, "version": version,
    }


def _records(frame: pd.DataFrame | None, columns: Iterable[str], defaults: dict | None = None) -> list[dict]:
    if frame is None or frame.empty:
        return []
    out = []
    for record in frame.to_dict("records"):
        row = {}
        for column in columns:
            value = record.get(column, (defaults or {}).get(column))
            row[column] = coerce_value(column, value) if column not in ("action_id", "indicator_id", "partner_id",
                                                                         "axis_id", "milestone_id") else value
        out.append(row)
    return out


def _pack_rows(tables: dict[str, pd.DataFrame]) -> dict:
    """The store rows of a pack's plan tables (partners, axes, actions, indicators, values, milestones)."""
    return {
        m.partners: _records(tables.get("partners"), m.PARTNER_COLUMNS),
        m.axes: _records(tables.get("plan_axes"), m.AXIS_COLUMNS),
        m.actions: [{**r, "version": 1} for r in _records(tables.get("plan_actions"), m.ACTION_COLUMNS)],
        m.indicators: _records(tables.get("plan_indicators"), m.INDICATOR_COLUMNS),
        m.indicator_values: _records(tables.get("plan_indicator_values"), m.VALUE_COLUMNS),
        m.milestones: _records(tables.get("plan_milestones"), m.MILESTONE_COLUMNS, {"done": False}),
    }


def open_store(url: str | None = None, territory=None) -> PlanStore:
    """Shortcut for `PlanStore.open` (the public entry point of the API)."""
    return PlanStore.open(url, territory)
