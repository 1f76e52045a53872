"""A capacity of 999 in the Affelnet file is the source's filler, never 999 places (small hand-made fixture)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gpect_core.readers import read_path

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "training_placeholder" / "capacites_lycees_2021.csv"


def test_a_capacity_of_999_is_read_as_unknown_and_the_report_says_so():
    parsed = next(p for p in read_path(FIXTURE) if p.report.format_key)
    rows = parsed.data["training_raw"].set_index("provider")
    assert pd.isna(rows.loc["0010001W", "capacity"]) and rows.loc["0010001W", "demand"] == 38
    assert rows.loc["0710002B", "capacity"] == 24
    assert any("1 capacité(s) « 999 »" in note and "inconnue" in note for note in parsed.report.notes)
