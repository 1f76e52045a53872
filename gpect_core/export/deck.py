"""The committee deck (PPTX, python-pptx) of a selection: title, key figures, the basins map, the occupations that
hire most and those hardest to fill, tension and its components, the action plan (status by axis, late actions,
timeline, indicators against targets) and the sources.

Bars and stacked bars are native PowerPoint charts carrying their data (`CategoryChartData`), so a chargé de
mission can restyle or update them in PowerPoint; the map, the timeline and the indicator bullets are pictures
rendered by vl-convert at print resolution. Every slide ends with the sources and vintages it rests on, the
selection, the date and, on a demo pack, « Données fictives de démonstration » (`MeetingContent.footer`).

A committee template (`.pptx` or `.potx`) can replace the sober default: its slide masters and layouts are used,
its own slides removed. A `.potx` is a `.pptx` whose main part has the template content type; it is opened by
rewriting that content type in memory.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import vl_convert as vlc
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu, Inches, Pt

from ..charts import PALETTE
from ..charts import plan as plan_charts
from ..charts.basins import around, basins_map, main_land, simplified
from ..errors import GpectError
from ..formatting import fmt_date, fmt_int
from ..i18n import t
from ..indicators.occupations import COMPONENTS
from ..plan.display import late_table
from ..plan.progress import (
    counts_by_axis_and_status,
    expected_progress,
    indicators_against_targets,
    late_actions,
)
from ..schema import ACTION_STATUSES
from .meeting import MeetingContent

POTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
PICTURE_SCALE = 3.0  # vl-convert scale: a 760-px-wide chart becomes 2,280 px, ~190 dpi across a 12-in slide
DARK = RGBColor(0x22, 0x22, 0x22)
GREY = RGBColor(0x55, 0x55, 0x55)
STATUS_COLOURS = plan_charts.STATUS_COLOURS
MAP_MIN_SPAN = 5.0  # degrees: a small selection's map still shows its neighbours


# ---------------------------------------------------------------------------------------------- the template
def open_template(template: str | Path | None) -> Presentation:
    """A presentation to fill: python-pptx's default at 16:9, or the committee's `.pptx` / `.potx` with its own
    slides removed. Raises GpectError (French, naming the file) when the template cannot be opened."""
    if template is None:
        prs = Presentation()
        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
        return prs
    path = Path(template)
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".potx":
            data = _potx_as_pptx(data)
        prs = Presentation(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 — any unreadable template becomes one French message
        raise GpectError(t("meeting.error.template", "fr", path=path, reason=f"{type(exc).__name__}: {exc}")) from None
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    return prs


def _potx_as_pptx(data: bytes) -> bytes:
    """The same package with its main part declared as a presentation (the one difference python-pptx checks)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(POTX_MAIN.encode(), PPTX_MAIN.encode())
            target.writestr(item, content)
    return out.getvalue()


def _layout(prs: Presentation, title_slide: bool):
    """The title layout (a centred-title placeholder) or the « title only » one (a title and fewest others)."""
    layouts = list(prs.slide_layouts)

    def kinds(layout):
        return [ph.placeholder_format.type for ph in layout.placeholders]

    if title_slide:
        for layout in layouts:
            if PP_PLACEHOLDER.CENTER_TITLE in kinds(layout):
                return layout
    with_title = [ly for ly in layouts if PP_PLACEHOLDER.TITLE in kinds(ly) or PP_PLACEHOLDER.CENTER_TITLE in kinds(ly)]
    return min(with_title, key=lambda ly: len(kinds(ly))) if with_title else layouts[-1]


