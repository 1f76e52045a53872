"""The figures of a selection: one function computes them, one entry point reads them where the pack has them.

Definitions (stated on the pages):
- hiring projects: the sum of the published (non-secret) projects of the selected zones, latest year (pack table
  `recruitment`);
- share difficult / seasonal: difficult (seasonal) projects over projects, both summed on the rows where both
  are published, so that a secret cell does not bias the share;
- unemployment rate: the selection's latest quarter (table `context`); for several zones, the mean weighted by
  labour force (or population when the pack has no labour force);
- tension class: mean over the zones of each zone's mean tension class (table `tension`).

`selection_figures` computes every figure of a selection in its own zoning. `read_selection` is the one entry
point the pages use: when the selection's zoning does not publish recruitment (zones d'emploi, EPCI or the
committee's own zones in the national pack), its recruitment and tension figures are read on the zones of the
publishing zoning that matches it best (`data_selection`, through `correspondence`), those zones whole, and the
reading says which zones and what share of the selection's population they hold. `key_figures` (« Synthèse »), `zones.comparison` (« Carte des
bassins ») and « Métiers en tension » all go through it. The plan's actions of a selection are counted by the plan
package (`plan.scope.action_counts`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..selection import Selection
from ..territory import Territory
from .choropleth import tension_by_zone
from .correspondence import correspondence
from .cube import (
    ZoningCube,
    cube_for,
    latest_context,
    latest_year_index,
    selection_sums,
    share,
    zone_population,
)

MAIN_INDICATORS = ("projects", "difficult_share", "seasonal_share", "projects_per_1000", "tension_class",
                   "unemployment_rate", "jobseekers", "population")
# Figures read on the covering zones when the selection's zoning publishes no recruitment.
RECRUITMENT_FIGURES = ("year", "projects", "difficult_share", "seasonal_share", "secret_cells", "projects_per_1000")
TENSION_FIGURES = ("tension_class",)
MIN_COVER_SHARE = 0.1


# ---------------------------------------------------------------------------------------------- one function
def selection_figures(territory: Territory, selection: Selection) -> dict[str, float | int | str | None]:
    """Every figure of a selection in its own zoning (zones summed; shares and rates recomputed, not averaged).

    Keys: `MAIN_INDICATORS` (floats or None: projects and jobseekers are counts, shares 0–1, unemployment_rate in
    percent, projects_per_1000 per 1,000 inhabitants, tension_class 1–5), `year` (int, recruitment year),
    `secret_cells` (int, secret recruitment cells) and `unemployment_period` (e.g. "2024-T4"). None where the pack
    has nothing for these zones. Memoised per pack and selection (a fresh dict each call)."""
    cube = cube_for(territory, selection.zoning)
    key = ("selection_figures", tuple(sorted(set(selection.zone_ids))))
    return dict(cube.memo(key, lambda: _selection_figures(cube, selection)))


def _selection_figures(cube: ZoningCube, selection: Selection) -> dict:
    pos = cube.zone_positions(selection.zone_ids)
    out: dict = dict.fromkeys((*MAIN_INDICATORS, "year", "unemployment_period"))
    out["secret_cells"] = 0
    block = cube.recruitment
    yi = latest_year_index(block, pos)
    if yi is not None:
        sums = selection_sums(block, yi, pos)
        out["year"] = block.years[yi]
        out["projects"] = float(sums["projects"].sum())
        out["secret_cells"] = int(sums["secret_cells"].sum())
        for part in ("difficult", "seasonal"):
            value = share(sums[part].sum(), sums[f"{part}_base"].sum())
            out[f"{part}_share"] = None if np.isnan(value) else float(value)
    population = zone_population(cube).iloc[pos]
    out["population"] = float(population.sum()) if population.notna().any() else None
    if out["projects"] is not None and out["population"]:
        known = population.notna().to_numpy()
        covered = float(np.nansum(np.where(known, np.nansum(block.arrays["projects"][yi][pos], axis=1), 0)))
        out["projects_per_1000"] = covered / float(population.sum()) * 1000
    tension, _ = tension_by_zone(cube)
    values = tension.iloc[pos].dropna()
    out["tension_class"] = round(float(values.mean()), 2) if len(values) else None
    out["unemployment_rate"], out["unemployment_period"] = _unemployment(cube, pos)
    jobseekers, _ = latest_context(cube, "jobseekers")
    picked = jobseekers.iloc[pos]
    out["jobseekers"] = float(picked.sum()) if picked.notna().any() else None
    return out


def _unemployment(cube: ZoningCube, pos: np.ndarray) -> tuple[float | None, str | None]:
    """The selection's latest-quarter rate (percent) and quarter, weighted by labour force (else population)."""
    rates, period = latest_context(cube, "unemployment_rate", pos)
    rates = rates.dropna()
    if rates.empty:
        return None, None
    if len(rates) == 1:
        return float(rates.iloc[0]), period
    for indicator in ("labour_force", "population"):
        weights, _ = latest_context(cube, indicator)
        if weights.notna().any():
            break
    else:
        weights = pd.Series(cube.zones["population"].to_numpy(dtype=float), index=cube.zone_ids)
    weights = weights.reindex(rates.index)
    if weights.isna().any() or weights.sum() <= 0:
        return float(rates.mean()), period
    return float((rates * weights).sum() / weights.sum()), period


