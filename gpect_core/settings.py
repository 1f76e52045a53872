"""Every `GPECT_*` environment variable the app, the command line and the tests read, in one place.

Each setting is declared once in `SETTINGS` with its default and meaning; modules call the accessors below
and never read `os.environ` for a `GPECT_*` name themselves. The README's « Settings » table lists the same
variables with the same defaults (`tests/test_settings.py` checks that they agree).

Relative paths (the default pack, the default SQLite file) are taken from the directory the app or the
command is started in (`make run` and `make test` start from the repository), not from where the package
is installed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    """One environment variable: `name`, its `default` as written in the README (« none » when unset), who
    reads it (`scope`: app, cli, tests) and what it means (English, for the README)."""

    name: str
    default: str
    scope: str
    meaning: str


SETTINGS: tuple[Setting, ...] = (
    Setting("GPECT_PACK", "data/demo", "app, cli", "the territory pack the app opens"),
    Setting("GPECT_DB_URL", "sqlite:///var/plan.sqlite", "app, cli", "the action-plan database"),
    Setting("GPECT_ACCOUNTS_FILE", "~/.config/gpect-atlas/accounts.toml", "app, cli",
            "local accounts (argon2 hashes), outside the repository"),
    Setting("GPECT_MAP_TILES", "none", "app", "`osm` adds OpenStreetMap tiles under the maps"),
    Setting("GPECT_MAX_UPLOAD_MB", "200", "app", "size limit of an uploaded file"),
    Setting("GPECT_PARSE_MEMORY_MB", "2048", "app",
            "memory an uploaded file's reading may take (it runs in a child process; beyond, it is refused)"),
    Setting("GPECT_PARSE_SECONDS", "300", "app", "time an uploaded file's reading may take before it is refused"),
    Setting("GPECT_PARSE_CONCURRENCY", "2", "app",
            "uploaded files read at once by one server (each may take GPECT_PARSE_MEMORY_MB); the others wait"),
    Setting("GPECT_NATIONAL_PACK", "none", "tests",
            "an already built national pack, so the real-data tests skip building it"),
    Setting("GPECT_TEST_PG_URL", "none", "tests",
            "a PostgreSQL server for the plan-store tests (else a throwaway cluster is started)"),
    Setting("GPECT_TEST_PG_BIN", "none", "tests", "the folder of PostgreSQL's `initdb` and `pg_ctl` for the tests"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def raw(name: str) -> str | None:
    """The value of a declared variable, or None when it is unset or empty. Raises KeyError for an undeclared
    name (a typo must not silently read nothing)."""
    if name not in _BY_NAME:
        raise KeyError(f"{name} is not a declared GPECT setting")
    value = os.environ.get(name, "").strip()
    return value or None


def _default(name: str) -> str | None:
    default = _BY_NAME[name].default
    return None if default == "none" else default


def value(name: str) -> str | None:
    """The variable's value, or its declared default (None when the default is « none »)."""
    return raw(name) or _default(name)


def pack_path() -> Path:
    """The territory pack to open: $GPECT_PACK, else `data/demo` (absolute path)."""
    return Path(value("GPECT_PACK")).expanduser().resolve()


def db_url() -> str:
    """The action-plan database URL: $GPECT_DB_URL, else the SQLite file `var/plan.sqlite` (absolute)."""
    given = raw("GPECT_DB_URL")
    if given:
        return given
    return f"sqlite:///{Path('var/plan.sqlite').resolve()}"


def accounts_file() -> Path:
    """The local accounts file (TOML, argon2 hashes)."""
    return Path(value("GPECT_ACCOUNTS_FILE")).expanduser()


def map_tiles() -> str | None:
    """Background tiles: None (offline) unless GPECT_MAP_TILES is `osm` / `openstreetmap`."""
    return "OpenStreetMap" if (raw("GPECT_MAP_TILES") or "").lower() in ("osm", "openstreetmap") else None


def max_upload_bytes() -> int:
    """Size limit of one uploaded file, in bytes (GPECT_MAX_UPLOAD_MB megabytes, 10^6 bytes each).
    A value that is not a number falls back to the default."""
    try:
        megabytes = float(value("GPECT_MAX_UPLOAD_MB"))
    except ValueError:
        megabytes = float(_default("GPECT_MAX_UPLOAD_MB"))
    return int(megabytes * 1_000_000)


def _number(name: str) -> float:
    try:
        return float(value(name))
    except ValueError:
        return float(_default(name))


def parse_memory_bytes() -> int:
    """Memory the reading of one uploaded file may take beyond what its process already holds, in bytes
    (GPECT_PARSE_MEMORY_MB megabytes of 2^20 bytes)."""
    return int(_number("GPECT_PARSE_MEMORY_MB") * (1 << 20))


def parse_concurrency() -> int:
    """How many uploaded files one server reads at once (GPECT_PARSE_CONCURRENCY, at least 1)."""
    return max(1, int(_number("GPECT_PARSE_CONCURRENCY")))


def parse_seconds() -> float:
    """Time the reading of one uploaded file may take, in seconds (GPECT_PARSE_SECONDS)."""
    return _number("GPECT_PARSE_SECONDS")
