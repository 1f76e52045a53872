"""« Plan d'action »: where the committee's plan stands, its history, and (for editors) its updates."""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from gpect_core.errors import GpectError
from gpect_core.formatting import fmt_date, fmt_int
from gpect_core.maps import base_map, zones_layer
from gpect_core.plan import auth, progress, rules
from gpect_core.plan import charts as plan_charts
from gpect_core.plan import model as m
from gpect_core.plan.scope import actions_of_selection
from gpect_core.plan.store import (
    ENTITY_LABELS_FR,
    PARTNER_TYPE_LABELS_FR,
    Edit,
    PlanValidationError,
    StaleVersionError,
    display_value,
    split_list,
)
from gpect_core.plan.xlsx import apply_import, diff_plans, export_store, read_workbook
from ui import context
from ui.plan_session import current_user, get_store, log_in_local, log_out, md, oidc_configured

MAP_KEY = "plan_map"
FORM_BASE = "plan_form_base"  # {"action_id", "version", "read"}: what the editor's form was read from
QUICK_BASE = "plan_quick_base"  # the table the quick editor was read from (with versions)
STALE = "plan_stale"  # the last refused save: message, problems, the user's input

ctx = context.page_context()
lang = ctx.lang
T = ctx.t
context.page_header(ctx, "plan.title")

try:
    store = get_store(ctx.territory)
    actions_all = store.actions_frame(with_version=True)
    axes = store.axes_frame()
    partners = store.partners_frame()
    indicators = store.indicators_frame()
    values = store.indicator_values_frame()
    milestones = store.milestones_frame()
except GpectError as exc:
    st.error(md(exc.report()))
    st.stop()

user = current_user()
axis_labels = dict(zip(axes["axis_id"], axes["label"], strict=True))
partner_names = dict(zip(partners["partner_id"], partners["name"], strict=True))
plan_zoning = ctx.territory.default_zoning or ctx.zoning
actions = actions_of_selection(ctx.territory, ctx.selection, actions_all)
today = date.today()
late = progress.late_actions(actions, today)


def status_text(code: str) -> str:
    return T(f"plan.status.{code}")


def action_label(action_id: str) -> str:
    row = actions_all.loc[actions_all["action_id"] == action_id]
    return f"{action_id} — {row['title'].iloc[0]}" if not row.empty else action_id


# ------------------------------------------------------------------------------------------------ login
with st.sidebar:
    st.markdown(f"**{T('plan.login.header')}**")
    if user is not None:
        st.caption(T("plan.login.as", name=md(user.name or user.username),
                     role=T(f"plan.role.{user.role}")))
        if st.button(T("plan.login.logout"), key="plan_logout"):
            log_out()
            st.rerun()
    elif oidc_configured():
        if st.button(T("plan.login.oidc"), key="plan_login_oidc"):
            st.login()
    else:
        with st.form("plan_login"):
            username = st.text_input(T("plan.login.username"), key="plan_login_username")
            password = st.text_input(T("plan.login.password"), type="password", key="plan_login_password")
            if st.form_submit_button(T("plan.login.submit")):
                if log_in_local(username, password):
                    st.rerun()
                else:
                    st.error(T("plan.login.failed"))
        st.caption(T("plan.login.viewer_note"))

can_edit = bool(user and user.can_edit)
can_admin = bool(user and user.can_administer)

tab_names = [T("plan.tab.overview"), T("plan.tab.actions"), T("plan.tab.history"), T("plan.tab.exchange")]
if can_edit:
    tab_names.insert(2, T("plan.tab.quick"))
if can_admin:
    tab_names.append(T("plan.tab.admin"))
tabs = dict(zip(tab_names, st.tabs(tab_names), strict=True))

