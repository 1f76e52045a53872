"""The plan's rules: late actions, progress by axis, actions of a selection, indicators, tension association."""

from __future__ import annotations

from datetime import date

import pandas as pd

from gpect_core.maps import zones_geojson
from gpect_core.plan import progress
from gpect_core.plan.rules import PROGRESS_LAG_POINTS, late_mask, late_rule

TODAY = date(2026, 1, 1)


def _actions(rows):
    frame = pd.DataFrame(rows, columns=["action_id", "axis_id", "title", "status", "start_date", "end_date",
                                        "progress", "zone_ids", "occupation_codes"])
    frame["start_date"] = pd.to_datetime(frame["start_date"])
    frame["end_date"] = pd.to_datetime(frame["end_date"])
    return frame


ACTIONS = _actions([
    ("A", "X", "overdue in progress", "en_cours", "2025-01-01", "2025-12-31", 90, "01 02", "H1"),
    ("B", "X", "done past end", "terminee", "2024-01-01", "2025-06-30", 100, "02", "H1"),
    ("C", "X", "lagging", "en_cours", "2025-01-01", "2026-12-31", 10, "03", ""),  # 50 % elapsed, 10 % done
    ("D", "Y", "on time", "en_cours", "2025-01-01", "2026-12-31", 40, "03", ""),  # 50 % elapsed, 40 % done
    ("E", "Y", "abandoned", "abandonnee", "2024-01-01", "2025-01-01", 0, "04", ""),
    ("F", "Y", "not started, past end", "a_lancer", "2025-01-01", "2025-06-30", 0, "01", ""),
])
AXES = pd.DataFrame({"axis_id": ["X", "Y", "Z"], "label": ["Axe X", "Axe Y", "Axe Z"]})


def test_late_rule_overdue_or_lagging_by_more_than_the_stated_points():
    late = late_mask(ACTIONS, TODAY)
    assert list(ACTIONS.loc[late, "action_id"]) == ["A", "C", "F"]
    assert f"{PROGRESS_LAG_POINTS} points" in late_rule("fr")
    assert f"{PROGRESS_LAG_POINTS} points" in late_rule("en") and "late" in late_rule("en")
    reasons = progress.late_actions(ACTIONS, TODAY).set_index("action_id")["reason"]
    assert reasons.to_dict() == {"A": "overdue", "C": "lagging", "F": "overdue"}


def test_progress_by_axis_is_the_mean_without_abandoned_actions():
    by_axis = progress.progress_by_axis(ACTIONS, AXES, TODAY).set_index("axis_id")
    assert by_axis.loc["X", "progress"] == (90 + 100 + 10) / 3
    assert by_axis.loc["Y", "progress"] == (40 + 0) / 2  # E (abandoned) left out
    assert pd.isna(by_axis.loc["Z", "progress"]) and by_axis.loc["Z", "actions"] == 0
    assert by_axis.loc["X", "late"] == 2 and by_axis.loc["Y", "late"] == 1


def test_counts_and_expected_progress():
    counts = progress.counts_by_axis_and_status(ACTIONS, AXES)
    assert counts.query("axis_id == 'X' and status == 'en_cours'")["actions"].item() == 2
    expected = progress.expected_progress(ACTIONS, TODAY)
    assert expected.iloc[2] == 50 and expected.iloc[0] == 100


def test_actions_are_counted_by_zone():
    assert progress.zone_action_counts(ACTIONS).to_dict() == {"01": 2, "02": 2, "03": 2, "04": 1}


def test_indicators_against_targets_use_the_latest_value():
    indicators = pd.DataFrame({"indicator_id": ["I1", "I2"], "action_id": ["A", "C"], "label": ["a", "b"],
                               "unit": ["u", "u"], "baseline": [10.0, 0.0], "target": [110.0, 0.0]})
    values = pd.DataFrame({"indicator_id": ["I1", "I1"], "date": pd.to_datetime(["2025-06-01", "2025-01-01"]),
                           "value": [60.0, 90.0], "source": ["s", "s"]})
    out = progress.indicators_against_targets(indicators, values).set_index("indicator_id")
    assert out.loc["I1", "value"] == 60.0 and out.loc["I1", "achieved"] == 0.5
    assert pd.isna(out.loc["I2", "achieved"])  # no value, and a target equal to the baseline


def test_tension_since_start_compares_the_year_before_the_start_with_the_latest():
    tension = pd.DataFrame({"zoning": "ZE2020", "zone_id": ["01", "01", "02", "02", "01"],
                            "occupation_code": ["H1", "H1", "H1", "H1", "OTHER"], "year": [2024, 2025, 2024, 2025, 2025],
                            "tension_score": [0.2, 0.5, 0.4, 0.3, 9.0]})
    recruitment = pd.DataFrame({"zoning": "ZE2020", "zone_id": ["01", "01"], "occupation_code": ["H1", "H1"],
                                "year": [2024, 2025], "projects": [100, 50], "difficult": [80, 20]})
    out = progress.tension_since_start(ACTIONS, tension, recruitment, "ZE2020").set_index("action_id")
    assert list(out.index) == ["A", "B"]  # only actions with occupations and basins covered by the data
    row = out.loc["A"]
    assert (row["tension_base_year"], row["tension_last_year"]) == (2024, 2025)
    assert round(row["tension_base"], 6) == 0.3 and round(row["tension_change"], 6) == 0.1
    assert round(row["difficulty_base"], 6) == 0.8 and round(row["difficulty_change"], 6) == -0.4
    assert "pas un effet mesuré" in progress.association_caveat("fr")
    assert "not a measured effect" in progress.association_caveat("en")


def test_action_titles_in_map_tooltips_are_escaped():
    import geopandas as gpd
    from shapely.geometry import box

    hostile = ACTIONS.assign(title=["<script>alert(1)</script>"] + list(ACTIONS["title"][1:]))
    titles = progress.zone_action_titles(hostile)
    zones = gpd.GeoDataFrame({"zone_id": ["01"], "name": ["<b>Zone</b>"]}, geometry=[box(0, 0, 1, 1)],
                             crs="EPSG:4326")
    geojson = zones_geojson(zones, {"titles": titles})
    text = str(geojson)
    assert "<script>" not in text and "&lt;script&gt;" in text and "&lt;b&gt;Zone" in text
