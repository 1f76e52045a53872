"""Shared harness of the map benches: an app (this tree or another checkout, e.g. `git archive main`) served on
127.0.0.1, Debian's Chromium driven through Playwright, and what the browser sees measured through the Chrome
DevTools Protocol: bytes of every HTTP response (`Network.loadingFinished.encodedDataLength`, i.e. as sent,
compressed or not), websocket frames received (binary frames decoded from CDP's base64), the page's JavaScript
heap after a forced garbage collection. Server CPU and memory come from /proc of the Streamlit process.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

RED = "#d62728"
# The zones outlined in red, read from Leaflet's layers (today's code keeps the id in `properties.zone_id`, the
# static-geometry map in the feature's `id`).
OUTLINED = ("() => Object.values(window.map._layers).filter(l => l.feature && l.options"
            f" && l.options.color === '{RED}').map(l => String(l.feature.properties.zone_id || l.feature.id))")


def checkout_of(ref: str, target: Path) -> Path:
    """A copy of git `ref` of this repository in `target` (with Leaflet installed as the app does), to measure
    today's code in the same run."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(root: Path, pack: Path, log: Path, timeout: float = 240, launcher: list[str] | None = None,
          extra_env: dict[str, str] | None = None):
    """`streamlit run <root>/app.py` on the pack; yields (url, pid). `launcher` replaces `python -m streamlit` (a
    script that starts Streamlit's CLI under a profiler, say), `extra_env` adds to the server's environment."""
    port = _free_port()
    env = {**os.environ, "GPECT_PACK": str(pack), "PYTHONUNBUFFERED": "1",
           "GPECT_DB_URL": f"sqlite:///{log.with_suffix('.sqlite')}", **(extra_env or {})}
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w") as out:
        proc = subprocess.Popen([*(launcher or [sys.executable, "-m", "streamlit"]), "run", str(root / "app.py"),
                                 "--server.port",
                                 str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
                                cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                with contextlib.suppress(OSError):
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        if response.status == 200:
                            break
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the app did not start; see {log}")
                time.sleep(0.2)
            yield url, proc.pid
        finally:
            proc.terminate()
            try:
                proc.wait(20)  # a profiled server writes its stats on the way out
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def sent_bytes(url: str) -> dict[str, int]:
    """Bytes the server has sent so far on each of its open connections ({client address: bytes}; TCP payload,
    `ss -i` bytes_sent of every established socket of its port): what travels once websocket frames are
    compressed (permessage-deflate), which CDP does not show (it reports frames decompressed)."""
    port = url.rsplit(":", 1)[1]
    out = subprocess.run(["ss", "-Htin", "state", "established", f"( sport = :{port} )"], capture_output=True,
                         text=True, check=True).stdout
    return {peer: int(sent) for peer, sent in
            re.findall(r"\S+:" + port + r"\s+(\S+)\s*\n.*?bytes_sent:(\d+)", out)}


def sent_since(before: dict[str, int], url: str) -> int:
    """Bytes the server sent since `before` (a `sent_bytes`) on the connections open now: a connection closed in
    between (an HTTP keep-alive one) is not counted, the page's websocket is."""
    return sum(sent - before.get(peer, 0) for peer, sent in sent_bytes(url).items())


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class Wire:
    """Bytes the page receives: HTTP responses as sent and websocket frames, with a mark to count from."""

    def __init__(self, page):
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.send("HeapProfiler.enable")
        self.http = 0
        self.ws = 0
        self.urls: list[str] = []
        self.console_errors: list[str] = []
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.on("Network.requestWillBeSent", lambda e: self.urls.append(e["request"]["url"]))
        self.cdp.on("Network.webSocketFrameReceived", self._frame)
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)

    def _finished(self, event) -> None:
        self.http += int(event.get("encodedDataLength", 0))

    def _frame(self, event) -> None:
        response = event["response"]
        data = response["payloadData"]
        self.ws += len(base64.b64decode(data)) if response.get("opcode") == 2 else len(data.encode())

    def heap_mb(self) -> float:
        self.cdp.send("HeapProfiler.collectGarbage")
        return self.cdp.send("Runtime.getHeapUsage")["usedSize"] / 2**20


def wait_for_idle(page, timeout: float = 120) -> None:
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    quiet = None
    while time.monotonic() < deadline:
        busy = page.locator('[data-testid="stStatusWidget"]').count() > 0
        if not busy:
            quiet = quiet or time.monotonic()
            if time.monotonic() - quiet > 0.5:
                return
        else:
            quiet = None
        time.sleep(0.05)
    raise TimeoutError("the app kept running")


def map_frame(page, count: int, timeout: float = 180):
    """The map's iframe once it shows `count` zones."""
    handle = page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=timeout * 1000)
    frame = handle.content_frame()
    deadline = time.monotonic() + timeout
    while frame.locator("path.leaflet-interactive").count() < count:
        if time.monotonic() > deadline:
            raise TimeoutError("the map never drew every zone")
        time.sleep(0.05)
    return frame


def onscreen_zones(territory, zoning: str, n: int):
    """`n` zones spread over the zoning whose representative point is in the map's opening view."""
    from gpect_core.geo import display_bounds

    zones = territory.zones_of(zoning).sort_values("zone_id").reset_index(drop=True)
    west, south, east, north = display_bounds(zones)
    points = zones.geometry.representative_point()
    zones = zones[(points.x.between(west + 0.3, east - 0.3) & points.y.between(south + 0.3, north - 0.3))
                  .to_numpy()].reset_index(drop=True)
    step = max(1, len(zones) // (n + 1))
    return [zones.iloc[(i * step + step // 2) % len(zones)] for i in range(n)]


def click_zone(page, frame, zone) -> None:
    point = zone.geometry.representative_point()
    x, y = frame.evaluate("([lat, lon]) => { const p = window.map.latLngToContainerPoint([lat, lon]);"
                          " const r = window.map.getContainer().getBoundingClientRect();"
                          " return [p.x + r.left, p.y + r.top]; }", [point.y, point.x])
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').first.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.mouse.move(2, 2)  # off the zone: the hover style would hide the outline


def settled(page, frame, zone, timeout: float = 60) -> bool:
    """Wait until the page names `zone` as the selection, the map outlines that zone (alone) in red and the app is
    idle."""
    caption = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if (zone["name"] in caption.inner_text(timeout=1000) and frame.evaluate(OUTLINED) == [zone["zone_id"]]
                    and page.locator('[data-testid="stStatusWidget"]').count() == 0):
                return True
        time.sleep(0.02)
    return False


def summary(values: list[float]) -> tuple[float, float]:
    """(median, 95th percentile)."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95
