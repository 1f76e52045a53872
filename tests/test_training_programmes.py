"""One programme = one formation (diploma code, else MEF) in one establishment (UAI): the Affelnet 2nde and 1re
entries, both voies, several rentrées and the constat de rentrée of one lycée's formation are one programme,
counted once; its places are those of the entry level of its latest rentrée. Also the UAI → département rule
(Pas-de-Calais and Sarthe are not Corsica) and the training vintage shown on every row."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from gpect_core import Territory
from gpect_core.indicators.training_needs import coverage, programme_key, programme_table, totals
from gpect_core.readers.training import dep_of_uai
from gpect_core.selection import Selection

FIXTURE = Path(__file__).parent / "fixtures" / "training_programmes.csv"


def _pack() -> Territory:
    zones = gpd.GeoDataFrame({"zoning": ["DEP"], "zone_id": ["11"], "name": ["Aude"], "population": [370000]},
                             geometry=[box(0, 0, 1, 1)], crs=4326)
    occupations = pd.DataFrame({"system": "ROME4", "code": ["G1602", "F1106", "I1306"],
                                "label": ["Personnel de cuisine", "Ingénierie", "Maintenance"]})
    training = pd.read_csv(FIXTURE, sep=";", dtype=str, keep_default_na=False)
    for column in ("capacity", "demand", "enrolled", "year"):
        training[column] = pd.to_numeric(training[column].replace("", None)).astype("Int64")
    recruitment = pd.DataFrame({"zoning": "DEP", "zone_id": ["11"], "occupation_system": "ROME4",
                                "occupation_code": ["G1602"], "year": 2024, "projects": [200], "difficult": [100],
                                "seasonal": [0], "secret_cells": [0]})
    for column in ("projects", "difficult", "seasonal", "secret_cells", "year"):
        recruitment[column] = recruitment[column].astype("Int64")
    return Territory(name="aude", zones=zones, tables={"occupations": occupations, "training": training,
                                                        "recruitment": recruitment})


def test_one_lycee_formation_is_one_programme_with_its_entry_level_places():
    cov = coverage(_pack(), Selection("DEP", ("11",)))
    table = cov.table.set_index("occupation_code")
    # the lycée's CUISINE: 2nde and 1re entries, scolaire and apprentissage, 2021–2022 offers, 2020 constat → one
    # programme; the GRETA's offer (no UAI) is another
    assert table.loc["G1602", "programmes"] == 2
    # places of the latest rentrée (2022) at the 2nde entry only: 24 scolaire + 8 apprentissage (the 6 places of
    # the 1re entry are the same pupils' second year), plus the GRETA's 10
    assert table.loc["G1602", "places"] == 24 + 8 + 10
    assert table.loc["G1602", "wishes"] == 36 + 5 + 12
    assert table.loc["G1602", "enrolled"] == 22 + 20 + 18  # the constat's three years of the cycle, once each
    assert table.loc["G1602", "training_years"] == "2020–2024"
    programmes = programme_table(cov).set_index("program_id")
    lycee = programmes.loc["0110001A-40022106"]
    assert (lycee["capacity"], lycee["demand"], lycee["enrolled"], lycee["years"]) == (32, 41, 60, "2020–2022")
    # the BTS leads to two ROME codes: once in the totals, at its 2024 figure
    assert table.loc["F1106", "places"] == table.loc["I1306", "places"] == 15
    total = totals(cov)
    assert (total["programmes"], total["places"], total["wishes"], total["enrolled"]) == (3, 32 + 10 + 15,
                                                                                       41 + 12 + 100, 60)
    assert programmes["capacity"].sum() == total["places"]


def test_rows_without_uai_or_formation_code_stay_one_programme_each():
    training = pd.read_csv(FIXTURE, sep=";", dtype=str, keep_default_na=False)
    keys = programme_key(training)
    assert keys.nunique() == 3
    assert keys.iloc[-1] == "GRETA-CUISINE"
    assert set(keys.iloc[:7]) == {"0110001A-40022106"}
    no_cfd = training.assign(cfd="")
    assert set(programme_key(no_cfd).iloc[:3]) == {"0110001A-23810022106", "0110001A-23820022106"}


def test_the_departement_of_a_uai():
    uai = pd.Series(["0622192W", "0721234A", "6200001A", "7200002B", "9710003C", "0110823K"])
    assert dep_of_uai(uai).tolist() == ["62", "72", "2A", "2B", "971", "11"]


@pytest.mark.realdata
def test_occitanie_counts_each_lycee_formation_once_on_the_national_pack(national_pack):
    territory = Territory.load(national_pack, validate=False)
    training = pd.read_parquet(national_pack / "training.parquet")
    zones = pd.read_parquet(national_pack / "zones.parquet", columns=["zoning", "zone_id", "reg"])
    deps = set(zones.loc[(zones["zoning"] == "DEP") & (zones["reg"] == "76"), "zone_id"])
    certifications = pd.read_parquet(national_pack / "certifications.parquet")
    with_codes = set(certifications.loc[certifications["occupation_codes"].fillna("").str.strip() != "",
                                        "formation_diplome"].dropna()) - {""}
    rows = training[(training["zoning"] == "DEP") & training["zone_id"].isin(deps)]
    linked = rows[(rows["occupation_codes"].fillna("").str.strip() != "") | rows["cfd"].isin(with_codes)]
    code = linked["cfd"].fillna("").where(linked["cfd"].fillna("") != "", linked["mef_stat_11"])
    pairs = pd.DataFrame({"uai": linked["provider"], "code": code}).drop_duplicates()
    cov = coverage(territory, Selection("REG", ("76",)))
    total = totals(cov)
    assert total["programmes"] == len(pairs)
    assert len(pairs) < rows["program_id"].nunique() * 0.6  # the rows it used to count as programmes
    programmes = programme_table(cov)
    assert not programmes["program_id"].duplicated().any()
    assert programmes["capacity"].sum() == total["places"]
    assert cov.table["training_years"].ne("").all()  # the vintage of the training read on every row


@pytest.mark.realdata
def test_a_zone_d_emploi_selection_maps_its_training_by_departement_with_the_right_count(national_pack):
    from gpect_core.indicators.training_needs import coverage_by_zone, map_zoning

    territory = Territory.load(national_pack, validate=False)
    rodez = next(z for z, n in territory.zone_names("ZE2020").items() if n == "Rodez")
    selection = Selection("ZE2020", (rodez,))
    # training known by département only (UAI → département; no commune in the files): never an empty map
    assert map_zoning(territory, selection) == "DEP"
    assert map_zoning(territory, Selection("DEP", ("12",))) == "DEP"
    on_ze = coverage_by_zone(territory, "ZE2020", ["G1602"])
    assert on_ze["places"].notna().sum() < 10  # the zones d'emploi alone would be (nearly) all blank
    assert on_ze.attrs["unplaced"] > 400  # programmes leading to G1602 no zone d'emploi holds
    by_dep = coverage_by_zone(territory, "DEP", ["G1602"]).set_index("zone_id")
    assert by_dep["places_per_100_projects"].notna().sum() > 80
    # Aveyron (12): its lycées' formations leading to G1602 (commis de cuisine), each (UAI, diploma) once
    cov = coverage(territory, Selection("DEP", ("12",)))
    programmes = programme_table(cov, ["G1602"])
    training = pd.read_parquet(national_pack / "training.parquet")
    rows = training[(training["zone_id"] == "12") & training["occupation_codes"].fillna("").str.contains("G1602")]
    code = rows["cfd"].fillna("").where(rows["cfd"].fillna("") != "", rows["mef_stat_11"])
    assert by_dep.loc["12", "programmes"] == len(programmes) >= (rows["provider"] + code).nunique() > 0
    assert by_dep.loc["12", "places"] == programmes["capacity"].sum()
