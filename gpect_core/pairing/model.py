"""The pairing's tables in the shared store (SQLAlchemy Core, on the action plan's `metadata`).

`pairing_fragile` and `pairing_hiring` hold the platform's two lists (one row per firm × commune × occupation,
keyed by `reader.entry_id`); `pairing_pairs` the pairs proposed, with their status; `pairing_history` is
append-only: the store inserts rows and never updates or deletes them. Migration: 0003_pairing.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Identity, Integer, String, Table, Text

from ..plan.model import metadata

STATUSES = ("propose", "accepte", "refuse")

fragile = Table(
    "pairing_fragile", metadata,
    Column("entry_id", String(32), primary_key=True),
    Column("firm", Text, nullable=False),
    Column("commune_id", String(16), nullable=False),
    Column("occupation_code", String(16), nullable=False),
    Column("headcount", Integer, nullable=False),
    Column("time_frame", Text),
)

hiring = Table(
    "pairing_hiring", metadata,
    Column("entry_id", String(32), primary_key=True),
    Column("firm", Text, nullable=False),
    Column("commune_id", String(16), nullable=False),
    Column("occupation_code", String(16), nullable=False),
    Column("headcount", Integer, nullable=False),
    Column("horizon", Text),
)

pairs = Table(
    "pairing_pairs", metadata,
    Column("pair_id", String(80), primary_key=True),
    Column("fragile_id", String(32), nullable=False),
    Column("hiring_id", String(32), nullable=False),
    Column("from_code", String(16), nullable=False),
    Column("to_code", String(16), nullable=False),
    Column("headcount", Integer, nullable=False),
    Column("distance_km", Float),
    Column("cost", Integer),
    Column("status", String(16), nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
)

history = Table(
    "pairing_history", metadata,
    Column("history_id", Integer, Identity(), primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("entity", String(16), nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("field", String(32), nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("comment", Text),
)

LISTS = {"fragile": fragile, "hiring": hiring}
LIST_COLUMNS = {"fragile": ("entry_id", "firm", "commune_id", "occupation_code", "headcount", "time_frame"),
                "hiring": ("entry_id", "firm", "commune_id", "occupation_code", "headcount", "horizon")}
PAIR_COLUMNS = ("pair_id", "fragile_id", "hiring_id", "from_code", "to_code", "headcount", "distance_km", "cost",
                "status", "version")
HISTORY_COLUMNS = ("history_id", "at", "user_name", "kind", "entity", "entity_id", "field", "before", "after",
                   "comment")
