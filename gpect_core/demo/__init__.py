"""The embedded demo territory: fictional, deterministic, and saying so everywhere.

`build_demo()` draws a fictional région of 15 zones d'emploi whose polygons tile it with no gap and no overlap
(communes are Voronoi cells, zones are unions of communes), with real ROME 4.0 occupations and invented but
plausible figures: hiring projects (BMO-like, with statistical secrets), tension classes and their components,
quarterly unemployment, training programmes, company needs, partners and a 25-action plan over three axes.
The same seed always gives the same pack (`python -m gpect_core demo data/demo`).
"""

from __future__ import annotations

import math
from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point, Polygon

from .rome import ROME_FAMILIES, ROME_MOBILITIES, ROME_OCCUPATIONS
from ..territory import Provenance, Territory

SEED = 20240917
YEARS = (2022, 2023, 2024)
QUARTERS = [f"{y}-T{q}" for y in range(2021, 2025) for q in range(1, 5)]
REGION_ID = "99"
CENTER_L93 = (690_000.0, 6_640_000.0)  # Lambert-93, centre of metropolitan France: the place is fictional

ZONE_NAMES = (
    "Val d'Argent", "Bassin de Morvaux", "Plaine de la Sorne", "Coteaux du Lézon", "Haut-Verdanne",
    "Pays de Brécy", "Saint-Aurin", "Vallée de l'Ornelle", "Forêt de Champtoux", "Marches de Villerose",
    "Plateau de Castelane", "Rives de la Maude", "Pays de Montbaudry", "Bocage de Ferrand", "Monts de Savigne",
)
DEPARTMENTS = (("9A", "Sorne-et-Lézon"), ("9B", "Haute-Verdanne"), ("9C", "Maude-et-Ornelle"))
PROFILES = ("industrie", "agri_tourisme", "urbain", "residentiel", "logistique")
PROFILE_FAMILY_WEIGHTS = {
    "industrie": {"H": 3.0, "I": 2.2, "N": 1.2},
    "agri_tourisme": {"A": 3.2, "G": 2.8, "D": 1.1},
    "urbain": {"M": 2.4, "D": 1.8, "G": 1.4, "K": 1.5, "J": 1.6, "C": 2.0},
    "residentiel": {"J": 2.6, "K": 2.6, "F": 1.6},
    "logistique": {"N": 3.2, "D": 1.5, "H": 1.3},
}
# Occupation traits (fictional magnitudes): hiring projects per 100,000 inhabitants, difficult share,
# seasonal share, harsh working conditions (1–5), specialised training (1–5).
TRAITS_BY_FAMILY = {
    "A": (90, 0.45, 0.55, 4, 2), "C": (40, 0.35, 0.05, 1, 3), "D": (160, 0.35, 0.20, 2, 1),
    "F": (90, 0.70, 0.05, 4, 3), "G": (220, 0.55, 0.45, 4, 1), "H": (70, 0.65, 0.08, 3, 3),
    "I": (60, 0.72, 0.05, 3, 4), "J": (130, 0.70, 0.06, 4, 5), "K": (150, 0.62, 0.15, 3, 2),
    "M": (60, 0.40, 0.03, 1, 3), "N": (130, 0.58, 0.15, 3, 2),
}
TRAIT_OVERRIDES = {
    "A1401": (260, 0.40, 0.92, 4, 1), "G1803": (280, 0.58, 0.62, 4, 1), "G1602": (230, 0.66, 0.50, 4, 2),
    "G1501": (120, 0.55, 0.55, 4, 1), "J1501": (260, 0.78, 0.06, 4, 5), "J1506": (120, 0.74, 0.03, 4, 5),
    "K1302": (240, 0.70, 0.05, 3, 2), "H2913": (60, 0.82, 0.05, 4, 4), "I1304": (70, 0.78, 0.03, 3, 4),
    "N4101": (110, 0.74, 0.06, 4, 3), "D1505": (150, 0.28, 0.30, 2, 1), "M1607": (70, 0.30, 0.04, 1, 2),
    "K2204": (220, 0.50, 0.12, 4, 1), "N1103": (200, 0.45, 0.25, 3, 1), "H2102": (110, 0.66, 0.30, 4, 2),
}
DEMO_PROVENANCE = dict(
    source="Générateur de démonstration GPECT Atlas (gpect_core.demo)",
    producer="GPECT Atlas, données fictives",
    licence="Licence Ouverte 2.0 (données fictives)",
    imported_at="2026-01-01T00:00:00+00:00",
    imported_by="gpect_core demo",
)
VINTAGES = {
    "zones": "géographie fictive 2024", "communes": "géographie fictive 2024",
    "occupations": "ROME 4.0 v460", "occupation_links": "ROME 4.0 v460",
    "recruitment": "BMO 2022–2024 (fictif)", "tension": "tensions 2022–2024 (fictif)",
    "context": "2021–2024 (fictif)", "training": "rentrées 2023–2024 (fictif)",
    "needs": "enquête entreprises 2024 (fictif)", "partners": "2024", "plan_axes": "2024",
    "plan_actions": "2024–2027", "plan_indicators": "2024–2026", "plan_indicator_values": "2024–2026",
}


