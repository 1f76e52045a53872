"""Merging recognised tables onto an existing pack (« Données » page), with the rules of `build_pack`.

`assemble_onto` fills a preview object (duck-typed: `problems` list of Problem, `notes` list of str,
`changes` table → rows brought, `previews` table → first rows, `territory`, `assembly` BuildReport) and
never writes. Zones are drawn by `zones.drawn_layers` (the same dissolve and simplification as a build) and
replace the pack's zoning; BMO figures are summed by `recruitment.recruitment_levels` onto the pack's zones;
training rows get the same BCN decoding and title rule; incoming rows replace the pack's rows with the same
key; each table's provenance is the pack's, joined with the files that fed it.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from ..errors import Problem, ValidationError
from ..i18n import t
from ..readers.base import Parsed
from ..schema import SCHEMAS, validate_table
from ..territory import Territory
from . import offpack, tables, zones
from .bridges import bridges_line, build_bridges
from .provenance import Sources
from .recruitment import basin_codes, recruitment
from .report import BuildReport, listing, table_line, vintages_of

CANONICAL = ("recruitment", "training", "needs", "context", "tension")  # frames already in the table's shape


def where(parsed: Parsed) -> str:
    """« file », feuille « sheet » — how a problem names a table."""
    return f"« {parsed.report.file} »" + (f", feuille « {parsed.report.sheet} »" if parsed.report.sheet else "")


def file_problem(name: str, message: str) -> Problem:
    """A Problem « « name » : message » naming the file."""
    return Problem(f"« {name} » : {message}", file=name)


def zone_column(parsed: Parsed) -> tuple[str | None, str]:
    """The column of the user's file the zones were read from, and how (« déduit du code établissement (UAI) »
    when the zone is the département of a UAI): never a column the file does not have."""
    raw = parsed.raw
    if raw is None:
        return None, ""
    found = raw.column("Code zone", "zone_id", "code_zone", "Code département", "dep")
    if found is not None:
        return found, ""
    uai = raw.column("UAI", "Etablissement d'accueil", "Numéro d'établissement")
    if uai is not None:
        return uai, "(déduit du code établissement UAI) "
    return None, ""


def check_zones(preview, parsed: Parsed, frame: pd.DataFrame, known_zones: gpd.GeoDataFrame, default_zoning: str,
                table: str) -> pd.DataFrame:
    """A file's rows after the zone rule of every assembly (`offpack.apply_rule`: tension and context rows on
    zones the pack lacks kept, the others left out, said with what they carried). An import refuses, besides,
    a file none of whose zones the pack has (a problem), and hand-filled rows (they carry `source_row`) on an
    unknown zone, one problem per row."""
    if "zoning" in frame:
        frame = frame.assign(zoning=frame["zoning"].replace("", None).fillna(default_zoning))
    unknown = offpack.off_pack(frame, known_zones)
    if not unknown.any():
        return frame
    pairs = frame.loc[unknown, ["zoning", "zone_id"]].drop_duplicates()
    shown = listing(sorted(f"{z} {c}" for z, c in pairs.itertuples(index=False)), 10)
    if unknown.all():
        first_row = frame["source_row"].iloc[0] if "source_row" in frame else None
        at = where(parsed) + (f", ligne {first_row}" if first_row is not None and table != "recruitment" else "")
        column, how = zone_column(parsed)
        at += f", colonne « {column} »" if column else ""
        preview.problems.append(Problem(f"{at} : aucun code de zone {how}ne correspond aux zones "
                                        f"du pack ({shown})", file=parsed.report.file, sheet=parsed.report.sheet,
                                        column=column or "zone_id", row=first_row))
        return frame.iloc[0:0]
    if "source_row" in frame:
        for row, zoning, code in frame.loc[unknown, ["source_row", "zoning", "zone_id"]].head(10).itertuples(
                index=False):
            preview.problems.append(Problem(f"{where(parsed)}, ligne {row}, colonne « Code zone » : la zone « {code} » "
                                            f"(zonage {zoning}) n'existe pas dans le pack", file=parsed.report.file,
                                            sheet=parsed.report.sheet, column="zone_id", row=int(row)))
        return frame.iloc[0:0]
    return offpack.apply_rule(table, frame, known_zones, preview.assembly.add, offpack.label(table, parsed))


def empty_zones(layer: gpd.GeoDataFrame, communes: pd.DataFrame | None) -> list[str]:
    """Codes of the zones of `layer` (zone_id, geometry) holding no commune of the pack (points `lon`, `lat`,
    WGS84 degrees, of the `communes` table). Empty when the pack's communes have no coordinates."""
    if communes is None or communes.empty or not {"lon", "lat"} <= set(communes.columns):
        return []
    located = communes.dropna(subset=["lon", "lat"])
    if located.empty or layer.empty:
        return []
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(located["lon"], located["lat"]), crs=4326)
    polygons = layer[["zone_id", "geometry"]].copy()
    polygons = polygons.set_crs(4326) if polygons.crs is None else polygons.to_crs(4326)
    hits = gpd.sjoin(points, polygons, how="inner", predicate="within")
    held = set(hits["zone_id"].astype(str))
    return [str(code) for code in layer["zone_id"] if str(code) not in held]


