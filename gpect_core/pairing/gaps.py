"""What a person moving from one occupation to another has to learn, and where to learn it locally.

Skills to acquire: the target's core skills and knowledge (`skills.core` true) whose `skill_id` the origin's
skills (core or not) do not hold — ROME 4.0 « compétences » and « savoirs » of France Travail, as the pack
stores them; the same index as the « Passerelles » page (`indicators.bridges.skill_index`). Local training: the
programmes of `indicators.training_needs.programme_links` (the pack's `training`, one row per programme with its
latest published figures, linked to ROME codes by Certif Info) that prepare the target and whose zone holds the
commune of the hiring firm.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..indicators.bridges import skill_index
from ..indicators.training_needs import programme_links


def skill_gaps(territory, links: pd.DataFrame) -> pd.DataFrame:
    """For `links` (columns from_code, to_code; str), the skills to acquire: columns from_code, to_code,
    gap_count (int64, the number of target core skills the origin lacks), gap_labels (list[str], by label).
    A target without skills in the pack has gap_count 0 and an empty list."""
    pairs = links[["from_code", "to_code"]].drop_duplicates().reset_index(drop=True)
    skills = territory.tables.get("skills")
    if skills is None or skills.empty or pairs.empty:
        return pairs.assign(gap_count=0, gap_labels=[[] for _ in range(len(pairs))])
    index = skill_index(territory)
    core = index["core"][["occupation_code", "skill_id", "label"]].rename(columns={"occupation_code": "to_code"})
    needed = pairs.merge(core, on="to_code")
    held = index["items"][["occupation_code", "skill_id"]].rename(columns={"occupation_code": "from_code"})
    needed = needed.merge(held.assign(held=True), on=["from_code", "skill_id"], how="left")
    missing = needed[needed["held"].isna()].sort_values("label")
    grouped = missing.groupby(["from_code", "to_code"])["label"].agg(list).rename("gap_labels").reset_index()
    out = pairs.merge(grouped, on=["from_code", "to_code"], how="left")
    out["gap_labels"] = [v if isinstance(v, list) else [] for v in out["gap_labels"]]
    out["gap_count"] = out["gap_labels"].map(len).astype("int64")
    return out[["from_code", "to_code", "gap_count", "gap_labels"]]


def local_training(territory, targets: pd.DataFrame, limit: int = 3) -> pd.Series:
    """For `targets` (columns to_code, to_commune; str), the titles of up to `limit` local programmes preparing
    each target (pd.Series of list[str], on targets' index), most places first (latest published places)."""
    result = pd.Series([[] for _ in range(len(targets))], index=targets.index, dtype=object)
    training = territory.tables.get("training")
    if training is None or training.empty or targets.empty:
        return result
    programmes, links = programme_links(territory)
    links = links[links["occupation_code"].isin(set(targets["to_code"]))]
    found = links.rename(columns={"occupation_code": "to_code"}).merge(
        programmes[["program_id", "title", "zoning", "zone_id", "capacity"]], on="program_id")
    communes = territory.table("communes").set_index("commune_id")
    # once per distinct target and commune (many pairs share them), then given back to every pair
    keys = targets[["to_code", "to_commune"]].astype(str)
    wanted = keys.drop_duplicates().reset_index(drop=True)
    wanted.insert(0, "index", np.arange(len(wanted)))
    rows = []
    for zoning, group in found.groupby("zoning"):
        column = f"zone_{zoning}" if f"zone_{zoning}" in communes.columns else str(zoning).lower()
        if column not in communes.columns:
            continue
        zone_of = wanted["to_commune"].map(communes[column])
        rows.append(wanted.assign(zone_id=zone_of).merge(
            group[["to_code", "zone_id", "title", "capacity"]], on=["to_code", "zone_id"]))
    if not rows:
        return result
    found = pd.concat(rows).sort_values(["capacity", "title"], ascending=[False, True], na_position="last")
    found = found.drop_duplicates(["index", "title"]).groupby("index").head(limit)
    titles = found.groupby("index")["title"].agg(list).reindex(np.arange(len(wanted)))
    at = pd.MultiIndex.from_frame(wanted[["to_code", "to_commune"]]).get_indexer(pd.MultiIndex.from_frame(keys))
    lists = titles.to_numpy(dtype=object)[at]
    return pd.Series([v if isinstance(v, list) else [] for v in lists], index=targets.index, dtype=object)
