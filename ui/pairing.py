"""« Rapprochement d'entreprises »: import of the two lists (editors), the pairing at a distance the user sets,
its table, map and XLSX export, and the status of each pair (editors) with its history.

Viewers see communes, occupations and headcounts only: firm names are shown to editors alone.
"""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from gpect_core.errors import GpectError
from gpect_core.formatting import Fmt
from gpect_core.indicators.bridges import labels as occupation_labels
from gpect_core.pairing.export import orphans_for_export, pairing_xlsx, pairs_for_export, removal_note
from gpect_core.pairing.geo import finest_zoning
from gpect_core.pairing.maps import pairing_map
from gpect_core.pairing.reader import read_list
from gpect_core.pairing.solver import pair_jobs
from gpect_core.pairing.store import PairingStore
from gpect_core.pairing.survey import with_survey
from gpect_core.pairing.templates import SPECS, pairing_template
from gpect_core.plan.engine import default_url
from gpect_core.survey.store import SurveyStore
from ui.context import zoning_label
from ui.donnees_confirm import confirm_doubts
from ui.feedback import show_error
from ui.plan import login
from ui.plan.session import current_user
from ui.staged_upload import StagedUpload
from ui.tables import show_table

UPLOADS = {kind: StagedUpload(f"pairing_staged_{kind}", f"pairing_upload_{kind}", f"pairing_done_{kind}")
           for kind in ("fragile", "hiring")}
TABLE_COLUMNS = ("fragile_firm", "from_commune_name", "from_label", "hiring_firm", "to_commune_name", "to_label",
                 "headcount", "link", "bridge_score", "distance_km", "distance_note", "skills_to_acquire", "training",
                 "status")
MODES = ("km", "same", "neighbours")


def _survey_firms(editor: bool) -> dict[str, str]:
    """Firm names of the survey answers (editors only; {} when the survey store cannot be read)."""
    if not editor:
        return {}
    try:
        return SurveyStore(get_store().engine).firms()
    except Exception:  # noqa: BLE001 — names are a convenience: the rows are still paired without them
        return {}


@st.cache_resource(show_spinner=False, max_entries=4)
def _open_store(url: str, code_id: int) -> PairingStore:
    return PairingStore.open(url)


def get_store() -> PairingStore:
    """The pairing store of this deployment (the plan database)."""
    return _open_store(default_url(), id(PairingStore))


@st.cache_resource(show_spinner=False, max_entries=8)
def _read_staged(digest: str, kind: str, name: str, fingerprint: str, lang: str, _data: bytes,
                 _territory) -> pd.DataFrame:
    """The staged file read once per (content, kind, name, pack, language), not at every rerun while it waits
    (read-only)."""
    return read_list(_data, kind, _territory, file_name=name, lang=lang)


