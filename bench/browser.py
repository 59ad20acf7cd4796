"""What a person waits for, measured in Chromium: from a click to the page redrawn.

    python -m bench.browser                      # 1,000 / 10,000 / 100,000 meetings
    python -m bench.browser --sizes 1000 --repeats 4 --no-write

For each size a synthetic meetings file (scripts/make_synthetic.py, the same files as
bench/run.py) is imported into a new SQLite database and the app is started on it, as
people run it. A one-widget Streamlit page, started the same way, is the floor: what any
Streamlit page costs on this machine in the same run.

A wait ends at the last change to the page (any element added, removed or redrawn,
plotly's SVG included, or a canvas drawn on) after which nothing changes for QUIET_MS
and the app reports that its run has finished. Each wait is measured `--repeats` times,
alternating between two states (colouring by meetings / by last contact, no filter /
Europe), and the median is reported; the table also gives the median minus the floor's.

The table replaces the part of docs/benchmarks.md between the BROWSER markers.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from bench.run import REPORT, code_version, data_file
from lib.store import Store
from tests.browsing import CHROMIUM, CHROMIUM_ARGS, READY, app_server

QUIET_MS = 600
MAP = "path.choroplethlocation, [class*='st-key-map'] canvas"  # plotly's map, or Vega's
DEFAULT_SIZES = (1_000, 10_000, 100_000)
START, END = "<!-- BROWSER START -->", "<!-- BROWSER END -->"
# Targets from issue 12: medians minus the floor, on this 2-core machine.
TARGETS_MS = {
    "colouring switch": {10_000: 150, 100_000: 300},
    "filter change": {10_000: 150, 100_000: 300},
    "page switch": {10_000: 300},
    "landing to map": {10_000: 1_500},
}
FLOOR_APP = textwrap.dedent(
    """
    import streamlit as st
    st.title("Floor")
    st.segmented_control("Pick", ["One", "Two"], default="One", key="pick")
    """
)

# Records, in the page, the time of every change to the document.
WATCH = """() => {
    window.__changes = [];
    const observer = new MutationObserver(() => window.__changes.push(performance.now()));
    observer.observe(document.body, {subtree: true, childList: true, attributes: true,
                                     characterData: true});
    window.__mark = () => { window.__changes = []; return performance.now(); };
    // A canvas (the Vega map) is redrawn without any change to the document.
    const proto = CanvasRenderingContext2D.prototype;
    for (const name of ["fill", "stroke", "fillRect", "clearRect", "drawImage", "fillText"]) {
        const drawn = proto[name];
        proto[name] = function (...args) {
            window.__changes.push(performance.now());
            return drawn.apply(this, args);
        };
    }
}"""


def wait_until_quiet(page, started: float, timeout_s: float = 120) -> float:
    """Milliseconds from `started` (page clock) to the last change before a quiet spell."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        if page.locator(READY).count() == 0:
            continue
        last, now = page.evaluate("[Math.max(0, ...window.__changes), performance.now()]")
        if now - max(last, started) >= QUIET_MS:
            return max(last - started, 0.0)
    raise TimeoutError("the page did not settle")


def timed(page, action) -> float:
    """Run `action` (a click, a key) and time the page's answer in milliseconds."""
    started = page.evaluate("window.__mark()")
    action()
    return wait_until_quiet(page, started)


def landing(page, url: str, drawn: str) -> float:
    """From navigation start to the first `drawn` element shown and the page quiet."""
    page.goto(url)
    page.wait_for_selector(drawn, timeout=120_000)
    drawn_at = page.evaluate("performance.now()")  # since the navigation started
    page.evaluate(WATCH)
    return max(drawn_at, wait_until_quiet(page, 0.0))


