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

PRESENTER_STYLE = """<style>
.stMainBlockContainer, .block-container {padding-top: 1.2rem !important; max-width: 100% !important;}
.stApp, .stMarkdown p, .stMarkdown li, [data-testid="stCaptionContainer"], label, .stMetric {font-size: 1.3rem;}
.stApp h1 {font-size: 2.6rem;} .stApp h2 {font-size: 2.1rem;} .stApp h3 {font-size: 1.7rem;}
[data-testid="stMetricValue"] {font-size: 2.6rem;}
.gpect-presenter-title {font-size: 2.2rem; font-weight: 700; color: #111; margin: 0;}
.gpect-presenter-note {font-size: 1.5rem; color: #1a1a1a; margin: .2rem 0 .6rem 0;}
.gpect-presenter-nav {display: flex; gap: .8rem; align-items: center; flex-wrap: wrap;}
.gpect-presenter-nav a {font-size: 1.2rem; padding: .45rem 1.1rem; border-radius: .5rem; text-decoration: none;
  background: #1f4e8c; color: #fff; font-weight: 600;}
.gpect-presenter-nav a[aria-disabled="true"] {background: #6b6b6b; pointer-events: none;}
.gpect-presenter-nav a.gpect-exit {background: transparent; color: #1f4e8c; border: 2px solid #1f4e8c;}
.gpect-presenter-counter {position: fixed; right: 1rem; bottom: .6rem; font-size: 1rem; color: #333;
  background: rgba(255,255,255,.9); padding: .15rem .6rem; border-radius: .4rem; z-index: 1000;}
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
