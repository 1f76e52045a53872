"""Bringing files into the current pack: upload → recognise → validate → preview → integrate.

`prepare` reads the uploaded files and builds, in memory, the pack as it would be after integration; it
never writes. Nothing is integrated while a problem remains (a rejected row, a code that matches nothing in
the pack, a table that breaks its contract). `integrate` writes the prepared pack atomically through
`Territory.save`, which keeps the previous version in `<pack>.previous`; `restore_previous` puts it back.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from . import geo, settings
from .errors import GpectError, Problem, ValidationError
from .readers import SUPPORTED_SUFFIXES, Parsed, read_source
from .readers.formats import aggregate_recruitment
from .schema import SCHEMAS, table_label
from .territory import Provenance, Territory, file_sha256, now_iso

TABLE_KEYS = ("recruitment", "tension", "occupations", "occupation_links", "context", "training", "needs")


def human_size(size: int) -> str:
    """A size in French: « 1,5 Mo », « 800 ko »."""
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} Mo".replace(".", ",").replace(",0 Mo", " Mo")
    return f"{max(1, round(size / 1000))} ko"


def max_upload_bytes() -> int:
    return settings.max_upload_bytes()


@dataclass
class Upload:
    name: str
    data: bytes


@dataclass
class IngestPlan:
    """What integration would do. `problems` block it; `notes` only inform."""

    files: list = field(default_factory=list)  # FileReport
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    changes: dict[str, int] = field(default_factory=dict)  # table → rows brought
    previews: dict[str, pd.DataFrame] = field(default_factory=dict)
    territory: Territory | None = None  # the pack after integration (in memory)
    pack_fingerprint: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.changes) and self.territory is not None

    def report(self) -> str:
        lines = []
        for rep in self.files:
            label = rep.format_label if rep.format_key else "non reconnu"
            lines.append(f"« {rep.name} » : {label} — {rep.rows_read} ligne(s) lue(s), {rep.rows_rejected} rejetée(s)"
                         + (f", {rep.secret_cells} cellule(s) secrète(s)" if rep.secret_cells else ""))
            lines += [f"  ~ {note}" for note in rep.notes]
        lines += [f"~ {note}" for note in self.notes]
        lines += [f"! {p.message}" for p in self.problems[:100]]
        if len(self.problems) > 100:
            lines.append(f"! … et {len(self.problems) - 100} autre(s) problème(s)")
        return "\n".join(lines)


def _file_problem(name: str, message: str) -> Problem:
    return Problem(f"« {name} » : {message}", file=name)


def prepare(pack: str | Path, uploads: list[Upload], imported_by: str = "", accept_rejections: bool = False,
            max_bytes: int | None = None) -> IngestPlan:
    """Read, recognise and check `uploads` against the pack at `pack`; build the integrated pack in memory."""
    plan = IngestPlan()
    limit = max_bytes if max_bytes is not None else max_upload_bytes()
    try:
        territory = Territory.load(pack)
    except GpectError as exc:
        plan.problems.append(Problem(exc.report()))
        return plan
    plan.pack_fingerprint = territory.fingerprint
    parsed_items: list[tuple[Parsed, str]] = []
    for upload in uploads:
        name = Path(upload.name).name
        if len(upload.data) > limit:
            plan.problems.append(_file_problem(
                name, f"le fichier fait {human_size(len(upload.data))}, au-delà de la limite de "
                      f"{human_size(limit)} ; découpez-le ou demandez à l'administrateur d'augmenter "
                      "GPECT_MAX_UPLOAD_MB"))
            continue
        if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
            plan.problems.append(_file_problem(name, "type de fichier non pris en charge (CSV, XLSX, GeoJSON, "
                                                     "GeoPackage ou Shapefile zippé attendu)"))
            continue
        digest = _sha256(upload.data)
        try:
            results = read_source(upload.data, name)
        except Exception as exc:  # noqa: BLE001 — no traceback may reach the user
            plan.problems.append(_file_problem(name, "lecture impossible : le fichier semble abîmé ou d'un format "
                                                     f"inattendu ({_plain_reason(exc)})"))
            continue
        for parsed in results:
            plan.files.append(parsed.report)
            if not parsed.report.format_key and parsed.report.problems:
                plan.problems.extend(parsed.report.problems)
                continue
            if parsed.report.format_key and parsed.report.problems and not accept_rejections:
                plan.problems.extend(parsed.report.problems)
            parsed_items.append((parsed, digest))
    recognised = [(p, h) for p, h in parsed_items if p.report.format_key and p.data]
    if not recognised and not plan.problems:
        names = ", ".join(f"« {Path(u.name).name} »" for u in uploads) or "aucun fichier"
        plan.problems.append(Problem(f"{names} : aucun contenu reconnu (ni fichier officiel connu, ni modèle du "
                                     "comité). Vérifiez les en-têtes de colonnes."))
    if plan.problems:
        return plan
    try:
        _merge(plan, territory, recognised, imported_by or "inconnu")
    except GpectError as exc:
        plan.problems.extend(exc.problems or [Problem(exc.message)])
        if exc.problems:
            plan.problems.insert(0, Problem(exc.message))
    except Exception as exc:  # noqa: BLE001
        plan.problems.append(Problem(f"intégration impossible : {_plain_reason(exc)}"))
    if not plan.problems and not plan.changes:
        names = ", ".join(f"« {Path(u.name).name} »" for u in uploads)
        why = "; ".join(plan.notes) or "contenu reconnu mais sans table du pack à remplir"
        plan.problems.append(Problem(f"{names} : rien à intégrer dans le pack ({why})"))
    if plan.problems:
        plan.territory = None
    return plan


def _plain_reason(exc: Exception) -> str:
    """The first line of an exception message, without Python's type names."""
    text = str(exc).splitlines()[0][:160] if str(exc) else "raison inconnue"
    return text.replace("Error", "erreur")


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _where(parsed: Parsed) -> str:
    return f"« {parsed.report.file} »" + (f", feuille « {parsed.report.sheet} »" if parsed.report.sheet else "")


