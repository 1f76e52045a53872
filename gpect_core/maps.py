"""folium map builders: offline Leaflet, a stable base map, zones as a layer that changes without reloading.

Two ways to draw zones. The current one (`zone_geometry`, `zone_base_map`, `zone_styles`): the zones' and borders'
geometry are static files (content-hashed names) that the browser fetches once per page; a rerun sends only a
style table (one fill and one style kind per zone) and the tooltip texts, applied by `static/gpect/zone-map.js`.
The older one (`zones_layer`, `choropleth_layer`) embeds the whole GeoJSON in each rerun; kept for callers that
have not moved yet.

The base map (`base_map`) depends only on the zoning's extent, so streamlit-folium keeps the same component
between reruns: the map stays where the user left it. Colours, selection outlines and tooltips live in a
`FeatureGroup` (`zones_layer`) handed to `st_folium(feature_group_to_add=...)`, which swaps it in place.
Every text that reaches the map's HTML is escaped here.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from . import settings
from .assets import (
    GEOMETRY_DIR,
    LEAFLET_CSS_URL,
    LEAFLET_JS_URL,
    TOPOJSON_CLIENT_JS,
    content_path,
    geometry_url,
    versioned_url,
    write_content_addressed,
    zone_map_js_url,
)
from .geo import display_bounds

SELECTED_OUTLINE = "#d62728"
DEFAULT_FILL = "#9ecae1"
NO_DATA_FILL = "#d9d9d9"
OSM_TILES = "OpenStreetMap"


def base_map(zones: gpd.GeoDataFrame, height_px: int = 480,
             bounds: tuple[float, float, float, float] | None = None) -> folium.Map:
    """A Leaflet map opening on `zones` (on metropolitan France for a national layer: the overseas zones stay
    drawn, off screen), or on `bounds` (`geo.display_bounds` of them, when the caller keeps it), loading Leaflet
    from the app's own static files. Background tiles only when GPECT_MAP_TILES asks for them
    (`settings.map_tiles`): every map of the app follows the same setting."""
    minx, miny, maxx, maxy = bounds if bounds is not None else display_bounds(zones)
    fmap = folium.Map(
        location=[(miny + maxy) / 2, (minx + maxx) / 2],
        zoom_start=7,
        tiles=settings.map_tiles(),
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


# ---------------------------------------------------------------------------------------------- « Carte des bassins »
# ColorBrewer schemes with 5 classes, all marked colour-blind safe by ColorBrewer.
PALETTES = {
    "sequential_red": ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"],  # YlOrRd
    "sequential_blue": ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],  # Blues
    "sequential_purple": ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"],  # Purples
    "diverging": ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"],  # PuOr (reversed: rise is orange)
}
PEER_OUTLINE = "#1a1a1a"
BORDER_STYLES = {"DEP": {"color": "#555555", "weight": 1.6, "dashArray": None},
                 "REG": {"color": "#111111", "weight": 2.6, "dashArray": None}}
BORDER_PANE = "borders"


def class_colours(count: int, palette: str) -> list[str]:
    """`count` colours (≤ 5) spread over `palette`, light to dark."""
    colours = PALETTES[palette]
    if count <= 0:
        return []
    if count >= len(colours):
        return colours
    picks = [round(i * (len(colours) - 1) / max(count - 1, 1)) for i in range(count)]
    return [colours[i] for i in picks]


BORDER_LEVELS = {"ZE2020": ("DEP", "REG"), "BMO": ("DEP", "REG"), "EPCI": ("DEP", "REG"), "custom": ("DEP", "REG"),
                 "DEP": ("REG",)}


def border_levels(zoning: str) -> tuple[str, ...]:
    """The zonings whose outlines are drawn over a map of `zoning` (those it is finer than): départements and
    régions over basins, régions over départements, none over the coarser ones."""
    return BORDER_LEVELS.get(zoning, ())


def borders_geojson(frame: gpd.GeoDataFrame) -> dict:
    """The outlines of `frame`'s zones as one GeoJSON multi-line, each shared border once (~10 m precision)."""
    import shapely

    lines = shapely.line_merge(shapely.union_all(frame.geometry.boundary.to_numpy()))
    lines = shapely.set_precision(lines, 1e-4)
    return json.loads(gpd.GeoSeries([lines], crs=frame.crs).to_json(drop_id=True))


