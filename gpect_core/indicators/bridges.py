"""Passerelles: fragile occupations of a selection, and the occupations reachable from one, ranked by what they
offer locally, with the skills to acquire and the local training that prepares them.

Everything is in ROME codes (pack tables `bridges` — see `bridges_table` —, `skills`, `occupations` system ROME4). Local figures:

- **hiring projects** (pack table `recruitment`, BMO): read on the selection, or on the zones of another zoning
  covering it when its own publishes none (`selection.data_selection`); the year is the latest one whose
  occupation system is ROME or is linked to ROME by a crosswalk of the pack (`occupation_links` kind
  `crosswalk`, e.g. DARES FAP 2009 ↔ ROME). Read through a crosswalk, a ROME code's projects are those of the
  FAP families it belongs to (shared by the other ROME codes of those families), and the page says so. Sums,
  shares and fragility follow `occupations.fragility`: a figure resting on < 20 published projects, with no
  difficult share, or with half or more of its zone rows under statistical secret is **fragile**;
- **tension** (pack table `tension`, latest year, mean class 1–5 over the zones; offers and jobseekers summed);
  read through crosswalks when the tension table uses another system;
- **needs** (pack table `needs`, company survey): headcount summed over the selection's zones;
- **training** (pack table `training`): programmes of the selection's zones (or of the zones of the training
  zoning that share population with it) whose `occupation_codes` name the target, latest year of each.

Rules (stated on the « Passerelles » page):

- `fragile_occupations`: a ROME occupation of the selection is fragile when at least one signal holds: hiring
  projects fell by `FALL_SHARE` (10 %) or more between the first and last year of the latest occupation
  nomenclature (both figures solid, never a secret read as 0), `JOBSEEKERS_PER_OFFER` (2) or more jobseekers per
  offer, a tension class of `LOW_TENSION` (2) or less, or firms declared jobs of it fragile (survey answers
  flagged « emploi fragilisé » in the pack table `needs`, and the platform's list of fragile jobs when the caller
  gives it). An occupation whose tension class is `HIGH_TENSION` (4) or more is not fragile on the figures
  alone: firms lack hands for it, so its workers are not the ones to move; but jobs firms declared fragile are
  always listed (with their number of firms, their tension beside them): a firm's declaration is a fact, not a
  statistical sign. Listed by number of signals, then jobseekers per offer.
- `reachable_targets`: the targets of the `bridges` table from the origin; solid targets ranked by local
  openings (hiring projects + survey needs headcount, descending), then tension class (descending), then bridge
  score (descending); targets whose projects are fragile or unknown are listed after, unranked (`rank` <NA>),
  with `fragile` true: no secret cell is read as 0 to rank them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from ..assemble.bridges import build_bridges, items_of
from ..errors import GpectError
from ..i18n import t
from ..selection import Selection
from ..territory import Territory
from .correspondence import correspondence
from .cube import cube_for
from .cube import selection_sums as _sums
from .occupations import fragility, tension_table
from .selection import data_selection
from .sheet import _crosswalk_graph, linked_codes
from .training_needs import programme_links, zones_apart, zones_for

ROME = "ROME4"
FALL_SHARE = 0.10
JOBSEEKERS_PER_OFFER = 2.0
LOW_TENSION = 2
HIGH_TENSION = 4
DECLARED_YES = frozenset({"oui", "o", "yes", "y", "1", "x", "vrai", "true"})
RANK_RULE = ("openings", "tension_class", "score")

LOCAL_COLUMNS = ["occupation_code", "projects", "difficult_share", "fragile", "fragile_reason", "tension_class",
                 "offers", "jobseekers", "jobseekers_per_offer", "needs"]
TARGET_COLUMNS = ["rank", "to_code", "label", "kind", "score", "projects", "difficult_share", "needs", "openings",
                  "tension_class", "jobseekers_per_offer", "fragile", "fragile_reason", "to_acquire",
                  "skills_to_acquire", "trainings", "training_titles"]
TRAINING_COLUMNS = ["occupation_code", "program_id", "title", "provider", "zoning", "zone_id", "zone_name", "level",
                    "capacity", "year"]
FRAGILE_COLUMNS = ["occupation_code", "label", "signals", "falling", "projects_change", "jobseekers_per_offer",
                   "many_jobseekers", "low_tension", "declared", "declared_firms", "tension_class", "projects",
                   "fragile"]


def _pack_memo(territory: Territory, name: str, *tables: str) -> dict:
    """A memo on the territory for what is computed once per pack: emptied when one of `tables` is replaced (an
    import gives a new frame) or when the pack's fingerprint changes."""
    memo = territory.__dict__.setdefault(f"_gpect_bridge_{name}", {})
    key = (territory.fingerprint, *(id(territory.tables.get(t)) for t in tables))
    if memo.get("__key__") != key:
        memo.clear()
        memo["__key__"] = key
    return memo