def build_demo(seed: int = SEED) -> Territory:
    rng = np.random.default_rng(seed)
    communes, zones = _geography(rng)
    occupations = _occupations()
    recruitment = _recruitment(rng, zones, occupations)
    tables = {
        "communes": communes,
        "occupations": occupations,
        "occupation_links": _mobilities(),
        "recruitment": recruitment,
        "tension": _tension(rng, zones, occupations, recruitment),
        "context": _context(rng, zones),
        "training": _training(rng, zones),
        "needs": _needs(rng, zones),
        **_plan(rng, zones),
    }
    provenance = {name: Provenance(vintage=VINTAGES.get(name, ""), **DEMO_PROVENANCE)
                  for name in ["zones", *tables]}
    provenance["occupations"].source = "ROME 4.0 (codes et libellés réels)"
    provenance["occupations"].producer = "France Travail"
    provenance["occupation_links"].source = "ROME 4.0, rubrique mobilités"
    provenance["occupation_links"].producer = "France Travail"
    return Territory(
        name="Région fictive de démonstration",
        zones=zones,
        tables=tables,
        fictional=True,
        description="Territoire fictif de 15 zones d'emploi, généré pour la démonstration : "
                    "les codes et libellés ROME sont réels, tous les chiffres sont inventés.",
        zonings={"ZE2020": {"label": "Zones d'emploi", "count": 15},
                 "DEP": {"label": "Départements", "count": 3},
                 "REG": {"label": "Région", "count": 1}},
        default_zoning="ZE2020",
        provenance=provenance,
    )


# ---------------------------------------------------------------------------------------------- geography
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


def _geography(rng: np.random.Generator) -> tuple[pd.DataFrame, gpd.GeoDataFrame]:
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


# ---------------------------------------------------------------------------------------------- occupations
def _occupations() -> pd.DataFrame:
    rows = []
    for code, label, eco, num, demo in ROME_OCCUPATIONS:
        rows.append({"system": "ROME4", "code": code, "label": label, "family": code[0],
                     "family_label": ROME_FAMILIES[code[0]], "parent": None,
                     "transition_eco": eco, "transition_num": num, "transition_demo": demo})
    df = pd.DataFrame(rows)
    df["parent"] = df["parent"].astype("str")
    return df


def _mobilities() -> pd.DataFrame:
    pairs = [pair.split(">") for pair in ROME_MOBILITIES]
    return pd.DataFrame({"from_system": "ROME4", "from_code": [a for a, _ in pairs], "to_system": "ROME4",
                         "to_code": [b for _, b in pairs], "kind": "mobility",
                         "source": "ROME 4.0 v460, rubrique mobilités"})


def _traits(code: str) -> tuple[float, float, float, int, int]:
    return TRAIT_OVERRIDES.get(code, TRAITS_BY_FAMILY[code[0]])