def _zones_onto(preview, src: Sources, pack_zones: gpd.GeoDataFrame,
                communes: pd.DataFrame | None = None) -> gpd.GeoDataFrame:
    """The pack's zones with every zoning the files draw replaced (commune polygons × composition, or zone
    polygons taken as they are). Zones taken as they are that hold no commune of the pack (`communes` with
    `lon`, `lat`) are doubts: integrated only once the user confirms."""
    if not src.frames("commune_geometry"):
        for parsed, _, _ in src.frames("composition"):
            preview.problems.append(file_problem(parsed.report.name, "une table de composition communale ne "
                                    "suffit pas à dessiner les zones : joignez les polygones des communes "
                                    "(GeoPackage, GeoJSON ou Shapefile zippé) dans le même envoi"))
        if preview.problems:
            return pack_zones
    layers, results, chosen = zones.drawn_layers(src, derive=False)
    for layer in layers:
        zoning = layer["zoning"].iloc[0]
        result, name = results[zoning], chosen[zoning][0].report.name
        if result.missing_zones:
            preview.problems.append(file_problem(name, "zones dont aucune commune n'a de polygone : "
                                                 + ", ".join(result.missing_zones[:10])))
        for partial in result.partial_zones[:10]:
            preview.notes.append(f"{where(chosen[zoning][0])} : {partial}")
    drawn = {layer["zoning"].iloc[0] for layer in layers}
    names = zones.zone_names(src)
    for parsed, digest, frame in src.frames("zone_geometry") + src.frames("admin_geometry"):
        if frame.empty:
            src.unused(parsed, t("hostile.geo.all_rejected"))
            continue
        zoning = frame["zoning"].iloc[0]
        if zoning in drawn:
            src.unused(parsed, f"zonage {zoning} déjà dessiné à partir des polygones des communes")
            continue
        layer = zones.as_is(src, parsed, digest, frame, names)
        layers.append(layer)
        drawn.add(zoning)
        empty = empty_zones(layer, communes)
        if empty:
            key = "hostile.zones.none_inside" if len(empty) == len(layer) else "hostile.zones.some_empty"
            preview.doubts.append(file_problem(parsed.report.name, t(key, zoning=zoning, n=len(empty),
                                                                     codes=listing(empty, 10))))
    for layer in layers:
        zoning = layer["zoning"].iloc[0]
        held = pack_zones.loc[pack_zones["zoning"] == zoning, "zone_id"]
        gone = sorted(set(held) - set(layer["zone_id"]))
        if gone:
            preview.notes.insert(0, t("hostile.zones.replaced", zoning=zoning, held=len(held), brought=len(layer),
                                      gone=len(gone), codes=listing(gone, 10)))
        pack_zones = zones.replace_zoning(pack_zones, layer)
        preview.changes[f"zones ({zoning})"] = len(layer)
        preview.previews[f"zones ({zoning})"] = pd.DataFrame(layer.drop(columns="geometry")).head(20)
    return pack_zones


