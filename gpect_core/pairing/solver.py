"""Pair fragile jobs with hiring positions: candidates, cost, and one global min-cost assignment.

Method
------
1. Candidates. A fragile job of occupation A in commune c may move to a hiring position of occupation B in
   commune d when B = A (« même métier », score 1) or the pack's `bridges` table holds A → B (its `kind`, close
   or evolution, and its `score` 0–1), and either the distance between c and d is at most `max_km` (see
   `geo.py`: km between the communes' centroids; a commune without coordinates, or a row known only by its
   zone, at its zone's centroid, and the pair says so), or — `basins` « same » / « neighbours » — d lies in the
   basin of c or in a basin sharing a border with it (`geo.neighbours`). Without a `bridges` table, only the
   same occupation is proposed. Distances come from a k-d tree (scipy.spatial.cKDTree) on the distinct places;
   candidates from vectorised joins — never a loop over jobs.
2. Cost of a candidate (integer points, lower is better): an occupational part
   `round(weights.bridge × (1 − score) + weights.skill × skills to acquire)` — the number of target core skills
   the origin lacks (`gaps.skill_gaps`) stands for the training time — plus a travel part
   `round(weights.km × km)`.
3. Assignment, global and exact: the most people paired, then the least total cost; every headcount respected
   on both sides. Rows sharing a place and an occupation are interchangeable, so candidates are found on groups:
   fragile group (place, occupation) → node (origin place, target occupation; occupational cost) → hiring group
   reachable from that place (travel cost). Then, person by person: each fragile person a row, each open
   position a column, a link where the groups allow it, plus an « unpaired » column per person dearer than any
   sum of links; the minimum-weight full bipartite matching (scipy.sparse.csgraph.
   min_weight_full_bipartite_matching, LAPJVsp) is that optimum. Lists too large to expand person by person
   (more than `MAX_UNIT_LINKS` links) are solved on the group network instead: the largest flow first
   (scipy.sparse.csgraph.maximum_flow), then the least cost at that flow by linear programming
   (scipy.optimize.linprog, HiGHS; the node–arc matrix is totally unimodular, so the optimum is whole — checked),
   group flows split among firms in order (any split has the same cost).
4. Decided pairs (`decided`, the stored pairs of `store.PairingStore.pairs_frame`) are fixed before the
   assignment: an « accepté » pair whose two rows are still listed keeps its headcount, reserved on its fragile
   row and on its hiring row (the assignment gets the remaining headcounts), and appears in the result with its
   stored figures (headcount, distance, cost) whatever the distance rule; the link of a decided pair (« accepté »
   or « refusé ») is never proposed again: each row of such a link stands at a place of its own (a copy of its
   point), and the link between the two places is cut before the assignment, which stays exact.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from scipy.optimize import linprog
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import maximum_flow, min_weight_full_bipartite_matching
from scipy.spatial import cKDTree

from ..errors import GpectError
from .gaps import local_training, skill_gaps
from .geo import arc_for, chord_for, finest_zoning, neighbours, row_points, unit_xyz

LINK_SAME = "same"
PAIR_COLUMNS = (
    "pair_id", "fragile_id", "hiring_id", "fragile_firm", "hiring_firm", "from_commune", "from_commune_name",
    "to_commune", "to_commune_name", "from_code", "from_label", "to_code", "to_label", "link", "bridge_score",
    "distance_km", "headcount", "skills_gap_count", "skills_to_acquire", "training", "cost", "from_located",
    "to_located", "from_lon", "from_lat", "to_lon", "to_lat",
)
BASIN_MODES = ("same", "neighbours")


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
    `headcount` int64 people; from_located / to_located « commune » when the distance starts or ends at the
    commune's own centroid, else the zoning whose zone centroid stood in for it); `candidates` the number of
    candidate links; the totals are people. `basins` is None (distance limit `max_km`) or « same » /
    « neighbours » (basins of `zoning`)."""

    pairs: pd.DataFrame
    candidates: int
    fragile_total: int
    hiring_total: int
    max_km: float | None
    zoning: str | None
    basins: str | None = None

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