# ---------------------------------------------------------------------------------------------- slide helpers
class _Deck:
    def __init__(self, prs: Presentation, content: MeetingContent):
        self.prs, self.c = prs, content
        self.width, self.height = prs.slide_width, prs.slide_height
        self.margin = Inches(0.5)
        self.top = Inches(1.35)
        self.footer_top = self.height - Inches(0.75)

    @property
    def body_width(self) -> int:
        return self.width - 2 * self.margin

    @property
    def body_height(self) -> int:
        return self.footer_top - self.top - Inches(0.1)

    def slide(self, title: str, tables):
        slide = self.prs.slides.add_slide(_layout(self.prs, title_slide=False))
        if self.c.read_on and set(tables) & {"recruitment", "tension"}:
            self.text(slide, self.c.read_on, self.margin, Inches(1.0), self.body_width, Inches(0.3), size=10)
        for ph in list(slide.placeholders):
            if ph.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                ph.text = title
                ph.left, ph.top, ph.width, ph.height = self.margin, Inches(0.3), self.body_width, Inches(0.9)
                for paragraph in ph.text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(28)
            else:
                ph._element.getparent().remove(ph._element)
        self.footer(slide, tables)
        return slide

    def footer(self, slide, tables) -> None:
        box = slide.shapes.add_textbox(self.margin, self.footer_top, self.body_width, Inches(0.6))
        box.name = "Sources"
        frame = box.text_frame
        frame.word_wrap = True
        frame.text = self.c.footer(tables)
        for run in frame.paragraphs[0].runs:
            run.font.size = Pt(9)
            run.font.color.rgb = GREY

    def text(self, slide, text: str, left, top, width, height, size: int = 14, bold: bool = False) -> None:
        frame = slide.shapes.add_textbox(left, top, width, height).text_frame
        frame.word_wrap = True
        frame.text = text
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size, run.font.bold = Pt(size), bold
                run.font.color.rgb = DARK

    def table(self, slide, frame: pd.DataFrame, left, top, width, size: int = 12, first_width: float = 0.4):
        rows, cols = len(frame) + 1, len(frame.columns)
        shape = slide.shapes.add_table(rows, cols, left, top, width, Inches(0.4) * rows)
        table = shape.table
        table.columns[0].width = int(width * first_width) if cols > 1 else width
        for j in range(1, cols):
            table.columns[j].width = int(width * (1 - first_width) / (cols - 1))
        for j, name in enumerate(frame.columns):
            table.cell(0, j).text = str(name)
        for i, row in enumerate(frame.itertuples(index=False), start=1):
            for j, value in enumerate(row):
                table.cell(i, j).text = "" if value is None else str(value)
        for cell in (table.cell(i, j) for i in range(rows) for j in range(cols)):
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
        return shape

    def bar_chart(self, slide, categories, series: dict[str, list], left, top, width, height, number_format: str,
                  stacked: bool = False, colours: list[str] | None = None, maximum: float | None = None):
        data = CategoryChartData(number_format=number_format)
        data.categories = [str(c) for c in categories]
        for name, values in series.items():
            data.add_series(name, [None if pd.isna(v) else float(v) for v in values])
        kind = XL_CHART_TYPE.BAR_STACKED if stacked else XL_CHART_TYPE.BAR_CLUSTERED
        chart = slide.shapes.add_chart(kind, left, top, width, height, data).chart
        chart.category_axis.reverse_order = True  # first category on top, as on screen
        chart.category_axis.tick_labels.font.size = Pt(11)
        value_axis = chart.value_axis
        value_axis.tick_labels.font.size = Pt(10)
        value_axis.tick_labels.number_format = number_format
        value_axis.tick_labels.number_format_is_linked = False
        value_axis.has_major_gridlines = True
        if maximum is not None:
            value_axis.minimum_scale, value_axis.maximum_scale = 0, maximum
        chart.has_legend = len(series) > 1
        if chart.has_legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
            chart.legend.font.size = Pt(10)
        plot = chart.plots[0]
        if stacked:
            plot.overlap = 100
        plot.gap_width = 60
        for k, s in enumerate(plot.series):
            fill = s.format.fill
            fill.solid()
            fill.fore_color.rgb = RGBColor.from_string((colours or PALETTE)[k % len(colours or PALETTE)].lstrip("#"))
        return chart

    def picture(self, slide, png: bytes, left, top, width, height) -> None:
        from PIL import Image

        with Image.open(io.BytesIO(png)) as image:
            ratio = image.width / image.height
        w, h = (width, int(width / ratio)) if width / ratio <= height else (int(height * ratio), height)
        slide.shapes.add_picture(io.BytesIO(png), left + (width - w) // 2, top, Emu(w), Emu(h))


def _png(chart, lang: str) -> bytes:
    from .images import _fixed_width

    spec = _fixed_width(chart.to_dict())
    extra = {"format_locale": "fr-FR", "time_format_locale": "fr-FR"} if lang == "fr" else {}
    return vlc.vegalite_to_png(spec, scale=PICTURE_SCALE, **extra)


# ---------------------------------------------------------------------------------------------- the slides
RECRUITMENT = ("recruitment",)


def _title_slide(d: _Deck) -> None:
    c = d.c
    slide = d.prs.slides.add_slide(_layout(d.prs, title_slide=True))
    lines = [c.t("meeting.selection", selection=c.label), c.t("meeting.date", date=fmt_date(c.today, c.lang))]
    notice = c.territory.notice(c.lang)
    if notice:
        lines.append(notice)
    placed_title = False
    for ph in list(slide.placeholders):
        kind = ph.placeholder_format.type
        if kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE) and not placed_title:
            ph.text = c.t("meeting.title", territory=c.territory.name)
            placed_title = True
        elif kind == PP_PLACEHOLDER.SUBTITLE:
            ph.text = "\n".join(lines)
            lines = []
        else:
            ph._element.getparent().remove(ph._element)
    if lines:
        d.text(slide, "\n".join(lines), d.margin, d.height // 2 + Inches(0.6), d.body_width, Inches(1.5), size=18)
    d.footer(slide, ("zones", "recruitment", "context"))


def _figures_slide(d: _Deck) -> None:
    c = d.c
    slide = d.slide(c.t("meeting.slide.figures"), ("recruitment", "context", "tension", *(
        ("plan_actions",) if "actions" in c.figures.index else ())))
    frame = c.figures.rename(columns={"label": c.t("meeting.figure")})
    d.table(slide, frame, d.margin, d.top, d.body_width, size=14, first_width=0.4)


def _map_slide(d: _Deck) -> None:
    c = d.c
    zones = simplified(c.territory.zones_of(c.selection.zoning))
    shown = main_land(zones) if c.selection.whole else around(zones, c.selection.zone_ids, 1.0, MAP_MIN_SPAN)
    slide = d.slide(c.t("meeting.slide.map"), ("zones",))
    chart = basins_map(shown, c.selection.zone_ids, c.lang, width=900, height=560)
    d.picture(slide, _png(chart, c.lang), d.margin, d.top, d.body_width, d.body_height)


def _hiring_slide(d: _Deck) -> None:
    c = d.c
    slide = d.slide(c.t("meeting.slide.hiring"), RECRUITMENT)
    if c.hiring.empty:
        d.text(slide, c.t("meeting.no_data"), d.margin, d.top, d.body_width, Inches(1))
        return
    d.bar_chart(slide, c.hiring["label"], {t("chart.projects", c.lang): c.hiring["projects"]}, d.margin, d.top,
                d.body_width, d.body_height, "#,##0")


def _shortage_slide(d: _Deck) -> None:
    c = d.c
    slide = d.slide(c.t("meeting.slide.shortage"), RECRUITMENT)
    if c.shortage.empty:
        d.text(slide, c.t("meeting.no_data"), d.margin, d.top, d.body_width, Inches(1))
        return
    d.bar_chart(slide, c.shortage["label"], {t("chart.difficult_share", c.lang): c.shortage["difficult_share"]},
                d.margin, d.top, d.body_width, d.body_height, "0%", maximum=1.0, colours=[PALETTE[1]])


def _tension_slide(d: _Deck) -> None:
    c = d.c
    slide = d.slide(c.t("meeting.slide.tension"), ("tension",))
    if c.tension.empty:
        d.text(slide, c.t("meeting.no_data"), d.margin, d.top, d.body_width, Inches(1))
        return
    half = d.body_width // 2
    d.bar_chart(slide, c.tension["label"], {c.t("meeting.tension.class"): c.tension["tension_class"]}, d.margin,
                d.top, half - Inches(0.1), d.body_height, "0.0", maximum=5.0, colours=[PALETTE[3]])
    present = [k for k in COMPONENTS if k in c.tension and c.tension[k].notna().any()]
    if present:
        top = c.tension.head(5)
        d.bar_chart(slide, [t(f"tension.component.{k}", c.lang) for k in present],
                    {label: [row[k] for k in present] for label, (_, row) in zip(top["label"], top.iterrows(),
                                                                                   strict=True)},
                    d.margin + half + Inches(0.1), d.top, half - Inches(0.1), d.body_height, "0.0", maximum=5.0)


def _plan_slides(d: _Deck) -> None:
    c = d.c
    plan, actions = c.plan, c.actions
    tables = ("plan_actions", "plan_axes")
    slide = d.slide(c.t("meeting.slide.plan_status"), tables)
    if actions.empty:
        d.text(slide, c.t("meeting.no_plan"), d.margin, d.top, d.body_width, Inches(1))
        return
    counts = counts_by_axis_and_status(actions, plan.axes)
    wide = counts.pivot_table(index="axis_label", columns="status", values="actions", aggfunc="sum", fill_value=0)
    statuses = [s for s in ACTION_STATUSES if s in wide.columns]
    half = d.body_width // 2
    d.bar_chart(slide, wide.index, {plan_charts.status_label(s, c.lang): wide[s] for s in statuses}, d.margin, d.top,
                half - Inches(0.1), d.body_height, "0", stacked=True, colours=[STATUS_COLOURS[s] for s in statuses])
    late = late_actions(actions, c.today)
    right = d.margin + half + Inches(0.1)
    d.text(slide, t("plan.late.title", c.lang), right, d.top, half, Inches(0.4), size=16, bold=True)
    if late.empty:
        d.text(slide, c.t("meeting.no_late"), right, d.top + Inches(0.5), half, Inches(0.5))
    else:
        partners = dict(zip(plan.partners["partner_id"], plan.partners["name"], strict=True)) \
            if len(plan.partners) else {}
        shown = late_table(late.head(8), expected_progress(late.head(8), c.today), partners, c.lang)
        columns = list(shown.columns)
        keep = [columns[0], columns[1], columns[3], columns[5]]
        shown = shown[keep].copy()
        shown[columns[3]] = [fmt_date(v, c.lang) for v in shown[columns[3]]]
        shown[columns[5]] = [f"{fmt_int(v, c.lang)}" for v in shown[columns[5]]]
        d.table(slide, shown, right, d.top + Inches(0.5), half - Inches(0.1), size=10, first_width=0.15)

    slide = d.slide(c.t("meeting.slide.plan_timeline"), tables)
    axis_labels = dict(zip(plan.axes["axis_id"], plan.axes["label"], strict=True)) if len(plan.axes) else {}
    gantt = plan_charts.gantt(actions, set(late["action_id"]), c.today, c.lang, axis_labels, plan.milestones)
    d.picture(slide, _png(gantt, c.lang), d.margin, d.top, d.body_width, d.body_height)

    shown_indicators = plan.indicators[plan.indicators["action_id"].isin(actions["action_id"])]
    if not shown_indicators.empty:
        slide = d.slide(c.t("meeting.slide.plan_indicators"), ("plan_indicators", "plan_indicator_values"))
        against = indicators_against_targets(shown_indicators, plan.values, actions)
        d.picture(slide, _png(plan_charts.indicator_bullets(against, c.lang), c.lang), d.margin, d.top,
                  d.body_width, d.body_height)


def _sources_slide(d: _Deck) -> None:
    c = d.c
    names = ["zones", "recruitment", "context", "tension", "training", *(
        ("plan_actions", "plan_indicators") if len(c.plan.actions) else ())]
    rows = [(name, p.producer or "–", p.source or "–", p.vintage or "–", p.licence or "–")
            for name in names if (p := c.territory.provenance.get(name)) is not None]
    slide = d.slide(c.t("meeting.slide.sources"), names)
    frame = pd.DataFrame(rows, columns=[c.t(f"meeting.source.{k}") for k in ("table", "producer", "name", "vintage",
                                                                             "licence")])
    d.table(slide, frame, d.margin, d.top, d.body_width, size=10, first_width=0.14)


def build_deck(content: MeetingContent, template: str | Path | None = None) -> bytes:
    """The deck of `content` (`meeting.meeting_content`) as PPTX bytes, on `template` (`.pptx`/`.potx`) or the
    default. Slide titles, in order: the title, « Chiffres clés », « Carte des bassins », the hiring and shortage
    occupations, tension, the plan's slides when the plan has actions (status and late actions, timeline,
    indicators when some concern the selection), « Sources et millésimes ». Raises GpectError for a bad
    template."""
    d = _Deck(open_template(template), content)
    _title_slide(d)
    _figures_slide(d)
    _map_slide(d)
    _hiring_slide(d)
    _shortage_slide(d)
    _tension_slide(d)
    if len(content.plan.actions):
        _plan_slides(d)
    _sources_slide(d)
    out = io.BytesIO()
    d.prs.save(out)
    return out.getvalue()
