"""Map values, classes, comparison and peers on the demo pack, checked against plain computations."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from gpect_core.indicators import choropleth as ch
from gpect_core.indicators import zones as zn
from gpect_core.selection import Selection


def _ze_rows(territory, year=2024):
    rec = territory.tables["recruitment"]
    return rec[(rec["zoning"] == "ZE2020") & (rec["year"] == year)]


def _context(territory, indicator, zoning="ZE2020"):
    ctx = territory.tables["context"]
    return ctx[(ctx["zoning"] == zoning) & (ctx["indicator"] == indicator)]


def test_zone_values_match_the_raw_tables(demo_territory):
    rows = _ze_rows(demo_territory)
    projects = rows.groupby("zone_id")["projects"].sum().astype(float)
    both = rows.dropna(subset=["projects", "difficult"]).groupby("zone_id")[["projects", "difficult"]].sum()
    values = ch.zone_values(demo_territory, "ZE2020", "projects").values
    pd.testing.assert_series_equal(values.sort_index(), projects.sort_index(), check_names=False)
    share = ch.zone_values(demo_territory, "ZE2020", "difficult_share").values
    assert np.allclose(share.sort_index(), (both["difficult"] / both["projects"]).astype(float).sort_index())
    population = _context(demo_territory, "population").set_index("zone_id")["value"].astype(float)
    per_1000 = ch.zone_values(demo_territory, "ZE2020", "projects_per_1000").values
    assert np.allclose(per_1000.sort_index(), (projects / population * 1000).sort_index())
    rates = _context(demo_territory, "unemployment_rate").pivot(index="period", columns="zone_id", values="value")
    change = ch.zone_values(demo_territory, "ZE2020", "unemployment_change")
    assert change.period == "2023-T4 → 2024-T4"
    assert np.allclose(change.values.sort_index(), (rates.loc["2024-T4"] - rates.loc["2023-T4"]).astype(float))
    tension = demo_territory.tables["tension"]
    mean_class = tension[(tension["zoning"] == "ZE2020") & (tension["year"] == 2024)].groupby("zone_id")[
        "tension_class"].mean().astype(float)
    assert np.allclose(ch.zone_values(demo_territory, "ZE2020", "tension_class").values.sort_index(),
                       mean_class.round(2).sort_index())


def test_the_rank_is_one_for_the_highest_value(demo_territory):
    values = ch.zone_values(demo_territory, "ZE2020", "projects")
    ranks = values.rank()
    assert ranks[values.values.idxmax()] == 1 and ranks[values.values.idxmin()] == len(values.values)


def test_quantile_classes_hold_as_many_zones_each():
    values = pd.Series(np.arange(20, dtype=float), index=[f"z{i}" for i in range(20)])
    classes = ch.classify(values, "quantiles", 5)
    assert classes.classes.value_counts().tolist() == [4, 4, 4, 4, 4]
    assert classes.count == 5 and classes.bounds()[0][0] == 0 and classes.bounds()[-1][1] == 19


def test_natural_breaks_find_the_obvious_groups():
    values = pd.Series([1, 1.2, 2, 10, 11, 10.5, 20, 21, np.nan], index=list("abcdefghi"))
    classes = ch.classify(values, "natural_breaks", 3)
    assert classes.breaks == [2.0, 11.0]
    assert classes.classes.tolist()[:8] == [0, 0, 0, 1, 1, 1, 2, 2]
    assert classes.classes.isna().tolist()[8]


def test_fixed_classes_keep_the_1_to_5_scale():
    values = pd.Series([1, 2, 3, 4, 5, 2.4], index=list("abcdef"))
    assert ch.classify(values, "fixed").classes.tolist() == [0, 1, 2, 3, 4, 1]


def test_comparison_levels_are_computed_where_the_pack_has_them(demo_territory):
    table = zn.comparison(demo_territory, Selection("ZE2020", ("9903",))).set_index("level")
    assert list(table.index) == ["selection", "region", "territory"]
    rows = _ze_rows(demo_territory)
    zone = rows[rows["zone_id"] == "9903"]
    assert table.loc["selection", "projects"] == pytest.approx(zone["projects"].sum())
    rec = demo_territory.tables["recruitment"]
    reg = rec[(rec["zoning"] == "REG") & (rec["year"] == 2024)]
    known = reg.dropna(subset=["projects", "difficult"])
    assert table.loc["region", "difficult_share"] == pytest.approx(known["difficult"].sum() / known["projects"].sum())
    assert table.loc["territory", "projects"] == pytest.approx(rows["projects"].sum())
    rate = _context(demo_territory, "unemployment_rate", "REG")
    assert table.loc["region", "unemployment_rate"] == pytest.approx(
        rate.loc[rate["period"] == "2024-T4", "value"].iloc[0])


def _independent_profiles(territory):
    rows = _ze_rows(territory)
    population = _context(territory, "population").set_index("zone_id")["value"].astype(float)
    both = rows.dropna(subset=["projects", "difficult"]).groupby("zone_id")[["projects", "difficult"]].sum()
    rates = _context(territory, "unemployment_rate")
    rate = rates[rates["period"] == rates["period"].max()].set_index("zone_id")["value"].astype(float)
    frame = pd.DataFrame({"size": np.log1p(population), "difficult": both["difficult"] / both["projects"],
                          "rate": rate}).astype(float)
    frame = (frame - frame.mean()) / frame.std(ddof=0)
    occupations = territory.tables["occupations"].set_index("code")["family"]
    mix = rows.assign(family=rows["occupation_code"].map(occupations)).pivot_table(
        index="zone_id", columns="family", values="projects", aggfunc="sum").fillna(0).astype(float)
    mix = mix.div(mix.sum(axis=1), axis=0)
    mix = (mix - mix.mean()) / mix.std(ddof=0) / np.sqrt(mix.shape[1])
    return pd.concat([frame, mix], axis=1)


def test_peers_are_the_nearest_on_the_documented_profile(demo_territory):
    peers = zn.peers(demo_territory, "ZE2020", "9903")
    assert len(peers) == 5 and "9903" not in set(peers["zone_id"])
    assert peers["distance"].is_monotonic_increasing
    profiles = _independent_profiles(demo_territory)
    distance = np.sqrt(((profiles - profiles.loc["9903"]) ** 2).sum(axis=1)).drop("9903").sort_values()
    assert list(peers["zone_id"]) == list(distance.index[:5])
    assert np.allclose(peers["distance"], distance.iloc[:5])
    assert zn.peer_criteria(demo_territory, "ZE2020") == ["size", "difficult_share", "unemployment_rate",
                                                          "family_mix"]


def test_every_indicator_has_values_on_the_demo(demo_territory):
    assert ch.available_indicators(demo_territory, "ZE2020") == list(ch.MAP_INDICATORS)
