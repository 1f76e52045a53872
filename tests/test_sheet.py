"""The basin sheet: one A4 page whose text (read back with pypdf) holds the zone's name and its key figures as the
screen prints them; batches of sheets (one PDF, or a ZIP of PDFs) with progress; the command line's errors."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from pypdf import PdfReader

from gpect_core.cli import main
from gpect_core.export.sheet import build_sheet, build_sheets, build_sheets_zip
from gpect_core.formatting import fmt_int, fmt_pct, fmt_rate
from gpect_core.indicators.selection import KeyFigures, read_selection
from gpect_core.selection import Selection

DAY = date(2026, 3, 14)
A4 = (595.28, 841.89)


def _pages(pdf: bytes):
    return PdfReader(io.BytesIO(pdf)).pages


def _is_a4(page) -> bool:
    return abs(float(page.mediabox.width) - A4[0]) <= 1 and abs(float(page.mediabox.height) - A4[1]) <= 1


@pytest.fixture(scope="module")
def sheet_text(demo_territory) -> tuple[int, bool, str]:
    pages = _pages(build_sheet(demo_territory, "ZE2020", "9905", today=DAY))
    return len(pages), _is_a4(pages[0]), pages[0].extract_text()


def test_sheet_is_one_a4_page(sheet_text):
    count, a4, _ = sheet_text
    assert count == 1 and a4


def test_sheet_text_holds_zone_name_and_key_figures_as_on_screen(sheet_text, demo_territory):
    text = sheet_text[2]
    assert "Haut-Verdanne" in text and "Zones d'emploi, code 9905" in text
    rec = demo_territory.tables["recruitment"]
    rec = rec[(rec["zoning"] == "ZE2020") & (rec["zone_id"] == "9905")]
    projects = rec.loc[rec["year"] == rec["year"].max(), "projects"].sum()
    assert f"Projets de recrutement 2024 {fmt_int(projects)}" in text
    figures = KeyFigures.of(read_selection(demo_territory, Selection("ZE2020", ("9905",))))
    assert f"Part des projets difficiles {fmt_pct(figures.difficult_share)}" in text
    assert f"Taux de chômage {figures.unemployment_period} {fmt_rate(figures.unemployment_rate)}" in text
    assert "Données fictives de démonstration" in text and "14/03/2026" in text
    assert "Source : " in text


def test_sheet_lists_the_plan_actions_of_the_zone(sheet_text, demo_territory):
    actions = demo_territory.tables["plan_actions"]
    mine = actions[actions["zone_ids"].str.split().map(lambda ids: "9905" in ids)]
    assert len(mine) and all(action_id in sheet_text[2] for action_id in mine["action_id"])


def test_english_sheet(demo_territory):
    text = _pages(build_sheet(demo_territory, "ZE2020", "9908", lang="en", today=DAY))[0].extract_text()
    assert "Vallée de l'Ornelle" in text  # the apostrophe kept as typed, so the name is searchable
    assert "Key figures" in text and "Fictional demonstration data" in text and "14 Mar 2026" in text


def test_batch_one_pdf_with_a_page_per_zone_and_progress(demo_territory, monkeypatch):
    monkeypatch.setattr("gpect_core.export.sheet.CHUNK", 2)  # two typeset parts joined
    seen = []
    zones = ["9901", "9902", "9903"]
    pages = _pages(build_sheets(demo_territory, "ZE2020", zones, today=DAY,
                                progress=lambda done, total, name: seen.append((done, total))))
    assert len(pages) == 3 and all(_is_a4(p) for p in pages)
    names = demo_territory.zone_names("ZE2020")
    assert all(names[z] in page.extract_text() for z, page in zip(zones, pages, strict=True))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_batch_zip_holds_one_single_page_pdf_per_zone(demo_territory):
    archive = zipfile.ZipFile(io.BytesIO(build_sheets_zip(demo_territory, "ZE2020", ["9904", "9905"], today=DAY)))
    assert archive.namelist() == ["fiche-9904-coteaux-du-lezon.pdf", "fiche-9905-haut-verdanne.pdf"]
    assert all(len(_pages(archive.read(n))) == 1 for n in archive.namelist())


def test_cli_sheet_one_zone(tmp_path, capsys):
    out = tmp_path / "fiche.pdf"
    assert main(["sheet", "--pack", "data/demo", "--zoning", "ZE2020", "--zone", "9906", "--out", str(out)]) == 0
    assert "Pays de Brécy" in _pages(out.read_bytes())[0].extract_text()
    assert "écrite dans" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [
    (["--zoning", "ZE2020", "--zone", "0000", "--out", "f.pdf"], "Zone(s) inconnue(s) dans le zonage « ZE2020 » : 0000"),
    (["--zoning", "BMO", "--zone", "9905", "--out", "f.pdf"], "Le zonage « BMO » n'existe pas"),
    (["--zoning", "ZE2020", "--out", "f.pdf"], "Donnez soit --zone CODE"),
    (["--zoning", "ZE2020", "--zone", "9905", "--all", "--out", "f.zip"], "Donnez soit --zone CODE"),
    (["--zoning", "ZE2020", "--zone", "9905", "--out", "f.zip"], "doit finir par .pdf"),
])
def test_cli_sheet_errors_exit_1_in_french(args, message, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    from pathlib import Path

    pack = Path(__file__).resolve().parents[1] / "data" / "demo"
    assert main(["sheet", "--pack", str(pack), *args]) == 1
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
