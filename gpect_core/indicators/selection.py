"""The key figures of a selection (the « Synthèse » page).

Definitions (stated on the page):
- hiring projects: the sum of the published (non-secret) projects of the selected zones, latest year;
- share difficult / seasonal: difficult (seasonal) projects over projects, both summed on the rows where both
  are published, so that a secret cell does not bias the share;
- unemployment rate: latest quarter; for several zones, the mean weighted by labour force (or population when the
  pack has no labour force).
The plan's actions of a selection are counted by the plan package (`plan.scope.action_counts`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..selection import Selection
from ..territory import Territory


@dataclass(frozen=True)
class KeyFigures:
    year: int | None
    projects: float | None
    difficult_share: float | None
    seasonal_share: float | None
    secret_cells: int
    unemployment_rate: float | None
    unemployment_period: str | None


def unemployment(territory: Territory, selection: Selection) -> tuple[float | None, str | None]:
    ctx = territory.table("context")
    ctx = ctx[ctx["zoning"] == selection.zoning]
    zone_ids = selection.zone_ids_in(territory)
    rates = ctx[(ctx["indicator"] == "unemployment_rate") & ctx["zone_id"].isin(zone_ids)]
    if rates.empty:
        return None, None
    period = max(rates["period"])
    rates = rates[rates["period"] == period].set_index("zone_id")["value"].astype(float)
    if len(rates) == 1:
        return float(rates.iloc[0]), period
    weights = _weights(territory, selection.zoning, ctx).reindex(rates.index)
    if weights.isna().any() or weights.sum() <= 0:
        return float(rates.mean()), period
    return float((rates * weights).sum() / weights.sum()), period


def _weights(territory: Territory, zoning: str, ctx: pd.DataFrame) -> pd.Series:
    for indicator in ("labour_force", "population"):
        rows = ctx[ctx["indicator"] == indicator]
        if not rows.empty:
            latest = rows[rows["period"] == max(rows["period"])]
            return latest.set_index("zone_id")["value"].astype(float)
    zones = territory.zones_of(zoning)
    return zones.set_index("zone_id")["population"].astype(float)


def key_figures(territory: Territory, selection: Selection,
                recruitment_selection: Selection | None = None) -> KeyFigures:
    """`recruitment_selection`: where hiring projects are read when the selection's zoning does not publish them
    (see `zones.data_selection`); unemployment and actions always follow `selection`."""
    from .cube import cube_for, latest_year_index, selection_sums

    recruitment_selection = recruitment_selection or selection
    cube = cube_for(territory, recruitment_selection.zoning)
    block = cube.recruitment
    pos = cube.zone_positions(recruitment_selection.zone_ids)
    yi = latest_year_index(block, pos)
    difficult_share = seasonal_share = None
    projects, secret = None, 0
    if yi is not None:
        sums = selection_sums(block, yi, pos)
        projects = float(sums["projects"].sum())
        secret = int(sums["secret_cells"].sum())
        difficult_base, seasonal_base = sums["difficult_base"].sum(), sums["seasonal_base"].sum()
        difficult_share = float(sums["difficult"].sum()) / difficult_base if difficult_base > 0 else None
        seasonal_share = float(sums["seasonal"].sum()) / seasonal_base if seasonal_base > 0 else None
    rate, period = unemployment(territory, selection)
    return KeyFigures(
        year=block.years[yi] if yi is not None else None,
        projects=projects,
        difficult_share=difficult_share,
        seasonal_share=seasonal_share,
        secret_cells=secret,
        unemployment_rate=rate,
        unemployment_period=period,
    )


def top_occupations(territory: Territory, selection: Selection, n: int = 10, year: int | None = None) -> pd.DataFrame:
    """The `n` occupations with most hiring projects in the selection, with their difficult share."""
    from .cube import cube_for, latest_year_index, selection_sums

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
