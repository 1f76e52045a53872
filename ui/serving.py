"""How the Streamlit server sends the app's files.

Streamlit serves its own JavaScript bundles (`/static/…`, 5.4 MB, content-hashed and cached a year by the
browser) uncompressed on purpose, counting on a reverse proxy to compress them. In a workshop the app is often
reached directly over the venue's Wi-Fi by 20–30 phones, each fetching those 5.4 MB on its first visit: compressed
(gzip level 5, by Streamlit's own middleware, ≈ 0.1 s of server CPU once per browser) they are 1.2 MB.
"""

from __future__ import annotations

import logging

_LOG = logging.getLogger(__name__)
_done = False


def compress_streamlit_bundles() -> None:
    """Let Streamlit's gzip middleware compress its `/static/…` bundles too (the root document stays as it is).

    Takes effect from the first run of the app script on (the very first page load of a fresh server is still
    uncompressed). Does nothing when Streamlit's server module is not the one this was written against."""
    global _done
    if _done:
        return
    _done = True
    try:
        from streamlit.web.server.starlette import starlette_gzip_middleware as gzip_module
    except ImportError:
        return
    original = getattr(gzip_module, "_should_bypass_gzip", None)
    if original is None:
        _LOG.warning("Streamlit's gzip middleware changed: its bundles stay uncompressed")
        return

    def bypass_root_only(path: str, base_url: str = "") -> bool:
        stripped = gzip_module._strip_base_url(path, base_url)
        return not stripped or stripped == "/"

    gzip_module._should_bypass_gzip = bypass_root_only
