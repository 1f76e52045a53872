"""The workshop's store: saved views, scripts and dot-votes, in the plan's database (SQLite or PostgreSQL).

`WorkshopStore(plan_store)` shares the engine, transactions and migrations of `gpect_core.plan.store.PlanStore`.
A ballot is written in ONE transaction that first locks the vote's row (SELECT … FOR UPDATE on PostgreSQL; BEGIN
IMMEDIATE already serialises writers on SQLite) and checks it is open: a vote closed before the ballot's
transaction accepts nothing, a voter's ballot replaces their previous one atomically and is counted once
(`workshop_voters` has one row per vote and voter).
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from ..plan.store import PlanStore
from . import model as m
from .errors import VoteClosedError, WorkshopError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud and typed on phones
CODE_LENGTH = 5
MAX_NAME = 200
MAX_PROPOSAL = 200
MAX_DOTS = 50
MAX_ITEMS = 60
VIEW_COLUMNS = ("view_id", "name", "page", "query", "note", "author", "created_at", "updated_at")
SCRIPT_COLUMNS = ("script_id", "name", "author", "created_at", "updated_at", "steps")
STEP_COLUMNS = ("position", "view_id", "note", "name", "page", "query", "view_note")
VOTE_COLUMNS = ("vote_id", "title", "subject", "dots", "several", "is_open", "zoning", "zone_ids", "author",
                "created_at", "closed_at")
RESULT_COLUMNS = ("item_id", "label", "ref", "dots", "voters")
MERGE_COLUMNS = ("item_id", "label", "into_id", "into_label", "voters", "dots_moved", "dots_returned", "author",
                 "merged_at")


@dataclass(frozen=True)
class Vote:
    """A dot-vote: `vote_id` (its short code), `title`, `subject` (m.SUBJECTS), `dots` per participant, `several`
    (several dots on one item allowed), `is_open`, the selection it was opened on (`zoning`, `zone_ids`)."""

    vote_id: str
    title: str
    subject: str
    dots: int
    several: bool
    is_open: bool
    zoning: str | None
    zone_ids: str | None
    author: str
    created_at: datetime
    closed_at: datetime | None

    @property
    def max_per_item(self) -> int:
        return self.dots if self.several else 1


@dataclass(frozen=True)
class BallotResult:
    """What a cast ballot did: `replaced` (the voter had a ballot before), `dots` (int) now on the ballot."""

    replaced: bool
    dots: int


@dataclass(frozen=True)
class Proposal:
    """A participant's proposal as the vote holds it: `item_id`, `label` (the text as first typed), `created`
    (False when the same idea was already proposed and this existing item is returned)."""

    item_id: str
    label: str
    created: bool


@dataclass(frozen=True)
class MergeResult:
    """What merging proposal `item_id` into `into_id` did: `voters` (int) whose dots on it moved, `dots_moved` (int)
    now on `into_id`, `dots_returned` (int) given back to their participants because the vote allows one dot per
    item and they already had one on `into_id`."""

    item_id: str
    into_id: str
    voters: int
    dots_moved: int
    dots_returned: int


def proposal_key(text: str) -> str:
    """What two proposals share when they are the same idea (str): lower case, accents removed, punctuation and
    runs of spaces made one space (« Forum des Métiers ! » and « forum des metiers » give « forum des metiers »)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", plain.casefold()).split())


_PARIS = ZoneInfo("Europe/Paris")


def _now() -> datetime:
    return datetime.now(UTC)


def _clean_name(value: object, what: str, limit: int = MAX_NAME) -> str:
    text = " ".join(str(value or "").split())
    if not text:
        raise WorkshopError(f"Le nom {what} est obligatoire.")
    if len(text) > limit:
        raise WorkshopError(f"Le nom {what} dépasse {limit} caractères ({len(text)}).")
    return text


