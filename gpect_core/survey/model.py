"""The survey's tables in the shared store (SQLAlchemy Core, the plan's `metadata`; migration 0002_survey).

`survey_title_confirmations` is append-only: each confirmation of a title is a new row whose `version` is one
more than the title's previous one; the current code of a title is its highest version. `survey_profiles`
holds one column mapping per set of folded headers. `survey_firms` holds the firm name of each survey answer
(kept out of the pack, which viewers read: only editors see it).
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Identity, Index, Integer, String, Table, Text

from ..plan.model import metadata

confirmations = Table(
    "survey_title_confirmations", metadata,
    Column("confirmation_id", Integer, Identity(), primary_key=True),
    Column("title_key", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("rome_code", String(16), nullable=False),
    Column("appellation", Text, nullable=False),
    Column("confirmed_by", Text, nullable=False),
    Column("confirmed_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),
    Index("ix_survey_confirmations_key", "title_key", "version", unique=True),
)

profiles = Table(
    "survey_profiles", metadata,
    Column("header_key", Text, primary_key=True),
    Column("columns", Text, nullable=False),
    Column("saved_by", Text, nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
)

firms = Table(
    "survey_firms", metadata,
    Column("response_id", String(64), primary_key=True),
    Column("firm", Text, nullable=False),
    Column("imported_by", Text, nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)
