"""A committee zoning drawn far outside the territory, without population (issue 14): the preview asks to
confirm (« aucune commune du pack dans ces zones »), and once integrated every page renders without exception."""

from __future__ import annotations

import io

import geopandas as gpd
import pytest
from shapely.geometry import box
from streamlit.testing.v1 import AppTest

from gpect_core.errors import GpectError
from gpect_core.indicators.correspondence import correspondence
from gpect_core.ingest import Upload, integrate, prepare
from gpect_core.territory import Territory

PAGES = ["app_pages/synthese.py", "app_pages/carte.py", "app_pages/metiers.py", "app_pages/formations.py",
         "app_pages/passerelles.py", "app_pages/donnees.py", "app_pages/plan.py"]


def _far_zones() -> bytes:
    frame = gpd.GeoDataFrame({"code_zone": ["Z1", "Z2"], "nom_zone": ["Loin", "Plus loin"]},
                             geometry=[box(-60.0, 10.0, -59.8, 10.1), box(-59.8, 10.0, -59.6, 10.1)], crs=4326)
    buffer = io.BytesIO()
    frame.to_file(buffer, driver="GPKG", layer="zones")
    return buffer.getvalue()


@pytest.fixture
def far_pack(demo_pack_copy):
    preview = prepare(demo_pack_copy, [Upload("zones_loin.gpkg", _far_zones())], imported_by="t")
    assert preview.ok, preview.report()
    assert any("aucune commune du pack dans ces zones" in d.message and "zones_loin.gpkg" in d.message
               and "Z1" in d.message for d in preview.doubts), [d.message for d in preview.doubts]
    with pytest.raises(GpectError):
        integrate(demo_pack_copy, preview)
    integrate(demo_pack_copy, preview, confirmed=True)
    return demo_pack_copy


def test_zones_inside_the_territory_raise_no_doubt(demo_pack_copy, demo_territory):
    communes = demo_territory.tables["communes"]
    lon, lat = float(communes["lon"].median()), float(communes["lat"].median())
    frame = gpd.GeoDataFrame({"code_zone": ["A"], "nom_zone": ["Tout"]},
                             geometry=[box(lon - 5, lat - 5, lon + 5, lat + 5)], crs=4326)
    buffer = io.BytesIO()
    frame.to_file(buffer, driver="GPKG", layer="zones")
    preview = prepare(demo_pack_copy, [Upload("zones.gpkg", buffer.getvalue())], imported_by="t")
    assert preview.ok, preview.report()
    assert not preview.doubts


def test_correspondence_with_zones_sharing_nothing_is_empty_not_an_error(far_pack):
    territory = Territory.load(far_pack)
    corr = correspondence(territory, "ZE2020", "custom")
    assert corr.table.empty
    assert corr.table["population_common"].dtype == float


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_the_far_zoning(far_pack, monkeypatch, tmp_path, page):
    monkeypatch.setenv("GPECT_PACK", str(far_pack))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    at = AppTest.from_file("../app.py", default_timeout=90)
    at.query_params["zonage"], at.query_params["zones"] = "custom", "Z1,Z2"
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{page}: nothing rendered"
