"""The « Enquête entreprises » tab of the « Données » page: upload a survey export, map its questions (a saved
survey profile is found again), preview the needs with their problems, review the titles left without a code (an
editor confirms or picks another code; the confirmation is remembered in the shared store), then accept: the needs
go into the pack through the ordinary import path (`ingest.prepare` / `ingest.integrate`). Firm names are shown to
editors only; a viewer sees aggregated needs."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from gpect_core import Territory
from gpect_core.errors import GpectError
from gpect_core.formatting import Fmt, fmt_float
from gpect_core.ingest import Upload, integrate, prepare
from gpect_core.plan.engine import default_url
from gpect_core.readers.guess import ColumnMapping
from gpect_core.readers.isolated import read_tables_isolated
from gpect_core.readers.rome import (
    is_rome_code,
    malformed_rome_message,
    normalise_rome,
    rome_referential,
    unknown_rome_message,
)
from gpect_core.readers.sniff import ReadError
from gpect_core.survey.importer import (
    FIELDS,
    SURVEY_KIND,
    check_survey,
    guess_mapping,
    missing_fields,
    needs_csv,
    profile_key,
    read_survey,
)
from gpect_core.survey.matching import THRESHOLD, TitleIndex, index_of_pack
from gpect_core.survey.store import SurveyStore
from ui import context
from ui.donnees_confirm import confirm_doubts
from ui.feedback import md, show_error
from ui.staged_upload import StagedUpload
from ui.tables import show_table

UPLOADER = "survey_uploader"
MESSAGE = "survey_message"
UPLOAD = StagedUpload("survey_staged", UPLOADER, MESSAGE)
IMPORT_NAME = "enquete_entreprises.csv"


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(url: str, code_id: int) -> SurveyStore:
    return SurveyStore.open(url)


def _uploader_css(T) -> str:
    """Streamlit's file uploader writes its own button and drop text in English whatever the page's language (no
    option for it in Streamlit 1.67: streamlit/streamlit#13500): the survey's uploader gets them in the page's
    language by CSS, scoped to its own key (`.st-key-…` is the class Streamlit gives a keyed widget)."""
    scope = f".st-key-{UPLOADER}"

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    button = f"{scope} [data-testid='stFileUploaderDropzone'] > span button"  # not an uploaded file's delete button
    overlay = f"{scope} [data-testid='stFileUploaderDropzone'] > div.euud7oh1 > span"  # shown while dragging (1.67)
    return (f"<style>{button} {{font-size: 0;}}"
            f"{button} * {{display: none;}}"
            f"{button}::after {{content: {quoted(T('survey.upload.button'))}; font-size: 1rem;}}"
            f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] {{display: none;}}"
            f"{overlay} {{font-size: 0;}}"
            f"{overlay}::after {{content: {quoted(T('survey.upload.drop'))}; font-size: 1rem;}}</style>")


def render(ctx, pack, user) -> None:
    """Draw the tab for the person `user` (None: a visitor; editors may confirm titles and accept)."""
    T = ctx.t
    can_edit = bool(user and user.can_edit)
    st.caption(T("survey.intro"))
    UPLOAD.show_message()
    if not can_edit:  # reading an upload costs the server and shows firm names: editors only, as on « Importer »
        st.info(T("hostile.upload.need_editor"))
        return
    st.html(_uploader_css(T))
    UPLOAD.uploader(T("survey.upload"), ["xlsx", "xls", "ods", "csv", "txt"], help=T("survey.upload.hint"))
    st.caption(T("survey.upload.hint"))
    staged = UPLOAD.file()
    if not staged:
        st.info(T("survey.nothing"))
        return
    name, data = staged
    sheet_key = "survey_sheet_" + UPLOAD.digest()  # a choice never carries over to another file
    try:
        survey = read_survey(data, name, read=read_tables_isolated, sheet=st.session_state.get(sheet_key))
    except ReadError as exc:
        show_error(exc)
        return
    except Exception as exc:  # noqa: BLE001 — no traceback may reach the user
        st.error(md(f"« {name} » : lecture impossible ({str(exc).splitlines()[0][:160] if str(exc) else ''})"))
        return
    if len(survey.sheets) > 1:
        st.selectbox(T("survey.sheet"), survey.sheets, key=sheet_key, help=T("survey.sheet.help"),
                     index=survey.sheets.index(survey.sheet) if survey.sheet in survey.sheets else 0)
    if survey.dropped:
        st.warning(T("survey.dropped", columns=md(", ".join(f"« {c} »" for c in survey.dropped))))
    store = None
    try:
        store = _store(default_url(), id(SurveyStore))
    except GpectError as exc:
        st.warning(T("survey.store_unavailable", reason=md(exc.message)))
    try:
        index = index_of_pack(ctx.territory)
    except ValueError as exc:
        st.error(T("survey.no_titles", reason=md(exc)))
        return
    key = profile_key(survey.columns)
    mapping = _mapping_step(T, survey, store, key)
    if missing_fields(mapping) or _repeated(mapping):
        return
    memory = store.memory() if store else {}
    check = check_survey(survey, mapping, ctx.territory, index, memory=memory, lang=ctx.lang)
    if check.problems:
        st.error(T("survey.problems", n=len(check.problems)) + "\n\n"
                 + "\n".join(f"- {md(p.message)}" for p in check.problems[:50]))
    if check.needs.empty:
        st.warning(T("survey.no_answers", file=md(name)))
    for note in check.notes:
        st.caption(md(note))
    _preview(T, check, can_edit, ctx.territory, ctx.lang)
    _review(T, check, index, store, user, can_edit, ctx.lang)
    if not can_edit:
        st.info(T("survey.accept.need_editor"))
        return
    confirmed = confirm_doubts(T, check.doubts, confirm_key(check.doubts))  # listed beside any problem, too
    row = st.container(horizontal=True)
    accept = row.button(T("survey.accept"), type="primary", key="survey_accept", disabled=not check.ok)
    UPLOAD.discard_button(T("survey.cancel"), "survey_cancel", T("survey.cancelled"), row)
    if accept:
        if not confirmed:
            st.error(T("survey.confirm.needed", n=len(check.doubts)))
            return
        _accept(T, pack, check, store, mapping, key, user)


def confirm_key(doubts) -> str:
    """The key of the « Je confirme… » box for exactly these doubts: a tick never carries over to another file."""
    digest = hashlib.sha1("\n".join(d.message for d in doubts).encode()).hexdigest()[:12]
    return f"survey_confirm_{digest}"


def _repeated(mapping: ColumnMapping) -> list[str]:
    chosen = [c for c in mapping.columns.values() if c]
    return sorted({c for c in chosen if chosen.count(c) > 1})


def _mapping_step(T, survey, store, key: str) -> ColumnMapping:
    saved = store.profile(key) if store else None
    start = ColumnMapping(SURVEY_KIND, saved) if saved else guess_mapping(survey.columns, survey.raw.frame)
    none = T("survey.mapping.none")
    options = [none, *survey.columns]
    chosen: dict[str, str] = {}
    with st.expander(T("survey.mapping.header"), expanded=not saved):
        st.caption(T("survey.mapping.profile") if saved else T("survey.mapping.guessed"))
        cols = st.columns(2)
        for i, survey_field in enumerate(FIELDS):
            current = start.columns.get(survey_field.key)
            label = T(f"survey.field.{survey_field.key}") + (f" ({T('survey.required')})" if survey_field.required
                                                               else "")
            picked = cols[i % 2].selectbox(label, options, index=options.index(current) if current in options else 0,
                                           key=f"survey_map_{key}_{survey_field.key}")
            if picked != none:
                chosen[survey_field.key] = picked
    mapping = ColumnMapping(SURVEY_KIND, chosen)
    missing = missing_fields(mapping)
    if missing:
        st.warning(T("survey.mapping.missing", fields=md(", ".join(missing))))
    elif _repeated(mapping):
        st.warning(T("survey.mapping.same_column", columns=md(", ".join(_repeated(mapping)))))
    return mapping


def _reasons(T, reason: str) -> str:
    return " ; ".join(T(f"survey.reason.{r}", threshold=f"{THRESHOLD:g}") for r in str(reason or "").split())


def _preview(T, check, can_edit: bool, territory: Territory, lang: str) -> None:
    needs = check.needs
    st.subheader(T("survey.preview.header"))
    st.caption(T("survey.preview.caption", n=len(needs), people=int(needs["headcount"].fillna(0).sum()),
                 coded=int((needs["occupation_code"] != "").sum())))
    labels = index_labels(territory)
    uncoded = T("survey.uncoded")
    occupation = needs["occupation_code"].map(lambda c: f"{c} — {labels.get(c, '')}" if c else uncoded)
    summary = needs.assign(occupation=occupation).groupby(["occupation", "horizon"], dropna=False).agg(
        people=("headcount", "sum"), answers=("response_id", "count")).reset_index()
    st.markdown(f"**{T('survey.summary.header')}**")
    count = Fmt("int")
    show_table(summary.rename(columns={"occupation": T("survey.col.occupation"), "horizon": T("survey.col.horizon"),
                                       "people": T("survey.col.headcount"), "answers": T("survey.col.answers")}),
               {T("survey.col.headcount"): count, T("survey.col.answers"): count}, lang)
    if can_edit:
        detail = pd.DataFrame({
            T("survey.col.firm"): needs["response_id"].map(check.firms).fillna(""),
            T("survey.col.zone"): needs["zone_id"], T("survey.col.title"): needs["occupation_text"],
            T("survey.col.code"): needs["occupation_code"], T("survey.col.headcount"): needs["headcount"],
            T("survey.col.horizon"): needs["horizon"], T("survey.col.date"): needs["date"]})
        show_table(detail, {T("survey.col.headcount"): count, T("survey.col.date"): Fmt("date")}, lang,
                   key="survey_detail")
    matches = check.matches
    with st.expander(T("survey.matches.header", n=len(matches))):
        show_table(pd.DataFrame({
            T("survey.col.title"): matches["title"], T("survey.col.code"): matches["rome_code"].where(matches["rome_code"] != ""),
            T("survey.col.appellation"): matches["appellation"], T("survey.col.score"): matches["score"],
            T("survey.col.status"): matches["status"].map(lambda s: T(f"survey.status.{s}")),
            T("survey.col.reason"): [_reasons(T, r) or None for r in matches["reason"]]}),
            {T("survey.col.score"): Fmt("float", 1)}, lang)


def index_labels(territory: Territory) -> dict[str, str]:
    """ROME 4.0 code → label of the pack's `occupations` table."""
    occupations = territory.tables.get("occupations")
    if occupations is None:
        return {}
    rome = occupations[occupations["system"] == "ROME4"]
    return dict(zip(rome["code"].astype(str), rome["label"].astype(str), strict=True))


def _review(T, check, index: TitleIndex, store, user, can_edit: bool, lang: str) -> None:
    review = check.review
    st.subheader(T("survey.review.header", n=len(review)))
    if review.empty:
        st.caption(T("survey.review.none"))
        return
    if not can_edit:
        st.caption(T("survey.review.need_editor"))
    for row in review.itertuples(index=False):
        with st.container(border=True):
            one = "," not in str(row.rows)
            st.markdown(T("survey.review.item_one" if one else "survey.review.item", title=md(row.title), rows=row.rows,
                          appellation=md(row.appellation),
                          score=fmt_float(row.score, 1, lang)))
            if row.reason:
                st.caption(T("survey.review.why", reasons=_reasons(T, row.reason)))
            if not can_edit or store is None:
                continue
            codes = list(row.candidates)
            cols = st.columns([3, 2, 1])
            picked = cols[0].selectbox(T("survey.review.pick"), codes, key=review_key("pick", row.title),
                                       format_func=lambda c: f"{c} — {index.label_of(c)}")
            other = cols[1].text_input(T("survey.review.other"), key=review_key("other", row.title)).strip().upper()
            if cols[2].button(T("survey.review.confirm"), key=review_key("confirm", row.title)):
                code = normalise_rome(other) or picked
                if code not in index.codes:
                    referential = rome_referential(context.get_territory()) if is_rome_code(code) else None
                    st.error(md(malformed_rome_message(code, lang)) if not is_rome_code(code)
                             else md(unknown_rome_message(code, lang)) if referential and code not in referential
                             else T("survey.review.unknown_code", code=md(code)))
                    continue
                appellation = _appellation(index, code, row.appellation)
                try:
                    store.confirm(row.title, code, appellation, user.signature)
                except GpectError as exc:
                    show_error(exc)
                    continue
                st.session_state[MESSAGE] = T("survey.review.confirmed", title=md(row.title), code=code)
                st.rerun()


def review_key(widget: str, title: str) -> str:
    """The key of a review item's widget (« pick », « other », « confirm »): from the title, never its position, so a
    code typed for one title never moves to the next once a title is confirmed and leaves the queue."""
    return f"survey_review_{widget}_{hashlib.sha1(str(title).encode()).hexdigest()[:12]}"


def _appellation(index: TitleIndex, code: str, proposed: str) -> str:
    rows = index.frame[index.frame["rome_code"] == code]
    if proposed in set(rows["appellation"]):
        return proposed
    return index.label_of(code) or str(rows["appellation"].iloc[0])


def _accept(T, pack, check, store, mapping: ColumnMapping, key: str, user) -> None:
    preview = prepare(pack, [Upload(IMPORT_NAME, needs_csv(check.needs))], imported_by=user.signature)
    if not preview.ok:
        st.error(md(preview.report()))
        return
    if preview.doubts and not check.doubts:  # the rows' own check found nothing the user has not seen: say it
        st.error(md("\n".join([T("survey.confirm.needed", n=len(preview.doubts)),
                                *(d.message for d in preview.doubts[:20])])))
        return
    try:
        if store is not None:
            store.save_profile(key, mapping.columns, user.signature)
            store.save_firms(check.firms, user.signature)
        integrate(pack, preview, confirmed=True)  # the survey's doubts were confirmed (render)
    except GpectError as exc:
        show_error(exc)
        return
    UPLOAD.clear(T("survey.accepted", n=len(check.needs)))
    context.reload_territory()
    st.rerun()
