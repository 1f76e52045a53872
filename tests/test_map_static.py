"""The zones map's static files: the geometry served for a pack and zoning is the pack's zones, under a name that
changes with them; a rerun sends a style table, not geometry."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from gpect_core import maps
from gpect_core.assets import STATIC_DIR, static_url, zone_map_js_url


def _decoded(topology: dict) -> list[tuple[str, str, object]]:
    """(id, name, shapely geometry) of each geometry of a TopoJSON file, in its order (arcs delta-decoded, then
    scaled back as the TopoJSON spec says)."""
    import numpy as np
    import shapely

    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = [np.cumsum(np.array(arc, dtype=float), axis=0) * scale + translate for arc in topology["arcs"]]

    def ring(indexes):
        points = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indexes]
        return np.concatenate([points[0], *[p[1:] for p in points[1:]]])

    out = []
    for geometry in next(iter(topology["objects"].values()))["geometries"]:
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        shape = shapely.MultiPolygon([shapely.Polygon(ring(rings[0]), [ring(r) for r in rings[1:]])
                                      for rings in polygons])
        out.append((geometry["id"], geometry["properties"]["n"], shape))
    return out


@pytest.mark.parametrize("zoning", ["ZE2020", "BMO", "DEP", "REG", "EPCI"])
def test_the_geometry_file_holds_the_zones_of_the_pack(demo_territory, tmp_path, zoning):
    if zoning not in demo_territory.zoning_ids():
        pytest.skip(f"no {zoning} in the demo pack")
    zones = demo_territory.zones_of(zoning)
    geometry = maps.zone_geometry(zones, zoning, directory=tmp_path)
    topology = json.loads(geometry.path.read_text(encoding="utf-8"))
    assert topology["type"] == "Topology"
    decoded = _decoded(topology)
    ids = [zone_id for zone_id, _name, _shape in decoded]
    assert sorted(ids) == sorted(zones["zone_id"].astype(str)) and len(ids) == len(zones)
    assert list(geometry.zone_ids) == ids
    by_id = zones.set_index(zones["zone_id"].astype(str))
    for zone_id, name, shape in decoded:
        original = by_id.loc[zone_id, "geometry"]
        assert name == by_id.loc[zone_id, "name"]
        assert shape.symmetric_difference(original).area < 0.001 * original.area, zone_id  # ≈ 10 m grid
    assert geometry.path.name.startswith(f"{zoning}.") and geometry.url.endswith("/" + geometry.path.name)


def test_a_border_shared_by_two_zones_is_written_once(demo_territory, tmp_path):
    zones = demo_territory.zones_of("ZE2020")
    topology = json.loads(maps.zone_geometry(zones, "ZE2020", directory=tmp_path).path.read_text(encoding="utf-8"))
    used = [abs(i if i >= 0 else ~i) for geometry in topology["objects"]["data"]["geometries"]
            for polygon in ([geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"])
            for ring in polygon for i in ring]
    shared = {arc for arc in used if used.count(arc) == 2}
    assert shared  # neighbouring basins: their common border is one arc, used by both
    assert len(set(used)) == len(topology["arcs"])


def test_the_geometry_file_changes_name_when_the_pack_zones_change(demo_territory, tmp_path):
    zones = demo_territory.zones_of("ZE2020")
    first = maps.zone_geometry(zones, "ZE2020", directory=tmp_path)
    again = maps.zone_geometry(zones.copy(), "ZE2020", directory=tmp_path)
    assert again.path == first.path
    renamed = zones.copy()
    renamed.loc[renamed["zone_id"] == "9901", "name"] = "Val d'Argent-Nord"
    moved = zones.copy()
    moved.geometry = moved.geometry.translate(0.01, 0)
    assert maps.zone_geometry(renamed, "ZE2020", directory=tmp_path).path != first.path
    assert maps.zone_geometry(moved, "ZE2020", directory=tmp_path).path != first.path
    assert first.path.is_file()  # the older file stays for pages still open on it


def test_files_are_served_under_the_app_static_url(tmp_path):
    assert static_url(STATIC_DIR / "geo" / "ZE2020.abc.json") == "/app/static/geo/ZE2020.abc.json"
    assert zone_map_js_url().startswith("/app/static/gpect/zone-map.js?v=")


def test_a_rerun_sends_a_style_table_and_no_geometry_nor_names(demo_territory, tmp_path):
    zones = demo_territory.zones_of("ZE2020")
    geometry = maps.zone_geometry(zones, "ZE2020", directory=tmp_path)
    tooltip = {"value": pd.Series("<b>12</b>", index=zones["zone_id"])}
    options = maps.zone_style_options(geometry, {"9902": "#123456", "9903": "#abcdef"}, selected=["9902"],
                                      peers=["9903"], no_data=["9904"], tooltip=tooltip,
                                      tooltip_aliases=["", "Valeur"])
    order = list(geometry.zone_ids)
    fills, kinds = maps.decode_styles(options)
    kinds = dict(zip(order, kinds, strict=True))
    fills = dict(zip(order, fills, strict=True))
    assert kinds["9902"] == 3 and kinds["9903"] == 2 and kinds["9904"] == 1 and kinds["9905"] == 1
    assert options["palette"][fills["9902"]] == "#123456" and fills["9904"] == -1
    assert options["styles"][3]["color"] == maps.SELECTED_OUTLINE
    assert options["zones"] == geometry.url
    sent = json.dumps(options)
    assert "coordinates" not in sent and "Val d" not in sent and "<b>" not in sent
    assert len(sent) < 2_000
    tips = json.loads((tmp_path / options["tooltip"].rsplit("/", 1)[1]).read_text(encoding="utf-8"))
    assert tips[0]["label"] == "Valeur" and tips[0]["values"][order.index("9901")] == "<b>12</b>"  # shown as text


def test_the_feature_group_script_applies_the_table(demo_territory, tmp_path):
    from streamlit_folium import _get_feature_group_string

    zones = demo_territory.zones_of("ZE2020")
    geometry = maps.zone_geometry(zones, "ZE2020", directory=tmp_path)
    group = maps.zone_styles(geometry, fill={"9901": "#123456"}, selected=["9901"])
    script = _get_feature_group_string(group, maps.zone_base_map(zones))
    assert "GpectZoneMap.apply(feature_group_feature_group_0, {" in script
    assert len(script.encode()) < 3_000


def test_a_click_point_designates_the_zone_under_it(demo_territory):
    zones = demo_territory.zones_of("ZE2020")
    for zone in zones.itertuples():
        point = zone.geometry.representative_point()
        assert maps.zone_at(zones, point.y, point.x) == zone.zone_id
    assert maps.zone_at(zones, 10.0, 10.0) is None
    assert maps.clicked_point({"last_object_clicked": {"lat": 1.5, "lng": 2.5}, "last_object_clicked_count": 3}) \
        == (1.5, 2.5, 3)
    assert maps.clicked_point({"last_object_clicked": None}) is None and maps.clicked_point(None) is None


def test_the_style_table_is_one_character_per_zone_and_reads_back():
    fills, kinds = [-1, 0, 4, 14, 2], [1, 0, 3, 2, 0]
    encoded = maps.encode_styles(fills, kinds)
    assert len(encoded["codes"]) == 5
    assert maps.decode_styles(encoded) == (fills, kinds)
    many = maps.encode_styles([15, 0], [0, 3])  # more colours than a character holds: the two lists
    assert maps.decode_styles(many) == ([15, 0], [0, 3]) and "codes" not in many


def test_the_border_file_draws_the_outlines_of_the_zones(demo_territory, tmp_path):
    import numpy as np
    import shapely

    regions = demo_territory.zones_of("REG")
    border = maps.border_geometry(regions, "REG", directory=tmp_path)
    topology = json.loads(border.path.read_text(encoding="utf-8"))
    assert topology["type"] == "Topology" and border.path.name.startswith("borders-REG.")
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = [np.cumsum(np.array(arc, dtype=float), axis=0) * scale + translate for arc in topology["arcs"]]
    (geometry,) = topology["objects"]["data"]["geometries"]
    parts = [geometry["arcs"]] if geometry["type"] == "LineString" else geometry["arcs"]
    drawn = shapely.MultiLineString([np.concatenate([arcs[i] if i >= 0 else arcs[~i][::-1] for i in part])
                                     for part in parts])
    outlines = shapely.union_all(regions.to_crs(4326).geometry.boundary.to_numpy())
    assert drawn.hausdorff_distance(outlines) < 1e-3  # ≈ 100 m: the same lines, on the 10 m grid
    assert maps.border_geometry(regions.copy(), "REG", directory=tmp_path).path == border.path
    moved = regions.copy()
    moved.geometry = moved.geometry.translate(0.01, 0)
    assert maps.border_geometry(moved, "REG", directory=tmp_path).path != border.path
