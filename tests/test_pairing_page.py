"""AppTest of the « Rapprochement d'entreprises » page on the demo pack: a viewer sees pairs without any firm name;
an editor sees the names and can mark a pair accepted."""

from __future__ import annotations

import sys

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from gpect_core.pairing.reader import entry_id, read_list
from gpect_core.pairing.store import PairingStore
from gpect_core.pairing.survey import survey_rows

if not hasattr(sys.modules.get("conftest"), "plan_store"):
    from conftest_plan import *  # noqa: F403

EDITOR = {"username": "edith", "name": "Édith Éditrice", "role": "editeur"}
FIRMS = ("Fonderie Zéphyr", "Atelier Quasar")


def demo_lists(territory) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One fragile and one hiring row in two communes of the same demo zone d'emploi, same occupation."""
    communes = territory.tables["communes"]
    zone = communes["zone_ZE2020"].iloc[0]
    a, b = communes[communes["zone_ZE2020"] == zone]["commune_id"].iloc[:2]
    fragile = pd.DataFrame({"entry_id": [entry_id(FIRMS[0], a, "H2913")], "firm": [FIRMS[0]], "commune_id": [a],
                            "occupation_code": ["H2913"], "headcount": [3], "time_frame": [""]})
    hiring = pd.DataFrame({"entry_id": [entry_id(FIRMS[1], b, "H2913")], "firm": [FIRMS[1]], "commune_id": [b],
                           "occupation_code": ["H2913"], "headcount": [2], "horizon": [""]})
    return fragile, hiring


@pytest.fixture
def pairing_env(monkeypatch, tmp_path, plan_accounts_file, demo_territory):
    url = f"sqlite:///{tmp_path / 'plan.sqlite'}"
    monkeypatch.setenv("GPECT_DB_URL", url)
    store = PairingStore.open(url)
    fragile, hiring = demo_lists(demo_territory)
    store.import_list("fragile", fragile, "edith")
    store.import_list("hiring", hiring, "edith")
    yield store
    store.close()


def _app(user: dict | None = None) -> AppTest:
    at = AppTest.from_file("../app_pages/rapprochement.py", default_timeout=90)
    if user:
        at.session_state["plan_user"] = user
    return at.run()


def _everything(at: AppTest) -> str:
    parts = [e.value for e in (*at.markdown, *at.caption, *at.info, *at.error, *at.success)]
    parts += [df.value.to_csv() for df in at.dataframe]
    parts += [str(s.options) for s in at.selectbox]
    return "\n".join(str(p) for p in parts)


def test_a_viewer_sees_the_pairs_but_no_firm_name(pairing_env, demo_territory):
    at = _app()
    assert not at.exception
    text = _everything(at)
    # the survey's hiring needs join the platform's list (the demo survey has no fragile declaration)
    survey = survey_rows(demo_territory, "hiring")
    assert len(survey) and survey["headcount"].sum() > 0
    assert (f"Personnes rapprochées : 3 sur 3 emplois fragilisés ; postes à pourvoir : "
            f"{2 + survey['headcount'].sum()} ; trajet : 30 km au plus.") in text
    # the page says the platform's lists are not filtered by the territory selection, and what the map draws
    assert "la sélection du territoire (barre latérale) ne les filtre pas" in text
    assert "Chaque trait relie la commune d'origine à la commune d'accueil" in text
    assert f"{len(survey)} besoin(s) de recrutement" in text
    assert at.dataframe and "Personnes" in at.dataframe[0].value.columns
    assert not any(firm in text for firm in FIRMS)
    assert "Enregistrer ces propositions" not in [b.label for b in at.button]
    assert "**Rapprochement : connexion**" in [m.value for m in at.sidebar.markdown]