def compact_folium_json() -> None:
    """Make folium embed GeoJSON without the spaces of `json.dumps`' default separators (≈10 % of a national
    layer); the JSON itself is unchanged."""
    env = folium.GeoJson._template.environment
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}


compact_folium_json()


def base_map_with_borders(zones: gpd.GeoDataFrame, borders: dict[str, dict],
                          height_px: int = 520) -> folium.Map:
    """`base_map` plus département and région borders (`borders_geojson`) above the zones, letting clicks through.

    The borders live in the base map (they depend only on the zoning), in their own pane above the overlay
    pane, so recolouring the zones never redraws them and they never catch a click.
    """
    fmap = base_map(zones, height_px=height_px)
    folium.map.CustomPane(BORDER_PANE, z_index=450, pointer_events=False).add_to(fmap)
    for level, geojson in borders.items():
        style = BORDER_STYLES.get(level, BORDER_STYLES["DEP"])
        folium.GeoJson(
            geojson, name=f"borders_{level}",
            style_function=lambda _f, style=style: {**style, "fill": False},
            pane=BORDER_PANE, interactive=False, control=False,
        ).add_to(fmap)
    return fmap


def choropleth_layer(zones: gpd.GeoDataFrame, fill: dict[str, str], selected=(), peers=(), no_data=(),
                     tooltip: dict[str, pd.Series] | None = None, tooltip_aliases: list[str] | None = None,
                     name: str = "zones", geojson: dict | None = None) -> folium.FeatureGroup:
    """Zones filled by class colour; selected zones outlined in red, peers in black; no data or mostly secret
    zones grey with a dashed outline. Texts in `tooltip` are escaped by `zones_geojson` (pass `geojson`, made by
    `zones_geojson(zones, tooltip)`, to reuse a cached one)."""
    selected, peers, no_data = set(selected), set(peers), set(no_data)
    geojson = geojson if geojson is not None else zones_geojson(zones, tooltip)

    def style(feature):
        zone_id = feature["properties"]["zone_id"]
        missing = zone_id in no_data or zone_id not in fill
        base = {"fillColor": NO_DATA_FILL if missing else fill[zone_id], "fillOpacity": 0.85,
                "color": "#ffffff", "weight": 0.8, "dashArray": "3 3" if missing else None}
        if missing:
            base.update(color="#7f7f7f", weight=1.0)
        if zone_id in peers:
            base.update(color=PEER_OUTLINE, weight=2.5, dashArray="6 3")
        if zone_id in selected:
            base.update(color=SELECTED_OUTLINE, weight=3.5, dashArray=None)
        return base

    fields = ["name", *(tooltip or {})]
    aliases = tooltip_aliases or [""] * len(fields)
    group = folium.FeatureGroup(name=name)
    folium.GeoJson(
        geojson, name=name, style_function=style,
        highlight_function=lambda _f: {"weight": 3, "color": "#333333"},
        tooltip=folium.GeoJsonTooltip(fields=fields, aliases=aliases, labels=any(aliases), sticky=True),
        zoom_on_click=False,
    ).add_to(group)
    return group


