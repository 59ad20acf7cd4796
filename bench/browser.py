"""What a person waits for, measured in Chromium: from a click or a key to the page redrawn.

    python -m bench.browser                      # 10,000 meetings, medians of 8
    python -m bench.browser --sizes 1000,10000 --repeats 4 --no-write

For each size a synthetic meetings file (scripts/make_synthetic.py, the same files as
bench/run.py) is imported into a new SQLite database and the app is started on it, as
people run it. The floor is a small Streamlit app with the same widgets (the same keys,
labels and page links) and nothing drawn: what any Streamlit page costs on this machine.
Both run side by side and every wait is measured on the app, then on the floor, in turn,
so that both see the same load.

A wait starts at the page's own input event (the `timeStamp` of the `pointerdown` or
`keydown` that changes something, on the clock of `performance.now()`) and ends at the
last change to the page — an element added, removed or changed (plotly's SVG included),
or a drawing call on a 2D canvas or WebGL (a Vega map, the tables) — after which nothing
changes for QUIET_MS while the app reports that its run has finished. The instruments go
in before any of the page's own scripts (an init script), and also note the WebSocket
messages: when the request left, when the first and the last answer came, and their size,
which splits each wait into the server's part and the browser's.

The tables replace the part of docs/benchmarks.md between the BROWSER markers.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from bench.run import REPORT, code_version, data_file
from lib.store import Store
from tests.browsing import CHROMIUM, CHROMIUM_ARGS, READY, app_server, free_port

QUIET_MS = 600
DEFAULT_SIZES = (10_000,)
START, END = "<!-- BROWSER START -->", "<!-- BROWSER END -->"
# The map drawn: plotly's shapes (SVG), or Vega's canvas once it has been drawn on.
MAP = (
    '[data-testid="stPlotlyChart"] path.choroplethlocation, [data-testid="stVegaLiteChart"] canvas'
)
COLOURING = ".st-key-colour-en"  # the colouring switch (widget key colour.en, lib/ui/maps.py)
REGION = ".st-key-region-en"  # the region filter (widget key region.en, lib/ui/sidebar.py)
SEARCH = ".st-key-q input"  # the sidebar's search box (widget key q)
SEARCHED = "France"
ACTIONS = ("landing to map", "colouring switch", "filter change", "search", "page switch")
ROWS = (  # (row, action, part of its wait)
    ("landing to map", "landing to map", "map drawn"),
    ("landing, page quiet", "landing to map", "total"),
    *((action, action, "total") for action in ACTIONS[1:]),
)
# Targets from issues 12 and 20: medians minus the floor's, on this 2-core machine.
TARGETS_MS = {
    "colouring switch": {10_000: 150, 100_000: 300},
    "filter change": {10_000: 150, 100_000: 300},
    "search": {10_000: 150},
    "page switch": {10_000: 300},
    "landing to map": {10_000: 1_500},  # the app's own time, not over the floor
}
FLOOR_APP = textwrap.dedent(
    """
    import streamlit as st

    def outreach_map():
        st.title("Outreach map")
        st.segmented_control(
            "Colour countries by", ["Meetings", "Last contact", "Coverage"],
            default="Meetings", required=True, key="colour.en",
        )

    def timeline():
        st.title("Timeline")

    pages = [
        st.Page(outreach_map, title="Outreach map", default=True),
        st.Page(timeline, title="Timeline"),
    ]
    page = st.navigation(pages, position="hidden")
    with st.sidebar:
        for each in pages:
            st.page_link(each)
        st.text_input("Search", key="q")
        st.multiselect(
            "Region", ["Africa", "Americas", "Asia", "Europe", "Oceania"], key="region.en"
        )
    page.run()
    """
)

# Before any script of the page: note every change to the document, every drawing call on
# a canvas (2D or WebGL), every input event and every WebSocket message, on one clock.
INSTRUMENTS = """(() => {
    const clock = () => performance.now();
    const notes = window.__bench = {
        since: 0, last: 0, lastMap: 0, changes: 0, unseen: 0, draws: 0, lastDraw: 0, inputs: [],
        frames: [], busy: [],
    };
    // Tasks of 50 ms or more on the main thread (scripts, style, layout, paint).
    new PerformanceObserver((list) => {
        for (const task of list.getEntries()) notes.busy.push([task.startTime, task.duration]);
    }).observe({type: "longtask"});
    // The map's own changes are noted apart: "landing to map" ends at its last one.
    const MAP = '[data-testid="stPlotlyChart"], [data-testid="stVegaLiteChart"]';
    const inMap = (node) => {
        const element = node && (node.nodeType === 1 ? node : node.parentElement);
        return Boolean(element && element.closest && element.closest(MAP));
    };
    // What a canvas holds as children (a table grid's copy of its rows for screen readers)
    // is never painted: a change there is not a change on screen. The canvas's own
    // attributes (its size, its style) are.
    const seen = (record) => {
        const node = record.target;
        const element = node.nodeType === 1 ? node : node.parentElement;
        const canvas = element && element.closest && element.closest("canvas");
        return !canvas || (canvas === element && record.type === "attributes");
    };
    const changed = (all) => {
        const records = all.filter(seen);
        notes.unseen += all.length - records.length;
        if (!records.length) return;
        notes.last = clock();
        notes.changes += records.length;
        if (records.some((record) => inMap(record.target))) notes.lastMap = notes.last;
    };
    new MutationObserver(changed).observe(
        document, {subtree: true, childList: true, attributes: true, characterData: true});
    const hook = (owner, names) => {
        if (!owner) return;
        for (const name of names) {
            const original = owner.prototype[name];
            if (typeof original !== "function") continue;
            owner.prototype[name] = function (...args) {
                notes.last = notes.lastDraw = clock();
                notes.draws += 1;
                if (inMap(this.canvas)) notes.lastMap = notes.last;
                return original.apply(this, args);
            };
        }
    };
    const canvas = ["fill", "stroke", "fillRect", "clearRect", "drawImage", "fillText"];
    hook(window.CanvasRenderingContext2D, canvas);
    hook(window.OffscreenCanvasRenderingContext2D, canvas);
    hook(window.WebGLRenderingContext, ["drawArrays", "drawElements"]);
    hook(window.WebGL2RenderingContext,
         ["drawArrays", "drawElements", "drawArraysInstanced", "drawElementsInstanced",
          "drawRangeElements"]);
    // An event's timeStamp is on performance.now()'s clock in Chromium; an old-style one
    // (milliseconds since 1970) is brought onto it.
    const when = (event) => event.timeStamp > 1e12
        ? event.timeStamp - performance.timeOrigin : event.timeStamp;
    for (const type of ["pointerdown", "keydown"]) {
        window.addEventListener(type, (event) => notes.inputs.push(when(event)), true);
    }
    const size = (data) => data.byteLength ?? data.size ?? data.length ?? 0;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
        constructor(...args) {
            super(...args);
            this.addEventListener("message", (event) =>
                notes.frames.push([clock(), 1, size(event.data)]));
        }
        send(data) {
            notes.frames.push([clock(), 0, size(data)]);
            return super.send(data);
        }
    };
    window.__mark = () => {
        Object.assign(notes, {since: clock(), changes: 0, unseen: 0, draws: 0});
        Object.assign(notes, {inputs: [], frames: [], busy: []});
        return notes.since;
    };
})();"""

READ_NOTES = """() => {
    const n = window.__bench;
    return {now: performance.now(), since: n.since, last: n.last, changes: n.changes,
            unseen: n.unseen, draws: n.draws, lastDraw: n.lastDraw, lastMap: n.lastMap,
            inputs: n.inputs, frames: n.frames, busy: n.busy};
}"""


def wait_until_quiet(page, timeout_s: float = 120) -> dict:
    """The page's notes once its run has finished and nothing changed for QUIET_MS."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        if page.locator(READY).count() == 0:
            continue
        notes = page.evaluate(READ_NOTES)
        if notes["now"] - max(notes["last"], notes["since"]) >= QUIET_MS:
            return notes
    raise TimeoutError("the page did not settle")


