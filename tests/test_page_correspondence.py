"""AppTest: the « Données » page offers the correspondence between two zonings as XLSX, and a page says on which
zoning a selection's recruitment was read and what share of its population the covering zones hold."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from gpect_core.formatting import fmt_int, fmt_pct
from gpect_core.territory import Territory


def _app(path: str, pack, monkeypatch, tmp_path) -> AppTest:
    monkeypatch.setenv("GPECT_PACK", str(pack))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file(path, default_timeout=90)


def test_donnees_offers_the_correspondence_between_two_zonings(demo_pack_copy, monkeypatch, tmp_path):
    at = _app("../app_pages/donnees.py", demo_pack_copy, monkeypatch, tmp_path)
    at.run()
    assert not at.exception
    source = at.selectbox(key="donnees_corr_from")
    target = at.selectbox(key="donnees_corr_to")
    assert source.label == "Zonage de départ" and target.label == "Zonage d'arrivée"
    assert source.value == "ZE2020" and target.value != "ZE2020"
    target.set_value("DEP").run()
    assert not at.exception
    assert any(c.value.startswith("15 couples de zones ; 100,0\u202f% de la population des Zones d'emploi")
               for c in at.caption)
    shown = next(d.value for d in at.dataframe if "Population en commun" in d.value.columns)
    assert len(shown) == 15 and set(shown["Code (Départements)"]) == {"9A", "9B", "9C"}
    buttons = [e for e in at.get("download_button") if "correspondance" in str(e.proto).lower()]
    assert buttons and "Télécharger la correspondance (XLSX)" in str(buttons[0].proto)
    at.selectbox(key="donnees_corr_to").set_value("ZE2020").run()
    assert any(i.value == "Choisissez deux zonages différents." for i in at.info)


@pytest.fixture
def pack_without_departement_recruitment(demo_pack_copy):
    territory = Territory.load(demo_pack_copy)
    for table in ("recruitment", "tension"):
        frame = territory.tables[table]
        territory.tables[table] = frame[frame["zoning"] != "DEP"].reset_index(drop=True)
    territory.save(demo_pack_copy, keep_previous=False)
    return demo_pack_copy, territory


def test_a_page_says_on_which_zoning_and_for_what_share_of_the_population_it_read(
        pack_without_departement_recruitment, monkeypatch, tmp_path):
    pack, territory = pack_without_departement_recruitment
    communes = territory.tables["communes"]
    inside = communes[communes["dep"] == "9B"]
    shares = pd.to_numeric(inside["population"]).groupby(inside["zone_ZE2020"]).sum() / pd.to_numeric(
        inside["population"]).sum()
    kept = shares[shares >= 0.1]
    rec = territory.tables["recruitment"]
    latest = rec[(rec["zoning"] == "ZE2020") & (rec["year"] == rec["year"].max())]
    expected = latest[latest["zone_id"].isin(kept.index)]["projects"].sum()

    at = _app("../app.py", pack, monkeypatch, tmp_path)
    at.run()
    at.selectbox(key="filter_zoning").set_value("DEP").run()
    at.multiselect(key="filter_zones").set_value(["9B"]).run()
    assert not at.exception
    note = next(i.value for i in at.info if "ne sont pas publiés par" in i.value)
    assert "lus sur les Zones d'emploi qui recouvrent la sélection" in note
    assert f"Lu sur les Zones d'emploi ({fmt_pct(kept.sum(), 0)} de la population de la sélection)" in note
    projects = next(m.value for m in at.metric if m.label.startswith("Projets"))
    assert projects == fmt_int(expected)
