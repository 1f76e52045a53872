"""Progress rules of the action plan, written so the page can state them word for word."""

from __future__ import annotations

from datetime import date

import pandas as pd

CLOSED_STATUSES = ("terminee", "abandonnee")
# An action in progress is late when its progress trails the share of its duration already elapsed
# by more than this many points.
PROGRESS_LAG_POINTS = 25

LATE_RULE_FR = (
    "Une action est en retard si sa date de fin est passée sans qu'elle soit terminée ou abandonnée, "
    f"ou si, en cours, son avancement a plus de {PROGRESS_LAG_POINTS} points de retard sur le temps écoulé."
)
LATE_RULE_EN = (
    "An action is late when its end date has passed and it is neither done nor abandoned, or when, in "
    f"progress, its progress trails the elapsed time by more than {PROGRESS_LAG_POINTS} points."
)


def late_mask(actions: pd.DataFrame, today: date | None = None) -> pd.Series:
    """True for the actions that are late on `today` (see LATE_RULE_FR)."""
    if actions.empty:
        return pd.Series(False, index=actions.index, dtype=bool)
    today_ts = pd.Timestamp(today or date.today())
    start = pd.to_datetime(actions["start_date"])
    end = pd.to_datetime(actions["end_date"])
    open_ = ~actions["status"].isin(CLOSED_STATUSES)
    overdue = open_ & (end < today_ts)
    duration = (end - start).dt.days.clip(lower=1)
    elapsed_share = ((today_ts - start).dt.days / duration).clip(0, 1) * 100
    progress = pd.to_numeric(actions["progress"], errors="coerce").fillna(0)
    lagging = (actions["status"] == "en_cours") & (elapsed_share - progress > PROGRESS_LAG_POINTS)
    return (overdue | lagging).fillna(False).astype(bool)
