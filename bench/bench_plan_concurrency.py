"""Concurrent writers on the plan store: throughput, save latency and the share refused as stale.

    .venv/bin/python bench/bench_plan_concurrency.py [--writers 20] [--saves 50] [--actions 5] [--pg-url URL]

Runs on a fresh SQLite file (WAL) and, when a PostgreSQL URL is given (or $GPECT_TEST_PG_URL is set, or
Debian's PostgreSQL binaries are present to start a throwaway cluster), on PostgreSQL. Every run is checked:
each save applied or refused as stale, the history holding exactly the applied changes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from gpect_core import settings  # noqa: E402
from gpect_core.plan.store import PlanStore  # noqa: E402
from gpect_core.plan.stress import check_outcomes, run_concurrent_writers  # noqa: E402
from gpect_core.territory import Territory  # noqa: E402


def run(url: str, territory: Territory, writers: int, saves: int, n_actions: int) -> dict:
    store = PlanStore.open(url, territory)
    action_ids = sorted(a["action_id"] for a in store.list_actions())[:n_actions]
    first = int(store.history_frame(limit=1)["history_id"].iloc[0])
    started = time.perf_counter()
    outcomes = run_concurrent_writers(url, writers, saves, action_ids)
    elapsed = time.perf_counter() - started
    problems = check_outcomes(store, outcomes, first)
    store.close()
    applied = [o for o in outcomes if o.applied]
    latencies = sorted(o.seconds * 1000 for o in outcomes)
    return {
        "saves": len(outcomes), "applied": len(applied), "stale": len(outcomes) - len(applied),
        "seconds": elapsed, "saves_per_s": len(outcomes) / elapsed,
        "median_ms": statistics.median(latencies), "p95_ms": latencies[int(0.95 * (len(latencies) - 1))],
        "problems": problems,
    }


def _pg_server(given: str | None):
    """A context giving a PostgreSQL server URL: the one given, $GPECT_TEST_PG_URL, or a throwaway cluster."""
    import contextlib

    url = given or settings.raw("GPECT_TEST_PG_URL")
    if url:
        return contextlib.nullcontext(url)
    import conftest_plan

    if not (conftest_plan.PG_BIN / "initdb").exists():
        return contextlib.nullcontext(None)
    return conftest_plan.throwaway_postgres()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--saves", type=int, default=50)
    parser.add_argument("--actions", type=int, default=5)
    parser.add_argument("--pg-url")
    args = parser.parse_args()
    territory = Territory.load(ROOT / "data" / "demo")
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        results["SQLite (WAL)"] = run(f"sqlite:///{folder}/bench.sqlite", territory, args.writers, args.saves,
                                      args.actions)
    with _pg_server(args.pg_url) as server:
        if server:
            import psycopg
            from sqlalchemy.engine import make_url

            base = make_url(server)
            name = f"gpect_bench_{uuid.uuid4().hex[:8]}"
            admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            try:
                results["PostgreSQL"] = run(base.set(database=name).render_as_string(hide_password=False),
                                            territory, args.writers, args.saves, args.actions)
            finally:
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"{args.writers} writers x {args.saves} saves on {args.actions} actions, {os.cpu_count()} CPU")
    print(f"{'database':<14} {'saves':>6} {'applied':>8} {'stale':>6} {'time s':>7} {'saves/s':>8} "
          f"{'median ms':>10} {'p95 ms':>8}  check")
    failed = False
    for name, r in results.items():
        check = "ok" if not r["problems"] else f"{len(r['problems'])} PROBLEMS"
        failed |= bool(r["problems"])
        print(f"{name:<14} {r['saves']:>6} {r['applied']:>8} {r['stale']:>6} {r['seconds']:>7.2f} "
              f"{r['saves_per_s']:>8.0f} {r['median_ms']:>10.1f} {r['p95_ms']:>8.1f}  {check}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