def wait(notes: dict, start: float | None = None) -> dict[str, float]:
    """The wait from the first input event (or `start`) to the last change, and its parts."""
    if start is None:
        start = notes["inputs"][0] if notes["inputs"] else notes["since"]
    frames = [frame for frame in notes["frames"] if frame[0] >= start]
    sent = [at for at, incoming, _ in frames if not incoming]
    answers = [(at, size) for at, incoming, size in frames if incoming]
    last_change = max(notes["last"], start)
    parts = {
        "total": last_change - start,
        "changes": notes["changes"],
        "unseen": notes.get("unseen", 0),
        "draws": notes["draws"],
        "kB received": sum(size for _, size in answers) / 1024,
        "messages": len(answers),
        "busy": sum(length for begun, length in notes["busy"] if begun >= start),
    }
    if sent and answers:
        parts["to request"] = sent[0] - start
        parts["server"] = answers[-1][0] - sent[0]
        parts["browser after"] = max(last_change - answers[-1][0], 0.0)
    return parts


def timed(page, prepare, act) -> dict[str, float]:
    """`prepare()` (opening a list, typing), then time `act()` from its first input event."""
    prepare()
    wait_until_quiet(page)
    page.evaluate("window.__mark()")
    act()
    return wait(wait_until_quiet(page))


