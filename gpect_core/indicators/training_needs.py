"""Training against needs: for each ROME occupation of a selection, hiring, tension, declared needs and the local
training that leads to it, with the ratios a committee reads and a classification of the gaps.

Sources (pack tables): `recruitment` (BMO hiring projects, France Travail / Crédoc), `tension` (DARES / France
Travail), `needs` (the committee's own company survey), `training` (Affelnet / Parcoursup places and wishes,
constat de rentrée enrolled pupils, graduates, InserJeunes employment rate), `certifications` (Certif Info),
`occupation_links` kind « crosswalk » (FAP ↔ ROME, DARES).

How training is linked to occupations (many-to-many):
- a programme's ROME codes are its `occupation_codes` (Certif Info codes ROME of its certification, as the pack
  built them); a programme without any gets those of the Certif Info certifications of its BCN diploma code
  (`training.cfd` = `certifications.formation_diplome`);
- BMO hiring projects published by FAP family reach the ROME codes through the FAP–ROME crosswalk
  (`occupation_links`, ≤ 2 steps); the figure of a FAP family is then shared by its ROME codes
  (`bmo_shared` > 1), never split;
- a programme linked to several ROME codes appears in the row of each, but every total (`totals`) sums each
  `program_id` once, and each BMO occupation once.

Where a programme counts: in the zone(s) of the selection that contain the zone it is published for. A table
published on a coarser zoning than the selection's (the national training by département, for a zone d'emploi)
is never credited whole to each zone it touches: a département counts in the selection only when
`NESTED_SHARE` of its population lies in it; otherwise its programmes are kept apart (« formations localisées au
département seulement », columns `apart_*`), each département once, and the ratios are then read on those
départements (their places for their own hiring projects). A finer zoning's zone counts in the selection zone
holding most of its population (each zone in one place only).

A programme is one diploma (BCN code, else MEF) in one establishment (UAI), its rows merged whatever their
source, entry year, voie or rentrée (`programme_links`); its figures are its latest published ones, measure by
measure (places and wishes of the entry offer at the latest Affelnet / Parcoursup rentrée, enrolled pupils of the
latest constat…); the years used are given per row.

The coverage map (`coverage_by_zone`, `map_zoning`) is drawn on the selection's zoning, or on the training's
when it is coarser and most programmes cannot be placed in the selection's zones (the national training is known
by département only: its files give no commune).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..selection import Selection
from ..territory import Territory
from .correspondence import correspondence
from .cube import cube_for, quiet
from .cube import selection_sums as _sums
from .occupations import MIN_PROJECTS, fragility, tension_table
from .selection import data_selection
from .sheet import linked_codes

ROME = "ROME4"
_LOCK = threading.Lock()
TRAINING_MEASURES = ("capacity", "demand", "enrolled", "graduates")
HORIZON_KEYS = ("6m", "1y", "3y", "other")
HORIZON_LABELS = {"6m": "besoins à moins de 6 mois", "1y": "besoins à 1 an", "3y": "besoins à 3 ans"}
_NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "douze": 12, "dix huit": 18}
_WORDS = (  # folded text, tried in order after the « N mois / N ans » rule
    (re.compile(r"immediat|tout de suite|des que|urgent|court terme|semestre|rapidement|asap|des maintenant"), "6m"),
    (re.compile(r"dans l annee|cette annee|annee (?:prochaine|en cours)|moyen terme|d ici la fin de l annee"
                r"|courant \d{4}|dans l an\b"), "1y"),
    (re.compile(r"long terme|plus tard|a terme"), "3y"),
)


def horizon_key(text) -> str | None:
    """The horizon bucket of a survey answer's horizon: « 6m » (within 6 months), « 1y » (within a year, up to
    18 months), « 3y » (beyond), or None when the text is blank or not understood. Reads the labels the survey
    import writes (« besoins à moins de 6 mois »), « 6 mois », « dans les 6 prochains mois », « d'ici 6 mois »,
    « sous 12 mois », « dans l'année », « 2 ans », « plus d'un an », « court / moyen / long terme »…"""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"[^a-z0-9<>]+", " ", folded).strip()
    if not folded:
        return None
    for word, number in _NUMBERS.items():
        folded = re.sub(rf"\b{word} (?=(?:prochains? )?(?:mois|ans?|annees?)\b)", f"{number} ", folded)
    amount = re.search(r"(\d+(?: \d+)?) (?:prochains? |derniers? )?(mois|ans?|annees?)\b", folded)
    if amount:
        value = float(amount.group(1).replace(" ", "."))
        months = value if amount.group(2) == "mois" else 12 * value
        if re.search(r"(?:plus de?|au dela de?|apres|>)\s*$", folded[:amount.start()]):
            return "6m" if months < 6 else "1y" if months < 12 else "3y"
        return "6m" if months <= 6 else "1y" if months <= 18 else "3y"
    for pattern, key in _WORDS:
        if pattern.search(folded):
            return key
    return None


def _horizon_keys(values: pd.Series) -> pd.Series:
    return values.map(horizon_key).fillna("other")

# ---- the gaps rule (written on the page: `gaps.rule`)
SHORTAGE_TENSION = 4  # tension class (1–5) from which an occupation is in shortage
SHORTAGE_DIFFICULT = 0.6  # … or share of hiring projects judged difficult (solid BMO figure)
LOW_PLACES_PER_100 = 10  # fewer places per 100 hiring projects: little local training
COVERED_PLACES_PER_100 = 30  # at least this many places per 100 projects: training covers the needs
WEAK_EMPLOYMENT = 0.5  # InserJeunes employment rate (0–1) under which insertion is weak
FEW_PROJECTS = MIN_PROJECTS  # fewer hiring projects: few local needs (with no strong tension)
LOW_TENSION = 2  # tension class at most this: few local needs
GAP_CLASSES = ("shortage_no_training", "weak_insertion_few_needs", "well_covered", "other", "insufficient")

NESTED_SHARE = 0.95  # share of a coarser zone's population that must lie in the selection for it to count there
TOUCH_SHARE = 0.01  # a coarser zone holding this share of a chosen zone's population is listed apart

COLUMNS = ["occupation_code", "label", "family", "family_label", "fap_codes", "bmo_codes", "bmo_shared",
           "projects", "difficult_share", "bmo_secret_cells", "fragile", "fragile_reason", "bmo_year",
           "own_projects", "own_difficult_share", "own_fragile", "own_fragile_reason",
           "tension_class", "tension_year", "needs_answers", "needs_total", *[f"needs_{h}" for h in HORIZON_KEYS],
           "programmes", "places", "wishes", "enrolled", "graduates", "employment_rate", "training_years",
           "insertion_cohort", "apart_programmes", "apart_places", "apart_wishes", "apart_employment_rate",
           "ratio_programmes", "ratio_projects", "ratio_places", "places_per_100_projects", "wishes_per_place",
           "graduates_per_100_projects"]
FAMILY_COLUMNS = ["bmo_key", "system", "code", "label", "rome_codes", "rome_count", "projects", "difficult_share",
                  "bmo_secret_cells", "fragile", "fragile_reason", "bmo_year", "tension_class", "needs_total",
                  "programmes", "places", "wishes", "apart_programmes", "apart_places", "ratio_programmes",
                  "ratio_places", "places_per_100_projects"]


# ---------------------------------------------------------------------------------------------- training index
def _codes(text) -> list[str]:
    return [c for c in str(text).replace(",", " ").replace(";", " ").split() if c] if isinstance(text, str) else []


def programme_links(territory: Territory) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(programmes, links) of the pack table `training`, computed once per pack (memoised on the territory).

    A programme is one formation in one establishment: the rows of `training` with the same provider (UAI) and
    the same formation code — the diploma code `cfd`, else the MEF STAT 11 — are one programme, whatever their
    rentrée, entry year or source (`programme_key`): the Affelnet offers at the 2nde and 1re entries, the
    Parcoursup offer and the pupils of the constat de rentrée of one lycée's formation count once. Rows without
    a UAI or a formation code (the demo pack, a hand-made table) are one programme per program_id. Its figures:
    - capacity, demand: the places and first wishes (Affelnet) or confirmed candidates (Parcoursup) of its
      latest rentrée with an offer, at its **entry level** only (the lowest year of the cycle its MEF codes give:
      2nde before 1re), scolaire and apprentissage offers added (they are different seats);
    - enrolled, graduates: the sum over the rows of its latest rentrée publishing them (every year of the cycle
      of the constat de rentrée: the pupils of the formation);
    - employment_rate: mean over the rows of its latest year publishing one, weighted by places (else pupils).

    programmes: one row per program_id — program_id (the programme key), title, provider, level, zoning, zone_id
    (text, of its latest row), capacity, demand, enrolled, graduates (float), employment_rate (float 0–1),
    insertion_cohort (text), year_<measure> (float, the rentrée of each measure's value, NaN when never
    published), source_rows (int, the table rows merged into it).
    links: program_id, occupation_code (ROME), link (« certif_info »: the programme's own codes, « bcn »: through
    its BCN diploma code and Certif Info); one row per (programme, ROME code), no duplicate."""
    memo = territory.__dict__.setdefault("_gpect_training_links", {})
    training = territory.tables.get("training")
    key = (id(training), id(territory.tables.get("certifications")))
    if memo.get("key") == key:
        return memo["value"]
    value = _programme_links(territory, training)
    memo.update(key=key, value=value)
    return value


