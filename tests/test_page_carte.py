"""AppTest of the « Carte des bassins » page on the demo pack: figures follow the filter and match the raw tables."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from gpect_core.formatting import fmt_int, fmt_pct, fmt_rate


@pytest.fixture
def at(demo_pack_copy, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(demo_pack_copy))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file("../app.py", default_timeout=60)


def _open(at, zone_ids, zoning="ZE2020", **state):
    """Open the page as a user would: switch to it, then choose the zoning and the basins in the sidebar."""
    at.run()
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page("app_pages/carte.py")
    at.run()
    if zoning != at.session_state["filter_zoning"]:
        at.selectbox(key="filter_zoning").set_value(zoning).run()
    at.multiselect(key="filter_zones").set_value(list(zone_ids)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _comparison(at):
    for frame in at.dataframe:
        value = frame.value
        if "Projets" in value.index:
            return value
    raise AssertionError("no comparison table")


def test_comparison_of_a_basin_with_its_region_and_the_territory(at, demo_territory):
    _open(at, ["9903"])
    table = _comparison(at)
    rec = demo_territory.tables["recruitment"]
    zone = rec[(rec["zoning"] == "ZE2020") & (rec["zone_id"] == "9903") & (rec["year"] == 2024)]
    region = rec[(rec["zoning"] == "REG") & (rec["year"] == 2024)]
    whole = rec[(rec["zoning"] == "ZE2020") & (rec["year"] == 2024)]
    assert list(table.columns) == ["Plaine de la Sorne", "Région : Région fictive", "Ensemble du territoire du pack"]
    assert table.loc["Projets"].tolist() == [fmt_int(zone["projects"].sum()), fmt_int(region["projects"].sum()),
                                             fmt_int(whole["projects"].sum())]
    known = zone.dropna(subset=["projects", "difficult"])
    assert table.loc["Part difficile", "Plaine de la Sorne"] == fmt_pct(known["difficult"].sum()
                                                                         / known["projects"].sum())
    ctx = demo_territory.tables["context"]
    rate = ctx[(ctx["zoning"] == "ZE2020") & (ctx["zone_id"] == "9903") & (ctx["indicator"] == "unemployment_rate")
               & (ctx["period"] == "2024-T4")]["value"].iloc[0]
    assert table.loc["Taux de chômage (%)", "Plaine de la Sorne"] == fmt_rate(rate)


def test_peers_of_the_selected_basin(at, demo_territory):
    from gpect_core.indicators.zones import peers

    _open(at, ["9903"])
    frames = [f.value for f in at.dataframe if "Distance" in f.value.columns]
    assert len(frames) == 1
    shown = frames[0]
    assert len(shown) == 5 and "9903" not in set(shown["Code"])
    assert shown["Code"].tolist() == peers(demo_territory, "ZE2020", "9903")["zone_id"].tolist()
    assert any("taille" in c.value for c in at.caption)


def test_without_a_single_basin_the_page_asks_for_one(at):
    _open(at, [])
    assert any("Sélectionnez un bassin" in i.value for i in at.info)
    table = _comparison(at)
    assert list(table.columns) == ["Tout le territoire (Zones d'emploi)"]


def test_values_table_follows_the_indicator(at, demo_territory):
    _open(at, ["9903"], indicateur="unemployment_rate", carte_values_open=True)  # the expander, opened
    frames = [f.value for f in at.dataframe if "Rang" in f.value.columns]
    values = frames[0].set_index("Code")["Valeur"]
    ctx = demo_territory.tables["context"]
    rates = ctx[(ctx["zoning"] == "ZE2020") & (ctx["indicator"] == "unemployment_rate") & (ctx["period"] == "2024-T4")]
    assert values.sort_index().tolist() == rates.set_index("zone_id")["value"].astype(float).sort_index().tolist()
    assert frames[0]["Rang"].iloc[0] == 1


def test_departement_zoning_and_english(at, demo_territory):
    _open(at, ["9B"], zoning="DEP", lang="en")
    assert at.title[0].value == "Map of the basins"
    table = [f.value for f in at.dataframe if "Projects" in f.value.index][0]
    assert list(table.columns) == ["Haute-Verdanne", "Région: Région fictive", "Whole territory of the pack"]
    rec = demo_territory.tables["recruitment"]
    dep = rec[(rec["zoning"] == "DEP") & (rec["zone_id"] == "9B") & (rec["year"] == 2024)]
    assert table.iloc[:, 0]["Projects"] == fmt_int(dep["projects"].sum(), lang="en")


def test_the_map_layer_escapes_names_and_greys_zones_without_data(demo_territory):
    import pandas as pd
    from streamlit_folium import _get_feature_group_string

    from gpect_core.maps import NO_DATA_FILL, base_map_with_borders, choropleth_layer

    zones = demo_territory.zones_of("ZE2020").copy()
    zones.loc[zones["zone_id"] == "9901", "name"] = '<img src=x onerror="alert(1)">'
    tooltip = {"value": pd.Series("<b>12</b>", index=zones["zone_id"])}
    layer = choropleth_layer(zones, {"9902": "#123456"}, selected=["9902"], peers=["9903"], no_data=["9904"],
                             tooltip=tooltip, tooltip_aliases=["", "Valeur"])
    script = _get_feature_group_string(layer, base_map_with_borders(zones, {}))
    text = script.replace("\\u0026", "&")  # the embedded JSON writes « & » as \u0026
    assert "<img" not in text and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in text
    assert "<b>12</b>" not in text and "&lt;b&gt;12&lt;/b&gt;" in text
    assert NO_DATA_FILL in script and "#123456" in script and '"dashArray": "3 3"' in script


HOSTILE_NAME = "![img](http://evil.example/zone.png) <img src=http://evil.example/z2.png> **Val**"


def test_peers_caption_shows_a_hostile_zone_name_as_text(demo_pack_copy, monkeypatch, tmp_path):
    from gpect_core.territory import Territory
    from ui.feedback import md

    territory = Territory.load(demo_pack_copy)
    zones = territory.zones
    zones.loc[(zones["zoning"] == "ZE2020") & (zones["zone_id"] == "9903"), "name"] = HOSTILE_NAME
    territory.save(tmp_path / "pack")
    monkeypatch.setenv("GPECT_PACK", str(tmp_path / "pack"))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    at = _open(AppTest.from_file("../app.py", default_timeout=60), ["9903"])
    peers_caption = [c.value for c in at.caption if c.value.startswith("Les cinq bassins les plus proches")]
    assert len(peers_caption) == 1
    assert f"« {md(HOSTILE_NAME)} »" in peers_caption[0]
    assert "![img](http://evil" not in peers_caption[0] and "<img src=http://evil" not in peers_caption[0]