def _groups(rows: pd.DataFrame, place: np.ndarray) -> pd.DataFrame:
    """Rows with their place (int, -1 when placed nowhere) and group id (one per place × occupation)."""
    frame = pd.DataFrame({"row": np.arange(len(rows)), "place": place,
                          "code": rows["occupation_code"].to_numpy(), "qty": rows["headcount"].to_numpy(np.int64)})
    frame = frame[frame["place"] >= 0]
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


def _basin_of(territory, rows: pd.DataFrame, points: pd.DataFrame, zoning: str) -> np.ndarray:
    """The zone of `zoning` holding each row: its commune's (pack table `communes`), its own zone when the row is
    known by a zone of that zoning, else the zone whose polygon holds its point ('' when none)."""
    communes = territory.table("communes")
    column = f"zone_{zoning}"
    memo = territory.__dict__.setdefault("_gpect_pairing_zone_of", {})
    if memo.get("key") != (column, id(communes)):
        memo.update(key=(column, id(communes)), zone_of=dict(zip(
            communes["commune_id"].to_numpy(dtype=object).astype(str),
            communes[column].to_numpy(dtype=object).astype(str), strict=True)) if column in communes else {})
    zone_of = memo["zone_of"]
    basin = rows["commune_id"].fillna("").astype(str).map(zone_of).fillna("")
    if {"zoning", "zone_id"} <= set(rows.columns):
        own = (rows["zoning"] == zoning) & rows["zone_id"].notna() & (basin == "")
        basin = basin.where(~own, rows["zone_id"].astype(str))
    lost = (basin == "") & points["lon"].notna()
    if lost.any():
        zones = territory.zones_of(zoning)
        where = shapely.points(points.loc[lost, "lon"].to_numpy(), points.loc[lost, "lat"].to_numpy())
        hit, zone = shapely.STRtree(zones.geometry.to_numpy()).query(where, predicate="within")
        found = pd.Series(zones["zone_id"].astype(str).to_numpy()[zone], index=points.index[lost][hit])
        basin.loc[found.index] = found[~found.index.duplicated()]
    return basin.to_numpy(dtype=object)


def _places(territory, fragile: pd.DataFrame, hiring: pd.DataFrame, zoning: str | None):
    """(place of each fragile row, of each hiring row (int arrays, -1 when placed nowhere), the places: frame of
    lon, lat, basin indexed by place, how each fragile row and each hiring row is located (object arrays:
    « commune » or a zoning)). A place is a distinct point (and basin, with `zoning`)."""
    pf, ph = row_points(territory, fragile), row_points(territory, hiring)
    if zoning:
        pf["basin"], ph["basin"] = _basin_of(territory, fragile, pf, zoning), _basin_of(territory, hiring, ph, zoning)
    else:
        pf["basin"], ph["basin"] = "", ""
    both = pd.concat([pf, ph], ignore_index=True)
    ok = both["lon"].notna() & both["lat"].notna() & (both["basin"] != "" if zoning else True)
    place = np.full(len(both), -1, dtype=np.int64)
    place[ok.to_numpy()] = both[ok].groupby(["lon", "lat", "basin"], sort=True).ngroup().to_numpy()
    spots = both[ok].assign(place=place[ok.to_numpy()]).groupby("place")[["lon", "lat", "basin"]].first()
    located = both["located"].fillna("").to_numpy(dtype=object)
    return place[: len(fragile)], place[len(fragile):], spots, (located[: len(fragile)], located[len(fragile):])