class WorkshopStore:
    """Views, scripts and votes of the committee's workshops. Build it on an opened PlanStore."""

    def __init__(self, plan: PlanStore):
        self.plan = plan

    def _frame(self, query, columns: Iterable[str]) -> pd.DataFrame:
        columns = list(columns)
        with self.plan._connect() as conn:
            rows = conn.execute(query).all()
        return pd.DataFrame([tuple(r) for r in rows], columns=columns)

    # ----------------------------------------------------------------- views
    def save_view(self, name: str, page: str, query: str, note: str, author: str) -> int:
        """Save a view (page URL path, « » for the app's main page; query string without « ? »; note); return
        its id (int)."""
        name = _clean_name(name, "de la vue")
        page = str(page or "").strip("/")
        when = _now()
        with self.plan._transaction() as conn:
            return conn.execute(insert(m.views).values(
                name=name, page=page, query=query or "", note=str(note or "").strip(), author=author,
                created_at=when, updated_at=when).returning(m.views.c.view_id)).scalar_one()

    def views_frame(self) -> pd.DataFrame:
        """Every saved view, newest first: columns VIEW_COLUMNS."""
        return self._frame(select(*[m.views.c[c] for c in VIEW_COLUMNS]).order_by(m.views.c.view_id.desc()),
                           VIEW_COLUMNS)

    def get_view(self, view_id: int) -> dict:
        """One view as a dict (VIEW_COLUMNS); WorkshopError if it does not exist."""
        with self.plan._connect() as conn:
            row = conn.execute(select(m.views).where(m.views.c.view_id == int(view_id))).first()
        if row is None:
            raise WorkshopError(f"La vue n° {view_id} n'existe pas (ou plus).")
        return dict(row._mapping)

    def update_view(self, view_id: int, name: str, note: str) -> None:
        """Rename a view and change its note; WorkshopError if it does not exist or the name is empty."""
        name = _clean_name(name, "de la vue")
        with self.plan._transaction() as conn:
            done = conn.execute(update(m.views).where(m.views.c.view_id == int(view_id)).values(
                name=name, note=str(note or "").strip(), updated_at=_now())).rowcount
        if not done:
            raise WorkshopError(f"La vue n° {view_id} n'existe pas (ou plus).")

    def scripts_using_view(self, view_id: int) -> pd.DataFrame:
        """The scripts that show view `view_id`: columns script_id (int), name (str), steps (int, how many of
        their steps show it), by name."""
        query = (select(m.scripts.c.script_id, m.scripts.c.name, func.count().label("steps"))
                 .select_from(m.steps.join(m.scripts, m.scripts.c.script_id == m.steps.c.script_id))
                 .where(m.steps.c.view_id == int(view_id))
                 .group_by(m.scripts.c.script_id, m.scripts.c.name).order_by(m.scripts.c.name))
        return self._frame(query, ("script_id", "name", "steps"))

    def delete_view(self, view_id: int) -> int:
        """Delete a view and the script steps that show it; return the number of steps removed (int)."""
        with self.plan._transaction() as conn:
            used = conn.execute(select(m.steps.c.script_id).where(m.steps.c.view_id == int(view_id))).all()
            conn.execute(delete(m.steps).where(m.steps.c.view_id == int(view_id)))
            for script_id in {r[0] for r in used}:
                self._renumber(conn, script_id)
            if not conn.execute(delete(m.views).where(m.views.c.view_id == int(view_id))).rowcount:
                raise WorkshopError(f"La vue n° {view_id} n'existe pas (ou plus).")
        return len(used)

    # ----------------------------------------------------------------- scripts
    def create_script(self, name: str, author: str) -> int:
        """A new, empty script; return its id (int)."""
        name = _clean_name(name, "du déroulé")
        when = _now()
        with self.plan._transaction() as conn:
            return conn.execute(insert(m.scripts).values(name=name, author=author, created_at=when,
                                                         updated_at=when).returning(m.scripts.c.script_id)).scalar_one()

    def scripts_frame(self) -> pd.DataFrame:
        """Every script, newest first: columns SCRIPT_COLUMNS (`steps`: its number of steps)."""
        counts = select(m.steps.c.script_id, func.count().label("steps")).group_by(m.steps.c.script_id).subquery()
        query = (select(*[m.scripts.c[c] for c in SCRIPT_COLUMNS[:-1]], func.coalesce(counts.c.steps, 0))
                 .select_from(m.scripts.outerjoin(counts, counts.c.script_id == m.scripts.c.script_id))
                 .order_by(m.scripts.c.script_id.desc()))
        return self._frame(query, SCRIPT_COLUMNS)

    def script_name(self, script_id: int) -> str:
        """The script's name; WorkshopError if it does not exist."""
        with self.plan._connect() as conn:
            name = conn.execute(select(m.scripts.c.name).where(m.scripts.c.script_id == int(script_id))).scalar()
        if name is None:
            raise WorkshopError(f"Le déroulé n° {script_id} n'existe pas (ou plus).")
        return name

    def script_steps(self, script_id: int) -> pd.DataFrame:
        """The steps of a script in order: columns STEP_COLUMNS (position from 1; `note` the step's note,
        `view_note` the view's own)."""
        query = (select(m.steps.c.position, m.steps.c.view_id, m.steps.c.note, m.views.c.name, m.views.c.page,
                        m.views.c.query, m.views.c.note)
                 .select_from(m.steps.join(m.views, m.views.c.view_id == m.steps.c.view_id))
                 .where(m.steps.c.script_id == int(script_id)).order_by(m.steps.c.position))
        return self._frame(query, STEP_COLUMNS)

    def set_script(self, script_id: int, name: str, steps: Iterable[tuple[int, str]]) -> None:
        """Rename a script and replace its steps by `steps` ((view_id, note) in order), in one transaction."""
        name = _clean_name(name, "du déroulé")
        steps = [(int(view_id), str(note or "").strip()) for view_id, note in steps]
        with self.plan._transaction() as conn:
            if not conn.execute(update(m.scripts).where(m.scripts.c.script_id == int(script_id))
                                .values(name=name, updated_at=_now())).rowcount:
                raise WorkshopError(f"Le déroulé n° {script_id} n'existe pas (ou plus).")
            known = {r[0] for r in conn.execute(select(m.views.c.view_id).where(
                m.views.c.view_id.in_([v for v, _n in steps])))} if steps else set()
            missing = sorted({v for v, _n in steps} - known)
            if missing:
                raise WorkshopError(f"Le déroulé nomme des vues qui n'existent plus : {', '.join(map(str, missing))}.")
            conn.execute(delete(m.steps).where(m.steps.c.script_id == int(script_id)))
            if steps:
                conn.execute(insert(m.steps), [{"script_id": int(script_id), "position": i, "view_id": v, "note": n}
                                               for i, (v, n) in enumerate(steps, start=1)])

    def delete_script(self, script_id: int) -> None:
        """Delete a script and its steps (the views stay)."""
        with self.plan._transaction() as conn:
            conn.execute(delete(m.steps).where(m.steps.c.script_id == int(script_id)))
            if not conn.execute(delete(m.scripts).where(m.scripts.c.script_id == int(script_id))).rowcount:
                raise WorkshopError(f"Le déroulé n° {script_id} n'existe pas (ou plus).")

    @staticmethod
    def _renumber(conn: Connection, script_id: int) -> None:
        rows = conn.execute(select(m.steps.c.position, m.steps.c.view_id, m.steps.c.note)
                            .where(m.steps.c.script_id == script_id).order_by(m.steps.c.position)).all()
        conn.execute(delete(m.steps).where(m.steps.c.script_id == script_id))
        if rows:
            conn.execute(insert(m.steps), [{"script_id": script_id, "position": i, "view_id": r.view_id,
                                            "note": r.note} for i, r in enumerate(rows, start=1)])

    # ----------------------------------------------------------------- votes
    def open_vote(self, title: str, subject: str, dots: int, several: bool, items: Iterable[tuple[str, str, str]],
                  author: str, zoning: str | None = None, zone_ids: Iterable[str] = ()) -> str:
        """Open a vote on `items` ((item_id, label, ref) in order; none for proposals, which participants add);
        return its short code (str). WorkshopError (French) for a bad title, subject, number of dots or items."""
        title = _clean_name(title, "du vote")
        if subject not in m.SUBJECTS:
            raise WorkshopError(f"Sujet de vote inconnu : « {subject} ».")
        try:
            dots = int(dots)
        except (TypeError, ValueError):
            raise WorkshopError(f"Le nombre de gommettes « {dots} » n'est pas un nombre entier.") from None
        if not 1 <= dots <= MAX_DOTS:
            raise WorkshopError(f"Le nombre de gommettes par participant doit être entre 1 et {MAX_DOTS} ({dots}).")
        items = [(str(i), str(label), None if ref is None else str(ref)) for i, label, ref in items]
        if subject != "proposals" and not items:
            raise WorkshopError("Un vote sur des métiers ou des actions doit en proposer au moins un.")
        if len(items) > MAX_ITEMS:
            raise WorkshopError(f"Un vote propose au plus {MAX_ITEMS} choix ({len(items)}).")
        if len({i for i, _l, _r in items}) != len(items):
            raise WorkshopError("Un même choix est proposé deux fois.")
        with self.plan._transaction() as conn:
            taken = {r[0] for r in conn.execute(select(m.votes.c.vote_id))}
            code = _new_code(taken)
            conn.execute(insert(m.votes).values(
                vote_id=code, title=title, subject=subject, dots=dots, several=bool(several), is_open=True,
                zoning=zoning, zone_ids=" ".join(zone_ids), author=author, created_at=_now(), closed_at=None))
            if items:
                conn.execute(insert(m.items), [{"vote_id": code, "item_id": i, "label": label, "ref": ref,
                                                "position": n, "proposed_by": None}
                                               for n, (i, label, ref) in enumerate(items, start=1)])
        return code

    def get_vote(self, vote_id: str) -> Vote:
        """The vote `vote_id` (its code, any case); WorkshopError if there is none."""
        code = normalise_code(vote_id)
        with self.plan._connect() as conn:
            row = conn.execute(select(*[m.votes.c[c] for c in VOTE_COLUMNS]).where(m.votes.c.vote_id == code)).first()
        if row is None:
            raise WorkshopError(f"Aucun vote ne porte le code « {code} ». Vérifiez le lien ou le code affiché.")
        return Vote(**dict(row._mapping))

    def votes_frame(self) -> pd.DataFrame:
        """Every vote, newest first: columns VOTE_COLUMNS plus `voters` (int)."""
        counts = select(m.voters.c.vote_id, func.count().label("voters")).group_by(m.voters.c.vote_id).subquery()
        query = (select(*[m.votes.c[c] for c in VOTE_COLUMNS], func.coalesce(counts.c.voters, 0))
                 .select_from(m.votes.outerjoin(counts, counts.c.vote_id == m.votes.c.vote_id))
                 .order_by(m.votes.c.created_at.desc()))
        return self._frame(query, (*VOTE_COLUMNS, "voters"))

    def set_open(self, vote_id: str, is_open: bool) -> None:
        """Close (or reopen) a vote. Once the closing transaction commits, no ballot is accepted."""
        code = normalise_code(vote_id)
        with self.plan._transaction() as conn:
            done = conn.execute(update(m.votes).where(m.votes.c.vote_id == code).values(
                is_open=bool(is_open), closed_at=None if is_open else _now())).rowcount
        if not done:
            raise WorkshopError(f"Aucun vote ne porte le code « {code} ».")

    def claim_drafts(self, vote_id: str, user: str) -> None:
        """Mark the vote's top items as being turned into draft actions, atomically (one server, one click wins);
        WorkshopError (French) naming when, by whom and which actions if that was already done."""
        code = normalise_code(vote_id)
        with self.plan._transaction() as conn:
            claimed = conn.execute(update(m.votes).where(m.votes.c.vote_id == code, m.votes.c.drafted_at.is_(None))
                                   .values(drafted_at=_now(), drafted_by=str(user), drafted_actions="")).rowcount
        if not claimed:
            done = self.drafts_of(code)
            if done is None:
                raise WorkshopError(f"Aucun vote ne porte le code « {code} ».")
            when, who, actions = done
            which = f" : {', '.join(actions)}" if actions else " (en cours)"
            raise WorkshopError(f"Les actions de ce vote ont déjà été créées le "
                                f"{when.astimezone(_PARIS).strftime('%d/%m/%Y à %H:%M')} par {who}{which}.")

    def record_drafts(self, vote_id: str, action_ids: Iterable[str]) -> None:
        """Record the draft actions made from the vote (after `claim_drafts`)."""
        with self.plan._transaction() as conn:
            conn.execute(update(m.votes).where(m.votes.c.vote_id == normalise_code(vote_id))
                         .values(drafted_actions=" ".join(action_ids)))

    def release_drafts(self, vote_id: str) -> None:
        """Forget a claim whose actions could not be created (nothing was created)."""
        with self.plan._transaction() as conn:
            conn.execute(update(m.votes).where(m.votes.c.vote_id == normalise_code(vote_id))
                         .values(drafted_at=None, drafted_by=None, drafted_actions=None))

    def drafts_of(self, vote_id: str) -> tuple[datetime, str, list[str]] | None:
        """(when, by whom, action ids) when the vote's top items became draft actions; None otherwise, or for
        an unknown vote."""
        with self.plan._connect() as conn:
            row = conn.execute(select(m.votes.c.drafted_at, m.votes.c.drafted_by, m.votes.c.drafted_actions)
                               .where(m.votes.c.vote_id == normalise_code(vote_id))).first()
        if row is None or row[0] is None:
            return None
        when = row[0] if row[0].tzinfo else row[0].replace(tzinfo=UTC)
        return when, row[1] or "", (row[2] or "").split()

    def items_frame(self, vote_id: str) -> pd.DataFrame:
        """The items of a vote in order, without the proposals merged into another: columns item_id, label, ref,
        position, proposed_by."""
        columns = ("item_id", "label", "ref", "position", "proposed_by")
        return self._frame(select(*[m.items.c[c] for c in columns])
                           .where(m.items.c.vote_id == normalise_code(vote_id), m.items.c.merged_into.is_(None))
                           .order_by(m.items.c.position), columns)

    def merges_frame(self, vote_id: str) -> pd.DataFrame:
        """The vote's merges, oldest first: columns MERGE_COLUMNS (`label` the merged proposal's text, `into_label`
        the text it was merged into at that time; `voters`, `dots_moved`, `dots_returned` int)."""
        return self._frame(select(*[m.merges.c[c] for c in MERGE_COLUMNS])
                           .where(m.merges.c.vote_id == normalise_code(vote_id)).order_by(m.merges.c.merge_id),
                           MERGE_COLUMNS)

    def merge_items(self, vote_id: str, item_id: str, into_id: str, author: str) -> MergeResult:
        """Merge the participants' proposal `item_id` (B) into `into_id` (A), open or closed vote, in one transaction
        that locks the vote's row (ballots cast meanwhile wait for it). Every participant's dots on B move to A: with
        « several dots on one item » allowed, A gets the sum (it never exceeds the participant's dots); with one dot
        per item, a participant who had a dot on both keeps one on A and gets the other back (free to place
        elsewhere while the vote is open). B leaves the items (and the phones), its row stays with `merged_into` A,
        the merge is recorded (`merges_frame`); proposals merged into B earlier now point to A; a participant who
        types B's text again gets A. WorkshopError for a vote not on proposals, an unknown or already merged item,
        or B equal to A."""
        code = normalise_code(vote_id)
        item_id, into_id = str(item_id), str(into_id)
        if item_id == into_id:
            raise WorkshopError("Une proposition ne peut pas être fusionnée avec elle-même.")
        with self.plan._transaction() as conn:
            row = conn.execute(select(*[m.votes.c[c] for c in VOTE_COLUMNS]).where(m.votes.c.vote_id == code)
                               .with_for_update()).first()
            if row is None:
                raise WorkshopError(f"Aucun vote ne porte le code « {code} ».")
            vote = Vote(**dict(row._mapping))
            if vote.subject != "proposals":
                raise WorkshopError(f"Le vote « {vote.title} » ne porte pas sur des propositions : rien à fusionner.")
            found = {r.item_id: r for r in conn.execute(
                select(m.items.c.item_id, m.items.c.label, m.items.c.merged_into)
                .where(m.items.c.vote_id == code, m.items.c.item_id.in_([item_id, into_id])))}
            for wanted in (item_id, into_id):
                if wanted not in found:
                    raise WorkshopError(f"La proposition {wanted} n'existe pas dans le vote « {vote.title} ».")
                if found[wanted].merged_into is not None:
                    raise WorkshopError(f"La proposition « {found[wanted].label} » a déjà été fusionnée avec "
                                        f"{found[wanted].merged_into} ; choisissez une proposition encore proposée.")
            on_target = {r.voter: r.dots for r in conn.execute(
                select(m.ballots.c.voter, m.ballots.c.dots).where(m.ballots.c.vote_id == code,
                                                                  m.ballots.c.item_id == into_id))}
            moving = conn.execute(select(m.ballots.c.voter, m.ballots.c.dots).where(
                m.ballots.c.vote_id == code, m.ballots.c.item_id == item_id)).all()
            moved = returned = 0
            for voter, dots in moving:
                had = on_target.get(voter, 0)
                now = min(had + dots, vote.max_per_item)
                moved += now - had
                returned += had + dots - now
                if voter in on_target:
                    conn.execute(update(m.ballots).where(m.ballots.c.vote_id == code, m.ballots.c.voter == voter,
                                                         m.ballots.c.item_id == into_id).values(dots=now))
                else:
                    conn.execute(insert(m.ballots).values(vote_id=code, voter=voter, item_id=into_id, dots=now))
            conn.execute(delete(m.ballots).where(m.ballots.c.vote_id == code, m.ballots.c.item_id == item_id))
            conn.execute(update(m.items).where(m.items.c.vote_id == code, m.items.c.item_id == item_id)
                         .values(merged_into=into_id))
            conn.execute(update(m.items).where(m.items.c.vote_id == code, m.items.c.merged_into == item_id)
                         .values(merged_into=into_id))
            conn.execute(insert(m.merges).values(
                vote_id=code, item_id=item_id, into_id=into_id, label=found[item_id].label,
                into_label=found[into_id].label, voters=len(moving), dots_moved=moved, dots_returned=returned,
                author=str(author), merged_at=_now()))
        return MergeResult(item_id, into_id, len(moving), moved, returned)

    def _locked_open_vote(self, conn: Connection, code: str) -> Vote:
        row = conn.execute(select(*[m.votes.c[c] for c in VOTE_COLUMNS]).where(m.votes.c.vote_id == code)
                           .with_for_update()).first()
        if row is None:
            raise VoteClosedError(f"Aucun vote ne porte le code « {code} » ; rien n'a été enregistré.")
        vote = Vote(**dict(row._mapping))
        if not vote.is_open:
            raise VoteClosedError(f"Le vote « {vote.title} » est clos : votre choix n'a pas été enregistré.")
        return vote

    def add_proposal(self, vote_id: str, voter: str, label: str) -> Proposal:
        """Add a participant's proposal to an open vote on proposals. A text that only differs from an existing
        proposal by case, accents, spaces or punctuation (`proposal_key`) is not added: the existing one is returned
        with `created` False, so each idea is one item and its dots are counted together. VoteClosedError if the
        vote is closed; WorkshopError for a vote that takes no proposals, an empty or too long text, or a full
        vote."""
        code = normalise_code(vote_id)
        text = _clean_name(label, "de la proposition", MAX_PROPOSAL)
        key = proposal_key(text)
        if not key:
            raise WorkshopError("La proposition ne contient ni lettre ni chiffre.")
        with self.plan._transaction() as conn:
            vote = self._locked_open_vote(conn, code)
            if vote.subject != "proposals":
                raise WorkshopError(f"Le vote « {vote.title} » ne reçoit pas de propositions.")
            existing = conn.execute(select(m.items.c.item_id, m.items.c.label, m.items.c.merged_into)
                                    .where(m.items.c.vote_id == code).order_by(m.items.c.position)).all()
            labels = {r.item_id: r.label for r in existing}
            for item_id, known, merged_into in existing:
                if proposal_key(known) == key:
                    # A proposal the facilitator merged stands for the one it was merged into.
                    kept = merged_into or item_id
                    return Proposal(kept, labels[kept], created=False)
            if sum(r.merged_into is None for r in existing) >= MAX_ITEMS:
                raise WorkshopError(f"Le vote a déjà {MAX_ITEMS} propositions : votez pour l'une d'elles.")
            item_id = f"P{len(existing) + 1:02d}"
            conn.execute(insert(m.items).values(vote_id=code, item_id=item_id, label=text, ref=None,
                                                position=len(existing) + 1, proposed_by=str(voter)))
        return Proposal(item_id, text, created=True)

    def cast_ballot(self, vote_id: str, voter: str, dots: Mapping[str, int]) -> BallotResult:
        """Record `voter`'s dots ({item_id: dots}) on the vote, replacing their previous ballot, in one
        transaction that checks the vote is open. Raises VoteClosedError (closed or unknown vote) or WorkshopError
        (unknown item, more dots than allowed, several dots on one item when not allowed); nothing is then written."""
        code = normalise_code(vote_id)
        voter = str(voter or "").strip()
        if not voter or len(voter) > 64:
            raise WorkshopError("Ce navigateur n'a pas de jeton de vote valable ; rechargez la page.")
        wanted: dict[str, int] = {}
        for item_id, n in dots.items():
            try:
                n = int(n)
            except (TypeError, ValueError):
                raise WorkshopError(f"« {n} » n'est pas un nombre de gommettes.") from None
            if n < 0:
                raise WorkshopError("Un nombre de gommettes ne peut pas être négatif.")
            if n:
                wanted[str(item_id)] = n
        with self.plan._transaction() as conn:
            vote = self._locked_open_vote(conn, code)
            rows = conn.execute(select(m.items.c.item_id, m.items.c.label, m.items.c.merged_into)
                                .where(m.items.c.vote_id == code)).all()
            known = {r.item_id: r.label for r in rows if r.merged_into is None}
            merged = [r for r in rows if r.merged_into is not None and r.item_id in wanted]
            if merged:
                raise WorkshopError("L'animateur a regroupé " + ", ".join(
                    f"« {r.label} » avec « {known.get(r.merged_into, r.merged_into)} »" for r in merged)
                    + " : vos gommettes sur ces propositions sont déjà reportées. Vérifiez votre choix et validez "
                    "à nouveau ; rien n'a été enregistré.")
            unknown = sorted(set(wanted) - set(known))
            if unknown:
                raise WorkshopError(f"Choix inconnus dans ce vote : {', '.join(unknown)}.")
            total = sum(wanted.values())
            if total > vote.dots:
                raise WorkshopError(f"Vous avez placé {total} gommettes ; chacun en a {vote.dots}.")
            too_many = [known[i] for i, n in wanted.items() if n > vote.max_per_item]
            if too_many:
                raise WorkshopError("Une seule gommette par choix dans ce vote : « " + " », « ".join(too_many) + " ».")
            when = _now()
            had = conn.execute(delete(m.voters).where(m.voters.c.vote_id == code, m.voters.c.voter == voter)
                               .returning(m.voters.c.cast_at, m.voters.c.changes)).first()
            conn.execute(delete(m.ballots).where(m.ballots.c.vote_id == code, m.ballots.c.voter == voter))
            conn.execute(insert(m.voters).values(vote_id=code, voter=voter, cast_at=had.cast_at if had else when,
                                                 updated_at=when, changes=(had.changes + 1) if had else 0))
            if wanted:
                conn.execute(insert(m.ballots), [{"vote_id": code, "voter": voter, "item_id": i, "dots": n}
                                                 for i, n in wanted.items()])
        return BallotResult(replaced=had is not None, dots=total)

    def ballot_of(self, vote_id: str, voter: str) -> dict[str, int] | None:
        """The voter's current ballot ({item_id: dots}), None if they have not voted."""
        code = normalise_code(vote_id)
        with self.plan._connect() as conn:
            if conn.execute(select(m.voters.c.voter).where(m.voters.c.vote_id == code,
                                                           m.voters.c.voter == str(voter))).first() is None:
                return None
            return {r[0]: r[1] for r in conn.execute(select(m.ballots.c.item_id, m.ballots.c.dots).where(
                m.ballots.c.vote_id == code, m.ballots.c.voter == str(voter)))}

    def results(self, vote_id: str) -> tuple[pd.DataFrame, int]:
        """The vote's results and its number of voters (int). The frame has one row per item (RESULT_COLUMNS:
        `dots` the total dots, `voters` how many people put at least one dot on it, both int), most dots first,
        then in the items' order. Proposals merged into another are not rows: their dots are on the one they were
        merged into."""
        code = normalise_code(vote_id)
        sums = (select(m.ballots.c.item_id, func.sum(m.ballots.c.dots).label("dots"),
                       func.count().label("voters")).where(m.ballots.c.vote_id == code)
                .group_by(m.ballots.c.item_id).subquery())
        query = (select(m.items.c.item_id, m.items.c.label, m.items.c.ref, func.coalesce(sums.c.dots, 0),
                        func.coalesce(sums.c.voters, 0), m.items.c.position)
                 .select_from(m.items.outerjoin(sums, sums.c.item_id == m.items.c.item_id))
                 .where(m.items.c.vote_id == code, m.items.c.merged_into.is_(None)))
        with self.plan._connect() as conn:
            rows = conn.execute(query).all()
            n_voters = conn.execute(select(func.count()).select_from(m.voters)
                                    .where(m.voters.c.vote_id == code)).scalar()
        frame = pd.DataFrame([tuple(r) for r in rows], columns=[*RESULT_COLUMNS, "position"])
        frame["dots"] = frame["dots"].astype(int)
        frame["voters"] = frame["voters"].astype(int)
        frame = frame.sort_values(["dots", "position"], ascending=[False, True], kind="stable")
        return frame[list(RESULT_COLUMNS)].reset_index(drop=True), int(n_voters)


def normalise_code(code: object) -> str:
    """A vote code as stored (upper case, no spaces)."""
    return "".join(str(code or "").split()).upper()


def _new_code(taken: set[str]) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            return code