def _provenance(parsed: Parsed, digest: str, imported_by: str) -> Provenance:
    return Provenance(source=parsed.format.source or parsed.format.label, producer=parsed.format.producer,
                      vintage=parsed.vintage, licence=parsed.format.licence, url=parsed.report.name,
                      file_hash=digest, imported_at=now_iso(), imported_by=imported_by)


def _check_zones(plan: IngestPlan, parsed: Parsed, frame: pd.DataFrame, zones: gpd.GeoDataFrame,
                 default_zoning: str, table: str) -> pd.DataFrame:
    """Rows on zones the pack does not have: an error if none matches; else dropped with a note."""
    if "zoning" in frame:
        frame = frame.assign(zoning=frame["zoning"].replace("", None).fillna(default_zoning))
    known = set(zip(zones["zoning"], zones["zone_id"], strict=True)) | {("FR", "FR")}
    pairs = pd.Series(list(zip(frame["zoning"], frame["zone_id"], strict=True)), index=frame.index)
    unknown = ~pairs.isin(known)
    if not unknown.any():
        return frame
    codes = sorted({f"{z} {c}" for z, c in pairs[unknown]})
    shown = ", ".join(codes[:10]) + (f" … (+{len(codes) - 10})" if len(codes) > 10 else "")
    if unknown.all():
        first_row = frame["source_row"].iloc[0] if "source_row" in frame else None
        where = _where(parsed) + (f", ligne {first_row}" if first_row is not None and table != "recruitment" else "")
        plan.problems.append(Problem(f"{where}, colonne « Code zone » : aucun code de zone ne correspond aux zones "
                                     f"du pack ({shown})", file=parsed.report.file, sheet=parsed.report.sheet,
                                     column="zone_id", row=first_row))
        return frame.iloc[0:0]
    if "source_row" in frame:
        for row, (zoning, code) in zip(frame.loc[unknown, "source_row"].head(10), pairs[unknown].head(10), strict=False):
            plan.problems.append(Problem(f"{_where(parsed)}, ligne {row}, colonne « Code zone » : la zone « {code} » "
                                         f"(zonage {zoning}) n'existe pas dans le pack", file=parsed.report.file,
                                         sheet=parsed.report.sheet, column="zone_id", row=int(row)))
        return frame.iloc[0:0]
    plan.notes.append(f"{_where(parsed)} : {int(unknown.sum())} ligne(s) sur des zones hors du territoire "
                      f"({shown}) laissées de côté")
    return frame[~unknown]


