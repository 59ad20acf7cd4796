"""The outreach map as a Vega-Lite chart whose spec never changes: only its rows do.

`map_spec` is the same whatever the colouring, filters, theme or language. Everything
that changes is a column of `country_rows` (one row per country with a shape): the colour
worked out here (the spec draws it with `scale: null`), the outline of the chosen
countries, the tooltip's lines, and the frame the projection zooms to. The browser then
swaps the rows of the chart it has, instead of building a new one; the legend is drawn
beside the chart (`legend`). The shapes come from static/world_countries.json, written
by scripts/prepare_world_map.py: one shape per ISO code, none across the antimeridian.
"""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from lib import aggregates, i18n
from lib.countries import CountryNotFound, country_name
from lib.i18n import N_, _
from lib.meetings import day_label
from lib.programs import program_name

SHAPES_FILE = Path(__file__).resolve().parent.parent / "static" / "world_countries.json"
SHAPES_OBJECT = "countries"  # the TopoJSON object holding the countries
ROWS = "countries"  # the name of the chart's dataset (the projection's signals read it)

# The map's colourings, declared once: the key is the address's value, the label is shown.
COLOURINGS = {
    "Meetings": N_("Meetings"),
    "Last contact": N_("Last contact"),
    "Coverage": N_("Coverage"),
}
DEFAULT_COLOURING = "Meetings"
COVERAGE = {  # status → (legend entry, colour), Okabe-Ito
    aggregates.MET_WITH_MISSION: (N_("Met, resident mission in Seoul"), "#0072B2"),
    aggregates.MET_WITHOUT_MISSION: (N_("Met, no resident mission"), "#56B4E9"),
    aggregates.NEVER_MET: (N_("Resident mission, never met"), "#E69F00"),
}
BORDER = "#808a96"  # country borders: 3.5:1 against white, 5.4:1 against #0e1117
SELECTED = "#D55E00"  # outline of the countries chosen in the filter
HEIGHT = 360  # pixels, in the spec; the page sets the chart's box to the world's proportions
TOOLTIP_LINES = 4  # lines under the country's name
LINE_WIDTH = 34  # characters of a tooltip line


@dataclass(frozen=True)
class Palette:
    """The map's colours on one of Streamlit's backgrounds."""

    scale: tuple[str, ...]  # few → many, long ago → recent
    nothing: str  # never met, or nothing to show: a grey unlike every colour of the scale


# The scales leave out the palest steps of the charts' blues: the fewest meetings and the
# oldest contacts must not look like the grey of a country never met.
LIGHT = Palette(
    scale=("#94c4e4", "#6aaed8", "#4292c6", "#2171b5", "#08519c", "#08306b"),
    nothing="#d9d9d9",
)
DARK = Palette(
    scale=("#1f5488", "#236cad", "#2f86cf", "#4ea2e8", "#7bbdf6", "#abd5fb", "#dcefff"),
    nothing="#3d4048",
)


def palette(dark: bool) -> Palette:
    """The colours for Streamlit's dark theme, or its light one."""
    return DARK if dark else LIGHT


# ------------------------------------------------------------------ shapes


@cache
def shapes() -> dict:
    """The TopoJSON topology of the countries (static/world_countries.json)."""
    return json.loads(SHAPES_FILE.read_text())


def decoded_arcs(world: dict) -> list[np.ndarray]:
    """A TopoJSON topology's arcs as (lon, lat) points (they are stored delta-encoded and
    quantised)."""
    (scale_x, scale_y), (left, bottom) = (
        world["transform"]["scale"],
        world["transform"]["translate"],
    )
    arcs = []
    for arc in world["arcs"]:
        points = np.cumsum(np.asarray(arc, dtype=float), axis=0)
        arcs.append(
            np.column_stack([points[:, 0] * scale_x + left, points[:, 1] * scale_y + bottom])
        )
    return arcs


def ring(arcs: list[np.ndarray], indices: list[int]) -> np.ndarray:
    """One ring of a shape from its arcs' indices (a negative index is an arc reversed)."""
    parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indices]
    return np.concatenate([parts[0]] + [part[1:] for part in parts[1:]])


@cache
def polygons() -> dict[str, tuple[tuple[np.ndarray, ...], ...]]:
    """Each country with a shape: its polygons, each a tuple of (lon, lat) rings."""
    world = shapes()
    arcs = decoded_arcs(world)
    return {
        shape["id"]: tuple(tuple(ring(arcs, r) for r in polygon) for polygon in shape["arcs"])
        for shape in world["objects"][SHAPES_OBJECT]["geometries"]
    }


