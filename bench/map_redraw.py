"""How long plotly.js alone takes to redraw the outreach map, outside Streamlit.

    python -m bench.map_redraw            # 10,000 synthetic meetings, 8 redraws each way

The colouring switch's wait in the app (bench/browser.py) is Streamlit's round trip plus
plotly.js redrawing the world map. This page loads the same plotly.js (the one the
plotly package ships) and the app's own world shapes in the same Chromium, draws the
map as the app builds it, then switches between colouring by meetings and by last
contact, with `Plotly.react` (what a new figure from the server leads to) and with
`Plotly.restyle` (only the colours change). Each time is from the call to the next frame.
"""

import argparse
import json
import statistics
import tempfile
from pathlib import Path

import plotly.offline
from playwright.sync_api import sync_playwright

from bench.run import data_file
from lib import aggregates, charts
from lib import filters as flt
from lib.meetings import read_meetings
from tests.browsing import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]

REDRAWS = """async ([figures, repeats]) => {
    const div = document.getElementById("map");
    const config = {topojsonURL: "http://shapes/"};
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
    const copy = (value) => JSON.parse(JSON.stringify(value));
    let start = performance.now();
    await Plotly.newPlot(div, copy(figures[0].data), copy(figures[0].layout), config);
    await frame();
    const times = {"first drawing": [performance.now() - start], react: [], restyle: []};
    for (let n = 0; n < repeats; n++) {
        const figure = figures[(n + 1) % 2];
        start = performance.now();
        await Plotly.react(div, copy(figure.data), copy(figure.layout), config);
        await frame();
        times.react.push(performance.now() - start);
    }
    for (let n = 0; n < repeats; n++) {
        const trace = figures[(n + 1) % 2].data[0];
        start = performance.now();
        await Plotly.restyle(div, {z: [trace.z], colorscale: [trace.colorscale]});
        await frame();
        times.restyle.push(performance.now() - start);
    }
    return times;
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=8)
    args = parser.parse_args(argv)
    meetings = read_meetings(data_file(args.meetings, 1)).meetings
    summary = aggregates.country_summary(meetings, flt.program_rows(meetings))
    figures = [
        charts.map_figure(summary, colouring).to_plotly_json()
        for colouring in ("Meetings", "Last contact")
    ]
    shapes = (ROOT / "static" / "world_110m.json").read_text()
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_file = Path(folder) / "map.html"
        page_file.write_text(
            "<html><body><div id='map' style='width:1200px;height:460px'></div>"
            f"<script>{plotly.offline.get_plotlyjs()}</script></body></html>"
        )
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("http://shapes/**", lambda route: route.fulfill(body=shapes))
        page.goto(page_file.as_uri())
        payload = json.dumps(figures, default=str)
        times = page.evaluate(
            f"([text, repeats]) => ({REDRAWS})([JSON.parse(text), repeats])",
            [payload, args.repeats],
        )
        browser.close()
    print(f"plotly.js {plotly.offline.get_plotlyjs_version()}, {args.meetings:,} meetings")
    print("| redraw | median | slowest |\n|---|---|---|")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):,.0f} ms | {max(values):,.0f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