def labels(territory: Territory) -> dict[str, str]:
    """ROME code → label (pack table `occupations`, system ROME4); computed once per pack."""
    memo = _pack_memo(territory, "labels", "occupations")
    if "labels" not in memo:
        occ = territory.tables.get("occupations")
        if occ is None or occ.empty:
            memo["labels"] = {}
        else:
            rome = occ[occ["system"] == ROME]
            memo["labels"] = dict(zip(rome["code"].astype(str).tolist(), rome["label"].astype(str).tolist(),
                                      strict=True))
    return memo["labels"]


def bridges_table(territory: Territory) -> pd.DataFrame | None:
    """The pack's `bridges` table; for a pack built before the assembler made it, the same table computed once
    from its `occupation_links` and `skills` (`assemble.bridges.build_bridges`, memoised on the territory)."""
    table = territory.tables.get("bridges")
    if table is not None and not table.empty:
        return table
    memo = territory.__dict__.setdefault("_gpect_bridges", {})
    key = (id(territory.tables.get("occupation_links")), id(territory.tables.get("skills")))
    if memo.get("key") != key:
        memo.update(key=key, table=build_bridges(territory.tables.get("occupation_links"),
                                                 territory.tables.get("skills")))
    return memo["table"]


def check_origin(territory: Territory, code: str, lang: str = "fr") -> str:
    """The ROME code, stripped and upper-cased, when the pack knows it (occupations or bridges); GpectError with
    a message in `lang` (catalogue `bridges.error.*`) otherwise, or when the pack has no passerelles at all."""
    bridges = bridges_table(territory)
    if bridges is None or bridges.empty:
        raise GpectError(t("bridges.error.no_table", lang))
    clean = str(code or "").strip().upper()
    if clean not in labels(territory) and not (bridges["from_code"] == clean).any():
        raise GpectError(t("bridges.error.unknown_code", lang, code=code))
    return clean


# ---------------------------------------------------------------------------------------------- recruitment
def _read_on(territory: Territory, selection: Selection, table: str) -> Selection:
    """`selection.data_selection(...).selection`, memoised on the territory (it weighs the covering zonings)."""
    memo = territory.__dict__.setdefault("_gpect_bridge_reads", {})
    key = (selection, table, id(territory.tables.get(table)))
    if key not in memo:
        if len(memo) > 256:
            memo.clear()
        memo[key] = data_selection(territory, selection, table).selection
    return memo[key]


def _rome_systems(territory: Territory) -> set[str]:
    graph = _crosswalk_graph(territory)["graph"]
    return {ROME} | {s for (a, _), ends in graph.items() if a == ROME for s, _ in ends}


def _recruitment_years(territory: Territory, selection: Selection):
    """(cube, block, pos, [year indexes of the latest nomenclature linked to ROME], system) or None."""
    rsel = _read_on(territory, selection, "recruitment")
    cube = cube_for(territory, rsel.zoning)
    block = cube.recruitment
    pos = cube.zone_positions(rsel.zone_ids)
    if block.empty or len(pos) == 0:
        return None
    reachable = _rome_systems(territory)
    systems = block.occupations["occupation_system"].to_numpy()
    by_year = []
    for yi in range(len(block.years)):
        present = block.present[yi][pos].any(axis=0)
        year_systems = set(systems[present])
        by_year.append(year_systems)
    latest = next((yi for yi in range(len(block.years) - 1, -1, -1) if by_year[yi] & reachable), None)
    if latest is None:
        return None
    linked = by_year[latest] & reachable
    system = ROME if ROME in linked else sorted(linked)[0]  # ROME itself before any crosswalk
    years = [yi for yi in range(len(block.years)) if system in by_year[yi]]
    return cube, block, pos, years, system


def _unused_years(territory: Territory, selection: Selection) -> list[tuple[int, str]]:
    """The BMO years after the one read whose occupation systems no crosswalk of the pack links to ROME (e.g. the
    2024–2025 editions in FAP 2021: no FAP 2021 ↔ ROME table is published), as (year, systems joined by « , »)."""
    rsel = _read_on(territory, selection, "recruitment")
    cube = cube_for(territory, rsel.zoning)
    block = cube.recruitment
    pos = cube.zone_positions(rsel.zone_ids)
    reachable = _rome_systems(territory)
    systems = block.occupations["occupation_system"].to_numpy()
    out = []
    for yi in range(len(block.years) - 1, -1, -1):
        present = set(systems[block.present[yi][pos].any(axis=0)])
        if present & reachable:
            break
        if present:
            out.append((int(block.years[yi]), ", ".join(sorted(present))))
    return sorted(out)


