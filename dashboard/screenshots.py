"""Screenshots of every dashboard page, taken in headless Chromium against the store named by CT_DB.

    python -m dashboard.screenshots --out docs/screenshots      (or `make shots`)

Starts the app on a free port, opens each page with Playwright driving Debian's Chromium (never a downloaded
browser), takes a full-page screenshot 1400 px wide, and stops the app. Requests that leave the app's own
origin are blocked and reported: the dashboard must work without internet.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
WIDTH = 1400
SHOTS = (
    # file name, URL path and query, what to do on the page before the shot (see `_prepare`)
    ("timeline", "/?actor=Russia&actor=North+Korea&affiliated=1&from=2024-10-01&to=2024-12-31", None),
    ("timeline_selected", "/?actor=North+Korea&from=2024-10-01&to=2024-12-31", "pick_event"),
    ("trends", "/trends", None),
    ("actors", "/actors", None),
    ("map", "/map", None),
    ("events", "/events", "pick_row"),
    ("sources", "/sources", None),
    ("add_articles", "/add", None),
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(db: Path, port: int | None = None, log: Path | None = None) -> Iterator[str]:
    """Run the dashboard against `db` on a free port until the block ends; yields its base URL.

    Raises:
        RuntimeError: the app did not answer its health check within a minute (its log is in the message).
    """
    port = port or free_port()
    env = {**os.environ, "CT_DB": str(db)}
    log = log or Path(os.environ.get("TMPDIR", "/tmp")) / f"dashboard-{port}.log"
    streamlit = Path(sys.executable).with_name("streamlit")
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [str(streamlit), "run", str(ROOT / "dashboard" / "app.py"), "--server.port", str(port),
             "--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the dashboard did not start: {log.read_text()[-2000:]}")
            time.sleep(0.3)
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)  # our own process group, started above
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def settle(page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit has finished running the script and the charts have drawn."""
    page.wait_for_selector("[data-testid='stSidebar']", timeout=timeout_ms)
    page.wait_for_timeout(800)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms)
    page.wait_for_function("() => document.querySelectorAll('.stSkeleton, [data-testid=\"stSkeleton\"]').length == 0",
                           timeout=timeout_ms)
    page.wait_for_timeout(1500)


def offline_only(page, base: str, blocked: list[str]) -> None:
    """Abort every request that leaves the app's origin, and note it."""
    def route(r):
        if r.request.url.startswith(base) or r.request.url.startswith("data:") or r.request.url.startswith("blob:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()
    page.route("**/*", route)


def _prepare(page, action: str | None) -> None:
    if action == "pick_event":
        page.get_by_test_id("stSelectbox").filter(has_text="Event").first.click()
        page.get_by_role("option").first.click()
        settle(page)
    elif action == "pick_row":
        grid = page.get_by_test_id("stDataFrame").first
        box = grid.bounding_box()
        if box:  # the row selector column sits at the left edge of the first data row
            page.mouse.click(box["x"] + 12, box["y"] + 38 + 17)
            settle(page)


def full_height(page) -> int:
    """Streamlit scrolls inside its main container, so a 'full page' shot must grow the viewport to fit it."""
    return int(page.evaluate("""() => Math.max(
        ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebarContent"]')]
            .map(e => e.scrollHeight), 900)"""))


def take(out: Path, db: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    blocked: list[str] = []
    with serve(db) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, path, action in SHOTS:
                page = browser.new_page(viewport={"width": WIDTH, "height": 900})
                offline_only(page, base, blocked)
                page.goto(base + path)
                settle(page)
                _prepare(page, action)
                page.set_viewport_size({"width": WIDTH, "height": min(full_height(page) + 40, 8000)})
                settle(page)
                target = out / f"{name}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
                print(f"{target}  {target.stat().st_size // 1024} KB")
                page.close()
        finally:
            browser.close()
    if blocked:
        print("requests to other hosts were blocked (the app should not make them):", *sorted(set(blocked)), sep="\n  ")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of every dashboard page.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--db", type=Path, default=None, help="event store (default: CT_DB or the db setting)")
    args = parser.parse_args(argv)
    from pipeline.settings import get

    db = (args.db or Path(get("db"))).resolve()
    if not Path(CHROMIUM).exists():
        print(f"needs Debian's Chromium at {CHROMIUM} (`make chromium`)", file=sys.stderr)
        return 2
    if not db.exists():
        print(f"no event database at {db}; build it with `make data`", file=sys.stderr)
        return 2
    take(args.out, db)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
