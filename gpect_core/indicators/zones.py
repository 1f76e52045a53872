"""Zones of a zoning: map indicators, choropleth classes, the zone against its région and France, peer zones.

Map indicators (one value per zone, latest year or period the pack has):
- `projects`, `difficult_share`, `seasonal_share` as in `selection.py`;
- `tension_class`: mean tension class of the zone's occupations (1–5);
- `unemployment_rate` (latest quarter) and `unemployment_change` (points against the same quarter a year earlier);
- `jobseekers`, `population` (the pack's context, else the zones table), `projects_per_1000` inhabitants.
A zone is **mostly secret** when at least half of its recruitment figures are under statistical secret; the map
draws it, like a zone without data, in grey with a dashed outline.

Classes: `quantiles` (as many zones in each class), `natural_breaks` (Fisher–Jenks: the breaks that minimise the
spread within classes) or `fixed` (1–5, for classes already on that scale).

Peers: each zone is described by its size (log of population), its difficult share, its unemployment rate and its
mix of hiring needs by occupation family (shares of projects). Each criterion is standardised across the zones
(mean 0, standard deviation 1; the family shares together weigh as one criterion); the peers are the zones at the
smallest Euclidean distance. A criterion the pack lacks for every zone is left out; a zone lacking one takes the
mean.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..selection import Selection
from ..territory import Territory
from .cube import ZoningCube, cube_for, latest_year_index
from .cube import selection_sums as _sums
from .occupations import _quiet

MAP_INDICATORS = ("projects", "difficult_share", "seasonal_share", "tension_class", "unemployment_rate",
                  "unemployment_change", "jobseekers", "population", "projects_per_1000")
# The table each indicator comes from (for its source and vintage) and its kind of scale.
INDICATOR_TABLE = {"projects": "recruitment", "difficult_share": "recruitment", "seasonal_share": "recruitment",
                   "tension_class": "tension", "unemployment_rate": "context", "unemployment_change": "context",
                   "jobseekers": "context", "population": "context", "projects_per_1000": "recruitment"}
CLASS_METHODS = ("quantiles", "natural_breaks", "fixed")
MOSTLY_SECRET = 0.5


# ---------------------------------------------------------------------------------------------- per-zone values
def _latest_context(cube: ZoningCube, indicator: str) -> tuple[pd.Series, str | None]:
    wide = cube.context.get(indicator)
    if wide is None or wide.empty:
        return pd.Series(np.nan, index=cube.zone_ids), None
    period = wide.index[-1]
    return wide.loc[period], str(period)


def _year_before(period: str) -> str:
    head, sep, tail = period.partition("-")
    return f"{int(head) - 1}{sep}{tail}" if head.isdigit() else period


def _population(cube: ZoningCube) -> pd.Series:
    values, _ = _latest_context(cube, "population")
    fallback = pd.Series(cube.zones["population"].to_numpy(dtype=float), index=cube.zone_ids)
    return values.astype(float).fillna(fallback)


@dataclass(frozen=True)
class ZoneValues:
    """One indicator for every zone of a zoning, with what the map needs to say about it."""

    indicator: str
    values: pd.Series  # index zone_id
    period: str | None
    mostly_secret: pd.Series  # bool, index zone_id
    unit_key: str

    def rank(self) -> pd.Series:
        """Rank of each zone (1 = highest value), NaN where the value is missing."""
        return self.values.rank(ascending=False, method="min")


def recruitment_by_zone(cube: ZoningCube) -> pd.DataFrame:
    """Projects, shares and secrecy of each zone, latest year (computed once per pack and zoning)."""

    def compute():
        block = cube.recruitment
        columns = ["projects", "difficult_share", "seasonal_share", "secret_share", "rows"]
        yi = latest_year_index(block, np.arange(len(cube.zone_ids)))
        if yi is None:
            return pd.DataFrame(np.nan, index=cube.zone_ids, columns=columns), None
        arrays = block.arrays
        projects = arrays["projects"][yi].astype(np.float64)
        out = {"projects": np.nansum(projects, axis=1)}
        for part in ("difficult", "seasonal"):
            values = arrays[part][yi]
            known = ~np.isnan(projects) & ~np.isnan(values)
            base = np.where(known, projects, 0).sum(axis=1)
            out[f"{part}_share"] = np.where(base > 0, np.where(known, values, 0).sum(axis=1) / np.where(
                base > 0, base, 1), np.nan)
        rows = block.present[yi].sum(axis=1)
        unknown = sum(np.isnan(arrays[m][yi]) & block.present[yi] for m in ("projects", "difficult", "seasonal"))
        out["secret_share"] = np.where(rows > 0, unknown.sum(axis=1) / np.maximum(3 * rows, 1), np.nan)
        out["rows"] = rows
        frame = pd.DataFrame(out, index=cube.zone_ids)
        frame.loc[frame["rows"] == 0, "projects"] = np.nan
        return frame, block.years[yi]

    return cube.memo(("recruitment_by_zone",), compute)


def tension_by_zone(cube: ZoningCube) -> tuple[pd.Series, int | None]:
    def compute():
        block = cube.tension
        yi = latest_year_index(block, np.arange(len(cube.zone_ids)))
        if yi is None or "tension_class" not in block.arrays:
            return pd.Series(np.nan, index=cube.zone_ids), None
        with _quiet():
            values = np.nanmean(block.arrays["tension_class"][yi].astype(np.float64), axis=1)
        return pd.Series(np.round(values, 2), index=cube.zone_ids), block.years[yi]

    return cube.memo(("tension_by_zone",), compute)


UNIT_KEYS = {"projects": "unit.projects", "difficult_share": "unit.percent", "seasonal_share": "unit.percent",
             "tension_class": "unit.class", "unemployment_rate": "unit.percent", "unemployment_change": "unit.points",
             "jobseekers": "unit.people", "population": "unit.inhabitants", "projects_per_1000": "unit.per_1000"}


def zone_values(territory: Territory, zoning: str, indicator: str) -> ZoneValues:
    """`indicator` for every zone of `zoning` (memoised per pack, zoning and indicator)."""
    if indicator not in MAP_INDICATORS:
        raise ValueError(f"indicateur inconnu : {indicator}")
    cube = cube_for(territory, zoning)

    def compute():
        recruitment, year = recruitment_by_zone(cube)
        secret = (recruitment["secret_share"] >= MOSTLY_SECRET).fillna(False)
        no_secret = pd.Series(False, index=cube.zone_ids)
        period = str(year) if year is not None else None
        if indicator in ("projects", "difficult_share", "seasonal_share"):
            values = recruitment[indicator]
        elif indicator == "projects_per_1000":
            population = _population(cube)
            values = recruitment["projects"] / population.where(population > 0) * 1000
        elif indicator == "tension_class":
            values, tyear = tension_by_zone(cube)
            period, secret = (str(tyear) if tyear else None), no_secret
        elif indicator == "unemployment_change":
            wide = cube.context.get("unemployment_rate")
            secret = no_secret
            if wide is None or wide.empty:
                values, period = pd.Series(np.nan, index=cube.zone_ids), None
            else:
                period = str(wide.index[-1])
                before = _year_before(period)
                values = (wide.loc[period] - wide.loc[before]) if before in wide.index else pd.Series(
                    np.nan, index=cube.zone_ids)
                period = f"{before} → {period}"
        elif indicator == "population":
            values, secret = _population(cube), no_secret
            _, period = _latest_context(cube, "population")
        else:
            values, period = _latest_context(cube, indicator)
            secret = no_secret
        values = values.astype(float).reindex(cube.zone_ids)
        return ZoneValues(indicator, values, period, secret.reindex(cube.zone_ids).fillna(False).astype(bool),
                          UNIT_KEYS[indicator])

    return cube.memo(("zone_values", indicator), compute)


def available_indicators(territory: Territory, zoning: str) -> list[str]:
    """The map indicators the pack has values for in this zoning."""
    return [i for i in MAP_INDICATORS if zone_values(territory, zoning, i).values.notna().any()]


# ---------------------------------------------------------------------------------------------- classes
@dataclass(frozen=True)
class Classes:
    method: str
    breaks: list[float]  # upper bounds of classes 0..k-2; class k-1 is everything above
    lower: float | None
    upper: float | None
    classes: pd.Series  # class index per zone (Int64, <NA> where no value)

    @property
    def count(self) -> int:
        return len(self.breaks) + 1 if self.lower is not None else 0

    def bounds(self) -> list[tuple[float, float]]:
        edges = [self.lower, *self.breaks, self.upper]
        return [(edges[i], edges[i + 1]) for i in range(self.count)]


def jenks_breaks(values: np.ndarray, k: int) -> list[float]:
    """Fisher–Jenks natural breaks: the class upper bounds that minimise the within-class sum of squares."""
    data = np.sort(np.asarray(values, dtype=float))
    n = len(data)
    k = min(k, len(np.unique(data)))
    if k <= 1:
        return []
    s1 = np.concatenate([[0.0], np.cumsum(data)])
    s2 = np.concatenate([[0.0], np.cumsum(data * data)])

    def ssd(i: np.ndarray, j: int) -> np.ndarray:  # sum of squared deviations of data[i:j+1]
        count = j + 1 - i
        total = s1[j + 1] - s1[i]
        return (s2[j + 1] - s2[i]) - total * total / count

    cost = np.full((k, n), np.inf)
    start = np.zeros((k, n), dtype=int)
    cost[0] = [ssd(np.array([0]), j)[0] for j in range(n)]
    for c in range(1, k):
        for j in range(c, n):
            i = np.arange(c, j + 1)  # first index of the last class
            candidates = cost[c - 1, i - 1] + ssd(i, j)
            best = int(np.argmin(candidates))
            cost[c, j], start[c, j] = candidates[best], i[best]
    cuts, j = [], n - 1
    for c in range(k - 1, 0, -1):
        i = start[c, j]
        cuts.append(float(data[i - 1]))
        j = i - 1
    return sorted(cuts)


def classify(values: pd.Series, method: str = "quantiles", k: int = 5) -> Classes:
    """Classes of `values` by `method` (see the module docstring); missing values get no class."""
    if method not in CLASS_METHODS:
        raise ValueError(f"méthode de classes inconnue : {method}")
    known = values.dropna().astype(float)
    if known.empty:
        return Classes(method, [], None, None, pd.Series(pd.NA, index=values.index, dtype="Int64"))
    lower, upper = float(known.min()), float(known.max())
    if method == "fixed":
        breaks = [1.5, 2.5, 3.5, 4.5]
        lower, upper = 1.0, 5.0
    elif method == "quantiles":
        breaks = sorted(set(float(q) for q in np.quantile(known, np.arange(1, k) / k)))
        breaks = [b for b in breaks if b < upper]
    else:
        breaks = [b for b in jenks_breaks(known.to_numpy(), k) if b < upper]
    classes = np.searchsorted(np.array(breaks), known.to_numpy(), side="left")
    out = pd.Series(pd.NA, index=values.index, dtype="Int64")
    out.loc[known.index] = classes
    return Classes(method, breaks, lower, upper, out)


# ---------------------------------------------------------------------------------------------- comparison
def comparison_levels(territory: Territory, selection: Selection) -> list[tuple[str, str, Selection]]:
    """(key, label, Selection) for the selection, its région and France (or the whole pack)."""
    cube = cube_for(territory, selection.zoning)
    levels = [("selection", "", selection)]
    zones = cube.zones.set_index("zone_id")
    if not selection.whole and selection.zoning not in ("REG", "FR"):
        regs = zones.reindex(list(selection.zone_ids))["reg"].dropna().unique()
        if len(regs) == 1:
            reg = str(regs[0])
            reg_zones = territory.zones_of("REG")
            names = dict(zip(reg_zones["zone_id"], reg_zones["name"], strict=True))
            if reg in names:
                levels.append(("region", names[reg], Selection("REG", (reg,))))
            else:
                same = tuple(zones.index[zones["reg"].astype(str) == reg])
                levels.append(("region", reg, Selection(selection.zoning, same)))
    fr = territory.zones_of("FR")
    if len(fr) and selection.zoning != "FR":
        levels.append(("france", str(fr["name"].iloc[0]), Selection("FR", tuple(fr["zone_id"]))))
    elif not selection.whole:
        levels.append(("territory", "", Selection(selection.zoning)))
    return levels


MAIN_INDICATORS = ("projects", "difficult_share", "seasonal_share", "projects_per_1000", "tension_class",
                   "unemployment_rate", "jobseekers", "population")


def selection_figures(territory: Territory, selection: Selection) -> dict[str, float | None]:
    """The main indicators for a selection (zones summed; shares and rates recomputed, not averaged).

    Memoised per pack and selection: the région and France levels shown beside every selection cost nothing
    after their first computation."""
    cube = cube_for(territory, selection.zoning)
    key = ("selection_figures", tuple(sorted(set(selection.zone_ids))))
    return dict(cube.memo(key, lambda: _selection_figures(territory, cube, selection)))


def _selection_figures(territory: Territory, cube: ZoningCube, selection: Selection) -> dict[str, float | None]:
    pos = cube.zone_positions(selection.zone_ids)
    out: dict[str, float | None] = dict.fromkeys(MAIN_INDICATORS)
    block = cube.recruitment
    yi = latest_year_index(block, pos)
    if yi is not None:
        sums = _sums(block, yi, pos)
        out["projects"] = float(sums["projects"].sum())
        for part in ("difficult", "seasonal"):
            base = sums[f"{part}_base"].sum()
            out[f"{part}_share"] = float(sums[part].sum() / base) if base > 0 else None
    population = _population(cube).iloc[pos]
    out["population"] = float(population.sum()) if population.notna().any() else None
    if out["projects"] is not None and out["population"]:
        known = population.notna().to_numpy()
        covered = float(np.nansum(np.where(known, np.nansum(block.arrays["projects"][yi][pos], axis=1), 0)))
        out["projects_per_1000"] = covered / float(population.sum()) * 1000
    tension, _ = tension_by_zone(cube)
    values = tension.iloc[pos].dropna()
    out["tension_class"] = round(float(values.mean()), 2) if len(values) else None
    out["unemployment_rate"] = _unemployment(cube, pos)
    jobseekers, _ = _latest_context(cube, "jobseekers")
    picked = jobseekers.iloc[pos]
    out["jobseekers"] = float(picked.sum()) if picked.notna().any() else None
    return out


def _unemployment(cube: ZoningCube, pos: np.ndarray) -> float | None:
    """Latest-quarter rate of the zones at `pos`, weighted by labour force (else population), as `selection.py`."""
    rates, _ = _latest_context(cube, "unemployment_rate")
    rates = rates.iloc[pos].dropna()
    if rates.empty:
        return None
    if len(rates) == 1:
        return float(rates.iloc[0])
    for indicator in ("labour_force", "population"):
        weights, _ = _latest_context(cube, indicator)
        if weights.notna().any():
            break
    else:
        weights = pd.Series(cube.zones["population"].to_numpy(dtype=float), index=cube.zone_ids)
    weights = weights.reindex(rates.index)
    if weights.isna().any() or weights.sum() <= 0:
        return float(rates.mean())
    return float((rates * weights).sum() / weights.sum())


def comparison(territory: Territory, selection: Selection) -> pd.DataFrame:
    """Rows: the selection, its région, France (or the whole pack); columns: `MAIN_INDICATORS`.

    A level the pack holds in its own zoning (REG, FR) is computed there; an indicator it lacks there is taken
    from the selection's zoning (the zones of that région, or all zones). A level whose zoning has no recruitment
    takes its recruitment and tension figures from the zones of another zoning that cover it (`data_selection`);
    `recruitment_zoning` says which zoning they come from.
    """
    rows = []
    cube = cube_for(territory, selection.zoning)
    for key, label, level in comparison_levels(territory, selection):
        figures = selection_figures(territory, level)
        if level.zoning != selection.zoning:
            if key == "region":
                zones = cube.zones
                fallback = Selection(selection.zoning, tuple(zones.loc[zones["reg"].astype(str) == level.zone_ids[0],
                                                                       "zone_id"]))
            else:
                fallback = Selection(selection.zoning)
            backup = selection_figures(territory, fallback)
            figures = {k: (v if v is not None else backup[k]) for k, v in figures.items()}
        data_zoning = level.zoning
        if figures["projects"] is None:
            data = data_selection(territory, level)
            if data.substituted:
                other = selection_figures(territory, data.selection)
                for k in ("projects", "difficult_share", "seasonal_share", "tension_class", "projects_per_1000"):
                    figures[k] = figures[k] if figures[k] is not None else other[k]
                data_zoning = data.selection.zoning
        rows.append({"level": key, "level_label": label, **figures, "recruitment_zoning": data_zoning})
    return pd.DataFrame(rows, columns=["level", "level_label", *MAIN_INDICATORS, "recruitment_zoning"])


# ---------------------------------------------------------------------------------------------- peers
PROFILE_CRITERIA = ("size", "difficult_share", "unemployment_rate", "family_mix")


def zone_profiles(territory: Territory, zoning: str) -> pd.DataFrame:
    """The standardised profile of every zone (rows) used to find peers; memoised per pack and zoning."""
    cube = cube_for(territory, zoning)

    def compute():
        recruitment, _ = recruitment_by_zone(cube)
        unemployment_rate = zone_values(territory, zoning, "unemployment_rate").values
        columns = {"size": np.log1p(_population(cube).clip(lower=0)),
                   "difficult_share": recruitment["difficult_share"],
                   "unemployment_rate": unemployment_rate}
        frame = pd.DataFrame(columns, index=cube.zone_ids).astype(float)
        block = cube.recruitment
        yi = latest_year_index(block, np.arange(len(cube.zone_ids)))
        mix = None
        if yi is not None and block.occupations["family"].notna().any():
            families = block.occupations["family"].fillna("?").astype(str).to_numpy()
            projects = np.nan_to_num(block.arrays["projects"][yi].astype(np.float64))
            mix = pd.DataFrame(projects, index=cube.zone_ids).T.groupby(families).sum().T
            totals = mix.sum(axis=1)
            mix = mix.div(totals.where(totals > 0), axis=0)
        standard = _standardise(frame)
        if mix is not None and mix.notna().any().any():
            mix_std = _standardise(mix) / np.sqrt(max(mix.shape[1], 1))
            standard = pd.concat([standard, mix_std.add_prefix("family_")], axis=1)
        return standard

    return cube.memo(("zone_profiles",), compute)


def _standardise(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.loc[:, frame.notna().any()]
    frame = frame.fillna(frame.mean())
    spread = frame.std(ddof=0).replace(0, np.nan)
    return ((frame - frame.mean()) / spread).fillna(0.0)


def peers(territory: Territory, zoning: str, zone_id: str, n: int = 5) -> pd.DataFrame:
    """The `n` zones most similar to `zone_id` (see the module docstring), nearest first."""
    profiles = zone_profiles(territory, zoning)
    columns = ["zone_id", "name", "distance", "population", "difficult_share", "unemployment_rate",
               "projects"]
    if zone_id not in profiles.index or len(profiles) < 2:
        return pd.DataFrame(columns=columns)
    distance = np.sqrt(((profiles - profiles.loc[zone_id]) ** 2).sum(axis=1)).drop(zone_id)
    nearest = distance.sort_values(kind="stable").head(n)
    cube = cube_for(territory, zoning)
    recruitment, _ = recruitment_by_zone(cube)
    names = dict(zip(cube.zone_ids, cube.zones["name"], strict=True))
    rate = zone_values(territory, zoning, "unemployment_rate").values
    population = _population(cube)
    return pd.DataFrame({
        "zone_id": nearest.index, "name": [names[z] for z in nearest.index], "distance": nearest.to_numpy(),
        "population": population.reindex(nearest.index).to_numpy(),
        "difficult_share": recruitment["difficult_share"].reindex(nearest.index).to_numpy(),
        "unemployment_rate": rate.reindex(nearest.index).to_numpy(),
        "projects": recruitment["projects"].reindex(nearest.index).to_numpy(),
    }, columns=columns).reset_index(drop=True)


def peer_criteria(territory: Territory, zoning: str) -> list[str]:
    """The profile criteria actually used for this pack and zoning."""
    columns = zone_profiles(territory, zoning).columns
    used = [c for c in PROFILE_CRITERIA[:3] if c in columns]
    if any(c.startswith("family_") for c in columns):
        used.append("family_mix")
    return used


# ---------------------------------------------------------------------------------------------- another zoning's data
@dataclass(frozen=True)
class DataSelection:
    """Where a selection's figures of one table are read: itself, or the zones of another zoning that cover it."""

    selection: Selection
    original: Selection
    shares: pd.Series | None = None  # zone of the other zoning → share of the selection's population it holds

    @property
    def substituted(self) -> bool:
        return self.selection.zoning != self.original.zoning


