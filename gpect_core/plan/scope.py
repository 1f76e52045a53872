"""Which actions of the plan concern a selection — one rule, used by « Synthèse » and « Plan d'action ».

An action names basins of the plan's zoning (the pack's default zoning, e.g. zones d'emploi). A selection in
another zoning concerns the basins of the plan's zoning that share territory with it:
1. the same zoning: the selected zones themselves;
2. départements or régions: the plan's basins whose `dep` / `reg` is selected;
3. any other zoning (bassins BMO, EPCI, the committee's own grouping): the plan's basins that share at least one
   commune with the selection, read from the pack's `communes` table (a `zone_<ZONING>` column per zoning);
4. without that table, the plan's basins whose polygon overlaps the selection's on more than 1 % of its area.
The whole territory concerns every action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import geopandas as gpd
import pandas as pd

from ..geo import LAMBERT93
from ..selection import Selection
from ..territory import Territory
from .rules import late_mask
from .values import split_list

MIN_OVERLAP_SHARE = 0.01


def plan_zones_of(territory: Territory, selection: Selection) -> set[str] | None:
    """The zone ids of the plan's zoning that `selection` concerns (None for the whole territory).

    Returns a set of text zone ids, possibly empty (a selection that shares no territory with any basin of the
    plan). Source: the pack's `zones` (dep, reg, geometry) and `communes` tables."""
    if selection.whole:
        return None
    plan_zoning = territory.default_zoning or selection.zoning
    wanted = set(selection.zone_ids)
    if selection.zoning == plan_zoning:
        return wanted
    base = territory.zones_of(plan_zoning)
    parent = {"DEP": "dep", "REG": "reg"}.get(selection.zoning)
    if parent and parent in base and base[parent].notna().any():
        return set(base.loc[base[parent].isin(wanted), "zone_id"])
    communes = territory.tables.get("communes")
    plan_column, selection_column = f"zone_{plan_zoning}", f"zone_{selection.zoning}"
    if communes is not None and {plan_column, selection_column} <= set(communes.columns):
        shared = communes[communes[selection_column].isin(wanted)]
        return set(shared[plan_column].dropna())
    return _overlapping(base, territory.zones_of(selection.zoning), wanted)


def _overlapping(base: gpd.GeoDataFrame, other: gpd.GeoDataFrame, wanted: set[str]) -> set[str]:
    chosen = other[other["zone_id"].isin(wanted)]
    if chosen.empty or base.empty:
        return set()
    area = chosen.to_crs(LAMBERT93).union_all()
    projected = base.to_crs(LAMBERT93)
    share = projected.geometry.intersection(area).area / projected.geometry.area.where(projected.geometry.area > 0)
    return set(projected.loc[share.fillna(0) > MIN_OVERLAP_SHARE, "zone_id"])


def actions_of_selection(territory: Territory, selection: Selection, actions: pd.DataFrame) -> pd.DataFrame:
    """The rows of `actions` (the plan's actions: at least `zone_ids`, space-separated zone ids of the plan's
    zoning) that concern `selection`, in their order. Every row for the whole territory."""
    zones = plan_zones_of(territory, selection)
    if zones is None or actions.empty:
        return actions
    keep = actions["zone_ids"].map(lambda value: bool(zones.intersection(split_list(value))))
    return actions[keep.astype(bool)]


@dataclass(frozen=True)
class ActionCounts:
    """How many actions concern a selection, and how many of them are late (rules.late_mask) on `today`."""

    actions: int
    late: int


def action_counts(territory: Territory, selection: Selection, actions: pd.DataFrame,
                  today: date | None = None) -> ActionCounts:
    """The « Actions du plan » figure of a selection: counts of `actions_of_selection` and of its late rows."""
    concerned = actions_of_selection(territory, selection, actions)
    late = int(late_mask(concerned, today).sum()) if len(concerned) else 0
    return ActionCounts(actions=len(concerned), late=late)