# ------------------------------------------------------------------------------------------------ overview
with tabs[T("plan.tab.overview")]:
    if actions.empty:
        st.info(T("plan.no_actions"))
    cols = st.columns(4)
    cols[0].metric(T("plan.kpi.actions"), fmt_int(len(actions), lang))
    cols[1].metric(T("plan.kpi.in_progress"), fmt_int(int((actions["status"] == "en_cours").sum()), lang))
    cols[2].metric(T("plan.kpi.done"), fmt_int(int((actions["status"] == "terminee").sum()), lang))
    cols[3].metric(T("plan.kpi.late"), fmt_int(len(late), lang))
    if not actions.empty:
        left, right = st.columns(2)
        with left:
            counts = progress.counts_by_axis_and_status(actions, axes)
            st.altair_chart(plan_charts.status_by_axis_bar(counts, lang), theme=None, width="stretch")
        with right:
            by_axis = progress.progress_by_axis(actions, axes, today)
            st.altair_chart(plan_charts.progress_by_axis_bar(by_axis.dropna(subset=["progress"]), lang),
                            theme=None, width="stretch")
            st.caption(progress.PROGRESS_RULE_FR if lang == "fr" else progress.PROGRESS_RULE_EN)

        st.subheader(T("plan.late.title"))
        st.info(rules.LATE_RULE_FR if lang == "fr" else rules.LATE_RULE_EN)
        if late.empty:
            st.success(T("plan.late.none"))
        else:
            expected = progress.expected_progress(late, today)
            st.dataframe(pd.DataFrame({
                T("plan.field.action_id"): late["action_id"],
                T("plan.field.title"): late["title"],
                T("plan.field.lead_partner_id"): late["lead_partner_id"].map(partner_names),
                T("plan.field.end_date"): late["end_date"].dt.date,
                T("plan.field.status"): late["status"].map(status_text),
                T("plan.field.progress"): late["progress"],
                T("plan.late.expected"): expected,
                T("plan.late.reason"): late["reason"].map(lambda r: T(f"plan.late.{r}")),
            }), hide_index=True, width="stretch")

        st.altair_chart(plan_charts.gantt(actions, set(late["action_id"]), today, lang, axis_labels,
                                          milestones),
                        theme=None, width="stretch")

        shown_indicators = indicators[indicators["action_id"].isin(actions["action_id"])]
        if not shown_indicators.empty:
            against = progress.indicators_against_targets(shown_indicators, values, actions)
            st.altair_chart(plan_charts.indicator_bullets(against, lang), theme=None, width="stretch")
            st.caption(T("plan.indicators.help"))

        st.subheader(T("plan.map.title"))
        st.caption(T("plan.map.help"))
        zones = ctx.territory.zones_of(plan_zoning)
        per_zone = progress.zone_action_counts(actions)
        titles = progress.zone_action_titles(actions)
        top = max(1, int(per_zone.max())) if not per_zone.empty else 1
        palette = ["#deebf7", "#9ecae1", "#4292c6", "#08519c"]
        fill = {z: palette[min(3, int((n / top) * 3.999))] for z, n in per_zone.items()}
        tooltip = {"n_actions": per_zone.reindex(zones["zone_id"]).fillna(0).astype(int).astype(str)
                   .set_axis(zones["zone_id"]),
                   "titles": titles.reindex(zones["zone_id"]).fillna("").set_axis(zones["zone_id"])}
        layer = zones_layer(zones, selected=ctx.zone_ids if ctx.zoning == plan_zoning else [], fill=fill,
                            tooltip=tooltip, tooltip_aliases=["", T("plan.map.n_actions"), T("plan.map.actions")])
        if ctx.zoning == plan_zoning:
            st_folium(base_map(zones), key=MAP_KEY, feature_group_to_add=layer, height=460,
                      use_container_width=True, returned_objects=["last_active_drawing"],
                      on_change=partial(context.on_map_click, MAP_KEY))
        else:
            st_folium(base_map(zones), key=MAP_KEY, feature_group_to_add=layer, height=460,
                      use_container_width=True, returned_objects=[])

        st.subheader(T("plan.tension.title"))
        association = progress.tension_since_start(actions, ctx.territory.tables.get("tension"),
                                                   ctx.territory.tables.get("recruitment"), plan_zoning)
        if association.empty:
            st.info(T("plan.tension.none"))
        else:
            frame = pd.DataFrame({T("plan.field.title"): association["title"],
                                  T("plan.tension.start_year"): association["start_year"]})
            for prefix, label_key, scale in (("tension", "plan.tension.score", 1), ("difficulty",
                                                                                     "plan.tension.difficulty", 100)):
                if f"{prefix}_base" in association:
                    frame[T(label_key) + " — " + T("plan.tension.before")] = \
                        (association[f"{prefix}_base"] * scale).round(2)
                    frame[T(label_key) + " — " + T("plan.tension.latest")] = \
                        (association[f"{prefix}_last"] * scale).round(2)
                    frame[T(label_key) + " — " + T("plan.tension.change")] = \
                        (association[f"{prefix}_change"] * scale).round(2)
                    frame[T(label_key) + " — " + T("plan.tension.years")] = \
                        association[f"{prefix}_base_year"].astype("Int64").astype(str) + " → " + \
                        association[f"{prefix}_last_year"].astype("Int64").astype(str)
            st.dataframe(frame, hide_index=True, width="stretch")
            st.warning(progress.ASSOCIATION_CAVEAT_FR if lang == "fr" else progress.ASSOCIATION_CAVEAT_EN)
            st.caption(ctx.provenance_caption("tension"))