def _reachable(spots: pd.DataFrame, f_places: np.ndarray, h_places: np.ndarray, max_km: float | None,
               basins: str | None, near: pd.DataFrame | None) -> pd.DataFrame:
    """Pairs of places (from_place, to_place, km) a person may travel between: within `max_km` (k-d tree on the
    sphere), or in the same / neighbouring basins (`near`: zone_a, zone_b)."""
    xyz = unit_xyz(spots["lon"].to_numpy(), spots["lat"].to_numpy())
    position = pd.Series(np.arange(len(spots)), index=spots.index)
    if basins is None:
        a, b = xyz[position[f_places].to_numpy()], xyz[position[h_places].to_numpy()]
        found = cKDTree(a).sparse_distance_matrix(cKDTree(b), chord_for(max_km) + 1e-9, output_type="ndarray")
        dist = pd.DataFrame({"from_place": f_places[found["i"]], "to_place": h_places[found["j"]],
                             "km": arc_for(found["v"])})
        return dist[dist["km"] <= max_km + 1e-6]
    allowed = near if basins == "neighbours" else near[near["zone_a"] == near["zone_b"]]
    left = pd.DataFrame({"from_place": f_places, "zone_a": spots.loc[f_places, "basin"].to_numpy()})
    right = pd.DataFrame({"to_place": h_places, "zone_b": spots.loc[h_places, "basin"].to_numpy()})
    dist = left.merge(allowed, on="zone_a").merge(right, on="zone_b")[["from_place", "to_place"]]
    chord = np.linalg.norm(xyz[position[dist["from_place"]].to_numpy()] - xyz[position[dist["to_place"]].to_numpy()],
                           axis=1)
    return dist.assign(km=arc_for(chord))



MAX_UNIT_LINKS = 6_000_000