# ---------------------------------------------------------------------------------------------- recruitment
def _recruitment(rng: np.random.Generator, zones: gpd.GeoDataFrame, occupations: pd.DataFrame) -> pd.DataFrame:
    profiles = zone_profiles(zones)
    ze = zones[zones["zoning"] == "ZE2020"].set_index("zone_id")
    trends = {code: rng.normal(0.04, 0.07) for code in occupations["code"]}
    rows = []
    for zone_id, profile in profiles.items():
        population = float(ze.loc[zone_id, "population"])
        zone_difficulty = rng.normal(0, 0.05)
        for code in occupations["code"]:
            per_100k, difficult_share, seasonal_share, _, _ = _traits(code)
            weight = PROFILE_FAMILY_WEIGHTS[profile].get(code[0], 0.8)
            base = 0.45 * per_100k * population / 100_000 * weight * rng.lognormal(0, 0.35)
            for k, year in enumerate(YEARS):
                projects = int(round(base * (1 + trends[code]) ** k * rng.lognormal(0, 0.08)))
                share_d = float(np.clip(difficult_share + zone_difficulty + 0.03 * k + rng.normal(0, 0.05), 0, 1))
                share_s = float(np.clip(seasonal_share + rng.normal(0, 0.04), 0, 1))
                rows.append((zone_id, code, year, projects, int(round(projects * share_d)),
                             int(round(projects * share_s))))
    df = pd.DataFrame(rows, columns=["zone_id", "occupation_code", "year", "projects", "difficult", "seasonal"])
    for column in ("projects", "difficult", "seasonal"):
        df[column] = df[column].astype("Int64")
    # Statistical secret, as in BMO: small cells are hidden (« * »), never zero.
    small = df["projects"] < 25
    hide_all = small & (rng.random(len(df)) < 0.3)
    df.loc[hide_all, ["projects", "difficult", "seasonal"]] = pd.NA
    fragile = ~hide_all & (df["projects"] < 60)
    df.loc[fragile & (rng.random(len(df)) < 0.3), "difficult"] = pd.NA
    df.loc[fragile & (rng.random(len(df)) < 0.5), "seasonal"] = pd.NA
    df["secret_cells"] = df[["projects", "difficult", "seasonal"]].isna().sum(axis=1).astype("Int64")
    df.insert(0, "zoning", "ZE2020")
    df.insert(2, "occupation_system", "ROME4")
    return pd.concat([df, *_aggregate_up(df, zones)], ignore_index=True)


def _aggregate_up(df: pd.DataFrame, zones: gpd.GeoDataFrame) -> list[pd.DataFrame]:
    """DEP and REG rows: exact sums of the zones' published cells, with the count of secret cells left out."""
    ze = zones[zones["zoning"] == "ZE2020"].set_index("zone_id")
    out = []
    for zoning, parent in (("DEP", ze["dep"]), ("REG", ze["reg"])):
        frame = df.assign(zone_id=df["zone_id"].map(parent), zoning=zoning)
        agg = frame.groupby(["zoning", "zone_id", "occupation_system", "occupation_code", "year"], as_index=False).agg(
            projects=("projects", "sum"), difficult=("difficult", "sum"), seasonal=("seasonal", "sum"),
            secret_cells=("secret_cells", "sum"))
        out.append(agg)
    return out


# ---------------------------------------------------------------------------------------------- tension
def _classes(values: pd.Series) -> pd.Series:
    ranks = values.rank(pct=True, method="average")
    return np.ceil(ranks * 5).clip(1, 5).astype("Int64")


