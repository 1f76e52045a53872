"""Hiring projects of a selection over the BMO years, with the breaks in series shown, never joined silently.

Rule (stated on the « Métiers en tension » page, tab « Évolutions »): a year starts a new segment of a series
when, from the previous year of the pack,
- the occupation nomenclature changed (the BMO codes its occupations in FAP 2009 up to 2023, in FAP 2021 from
  2024): per-occupation series are only drawn within one nomenclature, since the pack has no FAP 2009 → FAP 2021
  crosswalk to join them (`fap_crosswalk` says whether it has one); the selection's totals change segment too;
- the BMO basins that make up the selection changed: basins recoded (same name, new code), created or gone
  (pack table `recruitment_basins`: the basins each year publishes, drawn on the map or not; for a département,
  région or France every basin inside counts, so a new basin such as Monaco in 2025 breaks the Alpes-Maritimes
  series). A pack without that table falls back on the selection's zones that have rows each year.
Points either side of a break are not linked. Sums and shares follow `cube.selection_sums` (published projects
summed; a share on the rows where both figures are published).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..assemble.recruitment import basin_changes
from ..selection import Selection
from ..territory import Territory
from .cube import cube_for, selection_sums
from .occupations import fragility

SERIES_COLUMNS = ["year", "projects", "difficult", "difficult_share", "systems", "segment", "fragile"]


@dataclass(frozen=True)
class SeriesBreak:
    """A break in the selection's series between `previous` and `year` (the first year of the new segment).

    kind « nomenclature »: `systems` is (old, new) occupation systems (« FAP2009 », « FAP2021 »);
    kind « basins »: `recoded` (« Name (old → new) »), `appear` and `gone` (« Name (code) ») name the basins;
    kind « zones »: `appear` and `gone` name the selection's zones that gain or lose their rows (packs without
    `recruitment_basins`)."""

    previous: int
    year: int
    kind: str
    systems: tuple[str, str] = ("", "")
    recoded: tuple[str, ...] = ()
    appear: tuple[str, ...] = ()
    gone: tuple[str, ...] = ()


def _named(frame: pd.DataFrame) -> tuple[str, ...]:
    return tuple(f"{name} ({code})" if name else str(code)
                 for code, name in zip(frame["basin"], frame["basin_name"], strict=True))


def selection_basins(territory: Territory, selection: Selection) -> pd.DataFrame | None:
    """The rows of the pack table `recruitment_basins` (year, basin, basin_name, dep, reg, projects, drawn) that
    make up the selection each year: its basins (BMO), the basins of its départements (DEP) or régions (REG),
    every basin (FR, or the whole BMO zoning). None when the pack lacks the table or the zoning is none of these."""
    basins = territory.tables.get("recruitment_basins")
    if basins is None or basins.empty or selection.zoning not in ("BMO", "DEP", "REG", "FR"):
        return None
    if selection.whole or selection.zoning == "FR":
        return basins
    column = {"BMO": "basin", "DEP": "dep", "REG": "reg"}[selection.zoning]
    return basins[basins[column].isin(set(selection.zone_ids))]


def _years_systems(block, pos: np.ndarray) -> dict[int, tuple[str, ...]]:
    out = {}
    for yi, year in enumerate(block.years):
        present = block.present[yi][pos].any(axis=0)
        out[int(year)] = tuple(sorted(set(block.occupations.loc[present, "occupation_system"])))
    return out


def series_breaks(territory: Territory, selection: Selection) -> list[SeriesBreak]:
    """The breaks of the selection's recruitment series, in year order (see the module docstring)."""
    cube = cube_for(territory, selection.zoning)
    block = cube.recruitment
    pos = cube.zone_positions(selection.zone_ids)
    if block.empty or len(pos) == 0:
        return []
    systems = {y: s for y, s in _years_systems(block, pos).items() if s}
    years = sorted(systems)
    out = []
    for before, after in zip(years, years[1:], strict=False):
        if systems[before] != systems[after]:
            out.append(SeriesBreak(before, after, "nomenclature",
                                   systems=(" + ".join(systems[before]), " + ".join(systems[after]))))
    basins = selection_basins(territory, selection)
    if basins is not None:
        pack_years = [int(y) for y in block.years]
        everywhere = territory.tables["recruitment_basins"]
        # a basin of the selection recoded outside it (its new code not drawn, or in another département)
        moved = {(c.before, c.after, old): (new, name) for c in basin_changes(everywhere, pack_years)
                 for old, new, name in c.recoded}
        for change in basin_changes(basins, pack_years):
            recoded = [f"{name} ({old} → {new})" for old, new, name in change.recoded]
            gone = change.gone
            elsewhere = np.array([(change.before, change.after, code) in moved for code in gone["basin"]], dtype=bool)
            for code in gone["basin"][elsewhere]:
                new, name = moved[(change.before, change.after, code)]
                recoded.append(f"{name} ({code} → {new})")
            out.append(SeriesBreak(change.before, change.after, "basins", recoded=tuple(recoded),
                                   appear=_named(change.appear), gone=_named(gone[~elsewhere])))
    else:
        names = cube.zones["name"].to_numpy()
        has = block.zone_years[:, pos]
        for i in range(1, len(block.years)):
            if not has[i - 1].any() or not has[i].any():
                continue
            appear, gone = pos[has[i] & ~has[i - 1]], pos[has[i - 1] & ~has[i]]
            if len(appear) or len(gone):
                out.append(SeriesBreak(int(block.years[i - 1]), int(block.years[i]), "zones",
                                       appear=tuple(f"{names[p]} ({cube.zone_ids[p]})" for p in appear),
                                       gone=tuple(f"{names[p]} ({cube.zone_ids[p]})" for p in gone)))
    return sorted(out, key=lambda b: (b.year, b.kind))


