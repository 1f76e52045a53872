"""Browser-test helpers: the app served on 127.0.0.1 by the test, and Debian's Chromium driven by Playwright.

Nothing leaves the machine: Chromium resolves every host but 127.0.0.1 to nothing
(`--host-resolver-rules`), and `ExternalRequests` records any attempt so tests can assert there was none that
mattered. (Playwright's `page.route` is not used: intercepting requests stalls Streamlit's lazy-loaded widgets.)
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def xdist_worker() -> str | None:
    """The pytest-xdist worker this process is (``gw0``, ``gw1``…), or None when tests run in one process."""
    return os.environ.get("PYTEST_XDIST_WORKER") or None


def run_folder(tmp_path_factory) -> Path:
    """A temporary folder common to every process of this test run: the session's own without pytest-xdist,
    the workers' common parent with it (each worker's basetemp is ``<run>/popen-gwN``)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if xdist_worker() else base


@contextlib.contextmanager
def running_app(pack: str | os.PathLike | None = None, extra_env: dict[str, str] | None = None,
                timeout: float = 60.0, script: str = "app.py"):
    """Start `streamlit run app.py` (or `script`, e.g. the ASGI entry serve.py) on a free port of 127.0.0.1; yield
    its base URL; stop it."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    if pack is not None:
        env["GPECT_PACK"] = str(pack)
    for attempt in range(3):  # another process may take the free port before Streamlit binds it: pick another
        port = free_port()
        log_path = ROOT / "tests" / "artifacts" / f"streamlit-{xdist_worker() or 'main'}-{port}.log"
        log = open(log_path, "w")  # noqa: SIM115
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / script), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_healthy(proc, url, log_path, timeout)
        except _PortTaken:
            _stop(proc, log)
            if attempt == 2:
                raise RuntimeError(f"the app did not start; see {log_path}") from None
            continue
        except BaseException:
            _stop(proc, log)
            raise
        break
    try:
        yield url
    finally:
        _stop(proc, log)


class _PortTaken(Exception):
    pass


def _wait_until_healthy(proc, url: str, log_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None:
            if "is not available" in log_path.read_text(errors="replace"):  # Streamlit: « Port N is not available »
                raise _PortTaken
            raise RuntimeError(f"the app did not start; see {log_path}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the app did not start; see {log_path}")
        time.sleep(0.1)


def _stop(proc, log) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


class ExternalRequests:
    """Records requests to any host other than 127.0.0.1."""

    def __init__(self, page):
        self.urls: list[str] = []
        page.on("request", self._record)

    def _record(self, request) -> None:
        url = request.url
        if not url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            self.urls.append(url)


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_for_idle(page, timeout: float = 60.0) -> None:
    """Wait until Streamlit has finished its current run (no « Running… » status, app rendered)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        running = page.locator('[data-testid="stStatusWidget"]').count() > 0
        skeleton = page.locator('[data-testid^="stSkeleton"]').count() > 0  # lazy widget code still loading
        # On a fresh server's first visit the run may not have started yet: nothing drawn is not idle.
        drawn = page.locator('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]').count() > 0
        if not running and not skeleton and drawn:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 0.8:
                return
        else:
            quiet_since = None
        time.sleep(0.1)
    raise TimeoutError("the app kept running")


def folium_frame(page, timeout: float = 30.0):
    """The iframe of the (first) streamlit-folium map, once Leaflet has drawn it."""
    handle = page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=timeout * 1000)
    frame = handle.content_frame()
    frame.wait_for_selector("path.leaflet-interactive", timeout=timeout * 1000)
    return frame


def click_map_at(page, frame, lat: float, lon: float) -> None:
    """Click the map where the point (lat, lon) is drawn (Leaflet's own projection tells where)."""
    x, y = frame.evaluate("([lat, lon]) => { const p = window.map.latLngToContainerPoint([lat, lon]);"
                          " const r = window.map.getContainer().getBoundingClientRect();"
                          " return [p.x + r.left, p.y + r.top]; }", [lat, lon])
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').first.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def metric_value(page, label_start: str) -> str:
    """The displayed value of the st.metric whose label starts with `label_start`."""
    for metric in page.locator('[data-testid="stMetric"]').all():
        if metric.locator('[data-testid="stMetricLabel"]').inner_text().strip().startswith(label_start):
            return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()
    raise AssertionError(f"no metric labelled {label_start!r}")


def log_in(page, url: str, username: str, password: str, then: str | None = None) -> None:
    """Log in through the sidebar form of the « Plan d'action » page, then (`then`: a page title of the sidebar,
    « Données ») go there by its link: the login lives in the session, which a new page load would drop."""
    page.goto(f"{url}/plan")
    wait_for_idle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_label("Identifiant").wait_for(timeout=90_000)  # the plan page opens its store first
    sidebar.get_by_label("Identifiant").fill(username)
    sidebar.get_by_label("Mot de passe").fill(password)
    sidebar.get_by_role("button", name="Se connecter").click()
    wait_for_idle(page)
    sidebar.get_by_text("Connecté").wait_for(timeout=60_000)
    if then:
        sidebar.get_by_role("link", name=then).click()
        wait_for_idle(page)
        page.locator("h1").first.wait_for(timeout=60_000)


def editor_accounts(folder) -> dict[str, str]:
    """An accounts file with the editor « edith » (password « edith-secret-1 »), as running_app's extra_env."""
    from pathlib import Path

    from gpect_core.plan import auth

    path = Path(folder) / "accounts.toml"
    if not path.exists():
        auth.add_user(path, "edith", "edith-secret-1", "editeur", name="Édith")
    return {"GPECT_ACCOUNTS_FILE": str(path)}
