"""Workshops: saved views, scripts of views, dot-votes (items, voters, ballots).

Revision ID: 0004_workshop
Revises: 0003_pairing
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_workshop"
down_revision = "0003_pairing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    stamp = sa.DateTime(timezone=True)
    op.create_table(
        "workshop_views",
        sa.Column("view_id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("page", sa.String(64), nullable=False),
        sa.Column("query", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", stamp, nullable=False),
        sa.Column("updated_at", stamp, nullable=False),
    )
    op.create_table(
        "workshop_scripts",
        sa.Column("script_id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", stamp, nullable=False),
        sa.Column("updated_at", stamp, nullable=False),
    )
    op.create_table(
        "workshop_script_steps",
        sa.Column("script_id", sa.Integer, sa.ForeignKey("workshop_scripts.script_id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("view_id", sa.Integer, sa.ForeignKey("workshop_views.view_id"), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_workshop_script_steps_view_id", "workshop_script_steps", ["view_id"])
    op.create_table(
        "workshop_votes",
        sa.Column("vote_id", sa.String(16), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("subject", sa.String(16), nullable=False),
        sa.Column("dots", sa.Integer, nullable=False),
        sa.Column("several", sa.Boolean, nullable=False),
        sa.Column("is_open", sa.Boolean, nullable=False),
        sa.Column("zoning", sa.String(64)),
        sa.Column("zone_ids", sa.Text),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", stamp, nullable=False),
        sa.Column("closed_at", stamp),
    )
    op.create_table(
        "workshop_vote_items",
        sa.Column("vote_id", sa.String(16), sa.ForeignKey("workshop_votes.vote_id"), primary_key=True),
        sa.Column("item_id", sa.String(64), primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("ref", sa.Text),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("proposed_by", sa.String(64)),
    )
    op.create_table(
        "workshop_voters",
        sa.Column("vote_id", sa.String(16), sa.ForeignKey("workshop_votes.vote_id"), primary_key=True),
        sa.Column("voter", sa.String(64), primary_key=True),
        sa.Column("cast_at", stamp, nullable=False),
        sa.Column("updated_at", stamp, nullable=False),
        sa.Column("changes", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "workshop_ballots",
        sa.Column("vote_id", sa.String(16), primary_key=True),
        sa.Column("voter", sa.String(64), primary_key=True),
        sa.Column("item_id", sa.String(64), primary_key=True),
        sa.Column("dots", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("workshop_ballots", "workshop_voters", "workshop_vote_items", "workshop_votes",
                  "workshop_script_steps", "workshop_scripts", "workshop_views"):
        op.drop_table(table)
