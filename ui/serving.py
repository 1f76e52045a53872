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
a first visit. `serve_font_subsets` sends instead the same font cut to the icons whose names occur in Streamlit's
own bundles or in the app's `:material/…:` strings (≈ 660 names, 65 KB), under the same address; and its text font
(Source Sans, variable, 170 KB) cut to the letters of French and the other European languages written in Latin (61 KB).

Streamlit's gzip middleware compresses every bundle again on each request, at level 5. `serve_brotli_bundles` sends
a browser that accepts brotli (browsers do over HTTPS and on localhost, not over plain HTTP to another address) the
bundle compressed once at brotli's best level (15 % smaller than gzip: 224 against 264 KB for the chart bundle),
made in the background after the bundle's first request and kept on disk. `serve_brotli_app_static` does the same for
the app's own static files (Leaflet, the zones' geometry: EPCI 252 KB gzip → 205 KB).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import mimetypes
import os
import queue
import re
import threading
from collections.abc import Iterable
from functools import partial
from pathlib import Path

_LOG = logging.getLogger(__name__)


def _gzip_middleware(warning: str | None):
    """(Streamlit's gzip middleware module, its middleware class, its route-path function), or None — saying
    `warning` in the server log — when Streamlit's server is not the one this module was written against."""
    try:
        from streamlit.web.server.starlette import starlette_gzip_middleware as gzip_module
    except ImportError:
        return None
    middleware = getattr(gzip_module, "SelectiveGZipMiddleware", None)
    route_path = getattr(gzip_module, "_route_path", None)
    if middleware is None or route_path is None:
        if warning:
            _LOG.warning(warning)
        return None
    return gzip_module, middleware, route_path
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
    if (found := _gzip_middleware("Streamlit's gzip middleware changed: deep links keep probing their own path")) is None:
        return
    gzip_module, middleware, route_path = found
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


# Latin, Latin-1, Latin Extended A, Romanian's ș ț, general punctuation, currency, letter-like symbols, arrows, maths.
# Not Latin Extended B (African and phonetic letters, Pinyin tones) nor IPA: 23 KB of Source Sans's 84 KB, a twentieth
# of a first visit, for letters a GPECT page never writes (the browser's sans-serif draws them if one comes).
TEXT_FONT_UNICODES = (*range(0x20, 0x180), *range(0x218, 0x21C), *range(0x2000, 0x2070), *range(0x20A0, 0x20C1),
                      *range(0x2100, 0x2150), *range(0x2190, 0x2200), *range(0x2200, 0x2300))
TEXT_FONT_PREFIXES = ("SourceSansVF-", "SourceCodeVF-", "SourceSerifVariable-")


def text_font_subset(font_bytes: bytes) -> bytes:
    """The woff2 (variable) text font `font_bytes` keeping the characters of `TEXT_FONT_UNICODES`: French, the other
    languages written in Latin letters, punctuation and figures. A character outside them is drawn by the browser
    from its next font (sans-serif)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(font_bytes))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=TEXT_FONT_UNICODES)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _keep(path: Path, body: bytes) -> None:
    """Write `body` to `path` whole or not at all (written aside under this process's name, then renamed: several
    servers may write it at once); on a read-only install, nothing (the caller keeps it in memory)."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.part")
        partial.write_bytes(body)
        partial.replace(path)


_fonts: dict[str, bytes] = {}
_fonts_started = False
_STATIC_CACHE = "public, immutable, max-age=31536000"


def _cut_fonts(fonts: list[Path], static: Path, root: Path, sources: tuple[str, ...], cache_dir: Path) -> None:
    for font in fonts:
        try:
            source = font.read_bytes()
            if font.name.startswith(ICON_FONT_PREFIX):
                files = [f for name in sources
                         for f in ([root / name] if name.endswith(".py") else (root / name).rglob("*.py"))]
                names = icon_names_used(sorted(static.rglob("*.js")), files)
                key = source + "\n".join(sorted(names)).encode()
                make = partial(icon_font_subset, source, names)
            else:
                key = source + repr(TEXT_FONT_UNICODES).encode()
                make = partial(text_font_subset, source)
            cached = cache_dir / f"{font.stem}.{hashlib.sha256(key).hexdigest()[:16]}.woff2"
            if cached.exists():
                body = cached.read_bytes()
            else:
                body = make()
                _keep(cached, body)
            if len(body) < len(source):
                _fonts[font.name] = body
        except Exception:  # the whole font keeps being served: every glyph still draws
            _LOG.exception("the font %s could not be cut", font.name)


