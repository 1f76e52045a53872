"""Hostile and broken action-plan workbooks, on SQLite and PostgreSQL: all or nothing (one transaction for the
whole workbook), problems named by file, sheet and row, the store byte-for-byte unchanged when refused; and the
command line prints French messages (exit 1), never a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from gpect_core.plan import model as m
from gpect_core.plan import xlsx
from gpect_core.plan.xlsx import PlanImportError

try:
    from test_hostile_files import TECHNICAL, sparse_xlsx
except ImportError:  # pragma: no cover
    from tests.test_hostile_files import TECHNICAL, sparse_xlsx

REPO = Path(__file__).resolve().parents[1]


def dump(store) -> dict:
    """Every row of every table of the store, in a fixed order: equal before and after means nothing written."""
    out = {}
    with store.engine.connect() as conn:
        for table in m.metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            out[table.name] = sorted(tuple(str(v) for v in row) for row in rows)
    return out


def edited(store, edit) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(xlsx.export_store(store)))
    edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def cell(book, sheet: str, action_id: str, header: str):
    ws = book[sheet]
    headers = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == action_id)
    return ws.cell(row=row, column=headers.index(header) + 1), row


def test_one_invalid_change_refuses_the_whole_workbook_and_writes_nothing(plan_store):
    rows = {}

    def edit(book):
        budget, rows["budget"] = cell(book, "Actions", "ACT01", "budget (€)")
        budget.value = 98765
        end, rows["end"] = cell(book, "Actions", "ACT02", "fin")
        start, _ = cell(book, "Actions", "ACT02", "début")
        start.value, end.value = "01/06/2026", "01/01/2026"

    incoming = xlsx.read_workbook(edited(plan_store, edit), name="plan.xlsx")
    before = dump(plan_store)
    problems = xlsx.import_problems(plan_store, incoming)
    assert [p.row for p in problems] == [rows["end"]]
    assert problems[0].message.startswith(f"plan.xlsx, feuille « Actions », ligne {rows['end']} : ")
    assert dump(plan_store) == before  # the dry run wrote nothing
    with pytest.raises(PlanImportError) as caught:
        xlsx.apply_import(plan_store, incoming, user="importeur")
    assert "le classeur est refusé en entier, rien n'a été enregistré" in caught.value.message
    assert dump(plan_store) == before  # the valid budget of ACT01 was not saved either
    assert plan_store.get_action("ACT01")["budget"] != 98765


def test_values_of_an_unknown_indicator_are_a_located_problem_not_a_crash(plan_store):
    def edit(book):
        book["Valeurs"].append(["IND99", "15/03/2026", 12, "Comité"])

    data = edited(plan_store, edit)
    row = openpyxl.load_workbook(io.BytesIO(data))["Valeurs"].max_row
    incoming = xlsx.read_workbook(data, name="valeurs.xlsx")
    before = dump(plan_store)
    with pytest.raises(PlanImportError) as caught:
        xlsx.apply_import(plan_store, incoming, user="importeur")
    report = caught.value.report()
    assert f"valeurs.xlsx, feuille « Valeurs », ligne {row} : valeur d'un indicateur « IND99 »" in report
    assert dump(plan_store) == before


def test_a_valid_workbook_is_still_applied_in_one_go(plan_store):
    def edit(book):
        cell(book, "Actions", "ACT01", "budget (€)")[0].value = 4321
        cell(book, "Actions", "ACT02", "avancement (%)")[0].value = 95

    incoming = xlsx.read_workbook(edited(plan_store, edit), name="ok.xlsx")
    assert xlsx.import_problems(plan_store, incoming) == []
    assert xlsx.apply_import(plan_store, incoming, user="importeur") == 2
    assert plan_store.get_action("ACT01")["budget"] == 4321 and plan_store.get_action("ACT02")["progress"] == 95


def test_duplicate_headers_in_a_plan_sheet_are_refused(plan_store):
    def edit(book):
        ws = book["Actions"]
        ws.cell(row=1, column=ws.max_column + 1).value = "budget (€)"

    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(edited(plan_store, edit), name="doublon.xlsx")
    assert "doublon.xlsx, feuille « Actions » : la colonne « budget (€) » figure plusieurs fois" in \
        caught.value.report()


@pytest.mark.parametrize("data,expected", [
    (sparse_xlsx(), "« plan.xlsx », feuille « Données » : la feuille s'étend sur 1\u202f048\u202f576 lignes"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "plan.xlsx : ce fichier n'est pas un classeur Excel lisible"),
    (b"PK\x03\x04" + b"\x00" * 100, "plan.xlsx : ce fichier n'est pas un classeur Excel lisible"),
], ids=["sparse-dimension", "ole-not-xlsx", "broken-zip"])
def test_unreadable_plan_workbooks_are_refused_in_french(plan_store, data, expected):
    before = dump(plan_store)
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(data, name="plan.xlsx")
    assert expected in caught.value.report()
    assert not TECHNICAL.search(caught.value.report())
    assert dump(plan_store) == before


def _cli(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gpect_core", *args], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, **env}, timeout=300)


def test_cli_preview_exits_1_listing_problems_and_apply_never_prints_a_traceback(sqlite_plan_url, plan_territory,
                                                                                  tmp_path):
    from gpect_core.plan.store import PlanStore

    store = PlanStore.open(sqlite_plan_url, plan_territory)
    path = tmp_path / "valeurs.xlsx"
    path.write_bytes(edited(store, lambda book: book["Valeurs"].append(["IND99", "15/03/2026", 12, "x"])))
    before = dump(store)
    env = {"GPECT_DB_URL": sqlite_plan_url}
    shown = _cli("plan", "import", str(path), env=env)
    assert shown.returncode == 1
    assert "problème(s) dans valeurs.xlsx" in shown.stderr and "« IND99 »" in shown.stderr
    assert "différence(s)" not in shown.stdout
    applied = _cli("plan", "import", str(path), "--apply", "--user", "anne", env=env)
    assert applied.returncode == 1 and "« IND99 »" in applied.stderr
    assert "Traceback" not in applied.stderr + shown.stderr and "KeyError" not in applied.stderr
    assert dump(store) == before
    store.close()


def test_build_pack_whose_every_polygon_is_rejected_prints_french_not_a_traceback(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    (source / "zones.geojson").write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code_zone":"Z1","nom_zone":'
        '"Nord"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,0],[0,0],[0,0]]]}}]}', encoding="utf-8")
    done = _cli("build-pack", "--from", str(source), "--out", str(tmp_path / "pack"), env={})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "IndexError" not in done.stderr
    assert "Aucune géométrie de zone" in done.stderr
    assert not (tmp_path / "pack").exists()
    debug = _cli("build-pack", "--from", str(source), "--out", str(tmp_path / "pack"), "--debug", env={})
    assert debug.returncode == 1


@pytest.mark.parametrize("word", ["peut-être", "bientôt"])
def test_a_word_that_is_not_yes_or_no_is_refused_where_it_is(plan_store, word):
    rows = {}

    def edit(book):
        ws = book["Jalons"]
        headers = [c.value for c in ws[1]]
        rows["row"] = 2
        ws.cell(row=2, column=headers.index("atteint") + 1).value = word

    before = dump(plan_store)
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(edited(plan_store, edit), name="jalons.xlsx")
    assert (f"jalons.xlsx, feuille « Jalons », ligne 2, colonne « atteint » : « {word} » n'est ni oui ni non"
            in caught.value.report())
    assert dump(plan_store) == before


# --------------------------------------------------------------------------------------- fresh testers' faults
def demo_zones(plan_territory) -> set[str]:
    return set(plan_territory.zones["zone_id"].astype(str))


@pytest.mark.parametrize("header,value,expected", [
    ("budget (€)", "1e400", "« 1e400 » n'est pas un nombre fini"),
    ("avancement (%)", "nan", "« nan » n'est pas un nombre fini"),
    ("budget (€)", "-inf", "« -inf » n'est pas un nombre fini"),
], ids=["budget-1e400", "progress-nan", "budget-minus-inf"])
def test_non_finite_numbers_are_refused_where_they_are_never_stored(plan_store, header, value, expected):
    rows = {}

    def edit(book):
        target, rows["row"] = cell(book, "Actions", "ACT03", header)
        target.value = value
        cell(book, "Actions", "ACT01", "budget (€)")[0].value = 11111  # a valid change beside it

    before = dump(plan_store)
    with pytest.raises(PlanImportError) as caught:
        xlsx.read_workbook(edited(plan_store, edit), name="infini.xlsx")
    assert (f"infini.xlsx, feuille « Actions », ligne {rows['row']}, colonne « {header} » : {expected}"
            in caught.value.report())
    assert dump(plan_store) == before


def test_unknown_zone_codes_are_refused_naming_row_column_and_code_and_nothing_is_saved(plan_store,
                                                                                        plan_territory):
    rows = {}

    def edit(book):
        zones, rows["zones"] = cell(book, "Actions", "ACT04", "bassins")
        zones.value = "9902; ZZ99; 9903"
        cell(book, "Actions", "ACT01", "budget (€)")[0].value = 22222

    incoming = xlsx.read_workbook(edited(plan_store, edit), name="zones.xlsx")
    before = dump(plan_store)
    problems = xlsx.import_problems(plan_store, incoming, known_zones=demo_zones(plan_territory))
    assert [p.message for p in problems] == [
        f"zones.xlsx, feuille « Actions », ligne {rows['zones']} : colonne « bassins » : zone « ZZ99 » inconnue "
        "du pack (elle n'est dans aucun de ses zonages) ; corrigez le code ou retirez-le."]
    with pytest.raises(PlanImportError):
        xlsx.apply_import(plan_store, incoming, user="importeur", known_zones=demo_zones(plan_territory))
    assert dump(plan_store) == before and plan_store.get_action("ACT01")["budget"] != 22222


def test_dates_far_ahead_are_flagged_in_the_preview_and_refused_on_apply(plan_store):
    from datetime import date

    rows = {}

    def edit(book):
        end, rows["end"] = cell(book, "Actions", "ACT02", "fin")
        end.value = "31/12/2099"
        book["Valeurs"].append(["IND01", "15/03/2099", 12, "Comité"])
        rows["value"] = book["Valeurs"].max_row
        cell(book, "Actions", "ACT04", "fin")[0].value = "31/12/2030"  # ahead, but within 15 years: fine

    incoming = xlsx.read_workbook(edited(plan_store, edit), name="dates.xlsx")
    before = dump(plan_store)
    messages = [p.message for p in xlsx.import_problems(plan_store, incoming, today=date(2026, 12, 1))]
    assert (f"dates.xlsx, feuille « Actions », ligne {rows['end']} : colonne « fin » : date du 31/12/2099, plus "
            "de 15 ans après aujourd'hui ; vérifiez-la" in "\n".join(messages)), messages
    assert (f"dates.xlsx, feuille « Valeurs », ligne {rows['value']} : colonne « date » : date du 15/03/2099"
            in "\n".join(messages)), messages
    assert len(messages) == 2
    with pytest.raises(PlanImportError, match="rien n'a été enregistré"):
        xlsx.apply_import(plan_store, incoming, user="importeur", today=date(2026, 12, 1))
    assert dump(plan_store) == before


def test_cli_plan_import_refuses_an_unknown_zone_of_the_pack_with_exit_1(sqlite_plan_url, plan_territory, tmp_path):
    from gpect_core.plan.store import PlanStore

    store = PlanStore.open(sqlite_plan_url, plan_territory)
    path = tmp_path / "zones.xlsx"
    path.write_bytes(edited(store, lambda book: setattr(cell(book, "Actions", "ACT04", "bassins")[0], "value",
                                                        "9902 ZZ99")))
    before = dump(store)
    shown = _cli("plan", "import", str(path), "--apply", "--user", "anne",
                 env={"GPECT_DB_URL": sqlite_plan_url, "GPECT_PACK": str(REPO / "data" / "demo")})
    assert shown.returncode == 1 and "zone « ZZ99 » inconnue du pack" in shown.stderr, shown.stderr
    assert "Traceback" not in shown.stderr
    assert dump(store) == before
    store.close()
