"""Where the pages read the action plan from: the plan store (seeded from the pack on first run); the pack's
seed table only if the store cannot be opened (the page still shows the territory's other figures)."""

from __future__ import annotations

import pandas as pd

from gpect_core import Territory
from gpect_core.errors import GpectError


def plan_actions(territory: Territory) -> pd.DataFrame:
    """The actions, with the columns of the pack table `plan_actions`."""
    from ui.plan.session import get_store

    try:
        return get_store(territory).actions_frame()
    except GpectError:
        return territory.table("plan_actions")