def test_an_editor_sees_firm_names_and_marks_a_pair_accepted(pairing_env):
    at = _app(EDITOR)
    assert not at.exception
    assert FIRMS[0] in at.dataframe[0].value.to_csv()
    next(b for b in at.button if b.label == "Enregistrer ces propositions").click().run()
    assert not at.exception
    next(r for r in at.radio if r.label == "Statut").set_value("accepte").run()
    next(b for b in at.button if b.label == "Enregistrer le statut").click().run()
    assert not at.exception
    chosen = next(s for s in at.selectbox if s.label == "Rapprochement").value
    stored = pairing_env.pairs_frame().set_index("pair_id")["status"]
    assert stored[chosen] == "accepte" and set(stored.drop(chosen)) <= {"propose"}
    history = at.table[-1].value
    assert history.iloc[0]["Nouveau statut"] == "accepté" and "edith" in history.iloc[0]["Qui"]
    # the lists' history too: the imports of the fixture and this status change, who and when
    log = next(df.value for df in at.dataframe if "Quoi précisément" in df.value.columns)
    assert log.iloc[0]["Quoi"] == "changement de statut" and log.iloc[0]["Quoi précisément"] == (
        f"{FIRMS[0]} → {FIRMS[1]} : accepté")
    imports = log[log["Quoi"] == "import"]
    assert set(imports["Quoi précisément"]) == {f"{FIRMS[0]} : ajoutée", f"{FIRMS[1]} : ajoutée"}
    assert set(imports["Sur"]) == {"liste des emplois fragilisés", "liste des entreprises qui recrutent"}
    assert log["Qui"].str.contains("edith").all() and log["Quand"].str.endswith("UTC").all()


def test_in_english_with_neighbouring_basins_every_word_is_translated(pairing_env):
    at = AppTest.from_file("../app_pages/rapprochement.py", default_timeout=90)
    at.session_state["lang"] = "en"
    at.run()
    next(s for s in at.segmented_control if s.label == "Accepted commute").set_value("neighbours").run()
    assert not at.exception
    text = _everything(at)
    assert "within the same or a neighbouring basin (Employment zones)" in text  # the zoning's name, not its code
    table = at.dataframe[0].value
    assert {"Link", "Note on the distance"} <= set(table.columns)
    assert set(table["Link"]) <= {"same occupation", "close occupation", "if evolving", "ROME mobility",
                                  "similar skills"}
    assert not any(key in text for key in ("pairing.", "bridges.kind"))


def _hiring_workbook(territory, horizon: str, headcount: int) -> bytes:
    import io

    from openpyxl import Workbook

    from gpect_core.pairing.templates import HIRING

    commune = territory.tables["communes"]["commune_id"].iloc[3]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Saisie"
    sheet.append(HIRING.headers)
    sheet.append(["Chantiers Nova", commune, "H2913", headcount, horizon])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _staged(demo_territory):
    from datetime import date

    far = date.today().year + 5
    at = AppTest.from_file("../app_pages/rapprochement.py", default_timeout=90)
    at.session_state["plan_user"] = EDITOR
    at.session_state["pairing_staged_hiring"] = ("postes.xlsx", _hiring_workbook(demo_territory, f"en {far}", 600))
    at.run()
    assert not at.exception
    warning = " ".join(w.value.replace("\\", "") for w in at.warning)
    assert "2 valeur(s) inhabituelle(s)" in warning
    assert (f"« postes.xlsx », feuille « Saisie », ligne 2, colonne « Horizon » : « en {far} » : année postérieure à "
            f"{date.today().year + 1} : à confirmer") in warning, warning
    assert ("« postes.xlsx », feuille « Saisie », ligne 2, colonne « Postes à pourvoir » : « 600 » : effectif "
            "inhabituel") in warning
    return at


def _hiring_firms(store) -> list[str]:
    return sorted(store.list_frame("hiring")["firm"])


