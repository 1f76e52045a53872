"""The canonical tables other than zones and recruitment: tension, context, occupations and their links,
ROME skills, training offer (decoded by the BCN, linked to ROME codes by Certif Info), communes.

Each function takes `src` (a `provenance.Sources`) and returns the table (columns of `gpect_core.schema`)
or None when no file gives it; what it leaves out is said in `src.report`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from .. import geo
from . import offpack
from .report import listing, n

TRAINING_COLUMNS = ["program_id", "title", "provider", "zoning", "zone_id", "occupation_codes", "level", "capacity",
                    "demand", "enrolled", "graduates", "employment_rate", "further_study_rate", "insertion_cohort", "year",
                    "kind", "mef_stat_11", "voie", "cfd"]
SKILL_COLUMNS = ["occupation_code", "skill_id", "label", "kind", "core"]


def concat(src, key: str, table: str, unique: list[str]) -> pd.DataFrame | None:
    """The frames named `key` of every file, one after the other, the first of rows with the same `unique`."""
    items = src.distinct(key)
    if not items:
        return None
    for parsed, digest, _ in items:
        src.use(table, parsed, digest)
    frame = pd.concat([f for _, _, f in items], ignore_index=True)
    before = len(frame)
    frame = frame.drop_duplicates(unique, keep="first").reset_index(drop=True)
    if before != len(frame):
        src.report.add(f"{table} : {before - len(frame)} lignes en double entre fichiers retirées")
    return frame


def tension(src, zones) -> pd.DataFrame | None:
    """DARES and France Travail tension rows, every year of every file side by side (key: zoning, zone,
    occupation system and code, year: the 2019, 2020 and 2021 ROME × basin files never replace one another);
    where a long series and a detailed file give the same figure, the detailed row (class, components) is kept.
    Rows on zones the pack lacks are kept (`offpack` rule, said in the report). The report gives the rows, years and zonings."""
    items = src.distinct("tension")
    if not items:
        return None
    for parsed, digest, _ in items:
        src.use("tension", parsed, digest)
    frame = pd.concat([f for _, _, f in items], ignore_index=True)
    frame = frame.assign(_detail=frame["tension_class"].notna()).sort_values("_detail", ascending=False,
                                                                             kind="stable")
    key = ["zoning", "zone_id", "occupation_system", "occupation_code", "year"]
    before = len(frame)
    frame = frame.drop_duplicates(key).drop(columns="_detail").sort_index().reset_index(drop=True)
    if before != len(frame):
        src.report.add(f"tensions : {n(before - len(frame))} lignes d'une série longue déjà données, en détail, "
                       "par un autre fichier : la ligne détaillée est gardée")
    for parsed, _, sub in items:
        offpack.apply_rule("tension", sub, zones, src.report.add, offpack.label("tension", parsed))
        miss = sorted(set(sub.loc[offpack.off_pack(sub, zones), "zone_id"]))
        if miss:
            parsed.report.unmatched["zones absentes du pack"] = miss
    src.report.add(tension_line(frame))
    return frame


def tension_line(frame: pd.DataFrame) -> str:
    """The build report's line of the tension table: « tensions : 87 xxx lignes — BMO (ROME4) : 2019 (2 088),
    2020 (27 053) ; … », rows by zoning and occupation system, then by year."""
    parts = []
    for (zoning, system), group in frame.groupby(["zoning", "occupation_system"], sort=True):
        years = group.groupby("year", sort=True).size()
        parts.append(f"{zoning} ({system}) : " + ", ".join(f"{y} ({n(c)})" for y, c in years.items()))
    return f"tensions : {n(len(frame))} lignes — " + " ; ".join(parts)


def context(src, zones) -> pd.DataFrame | None:
    """Context indicators (zoning, zone_id, indicator, period, value, unit); rows on zones the pack lacks are
    kept and said."""
    frame = concat(src, "context", "context", ["zoning", "zone_id", "indicator", "period"])
    if frame is None:
        return None
    for parsed, _, sub in src.distinct("context"):
        offpack.apply_rule("context", sub, zones, src.report.add, offpack.label("context", parsed))
        missing = sorted(set(sub.loc[offpack.off_pack(sub, zones), "zone_id"]))
        if missing:
            parsed.report.unmatched["zones absentes du pack"] = missing
    return frame


def occupations(src, bmo_occupations: pd.DataFrame) -> pd.DataFrame | None:
    """Occupations of the nomenclature files, then those only a BMO file names; ROME families labelled by the
    ROME domains file."""
    frame = concat(src, "occupations", "occupations", ["system", "code"])
    domains = src.frames("rome_domains")
    parts = [frame] if frame is not None else []
    if len(bmo_occupations):
        parts.append(bmo_occupations)
    if not parts:
        return None
    out = pd.concat(parts, ignore_index=True).drop_duplicates(["system", "code"], keep="first")
    if domains:
        labels = dict(zip(domains[0][2]["family"], domains[0][2]["family_label"], strict=True))
        rome = out["system"] == "ROME4"
        out.loc[rome, "family_label"] = out.loc[rome, "family"].map(labels)
        src.use("occupations", domains[0][0], domains[0][1])
    return out.reset_index(drop=True)


def skills(src) -> pd.DataFrame | None:
    """ROME skills of each occupation (SKILL_COLUMNS): the occupation–item links joined to the labels of the
    competences, savoirs or items files; None unless both kinds of file are there."""
    links = concat(src, "skill_links", "skills", ["occupation_code", "skill_id"])
    labels = concat(src, "skill_labels", "skills", ["skill_id"])
    items = concat(src, "skill_items", "skills", ["skill_id"])
    if links is None or (labels is None and items is None):
        return None
    labels = pd.concat([f for f in (labels, items) if f is not None]).drop_duplicates("skill_id")
    merged = links.merge(labels, on="skill_id", how="left")
    missing = merged["label"].isna()
    if missing.any():
        src.report.add(f"compétences : {int(missing.sum())} liens métier–item sans libellé connu "
                       "(ni compétence ni savoir) non gardés")
    return merged[~missing][SKILL_COLUMNS].reset_index(drop=True)


def training_title(frame: pd.DataFrame) -> pd.Series:
    """The one title rule of a training row: its own title, else « Formation MEF <mef_stat_11> » when it has a
    MEF code, else « Formation <program_id> »."""
    title = frame["title"].fillna("").astype(str) if "title" in frame else pd.Series("", index=frame.index)
    mef = frame["mef_stat_11"].fillna("").astype(str) if "mef_stat_11" in frame else pd.Series("", index=frame.index)
    fallback = ("Formation MEF " + mef).where(mef != "", "Formation " + frame["program_id"].astype(str))
    return title.where(title != "", fallback)


def complete_training(frame: pd.DataFrame) -> pd.DataFrame:
    """Training rows with every column of the table (absent counts Int64 null, rates Float64 null, texts None)
    and a title by `training_title`."""
    frame = frame.copy()
    for column in ("enrolled", "graduates", "capacity", "demand"):
        if column not in frame:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    for column in ("provider", "occupation_codes", "level"):
        if column not in frame:
            frame[column] = None
    for column in ("employment_rate", "further_study_rate"):
        if column not in frame:
            frame[column] = pd.Series(np.nan, index=frame.index, dtype="Float64")
    if "insertion_cohort" not in frame:
        frame["insertion_cohort"] = None
    frame["title"] = training_title(frame)
    return frame


def training(src, zones) -> pd.DataFrame | None:
    """The training offer (TRAINING_COLUMNS) of the Affelnet and Parcoursup files, each row at its own rentrée
    (`year`, from its file: 2021 and 2022 capacities side by side, never one replacing the other), completed by:

    - the constat de rentrée (`enrolment` frames): `enrolled` (pupils under school status) on the scolaire row
      of the same lycée (UAI), MEF STAT 11 and year; a constat row with no such capacity row (e.g. rentrée 2020,
      which no capacity file gives) becomes a row of its own, kind « constat », program_id « UAI-MEF-scolaire »,
      capacity and demand null. Each constat figure lands on exactly one row: never counted twice;
    - InserJeunes (`insertion` frames): `employment_rate` is the share of leavers **in employment 12 months**
      after leaving, `further_study_rate` the share of final-year pupils going on studying, both **fractions
      0–1**, with `insertion_cohort` the InserJeunes `millesime` they come from (« 2021_2022 »). A row takes the
      latest cohort published for its formation (diploma code CFD: from the BCN's MEF → diploma, else the CFD its
      file gives; the MEF itself when neither is known), its département's région (`zones` DEP rows' `reg`) and
      its voie (Affelnet lycée offers and constat rows are « scolaire », Parcoursup offers follow their status).
      Where several InserJeunes rows share the formation (several MEFs of one diploma), the rates are averaged
      weighted by leavers (final-year pupils for further study);
    - titles and levels from the BCN (MEF → diploma → level) when its tables are there, ROME codes from Certif
      Info. Rows in départements the pack lacks are left out.

    Each row keeps its `voie` and its diploma code `cfd` ('' when neither the BCN nor its file gives one). The
    report says the rows per year and kind, and how many rows got enrolments and insertion rates (and how many
    did not). Returns None when no capacity or constat file is given (an InserJeunes file is then set aside)."""
    frame = concat(src, "training_raw", "training", ["program_id", "year"])
    enrolment = concat(src, "enrolment", "training", ["provider", "mef_stat_11", "year"])
    if frame is None and enrolment is None:
        for parsed, _, _ in src.frames("insertion"):
            src.unused(parsed, "aucune formation (capacités Affelnet ou Parcoursup, constat de rentrée) à laquelle "
                               "rattacher ces taux : joignez ces fichiers au même envoi")
        return None
    frame = pd.DataFrame(columns=["program_id", "title", "provider", "zoning", "zone_id", "occupation_codes",
                                  "level", "mef_stat_11", "capacity", "demand", "year", "kind", "voie", "cfd"]) \
        if frame is None else frame
    frame, enrolment_lines = _attach_enrolment(frame, enrolment)
    mef = src.frames("bcn_mef")
    formation = src.frames("bcn_formation")
    level = src.frames("bcn_level")
    if mef and formation:
        for item in (mef[0], formation[0]) + ((level[0],) if level else ()):
            src.use("training", item[0], item[1])
        lookup = mef[0][2].merge(formation[0][2], on="formation_diplome", how="left")
        if level:
            lookup = lookup.merge(level[0][2], on="niveau", how="left")
        frame = frame.merge(lookup, on="mef_stat_11", how="left")
        untitled = frame["title"].fillna("") == ""
        frame.loc[untitled, "title"] = frame.loc[untitled, "formation_label"]
        if "level_label" in frame:
            frame["level"] = frame["level"].fillna("").where(frame["level"].fillna("") != "", frame["level_label"])
        decoded = int((~frame["formation_label"].isna()).sum())
        src.report.add(f"formations : {n(decoded)} offres décodées par la BCN (MEF → diplôme)")
    frame["title"] = training_title(frame)
    certifications = src.frames("certifications")
    if certifications and "formation_diplome" in frame:
        certs = certifications[0][2]
        certs = certs[(certs["formation_diplome"] != "") & (certs["occupation_codes"] != "")]
        romes = certs.groupby("formation_diplome")["occupation_codes"].agg(
            lambda s: " ".join(sorted(set(" ".join(s).split()))))
        linked = frame["formation_diplome"].map(romes)
        frame["occupation_codes"] = linked.where(linked.notna(), frame["occupation_codes"]).fillna("")
        src.use("training", certifications[0][0], certifications[0][1])
        src.report.add(f"formations : {n(linked.notna().sum())} offres reliées à des codes ROME par Certif Info "
                       "(diplôme BCN → certification → ROME)")
    frame = offpack.apply_rule("training", frame, zones, src.report.add, "formations").reset_index(drop=True)
    frame["graduates"] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    mef_to_cfd = _mef_to_cfd(mef[0][2] if mef else None)
    own_cfd = frame["cfd"].fillna("") if "cfd" in frame else pd.Series("", index=frame.index)
    from_bcn = frame["mef_stat_11"].map(mef_to_cfd).astype(object)
    frame["cfd"] = from_bcn.where(from_bcn.notna(), own_cfd).astype(str)
    frame, insertion_lines = _attach_insertion(src, frame, zones, mef_to_cfd)
    if frame.empty:
        return frame.reindex(columns=TRAINING_COLUMNS)
    _report_training(src, frame, enrolment_lines + insertion_lines)
    return frame[TRAINING_COLUMNS].reset_index(drop=True)


def _key(frame: pd.DataFrame) -> pd.Series:
    return (frame["provider"].astype(str) + "|" + frame["mef_stat_11"].astype(str) + "|"
            + frame["year"].astype("Int64").astype(str))


def _attach_enrolment(frame: pd.DataFrame, enrolment: pd.DataFrame | None) -> tuple[pd.DataFrame, list[str]]:
    """`frame` with `enrolled` from the constat rows (see `training`), and the report's lines."""
    frame = frame.copy()
    frame["year"] = frame["year"].astype("Int64")
    frame["enrolled"] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    if "voie" not in frame:
        frame["voie"] = "scolaire"
    frame["voie"] = frame["voie"].fillna("scolaire")
    if enrolment is None or enrolment.empty:
        return frame, []
    from ..readers.training import dep_of_uai

    keys = _key(frame)
    targets = keys[frame["voie"] == "scolaire"].drop_duplicates(keep="first")
    counts = dict(zip(_key(enrolment), enrolment["enrolled"], strict=True))
    frame.loc[targets.index, "enrolled"] = targets.map(counts).astype("Int64")
    matched = _key(enrolment).isin(set(targets))
    extra = enrolment[~matched]
    uai, mef_code = extra["provider"].astype(str), extra["mef_stat_11"].astype(str)
    added = pd.DataFrame({
        "program_id": uai + "-" + mef_code + "-scolaire", "title": "", "provider": uai, "zoning": "DEP",
        "zone_id": dep_of_uai(uai), "occupation_codes": "", "level": "", "mef_stat_11": mef_code,
        "capacity": pd.Series(pd.NA, index=extra.index, dtype="Int64"),
        "demand": pd.Series(pd.NA, index=extra.index, dtype="Int64"), "year": extra["year"].astype("Int64"),
        "kind": "constat", "voie": "scolaire", "cfd": "", "enrolled": extra["enrolled"].astype("Int64")})
    years = ", ".join(str(y) for y in sorted(added["year"].dropna().unique()))
    lines = [f"formations : effectifs du constat de rentrée sur {n(int(matched.sum()))} offres de capacité (même "
             f"lycée, MEF et année) ; {n(len(added))} lignes « constat » ajoutées sans capacité"
             + (f" (rentrée {years})" if years else "") + " ; chaque effectif compté une seule fois"]
    frame = pd.concat([frame, added], ignore_index=True) if len(added) else frame
    return frame, lines


