"""The territory filter as analytics see it, and the key figures of a selection (the « Synthèse » page).

Definitions (stated on the page):
- hiring projects: the sum of the published (non-secret) projects of the selected zones, latest year;
- share difficult / seasonal: difficult (seasonal) projects over projects, both summed on the rows where both
  are published, so that a secret cell does not bias the share;
- unemployment rate: latest quarter; for several zones, the mean weighted by labour force (or population when the
  pack has no labour force).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..plan.rules import late_mask
from ..territory import Territory


@dataclass(frozen=True)
class Selection:
    """A zoning and some of its zones; no zone means the whole territory of the pack in that zoning."""

    zoning: str
    zone_ids: tuple[str, ...] = field(default_factory=tuple)

    @property
    def whole(self) -> bool:
        return not self.zone_ids

    def zone_ids_in(self, territory: Territory) -> list[str]:
        if self.whole:
            return list(territory.zones_of(self.zoning)["zone_id"])
        return list(self.zone_ids)


@dataclass(frozen=True)
class KeyFigures:
    year: int | None
    projects: float | None
    difficult_share: float | None
    seasonal_share: float | None
    secret_cells: int
    unemployment_rate: float | None
    unemployment_period: str | None
    actions: int
    late_actions: int


def recruitment_of(territory: Territory, selection: Selection) -> pd.DataFrame:
    rec = territory.table("recruitment")
    rows = rec[rec["zoning"] == selection.zoning]
    if not selection.whole:
        rows = rows[rows["zone_id"].isin(selection.zone_ids)]
    return rows


def latest_year(rows: pd.DataFrame) -> int | None:
    return int(rows["year"].max()) if not rows.empty else None


def shares(rows: pd.DataFrame) -> tuple[float | None, float | None]:
    """(difficult share, seasonal share) computed on the rows where both parts are published."""
    out = []
    for part in ("difficult", "seasonal"):
        known = rows[rows["projects"].notna() & rows[part].notna()]
        total = float(known["projects"].sum())
        out.append(float(known[part].sum()) / total if total > 0 else None)
    return out[0], out[1]


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


def actions_in(territory: Territory, selection: Selection, actions: pd.DataFrame) -> pd.DataFrame:
    """The plan actions that concern the selection (an action names zones of the pack's default zoning)."""
    if selection.whole or actions.empty:
        return actions
    default = territory.default_zoning or selection.zoning
    if selection.zoning == default:
        wanted = set(selection.zone_ids)
    else:
        parent_column = {"DEP": "dep", "REG": "reg"}.get(selection.zoning)
        base = territory.zones_of(default)
        if parent_column is None or parent_column not in base:
            return actions.iloc[0:0]
        wanted = set(base.loc[base[parent_column].isin(selection.zone_ids), "zone_id"])
    concerned = actions["zone_ids"].fillna("").str.split().map(lambda ids: bool(wanted.intersection(ids)))
    return actions[concerned]


def key_figures(territory: Territory, selection: Selection, actions: pd.DataFrame | None = None,
                today: date | None = None) -> KeyFigures:
    rows = recruitment_of(territory, selection)
    year = latest_year(rows)
    rows = rows[rows["year"] == year] if year is not None else rows
    difficult_share, seasonal_share = shares(rows)
    rate, period = unemployment(territory, selection)
    plan = actions_in(territory, selection, territory.table("plan_actions") if actions is None else actions)
    secret = int(rows["secret_cells"].fillna(0).sum()) if "secret_cells" in rows else int(rows[
        ["projects", "difficult", "seasonal"]].isna().sum().sum())
    return KeyFigures(
        year=year,
        projects=float(rows["projects"].sum()) if year is not None else None,
        difficult_share=difficult_share,
        seasonal_share=seasonal_share,
        secret_cells=secret,
        unemployment_rate=rate,
        unemployment_period=period,
        actions=len(plan),
        late_actions=int(late_mask(plan, today).sum()) if len(plan) else 0,
    )


def top_occupations(territory: Territory, selection: Selection, n: int = 10, year: int | None = None) -> pd.DataFrame:
    """The `n` occupations with most hiring projects in the selection, with their difficult share."""
    rows = recruitment_of(territory, selection)
    year = year or latest_year(rows)
    if year is None:
        return pd.DataFrame(columns=["occupation_system", "occupation_code", "label", "projects", "difficult",
                                     "difficult_share"])
    rows = rows[rows["year"] == year]
    grouped = rows.groupby(["occupation_system", "occupation_code"], as_index=False).agg(
        projects=("projects", "sum"))
    known = rows[rows["projects"].notna() & rows["difficult"].notna()]
    parts = known.groupby(["occupation_system", "occupation_code"]).agg(
        known_projects=("projects", "sum"), difficult=("difficult", "sum"))
    grouped = grouped.join(parts, on=["occupation_system", "occupation_code"])
    grouped["difficult_share"] = (grouped["difficult"].astype(float)
                                  / grouped["known_projects"].astype(float).where(grouped["known_projects"] > 0))
    occupations = territory.table("occupations").rename(columns={"system": "occupation_system",
                                                                 "code": "occupation_code"})
    grouped = grouped.merge(occupations[["occupation_system", "occupation_code", "label"]],
                            on=["occupation_system", "occupation_code"], how="left")
    grouped["label"] = grouped["label"].fillna(grouped["occupation_code"])
    top = grouped.sort_values(["projects", "occupation_code"], ascending=[False, True]).head(n)
    return top[["occupation_system", "occupation_code", "label", "projects", "difficult", "difficult_share"]
               ].reset_index(drop=True)
