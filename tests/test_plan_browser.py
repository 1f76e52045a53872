"""The « Plan d'action » page in Debian's Chromium: log in, edit an action, see the history row, and a second
browser editing the same action gets the stale-version message."""

from __future__ import annotations

import shutil

import pytest

from browser import running_app, wait_for_idle
from gpect_core.plan import auth
from gpect_core.plan.store import PlanStore

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def plan_app(tmp_path_factory):
    from conftest import DEMO_PACK

    base = tmp_path_factory.mktemp("plan_app")
    pack = base / "pack"
    shutil.copytree(DEMO_PACK, pack)
    accounts = base / "accounts.toml"
    auth.add_user(accounts, "edith", "edith-secret-1", "editeur", name="Édith")
    auth.add_user(accounts, "bruno", "bruno-secret-1", "editeur", name="Bruno")
    db_url = f"sqlite:///{base / 'plan.sqlite'}"
    with running_app(pack, extra_env={"GPECT_DB_URL": db_url, "GPECT_ACCOUNTS_FILE": str(accounts)}) as url:
        yield url, db_url


def _new_page(chromium):
    from browser import ExternalRequests

    context = chromium.new_context(viewport={"width": 1400, "height": 1100}, locale="fr-FR")
    page = context.new_page()
    page.external_requests = ExternalRequests(page)
    return context, page


def _log_in(page, url: str, username: str, password: str) -> None:
    page.goto(f"{url}/plan")
    wait_for_idle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_label("Identifiant").fill(username)
    sidebar.get_by_label("Mot de passe").fill(password)
    sidebar.get_by_role("button", name="Se connecter").click()
    wait_for_idle(page)
    sidebar.get_by_text("Connecté").wait_for(timeout=30_000)


def _open_action_form(page) -> None:
    page.get_by_role("tab", name="Actions", exact=True).click()
    wait_for_idle(page)
    page.get_by_label("Financeurs").wait_for(timeout=60_000)


def _save_funders(page, text: str) -> None:
    field = page.get_by_label("Financeurs")
    field.fill(text)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    wait_for_idle(page)


def test_an_editor_saves_an_action_and_a_second_browser_gets_the_stale_message(plan_app, chromium):
    url, db_url = plan_app
    first_context, first = _new_page(chromium)
    second_context, second = _new_page(chromium)
    try:
        _log_in(first, url, "edith", "edith-secret-1")
        _log_in(second, url, "bruno", "bruno-secret-1")
        _open_action_form(first)
        _open_action_form(second)  # both read ACT01 at the same version

        _save_funders(first, "Région, État, OPCO 2i")
        first.get_by_text("champ(s) modifié(s)").wait_for(timeout=30_000)
        store = PlanStore.open(db_url, migrate=False)
        row = store.history_frame("ACT01").iloc[0]
        assert (row.user_name, row.field) == ("Édith (edith)", "funders")
        store.close()
        # The history row is on screen, in the action's history (the grid keeps an accessible copy of its cells).
        grids = first.locator('[role="tabpanel"]:visible [data-testid="stDataFrame"]')
        grids.last.wait_for(timeout=30_000)
        first.wait_for_function(
            "() => [...document.querySelectorAll('[role=tabpanel] [data-testid=stDataFrame]')]"
            ".some(g => g.textContent.includes('OPCO 2i') && g.textContent.includes('Édith (edith)'))",
            timeout=30_000)

        _save_funders(second, "Région, État, CCI")
        alert = second.locator('[data-testid="stAlert"]').filter(has_text="modifiée par")
        try:
            alert.wait_for(timeout=30_000)
        except Exception:
            second.screenshot(path="tests/artifacts/plan_stale_failed.png", full_page=True)
            raise
        assert "Édith (edith)" in alert.inner_text() and "n'ont pas été enregistrées" in alert.inner_text()
        assert second.get_by_label("Financeurs").input_value() == "Région, État, CCI"  # input kept to merge
        second.screenshot(path="tests/artifacts/plan_stale.png", full_page=True)
        store = PlanStore.open(db_url, migrate=False)
        assert store.get_action("ACT01")["funders"] == "Région, État, OPCO 2i"
        store.close()
        assert [u for u in first.external_requests.urls + second.external_requests.urls if "leaflet" in u] == []
    finally:
        first_context.close()
        second_context.close()