def _mapping(territory: Territory, codes: list[str], occupations: pd.DataFrame) -> sparse.csr_matrix:
    """0/1 matrix (codes × rows of `occupations`, columns occupation_system, occupation_code): the rows each
    ROME code links to through the pack's crosswalks (itself when the system is ROME); memoised on the territory."""
    keys = tuple(zip(occupations["occupation_system"], occupations["occupation_code"], strict=True))
    memo = territory.__dict__.setdefault("_gpect_bridge_maps", {})
    memo_key = (tuple(codes), keys, id(territory.tables.get("occupation_links")))
    if memo_key in memo:
        return memo[memo_key]
    if len(memo) > 32:
        memo.clear()
    index = {key: i for i, key in enumerate(keys)}
    systems = sorted(set(occupations["occupation_system"]))
    rows, cols = [], []
    for r, code in enumerate(codes):
        for system in systems:
            for linked in linked_codes(territory, ROME, code, system).codes:
                c = index.get((system, linked))
                if c is not None:
                    rows.append(r)
                    cols.append(c)
    memo[memo_key] = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(codes), len(occupations)))
    return memo[memo_key]


def _projects(block, yi: int, pos: np.ndarray, mapping: sparse.csr_matrix) -> dict[str, np.ndarray]:
    """Per ROME code (rows of `mapping`): projects, difficult, difficult_base, hidden_rows, rows summed over the
    linked occupations; projects NaN where no row publishes its projects (never a secret read as 0). A row whose
    projects are published but whose difficult share is secret (BMO `met` given, `xmet` secret) counts its projects:
    the figure is shown, marked fragile through hidden_rows, never hidden."""
    sums = _sums(block, yi, pos)
    out = {k: mapping @ np.asarray(sums[k], dtype=np.float64)
           for k in ("projects", "difficult", "difficult_base", "hidden_rows", "rows")}
    year = block.arrays["projects"][yi][pos]
    published = mapping @ (block.present[yi][pos] & ~np.isnan(year)).sum(axis=0).astype(np.float64)
    out["projects"] = np.where(published > 0, out["projects"], np.nan)
    return out


