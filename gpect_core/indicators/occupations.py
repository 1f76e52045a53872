"""Occupations of a selection: rankings with fragility flags, tension by occupation, heatmap, trends.

Definitions (stated on the « Métiers en tension » page):
- projects, difficult and seasonal shares follow `selection.py`: published projects summed; a share is computed on
  the rows where both the part and the projects are published, so a secret cell does not bias it (pack table
  `recruitment`);
- a figure is **fragile** when it rests on fewer than `MIN_PROJECTS` published projects, when its difficult share
  is unknown, or when half or more of the zone rows it sums have their projects or difficult projects under
  statistical secret; fragile occupations are listed after the solid ones and are not ranked;
- tension class and components (1–5, pack table `tension`) for several zones are the mean of the zones' classes.
The sheet of one occupation (crosswalks, levels, basins, mobilities) is in `sheet.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..selection import Selection
from ..territory import Territory
from .cube import OCC_KEY, cube_for, latest_year_index, quiet
from .cube import selection_sums as _sums

MIN_PROJECTS = 20
HIDDEN_ROWS_SHARE = 0.5
COMPONENTS = ("hiring_intensity", "labour_shortage", "non_durable_jobs", "working_conditions",
              "geographic_mismatch", "training_link", "wage_attractiveness")

RANK_COLUMNS = [*OCC_KEY, "label", "family", "family_label", "projects", "difficult", "seasonal", "difficult_share",
                "seasonal_share", "secret_cells", "hidden_rows", "rows", "fragile", "fragile_reason", "rank"]


def _empty(columns) -> pd.DataFrame:
    return pd.DataFrame(columns=list(columns))


def fragility(projects, difficult_share, hidden_rows, rows) -> tuple[np.ndarray, list[str]]:
    """(fragile flags, reason keys) for aligned arrays of projects, difficult shares (0–1, NaN unknown), hidden
    rows and rows: a bool array, and per row "secret" (half or more rows hidden), "few" (< `MIN_PROJECTS`
    projects), "unknown" (no difficult share) or "" (solid)."""
    projects = np.asarray(projects, dtype=float)
    share = np.asarray(difficult_share, dtype=float)
    hidden = np.asarray(hidden_rows, dtype=float)
    rows = np.maximum(np.asarray(rows, dtype=float), 1)
    few = ~(projects >= MIN_PROJECTS)
    unknown = np.isnan(share)
    secretive = hidden / rows >= HIDDEN_ROWS_SHARE
    reasons = np.where(secretive, "secret", np.where(few, "few", np.where(unknown, "unknown", "")))
    return few | unknown | secretive, list(reasons)


def occupation_table(territory: Territory, selection: Selection, year: int | None = None) -> pd.DataFrame:
    """Every occupation recruited in the selection (pack table `recruitment`, latest year by default).

    One row per occupation: occupation_system, occupation_code, label, family, family_label (text, family may be
    missing), projects, difficult, seasonal, secret_cells (float sums), hidden_rows, rows (int), difficult_share,
    seasonal_share (0–1, NaN when unknown), fragile (bool), fragile_reason (see `fragility`), year (int). Empty
    with `RANK_COLUMNS` when the selection has no recruitment that year."""
    cube = cube_for(territory, selection.zoning)
    block = cube.recruitment
    pos = cube.zone_positions(selection.zone_ids)
    yi = latest_year_index(block, pos) if year is None else block.year_index(year)
    if yi is None or len(pos) == 0:
        return _empty(RANK_COLUMNS)
    sums = _sums(block, yi, pos)
    present = sums["rows"] > 0
    table = block.occupations.loc[present].copy()
    for key in ("projects", "difficult", "seasonal", "secret_cells", "hidden_rows", "rows"):
        table[key] = sums[key][present]
    for part in ("difficult", "seasonal"):
        base = sums[f"{part}_base"][present]
        table[f"{part}_share"] = np.where(base > 0, sums[part][present] / np.where(base > 0, base, 1), np.nan)
    table["fragile"], table["fragile_reason"] = fragility(table["projects"], table["difficult_share"],
                                                          table["hidden_rows"], table["rows"])
    table["year"] = block.years[yi]
    return table.reset_index(drop=True)


def rank(table: pd.DataFrame, by: str, n: int | None = None) -> pd.DataFrame:
    """Solid rows of `table` (`occupation_table`) ranked by the column `by` (descending, ties by code), then the
    fragile ones, unranked, so none passes for solid; a `rank` column (Int64, <NA> for fragile rows) is added.
    The first `n` rows when `n` is given."""
    if table.empty:
        out = table.copy()
        out["rank"] = pd.Series(dtype="Int64")
        return out
    solid = table[~table["fragile"]].sort_values([by, "occupation_code"], ascending=[False, True], na_position="last")
    fragile = table[table["fragile"]].sort_values([by, "occupation_code"], ascending=[False, True],
                                                  na_position="last")
    solid = solid.assign(rank=pd.array(np.arange(1, len(solid) + 1), dtype="Int64"))
    fragile = fragile.assign(rank=pd.array([pd.NA] * len(fragile), dtype="Int64"))
    out = pd.concat([solid, fragile], ignore_index=True)
    return out.head(n) if n else out

# ---------------------------------------------------------------------------------------------- tension
def tension_table(territory: Territory, selection: Selection, year: int | None = None) -> pd.DataFrame:
    """Tension per occupation for the selection (pack table `tension`, latest year by default): columns
    occupation_system, occupation_code, label, family, family_label, tension_class, tension_score and the
    `COMPONENTS` (1–5, mean over the selection's zones, NaN when the pack lacks them), offers, jobseekers (sums),
    zones (int, zones with a row), year. Empty when the selection has no tension."""
    cube = cube_for(territory, selection.zoning)
    block = cube.tension
    pos = cube.zone_positions(selection.zone_ids)
    yi = latest_year_index(block, pos) if year is None else block.year_index(year)
    columns = [*OCC_KEY, "label", "family", "family_label", "tension_class", "tension_score", *COMPONENTS, "zones"]
    if yi is None:
        return _empty(columns)
    present = block.present[yi][pos]
    counts = present.sum(axis=0)
    keep = counts > 0
    table = block.occupations.loc[keep].copy()
    with np.errstate(invalid="ignore"), quiet():
        for measure in ("tension_class", "tension_score", *COMPONENTS, "offers", "jobseekers"):
            if measure in block.arrays:
                values = block.arrays[measure][yi][pos][:, keep]
                # a sum over zones none of which publishes it is unknown (NaN), never 0
                table[measure] = (np.where(np.isnan(values).all(axis=0), np.nan, np.nansum(values, axis=0))
                                  if measure in ("offers", "jobseekers") else np.nanmean(values, axis=0))
            elif measure in ("tension_class", "tension_score", *COMPONENTS):
                table[measure] = np.nan
    table["zones"] = counts[keep]
    table["year"] = block.years[yi]
    return table.reset_index(drop=True)

def tension_ranking(territory: Territory, selection: Selection, n: int | None = None) -> pd.DataFrame:
    """`tension_table` sorted by tension class then score (descending, ties by code), with a `rank` column
    (Int64); occupations without a class come last, unranked (<NA>). The first `n` rows when `n` is given."""
    table = tension_table(territory, selection)
    if table.empty:
        table["rank"] = pd.Series(dtype="Int64")
        return table
    table = table.sort_values(["tension_class", "tension_score", "occupation_code"],
                              ascending=[False, False, True], na_position="last").reset_index(drop=True)
    known = table["tension_class"].notna()
    table["rank"] = pd.array(np.where(known, np.cumsum(known), 0), dtype="Int64")
    table.loc[~known, "rank"] = pd.NA
    return table.head(n) if n else table


# ---------------------------------------------------------------------------------------------- heatmap, trends
def heatmap(territory: Territory, selection: Selection, measure: str = "difficult_share", n_occupations: int = 15,
            n_zones: int = 20, year: int | None = None, family: str | None = None) -> pd.DataFrame:
    """Long table zone × occupation of `measure` for the selection's main occupations and zones.

    Zones: the selected ones (or, for the whole territory, the `n_zones` with most projects); occupations: the
    `n_occupations` with most projects in the selection (optionally of one family). Columns: zone_id, zone_name,
    occupation_system, occupation_code, label, projects (float, NaN without a row), difficult_share,
    seasonal_share (0–1, NaN unknown), fragile (bool). `measure` is unused: every measure is returned.
    """
    cube = cube_for(territory, selection.zoning)
    block = cube.recruitment
    pos = cube.zone_positions(selection.zone_ids)
    yi = latest_year_index(block, pos) if year is None else block.year_index(year)
    columns = ["zone_id", "zone_name", *OCC_KEY, "label", "projects", "difficult_share", "seasonal_share", "fragile"]
    if yi is None:
        return _empty(columns)
    occupations = occupation_table(territory, selection, block.years[yi])
    if family:
        occupations = occupations[occupations["family"] == family]
    occupations = occupations.sort_values(["projects", "occupation_code"], ascending=[False, True]).head(n_occupations)
    occ_idx = np.array([block.occupation_index(s, c) for s, c in zip(occupations["occupation_system"],
                                                                      occupations["occupation_code"], strict=True)],
                       dtype=int)
    if len(occ_idx) == 0:
        return _empty(columns)
    zone_totals = np.nansum(block.arrays["projects"][yi][pos], axis=1)
    order = np.argsort(-zone_totals, kind="stable")
    pos = pos[order][:n_zones] if selection.whole else pos[order]
    frames = []
    for p in pos:
        sub = _sums(block, yi, np.array([p]))
        projects = sub["projects"][occ_idx]
        shares = {}
        for part in ("difficult", "seasonal"):
            base = sub[f"{part}_base"][occ_idx]
            shares[part] = np.where(base > 0, sub[part][occ_idx] / np.where(base > 0, base, 1), np.nan)
        rows = sub["rows"][occ_idx]
        fragile, _ = fragility(projects, shares["difficult"], sub["hidden_rows"][occ_idx], rows)
        frames.append(pd.DataFrame({
            "zone_id": cube.zone_ids[p], "zone_name": cube.zones["name"].iloc[p],
            "occupation_system": occupations["occupation_system"].to_numpy(),
            "occupation_code": occupations["occupation_code"].to_numpy(),
            "label": occupations["label"].to_numpy(), "projects": np.where(rows > 0, projects, np.nan),
            "difficult_share": shares["difficult"], "seasonal_share": shares["seasonal"],
            "fragile": fragile | (rows == 0)}))
    out = pd.concat(frames, ignore_index=True)
    return out


def trends(territory: Territory, selection: Selection, occupations: list[tuple[str, str]] | None = None,
           n: int = 5) -> pd.DataFrame:
    """Projects and difficult share by year for the selection's `n` main occupations of the latest year (or the
    given (system, code) pairs). Columns: year (int), occupation_system, occupation_code, label, projects (float),
    difficult_share (0–1, NaN unknown), fragile (bool); one row per year where the occupation has a row."""
    cube = cube_for(territory, selection.zoning)
    block = cube.recruitment
    pos = cube.zone_positions(selection.zone_ids)
    columns = ["year", *OCC_KEY, "label", "projects", "difficult_share", "fragile"]
    if block.empty or len(pos) == 0:
        return _empty(columns)
    if occupations is None:
        latest = occupation_table(territory, selection)
        top = latest.sort_values(["projects", "occupation_code"], ascending=[False, True]).head(n)
        occupations = list(zip(top["occupation_system"], top["occupation_code"], strict=True))
    indexes = [(key, block.occupation_index(*key)) for key in occupations]
    indexes = [(key, i) for key, i in indexes if i is not None]
    frames = []
    for yi, year in enumerate(block.years):
        sums = _sums(block, yi, pos)
        for (system, code), i in indexes:
            if sums["rows"][i] == 0:
                continue
            base = sums["difficult_base"][i]
            share = sums["difficult"][i] / base if base > 0 else np.nan
            fragile, _ = fragility([sums["projects"][i]], [share], [sums["hidden_rows"][i]], [sums["rows"][i]])
            frames.append({"year": year, "occupation_system": system, "occupation_code": code,
                           "label": block.occupations["label"].iloc[i], "projects": sums["projects"][i],
                           "difficult_share": share, "fragile": bool(fragile[0])})
    return pd.DataFrame(frames, columns=columns)

def families(territory: Territory, zoning: str) -> dict[str, str]:
    """Occupation families present in the zoning's recruitment: code → label."""
    occ = cube_for(territory, zoning).recruitment.occupations
    occ = occ[occ["family"].notna()]
    labels = occ["family_label"].fillna(occ["family"]).astype(str)
    return dict(sorted(zip(occ["family"].astype(str), labels, strict=True)))


