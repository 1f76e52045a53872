"""Altair chart builders with one shared look and the French number and date locale.

Every builder returns a finished chart (`finish` applies the theme through `.configure`, so the spec itself
carries its look): the app renders it with `theme=None` and the exports render the very same spec with
vl-convert, so a downloaded picture matches what people saw.
"""

from __future__ import annotations

from functools import cache

import altair as alt
import pandas as pd

from .i18n import t

FONT = "Marianne, Arial, Helvetica, sans-serif"
PALETTE = ["#1f5fa8", "#e07b39", "#3a9e6f", "#c23b5a", "#7b5ea7", "#8c6d31", "#4fa3b8", "#9a9a9a"]
DIFFICULTY_SCHEME = "orangered"  # sequential, colour-blind safe (ColorBrewer OrRd)


@cache
def _locales() -> tuple[dict, dict]:
    import vl_convert as vlc

    return vlc.get_format_locale("fr-FR"), vlc.get_time_format_locale("fr-FR")


def locale_config(lang: str) -> dict:
    if lang != "fr":
        return {}
    number, time = _locales()
    return {"number": number, "time": time}


def finish(chart: alt.TopLevelMixin, lang: str = "fr") -> alt.TopLevelMixin:
    """Apply the house theme and locale; the result is what the app shows and the exports render."""
    config = dict(
        font=FONT,
        background="white",
        padding={"left": 6, "right": 12, "top": 6, "bottom": 6},
        title={"anchor": "start", "fontSize": 15, "fontWeight": 600, "subtitleColor": "#555", "subtitleFontSize": 11},
        axis={"labelFontSize": 11, "titleFontSize": 12, "gridColor": "#e6e6e6", "domainColor": "#888"},
        legend={"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom"},
        view={"stroke": None},
        range={"category": PALETTE},
    )
    locale = locale_config(lang)
    if locale:
        config["locale"] = locale
    return chart.configure(**config)


def top_occupations_bar(top: pd.DataFrame, lang: str = "fr", title: str | None = None,
                        subtitle: str | None = None) -> alt.TopLevelMixin:
    """Horizontal bars of hiring projects by occupation, coloured by the share judged difficult.

    `top` has columns `label`, `projects`, `difficult_share` (0–1, may be null), `difficult`.
    """
    data = top[["label", "projects", "difficult_share", "difficult"]].copy()
    data["projects"] = data["projects"].astype(float)
    data["difficult_share"] = data["difficult_share"].astype(float)
    order = list(data.sort_values("projects", ascending=False)["label"])
    projects_title = t("chart.projects", lang)
    share_title = t("chart.difficult_share", lang)
    chart = alt.Chart(data).mark_bar(cornerRadiusEnd=2).encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("projects:Q", title=projects_title, axis=alt.Axis(format=",d")),
        color=alt.Color("difficult_share:Q", title=share_title,
                        scale=alt.Scale(scheme=DIFFICULTY_SCHEME, domain=[0, 1]),
                        legend=alt.Legend(format=".0%", orient="top", gradientLength=180)),
        tooltip=[
            alt.Tooltip("label:N", title=t("chart.occupation", lang)),
            alt.Tooltip("projects:Q", title=projects_title, format=",d"),
            alt.Tooltip("difficult:Q", title=t("chart.difficult", lang), format=",d"),
            alt.Tooltip("difficult_share:Q", title=share_title, format=".1%"),
        ],
    ).properties(
        width="container", height=max(180, 34 * len(data)),
        title=alt.TitleParams(title or t("chart.top_occupations", lang), subtitle=subtitle or alt.Undefined),
    )
    return finish(chart, lang)
