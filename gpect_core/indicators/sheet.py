"""The sheet of one occupation in a selection: where it is needed, how hard, why (tension components, read through
the pack's crosswalks when needed), and its neighbours (ROME mobilités).

Where recruitment and tension use different occupation systems (FAP and ROME), an occupation's tension is the mean
over the codes the pack's crosswalks (`occupation_links`, kind `crosswalk`) link it to, and the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..selection import Selection
from ..territory import Territory
from .cube import OCC_KEY, cube_for, latest_year_index, quiet
from .cube import selection_sums as _sums
from .occupations import COMPONENTS, _empty, fragility, occupation_table, rank, tension_table
from .selection import comparison_levels


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

def tension_system(territory: Territory, zoning: str) -> str | None:
    """The occupation system of the zoning's tension table ("ROME4", "FAP2021"…), None without tension."""
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
    with quiet():
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

# ---------------------------------------------------------------------------------------------- occupation sheet
@dataclass
class OccupationSheet:
    """Everything « Métiers en tension » shows about one occupation (see `occupation_sheet`)."""

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
    """(label, family label or None) of an occupation from the pack's `occupations` table; (code, None) if absent."""
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


def sheet_choices(territory: Territory, table: pd.DataFrame, tensions: pd.DataFrame) -> pd.DataFrame:
    """The occupations whose sheet can be opened, in the order offered (columns occupation_system,
    occupation_code, label): recruitment occupations first (`occupation_table`, by projects), then, when tension
    uses another system (ROME beside FAP), the tension occupations by class (`tension_ranking`), so that every cause
    shown by the pack can be opened. When no crosswalk links the first recruitment occupation to the tension
    system, the tension occupations come first (open on an occupation whose causes are known)."""
    keys = ["occupation_system", "occupation_code", "label"]
    choices = table.sort_values(["projects", "occupation_code"], ascending=[False, True])
    other = tensions[~tensions["occupation_system"].isin(set(choices["occupation_system"]))]
    parts = [choices[keys], other[keys]]
    if len(parts[0]) and len(parts[1]):
        first = parts[0].iloc[0]
        if not linked_codes(territory, first["occupation_system"], first["occupation_code"],
                            parts[1]["occupation_system"].iloc[0]).codes:
            parts.reverse()
    return pd.concat(parts, ignore_index=True)


def present_components(levels: pd.DataFrame) -> list[str]:
    """The tension components (`occupations.COMPONENTS`, in that order) with a value at one level of a sheet."""
    return [c for c in COMPONENTS if levels[c].notna().any()]
