"""The basin sheet: one A4 page per zone (PDF, typeset by Typst, `typst` from PyPI, offline), text kept as text.

One page holds the zone's key figures beside its région and France, a map inset (the zone among its neighbours,
SVG), the occupations that hire most, those hardest to fill and those under most tension, the training listed
for it, the plan's actions concerning it, and a footer with the sources, vintages, date and, on a demo pack, the
fictional-data notice. Figures come from `meeting.meeting_content` (the pages' own functions) and are formatted by
`gpect_core.formatting`, so the sheet prints what the screen shows.

`build_sheets` makes one PDF with a page per zone, `build_sheets_zip` a ZIP with one PDF per zone; both take a
`progress(done, total, name)` callback (the CLI's progress line, the app's `st.progress`).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..charts.basins import around, basins_svg, simplified
from ..formatting import fmt_date, fmt_float, fmt_int, fmt_pct
from ..i18n import t
from ..plan.labels import label as plan_label
from ..selection import Selection
from ..territory import Territory
from .meeting import PlanData, lookup, meeting_content, training_coverage, zoning_label

TEMPLATE = Path(__file__).with_name("sheet.typ")
TOP_ROWS = 8
MAX_ACTIONS = 8
CHUNK = 25  # pages typeset together in a batch
SHEET_TABLES = ("zones", "recruitment", "context", "tension", "training")

Progress = Callable[[int, int, str], None]


def _short(text, limit: int = 48) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _inset_svg(territory: Territory, zoning: str, zone_id: str, lang: str) -> str:
    near = simplified(around(lookup(territory, zoning).zones, [zone_id], 0.6), share=1 / 300)
    return basins_svg(near, [zone_id], width=300, height=240)


def sheet_page(territory: Territory, zoning: str, zone_id: str, plan: PlanData | None = None, lang: str = "fr",
               today: date | None = None, map_file: str | None = None) -> dict:
    """The JSON object the template typesets for one zone: every text already formatted (see the template)."""
    selection = Selection(zoning, (zone_id,))
    c = meeting_content(territory, selection, plan, lang, today)
    name = lookup(territory, zoning).names.get(zone_id, zone_id)
    figures = [[str(v) for v in row] for row in c.figures.itertuples(index=False)]
    training = training_coverage(territory, selection)
    if training is None:
        training_text = t("meeting.sheet.training.none", lang)
    else:
        n, places, where = training
        training_text = t("meeting.sheet.training.line", lang, n=fmt_int(n, lang), places=fmt_int(places, lang),
                          where=t("meeting.sheet.training.where", lang, name=where) if where else "")
    actions = c.actions.head(MAX_ACTIONS)
    late = set(c.actions.loc[c.late[c.late].index, "action_id"]) if len(c.late) else set()
    tables = [*SHEET_TABLES, *(("plan_actions",) if len(c.plan.actions) else ())]
    return {
        "title": name,
        "subtitle": t("meeting.sheet.zoning", lang, zoning=zoning_label(territory, zoning, lang), code=zone_id),
        "notice": territory.notice(lang),
        "footer": c.footer(tables),
        "levels": c.levels,
        "figures": figures,
        "read_on": c.read_on,
        "map": map_file,
        "hiring_head": [t("chart.occupation", lang), t("meeting.col.projects", lang),
                        t("meeting.col.difficult_share", lang)],
        "hiring": [[_short(r.label), fmt_int(r.projects, lang), fmt_pct(r.difficult_share, lang=lang)]
                   for r in c.hiring.head(TOP_ROWS).itertuples()],
        "shortage_head": [t("chart.occupation", lang), t("meeting.col.difficult_share", lang)],
        "shortage": [[_short(r.label), fmt_pct(r.difficult_share, lang=lang)]
                     for r in c.shortage.head(TOP_ROWS).itertuples()],
        "tension_head": [t("chart.occupation", lang), t("meeting.col.tension_class", lang)],
        "tension": [[_short(r.label), fmt_float(r.tension_class, 1, lang)] for r in c.tension.head(TOP_ROWS).itertuples()],
        "training": training_text,
        "actions_head": [t("plan.field.action_id", lang), t("plan.field.title", lang), t("meeting.col.status", lang),
                         t("meeting.col.end", lang)],
        "actions": [[a.action_id, _short(a.title, 80),
                     plan_label("status", a.status, lang) + (f" — {t('plan.kpi.late', lang).lower()}"
                                                             if a.action_id in late else ""),
                     fmt_date(a.end_date, lang)] for a in actions.itertuples()],
        "labels": {key: t(f"meeting.{path}", lang) for key, path in (
            ("figures", "slide.figures"), ("indicator", "figure"), ("hiring", "sheet.hiring"),
            ("shortage", "sheet.shortage"), ("tension", "sheet.tension"), ("training", "sheet.training"),
            ("actions", "sheet.actions"), ("no_data", "no_data"), ("no_plan", "no_plan"))},
    }


def _typeset(pages: list[dict], maps: dict[str, str]) -> bytes:
    import typst

    folder = Path(tempfile.mkdtemp(prefix="gpect-sheet-"))
    try:
        shutil.copy(TEMPLATE, folder / "sheet.typ")
        for file, svg in maps.items():
            (folder / file).write_text(svg, encoding="utf-8")
        (folder / "data.json").write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
        return typst.compile(str(folder / "sheet.typ"), root=str(folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _page_with_map(territory, zoning, zone_id, plan, lang, today, index) -> tuple[dict, dict[str, str]]:
    file = f"map-{index}.svg"
    page = sheet_page(territory, zoning, zone_id, plan, lang, today, map_file=file)
    return page, {file: _inset_svg(territory, zoning, zone_id, lang)}


def build_sheet(territory: Territory, zoning: str, zone_id: str, plan: PlanData | None = None, lang: str = "fr",
                today: date | None = None) -> bytes:
    """The sheet of one zone: a one-page A4 PDF (595 × 842 pt)."""
    page, maps = _page_with_map(territory, zoning, zone_id, plan, lang, today, 0)
    return _typeset([page], maps)


def build_sheets(territory: Territory, zoning: str, zone_ids: list[str], plan: PlanData | None = None,
                 lang: str = "fr", today: date | None = None, progress: Progress | None = None) -> bytes:
    """One PDF with a page per zone of `zone_ids`, in their order. Typeset `CHUNK` pages at a time and joined with
    pypdf, so memory stays that of a few dozen pages whatever the number of zones."""
    from pypdf import PdfWriter

    names = lookup(territory, zoning).names
    writer = PdfWriter()
    for first in range(0, len(zone_ids), CHUNK):
        pages, maps = [], {}
        for i, zone_id in enumerate(zone_ids[first:first + CHUNK], start=first):
            page, svg = _page_with_map(territory, zoning, zone_id, plan, lang, today, i)
            pages.append(page)
            maps.update(svg)
            if progress:
                progress(i + 1, len(zone_ids), names.get(zone_id, zone_id))
        writer.append(io.BytesIO(_typeset(pages, maps)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def file_name(zone_id: str, name: str) -> str:
    """« fiche-<code>-<name>.pdf » in plain ASCII letters, digits and dashes."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return f"fiche-{zone_id}-{re.sub(r'[^A-Za-z0-9]+', '-', plain).strip('-').lower()[:50]}.pdf"


def build_sheets_zip(territory: Territory, zoning: str, zone_ids: list[str], plan: PlanData | None = None,
                     lang: str = "fr", today: date | None = None, progress: Progress | None = None) -> bytes:
    """A ZIP holding one one-page PDF per zone (`file_name`)."""
    names = lookup(territory, zoning).names
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, zone_id in enumerate(zone_ids):
            archive.writestr(file_name(zone_id, names.get(zone_id, zone_id)),
                             build_sheet(territory, zoning, zone_id, plan, lang, today))
            if progress:
                progress(i + 1, len(zone_ids), names.get(zone_id, zone_id))
    return out.getvalue()
