"""The plan's values, history and refused-save tables read in the page's language (catalogue labels)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from gpect_core.i18n import CATALOG, t
from gpect_core.plan import display
from gpect_core.plan import model as m
from gpect_core.plan.labels import item_label, label
from gpect_core.plan.values import display_value, to_json
from gpect_core.plan.xlsx import Difference

FRENCH_STATUSES = [t(f"plan.status.{s}", "fr") for s in m.STATUSES]
ENGLISH_STATUSES = [t(f"plan.status.{s}", "en") for s in m.STATUSES]


def _history() -> pd.DataFrame:
    at = pd.Timestamp("2026-01-31 13:05", tz="UTC")
    rows = [
        (3, "c2", at, "bruno", "update", "indicator_value", "IND02|2026-02-01", "ACT02", "value", None, "27.0", None),
        (2, "c1", at, "edith", "update", "action", "ACT02", "ACT02", "funders", '"Région"', '"Région, OPCO"',
         "comité"),
        (1, "c1", at, "edith", "update", "action", "ACT02", "ACT02", "status", '"en_cours"', '"terminee"',
         "comité"),
    ]
    frame = pd.DataFrame(rows, columns=["history_id", "change_id", "at", "user_name", "kind", "entity", "entity_id",
                                        "action_id", "field", "before", "after", "comment"])
    frame["version"] = 2
    return frame


def test_the_catalogue_has_every_label_the_plan_shows():
    for kind, codes in (("status", m.STATUSES), ("partner_type", m.PARTNER_KINDS), ("field", m.ACTION_EDITABLE),
                        ("field_name", m.ACTION_EDITABLE), ("entity", ("action", "indicator", "indicator_value",
                                                                       "milestone", "partner", "axis", "plan")),
                        ("role", ("lecteur", "editeur", "administrateur")),
                        ("kind", ("update", "create", "delete", "restore", "seed"))):
        for code in codes:
            assert f"plan.{kind}.{code}" in CATALOG, (kind, code)
    assert label("status", "en_cours", "en") == "in progress" and label("status", "en_cours") == "en cours"
    assert label("status", "inconnu", "en") == "inconnu"  # an unknown code is shown as is


@pytest.mark.parametrize("field_name, stored, fr, en", [
    ("status", "terminee", "terminée", "done"),
    ("status", "abandonnee", "abandonnée", "abandoned"),
    ("progress", 80, "80 %", "80%"),
    ("done", True, "oui", "yes"),
    ("end_date", date(2026, 1, 31), "31/01/2026", "31 Jan 2026"),
    ("budget", 12345.5, "12\u202f345,50", "12,345.50"),
    ("budget", 1000.0, "1\u202f000", "1,000"),
    ("funders", None, "(vide)", "(empty)"),
])
def test_display_value_speaks_the_page_language(field_name, stored, fr, en):
    assert display_value(field_name, stored, from_history=False) == fr  # French is the default
    assert display_value(field_name, stored, from_history=False, lang="fr") == fr
    assert display_value(field_name, stored, from_history=False, lang="en") == en
    assert display_value(field_name, to_json(stored), lang="en") == en  # as written in the history


def test_the_history_table_is_english_in_english_and_french_in_french():
    english = display.history_table(_history(), "en")
    assert list(english.columns) == ["No.", "When", "Who", "Kind", "Item", "Field", "Before", "After", "Comment"]
    status_row = english[english["No."] == 1].iloc[0]
    assert (status_row["Field"], status_row["Before"], status_row["After"]) == ("Status", "in progress", "done")
    assert status_row["Kind"] == "change" and status_row["When"] == "31 Jan 2026 14:05"
    value_row = english[english["No."] == 3].iloc[0]
    assert value_row["Item"] == "indicator value IND02 on 2026-02-01" and value_row["Before"] == "(empty)"
    text = " ".join(map(str, english.to_numpy().ravel()))
    assert not [s for s in FRENCH_STATUSES if s in text]
    assert "Financeurs" not in text and "Funders" in text

    french = display.history_table(_history(), "fr")
    assert list(french.columns) == ["N°", "Quand", "Qui", "Nature", "Objet", "Champ", "Avant", "Après",
                                    "Commentaire"]
    status_row = french[french["N°"] == 1].iloc[0]
    assert (status_row["Champ"], status_row["Avant"], status_row["Après"]) == ("Statut", "en cours", "terminée")
    assert status_row["Quand"] == "31/01/2026 14:05"
    assert french[french["N°"] == 3].iloc[0]["Objet"] == "valeur d'indicateur IND02 du 2026-02-01"


def test_the_stale_save_tables_are_english_in_english_and_french_in_french():
    changes = _history()[lambda h: h["entity"] == "action"]
    current = {"status": "terminee", "funders": "Région, OPCO", "progress": 55}
    mine = {"status": "abandonnee", "progress": 60}
    theirs = {"status", "funders"}

    english_changes = display.stale_changes(changes, "en")
    assert english_changes[0] == {"Who": "edith", "When": "31 Jan 2026 14:05", "Field": "Status",
                                  "Before": "in progress", "After": "done"}  # oldest first
    english_mine = display.stale_input(mine, current, theirs, "en")
    assert english_mine == [
        {"Field": "Status", "Your input": "abandoned", "Stored now": "done", "Changed on both sides": "yes"},
        {"Field": "Progress (%)", "Your input": "60%", "Stored now": "55%", "Changed on both sides": "no"}]

    french_changes = display.stale_changes(changes, "fr")
    assert french_changes[0] == {"Qui": "edith", "Quand": "31/01/2026 14:05", "Champ": "Statut",
                                 "Avant": "en cours", "Après": "terminée"}
    french_mine = display.stale_input(mine, current, theirs, "fr")
    assert french_mine[0] == {"Champ": "Statut", "Votre saisie": "abandonnée", "Enregistré maintenant": "terminée",
                              "Modifié des deux côtés": "oui"}

    refused = display.refused_rows([("ACT02", {"status": "suspendue"}, current)], "en")
    assert refused == [{"Id": "ACT02", "Field": "Status", "Your input": "suspended", "Stored now": "done"}]


def test_import_differences_and_items_speak_the_page_language():
    change = Difference("action", "ACT06", "status", "en_cours", "terminee", "modification")
    assert change.describe() == "action « ACT06 » : statut « en cours » → « terminée »"
    assert change.describe("en") == "action « ACT06 »: status « in progress » → « done »"
    added = Difference("milestone", "ACT06-J1", "done", None, True, "ajout")
    assert added.describe("en") == "milestone « ACT06-J1 » (new): reached = « yes »"
    assert item_label("indicator_value", "IND02|2026-02-01") == "valeur d'indicateur IND02 du 2026-02-01"


@pytest.mark.parametrize("lang, headers", [("fr", ["Indicateur", "Date", "Valeur", "Source"]),
                                           ("en", ["Indicator", "Date", "Value", "Source"])])
def test_indicator_values_show_catalogue_headers_not_column_names(lang, headers):
    values = pd.DataFrame({"indicator_id": ["IND01"], "date": pd.to_datetime(["2026-03-31"]), "value": [12.0],
                           "source": ["enquête"]})
    shown = display.indicator_values_table(values, lang)
    assert list(shown.columns) == headers
    assert shown.iloc[0].tolist() == ["IND01", date(2026, 3, 31), 12.0, "enquête"]