# ------------------------------------------------------------------------------------------------ actions
def _show_stale(stale: dict) -> None:
    st.error(md(stale["message"]))
    if stale.get("changes"):
        st.dataframe(pd.DataFrame(stale["changes"]), hide_index=True, width="stretch")
    if stale.get("mine"):
        st.caption(T("plan.stale.your_input"))
        st.dataframe(pd.DataFrame(stale["mine"]), hide_index=True, width="stretch")


def _stale_record(exc: StaleVersionError, mine: dict[str, object]) -> dict:
    changes = [{T("plan.history.user"): r.user_name,
                T("plan.history.at"): r.at.tz_convert("Europe/Paris").strftime("%d/%m/%Y %H:%M"),
                T("plan.history.field"): T(f"plan.field.{r.field}"),
                T("plan.history.before"): display_value(r.field, r.before),
                T("plan.history.after"): display_value(r.field, r.after)}
               for r in exc.changes.sort_values("history_id").itertuples()]
    current = store.get_action(exc.action_id)
    theirs = set(exc.changes.loc[exc.changes["entity"] == "action", "field"])
    mine_rows = [{T("plan.history.field"): T(f"plan.field.{name}"),
                  T("plan.stale.mine"): display_value(name, value, from_history=False),
                  T("plan.stale.now"): display_value(name, current.get(name), from_history=False),
                  T("plan.stale.conflict"): T("plan.yes") if name in theirs else T("plan.no")}
                 for name, value in mine.items()]
    return {"message": exc.message, "changes": changes, "mine": mine_rows}


def _form_key(action_id: str, name: str) -> str:
    return f"plan_form_{action_id}_{name}"


def _load_form(action: dict) -> None:
    """(Re)read the form from the stored action: its widgets take the stored values and its version."""
    read = {}
    for name in m.ACTION_EDITABLE:
        value = action.get(name)
        if name in m.LIST_FIELDS:
            value = split_list(value)
        elif name in ("budget",):
            value = None if value is None else float(value)
        st.session_state[_form_key(action["action_id"], name)] = value
        read[name] = value
    st.session_state[FORM_BASE] = {"action_id": action["action_id"], "version": int(action["version"]),
                                   "read": read}
    st.session_state.pop(STALE, None)


def _form_values(action_id: str) -> dict:
    out = {}
    for name in m.ACTION_EDITABLE:
        value = st.session_state.get(_form_key(action_id, name))
        out[name] = " ".join(value) if name in m.LIST_FIELDS and isinstance(value, list) else value
    return out


def _save_edits(action_id: str, version: int, edits: list[Edit], flash: str) -> None:
    try:
        store.save(action_id, version, edits, user=user.signature)
    except StaleVersionError as exc:
        mine = {e.field: e.value for e in edits}
        st.session_state[STALE] = {**_stale_record(exc, mine), "action_id": action_id}
        st.rerun()
    except GpectError as exc:
        st.error(md(exc.report()))
    else:
        st.session_state.pop(FORM_BASE, None)
        st.session_state["plan_flash"] = flash
        st.rerun()