MIN_COVER_SHARE = 0.1


def data_selection(territory: Territory, selection: Selection, table: str = "recruitment") -> DataSelection:
    """The selection itself when its zoning has rows of `table`; otherwise the zones of another zoning that has them
    (BMO basins first) holding at least `MIN_COVER_SHARE` of the selection's population, found through the
    communes table (each commune belongs to one zone of each zoning). A whole-territory selection becomes the whole
    other zoning."""
    own = getattr(cube_for(territory, selection.zoning), table)
    if not own.empty:
        return DataSelection(selection, selection)
    communes = territory.table("communes")
    source_column = f"zone_{selection.zoning}"
    if source_column not in communes:
        return DataSelection(selection, selection)
    candidates = [z for z in ("BMO", *territory.zoning_ids()) if z != selection.zoning
                  and f"zone_{z}" in communes and not getattr(cube_for(territory, z), table).empty]
    if not candidates:
        return DataSelection(selection, selection)
    other = candidates[0]
    if selection.whole:
        return DataSelection(Selection(other), selection)
    inside = communes[communes[source_column].isin(selection.zone_ids)]
    population = pd.to_numeric(inside["population"], errors="coerce").fillna(0)
    by_zone = population.groupby(inside[f"zone_{other}"]).sum()
    if by_zone.sum() <= 0:
        return DataSelection(selection, selection)
    shares = (by_zone / by_zone.sum()).sort_values(ascending=False)
    shares = shares[shares >= MIN_COVER_SHARE]
    return DataSelection(Selection(other, tuple(shares.index)), selection, shares)
