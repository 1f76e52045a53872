"""Zone geometry: communes dissolved by any composition table, cleaned into a true coverage, simplified for
display so that neighbouring zones keep exactly the same border, and written as small GeoJSON.

Simplification happens in a projected CRS in metres: Lambert-93 (EPSG:2154) for metropolitan France and the
official local projection for each overseas département (a tolerance in metres means the same everywhere).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

WGS84 = 4326
LAMBERT93 = 2154
DISPLAY_TOLERANCE_M = {"ZE2020": 1800.0, "BMO": 1800.0, "DEP": 1500.0, "REG": 2000.0, "FR": 2500.0,
                       "EPCI": 600.0, "custom": 300.0}
DEFAULT_TOLERANCE_M = 300.0  # a zoning not listed above: as fine as the committee's own zones
DISPLAY_PRECISION_DEG = 1e-4  # ≈ 10 m: invisible on a basin map, and short numbers in the GeoJSON


def display_tolerance(zoning: str) -> float:
    """The one simplification rule: the tolerance in metres with which zones of `zoning` are drawn."""
    return DISPLAY_TOLERANCE_M.get(zoning, DEFAULT_TOLERANCE_M)


def local_crs(x: float, y: float) -> int:
    """The projected CRS (metres) for a point in WGS84: Lambert-93, or the overseas département's own."""
    if y > 35:
        return LAMBERT93
    if x < -58:
        return 5490  # Guadeloupe, Martinique, Saint-Martin: RGAF09 / UTM 20N
    if x < -45:
        return 2972  # Guyane: RGFG95 / UTM 22N
    if x > 50:
        return 2975  # La Réunion: RGR92 / UTM 40S
    if x > 40:
        return 4471  # Mayotte: RGM04 / UTM 38S
    return 3857


@dataclass
class DissolveResult:
    zones: gpd.GeoDataFrame  # zone_id, name, geometry (EPSG:4326), communes, communes_missing
    missing_zones: list[str] = field(default_factory=list)  # « Name (code) » with no polygon at all
    partial_zones: list[str] = field(default_factory=list)  # « Name (code) : n communes sans polygone »
    communes_without_zone: int = 0
    recoded: int = 0
    straddling: list[str] = field(default_factory=list)


def apply_passage(composition: pd.DataFrame, passage: pd.DataFrame | None,
                  known_codes: set[str] | None = None) -> tuple[pd.DataFrame, int, list[str]]:
    """Move commune codes to the current vintage through the INSEE passage table. A commune nouvelle that
    merged communes of different zones goes to the zone of the commune whose code it kept."""
    if passage is None or passage.empty:
        passage = pd.DataFrame({"old": pd.Series(dtype=str), "new": pd.Series(dtype=str)})
    mapping = pd.concat([_plm_arrondissements(composition["commune_id"]), passage])
    mapping = mapping.drop_duplicates("old").set_index("old")["new"]
    if known_codes is not None:
        to_map = ~composition["commune_id"].isin(known_codes)
    else:
        to_map = pd.Series(True, index=composition.index)
    mapped = composition["commune_id"].map(mapping).astype(object)
    new_codes = mapped.where(to_map & mapped.notna(), composition["commune_id"])
    recoded = int((new_codes != composition["commune_id"]).sum())
    out = composition.assign(old_id=composition["commune_id"], commune_id=new_codes)
    zones_per_commune = out.groupby("commune_id")["zone_id"].nunique()
    straddling = sorted(zones_per_commune[zones_per_commune > 1].index)
    out["kept_code"] = out["old_id"] == out["commune_id"]
    out = out.sort_values(["commune_id", "kept_code"], ascending=[True, False]).drop_duplicates("commune_id")
    return out.drop(columns=["old_id", "kept_code"]).reset_index(drop=True), recoded, straddling


