"""What a vote can be on: the occupations recruited in the selection, or the plan's actions that concern it."""

from __future__ import annotations

import pandas as pd

from ..indicators.selection import data_selection, top_occupations
from ..plan.scope import actions_of_selection
from ..selection import Selection
from ..territory import Territory

DEFAULT_OCCUPATIONS = 10


def occupation_items(territory: Territory, selection: Selection, n: int = DEFAULT_OCCUPATIONS) -> list[tuple[str, str, str]]:
    """The `n` occupations with the most recruitment projects in the selection (pack table `recruitment`, latest
    year), as vote items (item_id « M-<code> », label « label (code) », ref = occupation code): the same reading
    as « Synthèse » (`indicators.selection.top_occupations`), on the zones that publish recruitment and cover the
    selection when its own zoning publishes none (zones d'emploi, EPCI: `indicators.selection.data_selection`)."""
    top = top_occupations(territory, data_selection(territory, selection).selection, n)
    if top.empty:
        return []
    return [(f"M-{code}", f"{label} ({code})", str(code))
            for code, label in zip(top["occupation_code"], top["label"], strict=True)]


def action_items(territory: Territory, selection: Selection, actions: pd.DataFrame) -> list[tuple[str, str, str]]:
    """The plan's actions that concern the selection (`plan.scope.actions_of_selection`; `actions` has at least
    action_id, title, zone_ids) as vote items (item_id « A-<id> », label « id — title », ref = action_id)."""
    rows = actions_of_selection(territory, selection, actions)
    return [(f"A-{a}", f"{a} — {title}", str(a)) for a, title in zip(rows["action_id"], rows["title"], strict=True)]
