"""Broken geographic files say what is wrong and where, in French (issue 14): repeated zone codes, a declared
Lambert-93 with degrees, a self-crossing polygon, NaN or absurd coordinates, a key twice in a feature, a
GeoPackage with several layers."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import box

from gpect_core.ingest import Upload, prepare


def square(x, y, size=0.1):
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def feature(coordinates, code="Z1", name="Nord"):
    return {"type": "Feature", "properties": {"code_zone": code, "nom_zone": name},
            "geometry": {"type": "Polygon", "coordinates": coordinates}}


def collection(*features, crs=None) -> bytes:
    payload = {"type": "FeatureCollection", "features": list(features)}
    if crs:
        payload["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(payload).encode()


def gpkg(*layers) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.gpkg"
        for name in layers:
            gpd.GeoDataFrame({"code_zone": ["Z1"], "nom_zone": ["Nord"]}, geometry=[box(5, 46, 5.1, 46.1)],
                             crs=4326).to_file(path, driver="GPKG", layer=name)
        return path.read_bytes()


BOW_TIE = [[[5.0, 46.0], [5.1, 46.1], [5.1, 46.0], [5.0, 46.1], [5.0, 46.0]]]
CASES = [
    ("doublons.geojson", collection(feature(square(5, 46)), feature(square(5.2, 46), name="Sud")),
     ["« doublons.geojson », entité 2, colonne « code_zone » : code de zone « Z1 » en double : déjà pris par "
      "l'entité 1"]),
    ("l93.geojson", collection(feature(square(5, 46)), crs="urn:ogc:def:crs:EPSG::2154"),
     ["« l93.geojson » : le fichier se déclare en RGF93 v1 / Lambert-93 (coordonnées en mètres), mais ses "
      "coordonnées (ex. 5 ; 46) sont des degrés"]),
    ("noeud.geojson", collection(feature(BOW_TIE)),
     ["« noeud.geojson », entité 1, colonne « geometry » : le polygone de la zone « Z1 » se recoupe"]),
    ("nan.geojson", b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code_zone":"Z1"},'
                    b'"geometry":{"type":"Polygon","coordinates":[[[5,46],[NaN,46],[5.1,46.1],[5,46]]]}}]}',
     ["« nan.geojson » : des coordonnées ne sont pas des nombres (« NaN » ou « Infinity »)"]),
    ("enorme.geojson", collection(feature([[[5, 46], [1e308, 46], [5.1, 46.1], [5, 46]]])),
     ["« enorme.geojson » : une coordonnée du fichier est hors de toute mesure (ex. 1e+308 ; 46"]),
    ("cle.geojson", b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code_zone":"Z1",'
                    b'"nom_zone":"Nord"},"geometry":{"type":"Polygon","coordinates":[[[5,46],[5.1,46],[5.1,46.1],'
                    b'[5,46]]]}},{"type":"Feature","properties":{"code_zone":"Z2","nom_zone":"Sud","code_zone":"Z3"},'
                    b'"geometry":{"type":"Polygon","coordinates":[[[6,46],[6.1,46],[6.1,46.1],[6,46]]]}}]}',
     ["« cle.geojson », entité 2 : l'attribut « code_zone » y figure deux fois"]),
    ("couches.gpkg", gpkg("zones_a", "zones_b"),
     ["« couches.gpkg » : le GeoPackage contient 2 couches (« zones_a », « zones_b »)"]),
]


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_broken_geographic_files_say_what_and_where(demo_pack_copy, name, data, expected):
    preview = prepare(demo_pack_copy, [Upload(name, data)], imported_by="t")
    assert not preview.ok
    messages = " | ".join(p.message for p in preview.problems)
    for part in expected:
        assert part in messages, messages
    assert "Self-intersection" not in messages and "géométrie absente" not in messages
    assert "contour non fermé" not in messages


def test_a_geopackage_with_one_polygon_layer_among_others_reads_it(demo_pack_copy, tmp_path):
    path = tmp_path / "zones.gpkg"
    gpd.GeoDataFrame({"nom": ["mairie"]}, geometry=gpd.points_from_xy([3], [47.5]),
                     crs=4326).to_file(path, driver="GPKG", layer="points")
    gpd.GeoDataFrame({"code_zone": ["Z1"], "nom_zone": ["Nord"]}, geometry=[box(2, 47, 4, 48)],
                     crs=4326).to_file(path, driver="GPKG", layer="zones")
    preview = prepare(demo_pack_copy, [Upload("zones.gpkg", path.read_bytes())], imported_by="t")
    assert preview.ok, preview.report()
    assert preview.previews["zones (custom)"]["zone_id"].tolist() == ["Z1"]
