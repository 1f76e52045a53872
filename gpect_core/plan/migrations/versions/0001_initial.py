"""The action plan: partners, axes, actions (versioned), indicators and their values, milestones, history.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_partners",
        sa.Column("partner_id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
    )
    op.create_table(
        "plan_axes",
        sa.Column("axis_id", sa.String(64), primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
    )
    op.create_table(
        "plan_actions",
        sa.Column("action_id", sa.String(64), primary_key=True),
        sa.Column("axis_id", sa.String(64), sa.ForeignKey("plan_axes.axis_id"), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("zone_ids", sa.Text),
        sa.Column("occupation_codes", sa.Text),
        sa.Column("lead_partner_id", sa.String(64), sa.ForeignKey("plan_partners.partner_id")),
        sa.Column("partner_ids", sa.Text),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("budget", sa.Float),
        sa.Column("funders", sa.Text),
        sa.Column("progress", sa.Integer),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_table(
        "plan_indicators",
        sa.Column("indicator_id", sa.String(64), primary_key=True),
        sa.Column("action_id", sa.String(64), sa.ForeignKey("plan_actions.action_id"), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("unit", sa.Text),
        sa.Column("baseline", sa.Float),
        sa.Column("target", sa.Float),
    )
    op.create_index("ix_plan_indicators_action_id", "plan_indicators", ["action_id"])
    op.create_table(
        "plan_indicator_values",
        sa.Column("indicator_id", sa.String(64), sa.ForeignKey("plan_indicators.indicator_id"), primary_key=True),
        sa.Column("date", sa.Date, primary_key=True),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("source", sa.Text),
    )
    op.create_table(
        "plan_milestones",
        sa.Column("milestone_id", sa.String(64), primary_key=True),
        sa.Column("action_id", sa.String(64), sa.ForeignKey("plan_actions.action_id"), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("due_date", sa.Date),
        sa.Column("done", sa.Boolean, nullable=False, server_default="0"),
    )
    op.create_index("ix_plan_milestones_action_id", "plan_milestones", ["action_id"])
    op.create_table(
        "plan_history",
        sa.Column("history_id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("change_id", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("entity", sa.String(24), nullable=False),
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.Column("action_id", sa.String(64)),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
        sa.Column("comment", sa.Text),
        sa.Column("version", sa.Integer),
    )
    op.create_index("ix_plan_history_change_id", "plan_history", ["change_id"])
    op.create_index("ix_plan_history_action", "plan_history", ["action_id", "history_id"])


def downgrade() -> None:
    for table in ("plan_history", "plan_milestones", "plan_indicator_values", "plan_indicators", "plan_actions",
                  "plan_axes", "plan_partners"):
        op.drop_table(table)
