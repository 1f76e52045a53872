"""Bringing files into the current pack: upload → recognise → validate → preview → integrate → restore.

`prepare` reads the uploaded files and builds, in memory, the pack as it would be after integration; it
never writes; the tables are merged by the one assembler (`gpect_core.assemble.assemble_onto`), with the
rules of `build-pack`. Nothing is integrated while a problem remains (a rejected row, a code that matches nothing in
the pack, a table that breaks its contract). `integrate` writes the prepared pack atomically through
`Territory.save`, which keeps the previous version in `<pack>.previous`; `restore_previous` puts it back.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import settings
from .assemble import assemble_onto, content_hash
from .assemble.report import BuildReport, format_report
from .errors import GpectError, Problem
from .i18n import t
from .readers import SUPPORTED_SUFFIXES, Parsed
from .readers.guess import ColumnMapping, load_mappings, mappings_path
from .readers.isolated import read_source_isolated
from .readers.rome import rome_referential, unknown_rome_problems
from .schema import table_label
from .territory import Provenance, Territory


def human_size(size: int) -> str:
    """A size in French: « 1,5 Mo », « 800 ko »."""
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} Mo".replace(".", ",").replace(",0 Mo", " Mo")
    return f"{max(1, round(size / 1000))} ko"


@dataclass
class Upload:
    """One uploaded file: its name (as the user chose it) and its bytes."""

    name: str
    data: bytes


@dataclass
class ImportPreview:
    """What integration would do. `problems` block it; `doubts` (unusual values, located) block it until the
    user confirms them (`integrate(..., confirmed=True)`); `notes` only inform (they begin with the lines of the
    assembler's report `assembly`: what it drew, summed, left out)."""

    files: list = field(default_factory=list)  # FileReport
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    changes: dict[str, int] = field(default_factory=dict)  # table → rows brought
    previews: dict[str, pd.DataFrame] = field(default_factory=dict)
    territory: Territory | None = None  # the pack after integration (in memory)
    pack_fingerprint: str = ""
    assembly: BuildReport = field(default_factory=BuildReport)
    undated: list[str] = field(default_factory=list)  # tables (« file » or « file [sheet] ») whose year to ask
    doubts: list[Problem] = field(default_factory=list)  # unusual values kept: integrated only once confirmed

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.changes) and self.territory is not None

    def report(self) -> str:
        """The French report, in the format of `build-pack`: files, assembly (and notes), blocking problems."""
        report = BuildReport(files=self.files, lines=self.notes)
        return format_report(report, self.problems)


def _file_problem(name: str, message: str) -> Problem:
    return Problem(f"« {name} » : {message}", file=name)


def prepare(pack: str | Path, uploads: list[Upload], imported_by: str = "", accept_rejections: bool = False,
            max_bytes: int | None = None, vintages: Mapping[str, str] | None = None,
            mappings: dict[str, ColumnMapping] | None = None) -> ImportPreview:
    """Read, recognise and check `uploads` against the pack at `pack`; build the integrated pack in memory.

    `uploads`: file names and bytes. `vintages`: years the user gave, by table (« file » or « file [sheet] »,
    `readers.vintage.given_for`), for formats whose figures need one and whose file does not say it; a table
    still without a year is a problem and is listed in `preview.undated` (the page asks for it). Never raises
    for a bad file or pack: every problem (French, naming file, sheet, row, column) is in the returned preview,
    whose `territory` is the merged pack when `ok`. `mappings`: the column mappings the user gave (by folded headers,
    see `readers.guess`); by default those remembered beside the pack (`guess.mappings_path`).
    """
    if mappings is None:
        mappings = load_mappings(mappings_path(pack))
    preview = ImportPreview()
    limit = max_bytes if max_bytes is not None else settings.max_upload_bytes()
    try:
        territory = Territory.load(pack)
    except GpectError as exc:
        preview.problems.append(Problem(exc.report()))
        return preview
    preview.pack_fingerprint = territory.fingerprint
    parsed_items: list[tuple[Parsed, str]] = []
    referential = rome_referential(territory)
    for upload in uploads:
        name = Path(upload.name).name
        if len(upload.data) > limit:
            preview.problems.append(_file_problem(
                name, f"le fichier fait {human_size(len(upload.data))}, au-delà de la limite de "
                      f"{human_size(limit)} ; découpez-le ou demandez à l'administrateur d'augmenter "
                      "GPECT_MAX_UPLOAD_MB"))
            continue
        if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
            preview.problems.append(_file_problem(name, "type de fichier non pris en charge (CSV, XLSX, GeoJSON, "
                                                     "GeoPackage ou Shapefile zippé attendu)"))
            continue
        digest = content_hash(upload.data)
        try:
            results = read_source_isolated(upload.data, name, vintages, mappings=mappings)
        except Exception:  # noqa: BLE001 — no traceback may reach the user
            logging.getLogger(__name__).exception("reading %s failed", name)
            preview.problems.append(_file_problem(name, "lecture impossible : le fichier semble abîmé ou d'un format "
                                                     "inattendu"))
            continue
        for parsed in results:
            preview.files.append(parsed.report)
            if parsed.missing_vintage:
                preview.undated.append(parsed.report.name)
                preview.problems.extend(parsed.report.problems)
                continue
            if not parsed.recognised and parsed.report.problems:
                preview.problems.extend(parsed.report.problems)
                continue
            if parsed.recognised and parsed.report.problems and not accept_rejections:
                preview.problems.extend(parsed.report.problems)
            preview.problems.extend(unknown_rome_problems(parsed, referential))
            preview.doubts.extend(parsed.report.doubts)
            parsed_items.append((parsed, digest))
    recognised = [(p, h) for p, h in parsed_items if p.recognised and p.data]
    if not recognised and not preview.problems:
        names = ", ".join(f"« {Path(u.name).name} »" for u in uploads) or "aucun fichier"
        preview.problems.append(Problem(f"{names} : aucun contenu reconnu (ni fichier officiel connu, ni modèle du "
                                     "comité). Vérifiez les en-têtes de colonnes."))
    if preview.problems:
        return preview
    try:
        assemble_onto(preview, territory, recognised, imported_by or "inconnu")
        preview.notes[:0] = preview.assembly.lines  # what the assembler did, said on the page with the notes
        if preview.problems:  # the final check speaks of the pack's tables: say which upload it is about
            names = ", ".join(f"« {Path(u.name).name} »" for u in uploads)
            preview.problems = [p if p.file else Problem(t("hostile.pack.check", files=names, message=p.message),
                                                         table=p.table, column=p.column, row=p.row)
                                for p in preview.problems if p.file or not p.message.endswith(":")]
    except GpectError as exc:
        names = ", ".join(f"« {Path(u.name).name} »" for u in uploads)
        preview.problems.extend(p if p.file else Problem(t("hostile.pack.check", files=names, message=p.message),
                                                         table=p.table, column=p.column, row=p.row)
                                for p in exc.problems or [Problem(exc.message)])
        if exc.problems:
            preview.problems.insert(0, Problem(t("hostile.pack.check", files=names, message=exc.message)))
    except Exception:  # noqa: BLE001 — the one error path: said in French, the trace goes to the server log
        logging.getLogger(__name__).exception("integration of %s failed", [u.name for u in uploads])
        names = ", ".join(f"« {Path(u.name).name} »" for u in uploads)
        preview.problems.append(Problem(t("hostile.pack.unexpected", files=names)))
    if not preview.problems and not preview.changes:
        names = ", ".join(f"« {Path(u.name).name} »" for u in uploads)
        why = "; ".join(preview.notes) or "contenu reconnu mais sans table du pack à remplir"
        preview.problems.append(Problem(f"{names} : rien à intégrer dans le pack ({why})"))
    if preview.problems:
        preview.territory = None
    return preview


