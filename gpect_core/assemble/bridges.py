"""The `bridges` table (passerelles between ROME occupations), built once per pack by the assembler.

Method (also stated on the « Passerelles » page):

- **items** of an occupation: its rows of the pack table `skills` of kind `competence` (savoir-faire) or
  `savoir` (knowledge); soft skills (`savoir_etre`) are left out. An item weighs `CORE_WEIGHT` (1) when it is
  core to the occupation (`core` true: ROME 4.0 `coeur_metier` « Principale »), `OTHER_WEIGHT` (0.5) otherwise;
- **score** of a pair (A, B): the weighted Jaccard index of their items, Σₖ min(aₖ, bₖ) / Σₖ max(aₖ, bₖ), between 0
  (nothing in common) and 1 (the same items with the same weights); symmetric. As weights are 0, ½ or 1 and
  core ⊂ all, Σ min = ½·|A ∩ B| + ½·|core A ∩ core B| and Σ max = wA + wB − Σ min: two sparse products X·Xᵀ of
  the occupation × item incidence matrices (scipy.sparse) give every pair at once;
- **pairs kept**: every ROME mobility (`occupation_links` kind `mobility`, whatever its score), and, for each
  origin, the `TOP_K` most similar other occupations whose score is at least `MIN_SCORE`;
- **kind**: `close` / `evolution` when the mobility file says so (ROME v3 layout, `code_type_mobilite` 1 / 2,
  read into `occupation_links.mobility_kind`); `mobility` when it does not (the ROME 4.0 v460 CSV
  `unix_rubrique_mobilite` gives only an order number, no type); `skills` for a pair found by the score alone.
- **skills to acquire** (`indicators.bridges.skills_to_acquire`): the target's core items the origin does not
  have at all (neither core nor other).

Columns (schema `bridges`): from_code, to_code (ROME codes), kind, source (text), score (Float64, 0–1, <NA>
when one side has no item), shared_core (Int64, core items of the target the origin has), to_core (Int64, core
items of the target).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

MIN_SCORE = 0.2
TOP_K = 10
CORE_WEIGHT, OTHER_WEIGHT = 1.0, 0.5
ITEM_KINDS = ("competence", "savoir")
SKILLS_SOURCE = "ROME 4.0 (compétences et savoirs communs, indice de Jaccard pondéré)"
BRIDGE_COLUMNS = ["from_code", "to_code", "kind", "source", "score", "shared_core", "to_core"]
MOBILITY_KINDS = {"1": "close", "2": "evolution", "proche": "close", "evolution": "evolution",
                  "évolution": "evolution", "close": "close"}


def items_of(skills: pd.DataFrame | None) -> pd.DataFrame:
    """The (occupation_code, skill_id, label, core) rows of the skills and knowledge the score uses (module
    docstring): kinds `competence` and `savoir`, core as a plain bool (missing = not core)."""
    if skills is None or skills.empty:
        return pd.DataFrame({"occupation_code": pd.Series(dtype=str), "skill_id": pd.Series(dtype=str),
                             "label": pd.Series(dtype=str), "core": pd.Series(dtype=bool)})
    rows = skills[skills["kind"].isin(ITEM_KINDS)]
    return pd.DataFrame({"occupation_code": rows["occupation_code"].astype(str),
                         "skill_id": rows["skill_id"].astype(str), "label": rows["label"],
                         "core": rows["core"].fillna(False).astype(bool)}).drop_duplicates(
        ["occupation_code", "skill_id"]).reset_index(drop=True)


def _incidence(items: pd.DataFrame, codes: pd.Index) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """(all items, core items): 0/1 occupation × item matrices."""
    rows = codes.get_indexer(items["occupation_code"])
    ids = pd.Index(items["skill_id"].unique())
    cols = ids.get_indexer(items["skill_id"])
    core = items["core"].to_numpy(dtype=bool)
    shape = (len(codes), len(ids))
    every = sparse.csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=shape)
    cores = sparse.csr_matrix((np.ones(int(core.sum()), dtype=np.float64), (rows[core], cols[core])), shape=shape)
    return every, cores


def _mobility_kind(links: pd.DataFrame) -> pd.Series:
    if "mobility_kind" not in links:
        return pd.Series("mobility", index=links.index)
    raw = links["mobility_kind"].astype("string").str.strip().str.lower()
    return raw.map(MOBILITY_KINDS).fillna("mobility")


def build_bridges(links: pd.DataFrame | None, skills: pd.DataFrame | None, min_score: float = MIN_SCORE,
                  top_k: int = TOP_K) -> pd.DataFrame | None:
    """The `bridges` table (`BRIDGE_COLUMNS`) from the pack tables `occupation_links` and `skills` (method in
    the module docstring), sorted by origin then score (highest first); None when the pack has neither ROME
    mobilities nor skills."""
    mob = pd.DataFrame(columns=["from_code", "to_code", "kind", "source"])
    if links is not None and not links.empty:
        rows = links[(links["kind"] == "mobility") & (links["from_system"] == "ROME4")
                     & (links["to_system"] == "ROME4") & (links["from_code"] != links["to_code"])]
        mob = pd.DataFrame({"from_code": rows["from_code"].astype(str), "to_code": rows["to_code"].astype(str),
                            "kind": _mobility_kind(rows), "source": rows["source"].fillna("ROME 4.0 (mobilités)")})
        mob = mob.drop_duplicates(["from_code", "to_code"]).reset_index(drop=True)
    items = items_of(skills)
    if mob.empty and items.empty:
        return None
    codes = pd.Index(sorted(set(items["occupation_code"]) | set(mob["from_code"]) | set(mob["to_code"])))
    every, cores = _incidence(items, codes)
    n_all = np.asarray(every.sum(axis=1)).ravel()
    n_core = np.asarray(cores.sum(axis=1)).ravel()
    weight = OTHER_WEIGHT * n_all + (CORE_WEIGHT - OTHER_WEIGHT) * n_core
    overlap = (OTHER_WEIGHT * (every @ every.T) + (CORE_WEIGHT - OTHER_WEIGHT) * (cores @ cores.T)).tocoo()
    i, j, low = overlap.row, overlap.col, overlap.data
    off = i != j
    i, j, low = i[off], j[off], low[off]
    score = low / (weight[i] + weight[j] - low)
    keep = score >= min_score
    similar = pd.DataFrame({"i": i[keep], "j": j[keep], "score": score[keep]})
    similar = similar.sort_values(["i", "score", "j"], ascending=[True, False, True]).groupby("i").head(top_k)
    similar = pd.DataFrame({"from_code": codes[similar["i"]], "to_code": codes[similar["j"]], "kind": "skills",
                            "source": SKILLS_SOURCE})
    out = pd.concat([mob, similar], ignore_index=True).drop_duplicates(["from_code", "to_code"], keep="first")
    a, b = codes.get_indexer(out["from_code"]), codes.get_indexer(out["to_code"])
    low_ab = np.asarray((OTHER_WEIGHT * every[a].multiply(every[b])
                         + (CORE_WEIGHT - OTHER_WEIGHT) * cores[a].multiply(cores[b])).sum(axis=1)).ravel()
    union = weight[a] + weight[b] - low_ab
    known = (weight[a] > 0) & (weight[b] > 0)
    out["score"] = pd.array(np.where(known, low_ab / np.where(union > 0, union, 1), np.nan), dtype="Float64")
    shared = np.asarray(every[a].multiply(cores[b]).sum(axis=1)).ravel()
    out["shared_core"] = pd.array(shared.astype(np.int64), dtype="Int64")
    out["to_core"] = pd.array(n_core[b].astype(np.int64), dtype="Int64")
    out["kind"] = out["kind"].astype(str)
    return out[BRIDGE_COLUMNS].sort_values(["from_code", "score", "to_code"], ascending=[True, False, True],
                                           na_position="last").reset_index(drop=True)


def bridges_line(frame: pd.DataFrame) -> str:
    """The build report's line: « passerelles : N paires (mobilités ROME M, par compétences S) »."""
    from .report import n
    counts = frame["kind"].value_counts()
    mob = int(counts.drop("skills", errors="ignore").sum())
    return (f"passerelles : {n(len(frame))} paires ({n(mob)} mobilités ROME, {n(counts.get('skills', 0))} par "
            f"compétences et savoirs communs : indice de Jaccard pondéré ≥ {MIN_SCORE:.2f}".replace(".", ",")
            + f", {TOP_K} au plus par métier)")
