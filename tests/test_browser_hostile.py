"""Hostile input through a real browser: the sparse-dimension workbook sent by an editor on « Données » is refused
in French and the server still answers; zone names holding Markdown images and HTML make no request to another
host on any page (every request leaving 127.0.0.1 is intercepted and recorded)."""

from __future__ import annotations

import re
import shutil
import urllib.request
from pathlib import Path

import pytest
from test_hostile_files import sparse_xlsx

from browser import editor_accounts, log_in, running_app, wait_for_idle

pytestmark = pytest.mark.browser

# Every page of the navigation (app.py's PAGES; "" is the default page). « vote », the participants' phone page,
# has no selection header: only its requests and its rendering are checked.
PAGES = ["", *re.findall(r'^\s+\("app_pages/\w+\.py", "[\w.]+", "(\w+)"',
                         (Path(__file__).parent.parent / "app.py").read_text(encoding="utf-8"), flags=re.M)[1:]]
WITHOUT_HEADER = {"vote"}
HOSTILE_NAMES = {"9901": "![x](http://evil-markdown.example/pixel.png)",
                 "9902": '<img src="http://evil-html.example/pixel.png"> [lien](http://evil-link.example/)'}


def _intercept(page) -> list[str]:
    """Abort every request to another host; return the list they are recorded in."""
    leaving: list[str] = []

    def handle(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
        else:
            leaving.append(url)
            route.abort()

    page.route("**/*", handle)
    return leaving


def test_sparse_dimension_workbook_through_the_page_is_refused_and_the_server_still_answers(page, tmp_path):
    from conftest import DEMO_PACK

    pack = tmp_path / "pack"
    shutil.copytree(DEMO_PACK, pack)
    upload = tmp_path / "clairseme.xlsx"
    upload.write_bytes(sparse_xlsx())
    with running_app(pack, extra_env={"GPECT_DB_URL": f"sqlite:///{tmp_path / 'plan.sqlite'}",
                                      **editor_accounts(tmp_path)}) as url:
        log_in(page, url, "edith", "edith-secret-1", then="Données")
        page.locator('[role="tabpanel"]:visible [data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
        page.get_by_text("1 fichier(s) prêt(s)").wait_for(timeout=30_000)
        page.get_by_role("button", name="Vérifier").click()
        alert = page.locator('[data-testid="stAlertContentError"]').first
        alert.wait_for(timeout=120_000)
        text = alert.inner_text()
        assert "clairseme.xlsx" in text and "Données" in text and "10 millions de cellules" in text
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=30) as answer:
            assert answer.status == 200
        page.goto(f"{url}/")
        wait_for_idle(page)
        page.locator("h1").first.wait_for(timeout=60_000)
        assert page.locator('[data-testid="stException"]').count() == 0


def test_hostile_zone_names_make_no_request_to_another_host_on_any_page(page, tmp_path):
    from conftest import DEMO_PACK

    from gpect_core.territory import Territory

    territory = Territory.load(DEMO_PACK)
    zones = territory.zones
    for zone_id, name in HOSTILE_NAMES.items():
        zones.loc[(zones["zoning"] == "ZE2020") & (zones["zone_id"] == zone_id), "name"] = name
    territory.save(tmp_path / "pack")
    leaving = _intercept(page)
    with running_app(tmp_path / "pack", extra_env={"GPECT_DB_URL": f"sqlite:///{tmp_path / 'plan.sqlite'}"}) as url:
        for path in PAGES:
            page.goto(f"{url}/{path}?zonage=ZE2020&zones=9901,9902")
            wait_for_idle(page, timeout=90)
            page.locator("h1").first.wait_for(timeout=60_000)
            if path not in WITHOUT_HEADER:
                caption = page.locator('[data-testid="stCaptionContainer"]').filter(has_text="evil-markdown").first
                caption.wait_for(timeout=60_000)  # the header names the selection, as text
                assert "![x](http://evil-markdown.example/pixel.png)" in caption.inner_text().replace("\u2060", "")
                assert caption.locator("a").count() == 0  # not even GFM's autolink of the bare URL
            assert page.locator('[data-testid="stException"]').count() == 0
            assert page.locator('img[src*="evil"]').count() == 0
            assert page.locator('a[href*="evil"]').count() == 0
    assert [u for u in leaving if "evil" in u] == []