def _tension(rng, zones, occupations, recruitment) -> pd.DataFrame:
    profiles = zone_profiles(zones)
    ze = zones[zones["zoning"] == "ZE2020"].set_index("zone_id")
    rec = recruitment[recruitment["zoning"] == "ZE2020"].copy()
    rec["population"] = rec["zone_id"].map(ze["population"]).astype(float)
    rec["intensity"] = rec["projects"].astype(float) / rec["population"] * 1e5
    rec["difficult_share"] = rec["difficult"].astype(float) / rec["projects"].astype(float)
    rec["seasonal_share"] = rec["seasonal"].astype(float) / rec["projects"].astype(float)
    rural = {z: 1 + int(p in ("agri_tourisme", "residentiel")) * 2 + int(ze.loc[z, "population"] < 90_000)
             for z, p in profiles.items()}
    out = pd.DataFrame({
        "zoning": "ZE2020", "zone_id": rec["zone_id"], "occupation_system": "ROME4",
        "occupation_code": rec["occupation_code"], "year": rec["year"],
    })
    out["hiring_intensity"] = _classes(rec["intensity"].fillna(0))
    out["labour_shortage"] = _classes(rec["difficult_share"].fillna(rec["difficult_share"].median())
                                      + rng.normal(0, 0.08, len(rec)))
    out["non_durable_jobs"] = _classes(rec["seasonal_share"].fillna(0.1) + rng.normal(0, 0.03, len(rec)))
    out["working_conditions"] = rec["occupation_code"].map(lambda c: _traits(c)[3]).astype("Int64")
    out["geographic_mismatch"] = rec["zone_id"].map(rural).clip(1, 5).astype("Int64")
    out["training_link"] = rec["occupation_code"].map(lambda c: _traits(c)[4]).astype("Int64")
    score = (0.3 * out["hiring_intensity"] + 0.35 * out["labour_shortage"] + 0.1 * out["non_durable_jobs"]
             + 0.1 * out["working_conditions"] + 0.05 * out["geographic_mismatch"] + 0.1 * out["training_link"])
    out["tension_score"] = ((score.astype(float) - 3) / 1.2).round(3)
    out["tension_class"] = score.round().clip(1, 5).astype("Int64")
    projects = rec["projects"].astype(float).fillna(3)
    out["offers"] = (projects * rng.uniform(0.9, 1.6, len(rec))).round()
    out["jobseekers"] = (out["offers"] * (6 - out["tension_class"].astype(float)) * rng.uniform(0.4, 0.9, len(rec))).round()
    parents = []
    for zoning, parent in (("DEP", ze["dep"]), ("REG", ze["reg"])):
        frame = out.assign(zone_id=out["zone_id"].map(parent), zoning=zoning)
        components = ["hiring_intensity", "labour_shortage", "non_durable_jobs", "working_conditions",
                      "geographic_mismatch", "training_link", "tension_class"]
        agg = frame.groupby(["zoning", "zone_id", "occupation_system", "occupation_code", "year"], as_index=False).agg(
            **{c: (c, "mean") for c in components}, tension_score=("tension_score", "mean"),
            offers=("offers", "sum"), jobseekers=("jobseekers", "sum"))
        for c in components:
            agg[c] = agg[c].round().astype("Int64")
        agg["tension_score"] = agg["tension_score"].round(3)
        parents.append(agg)
    return pd.concat([out, *parents], ignore_index=True)


# ---------------------------------------------------------------------------------------------- context
def _context(rng, zones) -> pd.DataFrame:
    profiles = zone_profiles(zones)
    ze = zones[zones["zoning"] == "ZE2020"].set_index("zone_id")
    base_rate = {"industrie": 7.8, "agri_tourisme": 6.6, "urbain": 8.4, "residentiel": 6.9, "logistique": 7.4}
    rows = []
    for zone_id, profile in profiles.items():
        population = int(ze.loc[zone_id, "population"])
        labour_force = int(round(population * rng.uniform(0.43, 0.48)))
        level = base_rate[profile] + rng.normal(0, 0.8)
        for k, quarter in enumerate(QUARTERS):
            cycle = -0.09 * min(k, 9) + 0.06 * max(0, k - 9)
            rate = round(max(3.0, level + cycle + rng.normal(0, 0.12)), 1)
            rows.append(("ZE2020", zone_id, "unemployment_rate", quarter, rate, "%"))
        rows.append(("ZE2020", zone_id, "population", "2021", float(population), "habitants"))
        rows.append(("ZE2020", zone_id, "labour_force", "2021", float(labour_force), "actifs"))
        for year in YEARS:
            jobseekers = round(labour_force * level / 100 * 1.6 * rng.uniform(0.95, 1.05))
            rows.append(("ZE2020", zone_id, "jobseekers", str(year), float(jobseekers), "demandeurs d'emploi"))
    df = pd.DataFrame(rows, columns=["zoning", "zone_id", "indicator", "period", "value", "unit"])
    return pd.concat([df, *_context_up(df, ze)], ignore_index=True)


