"""What the browser receives, measured from outside in Chromium (Chrome DevTools Protocol), on this tree and on
git `main` (today's code) in the same run: a first visit (bytes of every HTTP response as sent, compressed or
not, plus websocket frames, until every zone is drawn; a second browser on the now warm server), then per change
on the « Carte des bassins »: a click on a zone, and a change of indicator.

    .venv/bin/python bench/bench_payload.py PACK [--zonings ZE2020 BMO] [--changes 6] [--base main]
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
    launch,
    map_frame,
    onscreen_zones,
    sent_bytes,
    sent_since,
    serve,
    settled,
    wait_for_idle,
)


def first_visit(browser, url: str, zoning: str, count: int):
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    wire = Wire(page)
    started = time.perf_counter()
    page.goto(f"{url}/carte?zonage={zoning}", timeout=300_000)
    frame = map_frame(page, count, 300)
    drawn = time.perf_counter() - started
    wait_for_idle(page, 300)
    geometry = [u for u in wire.urls if "/app/static/geo/" in u]
    return context, page, wire, frame, {"http": wire.http, "ws": wire.ws, "drawn_s": drawn,
                                        "errors": list(wire.console_errors), "geometry_requests": len(geometry)}


def measure(root: Path, pack: Path, zonings: list[str], changes: int, label: str) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from gpect_core import Territory

    territory = Territory.load(pack, validate=False)
    rows = []
    with serve(root, pack, ROOT / "bench" / "out" / f"payload-{label}.log") as (url, _pid), \
            sync_playwright() as playwright:
        browser = launch(playwright)
        for zoning in zonings:
            if zoning not in territory.zoning_ids():
                continue
            count = len(territory.zones_of(zoning))
            cold = first_visit(browser, url, zoning, count)  # warms the server (pack, caches, static files)
            cold[0].close()
            context, page, wire, frame, warm = first_visit(browser, url, zoning, count)
            clicks, clicks_sent = [], []
            for zone in onscreen_zones(territory, zoning, changes):
                wait_for_idle(page)
                frame = map_frame(page, count)
                before, sent = wire.ws, sent_bytes(url)
                click_zone(page, frame, zone)
                if settled(page, frame, zone):
                    wait_for_idle(page)
                    clicks.append(wire.ws - before)
                    clicks_sent.append(sent_since(sent, url))
            indicator = []
            select = page.locator('[data-testid="stSelectbox"]').filter(has_text="Indicateur")
            for turn in range(min(changes, 3)):
                before = wire.ws
                select.click()
                options = page.get_by_role("option")
                options.first.wait_for(timeout=30_000)
                options.nth(0 if turn % 2 else options.count() - 1).click()
                time.sleep(0.3)
                wait_for_idle(page)
                map_frame(page, count)
                indicator.append(wire.ws - before)
            context.close()
            rows.append({"label": label, "zoning": zoning, "zones": count, **warm,
                         "click_kb": statistics.median(clicks) / 1024 if clicks else float("nan"),
                         "click_sent_kb": statistics.median(clicks_sent) / 1024 if clicks_sent else float("nan"),
                         "indicator_kb": statistics.median(indicator) / 1024 if indicator else float("nan")})
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack")
    parser.add_argument("--zonings", nargs="+", default=["ZE2020", "BMO"])
    parser.add_argument("--changes", type=int, default=6)
    parser.add_argument("--base", default="main")
    args = parser.parse_args()
    runs = [(ROOT, "this")]
    if args.base:
        runs.append((checkout_of(args.base, ROOT / "bench" / "out" / "base"), args.base))
    for root, label in runs:
        for r in measure(root, Path(args.pack), args.zonings, args.changes, label):
            print(f"{r['label']} {r['zoning']} ({r['zones']} zones): first visit (warm server) "
                  f"{r['http'] / 2**20:.2f} MB HTTP + {r['ws'] / 1024:.0f} KB websocket, every zone drawn in "
                  f"{r['drawn_s']:.1f} s, {r['geometry_requests']} geometry files, console errors: "
                  f"{r['errors'] or 'none'}; per click {r['click_kb']:.1f} KB decoded, {r['click_sent_kb']:.1f} KB sent, per indicator change "
                  f"{r['indicator_kb']:.1f} KB (websocket, median)")


if __name__ == "__main__":
    main()
