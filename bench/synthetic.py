"""A national-scale synthetic territory pack for benchmarks: 306 zones, 1,500 occupations, 8 years.

    .venv/bin/python bench/synthetic.py [--out bench/out/synthetic] [--zones 306] [--occupations 1500] [--years 8]

Every (year, zone, occupation) has a recruitment row (306 × 1,500 × 8 = 3,672,000 rows), small cells hidden as
statistical secrets as BMO does; tension rows for the last two years; quarterly unemployment, population, labour
force and jobseekers by zone. Zones are squares of a grid over metropolitan France, grouped in 3 × 3 blocks into
« départements » and 6 × 6 blocks into « régions ». The pack is marked fictional. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import box

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gpect_core.territory import Provenance, Territory  # noqa: E402

FAMILIES = "ABCDEFGHIJKLMN"
COMPONENTS = ("hiring_intensity", "labour_shortage", "non_durable_jobs", "working_conditions", "geographic_mismatch",
              "training_link")


def _grid(n_zones: int, rng: np.random.Generator) -> gpd.GeoDataFrame:
    columns = int(np.ceil(np.sqrt(n_zones * 18 / 17)))
    rows = int(np.ceil(n_zones / columns))
    west, south, east, north = -4.5, 42.5, 7.5, 51.0
    dx, dy = (east - west) / columns, (north - south) / rows
    records = []
    for index in range(n_zones):
        r, c = divmod(index, columns)
        records.append({"zone_id": f"S{index + 1:03d}", "name": f"Bassin synthétique {index + 1}",
                        "dep": f"D{(r // 3) * 10 + c // 3:02d}", "reg": f"R{(r // 6) * 5 + c // 6:02d}",
                        "geometry": box(west + c * dx, south + r * dy, west + (c + 1) * dx, south + (r + 1) * dy)})
    zones = gpd.GeoDataFrame(records, crs="EPSG:4326")
    zones["population"] = np.round(rng.lognormal(11.7, 0.6, n_zones)).astype("int64")
    zones["zoning"] = "ZE2020"
    parts = [zones]
    for zoning, column in (("DEP", "dep"), ("REG", "reg")):
        grouped = zones[[column, "reg", "population", "geometry"]].rename(columns={column: "zone_id"}) if \
            column == "dep" else zones[["reg", "population", "geometry"]].assign(zone_id=zones["reg"])
        grouped = grouped.dissolve(by="zone_id", aggfunc={"population": "sum", "reg": "first"}).reset_index()
        grouped["name"] = [f"{'Département' if zoning == 'DEP' else 'Région'} {z}" for z in grouped["zone_id"]]
        grouped["dep"] = grouped["zone_id"] if zoning == "DEP" else None
        grouped["zoning"] = zoning
        parts.append(grouped)
    out = pd.concat(parts, ignore_index=True)
    return gpd.GeoDataFrame(out[["zoning", "zone_id", "name", "dep", "reg", "population", "geometry"]],
                            crs="EPSG:4326")


def build(n_zones: int = 306, n_occupations: int = 1500, n_years: int = 8, seed: int = 2024) -> Territory:
    rng = np.random.default_rng(seed)
    zones = _grid(n_zones, rng)
    ze = zones[zones["zoning"] == "ZE2020"].reset_index(drop=True)
    years = list(range(2025 - n_years, 2025))
    codes = [f"{FAMILIES[i % len(FAMILIES)]}{1000 + i // len(FAMILIES):04d}" for i in range(n_occupations)]
    occupations = pd.DataFrame({"system": "ROME4", "code": codes, "label": [f"Métier synthétique {c}" for c in codes],
                                "family": [c[0] for c in codes],
                                "family_label": [f"Famille {c[0]}" for c in codes]})

    # Recruitment: every (year, zone, occupation).
    population = ze["population"].to_numpy(dtype=float)
    occ_weight = rng.lognormal(0, 1.1, n_occupations)
    occ_difficulty = rng.beta(4, 4, n_occupations)
    occ_seasonal = rng.beta(1.5, 6, n_occupations)
    growth = rng.normal(0.02, 0.05, n_occupations)
    shape = (n_years, n_zones, n_occupations)
    trend = (1 + growth)[None, None, :] ** np.arange(n_years)[:, None, None]
    mean = population[None, :, None] / 100_000 * occ_weight[None, None, :] * 1.6 * trend
    projects = rng.poisson(mean).astype(np.int64)
    difficult = rng.binomial(projects, np.clip(occ_difficulty[None, None, :] + rng.normal(0, 0.08, shape), 0, 1))
    seasonal = rng.binomial(projects, np.clip(occ_seasonal[None, None, :] + rng.normal(0, 0.05, shape), 0, 1))
    year_i, zone_i, occ_i = np.indices(shape).reshape(3, -1)
    recruitment = pd.DataFrame({
        "zoning": "ZE2020", "zone_id": ze["zone_id"].to_numpy()[zone_i],
        "occupation_system": "ROME4", "occupation_code": np.asarray(codes)[occ_i],
        "year": np.asarray(years)[year_i],
        "projects": pd.array(projects.ravel(), dtype="Int64"),
        "difficult": pd.array(difficult.ravel(), dtype="Int64"),
        "seasonal": pd.array(seasonal.ravel(), dtype="Int64"),
    })
    flat = projects.ravel()
    hide_all = (flat < 5) & (rng.random(flat.size) < 0.4)
    hide_part = ~hide_all & (flat < 15) & (rng.random(flat.size) < 0.3)
    for column in ("projects", "difficult", "seasonal"):
        recruitment.loc[hide_all, column] = pd.NA
    recruitment.loc[hide_part, "difficult"] = pd.NA
    recruitment["secret_cells"] = recruitment[["projects", "difficult", "seasonal"]].isna().sum(axis=1).astype("Int64")

    # Tension: the last two years, classes 1–5 and components.
    t_years = years[-2:]
    t_shape = (len(t_years), n_zones, n_occupations)
    ty, tz, to = np.indices(t_shape).reshape(3, -1)
    tension = pd.DataFrame({"zoning": "ZE2020", "zone_id": ze["zone_id"].to_numpy()[tz],
                            "occupation_system": "ROME4", "occupation_code": np.asarray(codes)[to],
                            "year": np.asarray(t_years)[ty]})
    base = occ_difficulty[to] * 4 + 1
    for component in COMPONENTS:
        tension[component] = pd.array(np.clip(np.round(base + rng.normal(0, 1.0, ty.size)), 1, 5).astype(int),
                                      dtype="Int64")
    score = (base - 3) / 2 + rng.normal(0, 0.2, ty.size)
    tension["tension_score"] = pd.array(score, dtype="Float64")
    tension["tension_class"] = pd.array(np.clip(np.round(base + rng.normal(0, 0.6, ty.size)), 1, 5).astype(int),
                                        dtype="Int64")

    # Context: quarterly unemployment, population, labour force and jobseekers by zone.
    rows = []
    rate = rng.normal(7.5, 1.6, n_zones).clip(3, 15)
    for year in years:
        for quarter in range(1, 5):
            rate = (rate + rng.normal(0, 0.15, n_zones)).clip(3, 15)
            rows.append(pd.DataFrame({"zone_id": ze["zone_id"], "indicator": "unemployment_rate",
                                      "period": f"{year}-T{quarter}", "value": rate.round(1), "unit": "%"}))
        rows.append(pd.DataFrame({"zone_id": ze["zone_id"], "indicator": "jobseekers", "period": str(year),
                                  "value": (population * rate / 100 * 1.1).round(), "unit": "personnes"}))
    rows.append(pd.DataFrame({"zone_id": ze["zone_id"], "indicator": "population", "period": str(years[-1]),
                              "value": population, "unit": "habitants"}))
    rows.append(pd.DataFrame({"zone_id": ze["zone_id"], "indicator": "labour_force", "period": str(years[-1]),
                              "value": (population * 0.46).round(), "unit": "personnes"}))
    context = pd.concat(rows, ignore_index=True)
    context.insert(0, "zoning", "ZE2020")

    provenance = Provenance(source="bench/synthetic.py", producer="GPECT Atlas, données synthétiques",
                            vintage=f"{years[0]}–{years[-1]} (synthétique)", licence="Licence Ouverte 2.0")
    return Territory(
        name="Territoire synthétique national (benchmark)", zones=zones,
        tables={"occupations": occupations, "recruitment": recruitment, "tension": tension, "context": context},
        fictional=True, description="Pack synthétique à l'échelle nationale pour les benchmarks (bench/synthetic.py).",
        zonings={"ZE2020": {"label": "Zones d'emploi (synthétiques)"}, "DEP": {"label": "Départements"},
                 "REG": {"label": "Régions"}},
        default_zoning="ZE2020",
        provenance={name: provenance for name in ("zones", "occupations", "recruitment", "tension", "context")},
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "synthetic"))
    parser.add_argument("--zones", type=int, default=306)
    parser.add_argument("--occupations", type=int, default=1500)
    parser.add_argument("--years", type=int, default=8)
    args = parser.parse_args()
    started = time.perf_counter()
    territory = build(args.zones, args.occupations, args.years)
    built = time.perf_counter() - started
    path = territory.save(args.out, keep_previous=False)
    print(f"{path}: {len(territory.tables['recruitment']):,} recruitment rows, "
          f"{len(territory.tables['tension']):,} tension rows, {args.zones} zones, {args.occupations} occupations, "
          f"{args.years} years — generated in {built:.1f} s, validated and saved in "
          f"{time.perf_counter() - started - built:.1f} s")


if __name__ == "__main__":
    main()
