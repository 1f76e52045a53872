"""AppTest of app.py and the « Synthèse » page on the demo pack: figures follow the territory filter."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from gpect_core.formatting import fmt_int, fmt_pct, fmt_rate
from gpect_core.plan.rules import late_mask


@pytest.fixture
def at(demo_pack_copy, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(demo_pack_copy))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file("../app.py", default_timeout=60)


def _metric(at, label_start):
    for metric in at.metric:
        if metric.label.startswith(label_start):
            return metric.value
    raise AssertionError(f"no metric {label_start!r}: {[m.label for m in at.metric]}")


def _expected(territory, zone_ids, zoning="ZE2020"):
    """Key figures computed here, independently of gpect_core.indicators."""
    rec = territory.tables["recruitment"]
    rows = rec[(rec["zoning"] == zoning) & (rec["zone_id"].isin(zone_ids)) & (rec["year"] == 2024)]
    both = rows.dropna(subset=["projects", "difficult"])
    ctx = territory.tables["context"]
    rates = ctx[(ctx["zoning"] == zoning) & (ctx["indicator"] == "unemployment_rate") & (ctx["period"] == "2024-T4")
                & ctx["zone_id"].isin(zone_ids)].set_index("zone_id")["value"]
    labour = ctx[(ctx["zoning"] == zoning) & (ctx["indicator"] == "labour_force")].set_index("zone_id")["value"]
    rate = (rates * labour.reindex(rates.index)).sum() / labour.reindex(rates.index).sum()
    actions = territory.tables["plan_actions"]
    zone_set = set(zone_ids) if zoning == "ZE2020" else set(
        territory.zones_of("ZE2020").loc[lambda z: z["dep"].isin(zone_ids), "zone_id"])
    concerned = actions[actions["zone_ids"].str.split().map(lambda ids: bool(zone_set & set(ids)))]
    return {
        "projects": fmt_int(rows["projects"].sum()),
        "difficult": fmt_pct(both["difficult"].sum() / both["projects"].sum()),
        "unemployment": fmt_rate(rate),
        "actions": fmt_int(len(concerned)),
        "late": int(late_mask(concerned, date.today()).sum()),
    }


def test_renders_without_exception_on_the_whole_territory(at, demo_territory):
    at.run()
    assert not at.exception
    assert at.title[0].value == "Synthèse du territoire"
    everything = list(demo_territory.zones_of("ZE2020")["zone_id"])
    expected = _expected(demo_territory, everything)
    assert _metric(at, "Projets 2024") == expected["projects"]
    assert _metric(at, "Part difficile") == expected["difficult"]
    assert _metric(at, "Chômage 2024-T4") == expected["unemployment"]
    assert _metric(at, "Actions du plan") == expected["actions"]
    assert any("Données fictives de démonstration" in c.value for c in [*at.caption, *at.markdown])


@pytest.mark.parametrize("zone_ids", [["9903"], ["9901", "9912"]])
def test_changing_the_filter_changes_the_figures(at, demo_territory, zone_ids):
    at.run()
    at.multiselect(key="filter_zones").set_value(zone_ids).run()
    assert not at.exception
    expected = _expected(demo_territory, zone_ids)
    assert _metric(at, "Projets 2024") == expected["projects"]
    assert _metric(at, "Part difficile") == expected["difficult"]
    assert _metric(at, "Chômage 2024-T4") == expected["unemployment"]
    assert _metric(at, "Actions du plan") == expected["actions"]
    assert at.query_params["zones"] == ",".join(zone_ids)


def test_selection_through_session_state_as_the_map_click_does(at, demo_territory):
    at.run()
    at.session_state["filter_zones"] = ["9907"]
    at.run()
    assert _metric(at, "Projets 2024") == _expected(demo_territory, ["9907"])["projects"]


def test_a_departement_selection(at, demo_territory):
    at.run()
    at.selectbox(key="filter_zoning").set_value("DEP").run()
    at.multiselect(key="filter_zones").set_value(["9B"]).run()
    assert not at.exception
    expected = _expected(demo_territory, ["9B"], zoning="DEP")
    assert _metric(at, "Projets 2024") == expected["projects"]
    assert _metric(at, "Actions du plan") == expected["actions"]


def test_the_url_opens_a_selection_and_reports_unknown_codes(at, demo_territory):
    at.query_params["zones"] = "9905,4242"
    at.run()
    assert at.session_state["filter_zones"] == ["9905"]
    assert any("4242" in w.value for w in at.warning)
    assert _metric(at, "Projets 2024") == _expected(demo_territory, ["9905"])["projects"]


def test_english(at):
    at.query_params["lang"] = "en"
    at.run()
    assert at.title[0].value == "Territory overview"
    assert any(m.label.startswith("Hiring projects") for m in at.metric)


def test_an_unknown_language_in_the_link_is_reported_and_french_is_used(at):
    at.query_params["lang"] = "de"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Synthèse du territoire"
    assert any("Langue inconnue dans le lien : de" in w.value for w in at.warning)


def test_a_broken_pack_gives_a_french_message_not_a_traceback(at, demo_pack_copy):
    (demo_pack_copy / "zones.parquet").write_bytes(b"broken")
    at.run()
    assert not at.exception
    assert "Le territoire n'a pas pu être ouvert." in at.error[0].value
    assert "zones.parquet : fichier illisible" in at.code[0].value
