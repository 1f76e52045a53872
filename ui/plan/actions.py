"""The plan page's « Actions » tab: create an action, read one (visitors) or edit it (editors: the form, a new
indicator value, indicators and milestones), its milestones, indicator values and history."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.plan import display
from gpect_core.plan import model as m
from gpect_core.plan.errors import PlanValidationError
from gpect_core.plan.saving import Edit
from gpect_core.plan.values import split_list
from ui.feedback import show_error
from ui.plan.forms import form_key, form_values, load_form, save_or_explain, show_stale
from ui.plan.state import FLASH, FORM_BASE, QUICK_BASE, STALE, PlanView
from ui.tables import show_table


def render(view: PlanView) -> None:
    """The tab's body."""
    T = view.t
    if view.can_edit and not view.axes.empty:
        _new_action(view)
    if view.actions.empty:
        st.info(T("plan.no_actions"))
        return
    action_id = st.selectbox(T("plan.actions.choose"), list(view.actions["action_id"]), key="plan_action_choice",
                             format_func=view.action_label)
    action = view.store.get_action(action_id)
    if not view.can_edit:
        st.caption(T("plan.viewer_only"))
        st.dataframe(display.action_detail(action, view.axis_labels, view.partner_names, view.lang),
                     hide_index=True, width="stretch")
    else:
        _edit_form(view, action)
        _new_value(view, action_id)
        _edit_indicator_and_milestone(view, action_id, st.session_state[FORM_BASE]["version"])
    own_milestones = view.milestones[view.milestones["action_id"] == action_id]
    if not own_milestones.empty:
        st.markdown(f"**{T('plan.milestone.title')}**")
        show_table(display.milestones_table(own_milestones, view.lang), display.milestones_formats(view.lang),
                   view.lang)
    own_indicators = view.indicators.loc[view.indicators["action_id"] == action_id, "indicator_id"]
    own_values = view.values[view.values["indicator_id"].isin(own_indicators)]
    if not own_values.empty:
        st.markdown(f"**{T('plan.indicator.values')}**")
        show_table(display.indicator_values_table(own_values, view.lang),
                   display.indicator_values_formats(view.lang), view.lang)
    st.markdown(f"**{T('plan.history.of_action')}**")
    own_history = view.store.history_frame(action_id, limit=200)
    if own_history.empty:
        st.caption(T("plan.history.empty"))
    else:
        st.dataframe(display.history_table(own_history, view.lang), hide_index=True, width="stretch",
                     key="plan_action_history")


def _new_action(view: PlanView) -> None:
    T, axis_labels, partner_names = view.t, view.axis_labels, view.partner_names
    with st.expander(T("plan.new.title")), st.form("plan_new_action"):
        n1, n2 = st.columns([3, 2])
        new_title = n1.text_input(T("plan.field.title"), key="plan_new_title")
        new_axis = n2.selectbox(T("plan.field.axis_id"), list(axis_labels), key="plan_new_axis",
                                format_func=lambda a: axis_labels.get(a, a))
        n3, n4, n5 = st.columns(3)
        new_start = n3.date_input(T("plan.field.start_date"), value=None, key="plan_new_start", format="DD/MM/YYYY")
        new_end = n4.date_input(T("plan.field.end_date"), value=None, key="plan_new_end", format="DD/MM/YYYY")
        new_lead = n5.selectbox(T("plan.field.lead_partner_id"), [None, *partner_names], key="plan_new_lead",
                                format_func=lambda p: "–" if p is None else partner_names.get(p, p))
        if st.form_submit_button(T("plan.new.create")):
            try:
                created = view.store.create_action({"title": new_title, "axis_id": new_axis, "status": "a_lancer",
                                                    "start_date": new_start, "end_date": new_end,
                                                    "lead_partner_id": new_lead, "progress": 0},
                                                   user=view.user.signature)
            except GpectError as exc:
                show_error(exc)
            else:
                st.session_state["plan_action_choice"] = created
                st.session_state.pop(QUICK_BASE, None)
                st.session_state[FLASH] = T("plan.new.created", id=created)
                st.rerun()


