"""Progress rules of the action plan, written so the page can state them word for word."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ..i18n import t

CLOSED_STATUSES = ("terminee", "abandonnee")
# An action in progress is late when its progress trails the share of its duration already elapsed
# by more than this many points.
PROGRESS_LAG_POINTS = 25


def late_rule(lang: str = "fr") -> str:
    """The late rule as the page states it, in `lang` (« fr » / « en »), from the catalogue (plan.rule.late)."""
    return t("plan.rule.late", lang, points=PROGRESS_LAG_POINTS)


def late_mask(actions: pd.DataFrame, today: date | None = None) -> pd.Series:
    """True for the actions that are late on `today` (see `late_rule`): a boolean Series on the index of
    `actions` (columns start_date, end_date, status, progress)."""
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
