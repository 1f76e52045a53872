"""The zones map calls streamlit-folium's component itself (`ui.map.show_zones_map`, the base map rendered once per
pack and zoning): what it sends must stay what `st_folium` would send for the same map, or the map breaks silently
the day streamlit-folium changes its private helpers (it is pinned in requirements.txt)."""

from __future__ import annotations

import folium
import pytest
import streamlit_folium

from gpect_core import maps
from gpect_core.geo import display_bounds
from ui import map as ui_map


def _group() -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="zones")
    folium.Marker([45.0, 3.0], tooltip="un repère").add_to(group)
    return group


@pytest.mark.parametrize("returned", [ui_map.RETURNED, []], ids=["clickable", "not-clickable"])
def test_the_zones_map_sends_what_st_folium_sends_for_the_same_map(demo_territory, monkeypatch, returned):
    calls: list[dict] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: calls.append(kw) or kw.get("default"))
    zones = demo_territory.zones_of("ZE2020")

    def base_map():
        return maps.zone_base_map(zones, height_px=480, borders=True, bounds=display_bounds(zones))

    streamlit_folium.st_folium(base_map(), key="carte_map", feature_group_to_add=_group(), height=480,
                               use_container_width=True, returned_objects=returned)
    parts = ui_map.base_map_parts(base_map(), returned)
    ui_map.show_zones_map(parts, _group(), "carte_map", 480, returned, None)

    expected, sent = calls
    assert set(sent) == set(expected)
    differing = {k for k in expected if k != "on_change" and sent[k] != expected[k]}
    assert not differing, f"arguments that differ from st_folium's: {sorted(differing)}"
    assert any("/gpect/zone-map.js" in link for link in sent["js_links"])