def _weighted(table: pd.DataFrame, keys: list[str], rate: str, weight: str) -> pd.Series:
    """The mean of `rate` per `keys`, weighted by `weight` where known (plain mean when no weight is)."""
    has = table[rate].notna()
    w = table[weight].astype("Float64").fillna(0).where(has, 0)
    parts = table[keys].assign(_num=(table[rate].astype("Float64") * w).fillna(0), _den=w,
                               _sum=table[rate].astype("Float64").fillna(0), _n=has.astype(int))
    g = parts.groupby(keys, sort=False)[["_num", "_den", "_sum", "_n"]].sum()
    plain = g["_sum"] / g["_n"].where(g["_n"] > 0)
    return (g["_num"] / g["_den"].where(g["_den"] > 0)).fillna(plain).astype("Float64")


def _formation_key(cfd: pd.Series, mef: pd.Series) -> pd.Series:
    cfd, mef = cfd.fillna("").astype(str), mef.fillna("").astype(str)
    return cfd.where(cfd != "", "mef:" + mef)


def _mef_to_cfd(bcn_mef: pd.DataFrame | None) -> dict[str, str]:
    if bcn_mef is None:
        return {}
    known = bcn_mef[bcn_mef["formation_diplome"].fillna("") != ""]
    return dict(zip(known["mef_stat_11"], known["formation_diplome"], strict=True))


