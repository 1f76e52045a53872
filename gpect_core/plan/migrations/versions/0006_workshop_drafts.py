"""Workshops: a vote remembers that its top items became draft actions (when, by whom, which actions), so that a
second click does not create them again.

Revision ID: 0006_workshop_drafts
Revises: 0005_workshop_merge
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_workshop_drafts"
down_revision = "0005_workshop_merge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workshop_votes") as batch:
        batch.add_column(sa.Column("drafted_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("drafted_by", sa.Text))
        batch.add_column(sa.Column("drafted_actions", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("workshop_votes") as batch:
        batch.drop_column("drafted_actions")
        batch.drop_column("drafted_by")
        batch.drop_column("drafted_at")
