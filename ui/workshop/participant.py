"""The participants' page (« /vote?code=K7P2Q »): phone-sized, no account, one ballot per browser.

The browser is recognised by a random token kept in a first-party cookie (`gpect_voter`, one year): read from the
request (`st.context.cookies`) when present, else made here and written by a line of JavaScript, so a reload or a
second tab of the same browser finds the same ballot."""

from __future__ import annotations

import json
import re
import uuid

import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.i18n import t
from gpect_core.workshop.errors import VoteClosedError
from gpect_core.workshop.links import PARAM_VOTE
from gpect_core.workshop.store import MAX_PROPOSAL, WorkshopStore, normalise_code
from ui.feedback import md, show_error
from ui.workshop.common import HIDE_CHROME, PHONE_STYLE

COOKIE = "gpect_voter"
_TOKEN = "ws_voter_token"
_VALID = re.compile(r"^[0-9a-f]{32}$")
_SAVED = "ws_vote_saved"  # (vote code, dots) of this browser's last saved ballot, to keep saying so
REFRESH_SECONDS = 3  # how often a phone reads the proposals again


def voter_token() -> str:
    """This browser's voting token (32 hex characters)."""
    cookie = st.context.cookies.get(COOKIE, "")
    if isinstance(cookie, str) and _VALID.match(cookie):
        st.session_state[_TOKEN] = cookie
        return cookie
    token = st.session_state.setdefault(_TOKEN, uuid.uuid4().hex)
    st.html(f"""<script>
if (!document.cookie.split("; ").some((c) => c.startsWith("{COOKIE}="))) {{
  document.cookie = "{COOKIE}=" + {json.dumps(token)} + "; path=/; max-age=31536000; SameSite=Lax";
}}
</script>""", unsafe_allow_javascript=True)
    return token


def render(store_of, lang: str) -> None:
    """Draw the page; `store_of()` returns the WorkshopStore (called only when a code is given)."""
    st.html(HIDE_CHROME + PHONE_STYLE)
    T = lambda key, **v: t(key, lang, **v)  # noqa: E731
    code = normalise_code(st.query_params.get(PARAM_VOTE, ""))
    if not code:
        st.title(T("vote.title"))
        with st.form("vote_code"):
            typed = st.text_input(T("vote.code"), max_chars=12)
            if st.form_submit_button(T("vote.join"), type="primary") and typed.strip():
                st.query_params[PARAM_VOTE] = normalise_code(typed)
                st.rerun()
        return
    token = voter_token()
    try:
        store: WorkshopStore = store_of()
        vote = store.get_vote(code)
    except GpectError as exc:
        st.title(T("vote.title"))
        show_error(exc)
        return
    st.title(vote.title)
    if vote.is_open and vote.subject == "proposals":
        _proposal_form(store, code, token, T)
    # The proposals others type appear by themselves (« Actualiser » stays as a fallback); the proposal being typed
    # is outside the fragment and the ballot's unsaved dots are the form's own, so a refresh loses neither.
    refresh = REFRESH_SECONDS if vote.subject == "proposals" else None
    st.fragment(run_every=refresh)(_ballot)(store, code, token, T)


def _ballot(store: WorkshopStore, code: str, token: str, T) -> None:
    """The vote's items and this browser's ballot (a form), read again from the store at each run."""
    try:
        vote = store.get_vote(code)
        ballot = store.ballot_of(code, token) or {}
        items = store.items_frame(code)
    except GpectError as exc:
        show_error(exc)
        return
    if not vote.is_open:
        st.warning(T("vote.closed"))
        if ballot:
            st.caption(T("vote.current", dots=sum(ballot.values())))
        return
    if vote.subject == "proposals":
        for _i, merge in store.merges_frame(code).iterrows():
            st.caption(T("vote.merged", label=md(merge["label"]), into=md(merge["into_label"])))
    if items.empty:
        st.info(T("vote.no_items"))
        st.button(T("vote.refresh"), key="vote_refresh")
        return
    st.markdown(T("vote.dots_left", dots=vote.dots) + ("" if vote.several else "  \n" + T("vote.one_per_item")))
    labels = dict(zip(items["item_id"], items["label"], strict=True))
    with st.form("vote_ballot"):
        chosen: dict[str, int] = {}
        for item_id, label in labels.items():
            current = int(ballot.get(item_id, 0))
            if vote.several:
                # No min/max: Streamlit would refuse a 9 in English; _ballot_problem says it in the page's language.
                chosen[item_id] = int(st.number_input(md(label), step=1, value=min(current, vote.max_per_item),
                                                      key=f"vote_{code}_{item_id}"))
            else:
                chosen[item_id] = int(st.checkbox(md(label), value=current > 0, key=f"vote_{code}_{item_id}"))
        submitted = st.form_submit_button(T("vote.submit"), type="primary", width="stretch")
    refused = False
    if submitted:
        problem = _ballot_problem(vote.dots, chosen, labels, T)
        if problem:
            st.error(problem)
            refused = True
        else:
            try:
                result = store.cast_ballot(code, token, chosen)
            except VoteClosedError as exc:
                st.error(md(exc.message))
                refused = True
            except GpectError as exc:
                show_error(exc)
                refused = True
            else:
                st.session_state[_SAVED] = (code, result.dots)
                ballot = {item_id: dots for item_id, dots in chosen.items() if dots}
    if refused:  # the boxes still show what was refused: say what the store keeps
        st.caption(T("vote.unchanged", dots=sum(ballot.values())) if ballot else T("vote.unchanged.none"))
    elif ballot and st.session_state.get(_SAVED) == (code, sum(ballot.values())):
        st.success(T("vote.saved", dots=sum(ballot.values())))  # still said after a refresh
    elif ballot:
        st.caption(T("vote.current", dots=sum(ballot.values())))
    if vote.subject == "proposals":
        st.button(T("vote.refresh"), key="vote_refresh")


def _ballot_problem(dots: int, chosen: dict[str, int], labels: dict[str, str], T) -> str | None:
    """The page's own message for a ballot the store would refuse (a negative count, more dots than allowed; with one
    dot per item a checkbox cannot give more), or None."""
    negative = [labels[i] for i, n in chosen.items() if n < 0]
    if negative:
        return T("vote.negative", label=md(negative[0]))
    placed = sum(chosen.values())
    if placed > dots:
        return T("vote.too_many", placed=placed, dots=dots, extra=placed - dots)
    return None


def _proposal_form(store: WorkshopStore, code: str, token: str, T) -> None:
    with st.form("vote_propose", clear_on_submit=True):
        text = st.text_input(T("vote.propose.text"), max_chars=MAX_PROPOSAL)
        st.caption(T("vote.propose.limit", n=MAX_PROPOSAL))
        if st.form_submit_button(T("vote.propose.submit")) and text.strip():
            try:
                proposal = store.add_proposal(code, token, text)
            except GpectError as exc:
                show_error(exc)
            else:
                if proposal.created:
                    st.success(T("vote.propose.done"))
                else:
                    st.info(T("vote.propose.exists", label=md(proposal.label)))