def _join(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Inner join on integer keys: (positions in `left`, positions in `right`) of every pair of equal keys, in
    the order of `left` (int64 arrays)."""
    order = np.argsort(right, kind="stable")
    keys = right[order]
    low, high = np.searchsorted(keys, left, "left"), np.searchsorted(keys, left, "right")
    n = high - low
    at = np.repeat(low - (np.cumsum(n) - n), n) + np.arange(int(n.sum()))
    return np.repeat(np.arange(len(left)), n), order[at]


def _candidates(e1: pd.DataFrame, e2: pd.DataFrame) -> dict[str, np.ndarray]:
    """Fragile group × hiring group links, one path each through x: arrays gid, hid and cost (int64), in the
    order of `e1` (sorted by gid)."""
    i, j = _join(e1["x"].to_numpy(np.int64), e2["x"].to_numpy(np.int64))
    return {"gid": e1["gid"].to_numpy(np.int64)[i], "hid": e2["hid"].to_numpy(np.int64)[j],
            "cost": e1["cost"].to_numpy(np.int64)[i] + e2["cost"].to_numpy(np.int64)[j]}


def _row_matrix(rows: np.ndarray, cols: np.ndarray, weights: np.ndarray, n_f: int, n_h: int,
                unpaired: float) -> csr_matrix:
    """The n_f × (n_h + n_f) biadjacency matrix: `weights` at (rows, cols) plus `unpaired` at (r, n_h + r) for
    every row r. Built straight in CSR when `rows` is already sorted (the links come in group order), without
    the sort of a COO conversion."""
    if len(rows) and (np.diff(rows) < 0).any():
        return csr_matrix((np.concatenate([weights, np.full(n_f, unpaired)]),
                           (np.concatenate([rows, np.arange(n_f)]), np.concatenate([cols, n_h + np.arange(n_f)]))),
                          shape=(n_f, n_h + n_f))
    per_row = np.bincount(rows, minlength=n_f) + 1
    indptr = np.concatenate([[0], np.cumsum(per_row)]).astype(np.int64)
    starts = np.repeat(indptr[:-1], per_row - 1)
    rank = np.arange(len(rows)) - np.repeat(np.cumsum(per_row - 1) - (per_row - 1), per_row - 1)
    indices = np.empty(indptr[-1], dtype=np.int64)
    data = np.empty(indptr[-1], dtype=np.float64)
    indices[starts + rank], data[starts + rank] = cols, weights
    indices[indptr[1:] - 1], data[indptr[1:] - 1] = n_h + np.arange(n_f), unpaired
    return csr_matrix((data, indices, indptr), shape=(n_f, n_h + n_f))


def _pair_units(e1: pd.DataFrame, e2: pd.DataFrame, fg: pd.DataFrame, hg: pd.DataFrame) -> int:
    """How many person-to-position links the unit graph of `_by_matching` would hold."""
    per_x = np.bincount(e2["x"].to_numpy(np.int64), weights=hg["qty"].to_numpy()[e2["hid"].to_numpy(np.int64)],
                        minlength=int(e1["x"].max()) + 1)
    people = fg["qty"].to_numpy()[e1["gid"].to_numpy(np.int64)]
    return int((people * per_x[e1["x"].to_numpy(np.int64)]).sum())


def _units(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row of each person or position — ordered by group —, group of each, first unit of each group)."""
    ordered = rows.sort_values(["group", "row"])
    qty = ordered["qty"].to_numpy()
    row = np.repeat(ordered["row"].to_numpy(), qty)
    group = np.repeat(ordered["group"].to_numpy(), qty)
    per_group = np.bincount(ordered["group"].to_numpy(), weights=qty).astype(np.int64)
    return row, group, np.concatenate([[0], np.cumsum(per_group)[:-1]])


def _by_matching(e1, e2, fr, hr, fg, hg) -> pd.DataFrame:
    """The assignment person by position: every fragile person a row, every open position a column, a link where
    the group network allows it (cost of its path), plus one « unpaired » column per person at a cost above any
    sum of paths, so that the minimum-weight full matching (scipy.sparse.csgraph.min_weight_full_bipartite_matching,
    LAPJVsp) pairs the most people first, then at the least total cost — the optimum of the flow network. Returns
    f, h (rows), x, hid, headcount (1 per person, summed later)."""
    cand = _candidates(e1, e2)
    f_row, f_group, f_start = _units(fr)
    h_row, h_group, h_start = _units(hr)
    fq, hq = fg["qty"].to_numpy()[cand["gid"]], hg["qty"].to_numpy()[cand["hid"]]
    k = fq * hq
    if not len(k) or not k.sum():
        return pd.DataFrame(columns=["f", "h", "x", "hid", "headcount"])
    cost = cand["cost"].astype(np.float64)
    if (k == 1).all():  # one person and one position per group (the common case): no expansion
        rows, cols, weights = f_start[cand["gid"]], h_start[cand["hid"]], cost + 1
    else:
        link = np.repeat(np.arange(len(k)), k)
        offset = np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k)
        rows = f_start[cand["gid"]][link] + offset // hq[link]
        cols = h_start[cand["hid"]][link] + offset % hq[link]
        weights = cost[link] + 1
    n_f, n_h = len(f_row), len(h_row)
    # +1 keeps every weight positive (a sparse matrix may drop explicit zeros); it adds the same to every pair.
    unpaired = (cost.max() + 2) * (n_f + 1)
    person, position = min_weight_full_bipartite_matching(_row_matrix(rows, cols, weights, n_f, n_h, unpaired))
    real = position < n_h
    person, position = person[real], position[real]
    gid, hid = f_group[person], h_group[position]
    # the path's node x is (origin place of the fragile group, occupation of the hiring group): found in e1 by
    # (gid, target occupation), a look-up in the small first leg rather than in the candidates
    codes = pd.Index(pd.unique(e1["to_code"].to_numpy(object)))
    first = pd.Index(e1["gid"].to_numpy(np.int64) * len(codes) + codes.get_indexer(e1["to_code"].to_numpy(object)))
    wanted = gid.astype(np.int64) * len(codes) + codes.get_indexer(hg["code"].to_numpy(object)[hid])
    x = e1["x"].to_numpy()[first.get_indexer(wanted)]
    return pd.DataFrame({"f": f_row[person], "h": h_row[position], "x": x, "hid": hid,
                         "headcount": np.ones(len(person), dtype=np.int64)})


def _by_flow(e1, e2, fr, hr, fg, hg) -> pd.DataFrame:
    """The same optimum on the group network (`solve_network`), for lists too large to expand person by person;
    group flows split back to firms in order (any split keeps the cost). Returns f, h, x, hid, headcount."""
    y, z = solve_network(fg[["qty"]], hg[["qty"]], e1, e2)
    if not z.any():
        return pd.DataFrame(columns=["f", "h", "x", "hid", "headcount"])
    e1, e2 = e1.assign(qty=y)[y > 0], e2.assign(qty=z)[z > 0]
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
    return units.rename(columns={"ida": "unit", "idb": "h", "qty": "headcount"}).merge(
        legs[["unit", "f", "x"]], on="unit")[["f", "h", "x", "hid", "headcount"]]

