"""« Formations et besoins »: the coverage table of the selection, the gaps with their rule, a map of coverage by
zone and the chart of the top gaps (logic in `gpect_core.indicators.training_needs`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from gpect_core.charts.training import gaps_bar
from gpect_core.errors import GpectError
from gpect_core.formatting import Fmt, fmt_float, fmt_int
from gpect_core.indicators.choropleth import classify
from gpect_core.indicators.occupations import MIN_PROJECTS
from gpect_core.indicators.training_needs import (
    COVERED_PLACES_PER_100,
    FEW_PROJECTS,
    GAP_CLASSES,
    LOW_PLACES_PER_100,
    LOW_TENSION,
    SHORTAGE_DIFFICULT,
    SHORTAGE_TENSION,
    WEAK_EMPLOYMENT,
    Coverage,
    bmo_editions,
    classify_gaps,
    coarser,
    coverage,
    coverage_by_zone,
    declared_needs,
    family_table,
    map_zoning,
    programme_table,
    shared_training,
    top_gaps,
    totals,
)
from gpect_core.maps import class_colours, legend_html, legend_items
from ui import context
from ui.charts import show_chart
from ui.downloads import chart_downloads, table_downloads
from ui.map import zone_map
from ui.tables import show_table

MAP_KEY = "formations_map"
MAX_SHOWN_ROWS = 150
SOURCES = ["recruitment", "tension", "needs", "training"]
INT, PCT, FLOAT = Fmt("int"), Fmt("pct"), Fmt("float")
# column → (catalogue key, format); the shown table keeps this order. A ROME row shows only its own figures: the
# BMO projects of a FAP family shared by several ROME codes are in the family table, once (`family_table`).
SHOWN = {
    "occupation_code": ("formations.col.code", None), "label": ("formations.col.label", None),
    "own_projects": ("formations.col.projects", INT), "bmo_family": ("formations.col.bmo_family", None),
    "family_projects": ("formations.col.family_projects", INT),
    "difficult_share": ("formations.col.difficult_share", PCT), "reliability": ("formations.col.reliability", None),
    "tension_class": ("formations.col.tension_class", INT),
    "needs_total": ("formations.col.needs_total", INT), "needs_6m": ("formations.col.needs_6m", INT),
    "needs_1y": ("formations.col.needs_1y", INT), "needs_3y": ("formations.col.needs_3y", INT),
    "programmes": ("formations.col.programmes", INT), "places": ("formations.col.places", INT),
    "wishes": ("formations.col.wishes", INT), "enrolled": ("formations.col.enrolled", INT),
    "graduates": ("formations.col.graduates", INT), "employment_rate": ("formations.col.employment_rate", PCT),
    "shared_programmes": ("formations.col.shared_programmes", INT),
    "shared_with": ("formations.col.shared_with", INT),
    "apart_programmes": ("formations.col.apart_programmes", INT), "apart_places": ("formations.col.apart_places", INT),
    "apart_wishes": ("formations.col.apart_wishes", INT),
    "apart_employment_rate": ("formations.col.apart_employment_rate", PCT),
    "places_per_100_projects": ("formations.col.places_per_100", FLOAT),
    "wishes_per_place": ("formations.col.wishes_per_place", FLOAT),
    "graduates_per_100_projects": ("formations.col.graduates_per_100", FLOAT),
    "gap_label": ("formations.col.gap", None), "family_label": ("formations.col.family", None),
    "fap_codes": ("formations.col.fap", None), "training_years": ("formations.col.training_years", None),
    "bmo_year": ("formations.col.bmo_year", None),
}
NEEDS_COLUMNS = ("needs_total", "needs_6m", "needs_1y", "needs_3y")
SHARED_COLUMNS = ("shared_programmes", "shared_with")
LOCATED_COLUMNS = ("programmes", "places", "wishes", "enrolled", "graduates", "employment_rate", "wishes_per_place")
APART_COLUMNS = ("apart_programmes", "apart_places", "apart_wishes", "apart_employment_rate")
FAMILY_SHOWN = {
    "bmo_key": ("formations.col.bmo_family", None), "label": ("formations.col.family_name", None),
    "rome_codes": ("formations.col.rome_codes", None), "projects": ("formations.col.projects", INT),
    "difficult_share": ("formations.col.difficult_share", PCT), "reliability": ("formations.col.reliability", None),
    "tension_class": ("formations.col.tension_class", INT), "needs_total": ("formations.col.needs_total", INT),
    "programmes": ("formations.col.programmes", INT), "places": ("formations.col.places", INT),
    "wishes": ("formations.col.wishes", INT), "apart_programmes": ("formations.col.apart_programmes", INT),
    "apart_places": ("formations.col.apart_places", INT),
    "places_per_100_projects": ("formations.col.family_places_per_100", FLOAT),
    "gap_label": ("formations.col.gap", None),
    "bmo_year": ("formations.col.bmo_year", None),
}


def _class(values: pd.Series) -> pd.Series:
    """A tension class as the integer class it is (a mean over zones 3.5 → 4, half up), NaN kept."""
    return np.floor(pd.to_numeric(values, errors="coerce").astype(float) + 0.5)


def by_projects(table: pd.DataFrame) -> pd.DataFrame:
    """The rows as the page lists them: by the projects shown on the row, most first — the row's own projects,
    then those of its FAP family (« Projets de la famille BMO ») — rows with neither last, then by ROME code."""
    projects = pd.to_numeric(table["projects"], errors="coerce")
    own = pd.to_numeric(table["own_projects"], errors="coerce")
    keys = pd.DataFrame({"own": own, "family": (projects - own.fillna(0)).where(own.isna()),
                         "code": table["occupation_code"]}, index=table.index)
    order = keys.sort_values(["own", "family", "code"], ascending=[False, False, True], na_position="last").index
    return table.loc[order]


def _reliability(reasons: pd.Series, t) -> list[str]:
    return [t(f"formations.reliability.{reason}") if reason else "" for reason in reasons]


def shown_table(table: pd.DataFrame, t, with_needs: bool, located: bool = True,
                apart: str | None = None, cov: Coverage | None = None) -> tuple[pd.DataFrame, dict[str, Fmt]]:
    """The classified coverage table as shown and exported: one row per ROME code, renamed columns and their
    formats. « Projets BMO » holds the row's own projects only; a row whose projects are published by FAP family
    names the family and shows its projects apart (« Projets de la famille BMO », never in a total: the family is
    counted once in `shown_families`); the difficult share, its reliability and the places per 100 projects are
    those the gaps rule reads (the family's for such a row), so that each row shows what its class rests on.
    `located`: whether the selection has located training (else its columns are left out); `apart`: the words
    naming the zones of the training shown apart (« département »), None when there is none; `cov`: when given,
    two columns say how many of the row's programmes also lead to other occupations of `table`, and to how many
    (`shared_training`: their places are on each of those rows)."""
    family = pd.to_numeric(table["bmo_shared"], errors="coerce").fillna(0) > 1
    if cov is not None:
        shared = shared_training(cov, table["occupation_code"], apart=not located)
        table = table.assign(**{c: table["occupation_code"].map(shared[c]).to_numpy() for c in SHARED_COLUMNS})
    projects = pd.to_numeric(table["projects"], errors="coerce")
    frame = table.assign(reliability=_reliability(table["fragile_reason"], t),
                         bmo_family=table["bmo_codes"].where(family, ""),
                         family_projects=(projects - pd.to_numeric(table["own_projects"], errors="coerce").fillna(0))
                         .where(family),
                         tension_class=_class(table["tension_class"]),
                         gap_label=[t(f"formations.gap.{g}") for g in table["gap"]],
                         bmo_year=table["bmo_year"].astype("string").fillna(""))
    columns = [c for c in SHOWN if (with_needs or c not in NEEDS_COLUMNS) and (located or c not in LOCATED_COLUMNS)
               and (apart or c not in APART_COLUMNS) and (cov is not None or c not in SHARED_COLUMNS)]
    names = {c: t(SHOWN[c][0], where=apart or "") for c in columns}
    formats = {names[c]: SHOWN[c][1] for c in columns if SHOWN[c][1] is not None}
    return frame[columns].rename(columns=names), formats


def shown_families(families: pd.DataFrame, t, apart: str | None = None,
                   located: bool = True) -> tuple[pd.DataFrame, dict[str, Fmt]]:
    """`family_table` (with a `gap` column) as shown and exported: one row per FAP family, its figures once
    (`apart`, `located` as for `shown_table`)."""
    frame = families.assign(reliability=_reliability(families["fragile_reason"], t),
                            tension_class=_class(families["tension_class"]),
                            gap_label=[t(f"formations.gap.{g}") for g in families["gap"]],
                            bmo_year=families["bmo_year"].astype("string").fillna(""))
    columns = [c for c in FAMILY_SHOWN if (apart or c not in APART_COLUMNS) and (located or c not in LOCATED_COLUMNS)]
    names = {c: t(FAMILY_SHOWN[c][0], where=apart or "") for c in columns}
    formats = {names[c]: FAMILY_SHOWN[c][1] for c in columns if FAMILY_SHOWN[c][1] is not None}
    return frame[columns].rename(columns=names), formats


TRAINING_TOTALS = ("programmes", "places", "wishes", "enrolled", "graduates", "apart_programmes", "apart_places",
                   "apart_wishes")
PROGRAMME_SHOWN = {
    "program_id": ("formations.prog.id", None), "title": ("formations.prog.title", None),
    "provider": ("formations.prog.provider", None), "level": ("formations.prog.level", None),
    "zone": ("formations.prog.zone", None), "zone_id": ("formations.prog.zone_id", None),
    "rome_codes": ("formations.prog.rome_codes", None), "rome_count": ("formations.prog.rome_count", INT),
    "capacity": ("formations.col.places", INT), "demand": ("formations.col.wishes", INT),
    "enrolled": ("formations.col.enrolled", INT), "graduates": ("formations.col.graduates", INT),
    "employment_rate": ("formations.col.employment_rate", PCT), "years": ("formations.col.training_years", None),
}


def _with_row(shown: pd.DataFrame, values: dict, spec: dict, t, apart: str | None) -> pd.DataFrame:
    """`shown` with one more row: `values` by internal column (`spec`'s keys), the shown columns it lacks empty."""
    row = {t(spec[c][0], where=apart or ""): v for c, v in values.items() if c in spec}
    last = pd.DataFrame([{c: row.get(c, np.nan) for c in shown.columns}], columns=shown.columns)
    return pd.concat([shown.astype(object), last.astype(object)], ignore_index=True)


def table_export(cov: Coverage, rows: pd.DataFrame, t, with_needs: bool, located: bool = True,
                 apart: str | None = None) -> tuple[pd.DataFrame, dict[str, Fmt]]:
    """The table by ROME code as exported (CSV / XLSX): `shown_table` of `rows` (with the columns saying how many
    of each row's programmes other rows share) and a last row « Total (sans double compte) » holding the page's
    totals for these rows (`totals`: each programme once, each BMO figure once, a FAP family's projects
    included), declared needs summed (each answer has one occupation). Summing a training column over the rows
    counts a shared programme once per row: the caption says so (`formations.export.note`)."""
    shown, formats = shown_table(rows, t, with_needs, located, apart, cov=cov)
    total = totals(cov, rows["occupation_code"])
    values = {"occupation_code": t("formations.export.total"), "own_projects": total["projects"],
              **{c: pd.to_numeric(rows[c], errors="coerce").sum(min_count=1) for c in NEEDS_COLUMNS},
              **{c: total[c] for c in TRAINING_TOTALS}}
    return _with_row(shown, values, SHOWN, t, apart), formats


def families_export(cov: Coverage, families: pd.DataFrame, t, apart: str | None = None,
                    located: bool = True) -> tuple[pd.DataFrame, dict[str, Fmt]]:
    """The table by FAP family as exported: `shown_families` and a last row « Total (sans double compte) »: the
    families' projects (each family once), and the training and declared needs of all their ROME codes, each
    programme and each answer once (a programme may lead to occupations of two families)."""
    shown, formats = shown_families(classify_gaps(families.assign(
        employment_rate=np.nan, fragile=families["fragile"].astype(bool))), t, apart, located)
    codes = sorted({c for text in families["rome_codes"] for c in str(text).split()})
    total = totals(cov, codes)
    needs = cov.table.loc[cov.table["occupation_code"].isin(codes), "needs_total"]
    values = {"bmo_key": t("formations.export.total"),
              "projects": pd.to_numeric(families["projects"], errors="coerce").sum(min_count=1),
              "needs_total": pd.to_numeric(needs, errors="coerce").sum(min_count=1),
              **{c: total[c] for c in TRAINING_TOTALS}}
    return _with_row(shown, values, FAMILY_SHOWN, t, apart), formats


def programmes_export(cov: Coverage, codes, t, zone_names: dict[str, str],
                      located: bool = True) -> tuple[pd.DataFrame, dict[str, Fmt]]:
    """One row per programme leading to one of `codes` (`programme_table`; those shown apart when the selection
    has no located training), with the ROME codes of the table it prepares: every column can be summed, the sums
    are the page's totals."""
    frame = programme_table(cov, codes, apart=not located)
    frame = frame.assign(zone=frame["zone_id"].map(lambda z: zone_names.get(str(z), "") if pd.notna(z) else ""))
    names = {c: t(PROGRAMME_SHOWN[c][0]) for c in PROGRAMME_SHOWN}
    formats = {names[c]: f for c, (_key, f) in PROGRAMME_SHOWN.items() if f is not None}
    return frame[list(PROGRAMME_SHOWN)].rename(columns=names), formats


def _sources_line(ctx, cov: Coverage) -> str:
    def source(table: str, vintage: str) -> str:
        prov = ctx.territory.provenance.get(table)
        if not vintage and prov is None:
            return ctx.t("formations.source.none")
        year = vintage or (prov.vintage if prov else "")
        if fictional:  # the demo's producer is French text (« données fictives »): the notice says it, translated
            return year
        name = (prov.producer or prov.source) if prov is not None else table
        if table == "needs":  # the committee's own survey: its producer is written in French (« comité »)
            name = ctx.t("formations.source.survey")
        return f"{name} ({year})"

    fictional = ctx.territory.fictional
    v = cov.vintages
    training = v.get("capacity") or v.get("enrolled") or ""
    line = ctx.t("formations.sources", bmo=source("recruitment", v.get("recruitment", "")),
                 tension=source("tension", v.get("tension", "")),
                 needs=source("needs", v.get("needs", "")) if cov.needs.mode != "none"
                 else ctx.t("formations.source.none"),
                 training=source("training", training) if training else ctx.t("formations.source.none"),
                 insertion=_insertion_source(ctx, v.get("employment_rate", "")))
    return f"{line} ({ctx.territory.notice(ctx.lang)})" if fictional else line


def caption_sources(ctx, cov: Coverage, tables) -> tuple[str, ...]:
    """The source lines of an export's caption: each table's producer with the vintage the page used (the BMO
    year of `cov`, not every edition in the pack), as `Caption.for_territory` writes them otherwise."""
    v = cov.vintages
    used = {"recruitment": f"BMO {cov.bmo_year}" if cov.bmo_year else "", "tension": v.get("tension", ""),
            "needs": v.get("needs", ""), "training": v.get("capacity") or v.get("enrolled") or ""}
    lines: list[str] = []
    for table in tables:
        prov = ctx.territory.provenance.get(table)
        if prov is None:
            continue
        vintage = used.get(table) or prov.vintage
        name = ctx.t("formations.source.survey") if table == "needs" else prov.producer or prov.source
        line = f"{name} ({vintage})" if vintage else name
        if line and line not in lines:
            lines.append(line)
    return tuple(lines)


def bmo_year_note(ctx, cov: Coverage) -> str | None:
    """Which BMO edition the page reads and why, when the pack holds later ones (none otherwise)."""
    editions = bmo_editions(ctx.territory)
    if cov.bmo_year is None:
        return None
    later = {y: s for y, s in editions.items() if y > int(cov.bmo_year)}
    if not later:
        return None
    return ctx.t("formations.bmo_year.note", year=cov.bmo_year, system=editions.get(int(cov.bmo_year), ""),
                 later=", ".join(str(y) for y in later), later_systems=", ".join(sorted(set(later.values()))))


def _insertion_source(ctx, vintage: str) -> str:
    if not vintage:
        return ctx.t("formations.source.none")
    if ctx.territory.fictional:
        return vintage
    prov = ctx.territory.provenance.get("training")
    name = "InserJeunes" if prov is None or "InserJeunes" in (prov.source or "") else (prov.producer or prov.source)
    return f"{name} ({vintage})"


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _reading_note(ctx, cov: Coverage) -> str | None:
    reading = cov.training
    if reading.zoning is None or reading.mode != "inside":
        return None
    label = _lower(context.zoning_label(ctx.territory, reading.zoning, ctx.lang))
    return ctx.t("formations.read_inside", n=len(reading.zone_ids or ()), zoning=label)


def _located(cov: Coverage) -> bool:
    """Whether the located training columns are shown: not when all the selection's training is shown apart."""
    return not (cov.training.mode == "none" and cov.apart.mode == "apart")


def _apart_words(ctx, cov: Coverage) -> str | None:
    """« département » (the zoning of the training shown apart, in words), None when nothing is apart."""
    if cov.apart.mode != "apart":
        return None
    return ctx.t(f"formations.apart.where.{cov.apart.zoning}") if cov.apart.zoning in ("DEP", "REG") else \
        _lower(context.zoning_label(ctx.territory, cov.apart.zoning, ctx.lang))


def _apart_note(ctx, cov: Coverage) -> str | None:
    where = _apart_words(ctx, cov)
    if where is None:
        return None
    names = ctx.territory.zone_names(cov.apart.zoning)
    zones = ", ".join(f"{names.get(z, z)} ({z})" for z in cov.apart.zone_ids or ())
    key = "formations.apart.note" if cov.training.mode == "none" else "formations.apart.note_partial"
    return ctx.t(key, where=where, zones=zones)


@st.cache_resource(show_spinner=False, max_entries=32)
def _by_zone(_territory, fingerprint: str, zoning: str, codes: tuple[str, ...]) -> pd.DataFrame:
    return coverage_by_zone(_territory, zoning, list(codes))


def render() -> None:
    """The whole page, for the current global filter."""
    ctx = context.page_context()
    lang = ctx.lang
    context.page_header(ctx, "formations.title")
    context.selection_reading(ctx)
    territory = ctx.territory
    try:
        cov = coverage(territory, ctx.selection)
    except GpectError as exc:
        st.error(exc.report())
        st.stop()
    if cov.table.empty:
        st.info(ctx.t("formations.empty"))
        st.stop()
    table = classify_gaps(cov.table)
    if apart_note := _apart_note(ctx, cov):
        st.info(apart_note)
    elif not (table["programmes"] > 0).any():
        st.warning(ctx.t("formations.no_training"))
    elif note := _reading_note(ctx, cov):
        st.info(note)
    with_needs = bool(table["needs_answers"].notna().any())
    if not with_needs:
        st.caption(ctx.t("formations.no_needs"))
    elif cov.needs_rolled_up:
        st.caption(rolled_up_note(ctx.t, cov.needs_rolled_up))

    families = table.dropna(subset=["family"]).drop_duplicates("family").sort_values("family")
    family_labels = dict(zip(families["family"].astype(str), families["family_label"].fillna(families["family"])
                             .astype(str), strict=True))
    family = st.selectbox(ctx.t("formations.family"), ["", *family_labels], key="formations_family",
                          format_func=lambda f: f"{family_labels.get(f, f)} ({f})" if f
                          else ctx.t("formations.family.all"))
    if family:
        table = table[table["family"] == family].reset_index(drop=True)

    total = totals(cov, table["occupation_code"])
    located = _located(cov)
    prefix = "" if located else "apart_"
    where = _apart_words(ctx, cov)
    suffix = "" if located or where is None else " " + ctx.t("formations.apart.suffix", where=where)
    cols = st.columns(4)
    cols[0].metric(ctx.t("formations.metric.projects"), fmt_int(total["projects"], lang),
                   help=ctx.t("formations.metric.help"))
    cols[1].metric(ctx.t("formations.metric.programmes") + suffix, fmt_int(total[f"{prefix}programmes"], lang))
    cols[2].metric(ctx.t("formations.metric.places") + suffix, fmt_int(total[f"{prefix}places"], lang),
                   help=ctx.t("formations.metric.help"))
    cols[3].metric(ctx.t("formations.metric.wishes") + suffix, fmt_int(total[f"{prefix}wishes"], lang))
    st.caption(_sources_line(ctx, cov))
    if year_note := bmo_year_note(ctx, cov):
        st.caption(year_note)
    with st.expander(ctx.t("formations.link.title")):
        st.markdown(ctx.t("formations.link.text"))

    # one view at a time (not st.tabs): Leaflet cannot lay out a map drawn in a hidden tab, and a rerun then
    # builds only what is shown
    families = family_table(territory, cov)
    if not families.empty:
        shown_codes = set(table["occupation_code"])
        families = families[families["rome_codes"].map(lambda c: not shown_codes.isdisjoint(c.split()))]
    views = ["table", *(["families"] if not families.empty else []), "gaps", "map"]
    view = st.segmented_control(ctx.t("formations.view"), views, default="table", key="formations_view",
                                format_func=lambda v: ctx.t(f"formations.tab.{v}")) or "table"
    if view == "table":
        _table_tab(ctx, cov, table, with_needs)
    elif view == "families":
        _families_tab(ctx, cov, families)
    elif view == "gaps":
        _gaps_tab(ctx, cov, table, with_needs)
    else:
        _map_tab(ctx, cov, table, family, family_labels)


def _table_tab(ctx, cov: Coverage, table: pd.DataFrame, with_needs: bool) -> None:
    ordered = by_projects(table)
    located, apart = _located(cov), _apart_words(ctx, cov)
    shown, formats = shown_table(ordered, ctx.t, with_needs, located, apart, cov=cov)
    st.caption(ctx.t("formations.fragile_note", n=MIN_PROJECTS))
    _show(ctx, shown, formats)
    _rome_downloads(ctx, cov, ordered, with_needs, ctx.t("formations.table.title"), "formations_table")
    st.caption(ctx.t("formations.programmes.help"))
    zoning = cov.training.zoning if located else cov.apart.zoning
    programmes, formats = programmes_export(cov, ordered["occupation_code"], ctx.t,
                                            ctx.territory.zone_names(zoning) if zoning else {}, located)
    table_downloads(ctx, programmes, ctx.t("formations.programmes.title"), ["training"], "formations_programmes",
                    formats=formats, sources=caption_sources(ctx, cov, ["training"]), notes=(ctx.t("formations.programmes.note"),))


def _rome_downloads(ctx, cov: Coverage, rows: pd.DataFrame, with_needs: bool, title: str, key: str) -> None:
    st.caption(ctx.t("formations.table.shared_note"))
    export, formats = table_export(cov, rows, ctx.t, with_needs, _located(cov), _apart_words(ctx, cov))
    table_downloads(ctx, export, title, SOURCES, key, formats=formats, notes=(ctx.t("formations.export.note"),),
                    sources=caption_sources(ctx, cov, SOURCES))


def _families_tab(ctx, cov: Coverage, families: pd.DataFrame) -> None:
    st.caption(ctx.t("formations.families.help"))
    shown, formats = shown_families(classify_gaps(families.assign(
        employment_rate=np.nan, fragile=families["fragile"].astype(bool))), ctx.t, _apart_words(ctx, cov),
        _located(cov))
    _show(ctx, shown, formats)
    export, formats = families_export(cov, families, ctx.t, _apart_words(ctx, cov), _located(cov))
    table_downloads(ctx, export, ctx.t("formations.families.title"), SOURCES, "formations_families",
                    formats=formats, sources=caption_sources(ctx, cov, SOURCES), notes=(ctx.t("formations.families.note"),))


def _show(ctx, shown: pd.DataFrame, formats: dict[str, Fmt]) -> None:
    """The first `MAX_SHOWN_ROWS` rows on screen, and every row with needs declared in the committee's survey (a
    région of the national pack has ~500 occupations: nobody reads them on screen, and formatting each cell costs
    at every rerun); the downloads hold every row."""
    needs = ctx.t("formations.col.needs_total")
    keep = pd.Series(np.arange(len(shown)) < MAX_SHOWN_ROWS, index=shown.index)
    if needs in shown:
        keep |= pd.to_numeric(shown[needs], errors="coerce").fillna(0) > 0
    if not keep.all():
        st.caption(ctx.t("formations.table.cut", shown=fmt_int(int(keep.sum()), ctx.lang),
                         total=fmt_int(len(shown), ctx.lang)))
    show_table(shown[keep], formats, ctx.lang)


def _chart_subtitle(ctx, cov: Coverage) -> str:
    reading = cov.apart
    if cov.ratio_scope != "apart":
        return ctx.selection_label
    names = ctx.territory.zone_names(reading.zoning)
    return ctx.t("formations.chart.subtitle", selection=ctx.selection_label,
                 zones=", ".join(names.get(z, z) for z in reading.zone_ids or ()))


def _gaps_tab(ctx, cov: Coverage, table: pd.DataFrame, with_needs: bool) -> None:
    lang = ctx.lang
    st.markdown(f"**{ctx.t('formations.gaps.rule_title')}**")
    st.markdown(ctx.t("formations.gaps.rule", tension=SHORTAGE_TENSION,
                      difficult=f"{fmt_int(SHORTAGE_DIFFICULT * 100, lang)} %",
                      low=fmt_int(LOW_PLACES_PER_100, lang), weak=f"{fmt_int(WEAK_EMPLOYMENT * 100, lang)} %",
                      few=fmt_int(FEW_PROJECTS, lang), low_tension=LOW_TENSION,
                      covered=fmt_int(COVERED_PLACES_PER_100, lang)))
    counts = table["gap"].value_counts().reindex(list(GAP_CLASSES), fill_value=0)
    st.dataframe(pd.DataFrame({ctx.t("formations.gaps.class"): [ctx.t(f"formations.gap.{g}") for g in counts.index],
                               ctx.t("formations.gaps.counts"): counts.to_numpy()}), hide_index=True)
    top = top_gaps(table)
    title = ctx.t("formations.gaps.chart_title")
    if top.empty:
        st.info(ctx.t("formations.gaps.none"))
    else:
        chart = gaps_bar(top, lang, title=title, subtitle=_chart_subtitle(ctx, cov))
        show_chart(chart, title, lang)
        chart_downloads(ctx, chart, title, SOURCES, "formations_gaps_chart", sources=caption_sources(ctx, cov, SOURCES))
    gap = st.selectbox(ctx.t("formations.gaps.class"), list(GAP_CLASSES), key="formations_gap",
                       format_func=lambda g: ctx.t(f"formations.gap.{g}"))
    rows = by_projects(table[table["gap"] == gap])
    shown, formats = shown_table(rows, ctx.t, with_needs, _located(cov), _apart_words(ctx, cov), cov=cov)
    _show(ctx, shown, formats)
    _rome_downloads(ctx, cov, rows, with_needs, ctx.t("formations.gaps.table_title",
                                                      gap=ctx.t(f"formations.gap.{gap}")), "formations_gaps_table")


def _map_tab(ctx, cov: Coverage, table: pd.DataFrame, family: str, family_labels: dict[str, str]) -> None:
    lang, territory = ctx.lang, ctx.territory
    ordered = by_projects(table)
    first = ordered["gap"] == "shortage_no_training"
    ranked = pd.concat([ordered[first], ordered[~first]])
    labels = dict(zip(ranked["occupation_code"], ranked["label"], strict=True))
    options = [*(f"family:{f}" for f in ([family] if family else family_labels)), *labels]
    default = next(iter(labels), options[0] if options else None)
    if not options:
        st.info(ctx.t("common.no_data"))
        return
    pick = st.selectbox(ctx.t("formations.map.pick"), options, index=options.index(default), key="formations_map_pick",
                        format_func=lambda o: ctx.t("formations.map.family", label=family_labels.get(o[7:], o[7:]))
                        if o.startswith("family:") else f"{labels.get(o, o)} ({o})")
    if pick is None:
        pick = default
    if pick.startswith("family:"):
        codes = tuple(sorted(table.loc[table["family"] == pick[7:], "occupation_code"]))
        label = ctx.t("formations.map.family", label=family_labels.get(pick[7:], pick[7:]))
    else:
        codes, label = (pick,), f"{labels.get(pick, pick)} ({pick})"
    zoning = map_zoning(territory, ctx.selection)
    by_zone = _by_zone(territory, territory.fingerprint, zoning, codes).set_index("zone_id")
    selected = ctx.zone_ids
    if zoning != ctx.zoning:  # training known by a coarser zoning only: mapped there, the selection's zones lit
        selected = sorted({*(cov.apart.zone_ids or ()), *(cov.training.zone_ids or ())})
    values = by_zone["places_per_100_projects"]
    classes = classify(values, "quantiles")
    colours = class_colours(classes.count, "sequential_blue")
    no_data = set(values.index[values.isna()])
    fill = {z: colours[int(c)] for z, c in classes.classes.dropna().items() if z not in no_data}
    tooltip = {"value": pd.Series([fmt_float(v, 1, lang) for v in values], index=values.index),
               "detail": pd.Series([f"{fmt_int(p, lang)} / {fmt_int(q, lang)}"
                                    for p, q in zip(by_zone["places"], by_zone["projects"], strict=True)],
                                   index=values.index),
               "programmes": pd.Series([fmt_int(n, lang) for n in by_zone["programmes"]], index=values.index)}
    coarse = None
    training_zonings = territory.table("training")["zoning"].dropna() if "zoning" in territory.table("training") \
        else pd.Series(dtype=str)
    if zoning != ctx.zoning:
        words = _lower(context.zoning_label(territory, zoning, lang))
        unplaced = pd.to_numeric(by_zone["programmes"].reindex(selected), errors="coerce").sum()
        coarse = ctx.t("formations.map.by_training_zoning", zoning=words, n=fmt_int(unplaced, lang),
                       selection=_lower(context.zoning_label(territory, ctx.zoning, lang)))
    elif not training_zonings.empty and (training_zonings != ctx.zoning).all() and coarser(
            territory, str(training_zonings.value_counts().index[0]), ctx.zoning):
        coarse = ctx.t("formations.map.coarse", zoning=_lower(context.zoning_label(
            territory, str(training_zonings.value_counts().index[0]), lang)))
    st.caption(ctx.t("formations.map.help") if zoning == ctx.zoning else
               ctx.t("formations.map.help_info", zoning=_lower(context.zoning_label(territory, zoning, lang))))
    if coarse:
        st.caption(coarse)
    zone_map(territory, zoning, MAP_KEY if zoning == ctx.zoning else f"{MAP_KEY}_{zoning}", fill=fill,
             selected=selected, no_data=no_data, tooltip=tooltip,
             tooltip_aliases=["", ctx.t("formations.map.tooltip"), ctx.t("formations.map.tooltip_places"),
                              ctx.t("formations.map.tooltip_programmes")],
             borders=True, height=520, clickable=zoning == ctx.zoning, lang=lang)
    items = legend_items(classes, colours, lang, "projects_per_1000")
    st.html(legend_html(ctx.t("formations.map.legend", label=label), items, ctx.t("formations.map.no_data")))
    export = map_export(territory, by_zone, zoning, ctx.t, lang)
    title = f"{ctx.t('formations.map.title')} — {label}"
    table_downloads(ctx, export, title, ["training", "recruitment"], "formations_map_table",
                    sources=caption_sources(ctx, cov, ["training", "recruitment"]),
                    formats={ctx.t("formations.col.places"): INT, ctx.t("formations.col.projects"): INT,
                             ctx.t("formations.col.programmes"): INT,
                             ctx.t("formations.col.zone_places_per_100"): FLOAT})


def rolled_up_note(t, rolled: dict[str, str], most: int = 8) -> str:
    """The caption saying which survey codes (ROME 4.0 sub-fiches) are counted on their parent fiche."""
    pairs = [f"{child} → {parent}" for child, parent in list(rolled.items())[:most]]
    return t("formations.needs_rolled_up", pairs=", ".join(pairs) + (" …" if len(rolled) > most else ""))


def map_export(territory, by_zone: pd.DataFrame, zoning: str, t, lang: str) -> pd.DataFrame:
    """The coverage map's table for download: one row per zone of `zoning` (`by_zone`: `coverage_by_zone` indexed
    by zone_id), headed by what its rows are (« Zone (départements) », « Code de la zone »), never « Bassin » and
    « Code ROME » for départements."""
    words = _lower(context.zoning_label(territory, zoning, lang))
    export = by_zone.reset_index().assign(zone=lambda f: f["zone_id"].map(territory.zone_names(zoning)))
    return export[["zone", "zone_id", "programmes", "places", "projects", "places_per_100_projects"]].rename(
        columns={"zone": t("formations.map.col.zone", zoning=words), "zone_id": t("formations.map.col.zone_id"),
                 "programmes": t("formations.col.programmes"),
                 "places": t("formations.col.places"), "projects": t("formations.col.projects"),
                 "places_per_100_projects": t("formations.col.zone_places_per_100")})


def needs_block(ctx) -> None:
    """The « besoins déclarés » block of « Synthèse »: the survey's answers of the selection, nothing without."""
    try:
        needs = declared_needs(ctx.territory, ctx.selection)
    except GpectError:
        return
    if needs is None:
        return
    lang = ctx.lang
    st.subheader(ctx.t("synthese.needs.title"))
    top = ", ".join(f"{label} ({fmt_int(n, lang)})" for _code, label, n in needs["top"])
    st.markdown(ctx.t("synthese.needs.line_other" if needs["other"] else "synthese.needs.line",
                      answers=fmt_int(needs["answers"], lang),
                      period=needs["period"] or "–", total=fmt_int(needs["total"], lang),
                      m6=fmt_int(needs["m6"], lang), y1=fmt_int(needs["y1"], lang), y3=fmt_int(needs["y3"], lang),
                      other=fmt_int(needs["other"], lang), top=top or "–"))
    if needs["uncoded"]:
        st.caption(ctx.t("synthese.needs.uncoded", n=fmt_int(needs["uncoded"], lang)))
