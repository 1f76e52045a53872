"""What the committee deck and the basin sheet say, computed once: the selection checked and named, its key figures
beside its région and France, the occupations that hire most and those hardest to fill, tension, training, the
plan's actions, and the sources line every page carries.

Every figure comes from the functions the pages use (`indicators.selection`, `indicators.zones.comparison`,
`indicators.occupations`, `plan.scope`, `plan.progress`), and every number and date shown is formatted by
`gpect_core.formatting`, so the deck and the sheet print what the screen shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..errors import GpectError
from ..formatting import fmt_int, indicator_formatter, level_labels
from ..i18n import t
from ..indicators.occupations import occupation_table, rank, tension_ranking
from ..indicators.selection import Reading, read_selection, top_occupations
from ..indicators.zones import comparison
from ..plan.rules import late_mask
from ..plan.scope import actions_of_selection
from ..selection import Selection
from ..territory import Territory
from .caption import Caption

FIGURE_ROWS = ("projects", "difficult_share", "seasonal_share", "projects_per_1000", "unemployment_rate",
               "tension_class", "jobseekers", "population")
PLAN_TABLES = ("plan_actions", "plan_axes", "plan_indicators", "plan_indicator_values")
TOP_N = 10


# ---------------------------------------------------------------------------------------------- per-zoning lookups
@dataclass(frozen=True)
class ZoningLookup:
    """What every page of a batch reads again for each zone, computed once per pack and zoning: the zones
    (GeoDataFrame), their names and, per zone, the training coverage (`training_coverage`)."""

    zones: object  # GeoDataFrame of the zoning
    names: dict[str, str]
    training: dict[str, tuple[int, float | None, str | None]]


def lookup(territory: Territory, zoning: str) -> ZoningLookup:
    """The `ZoningLookup` of `zoning`, kept on the territory object (rebuilt if its zones, training or communes
    table is replaced), as `indicators.cube.cube_for` keeps its cubes."""
    cache = territory.__dict__.setdefault("_gpect_meeting", {})
    stamp = tuple(id(x) for x in (territory.zones, territory.tables.get("training"), territory.tables.get("communes")))
    hit = cache.get(zoning)
    if hit is None or hit[0] != stamp:
        zones = territory.zones_of(zoning)
        hit = (stamp, ZoningLookup(zones, dict(zip(zones["zone_id"], zones["name"], strict=True)),
                                   _training_index(territory, zoning)))
        cache[zoning] = hit
    return hit[1]


def _training_index(territory: Territory, zoning: str) -> dict[str, tuple[int, float | None, str | None]]:
    training = territory.tables.get("training")
    if training is None or training.empty:
        return {}
    capacity = pd.to_numeric(training["capacity"], errors="coerce") if "capacity" in training else \
        pd.Series(float("nan"), index=training.index)
    grouped = pd.DataFrame({"zoning": training["zoning"], "zone_id": training["zone_id"], "capacity": capacity}) \
        .groupby(["zoning", "zone_id"])["capacity"].agg(["size", "sum", "count"])

    def entry(key, where=None):
        size, total, known = grouped.loc[key]
        return int(size), (float(total) if known else None), where

    own = {z: entry((zoning, z)) for (zg, z) in grouped.index if zg == zoning}
    communes = territory.tables.get("communes")
    if communes is None or f"zone_{zoning}" not in communes:
        return own
    columns = {z: (f"zone_{z}" if f"zone_{z}" in communes else {"DEP": "dep", "REG": "reg"}.get(z))
               for z in training["zoning"].unique() if z != zoning}
    other = next((z for z, col in columns.items() if col in communes), None)
    if other is None:
        return own
    population = pd.to_numeric(communes["population"], errors="coerce").fillna(0)
    by_pair = population.groupby([communes[f"zone_{zoning}"], communes[columns[other]]]).sum()
    main = by_pair.sort_values(ascending=False).reset_index().drop_duplicates(f"zone_{zoning}")
    names = territory.zone_names(other)
    for zone, covering in zip(main[f"zone_{zoning}"], main[columns[other]], strict=True):
        if zone not in own and (other, covering) in grouped.index:
            own[zone] = entry((other, covering), names.get(covering, covering))
    return own


# ---------------------------------------------------------------------------------------------- the selection
def zoning_label(territory: Territory, zoning: str, lang: str = "fr") -> str:
    """The zoning's name from the catalogue (« Zones d'emploi »), else the pack's label, else its code."""
    label = t(f"zoning.{zoning}", lang)
    return territory.zonings.get(zoning, {}).get("label", zoning) if label == f"zoning.{zoning}" else label


