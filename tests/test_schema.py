"""Each rule of the canonical tables has a failing case, and its French message names table, row and column."""

from __future__ import annotations

import pandas as pd
import pytest

from gpect_core.errors import ValidationError
from gpect_core.schema import SCHEMAS, validate_table


def _recruitment(**changes) -> pd.DataFrame:
    df = pd.DataFrame({
        "zoning": ["ZE2020", "ZE2020", "ZE2020"],
        "zone_id": ["0051", "0052", "0053"],
        "occupation_system": ["ROME4"] * 3,
        "occupation_code": ["H2913", "J1501", "G1803"],
        "year": [2024, 2024, 2024],
        "projects": [20, 40, None],
        "difficult": [10, 30, None],
        "seasonal": [0, 5, None],
    })
    for column, (row, value) in changes.items():
        df[column] = df[column].astype(object)
        df.loc[row, column] = value
    return df


def _messages(table: str, df: pd.DataFrame) -> list[str]:
    with pytest.raises(ValidationError) as info:
        validate_table(table, df)
    return [p.message for p in info.value.problems]


def test_a_valid_table_passes_and_keeps_codes_as_text():
    out = validate_table("recruitment", _recruitment())
    assert out["zone_id"].tolist() == ["0051", "0052", "0053"]
    assert out["projects"].isna().tolist() == [False, False, True]  # a secret stays unknown, not 0


def test_difficult_above_projects_is_named_with_row_and_column():
    messages = _messages("recruitment", _recruitment(difficult=(1, 45)))
    assert messages == ["recrutement, ligne 2, colonne `difficult` : 45 projets difficiles pour 40 projets — impossible"]


def test_seasonal_above_projects():
    messages = _messages("recruitment", _recruitment(seasonal=(0, 21)))
    assert messages == ["recrutement, ligne 1, colonne `seasonal` : 21 projets saisonniers pour 20 projets — impossible"]


def test_letters_in_a_count():
    messages = _messages("recruitment", _recruitment(projects=(2, "douze")))
    assert any("ligne 3, colonne `projects`" in m and "douze" in m for m in messages), messages


def test_negative_count():
    messages = _messages("recruitment", _recruitment(seasonal=(1, -3)))
    assert any("ligne 2, colonne `seasonal`" in m and "positif" in m for m in messages), messages


def test_missing_required_column():
    messages = _messages("recruitment", _recruitment().drop(columns="projects"))
    assert messages == ["recrutement : colonne obligatoire `projects` absente"]


def test_duplicated_key():
    df = _recruitment(zone_id=(1, "0051"), occupation_code=(1, "H2913"))
    messages = _messages("recruitment", df)
    assert any(m.startswith("recrutement, ligne 2 : clé en double") for m in messages), messages


def test_unknown_occupation_system():
    messages = _messages("recruitment", _recruitment(occupation_system=(0, "ROME9")))
    assert any("ligne 1, colonne `occupation_system`" in m and "ROME9" in m for m in messages), messages


def test_code_with_spaces():
    messages = _messages("recruitment", _recruitment(zone_id=(0, "00 51")))
    assert any("colonne `zone_id`" in m and "mal formé" in m for m in messages), messages


def test_year_out_of_range():
    messages = _messages("recruitment", _recruitment(year=(0, 1024)))
    assert any("colonne `year`" in m and "intervalle" in m for m in messages), messages


def test_tension_class_outside_1_to_5():
    df = pd.DataFrame({"zoning": ["BMO"], "zone_id": ["0101"], "occupation_system": ["ROME4"],
                       "occupation_code": ["H2913"], "year": [2021], "tension_class": [7]})
    messages = _messages("tension", df)
    assert any("tensions, ligne 1, colonne `tension_class`" in m for m in messages), messages


def test_plan_action_ending_before_it_starts():
    df = pd.DataFrame({"action_id": ["ACT01"], "axis_id": ["A1"], "title": ["BTS maintenance"],
                       "description": [""], "zone_ids": [""], "occupation_codes": [""], "lead_partner_id": ["P01"],
                       "partner_ids": [""], "start_date": [pd.Timestamp("2025-09-01")],
                       "end_date": [pd.Timestamp("2025-01-01")], "status": ["en_cours"], "budget": [0.0],
                       "funders": [""], "progress": [10]})
    messages = _messages("plan_actions", df)
    assert messages == ["actions du plan, ligne 1, colonne `end_date` : fin le 01/01/2025 avant le début "
                        "le 01/09/2025"]


def test_progress_out_of_0_100_and_unknown_status():
    df = pd.DataFrame({"action_id": ["ACT01"], "axis_id": ["A1"], "title": ["x"], "description": [""],
                       "zone_ids": [""], "occupation_codes": [""], "lead_partner_id": ["P01"], "partner_ids": [""],
                       "start_date": [pd.Timestamp("2025-01-01")], "end_date": [pd.Timestamp("2025-09-01")],
                       "status": ["finie"], "budget": [0.0], "funders": [""], "progress": [140]})
    messages = _messages("plan_actions", df)
    assert any("colonne `progress`" in m for m in messages), messages
    assert any("colonne `status`" in m and "finie" in m for m in messages), messages


def test_graduates_above_enrolled():
    df = pd.DataFrame({"program_id": ["F01"], "title": ["CAP cuisine"], "provider": ["GRETA"], "zoning": ["ZE2020"],
                       "zone_id": ["9901"], "occupation_codes": ["G1602"], "level": ["3"], "capacity": [12],
                       "demand": [20], "enrolled": [10], "graduates": [14], "employment_rate": [0.6], "year": [2024]})
    messages = _messages("training", df)
    assert messages == ["formations, ligne 1, colonne `graduates` : 14 diplômés pour 10 inscrits — impossible"]


def test_employment_rate_is_a_share():
    df = pd.DataFrame({"program_id": ["F01"], "title": ["CAP cuisine"], "provider": ["GRETA"], "zoning": ["ZE2020"],
                       "zone_id": ["9901"], "occupation_codes": ["G1602"], "level": ["3"], "capacity": [12],
                       "demand": [20], "enrolled": [10], "graduates": [8], "employment_rate": [57.0], "year": [2024]})
    messages = _messages("training", df)
    assert any("colonne `employment_rate`" in m for m in messages), messages


def test_row_numbers_can_follow_the_source_file():
    with pytest.raises(ValidationError) as info:
        validate_table("recruitment", _recruitment(difficult=(1, 45)), row_offset=2)
    assert info.value.problems[0].row == 3
    assert "ligne 3" in info.value.problems[0].message


def test_every_table_has_a_french_label():
    from gpect_core.schema import TABLE_LABELS_FR

    assert set(SCHEMAS) <= set(TABLE_LABELS_FR)
