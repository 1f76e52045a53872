"""folium map builders: offline Leaflet, a stable base map, zones as a layer that changes without reloading.

The base map (`base_map`) depends only on the zoning's extent, so streamlit-folium keeps the same component
between reruns: the map stays where the user left it. Colours, selection outlines and tooltips live in a
`FeatureGroup` (`zones_layer`) handed to `st_folium(feature_group_to_add=...)`, which swaps it in place.
Every text that reaches the map's HTML is escaped here.
"""

from __future__ import annotations

import html
import json

import folium
import geopandas as gpd
import pandas as pd

from .assets import LEAFLET_CSS_URL, LEAFLET_JS_URL

SELECTED_OUTLINE = "#d62728"
DEFAULT_FILL = "#9ecae1"
NO_DATA_FILL = "#d9d9d9"
OSM_TILES = "OpenStreetMap"


def base_map(zones: gpd.GeoDataFrame, tiles: str | None = None, height_px: int = 480) -> folium.Map:
    """A Leaflet map fitted to `zones`, loading Leaflet from the app's own static files."""
    minx, miny, maxx, maxy = zones.total_bounds
    fmap = folium.Map(
        location=[(miny + maxy) / 2, (minx + maxx) / 2],
        zoom_start=7,
        tiles=tiles,
        control_scale=True,
        prefer_canvas=False,
        height=height_px,
    )
    fmap.default_js = [("leaflet", LEAFLET_JS_URL)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS_URL)]
    fmap.fit_bounds([[miny, minx], [maxy, maxx]])
    return fmap


def zones_geojson(zones: gpd.GeoDataFrame, properties: dict[str, pd.Series] | None = None) -> dict:
    """GeoJSON of the zones with only `zone_id`, the escaped `name` and the given properties."""
    out = gpd.GeoDataFrame({"zone_id": zones["zone_id"].astype(str).to_numpy(),
                            "name": [html.escape(str(n)) for n in zones["name"]]},
                           geometry=zones.geometry.to_numpy(), crs=zones.crs)
    for key, series in (properties or {}).items():
        values = series.reindex(zones["zone_id"]).to_numpy() if isinstance(series, pd.Series) else series
        out[key] = [html.escape(v) if isinstance(v, str) else v for v in values]
    return json.loads(out.to_json(drop_id=True, na="null"))


def zones_layer(zones: gpd.GeoDataFrame, selected: list[str] | set[str] = (), fill: dict[str, str] | None = None,
                tooltip: dict[str, pd.Series] | None = None, tooltip_aliases: list[str] | None = None,
                name: str = "zones") -> folium.FeatureGroup:
    """The clickable zones: filled by `fill` (zone_id → colour), the selected ones outlined.

    `tooltip` maps a property name to a Series indexed by zone_id (already formatted text); the zone name is
    always shown first.
    """
    selected = set(selected)
    fill = fill or {}
    geojson = zones_geojson(zones, tooltip)

    def style(feature):
        zone_id = feature["properties"]["zone_id"]
        is_selected = zone_id in selected
        return {
            "fillColor": fill.get(zone_id, DEFAULT_FILL if not fill else NO_DATA_FILL),
            "fillOpacity": 0.75 if is_selected or not selected else 0.45,
            "color": SELECTED_OUTLINE if is_selected else "#ffffff",
            "weight": 3.5 if is_selected else 1.2,
        }

    fields = ["name", *(tooltip or {})]
    aliases = tooltip_aliases or [""] * len(fields)
    group = folium.FeatureGroup(name=name)
    folium.GeoJson(
        geojson,
        name=name,
        style_function=style,
        highlight_function=lambda _f: {"weight": 3, "color": "#333333"},
        tooltip=folium.GeoJsonTooltip(fields=fields, aliases=aliases, labels=any(aliases), sticky=True),
        zoom_on_click=False,
    ).add_to(group)
    return group


def clicked_zone_id(map_state: dict | None) -> str | None:
    """The zone a click on the map designates (streamlit-folium's `last_active_drawing`)."""
    if not map_state:
        return None
    drawing = map_state.get("last_active_drawing") or {}
    return (drawing.get("properties") or {}).get("zone_id")
