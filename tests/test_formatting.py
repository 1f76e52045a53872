"""The one formatting module: every figure in French and in English as a reader expects it, and the same figure as
an export carries it (a number in the unit shown, rounded as shown)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook

from gpect_core.export.tables import table_csv, table_xlsx
from gpect_core.formatting import (
    NARROW_NBSP,
    Fmt,
    export_frame,
    fmt_date,
    fmt_datetime,
    fmt_float,
    fmt_int,
    fmt_number,
    fmt_pct,
    fmt_rate,
    fmt_signed,
    indicator_fmt,
    vega_locale,
)

S = NARROW_NBSP


@pytest.mark.parametrize("lang, expected", [
    ("fr", ["1,6", f"6,5{S}%", f"96{S}310", "31/12/2026", f"56,6{S}%", "-0,01", "+0,08", "31/01/2026 14:05",
            f"1{S}234,5", "12"]),
    ("en", ["1.6", "6.5%", "96,310", "31 Dec 2026", "56.6%", "-0.01", "+0.08", "31 Jan 2026 14:05", "1,234.5",
            "12"]),
])
def test_figures_in_the_interface_language(lang, expected):
    assert [fmt_float(1.6, 1, lang), fmt_rate(6.5, lang=lang), fmt_int(96310, lang),
            fmt_date(date(2026, 12, 31), lang), fmt_pct(0.5656242304851022, lang=lang), fmt_signed(-0.01, 2, lang),
            fmt_signed(0.08, 2, lang), fmt_datetime(pd.Timestamp("2026-01-31 14:05"), lang),
            fmt_number(1234.5, 2, lang), fmt_number(12.0, 2, lang)] == expected


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA, pd.NaT])
def test_a_missing_value_is_a_dash_in_both_languages(value):
    for lang in ("fr", "en"):
        assert {Fmt(kind).formatter(lang)(value) for kind in ("int", "float", "signed", "pct", "rate", "date",
                                                              "number", "text")} == {"–"}


def test_dates_from_text_timestamps_and_numpy():
    for value in ("2026-12-31", pd.Timestamp("2026-12-31 08:00"), pd.Timestamp("2026-12-31").to_datetime64()):
        assert (fmt_date(value), fmt_date(value, "en")) == ("31/12/2026", "31 Dec 2026")


def test_a_change_rounded_to_zero_has_no_sign():
    assert fmt_signed(-0.001, 2) == "0,00" and fmt_signed(0.004, 2, "en") == "0.00"


def test_an_unknown_kind_is_refused_in_french():
    with pytest.raises(ValueError, match="Format de colonne inconnu"):
        Fmt("percent")


def test_charts_use_the_same_separators_as_the_tables():
    fr, en = vega_locale("fr")["number"], vega_locale("en")["number"]
    assert (fr["decimal"], fr["thousands"], fr["percent"]) == (",", S, f"{S}%")
    assert (en["decimal"], en["thousands"]) == (".", ",")
    assert vega_locale("fr")["time"]["shortMonths"][11] == "déc." and vega_locale("en")["time"]["shortMonths"][11] == "Dec"
    assert Fmt("pct").d3() == ",.1%" and Fmt("int").d3() == ",d" and Fmt("date").d3("fr") == "%d/%m/%Y"
    assert Fmt("date").d3("en") == "%-d %b %Y"


def test_map_indicators_have_their_unit():
    assert indicator_fmt("difficult_share").formatter("fr")(0.5) == f"50,0{S}%"
    assert indicator_fmt("unemployment_rate").formatter("en")(6.5) == "6.5%"
    assert indicator_fmt("unemployment_change").formatter("fr")(0.4) == "+0,4"
    assert indicator_fmt("population").formatter("en")(96310.0) == "96,310"


FRAME = pd.DataFrame({"Bassin": ["=Sorne", "Verdanne"], "Part difficile": [0.5656242304851022, None],
                      "Projets": [4411.0, None], "Taux de chômage (%)": [6.54, 7.0],
                      "Fin": [date(2026, 12, 31), None], "Distance": [1.6349, 0.2]})
FORMATS = {"Part difficile": Fmt("pct", precise=True), "Projets": Fmt("int"), "Taux de chômage (%)": Fmt("rate"),
           "Fin": Fmt("date"), "Distance": Fmt("float")}


def test_the_export_frame_is_in_the_unit_shown_rounded_as_shown():
    table, number_formats = export_frame(FRAME, FORMATS, "fr")
    assert list(table.columns) == ["Bassin", "Part difficile (%)", "Part difficile (%) (non arrondi)", "Projets",
                                   "Taux de chômage (%)", "Fin", "Distance"]
    assert table["Part difficile (%)"].iloc[0] == 56.6
    assert table["Part difficile (%) (non arrondi)"].iloc[0] == pytest.approx(56.56242304851022)
    assert str(table["Projets"].dtype) == "Int64" and table["Projets"].iloc[0] == 4411
    assert table["Taux de chômage (%)"].tolist() == [6.5, 7.0] and table["Distance"].tolist() == [1.6, 0.2]
    assert number_formats["Projets"] == "#,##0" and number_formats["Part difficile (%)"] == "0.0"
    assert list(export_frame(FRAME, FORMATS, "en")[0].columns)[2] == "Part difficile (%) (unrounded)"


def test_csv_numbers_parse_as_numbers_in_the_unit_shown_in_both_languages():
    text = table_csv(FRAME, formats=FORMATS).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][:2] == ["'=Sorne", "56,6"] and rows[1][2].startswith("56,562423048510")
    assert rows[1][3:] == ["4411", "6,5", "31/12/2026", "1,6"]
    assert rows[2][3] == ""  # a missing count is empty, not « nan » nor « 4411,0 »
    back = pd.read_csv(io.StringIO(text), sep=";", decimal=",")
    assert back["Part difficile (%)"].tolist()[0] == 56.6 and back["Projets"].tolist()[0] == 4411

    from gpect_core.export.caption import Caption

    english = table_csv(FRAME, Caption(title="Peers", lang="en"), formats=FORMATS).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(english), nrows=2)
    assert back["Part difficile (%)"].iloc[0] == 56.6 and back["Distance"].iloc[0] == 1.6
    assert back["Projets"].iloc[0] == 4411 and back["Fin"].iloc[0] == "2026-12-31"


def test_xlsx_cells_are_numbers_and_dates_with_number_formats():
    sheet = load_workbook(io.BytesIO(table_xlsx(FRAME, formats=FORMATS))).active
    headers = [c.value for c in sheet[1]]
    cell = {name: sheet.cell(row=2, column=headers.index(name) + 1) for name in headers}
    assert cell["Part difficile (%)"].value == 56.6 and cell["Part difficile (%)"].number_format == "0.0"
    assert cell["Projets"].value == 4411 and isinstance(cell["Projets"].value, int)
    assert cell["Projets"].number_format == "#,##0"
    assert cell["Fin"].is_date and cell["Fin"].number_format == "DD/MM/YYYY"
    assert cell["Distance"].value == 1.6 and cell["Distance"].number_format == "#,##0.0"
    assert cell["Bassin"].value == "=Sorne" and cell["Bassin"].data_type == "s"
    assert sheet.cell(row=3, column=headers.index("Projets") + 1).value is None
