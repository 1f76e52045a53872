"""Occupations of a selection: rankings with fragility flags, tension components, heatmap, trends, sheet.

Definitions (stated on the « Métiers en tension » page):
- projects, difficult and seasonal shares follow `selection.py`: published projects summed; a share is computed on
  the rows where both the part and the projects are published, so a secret cell does not bias it;
- a figure is **fragile** when it rests on fewer than `MIN_PROJECTS` published projects, when its difficult share
  is unknown, or when half or more of the zone rows it sums have their projects or difficult projects under
  statistical secret; fragile occupations are listed after the solid ones and are not ranked;
- tension class and components (1–5) for several zones are the mean of the zones' classes;
- where recruitment and tension use different occupation systems (FAP and ROME), an occupation's tension is the mean
  over the codes the pack's crosswalks (`occupation_links`, kind `crosswalk`) link it to, and the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..selection import Selection
from ..territory import Territory
from .cube import OCC_KEY, ZoningCube, cube_for, latest_year_index
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
    """(fragile flags, reason keys) for aligned arrays: few projects, unknown share, many secret cells."""
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
    """Every occupation recruited in the selection (latest year by default), with shares and fragility."""
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
    """Solid rows ranked by `by` (descending), then the fragile ones, unranked, so none passes for solid."""
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


# ---------------------------------------------------------------------------------------------- crosswalks
@dataclass(frozen=True)
class Linkage:
    """How an occupation's codes were found in another system."""

    source_system: str
    target_system: str
    codes: tuple[str, ...]
    via: tuple[str, ...] = ()  # intermediate systems, when two crosswalks were chained
    source: str = ""  # the crosswalk's source as the pack states it

    @property
    def direct(self) -> bool:
        return self.source_system == self.target_system


def _crosswalk_graph(territory: Territory) -> dict:
    memo = territory.__dict__.setdefault("_gpect_crosswalks", {})
    links = territory.table("occupation_links")
    key = id(links)
    if memo.get("key") != key:
        graph: dict[tuple[str, str], set[tuple[str, str]]] = {}
        sources: dict[tuple[str, str], str] = {}
        rows = links[links["kind"] == "crosswalk"] if "kind" in links else links.iloc[0:0]
        for a_sys, a_code, b_sys, b_code, source in zip(rows["from_system"], rows["from_code"], rows["to_system"],
                                                        rows["to_code"], rows["source"].fillna(""), strict=True):
            graph.setdefault((a_sys, a_code), set()).add((b_sys, b_code))
            graph.setdefault((b_sys, b_code), set()).add((a_sys, a_code))
            sources.setdefault(tuple(sorted((a_sys, b_sys))), str(source))
        memo.update(key=key, graph=graph, sources=sources)
    return memo


def linked_codes(territory: Territory, system: str, code: str, target_system: str) -> Linkage:
    """The codes of `target_system` an occupation corresponds to, through the pack's crosswalks (≤ 2 steps)."""
    if system == target_system:
        return Linkage(system, target_system, (code,))
    memo = _crosswalk_graph(territory)
    graph, sources = memo["graph"], memo["sources"]
    start = (system, code)
    direct = sorted(c for s, c in graph.get(start, ()) if s == target_system)
    if direct:
        return Linkage(system, target_system, tuple(direct), (), sources.get(tuple(sorted((system, target_system))),
                                                                              ""))
    found: dict[str, set[str]] = {}
    for mid_sys, mid_code in graph.get(start, ()):
        for s, c in graph.get((mid_sys, mid_code), ()):
            if s == target_system:
                found.setdefault(mid_sys, set()).add(c)
    if not found:
        return Linkage(system, target_system, ())
    via = sorted(found)
    codes = sorted(set().union(*found.values()))
    names = "; ".join(dict.fromkeys(filter(None, (sources.get(tuple(sorted((system, v))), "") for v in via))))
    return Linkage(system, target_system, tuple(codes), tuple(via), names)


# ---------------------------------------------------------------------------------------------- tension
def tension_table(territory: Territory, selection: Selection, year: int | None = None) -> pd.DataFrame:
    """Tension class, score and components per occupation for the selection (mean over its zones)."""
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
    with np.errstate(invalid="ignore"), _quiet():
        for measure in ("tension_class", "tension_score", *COMPONENTS, "offers", "jobseekers"):
            if measure in block.arrays:
                values = block.arrays[measure][yi][pos][:, keep]
                table[measure] = (np.nansum(values, axis=0) if measure in ("offers", "jobseekers")
                                  else np.nanmean(values, axis=0))
            elif measure in ("tension_class", "tension_score", *COMPONENTS):
                table[measure] = np.nan
    table["zones"] = counts[keep]
    table["year"] = block.years[yi]
    return table.reset_index(drop=True)


