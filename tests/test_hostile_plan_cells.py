"""A plan workbook's cells are read for what their column expects (issue 14): a cell formatted as a date in a
budget, a progress, a value, a target or a yes/no column is refused naming the date it shows and the number it
stores (never converted); a date column takes a real date and refuses a plain number; a date-formatted cell in
a text column is read as « JJ/MM/AAAA » and asked about. ROME codes outside the A–N + four digits form are refused
at reading, and a well-formed code absent from the pack's ROME 4.0 referential is refused by the import."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

import pandas as pd
import pytest

from gpect_core.plan import xlsx
from gpect_core.plan.xlsx import PlanImportError
from gpect_core.readers.rome import is_rome_code, rome_referential
from gpect_core.territory import Provenance

try:
    from test_hostile_plan import cell, dump, edited
except ImportError:  # pragma: no cover
    from tests.test_hostile_plan import cell, dump, edited



def _date_cell(sheet: str, header: str, value, number_format: str = "DD/MM/YYYY"):
    """An edit putting `value` in the first data row of `sheet`, column `header`, with `number_format`."""
    def edit(book):
        ws = book[sheet]
        headers = [c.value for c in ws[1]]
        target = ws.cell(row=2, column=headers.index(header) + 1)
        target.value = value
        target.number_format = number_format
    return edit


@pytest.mark.parametrize(("sheet", "header", "expected"), [
    ("Actions", "budget (€)", "un nombre"),
    ("Actions", "avancement (%)", "un nombre entier"),
    ("Indicateurs", "cible", "un nombre"),
    ("Indicateurs", "valeur de départ", "un nombre"),
    ("Valeurs", "valeur", "un nombre"),
    ("Jalons", "atteint", "oui ou non"),
    ("Actions", "métiers visés", "une liste de codes"),
    ("Actions", "statut", "un texte (identifiant, statut ou libellé connu)"),
])
def test_a_date_formatted_cell_in_a_typed_column_is_refused_with_its_place(plan_store, sheet, header, expected):
    before = dump(plan_store)
    data = edited(plan_store, _date_cell(sheet, header, 46000))
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(data, name="plan.xlsx")
    problems = [p for p in caught.value.problems if p.column == header]
    assert problems, caught.value.report()
    assert problems[0].message == (
        f"plan.xlsx, feuille « {sheet} », ligne 2, colonne « {header} » : la cellule est au format date (elle "
        f"affiche le 09/12/2025, valeur enregistrée 46000) alors que la colonne attend {expected}"
        " ; mettez la cellule au format nombre (ou texte) et écrivez la valeur voulue.")
    assert (problems[0].file, problems[0].sheet, problems[0].row) == ("plan.xlsx", sheet, 2)
    assert dump(plan_store) == before


def test_a_time_formatted_cell_in_a_budget_is_refused_too(plan_store):
    data = edited(plan_store, _date_cell("Actions", "budget (€)", 0.5, "hh:mm"))
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(data, name="plan.xlsx")
    assert "colonne « budget (€) » : la cellule est au format date" in caught.value.report()


@pytest.mark.parametrize(("sheet", "header"), [("Actions", "début"), ("Actions", "fin"), ("Jalons", "échéance")])
def test_a_plain_number_in_a_date_column_is_refused_not_read_as_a_day_number(plan_store, sheet, header):
    before = dump(plan_store)
    data = edited(plan_store, _date_cell(sheet, header, 46024, "0"))
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(data, name="plan.xlsx")
    assert (f"plan.xlsx, feuille « {sheet} », ligne 2, colonne « {header} » : la cellule contient le nombre 46024 "
            "et non une date (elle n'est pas au format date ; Excel l'afficherait le 02/01/2026)") \
        in caught.value.report()
    assert dump(plan_store) == before


def test_a_date_formatted_value_date_is_the_indicator_value_key_and_a_number_there_is_refused(plan_store):
    def edit(book):
        book["Valeurs"].append(["IND01", 46100, 5, "Comité"])
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(edited(plan_store, edit), name="plan.xlsx")
    assert "feuille « Valeurs », ligne" in caught.value.report()
    assert "colonne « date » : la cellule contient le nombre 46100 et non une date" in caught.value.report()


def test_a_real_date_in_a_date_column_is_taken(plan_store):
    row = {}

    def edit(book):
        target, row["n"] = cell(book, "Actions", "ACT01", "fin")
        target.value = datetime(2027, 6, 30)
        target.number_format = "DD/MM/YYYY"
    incoming = xlsx.read_workbook(edited(plan_store, edit), name="plan.xlsx")
    assert incoming["action"]["ACT01"]["end_date"] == date(2027, 6, 30)
    assert incoming.doubts == []


def test_a_date_formatted_cell_in_a_text_column_is_read_as_its_date_and_asked_about(plan_store):
    before = dump(plan_store)
    incoming = xlsx.read_workbook(edited(plan_store, _date_cell("Indicateurs", "libellé", datetime(2026, 3, 15))),
                                  name="plan.xlsx")
    assert "15/03/2026" in [row["label"] for row in incoming["indicator"].values()]
    assert [d.message for d in incoming.doubts] == [
        "plan.xlsx, feuille « Indicateurs », ligne 2, colonne « libellé » : la cellule est au format date ; elle est "
        "lue comme le texte « 15/03/2026 » : vérifiez-le."]
    with pytest.raises(PlanImportError, match="attendent votre confirmation"):
        xlsx.apply_import(plan_store, incoming, user="anne")
    assert dump(plan_store) == before


# ------------------------------------------------------------------------------------------------ ROME codes
@pytest.mark.parametrize("code", ["Z9999", "O1234", "H291", "H29130", "2913H"])
def test_codes_outside_the_rome_form_are_refused_at_reading(plan_store, code):
    before = dump(plan_store)
    row = {}

    def edit(book):
        target, row["n"] = cell(book, "Actions", "ACT01", "métiers visés")
        target.value = f"H2913; {code}"
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(edited(plan_store, edit), name="plan.xlsx")
    assert (f"plan.xlsx, feuille « Actions », ligne {row['n']}, colonne « métiers visés » : « {code} » n'est pas "
            "un code ROME (une lettre de A à N et quatre chiffres") in caught.value.report()
    assert dump(plan_store) == before


def _referential(*codes: str, source: str = "ROME 4.0, référentiel des codes ROME", fictional: bool = False):
    occupations = pd.DataFrame({"system": ["ROME4"] * len(codes) + ["FAP2021"], "code": [*codes, "A0X40"]})
    return SimpleNamespace(fictional=fictional, tables={"occupations": occupations},
                           provenance={"occupations": Provenance(source=source)})


def test_the_referential_is_known_only_from_a_real_pack_built_from_the_rome_file(demo_territory):
    assert rome_referential(demo_territory) is None  # fictional: its 59 codes are not the whole ROME
    assert rome_referential(_referential("H2913", "A1101")) == frozenset({"H2913", "A1101"})
    assert rome_referential(_referential("H2913", source="BMO 2024")) is None
    assert rome_referential(_referential("H2913", fictional=True)) is None
    assert [is_rome_code(c) for c in ("h2913", "N4105", "Z9999", "A999", " H 2913 ")] == [True, True, False, False,
                                                                                        True]


def test_a_well_formed_code_absent_from_the_referential_is_refused_and_nothing_is_written(plan_store):
    referential = frozenset(plan_store.snapshot()["action"]["ACT01"]["occupation_codes"].split() + ["H2913"])
    row = {}

    def edit(book):
        target, row["n"] = cell(book, "Actions", "ACT01", "métiers visés")
        target.value = f"{target.value}; A9999"
        budget, _ = cell(book, "Actions", "ACT01", "budget (€)")
        budget.value = 123456  # a valid change in the same workbook is not applied either
    incoming = xlsx.read_workbook(edited(plan_store, edit), name="plan.xlsx")
    before = dump(plan_store)
    problems = xlsx.import_problems(plan_store, incoming, known_rome=referential)
    assert [p.message for p in problems] == [
        f"plan.xlsx, feuille « Actions », ligne {row['n']} : colonne « métiers visés » : le code ROME « A9999 » "
        "n'existe pas dans le ROME 4.0 (référentiel du pack) ; corrigez-le."]
    assert (problems[0].sheet, problems[0].row, problems[0].column) == ("Actions", row["n"], "métiers visés")
    with pytest.raises(PlanImportError):
        xlsx.apply_import(plan_store, incoming, user="anne", known_rome=referential)
    assert dump(plan_store) == before
    assert xlsx.import_problems(plan_store, incoming) == []  # no referential (the demo pack): only the form counts


# ------------------------------------------------------------------------------- more hostile inputs (issue 14)
def test_a_changed_date_after_next_year_is_asked_about_and_applied_only_once_confirmed(plan_store):
    from datetime import date as day

    rows = {}

    def edit(book):
        end, rows["end"] = cell(book, "Actions", "ACT04", "fin")
        end.value = "31/12/2030"
        book["Valeurs"].append(["IND01", "15/03/2028", 12, "Comité"])
        rows["value"] = book["Valeurs"].max_row
    incoming = xlsx.read_workbook(edited(plan_store, edit), name="dates.xlsx")
    today = day(2026, 12, 1)
    assert incoming.doubts == []  # nothing misread: the dates are doubtful as changes to the stored plan
    messages = [d.message for d in xlsx.import_doubts(plan_store, incoming, today)]
    assert messages == [
        f"dates.xlsx, feuille « Actions », ligne {rows['end']} : colonne « fin » : date du 31/12/2030, après l'année "
        "2027 ; vérifiez-la (une faute de frappe ?) avant d'appliquer.",
        f"dates.xlsx, feuille « Valeurs », ligne {rows['value']} : colonne « date » : date du 15/03/2028, après "
        "l'année 2027 ; vérifiez-la (une faute de frappe ?) avant d'appliquer."]
    assert xlsx.import_problems(plan_store, incoming, today=today) == []
    before = dump(plan_store)
    with pytest.raises(PlanImportError, match="2 valeur\\(s\\) à vérifier attendent votre confirmation"):
        xlsx.apply_import(plan_store, incoming, user="anne", today=today)
    assert dump(plan_store) == before
    xlsx.apply_import(plan_store, incoming, user="anne", today=today, confirmed=True)
    assert plan_store.get_action("ACT04")["end_date"] == day(2030, 12, 31)
    again = xlsx.read_workbook(xlsx.export_store(plan_store), name="dates.xlsx")
    assert xlsx.import_doubts(plan_store, again, today) == []  # stored dates are not asked about at each import


def test_an_encrypted_workbook_is_said_to_be_password_protected_by_the_plan_import(plan_store):
    try:
        from test_hostile_files import encrypted_workbook
    except ImportError:  # pragma: no cover
        from tests.test_hostile_files import encrypted_workbook
    before = dump(plan_store)
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(encrypted_workbook(), name="plan-secret.xlsx")
    assert caught.value.message == (
        "« plan-secret.xlsx » : le classeur est protégé par mot de passe ; ouvrez-le dans Excel, retirez le mot de "
        "passe (Fichier > Informations > Protéger le classeur) et enregistrez-le de nouveau.")
    assert dump(plan_store) == before


@pytest.mark.parametrize(("header", "value", "expected"), [
    ("avancement (%)", "0,75", "« 0,75 » doit être un nombre entier"),
    ("budget (€)", "1,5e400", "n'est pas un nombre fini"),
])
def test_a_fraction_in_the_progress_and_an_overflow_in_the_budget_are_refused_with_their_place(plan_store, header,
                                                                                                value, expected):
    row = {}

    def edit(book):
        target, row["n"] = cell(book, "Actions", "ACT03", header)
        target.value = value
    before = dump(plan_store)
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(edited(plan_store, edit), name="plan.xlsx")
    assert f"plan.xlsx, feuille « Actions », ligne {row['n']}, colonne « {header} » : " in caught.value.report()
    assert expected in caught.value.report()
    assert dump(plan_store) == before