def selection_label(territory: Territory, selection: Selection, lang: str = "fr") -> str:
    """The selection as the pages name it: up to four zone names and « … (+N) », or the whole territory."""
    if selection.whole:
        return f"{t('filter.whole_territory', lang)} ({zoning_label(territory, selection.zoning, lang)})"
    names = lookup(territory, selection.zoning).names
    shown = [names.get(z, z) for z in selection.zone_ids]
    return ", ".join(shown[:4]) + (f" … (+{len(shown) - 4})" if len(shown) > 4 else "")


def resolve_selection(territory: Territory, zoning: str | None, zone_ids: list[str] | tuple[str, ...] = (),
                      lang: str = "fr") -> Selection:
    """The selection `zoning` + `zone_ids` checked against the pack (default zoning when `zoning` is None).

    Raises GpectError in `lang` (French by default) naming the unknown zoning (with the known ones) or the unknown
    zone codes."""
    known_zonings = territory.zoning_ids()
    zoning = zoning or territory.default_zoning or known_zonings[0]
    if zoning not in known_zonings:
        raise GpectError(t("meeting.error.zoning", lang, zoning=zoning, pack=territory.name,
                           known=", ".join(known_zonings)))
    known = set(territory.zones_of(zoning)["zone_id"])
    ids = tuple(dict.fromkeys(z.strip() for z in zone_ids if z and z.strip()))
    unknown = [z for z in ids if z not in known]
    if unknown:
        raise GpectError(t("meeting.error.zones", lang, zoning=zoning, codes=", ".join(unknown)))
    return Selection(zoning, ids)


# ---------------------------------------------------------------------------------------------- the plan
@dataclass(frozen=True)
class PlanData:
    """The action plan's frames (columns of the pack tables `plan_*` / of `PlanStore.*_frame`)."""

    actions: pd.DataFrame
    axes: pd.DataFrame
    indicators: pd.DataFrame
    values: pd.DataFrame
    milestones: pd.DataFrame
    partners: pd.DataFrame

    @classmethod
    def from_pack(cls, territory: Territory) -> PlanData:
        """The plan as the pack seeds it (no milestones: they live only in the plan store)."""
        return cls(territory.table("plan_actions"), territory.table("plan_axes"), territory.table("plan_indicators"),
                   territory.table("plan_indicator_values"),
                   pd.DataFrame(columns=["milestone_id", "action_id", "label", "due_date", "done"]),
                   territory.table("partners"))

    @classmethod
    def from_store(cls, store) -> PlanData:
        """The plan as the store holds it now (a `plan.store.PlanStore`)."""
        return cls(store.actions_frame(), store.axes_frame(), store.indicators_frame(),
                   store.indicator_values_frame(), store.milestones_frame(), store.partners_frame())