def _plm_arrondissements(codes: pd.Series) -> pd.DataFrame:
    """Paris, Lyon and Marseille arrondissements → their commune (the polygons are by commune)."""
    codes = codes[codes.str.fullmatch(r"751(0[1-9]|1\d|20)|6938[1-9]|132(0[1-9]|1[0-6])")]
    city = codes.str[:2].map({"75": "75056", "69": "69123", "13": "13055"})
    return pd.DataFrame({"old": codes, "new": city})


def dissolve(communes: gpd.GeoDataFrame, composition: pd.DataFrame, passage: pd.DataFrame | None = None
             ) -> DissolveResult:
    """Zone polygons from commune polygons and a commune → zone table (any zoning)."""
    known = set(communes["commune_id"])
    composition, recoded, straddling = apply_passage(composition, passage, known)
    names = composition.groupby("zone_id")["zone_name"].first()
    joined = communes[["commune_id", "geometry"]].merge(composition[["commune_id", "zone_id"]], on="commune_id")
    without_zone = len(communes) - joined["commune_id"].nunique()
    missing_communes = composition[~composition["commune_id"].isin(known)]
    missing_communes = missing_communes.assign(label=missing_communes["commune_name"].where(
        missing_communes["commune_name"].astype(str).str.strip() != "", missing_communes["commune_id"]))
    joined = gpd.GeoDataFrame(joined, geometry="geometry", crs=communes.crs).to_crs(WGS84)
    dissolved = joined[["zone_id", "geometry"]].dissolve("zone_id", method="unary").reset_index()
    dissolved["name"] = dissolved["zone_id"].map(names).fillna(dissolved["zone_id"])
    dissolved["communes"] = dissolved["zone_id"].map(joined.groupby("zone_id").size()).astype("Int64")
    lacking = missing_communes.groupby("zone_id").agg(n=("commune_id", "size"),
                                                         names=("label", lambda s: ", ".join(s.head(3))))
    dissolved["communes_missing"] = dissolved["zone_id"].map(lacking["n"]).fillna(0).astype("Int64")
    result = DissolveResult(zones=dissolved, communes_without_zone=without_zone, recoded=recoded,
                            straddling=straddling)
    drawn = set(dissolved["zone_id"])
    for zone_id, row in lacking.iterrows():
        label = f"{names.get(zone_id, zone_id)} ({zone_id})"
        if zone_id not in drawn:
            result.missing_zones.append(label)
        else:
            result.partial_zones.append(f"{label} : {row['n']} commune(s) sans polygone ({row['names']})")
    return result


def make_coverage(geoms: np.ndarray, grid_size: float | None = None) -> np.ndarray:
    """Polygons that may overlap or leave slivers → a true coverage (shared borders exactly equal).

    The borders are noded and polygonised; each face goes to the first polygon that contains it; faces no
    polygon contains but that are enclosed by zones (slivers, communes without polygon) go to the neighbour
    sharing the longest border."""
    geoms = np.asarray(geoms, dtype=object)
    if grid_size:
        geoms = shapely.set_precision(geoms, grid_size)
    valid = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if valid.sum() == 0:
        return geoms
    lines = shapely.union_all(shapely.boundary(geoms[valid]))
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    if len(faces) == 0:
        return geoms
    points = shapely.point_on_surface(faces)
    tree = shapely.STRtree(geoms)
    face_idx, geom_idx = tree.query(points, predicate="within")
    owner = np.full(len(faces), -1)
    order = np.lexsort((geom_idx, face_idx))
    face_idx, geom_idx = face_idx[order], geom_idx[order]
    firsts, positions = np.unique(face_idx, return_index=True)
    owner[firsts] = geom_idx[positions]
    orphans = np.where(owner < 0)[0]
    if len(orphans):
        owned = np.where(owner >= 0)[0]
        owned_tree = shapely.STRtree(faces[owned])
        for face in orphans:
            neighbours = owned[owned_tree.query(faces[face], predicate="touches")]
            if len(neighbours) == 0:
                continue
            shared = shapely.length(shapely.intersection(shapely.boundary(faces[face]),
                                                         shapely.boundary(faces[neighbours])))
            if shared.sum() >= 0.999 * shapely.length(faces[face]):
                owner[face] = owner[neighbours[int(np.argmax(shared))]]
    out = geoms.copy()
    for index in np.where(valid)[0]:
        mine = faces[owner == index]
        out[index] = shapely.coverage_union_all(mine) if len(mine) else shapely.Polygon()
    return out


