"""Readers on small hand-made fixtures: each reproduces one quirk of the real French public files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from gpect_core.readers import normalise_codes, normalise_dep, parse_numbers, read_path, read_source

FIX = Path(__file__).resolve().parent / "fixtures"
QUIRKS = FIX / "quirks"
MINI = FIX / "mini"


def only(path: Path):
    results = [p for p in read_path(path) if p.report.format_key]
    assert len(results) == 1, [p.report.notes for p in read_path(path)]
    return results[0]


def test_codes_are_text_with_leading_zeros_restored():
    codes = normalise_codes(pd.Series(["101", "11.0", " 0051 ", "2A004", "8457"]), 4)
    assert list(codes) == ["0101", "0011", "0051", "2A004", "8457"]
    assert list(normalise_dep(pd.Series(["1", "001", "071", "2A", "02A", "971", "11.0"]))) == [
        "01", "01", "71", "2A", "2A", "971", "11"]


def test_numbers_read_the_french_way_and_secret_is_never_zero():
    parsed = parse_numbers(pd.Series(["1 234,5", "12\u00a0345", "7,2", "1.0", "*", "n.d.", "", "abc", "5 %"]))
    assert parsed.values.iloc[:4].tolist() == [1234.5, 12345.0, 7.2, 1.0]
    assert parsed.values.iloc[4:7].isna().all()
    assert parsed.secret.tolist() == [False] * 4 + [True] + [False] * 4
    assert parsed.bad.tolist() == [False] * 7 + [True, False]
    assert parsed.values.iloc[8] == 5


def test_insee_workbook_header_below_title_rows_and_numeric_codes():
    parsed = only(QUIRKS / "insee_titre_entete.xlsx")
    assert parsed.format.key == "ze_composition"
    comp = parsed.data["composition"]
    assert comp["commune_id"].tolist() == ["01001", "2A004"]
    assert comp["zone_id"].tolist() == ["0051", "9401"]
    assert comp["dep"].tolist() == ["01", "2A"]
    assert parsed.raw.header_row == 6  # the code row, not the French label row above it


def test_cp1252_semicolon_and_thousands_spaces():
    [parsed] = read_path(QUIRKS / "cp1252_milliers.csv")
    raw = parsed.raw
    assert raw.encoding == "cp1252" and raw.separator == ";"
    assert raw.frame["libellé"].tolist() == ["Alençon", "Arlés"]
    assert parse_numbers(raw.frame["valeur"]).values.tolist() == [1234.5, 12345.0]
    assert raw.frame["code"].tolist() == ["0051", "0052"]


def test_utf8_bom_is_not_part_of_the_first_column_name():
    parsed = only(MINI / "passage.csv")
    assert parsed.raw.encoding == "utf-8-sig"
    assert parsed.data["passage"].to_dict("records") == [{"old": "01998", "new": "01999"}]


def test_bmo_2019_basin_column_by_year_suffix_fap2009_and_secrets():
    parsed = only(QUIRKS / "bmo_2019.tsv")
    assert parsed.format.key == "bmo" and parsed.vintage == "2019"
    rows = parsed.data["recruitment_raw"]
    assert rows["basin"].tolist() == ["0101", "0102"]
    assert set(rows["occupation_system"]) == {"FAP2009"}
    assert rows["projects"].tolist()[0] == 95
    assert rows["projects"].isna().tolist() == [False, True]  # `*` is unknown, not 0
    assert parsed.report.secret_cells == 4


def test_bmo_2024_columns_in_any_order_fap2021():
    parsed = only(MINI / "bmo_2024.csv")
    rows = parsed.data["recruitment_raw"]
    assert set(rows["occupation_system"]) == {"FAP2021"}
    assert rows["basin"].tolist() == ["8401", "8401", "8401", "2701", "2701"]
    assert int(rows["projects"].sum()) == 120 + 30 + 45 + 210


def test_dares_trailing_spaces_nd_and_float_region_codes():
    parsed = only(QUIRKS / "dares_tensions.csv")
    tension = parsed.data["tension"]
    assert tension[["zoning", "zone_id"]].values.tolist() == [["FR", "FR"], ["REG", "11"], ["DEP", "01"]]
    assert tension["occupation_system"].unique().tolist() == ["FAP2009"]
    assert pd.isna(tension.loc[1, "hiring_intensity"])  # n.d.
    assert tension["tension_class"].tolist() == [3, 4, 2]


def test_france_travail_tension_semicolon_decimal_comma():
    parsed = only(MINI / "tension_bassin.csv")
    tension = parsed.data["tension"]
    assert tension.loc[0, "offers"] == pytest.approx(16.5)
    assert tension.loc[0, "jobseekers"] == pytest.approx(28.25)
    assert tension.loc[0, "tension_class"] == 5 and tension.loc[0, "zone_id"] == "8401"


def test_unemployment_wide_quarters_to_long_from_cp1252_with_label_row():
    parsed = only(MINI / "chomage_ze.csv")
    context = parsed.data["context"]
    assert sorted(context["period"].unique()) == ["2023-T1", "2023-T2"]
    row = context[(context["zone_id"] == "2705") & (context["period"] == "2023-T2")].iloc[0]
    assert row["value"] == pytest.approx(6.2) and row["unit"] == "%" and row["indicator"] == "unemployment_rate"


def test_headerless_forward_filled_fap_rome_table():
    parsed = only(QUIRKS / "fap_pcs_rome_sans_entete.csv")
    links = parsed.data["occupation_links"]
    assert links[["from_code", "to_code"]].values.tolist() == [["A0Z40", "A1416"], ["A0Z40", "A1101"],
                                                               ["A0Z41", "A1403"]]


def test_bmo_basin_compositions_with_and_without_leading_zero_agree():
    old = only(QUIRKS / "lexique_be19.csv").data["composition"]
    new = only(QUIRKS / "bassins_2024.csv").data["composition"]
    assert old["zone_id"].tolist() == new["zone_id"].tolist() == ["0102"]
    assert only(QUIRKS / "lexique_be19.csv").vintage == "2019"


def test_overseas_departement_cut_short_is_restored_from_the_commune_code():
    data = b"reg,dep,code_commune_insee,code_bassin_BMO,lib_bassin_BMO\n1,97,97129,101,BASSE-TERRE\n84,1,01001,8401,BOURG\n"
    [parsed] = read_source(data, "bassins.csv")
    comp = parsed.data["composition"]
    assert comp["dep"].tolist() == ["971", "01"] and comp["reg"].tolist() == ["01", "84"]


def test_zipped_shapefile_in_lambert93_is_read_with_its_crs():
    parsed = only(QUIRKS / "communes_l93.zip")
    geo = parsed.data["commune_geometry"]
    assert geo.crs.to_epsg() == 2154
    assert len(geo) == 6 and geo["commune_id"].tolist()[0] == "01001"


def test_format_recognised_by_content_not_by_name(tmp_path):
    data = (MINI / "bmo_2024.csv").read_bytes()
    [parsed] = read_source(data, "export_sans_nom_parlant.txt")
    assert parsed.format.key == "bmo"


def test_unknown_table_is_reported_not_guessed():
    [parsed] = read_source(b"a;b\n1;2\n", "divers.csv")
    assert parsed.report.format_key is None and not parsed.data
    assert "non reconnu" in parsed.report.notes[0]