def _edit_indicator_and_milestone(action_id: str, version: int) -> None:
    """Forms for an indicator (new or existing: label, unit, baseline, target) and a milestone."""
    own = indicators[indicators["action_id"] == action_id].set_index("indicator_id")
    with st.expander(T("plan.indicator.edit")):
        new_id = f"{action_id}-I{len(own) + 1}"
        chosen = st.selectbox(T("plan.indicator.which"), [*own.index, new_id], key=f"plan_ind_choice_{action_id}",
                              format_func=lambda i: f"{i} — {own.loc[i, 'label']}" if i in own.index
                              else T("plan.indicator.new"))
        row = own.loc[chosen] if chosen in own.index else None
        with st.form(f"plan_ind_form_{action_id}_{chosen}"):
            f1, f2, f3, f4 = st.columns(4)
            label = f1.text_input(T("plan.field.label"), key=f"plan_ind_label_{chosen}", value="" if row is None else row["label"])
            unit = f2.text_input(T("plan.field.unit"), key=f"plan_ind_unit_{chosen}", value="" if row is None or pd.isna(row["unit"])
                                 else row["unit"])
            baseline = f3.number_input(T("plan.field.baseline"), key=f"plan_ind_baseline_{chosen}",
                                       value=None if row is None or pd.isna(row["baseline"])
                                       else float(row["baseline"]))
            target = f4.number_input(T("plan.field.target"), key=f"plan_ind_target_{chosen}",
                                     value=None if row is None or pd.isna(row["target"])
                                     else float(row["target"]))
            if st.form_submit_button(T("plan.indicator.save_definition")):
                _save_edits(action_id, version, [Edit("indicator", chosen, name, value) for name, value in (
                    ("label", label), ("unit", unit), ("baseline", baseline), ("target", target))],
                    T("plan.indicator.saved"))
    own_milestones = milestones[milestones["action_id"] == action_id].set_index("milestone_id")
    with st.expander(T("plan.milestone.edit")):
        new_id = f"{action_id}-J{len(own_milestones) + 1}"
        chosen = st.selectbox(T("plan.milestone.which"), [*own_milestones.index, new_id],
                              key=f"plan_ms_choice_{action_id}",
                              format_func=lambda i: f"{i} — {own_milestones.loc[i, 'label']}"
                              if i in own_milestones.index else T("plan.milestone.new"))
        row = own_milestones.loc[chosen] if chosen in own_milestones.index else None
        with st.form(f"plan_ms_form_{action_id}_{chosen}"):
            g1, g2, g3 = st.columns([3, 2, 1])
            label = g1.text_input(T("plan.field.label"), key=f"plan_ms_label_{chosen}", value="" if row is None else row["label"])
            due = g2.date_input(T("plan.field.due_date"), key=f"plan_ms_due_{chosen}", value=None if row is None or pd.isna(row["due_date"])
                                else row["due_date"].date(), format="DD/MM/YYYY")
            done = g3.checkbox(T("plan.field.done"), key=f"plan_ms_done_{chosen}", value=False if row is None else bool(row["done"]))
            if st.form_submit_button(T("plan.milestone.save")):
                _save_edits(action_id, version, [Edit("milestone", chosen, "label", label),
                                                 Edit("milestone", chosen, "due_date", due),
                                                 Edit("milestone", chosen, "done", done)], T("plan.milestone.saved"))


