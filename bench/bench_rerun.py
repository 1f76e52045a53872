"""Rerun cost when the selection changes: the national-scale synthetic pack against the demo pack, in one run.

    .venv/bin/python bench/bench_rerun.py [--synthetic bench/out/synthetic] [--runs 15]

For each page (Synthèse, Carte des bassins, Métiers en tension) and each pack, Streamlit's AppTest opens the page,
warms it (the first runs load the pack and build its caches: that is load time, reported apart), then selects a
different single zone before each of `--runs` reruns and times `AppTest.run()` — the whole script: filter, analytics,
charts, map, tables and their serialisation. The packs alternate run by run so that the machine's noise falls on
both alike. Reported: median and 90th percentile per pack, and the ratio of the medians (target ≤ 1.5).
Generate the synthetic pack first: `.venv/bin/python bench/synthetic.py`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ("app_pages/synthese.py", "app_pages/carte.py", "app_pages/metiers.py")


class Session:
    """One AppTest session of the app on one pack."""

    def __init__(self, pack: Path, page: str, db: Path):
        from streamlit.testing.v1 import AppTest

        from gpect_core import Territory

        self.pack = pack
        self.env = {"GPECT_PACK": str(pack), "GPECT_DB_URL": f"sqlite:///{db}"}
        self.zones = list(Territory.load(pack, validate=False).zones_of("ZE2020")["zone_id"])
        self.at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        started = time.perf_counter()
        self._run()
        self.at.switch_page(page)
        self._run()
        self.first_seconds = time.perf_counter() - started
        for zone in self.zones[:2]:  # warm the per-selection paths once
            self.select(zone)

    def _run(self) -> float:
        os.environ.update(self.env)
        started = time.perf_counter()
        self.at.run()
        seconds = time.perf_counter() - started
        if self.at.exception:
            raise RuntimeError(f"{self.pack}: {self.at.exception[0].value}")
        return seconds

    def select(self, zone: str) -> float:
        self.at.session_state["filter_zones"] = [zone]
        return self._run()


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", default=str(ROOT / "bench" / "out" / "synthetic"))
    parser.add_argument("--demo", default=str(ROOT / "data" / "demo"))
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    packs = {"demo": Path(args.demo), "synthetic": Path(args.synthetic)}
    if not (packs["synthetic"] / "manifest.json").is_file():
        sys.exit(f"{packs['synthetic']}: no pack — run `.venv/bin/python bench/synthetic.py` first")
    tmp = Path(tempfile.mkdtemp(prefix="gpect-bench-"))
    print(f"{'page':<22} {'pack':<10} {'first run':>10} {'median':>9} {'p90':>9}")
    results = []
    for page in args.pages:
        sessions = {name: Session(path, page, tmp / f"{name}.sqlite") for name, path in packs.items()}
        times: dict[str, list[float]] = {name: [] for name in packs}
        for i in range(args.runs):
            for name, session in sessions.items():
                zones = session.zones
                times[name].append(session.select(zones[(i * 7 + 3) % len(zones)]))
        medians = {}
        for name in packs:
            medians[name] = statistics.median(times[name])
            print(f"{page:<22} {name:<10} {sessions[name].first_seconds:>9.2f}s {medians[name] * 1000:>7.0f}ms "
                  f"{quantile(times[name], 0.9) * 1000:>7.0f}ms")
        ratio = medians["synthetic"] / medians["demo"]
        results.append((page, medians["demo"], medians["synthetic"], ratio))
        print(f"{page:<22} ratio synthetic / demo = {ratio:.2f}")
    print("\n| page | demo median | synthetic median | ratio |\n|---|---:|---:|---:|")
    for page, demo, synthetic, ratio in results:
        print(f"| {page} | {demo * 1000:.0f} ms | {synthetic * 1000:.0f} ms | {ratio:.2f} |")


if __name__ == "__main__":
    main()