def _solid(figures: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(difficult share, fragile, reasons) of `_projects` figures; no row read at all is fragile, reason "none"."""
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(figures["difficult_base"] > 0, figures["difficult"] / figures["difficult_base"], np.nan)
    fragile, reasons = fragility(np.nan_to_num(figures["projects"]), share, figures["hidden_rows"], figures["rows"])
    none = figures["rows"] == 0
    return share, fragile | none, np.where(none, "none", reasons)


# ---------------------------------------------------------------------------------------------- local figures
def _linked_measures(territory: Territory, codes: list[str], table: pd.DataFrame, measures) -> dict:
    """Per code of `codes`, each (measure, "mean" | "sum") of a `tension_table` read through `_mapping`; NaN where
    no linked row publishes the measure (never a missing row read as 0)."""
    mapping = _mapping(territory, codes, table)
    out = {}
    for measure, how in measures:
        values = (pd.to_numeric(table[measure], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
                  if measure in table else np.full(len(table), np.nan))
        known = mapping @ (~np.isnan(values)).astype(float)
        total = mapping @ np.nan_to_num(values)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[measure] = np.where(known > 0, total / known if how == "mean" else total, np.nan)
    return out


def _publishes_offers(table: pd.DataFrame) -> bool:
    return {"offers", "jobseekers"} <= set(table.columns) and bool(
        (table["offers"].notna() & table["jobseekers"].notna()).any())


def _nested_zones(territory: Territory, selection: Selection, zoning: str) -> tuple[str, ...] | None:
    """The zones of `zoning` lying in the selection: most of their population (or area) in it (share_of_b ≥ ½ in
    `correspondence`); None when the correspondence cannot be made, () when none lies in it."""
    try:
        corr = correspondence(territory, selection.zoning, zoning).table
    except GpectError:
        return None
    corr = corr[corr["zone_a"].isin(set(selection.zone_ids))]
    inside = corr.groupby("zone_b")["share_of_b"].sum()
    return tuple(sorted(inside[inside >= 0.5].index.astype(str)))


def offers_source(territory: Territory, selection: Selection) -> dict:
    """Where the jobseekers per offer of the selection are read (memoised per selection): {« selection »: the
    Selection read (None when nowhere), « zoning », « year », « zones » (int, zones summed), « own »: True when
    the selection's own tension zoning publishes offers and jobseekers, « reason » when nowhere: « nested » (its
    zoning publishes none and no zoning publishing them has zones inside it) or « none » (the pack's tension has
    no offers and jobseekers at all)}. When the zoning the tension class is read on (e.g. DARES by région or
    département, FAP 2009) publishes no offers, they are summed over the zones of a zoning that does (France
    Travail by BMO basin, ROME) lying in the selection: for each occupation, over the zones where it is
    published (an unpublished zone is left out of both offers and jobseekers, never read as 0)."""
    memo = territory.__dict__.setdefault("_gpect_bridge_offers", {})
    key = (selection, id(territory.tables.get("tension")))
    if key in memo:
        return memo[key]
    tsel = _read_on(territory, selection, "tension")
    own = tension_table(territory, tsel)
    found: dict = {"selection": None, "own": False}
    if not own.empty and _publishes_offers(own):
        found.update(selection=tsel, zoning=tsel.zoning, year=int(own["year"].iloc[0]),
                     zones=len(tsel.zone_ids) if not tsel.whole else len(territory.zones_of(tsel.zoning)), own=True)
    else:
        tension = territory.tables.get("tension")
        zonings = [] if tension is None or tension.empty else [
            z for z in dict.fromkeys(("BMO", *territory.zoning_ids())) if z != tsel.zoning
            and z in territory.zoning_ids()
            and _publishes_offers(tension[tension["zoning"] == z])]
        found["reason"] = "nested" if zonings else "none"
        for zoning in zonings:
            zones = (tuple(sorted(territory.zones_of(zoning)["zone_id"].astype(str))) if selection.whole
                     else _nested_zones(territory, selection, zoning))
            if not zones:
                continue
            other = Selection(zoning) if selection.whole else Selection(zoning, zones)
            table = tension_table(territory, other)
            if table.empty or not _publishes_offers(table):
                continue
            found = {"selection": other, "zoning": zoning, "year": int(table["year"].iloc[0]), "zones": len(zones),
                     "own": False}
            break
    if len(memo) > 256:
        memo.clear()
    memo[key] = found
    return found


def _tension(territory: Territory, selection: Selection, codes: list[str]) -> pd.DataFrame:
    """tension_class (mean), offers, jobseekers (sums) per code; `.attrs["offers"]` is `offers_source`."""
    tsel = _read_on(territory, selection, "tension")
    table = tension_table(territory, tsel)
    out = pd.DataFrame({"occupation_code": codes})
    source = offers_source(territory, selection)
    out.attrs["offers"] = {k: v for k, v in source.items() if k != "selection"}
    if table.empty:
        out["tension_class"] = np.nan
    else:
        out["tension_class"] = _linked_measures(territory, codes, table, [("tension_class", "mean")])["tension_class"]
    if source["selection"] is None:
        return out.assign(offers=np.nan, jobseekers=np.nan)
    counted = table if source["own"] else tension_table(territory, source["selection"])
    both = counted["offers"].notna() & counted["jobseekers"].notna()  # a row lacking one counts in neither sum
    counted = counted.assign(offers=counted["offers"].where(both), jobseekers=counted["jobseekers"].where(both))
    sums = _linked_measures(territory, codes, counted, [("offers", "sum"), ("jobseekers", "sum")])
    return out.assign(offers=sums["offers"], jobseekers=sums["jobseekers"])


def _zone_filter(territory: Territory, selection: Selection, frame: pd.DataFrame) -> pd.Series:
    """Rows of a table with zoning/zone_id columns that fall in the selection (read on the table's zoning through
    the pack's correspondence when it differs: zones sharing population or area with the selection)."""
    if frame.empty:
        return pd.Series(False, index=frame.index)
    if selection.whole:
        return pd.Series(True, index=frame.index)
    keep = pd.Series(False, index=frame.index)
    wanted = set(selection.zone_ids)
    for zoning, group in frame.groupby("zoning"):
        if zoning == selection.zoning:
            zones = wanted
        else:
            try:
                corr = correspondence(territory, selection.zoning, str(zoning)).table
            except GpectError:
                continue
            corr = corr[corr["zone_a"].isin(wanted)]
            common = corr["population_common"].fillna(0) if "population_common" in corr else 0
            share = corr["share_of_a"].fillna(0) if "share_of_a" in corr else 0
            zones = set(corr.loc[(common > 0) | (share > 0), "zone_b"])
        keep.loc[group.index] = group["zone_id"].isin(zones)
    return keep


def declared_flags(needs: pd.DataFrame) -> pd.Series:
    """True for the `needs` rows a firm declared fragile (column `fragile`: « oui », « x », « 1 »…; absent or
    empty: not declared): those are people whose job is at risk, not hiring needs."""
    if "fragile" not in needs:
        return pd.Series(False, index=needs.index)
    folded = needs["fragile"].astype(object).fillna("").astype(str).str.strip().str.lower()
    return folded.isin(DECLARED_YES)


def _needs(territory: Territory, selection: Selection, codes: list[str]) -> np.ndarray:
    needs = territory.tables.get("needs")
    if needs is None or needs.empty:
        return np.full(len(codes), np.nan)
    rows = needs[_zone_filter(territory, selection, needs) & ~declared_flags(needs)]
    sums = rows.groupby("occupation_code")["headcount"].sum().astype(float)
    return sums.reindex(codes).fillna(0.0).to_numpy(dtype=float)


def local_figures(territory: Territory, selection: Selection, codes: list[str]) -> pd.DataFrame:
    """What each ROME occupation of `codes` offers in the selection (`LOCAL_COLUMNS`): projects (float, hiring
    projects of the year, NaN when none can be read), difficult_share (0–1), fragile (bool) and fragile_reason
    (`occupations.fragility` keys, or "none" when no figure links to the code), tension_class (1–5 mean), offers,
    jobseekers (sums, `offers_source`), jobseekers_per_offer, needs (survey headcount; NaN when the pack has no
    survey). The year and system read are in `.attrs` (« year », « system », « crosswalk »: True when read through
    one; « unused »: the later BMO years left out, `_unused_years`), and where the offers and jobseekers come from
    in `.attrs["offers"]` (`offers_source` without its
    Selection)."""
    codes = list(codes)
    out = pd.DataFrame({"occupation_code": codes})
    read = _recruitment_years(territory, selection)
    if read is not None:
        _, block, pos, years, system = read
        yi = years[-1]
        out.attrs.update(year=int(block.years[yi]), system=system, crosswalk=system != ROME,
                         unused=_unused_years(territory, selection))
        figures = _projects(block, yi, pos, _mapping(territory, codes, block.occupations))
    else:
        zero = np.zeros(len(codes))
        figures = {"projects": np.full(len(codes), np.nan), "difficult": zero, "difficult_base": zero,
                   "hidden_rows": zero, "rows": zero}
    out["projects"] = figures["projects"]
    out["difficult_share"], out["fragile"], out["fragile_reason"] = _solid(figures)
    tension = _tension(territory, selection, codes)
    out[["tension_class", "offers", "jobseekers"]] = tension[["tension_class", "offers", "jobseekers"]].to_numpy()
    out.attrs["offers"] = tension.attrs["offers"]
    with np.errstate(invalid="ignore", divide="ignore"):
        out["jobseekers_per_offer"] = np.where(out["offers"] > 0, out["jobseekers"] / out["offers"], np.nan)
    out["needs"] = _needs(territory, selection, codes)
    return out[LOCAL_COLUMNS]


# ---------------------------------------------------------------------------------------------- fragile list
def _communes_in(territory: Territory, selection: Selection, commune_ids: pd.Series) -> pd.Series:
    """True for the commune codes that lie in the selection (pack table `communes`, column `zone_<zoning>`, or
    dep / reg for those zonings); every commune for the whole territory."""
    if selection.whole or selection.zoning == "FR":
        return pd.Series(True, index=commune_ids.index)
    communes = territory.tables.get("communes")
    column = {"DEP": "dep", "REG": "reg"}.get(selection.zoning, f"zone_{selection.zoning}")
    if communes is None or column not in communes:
        return pd.Series(False, index=commune_ids.index)
    zone_of = dict(zip(communes["commune_id"].astype(str), communes[column].astype(str), strict=True))
    wanted = set(selection.zone_ids)
    return commune_ids.astype(str).map(zone_of).isin(wanted)


def declared_fragile(territory: Territory, selection: Selection, firms: pd.DataFrame | None = None
                     ) -> pd.DataFrame:
    """Jobs declared fragile by firms in the selection, per ROME code: DataFrame indexed by occupation_code with
    columns people (float, headcount) and firms (int64, distinct declaring firms). Sources: survey answers flagged
    fragile in the pack table `needs` (`declared_flags`, read on the selection as the needs are; one firm per
    answer `response_id`) plus `firms` (columns commune_id, occupation_code, headcount, and optionally firm: the
    platform's list of firms with fragile jobs, `pairing.store.PairingStore.list_frame("fragile")`; without a
    firm column each row counts as one firm), counted by commune. Empty frame when nothing is declared."""
    parts = []
    needs = territory.tables.get("needs")
    if needs is not None and not needs.empty:
        rows = needs[_zone_filter(territory, selection, needs) & declared_flags(needs)]
        parts.append(pd.DataFrame({"occupation_code": rows["occupation_code"], "headcount": rows["headcount"],
                                   "firm": "enquete:" + rows["response_id"].astype(str)}))
    if firms is not None and not firms.empty:
        rows = firms.loc[_communes_in(territory, selection, firms["commune_id"])]
        firm = (rows["firm"].astype(str).str.strip().str.lower() if "firm" in rows
                else pd.Series([f"ligne:{i}" for i in rows.index], index=rows.index))
        parts.append(pd.DataFrame({"occupation_code": rows["occupation_code"], "headcount": rows["headcount"],
                                   "firm": "liste:" + firm}))
    empty = pd.DataFrame({"people": pd.Series(dtype=float), "firms": pd.Series(dtype="int64")})
    if not parts:
        return empty
    rows = pd.concat(parts, ignore_index=True)
    rows = rows[rows["occupation_code"].fillna("").astype(str) != ""]
    if rows.empty:
        return empty
    grouped = rows.groupby(rows["occupation_code"].astype(str))
    return pd.DataFrame({"people": grouped["headcount"].sum().astype(float),
                         "firms": grouped["firm"].nunique().astype("int64")})


def fragile_occupations(territory: Territory, selection: Selection, firms: pd.DataFrame | None = None
                        ) -> pd.DataFrame:
    """The fragile ROME occupations of the selection (rule in the module docstring), `FRAGILE_COLUMNS`:
    occupation_code, label, signals (int, 1–4), falling (bool), projects_change (fraction, −0.25 = −25 %, NaN
    when not computable), jobseekers_per_offer, many_jobseekers (bool), low_tension (bool), declared (float,
    people in jobs declared fragile by firms, `declared_fragile` with `firms`; 0 when none), declared_firms (int,
    firms declaring them), tension_class (1–5), projects (latest year), fragile (bool: the projects figure is
    fragile). `.attrs`: « years » (first, last) compared, « system » of the projects read. Candidates: the ROME
    codes with a tension row, a hiring project or a declaration in the selection; one of tension class
    `HIGH_TENSION` or more only when firms declared jobs of it fragile."""
    codes = sorted(labels(territory))
    if not codes:
        return pd.DataFrame(columns=FRAGILE_COLUMNS)
    local = local_figures(territory, selection, codes)
    change = pd.Series(np.nan, index=local.index)
    read = _recruitment_years(territory, selection)
    attrs = dict(local.attrs)
    if read is not None and len(read[3]) >= 2:
        _, block, pos, years, system = read
        first, last = years[0], years[-1]
        attrs["years"] = (int(block.years[first]), int(block.years[last]))
        mapping = _mapping(territory, codes, block.occupations)
        a, b = _projects(block, first, pos, mapping), _projects(block, last, pos, mapping)
        solid = ~_solid(a)[1] & ~_solid(b)[1]
        with np.errstate(invalid="ignore", divide="ignore"):
            change = pd.Series(np.where(solid, (b["projects"] - a["projects"]) / a["projects"], np.nan),
                               index=local.index, dtype=float)
    falling = (change <= -FALL_SHARE).fillna(False)
    many = (local["jobseekers_per_offer"] >= JOBSEEKERS_PER_OFFER).fillna(False)
    low = (local["tension_class"] <= LOW_TENSION).fillna(False)
    declarations = declared_fragile(territory, selection, firms)
    declared = local["occupation_code"].map(declarations["people"]).fillna(0.0)
    declared_firms = local["occupation_code"].map(declarations["firms"]).fillna(0).astype("int64")
    present = local["tension_class"].notna() | local["projects"].notna() | (declared > 0)
    high = (local["tension_class"] >= HIGH_TENSION).fillna(False)
    out = pd.DataFrame({
        "occupation_code": local["occupation_code"], "label": local["occupation_code"].map(labels(territory)),
        "signals": falling.astype(int) + many.astype(int) + low.astype(int) + (declared > 0).astype(int),
        "falling": falling, "projects_change": change, "jobseekers_per_offer": local["jobseekers_per_offer"],
        "many_jobseekers": many, "low_tension": low, "declared": declared, "declared_firms": declared_firms,
        "tension_class": local["tension_class"], "projects": local["projects"], "fragile": local["fragile"]})
    out = out[present & (~high | (declared > 0)) & (out["signals"] > 0)]
    out = out.sort_values(["signals", "jobseekers_per_offer", "occupation_code"], ascending=[False, False, True],
                          na_position="last").reset_index(drop=True)
    out.attrs.update(attrs)
    return out[FRAGILE_COLUMNS]


# ---------------------------------------------------------------------------------------------- targets
def skill_index(territory: Territory) -> dict:
    """Once per pack (memoised on the territory): « items » (occupation_code, skill_id, label, kind, core as plain
    objects; one row per occupation × skill) and « core » (the core rows), from `assemble.bridges.items_of`. Shared
    by the page's skills to acquire and the pairing's (`pairing.gaps.skill_gaps`)."""
    skills = territory.tables.get("skills")
    memo = _pack_memo(territory, "skills", "skills")
    if "items" not in memo:
        items = items_of(skills)
        kinds = (skills.drop_duplicates("skill_id").set_index("skill_id")["kind"]
                 if skills is not None and len(skills) else pd.Series(dtype=object))
        items = items.assign(kind=items["skill_id"].map(kinds) if len(kinds) else "")
        items = items.astype({"occupation_code": object, "skill_id": object, "label": object, "kind": object})
        memo.update(items=items, core=items[items["core"].astype(bool)].reset_index(drop=True))
    return memo


def _gaps(territory: Territory, from_code: str, to_codes: list[str]) -> pd.DataFrame:
    """The skills to acquire from `from_code` to each of `to_codes` at once: columns to_code, skill_id, label,
    kind, sorted by to_code then label."""
    memo = skill_index(territory)
    if "have" not in memo:
        memo["have"] = {c: set(g) for c, g in memo["items"].groupby("occupation_code")["skill_id"]}
    core = memo["core"]
    have = memo["have"].get(from_code, set())
    rows = core[core["occupation_code"].isin(set(to_codes)) & ~core["skill_id"].isin(have)]
    return rows.rename(columns={"occupation_code": "to_code"})[["to_code", "skill_id", "label", "kind"]] \
        .sort_values(["to_code", "label"]).reset_index(drop=True)


def skills_to_acquire(territory: Territory, from_code: str, to_code: str) -> pd.DataFrame:
    """The target's core skills and knowledge the origin does not have at all, core or not (`assemble.bridges`
    method): columns skill_id, label, kind (« competence » / « savoir »), sorted by label."""
    return _gaps(territory, from_code, [to_code])[["skill_id", "label", "kind"]]


def _training_index(territory: Territory) -> pd.DataFrame:
    """Once per pack: the programmes of `training_needs.programme_links` (the one training-by-ROME index, shared
    with « Formations et besoins » and the pairing) one row per ROME code they prepare: occupation_code,
    program_id, title, provider, zoning, zone_id, level, capacity (latest published places), year (the year of
    that capacity, else the latest year any figure of the programme was published)."""
    memo = _pack_memo(territory, "training", "training", "certifications")
    if "index" not in memo:
        programmes, links = programme_links(territory)
        years = programmes.filter(like="year_")
        listed = links[["occupation_code", "program_id"]].merge(programmes.assign(
            year=programmes["year_capacity"].fillna(years.max(axis=1)) if len(years.columns) else np.nan),
            on="program_id")
        keep = [c for c in TRAINING_COLUMNS if c != "zone_name"]
        for column in keep:
            if column not in listed:
                listed[column] = None
        memo["index"] = listed[keep].astype({"occupation_code": object, "zoning": object, "zone_id": object,
                                             "year": "Int64"})
    return memo["index"]


def _training_zones(territory: Territory, selection: Selection, frame: pd.DataFrame) -> pd.Series:
    """Rows of `frame` (zoning, zone_id) whose zone counts for the selection by the rule of « Formations et
    besoins » (`training_needs.zones_for` and `zones_apart`): the selection's own zones; zones of a finer zoning
    with half their population in it; zones of a coarser zoning (départements for a zone d'emploi) that lie in
    it or hold at least `TOUCH_SHARE` (1 %) of the population of one of its zones — a département holding a
    sliver of the zone is left out."""
    if frame.empty:
        return pd.Series(False, index=frame.index)
    if selection.whole:
        return pd.Series(True, index=frame.index)
    keep = pd.Series(False, index=frame.index)
    for zoning, group in frame.groupby("zoning"):
        try:
            reading = zones_for(territory, selection, str(zoning))
            apart = zones_apart(territory, selection, str(zoning), reading)
        except GpectError:
            continue
        if reading.zone_ids is None:
            keep.loc[group.index] = True
            continue
        keep.loc[group.index] = group["zone_id"].isin(set(reading.zone_ids) | set(apart.zone_ids or ()))
    return keep


def training_for(territory: Territory, selection: Selection, codes: list[str]) -> pd.DataFrame:
    """Programmes of the selection preparing each code (pack table `training`, latest year of each programme):
    columns occupation_code, program_id, title, provider, zoning, zone_id, zone_name, level, capacity (places;
    <NA> when unknown), year. The zones counted are those of `_training_zones` (the « Formations et besoins »
    rule)."""
    columns = TRAINING_COLUMNS
    training = territory.tables.get("training")
    if training is None or training.empty or not codes:
        return pd.DataFrame(columns=columns)
    index = _training_index(territory)
    listed = index[index["occupation_code"].isin(set(codes))]
    listed = listed[_training_zones(territory, selection, listed)]
    names = {z: territory.zone_names(z) for z in listed["zoning"].unique()}
    listed = listed.assign(zone_name=[names[z].get(i, i) for z, i in zip(listed["zoning"], listed["zone_id"],
                                                                          strict=True)])
    return listed[columns].sort_values(["occupation_code", "title", "zone_id"]).reset_index(drop=True)


def reachable_targets(territory: Territory, selection: Selection, from_code: str, lang: str = "fr") -> pd.DataFrame:
    """The occupations reachable from `from_code` (pack table `bridges`), ranked by what they offer in the
    selection (rule in the module docstring). Columns `TARGET_COLUMNS`: rank (Int64, <NA> for fragile targets),
    to_code, label, kind (close / evolution / mobility / skills), score (0–1), projects, difficult_share (0–1),
    needs (survey headcount), openings (projects + needs; NaN when the projects are unknown), tension_class
    (1–5), jobseekers_per_offer, fragile (bool), fragile_reason, to_acquire (int), skills_to_acquire (labels
    joined by « ; »), trainings (int, programmes of the selection), training_titles (« title — provider (zone) »
    joined by « ; »). `.attrs` as `local_figures`. Raises GpectError (in `lang`) for a code the pack lacks."""
    code = check_origin(territory, from_code, lang)
    bridges = bridges_table(territory)
    targets = bridges[bridges["from_code"] == code].reset_index(drop=True)
    if targets.empty:
        return pd.DataFrame(columns=TARGET_COLUMNS)
    to = targets["to_code"].tolist()
    local = local_figures(territory, selection, to)
    out = targets[["to_code", "kind", "score"]].copy()
    out["label"] = out["to_code"].map(labels(territory)).fillna(out["to_code"])
    for column in ("projects", "difficult_share", "needs", "tension_class", "jobseekers_per_offer", "fragile",
                   "fragile_reason"):
        out[column] = local[column].to_numpy()
    out["openings"] = out["projects"] + out["needs"].fillna(0)
    gaps = (_gaps(territory, code, to) if "skills" in territory.tables
            else pd.DataFrame(columns=["to_code", "skill_id", "label", "kind"]))
    by_target = gaps.groupby("to_code")["label"]
    out["to_acquire"] = out["to_code"].map(by_target.size()).fillna(0).astype(int)
    out["skills_to_acquire"] = out["to_code"].map(by_target.agg("; ".join)).astype(object).fillna("")
    courses = training_for(territory, selection, to)
    text = courses.assign(line=[f"{title} — {provider} ({zone})" for title, provider, zone in zip(
        courses["title"], courses["provider"].fillna(""), courses["zone_name"], strict=True)])
    grouped = text.groupby("occupation_code")["line"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    out["trainings"] = out["to_code"].map(text.groupby("occupation_code")["program_id"].nunique()).fillna(0).astype(int)
    out["training_titles"] = out["to_code"].map(grouped).astype(object).fillna("")
    solid = out[~out["fragile"]].sort_values(["openings", "tension_class", "score", "to_code"],
                                             ascending=[False, False, False, True], na_position="last")
    weak = out[out["fragile"]].sort_values(["score", "to_code"], ascending=[False, True], na_position="last")
    solid = solid.assign(rank=pd.array(np.arange(1, len(solid) + 1), dtype="Int64"))
    weak = weak.assign(rank=pd.array([pd.NA] * len(weak), dtype="Int64"))
    ranked = pd.concat([solid, weak], ignore_index=True)[TARGET_COLUMNS]
    ranked.attrs.update(local.attrs, origin=code, origin_label=labels(territory).get(code, code))
    return ranked