# ---------------------------------------------------------------------------------------------- another zoning's data
@dataclass(frozen=True)
class DataSelection:
    """Where a selection's figures of one table are read: itself, or the zones of another zoning that cover it.

    `shares`: zone of the other zoning → share (0–1) of the selection's population living in it, largest first,
    only the zones kept (at least `MIN_COVER_SHARE`); `coverage`: their sum, the share of the selection's
    population the covering zones represent (1.0 for a whole-territory selection)."""

    selection: Selection
    original: Selection
    shares: pd.Series | None = None
    coverage: float | None = None

    @property
    def substituted(self) -> bool:
        return self.selection.zoning != self.original.zoning


def data_selection(territory: Territory, selection: Selection, table: str = "recruitment") -> DataSelection:
    """The selection itself when its zoning has rows of `table`; otherwise the zones of the other zoning that has
    them and covers it best, through `correspondence.correspondence` (communes' population, else polygon overlap).

    For each zoning that publishes `table`, the zones that have rows and hold at least `MIN_COVER_SHARE` of the
    selection's population are kept; the zoning chosen is the one whose kept zones best match the selection:
    largest population in common over the population of the union (selection ∪ kept zones), so that a zoning
    covering the selection closely beats one whose zones are far larger (a région for a zone d'emploi); ties go
    to BMO basins, then the pack's order. A whole-territory selection becomes the whole other zoning. The
    selection itself when no zoning publishes the table or none shares territory with it. Memoised per cube and
    selection (a page asks several times a rerun)."""
    return cube_for(territory, selection.zoning).memo(("data_selection", table, selection),
                                                       lambda: _data_selection(territory, selection, table))


def _data_selection(territory: Territory, selection: Selection, table: str) -> DataSelection:
    own = getattr(cube_for(territory, selection.zoning), table)
    if not own.empty:
        return DataSelection(selection, selection)
    candidates = [z for z in dict.fromkeys(("BMO", *territory.zoning_ids())) if z != selection.zoning
                  and z in territory.zoning_ids() and not getattr(cube_for(territory, z), table).empty]
    best: tuple[float, DataSelection] | None = None
    for other in candidates:
        found = _covering(territory, selection, other, table)
        if found is not None and (best is None or found[0] > best[0] + 1e-9):  # ties keep the earlier zoning
            best = found
    return best[1] if best is not None else DataSelection(selection, selection)


