"""Driving the app in a real Chromium: start a server, open pages, read what a person sees."""

import io
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from lib import aggregates, world_map
from lib.filters import program_rows

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENS = {"laptop": (1280, 720), "phone": (390, 844)}
# Element test ids of what a page may show as text a person reads.
TEXT_IDS = ("stMarkdown", "stCaptionContainer", "stAlert", "stHeading", "stText")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, answer: bytes | None = None, seconds: float = 60) -> None:
    """Poll `url` until it answers (with `answer`, when given)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if answer is None or response.read() == answer:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def stop(process: subprocess.Popen) -> None:
    """End a process the tests started, and wait for it."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def app_server(environment: dict[str, str], log: Path | None = None, port: int | None = None):
    """`streamlit run app.py` with these settings (nothing else of ours or Streamlit's from
    the environment), its output in `log` when given; yields its address."""
    port = port or free_port()
    settings = {
        k: v
        for k, v in os.environ.items()
        if k not in ("OUTREACH_DATA", "OUTREACH_DB_URL", "OUTREACH_SIGN_IN")
        and not k.startswith("STREAMLIT_")
    }
    settings.update(environment)
    with log.open("ab") if log else open(os.devnull, "wb") as output:
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
            env=settings,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/_stcore/health", b"ok")
        yield base
    finally:
        stop(process)


def new_page(
    browser,
    screen: str | tuple[int, int] = "laptop",
    scheme: str = "light",
    locale: str | None = None,
):
    """A tab in a context of its own, on a screen of SCREENS or (width, height), in a light
    or dark scheme and a browser language; `page.requests` lists every address it asked for."""
    width, height = SCREENS[screen] if isinstance(screen, str) else screen
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=scheme,
        accept_downloads=True,
        **({"locale": locale} if locale else {}),
    )
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    return page


def settle(page, timeout: int = 60_000) -> None:
    """Wait until the app has finished its run (and the one a click may have started)."""
    page.wait_for_timeout(700)
    page.wait_for_selector(READY, timeout=timeout)
    page.wait_for_timeout(400)
    page.wait_for_selector(READY, timeout=timeout)


def open_page(page, url: str) -> None:
    """Open a page and wait until it is drawn (every page has a title)."""
    page.goto(url)
    settle(page)
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    settle(page)


def shown_texts(page) -> list[str]:
    """The text of every text element on the page (markdown, captions, alerts, headings)."""
    selector = ", ".join(f'[data-testid="{test_id}"]' for test_id in TEXT_IDS)
    return page.eval_on_selector_all(selector, "els => els.map(e => e.innerText.trim())")


def problems_on_screen(page) -> list[str]:
    """What must never reach a person: exceptions, a stray None, source text.

    Tables are drawn on a canvas; their cells are checked in the AppTest page tests.
    """
    found = []
    if page.get_by_test_id("stException").count():
        found.append("exception: " + page.get_by_test_id("stException").first.inner_text()[:300])
    for text in shown_texts(page):
        if text == "None":
            found.append("a stray None")
        for marker in ("Traceback", "DeltaGenerator", "st.info(", "st.write(", "SyntaxError"):
            if marker in text:
                found.append(f"source text: {text[:200]}")
    return found


def metric(page, label: str) -> str:
    """The value of the figure with this label."""
    for block in page.get_by_test_id("stMetric").all():
        if block.get_by_test_id("stMetricLabel").inner_text().strip() == label:
            return block.get_by_test_id("stMetricValue").inner_text().strip()
    raise AssertionError(f"no figure labelled {label!r}")


def count_caption(page) -> str:
    return page.get_by_test_id("stSidebar").get_by_text("meetings shown").inner_text()


def figures(page) -> list[dict]:
    """Each plotly chart's full layout and traces as plotly.js drew them."""
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(plot => ({
            layout: {
                xaxis: plot._fullLayout.xaxis ? {
                    type: plot._fullLayout.xaxis.type,
                    title: plot._fullLayout.xaxis.title && plot._fullLayout.xaxis.title.text,
                    dtick: plot._fullLayout.xaxis.dtick,
                } : null,
                yaxis: plot._fullLayout.yaxis ? {
                    type: plot._fullLayout.yaxis.type,
                    title: plot._fullLayout.yaxis.title && plot._fullLayout.yaxis.title.text,
                    dtick: plot._fullLayout.yaxis.dtick,
                    ticks: Array.from(plot.querySelectorAll('.ytick text')).map(t => t.textContent),
                } : null,
            },
            traces: plot._fullData.map(trace => ({
                type: trace.type, name: trace.name, visible: trace.visible,
                mode: trace.mode, symbol: trace.marker && trace.marker.symbol,
                n: (trace.x || trace.z || trace.locations || []).length,
            })),
            points: plot.querySelectorAll('.scatterlayer .point').length,
            xtitle: Array.from(plot.querySelectorAll('.xtitle')).map(t => t.textContent),
            // A category y axis is titled by a level caption above its labels.
            ytitle: Array.from(plot.querySelectorAll('.ytitle, .annotation-text'))
                .map(t => t.textContent),
        }))"""
    )


def inside(iso3: str) -> tuple[float, float]:
    """A (lon, lat) well inside the country's largest shape (a box's centre can miss)."""
    rings = max(world_map.polygons()[iso3], key=lambda polygon: len(polygon[0]))
    outer = rings[0]
    best, best_room = None, -1.0
    west, east = outer[:, 0].min(), outer[:, 0].max()
    south, north = outer[:, 1].min(), outer[:, 1].max()
    for lon in np.linspace(west, east, 25)[1:-1]:
        for lat in np.linspace(south, north, 25)[1:-1]:
            if not _in_ring(outer, lon, lat) or any(_in_ring(h, lon, lat) for h in rings[1:]):
                continue
            room = np.min(np.hypot(outer[:, 0] - lon, outer[:, 1] - lat))
            if room > best_room:
                best, best_room = (float(lon), float(lat)), room
    assert best, f"no point inside {iso3}"
    return best


def _in_ring(ring: np.ndarray, lon: float, lat: float) -> bool:
    x, y = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x, -1), np.roll(y, -1)
    crosses = ((y > lat) != (y2 > lat)) & (lon < (x2 - x) * (lat - y) / (y2 - y + 1e-12) + x)
    return bool(np.count_nonzero(crosses) % 2)


def map_canvas(page):
    """The outreach map's canvas (Vega draws the map on one), once it is drawn."""
    canvas = page.locator("[class*='st-key-map'] canvas").first
    canvas.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(300)
    return canvas


