"""What the Timeline's two charts draw, read from Vega's own drawing of them (vl-convert, no
browser): the axis labels and titles as a person reads them, every mark, date window and
bar with its place, the legend; and, in the app, their canvases and tooltips."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

import pandas as pd
import vl_convert

from lib import month_chart, strip_chart

SVG = "{http://www.w3.org/2000/svg}"
TRANSLATE = re.compile(r"translate\(([-\d.e]+),([-\d.e]+)\)")


def day(ms: int | None) -> str | None:
    """A row's time (milliseconds since 1970, UTC) as the day it stands for."""
    return None if ms is None else f"{pd.Timestamp(ms, unit='ms'):%Y-%m-%d}"


def tooltip_lines(row: dict) -> list[str]:
    """The lines under a mark's heading in its tooltip."""
    return [line for key, line in row["tip"].items() if key != "title"]


@dataclass
class Mark:
    x: float
    y: float
    filled: bool
    across: float  # pixels
    row: dict  # the row it was drawn from


@dataclass
class Window:
    start: float
    end: float
    y: float


@dataclass
class Axis:
    title: str
    title_rotated: bool
    labels: list[str]  # each label's lines joined by a space


@dataclass
class Drawn:
    x: Axis
    y: Axis
    marks: list[Mark]
    windows: list[Window]
    spec: dict
    rows: list[dict]


def _text(element) -> str:
    spans = element.findall(f"{SVG}tspan")
    return " ".join(span.text or "" for span in spans) if spans else (element.text or "")


def _classed(root, name: str):
    return [g for g in root.iter(f"{SVG}g") if name in (g.get("class") or "").split()]


def _axis(group) -> Axis:
    (labels,) = _classed(group, "role-axis-label")
    (title,) = _classed(group, "role-axis-title")
    (title_text,) = title.iter(f"{SVG}text")
    return Axis(
        title=_text(title_text),
        title_rotated="rotate" in (title_text.get("transform") or ""),
        labels=[_text(text) for text in labels.iter(f"{SVG}text")],
    )


def _axes(root) -> dict[str, Axis]:
    return {
        (g.get("aria-label") or "")[:1]: _axis(g)
        for g in _classed(root, "role-axis")
        if (g.get("aria-label") or "").startswith(("X-axis", "Y-axis"))
    }


def _svg(spec: dict, dataset: str, rows: list[dict], width: int):
    # With ARIA on (the app leaves it off: a canvas has none), Vega names its axes.
    drawing = {
        **spec,
        "config": {**spec["config"], "aria": True},
        "width": width,
        "datasets": {dataset: rows},
    }
    return ElementTree.fromstring(vl_convert.vegalite_to_svg(drawing))


def _marks(root, kind: str):
    """The one group of marks of this kind ("mark-symbol", "mark-rect"…) in a drawing."""
    (group,) = [g for g in _classed(root, kind) if "role-mark" in g.get("class")]
    return group


def _place(element) -> tuple[float, float]:
    found = TRANSLATE.search(element.get("transform") or "")
    return (float(found[1]), float(found[2])) if found else (0.0, 0.0)


def drawn(marks: pd.DataFrame, width: int = 800) -> Drawn:
    """The strip of these marks (aggregates.strip_marks) as Vega draws it, `width` wide."""
    spec = strip_chart.strip_spec(marks)
    rows = strip_chart.strip_rows(marks)
    root = _svg(spec, strip_chart.ROWS, rows, width)
    axes = _axes(root)
    symbols, rules = _marks(root, "mark-symbol"), _marks(root, "mark-rule")
    drawn_marks = []
    for path, row in zip(symbols.iter(f"{SVG}path"), rows, strict=True):
        x, y = _place(path)
        radius = float(re.match(r"M([\d.]+),", path.get("d"))[1])
        fill = path.get("fill")
        drawn_marks.append(Mark(x, y, fill not in (None, "none", "transparent"), 2 * radius, row))
    windows = []
    for line in rules.iter(f"{SVG}line"):
        x, y = _place(line)
        windows.append(Window(x, x + float(line.get("x2")), y))
    return Drawn(axes["X"], axes["Y"], drawn_marks, windows, spec, rows)


@dataclass
class Bar:
    left: float
    right: float
    top: float
    bottom: float
    colour: str
    row: dict  # the row it was drawn from


@dataclass
class Months:
    x: Axis
    y: Axis
    bars: list[Bar]
    legend_title: str
    legend: list[tuple[str, str]]  # (label, colour)
    plot_width: float
    spec: dict
    rows: list[dict]


RECT = re.compile(r"M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v([-\d.e]+)h")


def drawn_months(counts: pd.DataFrame, width: int = 800) -> Months:
    """Meetings per month (aggregates.monthly_counts) as Vega draws it, `width` wide."""
    spec = month_chart.month_spec(counts)
    rows = month_chart.month_rows(counts)
    root = _svg(spec, month_chart.ROWS, rows, width)
    axes = _axes(root)
    rects = _marks(root, "mark-rect")
    bars = []
    for path, row in zip(rects.iter(f"{SVG}path"), rows, strict=True):
        x, y, across, high = (float(n) for n in RECT.match(path.get("d")).groups())
        bars.append(Bar(x, x + across, y, y + high, path.get("fill"), row))
    legend, title = [], ""
    for group in _classed(root, "role-legend"):
        (heading,) = [_text(t) for g in _classed(group, "role-legend-title") for t in g]
        title = heading
        symbols = [p.get("fill") for g in _classed(group, "role-legend-symbol") for p in g]
        labels = [_text(t) for g in _classed(group, "role-legend-label") for t in g]
        legend = list(zip(labels, symbols, strict=True))
    return Months(axes["X"], axes["Y"], bars, title, legend, width, spec, rows)


# In the app ----------------------------------------------------------------------------


def chart_canvas(page, number: int):
    """The Timeline's chart `number` (0: meetings per month, 1: by country): the canvas
    Vega draws it on, once it is drawn (a chart without a selection gets no key class)."""
    canvas = page.locator('[data-testid="stVegaLiteChart"] canvas').nth(number)
    canvas.wait_for(state="visible", timeout=30_000)
    canvas.scroll_into_view_if_needed()
    page.mouse.move(0, 0)  # no tooltip over the marks
    page.wait_for_timeout(300)
    return canvas


def strip_canvas(page):
    """The canvas of the Timeline's strip of meetings by country."""
    return chart_canvas(page, 1)


def mark_pixels(page, colour: str, number: int = 1) -> list[tuple[int, int]]:
    """Points of the Timeline's chart `number` (1: the strip), on the page, drawn in this
    colour ("#rrggbb")."""
    from PIL import Image

    from tests.browsing import close

    canvas = chart_canvas(page, number)
    box = canvas.bounding_box()
    picture = Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")
    width, height = picture.size
    found = []
    for y in range(0, height, 2):
        for x in range(0, width, 2):
            if close("#{:02x}{:02x}{:02x}".format(*picture.getpixel((x, y))), colour):
                found.append((box["x"] + x, box["y"] + y))
    return found


def tooltip_at(page, point: tuple[float, float]) -> str:
    """A Vega chart's tooltip at this point of the page: its lines of text."""
    page.mouse.move(point[0] - 3, point[1] - 3)
    page.mouse.move(*point)
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(state="visible", timeout=10_000)
    return tooltip.inner_text().replace("\u200b", "")
