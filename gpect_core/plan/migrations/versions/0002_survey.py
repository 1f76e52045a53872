"""The company survey: title confirmations (append-only, versioned), survey profiles, firm names.

Revision ID: 0002_survey
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_survey"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_title_confirmations",
        sa.Column("confirmation_id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("title_key", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("rome_code", sa.String(16), nullable=False),
        sa.Column("appellation", sa.Text, nullable=False),
        sa.Column("confirmed_by", sa.Text, nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_survey_confirmations_key", "survey_title_confirmations", ["title_key", "version"],
                    unique=True)
    op.create_table(
        "survey_profiles",
        sa.Column("header_key", sa.Text, primary_key=True),
        sa.Column("columns", sa.Text, nullable=False),
        sa.Column("saved_by", sa.Text, nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "survey_firms",
        sa.Column("response_id", sa.String(64), primary_key=True),
        sa.Column("firm", sa.Text, nullable=False),
        sa.Column("imported_by", sa.Text, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("survey_firms")
    op.drop_table("survey_profiles")
    op.drop_index("ix_survey_confirmations_key", "survey_title_confirmations")
    op.drop_table("survey_title_confirmations")
