"""« Préparer le diaporama » and « Fiche du bassin (PDF) » on the Synthèse page: the committee deck of the selection,
the sheet of the selected basin, and the sheets of every basin of the zoning with a progress bar.

The deck and the one-zone sheet are made only when their button is clicked (a callable `data`); the batch runs on
its own button, shows `st.progress`, and keeps the ZIP in the session for the download button that follows.
"""

from __future__ import annotations

import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.export.caption import Caption
from gpect_core.export.deck import build_deck
from gpect_core.export.meeting import PlanData, meeting_content
from gpect_core.export.sheet import build_sheet, build_sheets_zip, file_name
from ui.context import PageContext
from ui.feedback import md

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
BATCH_KEY = "meeting_sheets_zip"


def _plan(ctx: PageContext) -> PlanData:
    """The plan as the Plan page shows it (the store), else the pack's plan tables."""
    from ui.plan.session import get_store

    try:
        return PlanData.from_store(get_store(ctx.territory))
    except GpectError:
        return PlanData.from_pack(ctx.territory)


def _stem(ctx: PageContext, title_key: str) -> str:
    return Caption(title=f"{ctx.t(title_key)} {ctx.selection_label}", lang=ctx.lang).file_stem()


def render(ctx: PageContext) -> None:
    """The deck button, the selected basin's sheet (one zone selected) and the batch of every basin's sheet."""
    row = st.container(horizontal=True)
    row.download_button(ctx.t("meeting.deck.button"), key="meeting_deck", on_click="ignore", mime=PPTX_MIME,
                        data=lambda: build_deck(meeting_content(ctx.territory, ctx.selection, _plan(ctx), ctx.lang)),
                        file_name=f"{_stem(ctx, 'meeting.deck.button')}.pptx", icon=":material/slideshow:",
                        help=ctx.t("meeting.deck.help"))
    if len(ctx.zone_ids) == 1:
        zone = ctx.zone_ids[0]
        row.download_button(ctx.t("meeting.sheet.button"), key="meeting_sheet", on_click="ignore",
                            mime="application/pdf", icon=":material/picture_as_pdf:",
                            data=lambda: build_sheet(ctx.territory, ctx.zoning, zone, _plan(ctx), ctx.lang),
                            file_name=file_name(zone, ctx.selection_label), help=ctx.t("meeting.sheet.help"))
    zones = sorted(ctx.territory.zones_of(ctx.zoning)["zone_id"])
    if row.button(ctx.t("meeting.sheet.batch", n=len(zones)), key="meeting_batch", icon=":material/folder_zip:",
                  help=ctx.t("meeting.sheet.help")):
        bar = st.progress(0.0)

        def advance(done: int, total: int, name: str) -> None:
            bar.progress(done / total, text=ctx.t("meeting.sheet.progress", i=done, n=total, name=md(name)))

        st.session_state[BATCH_KEY] = (ctx.zoning, ctx.lang, build_sheets_zip(
            ctx.territory, ctx.zoning, zones, _plan(ctx), ctx.lang, progress=advance))
        bar.empty()
    ready = st.session_state.get(BATCH_KEY)
    if ready and ready[:2] == (ctx.zoning, ctx.lang):
        st.download_button(ctx.t("meeting.sheet.batch_download"), data=ready[2], mime="application/zip",
                           file_name=f"fiches-{ctx.zoning.lower()}.zip", key="meeting_batch_zip", on_click="ignore",
                           icon=":material/download:")
    if len(ctx.zone_ids) != 1:
        st.caption(ctx.t("meeting.sheet.pick_one"))
