"""The line every HTML document gets so that Streamlit's frontend knows its base URL without probing the page's path
(`/carte/_stcore/health` → two 404s in the console)."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from ui.serving import (
    ICON_FONT_PREFIX,
    answer_with_brotli,
    app_static_cache_control,
    base_url_script,
    compress_static_file,
    icon_font_subset,
    icon_ligatures,
    icon_names_used,
    inject_before_head_end,
    text_font_subset,
    widen_websocket_compression_window,
)

PAGES = ["synthese", "carte", "metiers"]


def _base_url(pathname: str) -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node absent: the script is JavaScript")
    script = base_url_script(PAGES).decode().removeprefix("<script>").removesuffix("</script>")
    program = (f"var location = {{pathname: {pathname!r}, origin: 'http://127.0.0.1:8501'}}; var window = {{}};"
               f"{script}; console.log(window.__streamlit.BACKEND_BASE_URL);")
    return subprocess.run([node, "-e", program], check=True, capture_output=True, text=True).stdout.strip()


@pytest.mark.parametrize(("pathname", "base"), [
    ("/", "http://127.0.0.1:8501/"),
    ("/carte", "http://127.0.0.1:8501/"),
    ("/carte/", "http://127.0.0.1:8501/"),
    ("/gpect/metiers", "http://127.0.0.1:8501/gpect"),
    ("/gpect", "http://127.0.0.1:8501/gpect"),
])
def test_the_base_url_is_the_address_less_a_page_path(pathname, base):
    assert _base_url(pathname) == base


def test_the_line_goes_into_the_head_of_the_document():
    page = b"<html><head><title>x</title></head><body></body></html>"
    out = inject_before_head_end(page, b"<script>1</script>")
    assert out == b"<html><head><title>x</title><script>1</script></head><body></body></html>"
    assert inject_before_head_end(b"no head", b"<script>1</script>") == b"no head"


def test_the_icon_names_kept_are_the_words_of_streamlit_bundles_and_the_apps_material_icons(tmp_path):
    bundle, source = tmp_path / "index.js", tmp_path / "page.py"
    bundle.write_bytes(b'icon:"expand_more",x=a.close()')
    source.write_text('st.button("PDF", icon=":material/picture_as_pdf:")  # search', encoding="utf-8")
    names = icon_names_used([bundle], [source])
    assert {"expand_more", "close", "picture_as_pdf"} <= names
    assert "search" not in names  # a word of the app's code is not an icon it shows


def test_the_cut_icon_font_keeps_the_icons_asked_for_and_only_them():
    import streamlit
    from fontTools.ttLib import TTFont

    font = next((Path(streamlit.__file__).parent / "static" / "static" / "media").glob(f"{ICON_FONT_PREFIX}*.woff2"))
    whole = font.read_bytes()
    wanted = {"expand_more", "keyboard_double_arrow_left", "picture_as_pdf", "no_such_icon"}
    cut = icon_font_subset(whole, wanted)
    assert set(icon_ligatures(TTFont(io.BytesIO(cut)))) == wanted - {"no_such_icon"}
    assert len(icon_ligatures(TTFont(font))) > 4000
    assert len(cut) < len(whole) / 20


@pytest.mark.parametrize(("path", "query", "rule"), [
    ("/app/static/geo/ZE2020.4fe49df83e8983da.topo.json", "", b"public, immutable, max-age=31536000"),
    ("/app/static/gpect/zone-map.js", "v=366849ca0773", b"public, immutable, max-age=31536000"),
    ("/app/static/vendor/leaflet/leaflet.js", "", b"no-cache"),
])
def test_content_addressed_static_files_are_kept_a_year_and_the_others_asked_again(path, query, rule):
    assert app_static_cache_control(path, query) == rule


def test_the_cut_text_font_still_writes_french_and_is_smaller():
    import streamlit
    from fontTools.ttLib import TTFont

    font = next((Path(streamlit.__file__).parent / "static" / "static" / "media").glob("SourceSansVF-Upright*.woff2"))
    whole = font.read_bytes()
    cut = text_font_subset(whole)
    kept = TTFont(io.BytesIO(cut)).getBestCmap()
    assert all(ord(c) in kept for c in "Île-de-France : œuvre, 12 345 € – « Bâtiment » ’ … ≤ Łódź Timișoara")
    assert ord("Ж") in TTFont(font).getBestCmap() and ord("Ж") not in kept
    assert "fvar" in TTFont(io.BytesIO(cut))  # still variable: every weight
    assert len(cut) < len(whole) / 2


def test_websocket_messages_are_compressed_with_the_full_window():
    from uvicorn.protocols.websockets import websockets_sansio_impl as uvicorn_ws

    widen_websocket_compression_window()
    factory = uvicorn_ws.ServerPerMessageDeflateFactory(server_max_window_bits=12, client_max_window_bits=12,
                                                        compress_settings={"memLevel": 5})
    assert factory.server_max_window_bits == 15 and factory.compress_settings == {"memLevel": 8}


def _served(static: Path, url_path: str, accept: str) -> tuple[dict[str, str], bytes]:
    """(headers, body as sent) of a GET of `url_path` by a browser sending `accept` as Accept-Encoding, through
    Streamlit's own static serving and gzip middleware (level 5, as its server builds it) with the brotli answer in
    front."""
    import asyncio
    import concurrent.futures

    from starlette.applications import Starlette
    from streamlit.web.server.starlette.starlette_gzip_middleware import SelectiveGZipMiddleware
    from streamlit.web.server.starlette.starlette_routes import create_app_static_serving_routes

    (static.parent / "app.py").touch()
    routes = create_app_static_serving_routes(str(static.parent / "app.py"), "")
    gzipped = SelectiveGZipMiddleware(Starlette(routes=routes), compresslevel=5)
    scope = {"type": "http", "method": "GET", "path": url_path, "raw_path": url_path.encode(), "root_path": "",
             "query_string": b"", "headers": [(b"host", b"127.0.0.1"), (b"accept-encoding", accept.encode())],
             "scheme": "http", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1), "http_version": "1.1",
             "asgi": {"version": "3.0"}}
    messages = []
    received = []

    async def receive():
        if received:  # the request was read: the next message is the client going away, once the answer is sent
            await asyncio.sleep(60)
            return {"type": "http.disconnect"}
        received.append(True)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    async def get():
        if not await answer_with_brotli(scope, send, url_path, static):
            await gzipped(scope, receive, send)

    # In its own thread: a browser test of the same worker may have left sync Playwright's event loop running in
    # this one, where asyncio.run refuses to start.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, get()).result()
    start = next(m for m in messages if m["type"] == "http.response.start")
    assert start["status"] == 200
    headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
    return headers, b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")


def _geometry_served_compressed(territory, zoning: str, tmp_path: Path, monkeypatch) -> None:
    import brotli

    from gpect_core import maps
    from gpect_core.assets import geometry_url
    from ui import serving

    # An AppTest run of app.py earlier in this process may have started the app's brotli serving: Streamlit's gzip
    # middleware then answers from the app's own static folder, where the same content-named file may already be
    # compressed. This test starts from nothing compressed and makes the brotli version itself.
    monkeypatch.setattr(serving, "_static_started", False)
    monkeypatch.setattr(serving, "_static_brotli", {})
    static = tmp_path / "static"
    geometry = maps.zone_geometry(territory.zones_of(zoning), zoning, directory=static / "geo")
    url_path = geometry_url(geometry.path)
    plain = geometry.path.read_bytes()
    headers, gzipped = _served(static, url_path, "gzip, deflate, br")  # not made yet: the middleware's gzip
    assert headers["content-encoding"] == "gzip" and gzip.decompress(gzipped) == plain
    compress_static_file(geometry.path, tmp_path / "cache")
    headers, body = _served(static, url_path, "gzip, deflate, br")
    assert headers["content-encoding"] == "br"
    assert headers["cache-control"] == "public, immutable, max-age=31536000"
    assert headers["access-control-allow-origin"] == "*" and headers["content-type"] == "application/json"
    assert int(headers["content-length"]) == len(body) < len(gzipped)
    topology = json.loads(brotli.decompress(body))
    served = [g["id"] for g in next(iter(topology["objects"].values()))["geometries"]]
    assert served == [str(z) for z in territory.zones_of(zoning)["zone_id"]]
    assert brotli.decompress(body) == plain
    # A browser without brotli gets the middleware's gzip, as before.
    assert _served(static, url_path, "gzip")[0]["content-encoding"] == "gzip"


def test_the_geometry_file_goes_to_a_browser_compressed_by_brotli_and_holds_the_same_zones(demo_territory, tmp_path,
                                                                                           monkeypatch):
    _geometry_served_compressed(demo_territory, "ZE2020", tmp_path, monkeypatch)


def test_the_epci_layer_goes_compressed_by_brotli_and_holds_the_same_zones(national_pack, tmp_path, monkeypatch):
    from gpect_core import Territory

    _geometry_served_compressed(Territory.load(national_pack, validate=False), "EPCI", tmp_path, monkeypatch)
