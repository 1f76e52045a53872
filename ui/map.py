"""The zones map of any page: geometry served once as static files, a style table per rerun, a click selects.

    zone_map(ctx.territory, ctx.zoning, key="carte_map", fill=..., selected=ctx.zone_ids, tooltip=...)

What reaches the browser on a rerun is `maps.zone_style_options` (a few bytes per zone); the zones' and borders'
geometry are files under `static/geo/` (`maps.zone_geometry`), fetched once by the page and kept by its browser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
import streamlit_folium

from gpect_core import Territory, maps
from gpect_core.assets import GEOMETRY_DIR
from gpect_core.geo import display_bounds
from gpect_core.i18n import t
from ui import context
from ui.serving import precompress_static

RETURNED = ["last_object_clicked", "last_object_clicked_count"]


@st.cache_resource(show_spinner=False, max_entries=32)
def zone_geometry(_territory: Territory, fingerprint: str, zoning: str) -> maps.StaticGeometry:
    """The static geometry file of `zoning` in this pack version (written once per process)."""
    geometry = maps.zone_geometry(_territory.zones_of(zoning), zoning)
    precompress_static(geometry.path)
    return geometry


@st.cache_resource(show_spinner=False, max_entries=32)
def border_geometries(_territory: Territory, fingerprint: str, zoning: str) -> list[tuple[maps.StaticGeometry, str]]:
    """Static files of the département and région outlines drawn over `zoning` (`maps.border_levels`)."""
    files = [(maps.border_geometry(_territory.zones_of(level), level), level) for level in maps.border_levels(zoning)
             if len(_territory.zones_of(level))]
    for geometry, _level in files:
        precompress_static(geometry.path)
    return files


@st.cache_resource(show_spinner=False, max_entries=32)
def _base_map_zones(_territory: Territory, fingerprint: str, zoning: str) -> gpd.GeoDataFrame:
    return _territory.zones_of(zoning)


@st.cache_resource(show_spinner=False, max_entries=32)
def _bounds(_territory: Territory, fingerprint: str, zoning: str) -> tuple[float, float, float, float]:
    return display_bounds(_territory.zones_of(zoning))


@dataclass(frozen=True)
class BaseMapParts:
    """What streamlit-folium's `st_folium` sends of a map besides the feature group it swaps on each rerun: the
    map's script, header, HTML, links and default value (the same on every rerun of a zones map: it depends on the
    zones' extent only)."""

    script: str
    header: str
    html: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    defaults: dict


def base_map_parts(fmap: folium.Map, returned: list[str]) -> BaseMapParts:
    """`fmap` rendered as `st_folium` renders a map (its own helpers, streamlit-folium 0.27), once, so that a rerun
    renders only its feature group (`show_zones_map`): the base map's Jinja rendering was most of the map's share
    of a click's server CPU."""
    sf = streamlit_folium
    fmap.get_root().render()
    fmap.render()
    html, header = sf._get_html(fmap), sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    css, js = [], []
    for element in (fmap, *fmap._children.values()):
        css += [href for _, href in getattr(element, "default_css", [])]
        js += [src for _, src in getattr(element, "default_js", [])]
    defaults = {"last_object_clicked": None, "last_object_clicked_count": None,
                "bounds": {"_southWest": {"lat": None, "lng": None}, "_northEast": {"lat": None, "lng": None}},
                "zoom": fmap.options.get("zoom")}
    return BaseMapParts(script, header, html, sf.get_full_id(fmap), tuple(dict.fromkeys(css)),
                        tuple(dict.fromkeys(js)), {k: v for k, v in defaults.items() if k in returned})


@st.cache_resource(show_spinner=False, max_entries=32)
def _cached_base_map_parts(_territory: Territory, fingerprint: str, zoning: str, height: int, borders: bool,
                           returned: tuple[str, ...]) -> BaseMapParts:
    zones = _territory.zones_of(zoning)
    fmap = maps.zone_base_map(zones, height_px=height, borders=borders,
                              bounds=_bounds(_territory, fingerprint, zoning))
    return base_map_parts(fmap, list(returned))


