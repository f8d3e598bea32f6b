"""The running dashboard driven like a person, in headless Debian Chromium (never a downloaded browser).

Filter by an actor and a period with the sidebar widgets, watch the timeline change, download a chart as PNG and
the table as CSV, and check that an article full of HTML, script and Markdown is shown as literal text.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from dashboard.screenshots import CHROMIUM, CHROMIUM_ARGS, offline_only, serve, settle
from tests.dashboard_fixtures import build

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs Debian's Chromium at {CHROMIUM} (make chromium)"),
]


def _marks(page) -> int:
    return page.evaluate("() => document.querySelectorAll('.js-plotly-plot .point').length")


def _sentence(page) -> str:
    return page.locator("[class*='st-key-sentence_']").first.inner_text().strip()


@pytest.fixture
def app(tmp_path):
    db = build(tmp_path / "events.duckdb")
    with serve(db, log=tmp_path / "streamlit.log") as base:
        yield base


@pytest.fixture
def page(app, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            pg = context.new_page()
            blocked: list[str] = []
            offline_only(pg, app, blocked)
            pg.goto(app + "/")
            settle(pg)
            yield pg
            assert not blocked, f"the app tried to reach other hosts: {blocked}"
        finally:
            browser.close()


def test_browser_filter_export_and_literal_article_text(page, tmp_path):
    sidebar = page.get_by_test_id("stSidebar")
    marks_before = _marks(page)
    assert _sentence(page).startswith("All events, all dates")
    assert marks_before >= 6

    # an actor, as a person picks it: open the box, type, choose
    sidebar.get_by_test_id("stMultiSelect").filter(has_text="Actors").click()
    page.keyboard.type("North Korea")
    page.get_by_role("option", name="North Korea (2)").click()
    page.keyboard.press("Escape")
    settle(page)
    # and a period from the presets
    sidebar.get_by_test_id("stSelectbox").filter(has_text="Period").click()
    page.get_by_role("option", name="2024", exact=True).click()
    settle(page)

    assert _sentence(page) == "All events by North Korea, 1 Jan 2024 – 31 Dec 2024"
    assert _marks(page) == 2 < marks_before
    assert "actor=North+Korea" in page.url and "from=2024-01-01" in page.url

    with page.expect_download(timeout=120_000) as download:
        page.get_by_test_id("stDownloadButton").filter(has_text="PNG").first.click()
    png = Path(download.value.path()).read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000
    assert download.value.suggested_filename == "timeline.png"

    page.get_by_test_id("stSidebarNav").get_by_text("Events").click()
    settle(page)
    assert _sentence(page) == "All events by North Korea, 1 Jan 2024 – 31 Dec 2024 · 2 event(s)"
    with page.expect_download(timeout=60_000) as download:
        page.get_by_test_id("stDownloadButton").filter(has_text="CSV").first.click()
    raw = Path(download.value.path()).read_bytes()
    assert raw.decode("utf-8-sig").startswith("# All events by North Korea, 1 Jan 2024 – 31 Dec 2024\n# data version")
    table = pd.read_csv(io.BytesIO(raw), skiprows=2, encoding="utf-8-sig")
    assert sorted(table["event_id"]) == ["e1", "e5"]
    assert all("North Korea" in a for a in table["actors"])

    # select the newest row (e5, from the hostile article): the row selector sits at the grid's left edge
    grid = page.get_by_test_id("stDataFrame").first
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)
    settle(page)
    main = page.get_by_test_id("stMain")
    main.get_by_test_id("stCode").get_by_text("Nordkorea schickt Soldaten nach Kursk.").wait_for(timeout=30_000)
    shown = main.inner_text()
    assert "<script>window.__pwned=1</script>" in shown
    assert '<img src=x onerror="window.__pwned=2">' in shown
    assert "[click](http://evil.example)" in shown
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator('a[href^="http://evil.example"]').count() == 0
    assert page.locator("img[src='x']").count() == 0
