"""A view as a link: the page's URL path and its query string; the presenter's own parameters kept apart."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode

PARAM_MODE = "mode"
PARAM_SCRIPT = "deroule"
PARAM_STEP = "etape"
PARAM_VOTE = "code"
PRESENTATION = "presentation"
PRESENTER_PARAMS = (PARAM_MODE, PARAM_SCRIPT, PARAM_STEP)
# Pages that are not views of the territory: never saved as a view.
NOT_VIEWS = frozenset({"atelier", "vote"})


def view_query(params: Mapping[str, object]) -> str:
    """The query string of a view (str, no leading « ? »), from the page's query parameters (a mapping of str to
    str or list of str, e.g. `st.query_params.to_dict()`), without the presenter's parameters."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        if key in PRESENTER_PARAMS:
            continue
        for one in value if isinstance(value, list | tuple) else [value]:
            pairs.append((str(key), str(one)))
    return urlencode(pairs)


def query_pairs(query: str) -> list[tuple[str, str]]:
    """The (key, value) pairs of a stored query string (str)."""
    return parse_qsl(query or "", keep_blank_values=False)


def view_url(page: str, query: str, **extra: object) -> str:
    """The URL of a view relative to the app's root (« ./carte?zonage=ZE2020&… », « ./?… » for the main page, so
    it works under a proxy's base path too), `extra` parameters appended (None left out)."""
    pairs = [(k, v) for k, v in query_pairs(query) if k not in extra]
    pairs += [(k, str(v)) for k, v in extra.items() if v is not None]
    tail = urlencode(pairs)
    return f"./{page.strip('/')}" + (f"?{tail}" if tail else "")


def presenter_url(page: str, query: str, script_id: int, step: int) -> str:
    """The URL of step `step` (1-based) of script `script_id` shown in presenter mode."""
    return view_url(page, query, **{PARAM_MODE: PRESENTATION, PARAM_SCRIPT: script_id, PARAM_STEP: step})


def vote_path(vote_id: str) -> str:
    """The short path participants type to vote (« /vote?code=K7P2Q »)."""
    return f"/vote?{PARAM_VOTE}={vote_id}"