def _network(e1: pd.DataFrame, hg: pd.DataFrame, dist: pd.DataFrame, weights: Weights):
    """The two legs of the group network. `e1`: fragile group × target occupation (gid, place, to_code, cost…);
    `hg`: hiring groups (group, place, code, qty); `dist`: reachable places (from_place, to_place, km). Returns
    (e1 with x — the node origin place × target occupation —, kept where some hiring group is reachable; e2: x,
    hid, km, cost — the travel part). Integer keys and sorted look-ups (`_join`), no loop over rows."""
    codes = pd.Index(pd.unique(np.concatenate([e1["to_code"].to_numpy(object), hg["code"].to_numpy(object)])))
    node = e1["place"].to_numpy(np.int64) * len(codes) + codes.get_indexer(e1["to_code"].to_numpy(object))
    nodes = np.unique(node)
    if not len(nodes):
        return e1.assign(x=np.int64(0)).iloc[:0], pd.DataFrame(columns=["x", "hid", "km", "cost"])
    # every hiring group with each origin place that reaches its place, kept when that place needs its occupation
    h, d = _join(hg["place"].to_numpy(np.int64), dist["to_place"].to_numpy(np.int64))
    want = dist["from_place"].to_numpy(np.int64)[d] * len(codes) + codes.get_indexer(hg["code"].to_numpy(object))[h]
    at = np.minimum(np.searchsorted(nodes, want), len(nodes) - 1)
    hit = nodes[at] == want
    used, x = np.unique(at[hit], return_inverse=True)
    km = dist["km"].to_numpy(float)[d[hit]]
    e2 = pd.DataFrame({"x": x.astype(np.int64), "hid": hg["group"].to_numpy(np.int64)[h[hit]], "km": km,
                       "cost": np.rint(weights.km * km).astype(np.int64)})
    # x of each e1 row: its node's rank among the nodes reached (-1: no hiring group within reach)
    rank = np.full(len(nodes), -1, dtype=np.int64)
    rank[used] = np.arange(len(used))
    e1 = e1.assign(x=rank[np.searchsorted(nodes, node)])
    return e1[e1["x"] >= 0].reset_index(drop=True), e2


def pair_jobs(fragile: pd.DataFrame, hiring: pd.DataFrame, territory, max_km: float | None = None,
              weights: Weights = Weights(), basins: str | None = None, zoning: str | None = None,
              decided: pd.DataFrame | None = None) -> Pairing:
    """Pair the fragile rows with the hiring rows (both as `reader.read_list` returns them; hiring rows may also
    be survey needs known only by their zone: commune_id '' with zoning, zone_id — `survey_hiring`) within
    `max_km` km, or — `basins` « same » / « neighbours » — in the same basin of `zoning` (default: the BMO basins
    when the pack has them, else its default zoning) or a neighbouring one, by the method of the module
    docstring. Each pair carries its skills to acquire (labels joined by « ; ») and up to three local programmes
    preparing the target (titles joined by « ; »). `decided`: the stored pairs (columns pair_id, fragile_id,
    hiring_id, from_code, to_code, headcount, distance_km, cost, status — `PairingStore.pairs_frame`), fixed
    before the assignment (method, step 4). Raises GpectError (French) for a negative or missing distance or an
    unknown basin mode or zoning."""
    if basins is None and (max_km is None or max_km < 0):
        raise GpectError(f"La distance maximale doit être positive ou nulle (reçu : {max_km}).")
    if basins is not None and basins not in BASIN_MODES:
        raise GpectError(f"Mode « {basins} » inconnu : « same » (même bassin) ou « neighbours » (bassins voisins).")
    if basins is not None:
        zonings = territory.zoning_ids()
        zoning = zoning or ("BMO" if "BMO" in zonings else territory.default_zoning or zonings[0])
        if zoning not in zonings:
            raise GpectError(f"Le zonage « {zoning} » n'est pas dans le pack ({', '.join(zonings)}).")
    else:
        zoning = None
    fragile, hiring = fragile.reset_index(drop=True), hiring.reset_index(drop=True)
    fixed, blocked = _decided(decided, fragile, hiring)
    free_f = _reserve(fragile, fixed["f"], fixed["headcount"])
    free_h = _reserve(hiring, fixed["h"], fixed["headcount"])
    f_place, h_place, spots, (f_located, h_located) = _places(territory, fragile, hiring, zoning)
    pairing = Pairing(pd.DataFrame(columns=list(PAIR_COLUMNS)), 0, int(fragile["headcount"].sum()),
                      int(hiring["headcount"].sum()), None if max_km is None or basins else float(max_km),
                      zoning or finest_zoning(territory), basins)
    chosen, gaps = _assign(territory, free_f, free_h, f_place, h_place, spots, max_km, basins, zoning, weights,
                           blocked, pairing)
    if len(fixed):
        kept = _fixed_links(territory, fixed, fragile, hiring)
        gaps = None
        chosen = kept if chosen.empty else pd.concat([chosen, kept], ignore_index=True)
    if chosen.empty:
        return pairing
    chosen["from_located"] = f_located[chosen["f"].to_numpy(dtype=np.int64)]
    chosen["to_located"] = h_located[chosen["h"].to_numpy(dtype=np.int64)]
    pairing.pairs = describe_pairs(chosen, fragile, hiring, territory, gaps)
    return pairing


