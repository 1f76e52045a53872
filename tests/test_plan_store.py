"""The plan store on SQLite and on a real PostgreSQL server: seed, saves, stale versions, history, restore."""

from __future__ import annotations

import sys
from datetime import date

import pandas as pd
import pytest

from gpect_core.plan import model as m
from gpect_core.plan.store import Edit, PlanError, PlanStore, PlanValidationError, StaleVersionError

if not hasattr(sys.modules.get("conftest"), "plan_store"):
    from conftest_plan import *  # noqa: F403 — until tests/conftest.py imports the plan fixtures


def test_first_open_loads_the_pack_plan_and_actions_frame_matches_the_pack(plan_store, plan_territory):
    pack = plan_territory.tables["plan_actions"].sort_values("action_id").reset_index(drop=True)
    stored = plan_store.actions_frame()
    assert list(stored.columns) == list(pack.columns)
    pd.testing.assert_frame_equal(stored, pack, check_dtype=False)
    assert len(plan_store.indicators_frame()) == len(plan_territory.tables["plan_indicators"])
    assert len(plan_store.indicator_values_frame()) == len(plan_territory.tables["plan_indicator_values"])
    assert set(plan_store.partners_frame()["partner_id"]) == set(plan_territory.tables["partners"]["partner_id"])
    assert plan_store.schema_revision() == migrations_head() == "0006_workshop_drafts"


def test_reopening_a_store_with_a_plan_does_not_seed_again(plan_store, plan_db_url, plan_territory):
    action = plan_store.get_action("ACT02")
    plan_store.update_action("ACT02", action["version"], {"progress": 12}, "edith")
    again = PlanStore.open(plan_db_url, plan_territory)
    assert again.get_action("ACT02")["progress"] == 12
    assert len(again.actions_frame()) == len(plan_territory.tables["plan_actions"])
    again.close()


def test_a_save_bumps_the_version_and_writes_one_history_row_per_changed_field(plan_store):
    action = plan_store.get_action("ACT02")
    result = plan_store.update_action("ACT02", action["version"],
                                      {"progress": 85, "status": "en cours", "title": action["title"]},
                                      user="edith", comment="point d'étape")
    assert result.version == action["version"] + 1
    history = plan_store.history_frame("ACT02")
    assert list(history["field"]) == ["progress"]  # unchanged status and title write nothing
    row = history.iloc[0]
    assert (row.user_name, row.before, row.after, row.comment) == ("edith", "70", "85", "point d'étape")
    assert plan_store.get_action("ACT02")["progress"] == 85


def test_a_save_on_a_stale_version_is_refused_with_what_the_other_person_changed(plan_store):
    read_by_both = plan_store.get_action("ACT04")["version"]
    plan_store.update_action("ACT04", read_by_both, {"progress": 60}, user="alice")
    with pytest.raises(StaleVersionError) as caught:
        plan_store.update_action("ACT04", read_by_both, {"progress": 65, "funders": "Région"}, user="bruno")
    error = caught.value
    assert "modifiée par alice" in error.message and "n'ont pas été enregistrées" in error.message
    assert any("avancement : « 45 % » → « 60 % »" in p.message for p in error.problems)
    assert error.current_version == read_by_both + 1
    stored = plan_store.get_action("ACT04")
    assert (stored["progress"], stored["funders"]) == (60, "Région, État")  # bruno's input was not applied
    assert "bruno" not in set(plan_store.history_frame("ACT04")["user_name"])


@pytest.mark.parametrize("changes, expected", [
    ({"end_date": "2020-01-01"}, "la date de fin (01/01/2020) est antérieure à la date de début"),
    ({"progress": 120}, "l'avancement doit être compris entre 0 et 100"),
    ({"progress": -1}, "l'avancement doit être compris entre 0 et 100"),
    ({"lead_partner_id": "P99"}, "pilote « P99 » inconnu"),
    ({"partner_ids": "P01 NOPE"}, "partenaire « NOPE » inconnu"),
    ({"status": "fini"}, "statut « fini » inconnu"),
    ({"start_date": "31/02/2025"}, "n'est pas une date"),
    ({"budget": "beaucoup"}, "n'est pas un nombre"),
    ({"title": "  "}, "le titre est obligatoire"),
])
def test_invalid_values_are_refused_in_french_and_nothing_is_written(plan_store, changes, expected):
    before = plan_store.get_action("ACT02")
    count = plan_store.history_count()
    with pytest.raises(PlanValidationError) as caught:
        plan_store.update_action("ACT02", before["version"], changes, user="edith")
    assert expected in caught.value.report()
    assert plan_store.get_action("ACT02") == before
    assert plan_store.history_count() == count


def test_indicator_value_is_recorded_with_the_action_version(plan_store):
    version = plan_store.get_action("ACT02")["version"]
    result = plan_store.set_indicator_value("IND02", date(2026, 1, 15), 31, user="edith", version=version,
                                            source="Comité du 15/01")
    values = plan_store.indicator_values_frame()
    row = values[(values.indicator_id == "IND02") & (values.date == "2026-01-15")].iloc[0]
    assert (row.value, row.source) == (31, "Comité du 15/01")
    history = plan_store.history_frame("ACT02")
    assert set(history["entity_id"]) == {"IND02|2026-01-15"}
    assert result.version == version + 1
    with pytest.raises(StaleVersionError):
        plan_store.set_indicator_value("IND02", "2026-02-01", 33, user="bruno", version=version)
    with pytest.raises(PlanValidationError) as caught:
        plan_store.save("ACT01", plan_store.get_action("ACT01")["version"],
                        [Edit("indicator_value", "IND02|2026-03-01", "value", 1)], user="edith")
    assert "n'est pas un indicateur de l'action « ACT01 »" in caught.value.report()