def landing(page, url: str, drawn: str) -> dict[str, float]:
    """From the navigation's start to the map's last change, and to the page quiet."""
    page.goto(url)
    page.wait_for_selector(drawn, timeout=120_000, state="attached")
    notes = wait_until_quiet(page)
    parts = wait(notes, start=0.0)
    parts["map drawn"] = notes["lastMap"] or parts["total"]  # the floor has no map
    return parts


class Pages:
    """The actions a person takes, on the app or on the floor (same widgets, same keys)."""

    def __init__(self, page, base: str, drawn: str):
        self.page, self.base, self.drawn = page, base, drawn

    def landing(self) -> dict[str, float]:
        return landing(self.page, self.base, self.drawn)

    def colouring(self, number: int) -> dict[str, float]:
        name = "Last contact" if number % 2 == 0 else "Meetings"
        switch = self.page.locator(COLOURING).get_by_text(name, exact=True)
        return timed(self.page, lambda: None, switch.click)

    def filter(self, number: int) -> dict[str, float]:
        page = self.page
        if number % 2 == 0:

            def prepare() -> None:
                page.locator(f"{REGION} input").first.click()
                page.keyboard.type("Europe")

            def act() -> None:
                page.keyboard.press("Enter")
                page.keyboard.press("Escape")

            return timed(page, prepare, act)
        clear = page.locator(f"{REGION} [aria-label='Clear all']").first
        return timed(page, lambda: None, clear.click)

    def search(self, number: int) -> dict[str, float]:
        box = self.page.locator(SEARCH).first

        def prepare() -> None:
            box.click()
            box.fill(SEARCHED if number % 2 == 0 else "")

        return timed(self.page, prepare, lambda: self.page.keyboard.press("Enter"))

    def page_switch(self, number: int) -> dict[str, float]:
        name = "Timeline" if number % 2 == 0 else "Outreach map"
        link = self.page.get_by_role("link", name=name, exact=True)
        return timed(self.page, lambda: None, link.click)


@contextmanager
def floor_server():
    """The floor app, started as the app is; yields its address."""
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "floor.py"
        script.write_text(FLOOR_APP)
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless=true"]
            + [f"--server.port={port}", "--server.address=127.0.0.1"]
            + ["--browser.gatherUsageStats=false", "--server.fileWatcherType=none"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                        if answer.read() == b"ok":
                            break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError("the floor app did not start within 60 s") from None
                    time.sleep(0.3)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=20)


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(INSTRUMENTS)
    return context.new_page()


