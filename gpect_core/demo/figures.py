"""The demo's figures: occupations and mobilities (real ROME 4.0), and the invented hiring projects, tension
classes and context indicators, each with its DEP and REG rows aggregated up from the zones d'emploi."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from .constants import QUARTERS, YEARS
from .geography import zone_profiles
from .rome import ROME_FAMILIES, ROME_MOBILITIES, ROME_OCCUPATIONS

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


def occupations() -> pd.DataFrame:
    rows = []
    for code, label, eco, num, demo in ROME_OCCUPATIONS:
        rows.append({"system": "ROME4", "code": code, "label": label, "family": code[0],
                     "family_label": ROME_FAMILIES[code[0]], "parent": None,
                     "transition_eco": eco, "transition_num": num, "transition_demo": demo})
    df = pd.DataFrame(rows)
    df["parent"] = df["parent"].astype("str")
    return df


def mobilities() -> pd.DataFrame:
    pairs = [pair.split(">") for pair in ROME_MOBILITIES]
    return pd.DataFrame({"from_system": "ROME4", "from_code": [a for a, _ in pairs], "to_system": "ROME4",
                         "to_code": [b for _, b in pairs], "kind": "mobility",
                         "source": "ROME 4.0 v460, rubrique mobilités"})


def _traits(code: str) -> tuple[float, float, float, int, int]:
    return TRAIT_OVERRIDES.get(code, TRAITS_BY_FAMILY[code[0]])


# ---------------------------------------------------------------------------------------------- recruitment
def recruitment(rng: np.random.Generator, zones: gpd.GeoDataFrame, occupations: pd.DataFrame) -> pd.DataFrame:
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


def tension(rng, zones, occupations, recruitment) -> pd.DataFrame:
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
def context(rng, zones) -> pd.DataFrame:
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
