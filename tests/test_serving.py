"""The line every HTML document gets so that Streamlit's frontend knows its base URL without probing the page's path
(`/carte/_stcore/health` → two 404s in the console)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from ui.serving import base_url_script, inject_before_head_end

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
