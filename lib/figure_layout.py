"""What the app's figures share: the span of a time axis in whole months (the Timeline's
Vega-Lite charts), and for the plotly figures count and category axes, legends under the
plot, a level caption titling a category axis, colour bars and scales.

Text passed in is already in the run's language.
"""

import math
from typing import NamedTuple

import pandas as pd

GRID = "rgba(128,128,128,0.4)"
# Few → many (or long ago → recent): paler to darker on a light page, dimmer to brighter on
# a dark one. Both lowest colours stay apart from the page.
SCALE_LIGHT = [
    "#dbe9f6",
    "#bcd7ee",
    "#94c4e4",
    "#6aaed8",
    "#4292c6",
    "#2171b5",
    "#08519c",
    "#08306b",
]
SCALE_DARK = [
    "#1d3d63",
    "#1f5488",
    "#236cad",
    "#2f86cf",
    "#4ea2e8",
    "#7bbdf6",
    "#abd5fb",
    "#dcefff",
]

NONE_LIGHT, NONE_DARK = "#f2f3f5", "#181c24"  # cells counting 0, next to white or #0e1117
# Steps of a time axis, in months: never less than a month, so a narrow slice (three
# meetings on one day) shows months, not hours of that day.
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)
MOST_TICKS = 7  # labels on a time axis, few enough for a phone
LEGEND_ROOM = 40  # pixels under a plot for its legend (one line; plotly adds more if needed)


class MonthSpan(NamedTuple):
    """A time axis's first and last day ("YYYY-MM-01", the end excluded) and its step in
    months."""

    start: str
    end: str
    step: int


def axis_title(text: str) -> dict:
    """An axis title kept clear of the tick labels."""
    # Without a standoff, plotly 7 can lay a y title over long tick labels.
    return {"text": text, "standoff": 8}


def whole_step(top: float) -> int:
    """A tick step of 1, 2 or 5 × 10ⁿ giving at most about six ticks up to `top`."""
    rough = max(top, 1) / 5
    power = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    return max(1, next(step * power for step in (1, 2, 5, 10) if step * power >= rough))


def count_axis(title: str, top: float) -> dict:
    """An axis of whole counts from 0 (no half meetings)."""
    return {
        "title": axis_title(title),
        "rangemode": "tozero",
        "tick0": 0,
        "dtick": whole_step(top),
        "tickformat": ",d",
        "gridcolor": GRID,
        "automargin": True,
    }


def _month_index(day: pd.Timestamp) -> int:
    return day.year * 12 + day.month - 1


def _month_start(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}-01"


def month_span(first: pd.Timestamp, last: pd.Timestamp, fewest_months: int) -> MonthSpan:
    """A time axis from `first` to `last` in whole months, at least `fewest_months` long,
    ticked every month or more (never a day's hours); the first tick opens the first period
    drawn, so its month or year is labelled."""
    low, high = _month_index(first), _month_index(last) + 1
    if high - low < fewest_months:  # a narrow slice, centred in a few months
        extra = fewest_months - (high - low)
        low, high = low - extra // 2, high + extra - extra // 2
    step = next(
        (s for s in MONTH_STEPS if math.ceil((high - low) / s) <= MOST_TICKS), MONTH_STEPS[-1]
    )
    start = low - low % step
    end = start + math.ceil((high - start) / step) * step
    return MonthSpan(_month_start(start), _month_start(end), step)


def legend_below(**extra) -> dict:
    """A horizontal legend under the plot, where the toolbar (top right) never covers it,
    on a phone either."""
    return {
        "orientation": "h",
        "x": 0,
        "xanchor": "left",
        "y": 0,
        "yanchor": "bottom",
        "yref": "container",
        **extra,
    }


def caption_width(text: str) -> int:
    """Roughly how many pixels a caption takes at plotly's 12 px (Hangul is wider)."""
    return sum(13 if ord(letter) > 0x1100 else 8 for letter in text) + 6


def y_caption(title: str) -> dict:
    """The title of a category y axis, written level above its labels: drawn sideways, a
    Korean title collided with the labels."""
    return {
        "text": title,
        "xref": "paper",
        "x": 0,
        "xanchor": "right",
        "yref": "paper",
        "y": 1,
        "yanchor": "bottom",
        "yshift": 6,
        "textangle": 0,
        "showarrow": False,
    }


def category_axis(values: list[str], labels: list[str] | None = None) -> dict:
    """A category axis listing `values` from the top down, each shown with its label; its
    title is the figure's caption (`_y_caption`)."""
    axis = {
        "type": "category",
        "categoryorder": "array",
        "categoryarray": values,
        # Reversed rather than reordered: a heatmap's cell texts do not follow a reorder.
        "autorange": "reversed",
        "automargin": True,
    }
    if labels is not None:
        axis.update(tickmode="array", tickvals=values, ticktext=labels)
    return axis


def colour_bar(title: str, **ticks) -> dict:
    """A horizontal colour bar under the plot: it never squeezes the plot on a phone, and
    the toolbar (top right) never covers its title."""
    return {
        "orientation": "h",
        "title": {"text": title, "side": "top"},
        "x": 0.5,
        "xanchor": "center",
        "xref": "paper",
        "y": 0,
        "yanchor": "bottom",
        "yref": "container",
        "len": 0.5,
        "lenmode": "fraction",
        "thickness": 10,
        "outlinewidth": 0,
        **ticks,
    }


def count_scale(dark: bool, top: int) -> list[list]:
    """A scale of counts 0..`top`: 0 a neutral close to the page (nothing there), 1 already
    clearly coloured, more stronger; the scale's palest blue was too close to 0's."""
    colours = (SCALE_DARK if dark else SCALE_LIGHT)[2:]
    zero = NONE_DARK if dark else NONE_LIGHT
    half = 0.5 / max(1, top)  # between 0 and 1: no count falls there
    steps = len(colours) - 1
    # plotly.js ignores a scale whose last stop is not exactly 1.
    return [
        [0, zero],
        [half, zero],
        *([1 if i == steps else half + (1 - half) * i / steps, c] for i, c in enumerate(colours)),
    ]


def scale(dark: bool, reverse: bool = False) -> list[list]:
    """The sequential colour scale for a light or dark page, few → many unless `reverse`."""
    colours = SCALE_DARK if dark else SCALE_LIGHT
    colours = colours[::-1] if reverse else colours
    return [[i / (len(colours) - 1), colour] for i, colour in enumerate(colours)]
