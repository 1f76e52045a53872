"""« Données »: import files into the current pack (check, report, preview, integrate, restore), the provenance
of everything the pack holds, and the templates a committee fills in by hand."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gpect_core import settings
from gpect_core.errors import GpectError
from gpect_core.ingest import (
    Upload,
    has_previous,
    human_size,
    integrate,
    prepare,
    provenance_table,
    restore_previous,
)
from gpect_core.pairing.templates import SPECS as PAIRING_TEMPLATES
from gpect_core.readers import SUPPORTED_SUFFIXES
from gpect_core.readers.isolated import warm_up
from gpect_core.schema import table_label
from gpect_core.templates import TEMPLATES, template_xlsx
from ui import (
    context,
    donnees_confirm,
    donnees_correspondence,
    donnees_mapping,
    donnees_survey,
    donnees_vintage,
)
from ui.downloads import table_downloads
from ui.feedback import md, plain, show_error
from ui.plan.session import current_user

STAGED = "donnees_staged"  # [(name, bytes)] — what the uploader gave (AppTest may set it directly)
PREVIEW = "donnees_preview"
MESSAGE = "donnees_message"
UPLOADER = "donnees_uploader"

ctx = context.page_context()
T = ctx.t
context.page_header(ctx, "donnees.title")
st.caption(T("donnees.intro"))
user = current_user()
can_edit = bool(user and user.can_edit)
pack = settings.pack_path()
warm_up()  # the bounded reader process starts while the user picks a file


def _stage_uploads() -> None:
    files = st.session_state.get(UPLOADER) or []
    st.session_state[STAGED] = [(f.name, f.getvalue()) for f in files]
    st.session_state.pop(PREVIEW, None)
    donnees_vintage.forget()


def _clear() -> None:
    st.session_state[STAGED] = []
    st.session_state.pop(PREVIEW, None)
    donnees_vintage.forget()


message = st.session_state.pop(MESSAGE, None)
if message:
    st.success(T(message))

tab_import, tab_survey, tab_provenance, tab_templates = st.tabs(
    [T("donnees.tab.import"), T("donnees.tab.survey"), T("donnees.tab.provenance"), T("donnees.tab.templates")])

# ------------------------------------------------------------------------------------------------ import
with tab_import:
    if can_edit:  # reading an upload costs the server: editors only; visitors keep provenance and templates
        st.file_uploader(T("donnees.upload.label"), accept_multiple_files=True, key=UPLOADER,
                         type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], on_change=_stage_uploads)
        st.caption(T("donnees.upload.limit", limit=human_size(settings.max_upload_bytes())))
    staged = (st.session_state.get(STAGED) or []) if can_edit else []
    if not can_edit:
        st.info(T("hostile.upload.need_editor"))
    elif not staged:
        st.info(T("donnees.nothing"))
    else:
        st.caption(T("donnees.staged", n=len(staged), names=md(", ".join(name for name, _ in staged))))
        accept = st.checkbox(T("donnees.accept_rejections"), key="donnees_accept",
                             help=T("donnees.accept_rejections.help"))
        cols = st.columns([1, 2, 3])
        if cols[0].button(T("donnees.check"), type="primary", key="donnees_check"):
            donnees_confirm.forget()
            try:
                st.session_state[PREVIEW] = prepare(pack, [Upload(n, d) for n, d in staged],
                                                 imported_by=user.signature if user else "",
                                                 accept_rejections=accept, vintages=donnees_vintage.given())
            except GpectError as exc:
                show_error(exc)
        cols[1].button(T("donnees.clear"), key="donnees_clear", on_click=_clear)

    preview = st.session_state.get(PREVIEW) if can_edit else None
    if preview is not None:
        st.subheader(T("donnees.recognised.header"))
        rows = [{T("donnees.col.file"): plain(rep.name),
                 T("donnees.col.recognised"): rep.format_label if rep.format_key else
                 T("donnees.documentation" if rep.documentation else "donnees.unrecognised"),
                 T("donnees.col.rows"): rep.rows_read, T("donnees.col.rejected"): rep.rows_rejected,
                 T("donnees.col.secret"): rep.secret_cells} for rep in preview.files]
        if rows:
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        donnees_mapping.mapping_step(T, pack, staged, PREVIEW, user.signature if user else "")
        st.subheader(T("donnees.report.header"))
        if preview.problems:
            st.error(T("donnees.report.problems", n=len(preview.problems)) + "  \n"
                     + "  \n".join(f"• {md(p.message)}" for p in preview.problems[:60]))
        elif preview.ok:
            st.success(T("donnees.report.ok"))
        donnees_vintage.ask(preview, T)
        notes = [f"{rep.name} : {note}" for rep in preview.files for note in rep.notes] + preview.notes
        if notes:
            st.code(plain("\n".join(notes)), language=None, wrap_lines=True)
        if preview.ok:
            st.subheader(T("donnees.preview.header"))
            for table, frame in preview.previews.items():
                st.markdown(T("donnees.preview.table", table=table_label(table), n=preview.changes.get(table, 0)))
                st.dataframe(frame, hide_index=True, width="stretch")
            confirmed = donnees_confirm.confirm_step(T, preview)
            if can_edit:
                if st.button(T("donnees.integrate"), type="primary", key="donnees_integrate"):
                    try:
                        integrate(pack, preview, confirmed=confirmed)
                    except GpectError as exc:
                        show_error(exc)
                    else:
                        st.session_state.pop(PREVIEW, None)
                        st.session_state[STAGED] = []
                        st.session_state[MESSAGE] = "donnees.integrated"
                        context.reload_territory()
                        st.rerun()
            else:
                st.info(T("donnees.need_editor"))

    st.divider()
    st.markdown(f"**{T('donnees.restore.header')}**")
    if has_previous(pack):
        st.caption(T("donnees.restore.help"))
        if can_edit:
            if st.button(T("donnees.restore"), key="donnees_restore"):
                try:
                    restore_previous(pack)
                except GpectError as exc:
                    show_error(exc)
                else:
                    st.session_state.pop(PREVIEW, None)
                    st.session_state[MESSAGE] = "donnees.restored"
                    context.reload_territory()
                    st.rerun()
        else:
            st.caption(T("donnees.need_editor"))
    else:
        st.caption(T("donnees.no_previous"))

with tab_survey:
    donnees_survey.render(ctx, pack, user)

# ------------------------------------------------------------------------------------------------ provenance
with tab_provenance:
    st.caption(T("donnees.provenance.caption"))
    table = provenance_table(ctx.territory)
    shown = pd.DataFrame({
        T("donnees.prov.table"): table["label"], T("donnees.prov.source"): table["source"],
        T("donnees.prov.producer"): table["producer"], T("donnees.prov.vintage"): table["vintage"],
        T("donnees.prov.licence"): table["licence"], T("donnees.prov.rows"): table["rows"],
        T("donnees.prov.hash"): table["file_hash"], T("donnees.prov.imported_at"): table["imported_at"],
        T("donnees.prov.imported_by"): table["imported_by"],
    })
    st.dataframe(shown, hide_index=True, width="stretch")
    table_downloads(ctx, shown, T("donnees.prov.download_title"), [], key="donnees_provenance")
    build_report = ctx.territory.tables.get("build_report")
    if build_report is not None and len(build_report):
        with st.expander(T("donnees.build_report")):
            st.code("\n".join(build_report["line"].astype(str)), language=None, wrap_lines=True)
    donnees_correspondence.render(ctx)

# ------------------------------------------------------------------------------------------------ templates
with tab_templates:
    st.caption(T("donnees.templates.caption"))
    for spec in (*TEMPLATES, *PAIRING_TEMPLATES.values()):  # the last two: the lists of « Rapprochement »
        st.markdown(f"**{spec.title}**")
        columns = ", ".join(f.header + (f" ({T('donnees.templates.required')})" if f.required else "")
                            for f in spec.fields)
        st.caption(T("donnees.templates.columns", columns=columns))
        st.download_button(T("donnees.templates.download"), data=template_xlsx(spec),
                           file_name=f"modele_{spec.key}.xlsx", key=f"donnees_template_{spec.key}",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           on_click="ignore", icon=":material/download:")
