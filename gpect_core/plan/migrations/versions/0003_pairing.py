"""Firm-to-firm pairing: the two lists (fragile jobs, hiring), the pairs and their append-only history.

Revision ID: 0003_pairing
Revises: 0002_survey
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_pairing"
down_revision = "0002_survey"
branch_labels = None
depends_on = None


def _list(name: str, extra: str) -> None:
    op.create_table(
        name,
        sa.Column("entry_id", sa.String(32), primary_key=True),
        sa.Column("firm", sa.Text, nullable=False),
        sa.Column("commune_id", sa.String(16), nullable=False),
        sa.Column("occupation_code", sa.String(16), nullable=False),
        sa.Column("headcount", sa.Integer, nullable=False),
        sa.Column(extra, sa.Text),
    )


def upgrade() -> None:
    _list("pairing_fragile", "time_frame")
    _list("pairing_hiring", "horizon")
    op.create_table(
        "pairing_pairs",
        sa.Column("pair_id", sa.String(80), primary_key=True),
        sa.Column("fragile_id", sa.String(32), nullable=False),
        sa.Column("hiring_id", sa.String(32), nullable=False),
        sa.Column("from_code", sa.String(16), nullable=False),
        sa.Column("to_code", sa.String(16), nullable=False),
        sa.Column("headcount", sa.Integer, nullable=False),
        sa.Column("distance_km", sa.Float),
        sa.Column("cost", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_table(
        "pairing_history",
        sa.Column("history_id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
        sa.Column("comment", sa.Text),
    )


def downgrade() -> None:
    for table in ("pairing_history", "pairing_pairs", "pairing_hiring", "pairing_fragile"):
        op.drop_table(table)
