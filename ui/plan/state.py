"""What every tab of the plan page reads: the store, its frames, the person, the selection's actions."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

import pandas as pd

from gpect_core.plan import progress
from gpect_core.plan.labels import label
from gpect_core.plan.scope import actions_of_selection
from gpect_core.plan.store import PlanStore
from ui.context import PageContext
from ui.plan.session import User, get_store

FORM_BASE = "plan_form_base"  # {"action_id", "version", "read"}: what the editor's form was read from
QUICK_BASE = "plan_quick_base"  # the table the quick editor was read from (with versions)
STALE = "plan_stale"  # the last refused save: message, problems, the user's input
FLASH = "plan_flash"  # the message of the last save, shown once


@dataclass
class PlanView:
    """The plan as the page shows it on this run. `actions` are those of the selection (plan.scope),
    `actions_all` every action with its `version`; `late` the late ones among `actions` (progress.late_actions)."""

    ctx: PageContext
    store: PlanStore
    actions_all: pd.DataFrame
    actions: pd.DataFrame
    axes: pd.DataFrame
    partners: pd.DataFrame
    indicators: pd.DataFrame
    values: pd.DataFrame
    milestones: pd.DataFrame
    today: date
    late: pd.DataFrame
    plan_zoning: str
    user: User | None = None  # set by the page after loading (current_user)

    @property
    def lang(self) -> str:
        return self.ctx.lang

    def t(self, key: str, **values) -> str:
        """The catalogue string `key` in the page's language."""
        return self.ctx.t(key, **values)

    @property
    def can_edit(self) -> bool:
        return bool(self.user and self.user.can_edit)

    @property
    def can_admin(self) -> bool:
        return bool(self.user and self.user.can_administer)

    @property
    def axis_labels(self) -> dict[str, str]:
        return dict(zip(self.axes["axis_id"], self.axes["label"], strict=True))

    @property
    def partner_names(self) -> dict[str, str]:
        return dict(zip(self.partners["partner_id"], self.partners["name"], strict=True))

    def status_text(self, code: str) -> str:
        """A status code's label in the page's language."""
        return label("status", code, self.lang)

    def action_label(self, action_id: str) -> str:
        """« ACT02 — title » (the id alone for an action not in the plan)."""
        title = self._titles.get(action_id)
        return f"{action_id} — {title}" if title is not None else action_id

    @functools.cached_property
    def _titles(self) -> dict[str, str]:
        return dict(zip(self.actions_all["action_id"], self.actions_all["title"], strict=True))


def load(ctx: PageContext) -> PlanView:
    """Read the plan for this run (raises GpectError in French if the store cannot be opened or read)."""
    store = get_store(ctx.territory)
    actions_all = store.actions_frame(with_version=True)
    axes = store.axes_frame()
    partners = store.partners_frame()
    indicators = store.indicators_frame()
    values = store.indicator_values_frame()
    milestones = store.milestones_frame()
    actions = actions_of_selection(ctx.territory, ctx.selection, actions_all)
    today = date.today()
    return PlanView(ctx=ctx, store=store, actions_all=actions_all, actions=actions, axes=axes, partners=partners,
                    indicators=indicators, values=values, milestones=milestones, today=today,
                    late=progress.late_actions(actions, today),
                    plan_zoning=ctx.territory.default_zoning or ctx.zoning)
