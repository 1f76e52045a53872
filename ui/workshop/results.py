"""The live results of a vote: a fragment that re-reads the store every few seconds without rerunning the page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gpect_core.i18n import t
from gpect_core.workshop.chart import presenter_results_chart, results_chart
from gpect_core.workshop.store import WorkshopStore
from ui.feedback import md
from ui.workshop.common import presenting

REFRESH_SECONDS = 2


@st.fragment(run_every=REFRESH_SECONDS)
def live_results(store: WorkshopStore, vote_id: str, lang: str) -> None:
    """The number of voters, the bar chart of dots per item and the same figures as a table."""
    results, voters = store.results(vote_id)
    if presenting():  # one line (PRESENTER_STYLE): ten bars must fit above the fold of a 720 px screen
        with st.container(key="ws_live_head", horizontal=True, vertical_alignment="center"):
            st.subheader(t("workshop.results.title", lang))
            st.metric(t("workshop.results.voters", lang), voters)
    else:
        st.subheader(t("workshop.results.title", lang))
        st.metric(t("workshop.results.voters", lang), voters)
    if results.empty:
        st.info(t("workshop.results.empty", lang))
        return
    dots, item = t("workshop.results.dots", lang), t("workshop.results.item", lang)
    # The table under the chart is its text alternative; the description is the chart's accessible name.
    if presenting():  # no Streamlit theme: it would grey the labels (#808495)
        chart, theme = presenter_results_chart(results, dots, item), None
    else:
        chart, theme = results_chart(results, dots, item), "streamlit"
    st.altair_chart(chart.properties(description=t("workshop.results.title", lang)), width="stretch", theme=theme)
    # st.table reads its cells as Markdown: participants' text is escaped, so « # Titre » or a link shows as typed.
    st.table(pd.DataFrame({item: results["label"].map(md), dots: results["dots"],
                           t("workshop.results.item_voters", lang): results["voters"]}).set_index(item))
