"""Correspondence between zonings, figures read on another zoning, the XLSX export and the CLI.

The tiny pack: zones d'emploi Z1, Z2 and the committee's own zones K1, K2, one département D1.
Communes (population): c1 (100) in Z1, K1; c2 (300) in Z1, K2; c3 (600) in Z2, K2; c4 (50) in Z2, no K.
So Z1 = 400, Z2 = 650, K1 = 100, K2 = 900 inhabitants, and Z2 is not fully covered by the committee's zones.
Recruitment is published on ZE2020 (Z1: 40 projects, 20 difficult; Z2: 130, 13) and on D1 (500 projects);
unemployment on ZE2020 (Z1 8 %, Z2 10 %); nothing on the committee's zones.
"""

from __future__ import annotations

import io

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
import shapely
from shapely.geometry import box as _box

from gpect_core.cli import main
from gpect_core.errors import GpectError
from gpect_core.export.correspondence import correspondence_xlsx
from gpect_core.indicators import correspondence as cr
from gpect_core.indicators import selection as sel
from gpect_core.selection import Selection
from gpect_core.territory import Territory

COMMUNES = pd.DataFrame({
    "commune_id": ["99001", "99002", "99003", "99004"],
    "name": ["Un", "Deux", "Trois", "Quatre"],
    "dep": ["D1"] * 4,
    "population": pd.array([100, 300, 600, 50], dtype="Int64"),
    "zone_ZE2020": ["Z1", "Z1", "Z2", "Z2"],
    "zone_custom": ["K1", "K2", "K2", None],
})


def box(*bounds):
    """A lon/lat box with vertices every 0.01°, so that its edges follow the parallels once projected."""
    return shapely.segmentize(_box(*bounds), 0.01)


def _zones() -> gpd.GeoDataFrame:
    rows = [("ZE2020", "Z1", "Zone un", box(2, 45, 3, 46)), ("ZE2020", "Z2", "Zone deux", box(3, 45, 4, 46)),
            ("custom", "K1", "Comité ouest", box(2, 45, 2.5, 46)),
            ("custom", "K2", "Comité est", box(2.5, 45, 4, 46)),
            ("DEP", "D1", "Département", box(2, 45, 4, 46))]
    return gpd.GeoDataFrame({"zoning": [r[0] for r in rows], "zone_id": [r[1] for r in rows],
                             "name": [r[2] for r in rows], "population": pd.array([400, 650, 100, 900, 1050],
                                                                                  dtype="Int64")},
                            geometry=[r[3] for r in rows], crs=4326)


def _recruitment() -> pd.DataFrame:
    return pd.DataFrame({
        "zoning": ["ZE2020", "ZE2020", "DEP"], "zone_id": ["Z1", "Z2", "D1"],
        "occupation_system": ["ROME4"] * 3, "occupation_code": ["H2913"] * 3,
        "year": pd.array([2025] * 3, dtype="Int64"), "projects": pd.array([40, 130, 500], dtype="Int64"),
        "difficult": pd.array([20, 13, 100], dtype="Int64"), "seasonal": pd.array([0, 26, 50], dtype="Int64")})


def _context() -> pd.DataFrame:
    return pd.DataFrame({"zoning": ["ZE2020", "ZE2020"], "zone_id": ["Z1", "Z2"],
                         "indicator": ["unemployment_rate"] * 2, "period": ["2025-T1"] * 2,
                         "value": [8.0, 10.0], "unit": ["%", "%"]})


def tiny(with_communes: bool = True) -> Territory:
    tables = {"recruitment": _recruitment(), "context": _context()}
    if with_communes:
        tables["communes"] = COMMUNES.copy()
    return Territory(name="Petit pack", zones=_zones(), tables=tables, default_zoning="ZE2020",
                     zonings={"ZE2020": {}, "custom": {"label": "Zones du comité"}, "DEP": {}})


def _pairs(corr) -> dict:
    return {(r.zone_a, r.zone_b): r for r in corr.table.itertuples()}


def test_by_communes_the_shares_are_the_hand_computed_ones():
    corr = cr.correspondence(tiny(), "ZE2020", "custom")
    assert corr.method == "communes"
    pairs = _pairs(corr)
    assert set(pairs) == {("Z1", "K1"), ("Z1", "K2"), ("Z2", "K2")}
    assert (pairs["Z1", "K1"].population_common, pairs["Z1", "K1"].communes_common) == (100, 1)
    assert pairs["Z1", "K1"].share_of_a == pytest.approx(100 / 400)
    assert pairs["Z1", "K1"].share_of_b == pytest.approx(1.0)
    assert pairs["Z1", "K2"].share_of_a == pytest.approx(300 / 400)
    assert pairs["Z1", "K2"].share_of_b == pytest.approx(300 / 900)
    assert pairs["Z2", "K2"].share_of_a == pytest.approx(600 / 650)
    assert pairs["Z2", "K2"].share_of_b == pytest.approx(600 / 900)
    assert pairs["Z2", "K2"].name_a == "Zone deux" and pairs["Z2", "K2"].name_b == "Comité est"
    by_a = corr.table.groupby("zone_a")["share_of_a"].sum()
    assert by_a["Z1"] == pytest.approx(1.0)  # fully covered
    assert by_a["Z2"] == pytest.approx(600 / 650)  # c4 is in no committee zone
    assert corr.table.groupby("zone_b")["share_of_b"].sum().to_numpy() == pytest.approx([1.0, 1.0])