def legend_html(title: str, items: list[tuple[str, str]], no_data_label: str | None = None) -> str:
    """A small HTML legend (colour swatch, label) for the page beside the map; every text escaped."""
    rows = [f'<div style="font-weight:600;margin-bottom:4px">{html.escape(title)}</div>']
    for colour, label in items:
        rows.append(f'<div style="display:flex;align-items:center;gap:6px;margin:2px 0">'
                    f'<span style="display:inline-block;width:18px;height:12px;background:{html.escape(colour)};'
                    f'border:1px solid #999"></span><span>{html.escape(label)}</span></div>')
    if no_data_label:
        rows.append(f'<div style="display:flex;align-items:center;gap:6px;margin:2px 0">'
                    f'<span style="display:inline-block;width:18px;height:12px;background:{NO_DATA_FILL};'
                    f'border:1px dashed #7f7f7f"></span><span>{html.escape(no_data_label)}</span></div>')
    return f'<div class="gpect-legend" style="font-size:0.85rem">{"".join(rows)}</div>'


def value_tooltips(values, lang: str = "fr") -> dict[str, pd.Series]:
    """The tooltip texts of a map indicator (`indicators.choropleth.ZoneValues`): `value` (formatted, « (secret) »
    after a mostly secret zone) and `rank` (« rank / number of zones with a value », « – » without one), each a
    text Series indexed by zone_id."""
    from .formatting import indicator_formatter
    from .i18n import t

    fmt = indicator_formatter(values.indicator, lang)
    secret = t("carte.secret", lang)
    n_known = int(values.values.notna().sum())
    index = values.values.index
    return {
        "value": pd.Series([fmt(v) + (f" ({secret})" if s else "")
                            for v, s in zip(values.values, values.mostly_secret, strict=True)], index=index),
        "rank": pd.Series([t("carte.rank", lang, rank=int(r), n=n_known) if pd.notna(r) else "–"
                           for r in values.rank()], index=index),
    }


def legend_items(classes, colours: list[str], lang: str = "fr", indicator: str = "") -> list[tuple[str, str]]:
    """(colour, « low – high ») for each class of `classes` (`indicators.choropleth.Classes`), the bounds formatted
    as `indicator`'s values."""
    from .formatting import indicator_formatter

    fmt = indicator_formatter(indicator, lang)
    return [(colour, f"{fmt(low)} – {fmt(high)}") for colour, (low, high) in zip(colours, classes.bounds(),
                                                                                  strict=False)]


def source_label(provenance, period: str | None) -> str:
    """« producer (period) » for a map's tooltip: the pack table's producer (else source) and the indicator's period
    (else the table's vintage); the period alone when the pack has no provenance for the table."""
    if provenance is None:
        return period or ""
    return f"{provenance.producer or provenance.source} ({period or provenance.vintage})"


# ------------------------------------------------------------------------- geometry once, a style table per rerun
GEOMETRY_PRECISION = 4  # decimal degrees kept in the static files: 1e-4° ≈ 10 m, below a pixel at zoom 11
ZONES_PANE_HOVER = {"weight": 3, "color": "#333333"}
STYLE_KINDS = ("base", "no_data", "peer", "selected")
CHOROPLETH_STYLES = (
    {"fillOpacity": 0.85, "color": "#ffffff", "weight": 0.8, "dashArray": None},
    {"fillOpacity": 0.85, "color": "#7f7f7f", "weight": 1.0, "dashArray": "3 3"},
    {"fillOpacity": 0.85, "color": PEER_OUTLINE, "weight": 2.5, "dashArray": "6 3"},
    {"fillOpacity": 0.85, "color": SELECTED_OUTLINE, "weight": 3.5, "dashArray": None},
)


def selection_styles(any_selected: bool) -> tuple[dict, ...]:
    """The styles of `zones_layer` (a map to pick zones on): selected zones outlined in red and the others paler
    when something is selected."""
    other = {"fillOpacity": 0.45 if any_selected else 0.75, "color": "#ffffff", "weight": 1.2, "dashArray": None}
    return (other, other, other, {"fillOpacity": 0.75, "color": SELECTED_OUTLINE, "weight": 3.5, "dashArray": None})