def _merge(plan: IngestPlan, territory: Territory, items: list[tuple[Parsed, str]], imported_by: str) -> None:
    default_zoning = territory.default_zoning or territory.zoning_ids()[0]
    new_tables: dict[str, list[pd.DataFrame]] = {}
    provenance: dict[str, list[Provenance]] = {}
    zones = territory.zones

    def bring(table: str, frame: pd.DataFrame, parsed: Parsed, digest: str) -> None:
        if frame is None or frame.empty:
            return
        new_tables.setdefault(table, []).append(frame)
        provenance.setdefault(table, []).append(_provenance(parsed, digest, imported_by))

    # Zones first: rows of other tables may point at them.
    communes = [(p, h) for p, h in items if "commune_geometry" in p.data]
    for parsed, digest in items:
        if "composition" in parsed.data:
            if not communes:
                plan.problems.append(_file_problem(parsed.report.name, "une table de composition communale ne "
                                     "suffit pas à dessiner les zones : joignez les polygones des communes "
                                     "(GeoPackage, GeoJSON ou Shapefile zippé) dans le même envoi"))
                continue
            composition = parsed.data["composition"]
            zoning = composition["zoning"].iloc[0]
            result = geo.dissolve(communes[0][0].data["commune_geometry"], composition)
            if result.missing_zones:
                plan.problems.append(_file_problem(parsed.report.name, "zones dont aucune commune n'a de polygone : "
                                                   + ", ".join(result.missing_zones[:10])))
            for partial in result.partial_zones[:10]:
                plan.notes.append(f"{_where(parsed)} : {partial}")
            drawn = geo.simplify_for_display(result.zones, geo.DISPLAY_TOLERANCE_M.get(zoning, 300))
            drawn.insert(0, "zoning", zoning)
            zones = _replace_zoning(zones, drawn.drop(columns=["communes", "communes_missing"]))
            plan.changes[f"zones ({zoning})"] = len(drawn)
            plan.previews[f"zones ({zoning})"] = pd.DataFrame(drawn.drop(columns="geometry")).head(20)
            provenance.setdefault("zones", []).append(_provenance(parsed, digest, imported_by))
            provenance["zones"].append(_provenance(communes[0][0], communes[0][1], imported_by))
    for parsed, digest in items:
        if "zone_geometry" in parsed.data:
            drawn = parsed.data["zone_geometry"]
            zoning = drawn["zoning"].iloc[0]
            simplified = geo.simplify_for_display(drawn.to_crs(geo.WGS84), geo.DISPLAY_TOLERANCE_M.get(zoning, 300))
            zones = _replace_zoning(zones, simplified)
            plan.changes[f"zones ({zoning})"] = len(simplified)
            plan.previews[f"zones ({zoning})"] = pd.DataFrame(simplified.drop(columns="geometry")).head(20)
            provenance.setdefault("zones", []).append(_provenance(parsed, digest, imported_by))
    if plan.problems:
        return
    for parsed, digest in items:
        data = parsed.data
        if "recruitment_raw" in data:
            raw = data["recruitment_raw"]
            parts = []
            for zoning, column in (("BMO", "basin"), ("DEP", "dep"), ("REG", "reg"), ("FR", None)):
                if (zones["zoning"] == zoning).any():
                    part = aggregate_recruitment(raw, zoning, column)
                    known = set(zones.loc[zones["zoning"] == zoning, "zone_id"])
                    parts.append(part[part["zone_id"].isin(known)])
            if not any(len(p) for p in parts):
                basins = sorted(raw["basin"].unique())
                plan.problems.append(_file_problem(parsed.report.name, "aucun bassin, département ni région du "
                                     f"fichier ne correspond aux zones du pack (bassins {', '.join(basins[:10])}…)"))
                continue
            bring("recruitment", pd.concat(parts, ignore_index=True), parsed, digest)
        for table in ("recruitment", "training", "needs", "context", "tension"):
            if table in data and not (table == "recruitment" and "recruitment_raw" in data):
                frame = _check_zones(plan, parsed, data[table], zones, default_zoning, table)
                if table == "training":
                    frame = _complete_training(frame)
                bring(table, frame.drop(columns=["source_row"], errors="ignore"), parsed, digest)
        if "training_raw" in data:
            frame = _complete_training(data["training_raw"])
            frame = _check_zones(plan, parsed, frame, zones, default_zoning, "training")
            bring("training", frame, parsed, digest)
        for table in ("occupations", "occupation_links"):
            if table in data:
                bring(table, data[table], parsed, digest)
    links = [(p, h) for p, h in items if "skill_links" in p.data]
    labels = [(p, h) for p, h in items if "skill_labels" in p.data or "skill_items" in p.data]
    if links and labels:
        label_frame = pd.concat([f for p, _ in labels for k, f in p.data.items() if k in ("skill_labels", "skill_items")]
                                ).drop_duplicates("skill_id")
        skills = pd.concat([p.data["skill_links"] for p, _ in links]).merge(label_frame, on="skill_id")
        for parsed, digest in links + labels:
            bring("skills", skills[["occupation_code", "skill_id", "label", "kind", "core"]] if parsed is links[0][0]
                  else skills.iloc[0:0], parsed, digest)
        provenance["skills"] = [_provenance(p, h, imported_by) for p, h in links + labels]
    elif links or labels:
        names = ", ".join(p.report.name for p, _ in links + labels)
        plan.notes.append(f"{names} : les compétences du ROME demandent ensemble le fichier de cohérence métier–item "
                          "et celui des compétences ou des savoirs ; rien n'est intégré pour elles")
    if plan.problems:
        return
    merged = Territory(name=territory.name, zones=zones, tables=dict(territory.tables),
                       fictional=territory.fictional, description=territory.description,
                       zonings=dict(territory.zonings), default_zoning=territory.default_zoning,
                       provenance=dict(territory.provenance), path=territory.path)
    for zoning, group in zones.groupby("zoning"):
        entry = dict(merged.zonings.get(zoning, {}))
        entry.setdefault("label", zoning)
        entry["count"] = int(len(group))
        merged.zonings[zoning] = entry
    for table, frames in new_tables.items():
        incoming = pd.concat(frames, ignore_index=True)
        try:
            from .schema import validate_table

            incoming = validate_table(table, incoming)
        except ValidationError as exc:
            plan.problems.extend(exc.problems)
            continue
        before = merged.tables.get(table)
        merged.tables[table] = _upsert(table, before, incoming)
        plan.changes[table] = len(incoming)
        plan.previews[table] = incoming.head(20)
    for table, entries in provenance.items():
        merged.provenance[table] = _combine(merged.provenance.get(table), entries)
    if plan.problems:
        return
    problems = merged.validate()
    if problems:
        plan.problems.append(Problem("Le pack après intégration ne serait pas valide :"))
        plan.problems.extend(problems)
        return
    plan.territory = merged