def test_the_departement_is_read_from_the_communes_dep_column_and_the_result_is_memoised():
    territory = tiny()
    corr = cr.correspondence(territory, "custom", "DEP")
    assert corr.method == "communes"
    assert corr.table.set_index("zone_a")["share_of_b"].to_dict() == pytest.approx({"K1": 100 / 1050,
                                                                                  "K2": 900 / 1050})
    assert cr.correspondence(territory, "custom", "DEP") is corr


def test_without_communes_the_polygons_overlap_in_an_equal_area_projection():
    corr = cr.correspondence(tiny(with_communes=False), "ZE2020", "custom")
    assert corr.method == "area" and corr.crs == 3035
    pairs = _pairs(corr)
    assert set(pairs) == {("Z1", "K1"), ("Z1", "K2"), ("Z2", "K2")}  # the shared border is no overlap
    assert pairs["Z1", "K1"].share_of_a == pytest.approx(0.5, abs=1e-3)  # equal areas on the ellipsoid
    assert pairs["Z2", "K2"].share_of_a == pytest.approx(1.0, abs=1e-4)
    assert pairs["Z1", "K1"].share_of_b == pytest.approx(1.0, abs=1e-4)
    assert pairs["Z1", "K2"].share_of_b == pytest.approx(1 / 3, abs=1e-3)
    assert pairs["Z1", "K1"].population_common == pytest.approx(400 * pairs["Z1", "K1"].share_of_a)
    assert pd.isna(pairs["Z1", "K1"].communes_common)
    assert corr.table.groupby("zone_a")["share_of_a"].sum().to_numpy() == pytest.approx([1.0, 1.0], abs=1e-4)


def test_an_unknown_zoning_is_refused_in_french_naming_the_available_ones():
    with pytest.raises(GpectError, match=r"Zonage « BMO » inconnu .*zonages disponibles ZE2020, custom, DEP"):
        cr.correspondence(tiny(), "ZE2020", "BMO")


def test_figures_published_on_zones_d_emploi_read_on_the_committee_zones_equal_the_hand_computation():
    read = cr.translate_figures(tiny(), "ZE2020", "custom")
    # counts apportioned by the share of each ZE's population in the committee zone
    assert read.loc["K1", "projects"] == pytest.approx(40 * 100 / 400)
    assert read.loc["K2", "projects"] == pytest.approx(40 * 300 / 400 + 130 * 600 / 650)  # 30 + 120
    # shares recomputed from apportioned counts: (20·¾ + 13·600/650) / 150
    assert read.loc["K2", "difficult_share"] == pytest.approx((15 + 12) / 150)
    assert read.loc["K2", "projects_per_1000"] == pytest.approx(150 / (300 + 600) * 1000)
    # rates weighted by the population in common
    assert read.loc["K1", "unemployment_rate"] == pytest.approx(8.0)
    assert read.loc["K2", "unemployment_rate"] == pytest.approx((8 * 300 + 10 * 600) / 900)
    assert read.loc["K2", "projects_coverage"] == pytest.approx(1.0)
    assert read.loc["K2", "jobseekers_coverage"] == 0 and pd.isna(read.loc["K2", "jobseekers"])


def test_a_count_loses_nothing_when_read_on_a_zoning_that_covers_everything():
    read = cr.translate_figures(tiny(), "ZE2020", "DEP", ("projects", "population"))
    assert read.loc["D1", "projects"] == pytest.approx(40 + 130)
    assert read.loc["D1", "population"] == pytest.approx(1050)


def test_a_committee_zone_reads_its_recruitment_on_the_zoning_that_matches_it_best():
    territory = tiny()
    data = sel.data_selection(territory, Selection("custom", ("K1",)))
    # Z1 (400 inhabitants) holds all of K1: a closer match than D1 (1,050)
    assert data.substituted and data.selection == Selection("ZE2020", ("Z1",))
    assert data.coverage == pytest.approx(1.0)
    reading = sel.read_selection(territory, Selection("custom", ("K2",)))
    assert reading.source == Selection("ZE2020", ("Z2", "Z1"))
    assert reading.data.shares.to_dict() == pytest.approx({"Z2": 600 / 900, "Z1": 300 / 900})
    assert reading.figures["projects"] == pytest.approx(170)  # the covering zones whole, as the note says


