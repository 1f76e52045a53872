"""Charts on screen with their text alternative: an accessible name, and their data as a table under
« Données du graphique » (WCAG 2.1 AA, 1.1.1 non-text content).

The table shows what the chart's tooltips show, under the tooltips' titles: the figures a sighted reader can hover,
in the chart's own units (shares as percentages).
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from gpect_core.formatting import fmt_pct
from gpect_core.i18n import t
from gpect_core.workshop.chart import projected
from ui.workshop.common import presenting

# In the app, Altair would validate every schema object against Vega-Lite's JSON schema as it is built (its « debug
# mode »), on every rerun (a tenth of a map click's CPU). The builders' specs are validated whole by their tests
# and by the exports (`to_dict()` validates), so the server builds them without that check.
alt.utils.schemapi.disable_debug_mode()


def _units(spec: dict, data_name: str | None = None):
    """Every unit (single-mark) spec of a Vega-Lite `spec` with the name of the dataset it draws."""
    data = spec.get("data")
    if isinstance(data, dict) and "name" in data:
        data_name = data["name"]
    if "mark" in spec:
        yield spec, data_name
    for compound in ("layer", "hconcat", "vconcat", "concat"):
        for child in spec.get(compound, []):
            yield from _units(child, data_name)
    if isinstance(spec.get("spec"), dict):
        yield from _units(spec["spec"], data_name)


def _tooltips(unit: dict) -> list[dict]:
    tooltip = unit.get("encoding", {}).get("tooltip")
    if isinstance(tooltip, dict):
        tooltip = [tooltip]
    return [item for item in tooltip or [] if isinstance(item, dict) and "field" in item]


def chart_table(chart: alt.TopLevelMixin | dict, lang: str) -> pd.DataFrame:
    """The data behind `chart` (an Altair chart or its Vega-Lite dict) as a table: one row per drawn item, the
    columns its tooltips show, named as the tooltips name them, shares (tooltip format ``%``) as percentages in
    `lang`; without tooltips, the chart's first dataset as it is. Empty when the chart carries no inline data."""
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    datasets = spec.get("datasets", {})
    for unit, name in _units(spec):
        fields = _tooltips(unit)
        if not fields or name not in datasets:
            continue
        rows = pd.DataFrame(datasets[name])
        table = pd.DataFrame(index=rows.index)
        for item in fields:
            field = item["field"]
            if field not in rows.columns:
                continue
            column = item.get("title") or field
            values = rows[field]
            if item.get("type") == "quantitative" and str(item.get("format", "")).endswith("%"):
                values = values.map(lambda v: fmt_pct(v, lang=lang))
            table[column] = values
        if not table.columns.empty:
            return table.drop_duplicates().reset_index(drop=True)
    for rows in datasets.values():
        return pd.DataFrame(rows)
    return pd.DataFrame()


def show_chart(chart: alt.TopLevelMixin, title: str, lang: str, key: str | None = None, **kwargs) -> None:
    """`chart` on screen (theme None, width « stretch » unless `kwargs` say otherwise) named `title` for screen
    readers, followed by its data under a « Données du graphique » expander, built only while that expander is open
    (opening it reruns the page; `key`, default from `title`, keeps it open across reruns).

    The chart is turned into its Vega-Lite spec once, without Altair's JSON-schema validation, and drawn with
    `st.vega_lite_chart`: `st.altair_chart` validated every chart on every rerun (a second of the plan page's
    rerun). The builders' specs are validated by their tests and by the exports (`to_dict()` validates)."""
    kwargs.setdefault("theme", None)
    kwargs.setdefault("width", "stretch")
    if presenting():
        chart = projected(chart)
    spec = chart.to_dict(validate=False)
    spec["description"] = title
    st.vega_lite_chart(spec, **kwargs)
    with st.expander(t("chart.data", lang), icon=":material/table_view:", key=key or f"chart_data_open:{title}",
                     on_change="rerun") as box:
        if box.open:
            st.dataframe(chart_table(spec, lang), hide_index=True, width="stretch")