class _quiet:
    """Silence NumPy's « mean of empty slice » warning: an all-missing column is NaN, as wanted."""

    def __enter__(self):
        import warnings

        self._catch = warnings.catch_warnings()
        self._catch.__enter__()
        warnings.simplefilter("ignore", category=RuntimeWarning)

    def __exit__(self, *exc):
        return self._catch.__exit__(*exc)


def tension_system(territory: Territory, zoning: str) -> str | None:
    systems = cube_for(territory, zoning).tension.occupations["occupation_system"].unique()
    return str(systems[0]) if len(systems) else None


def tension_of(territory: Territory, selection: Selection, system: str, code: str,
               year: int | None = None) -> tuple[pd.Series | None, Linkage | None]:
    """The tension profile (class, components) of one occupation in the selection, via crosswalks if needed:
    the mean over the selection's zones of each linked code, then the mean over the linked codes."""
    tsys = tension_system(territory, selection.zoning)
    if tsys is None:
        return None, None
    linkage = linked_codes(territory, system, code, tsys)
    cube = cube_for(territory, selection.zoning)
    block = cube.tension
    pos = cube.zone_positions(selection.zone_ids)
    yi = latest_year_index(block, pos) if year is None else block.year_index(year)
    indexes = [i for i in (block.occupation_index(tsys, c) for c in linkage.codes) if i is not None]
    if yi is None or not indexes:
        return None, linkage
    occ = np.array(indexes)
    present = block.present[yi][:, occ][pos]
    keep = present.any(axis=0)
    if not keep.any():
        return None, linkage
    measures = ["tension_class", "tension_score", *COMPONENTS]
    values = {}
    with _quiet():
        for measure in measures:
            if measure in block.arrays:
                per_code = np.nanmean(block.arrays[measure][yi][:, occ][pos][:, keep].astype(np.float64), axis=0)
                values[measure] = float(np.nanmean(per_code))
            else:
                values[measure] = np.nan
    profile = pd.Series(values)
    profile["codes"] = int(keep.sum())
    profile["year"] = block.years[yi]
    return profile, linkage


def occupation_figures(territory: Territory, selection: Selection, system: str, code: str) -> dict | None:
    """Projects, shares and fragility of one occupation in the selection (latest year), or None."""
    cube = cube_for(territory, selection.zoning)
    block = cube.recruitment
    i = block.occupation_index(system, code)
    pos = cube.zone_positions(selection.zone_ids)
    yi = latest_year_index(block, pos)
    if i is None or yi is None:
        return None
    sums = _sums(block, yi, pos, np.array([i]))
    if sums["rows"][0] == 0:
        return None
    out = {"projects": float(sums["projects"][0])}
    for part in ("difficult", "seasonal"):
        base = sums[f"{part}_base"][0]
        out[f"{part}_share"] = float(sums[part][0] / base) if base > 0 else np.nan
    fragile, _ = fragility([out["projects"]], [out["difficult_share"]], sums["hidden_rows"], sums["rows"])
    out["fragile"] = bool(fragile[0])
    return out


def tension_ranking(territory: Territory, selection: Selection, n: int | None = None) -> pd.DataFrame:
    """Occupations by tension class then score (descending); occupations without a class come last, unranked."""
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
    `n_occupations` with most projects in the selection (optionally of one family).
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
    """Projects and difficult share by year for the selection's `n` main occupations (or the given ones)."""
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


def tension_trend(territory: Territory, selection: Selection, system: str, code: str) -> pd.DataFrame:
    """Tension class of one occupation by year in the selection (through the crosswalks if needed)."""
    block = cube_for(territory, selection.zoning).tension
    rows = []
    for year in block.years:
        profile, _ = tension_of(territory, selection, system, code, year)
        if profile is not None:
            rows.append({"year": year, "tension_class": profile["tension_class"]})
    return pd.DataFrame(rows, columns=["year", "tension_class"])


# ---------------------------------------------------------------------------------------------- occupation sheet
@dataclass
class OccupationSheet:
    system: str
    code: str
    label: str
    family_label: str | None
    basins: pd.DataFrame  # zones of the zoning needing it most
    levels: pd.DataFrame  # here / région / France × projects, shares, tension class and components
    related: pd.DataFrame  # ROME mobilités
    linkage: Linkage | None
    notes: list[str] = field(default_factory=list)


def occupation_label(territory: Territory, system: str, code: str) -> tuple[str, str | None]:
    occupations = territory.table("occupations")
    hit = occupations[(occupations["system"] == system) & (occupations["code"] == code)]
    if hit.empty:
        return code, None
    row = hit.iloc[0]
    family = row.get("family_label") if "family_label" in hit else None
    return str(row["label"]), (None if pd.isna(family) else str(family))


