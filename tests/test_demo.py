"""The embedded demo territory: deterministic, a valid tiling, coherent magnitudes, and fictional."""

from __future__ import annotations

import pandas as pd
import shapely

from gpect_core.demo import build_demo


def test_the_generator_is_deterministic_and_matches_the_committed_pack(demo_territory):
    first, second = build_demo(), build_demo()
    for name in first.tables:
        pd.testing.assert_frame_equal(first.tables[name], second.tables[name])
    assert first.zones.geom_equals_exact(second.zones.geometry, tolerance=0).all()
    for name in ("recruitment", "tension", "context", "plan_actions"):
        pd.testing.assert_frame_equal(first.tables[name].reset_index(drop=True),
                                      demo_territory.tables[name].reset_index(drop=True), check_dtype=False)


def test_fifteen_basins_tile_the_region_without_gap_or_overlap(demo_territory):
    zones = demo_territory.zones_of("ZE2020")
    assert len(zones) == 15
    assert bool(shapely.coverage_is_valid(zones.geometry.values))
    region = demo_territory.zones_of("REG").geometry.iloc[0]
    union = shapely.coverage_union_all(zones.geometry.values)
    assert abs(union.area - region.area) / region.area < 1e-9
    assert shapely.intersection(union, region).area / region.area > 1 - 1e-9
    communes = demo_territory.tables["communes"]
    assert set(communes["zone_ZE2020"]) == set(zones["zone_id"])


def test_each_demo_commune_is_placed_inside_its_own_zones_and_pairing_uses_it(demo_territory):
    import geopandas as gpd

    from gpect_core.pairing.geo import commune_points

    communes = demo_territory.tables["communes"]
    assert communes[["lon", "lat"]].notna().all().all()
    points = gpd.points_from_xy(communes["lon"], communes["lat"], crs=4326)
    for zoning, column in (("ZE2020", "zone_ZE2020"), ("DEP", "dep")):
        zones = demo_territory.zones_of(zoning).set_index("zone_id").geometry
        inside = [zones[z].contains(p) for z, p in zip(communes[column], points, strict=True)]
        assert all(inside), communes.loc[[not i for i in inside], ["commune_id", column]]
    placed = commune_points(demo_territory)
    assert len(placed) == len(communes) and (placed["located"] == "commune").all()  # never a zone's centre
    assert placed["lon"].nunique() == len(communes)
    committed = demo_territory.tables["communes"].reset_index(drop=True)
    pd.testing.assert_frame_equal(build_demo().tables["communes"].reset_index(drop=True), committed,
                                  check_dtype=False)


def test_magnitudes_are_coherent(demo_territory):
    rec = demo_territory.tables["recruitment"]
    known = rec.dropna(subset=["projects", "difficult"])
    assert (known["difficult"] <= known["projects"]).all()
    known = rec.dropna(subset=["projects", "seasonal"])
    assert (known["seasonal"] <= known["projects"]).all()
    ze = rec[rec["zoning"] == "ZE2020"]
    assert sorted(ze["year"].unique()) == [2022, 2023, 2024]
    assert ze["projects"].isna().sum() > 0, "some cells must be secret"
    population = demo_territory.zones_of("REG")["population"].iloc[0]
    per_inhabitant = ze[ze["year"] == 2024]["projects"].sum() / population
    assert 0.02 < per_inhabitant < 0.08  # BMO: about 4 hiring projects per 100 inhabitants nationally
    share = ze["difficult"].sum() / ze.loc[ze["difficult"].notna(), "projects"].sum()
    assert 0.4 < share < 0.75


def test_region_rows_are_the_exact_sums_of_the_basins(demo_territory):
    rec = demo_territory.tables["recruitment"]
    ze = rec[(rec["zoning"] == "ZE2020") & (rec["year"] == 2024)]
    reg = rec[(rec["zoning"] == "REG") & (rec["year"] == 2024)]
    assert reg["projects"].sum() == ze["projects"].sum()
    assert reg["secret_cells"].sum() == ze["secret_cells"].sum()


def test_occupations_are_real_rome_codes_and_the_rest_of_the_bundle_is_there(demo_territory):
    occ = demo_territory.tables["occupations"]
    assert 55 <= len(occ) <= 65
    assert occ.loc[occ["code"] == "J1501", "label"].item() == "Aide-soignant / Aide-soignante"
    assert occ["code"].str.fullmatch(r"[A-N]\d{4}").all()
    tension = demo_territory.tables["tension"]
    assert tension["tension_class"].between(1, 5).all()
    for component in ("hiring_intensity", "labour_shortage", "non_durable_jobs", "working_conditions",
                      "geographic_mismatch", "training_link"):
        assert tension[component].notna().all()
    context = demo_territory.tables["context"]
    quarters = context.loc[context["indicator"] == "unemployment_rate", "period"].unique()
    assert len(quarters) >= 12
    assert len(demo_territory.tables["training"]) >= 30
    assert len(demo_territory.tables["needs"]) >= 100
    actions = demo_territory.tables["plan_actions"]
    assert 20 <= len(actions) <= 30
    assert set(actions["axis_id"]) == {"A1", "A2", "A3"}
    assert {"terminee", "en_cours", "a_lancer"} <= set(actions["status"])


def test_the_pack_says_it_is_fictional(demo_territory):
    assert demo_territory.fictional
    assert demo_territory.notice("fr") == "Données fictives de démonstration"


def test_every_demo_occupation_has_skills_appellations_and_scored_bridges(demo_territory):
    from gpect_core.assemble.bridges import build_bridges
    from gpect_core.indicators import bridges as core
    from gpect_core.survey.matching import index_of_pack, match_titles

    tables = demo_territory.tables
    codes = set(tables["occupations"]["code"])
    skills, titles = tables["skills"], tables["occupation_titles"]
    core_items = skills[skills["core"] & (skills["kind"] != "savoir_etre")]
    assert set(core_items["occupation_code"]) == codes and set(titles["occupation_code"]) == codes
    assert titles.groupby("occupation_code").size().min() >= 3 and titles["title_id"].is_unique
    # The committed bridges are the assembler's, and linked occupations mostly share skills.
    bridges = tables["bridges"]
    pd.testing.assert_frame_equal(bridges, build_bridges(tables["occupation_links"], skills), check_dtype=False)
    mobility = bridges[bridges["kind"] == "mobility"]
    assert len(mobility) == len(tables["occupation_links"]) and bridges["score"].notna().all()
    assert (mobility["score"] > 0).mean() > 0.9
    welders = bridges[(bridges["from_code"] == "H2913") & (bridges["to_code"] == "H2914")].iloc[0]
    assert welders["score"] > 0.5 and welders["shared_core"] > 0
    gap = core.skills_to_acquire(demo_territory, "H2913", "H2914")["label"].tolist()
    assert gap == ["Cintrer et raccorder des tubes", "Poser des réseaux de fluides (eau, gaz, chauffage)",
                   "Tracer et façonner des éléments de tuyauterie"]
    # Messy titles a firm writes find their demo appellation.
    found = match_titles(["Soudeur TIG H/F", "AGT DE FAB H/F", "chauffeur livreur VL", "xqzw plop"],
                         index_of_pack(demo_territory))
    assert list(found["rome_code"].fillna("")) == ["H2913", "H3302", "N4105", ""]