def _edit_form(view: PlanView, action: dict) -> None:
    T, store, action_id = view.t, view.store, action["action_id"]
    base = st.session_state.get(FORM_BASE)
    if not base or base["action_id"] != action_id:
        load_form(action)
        base = st.session_state[FORM_BASE]
    stale = st.session_state.get(STALE)
    if stale and stale.get("action_id") == action_id:
        show_stale(view, stale)
        b1, b2 = st.columns(2)
        if b1.button(T("plan.stale.merge"), key="plan_stale_merge", type="primary", help=T("plan.stale.merge_help")):
            load_form(store.get_action(action_id))
            for name, value in stale.get("edited", {}).items():
                st.session_state[form_key(action_id, name)] = value
            st.rerun()
        if b2.button(T("plan.stale.reload"), key="plan_stale_reload"):
            load_form(store.get_action(action_id))
            st.rerun()
    st.caption(T("plan.form.version", version=base["version"]))
    st.caption(T("plan.form.rules"))
    axis_labels, partner_names = view.axis_labels, view.partner_names
    with st.form(f"plan_form_{action_id}"):
        key = partial(form_key, action_id)
        st.text_input(T("plan.field.title"), key=key("title"))
        st.text_area(T("plan.field.description"), key=key("description"))
        c1, c2, c3 = st.columns(3)
        c1.selectbox(T("plan.field.axis_id"), list(axis_labels), key=key("axis_id"),
                     format_func=lambda a: axis_labels.get(a, a))
        c2.selectbox(T("plan.field.status"), list(m.STATUSES), key=key("status"), format_func=view.status_text)
        c3.number_input(T("plan.field.progress"), min_value=None, max_value=None, step=5, key=key("progress"))
        c1.date_input(T("plan.field.start_date"), key=key("start_date"), format="DD/MM/YYYY")
        c2.date_input(T("plan.field.end_date"), key=key("end_date"), format="DD/MM/YYYY")
        c3.number_input(T("plan.field.budget"), min_value=None, step=1000.0, key=key("budget"))
        partner_choices = list(partner_names)
        c1.selectbox(T("plan.field.lead_partner_id"), [None, *partner_choices], key=key("lead_partner_id"),
                     format_func=lambda p: "–" if p is None else partner_names.get(p, p))
        st.multiselect(T("plan.field.partner_ids"), partner_choices
                       + [p for p in st.session_state.get(key("partner_ids")) or [] if p not in partner_names],
                       key=key("partner_ids"), format_func=lambda p: partner_names.get(p, p))
        st.text_input(T("plan.field.funders"), key=key("funders"))
        zone_names = view.ctx.territory.zone_names(view.plan_zoning)
        st.multiselect(T("plan.field.zone_ids"), list(zone_names) + [
            z for z in st.session_state.get(key("zone_ids")) or [] if z not in zone_names],
            key=key("zone_ids"), format_func=lambda z: f"{zone_names.get(z, z)} ({z})")
        occupations = sorted(set(split_list(" ".join(view.actions_all["occupation_codes"])))
                             | set(st.session_state.get(key("occupation_codes")) or []))
        st.multiselect(T("plan.field.occupation_codes"), occupations, key=key("occupation_codes"),
                       accept_new_options=True)
        comment = st.text_input(T("plan.form.comment"), key=f"plan_form_{action_id}_comment")
        submitted = st.form_submit_button(T("plan.form.save"), type="primary")
    if submitted:
        mine = form_values(action_id)
        read = base.get("read", {})
        edited = {name: st.session_state.get(form_key(action_id, name)) for name in m.ACTION_EDITABLE
                  if st.session_state.get(form_key(action_id, name)) != read.get(name)}
        save_or_explain(
            view, action_id,
            lambda: store.update_action(action_id, base["version"], mine, user=view.user.signature, comment=comment),
            {k: mine[k] for k in edited},
            lambda result: T("plan.form.saved", n=len(result.changed), version=result.version) if result.changed
            else T("plan.form.nothing"),
            edited=edited)
    if st.session_state.get(FLASH):
        st.success(st.session_state.pop(FLASH))


