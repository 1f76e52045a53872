"""The workshop's tables, on the plan store's `metadata` (same database, same Alembic history: 0004_workshop).

A view is a page of the app and the query string that reproduces it. A script is an ordered list of steps, each a
saved view with a note. A vote lists its items (occupations, plan actions or participants' proposals); a ballot is
one voter's dots, `workshop_voters` holding one row per voter and vote (the ballot counted once), `workshop_ballots`
its dots per item.

A proposal merged into another by the facilitator (0005_workshop_merge) keeps its row, with `merged_into` naming the
item that now holds its dots; `workshop_item_merges` records each merge (who, when, how many dots moved or were
given back to their participant).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Identity,
    Integer,
    String,
    Table,
    Text,
)

from ..plan.model import metadata

views = Table(
    "workshop_views", metadata,
    Column("view_id", Integer, Identity(), primary_key=True),
    Column("name", Text, nullable=False),
    Column("page", String(64), nullable=False),
    Column("query", Text, nullable=False, server_default=""),
    Column("note", Text, nullable=False, server_default=""),
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

scripts = Table(
    "workshop_scripts", metadata,
    Column("script_id", Integer, Identity(), primary_key=True),
    Column("name", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

steps = Table(
    "workshop_script_steps", metadata,
    Column("script_id", Integer, ForeignKey("workshop_scripts.script_id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("view_id", Integer, ForeignKey("workshop_views.view_id"), nullable=False, index=True),
    Column("note", Text, nullable=False, server_default=""),
)

votes = Table(
    "workshop_votes", metadata,
    Column("vote_id", String(16), primary_key=True),
    Column("title", Text, nullable=False),
    Column("subject", String(16), nullable=False),
    Column("dots", Integer, nullable=False),
    Column("several", Boolean, nullable=False),
    Column("is_open", Boolean, nullable=False),
    Column("zoning", String(64)),
    Column("zone_ids", Text),
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True)),
    # 0006_workshop_drafts: set once the top items became draft actions of the plan (ids space-separated).
    Column("drafted_at", DateTime(timezone=True)),
    Column("drafted_by", Text),
    Column("drafted_actions", Text),
)

items = Table(
    "workshop_vote_items", metadata,
    Column("vote_id", String(16), ForeignKey("workshop_votes.vote_id"), primary_key=True),
    Column("item_id", String(64), primary_key=True),
    Column("label", Text, nullable=False),
    Column("ref", Text),
    Column("position", Integer, nullable=False),
    Column("proposed_by", String(64)),
    Column("merged_into", String(64)),
)

voters = Table(
    "workshop_voters", metadata,
    Column("vote_id", String(16), ForeignKey("workshop_votes.vote_id"), primary_key=True),
    Column("voter", String(64), primary_key=True),
    Column("cast_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("changes", Integer, nullable=False, server_default="0"),
)

ballots = Table(
    "workshop_ballots", metadata,
    Column("vote_id", String(16), primary_key=True),
    Column("voter", String(64), primary_key=True),
    Column("item_id", String(64), primary_key=True),
    Column("dots", Integer, nullable=False),
)

merges = Table(
    "workshop_item_merges", metadata,
    Column("merge_id", Integer, Identity(), primary_key=True),
    Column("vote_id", String(16), ForeignKey("workshop_votes.vote_id"), nullable=False, index=True),
    Column("item_id", String(64), nullable=False),
    Column("into_id", String(64), nullable=False),
    Column("label", Text, nullable=False),
    Column("into_label", Text, nullable=False),
    Column("voters", Integer, nullable=False),
    Column("dots_moved", Integer, nullable=False),
    Column("dots_returned", Integer, nullable=False),
    Column("author", Text, nullable=False),
    Column("merged_at", DateTime(timezone=True), nullable=False),
)

SUBJECTS = ("occupations", "actions", "proposals")
