"""Pair fragile jobs with hiring positions: candidates, cost, and one global min-cost assignment.

Method
------
1. Candidates. A fragile job of occupation A in commune c may move to a hiring position of occupation B in
   commune d when B = A (« même métier », score 1) or the pack's `bridges` table holds A → B (its `kind`, close
   or evolution, and its `score` 0–1), and the distance between c and d is at most `max_km` (see `geo.py`: km
   between the centroids of the communes' zones in the pack's finest zoning). Without a `bridges` table, only
   the same occupation is proposed. Distances come from a k-d tree (scipy.spatial.cKDTree) on the distinct
   communes; candidates from vectorised joins — never a loop over jobs.
2. Cost of a candidate (integer points, lower is better): an occupational part
   `round(weights.bridge × (1 − score) + weights.skill × skills to acquire)` — the number of target core skills
   the origin lacks (`gaps.skill_gaps`) stands for the training time — plus a travel part
   `round(weights.km × km)`.
3. Assignment, global and exact. Rows sharing a place and an occupation are interchangeable, so the solver works
   on groups: source → fragile group (place, occupation; capacity its headcount) → node (origin place, target
   occupation; occupational cost) → hiring group within max_km (travel cost) → sink (capacity its openings).
   The largest number of people that can be paired is found first (scipy.sparse.csgraph.maximum_flow); among
   the flows of that size, the least total cost by linear programming (scipy.optimize.linprog, HiGHS). The
   node–arc matrix of a flow network is totally unimodular, so the optimum is whole (checked). Group flows are
   then split among firms in order (any split has the same cost). Every headcount is respected on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import linprog
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import maximum_flow
from scipy.spatial import cKDTree

from ..errors import GpectError
from .gaps import local_training, skill_gaps
from .geo import arc_for, chord_for, commune_points, finest_zoning, unit_xyz

LINK_SAME = "same"
PAIR_COLUMNS = (
    "pair_id", "fragile_id", "hiring_id", "fragile_firm", "hiring_firm", "from_commune", "from_commune_name",
    "to_commune", "to_commune_name", "from_code", "from_label", "to_code", "to_label", "link", "bridge_score",
    "distance_km", "headcount", "skills_gap_count", "skills_to_acquire", "training", "cost",
)


@dataclass(frozen=True)
class Weights:
    """Points of the cost: `bridge` for a bridge of score 0 (× (1 − score)), `km` per kilometre, `skill` per
    target core skill to acquire."""

    bridge: float = 100.0
    km: float = 1.0
    skill: float = 5.0


@dataclass
class Pairing:
    """The result of `pair_jobs`. `pairs` has PAIR_COLUMNS (one row per fragile row × hiring row paired,
    `headcount` int64 people); `candidates` the number of candidate links; the totals are people."""

    pairs: pd.DataFrame
    candidates: int
    fragile_total: int
    hiring_total: int
    max_km: float
    zoning: str | None

    @property
    def paired(self) -> int:
        """People paired (int)."""
        return int(self.pairs["headcount"].sum()) if not self.pairs.empty else 0

    @property
    def total_cost(self) -> int:
        """Sum of cost × headcount over the pairs (int)."""
        return int((self.pairs["cost"] * self.pairs["headcount"]).sum()) if not self.pairs.empty else 0


def occupation_links(territory, codes) -> pd.DataFrame:
    """The moves allowed from the occupations `codes`: columns from_code, to_code, link (« same », « close »,
    « evolution »), score (float64, 1 for the same occupation). From the pack's `bridges` when it has rows."""
    codes = pd.Series(sorted(set(codes)), dtype=object)
    same = pd.DataFrame({"from_code": codes, "to_code": codes, "link": LINK_SAME, "score": 1.0})
    bridges = territory.table("bridges")
    if bridges.empty:
        return same
    bridges = bridges[bridges["from_code"].isin(set(codes)) & (bridges["from_code"] != bridges["to_code"])]
    moves = pd.DataFrame({"from_code": bridges["from_code"].astype(str), "to_code": bridges["to_code"].astype(str),
                          "link": bridges["kind"].astype(str), "score": bridges["score"].astype(float)})
    return pd.concat([same, moves], ignore_index=True).drop_duplicates(["from_code", "to_code"])


