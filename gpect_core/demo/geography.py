"""The demo's geography: a fictional région outline tiled by Voronoi communes, grouped into 15 zones d'emploi,
3 départements and the région, plus the economic profile given to each zone."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Polygon

from .constants import CENTER_L93, DEPARTMENTS, PROFILES, REGION_ID, ZONE_NAMES


def _region_outline(rng: np.random.Generator) -> Polygon:
    angles = np.linspace(0, 2 * math.pi, 48, endpoint=False)
    radius = 95_000 * (1 + 0.18 * np.sin(3 * angles + 0.7) + 0.08 * np.cos(5 * angles) + rng.normal(0, 0.03, 48))
    cx, cy = CENTER_L93
    return Polygon(np.column_stack([cx + radius * np.cos(angles) * 1.15, cy + radius * np.sin(angles)]))


def _commune_names(rng: np.random.Generator, count: int) -> list[str]:
    starts = ["Saint-", "Sainte-", "", "", "", "", "La ", "Le ", "Les ", "Mont", "Ville", "Font"]
    roots = ["aubin", "brézy", "champ", "vaux", "roche", "marsac", "belval", "court", "lanois", "savin", "tourny",
             "verneuil", "gréville", "orval", "mazières", "bruyères", "chênaie", "loubière", "sorbier", "peyrac",
             "ferrand", "aurin", "brécy", "monteil", "sauvain", "colombe", "genest", "liesse", "ornay", "lézat"]
    ends = ["", "", "", "-sur-Sorne", "-en-Verdanne", "-le-Haut", "-la-Forêt", "-lès-Maude", "-sur-Lézon"]
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        start = starts[rng.integers(len(starts))]
        root = roots[rng.integers(len(roots))]
        name = start + (root.capitalize() if start in ("", "Saint-", "Sainte-", "La ", "Le ", "Les ") else root)
        name += ends[rng.integers(len(ends))]
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def communes_and_zones(rng: np.random.Generator) -> tuple[pd.DataFrame, gpd.GeoDataFrame]:
    outline = _region_outline(rng)
    minx, miny, maxx, maxy = outline.buffer(40_000).bounds
    seeds = np.column_stack([rng.uniform(minx, maxx, 1400), rng.uniform(miny, maxy, 1400)])
    cells = shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=shapely.box(minx, miny, maxx, maxy))
    points = shapely.points(seeds)
    inside = shapely.contains(outline, points)
    # Each Voronoi cell belongs to the seed it contains; keep those whose seed lies in the région.
    cell_list = list(shapely.get_parts(cells))
    tree = shapely.STRtree(cell_list)
    owner = tree.query(points, predicate="within")
    cell_of_seed = dict(zip(owner[0], owner[1], strict=True))
    kept = [i for i in range(len(seeds)) if inside[i]]
    commune_geoms = [cell_list[cell_of_seed[i]] for i in kept]
    commune_points = seeds[kept]

    centres = _farthest_points(commune_points, len(ZONE_NAMES), rng)
    distances = np.linalg.norm(commune_points[:, None, :] - commune_points[centres][None, :, :], axis=2)
    zone_index = distances.argmin(axis=1)

    region_centroid = commune_points.mean(axis=0)
    centre_angles = np.arctan2(*(commune_points[centres] - region_centroid).T[::-1])
    dep_of_zone = np.digitize(centre_angles, [-math.pi / 3, math.pi / 3 + 0.4]) % 3

    n = len(kept)
    population = np.round(rng.lognormal(7.0, 1.1, n)).astype(int) + 80
    # A préfecture-sized town at each zone's centre.
    population[centres] = np.round(rng.uniform(12_000, 75_000, len(centres))).astype(int)
    zone_ids = [f"{REGION_ID}{i + 1:02d}" for i in range(len(ZONE_NAMES))]
    communes = pd.DataFrame({
        "commune_id": [f"9{int(dep_of_zone[zone_index[i]])}{i + 1:03d}" for i in range(n)],
        "name": _commune_names(rng, n),
        "dep": [DEPARTMENTS[dep_of_zone[z]][0] for z in zone_index],
        "reg": REGION_ID,
        "epci": None,
        "population": population,
        "zone_ZE2020": [zone_ids[z] for z in zone_index],
    })
    communes["epci"] = pd.Series([None] * n, dtype="str")
    # each commune at its own centroid, as a built pack places it (`lon`, `lat`): a Voronoi cell is convex, so its
    # centroid lies in the commune, hence in its zones
    centroids = gpd.GeoSeries(shapely.centroid(np.asarray(commune_geoms, dtype=object)), crs="EPSG:2154")
    centroids = centroids.to_crs("EPSG:4326")
    communes["lon"] = np.round(centroids.x.to_numpy(dtype=float), 6)
    communes["lat"] = np.round(centroids.y.to_numpy(dtype=float), 6)

    geo = gpd.GeoDataFrame(communes[["zone_ZE2020", "dep", "population"]], geometry=commune_geoms, crs="EPSG:2154")
    rows = []
    for i, zone_id in enumerate(zone_ids):
        part = geo[geo["zone_ZE2020"] == zone_id]
        rows.append({"zoning": "ZE2020", "zone_id": zone_id, "name": ZONE_NAMES[i],
                     "dep": DEPARTMENTS[dep_of_zone[i]][0], "reg": REGION_ID,
                     "population": int(part["population"].sum()),
                     "geometry": shapely.coverage_union_all(part.geometry.values)})
    for dep_id, dep_name in DEPARTMENTS:
        part = geo[geo["dep"] == dep_id]
        rows.append({"zoning": "DEP", "zone_id": dep_id, "name": dep_name, "dep": dep_id, "reg": REGION_ID,
                     "population": int(part["population"].sum()),
                     "geometry": shapely.coverage_union_all(part.geometry.values)})
    rows.append({"zoning": "REG", "zone_id": REGION_ID, "name": "Région fictive", "dep": None, "reg": REGION_ID,
                 "population": int(geo["population"].sum()),
                 "geometry": shapely.coverage_union_all(geo.geometry.values)})
    zones = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:2154").to_crs("EPSG:4326")
    zones["geometry"] = shapely.set_precision(zones.geometry.values, 1e-6)
    zones["population"] = zones["population"].astype("Int64")
    zones.attrs["profiles"] = None
    return communes, zones


def _farthest_points(points: np.ndarray, count: int, rng: np.random.Generator) -> list[int]:
    chosen = [int(np.linalg.norm(points - points.mean(axis=0), axis=1).argmin())]
    distance = np.linalg.norm(points - points[chosen[0]], axis=1)
    while len(chosen) < count:
        nxt = int(distance.argmax())
        chosen.append(nxt)
        distance = np.minimum(distance, np.linalg.norm(points - points[nxt], axis=1))
    return chosen


def zone_profiles(zones: gpd.GeoDataFrame) -> dict[str, str]:
    """The economic profile given to each demo zone d'emploi (fixed by its rank, hence deterministic)."""
    ze = zones[zones["zoning"] == "ZE2020"].sort_values("zone_id")
    return {zone_id: PROFILES[i % len(PROFILES)] for i, zone_id in enumerate(ze["zone_id"])}
