"""A zone against the others: the selection beside its région and France, and its peer zones.

Comparison: the figures of `selection.read_selection` for the selection, its région and France (or the whole
pack), as « Carte des bassins » shows them side by side.

Peers: each zone is described by its size (log of population), its difficult share, its unemployment rate and its
mix of hiring needs by occupation family (shares of projects). Each criterion is standardised across the zones
(mean 0, standard deviation 1; the family shares together weigh as one criterion); the peers are the zones at the
smallest Euclidean distance. A criterion the pack lacks for every zone is left out; a zone lacking one takes the
mean.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..formatting import Fmt
from ..selection import Selection
from ..territory import Territory
from .choropleth import recruitment_by_zone, zone_values
from .cube import cube_for, latest_year_index, zone_population
from .selection import MAIN_INDICATORS, comparison_levels, read_selection

# The comparison's measures drawn on its chart (shares and rates that compare across levels of any size).
COMPARISON_CHART_MEASURES = ("difficult_share", "seasonal_share", "unemployment_rate", "projects_per_1000",
                             "tension_class")
PROFILE_CRITERIA = ("size", "difficult_share", "unemployment_rate", "family_mix")


# ---------------------------------------------------------------------------------------------- comparison
def comparison(territory: Territory, selection: Selection) -> pd.DataFrame:
    """Rows: the selection, its région, France (or the whole pack), as `selection.comparison_levels`; columns:
    level (key), level_label, `MAIN_INDICATORS` (float or None, units as `selection.selection_figures`) and
    recruitment_zoning (the zoning the recruitment figures were read on).

    A level the pack holds in its own zoning (REG, FR) is computed there; an indicator it lacks there is taken
    from the selection's zoning (the zones of that région, or all zones). A level still without recruitment takes
    its recruitment and tension figures from the zones of another zoning that cover it (`read_selection`).
    """
    rows = []
    cube = cube_for(territory, selection.zoning)
    for key, label, level in comparison_levels(territory, selection):
        fallback = None
        if level.zoning != selection.zoning:
            if key == "region":
                zones = cube.zones
                fallback = Selection(selection.zoning, tuple(zones.loc[zones["reg"].astype(str) == level.zone_ids[0],
                                                                       "zone_id"]))
            else:
                fallback = Selection(selection.zoning)
        reading = read_selection(territory, level, fallback=fallback)
        figures = {k: reading.figures[k] for k in MAIN_INDICATORS}
        rows.append({"level": key, "level_label": label, **figures, "recruitment_zoning": reading.source.zoning})
    return pd.DataFrame(rows, columns=["level", "level_label", *MAIN_INDICATORS, "recruitment_zoning"])


COMPARISON_FORMATS = {"projects": Fmt("int"), "difficult_share": Fmt("pct"), "seasonal_share": Fmt("pct"),
                      "projects_per_1000": Fmt("float"), "tension_class": Fmt("float"),
                      "unemployment_rate": Fmt("rate"), "jobseekers": Fmt("int"), "population": Fmt("int")}
"""How each column of `comparison` is shown and exported (see `formatting.Fmt`)."""


def comparison_measures(table: pd.DataFrame) -> list[str]:
    """The measures of `COMPARISON_CHART_MEASURES` that `table` (from `comparison`) has at least one value for."""
    return [m for m in COMPARISON_CHART_MEASURES if table[m].notna().any()]


# ---------------------------------------------------------------------------------------------- peers
def zone_profiles(territory: Territory, zoning: str) -> pd.DataFrame:
    """The standardised profile of every zone (rows, index zone_id; float columns size, difficult_share,
    unemployment_rate and family_<code> for the family mix, those the pack has) used to find peers; memoised per
    pack and zoning."""
    cube = cube_for(territory, zoning)

    def compute():
        recruitment, _ = recruitment_by_zone(cube)
        unemployment_rate = zone_values(territory, zoning, "unemployment_rate").values
        columns = {"size": np.log1p(zone_population(cube).clip(lower=0)),
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


PEER_FORMATS = {"distance": Fmt("float"), "population": Fmt("int"), "difficult_share": Fmt("pct"),
                "unemployment_rate": Fmt("rate"), "projects": Fmt("int")}
"""The figures of `peers` shown on « Carte des bassins », in their order, and how each is shown and exported."""


def peers(territory: Territory, zoning: str, zone_id: str, n: int = 5) -> pd.DataFrame:
    """The `n` zones most similar to `zone_id` (see the module docstring), nearest first.

    Columns: zone_id, name (str), distance (float, standardised units), population (inhabitants), difficult_share
    (0–1), unemployment_rate (percent), projects (count); empty with these columns for an unknown zone."""
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
    population = zone_population(cube)
    return pd.DataFrame({
        "zone_id": nearest.index, "name": [names[z] for z in nearest.index], "distance": nearest.to_numpy(),
        "population": population.reindex(nearest.index).to_numpy(),
        "difficult_share": recruitment["difficult_share"].reindex(nearest.index).to_numpy(),
        "unemployment_rate": rate.reindex(nearest.index).to_numpy(),
        "projects": recruitment["projects"].reindex(nearest.index).to_numpy(),
    }, columns=columns).reset_index(drop=True)


def peer_criteria(territory: Territory, zoning: str) -> list[str]:
    """The profile criteria (subset of `PROFILE_CRITERIA`) actually used for this pack and zoning."""
    columns = zone_profiles(territory, zoning).columns
    used = [c for c in PROFILE_CRITERIA[:3] if c in columns]
    if any(c.startswith("family_") for c in columns):
        used.append("family_mix")
    return used