def test_a_list_with_doubtful_values_is_stored_only_once_confirmed(pairing_env, demo_territory, monkeypatch):
    import ui.pairing

    reads = []
    ui.pairing._read_staged.clear()
    monkeypatch.setattr(ui.pairing, "read_list", lambda *a, **k: reads.append(1) or read_list(*a, **k))
    at = _staged(demo_territory)
    communes = demo_territory.tables["communes"]
    commune, name = communes["commune_id"].iloc[3], communes["name"].iloc[3]
    preview = next(df.value for df in at.dataframe if "Postes à pourvoir" in df.value.columns)
    assert list(preview.columns) == ["Entreprise", "Commune", "Métier (code ROME)", "Postes à pourvoir", "Horizon"]
    assert preview.iloc[0]["Commune"] == f"{name} ({commune})"
    assert preview.iloc[0]["Métier (code ROME)"].endswith("(H2913)") and "?" not in preview.iloc[0]["Métier (code ROME)"]
    assert any(c.value.startswith("1 ligne(s) lues, 600 poste(s).") for c in at.caption)
    at.button(key="pairing_accept_hiring").click().run()  # not ticked: nothing stored
    assert not at.exception
    assert any("Rien n'a été enregistré : 2 valeur(s) inhabituelle(s)" in e.value for e in at.error)
    assert _hiring_firms(pairing_env) == [FIRMS[1]]
    next(c for c in at.checkbox if c.label.startswith("Je confirme ces 2 valeur(s)")).check().run()
    next(c for c in at.checkbox if c.label.startswith("Je confirme le retrait : 1 entreprise(s), 1 ligne(s)")).check().run()
    assert len(reads) == 1  # the staged file is read once, not at every click while it waits
    at.button(key="pairing_accept_hiring").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any(s.value.startswith("Liste enregistrée : 1 ajoutée(s)") for s in at.success)
    assert _hiring_firms(pairing_env) == ["Chantiers Nova"]
    # the preview is gone once the list is stored (it no longer says « Rien n'est enregistré avant validation »)
    assert at.session_state["pairing_staged_hiring"] is None
    assert not [b for b in at.button if b.key == "pairing_accept_hiring"]
    assert pairing_env.list_frame("hiring")["headcount"].tolist() == [600]


def test_a_list_that_drops_a_firm_with_an_accepted_pair_asks_first_and_keeps_the_pair_in_sight(pairing_env,
                                                                                                  demo_territory):
    at = _app(EDITOR)
    next(b for b in at.button if b.label == "Enregistrer ces propositions").click().run()
    next(r for r in at.radio if r.label == "Statut").set_value("accepte").run()
    next(b for b in at.button if b.label == "Enregistrer le statut").click().run()
    accepted = next(s for s in at.selectbox if s.label == "Rapprochement").value
    at.session_state["pairing_staged_hiring"] = ("postes.xlsx", _hiring_workbook(demo_territory, "", 2))
    at.run()
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert (f"Cette liste retire 1 entreprise(s) déjà enregistrée(s) (1 ligne(s)) : {FIRMS[1]} (1 paire(s) "
            "décidée(s))") in warning
    at.button(key="pairing_accept_hiring").click().run()
    assert any("Rien n'a été enregistré : 1 entreprise(s) (1 ligne(s)) seraient retirées" in e.value
               for e in at.error)
    assert _hiring_firms(pairing_env) == [FIRMS[1]]
    next(c for c in at.checkbox if c.label.startswith("Je confirme le retrait")).check().run()
    at.button(key="pairing_accept_hiring").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("1 retirée(s)" in s.value for s in at.success)
    assert _hiring_firms(pairing_env) == ["Chantiers Nova"]
    assert pairing_env.pairs_frame().set_index("pair_id").loc[accepted, "status"] == "accepte"
    assert "Paires décidées dont une entreprise a été retirée" in [h.value for h in at.subheader]
    orphans = next(df.value for df in at.dataframe if "Entreprise retirée" in df.value.columns)
    assert orphans[["Entreprise (emplois fragilisés)", "Entreprise qui recrute", "Statut", "Entreprise retirée"]
                   ].values.tolist() == [[FIRMS[0], FIRMS[1], "accepté", "l'entreprise qui recrute"]]
    # the orphan pair stays in the status picker, marked, and its status can still be changed
    removed_on = pairing_env.history_frame()["at"].iloc[0]
    picker = next(s for s in at.selectbox if s.label == "Rapprochement")
    assert picker.options[-1] == (f"{FIRMS[0]} → {FIRMS[1]} (H2913 → H2913, 2) — entreprise retirée de la liste le "
                                  f"{removed_on:%d/%m/%Y} (postes à pourvoir)")
    picker.set_value(accepted).run()
    next(r for r in at.radio if r.label == "Statut").set_value("refuse").run()
    next(b for b in at.button if b.label == "Enregistrer le statut").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert pairing_env.pairs_frame().set_index("pair_id").loc[accepted, "status"] == "refuse"
    assert pairing_env.history_frame(accepted)["after"].iloc[0] == '"refuse"'
    viewer = _app()
    assert not viewer.exception and not any(f in _everything(viewer) for f in FIRMS)
    assert "Paires décidées dont une entreprise a été retirée" in [h.value for h in viewer.subheader]


