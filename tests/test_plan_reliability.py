"""No update is ever lost: concurrent writers, and a writer killed (SIGKILL) in the middle of a save."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import select, text

from gpect_core.plan import model as m
from gpect_core.plan.store import PlanStore
from gpect_core.plan.stress import check_outcomes, run_concurrent_writers

if not hasattr(sys.modules.get("conftest"), "plan_store"):
    from conftest_plan import *  # noqa: F403 — until tests/conftest.py imports the plan fixtures

REPO_ROOT = Path(__file__).resolve().parents[1]
OVERLAPPING_ACTIONS = ["ACT01", "ACT02", "ACT03", "ACT04", "ACT05"]


def _last_history_id(store: PlanStore) -> int:
    return int(store.history_frame(limit=1)["history_id"].iloc[0])


def test_10_writers_20_saves_each_every_save_applied_or_refused_none_lost(plan_store, plan_db_url):
    """20 writers × 50 saves, with figures, is `bench/bench_plan_concurrency.py` (same checks)."""
    first = _last_history_id(plan_store)
    outcomes = run_concurrent_writers(plan_db_url, writers=10, saves=20, action_ids=OVERLAPPING_ACTIONS)
    assert len(outcomes) == 10 * 20
    applied = [o for o in outcomes if o.applied]
    refused = [o for o in outcomes if not o.applied]
    assert applied and refused, "the writers must really race on the same actions"
    assert check_outcomes(plan_store, outcomes, first) == []
    # The history holds exactly the fields the applied saves changed, nothing else.
    new_rows = plan_store.history_frame().query("history_id > @first")
    assert len(new_rows) == sum(o.fields_written for o in applied) >= len(applied)


def _consistency_problems(store: PlanStore) -> list[str]:
    """Every action's version and values agree with its history (no half-written save)."""
    problems = []
    history = store.history_frame().sort_values("history_id")
    history = history[history["entity"] == "action"]
    for action in store.list_actions():
        rows = history[history["action_id"] == action["action_id"]]
        changes = rows.groupby("change_id")["version"].agg(["nunique", "first"])
        if (changes["nunique"] != 1).any() or sorted(changes["first"]) != list(range(2, action["version"] + 1)):
            problems.append(f"{action['action_id']}: version {action['version']} but history versions "
                            f"{sorted(changes['first'])}")
        for field_name, group in rows.groupby("field"):
            last = group.iloc[-1]
            from gpect_core.plan.values import from_json
            if from_json(field_name, last.after) != action[field_name]:
                problems.append(f"{action['action_id']}.{field_name} differs from its last history row")
    return problems


def _run_killable_writer(url: str, marker: Path, pause_in_save: bool) -> subprocess.Popen:
    script = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from gpect_core.plan.store import PlanStore
        store = PlanStore.open({url!r}, migrate=False)
        marker = Path({str(marker)!r})
        def pause():
            marker.write_text("in save")
            time.sleep(120)
        if {pause_in_save!r}:
            store._before_commit = pause
        number = 0
        while True:
            for action_id in ("ACT01", "ACT02", "ACT03"):
                version = store.get_action(action_id)["version"]
                store.update_action(action_id, version, {{"progress": number % 101, "funders": f"tour {{number}}"}},
                                    user="killed")
                number += 1
                if number == 5:
                    marker.write_text("running")
    """)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.Popen([sys.executable, "-c", script], env=env)


def _wait_for(path: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, "the writer died before reaching the save"
        assert time.monotonic() < deadline, "the writer never reached the save"
        time.sleep(0.05)


def test_a_writer_killed_inside_a_save_leaves_no_trace_of_it(plan_store, plan_db_url, tmp_path):
    before_actions = plan_store.actions_frame(with_version=True)
    before_history = plan_store.history_count()
    marker = tmp_path / "marker"
    process = _run_killable_writer(plan_db_url, marker, pause_in_save=True)
    _wait_for(marker, process)
    # The save has written its rows and history in its transaction and waits just before COMMIT.
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    if plan_store.dialect == "postgresql":  # the server notices the dead client and rolls back
        _wait_until_no_backend_of(plan_store, "killed")
    after = PlanStore.open(plan_db_url)
    assert after.history_count() == before_history
    after_actions = after.actions_frame(with_version=True)
    assert after_actions.equals(before_actions)
    # The database is sound and writable again (the killed writer's locks are gone).
    if after.dialect == "sqlite":
        with after.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    version = after.get_action("ACT01")["version"]
    assert after.update_action("ACT01", version, {"progress": 3}, user="edith").version == version + 1
    after.close()


def test_a_writer_killed_at_a_random_moment_leaves_a_consistent_database(plan_store, plan_db_url, tmp_path):
    marker = tmp_path / "marker"
    process = _run_killable_writer(plan_db_url, marker, pause_in_save=False)
    _wait_for(marker, process)
    time.sleep(0.37)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    if plan_store.dialect == "postgresql":
        _wait_until_no_backend_of(plan_store, "killed")
    after = PlanStore.open(plan_db_url)
    with after.engine.connect() as conn:
        killed_saves = conn.execute(select(m.history.c.change_id).where(m.history.c.user_name == "killed")
                                    .distinct()).all()
    assert len(killed_saves) >= 5
    assert _consistency_problems(after) == []
    after.close()


def _wait_until_no_backend_of(store: PlanStore, _user: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    query = text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                 "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'")
    while time.monotonic() < deadline:
        with store.engine.connect() as conn:
            if conn.execute(query).scalar() == 0:
                return
        time.sleep(0.1)
    raise AssertionError("PostgreSQL kept the killed writer's transaction open")
