"""The « Rapprochement d'entreprises » page in Debian's Chromium: a visitor sees the pairs' map with no firm name;
an editor logs in, stores the proposals, marks a pair accepted, and the pair's history shows it. Screenshot in
tests/artifacts/pairing.png."""

from __future__ import annotations

import shutil

import pytest

from browser import folium_frame, running_app, wait_for_idle
from gpect_core.pairing.store import PairingStore
from gpect_core.plan import auth

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pairing_app(tmp_path_factory, demo_territory):
    from conftest import DEMO_PACK
    from test_pairing_page import demo_lists

    base = tmp_path_factory.mktemp("pairing_app")
    pack = base / "pack"
    shutil.copytree(DEMO_PACK, pack)
    accounts = base / "accounts.toml"
    auth.add_user(accounts, "edith", "edith-secret-1", "editeur", name="Édith")
    db_url = f"sqlite:///{base / 'plan.sqlite'}"
    store = PairingStore.open(db_url)
    fragile, hiring = demo_lists(demo_territory)
    store.import_list("fragile", fragile, "edith")
    store.import_list("hiring", hiring, "edith")
    store.close()
    with running_app(pack, extra_env={"GPECT_DB_URL": db_url, "GPECT_ACCOUNTS_FILE": str(accounts)}) as url:
        yield url, db_url


def test_an_editor_marks_a_pair_accepted_and_the_history_shows_it(pairing_app, chromium):
    from conftest import ARTIFACTS
    from test_pairing_page import FIRMS

    url, db_url = pairing_app
    context = chromium.new_context(viewport={"width": 1400, "height": 1600}, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(f"{url}/rapprochement")
        wait_for_idle(page, timeout=90)
        # a visitor: the pairs and their map, no firm name anywhere (page text, map tooltips), no save button
        page.get_by_text("Personnes rapprochées").first.wait_for(timeout=60_000)
        drawn = page.content() + folium_frame(page, timeout=60).content()
        assert "pers.," in drawn and not any(firm in drawn for firm in FIRMS)
        assert page.get_by_role("button", name="Enregistrer ces propositions").count() == 0
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_label("Identifiant").fill("edith")
        sidebar.get_by_label("Mot de passe").fill("edith-secret-1")
        sidebar.get_by_role("button", name="Se connecter").click()
        sidebar.get_by_text("Connecté").wait_for(timeout=60_000)
        # the login's run draws the sidebar first: the save button is clicked once the whole editor page is drawn
        wait_for_idle(page, timeout=120)
        page.get_by_role("button", name="Enregistrer ces propositions").click()
        # saving reruns the page twice (the save, then the page with the stored pairs): slow on a loaded machine
        page.get_by_role("button", name="Enregistrer le statut").wait_for(timeout=180_000)
        wait_for_idle(page, timeout=120)
        page.get_by_text("accepté", exact=True).first.click()
        wait_for_idle(page, timeout=120)
        page.get_by_role("button", name="Enregistrer le statut").click()
        page.locator('[data-testid="stTable"]').get_by_text("accepté").wait_for(timeout=180_000)
        wait_for_idle(page, timeout=120)
        page.screenshot(path=str(ARTIFACTS / "pairing.png"), full_page=True)
        store = PairingStore.open(db_url)
        statuses = list(store.pairs_frame()["status"])  # the demo survey's needs are paired too
        assert statuses.count("accepte") == 1 and set(statuses) <= {"accepte", "propose"}
        assert store.history_frame().iloc[0][["kind", "user_name"]].tolist() == ["status", "Édith (edith)"]
        store.close()
    except Exception:
        page.screenshot(path=str(ARTIFACTS / "pairing-failed.png"), full_page=True)
        (ARTIFACTS / "pairing-failed.txt").write_text(page.inner_text("body"), encoding="utf-8")
        raise
    finally:
        context.close()
