"""Bigger layers with the zones map's mechanism: the EPCI layer of a pack and the communes of a région.

    .venv/bin/python bench/bench_layers.py [--pack /work/natpack] [--communes ../shared/realdata/geo/communes_2025.gpkg]
        [--deps 01 03 07 15 26 38 42 43 63 69 73 74] [--recolours 5]

For each layer: the static geometry as the map served it before (GeoJSON, 1e-4° coordinates, each border in both
neighbours) and as it does now (`maps.zone_geometry`: TopoJSON, shared arcs, quantised), raw and gzip level 5 (what
Streamlit's middleware sends), the time to make the topology; the style table a rerun sends
(`maps.zone_style_options`) and the time to make it; then in Debian's Chromium, a page with Leaflet,
topojson-client and `static/gpect/zone-map.js` served from 127.0.0.1 only: time from `GpectZoneMap.apply` until
every zone is drawn (geometry fetched, decoded, drawn: first draw), and the median time of `--recolours` recolours
(a new style table applied, until the next animation frame has painted). The communes are the région's communes of
the realdata GeoPackage, simplified for display as the pack's layers are (`geo.simplify_for_display`, 150 m);
the pack stores no commune geometry.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

ARA = ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"]

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="leaflet.css"><script src="leaflet.js"></script>
<script src="topojson-client.min.js"></script><script src="zone-map.js"></script>
<style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div><script>
window.map = L.map("map", {preferCanvas: false});
window.map.fitBounds(BOUNDS);
</script></body></html>"""

DRAW = """async ([options]) => {
  const started = performance.now();
  const drawn = new Promise(resolve => window.map.once("gpect:zonesdrawn", resolve));
  GpectZoneMap.apply(L.featureGroup().addTo(window.map), options);
  await drawn;
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return [performance.now() - started, document.querySelectorAll("path.leaflet-interactive").length];
}"""

RECOLOUR = """async ([options]) => {
  const started = performance.now();
  GpectZoneMap.apply(L.featureGroup().addTo(window.map), options);
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return performance.now() - started;
}"""


def old_geojson(zones) -> bytes:
    """The zones' GeoJSON as the map served it before TopoJSON (same coordinates rounding, same properties)."""
    from gpect_core.maps import _rounded_geojson

    frame = zones.to_crs(4326)
    features = ",".join('{"type":"Feature","id":' + json.dumps(str(z)) + ',"properties":{"n":'
                        + json.dumps(str(n), ensure_ascii=False) + '},"geometry":' + g + "}"
                        for z, n, g in zip(frame["zone_id"], frame["name"], _rounded_geojson(frame.geometry.values),
                                           strict=True))
    return ('{"type":"FeatureCollection","features":[' + features + "]}").encode()


def communes(path: Path, deps: list[str]):
    import geopandas as gpd

    from gpect_core.geo import simplify_for_display

    frame = gpd.read_file(path, where="dep IN (" + ",".join(f"'{d}'" for d in deps) + ")")
    frame = frame.rename(columns={"codgeo": "zone_id", "libgeo": "name"})[["zone_id", "name", "geometry"]]
    started = time.perf_counter()
    simplified = simplify_for_display(frame, 150)
    seconds = time.perf_counter() - started
    empty = simplified.geometry.is_empty | simplified.geometry.isna()
    if empty.any():  # a few tiny communes vanish at 150 m: reported, then left out
        print(f"{int(empty.sum())} communes empty once simplified: {', '.join(simplified.loc[empty, 'zone_id'])}")
    return simplified[~empty].reset_index(drop=True), seconds


def style_tables(geometry, classes: int = 5, rounds: int = 6) -> list[dict]:
    """`rounds` style tables over the layer: zones in `classes` colour classes (shifted each round), one selected."""
    from gpect_core import maps

    ids = list(geometry.zone_ids)
    colours = maps.class_colours(classes, "sequential_red")
    return [maps.zone_style_options(geometry, {z: colours[(i + r) % classes] for i, z in enumerate(ids) if i % 7},
                                    selected=[ids[(r * 37) % len(ids)]], no_data=ids[r::7])
            for r in range(rounds)]


