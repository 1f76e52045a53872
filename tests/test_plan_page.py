"""AppTest of the « Plan d'action » page as a viewer, as an editor and as an administrator."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from gpect_core.plan.rules import late_rule

if not hasattr(sys.modules.get("conftest"), "plan_store"):
    from conftest_plan import *  # noqa: F403 — until tests/conftest.py imports the plan fixtures

EDITOR = {"username": "edith", "name": "Édith Éditrice", "role": "editeur"}



def _app(user: dict | None = None) -> AppTest:
    at = AppTest.from_file("../app_pages/plan.py", default_timeout=90)
    if user:
        at.session_state["plan_user"] = user
    return at.run()


def _button(at: AppTest, label: str):
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r}: {[b.label for b in at.button]}"
    return matches[0]


def _texts(at: AppTest) -> str:
    parts = [e.value for e in (*at.markdown, *at.caption, *at.info, *at.error, *at.success, *at.warning)]
    return "\n".join(str(p) for p in parts)


def test_a_viewer_sees_the_dashboards_and_the_rule_but_cannot_edit(plan_env, plan_territory):
    at = _app()
    assert not at.exception
    labels = [tab.label for tab in at.tabs]
    assert labels == ["Vue d'ensemble", "Actions", "Historique", "Import / export"]
    assert late_rule("fr") in [i.value for i in at.info]
    assert {m.label for m in at.metric} >= {"Actions", "En cours", "Terminées", "En retard"}
    actions = plan_territory.tables["plan_actions"]
    assert next(m.value for m in at.metric if m.label == "Actions") == str(len(actions))
    assert "Enregistrer" not in [b.label for b in at.button]
    assert any("Consultation seule" in c.value for c in at.caption)
    captions = " ".join(c.value for c in at.caption)
    assert "base partagée (SQLite)" in captions and "sqlite:" not in captions and ".sqlite" not in captions
    assert "association" in " ".join(w.value for w in at.warning)


def test_logging_in_with_a_local_account_unlocks_editing(plan_env):
    at = _app()
    at.text_input(key="plan_login_username").input("edith")
    at.text_input(key="plan_login_password").input("wrong-password")
    _button(at, "Se connecter").click()
    at.run()
    assert "Identifiant ou mot de passe incorrect." in [e.value for e in at.error]
    at.text_input(key="plan_login_password").input("edith-secret-1")
    _button(at, "Se connecter").click()
    at.run()
    assert "Saisie rapide" in [tab.label for tab in at.tabs]
    assert "Administration" not in [tab.label for tab in at.tabs]
    assert any("Édith Éditrice" in c.value and "éditeur" in c.value for c in at.caption)


def test_a_viewer_account_cannot_edit(plan_env):
    at = _app()
    at.text_input(key="plan_login_username").input("victor")
    at.text_input(key="plan_login_password").input("victor-secret-1")
    _button(at, "Se connecter").click()
    at.run()
    assert "Saisie rapide" not in [tab.label for tab in at.tabs]
    assert "Enregistrer" not in [b.label for b in at.button]


def test_an_editor_updates_an_action_and_its_indicator_and_the_history_shows_it(plan_env):
    at = _app(EDITOR)
    at.selectbox(key="plan_action_choice").select("ACT02")
    at.run()
    at.text_input(key="plan_form_ACT02_title").input("Semaine de l'industrie 2026")
    at.number_input(key="plan_form_ACT02_progress").set_value(80)
    at.text_input(key="plan_form_ACT02_comment").input("comité du 20 novembre")
    _button(at, "Enregistrer").click()
    at.run()
    assert not at.exception
    assert any("2 champ(s) modifié(s)" in s.value for s in at.success)
    action = plan_env.get_action("ACT02")
    assert (action["title"], action["progress"], action["version"]) == ("Semaine de l'industrie 2026", 80, 2)
    history = plan_env.history_frame("ACT02")
    assert set(history["user_name"]) == {"Édith Éditrice (edith)"}
    assert set(history["comment"]) == {"comité du 20 novembre"}
    # The indicator: a new value on the version just saved.
    at.number_input(key="plan_value_value").set_value(27)
    at.date_input(key="plan_value_date").set_value(date(2026, 2, 1))
    _button(at, "Enregistrer la valeur").click()
    at.run()
    values = plan_env.indicator_values_frame()
    assert ((values.indicator_id == "IND02") & (values.date == "2026-02-01") & (values.value == 27)).any()
    history_tables = [df.value for df in at.dataframe]
    assert any("IND02" in " ".join(map(str, t.to_numpy().ravel())) for t in history_tables)


def test_a_save_on_a_stale_version_shows_what_changed_and_keeps_the_input(plan_env):
    at = _app(EDITOR)
    at.selectbox(key="plan_action_choice").select("ACT04")
    at.run()
    at.text_input(key="plan_form_ACT04_funders").input("Région, État, OPCO")
    # Meanwhile, someone else saves the same action.
    version = plan_env.get_action("ACT04")["version"]
    plan_env.update_action("ACT04", version, {"progress": 55}, user="bruno")
    _button(at, "Enregistrer").click()
    at.run()
    errors = " ".join(e.value for e in at.error)
    assert "modifiée par bruno" in errors and "n'ont pas été enregistrées" in errors
    assert at.text_input(key="plan_form_ACT04_funders").value == "Région, État, OPCO"  # input kept on screen
    assert plan_env.get_action("ACT04")["funders"] == "Région, État"
    tables = " ".join(" ".join(map(str, df.value.to_numpy().ravel())) for df in at.dataframe)
    assert "45 %" in tables and "55 %" in tables and "Région, État, OPCO" in tables
    _button(at, "Repartir de la version à jour").click()
    at.run()
    assert at.number_input(key="plan_form_ACT04_progress").value == 55


@pytest.mark.parametrize("field, value, expected", [
    ("progress", 150, "l'avancement doit être compris entre 0 et 100"),
    ("end_date", date(2020, 1, 1), "est antérieure à la date de début"),
])
def test_invalid_input_gets_a_french_message_and_nothing_is_saved(plan_env, field, value, expected):
    at = _app(EDITOR)
    at.selectbox(key="plan_action_choice").select("ACT02")
    at.run()
    widget = at.number_input(key=f"plan_form_ACT02_{field}") if field == "progress" else \
        at.date_input(key=f"plan_form_ACT02_{field}")
    widget.set_value(value)
    _button(at, "Enregistrer").click()
    at.run()
    assert any(expected in e.value for e in at.error)
    assert plan_env.get_action("ACT02")["version"] == 1


def test_hostile_text_is_shown_as_text(plan_env):
    hostile = "**gras** <img src=x onerror=alert(1)> [lien](javascript:alert(1))"
    plan_env.update_action("ACT04", 1, {"title": hostile}, user="bruno")
    at = _app(EDITOR)
    at.selectbox(key="plan_action_choice").select("ACT04")
    at.run()
    at.text_input(key="plan_form_ACT04_funders").input("autre")
    plan_env.update_action("ACT04", 2, {"progress": 50}, user="bruno")
    _button(at, "Enregistrer").click()
    at.run()
    error = next(e.value for e in at.error if "modifiée par" in e.value)
    assert "\\*\\*gras\\*\\*" in error and "\\<img" in error and "\\[lien\\]\\(javascript" in error


def test_an_administrator_sees_administration_and_can_add_a_partner(plan_env):
    at = _app({"username": "admin", "name": "Anne Admin", "role": "administrateur"})
    assert "Administration" in [tab.label for tab in at.tabs]
    at.text_input(key="plan_partner_id").input("P60")
    at.text_input(key="plan_partner_name").input("Lycée des métiers")
    at.selectbox(key="plan_partner_type").select("education")
    _button(at, "Enregistrer le partenaire").click()
    at.run()
    assert "P60" in set(plan_env.partners_frame()["partner_id"])
    assert plan_env.history_frame().iloc[0]["user_name"] == "Anne Admin (admin)"


def test_the_overview_follows_the_basin_filter(plan_env, plan_territory):
    at = AppTest.from_file("../app_pages/plan.py", default_timeout=90)
    at.session_state["filter_zoning"] = "ZE2020"
    at.session_state["filter_zones"] = ["9907"]
    at.run()
    actions = plan_territory.tables["plan_actions"]
    expected = actions["zone_ids"].str.split().map(lambda zones: "9907" in zones).sum()
    assert 0 < expected < len(actions)
    assert next(m.value for m in at.metric if m.label == "Actions") == str(expected)


def test_the_synthese_page_counts_actions_and_late_actions_from_the_store(plan_env):
    from gpect_core.plan.rules import late_mask

    def late_delta() -> str:
        at = AppTest.from_file("../app_pages/synthese.py", default_timeout=90).run()
        assert not at.exception
        return next(m for m in at.metric if m.label.startswith("Actions")).proto.delta

    before = late_delta()
    n_late = int(late_mask(plan_env.actions_frame()).sum())
    assert str(n_late) in before
    action = plan_env.get_action("ACT01")  # done, ended in 2025: reopening it makes it late
    plan_env.update_action("ACT01", action["version"], {"status": "en_cours"}, user="edith")
    assert int(late_mask(plan_env.actions_frame()).sum()) == n_late + 1
    assert str(n_late + 1) in late_delta()


def test_the_quick_editor_saves_changed_rows_and_reports_stale_ones(plan_env):
    at = _app(EDITOR)
    # What the data editor sends when a user changes two cells (rows 1 and 3: ACT02 and ACT04).
    at.session_state["plan_quick_editor"] = {"edited_rows": {1: {"progress": 75}, 3: {"status": "suspendue"}},
                                             "added_rows": [], "deleted_rows": []}
    version = plan_env.get_action("ACT04")["version"]
    plan_env.update_action("ACT04", version, {"funders": "État"}, user="bruno")  # ACT04 changed meanwhile
    at.run()
    _button(at, "Enregistrer les modifications").click()
    at.run()
    assert not at.exception
    assert "1 action(s) enregistrée(s)." in [s.value for s in at.success]
    assert any("modifiée par bruno" in e.value for e in at.error)
    assert plan_env.get_action("ACT02")["progress"] == 75
    assert plan_env.get_action("ACT04")["status"] == "en_cours"
    kept = next(df.value for df in at.dataframe if "Votre saisie" in df.value.columns)
    assert kept.iloc[0].tolist() == ["ACT04", "Statut", "suspendue", "en cours"]
    assert set(plan_env.history_frame("ACT02")["comment"]) == {"saisie rapide"}


def test_update_many_reports_each_action(plan_store):
    a2, a3 = plan_store.get_action("ACT02"), plan_store.get_action("ACT03")
    result = plan_store.update_many([("ACT02", a2["version"], {"progress": 71}),
                                     ("ACT03", a3["version"] + 5, {"progress": 1}),
                                     ("ACT05", 1, {"progress": 300})], user="edith")
    assert result.saved == ["ACT02"]
    assert [e.action_id for e in result.stale] == ["ACT03"]
    assert "entre 0 et 100" in result.invalid[0].report()


def test_an_editor_changes_an_indicator_target_and_adds_a_milestone(plan_env):
    at = _app(EDITOR)
    at.selectbox(key="plan_action_choice").select("ACT02")
    at.run()
    at.number_input(key="plan_ind_target_IND02").set_value(45)
    _button(at, "Enregistrer l'indicateur").click()
    at.run()
    assert not at.exception
    assert plan_env.indicators_frame().set_index("indicator_id").loc["IND02", "target"] == 45
    at.text_input(key="plan_ms_label_ACT02-J1").input("Bilan à mi-parcours")
    at.date_input(key="plan_ms_due_ACT02-J1").set_value(date(2026, 6, 30))
    _button(at, "Enregistrer le jalon").click()
    at.run()
    milestones = plan_env.milestones_frame()
    assert list(milestones["label"]) == ["Bilan à mi-parcours"] and not milestones["done"].iloc[0]
    history = plan_env.history_frame("ACT02")
    assert {"indicator", "milestone"} == set(history["entity"])
    assert plan_env.get_action("ACT02")["version"] == 3
    assert any("Bilan à mi-parcours" in " ".join(map(str, df.value.to_numpy().ravel())) for df in at.dataframe)


def test_with_oidc_configured_the_page_offers_the_provider_login_instead_of_local_accounts(plan_env):
    at = AppTest.from_file("../app_pages/plan.py", default_timeout=90)
    at.secrets["auth"] = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "client_id": "gpect", "client_secret": "s",
                          "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
    at.run()
    assert not at.exception
    assert "Se connecter" in [b.label for b in at.button]
    assert [w for w in at.text_input if w.key == "plan_login_username"] == []
    assert "Saisie rapide" not in [tab.label for tab in at.tabs]


def test_an_editor_creates_an_action_and_dates_are_checked(plan_env):
    at = _app(EDITOR)
    at.text_input(key="plan_new_title").input("Forum des métiers de l'industrie")
    at.date_input(key="plan_new_start").set_value(date(2026, 3, 1))
    at.date_input(key="plan_new_end").set_value(date(2026, 2, 1))
    _button(at, "Créer l'action").click()
    at.run()
    assert any("est antérieure à la date de début" in e.value for e in at.error)
    assert len(plan_env.list_actions()) == 25
    at.date_input(key="plan_new_end").set_value(date(2026, 6, 30))
    _button(at, "Créer l'action").click()
    at.run()
    assert not at.exception
    created = [a for a in plan_env.list_actions() if a["title"] == "Forum des métiers de l'industrie"]
    assert len(created) == 1 and created[0]["status"] == "a_lancer"
    assert at.selectbox(key="plan_action_choice").value == created[0]["action_id"]
    assert set(plan_env.history_frame(created[0]["action_id"])["kind"]) == {"create"}


def test_after_a_refusal_the_editor_applies_their_input_to_the_current_version_and_saves(plan_env):
    at = _app(EDITOR)
    at.selectbox(key="plan_action_choice").select("ACT04")
    at.run()
    at.text_input(key="plan_form_ACT04_funders").input("Région, État, OPCO")
    plan_env.update_action("ACT04", 1, {"progress": 55}, user="bruno")
    _button(at, "Enregistrer").click()
    at.run()
    tables = [df.value for df in at.dataframe]
    mine = next(t for t in tables if "Votre saisie" in t.columns)
    assert list(mine["Champ"]) == ["Financeurs"] and list(mine["Modifié des deux côtés"]) == ["non"]
    _button(at, "Reporter ma saisie sur la version à jour").click()
    at.run()
    assert at.text_input(key="plan_form_ACT04_funders").value == "Région, État, OPCO"
    assert at.number_input(key="plan_form_ACT04_progress").value == 55
    _button(at, "Enregistrer").click()
    at.run()
    action = plan_env.get_action("ACT04")
    assert (action["funders"], action["progress"], action["version"]) == ("Région, État, OPCO", 55, 3)
    assert not [e for e in at.error if "modifiée par" in e.value]


def test_a_territory_without_a_plan_shows_an_empty_plan_without_error(tmp_path, monkeypatch, plan_accounts_file):
    import json
    import shutil

    from conftest_plan import DEMO_PACK

    pack = tmp_path / "pack"
    shutil.copytree(DEMO_PACK, pack)
    manifest = json.loads((pack / "manifest.json").read_text())
    for name in ("partners", "plan_axes", "plan_actions", "plan_indicators", "plan_indicator_values"):
        manifest["tables"].pop(name, None)
    (pack / "manifest.json").write_text(json.dumps(manifest))
    monkeypatch.setenv("GPECT_PACK", str(pack))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'empty.sqlite'}")
    for user in (None, EDITOR, {"username": "admin", "name": "Anne Admin", "role": "administrateur"}):
        at = _app(user)
        assert not at.exception, at.exception
        assert next(m.value for m in at.metric if m.label == "Actions") == "0"
        assert "Aucune action du plan ne concerne cette sélection." in [i.value for i in at.info]


def test_an_editor_restores_an_earlier_value_from_the_history_tab(plan_env):
    plan_env.update_action("ACT05", 1, {"progress": 99}, user="bruno")
    wrong = int(plan_env.history_frame("ACT05").iloc[0]["history_id"])
    at = _app(EDITOR)
    at.selectbox(key="plan_restore_id").select(wrong)
    _button(at, "Restaurer").click()
    at.run()
    assert not at.exception
    assert plan_env.get_action("ACT05")["progress"] != 99
    latest = plan_env.history_frame("ACT05").iloc[0]
    assert (latest.kind, latest.user_name) == ("restore", "Édith Éditrice (edith)")
    assert any(f"n° {wrong} restaurée" in s.value for s in at.success)


def test_a_role_taken_away_in_the_accounts_file_applies_at_the_next_run(plan_env, plan_accounts_file):
    from gpect_core.plan import auth

    at = _app(EDITOR)
    assert "Saisie rapide" in [tab.label for tab in at.tabs]
    auth.set_role(None, "edith", "lecteur")
    at.run()
    assert "Saisie rapide" not in [tab.label for tab in at.tabs]
    auth.remove_user(None, "edith")
    at.run()
    assert "plan_user" not in at.session_state


def test_the_page_is_in_the_app_navigation_and_speaks_english(plan_env, monkeypatch):
    from conftest_plan import DEMO_PACK

    monkeypatch.setenv("GPECT_PACK", str(DEMO_PACK))
    at = AppTest.from_file("../app.py", default_timeout=90).run()
    at.switch_page("app_pages/plan.py").run()
    assert not at.exception
    assert at.title[0].value == "Plan d'action"
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Action plan"
    assert [tab.label for tab in at.tabs] == ["Overview", "Actions", "History", "Import / export"]
