"""Committee exports on the national pack: the deck of one zone d'emploi and the sheets of every zone d'emploi.

    .venv/bin/python bench/bench_meeting.py [--pack bench/out/national] [--zones N] [--runs 3]

Each measure runs in a fresh subprocess (so its peak resident memory, `ru_maxrss`, is its own) with the pack
already built: pack load, then the deck of `--runs` zones d'emploi one after the other (the first pays vl-convert's
start, reported apart), then the sheets of all (or `--zones N`) zones d'emploi as a ZIP of one PDF per zone and as
one PDF with a page per zone. Targets (issue 13): deck < 10 s; the 306 sheets < 3 min, peak memory < 2 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _child(pack: str, task: str, zones: int, runs: int) -> dict:
    from gpect_core import Territory
    from gpect_core.export.deck import build_deck
    from gpect_core.export.meeting import meeting_content, resolve_selection
    from gpect_core.export.sheet import build_sheets, build_sheets_zip

    start = time.perf_counter()
    territory = Territory.load(pack, validate=False)
    out = {"load_s": time.perf_counter() - start}
    ids = sorted(territory.zones_of("ZE2020")["zone_id"])
    if task == "deck":
        times = []
        for zone in ids[:: max(1, len(ids) // runs)][:runs]:
            start = time.perf_counter()
            content = meeting_content(territory, resolve_selection(territory, "ZE2020", [zone]))
            size = len(build_deck(content))
            times.append(time.perf_counter() - start)
        out.update(deck_s=times, deck_bytes=size)
    else:
        chosen = ids[:zones] if zones else ids
        build = build_sheets_zip if task == "zip" else build_sheets
        start = time.perf_counter()
        data = build(territory, "ZE2020", chosen)
        out.update(zones=len(chosen), sheets_s=time.perf_counter() - start, bytes=len(data))
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pack", default=None, help="national pack (default $GPECT_NATIONAL_PACK, bench/out/national)")
    parser.add_argument("--zones", type=int, default=0, help="only the first N zones for the sheets (0: all)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("TASK", "PACK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child[1], args.child[0], args.zones, args.runs)))
        return 0
    from gpect_core import settings

    pack = args.pack or settings.raw("GPECT_NATIONAL_PACK") or str(ROOT / "bench" / "out" / "national")
    if not (Path(pack) / "manifest.json").is_file():
        print(f"skipped: no national pack at {pack} (run bench/bench_build_pack.py or set GPECT_NATIONAL_PACK)")
        return 0
    for task in ("deck", "zip", "pdf"):
        result = subprocess.run([sys.executable, __file__, "--child", task, pack, "--zones", str(args.zones),
                                 "--runs", str(args.runs)], capture_output=True, text=True, check=True)
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        if task == "deck":
            first, *rest = figures["deck_s"]
            print(f"deck, one zone d'emploi: first {first:.1f} s (vl-convert start), then "
                  f"{', '.join(f'{s:.1f}' for s in rest)} s; {figures['deck_bytes'] / 1e6:.1f} MB; "
                  f"peak {figures['peak_mb']:.0f} MB (pack load {figures['load_s']:.1f} s)")
        else:
            kind = "ZIP of PDFs" if task == "zip" else "one PDF"
            print(f"sheets, {figures['zones']} zones d'emploi, {kind}: {figures['sheets_s']:.0f} s "
                  f"({figures['sheets_s'] / figures['zones']:.2f} s a zone), {figures['bytes'] / 1e6:.1f} MB; "
                  f"peak {figures['peak_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
