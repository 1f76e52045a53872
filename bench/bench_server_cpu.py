"""Server CPU per click on the « Carte des bassins », whole Streamlit process (/proc), for this tree and another
checkout in the same run; optionally a yappi profile of the server (every thread) over the measured clicks.

    .venv/bin/python bench/bench_server_cpu.py PACK [--zoning ZE2020] [--clicks 10] [--base main] [--profile DIR]

A few warm-up clicks, then `--clicks` clicks on zones spread over the map, each until the page has settled and
Streamlit is idle (`map_harness.settled`); reported: median CPU (user + system) of the server per click and median
click → settled. Unlike `bench_click.py` it takes a few clicks only (a profile, not a latency figure).
`--profile DIR`: the server runs under yappi (CPU clock, every thread; `yappi` importable, e.g. PYTHONPATH);
the stats of the measured clicks are written to DIR (`<label>.pstat`, `<label>_main.pstat` for the event loop's
thread alone, readable with `pstats`). Profiled CPU figures are inflated by the profiler: read its shares.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from map_harness import (
    ROOT,
    checkout_of,
    click_zone,
    cpu_seconds,
    launch,
    map_frame,
    onscreen_zones,
    serve,
    settled,
    wait_for_idle,
)

WARM_UP = 3
# Run as the server's main module under yappi: SIGUSR2 clears the stats, SIGUSR1 writes them.
PROFILED = """
import os, signal, sys
import yappi
out = os.environ["BENCH_PROFILE_OUT"]
def dump(*_):
    yappi.get_func_stats().save(out + ".pstat", type="pstat")
    yappi.get_func_stats(filter={"ctx_id": 0}).save(out + "_main.pstat", type="pstat")
signal.signal(signal.SIGUSR2, lambda *_: yappi.clear_stats())
signal.signal(signal.SIGUSR1, dump)
yappi.set_clock_type("cpu")
yappi.start(profile_threads=True)
from streamlit.web.cli import main
sys.argv = ["streamlit"] + sys.argv[1:]
main()
"""


def _launcher(profile_out: Path | None) -> tuple[list[str] | None, dict[str, str]]:
    """The command and environment that start the server under yappi (`PROFILED`), or Streamlit's own."""
    if profile_out is None:
        return None, {}
    script = Path(tempfile.mkdtemp()) / "profiled_streamlit.py"
    script.write_text(PROFILED)
    return [sys.executable, str(script)], {"BENCH_PROFILE_OUT": str(profile_out)}


def measure(root: Path, pack: Path, zoning: str, clicks: int, label: str, profile: Path | None) -> dict:
    from playwright.sync_api import sync_playwright

    from gpect_core import Territory

    territory = Territory.load(pack, validate=False)
    count = len(territory.zones_of(zoning))
    out = {"cpu": [], "latency": []}
    profile_out = profile / label if profile else None
    launcher, extra_env = _launcher(profile_out)
    with serve(root, pack, ROOT / "bench" / "out" / f"server-cpu-{label}.log", launcher=launcher,
               extra_env=extra_env) as (url, pid), sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.goto(f"{url}/carte?zonage={zoning}", timeout=300_000)
        wait_for_idle(page, 300)
        for index, zone in enumerate(onscreen_zones(territory, zoning, clicks + WARM_UP)):
            if index == WARM_UP and profile_out:
                os.kill(pid, signal.SIGUSR2)
                time.sleep(0.5)
            wait_for_idle(page)
            frame = map_frame(page, count)
            cpu, started = cpu_seconds(pid), time.perf_counter()
            click_zone(page, frame, zone)
            if not settled(page, frame, zone):
                print(f"  {label} {zone['zone_id']}: not settled within 60 s")
                continue
            latency = time.perf_counter() - started
            time.sleep(0.3)
            wait_for_idle(page)  # the rest of the rerun's messages, and its CPU
            if index >= WARM_UP:
                out["cpu"].append(cpu_seconds(pid) - cpu)
                out["latency"].append(latency)
        if profile_out:
            os.kill(pid, signal.SIGUSR1)
            deadline = time.monotonic() + 60
            while not Path(f"{profile_out}_main.pstat").exists() and time.monotonic() < deadline:
                time.sleep(0.5)
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack")
    parser.add_argument("--zoning", default="ZE2020")
    parser.add_argument("--clicks", type=int, default=10)
    parser.add_argument("--base", default="main", help="git ref to measure too (empty: this tree only)")
    parser.add_argument("--profile", type=Path, help="folder for yappi stats (the server runs under yappi)")
    args = parser.parse_args()
    trees = [(ROOT, "this")]
    if args.base:
        base = checkout_of(args.base, ROOT / "bench" / "out" / "base")
        for cached in ("var", "static/vendor"):  # warm caches and Leaflet, as in this tree
            if (ROOT / cached).is_dir():
                shutil.copytree(ROOT / cached, base / cached, dirs_exist_ok=True)
        trees.append((base, args.base))
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    for root, label in trees:
        r = measure(root, Path(args.pack), args.zoning, args.clicks, label, args.profile)
        if r["cpu"]:
            print(f"{label} {args.zoning}: {len(r['cpu'])} clicks — server CPU per click median "
                  f"{statistics.median(r['cpu']):.3f} s, click → settled median {statistics.median(r['latency']):.2f} s")


if __name__ == "__main__":
    main()