with tabs[T("plan.tab.actions")]:
    if can_edit and not axes.empty:
        with st.expander(T("plan.new.title")):
            with st.form("plan_new_action"):
                n1, n2 = st.columns([3, 2])
                new_title = n1.text_input(T("plan.field.title"), key="plan_new_title")
                new_axis = n2.selectbox(T("plan.field.axis_id"), list(axis_labels), key="plan_new_axis",
                                        format_func=lambda a: axis_labels.get(a, a))
                n3, n4, n5 = st.columns(3)
                new_start = n3.date_input(T("plan.field.start_date"), value=None, key="plan_new_start",
                                          format="DD/MM/YYYY")
                new_end = n4.date_input(T("plan.field.end_date"), value=None, key="plan_new_end", format="DD/MM/YYYY")
                new_lead = n5.selectbox(T("plan.field.lead_partner_id"), [None, *partner_names], key="plan_new_lead",
                                        format_func=lambda p: "–" if p is None else partner_names.get(p, p))
                if st.form_submit_button(T("plan.new.create")):
                    try:
                        created = store.create_action({"title": new_title, "axis_id": new_axis, "status": "a_lancer",
                                                       "start_date": new_start, "end_date": new_end,
                                                       "lead_partner_id": new_lead, "progress": 0},
                                                      user=user.signature)
                    except GpectError as exc:
                        st.error(md(exc.report()))
                    else:
                        st.session_state["plan_action_choice"] = created
                        st.session_state.pop(QUICK_BASE, None)
                        st.session_state["plan_flash"] = T("plan.new.created", id=created)
                        st.rerun()
    if actions.empty:
        st.info(T("plan.no_actions"))
    else:
        action_id = st.selectbox(T("plan.actions.choose"), list(actions["action_id"]), key="plan_action_choice",
                                 format_func=action_label)
        action = store.get_action(action_id)
        if not can_edit:
            st.caption(T("plan.viewer_only"))
            detail = {T(f"plan.field.{name}"): display_value(name, action.get(name), from_history=False)
                      for name in m.ACTION_EDITABLE}
            detail[T("plan.field.axis_id")] = axis_labels.get(action["axis_id"], action["axis_id"])
            detail[T("plan.field.lead_partner_id")] = partner_names.get(action["lead_partner_id"] or "", "–")
            detail[T("plan.field.partner_ids")] = ", ".join(partner_names.get(p, p)
                                                            for p in split_list(action["partner_ids"]))
            st.dataframe(pd.DataFrame({T("plan.detail.field"): list(detail), T("plan.detail.value"):
                                       list(detail.values())}), hide_index=True, width="stretch")
        else:
            base = st.session_state.get(FORM_BASE)
            if not base or base["action_id"] != action_id:
                _load_form(action)
                base = st.session_state[FORM_BASE]
            stale = st.session_state.get(STALE)
            if stale and stale.get("action_id") == action_id:
                _show_stale(stale)
                b1, b2 = st.columns(2)
                if b1.button(T("plan.stale.merge"), key="plan_stale_merge", type="primary",
                             help=T("plan.stale.merge_help")):
                    _load_form(store.get_action(action_id))
                    for name, value in stale.get("edited", {}).items():
                        st.session_state[_form_key(action_id, name)] = value
                    st.rerun()
                if b2.button(T("plan.stale.reload"), key="plan_stale_reload"):
                    _load_form(store.get_action(action_id))
                    st.rerun()
            st.caption(T("plan.form.version", version=base["version"]))
            st.caption(T("plan.form.rules"))
            with st.form(f"plan_form_{action_id}"):
                key = partial(_form_key, action_id)
                st.text_input(T("plan.field.title"), key=key("title"))
                st.text_area(T("plan.field.description"), key=key("description"))
                c1, c2, c3 = st.columns(3)
                c1.selectbox(T("plan.field.axis_id"), list(axis_labels), key=key("axis_id"),
                             format_func=lambda a: axis_labels.get(a, a))
                c2.selectbox(T("plan.field.status"), list(m.STATUSES), key=key("status"), format_func=status_text)
                c3.number_input(T("plan.field.progress"), min_value=None, max_value=None, step=5,
                                key=key("progress"))
                c1.date_input(T("plan.field.start_date"), key=key("start_date"), format="DD/MM/YYYY")
                c2.date_input(T("plan.field.end_date"), key=key("end_date"), format="DD/MM/YYYY")
                c3.number_input(T("plan.field.budget"), min_value=None, step=1000.0, key=key("budget"))
                partner_choices = list(partner_names)
                c1.selectbox(T("plan.field.lead_partner_id"), [None, *partner_choices], key=key("lead_partner_id"),
                             format_func=lambda p: "–" if p is None else partner_names.get(p, p))
                st.multiselect(T("plan.field.partner_ids"), partner_choices
                               + [p for p in st.session_state.get(key("partner_ids")) or []
                                  if p not in partner_names],
                               key=key("partner_ids"), format_func=lambda p: partner_names.get(p, p))
                st.text_input(T("plan.field.funders"), key=key("funders"))
                zone_names = ctx.territory.zone_names(plan_zoning)
                st.multiselect(T("plan.field.zone_ids"), list(zone_names) + [
                    z for z in st.session_state.get(key("zone_ids")) or [] if z not in zone_names],
                    key=key("zone_ids"), format_func=lambda z: f"{zone_names.get(z, z)} ({z})")
                occupations = sorted(set(split_list(" ".join(actions_all["occupation_codes"])))
                                     | set(st.session_state.get(key("occupation_codes")) or []))
                st.multiselect(T("plan.field.occupation_codes"), occupations, key=key("occupation_codes"),
                               accept_new_options=True)
                comment = st.text_input(T("plan.form.comment"), key=f"plan_form_{action_id}_comment")
                submitted = st.form_submit_button(T("plan.form.save"), type="primary")
            if submitted:
                mine = _form_values(action_id)
                try:
                    result = store.update_action(action_id, base["version"], mine, user=user.signature,
                                                 comment=comment)
                except StaleVersionError as exc:
                    read = base.get("read", {})
                    edited = {name: st.session_state.get(_form_key(action_id, name)) for name in m.ACTION_EDITABLE
                              if st.session_state.get(_form_key(action_id, name)) != read.get(name)}
                    st.session_state[STALE] = {**_stale_record(exc, {k: mine[k] for k in edited}),
                                               "action_id": action_id, "edited": edited}
                    st.rerun()
                except PlanValidationError as exc:
                    st.error(md(exc.report()))
                except GpectError as exc:
                    st.error(md(exc.report()))
                else:
                    st.session_state.pop(FORM_BASE, None)  # re-read at the next run, before the widgets
                    st.session_state["plan_flash"] = T("plan.form.saved", n=len(result.changed),
                                                       version=result.version) if result.changed \
                        else T("plan.form.nothing")
                    st.rerun()
            if st.session_state.get("plan_flash"):
                st.success(st.session_state.pop("plan_flash"))

            st.markdown(f"**{T('plan.indicator.new_value')}**")
            own = indicators[indicators["action_id"] == action_id]
            if own.empty:
                st.caption(T("plan.indicator.none"))
            else:
                with st.form(f"plan_value_{action_id}"):
                    i1, i2, i3 = st.columns(3)
                    indicator_id = i1.selectbox(T("plan.field.label"), list(own["indicator_id"]),
                                                key="plan_value_indicator",
                                                format_func=lambda i: f"{i} — {own.set_index('indicator_id').loc[i, 'label']}")
                    when = i2.date_input(T("plan.field.date"), value=today, key="plan_value_date",
                                         format="DD/MM/YYYY")
                    value = i3.number_input(T("plan.field.value"), value=None, key="plan_value_value")
                    source = st.text_input(T("plan.field.source"), key="plan_value_source")
                    if st.form_submit_button(T("plan.indicator.save")):
                        try:
                            if value is None:
                                raise PlanValidationError(T("plan.indicator.value_required"))
                            result = store.set_indicator_value(indicator_id, when, value, user=user.signature,
                                                               version=base["version"], source=source or None)
                        except StaleVersionError as exc:
                            st.session_state[STALE] = {**_stale_record(exc, {"value": value}),
                                                       "action_id": action_id}
                            st.rerun()
                        except GpectError as exc:
                            st.error(md(exc.report()))
                        else:
                            st.session_state.pop(FORM_BASE, None)
                            st.session_state["plan_flash"] = T("plan.indicator.saved")
                            st.rerun()

        if can_edit:
            _edit_indicator_and_milestone(action_id, st.session_state[FORM_BASE]["version"])
        own_milestones = milestones[milestones["action_id"] == action_id]
        if not own_milestones.empty:
            st.markdown(f"**{T('plan.milestone.title')}**")
            st.dataframe(pd.DataFrame({
                T("plan.field.label"): own_milestones["label"],
                T("plan.field.due_date"): own_milestones["due_date"].dt.date,
                T("plan.field.done"): own_milestones["done"].map({True: T("plan.yes"), False: T("plan.no")}),
            }), hide_index=True, width="stretch")
        own_values = values[values["indicator_id"].isin(indicators.loc[indicators["action_id"] == action_id,
                                                                        "indicator_id"])]
        if not own_values.empty:
            st.markdown(f"**{T('plan.indicator.values')}**")
            st.dataframe(own_values.assign(date=own_values["date"].dt.date), hide_index=True,
                         width="stretch")
        st.markdown(f"**{T('plan.history.of_action')}**")
        own_history = store.history_frame(action_id, limit=200)


