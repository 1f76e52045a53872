"""The coverage table (training against needs): the demo pack against an independent computation, a place linked
to two ROME codes counted once, FAP families shared not split, survey needs by horizon, and the gaps rule."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from gpect_core import Territory
from gpect_core.indicators.training_needs import (
    COLUMNS,
    COVERED_PLACES_PER_100,
    LOW_PLACES_PER_100,
    SHORTAGE_TENSION,
    classify_gaps,
    coverage,
    coverage_by_zone,
    coverage_table,
    declared_needs,
    family_table,
    programme_links,
    top_gaps,
    totals,
)
from gpect_core.selection import Selection


# ---------------------------------------------------------------------------------------------- the demo pack
def _independent(territory: Territory, zone: str) -> pd.DataFrame:
    """Places, wishes, graduates, employment rate and projects by ROME code for one basin, from the raw tables."""
    tr = territory.tables["training"]
    tr = tr[(tr["zoning"] == "ZE2020") & (tr["zone_id"] == zone)]
    latest = tr.sort_values("year").groupby("program_id").tail(1)
    rows = []
    for _, p in latest.iterrows():
        for code in str(p["occupation_codes"]).split():
            rows.append({"code": code, "program_id": p["program_id"], "places": p["capacity"], "wishes": p["demand"],
                         "graduates": p["graduates"], "rate": p["employment_rate"]})
    long = pd.DataFrame(rows)
    out = long.groupby("code").agg(places=("places", "sum"), wishes=("wishes", "sum"),
                                   graduates=("graduates", "sum"), programmes=("program_id", "nunique"))
    long["w"] = long["places"] * long["rate"]
    out["rate"] = long.groupby("code")["w"].sum() / out["places"]
    rec = territory.tables["recruitment"]
    rec = rec[(rec["zoning"] == "ZE2020") & (rec["zone_id"] == zone) & (rec["year"] == rec["year"].max())]
    out["projects"] = rec.set_index("occupation_code")["projects"].reindex(out.index).astype(float)
    return out


def test_coverage_of_a_demo_basin_equals_an_independent_computation(demo_territory):
    table = coverage_table(demo_territory, Selection("ZE2020", ("9906",))).set_index("occupation_code")
    expected = _independent(demo_territory, "9906")
    assert list(coverage_table(demo_territory, Selection("ZE2020", ("9906",))).columns) == COLUMNS
    assert len(expected) >= 2
    for code, row in expected.iterrows():
        got = table.loc[code]
        assert got["programmes"] == row["programmes"], code
        assert got["places"] == pytest.approx(row["places"]), code
        assert got["wishes"] == pytest.approx(row["wishes"]), code
        assert got["graduates"] == pytest.approx(row["graduates"]), code
        assert got["employment_rate"] == pytest.approx(row["rate"]), code
        assert got["projects"] == pytest.approx(row["projects"]), code
        assert got["places_per_100_projects"] == pytest.approx(100 * row["places"] / row["projects"]), code
        assert got["wishes_per_place"] == pytest.approx(row["wishes"] / row["places"]), code
        assert got["graduates_per_100_projects"] == pytest.approx(100 * row["graduates"] / row["projects"]), code
    # the basin's survey answers, by horizon
    needs = demo_territory.tables["needs"]
    mine = needs[(needs["zoning"] == "ZE2020") & (needs["zone_id"] == "9906")]
    code = mine["occupation_code"].value_counts().index[0]
    of_code = mine[mine["occupation_code"] == code]
    assert table.loc[code, "needs_total"] == of_code["headcount"].sum()
    assert table.loc[code, "needs_answers"] == len(of_code)
    one_year = of_code.loc[of_code["horizon"] == "1 an", "headcount"].sum()
    assert (table.loc[code, "needs_1y"] if one_year else 0) == pytest.approx(one_year) or \
        np.isnan(table.loc[code, "needs_1y"]) and one_year == 0


def test_totals_of_the_demo_basin_count_each_programme_once(demo_territory):
    cov = coverage(demo_territory, Selection("ZE2020", ("9906",)))
    tr = demo_territory.tables["training"]
    tr = tr[(tr["zoning"] == "ZE2020") & (tr["zone_id"] == "9906")]
    latest = tr.sort_values("year").groupby("program_id").tail(1)
    total = totals(cov)
    assert total["places"] == latest["capacity"].sum()
    assert total["programmes"] == latest["program_id"].nunique()
    # the rows' places add up to more: several programmes lead to two or three ROME codes
    assert cov.table["places"].sum() > total["places"]


# ---------------------------------------------------------------------------------------------- a tiny pack
def _tiny_pack() -> Territory:
    """Two basins; recruitment by FAP family (one family F1 ↔ ROME A1111 and A2222); one programme P1 of 10 places
    leading to both ROME codes, one programme P2 of 5 places leading to A2222 only; a survey of three answers."""
    zones = gpd.GeoDataFrame({"zoning": ["ZE2020", "ZE2020"], "zone_id": ["01", "02"], "name": ["Aval", "Amont"],
                              "population": [1000, 2000]},
                             geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs=4326)
    occupations = pd.DataFrame({"system": ["ROME4", "ROME4", "ROME4", "FAP2009"],
                                "code": ["A1111", "A2222", "B3333", "F1"],
                                "label": ["Soudeur", "Chaudronnier", "Cuisinier", "Métiers du métal"],
                                "family": ["A", "A", "B", "F"], "family_label": ["Ind.", "Ind.", "Hôt.", "Métal"]})
    links = pd.DataFrame({"from_system": ["FAP2009", "FAP2009", "FAP2009"], "from_code": ["F1", "F1", "F2"],
                          "to_system": ["ROME4"] * 3, "to_code": ["A1111", "A2222", "B3333"],
                          "kind": ["crosswalk"] * 3, "source": ["DARES, table FAP – ROME"] * 3})
    recruitment = pd.DataFrame({"zoning": "ZE2020", "zone_id": ["01", "01", "02"],
                                "occupation_system": "FAP2009", "occupation_code": ["F1", "F2", "F1"],
                                "year": 2024, "projects": [200, 40, 30], "difficult": [150, 10, 10],
                                "seasonal": [0, 0, 0], "secret_cells": [0, 0, 0]})
    for column in ("projects", "difficult", "seasonal", "secret_cells", "year"):
        recruitment[column] = recruitment[column].astype("Int64")
    training = pd.DataFrame({"program_id": ["P1", "P2", "P3"], "title": ["CAP métal", "BP chaudronnerie", "CAP"],
                             "provider": ["L1", "L2", "L3"], "zoning": "ZE2020", "zone_id": ["01", "01", "02"],
                             "occupation_codes": ["A1111 A2222", "A2222", "A1111"], "level": "3",
                             "capacity": [10, 5, 12], "demand": [30, 5, 12], "enrolled": [10, 5, 12],
                             "graduates": [8, 4, 6], "employment_rate": [0.7, 0.4, 0.5], "year": 2024})
    for column in ("capacity", "demand", "enrolled", "graduates", "year"):
        training[column] = training[column].astype("Int64")
    needs = pd.DataFrame({"response_id": ["R1", "R2", "R3"], "zoning": "ZE2020", "zone_id": ["01", "01", "02"],
                          "sector_naf": "C", "size_band": "10-49", "occupation_code": ["A1111", "A1111", "A1111"],
                          "occupation_text": ["soudeur tig", "soudeur", "soudeur"], "headcount": [3, 2, 9],
                          "horizon": ["6 mois", "3 ans", "1 an"], "difficulty": [3, 2, 1], "skills": "",
                          "date": pd.to_datetime(["2025-03-01", "2025-04-01", "2025-05-01"])})
    needs["headcount"] = needs["headcount"].astype("Int64")
    tension = pd.DataFrame({"zoning": "ZE2020", "zone_id": ["01"], "occupation_system": "ROME4",
                            "occupation_code": ["B3333"], "year": [2024], "tension_class": [5]})
    tension["tension_class"] = tension["tension_class"].astype("Int64")
    tension["year"] = tension["year"].astype("Int64")
    return Territory(name="tiny", zones=zones, tables={
        "occupations": occupations, "occupation_links": links, "recruitment": recruitment, "training": training,
        "needs": needs, "tension": tension})


def test_a_place_linked_to_two_rome_codes_is_counted_once():
    cov = coverage(_tiny_pack(), Selection("ZE2020", ("01",)))
    table = cov.table.set_index("occupation_code")
    assert table.loc["A1111", "places"] == 10
    assert table.loc["A2222", "places"] == 15
    assert totals(cov)["places"] == 15  # P1's 10 places once, P2's 5
    assert totals(cov, ["A1111", "A2222"])["programmes"] == 2
    assert totals(cov, ["A2222"])["places"] == 15
    # the FAP family's 200 projects are shown on both of its ROME codes, and counted once in totals
    assert table.loc["A1111", "projects"] == table.loc["A2222", "projects"] == 200
    assert table.loc["A1111", "bmo_shared"] == 2
    assert table.loc["A1111", "fap_codes"] == "F1"
    assert totals(cov, ["A1111", "A2222"])["projects"] == 200
    # ratios are read on the family: 15 places (P1 once, P2) per 200 projects
    assert table.loc["A1111", "places_per_100_projects"] == pytest.approx(7.5)
    assert table.loc["A2222", "places_per_100_projects"] == pytest.approx(7.5)
    assert table.loc["A1111", "wishes_per_place"] == pytest.approx(3.0)


def test_needs_by_horizon_and_absent_tables():
    territory = _tiny_pack()
    table = coverage_table(territory, Selection("ZE2020", ("01",))).set_index("occupation_code")
    assert table.loc["A1111", ["needs_total", "needs_6m", "needs_3y", "needs_answers"]].tolist() == [5, 3, 2, 2]
    assert np.isnan(table.loc["A1111", "needs_1y"])
    del territory.tables["needs"]
    del territory.tables["training"]
    table = coverage_table(territory, Selection("ZE2020", ("01",))).set_index("occupation_code")
    assert table["needs_total"].isna().all() and (table["programmes"] == 0).all()
    assert table.loc["A1111", "projects"] == 200


def test_gaps_rule():
    table = classify_gaps(coverage_table(_tiny_pack(), Selection("ZE2020", ("01",)))).set_index("occupation_code")
    # family F1: 75 % difficult, 7.5 places per 100 projects < LOW_PLACES_PER_100
    assert LOW_PLACES_PER_100 > 7.5
    assert table.loc["A1111", "gap"] == "shortage_no_training"
    # B3333: tension class 5 ≥ SHORTAGE_TENSION, 40 projects of F2 and no programme
    assert table.loc["B3333", "tension_class"] >= SHORTAGE_TENSION
    assert table.loc["B3333", "gap"] == "shortage_no_training"
    # basin 02: A1111's 12 places for 30 projects (≥ COVERED_PLACES_PER_100), employment rate 0.5: well covered
    other = classify_gaps(coverage_table(_tiny_pack(), Selection("ZE2020", ("02",)))).set_index("occupation_code")
    assert other.loc["A1111", "places_per_100_projects"] == pytest.approx(100 * 12 / 30)
    assert 100 * 12 / 30 >= COVERED_PLACES_PER_100
    assert other.loc["A1111", "gap"] == "well_covered"


def test_weak_insertion_and_few_needs():
    territory = _tiny_pack()
    rec = territory.tables["recruitment"]
    territory.tables["recruitment"] = rec[rec["occupation_code"] != "F1"].reset_index(drop=True)
    territory.tables["needs"] = territory.tables["needs"].iloc[0:0]
    training = territory.tables["training"].copy()
    training["employment_rate"] = [0.3, 0.4, 0.5]
    territory.tables["training"] = training
    table = classify_gaps(coverage_table(territory, Selection("ZE2020", ("01",)))).set_index("occupation_code")
    assert table.loc["A2222", "employment_rate"] < 0.5
    assert table.loc["A2222", "gap"] == "weak_insertion_few_needs"


def test_programme_links_fall_back_on_bcn_codes():
    territory = _tiny_pack()
    training = territory.tables["training"].copy()
    training.loc[2, "occupation_codes"] = ""
    training["cfd"] = ["", "", "50025001"]
    territory.tables["training"] = training
    territory.tables["certifications"] = pd.DataFrame({"certification_id": ["1"], "label": ["CAP"], "type": ["CAP"],
                                                       "level_eu": ["3"], "rncp": [""],
                                                       "formation_diplome": ["50025001"],
                                                       "occupation_codes": ["B3333"]})
    _, links = programme_links(territory)
    assert links[links["program_id"] == "P3"][["occupation_code", "link"]].values.tolist() == [["B3333", "bcn"]]


def test_coverage_by_zone_for_the_map():
    by_zone = coverage_by_zone(_tiny_pack(), "ZE2020", ["A1111", "A2222"]).set_index("zone_id")
    assert by_zone.loc["01", "places"] == 15 and by_zone.loc["02", "places"] == 12
    assert by_zone.loc["01", "projects"] == 200
    assert by_zone.loc["02", "places_per_100_projects"] == pytest.approx(100 * 12 / 30)


def test_whole_territory_and_empty_selection(demo_territory):
    whole = coverage(demo_territory, Selection("ZE2020"))
    tr = demo_territory.tables["training"]
    assert totals(whole)["programmes"] == tr["program_id"].nunique()
    nothing = coverage_table(demo_territory, Selection("ZE2020", ("0000",)))
    assert nothing.empty and list(nothing.columns) == COLUMNS


def test_map_and_chart_read_a_fap_family_as_the_table_does():
    territory = _tiny_pack()
    # A2222 alone: its family F1 also holds A1111, whose programme P3 is in basin 02 — as the table's ratio counts it
    by_zone = coverage_by_zone(territory, "ZE2020", ["A2222"]).set_index("zone_id")
    table = coverage_table(territory, Selection("ZE2020", ("02",))).set_index("occupation_code")
    assert by_zone.loc["02", "places_per_100_projects"] == pytest.approx(table.loc["A2222", "places_per_100_projects"])
    assert by_zone.loc["02", "places"] == 12
    top = top_gaps(classify_gaps(coverage_table(territory, Selection("ZE2020", ("01",)))))
    family = top[top["bmo_codes"] == "FAP2009 F1"]
    assert len(family) == 1 and family["siblings"].iloc[0] == 1  # A1111 and A2222: one bar, « +1 »
    assert family["ratio_projects"].iloc[0] == 200 and family["ratio_places"].iloc[0] == 15


# ---------------------------------------------------------------------------------------------- where training counts
def _department_pack() -> Territory:
    """The tiny pack with its training published by département only: « D1 » holds both basins (3,000 inhabitants,
    basin 01 is half of it), « D2 » lies elsewhere."""
    territory = _tiny_pack()
    zones = territory.zones
    departments = gpd.GeoDataFrame({"zoning": ["DEP", "DEP"], "zone_id": ["D1", "D2"], "name": ["Haut", "Bas"],
                                    "population": [3000, 5000]}, geometry=[box(0, 0, 2, 1), box(5, 5, 6, 6)],
                                   crs=4326)
    territory = Territory(name="tiny-dep", zones=gpd.GeoDataFrame(pd.concat([zones, departments], ignore_index=True),
                                                                   crs=4326), tables=dict(territory.tables))
    training = territory.tables["training"].copy()
    training["zoning"] = "DEP"
    training["zone_id"] = ["D1", "D1", "D2"]
    territory.tables["training"] = training
    return territory


def test_training_known_only_by_department_is_shown_apart_never_credited_to_each_basin():
    territory = _department_pack()
    one, two = (coverage(territory, Selection("ZE2020", (z,))) for z in ("01", "02"))
    both = coverage(territory, Selection("ZE2020", ("01", "02")))
    for cov in (one, two):
        assert cov.training.mode == "none" and cov.apart.zone_ids == ("D1",)
        assert totals(cov)["programmes"] == 0 and (cov.table["programmes"] == 0).all()
        assert totals(cov)["apart_programmes"] == 2 and totals(cov)["apart_places"] == 15  # P1 and P2 of D1, once
        assert cov.ratio_scope == "apart"
    # the two basins together hold all of D1: its programmes now count in the selection, once
    assert both.training.zone_ids == ("D1",) and both.apart.mode == "none"
    assert totals(both)["programmes"] == 2 and totals(both)["places"] == 15
    for cov in (one, two):
        assert totals(both)["programmes"] + totals(both)["apart_programmes"] >= \
            totals(cov)["programmes"] + totals(cov)["apart_programmes"]
    # the map by basin cannot place département training: no basin gets D1's places
    by_zone = coverage_by_zone(territory, "ZE2020", ["A1111", "A2222"]).set_index("zone_id")
    assert by_zone["places"].isna().all() and by_zone["places_per_100_projects"].isna().all()


def test_family_figures_are_given_once_and_rome_rows_carry_only_their_own():
    territory = _tiny_pack()
    cov = coverage(territory, Selection("ZE2020", ("01",)))
    table = cov.table.set_index("occupation_code")
    families = family_table(territory, cov)
    assert families[["bmo_key", "rome_codes", "projects", "places"]].values.tolist() == [
        ["FAP2009 F1", "A1111 A2222", 200.0, 15.0]]  # P1's 10 places once, P2's 5
    assert families.loc[0, "difficult_share"] == pytest.approx(0.75)
    assert np.isnan(table.loc["A1111", "own_projects"]) and np.isnan(table.loc["A2222", "own_projects"])
    assert table.loc["B3333", "own_projects"] == 40  # F2 is B3333's alone
    assert table["own_projects"].sum() + families["projects"].sum() == totals(cov)["projects"] == 240


def test_rodez_and_figeac_on_the_national_pack_against_an_independent_computation(national_pack):
    territory = Territory.load(national_pack, validate=False)
    communes = pd.read_parquet(national_pack / "communes.parquet")
    training = pd.read_parquet(national_pack / "training.parquet")
    names = territory.zone_names("ZE2020")
    rodez = next(z for z, n in names.items() if n == "Rodez")
    figeac = next(z for z, n in names.items() if str(n).startswith("Figeac"))

    def departments(zone_ids) -> set[str]:
        mine = communes[communes["zone_ZE2020"].isin(zone_ids)]
        share = mine.groupby(["zone_ZE2020", "dep"])["population"].sum() / \
            mine.groupby("zone_ZE2020")["population"].sum()
        return set(share[share >= 0.01].index.get_level_values("dep"))

    def expected(zone_ids) -> tuple[int, float]:
        rows = training[(training["zoning"] == "DEP") & training["zone_id"].isin(departments(zone_ids))]
        code = rows["cfd"].fillna("").where(rows["cfd"].fillna("") != "", rows["mef_stat_11"])
        rows = rows.assign(key=rows["provider"] + "-" + code, cycle=rows["mef_stat_11"].str[3])
        linked = rows[rows["occupation_codes"].fillna("").str.strip() != ""]["key"].unique()
        offers = rows[rows["capacity"].notna()]  # one lycée's formation: entry level of its latest rentrée
        offers = offers[offers["year"] == offers.groupby("key")["year"].transform("max")]
        offers = offers[offers["cycle"] == offers.groupby("key")["cycle"].transform("min")]
        return len(linked), float(offers.groupby("key")["capacity"].sum().reindex(linked).sum())

    got = {}
    for key, zone_ids in (("rodez", (rodez,)), ("figeac", (figeac,)), ("both", (rodez, figeac))):
        cov = coverage(territory, Selection("ZE2020", zone_ids))
        total = totals(cov)
        assert total["programmes"] == 0  # no département lies in these zones d'emploi
        assert (total["apart_programmes"], total["apart_places"]) == expected(zone_ids), key
        got[key] = total["apart_programmes"]
    assert got["rodez"] < 300  # Aveyron's programmes only, not counted once more per zone
    assert got["both"] >= max(got["rodez"], got["figeac"])


def test_a_programme_of_two_rome_codes_is_said_shared_and_listed_once_in_the_programme_table():
    from gpect_core.indicators.training_needs import programme_table, shared_training

    territory = _tiny_pack()
    cov = coverage(territory, Selection("ZE2020", ("01",)))
    shared = shared_training(cov, ["A1111", "A2222", "B3333"])
    assert shared.loc["A1111"].tolist() == [1, 1] and shared.loc["A2222"].tolist() == [1, 1]  # P1, with each other
    assert shared.loc["B3333"].tolist() == [0, 0]
    assert shared_training(cov, ["A2222"]).loc["A2222"].tolist() == [0, 0]  # alone in its table: nothing shared
    programmes = programme_table(cov).set_index("program_id")
    assert programmes.loc["P1", ["rome_codes", "rome_count", "capacity"]].tolist() == ["A1111 A2222", 2, 10]
    assert programmes.loc["P2", ["rome_codes", "rome_count", "capacity"]].tolist() == ["A2222", 1, 5]
    assert programmes["capacity"].sum() == totals(cov)["places"] == 15
    assert programme_table(cov, ["A1111"])["program_id"].tolist() == ["P1"]


# ---------------------------------------------------------------------------------------------- each class from its row
def test_a_row_without_training_is_never_well_covered_though_its_family_is():
    # basin 02: family F1 has 30 projects and P3's 12 places (A1111 only): 40 places per 100 projects
    table = classify_gaps(coverage_table(_tiny_pack(), Selection("ZE2020", ("02",)))).set_index("occupation_code")
    assert table.loc["A1111", "gap"] == "well_covered"
    assert table.loc["A2222", "ratio_programmes"] == 0 and table.loc["A2222", "places_per_100_projects"] >= 30
    assert table.loc["A2222", "gap"] != "well_covered"


def test_training_known_only_by_department_counts_in_the_gaps():
    territory = _department_pack()
    rec = territory.tables["recruitment"]
    territory.tables["recruitment"] = rec[rec["occupation_code"] != "F2"].reset_index(drop=True)
    training = territory.tables["training"].copy()
    training["occupation_codes"] = ["A1111 A2222", "A2222 B3333", "A1111"]
    territory.tables["training"] = training
    table = classify_gaps(coverage_table(territory, Selection("ZE2020", ("01",)))).set_index("occupation_code")
    # B3333: tension 5, no hiring project, P2 of D1 (the département holding the basin) leads to it
    assert table.loc["B3333", "programmes"] == 0 and table.loc["B3333", "apart_programmes"] == 1
    assert table.loc["B3333", "ratio_programmes"] == 1
    assert table.loc["B3333", "gap"] != "shortage_no_training"


def test_on_the_national_pack_each_class_follows_from_the_figures_on_its_row(national_pack):
    from gpect_core.i18n import t
    from ui.formations import shown_table

    territory = Territory.load(national_pack, validate=False)
    rodez = next(z for z, n in territory.zone_names("ZE2020").items() if n == "Rodez")
    cov = coverage(territory, Selection("ZE2020", (rodez,)))
    assert cov.ratio_scope == "apart"  # Aveyron's training, known by département only
    shown, _ = shown_table(classify_gaps(cov.table), lambda k, **v: t(k, "fr", **v), with_needs=False,
                           located=False, apart="département", cov=cov)
    gap, ratio = shown["Écart"], shown["Places pour 100 projets du métier ou de sa famille BMO"]
    programmes = shown["Formations (département seulement)"]
    covered, short = gap == "Bien couvert", gap == "Pénurie sans formation locale"
    assert covered.sum() > 0 and short.sum() > 0
    assert (programmes[covered] > 0).all() and (ratio[covered] >= 30).all()
    assert ((programmes[short] == 0) | (ratio[short] < 10)).all()
    # the figure the class rests on is on every row classed by its ratio
    assert ratio[covered | (short & (programmes > 0))].notna().all()
    # « shortage without local training » only where the row's training is none or thin
    k1302 = shown[shown["Code ROME"] == "K1302"]
    if len(k1302) and k1302["Formations (département seulement)"].iloc[0] > 0:
        ratio_k1302 = k1302["Places pour 100 projets du métier ou de sa famille BMO"].iloc[0]
        assert k1302["Écart"].iloc[0] != "Pénurie sans formation locale" or ratio_k1302 < 10


def test_the_english_sources_line_names_the_committee_survey_in_english():
    from types import SimpleNamespace

    from gpect_core.i18n import t
    from gpect_core.territory import Provenance
    from ui.formations import _sources_line

    territory = _tiny_pack()
    territory.provenance["needs"] = Provenance(source="saisie du comité (besoins)", producer="comité")
    cov = coverage(territory, Selection("ZE2020", ("01",)))
    line = _sources_line(SimpleNamespace(territory=territory, t=lambda k, **v: t(k, "en", **v)), cov)
    assert "declared needs the committee's company survey (2025)" in line and "comité" not in line, line


def test_declared_needs_count_answers_without_an_occupation_code_and_say_so():
    territory = _tiny_pack()
    needs = territory.tables["needs"].copy()
    needs.loc[1, "occupation_code"] = ""  # R2: 2 people in 3 years, title not coded
    territory.tables["needs"] = needs
    summary = declared_needs(territory, Selection("ZE2020", ("01",)))
    assert summary["answers"] == 2 and summary["uncoded"] == 1
    assert summary["total"] == 5 and summary["y3"] == 2 and summary["m6"] == 3
    assert summary["top"] == [("A1111", "Soudeur", 3.0)]


@pytest.mark.parametrize(("text", "key"), [
    ("Dans les 6 prochains mois", "6m"), ("d'ici 6 mois", "6m"), ("sous 12 mois", "1y"), ("dans l'année", "1y"),
    ("besoins à moins de 6 mois", "6m"), ("besoins à 1 an", "1y"), ("besoins à 3 ans", "3y"), ("36 mois", "3y"),
    ("plus d'un an", "3y"), ("plus de 6 mois", "1y"), ("Immédiatement", "6m"), ("deux ans", "3y"),
    ("je ne sais pas", None), ("", None)])
def test_a_survey_horizon_is_read_in_its_usual_wordings(text, key):
    from gpect_core.indicators.training_needs import horizon_key

    assert horizon_key(text) == key


def test_declared_needs_by_horizon_add_up_to_the_total_with_the_horizons_not_understood():
    territory = _tiny_pack()
    needs = territory.tables["needs"].copy()
    needs["horizon"] = ["Dans les 6 prochains mois", "Septembre peut-être", "sous 12 mois"]
    territory.tables["needs"] = needs
    summary = declared_needs(territory, Selection("ZE2020", ("01",)))
    assert summary["m6"] == 3 and summary["y3"] == 0 and summary["other"] == 2
    assert summary["m6"] + summary["y1"] + summary["y3"] + summary["other"] == summary["total"]


def test_the_gaps_chart_shows_the_places_its_class_read_never_the_family_s_for_a_row_without_training():
    from gpect_core.charts.training import gaps_bar
    from gpect_core.indicators.training_needs import LOW_PLACES_PER_100

    territory = _tiny_pack()
    tables = territory.tables
    tables["occupations"] = pd.concat([tables["occupations"], pd.DataFrame(
        {"system": ["ROME4"], "code": ["A3333"], "label": ["Tuyauteur"], "family": ["A"], "family_label": ["Ind."]})],
        ignore_index=True)
    tables["occupation_links"] = pd.concat([tables["occupation_links"], pd.DataFrame(
        {"from_system": ["FAP2009"], "from_code": ["F1"], "to_system": ["ROME4"], "to_code": ["A3333"],
         "kind": ["crosswalk"], "source": ["DARES, table FAP – ROME"]})], ignore_index=True)
    recruitment = tables["recruitment"].copy()
    recruitment.loc[0, ["projects", "difficult"]] = [50, 10]  # F1 in basin 01: 15 places for 50 projects, no shortage
    tables["recruitment"] = recruitment
    tension = tables["tension"].copy()
    tension.loc[0, "occupation_code"] = "A3333"  # in shortage, no programme of its own
    tables["tension"] = tension
    table = classify_gaps(coverage_table(territory, Selection("ZE2020", ("01",)))).set_index("occupation_code")
    assert table.loc["A3333", "gap"] == "shortage_no_training"
    assert table.loc["A3333", "places_per_100_projects"] == 30  # the family's places, read by the other codes
    top = top_gaps(table.reset_index())
    assert top["occupation_code"].tolist() == ["A3333"]
    for row in top.itertuples():
        assert 100 * row.chart_places / row.ratio_projects < LOW_PLACES_PER_100
    data = gaps_bar(top).to_dict()["datasets"]
    values = next(iter(data.values()))
    assert [v["value"] for v in values if v["measure"] == "Places de formation"] == [0.0]
    assert [v["value"] for v in values if v["measure"] == "Projets de recrutement"] == [50.0]


def test_a_need_coded_on_a_rome_sub_fiche_is_counted_on_its_parent_fiche_and_said():
    from gpect_core.i18n import t
    from ui.formations import rolled_up_note

    territory = _tiny_pack()
    occupations = pd.concat([territory.tables["occupations"], pd.DataFrame(
        {"system": ["ROME4"], "code": ["A1112"], "label": ["Soudeur TIG"], "family": ["A"], "family_label": ["Ind."]})],
        ignore_index=True)
    occupations["parent"] = occupations["code"].where(occupations["code"] != "A1112", "A1111")
    territory.tables["occupations"] = occupations
    needs = territory.tables["needs"].copy()
    needs.loc[1, "occupation_code"] = "A1112"  # R2: 2 people in basin 01, coded on the sub-fiche
    territory.tables["needs"] = needs
    cov = coverage(territory, Selection("ZE2020", ("01",)))
    table = cov.table.set_index("occupation_code")
    assert "A1112" not in table.index
    assert table.loc["A1111", "needs_total"] == 5 and table.loc["A1111", "projects"] == 200
    assert cov.needs_rolled_up == {"A1112": "A1111"}
    assert rolled_up_note(lambda k, **v: t(k, "fr", **v), cov.needs_rolled_up).endswith(
        "qui seule porte projets de recrutement, tension et formations : A1112 → A1111.")
