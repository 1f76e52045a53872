"""One value per zone of a zoning, and its classes: what the maps of « Carte des bassins » colour.

Map indicators (one value per zone, latest year or period the pack has):
- `projects`, `difficult_share`, `seasonal_share` as in `selection.py` (pack table `recruitment`);
- `tension_class`: mean tension class of the zone's occupations (1–5; table `tension`);
- `unemployment_rate` (latest quarter) and `unemployment_change` (points against the same quarter a year earlier);
- `jobseekers`, `population` (the pack's `context`, else the zones table), `projects_per_1000` inhabitants.
A zone is **mostly secret** when at least half of its recruitment figures are under statistical secret; the map
draws it, like a zone without data, in grey with a dashed outline.

Classes: `quantiles` (as many zones in each class), `natural_breaks` (Fisher–Jenks: the breaks that minimise the
spread within classes) or `fixed` (1–5, for classes already on that scale).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..i18n import t
from ..territory import Territory
from .cube import ZoningCube, cube_for, latest_context, latest_year_index, quiet, share, zone_population

MAP_INDICATORS = ("projects", "difficult_share", "seasonal_share", "tension_class", "unemployment_rate",
                  "unemployment_change", "jobseekers", "population", "projects_per_1000")
# The table each indicator comes from (for its source and vintage) and its kind of scale.
INDICATOR_TABLE = {"projects": "recruitment", "difficult_share": "recruitment", "seasonal_share": "recruitment",
                   "tension_class": "tension", "unemployment_rate": "context", "unemployment_change": "context",
                   "jobseekers": "context", "population": "context", "projects_per_1000": "recruitment"}
UNIT_KEYS = {"projects": "unit.projects", "difficult_share": "unit.percent", "seasonal_share": "unit.percent",
             "tension_class": "unit.class", "unemployment_rate": "unit.percent", "unemployment_change": "unit.points",
             "jobseekers": "unit.people", "population": "unit.inhabitants", "projects_per_1000": "unit.per_1000"}
# The palette of `maps.class_colours` each indicator is drawn with: counts in blue, difficulty in red, rates in
# purple, a change (that can be negative) on a diverging scale.
PALETTE = {"projects": "sequential_blue", "jobseekers": "sequential_blue", "population": "sequential_blue",
           "projects_per_1000": "sequential_blue", "difficult_share": "sequential_red",
           "seasonal_share": "sequential_purple", "tension_class": "sequential_red",
           "unemployment_rate": "sequential_purple", "unemployment_change": "diverging"}
CLASS_METHODS = ("quantiles", "natural_breaks", "fixed")
MOSTLY_SECRET = 0.5


def _year_before(period: str) -> str:
    head, sep, tail = period.partition("-")
    return f"{int(head) - 1}{sep}{tail}" if head.isdigit() else period


@dataclass(frozen=True)
class ZoneValues:
    """One indicator for every zone of a zoning, with what the map needs to say about it."""

    indicator: str
    values: pd.Series  # float, index zone_id (every zone of the zoning, NaN where unknown)
    period: str | None  # the year or quarter read ("2024", "2024-T4", "2023-T4 → 2024-T4"), None without data
    mostly_secret: pd.Series  # bool, index zone_id
    unit_key: str  # i18n key of the unit

    def rank(self) -> pd.Series:
        """Rank of each zone (1 = highest value; ties share the lowest rank), NaN where the value is missing."""
        return self.values.rank(ascending=False, method="min")


def recruitment_by_zone(cube: ZoningCube) -> tuple[pd.DataFrame, int | None]:
    """(frame indexed by zone_id, year): projects, difficult_share, seasonal_share (0–1), secret_share (share of the
    zone's recruitment figures under secret) and rows (occupation rows) of each zone, the zoning's latest year of
    the pack's `recruitment` table; NaN and None without recruitment. Computed once per pack and zoning."""

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
            out[f"{part}_share"] = share(np.where(known, values, 0).sum(axis=1), np.where(known, projects, 0).sum(
                axis=1))
        rows = block.present[yi].sum(axis=1)
        unknown = sum(np.isnan(arrays[m][yi]) & block.present[yi] for m in ("projects", "difficult", "seasonal"))
        out["secret_share"] = np.where(rows > 0, unknown.sum(axis=1) / np.maximum(3 * rows, 1), np.nan)
        out["rows"] = rows
        frame = pd.DataFrame(out, index=cube.zone_ids)
        frame.loc[frame["rows"] == 0, "projects"] = np.nan
        return frame, block.years[yi]

    return cube.memo(("recruitment_by_zone",), compute)


def tension_by_zone(cube: ZoningCube) -> tuple[pd.Series, int | None]:
    """(mean tension class of each zone's occupations, rounded to 2 decimals, index zone_id; year), the zoning's
    latest year of the pack's `tension` table; NaN and None without tension. Computed once per pack and zoning."""

    def compute():
        block = cube.tension
        yi = latest_year_index(block, np.arange(len(cube.zone_ids)))
        if yi is None or "tension_class" not in block.arrays:
            return pd.Series(np.nan, index=cube.zone_ids), None
        with quiet():
            values = np.nanmean(block.arrays["tension_class"][yi].astype(np.float64), axis=1)
        return pd.Series(np.round(values, 2), index=cube.zone_ids), block.years[yi]

    return cube.memo(("tension_by_zone",), compute)


def zone_values(territory: Territory, zoning: str, indicator: str) -> ZoneValues:
    """`indicator` (one of `MAP_INDICATORS`) for every zone of `zoning`, memoised per pack, zoning and indicator.

    Raises ValueError for an unknown indicator."""
    if indicator not in MAP_INDICATORS:
        raise ValueError(t("indicators.unknown_indicator", "fr", code=indicator))
    cube = cube_for(territory, zoning)

    def compute():
        recruitment, year = recruitment_by_zone(cube)
        secret = (recruitment["secret_share"] >= MOSTLY_SECRET).fillna(False)
        no_secret = pd.Series(False, index=cube.zone_ids)
        period = str(year) if year is not None else None
        if indicator in ("projects", "difficult_share", "seasonal_share"):
            values = recruitment[indicator]
        elif indicator == "projects_per_1000":
            population = zone_population(cube)
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
            values, secret = zone_population(cube), no_secret
            _, period = latest_context(cube, "population")
        else:
            values, period = latest_context(cube, indicator)
            secret = no_secret
        values = values.astype(float).reindex(cube.zone_ids)
        return ZoneValues(indicator, values, period, secret.reindex(cube.zone_ids).fillna(False).astype(bool),
                          UNIT_KEYS[indicator])

    return cube.memo(("zone_values", indicator), compute)


def available_indicators(territory: Territory, zoning: str) -> list[str]:
    """The map indicators (subset of `MAP_INDICATORS`, in that order) the pack has values for in this zoning."""
    return [i for i in MAP_INDICATORS if zone_values(territory, zoning, i).values.notna().any()]


# ---------------------------------------------------------------------------------------------- classes
@dataclass(frozen=True)
class Classes:
    """Classes of a choropleth: `count` classes, class i covering `bounds()[i]`."""

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


def class_methods(indicator: str) -> list[str]:
    """The class methods offered for `indicator`, the default first: `fixed` for the 1–5 tension class."""
    return ["fixed", "quantiles", "natural_breaks"] if indicator == "tension_class" else ["quantiles",
                                                                                          "natural_breaks"]


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
    """Classes of `values` by `method` (see the module docstring); missing values get no class.

    Raises ValueError for a method not in `CLASS_METHODS`."""
    if method not in CLASS_METHODS:
        raise ValueError(t("indicators.unknown_method", "fr", method=method))
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


def class_fill(values: ZoneValues, classes: Classes, colours: list[str]) -> tuple[dict[str, str], set[str]]:
    """(zone_id → fill colour of its class, zone ids drawn as « no data »: no value or mostly secret)."""
    no_data = set(values.values.index[values.values.isna() | values.mostly_secret])
    fill = {zone: colours[int(c)] for zone, c in classes.classes.dropna().items() if zone not in no_data}
    return fill, no_data


def ranked_values(values: ZoneValues, names: dict[str, str]) -> pd.DataFrame:
    """Every zone's value and rank, best ranked first (zones without a value last). Columns: zone (name from
    `names`, else the id), zone_id, value (float), rank (float, 1 = highest, NaN without a value)."""
    ranks = values.rank()
    return pd.DataFrame({"zone": [names.get(z, z) for z in values.values.index], "zone_id": values.values.index,
                         "value": values.values.to_numpy(), "rank": ranks.to_numpy()}).sort_values("rank")
