"""Click-to-chart latency in Chromium: click a zone on the « Carte des bassins » map and wait until every chart of
the page shows the new selection (the comparison chart names it, the map outlines it, the selection line says it).
Zones are picked among those on screen when the map opens (metropolitan France for a national pack).

    .venv/bin/python bench/bench_click.py [PACK] [--clicks 11]

PACK defaults to the national real pack `bench/out/national` (build it with
`python -m gpect_core build-pack --from ../shared/realdata --out bench/out/national`). The app runs on 127.0.0.1,
Chromium (Debian's) resolves no other host. The zones clicked are spread over the zoning (every k-th zone by
code); the first click is a warm-up and is not counted. Reported: every latency, the median and the maximum.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser import click_map_at, folium_frame, launch_chromium, running_app, wait_for_idle  # noqa: E402
from gpect_core.maps import METROPOLE  # noqa: E402

SHOWS_SELECTION = """(name) => {
  const charts = Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"]'));
  const caption = document.querySelector('[data-testid="stCaptionContainer"]');
  return charts.length > 0 && charts.every(c => c.innerText.includes(name))
         && caption !== null && caption.innerText.includes(name);
}"""
OUTLINED = """(zone) => {
  const red = Array.from(document.querySelectorAll('path.leaflet-interactive'))
      .filter(p => p.getAttribute('stroke') === '#d62728');
  return red.length === 1;
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack", nargs="?", default=str(ROOT / "bench" / "out" / "national"))
    parser.add_argument("--clicks", type=int, default=11)
    parser.add_argument("--zoning", default="ZE2020")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from gpect_core import Territory

    pack = Path(args.pack)
    territory = Territory.load(pack, validate=False)
    zones = territory.zones_of(args.zoning).sort_values("zone_id").reset_index(drop=True)
    points = zones.geometry.representative_point()
    west, south, east, north = METROPOLE  # the map opens on metropolitan France: click what is on screen
    zones = zones[(points.x.between(west, east) & points.y.between(south, north)).to_numpy()].reset_index(drop=True)
    step = max(1, len(zones) // (args.clicks + 1))
    picked = zones.iloc[[(i * step + step // 2) % len(zones) for i in range(args.clicks)]]
    latencies = []
    with running_app(pack) as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.goto(f"{url}/carte", timeout=120_000)
        wait_for_idle(page, 180)
        frame = folium_frame(page, 120)
        for index, zone in enumerate(picked.itertuples()):
            point = zone.geometry.representative_point()
            wait_for_idle(page, 60)
            page.mouse.move(2, 2)
            started = time.perf_counter()
            click_map_at(page, frame, point.y, point.x)
            page.mouse.move(2, 2)  # leave the zone, so the hover style does not hide the outline
            deadline = started + 30
            while time.perf_counter() < deadline:
                if page.evaluate(SHOWS_SELECTION, zone.name) and frame.evaluate(OUTLINED, zone.zone_id):
                    break
                time.sleep(0.01)
            else:
                shown = page.locator('[data-testid="stCaptionContainer"]').first.inner_text()
                print(f"  {zone.zone_id} {zone.name}: no update within 30 s (page shows « {shown} »)")
                continue
            seconds = time.perf_counter() - started
            if index == 0:
                print(f"  warm-up {zone.zone_id} {zone.name}: {seconds:.2f} s")
                continue
            latencies.append(seconds)
            print(f"  {zone.zone_id} {zone.name}: {seconds:.2f} s")
        browser.close()
    if latencies:
        print(f"{pack.name} {args.zoning}: {len(latencies)} clicks, median {statistics.median(latencies):.2f} s, "
              f"max {max(latencies):.2f} s")


if __name__ == "__main__":
    main()