def test_cancelling_a_list_with_doubtful_values_stores_nothing(pairing_env, demo_territory):
    at = _staged(demo_territory)
    next(c for c in at.checkbox if c.label.startswith("Je confirme")).check().run()
    at.button(key="pairing_cancel_hiring").click().run()
    assert not at.exception
    assert any("Import annulé : rien n'a été enregistré" in s.value for s in at.success)
    assert at.session_state["pairing_staged_hiring"] is None
    assert not [b for b in at.button if b.key == "pairing_accept_hiring"]
    assert _hiring_firms(pairing_env) == [FIRMS[1]]


def test_the_pairs_table_writes_its_numbers_the_french_way(pairing_env):
    from apptest_tables import shown

    at = _app()
    table = shown(at.dataframe[0])
    assert table["Distance (km)"].str.fullmatch(r"\d+,\d").all()  # « 12,3 », not « 12.3 »
    assert table["Score de passerelle"].str.fullmatch(r"[01],\d\d").all()


def test_with_no_fragile_job_the_page_says_what_is_missing_and_who_imports_it(monkeypatch, tmp_path,
                                                                             plan_accounts_file):
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    at = _app()
    assert not at.exception
    note = " ".join(i.value for i in at.info)
    # the demo survey brings hiring needs but declares no fragile job
    assert "Rien à rapprocher : aucun emploi fragilisé." in note and "Un éditeur importe" in note
    # a visitor sees no template here: the note points to the Données page, where everyone can download them
    assert "page « Données », onglet « Modèles à remplir »" in note and "ci-dessus" not in note


