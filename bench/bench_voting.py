"""Live dot-voting on the demo pack: 30 participant sessions, 30 ballots at once, the presenter's refresh and the
server's memory per session.

    .venv/bin/python bench/bench_voting.py [--db URL] [--phones 30]

Starts the app (`streamlit run app.py`, demo pack, a fresh SQLite store unless --db is given), opens the
presenter's page (« Préparer et animer », live results refreshed by `st.fragment(run_every=2)`), then the phones'
vote pages in one Chromium (one browser context per phone, 390×844). The server's resident memory (VmRSS of the
Streamlit process) is read with 1 session (the presenter), 10 and 30 phone sessions more, each after the pages
are idle. Then the 30 ballots are sent at once (every submit clicked before any answer is awaited); reported:
the time until the store holds the 30 ballots, and until the presenter's screen shows the exact counts, counted
from the moment the last ballot reached the store. Targets (issue 12): refresh within 3 s; < 20 MB per session.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_workshop_browser import (  # noqa: E402
    ITEMS,
    ballot_of,
    expected_counts,
    fill_ballot,
    open_phone,
    results_table,
)

from browser import launch_chromium, running_app, wait_for_idle  # noqa: E402

DEMO = ROOT / "data" / "demo"


def server_rss_mb(port: int) -> float:
    """VmRSS (MB) of the Streamlit process serving `port`."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(cmdline) and str(port).encode() in cmdline:
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    raise RuntimeError(f"no Streamlit process on port {port}")


def settle(pages) -> None:
    for page in pages:
        wait_for_idle(page, timeout=180)
    time.sleep(3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="store URL (default: a fresh SQLite file)")
    parser.add_argument("--phones", type=int, default=30)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from gpect_core.plan.store import PlanStore
    from gpect_core.territory import Territory
    from gpect_core.workshop.store import WorkshopStore

    folder = Path(tempfile.mkdtemp(prefix="gpect-bench-vote-"))
    db = args.db or f"sqlite:///{folder / 'plan.sqlite'}"
    store = WorkshopStore(PlanStore.open(db, Territory.load(DEMO)))
    code = store.open_vote("Banc d'essai", "occupations", 3, True, ITEMS, "bench")
    with running_app(DEMO, extra_env={"GPECT_DB_URL": db}, timeout=120) as url, sync_playwright() as playwright:
        port = int(url.rsplit(":", 1)[1])
        chromium = launch_chromium(playwright)
        presenter = chromium.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        presenter.goto(f"{url}/atelier", timeout=180_000)
        presenter.locator('[data-testid="stTable"]').wait_for(timeout=180_000)
        settle([presenter])
        rss = {1: server_rss_mb(port)}
        phones = []
        for _n in range(args.phones):
            phones.append(open_phone(chromium, url, code))
            if len(phones) in (10, args.phones):
                settle([p for _c, p in phones])
                rss[len(phones) + 1] = server_rss_mb(port)
        for n, (_c, page) in enumerate(phones):
            fill_ballot(page, ballot_of(n))
        start = time.perf_counter()
        for _c, page in phones:
            page.get_by_role("button", name="Enregistrer mes gommettes").click()
        while store.results(code)[1] < args.phones:
            time.sleep(0.05)
        stored = time.perf_counter()
        expected = expected_counts(args.phones)
        while True:
            try:
                if results_table(presenter) == expected:
                    break
            except Exception:  # noqa: BLE001 — the table is being redrawn
                pass
            time.sleep(0.05)
        shown = time.perf_counter()
        chromium.close()
    per_session = (rss[max(rss)] - rss[1]) / (max(rss) - 1)
    print(f"ballots stored: {stored - start:.2f} s after the first click; presenter exact "
          f"{shown - stored:.2f} s after the last ballot was stored ({shown - start:.2f} s after the first click)")
    print("server RSS: " + ", ".join(f"{n} session(s) {mb:.0f} MB" for n, mb in sorted(rss.items()))
          + f"; {per_session:.1f} MB per added session")


if __name__ == "__main__":
    main()