def _context_up(df: pd.DataFrame, ze: pd.DataFrame) -> list[pd.DataFrame]:
    """DEP and REG context: sums for counts, labour-force-weighted means for the unemployment rate."""
    out = []
    labour = df[df["indicator"] == "labour_force"].set_index("zone_id")["value"]
    for zoning, parent in (("DEP", ze["dep"]), ("REG", ze["reg"])):
        frame = df.assign(parent=df["zone_id"].map(parent), weight=df["zone_id"].map(labour))
        counts = frame[frame["indicator"] != "unemployment_rate"].groupby(
            ["parent", "indicator", "period", "unit"], as_index=False)["value"].sum()
        rates = frame[frame["indicator"] == "unemployment_rate"].assign(wv=lambda f: f["value"] * f["weight"])
        rates = rates.groupby(["parent", "indicator", "period", "unit"], as_index=False)[["wv", "weight"]].sum()
        rates["value"] = (rates["wv"] / rates["weight"]).round(1)
        both = pd.concat([counts, rates[["parent", "indicator", "period", "unit", "value"]]], ignore_index=True)
        out.append(both.rename(columns={"parent": "zone_id"}).assign(zoning=zoning)[df.columns])
    return out


# ---------------------------------------------------------------------------------------------- training, needs
TRAINING_CATALOGUE = (
    ("BTS Maintenance des systèmes de production", "I1304 I1310 I1309", "5"),
    ("Bac pro Maintenance des systèmes de production connectés", "I1304 I1310", "4"),
    ("Titre pro Soudeur assembleur industriel", "H2913 H2909", "3"),
    ("CAP Réalisations industrielles en chaudronnerie ou soudage", "H2913 H2914", "3"),
    ("Titre pro Conducteur d'installations et de machines automatisées", "H2102 H2301 H2912", "3"),
    ("Formation opérateur de production cosmétique (POEC)", "H2301 H3302", "3"),
    ("Bac pro Technicien en réalisation de produits mécaniques", "H2903 H2912", "4"),
    ("Diplôme d'État d'aide-soignant", "J1501", "4"),
    ("Diplôme d'État d'infirmier", "J1506", "6"),
    ("Titre pro Assistant de vie aux familles", "K1302 K1304", "3"),
    ("CAP Cuisine", "G1602", "3"),
    ("CAP Commercialisation et services en HCR", "G1803 G1603", "3"),
    ("Titre pro Réceptionniste en hôtellerie", "G1703", "4"),
    ("Bac pro Productions horticoles", "A1414 A1405", "4"),
    ("CAPa Jardinier paysagiste", "A1203", "3"),
    ("Titre pro Maçon", "F1703", "3"),
    ("Titre pro Électricien d'équipement du bâtiment", "F1602 I1309", "3"),
    ("CAP Monteur en installations thermiques", "F1603", "3"),
    ("Titre pro Conducteur du transport routier de marchandises sur porteur", "N4101 N4105", "3"),
    ("Titre pro Préparateur de commandes en entrepôt", "N1103 N1101", "3"),
    ("Titre pro Employé commercial", "D1507 D1505 D1106", "3"),
    ("BTS Comptabilité et gestion", "M1203", "5"),
    ("Titre pro Développeur web et web mobile", "M1805", "5"),
    ("Titre pro Secrétaire assistant", "M1607", "4"),
)
PROVIDERS = ("Lycée professionnel Jean-Rostand", "GRETA de la Sorne", "AFPA Centre Val d'Argent",
             "IFSI du Haut-Verdanne", "CFA interprofessionnel", "Lycée agricole de Brécy", "CFA BTP",
             "Organisme de formation Compétences Plus")
SECTORS = (("C", "Industrie manufacturière"), ("F", "Construction"), ("G", "Commerce"), ("H", "Transports"),
           ("I", "Hébergement et restauration"), ("N", "Services administratifs et de soutien"),
           ("Q", "Santé humaine et action sociale"), ("A", "Agriculture"))


