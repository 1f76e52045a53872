"""Logins ended for every app server: the shared store (the plan's database) keeps what a logout, a password change
or an account removal revoked, so that a deployment of several app servers on one PostgreSQL honours it everywhere.

Two tables (migration 0005_workshop_merge): `plan_login_generations` holds a counter per account, written into each
login token; a password change or an account removal increments it, and every token carrying an older value is
refused. `plan_login_revocations` holds the session ids of the logins that were logged out, until the time their
token would have expired anyway (then they are purged).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Column, DateTime, Integer, String, Table, delete, insert, select, update

from .model import metadata
from .store import PlanStore

generations = Table(
    "plan_login_generations", metadata,
    Column("username", String(200), primary_key=True),
    Column("generation", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

revocations = Table(
    "plan_login_revocations", metadata,
    Column("sid", String(64), primary_key=True),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)


class LoginRevocations:
    """Revoked logins in the plan's database. Build it on an opened PlanStore; its methods raise PlanError (French)
    when the database does not answer."""

    def __init__(self, plan: PlanStore):
        self.plan = plan

    def generation(self, username: str) -> int:
        """The account's current login generation (int, 0 when it was never revoked)."""
        with self.plan._connect() as conn:
            value = conn.execute(select(generations.c.generation)
                                 .where(generations.c.username == str(username))).scalar()
        return int(value or 0)

    def revoke_account(self, username: str) -> int:
        """End every login of `username` on every server (after a password change or the account's removal);
        return the new generation (int)."""
        now = datetime.now(UTC)
        with self.plan._transaction() as conn:
            current = conn.execute(select(generations.c.generation).where(generations.c.username == str(username))
                                   .with_for_update()).scalar()
            if current is None:
                conn.execute(insert(generations).values(username=str(username), generation=1, updated_at=now))
                return 1
            conn.execute(update(generations).where(generations.c.username == str(username))
                         .values(generation=current + 1, updated_at=now))
            return current + 1

    def revoke_session(self, sid: str, hours: float) -> None:
        """Refuse the login `sid` from now on, on every server, for `hours` (its token's remaining validity at
        most); expired revocations are purged."""
        now = datetime.now(UTC)
        with self.plan._transaction() as conn:
            conn.execute(delete(revocations).where(revocations.c.expires_at < now))
            if conn.execute(select(revocations.c.sid).where(revocations.c.sid == str(sid))).first() is None:
                conn.execute(insert(revocations).values(sid=str(sid), expires_at=now + timedelta(hours=hours)))

    def is_valid(self, username: str, sid: str, generation: int) -> bool:
        """True when the login `sid` of `username`, made at login generation `generation`, was neither logged out
        nor revoked since, in one read."""
        with self.plan._connect() as conn:
            current = conn.execute(select(generations.c.generation)
                                   .where(generations.c.username == str(username))).scalar()
            if int(current or 0) != int(generation):
                return False
            return conn.execute(select(revocations.c.sid).where(revocations.c.sid == str(sid))).first() is None
