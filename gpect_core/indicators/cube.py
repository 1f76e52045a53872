"""The fast path at national scale: one pre-aggregated, indexed structure per pack and zoning.

`ZoningCube` turns the long tables of one zoning (recruitment, tension, context) into dense NumPy arrays
indexed by (year, zone, occupation) once, when the pack is loaded; a selection then costs a slice and a sum
instead of a filter over millions of rows. `cube_for(territory, zoning)` memoises the cube on the territory
object itself (the app keeps one Territory per pack version in `st.cache_resource`), so every page and every
rerun of the same pack reuses it; a table replaced on the territory invalidates it.

Missing and secret values are NaN in the arrays: a statistical secret is unknown, never zero.
"""

from __future__ import annotations

import threading
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..schema import RECRUITMENT_MEASURES
from ..territory import Territory

TENSION_MEASURES = ("tension_class", "tension_score", "hiring_intensity", "labour_shortage", "non_durable_jobs",
                    "working_conditions", "geographic_mismatch", "training_link", "wage_attractiveness", "offers",
                    "jobseekers")
OCC_KEY = ["occupation_system", "occupation_code"]

_LOCK = threading.Lock()


@dataclass
class Block:
    """Dense arrays of one long table: `arrays[measure][year_index, zone_index, occupation_index]`."""

    years: list[int]
    occupations: pd.DataFrame  # occupation_system, occupation_code, label, family, family_label (row = index)
    arrays: dict[str, np.ndarray]
    present: np.ndarray  # bool (year, zone, occupation): the row exists in the table

    @property
    def empty(self) -> bool:
        return not self.years

    def year_index(self, year: int | None) -> int | None:
        if not self.years:
            return None
        if year is None:
            return len(self.years) - 1
        return self.years.index(year) if year in self.years else None

    def occupation_index(self, system: str, code: str) -> int | None:
        hit = self._occ_lookup.get((system, code))
        return hit

    def __post_init__(self):
        self._occ_lookup = {(s, c): i for i, (s, c) in enumerate(zip(
            self.occupations["occupation_system"], self.occupations["occupation_code"], strict=True))}
        # (year, zone): the zone has at least one row that year — so finding a selection's latest year is cheap.
        self.zone_years = self.present.any(axis=2) if self.present.size else np.zeros(self.present.shape[:2], bool)


