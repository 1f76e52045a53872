"""One rule says which plan actions concern a selection, and « Synthèse » and « Plan d'action » show the same
count for every selection — including a BMO-basin selection, where they used to say 0 and 25."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from gpect_core import Territory
from gpect_core.plan.scope import action_counts, actions_of_selection, plan_zones_of
from gpect_core.selection import Selection

# Bassins BMO of the test pack: each groups zones d'emploi of the demo territory.
BMO_OF_ZE = {"9901": "B1", "9902": "B1", "9903": "B2", "9904": "B2", "9905": "B3", "9906": "B3", "9907": "B4",
             "9908": "B4", "9909": "B5", "9910": "B5", "9911": "B6", "9912": "B6", "9913": "B7", "9914": "B7",
             "9915": "B7"}


def _with_bmo(territory: Territory, keep_communes: bool = True) -> Territory:
    ze = territory.zones_of("ZE2020").copy()
    ze["bmo"] = ze["zone_id"].map(BMO_OF_ZE)
    bmo = ze.dissolve(by="bmo", as_index=False, aggfunc={"dep": "first", "reg": "first", "population": "sum"})
    bmo = bmo.assign(zoning="BMO", zone_id=bmo["bmo"], name="Bassin " + bmo["bmo"])[list(territory.zones.columns)]
    zones = pd.concat([territory.zones, bmo], ignore_index=True)
    tables = dict(territory.tables)
    if keep_communes:
        communes = tables["communes"].copy()
        communes["zone_BMO"] = communes["zone_ZE2020"].map(BMO_OF_ZE)
        tables["communes"] = communes
    else:
        tables.pop("communes")
    zonings = {**territory.zonings, "BMO": {"label": "Bassins BMO", "count": len(bmo)}}
    return Territory(name=territory.name, zones=type(territory.zones)(zones, geometry="geometry",
                                                                     crs=territory.zones.crs),
                     tables=tables, fictional=True, description=territory.description, zonings=zonings,
                     default_zoning="ZE2020", provenance=dict(territory.provenance))


@pytest.fixture(scope="module")
def bmo_territory(demo_territory):
    return _with_bmo(demo_territory)


def _by_hand(territory: Territory, ze_ids: set[str]) -> list[str]:
    actions = territory.tables["plan_actions"]
    return list(actions.loc[actions["zone_ids"].str.split().map(lambda ids: bool(ze_ids & set(ids))), "action_id"])


@pytest.mark.parametrize("basins", [("B1",), ("B3", "B6"), ("B7",)])
def test_a_bmo_selection_concerns_the_actions_of_the_zones_d_emploi_it_covers(bmo_territory, basins):
    ze_ids = {ze for ze, b in BMO_OF_ZE.items() if b in basins}
    selection = Selection("BMO", basins)
    assert plan_zones_of(bmo_territory, selection) == ze_ids
    concerned = actions_of_selection(bmo_territory, selection, bmo_territory.tables["plan_actions"])
    assert list(concerned["action_id"]) == _by_hand(bmo_territory, ze_ids)
    assert 0 < len(concerned) < len(bmo_territory.tables["plan_actions"])


def test_without_a_communes_table_the_polygons_decide(demo_territory, bmo_territory):
    bare = _with_bmo(demo_territory, keep_communes=False)
    for basins in [("B1",), ("B2", "B5")]:
        assert plan_zones_of(bare, Selection("BMO", basins)) == plan_zones_of(bmo_territory, Selection("BMO", basins))


def test_same_zoning_departement_and_whole_territory(demo_territory):
    actions = demo_territory.tables["plan_actions"]
    assert plan_zones_of(demo_territory, Selection("ZE2020")) is None
    assert len(actions_of_selection(demo_territory, Selection("ZE2020"), actions)) == len(actions)
    assert plan_zones_of(demo_territory, Selection("ZE2020", ("9903",))) == {"9903"}
    dep = demo_territory.zones_of("DEP")["zone_id"].iloc[0]
    ze = demo_territory.zones_of("ZE2020")
    assert plan_zones_of(demo_territory, Selection("DEP", (dep,))) == set(ze.loc[ze["dep"] == dep, "zone_id"])
    counts = action_counts(demo_territory, Selection("DEP", (dep,)), actions)
    assert counts.actions == len(_by_hand(demo_territory, set(ze.loc[ze["dep"] == dep, "zone_id"])))


@pytest.fixture
def bmo_pack(bmo_territory, tmp_path, monkeypatch):
    path = bmo_territory.save(tmp_path / "pack", keep_previous=False)
    monkeypatch.setenv("GPECT_PACK", str(path))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return path


def _metric(at: AppTest, label_start: str) -> str:
    for metric in at.metric:
        if metric.label.startswith(label_start):
            return metric.value
    raise AssertionError(f"no metric {label_start!r}: {[m.label for m in at.metric]}")


@pytest.mark.parametrize("zoning, zones", [("BMO", ["B3"]), ("BMO", ["B1", "B7"]), ("ZE2020", ["9905"]),
                                           ("DEP", None), ("BMO", [])])
def test_synthese_and_plan_pages_count_the_same_actions(bmo_pack, bmo_territory, zoning, zones):
    if zones is None:
        zones = [bmo_territory.zones_of("DEP")["zone_id"].iloc[0]]
    counts = []
    for page, label in (("../app_pages/synthese.py", "Actions du plan"), ("../app_pages/plan.py", "Actions")):
        at = AppTest.from_file(page, default_timeout=90)
        at.session_state["filter_zoning"] = zoning
        at.session_state["filter_zones"] = zones
        at.run()
        assert not at.exception, at.exception
        counts.append(_metric(at, label))
    expected = actions_of_selection(bmo_territory, Selection(zoning, tuple(zones)),
                                    bmo_territory.tables["plan_actions"])
    assert counts == [str(len(expected))] * 2
