"""Where a firm is, for distances between firms, and which basins are neighbours.

A commune is placed at its own centroid (`lon`, `lat` of the pack table `communes`: centroid of the commune's
IGN ADMIN EXPRESS polygon, computed by build-pack). A commune without coordinates (a pack built before they were
stored, or a commune without a polygon) falls back to the centroid of the zone that holds it in the pack's finest
zoning (the one with the most zones among the `zone_<ZONING>` columns of `communes`: EPCI on the national pack),
and a row known only by its zone (a survey answer) to the centroid of that zone; each such point says so
(`located`), and the pairs built on it carry a note. Distances are great-circle kilometres (sphere of radius
6,371 km).

Neighbouring basins: zones of one zoning whose polygons share a border of positive length (shapely, on the
pack's stored coverage), computed once per pack and zoning.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

EARTH_RADIUS_KM = 6371.0
COMMUNE = "commune"
POINT_COLUMNS = ["commune_id", "name", "lon", "lat", "zone_id", "located"]


def finest_zoning(territory) -> str | None:
    """The zoning (str) with the most zones among those `communes` names in a `zone_<ZONING>` column, or None."""
    communes = territory.table("communes")
    counts = territory.zones.groupby("zoning").size()
    candidates = [c.removeprefix("zone_") for c in communes.columns if c.startswith("zone_")]
    candidates = [z for z in candidates if z in counts.index]
    return max(candidates, key=lambda z: counts[z]) if candidates else None


def _memo(territory, name: str) -> dict:
    return territory.__dict__.setdefault(f"_gpect_pairing_{name}", {})


def zone_centres(territory, zoning: str) -> pd.DataFrame:
    """Centroids of the zones of `zoning`: columns zone_id (str), name (str), lon, lat (float64, degrees WGS 84)."""
    memo = _memo(territory, "centres")
    key = (zoning, id(territory.zones))
    if key not in memo:
        zones = territory.zones_of(zoning)
        centres = shapely.centroid(zones.geometry.to_numpy())
        memo[key] = pd.DataFrame({"zone_id": zones["zone_id"].astype(str).to_numpy(),
                                  "name": zones["name"].astype(str).to_numpy(),
                                  "lon": shapely.get_x(centres), "lat": shapely.get_y(centres)}).dropna()
    return memo[key]


def commune_points(territory) -> pd.DataFrame:
    """One row per commune of the pack placed on the map: columns commune_id (str), name (str), lon, lat
    (float64, degrees WGS 84), zone_id (str, its zone in `finest_zoning`), located (« commune » at its own
    centroid, else the zoning whose zone centroid stands for it). Communes placed nowhere are left out.
    Memoised on the territory (its communes table)."""
    communes = territory.table("communes")
    memo = _memo(territory, "points")
    if memo.get("key") == id(communes):
        return memo["points"]
    zoning = finest_zoning(territory)
    frame = pd.DataFrame({"commune_id": communes["commune_id"].astype(str).to_numpy(),
                          "name": communes["name"].astype(str).to_numpy(),
                          "zone_id": (communes[f"zone_{zoning}"].astype(object).to_numpy() if zoning
                                      else np.full(len(communes), None, dtype=object))})
    own = {c: pd.to_numeric(communes[c], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
           if c in communes else np.full(len(communes), np.nan) for c in ("lon", "lat")}
    frame["lon"], frame["lat"] = own["lon"], own["lat"]
    frame["located"] = np.where(np.isnan(frame["lon"]) | np.isnan(frame["lat"]), zoning or "", COMMUNE)
    if zoning is not None:
        centres = zone_centres(territory, zoning).set_index("zone_id")
        missing = frame["located"] != COMMUNE
        zone = frame.loc[missing, "zone_id"]
        frame.loc[missing, "lon"] = zone.map(centres["lon"]).to_numpy(dtype=float)
        frame.loc[missing, "lat"] = zone.map(centres["lat"]).to_numpy(dtype=float)
    frame = frame.dropna(subset=["lon", "lat"]).reset_index(drop=True)
    memo.update(key=id(communes), points=frame[POINT_COLUMNS])
    return memo["points"]


def row_points(territory, rows: pd.DataFrame) -> pd.DataFrame:
    """The point of each row of a list (columns commune_id, and optionally zoning, zone_id for rows known only by
    their zone): columns lon, lat (float64, NaN when the row can be placed nowhere), located (« commune » or the
    zoning of the zone centroid used), place_name (commune name, or zone name), on `rows`' index."""
    memo = _memo(territory, "points")
    commune_points(territory)
    if memo.get("indexed_key") != memo["key"]:
        memo.update(indexed_key=memo["key"], indexed=memo["points"].set_index("commune_id"))
    points = memo["indexed"]
    commune = rows["commune_id"].fillna("").astype(str)
    out = pd.DataFrame({"lon": commune.map(points["lon"]), "lat": commune.map(points["lat"]),
                        "located": commune.map(points["located"]), "place_name": commune.map(points["name"])},
                       index=rows.index)
    if {"zoning", "zone_id"} <= set(rows.columns):
        for zoning, group in rows[out["lon"].isna() & rows["zone_id"].notna()].groupby("zoning"):
            centres = zone_centres(territory, str(zoning)).set_index("zone_id")
            zone = group["zone_id"].astype(str)
            out.loc[group.index, "lon"] = zone.map(centres["lon"])
            out.loc[group.index, "lat"] = zone.map(centres["lat"])
            out.loc[group.index, "place_name"] = zone.map(centres["name"])
            out.loc[group.index, "located"] = str(zoning)
    return out.astype({"lon": float, "lat": float})


def neighbours(territory, zoning: str) -> pd.DataFrame:
    """Pairs of zones of `zoning` that share a border (a common boundary of positive length), both ways, plus
    each zone with itself: columns zone_a, zone_b (str). Computed once per pack and zoning (STRtree on the zone
    polygons), memoised on the territory."""
    memo = _memo(territory, "neighbours")
    key = (zoning, id(territory.zones))
    if key in memo:
        return memo[key]
    zones = territory.zones_of(zoning)
    geoms = zones.geometry.to_numpy()
    ids = zones["zone_id"].astype(str).to_numpy()
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    other = left != right
    left, right = left[other], right[other]
    shared = shapely.length(shapely.intersection(shapely.boundary(geoms[left]), shapely.boundary(geoms[right])))
    border = shared > 0
    pairs = pd.DataFrame({"zone_a": np.concatenate([ids[left[border]], ids]),
                          "zone_b": np.concatenate([ids[right[border]], ids])}).drop_duplicates()
    memo[key] = pairs.reset_index(drop=True)
    return memo[key]


def unit_xyz(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Points on the sphere of radius EARTH_RADIUS_KM (array n × 3, km) for degrees `lon`, `lat`."""
    lam, phi = np.radians(lon), np.radians(lat)
    return EARTH_RADIUS_KM * np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def chord_for(km: float) -> float:
    """The straight-line (chord) length in km of a great-circle distance `km`."""
    return 2 * EARTH_RADIUS_KM * np.sin(min(km, np.pi * EARTH_RADIUS_KM) / (2 * EARTH_RADIUS_KM))


def arc_for(chord: np.ndarray) -> np.ndarray:
    """Great-circle km for chord lengths in km."""
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.clip(chord / (2 * EARTH_RADIUS_KM), 0, 1))