def training_rates(src, training_rows: pd.DataFrame, zones) -> pd.DataFrame | None:
    """A pack's training rows with InserJeunes rates attached as `training` does (an InserJeunes file imported
    alone onto a pack); a row the file gives no rate keeps the one it had. None when no InserJeunes file is
    given or the pack has no training rows (the file is then set aside, saying why)."""
    if not src.frames("insertion"):
        return None
    if training_rows is None or training_rows.empty:
        for parsed, _, _ in src.frames("insertion"):
            src.unused(parsed, "le pack n'a aucune formation à laquelle rattacher ces taux : joignez les "
                               "capacités (Affelnet, Parcoursup) ou le constat de rentrée")
        return None
    mef = src.frames("bcn_mef")
    frame, lines = _attach_insertion(src, complete_training(training_rows), zones,
                                     _mef_to_cfd(mef[0][2] if mef else None))
    for column in ("employment_rate", "further_study_rate", "insertion_cohort"):
        if column in training_rows:
            frame[column] = frame[column].where(frame["employment_rate"].notna(), training_rows[column])
    for line in lines:
        src.report.add(line)
    return frame.reindex(columns=TRAINING_COLUMNS)


def _voie_of(frame: pd.DataFrame) -> pd.Series:
    """The voie of training rows: their own, else what the program_id says (older packs kept no voie)."""
    guessed = pd.Series(np.where(frame["program_id"].astype(str).str.contains(r"-(?:apprentissage|AP)$"),
                                 "apprentissage", "scolaire"), index=frame.index)
    own = frame["voie"] if "voie" in frame else pd.Series(None, index=frame.index, dtype=object)
    return own.where(own.notna() & (own.astype(str) != ""), guessed)


