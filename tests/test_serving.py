"""The line every HTML document gets so that Streamlit's frontend knows its base URL without probing the page's path
(`/carte/_stcore/health` → two 404s in the console)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from ui.serving import (
    ICON_FONT_PREFIX,
    app_static_cache_control,
    base_url_script,
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
    assert all(ord(c) in kept for c in "Île-de-France : œuvre, 12 345 € – « Bâtiment » ’ …")
    assert ord("Ж") in TTFont(font).getBestCmap() and ord("Ж") not in kept
    assert "fvar" in TTFont(io.BytesIO(cut))  # still variable: every weight
    assert len(cut) < len(whole) / 2


def test_websocket_messages_are_compressed_with_the_full_window():
    from uvicorn.protocols.websockets import websockets_sansio_impl as uvicorn_ws

    widen_websocket_compression_window()
    factory = uvicorn_ws.ServerPerMessageDeflateFactory(server_max_window_bits=12, client_max_window_bits=12,
                                                        compress_settings={"memLevel": 5})
    assert factory.server_max_window_bits == 15 and factory.compress_settings == {"memLevel": 8}
