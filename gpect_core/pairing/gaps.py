"""What a person moving from one occupation to another has to learn, and where to learn it locally.

Skills to acquire: the target's core skills and knowledge (`skills.core` true) whose `skill_id` the origin's
skills (core or not) do not hold — ROME 4.0 « compétences » and « savoirs » of France Travail, as the pack
stores them. Local training: the pack's `training` programmes whose `occupation_codes` name the target and whose
zone holds the commune of the hiring firm.
"""

from __future__ import annotations

import pandas as pd


def skill_gaps(territory, links: pd.DataFrame) -> pd.DataFrame:
    """For `links` (columns from_code, to_code; str), the skills to acquire: columns from_code, to_code,
    gap_count (int64, the number of target core skills the origin lacks), gap_labels (list[str], by label).
    A target without skills in the pack has gap_count 0 and an empty list."""
    pairs = links[["from_code", "to_code"]].drop_duplicates().reset_index(drop=True)
    skills = territory.table("skills")
    if skills.empty or pairs.empty:
        return pairs.assign(gap_count=0, gap_labels=[[] for _ in range(len(pairs))])
    core = skills[skills["core"].fillna(False).astype(bool)][["occupation_code", "skill_id", "label"]]
    needed = pairs.merge(core.rename(columns={"occupation_code": "to_code"}), on="to_code")
    held = skills[["occupation_code", "skill_id"]].drop_duplicates().rename(columns={"occupation_code": "from_code"})
    needed = needed.merge(held.assign(held=True), on=["from_code", "skill_id"], how="left")
    missing = needed[needed["held"].isna()].sort_values("label")
    grouped = missing.groupby(["from_code", "to_code"])["label"].agg(list).rename("gap_labels").reset_index()
    out = pairs.merge(grouped, on=["from_code", "to_code"], how="left")
    out["gap_labels"] = [v if isinstance(v, list) else [] for v in out["gap_labels"]]
    out["gap_count"] = out["gap_labels"].map(len).astype("int64")
    return out[["from_code", "to_code", "gap_count", "gap_labels"]]


def local_training(territory, targets: pd.DataFrame, limit: int = 3) -> pd.Series:
    """For `targets` (columns to_code, to_commune; str), the titles of up to `limit` local programmes preparing
    each target (pd.Series of list[str], on targets' index), most places first, latest year of each programme."""
    training = territory.table("training")
    result = pd.Series([[] for _ in range(len(targets))], index=targets.index, dtype=object)
    if training.empty or targets.empty:
        return result
    latest = training.sort_values("year").drop_duplicates("program_id", keep="last")
    programmes = latest.assign(to_code=latest["occupation_codes"].fillna("").str.split()).explode("to_code")
    programmes = programmes[programmes["to_code"].isin(set(targets["to_code"]))]
    communes = territory.table("communes").set_index("commune_id")
    wanted = targets.reset_index()[["index", "to_code", "to_commune"]]
    rows = []
    for zoning, group in programmes.groupby("zoning"):
        column = f"zone_{zoning}" if f"zone_{zoning}" in communes.columns else zoning.lower()
        if column not in communes.columns:
            continue
        zone_of = wanted["to_commune"].map(communes[column])
        rows.append(wanted.assign(zone_id=zone_of).merge(
            group[["to_code", "zone_id", "title", "capacity"]], on=["to_code", "zone_id"]))
    if not rows:
        return result
    found = pd.concat(rows).sort_values(["capacity", "title"], ascending=[False, True], na_position="last")
    titles = found.drop_duplicates(["index", "title"]).groupby("index")["title"].agg(lambda s: list(s)[:limit])
    result.loc[titles.index] = titles
    return result