UAI_PATTERN = r"\d{7}[A-Z]"


def programme_key(training: pd.DataFrame) -> pd.Series:
    """The programme of each row of a `training` table (text, index of `training`): « UAI-code » where the row
    has a UAI (`provider`, 7 digits and a letter) and a formation code (`cfd`, else `mef_stat_11`), else its
    program_id. Rows of one formation in one establishment share it whatever their rentrée or entry year."""
    program = training["program_id"].astype(str)
    if "provider" not in training:
        return program
    uai = training["provider"].astype("string").fillna("").str.strip().str.upper()
    blank = pd.Series("", index=training.index, dtype="string")
    cfd = training["cfd"].astype("string").fillna("").str.strip() if "cfd" in training else blank
    mef = training["mef_stat_11"].astype("string").fillna("").str.strip() if "mef_stat_11" in training else blank
    code = cfd.where(cfd != "", mef)
    usable = uai.str.fullmatch(UAI_PATTERN).fillna(False) & (code != "")
    return pd.Series(np.where(usable, (uai + "-" + code).astype(object), program.to_numpy()), index=training.index,
                     dtype=object)


def _latest_sum(rows: pd.DataFrame, value: str, keep: pd.Series | None = None) -> tuple[pd.Series, pd.Series]:
    """(sum of `value` over each programme's rows of its latest year publishing it, that year), by programme."""
    published = rows[rows[value].notna() & (keep if keep is not None else True)]
    if published.empty:
        return pd.Series(dtype=float), pd.Series(dtype=float)
    last = published.groupby("_programme", sort=False)["_year"].transform("max")
    latest = published[published["_year"] == last]
    grouped = latest.groupby("_programme", sort=False)
    return grouped[value].sum(min_count=1), grouped["_year"].max()


