"""The « Votes » tab: open a dot-vote, show the room how to join (short link + QR code), follow the results live,
close it, export the results and turn the top items into draft actions of the plan."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.plan.scope import plan_zones_of
from gpect_core.selection import Selection
from gpect_core.workshop.drafts import WORKSHOP_AXIS, WORKSHOP_AXIS_LABEL, draft_actions
from gpect_core.workshop.model import SUBJECTS
from gpect_core.workshop.qr import qr_png
from gpect_core.workshop.store import WorkshopStore
from gpect_core.workshop.subjects import DEFAULT_OCCUPATIONS, action_items, occupation_items
from ui.downloads import chart_downloads, table_downloads
from ui.feedback import md, show_error
from ui.workshop.common import join_url, presenting
from ui.workshop.results import live_results

PICK = "ws_vote_pick"
PARIS = ZoneInfo("Europe/Paris")


def _open_form(store: WorkshopStore, ctx, author: str) -> None:
    """The vote's settings, each shown only when it applies: how many occupations for a vote on occupations, what
    the plan offers for a vote on its actions, « several dots on one item » only with more than one dot. Not an
    st.form, so that the settings follow the choice of subject and number of dots at once."""
    T = ctx.t
    with st.expander(T("workshop.votes.new"), expanded=store.votes_frame().empty):
        title = st.text_input(T("workshop.votes.title"), value=T("workshop.votes.title.default"), max_chars=200,
                              key="ws_vote_title")
        subject = st.radio(T("workshop.votes.subject"), SUBJECTS, format_func=lambda s: T(f"workshop.subject.{s}"),
                           key="ws_vote_subject")
        items: list = []
        if subject == "occupations":
            n_occupations = st.slider(T("workshop.votes.n_occupations"), 3, 30, DEFAULT_OCCUPATIONS,
                                      key="ws_vote_n_occupations")
        elif subject == "actions":
            from ui.plan.session import get_store

            try:
                items = action_items(ctx.territory, ctx.selection, get_store(ctx.territory).actions_frame())
            except GpectError as exc:
                show_error(exc)
                return
            st.caption(T("workshop.votes.n_actions", n=len(items)))
        else:
            st.caption(T("workshop.votes.proposals_note"))
        dots = st.number_input(T("workshop.votes.dots"), min_value=1, max_value=20, value=3, step=1,
                               key="ws_vote_dots")
        several = st.checkbox(T("workshop.votes.several"), value=True, key="ws_vote_several") if dots > 1 else False
        if not st.button(T("workshop.votes.open"), type="primary", key="ws_vote_open"):
            return
    try:
        if subject == "occupations":
            items = occupation_items(ctx.territory, ctx.selection, n_occupations)
        if subject != "proposals" and not items:
            st.warning(T("workshop.votes.no_items"))
            return
        code = store.open_vote(title, subject, int(dots), several, items, author, ctx.zoning, ctx.zone_ids)
    except GpectError as exc:
        show_error(exc)
        return
    st.session_state[PICK] = code
    st.toast(T("workshop.votes.opened", code=code))


def _join_panel(vote_id: str, T) -> None:
    url = join_url(vote_id)
    if presenting():  # a column beside the results: the QR code above its link, both above the fold
        with st.container(key="ws_join_qr"):  # sized to the screen's height by PRESENTER_STYLE
            st.image(qr_png(url, scale=8), alt=T("workshop.votes.qr_alt", url=url), width=200)
            st.markdown(T("workshop.votes.join", url=md(url), code=vote_id))
        return
    left, right = st.columns([3, 2], vertical_alignment="center")
    left.markdown(f"### {T('workshop.votes.join', url=md(url), code=vote_id)}")
    right.image(qr_png(url, scale=8), caption=T("workshop.votes.qr_alt", url=url), width=300)


def _drafts_form(store: WorkshopStore, ctx, vote, author: str) -> None:
    """The top items into draft actions, once: after that, which actions were made, when and by whom. With no
    axis on the plan (only administrators create them), the drafts go to the axis « Issues de l'atelier », created
    for them; that axis is offered after the plan's own otherwise."""
    T = ctx.t
    from ui.plan.session import get_store

    plan = get_store(ctx.territory)
    with st.expander(T("workshop.drafts.title")):
        done = store.drafts_of(vote.vote_id)
        if done is not None:
            when, who, actions = done
            st.info(T("workshop.drafts.already", when=when.astimezone(PARIS).strftime("%d/%m/%Y %H:%M"),
                      who=md(who), ids=", ".join(actions) or "—"))
            return
        axes = plan.axes_frame()
        labels = dict(zip(axes["axis_id"], axes["label"], strict=True))
        if WORKSHOP_AXIS not in labels:
            labels[WORKSHOP_AXIS] = T("workshop.drafts.new_axis", label=WORKSHOP_AXIS_LABEL)
        if axes.empty:
            st.caption(T("workshop.drafts.no_axis", label=WORKSHOP_AXIS_LABEL))
        with st.form(f"ws_drafts_{vote.vote_id}"):
            n = st.number_input(T("workshop.drafts.n"), min_value=1, max_value=20, value=3, step=1)
            axis = st.selectbox(T("workshop.drafts.axis"), list(labels), format_func=lambda a: f"{a} — {labels[a]}")
            if not st.form_submit_button(T("workshop.drafts.submit")):
                return
        zones = plan_zones_of(ctx.territory, Selection(vote.zoning or ctx.zoning,
                                                        tuple((vote.zone_ids or "").split())))
        try:
            results, _voters = store.results(vote.vote_id)
            created = draft_actions(store, vote, results, int(n), axis, sorted(zones or ()), author)
        except GpectError as exc:
            show_error(exc)
            return
        st.success(T("workshop.drafts.done", n=len(created), ids=", ".join(created)))