def country_point(page, iso3: str, frame: world_map.Frame = world_map.WORLD) -> tuple[float, float]:
    """Where on the screen a point well inside the country is drawn, as the map frames it."""
    canvas = map_canvas(page)
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x, y = frame.pixel(*inside(iso3), box["width"], box["height"])
    return box["x"] + x, box["y"] + y


def click_country(page, iso3: str, frame: world_map.Frame = world_map.WORLD) -> None:
    """Click a point inside the country's shape on the map."""
    page.mouse.click(*country_point(page, iso3, frame))


def map_tooltip(page, iso3: str, frame: world_map.Frame = world_map.WORLD) -> str:
    """The map's tooltip over the country: its lines of text."""
    x, y = country_point(page, iso3, frame)
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y)
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(state="visible", timeout=10_000)
    return tooltip.inner_text().replace("\u200b", "")


def map_colours(page, codes, frame: world_map.Frame = world_map.WORLD) -> dict[str, str]:
    """The colour drawn at a point well inside each country ("#rrggbb")."""
    from PIL import Image

    canvas = map_canvas(page)
    canvas.scroll_into_view_if_needed()
    page.mouse.move(0, 0)  # no tooltip over the map
    page.wait_for_timeout(300)
    box = canvas.bounding_box()
    picture = Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")
    found = {}
    for code in codes:
        x, y = frame.pixel(*inside(code), box["width"], box["height"])
        found[code] = "#{:02x}{:02x}{:02x}".format(*picture.getpixel((int(x), int(y))))
    return found


def close(drawn: str, expected: str) -> bool:
    """The same colour ("#rrggbb"), give or take the edges' smoothing."""
    apart = (abs(int(drawn[i : i + 2], 16) - int(expected[i : i + 2], 16)) for i in (1, 3, 5))
    return sum(apart) < 40


def summary_of(meetings: pd.DataFrame) -> pd.DataFrame:
    """The map's country summary of these meetings."""
    return aggregates.country_summary(meetings, program_rows(meetings))


def download(page, label: str) -> tuple[Path, str]:
    """Click the download button with this label; the file and its suggested name."""
    with page.expect_download() as started:
        page.get_by_test_id("stDownloadButton").filter(has_text=label).first.click()
    return Path(started.value.path()), started.value.suggested_filename


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def outside_requests(requests: list[str], base: str) -> list[str]:
    host = urlparse(base).netloc
    return [url for url in requests if urlparse(url).netloc not in (host, "")]


def click_cell(page, row: int, column_x: int = 20, table: int = 0, double: bool = False) -> None:
    """Click a cell of a table (rows counted from 0 below the header; 35 px each)."""
    grid = page.get_by_test_id("stDataFrameResizable").nth(table)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    x, y = box["x"] + column_x, box["y"] + 35 + 35 * row + 17
    (page.mouse.dblclick if double else page.mouse.click)(x, y)


def legend_ramp(page) -> list[dict]:
    """The legend's ramp and the number on each side of it, as drawn: for the low number,
    the ramp and the high number, its text, background and the middle of its box."""
    return page.locator(".map-legend").evaluate(
        """legend => {
            const spans = [...legend.querySelectorAll("span")];
            const ramp = (s) => getComputedStyle(s).backgroundImage.includes("gradient");
            const at = spans.findIndex(ramp);
            return [at - 1, at, at + 1].map((i) => {
                const box = spans[i].getBoundingClientRect();
                return {text: spans[i].innerText, middle: box.top + box.height / 2,
                        background: getComputedStyle(spans[i]).backgroundImage};
            });
        }"""
    )


def legend_ends(page) -> list[tuple[str, str]]:
    """The numbers at each end of the legend's ramp, with the colour drawn beside each."""
    low, ramp, high = legend_ramp(page)
    stops = [
        "#{:02x}{:02x}{:02x}".format(*map(int, rgb))
        for rgb in re.findall(r"rgb\((\d+), (\d+), (\d+)\)", ramp["background"])
    ]
    return [(low["text"], stops[0]), (high["text"], stops[-1])]