@dataclass(frozen=True)
class StaticGeometry:
    """A geometry file under `static/geo/`: `url` as the browser sees it, `path` on disk, `zone_ids` in the order
    of its features (empty for borders)."""

    url: str
    path: Path
    zone_ids: tuple[str, ...] = ()


def _rounded_geojson(geometries) -> list[str]:
    import shapely

    rounded = shapely.transform(np.asarray(geometries), lambda xy: np.round(xy, GEOMETRY_PRECISION))
    return list(shapely.to_geojson(rounded))


TOPOLOGY_QUANTIZATION = 1_000_000  # grid steps across the layer's extent: ≈ 12 m over France with its overseas


def zone_geometry(zones: gpd.GeoDataFrame, zoning: str, directory: Path = GEOMETRY_DIR) -> StaticGeometry:
    """Write the zones of `zoning` as TopoJSON under `directory` (name: `<zoning>.<hash of the zones>.topo.json`)
    and return where it is served.

    One object `data`, a GeometryCollection in the zones' order, each geometry with `id` = zone_id and one
    property `n` (the zone's name, plain text: the browser shows it with `textContent`). A border shared by two
    zones is one arc (the coverage the pack stores shares its vertices), coordinates quantised on a
    `TOPOLOGY_QUANTIZATION` grid and delta-encoded (the `topojson` package). The topology is computed once per
    set of zones (1–4 s for 1,255 EPCI), then the file is reused by every process; zones that differ give another
    name. Raises OSError when `directory` cannot be written.
    """
    import hashlib

    import shapely
    import topojson

    frame = zones if zones.crs is None or zones.crs.to_epsg() == 4326 else zones.to_crs(4326)
    ids = [str(z) for z in frame["zone_id"]]
    names = [str(n) for n in frame["name"]]
    source = hashlib.sha256(json.dumps([ids, names, TOPOLOGY_QUANTIZATION]).encode())
    for wkb in shapely.to_wkb(frame.geometry.to_numpy()):
        source.update(wkb or b"")
    digest = source.hexdigest()[:16]
    stem = _safe_stem(zoning)
    path = content_path(directory, stem, digest, ".topo.json")
    if not path.is_file():
        layer = gpd.GeoDataFrame({"n": names}, geometry=frame.geometry.to_numpy(), crs=frame.crs,
                                 index=pd.Index(ids, name="id"))
        topology = topojson.Topology(layer, prequantize=TOPOLOGY_QUANTIZATION, topology=True).to_dict()
        data = json.dumps(topology, separators=(",", ":"), ensure_ascii=False).encode()
        path = write_content_addressed(directory, stem, data, ".topo.json", digest=digest)
    return StaticGeometry(geometry_url(path), path, tuple(ids))


def border_geometry(frame: gpd.GeoDataFrame, level: str, directory: Path = GEOMETRY_DIR) -> StaticGeometry:
    """Write the outlines of `frame`'s zones (`borders_geojson`: each shared border once) as TopoJSON under
    `directory` (name: `borders-<level>.<hash of the zones>.topo.json`): one object `data` holding one
    multi-line, coordinates quantised on the zones' `TOPOLOGY_QUANTIZATION` grid and delta-encoded (25 % less
    than GeoJSON once gzipped: 33 against 44 KB for the départements). Computed once per set of zones (≈ 1.5 s for
    the départements), then reused by every process. Raises OSError when `directory` cannot be written."""
    import hashlib

    import shapely
    import topojson

    frame = frame if frame.crs is None or frame.crs.to_epsg() == 4326 else frame.to_crs(4326)
    source = hashlib.sha256(json.dumps(["borders", TOPOLOGY_QUANTIZATION]).encode())
    for wkb in shapely.to_wkb(frame.geometry.to_numpy()):
        source.update(wkb or b"")
    digest = source.hexdigest()[:16]
    stem = f"borders-{_safe_stem(level)}"
    path = content_path(directory, stem, digest, ".topo.json")
    if not path.is_file():
        lines = shapely.from_geojson(json.dumps(borders_geojson(frame)["features"][0]["geometry"]))
        layer = gpd.GeoDataFrame(geometry=[lines], crs=frame.crs)
        topology = topojson.Topology(layer, prequantize=TOPOLOGY_QUANTIZATION, topology=False).to_dict()
        data = json.dumps(topology, separators=(",", ":")).encode()
        path = write_content_addressed(directory, stem, data, ".topo.json", digest=digest)
    return StaticGeometry(geometry_url(path), path)