def _groups(rows: pd.DataFrame, where: pd.Series) -> pd.DataFrame:
    """Rows with their place (int, row of `commune_points`) and group id (one per place × occupation)."""
    frame = pd.DataFrame({"row": np.arange(len(rows)), "place": rows["commune_id"].map(where).to_numpy(),
                          "code": rows["occupation_code"].to_numpy(), "qty": rows["headcount"].to_numpy(np.int64)})
    frame = frame.dropna(subset=["place"]).astype({"place": "int64"})
    frame["group"] = frame.groupby(["place", "code"], sort=True).ngroup()
    return frame


def _split(a: pd.DataFrame, b: pd.DataFrame, key: str) -> pd.DataFrame:
    """Match the quantities of `a` (columns key, ida, qty) with those of `b` (key, idb, qty) within each key, in
    order (cumulative intervals that overlap): rows key, ida, idb, qty. Quantities are interchangeable inside a
    key, so any such split keeps the cost of the flow."""
    a = a[a["qty"] > 0].assign(end=lambda d: d.groupby(key)["qty"].cumsum())
    b = b[b["qty"] > 0].assign(end=lambda d: d.groupby(key)["qty"].cumsum())
    m = a.merge(b, on=key, suffixes=("_a", "_b"))
    low = np.maximum(m["end_a"] - m["qty_a"], m["end_b"] - m["qty_b"])
    qty = np.minimum(m["end_a"], m["end_b"]) - low
    return m.assign(qty=qty)[qty > 0][[key, "ida", "idb", "qty"]]


def solve_network(fg: pd.DataFrame, hg: pd.DataFrame, e1: pd.DataFrame, e2: pd.DataFrame) -> tuple:
    """Min-cost max-flow on the network S → fragile groups (fg: gid, qty) → e1 (gid, x, cost) → x (origin place ×
    target occupation) → e2 (x, hid, cost) → hiring groups (hg: hid, qty) → T. Returns the flows on e1 and e2
    (int64 arrays). Maximum flow first (scipy.sparse.csgraph.maximum_flow), then the least cost at that flow
    (scipy.optimize.linprog, HiGHS; the node–arc matrix is totally unimodular, so the optimum is whole)."""
    nf, nh, nx, n1, n2 = len(fg), len(hg), int(e2["x"].max()) + 1, len(e1), len(e2)
    s, t = nf + nx + nh, nf + nx + nh + 1
    rows = np.concatenate([np.full(nf, s), e1["gid"], nf + e2["x"], nf + nx + np.arange(nh)])
    cols = np.concatenate([np.arange(nf), nf + e1["x"], nf + nx + e2["hid"], np.full(nh, t)])
    big = int(max(fg["qty"].sum(), 1))
    caps = np.concatenate([fg["qty"], np.full(n1, big), np.full(n2, big), hg["qty"]]).astype(np.int32)
    total = int(maximum_flow(csr_matrix((caps, (rows, cols)), shape=(t + 1, t + 1)), s, t).flow_value)
    if total == 0:
        return np.zeros(n1, np.int64), np.zeros(n2, np.int64)
    v1, v2 = np.arange(n1), n1 + np.arange(n2)
    a_ub = coo_matrix((np.ones(n1 + n2), (np.concatenate([e1["gid"], nf + e2["hid"]]), np.concatenate([v1, v2]))),
                      shape=(nf + nh, n1 + n2)).tocsr()
    a_eq = coo_matrix((np.concatenate([np.ones(n1), -np.ones(n2), np.ones(n2)]),
                       (np.concatenate([e1["x"], e2["x"], np.full(n2, nx)]), np.concatenate([v1, v2, v2]))),
                      shape=(nx + 1, n1 + n2)).tocsr()
    b_eq = np.zeros(nx + 1)
    b_eq[nx] = total
    result = linprog(np.concatenate([e1["cost"], e2["cost"]]).astype(float), A_ub=a_ub,
                     b_ub=np.concatenate([fg["qty"], hg["qty"]]).astype(float), A_eq=a_eq, b_eq=b_eq,
                     bounds=(0, None), method="highs-ipm")
    if result.status != 0:
        raise GpectError(f"Le calcul de l'appariement n'a pas abouti ({result.message}).")
    flows = np.rint(result.x).astype(np.int64)
    if np.abs(result.x - flows).max() > 1e-6:
        raise GpectError("Le calcul de l'appariement a rendu une solution non entière ; rien n'est proposé.")
    return flows[:n1], flows[n1:]


