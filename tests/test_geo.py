"""Zone geometry: dissolve by any composition, passage of changed codes, shared borders kept when simplified."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Polygon, box

from gpect_core import geo
from gpect_core.readers import read_path

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def composition(rows):
    return pd.DataFrame(rows, columns=["commune_id", "commune_name", "zone_id", "zone_name"]).assign(
        dep="", reg="", zoning="custom")


@pytest.fixture(scope="module")
def communes():
    return read_path(MINI / "communes.geojson")[0].data["commune_geometry"]


def wiggly_grid(n: int = 4) -> gpd.GeoDataFrame:
    """n × n communes in Lambert-93 whose shared borders have many small zigzags (to simplify)."""
    cells = []
    step = 20_000
    x0, y0 = 700_000, 6_600_000

    def edge(a, b, horizontal):
        points = []
        for k in range(41):
            t = k / 40
            x = a[0] + (b[0] - a[0]) * t
            y = a[1] + (b[1] - a[1]) * t
            wiggle = 300 * np.sin(k * 1.7) if 0 < k < 40 else 0
            points.append((x, y + wiggle) if horizontal else (x + wiggle, y))
        return points

    rows = {}
    for i in range(n + 1):
        for j in range(n):
            rows[("h", i, j)] = edge((x0 + j * step, y0 + i * step), (x0 + (j + 1) * step, y0 + i * step), True)
            rows[("v", j, i)] = edge((x0 + i * step, y0 + j * step), (x0 + i * step, y0 + (j + 1) * step), False)
    codes = []
    for i in range(n):
        for j in range(n):
            bottom = rows[("h", i, j)]
            right = rows[("v", i, j + 1)]
            top = rows[("h", i + 1, j)][::-1]
            left = rows[("v", i, j)][::-1]
            cells.append(Polygon(bottom + right[1:] + top[1:] + left[1:]))
            codes.append(f"{10 + i}{100 + j}")
    return gpd.GeoDataFrame({"commune_id": codes, "name": codes}, geometry=cells, crs=2154)


def test_dissolve_by_any_composition(communes):
    comp = composition([("01001", "Alpha", "Z1", "Nord"), ("01002", "Bêta", "Z1", "Nord"),
                        ("71001", "Delta", "Z2", "Sud")])
    result = geo.dissolve(communes, comp)
    zones = result.zones.set_index("zone_id")
    assert zones.loc["Z1", "name"] == "Nord" and zones.loc["Z1", "communes"] == 2
    area = zones.to_crs(2154).area
    assert area["Z1"] == pytest.approx(2 * 1e8, rel=1e-3)  # two 10 km squares, one polygon
    assert zones.loc["Z1", "geometry"].geom_type == "Polygon"
    assert result.communes_without_zone == 3


def test_changed_commune_codes_go_through_the_passage_table(communes):
    comp = composition([("01998", "Gamma (ancien code)", "Z1", "Nord")])
    passage = pd.DataFrame({"old": ["01998"], "new": ["01999"]})
    without = geo.dissolve(communes, comp)
    assert without.missing_zones == ["Nord (Z1)"]  # reported by name
    with_passage = geo.dissolve(communes, comp, passage)
    assert with_passage.recoded == 1 and not with_passage.missing_zones


def test_commune_nouvelle_on_two_zones_goes_with_the_code_it_kept():
    comp = composition([("01999", "Gamma", "Z2", "Sud"), ("01998", "Ancienne", "Z1", "Nord")])
    mapped, recoded, straddling = geo.apply_passage(comp, pd.DataFrame({"old": ["01998"], "new": ["01999"]}))
    assert straddling == ["01999"]
    assert mapped.set_index("commune_id").loc["01999", "zone_id"] == "Z2"


def test_zones_missing_some_communes_are_named(communes):
    comp = composition([("01001", "Alpha", "Z1", "Nord"), ("99999", "Fantôme", "Z1", "Nord")])
    result = geo.dissolve(communes, comp)
    assert result.partial_zones == ["Nord (Z1) : 1 commune(s) sans polygone (Fantôme)"]


def test_simplification_keeps_shared_borders_shared():
    grid = wiggly_grid()
    comp = composition([(c, c, f"Z{k % 3}", f"Zone {k % 3}") for k, c in enumerate(grid["commune_id"])])
    zones = geo.dissolve(grid, comp).zones
    simplified = geo.simplify_for_display(zones, tolerance_m=1500)
    assert geo.coverage_is_valid(simplified)
    assert shapely.is_valid(simplified.geometry.values).all()
    before = shapely.get_num_coordinates(zones.geometry.values).sum()
    after = shapely.get_num_coordinates(simplified.geometry.values).sum()
    assert after < before / 2
    # No gap, no overlap: the union keeps the area of the original coverage.
    assert simplified.to_crs(2154).union_all().area == pytest.approx(zones.to_crs(2154).union_all().area, rel=0.01)


def test_overlapping_and_gapped_inputs_become_a_coverage():
    a = box(0, 0, 10_000, 10_000)
    b = box(9_990, 0, 20_000, 10_000)  # overlaps a by 10 m
    c = box(0, 10_003, 20_000, 20_000)  # a 3 m sliver between c and a/b
    d = box(-5_000, -5_000, 25_000, 25_000).difference(box(0, 0, 20_000, 20_000))  # encloses the sliver
    cleaned = geo.make_coverage(np.array([a, b, c, d], dtype=object))
    assert shapely.coverage_is_valid(cleaned)
    assert sum(shapely.area(cleaned)) == pytest.approx(30_000 ** 2, rel=1e-6)


def test_overseas_zones_are_simplified_in_their_own_projection():
    assert geo.local_crs(2.3, 48.8) == 2154
    assert geo.local_crs(55.5, -21.1) == 2975  # La Réunion
    assert geo.local_crs(-61.5, 16.2) == 5490  # Guadeloupe
    assert geo.local_crs(-53.0, 4.0) == 2972  # Guyane
    assert geo.local_crs(45.1, -12.8) == 4471  # Mayotte


def test_geojson_holds_only_the_shown_properties(communes):
    comp = composition([("01001", "Alpha", "Z1", "Nord <b>")])
    zones = geo.dissolve(communes, comp).zones
    text = geo.zones_geojson(zones, properties=("zone_id", "name"), values={"tension": {"Z1": 4}})
    data = json.loads(text)
    assert set(data["features"][0]["properties"]) == {"zone_id", "name", "tension"}
    assert data["features"][0]["properties"]["tension"] == 4
    assert " " not in text.split('"features"')[1][:40]  # compact separators


def test_display_bounds_open_on_metropolitan_france_when_present():
    metro = box(2.0, 46.0, 3.0, 47.0)
    reunion = box(55.2, -21.4, 55.8, -20.9)
    zones = gpd.GeoDataFrame({"zone_id": ["A", "B"]}, geometry=[metro, reunion], crs=4326)
    assert geo.display_bounds(zones) == (2.0, 46.0, 3.0, 47.0)
    assert geo.display_bounds(zones.iloc[[1]]) == pytest.approx((55.2, -21.4, 55.8, -20.9))
