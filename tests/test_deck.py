"""The committee deck: opens in python-pptx, has the expected slides, its native charts hold the selection's numbers
(computed here independently from the pack's tables), every slide says its sources, selection and date, and the
demo pack's notice; templates (.pptx, .potx) and the command line's errors."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from gpect_core.cli import main
from gpect_core.errors import GpectError
from gpect_core.export.deck import POTX_MAIN, PPTX_MAIN, build_deck
from gpect_core.export.meeting import meeting_content, resolve_selection
from gpect_core.formatting import fmt_int, fmt_pct

DAY = date(2026, 3, 14)
ZONE = "9905"  # Haut-Verdanne in the demo pack
FR_TITLES = ["Comité GPECT — Région fictive de démonstration", "Chiffres clés", "Carte des bassins",
             "Les métiers qui recrutent le plus", "Les métiers aux recrutements les plus difficiles",
             "Tension sur les métiers et ses composantes", "Plan d'action : actions par axe et retards",
             "Plan d'action : calendrier", "Plan d'action : indicateurs et cibles", "Sources et millésimes"]


def _deck(territory, zones=(ZONE,), lang="fr", template=None) -> Presentation:
    content = meeting_content(territory, resolve_selection(territory, "ZE2020", list(zones)), lang=lang, today=DAY)
    return Presentation(io.BytesIO(build_deck(content, template)))


@pytest.fixture(scope="module")
def deck(demo_territory):
    return _deck(demo_territory)


def _titles(prs) -> list[str]:
    return [slide.shapes.title.text for slide in prs.slides]


def _slide(prs, title):
    return next(s for s in prs.slides if s.shapes.title.text == title)


def _charts(slide):
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def _footer(slide) -> str:
    return next(shape.text_frame.text for shape in slide.shapes if shape.name == "Sources")


def test_deck_has_the_committee_slides_in_order(deck):
    assert _titles(deck) == FR_TITLES


def test_hiring_chart_is_native_and_holds_the_zone_projects(deck, demo_territory):
    rec = demo_territory.tables["recruitment"]
    rec = rec[(rec["zoning"] == "ZE2020") & (rec["zone_id"] == ZONE)]
    rec = rec[rec["year"] == rec["year"].max()]
    sums = rec.groupby("occupation_code")["projects"].sum().astype(float).reset_index()
    expected = sums.sort_values(["projects", "occupation_code"], ascending=[False, True]).head(10)
    charts = _charts(_slide(deck, "Les métiers qui recrutent le plus"))
    assert len(charts) == 1
    series = charts[0].plots[0].series[0]
    assert list(series.values) == list(expected["projects"])
    labels = demo_territory.tables["occupations"].drop_duplicates("code").set_index("code")["label"]
    assert list(charts[0].plots[0].categories) == [labels[c] for c in expected["occupation_code"]]


def test_shortage_chart_holds_difficult_shares_of_solid_occupations(deck, demo_territory):
    rec = demo_territory.tables["recruitment"]
    rec = rec[(rec["zoning"] == "ZE2020") & (rec["zone_id"] == ZONE)]
    rec = rec[rec["year"] == rec["year"].max()].dropna(subset=["projects", "difficult"])
    rec = rec[rec["projects"] >= 20]
    shares = (rec["difficult"] / rec["projects"]).astype(float)
    expected = sorted(shares, reverse=True)[:10]
    values = _charts(_slide(deck, "Les métiers aux recrutements les plus difficiles"))[0].plots[0].series[0].values
    assert list(values) == pytest.approx(expected)


def test_plan_status_chart_is_stacked_by_status_with_the_zone_actions(deck, demo_territory):
    actions = demo_territory.tables["plan_actions"]
    mine = actions[actions["zone_ids"].str.split().map(lambda ids: ZONE in ids)]
    chart = _charts(_slide(deck, "Plan d'action : actions par axe et retards"))[0]
    total = sum(sum(v or 0 for v in s.values) for s in chart.plots[0].series)
    assert total == len(mine)
    assert chart.chart_type == 58  # XL_CHART_TYPE.BAR_STACKED
    by_axis = mine.groupby("axis_id").size()
    axes = demo_territory.tables["plan_axes"].set_index("axis_id")["label"]
    assert list(chart.plots[0].categories) == sorted(axes[by_axis.index])


def test_key_figures_table_prints_the_screen_figures(deck, demo_territory):
    rec = demo_territory.tables["recruitment"]
    rec = rec[(rec["zoning"] == "ZE2020") & (rec["zone_id"] == ZONE)]
    latest = rec[rec["year"] == rec["year"].max()]
    both = latest.dropna(subset=["projects", "difficult"])
    table = next(s for s in _slide(deck, "Chiffres clés").shapes if s.shape_type == MSO_SHAPE_TYPE.TABLE).table
    cells = [[table.cell(i, j).text for j in range(len(table.columns))] for i in range(len(table.rows))]
    assert cells[0][1] == "Haut-Verdanne"
    rows = {row[0]: row[1] for row in cells[1:]}
    assert rows["Projets de recrutement 2024"] == fmt_int(latest["projects"].sum())
    assert rows["Part des projets difficiles"] == fmt_pct(both["difficult"].sum() / both["projects"].sum())


def test_every_slide_says_sources_selection_date_and_demo_notice(deck):
    for slide in deck.slides:
        footer = _footer(slide)
        assert footer.startswith("Source : "), slide.shapes.title.text
        assert "Haut-Verdanne" in footer and "14/03/2026" in footer
        assert footer.endswith("Données fictives de démonstration")


def test_map_and_timeline_are_pictures(deck):
    for title in ("Carte des bassins", "Plan d'action : calendrier"):
        pictures = [s for s in _slide(deck, title).shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1 and pictures[0].image.size[0] >= 1500


def test_english_deck(demo_territory):
    prs = _deck(demo_territory, lang="en")
    assert "Key figures" in _titles(prs) and "Occupations hiring the most" in _titles(prs)
    assert all(_footer(s).endswith("Fictional demonstration data") and "14 Mar 2026" in _footer(s)
               for s in prs.slides)


def test_committee_templates_pptx_and_potx(demo_territory, tmp_path):
    base = Presentation()
    base.slides.add_slide(base.slide_layouts[0]).shapes.title.text = "Ancienne diapositive"
    pptx = tmp_path / "comite.pptx"
    base.save(pptx)
    prs = _deck(demo_territory, template=pptx)
    assert _titles(prs) == FR_TITLES  # the template's own slide is gone
    potx = tmp_path / "comite.potx"
    with zipfile.ZipFile(pptx) as src, zipfile.ZipFile(potx, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(PPTX_MAIN.encode(), POTX_MAIN.encode())
            dst.writestr(item, data)
    assert _titles(_deck(demo_territory, template=potx)) == FR_TITLES


def test_bad_template_is_a_french_message(demo_territory, tmp_path):
    bad = tmp_path / "modele.pptx"
    bad.write_text("pas une présentation")
    with pytest.raises(GpectError, match="modele.pptx.*ne peut pas être ouvert"):
        _deck(demo_territory, template=bad)


def test_cli_writes_the_deck(tmp_path, capsys):
    out = tmp_path / "deck.pptx"
    assert main(["deck", "--pack", "data/demo", "--zoning", "ZE2020", "--zones", "9905,9906", "--out", str(out)]) == 0
    prs = Presentation(out)
    assert "Haut-Verdanne, Pays de Brécy" in _footer(prs.slides[1])
    assert "Diaporama écrit" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [
    (["--zoning", "XX"], "Le zonage « XX » n'existe pas"),
    (["--zoning", "ZE2020", "--zones", "9905,0000"], "Zone(s) inconnue(s) dans le zonage « ZE2020 » : 0000"),
    (["--zones", "9905"], "--zones demande --zoning"),
])
def test_cli_bad_selection_exits_1_in_french(args, message, tmp_path, capsys):
    out = tmp_path / "deck.pptx"
    assert main(["deck", "--pack", "data/demo", *args, "--out", str(out)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_cli_refuses_an_output_that_is_not_pptx(tmp_path, capsys):
    assert main(["deck", "--pack", "data/demo", "--out", str(tmp_path / "deck.pdf")]) == 1
    assert "doit finir par .pptx" in capsys.readouterr().err


@pytest.mark.realdata
def test_national_deck_for_one_zone_d_emploi(national_pack):
    from gpect_core import Territory

    territory = Territory.load(national_pack, validate=False)
    zone = territory.zones_of("ZE2020").sort_values("zone_id")["zone_id"].iloc[0]
    content = meeting_content(territory, resolve_selection(territory, "ZE2020", [zone]), today=DAY)
    prs = Presentation(io.BytesIO(build_deck(content)))
    hiring = _charts(_slide(prs, "Les métiers qui recrutent le plus"))
    assert hiring and list(hiring[0].plots[0].series[0].values) == list(content.hiring["projects"].astype(float))
    assert pd.notna(content.raw.loc[0, "projects"])
    texts = [sh.text_frame.text for sh in _slide(prs, "Les métiers qui recrutent le plus").shapes if sh.has_text_frame]
    assert any(text.startswith("Recrutement et tension lus sur : ") for text in texts)  # BMO basins, not the ZE
    assert all(_footer(s).startswith("Source : ") for s in prs.slides)
