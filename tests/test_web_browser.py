"""End to end in headless Chromium: the seeds served by ``dateline serve``, a person filtering
the timeline by Japan and opening the Japan–India meeting.

Debian's Chromium (``apt-get install chromium``) driven by Playwright; no browser is ever
downloaded. The screenshots land in ``build/screenshots/`` as test artifacts
(``DATELINE_SCREENSHOTS=docs/screenshots`` refreshes the ones the README shows).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.pipeline import run
from dateline.store import Store

from .conftest import EXAMPLES, ROOT, SEEDS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Test artifacts; `DATELINE_SCREENSHOTS=docs/screenshots` refreshes the README's pictures.
SCREENSHOTS = Path(os.environ.get("DATELINE_SCREENSHOTS", ROOT / "build" / "screenshots"))

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium chromium-driver)")
    if not SEEDS.exists():
        pytest.skip(f"seed articles not available at {SEEDS}")
    db = tmp_path_factory.mktemp("browser") / "seeds.db"
    with Store(db) as store:
        run([str(SEEDS), str(EXAMPLES)], store)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/api/events?limit=1", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("server did not start: " + proc.stderr.read().decode()) from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def test_web_browser_filter_by_japan_and_open_the_meeting(server: str, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    blocked: list[str] = []
    page.on("request", lambda r: blocked.append(r.url) if not r.url.startswith(server) else None)

    page.goto(server + "/")
    assert page.locator("svg.chart").count() == 1
    everything = page.locator("li.event").count()

    page.fill("input[name=country]", "Japan")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*country=Japan*")
    rows = page.locator("li.event")
    assert 0 < rows.count() < everything
    assert all("JPN" in rows.nth(i).inner_text() for i in range(rows.count()))
    page.screenshot(path=str(SCREENSHOTS / "timeline-japan.png"), full_page=True)

    meeting = rows.filter(has_text="2025-05-05").filter(has_text="CONSULT").filter(has_text="2 sources")
    assert meeting.count() == 1
    meeting.locator("a.open").click()
    page.wait_for_url("**/events/*")

    sources = page.locator("li.source-article")
    assert sources.count() == 2
    assert "2025-05-04" in sources.nth(0).inner_text() and "2025-05-05" in sources.nth(1).inner_text()
    evidence = page.locator("section.evidence mark.evidence").filter(
        has_text="hosted his Japanese counterpart"
    )
    assert evidence.first.is_visible()
    color = evidence.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert color not in ("rgba(0, 0, 0, 0)", "transparent")
    page.set_viewport_size({"width": 1200, "height": 1500})
    page.screenshot(path=str(SCREENSHOTS / "event-japan-india-meeting.png"), full_page=False)
    assert blocked == []  # nothing was fetched from anywhere but the server


def test_web_browser_article_page_marks_actors_and_dates(server: str, browser):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server + "/search?q=Nakatani+hosted")
    page.locator("ul.results a[href^='/articles/']").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("mark.actor").filter(has_text="Gen Nakatani").count() >= 1
    assert page.locator("mark.time").count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "article-marked.png"), full_page=False)