def integrate(pack: str | Path, preview: ImportPreview, confirmed: bool = False) -> Path:
    """Write the prepared pack in place of `pack`, atomically; the previous version goes to `<pack>.previous`.
    A preview with unusual values (`preview.doubts`: a year to come, fractions in a percentage column...) is
    integrated only when `confirmed` (the user ticked « Je confirme… »); else GpectError and nothing written."""
    if not preview.ok:
        raise GpectError("Rien à intégrer : le rapport de validation signale des problèmes.", preview.problems)
    if preview.doubts and not confirmed:
        raise GpectError(t("hostile.confirm.needed", n=len(preview.doubts)), preview.doubts)
    current = Territory.load(pack, validate=False)
    if current.fingerprint != preview.pack_fingerprint:
        raise GpectError("Le pack a changé depuis la vérification (une autre personne a intégré des données) : "
                         "relancez la vérification avant d'intégrer.")
    return preview.territory.save(pack, keep_previous=True)


def previous_path(pack: str | Path) -> Path:
    """Where the version of `pack` before the last integration is kept: `<pack>.previous`."""
    target = Path(pack).resolve()
    return target.with_name(target.name + ".previous")


def has_previous(pack: str | Path) -> bool:
    """Whether `pack` has a previous version to restore."""
    return (previous_path(pack) / "manifest.json").is_file()


def restore_previous(pack: str | Path) -> Path:
    """Swap the pack and its previous version (so a restore can itself be undone)."""
    target = Path(pack).resolve()
    previous = previous_path(pack)
    if not has_previous(pack):
        raise GpectError(f"Aucune version précédente du pack « {target.name} » à restaurer.")
    Territory.load(previous)  # refuse to restore a damaged copy
    swap = target.with_name(target.name + ".swap")
    if swap.exists():
        shutil.rmtree(swap)
    os.replace(target, swap)
    os.replace(previous, target)
    os.replace(swap, previous)
    return target


def provenance_table(territory: Territory) -> pd.DataFrame:
    """One row per table the pack holds: source, producer, vintage, licence, rows, hash, imported when/by."""
    rows = []
    for name in ["zones", *sorted(territory.tables)]:
        prov = territory.provenance.get(name, Provenance())
        count = len(territory.zones) if name == "zones" else len(territory.tables[name])
        rows.append({"table": name, "label": table_label(name), "source": prov.source, "producer": prov.producer,
                     "vintage": prov.vintage, "licence": prov.licence, "rows": count,
                     "file_hash": prov.file_hash, "imported_at": prov.imported_at, "imported_by": prov.imported_by})
    return pd.DataFrame(rows)


def pack_digest(pack: str | Path) -> dict[str, str]:
    """SHA-256 of every file of a pack (and of its previous version), to prove it did not change."""
    root = Path(pack).resolve()
    out = {}
    for folder in (root, previous_path(root)):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    out[str(path.relative_to(root.parent))] = content_hash(path)
    return out
