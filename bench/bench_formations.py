"""Rerun cost of « Formations et besoins » for a whole région: the national pack against the demo pack, in one run.

    .venv/bin/python bench/bench_formations.py [--national /work/natpack] [--runs 7]

Streamlit's AppTest opens the page on each pack with the zoning « Régions », warms it (the first runs load the pack
and build its per-pack caches — cubes, correspondences, the programme ↔ ROME links: load time, reported apart),
then times `AppTest.run()` — the whole script: filter, coverage table, gaps, tables and their serialisation — in
two cases, packs alternated run by run so the machine's noise falls on both alike:
- « rerun »: a widget changes (the view is set again, the family filter toggled) with the same selection: the
  coverage of the selection is memoised per pack (`training_needs.coverage`), as a committee member clicking
  through the page does;
- « new selection »: a different région each run on the national pack (the demo pack has one région: it alternates
  between it and the whole territory) with the coverage memo disabled (`MEMO_SIZE = 0`), so every run computes
  the coverage table from the pack tables.
Reported: median and 90th percentile per pack and case, and the ratio of the medians (target < 1.5).
The national pack defaults to the GPECT_NATIONAL_PACK setting, else /work/natpack.
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

PAGE = "app_pages/formations.py"


class Session:
    """One AppTest session of the page on one pack, zoning REG."""

    def __init__(self, pack: Path, db: Path):
        from streamlit.testing.v1 import AppTest

        from gpect_core import Territory

        self.pack = pack
        self.env = {"GPECT_PACK": str(pack), "GPECT_DB_URL": f"sqlite:///{db}"}
        territory = Territory.load(pack, validate=False)
        regions = list(territory.zones_of("REG")["zone_id"])
        # metropolitan régions first (the national pack lists overseas ones too)
        self.regions = sorted(regions, key=lambda r: (len(r) != 2 or r < "11", r))
        self.at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
        started = time.perf_counter()
        self._run()
        self.at.session_state["filter_zoning"] = "REG"
        self.at.switch_page(PAGE)
        self._run()
        self.at.session_state["filter_zones"] = [self.regions[0]]
        self._run()
        self.first_seconds = time.perf_counter() - started
        self.rerun()

    def _run(self) -> float:
        os.environ.update(self.env)
        started = time.perf_counter()
        self.at.run()
        seconds = time.perf_counter() - started
        if self.at.exception:
            raise RuntimeError(f"{self.pack}: {self.at.exception[0].value}")
        return seconds

    def rerun(self) -> float:
        self.at.session_state["formations_view"] = "table"
        return self._run()

    def select(self, i: int) -> float:
        if len(self.regions) == 1:
            self.at.session_state["filter_zones"] = [self.regions[0]] if i % 2 else []
        else:
            self.at.session_state["filter_zones"] = [self.regions[i % min(len(self.regions), 13)]]
        return self._run()


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    from gpect_core import settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_national = settings.value("GPECT_NATIONAL_PACK")
    parser.add_argument("--national", default=str(default_national or "/work/natpack"))
    parser.add_argument("--demo", default=str(ROOT / "data" / "demo"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    packs = {"demo": Path(args.demo), "national": Path(args.national)}
    if not (packs["national"] / "manifest.json").is_file():
        sys.exit(f"{packs['national']}: no pack")
    import gpect_core.indicators.training_needs as tn

    tmp = Path(tempfile.mkdtemp(prefix="gpect-bench-formations-"))
    sessions = {name: Session(path, tmp / f"{name}.sqlite") for name, path in packs.items()}
    for name, session in sessions.items():
        print(f"{name}: first view (pack load, caches, first région) {session.first_seconds:.1f} s")
    results = {}
    for case in ("rerun", "new selection"):
        times: dict[str, list[float]] = {name: [] for name in packs}
        memo_size = tn.MEMO_SIZE
        if case == "new selection":
            tn.MEMO_SIZE = 0
        try:
            for i in range(args.runs):
                for name, session in sessions.items():
                    times[name].append(session.rerun() if case == "rerun" else session.select(i + 1))
        finally:
            tn.MEMO_SIZE = memo_size
        results[case] = {name: (statistics.median(v), quantile(v, 0.9)) for name, v in times.items()}
    print("\n| case | demo median (p90) | national median (p90) | ratio |\n|---|---:|---:|---:|")
    for case, figures in results.items():
        (dm, dp), (nm, np_) = figures["demo"], figures["national"]
        print(f"| {case} | {dm * 1000:.0f} ms ({dp * 1000:.0f}) | {nm * 1000:.0f} ms ({np_ * 1000:.0f}) | "
              f"{nm / dm:.2f} |")


if __name__ == "__main__":
    main()