def basins_needing(territory: Territory, zoning: str, system: str, code: str, n: int = 10,
                   year: int | None = None) -> pd.DataFrame:
    """The zones of `zoning` with most projects for the occupation, with their difficult share."""
    cube = cube_for(territory, zoning)
    block = cube.recruitment
    i = block.occupation_index(system, code)
    columns = ["zone_id", "name", "projects", "difficult_share", "fragile", "rank"]
    yi = block.year_index(year)
    if i is None or yi is None:
        return _empty(columns)
    projects = block.arrays["projects"][yi][:, i].astype(float)
    difficult = block.arrays["difficult"][yi][:, i].astype(float)
    known = ~np.isnan(projects) & ~np.isnan(difficult)
    share = np.where(known & (projects > 0), difficult / np.where(projects > 0, projects, 1), np.nan)
    rows = block.present[yi][:, i]
    fragile, _ = fragility(np.nan_to_num(projects), share, rows & ~known, rows)
    table = pd.DataFrame({"zone_id": cube.zone_ids, "name": cube.zones["name"], "projects": projects,
                          "difficult_share": share, "fragile": fragile})[rows]
    return rank(table.assign(occupation_code=code), "projects", n).drop(columns="occupation_code")


def occupation_sheet(territory: Territory, selection: Selection, system: str, code: str,
                     levels: list | None = None) -> OccupationSheet:
    """Everything the page shows about one occupation: where it is needed, how hard, why, and its neighbours.

    `levels` is the list of (key, label, Selection) to compare (see `zones.comparison_levels`).
    """
    from .zones import comparison_levels

    label, family_label = occupation_label(territory, system, code)
    levels = levels if levels is not None else comparison_levels(territory, selection)
    rows = []
    linkage = None
    for key, level_label, level_sel in levels:
        row = {"level": key, "level_label": level_label}
        figures = occupation_figures(territory, level_sel, system, code)
        if figures is not None:
            row.update(figures)
        profile, link = tension_of(territory, level_sel, system, code)
        if link is not None and (linkage is None or (linkage.direct and not link.direct)):
            linkage = link  # say how a level read through a crosswalk got its tension
        if profile is not None:
            row.update({m: profile[m] for m in ("tension_class", *COMPONENTS)})
        rows.append(row)
    level_table = pd.DataFrame(rows, columns=["level", "level_label", "projects", "difficult_share", "seasonal_share",
                                              "fragile", "tension_class", *COMPONENTS])
    return OccupationSheet(system, code, label, family_label,
                           basins=basins_needing(territory, selection.zoning, system, code),
                           levels=level_table, related=related_occupations(territory, selection, system, code),
                           linkage=linkage)


def related_occupations(territory: Territory, selection: Selection, system: str, code: str) -> pd.DataFrame:
    """ROME mobilités of the occupation (both directions), with their tension and projects in the selection."""
    links = territory.table("occupation_links")
    columns = ["occupation_system", "occupation_code", "label", "tension_class", "projects"]
    if links.empty:
        return _empty(columns)
    mob = links[links["kind"] == "mobility"]
    out = mob.loc[(mob["from_system"] == system) & (mob["from_code"] == code), ["to_system", "to_code"]]
    back = mob.loc[(mob["to_system"] == system) & (mob["to_code"] == code), ["from_system", "from_code"]]
    pairs = pd.concat([out.set_axis(OCC_KEY, axis=1), back.set_axis(OCC_KEY, axis=1)]).drop_duplicates()
    if pairs.empty:
        return _empty(columns)
    labels = territory.table("occupations").rename(columns={"system": "occupation_system", "code": "occupation_code"})
    pairs = pairs.merge(labels[[*OCC_KEY, "label"]], on=OCC_KEY, how="left")
    pairs["label"] = pairs["label"].fillna(pairs["occupation_code"])
    tension = tension_table(territory, selection)
    rec = occupation_table(territory, selection)
    pairs = pairs.merge(tension[[*OCC_KEY, "tension_class"]], on=OCC_KEY, how="left")
    pairs = pairs.merge(rec[[*OCC_KEY, "projects"]], on=OCC_KEY, how="left")
    return pairs.sort_values(["tension_class", "occupation_code"], ascending=[False, True],
                             na_position="last")[columns].reset_index(drop=True)


def families(territory: Territory, zoning: str) -> dict[str, str]:
    """Occupation families present in the zoning's recruitment: code → label."""
    occ = cube_for(territory, zoning).recruitment.occupations
    occ = occ[occ["family"].notna()]
    labels = occ["family_label"].fillna(occ["family"]).astype(str)
    return dict(sorted(zip(occ["family"].astype(str), labels, strict=True)))


def cube_of(territory: Territory, selection: Selection) -> ZoningCube:
    return cube_for(territory, selection.zoning)