def test_restore_puts_back_the_earlier_value_and_is_itself_a_history_row(plan_store):
    version = plan_store.get_action("ACT05")["version"]
    original = plan_store.get_action("ACT05")["title"]
    plan_store.update_action("ACT05", version, {"title": "Titre erroné"}, user="bruno")
    wrong = plan_store.history_frame("ACT05").iloc[0]
    plan_store.restore(int(wrong.history_id), user="edith")
    assert plan_store.get_action("ACT05")["title"] == original
    latest = plan_store.history_frame("ACT05").iloc[0]
    assert (latest.kind, latest.user_name, latest.field) == ("restore", "edith", "title")
    assert f"n° {wrong.history_id}" in latest.comment
    assert len(plan_store.history_frame("ACT05")) == 2  # the wrong change is kept: history is append-only


def test_history_of_the_whole_plan_and_admin_changes(plan_store):
    plan_store.upsert_partner("P50", "Lycée <b>Jean Moulin</b>", "Éducation nationale", user="admin")
    plan_store.upsert_axis("A1", "Attractivité des métiers industriels", user="admin")
    whole = plan_store.history_frame()
    assert {"partner", "axis", "plan"} <= set(whole["entity"])
    assert plan_store.partners_frame().set_index("partner_id").loc["P50", "type"] == "education"
    with pytest.raises(PlanValidationError, match="type « club » inconnu"):
        plan_store.upsert_partner("P51", "Club", "club", user="admin")
    assert "P51" not in set(plan_store.partners_frame()["partner_id"])


def test_create_action_and_unknown_action(plan_store):
    new_id = plan_store.create_action({"title": "Forum des métiers", "axis_id": "A1", "status": "à lancer",
                                       "start_date": "01/03/2026", "end_date": "30/06/2026"}, user="edith")
    action = plan_store.get_action(new_id)
    assert (action["version"], action["start_date"]) == (1, date(2026, 3, 1))
    assert set(plan_store.history_frame(new_id)["kind"]) == {"create"}
    with pytest.raises(PlanError, match="n'existe pas"):
        plan_store.update_action("NOPE", 1, {"progress": 1}, user="edith")


def test_the_history_table_is_only_appended_to(plan_store):
    ids_before = list(plan_store.history_frame()["history_id"])
    action = plan_store.get_action("ACT03")
    plan_store.update_action("ACT03", action["version"], {"funders": "État"}, user="edith")
    ids_after = list(plan_store.history_frame()["history_id"])
    assert ids_after[1:] == ids_before and ids_after[0] > max(ids_before)


def test_opening_a_store_that_cannot_be_reached_says_so_in_french():
    with pytest.raises(PlanError, match="ne peut pas être ouverte"):
        PlanStore.open("postgresql+psycopg://nobody@127.0.0.1:1/nothing")


def test_model_and_migration_agree(plan_store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    # Their tables share the plan's metadata and its chain of migrations (0002 survey, 0003 pairing, 0004 workshop,
    # 0005 merged proposals and revoked logins).
    import gpect_core.pairing.model  # noqa: F401
    import gpect_core.plan.auth_sessions  # noqa: F401
    import gpect_core.survey.model  # noqa: F401
    import gpect_core.workshop.model  # noqa: F401

    with plan_store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), m.metadata)
    assert [d for d in diff if d[0] != "remove_table"] == []


def test_a_pack_with_milestones_seeds_them(sqlite_plan_url, plan_territory):
    from gpect_core.schema import validate_table

    tables = dict(plan_territory.tables)
    tables["plan_milestones"] = validate_table("plan_milestones", pd.DataFrame({
        "milestone_id": ["J1", "J2"], "action_id": ["ACT02", "ACT02"], "label": ["Lancement", "Bilan"],
        "due_date": pd.to_datetime(["2024-03-01", "2026-12-01"]), "done": [True, None]}))
    store = PlanStore.open(sqlite_plan_url)
    assert store.seed_from_territory(tables) is True
    milestones = store.milestones_frame().set_index("milestone_id")
    assert milestones.loc["J1", "done"] and not milestones.loc["J2", "done"]
    version = store.get_action("ACT02")["version"]
    store.save("ACT02", version, [Edit("milestone", "J2", "done", True)], user="edith")
    assert store.milestones_frame().set_index("milestone_id").loc["J2", "done"]
    assert store.get_action("ACT02")["version"] == version + 1
    assert store.seed_from_territory(tables) is False  # never twice
    store.close()


def test_a_database_that_goes_away_gives_a_french_error_not_a_traceback(sqlite_plan_url, plan_territory):
    from sqlalchemy import create_engine

    store = PlanStore.open(sqlite_plan_url, plan_territory)
    store.engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/gone")
    with pytest.raises(PlanError, match="ne répond pas"):
        store.actions_frame()
    with pytest.raises(PlanError, match="rien n'a été enregistré"):
        store.update_action("ACT01", 1, {"progress": 5}, user="edith")
    with pytest.raises(PlanError, match="rien n'a été enregistré"):
        store.upsert_axis("A9", "Nouvel axe", user="admin")


def migrations_head() -> str:
    """The newest Alembic revision of the store's migrations (every area's migrations are chained)."""
    from pathlib import Path

    from alembic.script import ScriptDirectory

    import gpect_core.plan.store as store_module

    return ScriptDirectory(str(Path(store_module.__file__).parent / "migrations")).get_current_head()