def _safe_stem(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text) or "zones"


def zone_base_map(zones: gpd.GeoDataFrame, height_px: int = 480, borders: bool = False,
                  bounds: tuple[float, float, float, float] | None = None) -> folium.Map:
    """`base_map` that also loads `zone-map.js` (and, with `borders`, has the pane the borders are drawn in, above
    the zones, letting clicks through). It depends only on the zones' extent, so streamlit-folium keeps the same
    map (zoom and centre) across reruns."""
    fmap = base_map(zones, height_px=height_px, bounds=bounds)
    fmap.default_js = [*fmap.default_js, ("topojson_client", versioned_url(TOPOJSON_CLIENT_JS)),
                       ("gpect_zone_map", zone_map_js_url())]
    if borders:
        folium.map.CustomPane(BORDER_PANE, z_index=450, pointer_events=False).add_to(fmap)
    return fmap


class ZoneStyles(MacroElement):
    """The per-rerun part of a zones map: `GpectZoneMap.apply(<feature group>, options)` in the feature group
    handed to `st_folium(feature_group_to_add=...)`. `options` is JSON (see `zone_styles`)."""

    _template = Template("""{% macro script(this, kwargs) %}
GpectZoneMap.apply({{ this._parent.get_name() }}, {{ this.options_json }});
{% endmacro %}""")

    def __init__(self, options: dict):
        super().__init__()
        self._name = "ZoneStyles"
        self.options_json = json.dumps(options, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def zone_style_options(geometry: StaticGeometry, fill: dict[str, str] | None = None, selected=(), peers=(),
                       no_data=(), tooltip: dict[str, pd.Series] | None = None,
                       tooltip_aliases: list[str] | None = None, borders: list[tuple[StaticGeometry, str]] = (),
                       styles: tuple[dict, ...] = CHOROPLETH_STYLES, missing_fill: str = NO_DATA_FILL) -> dict:
    """What one rerun sends for the zones of `geometry`: a palette, per zone (in the file's order) an index into
    it (-1: `missing_fill`) and a style kind (0 base, 1 no data, 2 peer, 3 selected: an index into `styles`),
    both in one character per zone (`encode_styles`), the
    tooltip columns (label and one text per zone, None when empty; `tooltip_aliases[0]` is the zone name's and is
    not shown; sent as a static file, `tooltip_file`) and the borders to draw (static file, level of
    `BORDER_STYLES`)."""
    fill = fill or {}
    selected, peers, no_data = set(selected), set(peers), set(no_data)
    palette = list(dict.fromkeys(fill.values()))
    colour_index = {colour: i for i, colour in enumerate(palette)}
    fills, kinds = [], []
    for zone_id in geometry.zone_ids:
        colour = fill.get(zone_id)
        missing = zone_id in no_data or colour is None
        fills.append(-1 if missing else colour_index[colour])
        kinds.append(3 if zone_id in selected else 2 if zone_id in peers else 1 if missing and fill else 0)
    tips = tooltip_file(geometry, tooltip, tooltip_aliases) if tooltip else None
    return {
        "zones": geometry.url, "palette": palette, "missingFill": missing_fill, **encode_styles(fills, kinds),
        "styles": list(styles), "hover": ZONES_PANE_HOVER, "tooltip": tips.url if tips else None,
        "borders": [{"url": border.url, "pane": BORDER_PANE,
                     "style": {**BORDER_STYLES.get(level, BORDER_STYLES["DEP"]), "fill": False}}
                    for border, level in borders],
    }


STYLE_CODES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def encode_styles(fills: list[int], kinds: list[int]) -> dict:
    """Per-zone fill indexes (-1..) and style kinds (0..3) as `{"codes": one character per zone}`, the character
    `STYLE_CODES[(fill + 1) * 4 + kind]` (403 BMO basins: 403 bytes, where two JSON lists took 2.3 kB); as the
    two lists `{"fills": [...], "kinds": [...]}` when the palette has more colours than one character can hold."""
    if any(f + 1 >= len(STYLE_CODES) // 4 for f in fills):
        return {"fills": fills, "kinds": kinds}
    return {"codes": "".join(STYLE_CODES[(f + 1) * 4 + k] for f, k in zip(fills, kinds, strict=True))}


def decode_styles(options: dict) -> tuple[list[int], list[int]]:
    """(fills, kinds) of `zone_style_options`' output, whichever form `encode_styles` chose."""
    if "codes" not in options:
        return list(options["fills"]), list(options["kinds"])
    codes = [STYLE_CODES.index(c) for c in options["codes"]]
    return [c // 4 - 1 for c in codes], [c % 4 for c in codes]


def tooltip_file(geometry: StaticGeometry, tooltip: dict[str, pd.Series],
                 tooltip_aliases: list[str] | None = None) -> StaticGeometry:
    """Write the tooltip texts of the zones of `geometry` as a static JSON file: a list of columns
    `{"label": text, "values": [text or null per zone, in the geometry file's order]}` (labels from
    `tooltip_aliases[1:]`), beside the geometry file. Unchanged texts keep their file, so a rerun that only moves the selection sends its
    URL, not the texts."""
    labels = (tooltip_aliases or [""] * (1 + len(tooltip)))[1:]
    columns = []
    for (_key, series), label in zip(tooltip.items(), labels, strict=False):
        values = series.reindex(list(geometry.zone_ids))
        columns.append({"label": label, "values": [None if pd.isna(v) else str(v) for v in values]})
    data = json.dumps(columns, separators=(",", ":"), ensure_ascii=False).encode()
    path = write_content_addressed(geometry.path.parent, f"tooltip-{geometry.path.stem.split('.')[0]}", data)
    return StaticGeometry(geometry_url(path), path)


def zone_styles(geometry: StaticGeometry, name: str = "zones", **options) -> folium.FeatureGroup:
    """The feature group to hand to `st_folium(feature_group_to_add=...)`: no geometry, only the style table of
    `zone_style_options(geometry, **options)`."""
    group = folium.FeatureGroup(name=name, control=False)
    ZoneStyles(zone_style_options(geometry, **options)).add_to(group)
    return group


def zone_at(zones: gpd.GeoDataFrame, lat: float, lon: float) -> str | None:
    """The zone_id of the zone of `zones` (WGS84) that contains the point (lat, lon), else the nearest one within
    about 100 m (a click on a border drawn 10 m off); None elsewhere."""
    import shapely

    point = shapely.Point(lon, lat)
    hits = zones.sindex.query(point, predicate="intersects")
    if len(hits):
        return str(zones["zone_id"].iloc[int(hits[0])])
    nearest = zones.sindex.nearest(point, max_distance=1e-3, return_all=False)
    if nearest.shape[1]:
        return str(zones["zone_id"].iloc[int(nearest[1][0])])
    return None


def clicked_point(map_state: dict | None) -> tuple[float, float, int] | None:
    """(lat, lon, click count) of streamlit-folium's last click on a zone (`last_object_clicked`,
    `last_object_clicked_count`), None before any."""
    point = (map_state or {}).get("last_object_clicked")
    if not point or point.get("lat") is None:
        return None
    return float(point["lat"]), float(point["lng"]), int((map_state or {}).get("last_object_clicked_count") or 0)
