"""Run every benchmark in turn (`make bench`); each prints its own figures, copied by hand into bench/README.md.

The national real pack is built first by the build-pack bench (it needs ../shared/realdata); the synthetic
national-scale pack by bench/synthetic.py. Both land in bench/out/ (git-ignored).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REALDATA = BENCH.parent.parent / "shared" / "realdata"

STEPS = [
    ("build-pack, load, map layer (issue 3)", ["bench_build_pack.py"], True),
    ("synthetic national-scale pack (issue 4)", ["synthetic.py"], False),
    ("rerun on selection change (issue 4)", ["bench_rerun.py"], False),
    ("map payload from the browser (issue 15)", ["bench_payload.py", str(BENCH / "out" / "national")], True),
    ("click to settled in Chromium (issue 15)", ["bench_click.py", str(BENCH / "out" / "national")], True),
    ("1, 10, 20 sessions (issue 15)", ["bench_sessions.py", str(BENCH / "out" / "national")], True),
    ("EPCI and a région's communes (issue 15)", ["bench_layers.py", "--pack", str(BENCH / "out" / "national")], True),
    ("rerun CPU of the map page (issue 15)", ["bench_rerun_cpu.py", str(BENCH / "out" / "national")], True),
    ("plan store, concurrent writers (issue 5)", ["bench_plan_concurrency.py"], False),
    ("committee deck and basin sheets (issue 13)", ["bench_meeting.py"], True),
]


def main() -> int:
    failed = []
    for title, args, needs_realdata in STEPS:
        print(f"\n=== {title}", flush=True)
        if needs_realdata and not REALDATA.is_dir():
            print(f"skipped: {REALDATA} is absent")
            continue
        if subprocess.run([sys.executable, str(BENCH / args[0]), *args[1:]], cwd=BENCH.parent).returncode:
            failed.append(title)
    if failed:
        print("\nfailed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
