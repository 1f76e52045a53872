"""The passerelles diagram: one origin occupation on the left, its ranked targets on the right, one edge each.

Not a network layout (no hairball): the targets are stacked in the order of the ranking (`indicators.bridges.
reachable_targets`), the edge width follows the skills score, the target dot's size the local openings, and fragile
targets are pale with a ⚠ before their label.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..i18n import t
from . import FRAGILE_OPACITY, INT, PALETTE, finish

MAX_TARGETS = 15
X_DOMAIN = alt.Scale(domain=[-1.4, 2.3])  # origin at 0 (its label on its left), targets at 1
ROW_HEIGHT = 30


def bridges_diagram(targets: pd.DataFrame, origin_label: str, lang: str = "fr", title: str | None = None,
                    subtitle: str | None = None, n: int = MAX_TARGETS) -> alt.TopLevelMixin:
    """The diagram of the first `n` rows of `targets` (columns label, score 0–1 or NA, openings, fragile, rank,
    kind), in their order, from `origin_label`."""
    data = targets.head(n).reset_index(drop=True).copy()
    count = max(len(data), 1)
    data["y"] = np.arange(len(data), dtype=float)
    data["x"], data["x0"], data["y0"] = 1.0, 0.0, (count - 1) / 2
    data["score_value"] = pd.to_numeric(data["score"], errors="coerce").astype(float)
    data["edge"] = data["score_value"].fillna(0.0)
    data["openings_value"] = pd.to_numeric(data["openings"], errors="coerce").astype(float)
    fragile_text, solid_text = t("chart.fragile", lang), t("chart.solid", lang)
    data["status"] = np.where(data["fragile"].astype(bool), fragile_text, solid_text)
    data["shown"] = [(f"{int(r)}. " if pd.notna(r) else "⚠ ") + str(label)
                     for r, label in zip(data["rank"], data["label"], strict=True)]
    data["kind_label"] = [t(f"bridges.kind.{k}", lang) for k in data["kind"]]
    y_scale = alt.Scale(domain=[-0.5, count - 0.5], reverse=True)
    opacity = alt.Opacity("status:N", scale=alt.Scale(domain=[solid_text, fragile_text], range=[1.0, FRAGILE_OPACITY]),
                          legend=alt.Legend(title=None, orient="top"))
    tooltip = [alt.Tooltip("label:N", title=t("chart.occupation", lang)),
               alt.Tooltip("kind_label:N", title=t("bridges.col.kind", lang)),
               alt.Tooltip("score_value:Q", title=t("bridges.col.score", lang), format=".2f"),
               alt.Tooltip("openings_value:Q", title=t("bridges.col.openings", lang), format=INT.d3(lang)),
               alt.Tooltip("status:N", title=t("chart.reliability", lang))]
    base = alt.Chart(data)
    x = alt.X("x0:Q", scale=X_DOMAIN, axis=None)
    edges = base.mark_rule(color=PALETTE[0]).encode(
        x=x, y=alt.Y("y0:Q", scale=y_scale, axis=None), x2="x:Q", y2="y:Q",
        strokeWidth=alt.StrokeWidth("edge:Q", scale=alt.Scale(domain=[0, 1], range=[0.8, 9]),
                                    legend=alt.Legend(title=t("bridges.col.score", lang), orient="top")),
        opacity=opacity, tooltip=tooltip)
    dots = base.mark_circle(color=PALETTE[1]).encode(
        x=alt.X("x:Q", scale=X_DOMAIN, axis=None), y=alt.Y("y:Q", scale=y_scale, axis=None),
        size=alt.Size("openings_value:Q", scale=alt.Scale(range=[40, 500]),
                      legend=alt.Legend(title=t("bridges.col.openings", lang), orient="top", format=INT.d3(lang))),
        opacity=opacity, tooltip=tooltip)
    labels = base.mark_text(align="left", dx=12, fontSize=12, limit=320).encode(
        x=alt.X("x:Q", scale=X_DOMAIN, axis=None), y=alt.Y("y:Q", scale=y_scale, axis=None),
        text="shown:N", opacity=opacity)
    origin = alt.Chart(pd.DataFrame({"x": [0.0], "y": [(count - 1) / 2], "label": [origin_label]}))
    origin_dot = origin.mark_circle(size=600, color=PALETTE[0]).encode(
        x=alt.X("x:Q", scale=X_DOMAIN, axis=None), y=alt.Y("y:Q", scale=y_scale, axis=None),
        tooltip=alt.Tooltip("label:N", title=t("chart.occupation", lang)))
    origin_text = origin.mark_text(align="right", dx=-16, fontSize=13, fontWeight=600, limit=300).encode(
        x=alt.X("x:Q", scale=X_DOMAIN, axis=None), y=alt.Y("y:Q", scale=y_scale, axis=None),
        text="label:N")
    chart = alt.layer(edges, dots, labels, origin_dot, origin_text).properties(
        width="container", height=max(200, ROW_HEIGHT * count),
        title=alt.TitleParams(title or origin_label, subtitle=subtitle or alt.Undefined))
    return finish(chart, lang)