def of_family(table: pd.DataFrame, family: str | None) -> pd.DataFrame:
    """The rows of an occupation table (with a `family` column) of one family; every row when `family` is empty."""
    return table[table["family"] == family] if family else table


def ranking_measures(table: pd.DataFrame, tensions: pd.DataFrame) -> list[str]:
    """The measures the occupations can be ranked by: projects and difficult share when the selection has
    recruitment (`occupation_table`), the tension class when it has tension (`tension_ranking`)."""
    return [m for m, ok in (("projects", not table.empty), ("difficult_share", not table.empty),
                            ("tension_class", not tensions.empty)) if ok]


@dataclass(frozen=True)
class RankingView:
    """A ranking as « Métiers en tension » shows it."""

    ranked: pd.DataFrame  # every occupation, solid ones ranked first (column rank, Int64), fragile ones after
    columns: list[str]  # the columns shown and exported, in order
    sources: list[str]  # the pack tables the ranking comes from
    chart_rows: pd.DataFrame  # the 15 first ranked rows then up to 5 fragile ones with a value, for the bar chart


def ranking_view(table: pd.DataFrame, tensions: pd.DataFrame, measure: str) -> RankingView:
    """The ranking by `measure` (one of `ranking_measures`) of `table` (`occupation_table`) or, for the tension
    class, of `tensions` (`tension_ranking`, never fragile; only the tension components the pack has)."""
    if measure == "tension_class":
        ranked = tensions.assign(fragile=False)
        sources = ["tension"]
        columns = ["rank", "label", "occupation_code", "tension_class", "tension_score",
                   *[c for c in COMPONENTS if tensions[c].notna().any()]]
    else:
        ranked = rank(table, measure)
        sources = ["recruitment"]
        columns = ["rank", "label", "occupation_code", "family_label", "projects", "difficult", "difficult_share",
                   "seasonal_share", "secret_cells", "fragile"]
    top = ranked[ranked["rank"].notna()].head(15)
    fragile_top = ranked[ranked["rank"].isna() & (ranked[measure].notna())].head(5)
    return RankingView(ranked, columns, sources, pd.concat([top, fragile_top], ignore_index=True))