def serve_font_subsets(cache_dir: Path, root: Path, sources: Iterable[str]) -> None:
    """From now on, answer the addresses of Streamlit's icon font with `icon_font_subset` of it and of its text fonts
    with `text_font_subset` (made once in a background thread and kept in `cache_dir`; until they are
    ready, and whenever something fails, the whole font is served). `sources`: the app's files and folders under
    `root` whose `:material/NAME:` icons (in `*.py`) must stay."""
    global _fonts_started
    if _fonts_started:
        return
    _fonts_started = True
    import streamlit

    static = Path(streamlit.__file__).parent / "static"
    media = sorted((static / "static" / "media").glob("*.woff2"))
    # Every page's text font first (3 s), then the icons (9 s), then the fonts of italics and code.
    fonts = [f for f in media if f.name.startswith("SourceSansVF-Upright")]
    fonts += [f for f in media if f.name.startswith(ICON_FONT_PREFIX)]
    fonts += [f for f in media if f.name.startswith(TEXT_FONT_PREFIXES) and f not in fonts]
    found = _gzip_middleware(None) if fonts else None
    if found is None:
        _LOG.warning("Streamlit's fonts or server changed: its whole fonts are served")
        return
    gzip_module, middleware, route_path = found
    threading.Thread(target=_cut_fonts, name="font-subsets", daemon=True,
                     args=(fonts, static, root, tuple(sources), cache_dir)).start()
    original = middleware.__call__

    async def call(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("method") == "GET":
            path = gzip_module._strip_base_url(route_path(scope), self._base_url)
            body = _fonts.get(path.removeprefix("/static/media/")) if path.startswith("/static/media/") else None
            if body is not None:
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-type", b"font/woff2"), (b"cache-control", _STATIC_CACHE.encode()),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        return await original(self, scope, receive, send)

    middleware.__call__ = call


# ------------------------------------------------------------------------------------ brotli-compressed bundles
_brotli: dict[str, bytes] = {}
_brotli_queue: queue.Queue[Path] = queue.Queue()
_brotli_asked: set[str] = set()
_brotli_started = False


def brotli_bundle(bundle: Path, cache_dir: Path) -> bytes:
    """`bundle` compressed by brotli at its best level (≈ 3 s of CPU per MB), read from `cache_dir` when it is
    there already (bundles are content-hashed: a name is a content)."""
    import brotli

    cached = cache_dir / f"{bundle.name}.br"
    if cached.exists():
        return cached.read_bytes()
    body = brotli.compress(bundle.read_bytes(), quality=11)
    _keep(cached, body)
    return body


def _compress_bundles(cache_dir: Path) -> None:
    while True:
        bundle = _brotli_queue.get()
        try:
            _brotli[bundle.name] = brotli_bundle(bundle, cache_dir)
        except Exception:  # that bundle keeps going through the gzip middleware
            _LOG.exception("could not compress %s", bundle.name)


def serve_brotli_bundles(cache_dir: Path) -> None:
    """From now on, answer a request for one of the JavaScript or CSS bundles of Streamlit (`/static/…`) or of
    streamlit-folium (`/component/…`) from a browser that accepts brotli with `brotli_bundle` of it, once made (a
    background thread makes those of Streamlit's page at once, any other after its first request; until then, and
    for other browsers, the gzip middleware answers)."""
    global _brotli_started
    if _brotli_started:
        return
    _brotli_started = True
    import streamlit

    if (found := _gzip_middleware("Streamlit's server changed: its bundles stay gzip-compressed")) is None:
        return
    gzip_module, middleware, route_path = found
    static = Path(streamlit.__file__).parent / "static"
    roots = [static / "static"]
    with contextlib.suppress(ImportError):
        import streamlit_folium

        roots.append(Path(streamlit_folium.__file__).parent / "frontend" / "build" / "static")
    bundles = {f.name: f for root in roots for f in (*root.rglob("*.js"), *root.rglob("*.css"))}
    cache_dir = cache_dir / streamlit.__version__
    for cached in cache_dir.glob("*.br") if cache_dir.is_dir() else ():
        _brotli[cached.name.removesuffix(".br")] = cached.read_bytes()
    # The bundles of Streamlit's page itself are fetched before the app script first runs: made now.
    for name in re.findall(r"/static/(?:js|css)/([^\"/]+\.(?:js|css))", (static / "index.html").read_text()):
        if name in bundles and name not in _brotli and name not in _brotli_asked:
            _brotli_asked.add(name)
            _brotli_queue.put(bundles[name])
    threading.Thread(target=_compress_bundles, args=(cache_dir,), name="brotli-bundles", daemon=True).start()
    original = middleware.__call__

    async def call(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET":
            return await original(self, scope, receive, send)
        path = gzip_module._strip_base_url(route_path(scope), self._base_url)
        name = path.rsplit("/", 1)[-1]
        if not path.startswith(("/static/", "/component/")) or name not in bundles:
            return await original(self, scope, receive, send)
        accepts = b"br" in dict(scope.get("headers") or []).get(b"accept-encoding", b"")
        body = _brotli.get(name)
        if body is None or not accepts:
            if name not in _brotli_asked:
                _brotli_asked.add(name)
                _brotli_queue.put(bundles[name])
            return await original(self, scope, receive, send)
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", f"{kind}; charset=utf-8".encode()), (b"content-encoding", b"br"),
                                (b"vary", b"Accept-Encoding"), (b"cache-control", _STATIC_CACHE.encode()),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    middleware.__call__ = call


# ------------------------------------------------------------------------------------- the app's own static files
_cache_rule_set = False


def app_static_cache_control(path: str, query: str) -> bytes:
    """The Cache-Control of one of the app's static files (`/app/static/…`): a year for the content-addressed ones
    (geometry and tooltip files under `geo/`, named by a hash of their content; files asked for with `?v=<hash of
    the content>`), otherwise asked again each time (an unchanged file then comes back as a 304 without body)."""
    if path.startswith("/app/static/geo/") or any(part.startswith("v=") for part in query.split("&")):
        return _STATIC_CACHE.encode()
    return b"no-cache"


def cache_app_static() -> None:
    """Give every response of the app's static files (`/app/static/…`, Streamlit sends none) the Cache-Control of
    `app_static_cache_control`."""
    global _cache_rule_set
    if _cache_rule_set:
        return
    _cache_rule_set = True
    if (found := _gzip_middleware(None)) is None:
        return
    gzip_module, middleware, route_path = found
    original = middleware.__call__

    async def call(self, scope, receive, send):
        path = gzip_module._strip_base_url(route_path(scope), self._base_url) if scope["type"] == "http" else ""
        if not path.startswith("/app/static/"):
            return await original(self, scope, receive, send)
        rule = app_static_cache_control(path, scope.get("query_string", b"").decode("latin-1"))

        async def with_rule(message):
            if message["type"] == "http.response.start" and message.get("status") in (200, 304):
                headers = [(k, v) for k, v in message.get("headers") or [] if k.lower() != b"cache-control"]
                message = {**message, "headers": [*headers, (b"cache-control", rule)]}
            await send(message)

        return await original(self, scope, receive, with_rule)

    middleware.__call__ = call


# -------------------------------------------------------------------- the app's own static files, brotli-compressed
_static_brotli: dict[tuple[str, int, int], bytes] = {}
_static_queue: queue.Queue[Path] = queue.Queue()
_static_asked: set[tuple[str, int, int]] = set()
_static_dirs: dict[str, Path] = {}
_static_started = False


def _file_key(path: Path) -> tuple[str, int, int] | None:
    """What names one content of `path` (its path, modification time and size), None when it is no file."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (str(path), stat.st_mtime_ns, stat.st_size) if path.is_file() else None


def compress_static_file(path: Path, cache_dir: Path) -> bytes:
    """`path` (one of the app's static files) compressed by brotli at its best level, kept in `cache_dir` under
    its name and a hash of its content (the EPCI geometry, 717 KB: 205 KB, against 252 KB gzip level 5 as
    Streamlit's middleware sends it; ≈ 1.8 s of CPU once), and kept in memory for `answer_with_brotli`."""
    import brotli

    key = _file_key(path)
    data = path.read_bytes()
    cached = Path(cache_dir) / f"{path.name}.{hashlib.sha256(data).hexdigest()[:16]}.br"
    if cached.exists():
        body = cached.read_bytes()
    else:
        body = brotli.compress(data, quality=11)
        _keep(cached, body)
    if key is not None:
        _static_brotli[key] = body
    return body


def _compress_static(cache_dir: Path) -> None:
    while True:
        path = _static_queue.get()
        try:
            compress_static_file(path, cache_dir)
        except Exception:  # that file keeps going through the gzip middleware
            _LOG.exception("could not compress %s", path)


def precompress_static(path: Path) -> None:
    """Have the background thread of `serve_brotli_app_static` compress `path` now (a geometry file just written,
    before a browser asks for it); nothing when that serving is off."""
    key = _file_key(Path(path))
    if _static_started and key is not None and key not in _static_asked:
        _static_asked.add(key)
        _static_queue.put(Path(path))


async def answer_with_brotli(scope, send, path: str, static_dir: Path) -> bool:
    """Answer a GET of `path` (`/app/static/<file of static_dir>`, the route path) with the file compressed by
    brotli when the browser accepts it and that version is made (`compress_static_file`; asked of the background
    thread otherwise), with the headers Streamlit's static serving gives and the Cache-Control of
    `app_static_cache_control`. False when it did not answer (the caller serves the file as before)."""
    if scope["type"] != "http" or scope.get("method") != "GET" or not path.startswith("/app/static/"):
        return False
    headers = dict(scope.get("headers") or [])
    if b"br" not in headers.get(b"accept-encoding", b"") or b"range" in headers:
        return False
    root = Path(static_dir).resolve()
    file = (root / path.removeprefix("/app/static/")).resolve()
    if not file.is_relative_to(root) or (key := _file_key(file)) is None:
        return False
    body = _static_brotli.get(key)
    if body is None:
        precompress_static(file)
        return False
    try:
        from streamlit.web.server.component_file_utils import guess_content_type

        kind = guess_content_type(str(file))
    except ImportError:
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    rule = app_static_cache_control(path, scope.get("query_string", b"").decode("latin-1"))
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", kind.encode()), (b"content-encoding", b"br"),
                            (b"vary", b"Accept-Encoding"), (b"cache-control", rule),
                            (b"access-control-allow-origin", b"*"), (b"x-content-type-options", b"nosniff"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
    return True


def serve_brotli_app_static(static_dir: Path, cache_dir: Path, eager: Iterable[str] = ("gpect", "vendor")) -> None:
    """From now on, answer a browser that accepts brotli with the app's static files (`/app/static/…`: Leaflet,
    `zone-map.js`, the geometry and tooltip files) compressed once at brotli's best level (`answer_with_brotli`),
    made in a background thread (the files under the `eager` folders of `static_dir` at once, the geometry files as
    they are written: `precompress_static`; any other after its first request) and kept in `cache_dir`. Until a
    file's version is made, and for other browsers, Streamlit's gzip middleware answers as before."""
    global _static_started
    if _static_started:
        return
    if (found := _gzip_middleware("Streamlit's server changed: the app's static files stay gzip-compressed")) is None:
        return
    _static_started = True
    gzip_module, middleware, route_path = found
    threading.Thread(target=_compress_static, args=(Path(cache_dir),), name="brotli-app-static",
                     daemon=True).start()
    for folder in eager:
        for file in sorted((Path(static_dir) / folder).rglob("*")):
            if file.suffix in (".js", ".css", ".json"):
                precompress_static(file)
    original = middleware.__call__

    async def call(self, scope, receive, send):
        if scope["type"] == "http":
            path = gzip_module._strip_base_url(route_path(scope), self._base_url)
            if await answer_with_brotli(scope, send, path, static_dir):
                return
        return await original(self, scope, receive, send)

    middleware.__call__ = call


# --------------------------------------------------------------------------------------- websocket compression
_window_set = False


def widen_websocket_compression_window() -> None:
    """Let the server compress websocket messages with deflate's full 32 KB window (uvicorn asks 4 KB of the
    `websockets` library, to save memory): a click's messages come out ≈ 7 % smaller (the EPCI zone list of the
    sidebar: 20.1 → 18.6 KB), for ≈ 0.25 MB of server memory per open page. Applies to the connections opened
    after the app script's first run; does nothing when uvicorn is not the one this was written against."""
    global _window_set
    if _window_set:
        return
    _window_set = True
    try:
        from uvicorn.protocols.websockets import websockets_sansio_impl as module
    except ImportError:
        return
    factory = getattr(module, "ServerPerMessageDeflateFactory", None)
    if factory is None:
        return

    def wide(*args, **kwargs):
        kwargs.update(server_max_window_bits=15, compress_settings={"memLevel": 8})
        return factory(*args, **kwargs)

    module.ServerPerMessageDeflateFactory = wide