def _training(rng, zones) -> pd.DataFrame:
    ze_ids = sorted(zones.loc[zones["zoning"] == "ZE2020", "zone_id"])
    rows = []
    for i, (title, romes, level) in enumerate(TRAINING_CATALOGUE):
        for j in range(1 + (i % 3 == 0)):
            zone_id = ze_ids[(i * 7 + j * 5) % len(ze_ids)]
            capacity = int(rng.integers(8, 30) * (2 if level in ("4", "6") else 1))
            demand = int(round(capacity * rng.uniform(0.4, 2.2)))
            program_id = f"F{i + 1:02d}{j}"
            for year in (2023, 2024):
                enrolled = int(min(capacity, round(demand * rng.uniform(0.7, 1.0))))
                graduates = int(round(enrolled * rng.uniform(0.6, 0.95)))
                rows.append({"program_id": program_id, "title": title, "provider": PROVIDERS[(i + j) % len(PROVIDERS)],
                             "zoning": "ZE2020", "zone_id": zone_id, "occupation_codes": romes, "level": level,
                             "capacity": capacity, "demand": demand, "enrolled": enrolled, "graduates": graduates,
                             "employment_rate": round(float(rng.uniform(0.45, 0.9)), 2), "year": year})
    return pd.DataFrame(rows)


def _needs(rng, zones) -> pd.DataFrame:
    ze_ids = sorted(zones.loc[zones["zoning"] == "ZE2020", "zone_id"])
    codes = [code for code, *_ in ROME_OCCUPATIONS]
    labels = {code: label for code, label, *_ in ROME_OCCUPATIONS}
    rows = []
    for i in range(150):
        code = codes[int(rng.integers(len(codes)))]
        sector, _ = SECTORS[int(rng.integers(len(SECTORS)))]
        rows.append({
            "response_id": f"R{i + 1:04d}", "zoning": "ZE2020", "zone_id": ze_ids[int(rng.integers(len(ze_ids)))],
            "sector_naf": sector, "size_band": ("1-9", "10-49", "50-249", "250+")[int(rng.integers(4))],
            "occupation_code": code, "occupation_text": labels[code].split(" / ")[0],
            "headcount": int(rng.integers(1, 12)), "horizon": ("6 mois", "1 an", "3 ans")[int(rng.integers(3))],
            "difficulty": int(rng.integers(1, 6)), "skills": "",
            "date": pd.Timestamp(date(2024, 3, 1)) + pd.Timedelta(days=int(rng.integers(0, 90))),
        })
    df = pd.DataFrame(rows)
    df["date"] = df["date"].astype("datetime64[ns]")
    return df


