"""Where the pages read the action plan from: the plan store once it exists, else the pack's seed table."""

from __future__ import annotations

import pandas as pd

from gpect_core import Territory


def plan_actions(territory: Territory) -> pd.DataFrame:
    return territory.table("plan_actions")
