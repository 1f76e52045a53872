"""Workshops: a proposal merged into another (`merged_into`, history of merges); logins revoked for every server
(per-account login generation, logged-out session ids).

Revision ID: 0005_workshop_merge
Revises: 0004_workshop
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_workshop_merge"
down_revision = "0004_workshop"
branch_labels = None
depends_on = None


def upgrade() -> None:
    stamp = sa.DateTime(timezone=True)
    with op.batch_alter_table("workshop_vote_items") as batch:
        batch.add_column(sa.Column("merged_into", sa.String(64)))
    op.create_table(
        "workshop_item_merges",
        sa.Column("merge_id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("vote_id", sa.String(16), sa.ForeignKey("workshop_votes.vote_id"), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("into_id", sa.String(64), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("into_label", sa.Text, nullable=False),
        sa.Column("voters", sa.Integer, nullable=False),
        sa.Column("dots_moved", sa.Integer, nullable=False),
        sa.Column("dots_returned", sa.Integer, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("merged_at", stamp, nullable=False),
    )
    op.create_index("ix_workshop_item_merges_vote_id", "workshop_item_merges", ["vote_id"])
    op.create_table(
        "plan_login_generations",
        sa.Column("username", sa.String(200), primary_key=True),
        sa.Column("generation", sa.Integer, nullable=False),
        sa.Column("updated_at", stamp, nullable=False),
    )
    op.create_table(
        "plan_login_revocations",
        sa.Column("sid", sa.String(64), primary_key=True),
        sa.Column("expires_at", stamp, nullable=False),
    )
    op.create_index("ix_plan_login_revocations_expires_at", "plan_login_revocations", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_plan_login_revocations_expires_at", "plan_login_revocations")
    op.drop_table("plan_login_revocations")
    op.drop_table("plan_login_generations")
    op.drop_index("ix_workshop_item_merges_vote_id", "workshop_item_merges")
    op.drop_table("workshop_item_merges")
    with op.batch_alter_table("workshop_vote_items") as batch:
        batch.drop_column("merged_into")
