"""The survey upload (« Données » > « Enquête entreprises ») is read in the same bounded child process as the main
upload (`readers.isolated`): a reading over its memory ceiling is stopped there and said in French, the server
keeps running; a hostile workbook is refused with its sheet named; a normal survey is still read."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from gpect_core.readers.isolated import read_tables_isolated
from gpect_core.readers.sniff import ReadError

try:
    from test_hostile_files import TECHNICAL, sparse_xlsx
except ImportError:  # pragma: no cover
    from tests.test_hostile_files import TECHNICAL, sparse_xlsx

SURVEY = (Path(__file__).resolve().parent / "fixtures" / "survey" / "enquete.csv").read_bytes()
EDITOR = {"username": "edith", "name": "Édith Éditrice", "role": "editeur"}


def survey_tab(pack, monkeypatch, tmp_path, staged) -> AppTest:
    monkeypatch.setenv("GPECT_PACK", str(pack))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    at = AppTest.from_file("../app_pages/donnees.py", default_timeout=120)
    at.session_state["plan_user"] = EDITOR
    at.session_state["survey_staged"] = staged
    return at


def test_survey_reading_is_bounded_by_the_child_memory_ceiling(demo_pack_copy, monkeypatch, tmp_path,
                                                                plan_accounts_file):
    monkeypatch.setenv("GPECT_PARSE_MEMORY_MB", "1")  # in this process the file reads fine; in the child it cannot
    header, *rows = SURVEY.splitlines(keepends=True)
    big = header + b"".join(rows) * (2_000_000 // len(SURVEY) + 1)  # 2 MB: its reading needs far more than 1 MB
    at = survey_tab(demo_pack_copy, monkeypatch, tmp_path, ("enquete.csv", big))
    at.run()
    assert not at.exception
    errors = [e.value.replace("\\", "") for e in at.error]
    assert any(e.startswith("« enquete.csv » : la lecture du fichier a dépassé la mémoire permise (1 Mo)")
               for e in errors), errors


def test_sparse_survey_workbook_is_refused_with_its_sheet(demo_pack_copy, monkeypatch, tmp_path, plan_accounts_file):
    at = survey_tab(demo_pack_copy, monkeypatch, tmp_path, ("enquete.xlsx", sparse_xlsx()))
    at.run()
    assert not at.exception
    errors = " ".join(e.value.replace("\\", "") for e in at.error)
    assert "« enquete.xlsx », feuille « Données » : la feuille s'étend sur 1\u202f048\u202f576 lignes" in errors
    assert not TECHNICAL.search(errors)


def test_a_normal_survey_is_still_read_through_the_child(demo_pack_copy, monkeypatch, tmp_path, plan_accounts_file):
    at = survey_tab(demo_pack_copy, monkeypatch, tmp_path, ("enquete.csv", SURVEY))
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("File de revue" in m.value for kind in ("markdown", "subheader", "caption") for m in getattr(at, kind))


def test_tables_read_in_the_child_keep_their_location_and_refusals_are_read_errors():
    tables = read_tables_isolated(b"Code;Nom\n\n01;Ain\n", "petit.csv")
    assert tables[0].frame.to_dict("list") == {"Code": ["01"], "Nom": ["Ain"]}
    assert tables[0].row_number(tables[0].frame.index[0]) == 3  # header 1, blank 2, data 3
    try:
        read_tables_isolated(b"", "vide.csv")
    except ReadError as exc:
        assert exc.message == "« vide.csv » : le fichier est vide."
    else:
        raise AssertionError("an empty file must be refused")