@dataclass
class ZoningCube:
    """Every table of one zoning as arrays (`Block`s for recruitment and tension, wide frames for the context),
    zones in `zone_ids` order; built by `build_cube`, shared through `cube_for`."""

    zoning: str
    zone_ids: np.ndarray
    zones: pd.DataFrame  # zone_id (index order), name, dep, reg, population
    recruitment: Block
    tension: Block
    context: dict[str, pd.DataFrame] = field(default_factory=dict)  # indicator → periods × zone_ids (float)
    context_units: dict[str, str] = field(default_factory=dict)
    _memo: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._zone_pos = {z: i for i, z in enumerate(self.zone_ids)}

    def zone_positions(self, zone_ids) -> np.ndarray:
        """Positions of the given zones (unknown ones dropped); empty input means every zone."""
        if zone_ids is None or len(zone_ids) == 0:
            return np.arange(len(self.zone_ids))
        return np.array([self._zone_pos[z] for z in zone_ids if z in self._zone_pos], dtype=int)

    def memo(self, key, compute):
        """Per-cube memo for whole-zoning results (per-zone maps, profiles): computed once per pack."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


def _occupation_labels(territory: Territory, keys: pd.DataFrame) -> pd.DataFrame:
    occupations = territory.table("occupations").rename(columns={"system": "occupation_system",
                                                                 "code": "occupation_code"})
    wanted = [c for c in ("label", "family", "family_label") if c in occupations]
    out = keys.merge(occupations[[*OCC_KEY, *wanted]].drop_duplicates(OCC_KEY), on=OCC_KEY, how="left")
    for column in ("label", "family", "family_label"):
        if column not in out:
            out[column] = pd.NA
    out["label"] = out["label"].fillna(out["occupation_code"]).astype(str)
    return out.reset_index(drop=True)


def _block(territory: Territory, table: str, zoning: str, zone_pos: dict[str, int], measures) -> Block:
    df = territory.table(table)
    if df.empty or "zoning" not in df:
        return Block([], _occupation_labels(territory, pd.DataFrame(columns=OCC_KEY)), {},
                     np.zeros((0, len(zone_pos), 0), dtype=bool))
    rows = df[df["zoning"] == zoning]
    rows = rows[rows["zone_id"].isin(zone_pos.keys())]
    years = sorted(int(y) for y in rows["year"].dropna().unique())
    occ_codes = rows[OCC_KEY].drop_duplicates().sort_values(OCC_KEY).reset_index(drop=True)
    occupations = _occupation_labels(territory, occ_codes)
    shape = (len(years), len(zone_pos), len(occupations))
    year_i = rows["year"].map({y: i for i, y in enumerate(years)}).to_numpy(dtype=int)
    zone_i = rows["zone_id"].map(zone_pos).to_numpy(dtype=int)
    occ_index = pd.MultiIndex.from_frame(occupations[OCC_KEY])
    occ_i = occ_index.get_indexer(pd.MultiIndex.from_frame(rows[OCC_KEY]))
    present = np.zeros(shape, dtype=bool)
    present[year_i, zone_i, occ_i] = True
    arrays = {}
    for measure in measures:
        if measure not in rows:
            continue
        values = pd.to_numeric(rows[measure], errors="coerce").astype("float64").to_numpy(na_value=np.nan)
        array = np.full(shape, np.nan, dtype=np.float32)
        array[year_i, zone_i, occ_i] = values
        arrays[measure] = array
    if table == "recruitment":
        # Secret cells each figure lacks: the pack's own count when it has one, else the unknown measures.
        if "secret_cells" in rows:
            secret = pd.to_numeric(rows["secret_cells"], errors="coerce").fillna(0).to_numpy(dtype=float)
        else:
            secret = rows[list(RECRUITMENT_MEASURES)].isna().sum(axis=1).to_numpy(dtype=float)
        array = np.zeros(shape, dtype=np.float32)
        array[year_i, zone_i, occ_i] = secret
        arrays["secret_cells"] = array
    return Block(years, occupations, arrays, present)


def _context(territory: Territory, zoning: str, zone_ids: np.ndarray) -> tuple[dict, dict]:
    df = territory.table("context")
    if df.empty:
        return {}, {}
    rows = df[(df["zoning"] == zoning) & df["zone_id"].isin(set(zone_ids))]
    out, units = {}, {}
    for indicator, group in rows.groupby("indicator"):
        wide = group.pivot_table(index="period", columns="zone_id", values="value", aggfunc="first")
        out[str(indicator)] = wide.reindex(columns=zone_ids).astype(float).sort_index()
        unit = group["unit"].dropna()
        units[str(indicator)] = str(unit.iloc[0]) if len(unit) else ""
    return out, units


def build_cube(territory: Territory, zoning: str) -> ZoningCube:
    """The cube of `zoning` from the pack's zones, recruitment, tension, context and occupations tables (uncached:
    use `cube_for`)."""
    zones = territory.zones_of(zoning)
    attrs = pd.DataFrame({
        "zone_id": zones["zone_id"].astype(str).to_numpy(),
        "name": zones["name"].astype(str).to_numpy(),
        "dep": zones["dep"].to_numpy() if "dep" in zones else None,
        "reg": zones["reg"].to_numpy() if "reg" in zones else None,
        "population": pd.to_numeric(zones["population"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        if "population" in zones else np.nan,
    })
    zone_ids = attrs["zone_id"].to_numpy()
    zone_pos = {z: i for i, z in enumerate(zone_ids)}
    context, units = _context(territory, zoning, zone_ids)
    return ZoningCube(
        zoning=zoning, zone_ids=zone_ids, zones=attrs,
        recruitment=_block(territory, "recruitment", zoning, zone_pos, RECRUITMENT_MEASURES),
        tension=_block(territory, "tension", zoning, zone_pos, TENSION_MEASURES),
        context=context, context_units=units,
    )


def _stamp(territory: Territory) -> tuple:
    return tuple(id(territory.tables.get(name)) for name in ("recruitment", "tension", "context", "occupations")) + (
        id(territory.zones),)


def cube_for(territory: Territory, zoning: str) -> ZoningCube:
    """The cube of `zoning`, built once per territory object (and rebuilt if one of its tables is replaced)."""
    with _LOCK:
        cache = territory.__dict__.setdefault("_gpect_cubes", {})
        stamp = _stamp(territory)
        hit = cache.get(zoning)
        if hit is None or hit[0] != stamp:
            hit = (stamp, build_cube(territory, zoning))
            cache[zoning] = hit
        return hit[1]


def latest_year_index(block: Block, pos: np.ndarray) -> int | None:
    """Index in `block.years` of the latest year where one of the zones at `pos` has a row, or None."""
    if block.empty or len(pos) == 0:
        return None
    has_rows = block.zone_years[:, pos].any(axis=1)
    hits = np.flatnonzero(has_rows)
    return int(hits[-1]) if len(hits) else None


def selection_sums(block: Block, yi: int, pos: np.ndarray, occ: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Per-occupation sums over the zones at `pos` for year index `yi` (only the occupations `occ` if given)."""

    def take(array):
        year = array[yi]
        return (year[:, occ] if occ is not None else year)[pos]

    arrays = block.arrays
    projects = take(arrays["projects"])
    present = take(block.present)
    out = {"projects": np.nansum(projects, axis=0, dtype=np.float64),
           "rows": present.sum(axis=0),
           "secret_cells": take(arrays["secret_cells"]).sum(axis=0, dtype=np.float64)}
    out["hidden_rows"] = (present & (np.isnan(projects) | np.isnan(take(arrays["difficult"])))).sum(axis=0)
    for part in ("difficult", "seasonal"):
        values = take(arrays[part])
        known = ~np.isnan(projects) & ~np.isnan(values)
        out[part] = np.where(known, values, 0).sum(axis=0, dtype=np.float64)
        out[f"{part}_base"] = np.where(known, projects, 0).sum(axis=0, dtype=np.float64)
    return out