def measure(browser, meetings: int, repeats: int) -> dict[str, dict[str, list[dict]]]:
    """Every action `repeats` times on the app with `meetings` meetings and on the floor."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        with Store.open(url, create=True) as store:
            store.import_meetings(data_file(meetings, 1), mode="append", who="bench")
        with app_server({"OUTREACH_DB_URL": url}) as app_base, floor_server() as floor_base:
            sides = {
                "app": Pages(_new_page(browser), app_base, MAP),
                "floor": Pages(_new_page(browser), floor_base, "text=Outreach map"),
            }
            for side in sides.values():
                side.landing()  # warms the caches
            results = {name: {action: [] for action in ACTIONS} for name in sides}
            for _ in range(2):
                for name, side in sides.items():
                    results[name]["landing to map"].append(side.landing())
            steps = {
                "colouring switch": Pages.colouring,
                "filter change": Pages.filter,
                "search": Pages.search,
                "page switch": Pages.page_switch,
            }
            for action, step in steps.items():
                for number in range(repeats):
                    for name, side in sides.items():
                        results[name][action].append(step(side, number))
            for side in sides.values():
                side.page.context.close()
    return results


def median(runs: list[dict], part: str) -> float | None:
    values = [run[part] for run in runs if part in run]
    return statistics.median(values) if values else None


def table(results: dict[int, dict[str, dict[str, list[dict]]]]) -> str:
    """The medians as markdown: the app's, the floor's, the difference, and the target."""
    lines = [
        "| meetings | action | app | floor | over the floor | target |",
        "|---|---|---|---|---|---|",
    ]
    for size in sorted(results):
        for row, action, part in ROWS:
            app = median(results[size]["app"][action], part)
            floor = median(results[size]["floor"][action], part)
            over = app - floor
            target = TARGETS_MS.get(row, {}).get(size)
            if target is None:
                verdict = ""
            elif row == "landing to map":
                verdict = f"≤ {target / 1000:.1f} s " + ("✓" if app <= target else "✗")
            else:
                verdict = f"≤ +{target} " + ("✓" if over <= target else "✗")
            lines.append(
                f"| {size:,} | {row} | {app:,.0f} ms | {floor:,.0f} ms | "
                f"{over:+,.0f} ms | {verdict} |"
            )
    return "\n".join(lines)


def breakdown(results: dict[int, dict[str, dict[str, list[dict]]]]) -> str:
    """Where each wait of the app goes: request, server, browser; changes, drawing, bytes."""
    lines = [
        "| meetings | action | input → request | request → last message | last message → "
        "last change | main thread in long tasks | messages | received | DOM changes | "
        "canvas/WebGL calls | changes inside a canvas (not on screen) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]

    def cell(runs, part, unit=" ms", digits=0):
        value = median(runs, part)
        return "–" if value is None else f"{value:,.{digits}f}{unit}"

    for size in sorted(results):
        for action in ACTIONS[1:]:
            for side in ("app", "floor"):
                runs = results[size][side][action]
                lines.append(
                    f"| {size:,} | {action} ({side}) | {cell(runs, 'to request')} | "
                    f"{cell(runs, 'server')} | {cell(runs, 'browser after')} | "
                    f"{cell(runs, 'busy')} | "
                    f"{cell(runs, 'messages', '')} | {cell(runs, 'kB received', ' kB', 1)} | "
                    f"{cell(runs, 'changes', '')} | {cell(runs, 'draws', '')} | "
                    f"{cell(runs, 'unseen', '')} |"
                )
    return "\n".join(lines)


def write_section(text: str) -> None:
    """Put the tables between the BROWSER markers of docs/benchmarks.md (added if missing)."""
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
        results = {size: measure(browser, size, arguments.repeats) for size in sizes}
        browser.close()
    text = (
        f"Medians of {arguments.repeats} waits (code {code_version()}), each from the page's "
        "input event to its last change (DOM or canvas), the app and the floor app (same "
        "widgets, nothing drawn) measured in turn in the same run; landing is from the "
        "navigation's start to the map's last change (the floor: its page quiet), the app's "
        "own time, and to the whole page quiet.\n\n"
        + table(results)
        + "\n\nWhere the waits go (medians): from the input event to the request on the "
        "WebSocket, from the request to the last message of the answer as the page handled "
        "it (the page reads messages on its main thread, so this includes the browser's "
        "work while they arrive; the server's own run is timed by `python -m "
        "bench.page_switch`), from that message to the last change on screen; the main "
        "thread's time in tasks of 50 ms or more; the messages received and their size "
        "(Streamlit sends a message the browser already holds as a reference); the changes "
        "to the document and the canvas drawing calls.\n\n" + breakdown(results)
    )
    print(text)
    if not arguments.no_write:
        write_section(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