def simplify_for_display(zones: gpd.GeoDataFrame, tolerance_m: float,
                         precision_deg: float = DISPLAY_PRECISION_DEG) -> gpd.GeoDataFrame:
    """Coverage-preserving simplification in metres, then coordinates reduced to `precision_deg` in WGS84;
    the result is again a valid coverage (checked by `coverage_is_valid`)."""
    zones = zones.to_crs(WGS84)
    parts = zones.geometry.reset_index(drop=True).explode(index_parts=False)
    part_owner = parts.index.to_numpy()
    reps = shapely.point_on_surface(parts.values)
    crs_codes = np.array([local_crs(p.x, p.y) for p in reps])
    simplified = np.empty(len(parts), dtype=object)
    for code in np.unique(crs_codes):
        mask = crs_codes == code
        projected = gpd.GeoSeries(parts.values[mask], crs=WGS84).to_crs(code).values
        projected = make_coverage(projected, grid_size=1.0)
        keep = ~shapely.is_empty(projected)
        out = np.array([shapely.Polygon()] * len(projected), dtype=object)
        out[keep] = shapely.coverage_simplify(projected[keep], tolerance_m)
        back = gpd.GeoSeries(out, crs=code).to_crs(WGS84).values
        back = shapely.set_precision(back, precision_deg, mode="pointwise")
        simplified[mask] = make_coverage(back)
    geometries = []
    for index in range(len(zones)):
        pieces = [g for g in simplified[part_owner == index] if g is not None and not g.is_empty]
        polygons = [p for g in pieces for p in shapely.get_parts(g) if p.geom_type == "Polygon" and p.area > 0]
        geometries.append(shapely.MultiPolygon(polygons) if len(polygons) > 1 else
                          (polygons[0] if polygons else shapely.Polygon()))
    out = zones.copy()
    geometries = np.array(geometries, dtype=object)
    invalid = ~shapely.is_valid(geometries)
    geometries[invalid] = shapely.make_valid(geometries[invalid], method="structure")
    out["geometry"] = geometries
    return out


def coverage_is_valid(zones: gpd.GeoDataFrame) -> bool:
    return bool(shapely.coverage_is_valid(zones.to_crs(WGS84).geometry.values))


def zones_geojson(zones: gpd.GeoDataFrame, properties: list[str] | tuple[str, ...] = ("zone_id", "name"),
                  values: dict[str, dict] | None = None) -> str:
    """A compact GeoJSON FeatureCollection for a map, holding only the properties the map shows.

    `values` adds properties by zone_id (e.g. {"tension": {"0051": 4}}) without copying the frame."""
    features = []
    frame = zones.to_crs(WGS84)
    for row in frame.itertuples(index=False):
        props = {p: _plain(getattr(row, p)) for p in properties}
        for key, mapping in (values or {}).items():
            props[key] = _plain(mapping.get(row.zone_id))
        geometry = row.geometry
        features.append({"type": "Feature", "properties": props,
                         "geometry": shapely.geometry.mapping(geometry) if geometry is not None else None})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      separators=(",", ":"), default=_plain)


def _plain(value):
    if value is None or (not isinstance(value, (str, list, tuple, dict)) and pd.isna(value)):
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def display_bounds(zones: gpd.GeoDataFrame) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) a map should open on: metropolitan France when the zones include it,
    so that a national map is not shrunk to fit the overseas départements (they stay drawn, off screen)."""
    frame = zones.to_crs(WGS84)
    points = shapely.point_on_surface(frame.geometry.values)
    metro = np.array([local_crs(p.x, p.y) == LAMBERT93 for p in points])
    chosen = frame[metro] if metro.any() else frame
    return tuple(float(v) for v in chosen.total_bounds)