def segments(years, breaks: list[SeriesBreak]) -> dict[int, int]:
    """year → segment number (0, 1, …): a new segment starts at each break's year."""
    starts = {b.year for b in breaks}
    out, segment = {}, 0
    for year in sorted(int(y) for y in years):
        if year in starts and out:
            segment += 1
        out[year] = segment
    return out


def selection_series(territory: Territory, selection: Selection, family: str | None = None,
                     breaks: list[SeriesBreak] | None = None) -> pd.DataFrame:
    """The selection's hiring projects year by year (every occupation, or those of one `family`).

    Columns: year (int), projects, difficult (float sums of published figures), difficult_share (0–1, NaN
    unknown), systems (text: the occupation nomenclatures of the year, « FAP2021 »), segment (int: points of
    different segments are not linked, see `series_breaks`), fragile (bool, as `occupations.fragility` on the
    totals). Empty (`SERIES_COLUMNS`) when the selection has no recruitment."""
    cube = cube_for(territory, selection.zoning)
    block = cube.recruitment
    pos = cube.zone_positions(selection.zone_ids)
    if block.empty or len(pos) == 0:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    breaks = series_breaks(territory, selection) if breaks is None else breaks
    wanted = np.ones(len(block.occupations), dtype=bool)
    if family:
        wanted = (block.occupations["family"] == family).to_numpy(dtype=bool)
    rows = []
    for yi, year in enumerate(block.years):
        sums = selection_sums(block, yi, pos)
        present = (sums["rows"] > 0) & wanted
        if not present.any():
            continue
        base = sums["difficult_base"][present].sum()
        share = sums["difficult"][present].sum() / base if base > 0 else np.nan
        projects = sums["projects"][present].sum()
        fragile, _ = fragility([projects], [share], [sums["hidden_rows"][present].sum()],
                               [sums["rows"][present].sum()])
        rows.append({"year": int(year), "projects": float(projects), "difficult": float(sums["difficult"][present].sum()),
                     "difficult_share": share,
                     "systems": " + ".join(sorted(set(block.occupations.loc[present, "occupation_system"]))),
                     "fragile": bool(fragile[0])})
    out = pd.DataFrame(rows, columns=[c for c in SERIES_COLUMNS if c != "segment"])
    out.insert(5, "segment", out["year"].map(segments(out["year"], breaks)).astype(int) if len(out) else [])
    return out


def latest_nomenclature_years(series: pd.DataFrame) -> tuple[str, list[int]]:
    """(system, years): the nomenclature of the latest year of `series` (`selection_series`) and the years that
    use it, i.e. the span where per-occupation series can be drawn without a crosswalk."""
    if series.empty:
        return "", []
    latest = series["systems"].iloc[-1]
    return latest, [int(y) for y, s in zip(series["year"], series["systems"], strict=True) if s == latest]


def fap_crosswalk(territory: Territory) -> bool:
    """Whether the pack's `occupation_links` has a FAP 2009 ↔ FAP 2021 crosswalk."""
    links = territory.tables.get("occupation_links")
    if links is None or links.empty:
        return False
    pair = {"FAP2009", "FAP2021"}
    return bool(((links["kind"] == "crosswalk") & links["from_system"].isin(pair) & links["to_system"].isin(pair)
                 & (links["from_system"] != links["to_system"])).any())
