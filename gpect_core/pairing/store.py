"""The pairing lists and pairs in the shared store (SQLite or PostgreSQL), with an append-only history.

`PairingStore.open(url)` opens the action plan's database (`plan.store.PlanStore.open`: same URL setting, same
Alembic migrations, of which 0003_pairing creates these tables). Every write is one transaction: the rows and
their history rows are written together or not at all. History rows: at (UTC), user_name, kind (« import »,
« propose », « withdraw », « status », « update » — a proposed pair's figures), entity (« fragile », « hiring »,
« pair »), entity_id, field, before, after (JSON text), comment.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.exc import OperationalError

from ..errors import GpectError
from ..plan.engine import WRITE_OPTION
from ..plan.store import PlanStore
from . import model as m

STATUS_LABELS = {"fr": {"propose": "proposé", "accepte": "accepté", "refuse": "refusé"},
                 "en": {"propose": "proposed", "accepte": "accepted", "refuse": "refused"}}


class PairingError(GpectError):
    """A pairing write refused or a store that does not answer (French message)."""


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _same(a, b) -> bool:
    """Two stored figures equal (floats to 1e-6, None with None or NaN)."""
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None or pd.isna(a) or pd.isna(b):
            return (a is None or pd.isna(a)) and (b is None or pd.isna(b))
        return abs(float(a) - float(b)) < 1e-6
    return a == b


def _plain(value):
    if hasattr(value, "item"):
        return value.item()
    return None if value is pd.NA else value


class PairingStore:
    """The platform's two lists and its pairs. Build it with `PairingStore.open(url)`."""

    def __init__(self, plan: PlanStore):
        self.plan = plan
        self.engine = plan.engine

    @classmethod
    def open(cls, url: str | None = None) -> PairingStore:
        """Open (and migrate) the store at `url` (default: the plan database, $GPECT_DB_URL). PlanError (French)
        when the database cannot be opened."""
        return cls(PlanStore.open(url))

    def close(self) -> None:
        """Close the engine's connections."""
        self.plan.close()

    @contextmanager
    def _transaction(self):
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    if self.engine.dialect.name == "postgresql":
                        conn.execute(text("SET LOCAL lock_timeout = '60s'"))
                    yield conn
        except OperationalError as exc:
            raise PairingError("La base est occupée ou injoignable ; rien n'a été enregistré. Réessayez. "
                               f"({str(exc.orig or exc).splitlines()[0]})") from None

    def _history(self, conn, rows: list[dict]) -> None:
        if rows:
            at = datetime.now(UTC)
            conn.execute(insert(m.history), [{"at": at, "comment": None, **r} for r in rows])

    def _frame(self, table, columns, order_by) -> pd.DataFrame:
        with self.plan._connect() as conn:
            rows = conn.execute(select(*[table.c[c] for c in columns]).order_by(*order_by)).all()
        return pd.DataFrame([tuple(r) for r in rows], columns=list(columns))

    # ----------------------------------------------------------------- lists
    def list_frame(self, kind: str) -> pd.DataFrame:
        """The list `kind` (« fragile » or « hiring ») with the columns of `reader.read_list` (headcount int64)."""
        table = m.LISTS[kind]
        frame = self._frame(table, m.LIST_COLUMNS[kind], [table.c.commune_id, table.c.firm])
        frame["headcount"] = frame["headcount"].astype("int64")
        return frame.fillna({m.LIST_COLUMNS[kind][-1]: ""})

    def import_list(self, kind: str, frame: pd.DataFrame, user: str, comment: str = "") -> dict[str, int]:
        """Replace the list `kind` by `frame` (as `reader.read_list` returns it), in one transaction. Rows are
        matched on entry_id: new ones added, changed ones updated, absent ones removed, each change a history row;
        the pairs still « proposé » of a removed row are withdrawn. Returns {"added", "changed", "removed"}."""
        if not user:
            raise PairingError("Un import doit nommer son auteur.")
        table, columns = m.LISTS[kind], m.LIST_COLUMNS[kind]
        new = {r["entry_id"]: {c: _plain(r[c]) for c in columns} for r in frame.to_dict("records")}
        counts = {"added": 0, "changed": 0, "removed": 0}
        with self._transaction() as conn:
            old = {r.entry_id: dict(r._mapping) for r in conn.execute(select(table))}
            history = []
            for key, row in new.items():
                if key not in old:
                    conn.execute(insert(table).values(**row))
                    counts["added"] += 1
                    history.append(self._row("import", kind, key, None, row, comment, user))
                elif any(old[key][c] != row[c] for c in columns):
                    conn.execute(update(table).where(table.c.entry_id == key).values(**row))
                    counts["changed"] += 1
                    history.append(self._row("import", kind, key, old[key], row, comment, user))
            gone = [k for k in old if k not in new]
            for key in gone:
                history.append(self._row("import", kind, key, old[key], None, comment, user))
            if gone:
                conn.execute(delete(table).where(table.c.entry_id.in_(gone)))
                side = m.pairs.c.fragile_id if kind == "fragile" else m.pairs.c.hiring_id
                withdrawn = [r.pair_id for r in conn.execute(select(m.pairs.c.pair_id).where(
                    side.in_(gone), m.pairs.c.status == "propose"))]
                if withdrawn:
                    conn.execute(delete(m.pairs).where(m.pairs.c.pair_id.in_(withdrawn)))
                    history.extend(self._row("withdraw", "pair", p, "propose", None, comment, user, "status")
                                   for p in withdrawn)
            counts["removed"] = len(gone)
            self._history(conn, history)
        return counts

    def removals(self, kind: str, frame: pd.DataFrame) -> pd.DataFrame:
        """The stored rows of the list `kind` that importing `frame` would remove (absent from it), with `decided`
        (int64), the number of their pairs already « accepté » or « refusé » (those pairs are kept but lose a firm).
        Columns of `list_frame` + decided; empty when nothing would be removed."""
        stored = self.list_frame(kind)
        gone = stored[~stored["entry_id"].isin(set(frame["entry_id"]))].copy()
        pairs = self.pairs_frame()
        decided = pairs[pairs["status"].isin(["accepte", "refuse"])]
        side = decided["fragile_id"] if kind == "fragile" else decided["hiring_id"]
        counts = side.value_counts()
        gone["decided"] = gone["entry_id"].map(counts).fillna(0).astype("int64")
        return gone.reset_index(drop=True)

    def orphan_pairs(self) -> pd.DataFrame:
        """The pairs « accepté » or « refusé » of which a firm is no longer in its list (removed by a later import):
        columns of `pairs_frame` + fragile_firm, hiring_firm, fragile_commune, hiring_commune (str, taken from the
        list or, for a removed firm, from its last removal in the history; « » when unknown), removed (« fragile »,
        « hiring » or « both ») and removed_at (UTC timestamp of the last removal of the missing firm — the later of
        the two for « both »; NaT when the history does not say)."""
        pairs = self.pairs_frame()
        pairs = pairs[pairs["status"].isin(["accepte", "refuse"])].copy()
        lists = {k: self.list_frame(k).set_index("entry_id") for k in ("fragile", "hiring")}
        missing = {k: ~pairs[f"{k}_id"].isin(lists[k].index) for k in lists}
        pairs = pairs[missing["fragile"] | missing["hiring"]]
        if pairs.empty:
            return pairs.assign(fragile_firm=[], hiring_firm=[], fragile_commune=[], hiring_commune=[], removed=[],
                                removed_at=pd.Series(dtype="datetime64[ns, UTC]"))
        history = self.history_frame()
        removed = history[(history["kind"] == "import") & history["after"].isna() & history["before"].notna()]
        former, when = {}, {}
        for row in removed[::-1].itertuples(index=False):  # oldest first: the last removal wins
            former[(row.entity, row.entity_id)] = json.loads(row.before)
            when[(row.entity, row.entity_id)] = row.at
        for kind, frame in lists.items():
            ids = pairs[f"{kind}_id"]
            pairs[f"{kind}_firm"] = [frame.at[i, "firm"] if i in frame.index else
                                     former.get((kind, i), {}).get("firm", "") for i in ids]
            pairs[f"{kind}_commune"] = [frame.at[i, "commune_id"] if i in frame.index else
                                        former.get((kind, i), {}).get("commune_id", "") for i in ids]
        both = missing["fragile"] & missing["hiring"]
        pairs["removed"] = ["both" if b else ("fragile" if f else "hiring")
                            for b, f in zip(both[pairs.index], missing["fragile"][pairs.index], strict=True)]
        sides = {"fragile": ("fragile",), "hiring": ("hiring",), "both": ("fragile", "hiring")}
        pairs["removed_at"] = pd.to_datetime([
            max((when[(k, ids[k])] for k in sides[r] if (k, ids[k]) in when), default=pd.NaT)
            for r, ids in zip(pairs["removed"], pairs[["fragile_id", "hiring_id"]].rename(
                columns=lambda c: c.removesuffix("_id")).to_dict("records"), strict=True)], utc=True)
        return pairs.reset_index(drop=True)

    @staticmethod
    def _row(kind, entity, entity_id, before, after, comment, user, field="*") -> dict:
        return {"user_name": user, "kind": kind, "entity": entity, "entity_id": entity_id, "field": field,
                "before": _json(before), "after": _json(after), "comment": comment or None}

    # ----------------------------------------------------------------- pairs
    def pairs_frame(self) -> pd.DataFrame:
        """The stored pairs: columns of `model.PAIR_COLUMNS` (status a code of model.STATUSES, version int64)."""
        frame = self._frame(m.pairs, m.PAIR_COLUMNS, [m.pairs.c.pair_id])
        return frame.astype({"headcount": "int64", "version": "int64"})

    def save_proposals(self, pairs: pd.DataFrame, user: str, comment: str = "") -> dict[str, int]:
        """Store a pairing (`solver.Pairing.pairs`): new pairs as « proposé »; a pair already stored keeps its
        status; a decided pair (« accepté » or « refusé ») keeps its figures too; a pair still « proposé » whose
        figures (headcount, distance, cost, codes) changed is updated with its version + 1 and a history row (kind
        « update », field « figures », before / after the changed figures); stored pairs still « proposé » that
        the new pairing drops are withdrawn. One transaction; returns {"proposed", "kept", "withdrawn"}."""
        if not user:
            raise PairingError("Un enregistrement doit nommer son auteur.")
        fields = ("fragile_id", "hiring_id", "from_code", "to_code", "headcount", "distance_km", "cost")
        new = {r["pair_id"]: {f: _plain(r[f]) for f in fields} for r in pairs.to_dict("records")}
        counts = {"proposed": 0, "kept": 0, "withdrawn": 0}
        with self._transaction() as conn:
            stored = {r.pair_id: dict(r._mapping) for r in conn.execute(select(m.pairs))}
            old = {k: r["status"] for k, r in stored.items()}
            history = []
            for key, row in new.items():
                if key in old:
                    counts["kept"] += 1
                    before = stored[key]
                    changed = [f for f in fields if not _same(before[f], row[f])]
                    if old[key] != "propose" or not changed:
                        continue
                    conn.execute(update(m.pairs).where(m.pairs.c.pair_id == key, m.pairs.c.version == before["version"])
                                 .values(version=before["version"] + 1, **{f: row[f] for f in changed}))
                    history.append(self._row("update", "pair", key, {f: before[f] for f in changed},
                                             {f: row[f] for f in changed}, comment, user, "figures"))
                else:
                    conn.execute(insert(m.pairs).values(pair_id=key, status="propose", version=1, **row))
                    counts["proposed"] += 1
                    history.append(self._row("propose", "pair", key, None, "propose", comment, user, "status"))
            dropped = [k for k, status in old.items() if k not in new and status == "propose"]
            if dropped:
                conn.execute(delete(m.pairs).where(m.pairs.c.pair_id.in_(dropped)))
                history.extend(self._row("withdraw", "pair", k, "propose", None, comment, user, "status")
                               for k in dropped)
            counts["withdrawn"] = len(dropped)
            self._history(conn, history)
        return counts

    def set_status(self, pair_id: str, status: str, user: str, version: int | None = None,
                   comment: str = "") -> int:
        """Mark a pair « propose », « accepte » or « refuse » (model.STATUSES); returns its new version. Raises
        PairingError (French) for an unknown pair or status, or when `version` (the version read) is stale."""
        if status not in m.STATUSES:
            raise PairingError(f"Statut « {status} » inconnu : proposé, accepté ou refusé.")
        if not user:
            raise PairingError("Un changement de statut doit nommer son auteur.")
        with self._transaction() as conn:
            row = conn.execute(select(m.pairs).where(m.pairs.c.pair_id == pair_id)).first()
            if row is None:
                raise PairingError(f"Le rapprochement « {pair_id} » n'existe pas (ou plus).")
            if version is not None and int(version) != row.version:
                raise PairingError(f"Le rapprochement « {pair_id} » a été modifié entre-temps (version "
                                   f"{row.version}, lue {version}) ; rechargez la page. Rien n'a été enregistré.")
            if row.status == status:
                return row.version
            conn.execute(update(m.pairs).where(m.pairs.c.pair_id == pair_id)
                         .values(status=status, version=row.version + 1))
            self._history(conn, [self._row("status", "pair", pair_id, row.status, status, comment, user, "status")])
        return row.version + 1

    def history_frame(self, pair_id: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """History rows, newest first (of one pair, or of everything): columns of model.HISTORY_COLUMNS, `at`
        as UTC timestamps, before/after as the JSON text stored."""
        query = select(*[m.history.c[c] for c in m.HISTORY_COLUMNS])
        if pair_id is not None:
            query = query.where(m.history.c.entity == "pair", m.history.c.entity_id == pair_id)
        query = query.order_by(m.history.c.history_id.desc())
        if limit:
            query = query.limit(limit)
        with self.plan._connect() as conn:
            rows = conn.execute(query).all()
        frame = pd.DataFrame([tuple(r) for r in rows], columns=list(m.HISTORY_COLUMNS))
        frame["at"] = pd.to_datetime(frame["at"], utc=True)
        return frame