def _programme_links(territory: Territory, training: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    measures = [*TRAINING_MEASURES, "employment_rate"]
    if training is None or training.empty:
        cols = ["program_id", "title", "provider", "level", "zoning", "zone_id", *measures, "insertion_cohort",
                *[f"year_{m}" for m in measures], "source_rows"]
        return pd.DataFrame(columns=cols), pd.DataFrame(columns=["program_id", "occupation_code", "link"])
    df = training.sort_values("year", kind="stable")
    rows = pd.DataFrame({"_programme": programme_key(df), "_year": pd.to_numeric(df["year"], errors="coerce")},
                        index=df.index)
    for m in measures:
        rows[m] = pd.to_numeric(df[m], errors="coerce").astype("float64") if m in df else np.nan
    mef = df["mef_stat_11"].astype("string").fillna("") if "mef_stat_11" in df else pd.Series("", index=df.index)
    cycle = mef.str[3].where(mef.str.len() == 11, "")  # MEF STAT 11: 4th character = year in the cycle
    offer = rows["capacity"].notna() | rows["demand"].notna()
    offer_year = rows["_year"].where(offer).groupby(rows["_programme"]).transform("max")
    at_offer = offer & (rows["_year"] == offer_year)
    entry = cycle.where(at_offer).groupby(rows["_programme"]).transform("min")
    rows["_entry"] = at_offer & ((cycle == entry) | (cycle == "") | entry.isna())

    text_cols = [c for c in ("title", "provider", "level", "zoning", "zone_id", "insertion_cohort", "cfd",
                             "occupation_codes") if c in df]
    texts = pd.DataFrame({"program_id": rows["_programme"]})
    for column in text_cols:
        values = df[column].astype("string")
        texts[column] = values.where(values.str.strip() != "").astype(object)
    grouped = texts.groupby("program_id", sort=False)
    programmes = grouped.last()  # last non-null = latest published
    programmes["source_rows"] = grouped.size()
    for m in ("capacity", "demand"):
        programmes[m], programmes[f"year_{m}"] = _latest_sum(rows, m, rows["_entry"])
    for m in ("enrolled", "graduates"):
        programmes[m], programmes[f"year_{m}"] = _latest_sum(rows, m)
    rated = rows[rows["employment_rate"].notna()]
    if rated.empty:
        programmes["employment_rate"], programmes["year_employment_rate"] = np.nan, np.nan
    else:
        rated = rated[rated["_year"] == rated.groupby("_programme")["_year"].transform("max")]
        weight = rated["capacity"].fillna(rated["enrolled"]).fillna(1.0).clip(lower=0) + 1e-9
        g = rated.assign(_w=weight, _wr=weight * rated["employment_rate"]).groupby("_programme")
        programmes["employment_rate"] = g["_wr"].sum() / g["_w"].sum()
        programmes["year_employment_rate"] = g["_year"].max()
    programmes = programmes.reset_index()
    programmes["program_id"] = programmes["program_id"].astype(object)  # hashed look-ups, not Arrow scans
    for m in measures:
        programmes[m] = programmes[m].astype("float64")
        programmes[f"year_{m}"] = programmes[f"year_{m}"].astype("float64")
    for column in ("title", "provider", "level", "zoning", "zone_id", "insertion_cohort", "cfd", "occupation_codes"):
        if column not in programmes:
            programmes[column] = pd.NA
    own = texts[["program_id", "occupation_codes"]].dropna() if "occupation_codes" in texts else \
        pd.DataFrame(columns=["program_id", "occupation_codes"])
    own = own.drop_duplicates()
    links = [(p, c, "certif_info") for p, text in zip(own["program_id"], own["occupation_codes"], strict=True)
             for c in _codes(text)]
    certifications = territory.tables.get("certifications")
    if certifications is not None and not certifications.empty and "formation_diplome" in certifications:
        by_cfd: dict[str, set[str]] = {}
        for cfd, text in zip(certifications["formation_diplome"].astype("string"),
                             certifications["occupation_codes"].astype("string"), strict=True):
            if isinstance(cfd, str) and cfd.strip() and isinstance(text, str):
                by_cfd.setdefault(cfd.strip(), set()).update(_codes(text))
        lacking = programmes[~programmes["program_id"].isin(set(own["program_id"])) & programmes["cfd"].notna()]
        links += [(p, c, "bcn") for p, cfd in zip(lacking["program_id"], lacking["cfd"], strict=True)
                  for c in sorted(by_cfd.get(str(cfd).strip(), ()))]
    link_frame = pd.DataFrame(links, columns=["program_id", "occupation_code", "link"], dtype=object).drop_duplicates(
        ["program_id", "occupation_code"])
    return programmes.drop(columns=["occupation_codes", "cfd"]), link_frame.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------- zones
@dataclass(frozen=True)
class Reading:
    """Where one table was read for the selection: the zoning and zones (None = all), and how they relate to the
    selection: « own » (the selection's zones), « inside » (zones of another zoning lying in it: a finer zoning's
    zones holding most of their population in it, a coarser zoning's zones holding `NESTED_SHARE` of it),
    « apart » (zones of a coarser zoning that touch the selection without lying in it: their figures are shown
    apart, never credited to the selection), « none »."""

    zoning: str | None
    zone_ids: tuple[str, ...] | None
    mode: str


def coarser(territory: Territory, zoning: str, than: str) -> bool:
    """Whether `zoning`'s zones are larger than `than`'s (median population of the zones; départements are
    coarser than zones d'emploi, EPCI finer)."""
    def median(z: str) -> float:
        population = pd.to_numeric(territory.zones_of(z).get("population"), errors="coerce")
        return float(population.median()) if population is not None and population.notna().any() else np.nan

    a, b = median(zoning), median(than)
    if np.isnan(a) or np.isnan(b):
        return len(territory.zones_of(zoning)) < len(territory.zones_of(than))
    return a > b


def zones_for(territory: Territory, selection: Selection, zoning: str) -> Reading:
    """The zones of `zoning` whose figures count in `selection` (see `Reading`: « own », « inside » or « none »),
    through `correspondence` when the zonings differ (communes' population, else polygon overlap). Larger
    selections never get fewer zones (a union of zones gets at least the zones of each)."""
    if zoning == selection.zoning:
        return Reading(zoning, None if selection.whole else tuple(selection.zone_ids), "own")
    if selection.whole:
        return Reading(zoning, None, "own")
    chosen = set(selection.zone_ids)
    table = correspondence(territory, zoning, selection.zoning).table
    inside = table[table["zone_b"].isin(chosen)].groupby("zone_a")["share_of_a"].sum()
    threshold = NESTED_SHARE if coarser(territory, zoning, selection.zoning) else 0.5
    inside = sorted(inside[inside >= threshold - 1e-9].index)
    return Reading(zoning, tuple(inside), "inside" if inside else "none")


def zones_apart(territory: Territory, selection: Selection, zoning: str, located: Reading) -> Reading:
    """The zones of a coarser `zoning` that hold at least `TOUCH_SHARE` of the population of one of the selection's
    zones without lying in the selection (not in `located`), largest common population first: their figures are
    shown apart. Mode « apart », or « none » when there are none (same or finer zoning, whole selection)."""
    if zoning == selection.zoning or selection.whole or not coarser(territory, zoning, selection.zoning):
        return Reading(zoning, (), "none")
    back = correspondence(territory, selection.zoning, zoning).table
    rows = back[back["zone_a"].isin(set(selection.zone_ids)) & (back["share_of_a"] >= TOUCH_SHARE)]
    rows = rows[~rows["zone_b"].isin(set(located.zone_ids or ()))]
    weight = rows["population_common"].fillna(0) if "population_common" in rows else rows["share_of_a"]
    order = weight.groupby(rows["zone_b"]).sum().sort_values(ascending=False, kind="stable")
    return Reading(zoning, tuple(order.index), "apart") if len(order) else Reading(zoning, (), "none")


def _in(frame: pd.DataFrame, reading: Reading) -> pd.DataFrame:
    rows = frame[frame["zoning"] == reading.zoning]
    return rows if reading.zone_ids is None else rows[rows["zone_id"].isin(set(reading.zone_ids))]


def _main_zoning(frame: pd.DataFrame, selection: Selection) -> str | None:
    zonings = frame["zoning"].dropna().astype(str)
    if zonings.empty:
        return None
    return selection.zoning if (zonings == selection.zoning).any() else str(zonings.value_counts().index[0])


# ---------------------------------------------------------------------------------------------- BMO
def _rome_systems(territory: Territory) -> set[str]:
    links = territory.table("occupation_links")
    if links.empty or "kind" not in links:
        return {ROME}
    cross = links[links["kind"] == "crosswalk"]
    return {ROME, *cross.loc[cross["to_system"] == ROME, "from_system"], *cross.loc[cross["from_system"] == ROME,
                                                                                    "to_system"]}


def bmo_by_rome(territory: Territory, selection: Selection) -> tuple[pd.DataFrame, pd.DataFrame, int | None]:
    """BMO hiring projects of `selection` (itself or the zones covering it, `data_selection`) by occupation, and
    the link of each occupation to ROME codes.

    The year is the latest where the selection's recruitment uses ROME or a system the pack's crosswalks link to
    ROME (the national BMO of 2024–2025, in FAP 2021, has no FAP 2021–ROME crosswalk: its 2023 FAP 2009 edition is
    used). Returns (occupations: bmo_key « SYSTEM CODE », projects, difficult, difficult_base, secret_cells,
    hidden_rows, rows (float); links: bmo_key, occupation_code (ROME); year or None)."""
    empty = (pd.DataFrame(columns=["bmo_key", "projects", "difficult", "difficult_base", "secret_cells",
                                   "hidden_rows", "rows"]), pd.DataFrame(columns=["bmo_key", "occupation_code"]), None)
    data = data_selection(territory, selection, "recruitment").selection
    cube = cube_for(territory, data.zoning)
    block = cube.recruitment
    pos = cube.zone_positions(data.zone_ids)
    if block.empty or len(pos) == 0:
        return empty
    systems = _rome_systems(territory)
    occ_systems = block.occupations["occupation_system"].to_numpy()
    usable = np.isin(occ_systems, list(systems))
    years = [yi for yi in range(len(block.years)) if (block.present[yi][pos][:, usable]).any()]
    if not years:
        return empty
    yi = years[-1]
    sums = _sums(block, yi, pos)
    keep = (sums["rows"] > 0) & usable
    occ = block.occupations.loc[keep]
    table = pd.DataFrame({"bmo_key": (occ["occupation_system"] + " " + occ["occupation_code"]).to_numpy(dtype=object),
                          **{k: sums[k][keep] for k in ("projects", "difficult", "difficult_base", "secret_cells",
                                                        "hidden_rows", "rows")}})
    links = []
    for system, code in zip(occ["occupation_system"], occ["occupation_code"], strict=True):
        for rome in (linked_codes(territory, system, code, ROME).codes if system != ROME else (code,)):
            links.append((f"{system} {code}", rome))
    return table, pd.DataFrame(links, columns=["bmo_key", "occupation_code"], dtype=object).drop_duplicates(), \
        block.years[yi]


def bmo_editions(territory: Territory) -> dict[int, str]:
    """The BMO editions of the pack table `recruitment`: year → its occupation systems (« FAP2009 », « FAP2021 »,
    space-separated), in year order; empty without the table. Memoised per table object."""
    memo = territory.__dict__.setdefault("_gpect_bmo_editions", {})
    recruitment = territory.tables.get("recruitment")
    if memo.get("key") == id(recruitment):
        return memo["value"]
    value: dict[int, str] = {}
    if recruitment is not None and not recruitment.empty:
        pairs = recruitment[["year", "occupation_system"]].drop_duplicates().dropna()
        for year, group in pairs.groupby("year"):
            value[int(year)] = " ".join(sorted(group["occupation_system"].astype(str).unique()))
    memo.update(key=id(recruitment), value=value)
    return value


# ---------------------------------------------------------------------------------------------- the table
@dataclass
class Coverage:
    """The coverage of a selection (see `coverage`): `table` (one row per ROME occupation, columns `COLUMNS`), where
    each table was read, the programmes and links behind the training figures (to total them without counting a
    place twice), and the vintages."""

    table: pd.DataFrame
    training: Reading
    needs: Reading
    bmo_year: int | None
    tension_year: int | None
    programmes: pd.DataFrame  # the programmes read (as `programme_links`), one row per program_id
    links: pd.DataFrame  # program_id, occupation_code: the (programme, ROME) pairs read
    bmo: pd.DataFrame  # the BMO occupations of the selection (bmo_key, projects…)
    bmo_links: pd.DataFrame  # bmo_key, occupation_code
    vintages: dict[str, str] = field(default_factory=dict)  # measure → « 2023 » or « 2022–2024 »
    apart: Reading = Reading(None, (), "none")  # coarser zones touching the selection, shown apart
    apart_programmes: pd.DataFrame = field(default_factory=pd.DataFrame)  # their programmes (as `programmes`)
    apart_links: pd.DataFrame = field(default_factory=pd.DataFrame)  # program_id, occupation_code
    ratio_scope: str = "selection"  # where the ratios are read: « selection », « apart » (the apart zones)
    ratio_bmo: pd.DataFrame = field(default_factory=pd.DataFrame)  # the BMO occupations of the ratios' territory
    ratio_pairs: pd.DataFrame = field(default_factory=pd.DataFrame)  # programmes × ROME of the ratios' territory
    needs_rolled_up: dict[str, str] = field(default_factory=dict)  # survey sub-fiche → parent it is counted on


def _span(years) -> str:
    years = sorted({int(y) for y in years if pd.notna(y)})
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _training_sums(pairs: pd.DataFrame, key: str) -> pd.DataFrame:
    """Sums by `key` of programme figures in `pairs` (one row per (key, program_id), already de-duplicated)."""
    frame = pairs.assign(
        _paired_capacity=pairs["capacity"].where(pairs["demand"].notna()),
        _paired_demand=pairs["demand"].where(pairs["capacity"].notna()))
    # employment rate: mean weighted by places (else enrolled pupils, else 1) over programmes publishing it
    weight = frame["capacity"].fillna(frame["enrolled"]).fillna(1.0).clip(lower=0)
    known = frame["employment_rate"].notna()
    frame["_w"] = weight.where(known, 0.0)
    frame["_wr"] = (frame["employment_rate"] * weight).where(known, 0.0)
    grouped = frame.groupby(key, sort=False)
    out = pd.DataFrame({"programmes": grouped["program_id"].nunique()})
    for m in TRAINING_MEASURES:
        out[m] = grouped[m].sum(min_count=1)
    out["paired_capacity"] = grouped["_paired_capacity"].sum(min_count=1)
    out["paired_demand"] = grouped["_paired_demand"].sum(min_count=1)
    w = grouped["_w"].sum()
    out["employment_rate"] = (grouped["_wr"].sum() / w.where(w > 0)).astype(float)
    year_cols = [f"year_{m}" for m in (*TRAINING_MEASURES, "employment_rate")]
    first = grouped[year_cols].min().min(axis=1)
    last = grouped[year_cols].max().max(axis=1)
    out["training_years"] = [("" if pd.isna(a) else str(int(a)) if a == b else f"{int(a)}–{int(b)}")
                             for a, b in zip(first, last, strict=True)]
    cohorts = frame[[key, "insertion_cohort"]].dropna().drop_duplicates().sort_values("insertion_cohort")
    out["insertion_cohort"] = cohorts.groupby(key, sort=False)["insertion_cohort"].agg(" ; ".join)
    return out


def _needs(territory: Territory, selection: Selection) -> tuple[pd.DataFrame, Reading]:
    needs = territory.tables.get("needs")
    columns = ["needs_answers", "needs_total", *[f"needs_{h}" for h in HORIZON_KEYS]]
    if needs is None or needs.empty:
        return pd.DataFrame(columns=columns), Reading(None, None, "none")
    zoning = _main_zoning(needs, selection)
    reading = zones_for(territory, selection, zoning)
    rows = _in(needs, reading)
    rows = rows[rows["occupation_code"].notna() & (rows["occupation_code"].astype(str).str.strip() != "")]
    if rows.empty:
        return pd.DataFrame(columns=columns), reading
    headcount = pd.to_numeric(rows["headcount"], errors="coerce")
    horizon = _horizon_keys(rows["horizon"])
    written = rows["occupation_code"].astype(str).str.strip()
    parents = rome_parents(territory)
    code = written.map(lambda c: parents.get(c, c))
    out = pd.DataFrame({"needs_answers": code.groupby(code).size().astype(float),
                        "needs_total": headcount.groupby(code).sum(min_count=1)})
    wide = headcount.groupby([code, horizon]).sum(min_count=1).unstack()
    for h in HORIZON_KEYS:
        out[f"needs_{h}"] = wide[h] if h in wide else np.nan
    out.attrs["rolled_up"] = dict(sorted({c: parents[c] for c in written if c in parents}.items()))
    return out, reading


def rome_parents(territory: Territory) -> dict[str, str]:
    """ROME 4.0 sub-fiche → its parent fiche (`occupations.parent`, from the ROME 4.0 referential's
    « code_rome_parent »: H2916 « Soudeur TIG » → H2913 « Soudeur »), for the codes whose parent is another ROME 4.0
    code of the pack. Hiring projects, tension and training are published on the parent fiches only, so a survey
    need coded on a sub-fiche is counted on its parent in the coverage table (`Coverage.needs_rolled_up`)."""
    occupations = territory.tables.get("occupations")
    if occupations is None or "parent" not in occupations:
        return {}
    rome = occupations[occupations["system"] == ROME]
    parent = rome["parent"].astype("string").fillna("").str.strip()
    code = rome["code"].astype(str).str.strip()
    known = set(code)
    keep = (parent != "") & (parent != code) & parent.isin(known)
    return dict(zip(code[keep], parent[keep], strict=True))


MEMO_SIZE = 8


def coverage(territory: Territory, selection: Selection) -> Coverage:
    """Hiring, tension, declared needs and training of every ROME occupation of `selection` (see `coverage_table`
    for the columns), with where each table was read and what `totals` needs. Memoised per pack object and
    selection (the last `MEMO_SIZE`; recomputed when one of the tables read is replaced): do not modify the result."""
    stamp = tuple(id(territory.tables.get(name)) for name in ("training", "needs", "recruitment", "tension",
                                                               "occupations", "occupation_links", "certifications"))
    memo = territory.__dict__.setdefault("_gpect_coverage", OrderedDict())
    key = (stamp, selection)
    with _LOCK:
        if key in memo:
            memo.move_to_end(key)
            return memo[key]
    result = _coverage(territory, selection)
    with _LOCK:
        memo[key] = result
        while len(memo) > MEMO_SIZE:
            memo.popitem(last=False)
    return result


def _coverage(territory: Territory, selection: Selection) -> Coverage:
    occupations = territory.table("occupations")
    rome = occupations[occupations["system"] == ROME].drop_duplicates("code").set_index("code")

    # BMO, and the territory the training ratios compare with
    bmo, bmo_links, bmo_year = bmo_by_rome(territory, selection)
    programmes, links = programme_links(territory)
    t_zoning = _main_zoning(programmes, selection) if not programmes.empty else None
    t_reading = zones_for(territory, selection, t_zoning) if t_zoning else Reading(None, None, "none")
    apart = zones_apart(territory, selection, t_zoning, t_reading) if t_zoning else Reading(None, (), "none")
    read = _in(programmes, t_reading) if t_zoning else programmes.iloc[0:0]
    pairs = links.merge(read, on="program_id")
    apart_read = _in(programmes, apart) if apart.mode == "apart" else programmes.iloc[0:0]
    apart_pairs = links.merge(apart_read, on="program_id")
    if t_reading.mode == "none" and apart.mode == "apart":  # ratios on the départements the training is known for
        ratio_bmo, ratio_links, _ = bmo_by_rome(territory, Selection(t_zoning, apart.zone_ids))
        ratio_pairs, ratio_scope = apart_pairs, "apart"
    else:
        ratio_bmo, ratio_links, ratio_pairs, ratio_scope = bmo, bmo_links, pairs, "selection"

    # tension, needs
    t_data = data_selection(territory, selection, "tension").selection
    tensions = tension_table(territory, t_data)
    tension_year = int(tensions["year"].iloc[0]) if not tensions.empty else None
    if not tensions.empty:
        trows = []
        for system, code, cls in zip(tensions["occupation_system"], tensions["occupation_code"],
                                     tensions["tension_class"], strict=True):
            for r in (linked_codes(territory, system, code, ROME).codes if system != ROME else (code,)):
                trows.append((r, cls))
        tension = pd.DataFrame(trows, columns=["occupation_code", "tension_class"]).groupby(
            "occupation_code")["tension_class"].mean()
    else:
        tension = pd.Series(dtype=float)
    needs, needs_reading = _needs(territory, selection)

    codes = sorted(set(bmo_links["occupation_code"]) | set(tension.index) | set(needs.index)
                   | set(pairs["occupation_code"]) | set(apart_pairs["occupation_code"]))
    table = pd.DataFrame({"occupation_code": pd.Series(codes, dtype=object)}).set_index("occupation_code", drop=False)
    table["label"] = rome["label"].reindex(codes).fillna(pd.Series(codes, index=codes)).astype(str)
    for column in ("family", "family_label"):
        table[column] = rome[column].reindex(codes) if column in rome else pd.NA
    fap = _fap_codes(territory, codes)
    table["fap_codes"] = fap.reindex(codes).fillna("")

    # BMO per ROME: the sum over its BMO occupations (a FAP family's figure shared by its ROME codes)
    if not bmo.empty:
        joined = bmo_links.merge(bmo, on="bmo_key")
        shared = bmo_links.groupby("bmo_key")["occupation_code"].nunique()
        joined["_shared"] = joined["bmo_key"].map(shared)
        g = joined.sort_values("bmo_key").groupby("occupation_code")
        per = pd.DataFrame({"bmo_codes": g["bmo_key"].agg(" ".join)})
        for k in ("projects", "difficult", "difficult_base", "secret_cells", "hidden_rows", "rows"):
            per[k] = g[k].sum()
        per["bmo_shared"] = g["_shared"].max()
        per = per.reindex(codes)
    else:
        per = pd.DataFrame(index=codes, columns=["bmo_codes", "projects", "difficult", "difficult_base",
                                                 "secret_cells", "hidden_rows", "rows", "bmo_shared"], dtype=float)
    table["bmo_codes"] = per["bmo_codes"].fillna("").astype(str)
    table["bmo_shared"] = pd.array(per["bmo_shared"], dtype="Int64")
    table["projects"] = per["projects"].astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        base = per["difficult_base"].astype(float)
        table["difficult_share"] = np.where(base > 0, per["difficult"].astype(float) / base.where(base > 0, 1),
                                            np.nan)
    table["bmo_secret_cells"] = per["secret_cells"].astype(float)
    has_bmo = table["projects"].notna()
    fragile, reasons = fragility(table["projects"].fillna(0), table["difficult_share"],
                                 per["hidden_rows"].fillna(0), per["rows"].fillna(0))
    table["fragile"] = np.where(has_bmo, fragile, False)
    table["fragile_reason"] = np.where(has_bmo, reasons, "")
    table["bmo_year"] = pd.array([bmo_year if h else None for h in has_bmo], dtype="Int64")
    # the ROME code's own BMO figure: BMO occupations linked to it alone (a family's is in `family_table`)
    own = pd.DataFrame(index=codes, columns=["projects", "difficult", "difficult_base", "hidden_rows", "rows"],
                       dtype=float)
    if not bmo.empty:
        alone = joined[joined["_shared"] == 1].groupby("occupation_code")
        for k in own.columns:
            own[k] = alone[k].sum().reindex(codes).astype(float)
    table["own_projects"] = own["projects"]
    with np.errstate(invalid="ignore", divide="ignore"):
        base = own["difficult_base"]
        table["own_difficult_share"] = np.where(base > 0, own["difficult"] / base.where(base > 0, 1), np.nan)
    has_own = own["projects"].notna()
    fragile, reasons = fragility(own["projects"].fillna(0), table["own_difficult_share"],
                                 own["hidden_rows"].fillna(0), own["rows"].fillna(0))
    table["own_fragile"] = np.where(has_own, fragile, False)
    table["own_fragile_reason"] = np.where(has_own, reasons, "")
    table["tension_class"] = tension.reindex(codes).astype(float)
    table["tension_year"] = pd.array([tension_year if pd.notna(v) else None for v in table["tension_class"]],
                                     dtype="Int64")
    for column in ["needs_answers", "needs_total", *[f"needs_{h}" for h in HORIZON_KEYS]]:
        table[column] = needs[column].reindex(codes).astype(float) if column in needs else np.nan

    # training of each ROME code (each programme once per row)
    sums = _training_sums(pairs, "occupation_code").reindex(codes) if not pairs.empty else \
        pd.DataFrame(index=codes, columns=["programmes", *TRAINING_MEASURES, "employment_rate", "training_years",
                                           "insertion_cohort", "paired_capacity", "paired_demand"], dtype=float)
    table["programmes"] = sums["programmes"].fillna(0).astype(int)
    table["places"] = sums["capacity"].astype(float)
    table["wishes"] = sums["demand"].astype(float)
    table["enrolled"] = sums["enrolled"].astype(float)
    table["graduates"] = sums["graduates"].astype(float)
    table["employment_rate"] = sums["employment_rate"].astype(float)
    table["training_years"] = sums["training_years"].astype(object).fillna("").astype(str)
    table["insertion_cohort"] = sums["insertion_cohort"].astype(object).fillna("").astype(str)
    apart_sums = _training_sums(apart_pairs, "occupation_code").reindex(codes) if not apart_pairs.empty else \
        pd.DataFrame(index=codes, columns=["programmes", "capacity", "demand", "employment_rate"], dtype=float)
    table["apart_programmes"] = apart_sums["programmes"].fillna(0).astype(int)
    table["apart_places"] = apart_sums["capacity"].astype(float)
    table["apart_wishes"] = apart_sums["demand"].astype(float)
    table["apart_employment_rate"] = apart_sums["employment_rate"].astype(float)
    if "training_years" in apart_sums:  # a row whose training is all shown apart: the years of those figures
        own_years = table["training_years"]
        table["training_years"] = own_years.where(own_years != "", apart_sums["training_years"].astype(object)
                                                  .fillna("").astype(str))
    offer = read if t_reading.mode != "none" or apart.mode != "apart" else apart_read
    read_years = _span(pd.concat([offer[f"year_{m}"] for m in TRAINING_MEASURES]).dropna().unique()) \
        if len(offer) else ""
    table["training_years"] = table["training_years"].where(table["training_years"] != "", read_years)
    with np.errstate(invalid="ignore", divide="ignore"):
        pc, pd_ = sums["paired_capacity"].astype(float), sums["paired_demand"].astype(float)
        table["wishes_per_place"] = np.where(pc > 0, pd_ / pc.where(pc > 0, 1), np.nan)

    # ratios: training and projects of the same territory, over the BMO occupation(s) of the row (a FAP family:
    # the places of every programme leading to one of its ROME codes, each programme once)
    table["ratio_programmes"] = table["apart_programmes" if ratio_scope == "apart" else "programmes"]
    ratio = _ratios(ratio_bmo, ratio_links, ratio_pairs, codes)
    table["ratio_projects"] = ratio["projects"]
    table["ratio_places"] = ratio["capacity"]
    with np.errstate(invalid="ignore", divide="ignore"):
        rp = table["ratio_projects"]
        ok = rp > 0
        table["places_per_100_projects"] = np.where(ok, 100 * ratio["capacity"].fillna(0) / rp.where(ok, 1), np.nan)
        table["graduates_per_100_projects"] = np.where(ok & ratio["graduates"].notna(),
                                                       100 * ratio["graduates"] / rp.where(ok, 1), np.nan)
    table = table.reset_index(drop=True)[COLUMNS]
    linked = pd.concat([read[read["program_id"].isin(pairs["program_id"].unique())],
                        apart_read[apart_read["program_id"].isin(apart_pairs["program_id"].unique())]])
    vintages = {m: _span(linked[f"year_{m}"].dropna().unique()) for m in (*TRAINING_MEASURES, "employment_rate")}
    vintages["recruitment"] = str(bmo_year or "")
    vintages["tension"] = str(tension_year or "")
    if needs_reading.mode != "none":
        dates = territory.table("needs")["date"] if "date" in territory.table("needs") else pd.Series(dtype=object)
        vintages["needs"] = _span(pd.to_datetime(dates, errors="coerce").dt.year)
    return Coverage(table, t_reading, needs_reading, bmo_year, tension_year, read, pairs[["program_id",
                    "occupation_code"]], bmo, bmo_links, vintages, apart, apart_read,
                    apart_pairs[["program_id", "occupation_code"]], ratio_scope,
                    ratio_bmo.merge(ratio_links, on="bmo_key") if not ratio_bmo.empty else ratio_bmo,
                    ratio_pairs, needs.attrs.get("rolled_up", {}))


def _fap_codes(territory: Territory, codes: list[str]) -> pd.Series:
    memo = territory.__dict__.setdefault("_gpect_fap_of_rome", {})
    links = territory.table("occupation_links")
    if memo.get("key") != id(links):
        if links.empty or "kind" not in links:
            value = pd.Series(dtype=object)
        else:
            cross = links[(links["kind"] == "crosswalk") & (links["to_system"] == ROME)
                          & links["from_system"].astype(str).str.startswith("FAP")]
            value = cross.groupby(cross["to_code"].astype(str))["from_code"].agg(
                lambda s: " ".join(sorted(set(s.astype(str)))))
        memo.update(key=id(links), value=value)
    return memo["value"].reindex(codes)


def _ratios(bmo: pd.DataFrame, bmo_links: pd.DataFrame, pairs: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    out = pd.DataFrame(index=codes, columns=["projects", "capacity", "graduates"], dtype=float)
    if bmo.empty:
        return out
    own = bmo_links[bmo_links["occupation_code"].isin(set(codes))]
    projects = own.merge(bmo, on="bmo_key").groupby("occupation_code")["projects"].sum()
    out["projects"] = projects.reindex(codes).astype(float)
    if pairs.empty:
        return out
    group = own.merge(bmo_links.rename(columns={"occupation_code": "sibling"}), on="bmo_key")[
        ["occupation_code", "sibling"]].drop_duplicates()
    programmes = group.merge(pairs.rename(columns={"occupation_code": "sibling"}), on="sibling").drop_duplicates(
        ["occupation_code", "program_id"])
    g = programmes.groupby("occupation_code")
    out["capacity"] = g["capacity"].sum(min_count=1).reindex(codes)
    out["graduates"] = g["graduates"].sum(min_count=1).reindex(codes)
    return out


def coverage_table(territory: Territory, selection: Selection) -> pd.DataFrame:
    """One row per ROME occupation of `selection`: every ROME code with BMO projects (directly or through its FAP
    family), a tension class, declared needs or a local programme leading to it.

    Columns (`COLUMNS`):
    - occupation_code, label (text), family, family_label (ROME domain, text or NA), fap_codes (FAP codes of the
      crosswalk, space-separated, « » when none);
    - BMO (table `recruitment`, year `bmo_year`, Int64): bmo_codes (the BMO occupations « SYSTEM CODE » whose figure
      the row shows), bmo_shared (Int64, number of ROME codes sharing that figure: > 1 for a FAP family), projects
      (float, hiring projects, NaN when none), difficult_share (float 0–1), bmo_secret_cells (float), fragile
      (bool), fragile_reason (« secret », « few », « unknown » or « », as `occupations.fragility`) — a FAP
      family's figure is repeated on each of its ROME codes here (the gaps rule reads it): never sum these;
    - own_projects, own_difficult_share, own_fragile, own_fragile_reason: the same for the BMO occupations linked
      to this ROME code alone (NaN / False / « » when none): the sum of own_projects over the rows plus the
      projects of `family_table` is the selection's total, each BMO figure once;
    - tension_class (float 1–5, mean over the zones and linked codes, table `tension`), tension_year (Int64);
    - needs (table `needs`, the committee's survey): needs_answers (answers), needs_total, needs_6m, needs_1y,
      needs_3y, needs_other (headcount declared by horizon; float, NaN when none);
    - training leading to the occupation (table `training`, each programme once per row): programmes (int),
      places (sum of `capacity`), wishes (sum of `demand`: Affelnet wishes, Parcoursup candidates), enrolled,
      graduates (float, NaN when unpublished), employment_rate (float 0–1, InserJeunes, mean weighted by places),
      training_years (text, years of the figures used: of the training shown apart when none is located, and
      for a row without any programme the rentrées of the training read, where its absence was seen),
      insertion_cohort (text) — programmes located in the selection only (`Coverage.training`);
    - apart_programmes (int), apart_places, apart_wishes (float), apart_employment_rate (float 0–1): programmes of
      the coarser zones touching the selection without lying in it (`Coverage.apart`: « formations localisées au
      département seulement »), never counted in the columns above;
    - ratio_programmes (int): the row's own programmes on the ratios' territory (`programmes`, or
      `apart_programmes` when `Coverage.ratio_scope` is « apart »): the training the gaps rule reads;
    - ratios: ratio_projects and ratio_places (projects and places of the row's BMO occupation(s) on the
      training's territory — the selection, or the apart zones when no training is located in it
      (`Coverage.ratio_scope`): for a FAP family, every programme of any of its ROME codes, once),
      places_per_100_projects, graduates_per_100_projects (float, NaN without projects), wishes_per_place (float,
      over programmes publishing both, NaN when none).
    Sorted by occupation_code. Empty (with the columns) when the selection has none of these tables."""
    return coverage(territory, selection).table


def totals(cov: Coverage, codes=None) -> dict[str, float]:
    """Totals over the rows of `codes` (every row when None) without counting anything twice: programmes, places,
    wishes, enrolled, graduates sum each program_id once (a place leading to two ROME codes counts once);
    projects sums each BMO occupation once (a FAP family shared by several ROME codes counts once);
    apart_programmes, apart_places, apart_wishes: the same for the programmes shown apart (`Coverage.apart`).
    Returns those keys (float; NaN when nothing is published)."""
    chosen = frozenset(cov.table["occupation_code"]) if codes is None else frozenset(codes)
    return dict(_memo(cov, ("totals", chosen), lambda: _totals(cov, chosen)))


def _totals(cov: Coverage, chosen: frozenset) -> dict[str, float]:
    out: dict[str, float] = {}
    for prefix, links, programmes in (("", cov.links, cov.programmes),
                                      ("apart_", cov.apart_links, cov.apart_programmes)):
        if links is None or links.empty or programmes is None or programmes.empty:
            progs = pd.DataFrame(columns=["program_id", *TRAINING_MEASURES])
        else:
            ids = set(links.loc[links["occupation_code"].isin(chosen), "program_id"])
            progs = programmes[programmes["program_id"].isin(ids)].drop_duplicates("program_id")
        out[f"{prefix}programmes"] = float(len(progs))
        for name, m in (("places", "capacity"), ("wishes", "demand"), ("enrolled", "enrolled"),
                        ("graduates", "graduates")):
            if prefix and name in ("enrolled", "graduates"):
                continue
            out[f"{prefix}{name}"] = float(pd.to_numeric(progs[m]).sum(min_count=1)) if len(progs) else np.nan
    keys = set(cov.bmo_links.loc[cov.bmo_links["occupation_code"].isin(chosen), "bmo_key"])
    bmo = cov.bmo[cov.bmo["bmo_key"].isin(keys)]
    out["projects"] = float(bmo["projects"].sum()) if len(bmo) else np.nan
    return out


def _read_links(cov: Coverage, apart: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    links, programmes = (cov.apart_links, cov.apart_programmes) if apart else (cov.links, cov.programmes)
    if links is None or links.empty or programmes is None or programmes.empty:
        return pd.DataFrame(columns=["program_id", "occupation_code"]), pd.DataFrame(columns=["program_id"])
    return links, programmes


def shared_training(cov: Coverage, codes, apart: bool = False) -> pd.DataFrame:
    """How much of each row's training is also on other rows: for each ROME code of `codes` (the rows of a table),
    shared_programmes (int: its programmes that also lead to another code of `codes`) and shared_with (int: the
    other codes of `codes` those programmes lead to). A row with shared programmes repeats their places, wishes,
    enrolled and graduates: summing the rows counts them once per row (`totals` counts them once). `apart`: the
    programmes shown apart (`Coverage.apart`) instead of those located in the selection. Index: `codes`."""
    codes = list(dict.fromkeys(codes))
    return _memo(cov, ("shared", tuple(codes), apart), lambda: _shared_training(cov, codes, apart))


def _memo(cov: Coverage, key: tuple, compute):
    """`compute()` once per `cov` (itself memoised per pack and selection: `coverage`) and `key` (the last 16):
    a page's reruns read the same rows again. Do not modify the result."""
    memo = cov.__dict__.setdefault("_memo", OrderedDict())
    with _LOCK:
        if key in memo:
            memo.move_to_end(key)
            return memo[key]
    value = compute()
    with _LOCK:
        memo[key] = value
        while len(memo) > 16:
            memo.popitem(last=False)
    return value


def _shared_training(cov: Coverage, codes: list, apart: bool) -> pd.DataFrame:
    out = pd.DataFrame({"shared_programmes": 0, "shared_with": 0}, index=pd.Index(codes, dtype=object))
    links, _ = _read_links(cov, apart)
    links = links[links["occupation_code"].isin(set(codes))][["program_id", "occupation_code"]].drop_duplicates()
    if links.empty:
        return out
    reach = links.groupby("program_id")["occupation_code"].nunique()
    shared = links[links["program_id"].map(reach) > 1]
    if shared.empty:
        return out
    out["shared_programmes"] = shared.groupby("occupation_code")["program_id"].nunique().reindex(codes).fillna(0)
    pairs = shared.merge(shared.rename(columns={"occupation_code": "other"}), on="program_id")
    pairs = pairs[pairs["occupation_code"] != pairs["other"]]
    out["shared_with"] = pairs.groupby("occupation_code")["other"].nunique().reindex(codes).fillna(0)
    return out.astype(int)


PROGRAMME_COLUMNS = ["program_id", "title", "provider", "level", "zoning", "zone_id", "rome_codes", "rome_count",
                     "capacity", "demand", "enrolled", "graduates", "employment_rate", "insertion_cohort", "years"]


def programme_table(cov: Coverage, codes=None, apart: bool = False) -> pd.DataFrame:
    """One row per programme leading to one of the ROME `codes` (every row of `cov.table` when None), located in
    the selection (`apart`: the programmes shown apart instead): its figures once, so that every column can be
    summed (the sums are `totals`' programmes, places, wishes, enrolled, graduates for the same codes).

    Columns (`PROGRAMME_COLUMNS`): program_id, title, provider, level, zoning, zone_id, rome_codes (the codes of
    `codes` it leads to, space-separated), rome_count (int), capacity (places), demand (wishes / candidates),
    enrolled, graduates (float, latest published, NaN when unpublished), employment_rate (float 0–1),
    insertion_cohort, years (text, years of its figures). Sorted by program_id."""
    chosen = frozenset(cov.table["occupation_code"]) if codes is None else frozenset(codes)
    return _memo(cov, ("programmes", chosen, apart), lambda: _programme_table(cov, chosen, apart))


def _programme_table(cov: Coverage, chosen: frozenset, apart: bool) -> pd.DataFrame:
    links, programmes = _read_links(cov, apart)
    links = links[links["occupation_code"].isin(chosen)]
    if links.empty:
        return pd.DataFrame(columns=PROGRAMME_COLUMNS)
    grouped = links.drop_duplicates(["program_id", "occupation_code"]).sort_values("occupation_code").groupby(
        "program_id")["occupation_code"]
    out = programmes[programmes["program_id"].isin(set(links["program_id"]))].drop_duplicates("program_id").copy()
    out["rome_codes"] = out["program_id"].map(grouped.agg(" ".join))
    out["rome_count"] = out["program_id"].map(grouped.nunique()).astype(int)
    year_cols = [f"year_{m}" for m in (*TRAINING_MEASURES, "employment_rate") if f"year_{m}" in out]
    first, last = out[year_cols].min(axis=1), out[year_cols].max(axis=1)
    out["years"] = [("" if pd.isna(a) else str(int(a)) if a == b else f"{int(a)}–{int(b)}")
                    for a, b in zip(first, last, strict=True)]
    for column in PROGRAMME_COLUMNS:
        if column not in out:
            out[column] = pd.NA
    return out.sort_values("program_id", kind="stable")[PROGRAMME_COLUMNS].reset_index(drop=True)


def family_table(territory: Territory, cov: Coverage) -> pd.DataFrame:
    """One row per BMO occupation whose figure is shared by several ROME codes of `cov.table` (a FAP family
    reached through the FAP–ROME crosswalk): the family's own figures, each once, so that a column can be summed
    (the ROME rows of the table do not repeat them). Empty (with the columns) when the BMO is by ROME code.

    Columns (`FAMILY_COLUMNS`): bmo_key (« FAP2009 J0Z »), system, code, label (text), rome_codes (its ROME codes in
    the table, space-separated), rome_count (int); projects (float, hiring projects of the selection),
    difficult_share (float 0–1), bmo_secret_cells (float), fragile (bool), fragile_reason (text, as
    `occupations.fragility`), bmo_year (Int64); tension_class (float, mean of its ROME codes' classes),
    needs_total (float, headcount declared for its ROME codes, each answer once); programmes, places, wishes
    (programmes located in the selection leading to one of its ROME codes, each once), apart_programmes,
    apart_places (the same for the programmes shown apart); ratio_places, places_per_100_projects (float: places
    of the ratios' territory, `Coverage.ratio_scope`, for the family's projects there; NaN without projects).
    Sorted by projects (descending), then bmo_key."""
    memo = cov.__dict__.get("_families")
    if memo is not None:
        return memo
    out = _family_table(territory, cov)
    cov.__dict__["_families"] = out
    return out


def _family_table(territory: Territory, cov: Coverage) -> pd.DataFrame:
    table = cov.table
    if cov.bmo.empty or table.empty:
        return pd.DataFrame(columns=FAMILY_COLUMNS)
    links = cov.bmo_links[cov.bmo_links["occupation_code"].isin(set(table["occupation_code"]))]
    count = links.groupby("bmo_key")["occupation_code"].nunique()
    links = links[links["bmo_key"].isin(set(count[count > 1].index))].drop_duplicates()
    if links.empty:
        return pd.DataFrame(columns=FAMILY_COLUMNS)
    out = cov.bmo[cov.bmo["bmo_key"].isin(set(links["bmo_key"]))].set_index("bmo_key")
    keys = out.index
    parts = out.index.to_series().str.partition(" ")
    out["system"], out["code"] = parts[0], parts[2]
    occupations = territory.table("occupations")
    labels = {(str(a), str(b)): str(c) for a, b, c in zip(occupations["system"], occupations["code"],
                                                          occupations["label"], strict=True)}
    out["label"] = [labels.get((a, b), b) for a, b in zip(out["system"], out["code"], strict=True)]
    grouped = links.sort_values("occupation_code").groupby("bmo_key")["occupation_code"]
    out["rome_codes"] = grouped.agg(" ".join)
    out["rome_count"] = grouped.nunique()
    base = out["difficult_base"].astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["difficult_share"] = np.where(base > 0, out["difficult"].astype(float) / base.where(base > 0, 1), np.nan)
    out["bmo_secret_cells"] = out["secret_cells"].astype(float)
    rows = links.merge(table[["occupation_code", "tension_class", "needs_total"]], on="occupation_code")
    out["tension_class"] = pd.to_numeric(rows["tension_class"]).groupby(rows["bmo_key"]).mean().reindex(keys)
    out["needs_total"] = pd.to_numeric(rows["needs_total"]).groupby(rows["bmo_key"]).sum(min_count=1).reindex(keys)

    def programme_sums(link_frame, programmes, key_links) -> pd.DataFrame:
        if link_frame is None or link_frame.empty or programmes is None or programmes.empty:
            return pd.DataFrame(index=keys, columns=["programmes", "capacity", "demand"], dtype=float)
        pairs = key_links.merge(link_frame[["program_id", "occupation_code"]], on="occupation_code")[
            ["bmo_key", "program_id"]].drop_duplicates()
        pairs = pairs.merge(programmes[["program_id", "capacity", "demand"]].drop_duplicates("program_id"),
                            on="program_id")
        g = pairs.groupby("bmo_key")
        return pd.DataFrame({"programmes": g["program_id"].nunique(),
                             "capacity": pd.to_numeric(pairs["capacity"]).groupby(pairs["bmo_key"]).sum(min_count=1),
                             "demand": pd.to_numeric(pairs["demand"]).groupby(pairs["bmo_key"]).sum(min_count=1)}
                            ).reindex(keys)

    located = programme_sums(cov.links, cov.programmes, links)
    out["programmes"] = located["programmes"].fillna(0).astype(int)
    out["places"], out["wishes"] = located["capacity"].astype(float), located["demand"].astype(float)
    apart = programme_sums(cov.apart_links, cov.apart_programmes, links)
    out["apart_programmes"] = apart["programmes"].fillna(0).astype(int)
    out["apart_places"] = apart["capacity"].astype(float)
    out["ratio_programmes"] = out["apart_programmes" if cov.ratio_scope == "apart" else "programmes"]
    ratio = cov.ratio_bmo
    if not ratio.empty:
        ratio = ratio[ratio["bmo_key"].isin(set(keys))]
        out["ratio_projects"] = ratio.drop_duplicates("bmo_key").set_index("bmo_key")["projects"].reindex(keys)
        out["ratio_places"] = programme_sums(cov.ratio_pairs, cov.ratio_pairs, ratio[["bmo_key", "occupation_code"]]
                                             .drop_duplicates())["capacity"].astype(float)
    else:
        out["ratio_projects"], out["ratio_places"] = np.nan, np.nan
    fragile, reasons = fragility(out["projects"].fillna(0), out["difficult_share"], out["hidden_rows"].fillna(0),
                                 out["rows"].fillna(0))
    out["fragile"] = np.asarray(fragile, dtype=bool)
    out["fragile_reason"] = np.asarray(reasons)
    out["bmo_year"] = pd.array([cov.bmo_year] * len(out), dtype="Int64")
    with np.errstate(invalid="ignore", divide="ignore"):
        rp = out["ratio_projects"].astype(float)
        out["places_per_100_projects"] = np.where(rp > 0, 100 * out["ratio_places"].fillna(0) / rp.where(rp > 0, 1),
                                                  np.nan)
    out = out.reset_index().sort_values(["projects", "bmo_key"], ascending=[False, True], kind="stable")
    return out[FAMILY_COLUMNS].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------- gaps
def classify_gaps(table: pd.DataFrame) -> pd.DataFrame:
    """`table` (`coverage_table` or `family_table`) with a `gap` column (text, one of `GAP_CLASSES`) and
    `shortage` (bool). Each class follows from figures shown on the row: its tension class, its BMO figure
    (`difficult_share`, `fragile`: a FAP family's when the row's projects are published by family), its own
    training on the ratios' territory (`ratio_programmes`: located in the selection, or known by département only
    when nothing is located in it, `Coverage.ratio_scope`) and `places_per_100_projects`:

    - shortage: tension class ≥ `SHORTAGE_TENSION`, or a solid (not fragile) BMO figure with a difficult share
      ≥ `SHORTAGE_DIFFICULT`;
    - « shortage_no_training »: in shortage, and no programme of its own, or fewer than `LOW_PLACES_PER_100`
      places per 100 hiring projects;
    - « weak_insertion_few_needs »: programmes whose employment rate is under `WEAK_EMPLOYMENT`, with few local
      needs (fewer than `FEW_PROJECTS` projects or none, tension class ≤ `LOW_TENSION` or unknown, no declared
      need) and not in shortage;
    - « well_covered »: at least one programme of its own, at least `COVERED_PLACES_PER_100` places per 100
      projects and an employment rate not weak (or unknown) — never a row without training;
    - « insufficient »: neither projects, tension nor needs nor programmes to judge (or only a fragile BMO
      figure and nothing else); « other »: everything else.
    Rows keep their order."""
    out = table.copy()
    if out.empty:
        out["shortage"] = pd.Series(dtype=bool)
        out["gap"] = pd.Series(dtype=str)
        return out
    tension = pd.to_numeric(out["tension_class"], errors="coerce")
    projects = pd.to_numeric(out["projects"], errors="coerce")
    share = pd.to_numeric(out["difficult_share"], errors="coerce")
    fragile = out["fragile"].astype(bool)
    ratio = pd.to_numeric(out["places_per_100_projects"], errors="coerce")
    rate = pd.to_numeric(out["employment_rate"], errors="coerce")
    needs = pd.to_numeric(out["needs_total"], errors="coerce").fillna(0)
    own = out["ratio_programmes"] if "ratio_programmes" in out else out["programmes"]
    has_training = pd.to_numeric(own, errors="coerce").fillna(0) > 0
    shortage = (tension >= SHORTAGE_TENSION) | (~fragile & (share >= SHORTAGE_DIFFICULT))
    little = ~has_training | (ratio < LOW_PLACES_PER_100)
    few_needs = (projects.fillna(0) < FEW_PROJECTS) & ~(tension > LOW_TENSION) & (needs <= 0)
    weak = has_training & (rate < WEAK_EMPLOYMENT)
    covered = has_training & (ratio >= COVERED_PLACES_PER_100) & ~(rate < WEAK_EMPLOYMENT)
    nothing = projects.isna() & tension.isna() & (needs <= 0) & ~has_training
    only_fragile = fragile & tension.isna() & (needs <= 0) & ~has_training
    gap = np.select([shortage & little, weak & few_needs & ~shortage, covered, nothing | only_fragile],
                    ["shortage_no_training", "weak_insertion_few_needs", "well_covered", "insufficient"], "other")
    out["shortage"] = shortage.to_numpy()
    out["gap"] = gap
    return out


def top_gaps(classified: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The `n` « shortage_no_training » BMO occupations with the most hiring projects (then tension class), for the
    chart: one row per BMO figure (the first ROME code of a FAP family stands for it, `siblings` (int) counts the
    family's other ROME codes in the table), columns of `classify_gaps` plus siblings and chart_places (float: the
    places the gaps rule read for the row — `ratio_places` when the row has programmes of its own on the ratios'
    territory, 0 when it has none, even if other ROME codes of its FAP family have places: so 100 × chart_places /
    ratio_projects is always under `LOW_PLACES_PER_100`, as its class says), at most `n` rows."""
    rows = classified[classified["gap"] == "shortage_no_training"]
    own = pd.to_numeric(rows["ratio_programmes"] if "ratio_programmes" in rows else rows["programmes"],
                        errors="coerce").fillna(0)
    rows = rows.assign(chart_places=np.where(own > 0, pd.to_numeric(rows["ratio_places"], errors="coerce")
                                             .fillna(0.0), 0.0))
    rows = rows.sort_values(["ratio_projects", "projects", "tension_class", "occupation_code"],
                            ascending=[False, False, False, True], na_position="last")
    group = rows["bmo_codes"].where(rows["bmo_codes"] != "", rows["occupation_code"])
    siblings = group.map(group.value_counts()) - 1
    rows = rows.assign(siblings=siblings.astype(int))[~group.duplicated()]
    return rows.head(n).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------- map
def coverage_by_zone(territory: Territory, zoning: str, codes: list[str]) -> pd.DataFrame:
    """Places per 100 hiring projects of the ROME `codes` (an occupation, or a family's codes) in each zone of
    `zoning` (pack tables `training` and `recruitment`), read as the table's ratios are: projects of the BMO
    occupations linked to `codes` (each once), places of every programme leading to one of their ROME codes (each
    programme once). A programme counts in the zone that contains the zone it is published for (`zones_for`: a
    finer zone in the zone holding most of its population, a coarser one only where `NESTED_SHARE` of it lies in
    the zone): training published only by département is never spread over the zones d'emploi it touches, those
    zones get no places (NaN) and no ratio.

    Columns: zone_id (text), places, programmes (float: the programmes placed in the zone, each once), projects
    (float), places_per_100_projects (float, NaN without projects or without located training). One row per zone
    of `zoning`. `attrs`: « unplaced » (int, programmes leading to `codes` that no zone of `zoning` holds: known
    only by a coarser zone lying across several), « training_zoning » (the training table's zoning)."""
    zone_ids = list(territory.zones_of(zoning)["zone_id"].astype(str))
    out = pd.DataFrame({"zone_id": zone_ids}).set_index("zone_id", drop=False)
    programmes, links = programme_links(territory)
    t_zoning = _main_zoning(programmes, Selection(zoning)) if not programmes.empty else None
    projects, group = _projects_by_zone(territory, zoning, set(codes))
    ids = set(links.loc[links["occupation_code"].isin(group), "program_id"])
    progs = programmes[programmes["program_id"].isin(ids) & (programmes["zoning"] == t_zoning)]
    places = progs.groupby("zone_id")["capacity"].sum(min_count=1) if t_zoning else pd.Series(dtype=float)
    counts = progs.groupby("zone_id")["program_id"].nunique() if t_zoning else pd.Series(dtype=float)
    unplaced = 0
    if t_zoning and t_zoning != zoning:
        corr = correspondence(territory, t_zoning, zoning).table
        threshold = NESTED_SHARE if coarser(territory, t_zoning, zoning) else 0.5
        home = corr[corr["share_of_a"] >= threshold - 1e-9].drop_duplicates("zone_a").set_index("zone_a")["zone_b"]
        located = places[places.index.isin(home.index)]
        places = located.groupby(located.index.map(home)).sum(min_count=1)
        placed = counts[counts.index.isin(home.index)]
        unplaced = int(counts.sum() - placed.sum())
        counts = placed.groupby(placed.index.map(home)).sum()
        known = set(home.unique())  # zones that hold at least one training zone: 0 places there is a figure
    else:
        known = set(zone_ids) if t_zoning else set()
    out["places"] = [float(places.get(z, 0.0)) if z in known else np.nan for z in zone_ids]
    out["programmes"] = [float(counts.get(z, 0)) if z in known else np.nan for z in zone_ids]
    out.attrs.update(unplaced=unplaced, training_zoning=t_zoning)
    out["projects"] = out["zone_id"].map(projects).astype(float).to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        p = out["projects"]
        ok = (p > 0) & out["places"].notna()
        out["places_per_100_projects"] = np.where(ok, 100 * out["places"].fillna(0) / p.where(p > 0, 1), np.nan)
    return out.reset_index(drop=True)


def map_zoning(territory: Territory, selection: Selection) -> str:
    """The zoning the coverage map of `selection` is drawn on: the selection's own, unless the training is
    published on a coarser zoning none of whose zones lies in one of the selection's zoning (`NESTED_SHARE`): the
    national training, known by département only (its files give a lycée's UAI, hence its département, never its
    commune), is then mapped by département rather than leaving every zone d'emploi empty."""
    programmes, _ = programme_links(territory)
    t_zoning = _main_zoning(programmes, selection) if not programmes.empty else None
    if not t_zoning or t_zoning == selection.zoning or not coarser(territory, t_zoning, selection.zoning):
        return selection.zoning
    memo = territory.__dict__.setdefault("_gpect_map_zoning", {})
    key = (id(territory.tables.get("training")), t_zoning, selection.zoning)
    if key not in memo:
        corr = correspondence(territory, t_zoning, selection.zoning).table
        nested = set(corr.loc[corr["share_of_a"] >= NESTED_SHARE - 1e-9, "zone_a"])
        rows = programmes[programmes["zoning"] == t_zoning]
        memo[key] = rows["zone_id"].isin(nested).mean() >= 0.5  # most programmes can be placed in the zones
    return selection.zoning if memo[key] else t_zoning


def _projects_by_zone(territory: Territory, zoning: str, codes: set[str]) -> tuple[pd.Series, set[str]]:
    """(projects of the BMO occupations linked to `codes` by zone of `zoning`, apportioned by population when the
    BMO is read on another zoning; the ROME codes of those BMO occupations, `codes` included)."""
    data = data_selection(territory, Selection(zoning), "recruitment").selection
    cube = cube_for(territory, data.zoning)
    block = cube.recruitment
    if block.empty:
        return pd.Series(dtype=float), set(codes)
    systems = _rome_systems(territory)
    occ = block.occupations
    usable = np.isin(occ["occupation_system"].to_numpy(), list(systems))
    years = [yi for yi in range(len(block.years)) if block.present[yi][:, usable].any()]
    keep, group = [], set(codes)
    for i, (system, code) in enumerate(zip(occ["occupation_system"], occ["occupation_code"], strict=True)):
        if not usable[i]:
            continue
        linked = set(linked_codes(territory, system, code, ROME).codes if system != ROME else (code,))
        if linked & codes and years and block.present[years[-1]][:, i].any():
            keep.append(i)
            group |= linked
    if not keep:
        return pd.Series(dtype=float), group
    yi = years[-1]
    with quiet():
        values = np.nansum(block.arrays["projects"][yi][:, keep].astype(np.float64), axis=1)
        present = block.present[yi][:, keep].any(axis=1)
    series = pd.Series(np.where(present, values, np.nan), index=cube.zone_ids)
    if data.zoning == zoning:
        return series, group
    corr = correspondence(territory, zoning, data.zoning).table
    apportioned = (corr["zone_b"].map(series) * corr["share_of_b"]).groupby(corr["zone_a"]).sum(min_count=1)
    return apportioned, group


# ---------------------------------------------------------------------------------------------- survey summary
def declared_needs(territory: Territory, selection: Selection, n_top: int = 3) -> dict | None:
    """The company survey's answers of the selection (pack table `needs`, read as `zones_for` says): answers (int,
    every answer, with or without an occupation code), uncoded (int, answers left without a ROME code: counted in
    answers and headcounts, not in `top`), total, m6, y1, y3 (headcount declared in all and by horizon, read by
    `horizon_key`, float), other (headcount with a blank horizon or one not understood: total = m6+y1+y3+other),
    period (text, years of the answers' dates), top (list of (ROME code, label, headcount), the `n_top` occupations
    most needed). None when the pack has no survey answer for the selection."""
    table = territory.tables.get("needs")
    if table is None or table.empty:
        return None
    zoning = _main_zoning(table, selection)
    if zoning is None:
        return None
    reading = zones_for(territory, selection, zoning)
    rows = _in(table, reading)
    if rows.empty:
        return None
    needs, _ = _needs(territory, selection)
    code = rows["occupation_code"].astype("string").fillna("").str.strip()
    headcount = pd.to_numeric(rows["headcount"], errors="coerce")
    horizon = _horizon_keys(rows["horizon"])
    top = needs.sort_values("needs_total", ascending=False, kind="stable").head(n_top) if not needs.empty else needs
    occupations = territory.table("occupations")
    labels = occupations[occupations["system"] == ROME].drop_duplicates("code").set_index("code")["label"]
    dates = pd.to_datetime(rows["date"], errors="coerce") if "date" in rows else pd.Series(dtype="datetime64[ns]")

    def within(key: str) -> float:
        return float(headcount[horizon == key].sum())

    return {"answers": int(len(rows)), "uncoded": int((code == "").sum()), "total": float(headcount.sum()),
            "m6": within("6m"), "y1": within("1y"), "y3": within("3y"), "other": within("other"), "period": _span(dates.dt.year.dropna().unique()),
            "top": [(c, str(labels.get(c, c)), float(n)) for c, n in zip(top.index, top["needs_total"], strict=True)]}