# ---------------------------------------------------------------------------------------------- the content
@dataclass
class MeetingContent:
    """Everything the deck and the sheet show for one selection, in one language."""

    territory: Territory
    selection: Selection
    lang: str
    today: date
    label: str  # the selection's name
    reading: Reading
    levels: list[str]  # column headers of `figures`: the selection, its région, France
    figures: pd.DataFrame  # index FIGURE_ROWS present + "actions"; columns: label, then one text per level
    raw: pd.DataFrame  # zones.comparison (numbers, not text)
    hiring: pd.DataFrame  # top_occupations (label, projects, difficult, difficult_share)
    shortage: pd.DataFrame  # solid occupations ranked by difficult_share (occupation_table columns)
    tension: pd.DataFrame  # tension_ranking, first TOP_N with a class
    plan: PlanData
    actions: pd.DataFrame  # the plan's actions concerning the selection
    late: pd.Series = field(default_factory=lambda: pd.Series(dtype=bool))  # late_mask of `actions`

    def caption(self, title: str, tables: list[str] | tuple[str, ...]) -> Caption:
        return Caption.for_territory(self.territory, title, list(tables), self.label, lang=self.lang,
                                     made_on=self.today)

    def footer(self, tables: list[str] | tuple[str, ...]) -> str:
        """The line every page carries: sources and vintages, selection, date and, on a demo pack, the notice."""
        return " · ".join(self.caption("", tables).lines()[1:])

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    @property
    def read_on(self) -> str:
        """« Recrutement et tension lus sur : … » when they are read on another zoning's zones, else ""."""
        if not self.reading.data.substituted:
            return ""
        names = lookup(self.territory, self.reading.source.zoning).names
        return self.t("meeting.sheet.read_on", zones=", ".join(names.get(z, z) for z in self.reading.source.zone_ids))


def figure_label(key: str, raw: pd.Series, lang: str) -> str:
    if key == "projects":
        return t("meeting.figure.projects", lang, year=raw.get("year") or "").strip()
    if key == "unemployment_rate":
        return t("meeting.figure.unemployment_rate", lang, period=raw.get("period") or "").strip()
    return t(f"meeting.figure.{key}", lang)


def meeting_content(territory: Territory, selection: Selection, plan: PlanData | None = None, lang: str = "fr",
                    today: date | None = None) -> MeetingContent:
    """The content of the deck / sheet of `selection` (see `MeetingContent`); `plan` defaults to the pack's."""
    plan = plan or PlanData.from_pack(territory)
    today = today or date.today()
    label = selection_label(territory, selection, lang)
    reading = read_selection(territory, selection)
    raw = comparison(territory, selection)
    levels = level_labels(raw, label, lang)
    meta = pd.Series({"year": reading.figures.get("year"), "period": reading.figures.get("unemployment_period")})
    rows = {}
    for key in FIGURE_ROWS:
        if raw[key].notna().any():
            fmt = indicator_formatter(key, lang)
            rows[key] = [figure_label(key, meta, lang), *[fmt(v) for v in raw[key]]]
    actions = actions_of_selection(territory, selection, plan.actions)
    late = late_mask(actions, today) if len(actions) else pd.Series(dtype=bool)
    if len(plan.actions):
        rows["actions"] = [t("meeting.figure.actions", lang),
                           f"{fmt_int(len(actions), lang)} ({fmt_int(int(late.sum()), lang)})",
                           *["" for _ in levels[1:]]]
    figures = pd.DataFrame.from_dict(rows, orient="index", columns=["label", *levels])
    source = reading.source
    table = occupation_table(territory, source)
    shortage = rank(table, "difficult_share") if not table.empty else table
    if not shortage.empty:
        shortage = shortage[shortage["rank"].notna()].head(TOP_N).reset_index(drop=True)
    tension = tension_ranking(territory, source)
    if not tension.empty:
        tension = tension[tension["rank"].notna()].head(TOP_N).reset_index(drop=True)
    return MeetingContent(territory=territory, selection=selection, lang=lang, today=today, label=label,
                          reading=reading, levels=levels, figures=figures, raw=raw,
                          hiring=top_occupations(territory, source, n=TOP_N), shortage=shortage, tension=tension,
                          plan=plan, actions=actions, late=late)


def training_coverage(territory: Territory, selection: Selection) -> tuple[int, float | None, str | None] | None:
    """(programmes, places (sum of `capacity`, None when unknown), where) of the pack table `training` for a
    one-zone selection: its own rows, else those of the zone of the training's zoning (a département) holding
    most of its population (communes table: `zone_<ZONING>`, or `dep` / `reg`); `where` names that zone, None for
    its own. None when the pack has no training for it (or the selection is not one zone)."""
    if len(selection.zone_ids) != 1:
        return None
    return lookup(territory, selection.zoning).training.get(selection.zone_ids[0])
