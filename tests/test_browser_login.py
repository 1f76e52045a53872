"""In Chromium, the app served by serve.py: a local login survives a reload (F5) and reaches a new tab of the same
browser through an HttpOnly cookie that page scripts cannot read; logging out ends it there too; another browser
(context) is not logged in."""

from __future__ import annotations

import sys

import pytest

from browser import running_app, wait_for_idle

if not hasattr(sys.modules.get("conftest"), "plan_accounts_file"):
    from conftest_plan import *  # noqa: F403

pytestmark = pytest.mark.timeout(300)
LOAD = 120_000


def _logged_in(page) -> bool:
    wait_for_idle(page, timeout=120)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Plan d'action : connexion").wait_for(timeout=LOAD)
    return sidebar.get_by_text("Connecté : Édith Éditrice").count() > 0


def test_a_login_survives_a_reload_and_a_new_tab_until_logout(chromium, demo_pack_copy, sqlite_plan_url,
                                                              plan_accounts_file):
    env = {"GPECT_DB_URL": sqlite_plan_url, "GPECT_ACCOUNTS_FILE": str(plan_accounts_file)}
    with running_app(demo_pack_copy, extra_env=env, script="serve.py") as url:
        context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
        page = context.new_page()
        page.goto(f"{url}/atelier?zonage=ZE2020", timeout=LOAD)
        assert not _logged_in(page)
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_label("Identifiant").fill("edith")
        sidebar.get_by_label("Mot de passe").fill("edith-secret-1")
        sidebar.get_by_role("button", name="Se connecter").click()
        sidebar.get_by_text("Connecté : Édith Éditrice").wait_for(timeout=LOAD)
        wait_for_idle(page, timeout=120)
        cookies = []
        for _ in range(300):  # until the answer of the page's request to the cookie route has set the cookie
            cookies = [c for c in context.cookies() if c["name"] == "gpect_session"]
            if cookies:
                break
            page.wait_for_timeout(100)
        assert cookies, "the server set no login cookie"
        cookie = cookies[0]
        assert "edith-secret-1" not in cookie["value"] and cookie["sameSite"] == "Strict" and cookie["httpOnly"]
        assert "gpect_session" not in page.evaluate("document.cookie")

        page.reload(timeout=LOAD)
        assert _logged_in(page), "the login was lost on reload"
        page.get_by_role("tab", name="Déroulés").wait_for(timeout=LOAD)

        tab = context.new_page()
        tab.goto(f"{url}/plan?zonage=ZE2020", timeout=LOAD)
        assert _logged_in(tab), "a new tab of the same browser is not logged in"

        stranger = chromium.new_context(locale="fr-FR")
        other = stranger.new_page()
        other.goto(f"{url}/plan?zonage=ZE2020", timeout=LOAD)
        assert not _logged_in(other)
        stranger.close()

        tab.locator('[data-testid="stSidebar"]').get_by_role("button", name="Se déconnecter").click()
        tab.locator('[data-testid="stSidebar"]').get_by_label("Identifiant").wait_for(timeout=LOAD)
        wait_for_idle(tab, timeout=120)
        assert not [c for c in context.cookies() if c["name"] == "gpect_session"]
        page.reload(timeout=LOAD)
        assert not _logged_in(page), "the login survived the logout"
        context.close()
