"""Exports: pictures carry their caption and are twice the size; tables open cleanly and carry no formula."""

from __future__ import annotations

import csv
import io
import struct
from datetime import date
from xml.etree import ElementTree

import pandas as pd
from openpyxl import load_workbook

from gpect_core.charts import ranking_bar, top_occupations_bar
from gpect_core.export import Caption, chart_png, chart_svg, export_spec, neutralise, table_csv, table_xlsx
from gpect_core.export.images import EXPORT_WIDTH
from gpect_core.indicators.occupations import occupation_table, rank
from gpect_core.indicators.selection import top_occupations
from gpect_core.selection import Selection

DAY = date(2026, 3, 14)


def _caption(territory, lang="fr"):
    return Caption.for_territory(territory, "Métiers qui recrutent", ["recruitment"], "Plaine de la Sorne", lang=lang,
                                 made_on=DAY)


def test_caption_says_title_source_vintage_selection_date_and_fiction(demo_territory):
    lines = _caption(demo_territory).lines()
    prov = demo_territory.provenance["recruitment"]
    assert lines[0] == "Métiers qui recrutent"
    assert prov.vintage in lines[1] and (prov.producer or prov.source) in lines[1]
    assert "Plaine de la Sorne" in lines[2]
    assert "14/03/2026" in lines[3]
    assert lines[4] == "Données fictives de démonstration"
    english = _caption(demo_territory, "en").lines()
    assert english[-1] == "Fictional demonstration data" and "14 Mar 2026" in english[3]


def test_real_data_caption_has_no_fiction_notice(demo_territory):
    import copy

    real = copy.copy(demo_territory)
    real.fictional = False
    lines = _caption(real).lines()
    assert "Données fictives de démonstration" not in lines and len(lines) == 4


def test_svg_carries_the_caption_and_the_chart(demo_territory):
    chart = top_occupations_bar(top_occupations(demo_territory, Selection("ZE2020", ("9903",))), "fr")
    svg = chart_svg(chart, _caption(demo_territory)).decode()
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    texts = " ".join("".join(t.itertext()) for t in root.iter() if t.tag.endswith("text"))
    for expected in ("Métiers qui recrutent", "Plaine de la Sorne", "14/03/2026", "Données fictives de démonstration",
                     "Les 10 métiers qui recrutent le plus"):
        assert expected in texts
    # French number format on the axis (narrow no-break space as thousands separator, as on screen).
    assert "Projets de recrutement" in texts


def test_png_is_rendered_at_twice_the_size(demo_territory):
    table = rank(occupation_table(demo_territory, Selection("ZE2020")), "projects", 10)
    chart = ranking_bar(table, "projects", "fr", title="Classement")
    png = chart_png(chart, _caption(demo_territory))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 2 * EXPORT_WIDTH and height > 2 * 200


def test_the_export_keeps_the_screen_theme_and_locale(demo_territory):
    chart = top_occupations_bar(top_occupations(demo_territory, Selection("ZE2020")), "fr")
    spec = export_spec(chart, _caption(demo_territory))
    on_screen = chart.to_dict()
    assert spec["config"] == on_screen["config"]
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["vconcat"][0]["width"] == EXPORT_WIDTH


FORMULAS = ["=HYPERLINK(\"http://x\")", "+33 1 02", "-2+3", "@SUM(A1)", "\tcmd", "ok"]


def test_neutralise():
    assert [neutralise(v) for v in FORMULAS] == ["'=HYPERLINK(\"http://x\")", "'+33 1 02", "'-2+3", "'@SUM(A1)",
                                                 "'\tcmd", "ok"]
    assert neutralise(-3) == -3


def test_csv_opens_in_french_excel_and_runs_no_formula(demo_territory):
    frame = pd.DataFrame({"Métier": FORMULAS, "Part": [0.5, 0.25, 1.0, 0.0, 0.125, 0.75], "Projets": [1, -2, 3, 4,
                                                                                                   5, 6]})
    data = table_csv(frame, _caption(demo_territory))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Métier", "Part", "Projets"]
    assert rows[1] == ["'=HYPERLINK(\"http://x\")", "0,5", "1"]
    assert rows[2][2] == "-2"  # a number stays a number
    assert all(not row[0].startswith(("=", "+", "-", "@")) for row in rows[1:] if row)
    assert ["Données fictives de démonstration"] in rows
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", nrows=len(frame))
    assert back["Part"].tolist() == frame["Part"].tolist()


def test_xlsx_keeps_the_text_as_text(demo_territory):
    frame = pd.DataFrame({"Métier": FORMULAS, "Projets": [1, 2, 3, 4, 5, None]})
    workbook = load_workbook(io.BytesIO(table_xlsx(frame, _caption(demo_territory))))
    sheet = workbook.active
    assert [c.value for c in sheet[1]] == ["Métier", "Projets"]
    cell = sheet["A2"]
    assert cell.value == "=HYPERLINK(\"http://x\")" and cell.data_type == "s"
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(2, 8))
    assert sheet["B3"].value == 2 and sheet["B7"].value is None
    texts = [sheet.cell(row=r, column=1).value for r in range(9, 15)]
    assert "Données fictives de démonstration" in texts and "Métiers qui recrutent" in texts


def test_the_comparison_exports_shares_in_percent_as_shown_and_counts_as_integers(demo_territory):
    from gpect_core.formatting import fmt_pct
    from gpect_core.indicators.zones import COMPARISON_FORMATS, comparison

    table = comparison(demo_territory, Selection("ZE2020", ("9903",)))
    shown_share = fmt_pct(table["difficult_share"].iloc[0])  # « 56,6 % » on screen
    data = table_csv(table[list(COMPARISON_FORMATS)], _caption(demo_territory), COMPARISON_FORMATS)
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", nrows=len(table))
    share = back["difficult_share (%)"].iloc[0]
    assert f"{share:.1f}".replace(".", ",") + "\u202f%" == shown_share
    assert share == round(table["difficult_share"].iloc[0] * 100, 1)
    text = data.decode("utf-8-sig")
    assert "," + str(table["difficult_share"].iloc[0]).split(".")[1][:8] not in text  # no full-precision share
    projects = text.splitlines()[1].split(";")[0]
    assert projects == str(int(table["projects"].iloc[0]))  # « 4411 », never « 4411,0 »
    sheet = load_workbook(io.BytesIO(table_xlsx(table[list(COMPARISON_FORMATS)], _caption(demo_territory),
                                                formats=COMPARISON_FORMATS))).active
    headers = [c.value for c in sheet[1]]
    assert isinstance(sheet.cell(row=2, column=headers.index("projects") + 1).value, int)
    cell = sheet.cell(row=2, column=headers.index("difficult_share (%)") + 1)
    assert cell.value == share and cell.number_format == "0.0"