# ---------------------------------------------------------------------------------------------- plan
PARTNERS = (
    ("P01", "Préfecture — DDETS", "etat"), ("P02", "Conseil régional", "region"),
    ("P03", "France Travail — agence du Val d'Argent", "france_travail"),
    ("P04", "France Travail — agence de Morvaux", "france_travail"),
    ("P05", "Maison de l'emploi de la Sorne", "maison_emploi"), ("P06", "Mission locale des Coteaux", "mission_locale"),
    ("P07", "OPCO 2i", "opco"), ("P08", "OPCO Santé", "opco"), ("P09", "OPCO Akto", "opco"),
    ("P10", "CCI territoriale", "cci"), ("P11", "Chambre de métiers et de l'artisanat", "cma"),
    ("P12", "Lycée professionnel Jean-Rostand", "education"), ("P13", "GRETA de la Sorne", "organisme_formation"),
    ("P14", "AFPA Centre Val d'Argent", "organisme_formation"), ("P15", "Laboratoires Cosméva (fictif)", "entreprise"),
    ("P16", "Forges de Morvaux (fictif)", "entreprise"), ("P17", "Communauté de communes du Lézon", "collectivite"),
    ("P18", "Centre hospitalier de Saint-Aurin", "entreprise"),
)
AXES = (("A1", "Attractivité des métiers"), ("A2", "Formations d'avenir"), ("A3", "Industrie inclusive"))
# (axis, title, lead, partners, ROME codes, start, end, status, progress, budget, indicator)
ACTIONS = (
    ("A1", "Déjeuners école–industrie", "P10", "P12 P16 P15", "H2913 I1304", "2024-01-15", "2025-06-30", "terminee", 100, 8000, ("Élèves participants", "élèves", 0, 200)),
    ("A1", "Semaine de l'industrie : visites d'entreprises", "P07", "P10 P16 P15", "H2909 H2102", "2024-03-01", "2026-12-31", "en_cours", 70, 15000, ("Visites organisées", "visites", 0, 40)),
    ("A1", "Enquête besoins en compétences des entreprises", "P05", "P10 P11", "", "2024-02-01", "2024-09-30", "terminee", 100, 12000, ("Entreprises répondantes", "entreprises", 0, 150)),
    ("A1", "Campagne « Les métiers du soin recrutent »", "P08", "P18 P03", "J1501 J1506 K1302", "2024-09-01", "2025-12-31", "en_cours", 45, 20000, ("Candidatures reçues", "candidatures", 0, 300)),
    ("A1", "Job dating hôtellerie-restauration avant la saison", "P03", "P09 P17", "G1602 G1803 G1501", "2025-03-01", "2025-05-31", "terminee", 100, 5000, ("Recrutements", "personnes", 0, 60)),
    ("A1", "Immersions en entreprise pour les jeunes (PMSMP)", "P06", "P03 P16", "H2909 N1103", "2024-10-01", "2026-06-30", "terminee", 100, 10000, ("Immersions réalisées", "immersions", 0, 120)),
    ("A1", "Vidéos métiers tournées dans les entreprises locales", "P05", "P07 P15 P16", "H2301 I1304", "2025-01-15", "2025-12-31", "terminee", 100, 18000, ("Vidéos publiées", "vidéos", 0, 12)),
    ("A1", "Logement des saisonniers agricoles", "P17", "P01 P11", "A1401 A1405", "2025-04-01", "2026-09-30", "suspendue", 20, 40000, ("Places d'hébergement", "places", 0, 50)),
    ("A2", "Ouverture d'un BTS Maintenance des systèmes", "P02", "P12 P07", "I1304 I1310", "2024-09-01", "2026-07-15", "terminee", 100, 120000, ("Étudiants inscrits", "étudiants", 0, 24)),
    ("A2", "Formation opérateurs de production cosmétique", "P03", "P15 P13 P07", "H2301 H3302", "2024-04-01", "2024-12-20", "terminee", 100, 65000, ("Taux de retour à l'emploi", "%", 0, 60)),
    ("A2", "Titre pro soudeur en alternance", "P14", "P16 P07", "H2913", "2025-01-06", "2026-03-31", "terminee", 100, 90000, ("Alternants formés", "personnes", 0, 16)),
    ("A2", "Places supplémentaires en IFAS (aides-soignants)", "P02", "P08 P18", "J1501", "2024-09-01", "2025-08-31", "terminee", 100, 150000, ("Places ouvertes", "places", 30, 60)),
    ("A2", "Module numérique pour les TPE artisanales", "P11", "P13", "M1805 M1302", "2025-09-01", "2026-06-30", "a_lancer", 0, 25000, ("Artisans formés", "personnes", 0, 80)),
    ("A2", "Préparation opérationnelle à l'emploi collective logistique", "P03", "P09 P14", "N1103 N1101", "2025-02-01", "2025-07-31", "terminee", 100, 48000, ("Stagiaires en emploi à 6 mois", "%", 0, 70)),
    ("A2", "CAP cuisine en apprentissage pour adultes", "P13", "P09", "G1602", "2026-01-05", "2027-06-30", "a_lancer", 0, 70000, ("Apprentis", "personnes", 0, 12)),
    ("A2", "Certification maintenance agricole", "P14", "P11", "I1603 A1101", "2024-11-01", "2025-10-31", "en_cours", 40, 35000, ("Stagiaires certifiés", "personnes", 0, 15)),
    ("A2", "Carte des formations : revue annuelle avec la Région", "P02", "P01 P05", "", "2025-01-01", "2027-12-31", "en_cours", 35, 0, ("Revues tenues", "revues", 0, 3)),
    ("A3", "Parcours emploi des femmes dans l'industrie", "P05", "P16 P07 P03", "H2909 H2912", "2024-06-01", "2025-06-30", "terminee", 100, 30000, ("Femmes recrutées", "personnes", 0, 25)),
    ("A3", "Clause d'insertion dans les marchés publics", "P17", "P01 P05", "F1703 F1606", "2024-01-01", "2026-12-31", "en_cours", 75, 0, ("Heures d'insertion", "heures", 0, 20000)),
    ("A3", "Mobilité : permis et location de scooters", "P06", "P17 P03", "", "2024-05-01", "2026-04-30", "terminee", 100, 55000, ("Jeunes accompagnés", "personnes", 0, 90)),
    ("A3", "Reconversion des salariés de la sous-traitance automobile", "P07", "P16 P14 P01", "I1604 H2909", "2025-03-01", "2026-12-31", "en_cours", 20, 180000, ("Salariés reconvertis", "personnes", 0, 40)),
    ("A3", "Groupement d'employeurs pour l'insertion et la qualification", "P10", "P05 P16", "H2909 N1103", "2024-09-01", "2025-09-30", "abandonnee", 10, 0, ("Salariés mis à disposition", "personnes", 0, 20)),
    ("A3", "Accueil de réfugiés dans les métiers en tension", "P01", "P03 P13", "G1602 F1703 K2204", "2025-06-01", "2026-06-30", "en_cours", 15, 60000, ("Personnes en emploi", "personnes", 0, 30)),
    ("A3", "Handicap et industrie : aménagement de postes", "P16", "P07 P05", "H2102 H3302", "2026-01-15", "2026-12-31", "a_lancer", 0, 20000, ("Postes aménagés", "postes", 0, 10)),
    ("A3", "Tutorat des nouveaux embauchés dans les PME", "P07", "P10 P15", "H2301 I1304", "2024-02-01", "2025-03-31", "en_cours", 60, 22000, ("Tuteurs formés", "personnes", 0, 30)),
)


