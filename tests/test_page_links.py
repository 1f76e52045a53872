"""AppTest of views that are links: a link's unknown page choice gives a notice (French first) and the default."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


@pytest.fixture
def at(demo_pack_copy, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(demo_pack_copy))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file("../app.py", default_timeout=60)


def _open_link(at, page, **params):
    at.query_params.update(params)
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_unknown_indicator_in_a_link_gives_the_french_notice_and_the_default_map(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", carte_indicator="Taux de bonheur")
    notices = [w.value for w in at.warning]
    assert "Valeur inconnue dans le lien pour « Indicateur » : « Taux de bonheur ». La valeur par défaut est " \
           "affichée." in notices
    assert at.selectbox(key="carte_indicator").value == "projects"  # the page's default indicator


def test_an_unknown_family_in_an_english_link_gives_the_english_notice(at):
    _open_link(at, "app_pages/metiers.py", zonage="ZE2020", lang="en", metiers_family="Astronautes")
    assert "Unknown value in the link for “Occupation family”: “Astronautes”. The default is shown." in \
        [w.value for w in at.warning]
    assert at.selectbox(key="metiers_family").value == ""


def test_a_known_indicator_in_a_link_is_shown_without_notice(at):
    _open_link(at, "app_pages/carte.py", zonage="ZE2020", carte_indicator="Taux de chômage")
    assert at.selectbox(key="carte_indicator").value == "unemployment_rate"
    assert not [w.value for w in at.warning if "lien" in w.value]
