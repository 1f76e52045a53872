"""The plan database's engine: its URL (settings), SQLite pragmas and locking, a URL safe to show."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from .. import settings

WRITE_OPTION = "gpect_write"  # execution option marking a write transaction
MIGRATION_LOCK_KEY = 7_405_311  # PostgreSQL advisory lock serialising migrations and seeding


def default_url() -> str:
    """The plan database URL of this deployment (str; $GPECT_DB_URL, else the SQLite file var/plan.sqlite)."""
    return settings.db_url()


def make_engine(url: str) -> Engine:
    """A SQLAlchemy engine for `url` (str). SQLite: WAL, synchronous FULL, foreign keys, 60 s busy timeout, and
    BEGIN IMMEDIATE for write transactions (those run with the execution option WRITE_OPTION); the parent
    folder of the file is created. « postgresql:// » is read as psycopg 3. Raises SQLAlchemy's errors."""
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
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_pre_ping=True)


def public_url(url: str) -> str:
    """`url` (str) with its password replaced by *** (str), safe to show or log."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)
