"""Correspondence between two zonings of a pack, and figures of one zoning read on another.

Method (stated on the « Données » page and in the XLSX caption):
- **communes** (the pack has a `communes` table placing each commune in a zone of both zonings — a `zone_<ZONING>`
  column, or for DEP / REG / EPCI the commune's `dep` / `reg` / `epci`; FR holds every commune): one row per pair
  of zones (A, B) sharing at least one commune, with the population they have in common (sum of the communes'
  `population`, INSEE municipal population as the pack holds it), the share of A's population living in B and the
  share of B's population living in A. A zone's population is that of its communes in the table, so the shares
  of a zone fully covered by the other zoning sum to 1.
- **area** (no `communes` table, or a zoning it cannot place): the zones' polygons intersected in an equal-area
  projection (ETRS89-LAEA Europe, EPSG:3035: true areas over metropolitan France and Europe — Lambert-93,
  EPSG:2154, is conformal, not equal-area; overseas areas are distorted, their shares approximate), shares of
  area both ways; overlaps under `MIN_AREA_SHARE` of both zones (border slivers) are left out. The population in
  common is then estimated as A's population (zones table) times the share of A's area in B.

Translation of a figure published on zoning A to zoning B (`translate`, `translate_figures`), by kind:
- **count** (hiring projects, difficult and seasonal projects, jobseekers, population): apportioned by population,
  value(B) = Σ_A value(A) × share of A's population in B;
- **ratio** (difficult / seasonal share, projects per 1,000 inhabitants): recomputed from the apportioned counts
  (numerator over denominator), never averaged;
- **weighted** (unemployment rate, tension class): mean of the A values weighted by the population A and B have
  in common.
Each translated value comes with its coverage: the share of B's population lying in zones of A that have a value.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import GpectError
from ..territory import Territory
from .choropleth import tension_by_zone
from .cube import cube_for, latest_context, latest_year_index

PARENT_COLUMNS = {"DEP": "dep", "REG": "reg", "EPCI": "epci"}
EQUAL_AREA_CRS = 3035  # ETRS89-LAEA Europe: equal-area (Lambert-93 is conformal)
MIN_AREA_SHARE = 0.001
COLUMNS = ["zone_a", "name_a", "zone_b", "name_b", "population_common", "share_of_a", "share_of_b",
           "communes_common", "population_a", "population_b", "area_common_km2"]
METHODS = ("communes", "area")

COUNT, RATIO, WEIGHTED = "count", "ratio", "weighted"
# indicator → kind, and for a ratio its (numerator, denominator, factor)
INDICATOR_KINDS = {
    "projects": COUNT, "difficult": COUNT, "difficult_base": COUNT, "seasonal": COUNT, "seasonal_base": COUNT,
    "jobseekers": COUNT, "population": COUNT,
    "difficult_share": RATIO, "seasonal_share": RATIO, "projects_per_1000": RATIO,
    "unemployment_rate": WEIGHTED, "tension_class": WEIGHTED,
}
RATIOS = {"difficult_share": ("difficult", "difficult_base", 1.0),
          "seasonal_share": ("seasonal", "seasonal_base", 1.0),
          "projects_per_1000": ("projects", "population", 1000.0)}

_LOCK = threading.Lock()


@dataclass(frozen=True)
class Correspondence:
    """Pairs of zones of `source` (A) and `target` (B) sharing territory (see the module docstring).

    `table` columns: zone_a, name_a, zone_b, name_b (str); population_common (float, inhabitants; estimated with the
    area method, NaN when A's population is unknown); share_of_a, share_of_b (float 0–1: share of A's population
    (area) in B, of B's in A); communes_common (Int64, NA with the area method); population_a, population_b
    (float, the zones' populations); area_common_km2 (float, area method only, else NaN). Sorted by zone_a, then
    largest share first. Shared by every caller: do not modify it."""

    source: str
    target: str
    method: str  # "communes" or "area"
    table: pd.DataFrame

    @property
    def crs(self) -> int | None:
        """The equal-area projection of the area method (EPSG code), None for the communes method."""
        return EQUAL_AREA_CRS if self.method == "area" else None


def check_zonings(territory: Territory, *zonings: str) -> None:
    """Raise a French `GpectError` naming the available zonings when one of `zonings` has no zones in the pack."""
    available = territory.zoning_ids()
    for zoning in zonings:
        if zoning not in available:
            raise GpectError(f"Zonage « {zoning} » inconnu dans le pack « {territory.name} » : zonages disponibles "
                             f"{', '.join(available)}.")


def commune_zones(territory: Territory, zoning: str) -> pd.Series | None:
    """The zone of `zoning` of each commune (Series of text zone ids, index commune_id, NA for a commune in none),
    from the pack's `communes` table: its `zone_<zoning>` column, else `dep` / `reg` / `epci` for DEP / REG / EPCI
    when their codes are the zoning's zone ids, else the single FR zone. None when the table cannot say."""
    communes = territory.tables.get("communes")
    if communes is None or communes.empty:
        return None
    zone_ids = set(territory.zones_of(zoning)["zone_id"].astype(str))
    index = communes["commune_id"].astype(str)
    column = f"zone_{zoning}"
    if column not in communes and zoning in PARENT_COLUMNS:
        column = PARENT_COLUMNS[zoning]
    if column in communes:
        values = communes[column].astype("string")
        if values.notna().any() and values.dropna().isin(zone_ids).mean() >= 0.5:
            return pd.Series(values.where(values.isin(zone_ids)).to_numpy(), index=index, dtype="string")
        return None
    if zoning == "FR" and len(zone_ids) == 1:
        return pd.Series(next(iter(zone_ids)), index=index, dtype="string")
    return None


def correspondence(territory: Territory, source: str, target: str) -> Correspondence:
    """The correspondence between zonings `source` and `target` of the pack (see the module docstring), by
    communes when the `communes` table places communes in both, else by polygon overlap. Memoised per pack
    object and pair (recomputed if the zones or communes table is replaced). Raises a French `GpectError` for a
    zoning the pack does not have."""
    check_zonings(territory, source, target)
    stamp = (id(territory.zones), id(territory.tables.get("communes")))
    with _LOCK:
        cache = territory.__dict__.setdefault("_gpect_correspondences", {})
        hit = cache.get((source, target))
        if hit is not None and hit[0] == stamp:
            return hit[1]
    a, b = commune_zones(territory, source), commune_zones(territory, target)
    if a is not None and b is not None and "population" in territory.tables["communes"]:
        result = _by_communes(territory, source, target, a, b)
    else:
        result = _by_area(territory, source, target)
    with _LOCK:
        territory.__dict__["_gpect_correspondences"][(source, target)] = (stamp, result)
    return result


def _names(territory: Territory, zoning: str) -> dict[str, str]:
    zones = territory.zones_of(zoning)
    return dict(zip(zones["zone_id"].astype(str), zones["name"].astype(str), strict=True))


def _finish(territory: Territory, source: str, target: str, method: str, table: pd.DataFrame) -> Correspondence:
    table["name_a"] = table["zone_a"].map(_names(territory, source))
    table["name_b"] = table["zone_b"].map(_names(territory, target))
    table = table.sort_values(["zone_a", "share_of_a", "zone_b"], ascending=[True, False, True])
    return Correspondence(source, target, method, table[COLUMNS].reset_index(drop=True))


def _by_communes(territory: Territory, source: str, target: str, a: pd.Series, b: pd.Series) -> Correspondence:
    communes = territory.tables["communes"]
    population = pd.Series(pd.to_numeric(communes["population"], errors="coerce").to_numpy(dtype=float),
                           index=communes["commune_id"].astype(str))
    frame = pd.DataFrame({"zone_a": a, "zone_b": b, "population": population.fillna(0)})
    population_a = frame.dropna(subset=["zone_a"]).groupby("zone_a")["population"].sum()
    population_b = frame.dropna(subset=["zone_b"]).groupby("zone_b")["population"].sum()
    pairs = frame.dropna(subset=["zone_a", "zone_b"]).groupby(["zone_a", "zone_b"])
    table = pairs["population"].agg(population_common="sum", communes_common="size").reset_index()
    table["zone_a"] = table["zone_a"].astype(str)
    table["zone_b"] = table["zone_b"].astype(str)
    table["population_a"] = table["zone_a"].map(population_a).astype(float)
    table["population_b"] = table["zone_b"].map(population_b).astype(float)
    table["share_of_a"] = _ratio(table["population_common"], table["population_a"])
    table["share_of_b"] = _ratio(table["population_common"], table["population_b"])
    table["communes_common"] = table["communes_common"].astype("Int64")
    table["area_common_km2"] = np.nan
    return _finish(territory, source, target, "communes", table)


def _by_area(territory: Territory, source: str, target: str) -> Correspondence:
    import geopandas as gpd

    def projected(zoning):
        zones = territory.zones_of(zoning)[["zone_id", "geometry"]].copy()
        zones["zone_id"] = zones["zone_id"].astype(str)
        zones = zones.to_crs(EQUAL_AREA_CRS)
        zones["area"] = zones.geometry.area
        return zones

    za, zb = projected(source), projected(target)
    if za.empty or zb.empty:
        return _finish(territory, source, target, "area", pd.DataFrame(columns=COLUMNS))
    pieces = gpd.overlay(za.rename(columns={"zone_id": "zone_a", "area": "area_a"}),
                         zb.rename(columns={"zone_id": "zone_b", "area": "area_b"}),
                         how="intersection", keep_geom_type=True)
    pieces["common"] = pieces.geometry.area
    table = pieces.groupby(["zone_a", "zone_b"], as_index=False).agg(
        common=("common", "sum"), area_a=("area_a", "first"), area_b=("area_b", "first"))
    table["share_of_a"] = _ratio(table["common"], table["area_a"])
    table["share_of_b"] = _ratio(table["common"], table["area_b"])
    table = table[(table["share_of_a"] >= MIN_AREA_SHARE) | (table["share_of_b"] >= MIN_AREA_SHARE)].copy()
    populations = {}
    for zoning in (source, target):
        zones = territory.zones_of(zoning)
        values = pd.to_numeric(zones["population"], errors="coerce") if "population" in zones else np.nan
        populations[zoning] = pd.Series(np.asarray(values, dtype=float) * np.ones(len(zones)),
                                        index=zones["zone_id"].astype(str))
    # .astype(float): with no overlapping pair the mapped columns keep the (string) dtype of the empty keys
    table["population_a"] = table["zone_a"].map(populations[source]).astype(float)
    table["population_b"] = table["zone_b"].map(populations[target]).astype(float)
    table["population_common"] = table["population_a"] * table["share_of_a"]
    table["communes_common"] = pd.array([pd.NA] * len(table), dtype="Int64")
    table["area_common_km2"] = table["common"] / 1e6
    return _finish(territory, source, target, "area", table)


def _ratio(part: pd.Series, base: pd.Series) -> pd.Series:
    base = base.astype(float)
    return (part.astype(float) / base.where(base > 0)).astype(float)


# ---------------------------------------------------------------------------------------------- translation
def translate(corr: Correspondence, values: pd.Series, kind: str) -> pd.DataFrame:
    """`values` (float Series indexed by zone ids of `corr.source`, NaN where unknown) read on `corr.target`.

    `kind` is "count" (apportioned by the share of A's population in B) or "weighted" (mean weighted by the
    population in common; by share of B's area with the area method). Returns a frame indexed by the target's zone
    ids having a pair: `value` (float, NaN where no source zone has a value) and `coverage` (0–1, share of B's
    population lying in source zones with a value). Ratios go through `translate_figures`."""
    if kind not in (COUNT, WEIGHTED):
        raise ValueError(f"kind must be {COUNT!r} or {WEIGHTED!r}, not {kind!r}")
    table = corr.table
    v = pd.to_numeric(table["zone_a"].map(values), errors="coerce").astype(float)
    known = v.notna()
    coverage = table["share_of_b"].where(known, 0).groupby(table["zone_b"]).sum()
    if kind == COUNT:
        value = (v * table["share_of_a"]).where(known).groupby(table["zone_b"]).sum(min_count=1)
    else:
        weight = table["share_of_b"].where(known)
        value = (v * weight).groupby(table["zone_b"]).sum(min_count=1) / weight.groupby(table["zone_b"]).sum(
            min_count=1).replace(0, np.nan)
    return pd.DataFrame({"value": value.astype(float), "coverage": coverage.clip(upper=1.0).astype(float)})


def zone_figures(territory: Territory, zoning: str) -> pd.DataFrame:
    """The figures of each zone of `zoning` as the pack publishes them (index zone_id; NaN where it has none):
    counts projects, difficult, difficult_base, seasonal, seasonal_base (latest recruitment year of the zoning,
    secret cells left out; *_base: projects of the rows where the part is published), jobseekers and population
    (latest period of `context`, population else the zones table), unemployment_rate (percent, latest quarter),
    tension_class (1–5, mean over occupations, latest year), and the ratios difficult_share, seasonal_share
    (0–1) and projects_per_1000."""
    cube = cube_for(territory, zoning)
    out = pd.DataFrame(index=pd.Index(cube.zone_ids, name="zone_id"))
    block = cube.recruitment
    every = np.arange(len(cube.zone_ids))
    yi = latest_year_index(block, every)
    for name in ("projects", "difficult", "difficult_base", "seasonal", "seasonal_base"):
        out[name] = np.nan
    if yi is not None:
        has_rows = block.present[yi].any(axis=1)
        projects = block.arrays["projects"][yi].astype(np.float64)
        out["projects"] = np.where(has_rows, np.nansum(projects, axis=1), np.nan)
        for part in ("difficult", "seasonal"):
            values = block.arrays[part][yi].astype(np.float64)
            known = ~np.isnan(projects) & ~np.isnan(values)
            out[part] = np.where(has_rows, np.where(known, values, 0).sum(axis=1), np.nan)
            out[f"{part}_base"] = np.where(has_rows, np.where(known, projects, 0).sum(axis=1), np.nan)
    for name in ("jobseekers", "population", "unemployment_rate"):
        values, _ = latest_context(cube, name)
        out[name] = values.reindex(out.index).astype(float)
    own = pd.Series(cube.zones["population"].to_numpy(dtype=float), index=cube.zone_ids)
    out["population"] = out["population"].fillna(own)
    out["tension_class"] = tension_by_zone(cube)[0].reindex(out.index).astype(float)
    for name, (num, den, factor) in RATIOS.items():
        out[name] = out[num] / out[den].where(out[den] > 0) * factor
    return out


def translate_figures(territory: Territory, source: str, target: str,
                      indicators: tuple[str, ...] = tuple(INDICATOR_KINDS)) -> pd.DataFrame:
    """The `indicators` (keys of `INDICATOR_KINDS`) published on zoning `source` read on each zone of `target`
    through `correspondence`, each by its kind (module docstring). Returns a frame indexed by the target's zone ids
    with one float column per indicator and `<indicator>_coverage` (0–1) beside it. Raises `GpectError` for an
    unknown zoning, ValueError for an unknown indicator."""
    unknown = [i for i in indicators if i not in INDICATOR_KINDS]
    if unknown:
        raise ValueError(f"unknown indicators {unknown}")
    corr = correspondence(territory, source, target)
    figures = zone_figures(territory, source)
    out = pd.DataFrame(index=pd.Index(sorted(set(corr.table["zone_b"])), name="zone_id"))
    counts: dict[str, pd.DataFrame] = {}

    def count(name):
        if name not in counts:
            counts[name] = translate(corr, figures[name], COUNT).reindex(out.index)
        return counts[name]

    for name in indicators:
        kind = INDICATOR_KINDS[name]
        if kind == RATIO:
            num_name, den_name, factor = RATIOS[name]
            num, den = count(num_name), count(den_name)
            out[name] = num["value"] / den["value"].where(den["value"] > 0) * factor
            out[f"{name}_coverage"] = np.minimum(num["coverage"], den["coverage"])
        else:
            read = count(name) if kind == COUNT else translate(corr, figures[name], WEIGHTED).reindex(out.index)
            out[name] = read["value"]
            out[f"{name}_coverage"] = read["coverage"].fillna(0)
    return out