def _merge_form(store: WorkshopStore, ctx, vote, author: str) -> None:
    """Merge a participant's proposal into another (same idea, other words): open or closed vote."""
    T = ctx.t
    items = store.items_frame(vote.vote_id)
    merges = store.merges_frame(vote.vote_id)
    with st.expander(T("workshop.merge.title"), expanded=False):
        st.caption(T("workshop.merge.help"))
        rule = "several" if vote.several else ("one_open" if vote.is_open else "one_closed")
        st.markdown(T(f"workshop.merge.rule.{rule}"))
        if len(items) < 2:
            st.info(T("workshop.merge.need_two"))
        else:
            labels = dict(zip(items["item_id"], items["label"], strict=True))
            with st.form(f"ws_merge_{vote.vote_id}"):
                source = st.selectbox(T("workshop.merge.source"), list(labels), format_func=labels.get,
                                      key=f"ws_merge_source_{vote.vote_id}")
                target = st.selectbox(T("workshop.merge.target"), list(labels), index=1, format_func=labels.get,
                                      key=f"ws_merge_target_{vote.vote_id}")
                submitted = st.form_submit_button(T("workshop.merge.submit"))
            if submitted:
                if source == target:
                    st.warning(T("workshop.merge.same"))
                else:
                    try:
                        done = store.merge_items(vote.vote_id, source, target, author)
                    except GpectError as exc:
                        show_error(exc)
                    else:
                        st.success(T("workshop.merge.done", source=md(labels[source]), target=md(labels[target]),
                                     moved=done.dots_moved, voters=done.voters, returned=done.dots_returned))
                        merges = store.merges_frame(vote.vote_id)
        if not merges.empty:
            st.markdown(f"**{T('workshop.merge.history')}**")
            st.dataframe(pd.DataFrame({
                T("workshop.merge.col.source"): merges["label"], T("workshop.merge.col.target"): merges["into_label"],
                T("workshop.merge.col.moved"): merges["dots_moved"],
                T("workshop.merge.col.returned"): merges["dots_returned"],
                T("workshop.merge.col.author"): merges["author"],
                T("workshop.merge.col.at"): pd.to_datetime(merges["merged_at"], utc=True)
                .dt.tz_convert("Europe/Paris").dt.strftime("%d/%m/%Y %H:%M")}), hide_index=True, width="stretch")


def render(store: WorkshopStore, ctx, can_edit: bool, author: str | None) -> None:
    """The votes: a picker (newest first), how to join, live results, closing, exports and drafts."""
    T = ctx.t
    if can_edit:
        _open_form(store, ctx, author)
    votes = store.votes_frame()
    if votes.empty:
        st.info(T("workshop.votes.none"))
        return
    labels = {r["vote_id"]: T("workshop.votes.label", code=r["vote_id"], title=r["title"],
                                state=T("workshop.votes.state.open" if r["is_open"] else "workshop.votes.state.closed"))
              for _i, r in votes.iterrows()}
    if st.session_state.get(PICK) not in labels:
        st.session_state[PICK] = next(iter(labels))
    # On the projector the picker's label gives way to the results (screen readers still read it).
    vote_id = st.selectbox(T("workshop.votes.pick"), list(labels), format_func=labels.get, key=PICK,
                           label_visibility="collapsed" if presenting() else "visible")
    vote = store.get_vote(vote_id)
    if vote.is_open and presenting():
        # On the projector the room must see the results and how to join at once, without scrolling.
        results_col, join_col = st.columns([3, 2], gap="large")
        with join_col:
            _join_panel(vote.vote_id, T)
        with results_col:
            live_results(store, vote.vote_id, ctx.lang)
    elif vote.is_open:
        _join_panel(vote.vote_id, T)
    else:
        st.info(T("workshop.votes.closed_note"))
    if can_edit:
        if st.button(T("workshop.votes.close" if vote.is_open else "workshop.votes.reopen"), key="ws_vote_toggle",
                     type="primary" if vote.is_open else "secondary"):
            try:
                store.set_open(vote.vote_id, not vote.is_open)
            except GpectError as exc:
                show_error(exc)
            else:
                st.rerun()
    if can_edit and vote.subject == "proposals":
        _merge_form(store, ctx, vote, author)
    if not (vote.is_open and presenting()):
        live_results(store, vote.vote_id, ctx.lang)
    results, _voters = store.results(vote.vote_id)
    if not results.empty:
        from gpect_core.workshop.chart import results_chart

        title = T("workshop.results.export_title", title=vote.title, code=vote.vote_id)
        table = pd.DataFrame({T("workshop.results.item"): results["label"],
                              T("workshop.results.dots"): results["dots"],
                              T("workshop.results.item_voters"): results["voters"]})
        chart = results_chart(results, T("workshop.results.dots"), T("workshop.results.item"))
        chart_downloads(ctx, chart.properties(title=title), title, (), key=f"ws_chart_{vote.vote_id}")
        table_downloads(ctx, table, title, (), key=f"ws_table_{vote.vote_id}")
    if can_edit and vote.subject != "actions":
        _drafts_form(store, ctx, vote, author)