def show_zones_map(parts: BaseMapParts, group: folium.FeatureGroup, key: str, height: int, returned: list[str],
                   on_change: Callable[[], None] | None) -> None:
    """What `st_folium(fmap, key=key, feature_group_to_add=group, height=height, use_container_width=True,
    returned_objects=returned, on_change=on_change)` does, the base map taken from `parts`: the same component, the
    same arguments, the same key for its value (`st.session_state[key]` as `st_folium` keeps it)."""
    sf = streamlit_folium
    holder = folium.Map(location=[0, 0], tiles=None)  # the feature group's parent, renamed « map_div » as by st_folium
    fg_script = sf._get_feature_group_string(group, map=holder, idx=0)
    hash_key = sf.generate_js_hash(parts.script, key, False)

    def changed() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_change is not None:
            on_change()

    sf._component_func(script=parts.script, header=parts.header, html=parts.html, id=parts.map_id, key=hash_key,
                       height=height, width=None, returned_objects=returned, default=parts.defaults, zoom=None,
                       center=None, feature_group=fg_script, return_on_hover=False, layer_control=None,
                       pixelated=False, css_links=list(parts.css_links), js_links=list(parts.js_links),
                       on_change=changed, wrap_longitude=False)


def on_zone_click(map_key: str, zones: gpd.GeoDataFrame) -> None:
    """st_folium's on_change: the zone under the click (clicked twice at the same spot included: the click count
    changes) becomes the selection."""
    point = maps.clicked_point(st.session_state.get(map_key))
    if point is None:
        return
    zone_id = maps.zone_at(zones, point[0], point[1])
    if zone_id:
        context.select_zone(zone_id)


def zone_map(territory: Territory, zoning: str, key: str, *, fill: dict[str, str] | None = None,
             selected: Iterable[str] = (), peers: Iterable[str] = (), no_data: Iterable[str] = (),
             tooltip: dict[str, pd.Series] | None = None, tooltip_aliases: list[str] | None = None,
             borders: bool = False, mode: str = "choropleth", height: int = 480,
             zones: gpd.GeoDataFrame | None = None, geometry: maps.StaticGeometry | None = None,
             clickable: bool = True, lang: str = "fr") -> None:
    """Draw the zones of `zoning` (or the given `zones` with their `geometry`, e.g. the communes of a région)
    and make a click on one select it.

    `fill`: zone_id → colour (zones without one are grey); `mode`: "choropleth" (classes, peers, no data) or
    "selection" (a map to pick zones on: one colour, the others paler once something is selected); `tooltip`:
    name → Series of texts indexed by zone_id, labelled by `tooltip_aliases[1:]`; `borders`: draw the
    département and région outlines (static files too); `clickable` False: a click selects nothing (a map of
    another zoning than the filter's). When the static folder cannot be written, says so in `lang` instead of
    drawing.
    """
    selected = list(selected)
    if mode == "selection":
        styles = maps.selection_styles(bool(selected))
        missing_fill = maps.DEFAULT_FILL if not fill else maps.NO_DATA_FILL
    else:
        styles, missing_fill = maps.CHOROPLETH_STYLES, maps.NO_DATA_FILL
    pack_zones = zones is None
    try:
        if zones is None:
            zones = _base_map_zones(territory, territory.fingerprint, zoning)
            geometry = zone_geometry(territory, territory.fingerprint, zoning)
        elif geometry is None:
            geometry = maps.zone_geometry(zones, zoning)
        border_files = border_geometries(territory, territory.fingerprint, zoning) if borders else []
        group = maps.zone_styles(geometry, fill=fill, selected=selected, peers=peers, no_data=no_data,
                                 tooltip=tooltip, tooltip_aliases=tooltip_aliases, borders=border_files,
                                 styles=styles, missing_fill=missing_fill)
    except OSError as exc:
        st.error(t("map.static_unwritable", lang, folder=str(GEOMETRY_DIR), error=exc.strerror or str(exc)))
        return
    returned = RETURNED if clickable else []
    if pack_zones:
        parts = _cached_base_map_parts(territory, territory.fingerprint, zoning, height, bool(border_files),
                                       tuple(returned))
    else:
        parts = base_map_parts(maps.zone_base_map(zones, height_px=height, borders=bool(border_files)), returned)
    show_zones_map(parts, group, key, height, returned, partial(on_zone_click, key, zones) if clickable else None)