def _preview(ctx, frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The list as read, with its columns named and the commune and occupation names beside their codes."""
    T = ctx.t
    communes = ctx.territory.tables["communes"].set_index("commune_id")["name"].to_dict()
    labels = occupation_labels(ctx.territory)
    last = "time_frame" if kind == "fragile" else "horizon"
    return pd.DataFrame({
        T("pairing.preview.firm"): frame["firm"].to_numpy(),
        T("pairing.preview.commune"): [f"{communes.get(c, '?')} ({c})" for c in frame["commune_id"]],
        T("pairing.preview.occupation"): [f"{labels.get(c, '?')} ({c})" for c in frame["occupation_code"]],
        T(f"pairing.preview.headcount.{kind}"): frame["headcount"].to_numpy(),
        T(f"pairing.preview.{last}"): frame[last].to_numpy()})


def removal_firms(removals: pd.DataFrame) -> pd.Series:
    """The firms an import would remove (`PairingStore.removals`: one row per list row), each once, in the order
    met, with the number of their decided pairs (int)."""
    if removals.empty:
        return pd.Series(dtype="int64")
    return removals.groupby("firm", sort=False)["decided"].sum().astype("int64")


def _import_section(ctx, store: PairingStore, user) -> None:
    T = ctx.t
    st.subheader(T("pairing.import.header"))
    for kind, key in (("fragile", "pairing.import.fragile"), ("hiring", "pairing.import.hiring")):
        spec = SPECS[kind]
        st.download_button(T("pairing.template", name=T(f"pairing.read.list.{kind}")), pairing_template(kind),
                           file_name=f"modele_{spec.key}.xlsx", key=f"pairing_template_{kind}", on_click="ignore",
                           icon=":material/download:")
        upload = UPLOADS[kind]
        upload.uploader(T(key), ["xlsx"])
        upload.show_message()
        staged = upload.file()
        if not staged:
            continue
        name, data = staged
        try:
            frame = _read_staged(hashlib.sha256(data).hexdigest(), kind, name,
                                 ctx.territory.fingerprint or str(id(ctx.territory)), ctx.lang, data,
                                 ctx.territory)
        except GpectError as exc:
            show_error(exc)
            continue
        st.caption(T("pairing.import.preview" + (".hiring" if kind == "hiring" else ""), rows=len(frame),
                     people=int(frame["headcount"].sum())))
        show_table(_preview(ctx, frame, kind), {T(f"pairing.preview.headcount.{kind}"): Fmt("int")}, ctx.lang,
                   height=180, key=f"pairing_preview_{kind}")
        if frame.attrs.get("matched_titles"):
            st.info(T("pairing.import.matched", n=len(frame.attrs["matched_titles"])))
            st.dataframe(pd.DataFrame(frame.attrs["matched_titles"],
                                      columns=[T("pairing.matched.row"), T("pairing.matched.title"),
                                               T("pairing.matched.code"), T("pairing.matched.appellation"),
                                               T("pairing.matched.score")]), hide_index=True)
        doubts = frame.attrs.get("doubts", [])
        digest = hashlib.sha1("\n".join(d.message for d in doubts).encode()).hexdigest()[:12]
        confirmed = confirm_doubts(T, doubts, f"pairing_confirm_{kind}_{digest}")
        removals = store.removals(kind, frame)
        removal_ok = True
        firms_gone = removal_firms(removals)
        if len(removals):
            firms = [T("pairing.import.removal_decided", firm=firm, n=n) if n else firm
                     for firm, n in firms_gone.items()]
            st.warning(T("pairing.import.removals", n=len(firms_gone), rows=len(removals), firms=" ; ".join(firms)))
            digest = hashlib.sha1("\n".join(removals["entry_id"]).encode()).hexdigest()[:12]
            removal_ok = st.checkbox(T("pairing.import.remove_confirm", n=len(firms_gone), rows=len(removals)),
                                     key=f"pairing_remove_{kind}_{digest}")
        row = st.container(horizontal=True)
        accept = row.button(T("pairing.import.accept"), key=f"pairing_accept_{kind}")
        upload.discard_button(T("pairing.import.cancel"), f"pairing_cancel_{kind}", T("pairing.import.cancelled"), row)
        if not accept:
            continue
        if not confirmed:
            st.error(T("pairing.import.confirm_needed", n=len(doubts)))
            continue
        if not removal_ok:
            st.error(T("pairing.import.remove_needed", n=len(firms_gone), rows=len(removals)))
            continue
        try:
            counts = store.import_list(kind, frame, user.signature)
        except GpectError as exc:
            show_error(exc)
        else:
            # the preview goes: what is stored is now the list, and a second click must not meet a stale preview
            upload.clear(T("pairing.import.done", **counts))
            st.rerun()


def _orphans_section(ctx, orphans: pd.DataFrame, editor: bool) -> None:
    """The accepted or refused pairs of which a firm was removed from its list (`PairingStore.orphan_pairs`):
    kept in the store, shown here."""
    T = ctx.t
    if orphans.empty:
        return
    names = ctx.territory.tables["communes"].set_index("commune_id")["name"].to_dict()
    orphans = orphans.assign(
        fragile_commune=orphans["fragile_commune"].map(lambda c: f"{names.get(c, c)} ({c})" if c else ""),
        hiring_commune=orphans["hiring_commune"].map(lambda c: f"{names.get(c, c)} ({c})" if c else ""),
        status=orphans["status"].map(lambda s: T(f"pairing.status.{s}")),
        removed=orphans["removed"].map(lambda r: T(f"pairing.removed.{r}")))
    columns = (["fragile_firm"] if editor else []) + ["fragile_commune", "from_code"] + (
        ["hiring_firm"] if editor else []) + ["hiring_commune", "to_code", "headcount", "status", "removed"]
    st.subheader(T("pairing.orphans.header"))
    st.caption(T("pairing.orphans.caption"))
    show_table(orphans[columns].rename(columns={c: T(f"pairing.col.{c}") for c in columns}),
               {T("pairing.col.headcount"): Fmt("int")}, ctx.lang, key="pairing_orphans")


LOG_ROWS = 200


def _history_after(T, after) -> str:
    """The « after » of a pair's history row in words: a status, or the figures of an update (« update »)."""
    if not isinstance(after, str):
        return "–"
    value = json.loads(after)
    if isinstance(value, dict):
        figures = ", ".join(f"{T(f'pairing.col.{k}') if k in ('headcount', 'distance_km') else k} : {v}"
                            for k, v in value.items())
        return T("pairing.history.figures", figures=figures)
    return T(f"pairing.status.{value}")


def _log_section(ctx, store: PairingStore) -> None:
    """Editors: the history of the lists and the pairs (who, when, what), newest first."""
    T = ctx.t
    history = store.history_frame(limit=LOG_ROWS)
    if history.empty:
        return

    firms = {r.entry_id: r.firm for kind in ("fragile", "hiring") for r in store.list_frame(kind).itertuples()}
    for row in history[history["entity"] != "pair"].itertuples(index=False):
        for side in (row.before, row.after):
            if isinstance(side, str):
                firms.setdefault(row.entity_id, json.loads(side).get("firm", ""))

    def detail(row) -> str:
        if row.entity == "pair":
            pair = " → ".join(firms.get(i, i) for i in row.entity_id.split(">"))
            return f"{pair} : " + _history_after(T, row.after if isinstance(row.after, str) else row.before)
        before = json.loads(row.before) if isinstance(row.before, str) else None
        after = json.loads(row.after) if isinstance(row.after, str) else None
        firm = (after or before or {}).get("firm", "")
        change = "added" if before is None else ("removed" if after is None else "changed")
        return f"{firm} : {T(f'pairing.log.{change}')}"

    shown = pd.DataFrame({
        T("pairing.col.at"): history["at"].dt.strftime("%Y-%m-%d %H:%M UTC"),
        T("pairing.col.user_name"): history["user_name"],
        T("pairing.col.kind"): history["kind"].map(lambda k: T(f"pairing.kind.{k}")),
        T("pairing.col.entity"): history["entity"].map(lambda e: T(f"pairing.log.entity.{e}")),
        T("pairing.col.what"): [detail(r) for r in history.itertuples(index=False)]})
    with st.expander(T("pairing.log.header")):
        st.caption(T("pairing.log.caption", n=len(shown)))
        show_table(shown, {}, ctx.lang, key="pairing_log")


def render(ctx) -> None:
    """The whole page body for the page context `ctx` (ui.context.PageContext)."""
    T = ctx.t
    user = current_user()
    login.sidebar(user, T, "pairing.login.header")
    editor = user is not None and user.can_edit
    st.markdown(T("pairing.intro"))
    try:
        store = get_store()
    except GpectError as exc:
        show_error(exc)
        return
    if editor:
        with st.expander(T("pairing.import.header"), expanded=False):
            _import_section(ctx, store, user)
        _log_section(ctx, store)
    else:
        st.info(T("pairing.viewer_note"))
    orphans = store.orphan_pairs()
    _orphans_section(ctx, orphans, editor)
    firms = _survey_firms(editor)
    fragile = with_survey(ctx.territory, store.list_frame("fragile"), "fragile", firms)
    hiring = with_survey(ctx.territory, store.list_frame("hiring"), "hiring", firms)
    from_survey = {k: int((f["source"] == "enquête").sum()) for k, f in (("fragile", fragile), ("hiring", hiring))}
    if any(from_survey.values()):
        st.caption(T("pairing.survey_note", **from_survey))
    if fragile.empty or hiring.empty:
        missing = "both" if fragile.empty and hiring.empty else ("fragile" if fragile.empty else "hiring")
        st.info(T("pairing.empty", missing=T(f"pairing.empty.{missing}")))
        if not orphans.empty:
            statuses = store.pairs_frame().set_index("pair_id")["status"].to_dict()
            _export_button(ctx, None, fragile, hiring, {p: T(f"pairing.status.{s}") for p, s in statuses.items()},
                           editor, orphans)
        if editor and not orphans.empty:
            _status_section(ctx, store, {}, orphans, user)
        return
    st.caption(T("pairing.scope"))
    mode = st.segmented_control(T("pairing.mode"), MODES, default="km", key="pairing_mode",
                                format_func=lambda m: T(f"pairing.mode.{m}")) or "km"
    max_km, zoning = 30, None
    if mode == "km":
        max_km = st.number_input(T("pairing.max_km"), min_value=0, max_value=300, value=30, step=5, key="pairing_km")
    else:
        zonings = ctx.territory.zoning_ids()
        default = "BMO" if "BMO" in zonings else (ctx.territory.default_zoning or zonings[0])
        zoning = st.selectbox(T("pairing.basins_zoning"), zonings, index=zonings.index(default),
                              key="pairing_basins_zoning",
                              format_func=lambda z: zoning_label(ctx.territory, z, ctx.lang))
    stored = store.pairs_frame().set_index("pair_id")
    try:
        result = pair_jobs(fragile, hiring, ctx.territory, float(max_km) if mode == "km" else None,
                           basins=None if mode == "km" else mode, zoning=zoning, decided=stored.reset_index())
    except GpectError as exc:
        show_error(exc)
        return
    finest, basin_name = finest_zoning(ctx.territory), zoning_label(ctx.territory, result.zoning, ctx.lang)
    st.caption(T("pairing.distance_note.communes", zoning=zoning_label(ctx.territory, finest, ctx.lang)
                 if finest else "–") + (" " + T("pairing.basins_note", zoning=basin_name) if result.basins else ""))
    st.markdown(T("pairing.summary", paired=result.paired, fragile=result.fragile_total, hiring=result.hiring_total,
                  km=max_km) if mode == "km" else T(f"pairing.summary.{mode}", paired=result.paired,
                                                     fragile=result.fragile_total, hiring=result.hiring_total,
                                                     zoning=basin_name))
    statuses = stored["status"].to_dict()
    labels = {p: T(f"pairing.status.{s}") for p, s in statuses.items()}
    if result.pairs.empty:
        st.info(T("pairing.none"))
        if not orphans.empty:
            _export_button(ctx, result, fragile, hiring, labels, editor, orphans)
        outside = _decided_outside(ctx, stored, result, orphans, fragile, hiring)
        if editor and (outside or not orphans.empty):
            _status_section(ctx, store, outside, orphans, user, stored)
        return
    pairs = pairs_for_export(result.pairs, ctx.lang, labels)
    columns = [c for c in TABLE_COLUMNS if editor or not c.endswith("_firm")]
    formats = {T("pairing.col.headcount"): Fmt("int"), T("pairing.col.bridge_score"): Fmt("float", 2),
               T("pairing.col.distance_km"): Fmt("float", 1)}
    show_table(pairs[columns].rename(columns={c: T(f"pairing.col.{c}") for c in columns}), formats, ctx.lang,
               key="pairing_table")
    st.caption(T("pairing.table.caption", n=len(pairs)))
    st_folium(pairing_map(ctx.territory, result.pairs, statuses, lang=ctx.lang), key="pairing_map", height=460,
              use_container_width=True, returned_objects=[])
    st.caption(T("pairing.map.caption"))
    _export_button(ctx, result, fragile, hiring, labels, editor, orphans)
    if editor:
        _editor_section(ctx, store, result, stored, user, orphans, fragile, hiring)


def _export_button(ctx, result, fragile: pd.DataFrame, hiring: pd.DataFrame, labels: dict[str, str], editor: bool,
                   orphans: pd.DataFrame) -> None:
    """The advisers' workbook (`pairing_xlsx`): the pairs of `result` (None when a list is empty and nothing was
    paired) and the decided pairs whose firm was removed from its list (`orphans`), firm names for editors only."""
    T = ctx.t
    communes = ctx.territory.tables["communes"].set_index("commune_id")["name"].to_dict()
    removed = orphans_for_export(orphans, ctx.lang, labels, occupation_labels(ctx.territory), communes)
    st.download_button(T("pairing.export"), lambda: pairing_xlsx(result, fragile, hiring, labels, with_firms=editor,
                                                              lang=ctx.lang, orphans=removed),
                       file_name="rapprochements.xlsx" if ctx.lang == "fr" else "pairs.xlsx", key="pairing_export",
                       on_click="ignore")


def _decided_outside(ctx, stored: pd.DataFrame, result, orphans: pd.DataFrame, fragile: pd.DataFrame,
                     hiring: pd.DataFrame) -> dict[str, str]:
    """The decided pairs (« accepté », « refusé ») of listed firms that the pairing shown does not hold — a
    refused link, never proposed again —, {pair_id: text}, so that an editor can still change their status."""
    T = ctx.t
    shown = set(result.pairs["pair_id"]) if result is not None else set()
    decided = stored[stored["status"].isin(["accepte", "refuse"]) & ~stored.index.isin(shown)
                     & ~stored.index.isin(set(orphans.get("pair_id", [])))]
    firms = {**dict(zip(fragile["entry_id"], fragile["firm"], strict=True)),
             **dict(zip(hiring["entry_id"], hiring["firm"], strict=True))}
    return {p: T("pairing.status.decided", pair=f"{firms.get(r.fragile_id, '?')} → {firms.get(r.hiring_id, '?')} "
                                               f"({r.from_code} → {r.to_code}, {r.headcount})",
                 status=T(f"pairing.status.{r.status}"))
            for p, r in decided.iterrows()}


def _editor_section(ctx, store: PairingStore, result, stored, user, orphans: pd.DataFrame, fragile: pd.DataFrame,
                    hiring: pd.DataFrame) -> None:
    T = ctx.t
    if st.button(T("pairing.save"), key="pairing_save"):
        try:
            counts = store.save_proposals(result.pairs, user.signature)
        except GpectError as exc:
            show_error(exc)
        else:
            st.success(T("pairing.saved", **counts))
            st.rerun()
    known = result.pairs[result.pairs["pair_id"].isin(stored.index)]
    names = {r.pair_id: f"{r.fragile_firm} → {r.hiring_firm} ({r.from_code} → {r.to_code}, {r.headcount})"
             for r in known.itertuples(index=False)}
    names.update(_decided_outside(ctx, stored, result, orphans, fragile, hiring))
    _status_section(ctx, store, names, orphans, user, stored)


def _status_section(ctx, store: PairingStore, names: dict[str, str], orphans: pd.DataFrame, user,
                    stored: pd.DataFrame | None = None) -> None:
    """The status picker of the stored pairs: those of the pairing shown (`names` {pair_id: text}), then the decided
    pairs whose firm was removed from its list (`orphans`), each marked « entreprise retirée de la liste le … »."""
    T = ctx.t
    names = dict(names)
    for r in orphans.itertuples(index=False):
        pair = (f"{r.fragile_firm or '?'} → {r.hiring_firm or '?'} ({r.from_code} → {r.to_code}, "
                f"{r.headcount})")
        names[r.pair_id] = T("pairing.status.orphan", pair=pair, note=removal_note(r.removed, r.removed_at, ctx.lang))
    st.subheader(T("pairing.status.header"))
    if not names:
        st.info(T("pairing.status.unsaved"))
        return
    if stored is None:
        stored = store.pairs_frame().set_index("pair_id")
    pair_id = st.selectbox(T("pairing.status.pair"), list(names), format_func=names.get, key="pairing_pair")
    current = stored.loc[pair_id, "status"]
    status = st.radio(T("pairing.status.value"), ["propose", "accepte", "refuse"], horizontal=True,
                      index=["propose", "accepte", "refuse"].index(current),
                      format_func=lambda s: T(f"pairing.status.{s}"), key=f"pairing_status_{pair_id}")
    if st.button(T("pairing.status.save"), key="pairing_status_save"):
        try:
            store.set_status(pair_id, status, user.signature, version=int(stored.loc[pair_id, "version"]))
        except GpectError as exc:
            show_error(exc)
        else:
            st.toast(T("pairing.status.saved"))
            st.rerun()
    history = store.history_frame(pair_id)
    st.markdown(f"**{T('pairing.history')}**")
    shown = history.assign(after=[_history_after(T, a) for a in history["after"]])[
        ["at", "user_name", "kind", "after"]]
    shown = shown.assign(at=shown["at"].dt.strftime("%Y-%m-%d %H:%M UTC"),
                         kind=shown["kind"].map(lambda k: T(f"pairing.kind.{k}")))
    st.table(shown.rename(columns={c: T(f"pairing.col.{c}") for c in shown.columns}).set_index(T("pairing.col.at")))