def _covering(territory: Territory, selection: Selection, other: str, table: str
              ) -> tuple[float, DataSelection] | None:
    """(match score, DataSelection) of `selection` read on the zones of `other` (see `data_selection`)."""
    plan = _covering_plan(territory, selection.zoning, other, table)
    if plan is None:
        return None
    if selection.whole:
        rows = np.arange(len(plan.zone_b))
    else:
        parts = [plan.rows_of[z] for z in dict.fromkeys(selection.zone_ids) if z in plan.rows_of]
        if not parts:
            return None
        rows = np.concatenate(parts)
    common = plan.population_common[rows]
    no_population = bool(np.isnan(common).all())
    if no_population:
        weight, total = plan.share_of_a[rows], float(len(np.unique(plan.zone_a[rows])))
    else:
        weight = common
        _, first = np.unique(plan.zone_a[rows], return_index=True)
        total = float(np.nansum(plan.population_a[rows][first]))
    if not total or total <= 0:
        return None
    sums = np.bincount(plan.zone_b[rows], weights=np.nan_to_num(weight, nan=0.0), minlength=len(plan.b_ids))
    present = np.zeros(len(plan.b_ids), dtype=bool)
    present[plan.zone_b[rows]] = True
    candidates = np.flatnonzero(present & plan.publishing)
    shares = sums[candidates] / total
    order = np.argsort(-shares, kind="stable")
    candidates, shares = candidates[order], shares[order]
    keep = np.ones(len(shares), dtype=bool) if selection.whole else shares >= MIN_COVER_SHARE
    if not keep.any():
        return None
    candidates, shares = candidates[keep], shares[keep]
    coverage = float(min(shares.sum(), 1.0))
    sizes = plan.population_b[candidates]
    covering = float(sizes.sum()) if not np.isnan(sizes).any() and not no_population else total
    in_common = coverage * total
    union = total + covering - in_common
    score = in_common / union if union > 0 else 0.0
    if selection.whole:
        return score, DataSelection(Selection(other), selection, coverage=coverage)
    kept_ids = plan.b_ids[candidates]
    kept = pd.Series(shares, index=pd.Index(kept_ids, name="zone_b"))
    return score, DataSelection(Selection(other, tuple(kept_ids)), selection, kept, coverage)


@dataclass(frozen=True)
class _CoveringPlan:
    """The correspondence of two zonings as arrays, for `_covering`: one entry per correspondence row."""

    b_ids: np.ndarray  # zone ids of the other zoning (object), indexed by `zone_b`
    zone_a: np.ndarray  # int codes of the selection's zones
    zone_b: np.ndarray  # int positions in `b_ids`
    population_common: np.ndarray  # float, NaN when unknown
    share_of_a: np.ndarray
    population_a: np.ndarray
    population_b: np.ndarray  # the other zone's population (NaN when unknown)
    publishing: np.ndarray  # bool per `b_ids`: the zone has rows of the table
    rows_of: dict  # selection's zone id → int array of its rows


def _covering_plan(territory: Territory, zoning: str, other: str, table: str) -> _CoveringPlan | None:
    """`correspondence(zoning, other)` turned into arrays once per pack, so that reading a selection on the
    covering zones costs a few array operations (a click selects a new zone on every rerun)."""
    def build() -> _CoveringPlan | None:
        corr = correspondence(territory, zoning, other).table
        if corr.empty:
            return None
        a_codes, a_ids = pd.factorize(corr["zone_a"].astype(str))
        b_codes, b_ids = pd.factorize(corr["zone_b"].astype(str))
        b_ids = np.asarray(b_ids, dtype=object)
        block = getattr(cube_for(territory, other), table)
        publishing_ids = set(cube_for(territory, other).zone_ids[block.zone_years.any(axis=0)])
        population_b = corr.groupby(b_codes, sort=True)["population_b"].first().reindex(range(len(b_ids)))

        def floats(column: str) -> np.ndarray:
            return pd.to_numeric(corr[column], errors="coerce").to_numpy(dtype=float, na_value=np.nan)

        order = np.argsort(a_codes, kind="stable")
        bounds = np.flatnonzero(np.diff(a_codes[order])) + 1
        rows_of = {str(a_ids[a_codes[group[0]]]): group for group in np.split(order, bounds) if len(group)}
        return _CoveringPlan(
            b_ids=b_ids, zone_a=a_codes, zone_b=b_codes, population_common=floats("population_common"),
            share_of_a=floats("share_of_a"), population_a=floats("population_a"),
            population_b=pd.to_numeric(population_b, errors="coerce").to_numpy(dtype=float, na_value=np.nan),
            publishing=np.array([z in publishing_ids for z in b_ids], dtype=bool), rows_of=rows_of)

    return cube_for(territory, zoning).memo(("covering_plan", other, table), build)


@dataclass(frozen=True)
class Reading:
    """A selection's figures as the pages show them, and where its recruitment and tension were read."""

    figures: dict  # as `selection_figures`
    data: DataSelection  # data.selection: the zones the recruitment and tension tables are read on

    @property
    def source(self) -> Selection:
        """The selection to read recruitment and tension tables on (occupation rankings, heatmap, sheet)."""
        return self.data.selection


