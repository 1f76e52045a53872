"""`plan import` (page and command line) never stores a doubtful value without asking (issue 14): wrong ROME
codes, formulas without a computed value, merged cells and huge numbers are refused naming sheet, row and
column; a « % » in a budget, a lower-case ROME code and a hidden sheet wait for a confirmation."""

from __future__ import annotations

import pytest

from gpect_core.plan import xlsx
from gpect_core.plan.xlsx import PlanImportError

try:
    from test_hostile_plan import _cli, cell, dump, edited
except ImportError:  # pragma: no cover
    from tests.test_hostile_plan import _cli, cell, dump, edited


def _set(sheet, action_id, header, value):
    def edit(book):
        cell(book, sheet, action_id, header)[0].value = value
    return edit


@pytest.mark.parametrize(("edit", "expected"), [
    (_set("Actions", "ACT01", "métiers visés", "Z9999; soudeur"),
     "colonne « métiers visés » : « Z9999 », « soudeur » n'est pas un code ROME"),
    (_set("Actions", "ACT01", "budget (€)", "=8000*2"),
     "colonne « budget (€) » : formule sans valeur calculée (« =8000*2 ») : ouvrez et enregistrez le classeur"),
    (lambda book: book["Actions"].merge_cells("J2:J3"), "colonne « budget (€) » : cellules fusionnées J2:J3"),
    (lambda book: book["Valeurs"].cell(row=2, column=3, value=1e300),
     "feuille « Valeurs », ligne 2, colonne « valeur » : valeur hors de portée"),
])
def test_wrong_cells_are_refused_naming_sheet_row_and_column(plan_store, edit, expected):
    before = dump(plan_store)
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(edited(plan_store, edit), name="plan.xlsx")
    assert expected in caught.value.report(), caught.value.report()
    assert "plan.xlsx, feuille" in caught.value.report()
    assert dump(plan_store) == before


def _hide(book):
    book["Actions"].sheet_state = "hidden"
    book.active = book.sheetnames.index("Indicateurs")
    cell(book, "Actions", "ACT01", "budget (€)")[0].value = 4321


@pytest.mark.parametrize(("edit", "expected", "stored"), [
    (_set("Actions", "ACT01", "budget (€)", "12 %"), "colonne « budget (€) » : « 12 % » est lu 12", ("budget", 12)),
    (_set("Actions", "ACT01", "métiers visés", "h2913; I1304"),
     "colonne « métiers visés » : « h2913; I1304 » lu « H2913 I1304 »", ("occupation_codes", "H2913 I1304")),
    (_hide, "la feuille « Actions » est masquée", ("budget", 4321)),
])
def test_doubtful_values_wait_for_a_confirmation(plan_store, edit, expected, stored):
    incoming = xlsx.read_workbook(edited(plan_store, edit), name="plan.xlsx")
    assert any(expected in d.message for d in incoming.doubts), [d.message for d in incoming.doubts]
    assert xlsx.import_problems(plan_store, incoming) == []
    before = dump(plan_store)
    with pytest.raises(PlanImportError, match="attendent votre confirmation"):
        xlsx.apply_import(plan_store, incoming, user="anne")
    assert dump(plan_store) == before
    xlsx.apply_import(plan_store, incoming, user="anne", confirmed=True)
    field, value = stored
    assert plan_store.get_action("ACT01")[field] == value


def test_an_unchanged_export_has_no_doubt(plan_store):
    assert xlsx.read_workbook(xlsx.export_store(plan_store)).doubts == []


def test_cli_lists_values_to_check_and_applies_them_only_with_confirm(sqlite_plan_url, plan_territory, tmp_path):
    from gpect_core.plan.store import PlanStore

    store = PlanStore.open(sqlite_plan_url, plan_territory)
    path = tmp_path / "budget.xlsx"
    path.write_bytes(edited(store, _set("Actions", "ACT01", "budget (€)", "12 %")))
    before = dump(store)
    env = {"GPECT_DB_URL": sqlite_plan_url}
    shown = _cli("plan", "import", str(path), env=env)
    assert shown.returncode == 1
    assert "1 valeur(s) à vérifier" in shown.stdout and "« 12 % » est lu 12" in shown.stdout
    refused = _cli("plan", "import", str(path), "--apply", "--user", "anne", env=env)
    assert refused.returncode == 1 and "--confirm" in refused.stderr and "Traceback" not in refused.stderr
    assert dump(store) == before
    applied = _cli("plan", "import", str(path), "--apply", "--user", "anne", "--confirm", env=env)
    assert applied.returncode == 0, applied.stderr
    assert store.get_action("ACT01")["budget"] == 12
    store.close()


def test_an_indicator_moved_to_an_unknown_action_is_refused_with_its_cell(sqlite_plan_url, plan_territory, tmp_path):
    from gpect_core.plan.store import PlanStore

    store = PlanStore.open(sqlite_plan_url, plan_territory)
    indicator = sorted(store.snapshot()["indicator"])[0]
    row = {}

    def edit(book):
        target, row["n"] = cell(book, "Indicateurs", indicator, "action")
        target.value = "ACT99"
    path = tmp_path / "indicateur.xlsx"
    path.write_bytes(edited(store, edit))
    before = dump(store)
    problems = xlsx.import_problems(store, xlsx.read_workbook(path.read_bytes(), name="indicateur.xlsx"))
    assert [p.message for p in problems] == [
        f"indicateur.xlsx, feuille « Indicateurs », ligne {row['n']} : colonne « action » : action « ACT99 » inconnue "
        "(ni dans la feuille « Actions » ni dans le plan) ; corrigez l'identifiant de l'action."]
    assert (problems[0].sheet, problems[0].row, problems[0].column) == ("Indicateurs", row["n"], "action")
    applied = _cli("plan", "import", str(path), "--apply", "--user", "anne", env={"GPECT_DB_URL": sqlite_plan_url})
    assert applied.returncode == 1 and "action « ACT99 » inconnue" in applied.stderr
    assert "Traceback" not in applied.stderr
    assert dump(store) == before
    store.close()


def test_an_indicator_moved_to_another_existing_action_is_refused_not_dropped(sqlite_plan_url, plan_territory,
                                                                             tmp_path):
    from gpect_core.plan.store import PlanStore

    store = PlanStore.open(sqlite_plan_url, plan_territory)
    snapshot = store.snapshot()
    indicator = sorted(snapshot["indicator"])[0]
    owner = snapshot["indicator"][indicator]["action_id"]
    other = next(a for a in sorted(snapshot["action"]) if a != owner)
    row = {}

    def edit(book):
        target, row["n"] = cell(book, "Indicateurs", indicator, "action")
        target.value = other
    path = tmp_path / "deplace.xlsx"
    path.write_bytes(edited(store, edit))
    before = dump(store)
    problems = xlsx.import_problems(store, xlsx.read_workbook(path.read_bytes(), name="deplace.xlsx"))
    assert [p.message for p in problems] == [
        f"deplace.xlsx, feuille « Indicateurs », ligne {row['n']} : colonne « action » : « {owner} » → « {other} » : "
        "un import ne déplace pas un indicateur ou un jalon d'une action à une autre ; remettez "
        f"« {owner} », puis créez-le sous « {other} » sur la page du plan."]
    assert (problems[0].sheet, problems[0].row, problems[0].column) == ("Indicateurs", row["n"], "action")
    applied = _cli("plan", "import", str(path), "--apply", "--user", "anne", env={"GPECT_DB_URL": sqlite_plan_url})
    assert applied.returncode == 1 and "un import ne déplace pas un indicateur" in applied.stderr
    assert dump(store) == before
    store.close()
