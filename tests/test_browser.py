"""The app in a real Chromium: the map draws offline, clicks filter, links and downloads hold."""

import io
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import pytest

from lib import charts
from lib.filters import Filters, apply
from lib.meetings import read_meetings
from lib.store import Store

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'

if not os.environ.get("CI"):  # CI installs both and must run these tests
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is missing: apt-get install chromium", allow_module_level=True)
    pytest.importorskip("playwright", reason="playwright is missing: pip install playwright")
from playwright.sync_api import sync_playwright  # noqa: E402

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'atlas.sqlite3'}"
    with Store.open(url, create=True) as store:
        store.import_meetings(ROOT / "data" / "meetings.csv", mode="append", who="seed")
    environment = {k: v for k, v in os.environ.items() if k != "OUTREACH_DATA"}
    environment["OUTREACH_DB_URL"] = url
    process = subprocess.Popen(
        [
            shutil.which("streamlit") or "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("streamlit did not start within 60 s")
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request it makes."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_timeout(800)
    page.wait_for_selector(READY, timeout=60_000)


def drawn_codes(page) -> list[str]:
    """Countries with a drawn shape (plotly leaves an empty path for codes it has no shape for)."""
    page.wait_for_selector("path.choroplethlocation", timeout=30_000)
    return page.evaluate(
        "Array.from(document.querySelectorAll('path.choroplethlocation'))"
        ".filter(p => p.getAttribute('d')).map(p => p.__data__.loc)"
    )


def click_country(page, iso3: str) -> None:
    """Click a point inside the country's shape (a bounding box's centre can miss)."""
    point = page.evaluate(
        """iso3 => {
            const path = Array.from(document.querySelectorAll('path.choroplethlocation'))
                .find(p => p.__data__ && p.__data__.loc === iso3);
            const box = path.getBBox();
            const matrix = path.getScreenCTM();
            for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
                const x = box.x + box.width * i / 20, y = box.y + box.height * j / 20;
                if (path.isPointInFill(new DOMPoint(x, y))) {
                    const p = new DOMPoint(x, y).matrixTransform(matrix);
                    return [p.x, p.y];
                }
            }
            return null;
        }""",
        iso3,
    )
    assert point, f"no point inside {iso3}"
    page.mouse.click(*point)


def download_csv(page) -> pd.DataFrame:
    with page.expect_download() as download:
        page.get_by_test_id("stDownloadButton").first.click()
    path = download.value.path()
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig"), download


def assert_stayed_home(page, server: str) -> None:
    host = urlparse(server).netloc
    outside = [url for url in page.requests if urlparse(url).netloc not in (host, "")]
    assert outside == []


@pytest.fixture(scope="module")
def shipped():
    return read_meetings(ROOT / "data" / "meetings.csv").meetings


def test_map_draws_every_engaged_country_offline(page, server, shipped):
    open_page(page, server)
    engaged = set(shipped["iso3"].astype(str))
    assert set(drawn_codes(page)) == engaged & charts.drawable_iso3()
    assert page.get_by_test_id("stException").count() == 0
    assert page.get_by_text("Not drawn on the map").count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "outreach-map.png", full_page=True)
    assert_stayed_home(page, server)


def test_clicking_a_country_filters_every_page(page, server, shipped):
    open_page(page, server)
    drawn_codes(page)
    click_country(page, "CAN")
    page.get_by_role("button", name="Show all countries").wait_for(timeout=30_000)
    page.wait_for_selector(READY)
    assert "Canada" in page.locator(".st-key-country").inner_text()
    canada = shipped[shipped["iso3"] == "CAN"]
    assert page.get_by_text(f"{len(canada)} of {len(shipped)} meetings shown").count() == 1
    page.screenshot(path=SCREENSHOTS / "country-panel.png", full_page=True)
    page.get_by_role("link", name="Data and downloads").click()
    page.wait_for_timeout(800)
    page.wait_for_selector(READY)
    assert page.get_by_text(f"{len(canada)} of {len(shipped)} meetings shown").count() == 1
    table, download = download_csv(page)
    assert sorted(table["id"]) == sorted(canada["id"])
    assert download.value.suggested_filename == "meetings_Canada.csv"
    assert_stayed_home(page, server)


def test_deep_link_shows_only_that_region_and_downloads_exactly_it(page, server, shipped):
    open_page(page, f"{server}/Data?region=Europe")
    europe = apply(shipped, Filters(regions=("Europe",)))
    assert page.get_by_text(f"{len(europe)} of {len(shipped)} meetings shown").count() == 1
    table, download = download_csv(page)
    assert sorted(table["id"]) == sorted(europe["id"])
    assert set(table["region"]) == {"Europe"}
    assert download.value.suggested_filename == "meetings_Europe.csv"
    again = read_meetings(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert again.problems == []
    page.screenshot(path=SCREENSHOTS / "data.png", full_page=True)
    assert_stayed_home(page, server)


def test_timeline_and_programs_pages_draw(page, server):
    for path, name in (("Timeline", "timeline"), ("Programs", "programs")):
        open_page(page, f"{server}/{path}")
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
        assert page.get_by_test_id("stPlotlyChart").count() == 2
        assert page.get_by_test_id("stException").count() == 0
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    assert_stayed_home(page, server)


def test_link_to_this_view_reproduces_the_filters(page, server, shipped):
    open_page(page, f"{server}/?subregion=Central+Asia")
    page.get_by_text("Link to this view").click()
    link = page.get_by_test_id("stCode").inner_text().strip()
    assert link.endswith("?subregion=Central+Asia")
    open_page(page, link)
    central = apply(shipped, Filters(subregions=("Central Asia",)))
    assert page.get_by_text(f"{len(central)} of {len(shipped)} meetings shown").count() == 1


def test_coverage_map_draws_never_met_missions_too(page, server, shipped):
    open_page(page, f"{server}/?colour=Coverage")
    missions = set(charts.missions()["iso3"])
    engaged = set(shipped["iso3"].astype(str))
    assert set(drawn_codes(page)) == (engaged | missions) & charts.drawable_iso3()
    assert page.get_by_text("Resident mission, never met").count() >= 1
    page.screenshot(path=SCREENSHOTS / "coverage.png", full_page=True)
