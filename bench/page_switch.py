"""Where a page switch (Outreach map ↔ Timeline) spends its time, server and browser.

    python -m bench.page_switch                  # 10,000 meetings, 6 switches each way

Server: each page's run after a switch, timed in-process with Streamlit's AppTest (the
entry file, the sidebar and the page, as `streamlit run` executes them), warm caches.

Browser: the app in Chromium (instrumented as bench/browser.py), each switch timed from
the click's input event, split by the WebSocket messages (request, last answer, last
change on screen), with the size of the messages and, from Chromium's sampling profiler,
the main thread's time by script: Streamlit's own bundle, plotly.js, Vega, the glide grid
(tables), garbage collection and layout/paint ("(program)").
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.browser import INSTRUMENTS, MAP, timed, wait_until_quiet
from bench.run import data_file
from lib.store import Store
from tests.browsing import CHROMIUM, CHROMIUM_ARGS, ROOT, app_server

PAGES = {"Timeline": "pages/Timeline.py", "Outreach map": "pages/Map.py"}


def server_runs(url: str, repeats: int) -> dict[str, list[float]]:
    """Milliseconds of each page's run after a switch to it (AppTest, warm caches)."""
    from streamlit.testing.v1 import AppTest

    from lib.ui import navigation

    # As bench/run.py: st.navigation as in Chromium. Kept in a name until the function
    # returns: entered bare, it was collected at once and undid the patch.
    new_way = navigation.pages_the_new_way()
    new_way.__enter__()
    os.environ["OUTREACH_DB_URL"] = url
    os.environ.pop("OUTREACH_DATA", None)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    app.run()
    for path in PAGES.values():  # warm every page's caches once
        app.switch_page(path).run()
    times: dict[str, list[float]] = defaultdict(list)
    for number in range(2 * repeats):
        name = list(PAGES)[number % 2]
        app.switch_page(PAGES[name])
        start = time.perf_counter()
        app.run()
        times[name].append((time.perf_counter() - start) * 1000)
        assert not app.exception, app.exception
    return times


def _script(url: str) -> str:
    """A short name for the script a profile sample ran in."""
    name = url.rsplit("/", 1)[-1].split("?")[0]
    return name or "(page)"


def profile_by_script(profile: dict) -> dict[str, float]:
    """Milliseconds of the main thread per script (self time), from a CPU profile."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    deltas = profile["timeDeltas"]
    spent: dict[str, float] = defaultdict(float)
    for sample, delta in zip(profile["samples"], deltas[1:] + [0], strict=True):
        frame = nodes[sample]["callFrame"]
        name = frame["functionName"] if frame["url"] == "" else _script(frame["url"])
        spent[name or "(anonymous)"] += delta / 1000
    return spent


def browser_runs(base: str, repeats: int) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    """Each switch's wait and parts; the main thread's time by script, summed per page."""
    from playwright.sync_api import sync_playwright

    waits: dict[str, list[dict]] = defaultdict(list)
    scripts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.add_init_script(INSTRUMENTS)
        page = context.new_page()
        page.goto(base)
        page.wait_for_selector(MAP, state="attached", timeout=120_000)
        wait_until_quiet(page)
        session = context.new_cdp_session(page)
        session.send("Profiler.enable")
        session.send("Profiler.setSamplingInterval", {"interval": 200})
        for number in range(2 * repeats + 2):
            name = list(PAGES)[number % 2]
            link = page.get_by_role("link", name=name, exact=True)
            session.send("Profiler.start")
            parts = timed(page, lambda: None, link.click)
            profile = session.send("Profiler.stop")["profile"]
            if number < 2:
                continue  # the first visit of each page loads its scripts
            waits[name].append(parts)
            for script, spent in profile_by_script(profile).items():
                scripts[name][script] += spent / repeats
        browser.close()
    return waits, scripts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=6)
    parser.add_argument("--no-server", action="store_true", help="skip the AppTest timings")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        with Store.open(url, create=True) as store:
            store.import_meetings(data_file(arguments.meetings, 1), mode="append", who="bench")
        if not arguments.no_server:
            runs = server_runs(url, arguments.repeats)
            print("| page | server run after a switch (AppTest, median) |\n|---|---|")
            for name, values in runs.items():
                print(f"| {name} | {statistics.median(values):,.0f} ms |")
        with app_server({"OUTREACH_DB_URL": url}) as base:
            waits, scripts = browser_runs(base, arguments.repeats)
    print(
        "\n| switch to | wait | input → request | request → last message | last message → "
        "last change | main thread in long tasks | received | DOM changes |\n"
        "|---|---|---|---|---|---|---|---|"
    )
    for name, runs in waits.items():

        def middle(part: str, runs=runs) -> float:
            return statistics.median(run[part] for run in runs)

        print(
            f"| {name} | {middle('total'):,.0f} ms | {middle('to request'):,.0f} ms | "
            f"{middle('server'):,.0f} ms | {middle('browser after'):,.0f} ms | "
            f"{middle('busy'):,.0f} ms | "
            f"{middle('kB received'):,.1f} kB | {middle('changes'):,.0f} |"
        )
    print("\n| switch to | main thread by script (mean per switch) |\n|---|---|")
    for name, spent in scripts.items():
        busy = {k: v for k, v in spent.items() if k != "(idle)" and v >= 5}
        listed = ", ".join(
            f"{k} {v:,.0f} ms" for k, v in sorted(busy.items(), key=lambda kv: -kv[1])
        )
        print(f"| {name} | {listed} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
