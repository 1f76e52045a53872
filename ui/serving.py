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

Streamlit's icon font (Material Symbols Rounded, 366 KB woff2, one glyph per icon name: ≈ 4,300 icons) is a fifth of
a first visit. `serve_icon_font_subset` sends instead the same font cut to the icons whose names occur in Streamlit's
own bundles or in the app's `:material/…:` strings (≈ 660 names, 65 KB), under the same address.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path

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


# ------------------------------------------------------------------------------------------------ the icon font
ICON_FONT_PREFIX = "MaterialSymbols-Rounded."
_APP_ICON = re.compile(r":material/([a-z0-9_]+):")
_WORD = re.compile(rb"[a-z0-9_]{2,}")


def icon_ligatures(font) -> dict[str, str]:
    """{icon name: glyph name} of a ligature icon font (a fontTools `TTFont`): the name typed is replaced by the
    icon's glyph by the font's GSUB ligature lookups."""
    by_glyph = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    names: dict[str, str] = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            for first, ligatures in getattr(table, "ligatures", {}).items():
                for ligature in ligatures:
                    word = by_glyph.get(first, "") + "".join(by_glyph.get(c, "\0") for c in ligature.Component)
                    names[word] = ligature.LigGlyph
    return names


def icon_names_used(bundles: Iterable[Path], sources: Iterable[Path]) -> set[str]:
    """Every word of Streamlit's frontend bundles (`*.js`: its own chrome names its icons there) and every
    `:material/NAME:` of the app's sources: a superset of the icons a page can ask for."""
    words: set[str] = set()
    for path in bundles:
        words.update(w.decode() for w in _WORD.findall(path.read_bytes()))
    for path in sources:
        words.update(_APP_ICON.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return words


def icon_font_subset(font_bytes: bytes, names: Iterable[str]) -> bytes:
    """The woff2 ligature icon font `font_bytes` keeping only the icons in `names` (unknown names ignored) and the
    characters they are typed with. Takes ≈ 9 s of CPU for Material Symbols (fontTools decodes woff2 in Python)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(font_bytes))
    ligatures = icon_ligatures(font)
    kept = {ligatures[name] for name in set(names) & set(ligatures)}
    letters = {font.getBestCmap()[ord(c)] for c in "".join(ligatures) if ord(c) in font.getBestCmap()}
    options = subset.Options()
    options.layout_closure = False  # otherwise the kept letters would bring back every ligature made of them
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=sorted(kept | letters))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


_icon_font: dict[str, bytes] = {}
_icon_started = False
_STATIC_CACHE = "public, immutable, max-age=31536000"


def _prepare_icon_font(font: Path, bundles: list[Path], sources: list[Path], cache_dir: Path) -> None:
    try:
        names = icon_names_used(bundles, sources)
        source = font.read_bytes()
        digest = hashlib.sha256(source + "\n".join(sorted(names)).encode()).hexdigest()[:16]
        cached = cache_dir / f"{font.stem}.{digest}.woff2"
        if not cached.exists():
            cache_dir.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(".part")
            partial.write_bytes(icon_font_subset(source, names))
            partial.replace(cached)
        _icon_font[font.name] = cached.read_bytes()
    except Exception:  # the full font keeps being served: every icon still draws
        _LOG.exception("the icon font subset could not be made")


def serve_icon_font_subset(cache_dir: Path, sources: Iterable[Path]) -> None:
    """From now on, answer Streamlit's icon-font address with `icon_font_subset` of it (made once in a background
    thread and kept in `cache_dir`; until it is ready, and whenever something fails, the full font is served).
    `sources`: the app's files whose `:material/NAME:` icons must stay."""
    global _icon_started
    if _icon_started:
        return
    _icon_started = True
    try:
        import streamlit
        from streamlit.web.server.starlette import starlette_gzip_middleware as gzip_module
    except ImportError:
        return
    static = Path(streamlit.__file__).parent / "static"
    fonts = sorted((static / "static" / "media").glob(f"{ICON_FONT_PREFIX}*.woff2"))
    middleware = getattr(gzip_module, "SelectiveGZipMiddleware", None)
    route_path = getattr(gzip_module, "_route_path", None)
    if len(fonts) != 1 or middleware is None or route_path is None:
        _LOG.warning("Streamlit's icon font or server changed: the full icon font is served")
        return
    threading.Thread(target=_prepare_icon_font, name="icon-font-subset", daemon=True,
                     args=(fonts[0], sorted(static.rglob("*.js")), list(sources), cache_dir)).start()
    original = middleware.__call__
    address = f"/static/media/{fonts[0].name}"

    async def call(self, scope, receive, send):
        if (scope["type"] == "http" and scope.get("method") == "GET" and fonts[0].name in _icon_font
                and gzip_module._strip_base_url(route_path(scope), self._base_url) == address):
            body = _icon_font[fonts[0].name]
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"font/woff2"), (b"cache-control", _STATIC_CACHE.encode()),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        return await original(self, scope, receive, send)

    middleware.__call__ = call