@cache
def _shape_boxes() -> dict[str, tuple[tuple[float, float, float, float], ...]]:
    """Each country with a shape: its polygons as (west, east, south, north)."""
    return {
        code: tuple(
            (
                polygon[0][:, 0].min(),
                polygon[0][:, 0].max(),
                polygon[0][:, 1].min(),
                polygon[0][:, 1].max(),
            )
            for polygon in found
        )
        for code, found in polygons().items()
    }


def drawable_iso3() -> frozenset[str]:
    """Countries the map has a shape for."""
    return frozenset(_shape_boxes())


def undrawn_countries(summary: pd.DataFrame) -> pd.DataFrame:
    """Engaged countries the map has no shape for (small states, Kosovo...)."""
    return summary.loc[~summary["iso3"].isin(drawable_iso3()), ["country", "iso3", "meetings"]]


# ------------------------------------------------------------------ the frame (zoom)


def _natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """d3's naturalEarth1 projection of a point, in radians before scaling."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (
        0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))
    )
    y = phi * (
        1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))
    )
    return x, y


@dataclass(frozen=True)
class Frame:
    """What the projection shows: turned by `rotate` degrees, a box of projected units."""

    rotate: float
    west: float
    east: float
    south: float
    north: float

    def pixel(self, lon: float, lat: float, width: float, height: float) -> tuple[float, float]:
        """Where a point is drawn on a chart of this size (as the spec's signals place it)."""
        scale = min(width / (self.east - self.west), height / (self.north - self.south))
        x, y = _natural_earth(((lon + self.rotate + 180) % 360) - 180, lat)
        middle_x, middle_y = (self.west + self.east) / 2, (self.south + self.north) / 2
        return width / 2 + scale * (x - middle_x), height / 2 - scale * (y - middle_y)


def _projected(west: float, east: float, south: float, north: float, rotate: float) -> Frame:
    """The frame of a box of longitudes and latitudes, turned by `rotate`."""
    nearest = 0.0 if south <= 0 <= north else min(abs(south), abs(north))
    left = _natural_earth(west + rotate, nearest)[0]
    right = _natural_earth(east + rotate, nearest)[0]
    return Frame(rotate, left, right, _natural_earth(0, south)[1], _natural_earth(0, north)[1])


WORLD = _projected(-180, 180, -57, 84, 0)  # Antarctica is not drawn
# The world's width over its height as drawn (2.3): a box of these proportions has no blank
# band above, below or beside it.
WORLD_PROPORTIONS = (WORLD.east - WORLD.west) / (WORLD.north - WORLD.south)


def frame(codes: Collection[str], around: float) -> Frame:
    """The frame around these countries, with `around` times their size on each side; the
    world when that spans most of the globe (or none of them has a shape)."""
    boxes = [box for code in codes for box in _shape_boxes().get(code, ())]
    if not boxes:
        return WORLD
    covered: list[list[float]] = []
    for west, east in sorted((box[0], box[1]) for box in boxes):
        if covered and west <= covered[-1][1]:
            covered[-1][1] = max(covered[-1][1], east)
        else:
            covered.append([west, east])
    # Leave out the widest stretch of longitude with no country in it (it may hold ±180°).
    gaps = [
        covered[(i + 1) % len(covered)][0] + (360 if i == len(covered) - 1 else 0) - covered[i][1]
        for i in range(len(covered))
    ]
    widest = int(np.argmax(gaps))
    west, east = covered[(widest + 1) % len(covered)][0], covered[widest][1]
    east += 360 if east < west else 0
    south, north = min(box[2] for box in boxes), max(box[3] for box in boxes)
    height = max(north - south, 16) * (1 + 2 * around)
    width = max(max(east - west, 30) * (1 + 2 * around), 1.5 * height)  # wider than tall
    if width > 300:
        return WORLD
    middle_lon, middle_lat = (west + east) / 2, (south + north) / 2
    rotate = -((middle_lon + 180) % 360 - 180)
    return _projected(
        middle_lon - width / 2,
        middle_lon + width / 2,
        max(-89, middle_lat - height / 2),
        min(89, middle_lat + height / 2),
        rotate,
    )


# ------------------------------------------------------------------ rows


def _ramp(values: pd.Series, low: float, high: float, colours: tuple[str, ...]) -> list[str]:
    """Each value's colour, from colours[0] at `low` to colours[-1] at `high` (in RGB)."""
    stops = np.array([[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in colours], dtype=float)
    share = (values.to_numpy(dtype=float) - low) / (high - low) if high > low else 1.0
    position = np.clip(np.broadcast_to(share, len(values)), 0, 1) * (len(colours) - 1)
    rgb = np.column_stack(
        [np.interp(position, np.arange(len(colours)), stops[:, channel]) for channel in range(3)]
    )
    return ["#{:02x}{:02x}{:02x}".format(*row) for row in np.rint(rgb).astype(int)]


def line_width(language: str) -> int:
    """Characters of a tooltip line: Hangul is about twice as wide as Latin letters."""
    return LINE_WIDTH if language == "en" else LINE_WIDTH * 3 // 5


def _lines(*lines: str) -> list[str]:
    """Tooltip lines, each short (line_width), TOOLTIP_LINES of them in all."""
    width = line_width(i18n.current())
    wrapped = [part for line in lines if line for part in textwrap.wrap(line, width)]
    if len(wrapped) > TOOLTIP_LINES:
        rest = " ".join(wrapped[TOOLTIP_LINES - 1 :])
        wrapped = [*wrapped[: TOOLTIP_LINES - 1], textwrap.shorten(rest, width, placeholder="…")]
    return wrapped + [""] * (TOOLTIP_LINES - len(wrapped))


def country_rows(
    summary: pd.DataFrame,
    colour_by: str = DEFAULT_COLOURING,
    mission_list: pd.DataFrame | None = None,
    *,
    selected: Collection[str] = (),
    zoom: bool = False,
    dark: bool = False,
) -> pd.DataFrame:
    """One row per country with a shape: its colour, outline, tooltip lines and the frame.

    `summary` is aggregates.country_summary; `colour_by` a key of COLOURINGS; coverage
    also colours the never-met missions of `mission_list` (default: every mission). The
    ISO3 codes in `selected` are outlined. With `zoom`, the map frames the selected
    countries, or else every country with a meeting; without, it shows the world.
    """
    colours = palette(dark)
    mission_list = aggregates.missions() if mission_list is None else mission_list
    codes = sorted(drawable_iso3())
    rows = pd.DataFrame({"iso3": codes})
    met = summary.set_index("iso3").reindex(codes)
    known = met["meetings"].notna().to_numpy()
    residents = set(aggregates.missions()["iso3"])  # the tooltips say it of every country
    colour = np.full(len(codes), colours.nothing, dtype=object)
    if colour_by == "Coverage":
        in_view = set(mission_list["iso3"])
        with_mission = np.array([code in in_view for code in codes])
        for status, mask in (
            (aggregates.MET_WITH_MISSION, known & with_mission),
            (aggregates.MET_WITHOUT_MISSION, known & ~with_mission),
            (aggregates.NEVER_MET, ~known & with_mission),
        ):
            colour[mask] = COVERAGE[status][1]
    elif known.any():
        if colour_by == "Last contact":  # the most recent contact gets the strongest colour
            values = -met["months_since"][known]
        else:
            values = met["meetings"][known]
        colour[known] = _ramp(values, values.min(), values.max(), colours.scale)
    rows["colour"] = colour
    rows["outline"] = rows["iso3"].isin(set(selected))
    language = i18n.current()
    rows["title"] = [_name(code, language) for code in codes]
    lines = [
        _tooltip(met.iloc[i], known[i], code in residents, colour_by == "Coverage")
        for i, code in enumerate(codes)
    ]
    for number in range(TOOLTIP_LINES):
        rows[f"line{number + 1}"] = [found[number] for found in lines]
    shown = frame(selected, 0.5) if selected else frame(summary["iso3"], 0.05)
    shown = shown if zoom else WORLD
    rows["rotate"], rows["west"], rows["east"] = shown.rotate, shown.west, shown.east
    rows["south"], rows["north"] = shown.south, shown.north
    return rows


def _name(code: str, language: str) -> str:
    """A country's name; the few shapes of disputed areas have no ISO code of a country."""
    try:
        return country_name(code, language)
    except CountryNotFound:
        return _("Disputed area")


def _tooltip(row: pd.Series, known: bool, resident: bool, coverage: bool) -> list[str]:
    """The lines under a country's name: its meetings, or that it was not met yet."""
    mission = _("Resident mission in Seoul") if resident else _("No resident mission in Seoul")
    if not known:
        return _lines(_("Not met yet"), mission if coverage or resident else "")
    programs = ", ".join(program_name(p) for p in row["programs"].split(", ") if p)
    return _lines(
        _("Meetings") + f": {int(row['meetings'])}",
        _("Last meeting") + f": {day_label(row['last_date'])}",
        mission if coverage else "",
        _("Programs") + f": {programs}" if programs else "",
    )


# ------------------------------------------------------------------ legend


@dataclass(frozen=True)
class Legend:
    """What the colours mean, drawn beside the chart: a colour ramp and/or swatches."""

    title: str
    ramp: tuple[str, ...] = ()  # colours from `low` to `high`
    low: str = ""
    high: str = ""
    swatches: tuple[tuple[str, str], ...] = field(default=())  # (colour, label)


def legend(
    summary: pd.DataFrame,
    colour_by: str = DEFAULT_COLOURING,
    *,
    dark: bool = False,
) -> Legend:
    """The legend of `country_rows` with the same arguments, in the run's language."""
    colours = palette(dark)
    if colour_by == "Coverage":
        swatches = [(colour, _(label)) for label, colour in COVERAGE.values()]
        return Legend(
            _("Coverage"), swatches=(*swatches, (colours.nothing, _("No meeting, no mission")))
        )
    never = ((colours.nothing, _("Not met yet")),)
    if summary.empty:
        return Legend(_(COLOURINGS[colour_by]), swatches=never)
    if colour_by == "Last contact":  # the ramp runs from the oldest contact to the newest
        title, column = _("Months since the last meeting"), summary["months_since"]
        low, high = int(column.max()), int(column.min())
    else:
        title, column = _("Meetings"), summary["meetings"]
        low, high = int(column.min()), int(column.max())
    if low == high:  # every country shown has the strongest colour (_ramp): no range to show
        return Legend(title, swatches=((colours.scale[-1], f"{low:,}"), *never))
    return Legend(title, ramp=colours.scale, low=f"{low:,}", high=f"{high:,}", swatches=never)


# ------------------------------------------------------------------ the spec


def _frame_value(part: str) -> str:
    """A Vega expression reading one number of the frame from the rows (all rows hold it)."""
    return f"(length(data('{ROWS}')) ? data('{ROWS}')[0].{part} : 0)"


def map_spec(shapes_source: str | dict) -> dict:
    """The map's Vega-Lite spec: the same for every colouring, filter, theme and language.

    `shapes_source` is the address of the shapes file (the page) or the topology itself
    (a picture drawn without a browser). The rows go in as the dataset named ROWS.
    """
    topology_format = {"type": "topojson", "feature": SHAPES_OBJECT}
    if isinstance(shapes_source, str):
        shapes_data = {"url": shapes_source, "format": topology_format}
    else:
        shapes_data = {"values": shapes_source, "format": topology_format}
    west, east = _frame_value("west"), _frame_value("east")
    south, north = _frame_value("south"), _frame_value("north")
    scale = (
        f"max(1, min(width / max(1e-6, {east} - {west}), height / max(1e-6, {north} - {south})))"
    )
    tooltip = [{"field": "title", "title": "title"}] + [
        # vega-tooltip shows the field named "title" as a heading and the others as lines
        # with their title beside them: a zero-width space each keeps those empty.
        {"field": f"line{n + 1}", "title": "\u200b" * (n + 1)}
        for n in range(TOOLTIP_LINES)
    ]
    shape = {"field": "geo", "type": "geojson"}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "height": HEIGHT,
        # Streamlit adds a bottom padding to a spec without one, which would move the map.
        "padding": {"top": 0, "bottom": 0, "left": 0, "right": 0},
        "data": {"name": ROWS},
        "params": [{"name": "frame_scale", "expr": scale}],
        "projection": {
            "type": "naturalEarth1",
            "rotate": {"expr": f"[{_frame_value('rotate')}, 0]"},
            "scale": {"expr": "frame_scale"},
            "translate": {
                "expr": f"[width / 2 - frame_scale * ({west} + {east}) / 2,"
                f" height / 2 + frame_scale * ({south} + {north}) / 2]"
            },
        },
        "transform": [
            {
                "lookup": "iso3",
                "from": {"data": shapes_data, "key": "id"},
                "as": "geo",
            }
        ],
        "layer": [
            {
                "params": [
                    {"name": "pick", "select": {"type": "point", "fields": ["iso3"], "on": "click"}}
                ],
                "mark": {
                    "type": "geoshape",
                    "stroke": BORDER,
                    "strokeWidth": 0.5,
                    "clip": True,
                    "cursor": "pointer",
                },
                "encoding": {
                    "shape": shape,
                    "color": {"field": "colour", "type": "nominal", "scale": None},
                    "tooltip": tooltip,
                },
            },
            {
                "transform": [{"filter": "datum.outline"}],
                "mark": {
                    "type": "geoshape",
                    "fill": None,
                    "stroke": SELECTED,
                    "strokeWidth": 2.5,
                    "clip": True,
                },
                "encoding": {"shape": shape},
            },
        ],
        "config": {"view": {"stroke": None}},
        "usermeta": {
            "embedOptions": {
                "renderer": "canvas",
                # Beside the country's shape, not over it.
                "tooltip": {"anchor": "mark", "offsetX": 8, "offsetY": 8},
            }
        },
    }