def _decided(decided: pd.DataFrame | None, fragile: pd.DataFrame, hiring: pd.DataFrame):
    """(the « accepté » pairs whose two rows are listed, with f, h — their row positions —, from_code, to_code,
    headcount, km, cost; the keys f × len(hiring) + h of every decided link — int64 array)."""
    empty = pd.DataFrame(columns=["f", "h", "from_code", "to_code", "headcount", "km", "cost"])
    if decided is None or decided.empty:
        return empty, np.array([], dtype=np.int64)
    decided = decided[decided["status"].isin(["accepte", "refuse"])]
    f_at = pd.Index(fragile["entry_id"].astype(str)).get_indexer(decided["fragile_id"].astype(str))
    h_at = pd.Index(hiring["entry_id"].astype(str)).get_indexer(decided["hiring_id"].astype(str))
    listed = (f_at >= 0) & (h_at >= 0)
    blocked = f_at[listed].astype(np.int64) * len(hiring) + h_at[listed]
    accepted = listed & (decided["status"] == "accepte").to_numpy()
    if not accepted.any():
        return empty, blocked
    rows = decided[accepted]
    fixed = pd.DataFrame({
        "f": f_at[accepted], "h": h_at[accepted], "from_code": rows["from_code"].astype(str).to_numpy(),
        "to_code": rows["to_code"].astype(str).to_numpy(), "headcount": rows["headcount"].astype("int64").to_numpy(),
        "km": pd.to_numeric(rows["distance_km"], errors="coerce").to_numpy(),
        "cost": pd.to_numeric(rows["cost"], errors="coerce").fillna(0).astype("int64").to_numpy()})
    return fixed, blocked


def _reserve(rows: pd.DataFrame, at: pd.Series, qty: pd.Series) -> pd.DataFrame:
    """`rows` with the headcount `qty` reserved at the row positions `at` (never below 0)."""
    if not len(at):
        return rows
    used = np.bincount(at.to_numpy(np.int64), weights=qty.to_numpy(np.int64), minlength=len(rows)).astype(np.int64)
    return rows.assign(headcount=np.maximum(rows["headcount"].to_numpy(np.int64) - used, 0))


def _fixed_links(territory, fixed: pd.DataFrame, fragile: pd.DataFrame, hiring: pd.DataFrame) -> pd.DataFrame:
    """The accepted pairs as chosen links (columns of `describe_pairs`' `chosen`): stored headcount, distance and
    cost; link and score from `occupation_links` (« same » when the codes are equal; the stored codes kept)."""
    links = occupation_links(territory, fixed["from_code"])
    gaps = skill_gaps(territory, fixed[["from_code", "to_code"]].drop_duplicates())
    out = fixed.merge(links, on=["from_code", "to_code"], how="left").merge(gaps[["from_code", "to_code",
                                                                                  "gap_count"]],
                                                                            on=["from_code", "to_code"], how="left")
    out["link"] = out["link"].fillna(LINK_SAME)
    out["score"] = out["score"].fillna(1.0)
    out["gap_count"] = out["gap_count"].fillna(0).astype("int64")
    return out[["f", "h", "from_code", "to_code", "link", "score", "km", "gap_count", "cost", "headcount"]]


