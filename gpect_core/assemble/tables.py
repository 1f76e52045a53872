"""The canonical tables other than zones and recruitment: tension, context, occupations and their links,
ROME skills, training offer (decoded by the BCN, linked to ROME codes by Certif Info), communes.

Each function takes `src` (a `provenance.Sources`) and returns the table (columns of `gpect_core.schema`)
or None when no file gives it; what it leaves out is said in `src.report`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import geo
from . import offpack
from .report import n

TRAINING_COLUMNS = ["program_id", "title", "provider", "zoning", "zone_id", "occupation_codes", "level", "capacity",
                    "demand", "enrolled", "graduates", "employment_rate", "year", "kind", "mef_stat_11"]
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
    """DARES and France Travail tension rows; where a long series and a detailed file give the same figure, the
    detailed row (class, components) is kept. Rows on zones the pack lacks are kept (`offpack` rule, said in the report)."""
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
    return frame


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
    """Training rows with every column of the table (absent counts Int64 null, rate Float64 null, texts None)
    and a title by `training_title`."""
    frame = frame.copy()
    for column in ("enrolled", "graduates", "capacity", "demand"):
        if column not in frame:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    for column in ("provider", "occupation_codes", "level"):
        if column not in frame:
            frame[column] = None
    if "employment_rate" not in frame:
        frame["employment_rate"] = pd.Series(np.nan, index=frame.index, dtype="Float64")
    frame["title"] = training_title(frame)
    return frame


def training(src, zones) -> pd.DataFrame | None:
    """The training offer (TRAINING_COLUMNS) of the Affelnet and Parcoursup files: titles and levels from the
    BCN (MEF → diploma → level) when its tables are there, ROME codes from Certif Info, rows in départements
    the pack lacks left out (said in the report)."""
    frame = concat(src, "training_raw", "training", ["program_id", "year"])
    if frame is None:
        return None
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
            frame["level"] = frame["level"].where(frame["level"] != "", frame["level_label"])
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
    frame = offpack.apply_rule("training", frame, zones, src.report.add, "formations")
    for column in ("enrolled", "graduates"):
        frame[column] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    frame["employment_rate"] = pd.Series(np.nan, index=frame.index, dtype="Float64")
    return frame[TRAINING_COLUMNS].reset_index(drop=True)


def communes(src, chosen: dict) -> pd.DataFrame | None:
    """The communes table: commune_id, name, dep, reg, epci (str or None), population (Int64) and, for each
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
    for zoning, (p, h, frame) in chosen.items():
        src.use("communes", p, h)
        mapped, _, _ = geo.apply_passage(frame, None, None)
        out[f"zone_{zoning}"] = out["commune_id"].map(dict(zip(mapped["commune_id"], mapped["zone_id"],
                                                               strict=True)))
    return out.drop_duplicates("commune_id").reset_index(drop=True)
