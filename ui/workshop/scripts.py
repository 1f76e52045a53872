"""The « Déroulés » tab: scripts of saved views with a note per step; present one full screen."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.workshop.links import presenter_url
from gpect_core.workshop.store import WorkshopStore
from ui.feedback import show_error
from ui.workshop.views import view_label


def steps_table(steps: pd.DataFrame, labels: dict[int, str]) -> pd.DataFrame:
    """The editable steps: columns view (the view's label in `labels`) and note (« » when none), both of pandas
    « string » dtype, so that a script without steps still gets a text column (an empty column would be typed
    as a number and the data editor would refuse the first view picked)."""
    return pd.DataFrame({"view": [labels.get(int(v), str(v)) for v in steps["view_id"]],
                         "note": ["" if pd.isna(n) else str(n) for n in steps["note"]]}, dtype="string")


def render(store: WorkshopStore, T, can_edit: bool, author: str | None) -> None:
    """Pick a script, see its steps and present it; editors create scripts and edit their steps."""
    if can_edit:
        with st.form("ws_script_new", clear_on_submit=True):
            st.markdown(f"**{T('workshop.scripts.new')}**")
            name = st.text_input(T("workshop.scripts.new_name"), max_chars=200)
            if st.form_submit_button(T("workshop.scripts.create")):
                try:
                    st.session_state["ws_script_pick"] = store.create_script(name, author)
                except GpectError as exc:
                    show_error(exc)
    scripts = store.scripts_frame()
    if scripts.empty:
        st.info(T("workshop.scripts.none"))
        return
    # No step count in the picker: Streamlit keeps showing the label the browser last had (« (0) » after a save).
    names = {int(r["script_id"]): f"{int(r['script_id'])} · {r['name']}" for _i, r in scripts.iterrows()}
    if st.session_state.get("ws_script_pick") not in names:
        st.session_state["ws_script_pick"] = next(iter(names))
    script_id = st.selectbox(T("workshop.scripts.pick"), list(names), format_func=names.get, key="ws_script_pick")
    steps = store.script_steps(script_id)
    st.caption(T("workshop.scripts.count", n=len(steps)))
    if steps.empty:
        st.info(T("workshop.scripts.empty"))
    else:
        first = steps.iloc[0]
        st.link_button(T("workshop.scripts.present"), presenter_url(first["page"], first["query"], script_id, 1)
                       , icon=":material/slideshow:", type="primary")
    if not can_edit:
        st.dataframe(pd.DataFrame({T("workshop.col.view"): steps["name"],
                                   T("workshop.col.note"): steps["note"].fillna("").astype(str)}),
                     hide_index=True, width="stretch")
        return
    views = store.views_frame()
    if views.empty:
        st.info(T("workshop.scripts.needs_views"))
        return
    labels = {int(r["view_id"]): f"{int(r['view_id'])} · {view_label(r)}" for _i, r in views.iterrows()}
    table = steps_table(steps, labels)
    with st.form(f"ws_script_edit_{script_id}"):
        name = st.text_input(T("workshop.scripts.new_name"), value=scripts.set_index("script_id")
                             .loc[script_id, "name"], max_chars=200)
        edited = st.data_editor(table, num_rows="dynamic", hide_index=True, width="stretch",
                                key=f"ws_steps_{script_id}", column_config={
                                    "view": st.column_config.SelectboxColumn(T("workshop.col.view"),
                                                                             options=list(labels.values()),
                                                                             required=True),
                                    "note": st.column_config.TextColumn(T("workshop.col.note"), default="")})
        st.caption(T("workshop.scripts.steps"))
        save, remove = st.columns(2)
        saved = save.form_submit_button(T("workshop.scripts.save"), type="primary")
        deleted = remove.form_submit_button(T("workshop.scripts.delete"))
    by_label = {label: view_id for view_id, label in labels.items()}
    try:
        if saved:
            unknown = [i for i, v in enumerate(edited["view"], start=1) if pd.isna(v) or v not in by_label]
            if unknown:
                st.error(T("workshop.scripts.no_view", rows=", ".join(map(str, unknown))))
                return
            rows = [(by_label[v], "" if pd.isna(n) else str(n)) for v, n in zip(edited["view"], edited["note"],
                                                                                 strict=True)]
            store.set_script(script_id, name, rows)
            st.toast(T("workshop.scripts.saved", n=len(rows)))
            st.rerun()
        if deleted:
            store.delete_script(script_id)
            st.session_state.pop("ws_script_pick", None)
            st.rerun()
    except GpectError as exc:
        show_error(exc)
    except Exception as exc:  # noqa: BLE001 - a save must never end silently nor with a traceback
        show_error(GpectError(T("workshop.scripts.save_failed", error=str(exc))))