def _plan(rng, zones) -> dict[str, pd.DataFrame]:
    ze_ids = sorted(zones.loc[zones["zoning"] == "ZE2020", "zone_id"])
    actions, indicators, values = [], [], []
    for i, (axis, title, lead, partners, romes, start, end, status, progress, budget, indicator) in enumerate(ACTIONS):
        action_id = f"ACT{i + 1:02d}"
        n_zones = 1 + int(rng.integers(0, 3))
        zone_ids = sorted({ze_ids[int(k)] for k in rng.integers(0, len(ze_ids), n_zones)})
        actions.append({
            "action_id": action_id, "axis_id": axis, "title": title,
            "description": f"{title} — action du plan GPECT (exemple fictif).",
            "zone_ids": " ".join(zone_ids), "occupation_codes": romes, "lead_partner_id": lead,
            "partner_ids": partners, "start_date": pd.Timestamp(start), "end_date": pd.Timestamp(end),
            "status": status, "budget": float(budget), "funders": "Région, État" if budget else "",
            "progress": progress,
        })
        label, unit, baseline, target = indicator
        indicator_id = f"IND{i + 1:02d}"
        indicators.append({"indicator_id": indicator_id, "action_id": action_id, "label": label, "unit": unit,
                           "baseline": float(baseline), "target": float(target)})
        start_ts, end_ts = pd.Timestamp(start), pd.Timestamp(end)
        for step in (1, 2, 3):
            when = start_ts + (end_ts - start_ts) * step / 3
            if when > pd.Timestamp("2026-10-31"):
                break
            reached = baseline + (target - baseline) * progress / 100 * step / 3 * rng.uniform(0.8, 1.1)
            values.append({"indicator_id": indicator_id, "date": when.normalize(),
                           "value": round(float(reached), 1), "source": "Comité GPECT (fictif)"})
        if title.startswith("Formation opérateurs de production cosmétique"):
            values[-1]["value"] = 57.0  # 14 jobseekers trained, 57 % back in work: the committee's own figure
    frames = {
        "partners": pd.DataFrame(PARTNERS, columns=["partner_id", "name", "type"]),
        "plan_axes": pd.DataFrame(AXES, columns=["axis_id", "label"]),
        "plan_actions": pd.DataFrame(actions),
        "plan_indicators": pd.DataFrame(indicators),
        "plan_indicator_values": pd.DataFrame(values),
    }
    for name in ("plan_actions",):
        for column in ("start_date", "end_date"):
            frames[name][column] = frames[name][column].astype("datetime64[ns]")
    frames["plan_indicator_values"]["date"] = frames["plan_indicator_values"]["date"].astype("datetime64[ns]")
    return frames


def demo_point() -> Point:
    """Centre of the demo région in WGS84 (for the map's first view)."""
    return gpd.GeoSeries([Point(CENTER_L93)], crs="EPSG:2154").to_crs("EPSG:4326").iloc[0]