def read_selection(territory: Territory, selection: Selection, fallback: Selection | None = None) -> Reading:
    """The one entry point for a selection's figures: `selection_figures` in its own zoning, then, where a figure
    is missing, `fallback`'s (a selection of another zoning covering the same territory, as `zones.comparison`
    gives for a région), then, if the hiring projects are still missing because the zoning publishes no
    recruitment, the recruitment figures (`RECRUITMENT_FIGURES`) and a missing tension class of the zones of another
    zoning that cover it (`data_selection`). Unemployment, jobseekers and population always follow `selection`."""
    figures = selection_figures(territory, selection)
    if fallback is not None:
        backup = selection_figures(territory, fallback)
        figures = {k: (v if v is not None else backup[k]) for k, v in figures.items()}
    if figures["projects"] is None:
        data = data_selection(territory, selection)
        if data.substituted:
            other = selection_figures(territory, data.selection)
            figures.update({k: other[k] for k in RECRUITMENT_FIGURES})
            figures.update({k: other[k] for k in TENSION_FIGURES if figures[k] is None})
            return Reading(figures, data)
    return Reading(figures, DataSelection(selection, selection))


# ---------------------------------------------------------------------------------------------- key figures
@dataclass(frozen=True)
class KeyFigures:
    """The figures of « Synthèse » (see the module docstring for units), and where recruitment was read."""

    year: int | None
    projects: float | None
    difficult_share: float | None
    seasonal_share: float | None
    secret_cells: int
    unemployment_rate: float | None
    unemployment_period: str | None
    data: DataSelection | None = None

    @classmethod
    def of(cls, reading: Reading) -> KeyFigures:
        """The key figures of a selection's `read_selection`."""
        figures = reading.figures
        return cls(year=figures["year"], projects=figures["projects"], difficult_share=figures["difficult_share"],
                   seasonal_share=figures["seasonal_share"], secret_cells=figures["secret_cells"],
                   unemployment_rate=figures["unemployment_rate"],
                   unemployment_period=figures["unemployment_period"], data=reading.data)


def key_figures(territory: Territory, selection: Selection) -> KeyFigures:
    """The key figures of `selection` through `read_selection` (recruitment read on the covering zoning when the
    selection's own does not publish it; unemployment always the selection's)."""
    return KeyFigures.of(read_selection(territory, selection))


def top_occupations(territory: Territory, selection: Selection, n: int = 10, year: int | None = None) -> pd.DataFrame:
    """The `n` occupations with most hiring projects in the selection (pack table `recruitment`, latest year or
    `year`), most first. Columns: occupation_system, occupation_code, label (str), projects, difficult (float),
    difficult_share (0–1, NaN when unknown); empty with these columns without recruitment."""
    columns = ["occupation_system", "occupation_code", "label", "projects", "difficult", "difficult_share"]
    cube = cube_for(territory, selection.zoning)
    block = cube.recruitment
    pos = cube.zone_positions(selection.zone_ids)
    yi = block.year_index(year) if year else latest_year_index(block, pos)
    if yi is None or len(pos) == 0:
        return pd.DataFrame(columns=columns)
    sums = selection_sums(block, yi, pos)
    present = sums["rows"] > 0
    grouped = block.occupations.loc[present, ["occupation_system", "occupation_code", "label"]].copy()
    base = sums["difficult_base"][present]
    grouped["projects"] = sums["projects"][present]
    grouped["difficult"] = np.where(base > 0, sums["difficult"][present], np.nan)
    grouped["difficult_share"] = np.where(base > 0, grouped["difficult"] / np.where(base > 0, base, 1), np.nan)
    top = grouped.sort_values(["projects", "occupation_code"], ascending=[False, True]).head(n)
    return top[columns].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------- comparison levels
def comparison_levels(territory: Territory, selection: Selection) -> list[tuple[str, str, Selection]]:
    """(key, label, Selection) for the selection, its région and France (or the whole pack).

    Keys: "selection" (label ""), "region" (label: the région's name from the pack's REG zones, else its code),
    "france" (the FR zone's name) or "territory" (label "", the whole pack in the selection's zoning, when the pack
    has no FR zoning)."""
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
