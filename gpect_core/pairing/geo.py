"""Where a commune is, for distances between firms.

The pack has no commune geometry: a commune is placed at the centroid of the zone that holds it in the pack's
finest zoning (the one with the most zones among the `zone_<ZONING>` columns of `communes`; EPCI on the
national pack, the zones d'emploi on the demo). Two communes of the same zone are therefore 0 km apart, and a
distance is accurate to about the size of those zones. Distances are great-circle kilometres (sphere of radius
6,371 km).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

EARTH_RADIUS_KM = 6371.0


def finest_zoning(territory) -> str | None:
    """The zoning (str) with the most zones among those `communes` names in a `zone_<ZONING>` column, or None."""
    communes = territory.table("communes")
    counts = territory.zones.groupby("zoning").size()
    candidates = [c.removeprefix("zone_") for c in communes.columns if c.startswith("zone_")]
    candidates = [z for z in candidates if z in counts.index]
    return max(candidates, key=lambda z: counts[z]) if candidates else None


def commune_points(territory) -> pd.DataFrame:
    """One row per commune of the pack placed on the map: columns commune_id (str), name (str), lon, lat
    (float64, degrees WGS 84), zone_id (str, its zone in `finest_zoning`). Communes whose zone has no
    geometry are left out."""
    zoning = finest_zoning(territory)
    communes = territory.table("communes")
    if zoning is None:
        return pd.DataFrame(columns=["commune_id", "name", "lon", "lat", "zone_id"])
    zones = territory.zones_of(zoning)
    centres = shapely.centroid(zones.geometry.to_numpy())
    located = pd.DataFrame({"zone_id": zones["zone_id"].astype(str).to_numpy(),
                            "lon": shapely.get_x(centres), "lat": shapely.get_y(centres)}).dropna()
    frame = pd.DataFrame({"commune_id": communes["commune_id"].astype(str),
                          "name": communes["name"].astype(str),
                          "zone_id": communes[f"zone_{zoning}"].astype("string")})
    return frame.merge(located, on="zone_id", how="inner")[["commune_id", "name", "lon", "lat", "zone_id"]]


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
