"""A pack from a folder of official files: every file under the folder is read and recognised by its content
(`readers.read_source`), then handed to the one assembler (`gpect_core.assemble.build_pack`). The command
`python -m gpect_core build-pack --from DIR --out PACK` is in `gpect_core.cli`.
"""

from __future__ import annotations

import getpass
import logging
import time
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .assemble import BuildReport, build_pack, content_hash
from .errors import GpectError, Problem
from .i18n import t
from .readers import SUPPORTED_SUFFIXES, FileReport, Parsed, read_source
from .readers.isolated import read_source_isolated
from .territory import Provenance, Territory

DEFAULT_NAME = "France — données publiques"


class BuildFailed(GpectError):
    """A build that stopped (French message and problems), with `build_report`: the per-file report so far."""

    def __init__(self, error: GpectError, build_report: BuildReport):
        super().__init__(error.message, error.problems)
        self.build_report = build_report


def scan_folder(folder: str | Path, vintages: Mapping[str, str] | None = None,
                isolated: bool = False) -> list[tuple[Parsed, str]]:
    """Every supported file under `folder` (recursively, sorted by path), read into its tables, each with the
    SHA-256 of the file's bytes. A file that cannot be read at all gives one unrecognised `Parsed` (format
    None) whose report says why; the scan goes on. `vintages`: years given by the user, by file (relative path
    or base name). Raises GpectError when `folder` is not a folder.

    `isolated`: read each file in the bounded child process of the uploads (`readers.isolated`: memory
    GPECT_PARSE_MEMORY_MB, time GPECT_PARSE_SECONDS), for a folder whose files come from elsewhere. Off by
    default: `build-pack` is an operator's command on the official files it downloaded, the bounds of
    `readers.bounds` (sheet size, zip entries, JSON depth, columns) apply in-process anyway, and a child per
    file costs an interpreter start and the pickling of each table (bench/bench_hostile.py)."""
    root = Path(folder)
    if not root.is_dir():
        raise GpectError(f"« {root} » n'est pas un dossier.")
    read = read_source_isolated if isolated else read_source
    results = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES):
        data = path.read_bytes()
        digest = content_hash(data)
        name = str(path.relative_to(root))
        try:
            parsed_list = read(data, name, vintages)
        except Exception:  # noqa: BLE001 — one unreadable file must not stop the build, nor show a traceback
            logging.getLogger(__name__).exception("reading %s failed", name)
            report = FileReport(file=name)
            report.problems.append(Problem(t("hostile.read.crash", file=name), file=name))
            parsed_list = [Parsed.unrecognised(report)]
        results.extend((parsed, digest) for parsed in parsed_list)
    return results


def build_territory(folder: str | Path, name: str = DEFAULT_NAME, imported_by: str | None = None,
                    vintages: Mapping[str, str] | None = None, isolated: bool = False) -> tuple[Territory, BuildReport]:
    """The pack of the official files under `folder` (not saved) and its French report, which the pack also
    keeps as its `build_report` table (one `line` per row). `vintages`: years given by the user for files that
    do not say theirs (`--vintage FILE=YEAR`); a file whose figures need a year and says none is set aside,
    and the report ends with a line naming it and the option (`BuildReport.undated`). `isolated`: as in
    `scan_folder`. Raises GpectError
    (French) when `folder` is not a folder, BuildFailed (its report so far kept) when no zone geometry can be
    drawn."""
    started = time.perf_counter()
    report = BuildReport()
    items = scan_folder(folder, vintages, isolated=isolated)
    try:
        territory, report = build_pack(items, name, imported_by or _user(), report)
    except GpectError as exc:
        raise BuildFailed(exc, report) from None
    for parsed, _ in items:  # no preview to confirm them in: a build says them, to be checked in the files
        for doubt in parsed.report.doubts:
            report.add(f"valeur inhabituelle gardée, à vérifier : {doubt.message}")
    report.undated = [p.report.name for p, _ in items if p.missing_vintage]
    if report.undated:
        report.add(f"{len(report.undated)} fichier(s) écarté(s) faute d'année lisible : {', '.join(report.undated)} ; "
                   f"relancez avec --vintage FICHIER=AAAA (par exemple --vintage \"{report.undated[0]}=2021\")")
    report.seconds = time.perf_counter() - started
    territory.tables["build_report"] = pd.DataFrame({"line": report.text().splitlines()})
    zones = territory.provenance["zones"]
    territory.provenance["build_report"] = Provenance(source="python -m gpect_core build-pack",
                                                      producer="GPECT Atlas", imported_at=zones.imported_at,
                                                      imported_by=zones.imported_by)
    return territory, report


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "inconnu"


__all__ = ["DEFAULT_NAME", "build_territory", "scan_folder"]
