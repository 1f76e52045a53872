"""What the workshop's pieces share: its store, the presenter/phone styles, the public link of a vote."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from gpect_core import Territory
from gpect_core.workshop.links import PARAM_MODE, PRESENTATION, vote_path
from gpect_core.workshop.store import WorkshopStore
from ui.plan.session import get_store

HIDE_CHROME = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"] {display: none !important;}
</style>"""

# Streamlit sizes its text, widgets and spacing in rem: a larger root size enlarges the whole page. Charts get larger
# text from their configuration (`workshop.chart.projected`); tables drawn on a canvas (st.dataframe) size their text
# in px, so CSS zoom enlarges them.
PRESENTER_STYLE = """<style>
html {font-size: clamp(17px, 0.9vw + 8px, 26px);}
.stMainBlockContainer, .block-container {padding: 1rem 2rem 2rem 2rem !important; max-width: 100% !important;}
[data-testid="stElementContainer"]:has(> [data-testid="stDataFrame"]) {zoom: 1.35; width: calc(100% / 1.35) !important;}
.stApp h1 {font-size: 1.8rem; padding: .1rem 0 !important;}
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script:only-child) {display: none;}
[data-testid="stMetricValue"] {font-size: 2.4rem;}
.st-key-ws_live_head h3 {padding: 0 !important;}
.st-key-ws_live_head [data-testid="stMetric"] > div {display: flex; align-items: baseline; gap: .6rem;}
.st-key-ws_live_head [data-testid="stMetricValue"] {font-size: 1.9rem;}
.st-key-ws_join_qr img {width: 32vh !important; max-width: 100% !important; height: auto;}
.gpect-presenter-bar {display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1.2rem;
  border-bottom: 2px solid #d0d4da; padding-bottom: .5rem; margin-bottom: .2rem;}
.gpect-presenter-text {flex: 1 1 24rem; min-width: 0;}
.gpect-presenter-title {font-size: 1.35rem; font-weight: 700; color: #111; margin: 0; line-height: 1.2;}
.gpect-presenter-note {font-size: 1rem; color: #1a1a1a; margin: .15rem 0 0 0;}
.gpect-presenter-nav {display: flex; gap: .6rem; align-items: center; flex-wrap: wrap;}
.gpect-presenter-nav a {font-size: .95rem; padding: .35rem .9rem; border-radius: .5rem; text-decoration: none;
  background: #1f4e8c; color: #fff; font-weight: 600;}
.gpect-presenter-nav a[aria-disabled="true"] {background: #6b6b6b; pointer-events: none;}
.gpect-presenter-nav a.gpect-exit {background: transparent; color: #1f4e8c; border: 2px solid #1f4e8c;}
.gpect-presenter-counter {font-size: .85rem; color: #3d4148; white-space: nowrap;}
</style>"""

PHONE_STYLE = """<style>
.stMainBlockContainer, .block-container {max-width: 34rem !important; padding: 1rem .9rem 3rem .9rem !important;}
.stApp {font-size: 1.1rem;}
</style>"""


def presenting() -> bool:
    """True when the URL asks for presenter mode (`?mode=presentation`)."""
    return st.query_params.get(PARAM_MODE) == PRESENTATION


def get_workshop(territory: Territory) -> WorkshopStore:
    """The workshop store of this deployment, on the plan's database (raises GpectError in French)."""
    return WorkshopStore(get_store(territory))


def app_base_url() -> str:
    """The app's address as the browser reached it (« https://host/base/ »), ending with « / »."""
    url = st.context.url or ""
    parts = urlsplit(url)
    if not parts.scheme:
        return "/"
    path = parts.path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


def join_url(vote_id: str) -> str:
    """The full link participants open to vote (« http://host/vote?code=K7P2Q »)."""
    return app_base_url() + vote_path(vote_id).lstrip("/")
