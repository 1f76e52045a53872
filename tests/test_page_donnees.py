"""AppTest of the « Données » page: what a file was recognised as, the French report, the preview, integration
(editors only), restore, provenance and templates."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from gpect_core.ingest import pack_digest
from gpect_core.territory import Territory

RECRUIT = "Zonage;Code zone;Nomenclature;Code métier;Année;Projets de recrutement;Projets difficiles\n"
EDITOR = {"username": "edith", "name": "Édith Éditrice", "role": "editeur"}  # in plan_accounts_file


def page(pack, monkeypatch, tmp_path, user=None, staged=None) -> AppTest:
    monkeypatch.setenv("GPECT_PACK", str(pack))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    at = AppTest.from_file("../app_pages/donnees.py", default_timeout=90)
    if user:
        at.session_state["plan_user"] = user
    if staged is not None:
        at.session_state["donnees_staged"] = staged
    return at


def button(at, label):
    return next(b for b in at.button if b.label == label)


def test_page_renders_with_provenance_and_templates(demo_pack_copy, monkeypatch, tmp_path):
    at = page(demo_pack_copy, monkeypatch, tmp_path)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Données du territoire"
    assert [t.label for t in at.tabs] == ["Importer", "Enquête entreprises", "Provenance", "Modèles à remplir"]
    assert any("rôle éditeur" in i.value for i in at.info)  # a visitor: no upload
    provenance = at.dataframe[0].value
    assert "Empreinte du fichier" in provenance.columns and "recrutement" in set(provenance["Table"])
    assert any("Besoins des entreprises" in m.value for m in at.markdown)
    # the two lists of « Rapprochement » are offered to everyone here, as the pairing page's empty state says
    from gpect_core.pairing.templates import SPECS

    titles = [m.value for m in at.markdown]
    assert all(f"**{spec.title}**" in titles for spec in SPECS.values())


def test_bad_file_gives_the_french_report_and_nothing_changes(demo_pack_copy, monkeypatch, tmp_path,
                                                             plan_accounts_file):
    before = pack_digest(demo_pack_copy)
    bad = (RECRUIT + "ZE2020;9901;ROME4;H2913;2025;douze;3\n").encode()
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=EDITOR, staged=[("enquete.csv", bad)])
    at.run()
    button(at, "Vérifier").click().run()
    assert not at.exception
    recognised = at.dataframe[0].value
    assert recognised.iloc[0]["Reconnu comme"].startswith("modèle du comité : Projets de recrutement")
    assert recognised.iloc[0]["Lignes rejetées"] == 1
    error = at.error[0].value.replace("\\", "")  # the page escapes markdown in user text
    assert "1 problème(s)" in error and "enquete.csv" in error and "ligne 2" in error
    assert "Projets de recrutement" in error and "douze" in error
    assert not [b for b in at.button if b.label == "Intégrer"]
    assert pack_digest(demo_pack_copy) == before


def test_editor_checks_previews_integrates_then_restores(demo_pack_copy, monkeypatch, tmp_path, plan_accounts_file):
    good = (RECRUIT + "ZE2020;9901;ROME4;H2913;2025;12;7\n").encode()
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=EDITOR, staged=[("enquete.csv", good)])
    at.run()
    button(at, "Vérifier").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Aucun problème")
    assert any(m.value.startswith("recrutement : 1 ligne(s)") for m in at.markdown)
    button(at, "Intégrer").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Données intégrées dans le pack")
    territory = Territory.load(demo_pack_copy)
    assert (territory.tables["recruitment"]["year"] == 2025).sum() == 1
    assert territory.provenance["recruitment"].imported_by == "Édith Éditrice (edith)"
    button(at, "Restaurer la version précédente").click().run()
    assert not at.exception
    assert at.success[0].value == "Version précédente restaurée."
    assert (Territory.load(demo_pack_copy).tables["recruitment"]["year"] == 2025).sum() == 0


@pytest.mark.parametrize("user", [None, {"username": "victor", "name": "Victor Lecteur", "role": "lecteur"}])
def test_viewer_can_neither_upload_nor_check_but_reads_provenance(demo_pack_copy, monkeypatch, tmp_path,
                                                                    plan_accounts_file, user):
    good = (RECRUIT + "ZE2020;9901;ROME4;H2913;2025;12;7\n").encode()
    at = page(demo_pack_copy, monkeypatch, tmp_path, user=user, staged=[("enquete.csv", good)])
    at.run()
    assert not at.exception
    assert not [b for b in at.button if b.label in ("Vérifier", "Intégrer")]
    assert any("rôle éditeur" in i.value for i in at.info)
    assert "recrutement" in set(at.dataframe[0].value["Table"])  # provenance stays open


def test_page_in_english(demo_pack_copy, monkeypatch, tmp_path):
    at = page(demo_pack_copy, monkeypatch, tmp_path)
    at.session_state["lang"] = "en"
    at.run()
    assert at.title[0].value == "Territory data"
    assert [t.label for t in at.tabs] == ["Import", "Company survey", "Provenance", "Templates"]


@pytest.mark.realdata
def test_page_on_the_national_pack(national_pack, monkeypatch, tmp_path):
    at = page(national_pack, monkeypatch, tmp_path)
    at.run()
    assert not at.exception
    provenance = at.dataframe[0].value.set_index("Table")
    assert provenance.loc["recrutement", "Producteur"] == "France Travail / Crédoc"
    hashes = provenance.loc["recrutement", "Empreinte du fichier"].split(" ; ")  # one per BMO survey (2023-2025)
    assert hashes and all(len(h) == 64 for h in hashes)
    assert any(e.label.startswith("Rapport de construction") for e in at.expander)
    assert any("Aiguillon (7549)" in c.value for c in at.code)


AFFELNET_WITHOUT_YEAR = ("Etablissement d'accueil;MEF STAT 11;Capacité carte scolaire;Demandes vœux 1;"
                         "Statut Offre de formation\n"
                         "0010001W;23210023446;15;6;ST\n"
                         "0010001W;23210023447;12;3;AP\n").encode()


@pytest.fixture
def mini_pack_copy(tmp_path):
    """The pack of the mini official files (départements 01 and 71), which the Affelnet rows can land on."""
    from pathlib import Path

    from gpect_core.build import build_territory

    territory, _ = build_territory(Path(__file__).resolve().parent / "fixtures" / "mini", imported_by="test")
    return territory.save(tmp_path / "mini_pack", keep_previous=False)


def test_the_page_asks_the_year_of_a_file_that_does_not_say_it(mini_pack_copy, monkeypatch, tmp_path,
                                                               plan_accounts_file):
    at = page(mini_pack_copy, monkeypatch, tmp_path, user=EDITOR,
              staged=[("capacites_lycees.csv", AFFELNET_WITHOUT_YEAR)])
    at.run()
    button(at, "Vérifier").click().run()
    assert not at.exception
    error = at.error[0].value.replace("\\", "")
    assert "année (millésime) introuvable dans le fichier ni dans son nom" in error
    assert at.warning[0].value == ("1 table(s) sans année lisible : indiquez le millésime de chacune, puis cliquez "
                                   "de nouveau sur « Vérifier ».")
    year = at.number_input(key="donnees_vintage::capacites_lycees.csv")
    assert year.label.replace("\\", "") == "Millésime de capacites_lycees.csv" and year.value is None
    year.set_value(2021)
    button(at, "Vérifier").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Aucun problème")
    assert not at.number_input
    assert any("capacites_lycees.csv : millésime 2021 (indiquée par l'utilisateur)" in c.value for c in at.code)
    button(at, "Intégrer").click().run()
    assert not at.exception
    territory = Territory.load(mini_pack_copy)
    training = territory.tables["training"]
    assert sorted(training.loc[training["year"] == 2021, "capacity"].tolist()) == [12, 15]
    assert "2021" in territory.provenance["training"].vintage.split(" ; ")