def pair_jobs(fragile: pd.DataFrame, hiring: pd.DataFrame, territory, max_km: float,
              weights: Weights = Weights()) -> Pairing:
    """Pair the fragile rows with the hiring rows (both as `reader.read_list` returns them) within `max_km`
    km, by the method of the module docstring. Each pair carries its skills to acquire (labels joined by
    « ; ») and up to three local programmes preparing the target (titles joined by « ; »). Raises GpectError
    (French) for a negative distance."""
    if max_km < 0:
        raise GpectError(f"La distance maximale doit être positive ou nulle (reçu : {max_km}).")
    fragile, hiring = fragile.reset_index(drop=True), hiring.reset_index(drop=True)
    points = commune_points(territory)
    # A place is a distinct point: the communes of one zone share its centroid, hence one node of the network.
    place = points.groupby(["lon", "lat"], sort=True).ngroup().to_numpy()
    where = pd.Series(place, index=points["commune_id"].to_numpy())
    spots = points.groupby(place)[["lon", "lat"]].first()
    fr, hr = _groups(fragile, where), _groups(hiring, where)
    pairing = Pairing(pd.DataFrame(columns=list(PAIR_COLUMNS)), 0, int(fragile["headcount"].sum()),
                      int(hiring["headcount"].sum()), float(max_km), finest_zoning(territory))
    if fr.empty or hr.empty:
        return pairing
    fg = fr.groupby("group").agg(place=("place", "first"), code=("code", "first"), qty=("qty", "sum")).reset_index()
    hg = hr.groupby("group").agg(place=("place", "first"), code=("code", "first"), qty=("qty", "sum")).reset_index()
    # Distances between the distinct places only (k-d tree on the sphere).
    f_places, h_places = np.unique(fg["place"]), np.unique(hg["place"])
    xyz = unit_xyz(spots["lon"].to_numpy(), spots["lat"].to_numpy())
    near = cKDTree(xyz[f_places]).sparse_distance_matrix(cKDTree(xyz[h_places]), chord_for(max_km) + 1e-9,
                                                         output_type="ndarray")
    dist = pd.DataFrame({"from_place": f_places[near["i"]], "to_place": h_places[near["j"]],
                         "km": arc_for(near["v"])})
    dist = dist[dist["km"] <= max_km + 1e-6]
    links = occupation_links(territory, fg["code"]).rename(columns={"from_code": "code"})
    gaps = skill_gaps(territory, links.rename(columns={"code": "from_code"}))
    links = links.merge(gaps.rename(columns={"from_code": "code"}), on=["code", "to_code"], how="left")
    links["cost"] = np.rint(weights.bridge * (1 - links["score"]) + weights.skill * links["gap_count"]).astype("int64")
    e1 = fg.rename(columns={"group": "gid"}).merge(links, on="code")
    # x: an origin place × a target occupation, the node where occupational and travel costs meet.
    e2 = e1[["place", "to_code"]].drop_duplicates().rename(columns={"place": "from_place"}).merge(
        dist, on="from_place").merge(hg.rename(columns={"group": "hid", "place": "to_place", "code": "to_code"}),
                                     on=["to_place", "to_code"])
    if e2.empty:
        return pairing
    e2["x"] = e2.groupby(["from_place", "to_code"]).ngroup()
    xs = e2[["from_place", "to_code", "x"]].drop_duplicates()
    e1 = e1.merge(xs.rename(columns={"from_place": "place"}), on=["place", "to_code"])
    e2["cost"] = np.rint(weights.km * e2["km"]).astype("int64")
    y, z = solve_network(fg[["qty"]], hg[["qty"]], e1, e2)
    pairing.candidates = len(e1) + len(e2)
    if not z.any():
        return pairing
    e1, e2 = e1.assign(qty=y)[y > 0], e2.assign(qty=z)[z > 0]
    # Back from groups to firms: through each x node, then inside each group (any split keeps the cost).
    through = _split(e1.rename(columns={"gid": "ida"})[["x", "ida", "qty"]],
                     e2.rename(columns={"hid": "idb"})[["x", "idb", "qty"]], "x")
    through = through.rename(columns={"ida": "gid", "idb": "hid"}).reset_index(drop=True)
    through["leg"] = np.arange(len(through))
    legs = _split(through.rename(columns={"leg": "ida"})[["gid", "ida", "qty"]],
                  fr.rename(columns={"group": "gid", "row": "idb"})[["gid", "idb", "qty"]], "gid")
    legs = legs.rename(columns={"ida": "leg", "idb": "f"}).merge(through[["leg", "x", "hid"]], on="leg")
    legs["unit"] = np.arange(len(legs))
    units = _split(legs.rename(columns={"unit": "ida"})[["hid", "ida", "qty"]],
                   hr.rename(columns={"group": "hid", "row": "idb"})[["hid", "idb", "qty"]], "hid")
    chosen = units.rename(columns={"ida": "unit", "idb": "h", "qty": "headcount"}).merge(
        legs[["unit", "f", "x"]], on="unit")
    chosen["from_code"] = fragile["occupation_code"].to_numpy()[chosen["f"]]
    chosen["to_code"] = hiring["occupation_code"].to_numpy()[chosen["h"]]
    occupational = links[["code", "to_code", "link", "score", "gap_count", "cost"]].rename(
        columns={"code": "from_code", "cost": "cost1"})
    chosen = chosen.merge(occupational, on=["from_code", "to_code"]).merge(
        e2[["x", "hid", "km", "cost"]].rename(columns={"cost": "cost2"}), on=["x", "hid"])
    chosen["cost"] = chosen["cost1"] + chosen["cost2"]
    chosen = chosen.groupby(["f", "h"], as_index=False).agg(
        from_code=("from_code", "first"), to_code=("to_code", "first"), link=("link", "first"),
        score=("score", "first"), km=("km", "first"), gap_count=("gap_count", "first"), cost=("cost", "first"),
        headcount=("headcount", "sum"))
    pairing.pairs = describe_pairs(chosen, fragile, hiring, territory)
    return pairing


