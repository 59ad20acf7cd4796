"""Drawing one figure with plotly.js in Chromium, offline, as Streamlit would show it.

The page is served from a made-up host by Playwright itself: the plotly.js that ships in
the plotly package, the app's own world shapes (static/world_110m.json, the map's
`topojsonURL`), and the figure's JSON as st.plotly_chart makes it. Streamlit's chart theme
(light or dark) is laid into the figure's template the way its frontend does, so the
figure's own colours are drawn against the page they will meet.
"""

import json
from pathlib import Path

import plotly
import plotly.io
import plotly.tools
import streamlit  # noqa: F401  (sets the plotly template the app's figures carry)

ROOT = Path(__file__).resolve().parent.parent
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
HOST = "http://figures.test"

# What Streamlit 1.67's frontend merges into a figure's template layout (CustomTheme.tsx,
# applyStreamlitThemeTemplateLayout), for the colours that matter here.
_LIGHT = {"bg": "#ffffff", "text": "#808495", "grid": "#e6eaf1", "legend": "#262730"}
_DARK = {"bg": "#0e1117", "text": "#e6eaf1", "grid": "#31333F", "legend": "#fafafa"}
BACKGROUND = {"light": _LIGHT["bg"], "dark": _DARK["bg"]}


def streamlit_theme(scheme: str) -> dict:
    """The template layout Streamlit's theme gives a chart on a light or dark page."""
    c = _LIGHT if scheme == "light" else _DARK
    axis = {
        "gridcolor": c["grid"],
        "zerolinecolor": c["grid"],
        "tickfont": {"color": c["text"]},
        "title": {"font": {"color": c["text"]}},
        "automargin": True,
    }
    return {
        "font": {"color": c["text"]},
        "paper_bgcolor": c["bg"],
        "plot_bgcolor": c["bg"],
        "legend": {"font": {"color": c["legend"]}},
        "xaxis": {**axis, "showgrid": False, "zeroline": False},
        "yaxis": axis,
        "hoverlabel": {"bgcolor": c["bg"], "font": {"color": c["text"]}},
        "margin": {"r": 0, "l": 0},
    }


def _merge(into: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def spec(figure) -> dict:
    """The figure as st.plotly_chart sends it to the browser."""
    prepared = plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True)
    return json.loads(plotly.io.to_json(prepared, validate=False))


def html(figure, scheme: str, width: int) -> str:
    """A page that draws the figure `width` pixels wide on a light or dark background."""
    shown = spec(figure)
    template = shown["layout"].setdefault("template", {}).setdefault("layout", {})
    _merge(template, streamlit_theme(scheme))
    shown["layout"]["width"] = width
    config = {"topojsonURL": f"{HOST}/app/static/", "displaylogo": False, "scrollZoom": False}
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><script src="{HOST}/plotly.min.js"></script></head>
<body style="margin:0; background:{BACKGROUND[scheme]}">
<div id="figure"></div>
<script>
window.drawn = Plotly.newPlot("figure", {json.dumps(shown["data"])},
    {json.dumps(shown["layout"])}, {json.dumps(config)}).then(() => "drawn", e => String(e));
</script></body></html>"""


def draw(browser, figure, scheme: str = "light", width: int = 1280, height: int = 900):
    """A new Chromium page with the figure drawn; `page.outside` lists requests refused."""
    page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
    page.outside = []
    body = html(figure, scheme, width)

    def serve(route) -> None:
        url = route.request.url
        if url == f"{HOST}/":
            route.fulfill(body=body, content_type="text/html; charset=utf-8")
        elif url == f"{HOST}/plotly.min.js":
            route.fulfill(path=str(PLOTLY_JS), content_type="text/javascript")
        elif url == f"{HOST}/app/static/world_110m.json":
            route.fulfill(path=str(ROOT / "static" / "world_110m.json"))
        else:
            page.outside.append(url)
            route.abort()

    page.route("**/*", serve)
    page.goto(f"{HOST}/")
    page.wait_for_function("window.drawn !== undefined")
    result = page.evaluate("window.drawn")
    if result != "drawn":
        raise AssertionError(f"plotly.js could not draw the figure: {result}")
    page.wait_for_timeout(150)
    return page