def test_a_visitor_sees_the_plan_without_an_edit_form(plan_app, chromium):
    url, _db = plan_app
    context, page = _new_page(chromium)
    try:
        page.goto(f"{url}/plan")
        wait_for_idle(page)
        page.get_by_text("Une action est en retard si").wait_for(timeout=30_000)
        page.get_by_role("tab", name="Actions", exact=True).click()
        wait_for_idle(page)
        page.get_by_text("Consultation seule").wait_for(timeout=30_000)
        assert page.get_by_label("Financeurs").count() == 0
        page.screenshot(path="tests/artifacts/plan_viewer.png", full_page=True)
    finally:
        context.close()


def test_an_editor_downloads_the_plan_edits_it_and_imports_it_after_seeing_the_differences(plan_app, chromium,
                                                                                         tmp_path):
    import openpyxl

    url, db_url = plan_app
    context, page = _new_page(chromium)
    try:
        _log_in(page, url, "edith", "edith-secret-1")
        page.get_by_role("tab", name="Import / export").click()
        wait_for_idle(page)
        button = page.get_by_role("button", name="Télécharger le plan (Excel)")
        button.wait_for(state="visible", timeout=30_000)
        with page.expect_download(timeout=60_000) as download_info:  # the workbook is built at click time
            button.click()
        workbook_path = tmp_path / "plan.xlsx"
        download_info.value.save_as(workbook_path)
        book = openpyxl.load_workbook(workbook_path)
        sheet = book["Actions"]
        headers = [c.value for c in sheet[1]]
        row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "ACT06")
        sheet.cell(row=row, column=headers.index("avancement (%)") + 1).value = 64
        book.save(workbook_path)

        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(workbook_path))
        wait_for_idle(page)
        page.get_by_text("1 différence(s) avec le plan enregistré").wait_for(timeout=30_000)
        store = PlanStore.open(db_url, migrate=False)
        before = store.get_action("ACT06")["progress"]
        assert before != 64  # shown, not applied
        page.get_by_role("button", name="Appliquer ces différences").click()
        wait_for_idle(page)
        page.get_by_text("1 modification(s) appliquée(s)").wait_for(timeout=30_000)
        assert store.get_action("ACT06")["progress"] == 64
        row = store.history_frame("ACT06").iloc[0]
        assert (row.user_name, row.comment) == ("Édith (edith)", "Import de plan.xlsx")
        store.close()
    finally:
        context.close()


def test_the_quick_editor_table_saves_a_progress_typed_in_the_grid(plan_app, chromium):
    url, db_url = plan_app
    context, page = _new_page(chromium)
    try:
        _log_in(page, url, "edith", "edith-secret-1")
        page.get_by_role("tab", name="Saisie rapide").click()
        wait_for_idle(page)
        grid = page.locator('[role="tabpanel"]:visible [data-testid="stDataFrame"]').first
        grid.wait_for()
        row_height = 35  # Streamlit's grid: one header row, then 35-pixel rows; ACT07 is the 7th row
        editor = page.locator("input.gdg-input")
        # Under load a rerun may redraw or move the grid between the click and the keys: find it and select the cell
        # again, from a clean state (Escape closes a half-open editor or overlay).
        for _attempt in range(8):
            wait_for_idle(page)
            grid.scroll_into_view_if_needed()
            box = grid.bounding_box()
            page.mouse.click(box["x"] + 30, box["y"] + row_height * 7 + row_height / 2)
            for _ in range(3):  # to the « Avancement » column
                page.keyboard.press("ArrowRight")
            page.keyboard.press("Enter")  # opens the cell editor
            try:
                editor.wait_for(timeout=10_000)
                break
            except Exception:
                page.keyboard.press("Escape")
        else:
            page.screenshot(path="tests/artifacts/plan_quick_no_editor.png", full_page=True)
        assert editor.input_value() == "100"  # ACT07's progress
        editor.fill("66")
        editor.press("Enter")
        wait_for_idle(page)
        try:
            page.get_by_role("button", name="Enregistrer les modifications").click()
            wait_for_idle(page)
            page.get_by_text("1 action(s) enregistrée(s).").wait_for(timeout=30_000)
        except Exception:
            page.screenshot(path="tests/artifacts/plan_quick_failed.png", full_page=True)
            raise
        store = PlanStore.open(db_url, migrate=False)
        assert store.get_action("ACT07")["progress"] == 66
        row = store.history_frame("ACT07").iloc[0]
        assert (row.user_name, row.field, row.comment) == ("Édith (edith)", "progress", "saisie rapide")
        store.close()
    finally:
        context.close()