def _replace_zoning(zones: gpd.GeoDataFrame, drawn: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    zoning = drawn["zoning"].iloc[0]
    drawn = drawn.to_crs(zones.crs or geo.WGS84)
    for column in ("dep", "reg", "population"):
        if column not in drawn:
            drawn[column] = pd.NA if column == "population" else None
    kept = zones[zones["zoning"] != zoning]
    columns = list(zones.columns)
    combined = pd.concat([kept, drawn[[c for c in columns if c in drawn.columns]]], ignore_index=True)
    return gpd.GeoDataFrame(combined, geometry="geometry", crs=zones.crs)


def _complete_training(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in ("enrolled", "graduates", "capacity", "demand"):
        if column not in frame:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    for column in ("title", "provider", "occupation_codes", "level"):
        if column not in frame:
            frame[column] = None
    if "employment_rate" not in frame:
        frame["employment_rate"] = pd.Series(pd.NA, index=frame.index, dtype="Float64")
    if "title" in frame:
        frame["title"] = frame["title"].fillna("").replace("", None).fillna("Formation " + frame["program_id"])
    return frame


def _upsert(table: str, before: pd.DataFrame | None, incoming: pd.DataFrame) -> pd.DataFrame:
    """Incoming rows replace the rows with the same key; the other rows are kept."""
    if before is None or before.empty:
        return incoming.reset_index(drop=True)
    key = SCHEMAS[table].unique if table in SCHEMAS and SCHEMAS[table].unique else None
    if key is None:
        key = [c for c in incoming.columns if c in before.columns]
    combined = pd.concat([before, incoming], ignore_index=True)
    return combined.drop_duplicates(key, keep="last").reset_index(drop=True)


def _combine(old: Provenance | None, entries: list[Provenance]) -> Provenance:
    values = ([old] if old and old.source else []) + entries

    def join(attr: str) -> str:
        return " ; ".join(dict.fromkeys(getattr(v, attr) for v in values if getattr(v, attr)))

    combined = Provenance(**{name: join(name) for name in Provenance.__dataclass_fields__})
    combined.imported_at = entries[-1].imported_at
    combined.imported_by = entries[-1].imported_by
    return combined


def integrate(pack: str | Path, plan: IngestPlan) -> Path:
    """Write the prepared pack in place of `pack`, atomically; the previous version goes to `<pack>.previous`."""
    if not plan.ok:
        raise GpectError("Rien à intégrer : le rapport de validation signale des problèmes.", plan.problems)
    current = Territory.load(pack, validate=False)
    if current.fingerprint != plan.pack_fingerprint:
        raise GpectError("Le pack a changé depuis la vérification (une autre personne a intégré des données) : "
                         "relancez la vérification avant d'intégrer.")
    return plan.territory.save(pack, keep_previous=True)


def previous_path(pack: str | Path) -> Path:
    target = Path(pack).resolve()
    return target.with_name(target.name + ".previous")


def has_previous(pack: str | Path) -> bool:
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
                    out[str(path.relative_to(root.parent))] = file_sha256(path)
    return out