def _bad_hiring_workbook(territory) -> bytes:
    import io

    from openpyxl import Workbook

    from gpect_core.pairing.templates import HIRING

    commune = territory.tables["communes"]["commune_id"].iloc[3]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Saisie"
    sheet.append(HIRING.headers)
    sheet.append(["Chantiers Nova", "99999", "H2913", 2, ""])
    sheet.append(["Atelier Vega", commune, "Z9999", "2,5", ""])
    sheet.append(["", commune, "H2913", 1, ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_bad_list_on_the_english_page_is_refused_in_english(pairing_env, demo_territory):
    at = AppTest.from_file("../app.py", default_timeout=90)
    at.session_state["plan_user"] = EDITOR
    at.run()
    at.session_state["lang"] = "en"
    at.switch_page("app_pages/rapprochement.py")
    at.session_state["pairing_staged_hiring"] = ("postes.xlsx", _bad_hiring_workbook(demo_territory))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    error = " ".join(e.value.replace("\\", "") for e in at.error)
    assert "“postes.xlsx”, sheet “Saisie”: 4 problem(s); nothing was stored." in error, error
    for sentence in ("“postes.xlsx”, sheet “Saisie”, row 2, column “Code commune (INSEE)”: commune “99999” does "
                     "not exist in the territory",
                     "row 3, column “Code métier (ROME)”: “Z9999” is not a ROME code (a letter A to N and four digits",
                     "row 3, column “Postes à pourvoir”: “2,5” is not a positive whole number",
                     "row 4, column “Entreprise”: the firm's name is empty"):
        assert sentence in error, error
    assert not any(french in error for french in ("ligne", "feuille", "n'existe pas", "rien n'a été", "nombre entier"))
    # the same file on the French page: the French sentences
    at.session_state["lang"] = "fr"
    at.run()
    error = " ".join(e.value.replace("\\", "") for e in at.error)
    assert "« postes.xlsx », feuille « Saisie » : 4 problème(s) ; rien n'a été enregistré." in error, error
    assert "ligne 3, colonne « Postes à pourvoir » : « 2,5 » n'est pas un nombre entier positif" in error


def _export_workbook(at: AppTest, offered: dict) -> pd.DataFrame | None:
    """The first sheet of the advisers' workbook the page offered in its last run (None when it offered none);
    `offered` {label: data} is filled by the `offered_downloads` fixture (AppTest has no runtime to serve a
    download made on click)."""
    import io

    offered.clear()
    at.run()
    assert not at.exception
    data = offered.get("Télécharger le classeur des conseillers (XLSX)")
    if data is None:
        return None
    return pd.read_excel(io.BytesIO(data() if callable(data) else data), sheet_name=0, engine="openpyxl",
                         dtype=str).fillna("")


@pytest.fixture
def offered_downloads(monkeypatch) -> dict:
    import streamlit

    offered, download_button = {}, streamlit.download_button

    def recording(label, data, *args, **kwargs):
        offered[label] = data
        return download_button(label, data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", recording)
    return offered


def test_decided_pairs_of_removed_firms_are_exported_even_when_a_list_is_left_empty(pairing_env, demo_territory,
                                                                                    offered_downloads):
    from gpect_core.pairing.solver import pair_jobs

    fragile, hiring = pairing_env.list_frame("fragile"), pairing_env.list_frame("hiring")
    pairs = pair_jobs(fragile, hiring, demo_territory, 30).pairs
    pairing_env.save_proposals(pairs, "edith")
    pairing_env.set_status(pairs["pair_id"].iloc[0], "accepte", "edith", version=1)
    pairing_env.import_list("fragile", fragile.iloc[:0], "edith")  # the platform's fragile list is now empty
    assert len(pairing_env.orphan_pairs()) == 1
    editor = AppTest.from_file("../app_pages/rapprochement.py", default_timeout=90)
    editor.session_state["plan_user"] = EDITOR
    book = _export_workbook(editor, offered_downloads)
    assert any("Rien à rapprocher : aucun emploi fragilisé." in i.value for i in editor.info)
    assert book is not None, "the advisers' workbook is offered although a list is empty"
    assert book[["Entreprise (emplois fragilisés)", "Entreprise qui recrute", "Statut"]].values.tolist() == [
        [FIRMS[0], FIRMS[1], "accepté"]]
    assert book["Entreprise retirée"].iloc[0].startswith("entreprise retirée de la liste le ")
    book = _export_workbook(AppTest.from_file("../app_pages/rapprochement.py", default_timeout=90),
                            offered_downloads)
    assert book is not None and book["Statut"].tolist() == ["accepté"]
    assert not any(firm in book.to_csv() for firm in FIRMS)


def test_an_accepted_pair_stays_with_its_figures_when_the_distance_shrinks(pairing_env):
    at = _app(EDITOR)
    next(b for b in at.button if b.label == "Enregistrer ces propositions").click().run()
    stored = pairing_env.pairs_frame().set_index("pair_id")
    pair_id = next(p for p, r in stored.iterrows() if p.split(">")[1] == r["hiring_id"]
                   and r["hiring_id"] in set(pairing_env.list_frame("hiring")["entry_id"]))
    pairing_env.set_status(pair_id, "accepte", "edith")
    before = pairing_env.pairs_frame().set_index("pair_id").loc[pair_id]
    at = _app(EDITOR)
    next(n for n in at.number_input if n.label == "Distance maximale entre communes (km)").set_value(0).run()
    assert not at.exception
    table = at.dataframe[next(i for i, df in enumerate(at.dataframe) if "Entreprise qui recrute" in df.value.columns)]
    rows = table.value[table.value["Entreprise qui recrute"] == FIRMS[1]]
    assert rows[["Personnes", "Statut"]].values.tolist() == [[before["headcount"], "accepté"]]
    picker = next(s for s in at.selectbox if s.label == "Rapprochement")
    assert pair_id in picker.options or any(FIRMS[1] in str(o) for o in picker.options)
    next(b for b in at.button if b.label == "Enregistrer ces propositions").click().run()
    assert not at.exception
    after = pairing_env.pairs_frame().set_index("pair_id").loc[pair_id]
    assert after[["headcount", "version", "status"]].tolist() == before[["headcount", "version", "status"]].tolist()