@contextlib.contextmanager
def served(folder: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args, **kwargs):
            pass

    handler = partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def measure(name: str, zones, recolours: int, browser) -> dict:
    from gpect_core import assets, maps
    from gpect_core.geo import display_bounds

    folder = Path(tempfile.mkdtemp(prefix="gpect-layers-"))
    before = old_geojson(zones)
    started = time.perf_counter()
    geometry = maps.zone_geometry(zones, name, directory=folder)
    topology_s = time.perf_counter() - started
    after = geometry.path.read_bytes()
    started = time.perf_counter()
    tables = style_tables(geometry, rounds=recolours + 1)
    table_s = (time.perf_counter() - started) / len(tables)
    for table in tables:
        table["zones"] = geometry.path.name
        table["tooltip"] = None
    shutil.copy(assets.LEAFLET_DIR / "leaflet.js", folder)
    shutil.copy(assets.LEAFLET_DIR / "leaflet.css", folder)
    shutil.copy(assets.TOPOJSON_CLIENT_JS, folder)
    shutil.copy(assets.ZONE_MAP_JS, folder)
    west, south, east, north = display_bounds(zones)
    (folder / "index.html").write_text(PAGE.replace("BOUNDS", json.dumps([[south, west], [north, east]])))
    with served(folder) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) else None)
        page.goto(f"{url}/index.html")
        draw_ms, drawn = page.evaluate(DRAW, [tables[0]])
        recolour_ms = [page.evaluate(RECOLOUR, [table]) for table in tables[1:]]
        page.close()
    shutil.rmtree(folder, ignore_errors=True)
    return {"layer": name, "zones": len(zones), "drawn": drawn, "outside": outside,
            "geojson": len(before), "geojson_gz": len(gzip.compress(before, 5)),
            "topojson": len(after), "topojson_gz": len(gzip.compress(after, 5)), "topology_s": topology_s,
            "table_bytes": len(json.dumps(tables[1], separators=(",", ":"))), "table_ms": table_s * 1000,
            "draw_ms": draw_ms, "recolour_ms": statistics.median(recolour_ms)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default="/work/natpack")
    parser.add_argument("--communes", default=str(ROOT.parent / "shared" / "realdata" / "geo" / "communes_2025.gpkg"))
    parser.add_argument("--deps", nargs="+", default=ARA)
    parser.add_argument("--recolours", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from browser import launch_chromium
    from gpect_core import Territory

    territory = Territory.load(args.pack, validate=False)
    layers = [("EPCI", territory.zones_of("EPCI"))]
    if Path(args.communes).is_file():
        frame, simplify_s = communes(Path(args.communes), args.deps)
        print(f"communes of départements {' '.join(args.deps)}: {len(frame)}, simplified in {simplify_s:.1f} s")
        layers.append(("communes", frame))
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for name, zones in layers:
            r = measure(name, zones, args.recolours, browser)
            print(f"{r['layer']} ({r['zones']} zones, {r['drawn']} drawn, requests elsewhere: {r['outside'] or 'none'}):"
                  f" GeoJSON {r['geojson'] / 1024:.0f} KB (gzip {r['geojson_gz'] / 1024:.0f} KB) → TopoJSON"
                  f" {r['topojson'] / 1024:.0f} KB (gzip {r['topojson_gz'] / 1024:.0f} KB), topology in"
                  f" {r['topology_s']:.1f} s; style table {r['table_bytes'] / 1024:.1f} KB in {r['table_ms']:.0f} ms;"
                  f" first draw {r['draw_ms']:.0f} ms, recolour median {r['recolour_ms']:.0f} ms")
        browser.close()


if __name__ == "__main__":
    main()