def _new_value(view: PlanView, action_id: str) -> None:
    T = view.t
    st.markdown(f"**{T('plan.indicator.new_value')}**")
    own = view.indicators[view.indicators["action_id"] == action_id]
    if own.empty:
        st.caption(T("plan.indicator.none"))
        return
    labels = dict(zip(own["indicator_id"], own["label"], strict=True))
    with st.form(f"plan_value_{action_id}"):
        i1, i2, i3 = st.columns(3)
        indicator_id = i1.selectbox(T("plan.field.label"), list(own["indicator_id"]), key="plan_value_indicator",
                                    format_func=lambda i: f"{i} — {labels[i]}")
        when = i2.date_input(T("plan.field.date"), value=view.today, key="plan_value_date", format="DD/MM/YYYY")
        value = i3.number_input(T("plan.field.value"), value=None, key="plan_value_value")
        source = st.text_input(T("plan.field.source"), key="plan_value_source")
        if st.form_submit_button(T("plan.indicator.save")):
            version = st.session_state[FORM_BASE]["version"]

            def save():
                if value is None:
                    raise PlanValidationError(T("plan.indicator.value_required"))
                return view.store.set_indicator_value(indicator_id, when, value, user=view.user.signature,
                                                      version=version, source=source or None)

            save_or_explain(view, action_id, save, {"value": value}, T("plan.indicator.saved"))


def _edit_indicator_and_milestone(view: PlanView, action_id: str, version: int) -> None:
    """Forms for an indicator (new or existing: label, unit, baseline, target) and a milestone."""
    T = view.t

    def save_edits(edits: list[Edit], flash: str) -> None:
        save_or_explain(view, action_id, lambda: view.store.save(action_id, version, edits, user=view.user.signature),
                        {e.field: e.value for e in edits}, flash)

    own = view.indicators[view.indicators["action_id"] == action_id].set_index("indicator_id")
    with st.expander(T("plan.indicator.edit")):
        new_id = f"{action_id}-I{len(own) + 1}"
        chosen = st.selectbox(T("plan.indicator.which"), [*own.index, new_id], key=f"plan_ind_choice_{action_id}",
                              format_func=lambda i: f"{i} — {own.loc[i, 'label']}" if i in own.index
                              else T("plan.indicator.new"))
        row = own.loc[chosen] if chosen in own.index else None
        with st.form(f"plan_ind_form_{action_id}_{chosen}"):
            f1, f2, f3, f4 = st.columns(4)
            label = f1.text_input(T("plan.field.label"), key=f"plan_ind_label_{chosen}",
                                  value="" if row is None else row["label"])
            unit = f2.text_input(T("plan.field.unit"), key=f"plan_ind_unit_{chosen}",
                                 value="" if row is None or pd.isna(row["unit"]) else row["unit"])
            baseline = f3.number_input(T("plan.field.baseline"), key=f"plan_ind_baseline_{chosen}",
                                       value=None if row is None or pd.isna(row["baseline"])
                                       else float(row["baseline"]))
            target = f4.number_input(T("plan.field.target"), key=f"plan_ind_target_{chosen}",
                                     value=None if row is None or pd.isna(row["target"]) else float(row["target"]))
            if st.form_submit_button(T("plan.indicator.save_definition")):
                save_edits([Edit("indicator", chosen, name, value) for name, value in (
                    ("label", label), ("unit", unit), ("baseline", baseline), ("target", target))],
                    T("plan.indicator.saved"))
    own_milestones = view.milestones[view.milestones["action_id"] == action_id].set_index("milestone_id")
    with st.expander(T("plan.milestone.edit")):
        new_id = f"{action_id}-J{len(own_milestones) + 1}"
        chosen = st.selectbox(T("plan.milestone.which"), [*own_milestones.index, new_id],
                              key=f"plan_ms_choice_{action_id}",
                              format_func=lambda i: f"{i} — {own_milestones.loc[i, 'label']}"
                              if i in own_milestones.index else T("plan.milestone.new"))
        row = own_milestones.loc[chosen] if chosen in own_milestones.index else None
        with st.form(f"plan_ms_form_{action_id}_{chosen}"):
            g1, g2, g3 = st.columns([3, 2, 1])
            label = g1.text_input(T("plan.field.label"), key=f"plan_ms_label_{chosen}",
                                  value="" if row is None else row["label"])
            due = g2.date_input(T("plan.field.due_date"), key=f"plan_ms_due_{chosen}",
                                value=None if row is None or pd.isna(row["due_date"]) else row["due_date"].date(),
                                format="DD/MM/YYYY")
            done = g3.checkbox(T("plan.field.done"), key=f"plan_ms_done_{chosen}",
                               value=False if row is None else bool(row["done"]))
            if st.form_submit_button(T("plan.milestone.save")):
                save_edits([Edit("milestone", chosen, "label", label), Edit("milestone", chosen, "due_date", due),
                            Edit("milestone", chosen, "done", done)], T("plan.milestone.saved"))
