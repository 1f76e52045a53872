"""AppTest of the plan page's import step (issue 14): a workbook staged as the uploader would stage it (session
state `plan_import_staged`, AppTest cannot upload) with doubtful values (« 12 % » in a budget, lower-case ROME
codes, a hidden sheet) lists them with their place; « Appliquer » waits for the confirmation; once confirmed the
store holds the change; discarding, or a refused workbook, leaves the store byte-for-byte unchanged."""

from __future__ import annotations

import io
import re
import sys

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from gpect_core.plan import xlsx

if not hasattr(sys.modules.get("conftest"), "plan_store"):
    from conftest_plan import *  # noqa: F403

try:
    from test_hostile_plan import cell, dump
except ImportError:  # pragma: no cover
    from tests.test_hostile_plan import cell, dump

EDITOR = {"username": "edith", "name": "Édith Éditrice", "role": "editeur"}
APPLY = "Appliquer ces différences"



def _doubtful_workbook(store) -> tuple[bytes, dict]:
    book = openpyxl.load_workbook(io.BytesIO(xlsx.export_store(store)))
    rows = {}
    budget, rows["budget"] = cell(book, "Actions", "ACT01", "budget (€)")
    budget.value = "12 %"
    codes, rows["codes"] = cell(book, "Actions", "ACT02", "métiers visés")
    codes.value = "h2913; i1304"
    book["Partenaires"].sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), rows


def _page(data: bytes, name: str = "plan-modifie.xlsx") -> AppTest:
    at = AppTest.from_file("../app_pages/plan.py", default_timeout=90)
    at.session_state["plan_user"] = EDITOR
    at.session_state["plan_import_staged"] = (name, data)
    return at.run()


def _seen(elements) -> str:
    """The texts as the page shows them (Markdown escapes rendered)."""
    return re.sub(r"\\(.)", r"\1", "\n".join(str(e.value) for e in elements)).replace("\u2060", "")


def _button(at: AppTest, label: str):
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r}: {[b.label for b in at.button]}"
    return matches[0]


def _confirm_box(at: AppTest):
    boxes = [c for c in at.checkbox if c.label.startswith("Je confirme")]
    assert len(boxes) == 1, [c.label for c in at.checkbox]
    return boxes[0]


def test_the_preview_lists_the_doubtful_values_with_their_place_and_apply_waits(plan_env):
    data, rows = _doubtful_workbook(plan_env)
    at = _page(data)
    before = dump(plan_env)  # after the page opened the store (it may create tables of later features, empty)
    assert not at.exception
    warnings = _seen(at.warning)
    assert (f"plan-modifie.xlsx, feuille « Actions », ligne {rows['budget']}, colonne « budget (€) » : « 12 % » "
            "est lu 12 (le « % » est ignoré)") in warnings
    assert (f"plan-modifie.xlsx, feuille « Actions », ligne {rows['codes']}, colonne « métiers visés » : "
            "« h2913; i1304 » lu « H2913 I1304 »") in warnings
    assert "plan-modifie.xlsx : la feuille « Partenaires » est masquée" in warnings
    assert _button(at, APPLY).disabled
    assert not _confirm_box(at).value
    with pytest.raises(Exception, match="disabled"):  # a browser user cannot click it either
        _button(at, APPLY).click()
    at.run()
    assert _button(at, APPLY).disabled
    assert dump(plan_env) == before


def test_once_confirmed_the_import_is_applied(plan_env):
    data, _rows = _doubtful_workbook(plan_env)
    at = _page(data)
    _confirm_box(at).check().run()
    assert not _button(at, APPLY).disabled
    _button(at, APPLY).click().run()
    assert not at.exception, at.exception
    assert any("modification(s) appliquée(s)" in s.value for s in at.success), [e.value for e in at.error]
    plan_env.engine.dispose()
    action = plan_env.get_action("ACT01")
    assert action["budget"] == 12
    assert plan_env.get_action("ACT02")["occupation_codes"] == "H2913 I1304"


def test_discarding_the_import_leaves_the_store_unchanged(plan_env):
    data, _rows = _doubtful_workbook(plan_env)
    at = _page(data)
    before = dump(plan_env)
    _confirm_box(at).check().run()
    _button(at, "Abandonner cet import").click().run()
    assert not at.exception
    assert "Import abandonné : rien n'a été modifié dans le plan." in [s.value for s in at.success]
    assert at.session_state["plan_import_staged"] is None
    assert APPLY not in [b.label for b in at.button]
    # the discarded workbook's differences are no longer on screen under the message
    assert not [w for w in at.warning if "différence(s) avec le plan enregistré" in w.value]
    assert not [df for df in at.dataframe if "Différence" in df.value.columns]
    at.run()
    assert dump(plan_env) == before


def test_a_workbook_with_a_date_formatted_budget_is_refused_on_the_page_with_its_place(plan_env):
    book = openpyxl.load_workbook(io.BytesIO(xlsx.export_store(plan_env)))
    budget, row = cell(book, "Actions", "ACT01", "budget (€)")
    budget.value, budget.number_format = 46000, "DD/MM/YYYY"
    buffer = io.BytesIO()
    book.save(buffer)
    at = _page(buffer.getvalue())
    before = dump(plan_env)
    assert not at.exception
    errors = _seen(at.error)
    assert (f"plan-modifie.xlsx, feuille « Actions », ligne {row}, colonne « budget (€) » : la cellule est au format "
            "date (elle affiche le 09/12/2025, valeur enregistrée 46000)") in errors
    assert APPLY not in [b.label for b in at.button]
    at.run()
    assert dump(plan_env) == before


IMAGE = "![x](http://traceur.example/p.png)"


def _unescaped_image(at: AppTest) -> list[str]:
    """Texts of Markdown elements where the image would render (not escaped)."""
    values = [str(e.value) for e in (*at.markdown, *at.caption, *at.info, *at.error, *at.success, *at.warning)]
    return [v for v in values if re.search(r"(?<!\\)!(?<!\\)\[x(?<!\\)\]\(http", v)]


def test_a_markdown_image_in_the_workbook_is_shown_as_text_in_the_preview_and_the_problems(plan_env):
    book = openpyxl.load_workbook(io.BytesIO(xlsx.export_store(plan_env)))
    title, _ = cell(book, "Actions", "ACT01", "titre")
    title.value = f"Forum {IMAGE}"
    kind, row = cell(book, "Partenaires", book["Partenaires"].cell(row=2, column=1).value, "type")
    kind.value = IMAGE
    buffer = io.BytesIO()
    book.save(buffer)
    at = _page(buffer.getvalue(), name=f"{IMAGE}.xlsx")
    assert not at.exception
    assert IMAGE in _seen(at.error)  # said, as text
    assert _unescaped_image(at) == []
    kind.value = "Entreprise"
    buffer = io.BytesIO()
    book.save(buffer)
    at = _page(buffer.getvalue(), name=f"{IMAGE}.xlsx")
    assert not at.exception
    assert _unescaped_image(at) == []
