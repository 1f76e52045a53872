"""CPU of one page's rerun when the selection changes, on a pack, for this tree and another checkout (e.g. the
code before a change, `git archive REF` into bench/out/base as the map benches do), one after the other.

    .venv/bin/python bench/bench_rerun_cpu.py PACK [--page app_pages/carte.py] [--runs 20] [--base REF]

Each tree runs in its own process: AppTest of its `app.py` (`bench_rerun.Session`), warmed, then `--runs` reruns
each selecting another zone d'emploi; reported: median wall time and median process CPU time of a rerun. The other
checkout gets a copy of this tree's `var/` caches (cut fonts, compressed bundles), so that neither tree measures the
server's one-off background work.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import os, statistics, sys, time
root, pack, page, runs, db = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
sys.path[:0] = [root + "/bench", root]
os.chdir(root)
from pathlib import Path
from bench_rerun import Session
session = Session(Path(pack), page, Path(db))
times = []
for zone in session.zones[10:10 + runs]:
    cpu = time.process_time()
    wall = session.select(zone)
    times.append((wall, time.process_time() - cpu))
print(f"{statistics.median(t[0] for t in times):.3f} {statistics.median(t[1] for t in times):.3f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack")
    parser.add_argument("--page", default="app_pages/carte.py")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--base", default="", help="git ref to measure too (empty: this tree only)")
    args = parser.parse_args()
    trees = [(ROOT, "this")]
    if args.base:
        sys.path.insert(0, str(ROOT / "bench"))
        from map_harness import checkout_of

        base = checkout_of(args.base, ROOT / "bench" / "out" / "base")
        # The app script starts the server's background work (cutting fonts, brotli-compressing bundles) on its
        # first run, AppTest included: a fresh checkout would spend tens of seconds of CPU on it during the
        # measure. Both trees start from this tree's caches (named by content, valid for any tree).
        if (ROOT / "var").is_dir():
            shutil.copytree(ROOT / "var", base / "var", dirs_exist_ok=True)
        trees.append((base, args.base))
    for root, label in trees:
        db = ROOT / "bench" / "out" / f"rerun-cpu-{label}.sqlite"
        db.parent.mkdir(parents=True, exist_ok=True)
        out = subprocess.run([sys.executable, "-c", CHILD, str(root), args.pack, args.page, str(args.runs), str(db)],
                             check=True, capture_output=True, text=True).stdout.split()[-2:]
        print(f"{label} {args.page}: rerun median {float(out[0]):.3f} s wall, {float(out[1]):.3f} s CPU")


if __name__ == "__main__":
    main()
