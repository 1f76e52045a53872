"""In Debian's Chromium, network blocked: the app on the national pack draws every zone d'emploi and every page
renders; the « Données » page takes a real file upload, reports it in French and integrates it (demo pack)."""

from __future__ import annotations

import pytest

from browser import editor_accounts, log_in, wait_for_idle

pytestmark = pytest.mark.browser

PAGES = ("synthese", "carte", "metiers", "plan", "donnees")
URL_PATHS = {"synthese": ""}  # Synthèse is the default page: it lives at the root


@pytest.mark.realdata
def test_national_pack_draws_every_zone_d_emploi(national_url, page):
    page.goto(f"{national_url}/?zonage=ZE2020")
    wait_for_idle(page, timeout=90)
    # The first path may be an overseas zone too small to be « visible » at national zoom: wait for presence.
    handle = page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=90_000)
    frame = handle.content_frame()
    frame.wait_for_selector("path.leaflet-interactive >> nth=305", state="attached", timeout=90_000)
    assert frame.locator("path.leaflet-interactive").count() == 306
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path="tests/artifacts/national_synthese.png")
    assert [u for u in page.external_requests.urls if "leaflet" in u] == []


@pytest.mark.realdata
@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_on_the_national_pack(national_url, page, path):
    page.goto(f"{national_url}/{URL_PATHS.get(path, path)}")
    wait_for_idle(page, timeout=90)
    page.locator("h1").first.wait_for(timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0, page.inner_text("body")[:2000]
    assert page.get_by_text("Page not found").count() == 0
    page.screenshot(path=f"tests/artifacts/national_{path}.png")


def test_upload_in_the_browser_gives_the_french_report(app_url, page, tmp_path):
    url = app_url  # « Vérifier » only reads the pack: the shared demo server will do
    bad = tmp_path / "enquete.csv"
    bad.write_text("Zonage;Code zone;Code métier;Année;Projets de recrutement\nZE2020;9901;H2913;2025;douze\n",
                   encoding="utf-8")
    log_in(page, url, "edith", "edith-secret-1", then="Données")  # uploading needs the editor role
    page.locator('[role="tabpanel"]:visible [data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bad))
    page.get_by_text("1 fichier(s) prêt(s)").wait_for(timeout=30_000)
    page.get_by_role("button", name="Vérifier").click()
    alert = page.locator('[data-testid="stAlertContentError"]').first
    alert.wait_for(timeout=30_000)
    text = alert.inner_text()
    assert "enquete.csv" in text and "ligne 2" in text and "Projets de recrutement" in text and "douze" in text
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path="tests/artifacts/donnees_rapport.png")


def test_column_mapping_in_the_browser_reads_a_zoning_the_recogniser_cannot_guess(page, tmp_path):
    """Two columns could be the zone (« Groupe », « Équipe »): nothing is guessed; the user says which column is
    which, the preview shows the committee's zones drawn from the commune polygons, and the mapping is kept
    beside the pack for the next file with the same headers."""
    import shutil
    from pathlib import Path

    from browser import running_app
    from gpect_core.readers.guess import load_mappings, mappings_path

    root = Path(__file__).resolve().parent
    pack = tmp_path / "pack"
    shutil.copytree(root.parent / "data" / "demo", pack)
    listing = tmp_path / "liste_communes.csv"
    listing.write_text("Réf;Groupe;Équipe\n01001;A;x\n01002;A;y\n71001;B;x\n71002;B;y\n71003;B;y\n", encoding="utf-8")
    with running_app(pack, extra_env={"GPECT_DB_URL": f"sqlite:///{tmp_path / 'plan.sqlite'}",
                                      **editor_accounts(tmp_path)}) as url:
        log_in(page, url, "edith", "edith-secret-1", then="Données")
        page.locator('[role="tabpanel"]:visible [data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            [str(listing), str(root / "fixtures" / "mini" / "communes.geojson")])
        page.get_by_text("2 fichier(s) prêt(s)").wait_for(timeout=30_000)
        page.get_by_role("button", name="Vérifier").click()
        page.get_by_text("Dire quelle colonne est laquelle").wait_for(timeout=30_000)
        for label, column in (("code commune (INSEE, 5 caractères)", "Réf"), ("zone (code ou nom)", "Groupe")):
            wait_for_idle(page)
            page.locator('[data-testid="stSelectbox"]').filter(has_text=label).locator("input").click()
            page.keyboard.type(column)
            page.keyboard.press("Enter")
            wait_for_idle(page)
        page.get_by_role("button", name="Appliquer et vérifier de nouveau").click()
        page.get_by_text("zones (custom)").wait_for(timeout=60_000)
        body = page.inner_text("body")
        assert "« Réf » → code commune, « Groupe » → code zone" in body
        assert "zonage custom : 2 zones dessinées" in body
        assert page.locator('[data-testid="stException"]').count() == 0
        page.screenshot(path="tests/artifacts/donnees_correspondance.png")
    remembered = load_mappings(mappings_path(pack))
    assert [m.columns for m in remembered.values()] == [{"code commune": "Réf", "code zone": "Groupe"}]
