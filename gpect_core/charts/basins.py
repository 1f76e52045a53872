"""The basins as a static map (Altair geoshape), for pictures: the deck's map and the sheet's inset.

The app draws its interactive maps with Leaflet (`gpect_core.maps`); a picture needs no tiles, so the same zones
are drawn here as Vega-Lite shapes in the house look and rendered by vl-convert (`export.images`, or
`vl_convert` directly for an SVG inset).
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

import altair as alt
import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import box

from ..i18n import t
from . import PALETTE, finish

SELECTED = PALETTE[0]
OTHER = "#dfe6ee"
SIMPLIFY_SHARE = 1 / 700  # simplification tolerance, as a share of the map's larger side


def simplified(zones: gpd.GeoDataFrame, share: float = SIMPLIFY_SHARE) -> gpd.GeoDataFrame:
    """`zones` (EPSG:4326) with columns zone_id, name and geometries simplified to `share` of the extent (a
    picture a page wide shows no finer detail); topology kept."""
    minx, miny, maxx, maxy = zones.total_bounds
    tolerance = max(maxx - minx, maxy - miny) * share
    out = zones[["zone_id", "name", "geometry"]].copy()
    out["geometry"] = out.geometry.simplify(tolerance, preserve_topology=True)
    return out


def around(zones: gpd.GeoDataFrame, zone_ids, margin: float = 0.6, min_span: float = 0.0) -> gpd.GeoDataFrame:
    """The zones within the box of `zone_ids` widened by `margin` of its size on each side (and to at least
    `min_span` degrees), clipped to that box: the zones and their neighbours."""
    chosen = zones[zones["zone_id"].isin(set(zone_ids))]
    minx, miny, maxx, maxy = chosen.total_bounds
    dx = max((maxx - minx) * margin, (min_span - (maxx - minx)) / 2, 0)
    dy = max((maxy - miny) * margin, (min_span - (maxy - miny)) / 2, 0)
    frame = box(minx - dx, miny - dy, maxx + dx, maxy + dy)
    near = zones.iloc[list(zones.sindex.query(frame))]
    clipped = near.copy()
    clipped["geometry"] = near.geometry.intersection(frame)
    return clipped[~clipped.geometry.is_empty]


def main_land(zones: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The zones whose centre lies in the bulk of the territory (the box of the middle 90 % of centres, widened by
    half): overseas zones thousands of kilometres away would shrink the mainland to a speck."""
    centres = zones.geometry.representative_point()
    xs, ys = centres.x, centres.y
    x0, x1, y0, y1 = xs.quantile(0.05), xs.quantile(0.95), ys.quantile(0.05), ys.quantile(0.95)
    dx, dy = (x1 - x0) / 2 + 0.5, (y1 - y0) / 2 + 0.5
    return zones[xs.between(x0 - dx, x1 + dx) & ys.between(y0 - dy, y1 + dy)]


def basins_map(zones: gpd.GeoDataFrame, selected=(), lang: str = "fr", title: str | None = None,
               width: int = 760, height: int = 560) -> alt.TopLevelMixin:
    """The zones (GeoDataFrame EPSG:4326 with zone_id, name), the `selected` ones in the house blue, others pale,
    white borders; Mercator fitted to the zones. A finished chart (house theme and locale)."""
    data = zones[["zone_id", "name", "geometry"]].copy()
    chosen = set(selected)
    data["selected"] = data["zone_id"].isin(chosen)
    chart = alt.Chart(data).mark_geoshape(stroke="white", strokeWidth=0.6).encode(
        color=alt.condition("datum.selected", alt.value(SELECTED), alt.value(OTHER)),
        tooltip=[alt.Tooltip("name:N", title=t("chart.zone", lang))],
    ).project(type="mercator").properties(width=width, height=height)
    if title:
        chart = chart.properties(title=title)
    return finish(chart, lang)


def basins_svg(zones: gpd.GeoDataFrame, selected=(), width: int = 300, height: int = 240) -> str:
    """The same map as `basins_map`, as a small SVG string drawn straight from the geometries (Mercator-like:
    longitudes scaled by the cosine of the mean latitude), for the many insets of a batch of sheets where a
    Vega-Lite render per zone would cost a second each. Each zone is a <path> titled with its name."""
    minx, miny, maxx, maxy = zones.total_bounds
    kx = math.cos(math.radians((miny + maxy) / 2))
    span_x, span_y = max((maxx - minx) * kx, 1e-9), max(maxy - miny, 1e-9)
    scale = min(width / span_x, height / span_y)
    off_x, off_y = (width - span_x * scale) / 2, (height - span_y * scale) / 2

    def to_pixels(coords: np.ndarray) -> np.ndarray:
        return np.column_stack([off_x + (coords[:, 0] - minx) * kx * scale, off_y + (maxy - coords[:, 1]) * scale])

    chosen = set(selected)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}">']
    for zone_id, name, geometry in zip(zones["zone_id"], zones["name"], zones.geometry, strict=True):
        if geometry is None or geometry.is_empty:
            continue
        projected = shapely.transform(geometry, to_pixels)
        polygons = getattr(projected, "geoms", [projected])
        path = " ".join(_ring_path(ring) for polygon in polygons if polygon.geom_type == "Polygon"
                        for ring in (polygon.exterior, *polygon.interiors))
        colour = SELECTED if zone_id in chosen else OTHER
        parts.append(f'<path d="{path}" fill="{colour}" fill-rule="evenodd" stroke="white" stroke-width="0.8">'
                     f"<title>{escape(str(name))}</title></path>")
    parts.append("</svg>")
    return "".join(parts)


def _ring_path(ring) -> str:
    coords = np.asarray(ring.coords)
    return "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in coords) + " Z"