def _private_places(f_place: np.ndarray, h_place: np.ndarray, spots: pd.DataFrame, blocked: np.ndarray,
                    n_hiring: int):
    """Each row of a decided link (`blocked`: fragile row × `n_hiring` + hiring row) moved to a place of its own
    (a copy of its spot), so that its group holds it alone and the link can be cut between the two places without
    touching any other row: (f_place, h_place, spots, keys from_place × len(spots) + to_place of the place pairs
    to cut — int64)."""
    if not len(blocked):
        return f_place, h_place, spots, np.array([], dtype=np.int64)
    bf, bh = blocked // n_hiring, blocked % n_hiring
    placed = (f_place[bf] >= 0) & (h_place[bh] >= 0)
    bf, bh = bf[placed], bh[placed]
    f_place, h_place = f_place.copy(), h_place.copy()
    copies, start = [], int(spots.index.max()) + 1
    for place, rows in ((f_place, np.unique(bf)), (h_place, np.unique(bh))):
        new = start + np.arange(len(rows))
        copies.append(spots.loc[place[rows]].set_axis(new))
        place[rows] = new
        start += len(rows)
    spots = pd.concat([spots, *copies])
    return f_place, h_place, spots, f_place[bf].astype(np.int64) * len(spots) + h_place[bh]


def _assign(territory, fragile, hiring, f_place, h_place, spots, max_km, basins, zoning, weights, blocked,
            pairing: Pairing):
    """The global assignment of the free headcounts (method, steps 1–3): (chosen links — columns f, h, from_code,
    to_code, link, score, km, gap_count, cost, headcount; empty when nothing pairs —, the skill gaps of the
    candidate links or None). Sets `pairing.candidates`."""
    none = pd.DataFrame(columns=["f", "h", "from_code", "to_code", "link", "score", "km", "gap_count", "cost",
                                 "headcount"])
    f_place, h_place, spots, apart = _private_places(f_place, h_place, spots, blocked, len(hiring))
    fr, hr = _groups(fragile, f_place), _groups(hiring, h_place)
    if fr.empty or hr.empty:
        return none, None
    fg = fr.groupby("group").agg(place=("place", "first"), code=("code", "first"), qty=("qty", "sum")).reset_index()
    hg = hr.groupby("group").agg(place=("place", "first"), code=("code", "first"), qty=("qty", "sum")).reset_index()
    f_places, h_places = np.unique(fg["place"]), np.unique(hg["place"])
    dist = _reachable(spots, f_places, h_places, max_km, basins, neighbours(territory, zoning) if zoning else None)
    if len(apart):
        dist = dist[~np.isin(dist["from_place"].to_numpy(np.int64) * len(spots) + dist["to_place"].to_numpy(np.int64),
                             apart)]
    links = occupation_links(territory, fg["code"]).rename(columns={"from_code": "code"})
    gaps = skill_gaps(territory, links.rename(columns={"code": "from_code"}))
    links = links.merge(gaps.rename(columns={"from_code": "code"}), on=["code", "to_code"], how="left")
    links["cost"] = np.rint(weights.bridge * (1 - links["score"]) + weights.skill * links["gap_count"]).astype("int64")
    e1 = fg.rename(columns={"group": "gid"}).merge(links, on="code")
    e1, e2 = _network(e1, hg, dist, weights)
    if e2.empty:
        return none, None
    pair_qty = _pair_units(e1, e2, fg, hg)
    if pair_qty <= MAX_UNIT_LINKS:
        chosen = _by_matching(e1, e2, fr, hr, fg, hg)
        pairing.candidates = pair_qty
    else:
        chosen = _by_flow(e1, e2, fr, hr, fg, hg)
        pairing.candidates = len(e1) + len(e2)
    if chosen.empty:
        return none, None
    chosen["from_code"] = fragile["occupation_code"].to_numpy()[chosen["f"].to_numpy(np.int64)]
    chosen["to_code"] = hiring["occupation_code"].to_numpy()[chosen["h"].to_numpy(np.int64)]
    occupational = links[["code", "to_code", "link", "score", "gap_count", "cost"]].rename(
        columns={"code": "from_code", "cost": "cost1"})
    chosen = chosen.merge(occupational, on=["from_code", "to_code"])
    at = pd.Index(e2["x"].to_numpy(np.int64) * len(hg) + e2["hid"].to_numpy(np.int64)).get_indexer(
        chosen["x"].to_numpy(np.int64) * len(hg) + chosen["hid"].to_numpy(np.int64))
    chosen["km"], chosen["cost2"] = e2["km"].to_numpy()[at], e2["cost"].to_numpy()[at]
    chosen["cost"] = chosen["cost1"] + chosen["cost2"]
    chosen = chosen.groupby(["f", "h"], as_index=False).agg(
        from_code=("from_code", "first"), to_code=("to_code", "first"), link=("link", "first"),
        score=("score", "first"), km=("km", "first"), gap_count=("gap_count", "first"), cost=("cost", "first"),
        headcount=("headcount", "sum"))
    return chosen, gaps