def test_the_covering_share_counts_only_the_zones_kept():
    communes = COMMUNES.copy()
    communes.loc[communes["commune_id"] == "99002", "population"] = 50  # Z1 now 5 % of K2
    territory = tiny()
    territory.tables["communes"] = communes
    data = sel.data_selection(territory, Selection("custom", ("K2",)))
    assert data.selection == Selection("ZE2020", ("Z2",))
    assert data.coverage == pytest.approx(600 / 650)


# ---------------------------------------------------------------------------------------------- XLSX
def _sheet(payload: bytes):
    ws = openpyxl.load_workbook(io.BytesIO(payload)).active
    rows = list(ws.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] and str(row[0]).startswith("Code"))
    return ws, rows, header


def test_the_xlsx_holds_the_pairs_as_numbers_with_percent_shares_and_a_caption():
    territory = tiny()
    payload = correspondence_xlsx(territory, cr.correspondence(territory, "ZE2020", "custom"))
    ws, rows, header = _sheet(payload)
    caption = rows[0][0]
    assert "Petit pack" in caption and "Zones d'emploi" in caption and "Regroupement du comité" in caption
    assert "communes en commun" in caption and "établie le" in caption
    assert rows[header][:5] == ("Code (Zones d'emploi)", "Nom (Zones d'emploi)", "Code (Regroupement du comité)",
                                "Nom (Regroupement du comité)", "Population en commun")
    assert rows[header][5] == "Part de la population de la zone (Zones d'emploi) dans la zone (Regroupement du comité)"
    data = rows[header + 1:]
    assert [r[:3] for r in data] == [("Z1", "Zone un", "K2"), ("Z1", "Zone un", "K1"), ("Z2", "Zone deux", "K2")]
    assert data[0][4] == 300 and data[0][5] == pytest.approx(0.75) and data[0][9] == 1
    share_cell = ws.cell(row=header + 2, column=6)
    assert share_cell.number_format == "0.0%" and isinstance(share_cell.value, float | int)
    assert ws.cell(row=header + 2, column=5).number_format == "#,##0"


def test_the_demo_pack_correspondence_covers_every_zone_d_emploi(demo_territory):
    corr = cr.correspondence(demo_territory, "ZE2020", "DEP")
    assert corr.method == "communes"
    assert set(corr.table["zone_a"]) == set(demo_territory.zones_of("ZE2020")["zone_id"])
    assert corr.table.groupby("zone_a")["share_of_a"].sum().to_numpy() == pytest.approx(1.0)
    communes = demo_territory.tables["communes"]
    population = pd.to_numeric(communes["population"]).groupby(communes["dep"]).sum()
    assert corr.table.groupby("zone_b")["population_common"].sum().to_dict() == population.to_dict()
    ws, rows, header = _sheet(correspondence_xlsx(demo_territory, corr))
    assert len(rows) - header - 1 == len(corr.table) == 15
    assert "Données fictives de démonstration" in [r[0] for r in rows[:header]]


# ---------------------------------------------------------------------------------------------- CLI
def test_cli_writes_the_xlsx(tmp_path, capsys):
    pack = tmp_path / "pack"
    tiny().save(pack, validate=False)
    out = tmp_path / "table.xlsx"
    assert main(["correspondence", "--pack", str(pack), "--from", "ZE2020", "--to", "custom",
                 "--out", str(out)]) == 0
    assert "3 couples de zones" in capsys.readouterr().out
    _, rows, header = _sheet(out.read_bytes())
    assert len(rows) - header - 1 == 3


def test_cli_unknown_zoning_exits_1_with_the_available_ones_and_no_traceback(tmp_path, capsys):
    pack = tmp_path / "pack"
    tiny().save(pack, validate=False)
    out = tmp_path / "table.xlsx"
    assert main(["correspondence", "--pack", str(pack), "--from", "ZE2020", "--to", "BMO", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Zonage « BMO » inconnu dans le pack « Petit pack » : zonages disponibles" in err
    assert all(z in err for z in ("ZE2020", "custom", "DEP"))
    assert "Traceback" not in err and not out.exists()
    assert main(["correspondence", "--pack", str(pack), "--from", "DEP", "--to", "DEP", "--out", str(out)]) == 1
    assert "même zonage" in capsys.readouterr().err
    assert main(["correspondence", "--pack", str(tmp_path / "nope"), "--from", "ZE2020", "--to", "DEP",
                 "--out", str(out)]) == 1
    assert "n'est pas un pack de territoire" in capsys.readouterr().err
