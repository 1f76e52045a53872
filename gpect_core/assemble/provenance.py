"""Which file fed which table, and the one provenance join and the one file hash of every assembly.

`Sources` holds the recognised tables (`Parsed`, SHA-256 of the file's bytes) of an assembly; it hands out
their frames by name, keeps one of two copies of the same content, and records which file fed each table
(`use`). `provenance_of` joins, for a table, the sources, producers, vintages, licences, file names and hashes
of its files (distinct values in order, separated by « ; »), after the pack's previous provenance if any.
"""

from __future__ import annotations

import hashlib
import os

import pandas as pd

from ..readers.base import Parsed
from ..territory import Provenance, now_iso
from .report import BuildReport


def content_hash(data: bytes | os.PathLike | str) -> str:
    """The one file hash: SHA-256 in lower-case hex (64 characters) of a file's bytes, or of the file at a path
    (read by chunks of 1 MiB). It is the `file_hash` of a provenance and the fingerprint of `pack_digest`."""
    if isinstance(data, bytes | bytearray | memoryview):
        return hashlib.sha256(data).hexdigest()
    digest = hashlib.sha256()
    with open(data, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _join(values) -> str:
    return " ; ".join(dict.fromkeys(v for v in values if v))


class Sources:
    """The recognised tables of one assembly, with who imports them and when (one timestamp, ISO 8601 UTC)."""

    def __init__(self, items: list[tuple[Parsed, str]], imported_by: str, report: BuildReport):
        self.items = items
        self.report = report
        self.imported_by = imported_by
        self.imported_at = now_iso()
        self.fed: dict[str, list[tuple[Parsed, str]]] = {}
        report.files = [p.report for p, _ in items]

    def frames(self, key: str) -> list[tuple[Parsed, str, pd.DataFrame]]:
        """(parsed, hash, frame) of every used table that holds a frame named `key`, in file order."""
        return [(p, h, p.data[key]) for p, h in self.items if p.recognised and key in p.data and p.report.used]

    def distinct(self, key: str) -> list[tuple[Parsed, str, pd.DataFrame]]:
        """The frames under `key`, keeping one of files with the same format and vintage (xlsx + its CSV)."""
        kept, seen = [], {}
        for parsed, digest, frame in self.frames(key):
            ident = (parsed.format.key, parsed.vintage, len(frame))
            if ident in seen:
                self.unused(parsed, f"même contenu que « {seen[ident]} », déjà lu")
                continue
            seen[ident] = parsed.report.name
            kept.append((parsed, digest, frame))
        return kept

    def use(self, table: str, parsed: Parsed, digest: str) -> None:
        """Record that `parsed` fed `table` (once)."""
        entries = self.fed.setdefault(table, [])
        if all(p is not parsed for p, _ in entries):
            entries.append((parsed, digest))

    def unused(self, parsed: Parsed, why: str) -> None:
        """Set a table aside, saying why in its file's report."""
        parsed.report.used = False
        parsed.report.notes.append(why)

    def provenance_of(self, table: str, previous: Provenance | None = None) -> Provenance:
        """The provenance of `table`: the previous one (an import onto a pack), then every file that fed it."""
        return provenance_of(self.fed.get(table, []), self.imported_at, self.imported_by, previous, table)


def vintage_of(parsed: Parsed, table: str = "") -> str:
    """A file's vintage as its provenance says it: « BMO 2024 » for the BMO survey in `recruitment`."""
    if table == "recruitment" and parsed.format.key == "bmo" and parsed.vintage:
        return f"BMO {parsed.vintage}"
    return parsed.vintage


def provenance_of(entries: list[tuple[Parsed, str]], imported_at: str, imported_by: str,
                  previous: Provenance | None = None, table: str = "") -> Provenance:
    """The one provenance join: distinct non-empty values, in order, joined by « ; » — the previous
    provenance's first (when it names a source), then each file's format source (or label), producer, vintage,
    licence, file name (`url`) and SHA-256 (`file_hash`); vintages by `vintage_of`. `imported_at`/`imported_by` are this assembly's."""
    old = previous if previous is not None and previous.source else Provenance()
    return Provenance(
        source=_join([old.source, *(p.format.source or p.format.label for p, _ in entries)]),
        producer=_join([old.producer, *(p.format.producer for p, _ in entries)]),
        vintage=_join([old.vintage, *(vintage_of(p, table) for p, _ in entries)]),
        licence=_join([old.licence, *(p.format.licence for p, _ in entries)]),
        url=_join([old.url, *(p.report.name for p, _ in entries)]),
        file_hash=_join([old.file_hash, *(h for _, h in entries)]),
        imported_at=imported_at,
        imported_by=imported_by,
    )