def describe_pairs(chosen: pd.DataFrame, fragile: pd.DataFrame, hiring: pd.DataFrame, territory,
                   gaps: pd.DataFrame | None = None) -> pd.DataFrame:
    """The pairs table (PAIR_COLUMNS) of chosen links (columns f, h — row positions in `fragile`, `hiring` —,
    from_code, to_code, link, score, km, gap_count, cost, headcount, from_located, to_located). `gaps`: the
    `gaps.skill_gaps` of the links when already computed. A row known only by its zone is named after the zone."""
    if chosen.empty:
        return pd.DataFrame(columns=list(PAIR_COLUMNS))
    occupations = territory.table("occupations")
    labels = occupations.drop_duplicates("code").set_index("code")["label"]
    origin, target = fragile.iloc[chosen["f"]].reset_index(drop=True), hiring.iloc[chosen["h"]].reset_index(drop=True)
    chosen = chosen.reset_index(drop=True)
    start, end = row_points(territory, origin), row_points(territory, target)
    out = pd.DataFrame({
        "fragile_id": origin["entry_id"], "hiring_id": target["entry_id"],
        "fragile_firm": origin["firm"], "hiring_firm": target["firm"],
        "from_commune": origin["commune_id"], "from_commune_name": start["place_name"],
        "to_commune": target["commune_id"], "to_commune_name": end["place_name"],
        "from_lon": start["lon"], "from_lat": start["lat"], "to_lon": end["lon"], "to_lat": end["lat"],
        "from_code": chosen["from_code"], "from_label": chosen["from_code"].map(labels),
        "to_code": chosen["to_code"], "to_label": chosen["to_code"].map(labels),
        "link": chosen["link"], "bridge_score": chosen["score"].round(3),
        "distance_km": chosen["km"].round(1), "headcount": chosen["headcount"].astype("int64"),
        "skills_gap_count": chosen["gap_count"].astype("int64"),
        "from_located": chosen.get("from_located", "commune"), "to_located": chosen.get("to_located", "commune"),
    })
    if gaps is None:
        gaps = skill_gaps(territory, out)
    text = pd.Series([" ; ".join(v) for v in gaps["gap_labels"]],
                     index=pd.MultiIndex.from_frame(gaps[["from_code", "to_code"]]))
    key = pd.MultiIndex.from_frame(out[["from_code", "to_code"]])
    out["skills_to_acquire"] = text.reindex(key).fillna("").to_numpy()
    titles = local_training(territory, out[["to_code", "to_commune"]])
    out["training"] = titles.map(" ; ".join)
    out["cost"] = chosen["cost"].astype("int64")
    out["pair_id"] = out["fragile_id"] + ">" + out["hiring_id"]
    return out[list(PAIR_COLUMNS)].sort_values(["from_commune", "fragile_id", "cost"]).reset_index(drop=True)