def measure_floor(browser, repeats: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "floor.py"
        script.write_text(FLOOR_APP)
        process = _floor_server(script)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            land = [landing(page, process[1], "text=Floor") for _ in range(2)]
            clicks = []
            for number in range(repeats):
                name = "Two" if number % 2 == 0 else "One"
                clicks.append(timed(page, lambda n=name: page.get_by_text(n, exact=True).click()))
            page.close()
        finally:
            process[0].terminate()
            process[0].wait(timeout=20)
    return {"landing": statistics.median(land), "click": statistics.median(clicks)}


def _floor_server(script: Path):
    from tests.browsing import free_port

    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.headless=true",
            f"--server.port={port}",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(4)
    return process, f"http://localhost:{port}"


def measure_app(browser, meetings: int, repeats: int) -> dict[str, float]:
    """Median waits on the app with `meetings` synthetic meetings in its database."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        with Store.open(url, create=True) as store:
            store.import_meetings(data_file(meetings, 1), mode="append", who="bench")
        with app_server({"OUTREACH_DB_URL": url}) as base:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            landing(page, base, MAP)  # warms the caches
            land = [landing(page, base, MAP) for _ in range(2)]
            colour = []
            for number in range(repeats):
                name = "Last contact" if number % 2 == 0 else "Meetings"
                colour.append(timed(page, lambda n=name: page.get_by_role("radio", name=n).click()))
            region = page.locator("[class*='st-key-region'] input").first
            filters = []
            for number in range(repeats):
                if number % 2 == 0:
                    region.click()
                    filters.append(timed(page, lambda: _choose(page, "Europe")))
                else:
                    filters.append(timed(page, lambda: _clear(page)))
            switches = []
            for number in range(repeats):
                name = "Timeline" if number % 2 == 0 else "Outreach map"
                switches.append(
                    timed(page, lambda n=name: page.get_by_role("link", name=n, exact=True).click())
                )
            page.close()
    return {
        "landing to map": statistics.median(land),
        "colouring switch": statistics.median(colour),
        "filter change": statistics.median(filters),
        "page switch": statistics.median(switches),
    }


def _choose(page, option: str) -> None:
    page.keyboard.type(option)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def _clear(page) -> None:
    page.locator("[class*='st-key-region'] [aria-label='Clear all']").first.click()


def table(floor: dict[str, float], results: dict[int, dict[str, float]]) -> str:
    """The results as markdown: each wait's median, and the median minus the floor's."""
    sizes = sorted(results)
    lines = [
        "| wait | floor | " + " | ".join(f"{n:,} meetings" for n in sizes) + " |",
        "|---|---|" + "---|" * len(sizes),
    ]
    for wait in ("landing to map", "colouring switch", "filter change", "page switch"):
        base = floor["landing"] if wait == "landing to map" else floor["click"]
        cells = []
        for size in sizes:
            value = results[size][wait]
            over = value - base
            target = TARGETS_MS.get(wait, {}).get(size)
            verdict = "" if target is None else (" ✓" if over <= target else f" ✗ (≤ {target})")
            cells.append(f"{value:,.0f} ms (+{over:,.0f}){verdict}")
        lines.append(f"| {wait} | {base:,.0f} ms | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_section(text: str) -> None:
    """Put the table between the BROWSER markers of docs/benchmarks.md (added if missing)."""
    report = REPORT.read_text() if REPORT.exists() else ""
    section = f"{START}\n{text}\n{END}"
    if START in report and END in report:
        head, rest = report.split(START, 1)
        report = head + section + rest.split(END, 1)[1]
    else:
        report = report.rstrip() + "\n\n## What a person waits for (Chromium)\n\n" + section + "\n"
    REPORT.write_text(report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--repeats", type=int, default=8)
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/")
    arguments = parser.parse_args(argv)
    sizes = [int(size) for size in arguments.sizes.split(",")]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        floor = measure_floor(browser, arguments.repeats)
        results = {size: measure_app(browser, size, arguments.repeats) for size in sizes}
        browser.close()
    text = (
        f"Medians of {arguments.repeats} waits (code {code_version()}); "
        "in brackets, minus the one-widget floor page's.\n\n" + table(floor, results)
    )
    print(text)
    if not arguments.no_write:
        write_section(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
