"""The action plan's tables in the database (SQLAlchemy Core), and the fields a user may edit.

The columns of `actions` are those of the pack table `plan_actions` plus `version`, the optimistic-lock counter
that every save checks and increments. `history` is append-only: the store inserts rows and never updates or
deletes them.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from ..schema import ACTION_STATUSES, PARTNER_TYPES

metadata = MetaData()

partners = Table(
    "plan_partners", metadata,
    Column("partner_id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
)

axes = Table(
    "plan_axes", metadata,
    Column("axis_id", String(64), primary_key=True),
    Column("label", Text, nullable=False),
)

actions = Table(
    "plan_actions", metadata,
    Column("action_id", String(64), primary_key=True),
    Column("axis_id", String(64), ForeignKey("plan_axes.axis_id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text),
    Column("zone_ids", Text),
    Column("occupation_codes", Text),
    Column("lead_partner_id", String(64), ForeignKey("plan_partners.partner_id")),
    Column("partner_ids", Text),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("status", String(16), nullable=False),
    Column("budget", Float),
    Column("funders", Text),
    Column("progress", Integer),
    Column("version", Integer, nullable=False, server_default="1"),
)

indicators = Table(
    "plan_indicators", metadata,
    Column("indicator_id", String(64), primary_key=True),
    Column("action_id", String(64), ForeignKey("plan_actions.action_id"), nullable=False, index=True),
    Column("label", Text, nullable=False),
    Column("unit", Text),
    Column("baseline", Float),
    Column("target", Float),
)

indicator_values = Table(
    "plan_indicator_values", metadata,
    Column("indicator_id", String(64), ForeignKey("plan_indicators.indicator_id"), primary_key=True),
    Column("date", Date, primary_key=True),
    Column("value", Float, nullable=False),
    Column("source", Text),
)

milestones = Table(
    "plan_milestones", metadata,
    Column("milestone_id", String(64), primary_key=True),
    Column("action_id", String(64), ForeignKey("plan_actions.action_id"), nullable=False, index=True),
    Column("label", Text, nullable=False),
    Column("due_date", Date),
    Column("done", Boolean, nullable=False, server_default="0"),
)

history = Table(
    "plan_history", metadata,
    Column("history_id", Integer, Identity(), primary_key=True),
    Column("change_id", String(32), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("entity", String(24), nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("action_id", String(64)),
    Column("field", String(64), nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("comment", Text),
    Column("version", Integer),
    Index("ix_plan_history_action", "action_id", "history_id"),
)

# Columns of the pack table `plan_actions`, in its order (PlanStore.actions_frame returns exactly these).
ACTION_COLUMNS = (
    "action_id", "axis_id", "title", "description", "zone_ids", "occupation_codes", "lead_partner_id",
    "partner_ids", "start_date", "end_date", "status", "budget", "funders", "progress",
)
ACTION_EDITABLE = tuple(c for c in ACTION_COLUMNS if c != "action_id")
INDICATOR_COLUMNS = ("indicator_id", "action_id", "label", "unit", "baseline", "target")
INDICATOR_EDITABLE = ("label", "unit", "baseline", "target")
VALUE_COLUMNS = ("indicator_id", "date", "value", "source")
MILESTONE_COLUMNS = ("milestone_id", "action_id", "label", "due_date", "done")
PARTNER_COLUMNS = ("partner_id", "name", "type")
AXIS_COLUMNS = ("axis_id", "label")
HISTORY_COLUMNS = ("history_id", "change_id", "at", "user_name", "kind", "entity", "entity_id", "action_id",
                   "field", "before", "after", "comment", "version")

DATE_FIELDS = frozenset({"start_date", "end_date", "date", "due_date"})
FLOAT_FIELDS = frozenset({"budget", "baseline", "target", "value"})
INT_FIELDS = frozenset({"progress"})
BOOL_FIELDS = frozenset({"done"})
# Lists kept as space-separated codes in one text column, as in the pack (« 9905 9908 »).
LIST_FIELDS = frozenset({"zone_ids", "occupation_codes", "partner_ids"})

STATUSES = ACTION_STATUSES
PARTNER_KINDS = PARTNER_TYPES
LIST_SEPARATOR = " "
