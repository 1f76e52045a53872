"""The survey's memory in the shared store (the plan's database, SQLite or PostgreSQL): title confirmations,
survey profiles and firm names. Open it with `SurveyStore.open(url)` (the schema is migrated by Alembic, as the
plan's); every write is one transaction.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import delete, func, insert, select

from ..plan.store import PlanStore
from . import model as m
from .matching import normalise


class SurveyStore(PlanStore):
    """Title confirmations (versioned), survey profiles and firm names. `SurveyStore.open(url)`."""

    # ----------------------------------------------------------------- confirmations
    def memory(self) -> dict[str, tuple[str, str]]:
        """The current confirmation of every confirmed title: normalised title → (rome_code, appellation)."""
        latest = select(m.confirmations.c.title_key, func.max(m.confirmations.c.version).label("v")) \
            .group_by(m.confirmations.c.title_key).subquery()
        query = select(m.confirmations.c.title_key, m.confirmations.c.rome_code, m.confirmations.c.appellation) \
            .join(latest, (latest.c.title_key == m.confirmations.c.title_key)
                  & (latest.c.v == m.confirmations.c.version))
        with self._connect() as conn:
            return {key: (code, appellation) for key, code, appellation in conn.execute(query)}

    def confirm(self, title: str, rome_code: str, appellation: str, user: str) -> int:
        """Remember that `title` (as written; stored normalised) means `rome_code` / `appellation`; returns the
        new version of that title's confirmation (1 the first time). Raises ValueError for an empty title."""
        key = normalise(title)
        if not key:
            raise ValueError("intitulé vide : rien à confirmer")
        with self._transaction() as conn:
            current = conn.execute(select(func.max(m.confirmations.c.version))
                                   .where(m.confirmations.c.title_key == key)).scalar() or 0
            conn.execute(insert(m.confirmations).values(
                title_key=key, title=str(title), rome_code=str(rome_code), appellation=str(appellation),
                confirmed_by=user or "inconnu", confirmed_at=datetime.now(UTC), version=current + 1))
        return current + 1

    def confirmation_history(self, title: str | None = None) -> pd.DataFrame:
        """Every confirmation (columns title_key, title, rome_code, appellation, confirmed_by, confirmed_at,
        version), newest first; only those of `title` when given."""
        query = select(m.confirmations).order_by(m.confirmations.c.confirmation_id.desc())
        if title is not None:
            query = query.where(m.confirmations.c.title_key == normalise(title))
        with self._connect() as conn:
            rows = conn.execute(query).mappings().all()
        columns = ["title_key", "title", "rome_code", "appellation", "confirmed_by", "confirmed_at", "version"]
        return pd.DataFrame([{c: r[c] for c in columns} for r in rows], columns=columns)

    # ----------------------------------------------------------------- profiles
    def profile(self, header_key: str) -> dict[str, str] | None:
        """The mapping (field → column header) saved for tables whose folded headers give `header_key`."""
        with self._connect() as conn:
            found = conn.execute(select(m.profiles.c.columns).where(m.profiles.c.header_key == header_key)).scalar()
        return json.loads(found) if found else None

    def save_profile(self, header_key: str, columns: dict[str, str], user: str) -> None:
        """Save (or replace) the survey profile of `header_key`."""
        with self._transaction() as conn:
            conn.execute(delete(m.profiles).where(m.profiles.c.header_key == header_key))
            conn.execute(insert(m.profiles).values(header_key=header_key, columns=json.dumps(columns,
                                                   ensure_ascii=False), saved_by=user or "inconnu",
                                                   saved_at=datetime.now(UTC)))

    # ----------------------------------------------------------------- firms
    def save_firms(self, firms: dict[str, str], user: str) -> None:
        """Remember the firm name of each survey answer (response_id → firm), replacing earlier ones."""
        if not firms:
            return
        now = datetime.now(UTC)
        with self._transaction() as conn:
            conn.execute(delete(m.firms).where(m.firms.c.response_id.in_(list(firms))))
            conn.execute(insert(m.firms), [{"response_id": r, "firm": f, "imported_by": user or "inconnu",
                                            "imported_at": now} for r, f in firms.items()])

    def firms(self) -> dict[str, str]:
        """response_id → firm name (for editors only: the page never shows it to a viewer)."""
        with self._connect() as conn:
            return dict(conn.execute(select(m.firms.c.response_id, m.firms.c.firm)).all())
