"""A room of phones: 1, 10 then 20 sessions open on the « Carte des bassins » of a pack, measured from outside
(Chromium) on this tree and on git `main` in the same run: server memory (RSS of the Streamlit process) with
those sessions open, the click→settled time of a lone click in one of them while the others stay open, and, with
every session of the last tier open, the same moment's click in each of them (`--together`): the time until the
last of them has settled (the workshop issue's « 20 simultaneous clicks all settle within 6 s »).

    .venv/bin/python bench/bench_sessions.py PACK [--zoning ZE2020] [--sessions 1 10 20] [--clicks 5] [--base main]
        [--together 2]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from map_harness import (
    OUTLINED,
    ROOT,
    checkout_of,
    click_zone,
    launch,
    map_frame,
    onscreen_zones,
    rss_mb,
    serve,
    settled,
    wait_for_idle,
)


def is_settled(page, frame, zone) -> bool:
    """One look (no waiting) at whether `page` names `zone`, outlines it alone and is idle."""
    try:
        caption = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first
        return (zone["name"] in caption.inner_text(timeout=200) and frame.evaluate(OUTLINED) == [zone["zone_id"]]
                and page.locator('[data-testid="stStatusWidget"]').count() == 0)
    except Exception:  # noqa: BLE001 - a page in the middle of a rerun
        return False


def together(pages: list, count: int, zones: list, timeout: float = 120) -> list[float]:
    """Click a zone in every page one after the other (a few ms apart: the same moment for the server), then
    the seconds from each page's click until it has settled (nan for one that did not within `timeout`)."""
    for page in pages:
        wait_for_idle(page)
    frames = [map_frame(page, count) for page in pages]
    picked = [zones.pop() for _ in pages]
    started = []
    for page, frame, zone in zip(pages, frames, picked, strict=True):
        started.append(time.perf_counter())
        click_zone(page, frame, zone)
    done = [float("nan")] * len(pages)
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and any(d != d for d in done):
        for i, (page, frame, zone) in enumerate(zip(pages, frames, picked, strict=True)):
            if done[i] != done[i] and is_settled(page, frame, zone):
                done[i] = time.perf_counter() - started[i]
    return done


def measure(root: Path, pack: Path, zoning: str, tiers: list[int], clicks: int, label: str,
            rounds: int = 0) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from gpect_core import Territory

    territory = Territory.load(pack, validate=False)
    count = len(territory.zones_of(zoning))
    zones = onscreen_zones(territory, zoning, clicks * len(tiers) + 1 + rounds * max(tiers))
    rows, pages = [], []
    with serve(root, pack, ROOT / "bench" / "out" / f"sessions-{label}.log") as (url, pid), \
            sync_playwright() as playwright:
        browser = launch(playwright)
        for tier in tiers:
            while len(pages) < tier:
                context = browser.new_context(viewport={"width": 1200, "height": 1000})
                page = context.new_page()
                page.goto(f"{url}/carte?zonage={zoning}", timeout=300_000)
                map_frame(page, count, 300)
                wait_for_idle(page, 300)
                pages.append(page)
            time.sleep(2)
            rss = rss_mb(pid)
            page = pages[0]
            latencies = []
            for _ in range(clicks + (1 if tier == tiers[0] else 0)):
                zone = zones.pop()
                wait_for_idle(page)
                frame = map_frame(page, count)
                started = time.perf_counter()
                click_zone(page, frame, zone)
                if settled(page, frame, zone):
                    latencies.append(time.perf_counter() - started)
            if tier == tiers[0] and latencies:
                latencies = latencies[1:]  # warm-up
            rows.append({"label": label, "sessions": tier, "rss_mb": rss,
                         "click_s": statistics.median(latencies) if latencies else float("nan")})
        for _ in range(rounds):
            times = together(pages, count, zones)
            rows.append({"label": label, "sessions": len(pages), "together": times})
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack")
    parser.add_argument("--zoning", default="ZE2020")
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 20])
    parser.add_argument("--clicks", type=int, default=5)
    parser.add_argument("--base", default="main")
    parser.add_argument("--together", type=int, default=0, help="rounds of a click in every open session at once")
    args = parser.parse_args()
    runs = [(ROOT, "this")]
    if args.base:
        runs.append((checkout_of(args.base, ROOT / "bench" / "out" / "base"), args.base))
    for root, label in runs:
        rows = measure(root, Path(args.pack), args.zoning, args.sessions, args.clicks, label, args.together)
        first = rows[0]
        for r in rows:
            if "together" in r:
                times = [t for t in r["together"] if t == t]
                print(f"{label} {args.zoning}: {r['sessions']} clicks at once — {len(times)} settled, the last after "
                      f"{max(times) if times else float('nan'):.2f} s, median {statistics.median(times) if times else float('nan'):.2f} s")
                continue
            extra = (r["rss_mb"] - first["rss_mb"]) / max(r["sessions"] - first["sessions"], 1)
            print(f"{label} {args.zoning}: {r['sessions']:>2} sessions — server RSS {r['rss_mb']:.0f} MB "
                  f"({extra:+.1f} MB per extra session), lone click median {r['click_s']:.2f} s "
                  f"(× {r['click_s'] / first['click_s']:.2f} of one session)")


if __name__ == "__main__":
    main()