def history_table(history: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        T("plan.history.id"): history["history_id"],
        T("plan.history.at"): history["at"].dt.tz_convert("Europe/Paris").dt.strftime("%d/%m/%Y %H:%M"),
        T("plan.history.user"): history["user_name"],
        T("plan.history.kind"): history["kind"].map(lambda k: T(f"plan.kind.{k}")),
        T("plan.history.what"): [f"{ENTITY_LABELS_FR.get(e, e)} {i.replace('|', ' du ')}"
                                 for e, i in zip(history["entity"], history["entity_id"], strict=True)],
        T("plan.history.field"): history["field"].map(lambda f: T(f"plan.field.{f}")),
        T("plan.history.before"): [display_value(f, b) for f, b in zip(history["field"], history["before"],
                                                                        strict=True)],
        T("plan.history.after"): [display_value(f, a) for f, a in zip(history["field"], history["after"],
                                                                       strict=True)],
        T("plan.history.comment"): history["comment"].fillna(""),
    })


with tabs[T("plan.tab.actions")]:
    if not actions.empty:
        if own_history.empty:
            st.caption(T("plan.history.empty"))
        else:
            st.dataframe(history_table(own_history), hide_index=True, width="stretch",
                         key="plan_action_history")

# ------------------------------------------------------------------------------------------------ quick editor
if can_edit:
    with tabs[T("plan.tab.quick")]:
        st.caption(T("plan.quick.help"))
        if QUICK_BASE not in st.session_state:
            st.session_state[QUICK_BASE] = actions_all[["action_id", "title", "status", "progress", "version"]] \
                .to_dict("records")
        base_rows = pd.DataFrame(st.session_state[QUICK_BASE],
                                 columns=["action_id", "title", "status", "progress", "version"])
        base_rows = base_rows[base_rows["action_id"].isin(actions["action_id"])]
        shown = base_rows.assign(status=base_rows["status"].map(status_text))
        edited = st.data_editor(
            shown[["action_id", "title", "status", "progress"]], key="plan_quick_editor", hide_index=True,
            width="stretch", disabled=["action_id", "title"],
            column_config={
                "action_id": st.column_config.TextColumn(T("plan.field.action_id")),
                "title": st.column_config.TextColumn(T("plan.field.title")),
                "status": st.column_config.SelectboxColumn(T("plan.field.status"), required=True,
                                                           options=[status_text(s) for s in m.STATUSES]),
                "progress": st.column_config.NumberColumn(T("plan.field.progress"), step=1),
            })
        q1, q2 = st.columns([1, 1])
        if q1.button(T("plan.quick.save"), type="primary", key="plan_quick_save"):
            label_to_status = {status_text(s): s for s in m.STATUSES}
            rows = []
            for before, after in zip(shown.itertuples(), edited.itertuples(), strict=True):
                changes = {}
                if after.status != before.status:
                    changes["status"] = label_to_status.get(after.status, after.status)
                if not (pd.isna(after.progress) and pd.isna(before.progress)) and after.progress != before.progress:
                    changes["progress"] = after.progress
                if changes:
                    rows.append((before.action_id, int(before.version), changes))
            bulk = store.update_many(rows, user=user.signature, comment=T("plan.quick.comment"))
            saved, refused, invalid = len(bulk.saved), bulk.stale, bulk.invalid
            wanted = {action_id: changes for action_id, _version, changes in rows}
            kept = [{T("plan.field.action_id"): exc.action_id, T("plan.history.field"): T(f"plan.field.{name}"),
                     T("plan.stale.mine"): display_value(name, value, from_history=False),
                     T("plan.stale.now"): display_value(name, store.get_action(exc.action_id).get(name),
                                                        from_history=False)}
                    for exc in refused for name, value in wanted.get(exc.action_id, {}).items()]
            st.session_state.pop(QUICK_BASE, None)
            st.session_state.pop("plan_quick_editor", None)
            st.session_state["plan_quick_result"] = (saved, [md(e.report()) for e in refused],
                                                     [md(e.report()) for e in invalid], kept)
            st.rerun()
        if q2.button(T("plan.quick.reload"), key="plan_quick_reload"):
            st.session_state.pop("plan_quick_result", None)
            st.session_state.pop(QUICK_BASE, None)
            st.session_state.pop("plan_quick_editor", None)
            st.rerun()
        result = st.session_state.get("plan_quick_result")  # shown until the next save or reload
        if result:
            saved, refused, invalid, kept = result
            st.success(T("plan.quick.saved", n=saved))
            for message in refused + invalid:
                st.error(message)
            if kept:
                st.caption(T("plan.quick.kept"))
                st.dataframe(pd.DataFrame(kept), hide_index=True, width="stretch")