MAX_HEATMAP_ZONES = 40  # rows a reader can follow; 40 zones × 15 occupations stay far below Altair's 5,000 rows


def heatmap_top(long: pd.DataFrame, n_zones: int = MAX_HEATMAP_ZONES) -> tuple[pd.DataFrame, int]:
    """The rows of the first `n_zones` zones of the heatmap `long` (its zones come ordered by projects, most
    first) and the number of zones it had: what a chart can draw of a large selection (hundreds of basins
    would exceed Altair's 5,000 rows and no screen can show them). Returns (rows, zones before the cut)."""
    zones = list(dict.fromkeys(long["zone_id"]))
    if len(zones) <= n_zones:
        return long, len(zones)
    return long[long["zone_id"].isin(set(zones[:n_zones]))].reset_index(drop=True), len(zones)


def heatmap_wide(long: pd.DataFrame, measure: str = "difficult_share") -> pd.DataFrame:
    """The heatmap (`heatmap`) as a table: one row per zone (index zone_name, in the heatmap's order), one column
    per occupation label, `measure` in the cells (NaN where unknown)."""
    return long.pivot_table(index="zone_name", columns="label", values=measure, sort=False)


def trends_of(trends_table: pd.DataFrame, table: pd.DataFrame, family: str | None) -> pd.DataFrame:
    """The rows of `trends` whose occupation is in `table` (already filtered to `family`); all without a family."""
    if not family:
        return trends_table
    return trends_table[trends_table["occupation_code"].isin(set(table["occupation_code"]))]
