"""The `bridges` table of the national pack, and the Passerelles analytics on a zone d'emploi.

    .venv/bin/python bench/bench_bridges.py --pack PACK [--runs 5] [--zone 7621] [--origin H2913]

PACK is a pack with the ROME 4.0 mobilities and skills (`build-pack --from ../shared/realdata`, or /work/natpack).
Measured, each in this process after the pack is loaded:
- `assemble.bridges.build_bridges(occupation_links, skills)`: every ROME occupation (~1,580) against every other,
  the step build-pack runs (median and range of `--runs`);
- `indicators.bridges.fragile_occupations` on one zone d'emploi: first call (builds the zoning cubes, shared with
  the other pages) and then warm (median);
- `indicators.bridges.reachable_targets` from `--origin` on the same zone, warm (median).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _timed(fn, runs: int) -> tuple[float, float, float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pack", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--zone", default="7621")
    parser.add_argument("--origin", default="H2913")
    args = parser.parse_args()

    from gpect_core import Territory
    from gpect_core.assemble.bridges import build_bridges
    from gpect_core.indicators import bridges
    from gpect_core.selection import Selection

    territory = Territory.load(args.pack, validate=False)
    links, skills = territory.tables.get("occupation_links"), territory.tables.get("skills")
    med, low, high, table = _timed(lambda: build_bridges(links, skills), args.runs)
    occupations = len(set(table["from_code"]) | set(table["to_code"]))
    print(f"build_bridges: {len(table):,} pairs over {occupations:,} occupations, {len(skills):,} skill rows — "
          f"median {med:.2f} s ({low:.2f}–{high:.2f}, {args.runs} runs)")
    selection = Selection("ZE2020", (args.zone,))
    start = time.perf_counter()
    fragile = bridges.fragile_occupations(territory, selection)
    print(f"fragile_occupations (first call, cubes built): {time.perf_counter() - start:.2f} s, {len(fragile)} rows")
    med, low, high, _ = _timed(lambda: bridges.fragile_occupations(territory, selection), args.runs)
    print(f"fragile_occupations warm: median {med:.2f} s ({low:.2f}–{high:.2f})")
    med, low, high, targets = _timed(lambda: bridges.reachable_targets(territory, selection, args.origin), args.runs)
    print(f"reachable_targets from {args.origin}: {len(targets)} targets, median {med:.2f} s ({low:.2f}–{high:.2f})")


if __name__ == "__main__":
    main()