# ------------------------------------------------------------------------------------------------ history
with tabs[T("plan.tab.history")]:
    history = store.history_frame(limit=2000)
    only = st.selectbox(T("plan.history.filter"), [None, *actions_all["action_id"]], key="plan_history_filter",
                        format_func=lambda a: T("plan.history.all") if a is None else action_label(a))
    if only:
        history = history[history["action_id"] == only]
    st.dataframe(history_table(history), hide_index=True, width="stretch", key="plan_history_table")
    if can_edit and not history.empty:
        restorable = history[history["kind"] != "seed"]
        with st.form("plan_restore"):
            chosen = st.selectbox(T("plan.restore.choose"), list(restorable["history_id"]), key="plan_restore_id",
                                  format_func=lambda h: T("plan.restore.option", id=h))
            if st.form_submit_button(T("plan.restore.submit")):
                try:
                    store.restore(int(chosen), user=user.signature)
                except GpectError as exc:
                    st.error(md(exc.report()))
                else:
                    st.session_state.pop(FORM_BASE, None)
                    st.session_state["plan_restore_done"] = T("plan.restore.done", id=chosen)
                    st.rerun()
    if st.session_state.get("plan_restore_done"):
        st.success(st.session_state.pop("plan_restore_done"))

# ------------------------------------------------------------------------------------------------ import / export
with tabs[T("plan.tab.exchange")]:
    st.download_button(T("plan.export.button"), data=lambda: export_store(store),  # built at click time
                       file_name=f"plan-action-{today:%Y-%m-%d}.xlsx", key="plan_export",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    st.caption(T("plan.export.help"))
    if can_edit:
        upload = st.file_uploader(T("plan.import.upload"), type=["xlsx"], key="plan_import_file")
        if upload is not None:
            try:
                incoming = read_workbook(upload.getvalue(), name=upload.name)
            except GpectError as exc:
                st.error(md(exc.report()))
            else:
                differences = diff_plans(store.snapshot(), incoming)
                changes = [d for d in differences if d.kind != "absent du fichier"]
                if not changes:
                    st.success(T("plan.import.no_diff"))
                else:
                    st.warning(T("plan.import.n_diff", n=len(changes)))
                    st.dataframe(pd.DataFrame({T("plan.import.difference"): [d.describe() for d in differences]}),
                                 hide_index=True, width="stretch")
                    if st.button(T("plan.import.apply"), type="primary", key="plan_import_apply"):
                        try:
                            count = apply_import(store, incoming, user=user.signature,
                                                 comment=T("plan.import.comment", name=upload.name))
                        except GpectError as exc:
                            st.error(md(exc.report()))
                        else:
                            st.session_state.pop(FORM_BASE, None)
                            st.success(T("plan.import.done", n=count))

# ------------------------------------------------------------------------------------------------ administration
if can_admin:
    with tabs[T("plan.tab.admin")]:
        st.subheader(T("plan.admin.partners"))
        st.dataframe(partners.assign(type=partners["type"].map(PARTNER_TYPE_LABELS_FR)), hide_index=True,
                     width="stretch")
        with st.form("plan_partner_form"):
            p1, p2, p3 = st.columns(3)
            partner_id = p1.text_input(T("plan.admin.partner_id"), key="plan_partner_id")
            partner_name = p2.text_input(T("plan.field.name"), key="plan_partner_name")
            partner_type = p3.selectbox(T("plan.field.type"), list(m.PARTNER_KINDS), key="plan_partner_type",
                                        format_func=lambda k: PARTNER_TYPE_LABELS_FR.get(k, k))
            if st.form_submit_button(T("plan.admin.save_partner")):
                try:
                    store.upsert_partner(partner_id.strip(), partner_name, partner_type, user=user.signature)
                    st.success(T("plan.admin.saved"))
                except GpectError as exc:
                    st.error(md(exc.report()))
        st.subheader(T("plan.admin.axes"))
        st.dataframe(axes, hide_index=True, width="stretch")
        with st.form("plan_axis_form"):
            a1, a2 = st.columns([1, 3])
            axis_id = a1.text_input(T("plan.admin.axis_id"), key="plan_axis_id")
            axis_label = a2.text_input(T("plan.field.label"), key="plan_axis_label")
            if st.form_submit_button(T("plan.admin.save_axis")):
                try:
                    store.upsert_axis(axis_id.strip(), axis_label, user=user.signature)
                    st.success(T("plan.admin.saved"))
                except GpectError as exc:
                    st.error(md(exc.report()))
        st.subheader(T("plan.admin.accounts"))
        try:
            accounts = auth.load_accounts()
        except GpectError as exc:
            st.error(md(exc.report()))
            accounts = {}
        st.dataframe(pd.DataFrame([{T("plan.login.username"): a.username, T("plan.field.name"): a.name,
                                    T("plan.admin.role"): T(f"plan.role.{a.role}")} for a in accounts.values()]),
                     hide_index=True, width="stretch")
        st.caption(T("plan.admin.accounts_file", path=str(auth.accounts_path())))
        with st.form("plan_account_form"):
            u1, u2, u3 = st.columns(3)
            new_username = u1.text_input(T("plan.login.username"), key="plan_new_username")
            new_name = u2.text_input(T("plan.field.name"), key="plan_new_name")
            new_role = u3.selectbox(T("plan.admin.role"), list(auth.ROLES), index=1, key="plan_new_role",
                                    format_func=lambda r: T(f"plan.role.{r}"))
            new_password = st.text_input(T("plan.login.password"), type="password", key="plan_new_password")
            if st.form_submit_button(T("plan.admin.create_account")):
                try:
                    auth.add_user(None, new_username.strip(), new_password, new_role, name=new_name)
                    st.success(T("plan.admin.account_created", username=md(new_username)))
                except GpectError as exc:
                    st.error(md(exc.report()))

st.caption(T("plan.store", url=md(store.url), date=fmt_date(today, lang)))
