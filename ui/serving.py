"""How the Streamlit server sends the app's files.

Two adjustments to Streamlit's own server, both made from the first run of the app script on:

Streamlit serves its own JavaScript bundles (`/static/…`, 5.4 MB, content-hashed and cached a year by the
browser) uncompressed on purpose, counting on a reverse proxy to compress them. In a workshop the app is often
reached directly over the venue's Wi-Fi by 20–30 phones, each fetching those 5.4 MB on its first visit: compressed
(gzip level 5, by Streamlit's own middleware, ≈ 0.1 s of server CPU once per browser) they are 1.2 MB.

A page opened by its own address (`/carte?zones=…`, a shared link) made Streamlit's frontend probe the page's path
as a possible base URL first (`/carte/_stcore/health`, `/carte/_stcore/host-config`: two 404s in the console,
streamlit/streamlit#7074), then the root. The frontend skips the probe when the page tells it its base URL
(`window.__streamlit.BACKEND_BASE_URL`, Streamlit's embedding setting): `pin_base_url` adds that line to the HTML
document, the base being the address less a trailing page path of the app.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

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


_pinned = False
_ASSET_PREFIXES = ("/_stcore/", "/static/", "/app/static/", "/component/", "/media/")


def base_url_script(page_paths: Iterable[str]) -> bytes:
    """The `<script>` that sets `window.__streamlit.BACKEND_BASE_URL` to the page's address less a trailing page
    path among `page_paths` (`https://host/carte` → `https://host/`, `https://host/base/carte` → `https://host/base`),
    keeping any other `window.__streamlit` setting."""
    pages = json.dumps(sorted(set(page_paths)))
    return ('<script>(function(){var s=location.pathname.replace(/\\/+$/,"").split("/");'
            f'if({pages}.indexOf(s[s.length-1])>=0)s.pop();'
            'window.__streamlit=Object.assign({},window.__streamlit,'
            '{BACKEND_BASE_URL:location.origin+(s.join("/")||"/")});})();</script>').encode()


def inject_before_head_end(body: bytes, snippet: bytes) -> bytes:
    """`body` with `snippet` just before its first `</head>` (unchanged when there is none)."""
    at = body.find(b"</head>")
    return body if at < 0 else body[:at] + snippet + body[at:]


def pin_base_url(page_paths: Iterable[str]) -> None:
    """Make every HTML document the server sends tell Streamlit's frontend its base URL (`base_url_script`), so that
    a page opened by its own address no longer probes `/<page>/_stcore/health` and `/<page>/_stcore/host-config`
    (two 404s in the console). Does nothing when Streamlit's server module is not the one this was written
    against (the frontend then probes as before: two console errors, nothing broken)."""
    global _pinned
    if _pinned:
        return
    _pinned = True
    try:
        from streamlit.web.server.starlette import starlette_gzip_middleware as gzip_module
    except ImportError:
        return
    middleware = getattr(gzip_module, "SelectiveGZipMiddleware", None)
    route_path = getattr(gzip_module, "_route_path", None)
    if middleware is None or route_path is None:
        _LOG.warning("Streamlit's gzip middleware changed: deep links keep probing their own path")
        return
    snippet = base_url_script(page_paths)
    original = middleware.__call__

    async def call(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET":
            return await original(self, scope, receive, send)
        path = gzip_module._strip_base_url(route_path(scope), self._base_url)
        if path.startswith(_ASSET_PREFIXES) or "." in path.rsplit("/", 1)[-1]:
            return await original(self, scope, receive, send)
        start: dict = {}
        chunks: list[bytes] = []

        async def buffered(message):
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers") or [])
                if not headers.get(b"content-type", b"").startswith(b"text/html"):
                    start["passthrough"] = True
                    await send(message)
                    return
                start.update(message)
                return
            if start.get("passthrough"):
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = inject_before_head_end(b"".join(chunks), snippet)
            # The document changed: its length, and no validator that would let a browser keep an older copy.
            headers = [(k, v) for k, v in start.get("headers") or []
                       if k.lower() not in (b"content-length", b"etag", b"last-modified")]
            headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        # Straight to the app, not through gzip: the document is small, and its bytes are rewritten here.
        await self.app(scope, receive, buffered)

    middleware.__call__ = call
