"""Concurrent writers on the plan store, shared by the reliability tests and `bench/bench_plan_concurrency.py`.

Each writer is a separate process (as separate app servers would be) that reads an action, then saves a change
on the version it read. Several writers pick among a few actions, so most saves race: each one must be either
applied or refused as stale, and the history must hold exactly the applied ones.
"""

from __future__ import annotations

import multiprocessing
import random
import time
from dataclasses import dataclass

from sqlalchemy import select

from . import model as m
from .errors import StaleVersionError
from .store import PlanStore


@dataclass(frozen=True)
class Outcome:
    writer: int
    save: int
    action_id: str
    read_version: int
    applied: bool
    new_version: int | None
    change_id: str | None
    description: str
    progress: int
    seconds: float
    fields_written: int = 0


def run_writer(url: str, writer: int, saves: int, action_ids: list[str], seed: int = 0) -> list[Outcome]:
    """One writer: `saves` read-then-save cycles on randomly chosen actions of `action_ids`."""
    rng = random.Random(seed * 1000 + writer)
    store = PlanStore.open(url, migrate=False)
    outcomes = []
    try:
        for number in range(saves):
            action_id = rng.choice(action_ids)
            read_version = int(store.get_action(action_id)["version"])
            description = f"écrit par w{writer}, enregistrement {number}"
            progress = rng.randint(0, 100)
            time.sleep(rng.random() * 0.002)  # the user « types » between reading and saving
            started = time.perf_counter()
            try:
                result = store.update_action(action_id, read_version,
                                             {"description": description, "progress": progress},
                                             user=f"w{writer}", comment=f"save {number}")
                outcomes.append(Outcome(writer, number, action_id, read_version, True, result.version,
                                        result.change_id, description, progress, time.perf_counter() - started,
                                        len(result.changed)))
            except StaleVersionError:
                outcomes.append(Outcome(writer, number, action_id, read_version, False, None, None, description,
                                        progress, time.perf_counter() - started))
    finally:
        store.close()
    return outcomes


def _run_writer_args(args) -> list[Outcome]:
    return run_writer(*args)


def run_concurrent_writers(url: str, writers: int, saves: int, action_ids: list[str],
                           seed: int = 0) -> list[Outcome]:
    """Run `writers` processes at once; return every outcome. Any other error propagates."""
    context = multiprocessing.get_context("fork")
    with context.Pool(writers) as pool:
        results = pool.map(_run_writer_args, [(url, w, saves, action_ids, seed) for w in range(writers)])
    return [outcome for result in results for outcome in result]


def check_outcomes(store: PlanStore, outcomes: list[Outcome], first_history_id: int) -> list[str]:
    """What is wrong after a run (empty when every save was applied or refused and none was lost)."""
    problems = []
    applied = [o for o in outcomes if o.applied]
    with store.engine.connect() as conn:
        rows = conn.execute(select(m.history).where(m.history.c.history_id > first_history_id)).all()
    history_changes = {}
    for row in rows:
        history_changes.setdefault(row.change_id, []).append(row)
    applied_ids = {o.change_id for o in applied}
    if set(history_changes) != applied_ids:
        problems.append(f"history has {len(history_changes)} changes, {len(applied_ids)} saves were applied")
    for outcome in applied:
        for row in history_changes.get(outcome.change_id, []):
            if row.user_name != f"w{outcome.writer}" or row.version != outcome.new_version:
                problems.append(f"history row {row.history_id} does not match save {outcome}")
    by_action: dict[str, list[Outcome]] = {}
    for outcome in applied:
        by_action.setdefault(outcome.action_id, []).append(outcome)
    for action_id, saves in by_action.items():
        versions = sorted(o.new_version for o in saves)
        if versions != list(range(versions[0], versions[0] + len(versions))):
            problems.append(f"{action_id}: applied versions are not consecutive: {versions}")
        last = max(saves, key=lambda o: o.new_version)
        action = store.get_action(action_id)
        if action["version"] != last.new_version or action["description"] != last.description \
                or action["progress"] != last.progress:
            problems.append(f"{action_id}: stored {action['version']}/{action['description']!r} but last applied "
                            f"save was {last.new_version}/{last.description!r}")
    return problems
