"""Benchmark of issue 3: build the national pack from ../shared/realdata, load it, measure its map layer.

    .venv/bin/python bench/bench_build_pack.py [--runs 5]

Each measurement runs in a fresh Python process (so peak memory is that of the step alone, read from
`resource.getrusage` of the child), and the figures are printed as a Markdown table for bench/README.md.
Targets: build < 120 s, `Territory.load` < 1.5 s, ZE layer < 400 KB of GeoJSON with `coverage_is_valid` true.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
OUT = ROOT / "bench" / "out"
PACK = OUT / "national"

STEP = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
step = {step!r}
started = time.perf_counter()
result = {{}}
if step == "build":
    from gpect_core.build import build_territory
    territory, report = build_territory({realdata!r}, imported_by="bench",
                                        vintages={{"demandeurs_emploi_secteur_bassin.csv": "2021"}})
    built = time.perf_counter() - started
    territory.save({pack!r}, keep_previous=False)
    result["build_s"] = built
elif step == "load":
    from gpect_core.territory import Territory
    imported = time.perf_counter()
    territory = Territory.load({pack!r})
    result["import_s"] = imported - started
    result["load_s"] = time.perf_counter() - imported
    result["zones"] = int(len(territory.zones))
elif step == "layer":
    from gpect_core import geo
    from gpect_core.territory import Territory
    territory = Territory.load({pack!r}, validate=False)
    for zoning in ("ZE2020", "BMO", "DEP", "REG", "EPCI"):
        zones = territory.zones_of(zoning)
        started = time.perf_counter()
        text = geo.zones_geojson(zones)
        result[zoning] = {{"zones": int(len(zones)), "bytes": len(text.encode("utf-8")),
                          "coverage_valid": geo.coverage_is_valid(zones),
                          "geojson_s": time.perf_counter() - started}}
result["total_s"] = time.perf_counter() - started
result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def run(step: str) -> dict:
    code = STEP.format(root=str(ROOT), step=step, realdata=str(REALDATA), pack=str(PACK))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="load runs (median reported)")
    parser.add_argument("--skip-build", action="store_true", help="reuse bench/out/national")
    args = parser.parse_args()
    if not REALDATA.is_dir():
        print(f"{REALDATA} absent: nothing to measure")
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    if not args.skip_build:
        build = run("build")
        print(f"build: {build['build_s']:.1f} s (+ save: {build['total_s'] - build['build_s']:.1f} s), "
              f"peak {build['peak_mb']:.0f} MB")
    loads = [run("load") for _ in range(args.runs)]
    load_s = statistics.median(r["load_s"] for r in loads)
    print(f"Territory.load (validated): median {load_s:.2f} s over {args.runs} runs "
          f"(min {min(r['load_s'] for r in loads):.2f}, max {max(r['load_s'] for r in loads):.2f}); "
          f"import of gpect_core {statistics.median(r['import_s'] for r in loads):.2f} s; "
          f"peak {max(r['peak_mb'] for r in loads):.0f} MB; {loads[0]['zones']} zones")
    layer = run("layer")
    print("| zoning | zones | GeoJSON | coverage_is_valid | time to write |")
    print("|---|---:|---:|---|---:|")
    for zoning in ("ZE2020", "BMO", "DEP", "REG", "EPCI"):
        item = layer[zoning]
        print(f"| {zoning} | {item['zones']} | {item['bytes'] / 1000:.0f} KB | {item['coverage_valid']} | "
              f"{item['geojson_s'] * 1000:.0f} ms |")
    ok = load_s < 1.5 and layer["ZE2020"]["bytes"] < 400_000 and layer["ZE2020"]["coverage_valid"]
    if not args.skip_build:
        ok = ok and build["build_s"] < 120
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
