"""Plotly figures of the aggregates in lib.aggregates, in the run's language.

A builder takes an aggregate and returns a figure; none sees the meetings. Text a person
reads goes through lib.i18n, program names through `program_name`, dates through the
plotly date formats of lib.figure_layout (which also holds the axes, legends and scales
the figures share), so a figure depends only on its arguments and
`i18n.current()` and can be cached per language. Time axes step by whole months or years
whatever the slice (tests/test_slices.py).
Figures are built from trace and layout dicts without plotly's value-by-value checks
(they were a large share of a page's rerun); tests/test_figures_browser.py draws each one.

Colours work on Streamlit's light and dark backgrounds (white, #0e1117) alike, except the
sequential scales: "more" is darker on a light page and brighter on a dark one, so the
builders with a scale take `dark`.

The Timeline's two charts are Vega-Lite charts on a canvas (lib/month_chart.py,
lib/strip_chart.py): as plotly's SVG, the strip's thousands of marks and the bars were most
of a switch to the Timeline.
"""

import textwrap
from html import escape

import pandas as pd
import plotly.graph_objects as go

from lib.figure_layout import (
    LEGEND_ROOM,
    axis_title,
    caption_width,
    category_axis,
    colour_bar,
    count_axis,
    count_scale,
    legend_below,
    whole_step,
    y_caption,
)
from lib.i18n import _
from lib.programs import program_name

MEETINGS_BAR, COUNTRIES_BAR = "#0072B2", "#E69F00"
# Streamlit's theme draws the hover box in the page's background with pale grey text; a
# white box with dark text reads the same on light and dark pages.
HOVER_BOX = {"bgcolor": "#ffffff", "bordercolor": "#808495", "font": {"color": "#262730"}}


# ------------------------------------------------------------------ text in the run's language


def _html(text: object) -> str:
    """Text from people or data as plotly shows it (it reads a little HTML)."""
    return escape(str(text), quote=False)


def _wrapped(name: str, width: int, lines: int = 3) -> str:
    """A long label on a few lines ("<br>" between them); the last one cut with "…"."""
    parts = textwrap.wrap(name, width) or [name]
    if len(parts) > lines:
        parts = [
            *parts[: lines - 1],
            textwrap.shorten(" ".join(parts[lines - 1 :]), width, placeholder="…"),
        ]
    return "<br>".join(_html(part) for part in parts)


# ------------------------------------------------------------------ shared layout


def _figure(traces: list[dict], layout: dict) -> go.Figure:
    """A figure of trace and layout dicts, without plotly's value-by-value checks."""
    return go.Figure(data=traces, layout=layout, _validate=False)


# ------------------------------------------------------------------ the timeline


# ------------------------------------------------------------------ programs


def _program_labels(programs: list[str], width: int) -> tuple[list[str], int]:
    """Each program's label wrapped to `width` characters, and the most lines one takes."""
    labels = [_wrapped(program_name(program), width) for program in programs]
    return labels, max((label.count("<br>") + 1 for label in labels), default=1)


def program_figure(interest: pd.DataFrame) -> go.Figure:
    """Horizontal bars of meetings and countries per program (aggregates.program_interest).

    Long names are wrapped so the bars keep their width; the hover gives the full name.
    """
    programs = interest["program"].tolist()
    labels, lines = _program_labels(programs, 22)
    traces = [
        {
            "type": "bar",
            "x": interest[column].tolist(),
            "y": programs,
            "orientation": "h",
            "name": label,
            "marker": {"color": colour},
            # The axis shows the wrapped label; the hover gives the whole name.
            "customdata": [_html(program_name(program)) for program in programs],
            "hovertemplate": "<b>%{customdata}</b><br>" + label + ": %{x}<extra></extra>",
        }
        for column, label, colour in (
            ("meetings", _("Meetings"), MEETINGS_BAR),
            ("countries", _("Countries"), COUNTRIES_BAR),
        )
    ]
    top = int(interest["meetings"].max()) if len(interest) else 1
    caption = _("Program")
    layout = {
        "barmode": "group",
        "height": max(320, max(44, 16 * lines + 14) * len(programs) + 170),
        "margin": {"l": caption_width(caption), "r": 0, "t": 30, "b": LEGEND_ROOM},
        "showlegend": bool(programs),
        "legend": legend_below(),
        "xaxis": count_axis(_("Meetings or countries"), top),
        "yaxis": category_axis(programs, labels),
        "annotations": [y_caption(caption)],
        "hoverlabel": HOVER_BOX,
    }
    return _figure(traces, layout)


def heatmap_figure(counts: pd.DataFrame, *, dark: bool = False) -> go.Figure:
    """Program × region heatmap of meetings (aggregates.program_region_counts): 0 in a
    neutral near the page's colour, 1 and more in a blue that grows stronger, every cell's
    count written in it."""
    programs = [str(program) for program in counts.index]
    regions = [str(region) for region in counts.columns]
    labels, lines = _program_labels(programs, 24)
    values = counts.to_numpy()
    top = int(values.max()) if values.size else 1
    traces = [
        {
            "type": "heatmap",
            "z": values.tolist(),
            "x": [_(region) for region in regions],
            "y": programs,
            "zmin": 0,
            "zmax": max(1, top),
            "colorscale": count_scale(dark, top),
            "xgap": 2,
            "ygap": 2,
            "texttemplate": "%{z}",
            "colorbar": colour_bar(_("Meetings"), tickformat=",d", dtick=whole_step(top)),
            "customdata": [[_html(program_name(program))] * len(regions) for program in programs],
            "hovertemplate": "<b>%{customdata}</b><br>%{x}: %{z}<extra></extra>",
        }
    ]
    row = max(36, 16 * lines + 12)
    caption = _("Program")
    layout = {
        "height": row * len(programs) + 210,
        "margin": {"l": caption_width(caption), "r": 0, "t": 30, "b": 70},
        "xaxis": {"title": axis_title(_("Region")), "side": "bottom", "automargin": True},
        "yaxis": category_axis(programs, labels),
        "annotations": [y_caption(caption)],
        "hoverlabel": HOVER_BOX,
    }
    return _figure(traces, layout)
