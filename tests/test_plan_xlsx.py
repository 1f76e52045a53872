"""The plan through an Excel workbook: lossless round trip, hostile text kept as text, diff before apply."""

from __future__ import annotations

import io
import sys

import openpyxl
import pytest

from gpect_core.plan import xlsx
from gpect_core.plan.xlsx import PlanImportError

if not hasattr(sys.modules.get("conftest"), "plan_store"):
    from conftest_plan import *  # noqa: F403 — until tests/conftest.py imports the plan fixtures

HOSTILE_TITLE = '=HYPERLINK("http://evil.example","<b>clic</b>")'
HOSTILE_COMMENT = "<script>alert('x')</script> & +SUM(A1:A9) @cmd"


def _workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_export_then_import_round_trips_the_whole_plan_unchanged(plan_store):
    action = plan_store.get_action("ACT01")
    plan_store.update_action("ACT01", action["version"], {"title": HOSTILE_TITLE, "description": HOSTILE_COMMENT,
                                                          "budget": 1234.56}, user="edith")
    data = xlsx.export_store(plan_store)
    incoming = xlsx.read_workbook(data)
    assert incoming == plan_store.snapshot()
    assert xlsx.diff_plans(plan_store.snapshot(), incoming) == []
    assert xlsx.export_workbook(incoming) and _sheet_values(xlsx.export_workbook(incoming)) == _sheet_values(data)


def _sheet_values(data: bytes) -> dict:
    book = _workbook(data)
    return {name: [list(r) for r in book[name].iter_rows(values_only=True)] for name in book.sheetnames}


def test_headers_are_french_and_hostile_text_is_a_text_cell_not_a_formula(plan_store):
    action = plan_store.get_action("ACT01")
    plan_store.update_action("ACT01", action["version"], {"title": HOSTILE_TITLE}, user="edith")
    book = _workbook(xlsx.export_store(plan_store))
    sheet = book["Actions"]
    headers = [c.value for c in sheet[1]]
    assert {"titre", "axe", "statut", "pilote", "partenaires", "début", "fin", "budget (€)", "financeurs"} <= set(headers)
    title_cell = sheet.cell(row=2, column=headers.index("titre") + 1)
    assert title_cell.value == HOSTILE_TITLE and title_cell.data_type == "s"
    statuses = {sheet.cell(row=r, column=headers.index("statut") + 1).value for r in range(2, sheet.max_row + 1)}
    assert statuses <= {"à lancer", "en cours", "terminée", "suspendue", "abandonnée"}
    assert {"Actions", "Indicateurs", "Valeurs", "Jalons", "Axes", "Partenaires"} == set(book.sheetnames)


def test_an_edited_workbook_shows_its_differences_then_applies_them_as_the_user(plan_store):
    book = _workbook(xlsx.export_store(plan_store))
    sheet = book["Actions"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "ACT02")
    sheet.cell(row=row, column=headers.index("avancement (%)") + 1).value = 90
    sheet.cell(row=row, column=headers.index("statut") + 1).value = "suspendue"
    book["Valeurs"].append(["IND02", "15/03/2026", 33, "Comité"])
    buffer = io.BytesIO()
    book.save(buffer)
    incoming = xlsx.read_workbook(buffer.getvalue())
    described = [d.describe() for d in xlsx.diff_plans(plan_store.snapshot(), incoming)]
    assert "action « ACT02 » : avancement « 70 % » → « 90 % »" in described
    assert "action « ACT02 » : statut « en cours » → « suspendue »" in described
    assert any("IND02 du 2026-03-15" in d and "« 33 »" in d for d in described)
    assert plan_store.get_action("ACT02")["progress"] == 70  # showing the diff changed nothing
    version = plan_store.get_action("ACT02")["version"]
    assert xlsx.apply_import(plan_store, incoming, user="importeur") == 4
    action = plan_store.get_action("ACT02")
    assert (action["progress"], action["status"], action["version"]) == (90, "suspendue", version + 1)
    assert set(plan_store.history_frame("ACT02")["user_name"]) == {"importeur"}
    assert xlsx.diff_plans(plan_store.snapshot(), incoming) == []


def test_a_workbook_with_bad_cells_is_refused_naming_sheet_row_and_column(plan_store):
    book = _workbook(xlsx.export_store(plan_store))
    sheet = book["Actions"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(row=3, column=headers.index("pilote") + 1).value = "Partenaire fantôme"
    sheet.cell(row=4, column=headers.index("début") + 1).value = "bientôt"
    sheet.cell(row=5, column=headers.index("statut") + 1).value = "fini"
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(buffer.getvalue(), name="plan.xlsx")
    report = caught.value.report()
    assert "plan.xlsx, feuille « Actions », ligne 3, colonne « pilote » : partenaire « Partenaire fantôme » inconnu" in report
    assert "ligne 4, colonne « début » : « bientôt » n'est pas une date" in report
    assert "ligne 5, colonne « statut » : statut « fini » inconnu" in report


def test_a_file_that_is_not_a_plan_workbook_is_refused_in_french(tmp_path):
    with pytest.raises(PlanImportError, match="n'est pas un classeur Excel lisible"):
        xlsx.read_workbook(b"not a zip", name="notes.xlsx")
    book = openpyxl.Workbook()
    book.active.title = "Feuil1"
    path = tmp_path / "autre.xlsx"
    book.save(path)
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(path)
    assert "feuille « Actions » absente" in caught.value.report()