def _attach_insertion(src, frame: pd.DataFrame, zones, mef_to_cfd: dict[str, str]
                      ) -> tuple[pd.DataFrame, list[str]]:
    """`frame` with employment_rate, further_study_rate and insertion_cohort from InserJeunes (see `training`;
    the rows' `cfd` already resolved), and the report's line."""
    frame = frame.copy()
    frame["voie"] = _voie_of(frame)
    frame["cfd"] = frame["cfd"].fillna("").astype(str) if "cfd" in frame else ""
    frame["employment_rate"] = pd.Series(np.nan, index=frame.index, dtype="Float64")
    frame["further_study_rate"] = pd.Series(np.nan, index=frame.index, dtype="Float64")
    frame["insertion_cohort"] = pd.Series(None, index=frame.index, dtype=object)
    insertion = concat(src, "insertion", "training", ["cohort", "reg", "voie", "cfd", "mef_stat_11"])
    if insertion is None or frame.empty:
        return frame, []
    ins_cfd = insertion["cfd"].where(insertion["cfd"] != "", insertion["mef_stat_11"].map(mef_to_cfd)).fillna("")
    insertion = insertion.assign(_formation=_formation_key(ins_cfd, insertion["mef_stat_11"]))
    keys = ["reg", "voie", "_formation", "cohort"]
    rates = pd.DataFrame({
        "employment_rate": _weighted(insertion, keys, "employment_rate_12", "leavers"),
        "further_study_rate": _weighted(insertion, keys, "further_study_rate", "final_year")}).reset_index()
    latest = (rates[rates["employment_rate"].notna()].sort_values("cohort")
              .drop_duplicates(["reg", "voie", "_formation"], keep="last")
              .rename(columns={"cohort": "insertion_cohort"}))
    dep_reg = zones[zones["zoning"] == "DEP"]
    dep_reg = dict(zip(dep_reg["zone_id"], dep_reg["reg"], strict=True)) if "reg" in dep_reg else {}
    probe = pd.DataFrame({"reg": frame["zone_id"].map(dep_reg), "voie": frame["voie"],
                          "_formation": _formation_key(frame["cfd"], frame["mef_stat_11"])})
    found = probe.merge(latest, on=["reg", "voie", "_formation"], how="left")
    found.index = frame.index
    for column in ("employment_rate", "further_study_rate"):
        frame[column] = found[column].astype("Float64")
    frame["insertion_cohort"] = found["insertion_cohort"].astype(object).where(found["insertion_cohort"].notna(),
                                                                             None)
    cohorts = sorted(latest["insertion_cohort"].unique())
    filled = int(frame["employment_rate"].notna().sum())
    no_region = int(probe["reg"].isna().sum())
    line = (f"formations : taux d'emploi à 12 mois et de poursuite d'études InserJeunes (fractions 0–1, cohortes "
            f"{listing(cohorts, 6)}) rattachés à {n(filled)} lignes sur {n(len(frame))} ; {n(len(frame) - filled)} "
            "sans taux (formation, région ou voie absente d'InserJeunes, ou taux non publié)"
            + (f", dont {n(no_region)} dont la région du département est inconnue" if no_region else ""))
    return frame, [line]


