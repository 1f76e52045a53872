"""Geometry files: GeoPackage, GeoJSON, zipped Shapefile, in any CRS their files declare.

A zip is opened only after checking it: no path that leaves the folder (`../`, absolute), no entry that
inflates beyond reason (zip bomb), a Shapefile with its .shx, .dbf and .prj (without .prj its coordinates
mean nothing we can trust).
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from ..errors import Problem
from ..i18n import t
from .base import FileReport, Format, Parsed
from .bounds import check_json_depth, check_zip_entries, inflate_bounded
from .sniff import RawTable, ReadError, normalise_codes, normalise_dep, parse_numbers

GEO_SUFFIXES = (".gpkg", ".geojson", ".json", ".zip", ".shp")
MAX_UNZIPPED_BYTES = 1_500_000_000
MAX_RATIO = 200
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf")


def check_zip(data: bytes, file: str) -> zipfile.ZipFile:
    """The archive, opened after refusing dangerous paths, zip bombs and oversize content
    (raises ReadError in French)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = check_zip_entries(archive, file)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReadError(f"« {file} » : archive zip illisible ou tronquée.") from None
    if not entries:
        raise ReadError(f"« {file} » : l'archive zip est vide.")
    total = 0
    for entry in entries:
        name = entry.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name):
            raise ReadError(f"« {file} » : l'archive contient un chemin dangereux (« {name} ») qui sortirait "
                            "du dossier ; elle est refusée.")
        total += entry.file_size
        if entry.compress_size and entry.file_size / max(entry.compress_size, 1) > MAX_RATIO and entry.file_size > 10_000_000:
            raise ReadError(f"« {file} » : « {name} » se décompresse {entry.file_size // max(entry.compress_size, 1)} "
                            "fois plus gros que son volume compressé : archive suspecte (bombe zip), refusée.")
    if total > MAX_UNZIPPED_BYTES:
        raise ReadError(f"« {file} » : l'archive décompressée ferait {total / 1e6:.0f} Mo, au-delà de la limite de "
                        f"{MAX_UNZIPPED_BYTES / 1e6:.0f} Mo ; elle est refusée.")
    return archive


def _extract(archive: zipfile.ZipFile, names: list[str], folder: str, file: str) -> None:
    """Write only the named entries (paths already checked by `check_zip`), each bounded by what it declares."""
    for name in names:
        entry = archive.getinfo(name)
        target = Path(folder) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as out:
            for chunk in inflate_bounded(archive, entry, file, entry.file_size):
                out.write(chunk)
        if name.lower().endswith((".geojson", ".json")):
            check_json_depth(target.read_bytes(), f"{file} / {name}")
            check_geojson_shape(target.read_bytes(), f"{file} / {name}")


def read_geo_bytes(data: bytes, file: str) -> gpd.GeoDataFrame:
    """A geometry file as a GeoDataFrame in its own CRS (checked to exist)."""
    if not data:
        raise ReadError(f"« {file} » : le fichier est vide.")
    suffix = Path(file).suffix.lower()
    if suffix == ".shp":
        raise ReadError(f"« {file} » : un Shapefile est fait de plusieurs fichiers ; envoyez-le zippé avec ses "
                        "fichiers .shx, .dbf et .prj.")
    with tempfile.TemporaryDirectory(prefix="gpect-geo-") as tmp:
        if suffix == ".zip":
            archive = check_zip(data, file)
            shapefiles = [n for n in archive.namelist() if n.lower().endswith(".shp")]
            others = [n for n in archive.namelist() if n.lower().endswith((".gpkg", ".geojson"))]
            if not shapefiles and not others:
                raise ReadError(f"« {file} » : l'archive ne contient ni Shapefile (.shp) ni GeoPackage ni GeoJSON.")
            if shapefiles:
                stem = shapefiles[0][:-4]
                names = {n.lower() for n in archive.namelist()}
                missing = [ext for ext in (".shx", ".dbf") if (stem + ext).lower() not in names]
                if missing:
                    raise ReadError(f"« {file} » : le Shapefile « {Path(stem).name}.shp » est incomplet "
                                    f"(manque {', '.join(missing)}).")
                if (stem + ".prj").lower() not in names:
                    raise ReadError(f"« {file} » : le Shapefile « {Path(stem).name}.shp » n'a pas de fichier .prj : "
                                    "son système de coordonnées est inconnu. Ajoutez le .prj (Lambert-93, WGS84...) "
                                    "fourni avec le fichier.")
                wanted = {(stem + ext).lower() for ext in (*SHAPEFILE_PARTS, ".prj", ".cpg")}
                _extract(archive, [n for n in archive.namelist() if n.lower() in wanted], tmp, file)
                path = Path(tmp) / shapefiles[0]
            else:
                _extract(archive, others[:1], tmp, file)
                path = Path(tmp) / others[0]
        else:
            if suffix in (".geojson", ".json"):
                check_json_depth(data, file)
                check_geojson_shape(data, file)
            path = Path(tmp) / ("data" + (suffix or ".geojson"))
            path.write_bytes(data)
        try:
            frame = gpd.read_file(path, engine="pyogrio", layer=_polygon_layer(path, file))
        except shapely.errors.GEOSException:
            raise ReadError(t("hostile.geo.ring", file=file)) from None
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError, OSError):
            raise ReadError(f"« {file} » : fichier géographique illisible (abîmé, tronqué ou d'un format inattendu).") from None
    if frame.crs is None:
        if suffix in (".geojson", ".json"):
            frame = frame.set_crs(4326)  # RFC 7946: GeoJSON is WGS84 unless it says otherwise
        else:
            raise ReadError(f"« {file} » : le système de coordonnées n'est pas déclaré.")
    if frame.empty:
        raise ReadError(f"« {file} » : aucune entité géographique.")
    _check_coordinates_fit_crs(frame, file)
    return frame


