"""Per-pack caches of what does not depend on the selection (built once per pack version and zoning)."""

from __future__ import annotations

import streamlit as st

from gpect_core import Territory
from gpect_core.maps import zones_geojson


@st.cache_resource(show_spinner=False, max_entries=16)
def borders_geojson(_territory: Territory, fingerprint: str, zoning: str) -> dict:
    """Département and région outlines to draw over `zoning` (those it is finer than)."""
    import gpect_core.maps as maps

    return {level: maps.borders_geojson(_territory.zones_of(level)) for level in maps.border_levels(zoning)
            if len(_territory.zones_of(level))}


@st.cache_resource(show_spinner=False, max_entries=64)
def layer_geojson(_territory: Territory, fingerprint: str, zoning: str, key: str, _properties: dict) -> dict:
    """The zones' GeoJSON with the tooltip properties of `key` (an indicator and language), built once."""
    return zones_geojson(_territory.zones_of(zoning), _properties)