def _report_training(src, frame: pd.DataFrame, lines: list[str]) -> None:
    """The training table's lines of the build report: rows per year and kind, then `lines` (enrolments and
    insertion rates attached), then the rows with enrolments."""
    labels = {"lycee": "lycée", "bts": "BTS", "constat": "constat"}
    per_year = []
    for year, group in frame.groupby("year", sort=True):
        kinds = group.groupby("kind", sort=True).size()
        per_year.append(f"{year} : " + ", ".join(f"{labels.get(k, k)} {n(v)}" for k, v in kinds.items()))
    src.report.add(f"formations : {n(len(frame))} lignes — " + " ; ".join(per_year))
    for line in lines:
        src.report.add(line)
    enrolled = int(frame["enrolled"].notna().sum())
    if enrolled:
        src.report.add(f"formations : {n(enrolled)} lignes avec effectifs d'élèves (constat de rentrée), "
                       f"{n(int(frame['enrolled'].sum()))} élèves")


def communes(src, chosen: dict) -> pd.DataFrame | None:
    """The communes table: commune_id, name, dep, reg, epci (str or None), population (Int64), lon, lat (Float64,
    degrees WGS 84: the centroid of the commune's polygon, for distances between communes) and, for each
    composition in `chosen`, `zone_<zoning>` (the commune's zone after the passage table)."""
    from .zones import commune_attributes

    items = src.distinct("commune_geometry")
    if not items:
        return None
    parsed, digest, polygons = items[0]
    src.use("communes", parsed, digest)
    attrs = commune_attributes(src, polygons, chosen)
    out = attrs[["commune_id", "name", "dep", "reg", "epci", "population"]].copy()
    for column in ("dep", "reg", "epci"):
        out[column] = out[column].replace("", None)
    wgs84 = polygons if polygons.crs is None else polygons.to_crs("EPSG:4326")
    centres = shapely.centroid(wgs84.geometry.to_numpy())
    out["lon"] = pd.array(np.round(shapely.get_x(centres), 5), dtype="Float64")
    out["lat"] = pd.array(np.round(shapely.get_y(centres), 5), dtype="Float64")
    for zoning, (p, h, frame) in chosen.items():
        src.use("communes", p, h)
        mapped, _, _ = geo.apply_passage(frame, None, None)
        out[f"zone_{zoning}"] = out["commune_id"].map(dict(zip(mapped["commune_id"], mapped["zone_id"],
                                                               strict=True)))
    return out.drop_duplicates("commune_id").reset_index(drop=True)
