"""AppTest of the Synthèse page's meeting exports: the deck button, the selected basin's sheet, and the batch of
every basin's sheet that ends in a ZIP of one-page PDFs."""

from __future__ import annotations

import io
import zipfile

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest


@pytest.fixture
def at(demo_pack_copy, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(demo_pack_copy))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file("../app.py", default_timeout=120)


def _downloads(at) -> list[str]:
    return [element.proto.label for element in at.get("download_button")]


def test_deck_button_always_sheet_button_for_one_basin(at):
    at.run()
    assert not at.exception
    assert "Préparer le diaporama" in _downloads(at) and "Fiche du bassin (PDF)" not in _downloads(at)
    assert any("Sélectionnez un seul bassin" in c.value for c in at.caption)
    at.multiselect(key="filter_zones").set_value(["9905"]).run()
    assert not at.exception
    assert "Fiche du bassin (PDF)" in _downloads(at)


def test_batch_of_sheets_gives_a_zip_of_every_basin(at, demo_territory):
    at.run()
    at.button(key="meeting_batch").click().run()
    assert not at.exception
    assert "Télécharger les fiches (ZIP)" in _downloads(at)
    zoning, lang, data = at.session_state["meeting_sheets_zip"]
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert (zoning, lang) == ("ZE2020", "fr")
    assert len(archive.namelist()) == len(demo_territory.zones_of("ZE2020"))
    first = PdfReader(io.BytesIO(archive.read(archive.namelist()[0])))
    assert len(first.pages) == 1