def assemble_onto(preview, territory: Territory, items: list[tuple[Parsed, str]], imported_by: str) -> BuildReport:
    """Merge `items` (recognised tables, SHA-256 of their files) onto `territory`, filling `preview`; the merged
    pack (in memory, validated) is `preview.territory` when no problem remains. Returns the French report."""
    report = BuildReport()
    preview.assembly = report
    src = Sources(items, imported_by, report)
    default_zoning = territory.default_zoning or territory.zoning_ids()[0]
    new_zones = _zones_onto(preview, src, territory.zones, territory.tables.get("communes"))
    if preview.problems:
        return report
    incoming: dict[str, list[pd.DataFrame]] = {}

    def bring(table: str, frame: pd.DataFrame | None, parsed: Parsed | None = None, digest: str = "") -> None:
        if frame is None or frame.empty:
            return
        incoming.setdefault(table, []).append(frame)
        if parsed is not None:
            src.use(table, parsed, digest)

    rec, _, basins = recruitment(src, new_zones)
    if rec is not None:
        if rec.empty:
            for parsed, _, raw in src.distinct("recruitment_raw"):
                rows = raw.assign(zoning="BMO", zone_id=raw["basin"])
                codes = basin_codes(raw, sorted(raw["basin"].unique()))
                preview.problems.append(file_problem(parsed.report.name, "aucun bassin, département ni région du "
                                        "fichier ne correspond aux zones du pack ; "
                                        + offpack.sentence("recruitment", rows, codes, kept=False)))
        else:
            bring("recruitment", rec)
            bring("recruitment_basins", basins)
            src.fed["recruitment_basins"] = list(src.fed.get("recruitment", []))
    for parsed, digest in items:
        for table in CANONICAL:
            if table in parsed.data and parsed.report.used:
                frame = check_zones(preview, parsed, parsed.data[table], new_zones, default_zoning, table)
                if table == "training":
                    frame = tables.complete_training(frame)
                bring(table, frame.drop(columns=["source_row"], errors="ignore"), parsed, digest)
    if src.frames("training_raw") or src.frames("enrolment"):
        frame = tables.training(src, new_zones)
        if frame is None or frame.empty:
            for parsed, _, raw_frame in src.frames("training_raw") + src.frames("enrolment"):
                column, how = zone_column(parsed)
                deps = listing(sorted(raw_frame["zone_id"].dropna().astype(str).unique()), 10) \
                    if "zone_id" in raw_frame else ""
                preview.problems.append(Problem(
                    f"{where(parsed)}" + (f", colonne « {column} »" if column else "")
                    + f" : aucun département des formations {how}ne correspond aux zones du pack"
                    + (f" (départements {deps})" if deps else ""),
                    file=parsed.report.file, sheet=parsed.report.sheet, column=column))
        bring("training", frame)
    else:
        bring("training", tables.training_rates(src, territory.tables.get("training"), new_zones))
    bring("occupations", tables.concat(src, "occupations", "occupations", ["system", "code"]))
    bring("occupation_links", tables.concat(src, "occupation_links", "occupation_links",
                                            ["from_system", "from_code", "to_system", "to_code", "kind"]))
    links, labels = src.frames("skill_links"), src.frames("skill_labels") + src.frames("skill_items")
    if links and labels:
        bring("skills", tables.skills(src))
    elif links or labels:
        names = ", ".join(p.report.name for p, _, _ in links + labels)
        preview.notes.append(f"{names} : les compétences du ROME demandent ensemble le fichier de cohérence "
                             "métier–item et celui des compétences ou des savoirs ; rien n'est intégré pour elles")
    if preview.problems:
        return report
    _merge(preview, territory, new_zones, incoming, src)
    return report


def _merge(preview, territory: Territory, new_zones, incoming: dict, src: Sources) -> None:
    merged = Territory(name=territory.name, zones=new_zones, tables=dict(territory.tables),
                       fictional=territory.fictional, description=territory.description,
                       zonings=dict(territory.zonings), default_zoning=territory.default_zoning,
                       provenance=dict(territory.provenance), path=territory.path)
    for zoning, group in new_zones.groupby("zoning"):
        entry = dict(merged.zonings.get(zoning, {}))
        entry.setdefault("label", zones.zoning_label(zoning))
        entry["count"] = int(len(group))
        merged.zonings[zoning] = entry
    for table, frames in incoming.items():
        rows = pd.concat(frames, ignore_index=True)
        try:
            rows = validate_table(table, rows)
        except ValidationError as exc:
            preview.problems.extend(exc.problems)
            continue
        merged.tables[table] = upsert(table, merged.tables.get(table), rows)
        preview.changes[table] = len(rows)
        preview.assembly.add(table_line(table, len(merged.tables[table]), vintages_of(rows), brought=len(rows)))
        preview.previews[table] = rows.head(20)
    if {"occupation_links", "skills"} & set(incoming):
        bridged = build_bridges(merged.tables.get("occupation_links"), merged.tables.get("skills"))
        if bridged is not None and len(bridged):
            merged.tables["bridges"] = bridged
            for parsed, digest in src.fed.get("occupation_links", []) + src.fed.get("skills", []):
                src.use("bridges", parsed, digest)
            preview.changes["bridges"] = len(bridged)
            preview.assembly.add(bridges_line(bridged))
    for table in src.fed:
        merged.provenance[table] = src.provenance_of(table, previous=territory.provenance.get(table))
    if preview.problems:
        return
    problems = merged.validate()
    if problems:
        preview.problems.append(Problem("Le pack après intégration ne serait pas valide :"))
        preview.problems.extend(problems)
        return
    preview.territory = merged


def upsert(table: str, before: pd.DataFrame | None, incoming: pd.DataFrame) -> pd.DataFrame:
    """Incoming rows replace the rows with the same key (the table's unique key); the other rows are kept."""
    if before is None or before.empty:
        return incoming.reset_index(drop=True)
    key = SCHEMAS[table].unique if table in SCHEMAS and SCHEMAS[table].unique else None
    if key is None:
        key = [c for c in incoming.columns if c in before.columns]
    combined = pd.concat([before, incoming], ignore_index=True)
    return combined.drop_duplicates(key, keep="last").reset_index(drop=True)
