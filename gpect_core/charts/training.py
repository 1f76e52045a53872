"""The chart of « Formations et besoins »: hiring projects against local training places, by occupation."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..i18n import t
from . import INT, PALETTE, finish


def gaps_bar(top: pd.DataFrame, lang: str = "fr", title: str | None = None,
             subtitle: str | None = None) -> alt.TopLevelMixin:
    """Grouped horizontal bars: hiring projects and training places of each occupation of `top`
    (`indicators.training_needs.top_gaps`: columns label, occupation_code, siblings, ratio_projects, chart_places
    (else ratio_places), fragile; its order is kept): projects and places of the same territory, the places the
    gaps rule read (none for an occupation without programmes of its own). One bar pair per
    BMO occupation (at most a few dozen rows: far under Altair's 5,000); a fragile BMO figure is marked « ⚠ »
    before its label, a FAP family's other ROME codes « +n » after it."""
    labels = [f"{'⚠ ' if bool(f) else ''}{label} ({code}){f' +{int(n)}' if n else ''}"
              for label, code, f, n in zip(top["label"], top["occupation_code"], top["fragile"], top["siblings"],
                                           strict=True)]
    projects_name, places_name = t("formations.chart.projects", lang), t("formations.chart.places", lang)
    data = pd.concat([
        pd.DataFrame({"occupation": labels, "measure": projects_name, "value": top["ratio_projects"].astype(float)}),
        pd.DataFrame({"occupation": labels, "measure": places_name,
                      "value": top["chart_places" if "chart_places" in top else "ratio_places"].astype(float)
                      .fillna(0.0)}),
    ], ignore_index=True)
    chart = alt.Chart(data).mark_bar(cornerRadiusEnd=2).encode(
        y=alt.Y("occupation:N", sort=labels, title=None, axis=alt.Axis(labelLimit=320)),
        yOffset=alt.YOffset("measure:N", sort=[projects_name, places_name]),
        x=alt.X("value:Q", title=t("formations.chart.value", lang), axis=alt.Axis(format=",d")),
        color=alt.Color("measure:N", title=t("formations.chart.measure", lang),
                        scale=alt.Scale(domain=[projects_name, places_name], range=[PALETTE[1], PALETTE[0]])),
        tooltip=[alt.Tooltip("occupation:N", title=t("chart.occupation", lang)),
                 alt.Tooltip("measure:N", title=t("formations.chart.measure", lang)),
                 alt.Tooltip("value:Q", title=t("formations.chart.value", lang), format=INT.d3(lang))],
    ).properties(width="container", height=max(180, 44 * len(top)),
                 title=alt.TitleParams(title or t("formations.gaps.chart_title", lang),
                                       subtitle=subtitle or alt.Undefined))
    return finish(chart, lang)
