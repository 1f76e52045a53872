"""« Passerelles »: pick an occupation (or a weakened one of the selection), see the occupations it leads to,
ranked by what the selection offers, with the skills to acquire and the local training. The figures and rules are
`gpect_core.indicators.bridges`; the diagram is `gpect_core.charts.bridges`."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import streamlit as st

from gpect_core import Territory
from gpect_core.assemble.bridges import MIN_SCORE, TOP_K
from gpect_core.charts.bridges import MAX_TARGETS, bridges_diagram
from gpect_core.formatting import Fmt, fmt_number, fmt_pct, yes_no
from gpect_core.indicators import bridges as core
from gpect_core.selection import Selection
from ui import context
from ui.charts import show_chart
from ui.downloads import chart_downloads, table_downloads
from ui.feedback import md
from ui.links import PARAM_BRIDGE_ORIGIN, PARAM_BRIDGE_START, bound
from ui.pairing import get_store
from ui.tables import show_table

INT, PCT, FLOAT, SCORE, SIGNED = Fmt("int"), Fmt("pct"), Fmt("float"), Fmt("float", 2), Fmt("pct", 0)
# The start and the origin occupation are URL parameters (`ui.links.bound`): a link gives the same diagram.
START_KEY, ORIGIN_KEY, TARGET_KEY = PARAM_BRIDGE_START, PARAM_BRIDGE_ORIGIN, "passerelles_target"
TARGET_TABLES = ["bridges", "recruitment", "tension", "needs", "skills", "training"]


@st.cache_resource(show_spinner=False, max_entries=32)
def _fragile(_territory: Territory, fingerprint: str, selection: Selection, _firms: pd.DataFrame | None,
             firms_key: tuple) -> pd.DataFrame:
    return core.fragile_occupations(_territory, selection, _firms)


def _declared_firms() -> tuple[pd.DataFrame | None, tuple]:
    """The platform's list of firms with fragile jobs (firm, commune, occupation, headcount: the names only count
    the declaring firms, never shown) and a key of its content; (None, ()) when the shared store cannot be read (the page then uses the survey alone)."""
    try:
        frame = get_store().list_frame("fragile")[["firm", "commune_id", "occupation_code", "headcount"]]
    except Exception:  # noqa: BLE001 — the store is optional here: the pack's own signals still apply
        return None, ()
    return frame, tuple(frame.itertuples(index=False, name=None))


def _signs(ctx, fragile: pd.DataFrame) -> list[str]:
    t = ctx.t
    out = []
    for row in fragile.itertuples(index=False):
        signs = [t("bridges.sign.falling")] if row.falling else []
        if row.many_jobseekers:
            signs.append(t("bridges.sign.many", ratio=fmt_number(row.jobseekers_per_offer, 1, ctx.lang)))
        if row.low_tension:
            signs.append(t("bridges.sign.low", cls=fmt_number(row.tension_class, 1, ctx.lang)))
        if row.declared > 0:
            high = not pd.isna(row.tension_class) and row.tension_class >= core.HIGH_TENSION
            signs.append(t("bridges.sign.declared_high" if high else "bridges.sign.declared",
                           firms=int(row.declared_firms), n=int(row.declared),
                           cls=fmt_number(row.tension_class, 1, ctx.lang)))
        out.append(" ; ".join(signs))
    return out


@st.cache_resource(show_spinner=False, max_entries=64)
def _targets(_territory: Territory, fingerprint: str, selection: Selection, origin: str) -> pd.DataFrame:
    return core.reachable_targets(_territory, selection, origin)


def _per_offer_note(ctx, attrs: dict) -> None:
    """Says where « Demandeurs par offre » comes from when it is not the selection's own tension, or why it is
    empty (`indicators.bridges.offers_source`)."""
    source = attrs.get("offers") or {}
    if source.get("own", True) and not source.get("reason"):
        return
    if source.get("zoning"):
        st.caption(ctx.t("passerelles.per_offer.nested", year=source["year"], zones=source["zones"],
                         zoning=context.zoning_label(ctx.territory, source["zoning"], ctx.lang)))
    else:
        st.info(ctx.t(f"passerelles.per_offer.missing.{source.get('reason', 'none')}"))


def _fragile_section(ctx, fragile: pd.DataFrame) -> None:
    t = ctx.t
    years = fragile.attrs.get("years")
    span = (f"{years[0]} {t('passerelles.and')} {years[1]}" if years else t("passerelles.fragile.no_trend"))
    st.markdown(f"**{t('passerelles.fragile.title')}**")
    st.caption(t("passerelles.fragile.rule", fall=fmt_pct(core.FALL_SHARE, 0, ctx.lang), years=span,
                 ratio=f"{core.JOBSEEKERS_PER_OFFER:g}", low=core.LOW_TENSION, high=core.HIGH_TENSION) + " "
               + t("passerelles.fragile.firms"))
    if fragile.empty:
        st.info(t("passerelles.fragile.none"))
        return
    shown = pd.DataFrame({
        t("col.occupation"): fragile["label"], t("col.code"): fragile["occupation_code"],
        t("bridges.col.signals"): fragile["signals"], t("bridges.col.reasons"): _signs(ctx, fragile),
        t("bridges.col.falling"): yes_no(fragile["falling"], ctx.lang),
        t("bridges.col.change"): fragile["projects_change"],
        t("bridges.col.jobseekers_per_offer"): fragile["jobseekers_per_offer"],
        t("col.tension_class"): fragile["tension_class"], t("col.projects"): fragile["projects"],
        t("bridges.col.declared"): fragile["declared"],
        t("bridges.col.figure_fragile"): yes_no(fragile["fragile"], ctx.lang)})
    formats = {t("bridges.col.signals"): INT, t("bridges.col.change"): SIGNED, t("bridges.col.declared"): INT,
               t("bridges.col.jobseekers_per_offer"): FLOAT, t("col.tension_class"): FLOAT, t("col.projects"): INT}
    if not years:  # one year only: the falling-projects sign is not applied, so « non » would mislead
        shown = shown.drop(columns=[t("bridges.col.falling"), t("bridges.col.change")])
    show_table(shown, formats, ctx.lang, height=min(38 + 35 * len(shown), 320))
    _per_offer_note(ctx, fragile.attrs)
    table_downloads(ctx, shown, t("passerelles.fragile.title"), ["recruitment", "tension"], "passerelles_fragile",
                    formats=formats)


def _targets_table(ctx, targets: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    t = ctx.t
    reasons = [t(f"bridges.reason.{r}") if r else "" for r in targets["fragile_reason"]]
    shown = pd.DataFrame({
        t("col.rank"): targets["rank"], t("bridges.col.target"): targets["label"], t("col.code"): targets["to_code"],
        t("bridges.col.kind"): [t(f"bridges.kind.{k}") for k in targets["kind"]],
        t("bridges.col.score"): pd.to_numeric(targets["score"], errors="coerce").to_numpy(dtype=float,
                                                                                       na_value=np.nan),
        t("bridges.col.openings"): targets["openings"], t("col.projects"): targets["projects"],
        t("col.difficult_share"): targets["difficult_share"], t("bridges.col.needs"): targets["needs"],
        t("col.tension_class"): targets["tension_class"],
        t("bridges.col.jobseekers_per_offer"): targets["jobseekers_per_offer"],
        t("col.fragile"): [f"⚠ {r}" if f else "" for f, r in zip(targets["fragile"], reasons, strict=True)],
        t("bridges.col.to_acquire"): targets["to_acquire"], t("bridges.col.skills"): targets["skills_to_acquire"],
        t("bridges.col.trainings"): targets["trainings"]})
    formats = {t("col.rank"): INT, t("bridges.col.score"): SCORE, t("bridges.col.openings"): INT,
               t("col.projects"): INT, t("col.difficult_share"): PCT, t("bridges.col.needs"): INT,
               t("col.tension_class"): FLOAT, t("bridges.col.jobseekers_per_offer"): FLOAT,
               t("bridges.col.to_acquire"): INT, t("bridges.col.trainings"): INT}
    return shown, formats


def _detail(ctx, targets: pd.DataFrame, origin: str, selection: Selection) -> None:
    t = ctx.t
    st.markdown(f"**{t('passerelles.detail')}**")
    codes = list(targets["to_code"])
    names = dict(zip(targets["to_code"], targets["label"], strict=True))
    target = st.selectbox(t("passerelles.detail.target"), codes, key=TARGET_KEY,
                          format_func=lambda c: f"{names.get(c, c)} ({c})") or codes[0]
    gap = core.skills_to_acquire(ctx.territory, origin, target) if "skills" in ctx.territory.tables else None
    left, right = st.columns(2)
    with left:
        n = 0 if gap is None else len(gap)
        st.markdown(f"*{t('passerelles.skills.title', n=n)}*")
        if not n:
            st.caption(t("passerelles.skills.none"))
        else:
            shown = pd.DataFrame({t("bridges.col.skill"): gap["label"],
                                  t("bridges.col.skill_kind"): [t(f"bridges.skill_kind.{k}") for k in gap["kind"]]})
            show_table(shown, {}, ctx.lang)
            table_downloads(ctx, shown, t("passerelles.skills.title", n=n) + f" — {names.get(target, target)}",
                            ["skills"], "passerelles_skills")
    with right:
        courses = core.training_for(ctx.territory, selection, [target])
        st.markdown(f"*{t('passerelles.training.title', n=len(courses))}*")
        if courses.empty:
            st.caption(t("passerelles.training.none"))
        else:
            uai = courses["provider"].astype("string").str.fullmatch(r"\d{7}[A-Z]").fillna(False).all()
            provider = t("bridges.col.provider_uai") if uai else t("bridges.col.provider")
            where = t("bridges.col.departement") if (courses["zoning"] == "DEP").all() else \
                t("bridges.col.training_zone")
            shown = pd.DataFrame({t("bridges.col.title"): courses["title"],
                                  provider: courses["provider"], where: courses["zone_name"],
                                  t("bridges.col.level"): courses["level"],
                                  t("bridges.col.capacity"): courses["capacity"], t("col.year"): courses["year"]})
            formats = {t("bridges.col.capacity"): INT}
            show_table(shown, formats, ctx.lang)
            st.caption(t("passerelles.training.rule") + (" " + t("passerelles.training.unknown_places")
                                                            if courses["capacity"].isna().any() else ""))
            table_downloads(ctx, shown, t("passerelles.training.title", n=len(courses))
                            + f" — {names.get(target, target)}", ["training"], "passerelles_training",
                            formats=formats)


def _start_from_link(territory, fingerprint: str, selection, bridges: pd.DataFrame) -> None:
    """A link naming an origin occupation (« origine ») without a start (« depart ») opens the page on « any
    occupation » when that occupation is not among the fragile ones: the link's origin is kept rather than refused
    as unknown. Only when the page opens from the link (the start widget not drawn yet in this session)."""
    raw = st.query_params.get(PARAM_BRIDGE_ORIGIN)
    if not raw or st.query_params.get(PARAM_BRIDGE_START) or START_KEY in st.session_state:
        return
    found = re.search(r"([A-N]\d{4})\)?\s*$", raw.strip().upper())
    code = found.group(1) if found else ""
    if code not in set(bridges["from_code"]):
        return
    firms, firms_key = _declared_firms()
    if code not in set(_fragile(territory, fingerprint, selection, firms, firms_key)["occupation_code"]):
        st.query_params[PARAM_BRIDGE_START] = "any"


def render() -> None:
    """The whole page."""
    ctx = context.page_context()
    t = ctx.t
    context.page_header(ctx, "passerelles.title")
    territory = ctx.territory
    bridges = core.bridges_table(territory)
    if bridges is None or bridges.empty:
        st.info(t("passerelles.none"))
        return
    context.selection_reading(ctx)
    st.caption(t("passerelles.intro"))
    selection = ctx.selection
    fingerprint = territory.fingerprint or str(id(territory))
    start_label = lambda s: t(f"passerelles.start.{s}")  # noqa: E731
    _start_from_link(territory, fingerprint, selection, bridges)
    start = st.segmented_control(t("passerelles.start"), ["fragile", "any"],
                                 **bound(t("passerelles.start"), PARAM_BRIDGE_START, ["fragile", "any"], ctx.lang,
                                         start_label)) or "fragile"
    labels = core.labels(territory)
    if start == "fragile":
        firms, firms_key = _declared_firms()
        fragile = _fragile(territory, fingerprint, selection, firms, firms_key)
        _fragile_section(ctx, fragile)
        options = list(fragile["occupation_code"])
    else:
        options = []
    if not options:
        options = sorted(set(bridges["from_code"]), key=lambda c: (labels.get(c, c), c))
    origin_label = lambda c: f"{labels.get(c, c)} ({c})"  # noqa: E731
    origin = st.selectbox(t("passerelles.origin"), options,
                          **bound(t("passerelles.origin"), PARAM_BRIDGE_ORIGIN, options, ctx.lang, origin_label)) or options[0]
    targets = _targets(territory, fingerprint, selection, origin)
    label = targets.attrs.get("origin_label", labels.get(origin, origin))
    title = t("passerelles.targets.title", label=label)
    st.subheader(t("passerelles.targets.title", label=md(label)))
    if targets.empty:
        st.info(t("passerelles.targets.none"))
        return
    year, system = targets.attrs.get("year"), targets.attrs.get("system")
    if year and targets.attrs.get("crosswalk"):
        st.info(t("passerelles.crosswalk", year=year, system=system))
    elif year:
        st.caption(t("passerelles.year", year=year))
    if unused := targets.attrs.get("unused"):
        st.caption(t("passerelles.unused_years", year=year, years=", ".join(str(y) for y, _ in unused),
                     systems=" / ".join(dict.fromkeys(s for _, s in unused))))
    st.caption(t("passerelles.targets.rule"))
    chart = bridges_diagram(targets, label, ctx.lang, title=title, subtitle=ctx.selection_label)
    show_chart(chart, title, ctx.lang)
    if len(targets) > MAX_TARGETS:
        st.caption(t("passerelles.targets.shown", n=MAX_TARGETS, total=len(targets)))
    chart_downloads(ctx, chart, title, TARGET_TABLES, "passerelles_diagram")
    shown, formats = _targets_table(ctx, targets)
    show_table(shown, formats, ctx.lang)
    _per_offer_note(ctx, targets.attrs)
    table_downloads(ctx, shown, title, TARGET_TABLES, "passerelles_targets", formats=formats)
    _detail(ctx, targets, origin, selection)
    with st.expander(t("passerelles.method")):
        st.markdown(t("passerelles.method.text", k=TOP_K, min=fmt_number(MIN_SCORE, 2, ctx.lang)))