def describe_pairs(chosen: pd.DataFrame, fragile: pd.DataFrame, hiring: pd.DataFrame, territory) -> pd.DataFrame:
    """The pairs table (PAIR_COLUMNS) of chosen links (columns of `candidates` plus headcount)."""
    if chosen.empty:
        return pd.DataFrame(columns=list(PAIR_COLUMNS))
    names = territory.table("communes").set_index("commune_id")["name"]
    occupations = territory.table("occupations")
    labels = occupations.drop_duplicates("code").set_index("code")["label"]
    origin, target = fragile.iloc[chosen["f"]].reset_index(drop=True), hiring.iloc[chosen["h"]].reset_index(drop=True)
    out = pd.DataFrame({
        "fragile_id": origin["entry_id"], "hiring_id": target["entry_id"],
        "fragile_firm": origin["firm"], "hiring_firm": target["firm"],
        "from_commune": origin["commune_id"], "from_commune_name": origin["commune_id"].map(names),
        "to_commune": target["commune_id"], "to_commune_name": target["commune_id"].map(names),
        "from_code": chosen["from_code"], "from_label": chosen["from_code"].map(labels),
        "to_code": chosen["to_code"], "to_label": chosen["to_code"].map(labels),
        "link": chosen["link"], "bridge_score": chosen["score"].round(3),
        "distance_km": chosen["km"].round(1), "headcount": chosen["headcount"].astype("int64"),
        "skills_gap_count": chosen["gap_count"].astype("int64"),
    })
    gaps = skill_gaps(territory, out).set_index(["from_code", "to_code"])["gap_labels"]
    out["skills_to_acquire"] = [" ; ".join(gaps.get((a, b), [])) for a, b in zip(out["from_code"], out["to_code"],
                                                                                  strict=True)]
    titles = local_training(territory, out[["to_code", "to_commune"]])
    out["training"] = titles.map(" ; ".join)
    out["cost"] = chosen["cost"].astype("int64")
    out["pair_id"] = out["fragile_id"] + ">" + out["hiring_id"]
    return out[list(PAIR_COLUMNS)].sort_values(["from_commune", "fragile_id", "cost"]).reset_index(drop=True)