class quiet:  # noqa: N801 — used as a context manager, like `np.errstate`
    """Silence NumPy's « mean of empty slice » warning: an all-missing column is NaN, as wanted."""

    def __enter__(self):
        self._catch = warnings.catch_warnings()
        self._catch.__enter__()
        warnings.simplefilter("ignore", category=RuntimeWarning)

    def __exit__(self, *exc):
        return self._catch.__exit__(*exc)


def share(part, base):
    """`part / base` element-wise (floats), NaN where `base` is not positive: a share of nothing is unknown."""
    part, base = np.asarray(part, dtype=np.float64), np.asarray(base, dtype=np.float64)
    return np.where(base > 0, part / np.where(base > 0, base, 1), np.nan)


def latest_context(cube: ZoningCube, indicator: str, pos: np.ndarray | None = None) -> tuple[pd.Series, str | None]:
    """The latest period of a context indicator (pack's `context` table): (value per zone id, period text).

    Without `pos`, the zoning's latest period (float Series over every zone, NaN where missing); with `pos`, only
    the zones at those positions and the latest period where one of them has a value. (NaN Series, None) when the
    pack lacks the indicator."""
    wide = cube.context.get(indicator)
    zone_ids = cube.zone_ids if pos is None else cube.zone_ids[pos]
    if wide is None or wide.empty:
        return pd.Series(np.nan, index=zone_ids), None
    if pos is not None:
        wide = wide.iloc[:, pos].dropna(how="all")
        if wide.empty:
            return pd.Series(np.nan, index=zone_ids), None
    period = wide.index[-1]
    return wide.loc[period], str(period)


def zone_population(cube: ZoningCube) -> pd.Series:
    """Inhabitants per zone id (float): the context's latest `population`, else the zones table's."""
    values, _ = latest_context(cube, "population")
    fallback = pd.Series(cube.zones["population"].to_numpy(dtype=float), index=cube.zone_ids)
    return values.astype(float).fillna(fallback)
