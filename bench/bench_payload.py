"""What the « Carte des bassins » map sends to the browser on a pack: the base map script (Leaflet setup and the
département / région borders, sent with each rerun but drawn once) and the zones layer (GeoJSON with tooltips,
swapped in place on each rerun). Sizes as streamlit-folium computes them.

    .venv/bin/python bench/bench_payload.py bench/out/national [ZE2020 BMO]
"""

from __future__ import annotations

import gzip
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit_folium import _get_feature_group_string, _get_map_string  # noqa: E402

from gpect_core import Territory  # noqa: E402
from gpect_core.indicators.choropleth import classify, zone_values  # noqa: E402
from gpect_core.maps import (  # noqa: E402
    base_map_with_borders,
    borders_geojson,
    choropleth_layer,
    class_colours,
    zones_geojson,
)


def payload(territory: Territory, zoning: str, indicator: str = "unemployment_rate") -> dict:
    zones = territory.zones_of(zoning)
    borders = {level: borders_geojson(territory.zones_of(level)) for level in ("DEP", "REG")
               if len(territory.zones_of(level)) and level != zoning}
    started = time.perf_counter()
    fmap = base_map_with_borders(zones, borders)
    values = zone_values(territory, zoning, indicator)
    classes = classify(values.values, "quantiles")
    colours = class_colours(classes.count, "sequential_purple")
    fill = {z: colours[int(c)] for z, c in classes.classes.dropna().items()}
    tooltip = {"value": values.values.map(lambda v: f"{v:.1f}"),
               "rank": values.rank().map(lambda r: f"{r:.0f} sur {len(values.values)}")}
    layer = choropleth_layer(zones, fill, selected=[zones["zone_id"].iloc[0]], tooltip=tooltip,
                             geojson=zones_geojson(zones, tooltip))
    script = _get_map_string(fmap)
    group = _get_feature_group_string(layer, fmap)
    seconds = time.perf_counter() - started
    return {"zoning": zoning, "zones": len(zones), "base_map_kb": len(script.encode()) / 1024,
            "zones_layer_kb": len(group.encode()) / 1024,
            "total_kb": (len(script.encode()) + len(group.encode())) / 1024,
            "total_gzip_kb": len(gzip.compress((script + group).encode())) / 1024, "build_s": seconds}


def main() -> None:
    pack = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "bench" / "out" / "national")
    zonings = sys.argv[2:] or ["ZE2020", "BMO"]
    territory = Territory.load(pack)
    for zoning in zonings:
        if zoning not in territory.zoning_ids():
            continue
        r = payload(territory, zoning)
        print(f"{pack.name} {zoning}: {r['zones']} zones — base map {r['base_map_kb']:.0f} KB, zones layer "
              f"{r['zones_layer_kb']:.0f} KB, total {r['total_kb']:.0f} KB ({r['total_gzip_kb']:.0f} KB gzip), "
              f"built in {r['build_s']:.2f} s")


if __name__ == "__main__":
    main()
