"""No chart fails on a large selection: charts draw at most what a reader can follow (and Altair accepts: 5,000
rows), keep the top items, and let the page say so."""

from __future__ import annotations

from datetime import date

import pandas as pd

from gpect_core.charts import heatmap_chart
from gpect_core.charts.plan import MAX_GANTT_ACTIONS, gantt, gantt_actions
from gpect_core.indicators.occupations import MAX_HEATMAP_ZONES, heatmap_top


def _long(n_zones: int, n_occupations: int = 15) -> pd.DataFrame:
    rows = [{"zone_id": f"Z{z:03d}", "zone_name": f"Bassin {z}", "occupation_system": "ROME4",
             "occupation_code": f"A{o:04d}", "label": f"Métier {o}", "projects": float(1000 - z),
             "difficult_share": 0.5, "seasonal_share": 0.1, "fragile": o == 0}
            for z in range(n_zones) for o in range(n_occupations)]
    return pd.DataFrame(rows)


def test_a_heatmap_of_400_basins_draws_the_40_that_hire_most():
    long = _long(400)
    assert len(long) > 5000
    drawn, total = heatmap_top(long)
    assert total == 400 and drawn["zone_id"].nunique() == MAX_HEATMAP_ZONES
    assert list(dict.fromkeys(drawn["zone_id"])) == [f"Z{z:03d}" for z in range(MAX_HEATMAP_ZONES)]
    spec = heatmap_chart(long, lang="fr").to_dict()  # MaxRowsError before
    (values,) = spec["datasets"].values()
    assert len({v["zone_id"] for v in values}) == MAX_HEATMAP_ZONES


def test_a_small_heatmap_is_drawn_whole():
    long = _long(12)
    drawn, total = heatmap_top(long)
    assert total == 12 and len(drawn) == len(long)


def test_a_timeline_of_300_actions_keeps_the_late_and_running_ones_first():
    n = 300
    actions = pd.DataFrame({
        "action_id": [f"ACT{i:03d}" for i in range(n)], "title": [f"Action {i}" for i in range(n)],
        "axis_id": "AX1", "status": ["en_cours" if i % 3 == 0 else "a_lancer" for i in range(n)],
        "progress": 10, "start_date": pd.Timestamp("2025-01-01"),
        "end_date": [pd.Timestamp("2026-01-01") + pd.Timedelta(days=i) for i in range(n)]})
    late = {"ACT299", "ACT150"}
    drawn, total = gantt_actions(actions, late)
    assert total == n and len(drawn) == MAX_GANTT_ACTIONS
    assert late <= set(drawn["action_id"])
    running = set(actions.loc[actions["status"] == "en_cours", "action_id"])
    assert set(drawn["action_id"]) - late <= running  # 100 running actions: the 78 nearest deadlines among them
    spec = gantt(actions, late, date(2026, 6, 1), "en", axis_labels={"AX1": "Axe 1"}).to_dict()
    bars = next(v for v in spec["datasets"].values() if v and "action_id" in v[0])
    assert len(bars) == MAX_GANTT_ACTIONS
