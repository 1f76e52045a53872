"""The errors of the action plan. Their messages are French and name the action, field or row at fault."""

from __future__ import annotations

import pandas as pd

from ..errors import GpectError, Problem


class PlanError(GpectError):
    """A plan operation that cannot be done, explained in French."""


class PlanValidationError(PlanError):
    """Values a user typed break a rule of the plan (dates, progress, unknown partner...)."""


class StaleVersionError(PlanError):
    """The action changed since the user read it: nothing was saved; `changes` says what the other person did.

    Attributes: `action_id` (str), `read_version` and `current_version` (int), `changes` (DataFrame of the
    history rows written since `read_version`, columns of `PlanStore.history_frame`)."""

    def __init__(self, message: str, problems: list[Problem], action_id: str, read_version: int,
                 current_version: int, changes: pd.DataFrame):
        super().__init__(message, problems)
        self.action_id = action_id
        self.read_version = read_version
        self.current_version = current_version
        self.changes = changes
