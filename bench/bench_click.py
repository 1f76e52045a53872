"""Click on a zone of the « Carte des bassins » until the page has settled, measured from outside in Chromium, on
this tree and on git `main` (today's code) in the same run.

    .venv/bin/python bench/bench_click.py PACK [--zoning ZE2020] [--clicks 50] [--base main]

Settled: the page names the zone as the selection, the map outlines exactly one zone in red and Streamlit is
idle. Per click also: websocket bytes received by the browser (decoded, and as
sent by the server: `map_harness.sent_bytes`), server CPU (user + system of the Streamlit
process) from the click until the app is idle again, and the page's JavaScript heap after a forced garbage collection (growth per
click = least-squares slope over the clicks). The first click is a warm-up, not counted.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from map_harness import (
    ROOT,
    Wire,
    checkout_of,
    click_zone,
    cpu_seconds,
    launch,
    map_frame,
    onscreen_zones,
    sent_bytes,
    sent_since,
    serve,
    settled,
    summary,
    wait_for_idle,
)


def slope(values: list[float]) -> float:
    n = len(values)
    if n < 2:
        return float("nan")
    mean_x, mean_y = (n - 1) / 2, statistics.fmean(values)
    return sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values)) / sum((i - mean_x) ** 2 for i in range(n))


def measure(root: Path, pack: Path, zoning: str, clicks: int, label: str) -> dict:
    from playwright.sync_api import sync_playwright

    from gpect_core import Territory

    territory = Territory.load(pack, validate=False)
    count = len(territory.zones_of(zoning))
    picked = onscreen_zones(territory, zoning, clicks + 1)
    out = {"label": label, "latency": [], "ws": [], "wire": [], "cpu": [], "heap": [], "missed": 0}
    with serve(root, pack, ROOT / "bench" / "out" / f"click-{label}.log") as (url, pid), \
            sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        wire = Wire(page)
        page.goto(f"{url}/carte?zonage={zoning}", timeout=300_000)
        wait_for_idle(page, 300)
        frame = map_frame(page, count)
        for index, zone in enumerate(picked):
            wait_for_idle(page)
            frame = map_frame(page, count)
            ws, cpu, sent = wire.ws, cpu_seconds(pid), sent_bytes(url)
            started = time.perf_counter()
            click_zone(page, frame, zone)
            if not settled(page, frame, zone):
                out["missed"] += 1
                print(f"  {label} {zone['zone_id']}: not settled within 60 s")
                continue
            seconds = time.perf_counter() - started
            time.sleep(0.3)
            wait_for_idle(page)  # the rest of the rerun's messages, and its CPU
            if index == 0:
                continue
            out["latency"].append(seconds)
            out["ws"].append(wire.ws - ws)
            out["wire"].append(sent_since(sent, url))
            out["cpu"].append(cpu_seconds(pid) - cpu)
            out["heap"].append(wire.heap_mb())
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack")
    parser.add_argument("--zoning", default="ZE2020")
    parser.add_argument("--clicks", type=int, default=50)
    parser.add_argument("--base", default="main", help="git ref of today's code (empty: this tree only)")
    args = parser.parse_args()
    runs = [(ROOT, "this")]
    if args.base:
        runs.append((checkout_of(args.base, ROOT / "bench" / "out" / "base"), args.base))
    results = [measure(root, Path(args.pack), args.zoning, args.clicks, label) for root, label in runs]
    for r in results:
        if not r["latency"]:
            print(f"{r['label']}: no click settled")
            continue
        median, p95 = summary(r["latency"])
        print(f"{r['label']} {args.zoning}: {len(r['latency'])} clicks ({r['missed']} missed) — click→settled median "
              f"{median:.2f} s, p95 {p95:.2f} s; websocket per click median {statistics.median(r['ws']) / 1024:.1f} KB "
              f"decoded, {statistics.median(r['wire']) / 1024:.1f} KB sent by the server;"
              f" server CPU per click median {statistics.median(r['cpu']):.2f} s; JS heap after GC "
              f"{r['heap'][0]:.1f} → {r['heap'][-1]:.1f} MB ({slope(r['heap']):+.2f} MB/click)")
    if len(results) == 2 and results[0]["latency"] and results[1]["latency"]:
        this, base = results
        print(f"ratios this/{base['label']}: latency {statistics.median(this['latency']) / statistics.median(base['latency']):.2f},"
              f" websocket {statistics.median(this['ws']) / statistics.median(base['ws']):.3f},"
              f" sent {statistics.median(this['wire']) / statistics.median(base['wire']):.3f},"
              f" CPU {statistics.median(this['cpu']) / statistics.median(base['cpu']):.2f}")


if __name__ == "__main__":
    main()