def _polygon_layer(path: Path, file: str) -> str | None:
    """The layer to read in a multi-layer file (GeoPackage): the only one with polygons; None for a single layer.
    ReadError listing the layers when several hold polygons (which one is meant cannot be guessed)."""
    if path.suffix.lower() != ".gpkg":
        return None
    try:
        layers = pyogrio.list_layers(path)
    except (pyogrio.errors.DataSourceError, OSError):
        return None  # read_file says it in French
    if len(layers) <= 1:
        return None
    polygons = [str(name) for name, kind in layers if kind and "POLYGON" in str(kind).upper()]
    if len(polygons) == 1:
        return polygons[0]
    listed = ", ".join(f"« {name} »" for name in (polygons or [str(n) for n, _ in layers])[:10])
    raise ReadError(t("hostile.geo.layers", file=file, n=len(layers), layers=listed))


_FEATURE_TYPE = re.compile(rb'"type"\s*:\s*"Feature(Collection)?"')
_TEXT_COORDINATE = re.compile(rb'"coordinates"\s*:\s*[\[\s]*"')
GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")


def check_geojson_shape(data: bytes, file: str) -> None:
    """Refuse, with a French message naming the file (and the feature), a GeoJSON whose shape cannot give named
    zones: a bare geometry or a GeometryCollection (outlines without attributes), or coordinates written as
    text. A FeatureCollection or a single Feature passes. Raises ReadError. The whole file is parsed only when a
    scan of its bytes finds no feature or a quoted coordinate (to name the fault and the feature)."""
    if _NOT_A_NUMBER.search(data):
        raise ReadError(t("hostile.geo.nan", file=file))
    try:
        payload = json.loads(data.decode("utf-8-sig"), object_pairs_hook=_pairs)
    except UnicodeDecodeError:
        raise ReadError(t("hostile.geo.not_utf8", file=file)) from None
    except ValueError as exc:
        line = f", ligne {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise ReadError(f"« {file} »{line} : fichier géographique illisible, ce n'est pas un JSON valide (tronqué "
                        "ou abîmé).") from None
    kind = payload.get("type") if isinstance(payload, dict) else None
    _name_repeated_keys(payload, file)
    if _FEATURE_TYPE.search(data) and not _TEXT_COORDINATE.search(data):
        return
    if kind == "GeometryCollection" or kind in GEOMETRY_TYPES:
        raise ReadError(t("hostile.geo.bare_geometry", file=file, kind=kind))
    features = payload.get("features") if kind == "FeatureCollection" else [payload] if kind == "Feature" else None
    if not isinstance(features, list):
        raise ReadError(t("hostile.geo.not_features", file=file, kind=kind or "?"))
    for number, feature in enumerate(features, start=1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        text = _text_coordinate(geometry.get("coordinates") if isinstance(geometry, dict) else None)
        if text is not None:
            raise ReadError(t("hostile.geo.text_coordinates", file=file, n=number, value=text[:40]))


_NOT_A_NUMBER = re.compile(rb"[\[,:]\s*-?(?:NaN|Infinity)\s*[\],}]")


class _Repeated(dict):
    """A JSON object that held a key twice (`key`: the first such key; JSON keeps only the last value)."""

    key = ""


def _pairs(items):
    seen = set()
    for key, _ in items:
        if key in seen:
            repeated = _Repeated(items)
            repeated.key = key
            return repeated
        seen.add(key)
    return dict(items)


def _name_repeated_keys(payload, file: str) -> None:
    """ReadError naming the first feature whose properties (or the feature itself) hold a key twice."""
    features = payload.get("features") if isinstance(payload, dict) else None
    for number, feature in enumerate(features if isinstance(features, list) else [payload], start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        for item in (properties, feature):
            if isinstance(item, _Repeated):
                raise ReadError(t("hostile.geo.duplicate_key", file=file, n=number, attribute=item.key))


def _text_coordinate(coordinates) -> str | None:
    """The first coordinate written as text in nested coordinate lists, or None."""
    stack = [coordinates]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            return item
        if isinstance(item, list):
            stack.extend(reversed(item))
    return None


def _check_coordinates_fit_crs(frame: gpd.GeoDataFrame, file: str) -> None:
    """Coordinates in metres (Lambert-93...) in a file that declares degrees (WGS84): named, not taken as
    « géométrie absente »."""
    if frame.geometry.isna().all():
        return
    west, south, east, north = frame.geometry.total_bounds
    in_degrees = max(abs(west), abs(east)) <= 180 and max(abs(south), abs(north)) <= 90
    crs = frame.crs.name or frame.crs.to_string()
    if not frame.crs.is_geographic:
        if in_degrees:
            raise ReadError(t("hostile.geo.degrees_in_projected", file=file, crs=crs, x=f"{west:g}", y=f"{south:g}"))
        return
    if in_degrees:
        return
    lambert = 0 <= west and east <= 1_300_000 and 6_000_000 <= south and north <= 7_200_000
    x = west if abs(west) > 180 or abs(east) <= 180 else east
    y = south if abs(south) > 90 or abs(north) <= 90 else north
    if max(abs(west), abs(east), abs(south), abs(north)) > 1e8:  # beyond any projection: a broken number
        raise ReadError(t("hostile.geo.absurd_coordinate", file=file, crs=crs, x=f"{x:g}", y=f"{y:g}"))
    raise ReadError(t("hostile.geo.crs_mismatch", file=file, crs=crs, x=f"{x:.0f}", y=f"{y:.0f}",
                      guess=t("hostile.geo.lambert") if lambert else ""))


def geometry_problems(frame: gpd.GeoDataFrame, raw: RawTable, code_column: str | None) -> pd.Series:
    """Mask of features whose polygon is missing, not a polygon, invalid or self-intersecting, with problems."""
    geoms = frame.geometry.values
    missing = frame.geometry.isna().to_numpy() | shapely.is_empty(geoms)
    kinds = shapely.get_type_id(geoms)
    not_polygon = ~missing & ~pd.Series(kinds).isin([3, 6]).to_numpy()
    invalid = ~missing & ~not_polygon & ~shapely.is_valid(geoms)
    return pd.Series(missing, index=frame.index), pd.Series(not_polygon, index=frame.index), pd.Series(invalid, index=frame.index)


def _first(frame: pd.DataFrame, *names: str) -> str | None:
    lowered = {c.lower(): c for c in frame.columns}
    for name in names:
        if name.lower() in lowered:
            return lowered[name.lower()]
    for column in frame.columns:
        for name in names:
            if name.startswith("re:") and re.fullmatch(name[3:], column.lower()):
                return column
    return None


GEO_COMMUNES = Format("geo_communes", "polygones des communes", (), lambda raw, rep: {}, "IGN / INSEE",
                      "ADMIN EXPRESS COG (communes)", "")
GEO_ZONES = Format("geo_zones", "polygones de zones déjà dessinées", (), lambda raw, rep: {}, "", "", "")
GEO_ADMIN = Format("geo_admin", "polygones des départements ou des régions", (), lambda raw, rep: {}, "IGN", "", "")


def parse_geo(frame: gpd.GeoDataFrame, file: str) -> Parsed:
    """Recognise commune polygons, zone polygons or départements/régions by their attribute columns."""
    attrs = pd.DataFrame(frame.drop(columns=frame.geometry.name)).astype(str)
    attrs = attrs.reset_index(drop=True)
    frame = frame.reset_index(drop=True)
    raw = RawTable(attrs, file=file, header_row=0, row_word="entité")
    commune_col = _first(attrs, "codgeo", "insee_com", "code_insee", "code_commune", "insee", "com")
    zone_cols = {
        "ZE2020": _first(attrs, "ze2020", "code_ze", "ze"),
        "BMO": _first(attrs, "code_bassin_bmo", "code_bassin", "re:be ?\\d\\d", "cbassin"),
        "EPCI": _first(attrs, "code_epci", "siren_epci"),
        "custom": _first(attrs, "code_zone", "zone_id", "zone"),
    }
    report = FileReport(file=file)
    if attrs.columns.empty:
        report.problems.append(Problem(t("hostile.geo.no_attributes", file=file, n=len(frame)), file=file))
        return Parsed.unrecognised(report, raw)
    missing, not_polygon, invalid = geometry_problems(frame, raw, commune_col)
    code_col = commune_col or next((c for c in zone_cols.values() if c), None) or _first(attrs, "code")
    report.reject(raw, missing, code_col or attrs.columns[0], t("hostile.geo.missing"))
    report.reject(raw, not_polygon, code_col or attrs.columns[0], "la géométrie n'est pas un polygone")
    for index in invalid[invalid].index[:20]:
        reason = shapely.is_valid_reason(frame.geometry.loc[index])
        point = re.search(r"\[(\S+) (\S+)\]", reason)
        at = f" ({float(point.group(1)):g} ; {float(point.group(2)):g})" if point else ""
        key = "hostile.geo.self_intersection" if "Self-intersection" in reason else "hostile.geo.invalid"
        code = f" « {attrs.at[index, code_col]} »" if code_col else ""
        report.problems.append(raw.problem(t(key, code=code, at=at), index=index, column="geometry"))
    report.rows_rejected += int(invalid.sum())
    keep = ~(missing | not_polygon | invalid)
    frame = frame[keep.to_numpy()]
    attrs = attrs[keep.to_numpy()]
    report.rows_read = len(keep)
    if commune_col:
        population_col = _first(attrs, "pmun", "population", "pop")
        geo = gpd.GeoDataFrame({
            "commune_id": normalise_codes(attrs[commune_col], 5),
            "name": attrs[_first(attrs, "libgeo", "nom", "nom_commune", "name")] if _first(
                attrs, "libgeo", "nom", "nom_commune", "name") else "",
            "dep": normalise_dep(attrs[_first(attrs, "dep", "insee_dep")]) if _first(attrs, "dep", "insee_dep") else "",
            "epci": attrs[_first(attrs, "epci", "siren_epci")] if _first(attrs, "epci", "siren_epci") else "",
            "libepci": attrs[_first(attrs, "libepci", "nom_epci")] if _first(attrs, "libepci", "nom_epci") else "",
            "population": (parse_numbers(attrs[population_col]).values.round().astype("Int64")
                           if population_col else pd.Series(pd.NA, index=attrs.index, dtype="Int64")),
        }, geometry=frame.geometry.values, crs=frame.crs)
        report.format_key, report.format_label = GEO_COMMUNES.key, GEO_COMMUNES.label
        return Parsed(GEO_COMMUNES, raw, {"commune_geometry": geo}, report)
    for zoning, column in zone_cols.items():
        if column:
            name_col = _first(attrs, f"lib{column.lower()}", "libze2020", "lib_bassin_bmo", "nom_zone", "nom",
                              "name", "libelle")
            zone_id = normalise_codes(attrs[column], 4 if zoning in ("ZE2020", "BMO") else None)
            geo = gpd.GeoDataFrame({"zoning": zoning, "zone_id": zone_id,
                                    "name": attrs[name_col] if name_col else zone_id},
                                   geometry=frame.geometry.values, crs=frame.crs)
            repeated = zone_id.duplicated(keep="first") & zone_id.ne("")
            for index in repeated[repeated].index[:20]:
                first = zone_id.index[zone_id.eq(zone_id[index])][0]
                report.problems.append(raw.problem(t("hostile.geo.duplicate_code", code=zone_id[index],
                                                     first=raw.row_number(first)), index=index, column=column))
            report.rows_rejected += int(repeated.sum())
            geo = geo[~repeated.to_numpy()]
            report.format_key = GEO_ZONES.key
            report.format_label = f"polygones de zones déjà dessinées (zonage {zoning})"
            return Parsed(GEO_ZONES, raw, {"zone_geometry": geo}, report)
    code = _first(attrs, "code", "code_insee")
    name = _first(attrs, "nom", "name", "libelle")
    if code and name:
        codes = attrs[code].astype(str).str.strip()
        zoning = "DEP" if codes.nunique() > 30 else "REG"
        ids = normalise_dep(codes) if zoning == "DEP" else normalise_codes(codes, 2)
        geo = gpd.GeoDataFrame({"zoning": zoning, "zone_id": ids, "name": attrs[name]},
                               geometry=frame.geometry.values, crs=frame.crs)
        report.format_key = GEO_ADMIN.key
        report.format_label = "polygones des départements" if zoning == "DEP" else "polygones des régions"
        return Parsed(GEO_ADMIN, raw, {"admin_geometry": geo}, report)
    report.notes.append("aucune colonne de code commune ou de zone reconnue (codgeo, ze2020, code_bassin, "
                        "code_epci, code_zone, code)")
    return Parsed.unrecognised(report, raw)
