"""How long plotly.js alone takes to draw the Timeline's figures, outside Streamlit.

    python -m bench.strip_redraw            # 10,000 synthetic meetings, 8 drawings each

A page switch to the Timeline is mostly plotly.js drawing its strip of marks (one SVG
path per mark, each styled one by one). plotly draws a figure once with the margins it
is given, then, when an axis has `automargin` (labels wider than the margin), a second
time with the margins the labels need. This page loads the plotly.js the plotly package
ships in the same Chromium and draws each figure as the Timeline builds it, and the same
figure with its margins given and `automargin` off (what the page would draw if the
margins were known beforehand), in turn. Each time is from `Plotly.newPlot` to the next
frame, with the changes to the document counted.
"""

import argparse
import copy
import json
import statistics
import tempfile
from pathlib import Path

import plotly.offline
from playwright.sync_api import sync_playwright

from bench.run import data_file
from lib import aggregates, charts
from lib.meetings import read_meetings
from tests.browsing import CHROMIUM, CHROMIUM_ARGS

DRAWINGS = """async ([figures, repeats]) => {
    const times = {};
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
    for (let n = 0; n < repeats; n++) {
        for (const [name, figure] of Object.entries(figures)) {
            const div = document.createElement("div");
            div.style.width = "1150px";
            document.body.appendChild(div);
            let changes = 0;
            const observer = new MutationObserver((records) => { changes += records.length; });
            observer.observe(div, {subtree: true, childList: true, attributes: true,
                                   characterData: true});
            const copy = JSON.parse(JSON.stringify(figure));
            const start = performance.now();
            await Plotly.newPlot(div, copy.data, copy.layout);
            await frame();
            (times[name] = times[name] || []).push([performance.now() - start, changes]);
            observer.disconnect();
            Plotly.purge(div);
            div.remove();
        }
    }
    return times;
}"""


def margins_given(figure: dict, margin: dict) -> dict:
    """The figure with these margins and no axis growing them after the first drawing."""
    changed = copy.deepcopy(figure)
    layout = changed["layout"]
    for axis in ("xaxis", "yaxis"):
        layout.setdefault(axis, {})["automargin"] = False
    layout["margin"] = margin
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=8)
    args = parser.parse_args(argv)
    meetings = read_meetings(data_file(args.meetings, 1)).meetings
    strip = charts.strip_figure(aggregates.strip_marks(meetings)).to_plotly_json()
    monthly = charts.monthly_figure(aggregates.monthly_counts(meetings)).to_plotly_json()
    figures = {
        "strip as built": strip,
        "strip, margins given": margins_given(strip, {"l": 170, "r": 0, "t": 10, "b": 60}),
        "monthly as built": monthly,
        "monthly, margins given": margins_given(monthly, {"l": 60, "r": 0, "t": 30, "b": 60}),
    }
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_file = Path(folder) / "figures.html"
        page_file.write_text(
            f"<html><body><script>{plotly.offline.get_plotlyjs()}</script></body></html>"
        )
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(page_file.as_uri())
        payload = json.dumps(figures, default=str)
        times = page.evaluate(
            f"([text, repeats]) => ({DRAWINGS})([JSON.parse(text), repeats])",
            [payload, args.repeats],
        )
        browser.close()
    marks = sum(len(trace.get("x", [])) for trace in strip["data"])
    version = plotly.offline.get_plotlyjs_version()
    print(f"plotly.js {version}, {args.meetings:,} meetings, {marks:,} points in the strip\n")
    print("| figure | median | slowest | changes to the document |\n|---|---|---|---|")
    for name, runs in times.items():
        spent = [run[0] for run in runs]
        print(
            f"| {name} | {statistics.median(spent):,.0f} ms | {max(spent):,.0f} ms | "
            f"{runs[0][1]:,} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
