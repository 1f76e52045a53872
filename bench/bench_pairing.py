"""Benchmark of issue 11: pair 5,000 fragile jobs with 5,000 hiring positions in one département.

    .venv/bin/python bench/bench_pairing.py [--pack /work/natpack] [--dep 35] [--jobs 5000] [--max-km 30]
        [--basins same|neighbours --zoning BMO]

Synthetic lists on a real pack (the national pack by default, $GPECT_NATIONAL_PACK or --pack): 5,000 fragile
rows and 5,000 hiring rows of one person each, in random communes of the département, over 120 ROME
occupations that have skills; each occupation gets 10 random bridges (the pack's own `bridges` table is
replaced, so the figure does not depend on it). Measures `pair_jobs` (candidates, max flow, LP, skills gaps,
local training) after loading the pack, median of --runs; the first call, which also builds the per-pack
indexes (neighbouring basins, skills, training by ROME) a running app keeps, is timed apart. Each run is split
in two: the time inside scipy's assignment solver (`min_weight_full_bipartite_matching`, or the max flow and LP
of the group network) and the rest (places, candidates, the matrix, skills gaps, training: the glue), so that a
change of the glue can be told from the load's effect on the solver.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gpect_core import settings  # noqa: E402
from gpect_core.pairing import solver  # noqa: E402
from gpect_core.pairing.reader import entry_id  # noqa: E402
from gpect_core.pairing.solver import pair_jobs  # noqa: E402

SOLVER_SECONDS = [0.0]


def _timed_solver(name: str) -> None:
    """Wrap `solver.<name>` so that the seconds spent in it add to SOLVER_SECONDS."""
    real = getattr(solver, name)

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            SOLVER_SECONDS[0] += time.perf_counter() - started

    setattr(solver, name, timed)


for _name in ("min_weight_full_bipartite_matching", "maximum_flow", "linprog"):
    _timed_solver(_name)
from gpect_core.territory import Territory  # noqa: E402


def synthetic_lists(territory, dep: str, jobs: int, seed: int = 11) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fragile and hiring lists (reader columns) of `jobs` rows each, one person per row, in département `dep`;
    also sets random `bridges` on `territory`."""
    rng = np.random.default_rng(seed)
    communes = territory.table("communes")
    communes = communes[communes["dep"] == dep]["commune_id"].to_numpy()
    codes = np.array(sorted(set(territory.table("skills")["occupation_code"])))
    codes = rng.choice(codes, size=min(120, len(codes)), replace=False)
    bridges = pd.DataFrame({"from_code": np.repeat(codes, 10), "to_code": rng.choice(codes, size=10 * len(codes)),
                            "kind": "close", "source": "bench", "score": rng.uniform(0.3, 0.95, 10 * len(codes))})
    territory.tables["bridges"] = bridges[bridges["from_code"] != bridges["to_code"]].drop_duplicates(
        ["from_code", "to_code"])

    def one(prefix: str, extra: str) -> pd.DataFrame:
        frame = pd.DataFrame({"firm": [f"{prefix} {i:05d}" for i in range(jobs)],
                              "commune_id": rng.choice(communes, jobs), "occupation_code": rng.choice(codes, jobs),
                              "headcount": np.ones(jobs, dtype="int64"), extra: ""})
        frame.insert(0, "entry_id", [entry_id(*r) for r in frame[["firm", "commune_id", "occupation_code"]].itertuples(
            index=False)])
        return frame

    return one("Fragile", "time_frame"), one("Recrute", "horizon")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pack", default=settings.value("GPECT_NATIONAL_PACK") or "/work/natpack")
    parser.add_argument("--dep", default="35")
    parser.add_argument("--jobs", type=int, default=5000)
    parser.add_argument("--max-km", type=float, default=30.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--basins", choices=("same", "neighbours"), help="basins of --zoning instead of --max-km")
    parser.add_argument("--zoning", default="BMO")
    args = parser.parse_args()
    territory = Territory.load(args.pack, validate=False)
    fragile, hiring = synthetic_lists(territory, args.dep, args.jobs)
    started = time.perf_counter()
    pair_jobs(fragile, hiring, territory, None if args.basins else args.max_km, basins=args.basins,
              zoning=args.zoning if args.basins else None)
    first = time.perf_counter() - started
    times, solving = [], []
    for _ in range(args.runs):
        SOLVER_SECONDS[0] = 0.0
        started = time.perf_counter()
        result = pair_jobs(fragile, hiring, territory, None if args.basins else args.max_km, basins=args.basins,
                           zoning=args.zoning if args.basins else None)
        times.append(time.perf_counter() - started)
        solving.append(SOLVER_SECONDS[0])
    glue = [total - inside for total, inside in zip(times, solving, strict=True)]
    rule = f"{args.basins} basins ({args.zoning})" if args.basins else f"≤ {args.max_km:g} km"
    print(f"| {args.jobs} × {args.jobs} in dep {args.dep}, {rule} | {result.candidates:,} candidates "
          f"| {result.paired:,} paired | total cost {result.total_cost:,} | median {statistics.median(times):.2f} s "
          f"({min(times):.2f}–{max(times):.2f}) | solver median {statistics.median(solving):.2f} s | rest median "
          f"{statistics.median(glue):.2f} s ({min(glue):.2f}–{max(glue):.2f}) | first call {first:.2f} s "
          f"| zoning {result.zoning} |")


if __name__ == "__main__":
    main()
