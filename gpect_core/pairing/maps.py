"""The map of a pairing: a line from the fragile firm's commune to the hiring firm's, one per pair (folium, offline
Leaflet from `maps.base_map`). Tooltips carry communes, occupations and headcounts, never firm names."""

from __future__ import annotations

import html

import folium
import pandas as pd

from ..formatting import fmt_float
from ..i18n import t
from ..maps import base_map
from .geo import commune_points, finest_zoning

STATUS_COLOURS = {"propose": "#1f77b4", "accepte": "#2ca02c", "refuse": "#d62728"}


def pairing_map(territory, pairs: pd.DataFrame, statuses: dict | None = None, height_px: int = 460,
                lang: str = "fr") -> folium.Map:
    """A folium Map of `pairs` (solver.PAIR_COLUMNS): the zones of the finest zoning as background, a line
    per pair between the communes' points (`geo.commune_points`), coloured by status (`statuses`
    {pair_id: code}), weight growing with the headcount, and a dot per place (a commune's centroid, or the
    centre of the zone standing in for it). Tooltips in `lang` (decimal comma in French)."""
    zoning = finest_zoning(territory) or territory.zoning_ids()[0]
    points = commune_points(territory).set_index("commune_id")
    codes = set(pairs["from_commune"]) | set(pairs["to_commune"])
    zone_ids = set(points.loc[points.index.intersection(list(codes)), "zone_id"].dropna())
    zones = territory.zones_of(zoning)
    shown = zones[zones["zone_id"].isin(zone_ids)] if zone_ids else zones
    fmap = base_map(shown, height_px)
    folium.GeoJson(shown[["zone_id", "name", "geometry"]].to_json(),
                   style_function=lambda _f: {"color": "#888", "weight": 1, "fillOpacity": 0.05}).add_to(fmap)
    places = {}
    for row in pairs.itertuples(index=False):
        if pd.isna(row.from_lat) or pd.isna(row.to_lat):
            continue
        places[(row.from_lat, row.from_lon)] = f"{row.from_commune_name} ({row.from_commune or '–'})"
        places[(row.to_lat, row.to_lon)] = f"{row.to_commune_name} ({row.to_commune or '–'})"
        colour = STATUS_COLOURS.get((statuses or {}).get(row.pair_id, "propose"), "#1f77b4")
        tip = html.escape(f"{row.from_commune_name} → {row.to_commune_name} : {row.from_code} → {row.to_code}, "
                          f"{t('pairing.map.people', lang, n=row.headcount)}, "
                          f"{fmt_float(row.distance_km, 1, lang)} km")
        folium.PolyLine([[row.from_lat, row.from_lon], [row.to_lat, row.to_lon]], color=colour, weight=2 + min(row.headcount, 6),
                        opacity=0.7, tooltip=tip).add_to(fmap)
    for (lat, lon), name in places.items():
        folium.CircleMarker([lat, lon], radius=4, color="#333", fill=True, tooltip=html.escape(name)).add_to(fmap)
    return fmap
