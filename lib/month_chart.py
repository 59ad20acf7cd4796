"""The Timeline's "Meetings per month" as a Vega-Lite chart on a canvas: bars a month wide,
stacked by region, on the same time axis as the strip (lib/strip_chart.py).

Drawn by plotly, this chart was the rest of a switch to the Timeline once the strip was on
a canvas: plotly.js was loaded and laid out for a few hundred rectangles. Its rows hold
each bar's month and tooltip; the spec, its axes and the legend of regions.
"""

from __future__ import annotations

import pandas as pd

from lib.figure_layout import whole_step
from lib.i18n import N_, _
from lib.meetings import month_label
from lib.strip_chart import CONFIG, EMBED, time_encoding, utc_ms

ROWS = "months"  # the chart's dataset
# Okabe-Ito: told apart by people with the common forms of colour blindness, and legible
# on white and on Streamlit's dark background.
REGION_COLOURS = {
    N_("Africa"): "#E69F00",
    N_("Americas"): "#0072B2",
    N_("Asia"): "#009E73",
    N_("Europe"): "#CC79A7",
    N_("Oceania"): "#D55E00",
}
HEIGHT = 300  # pixels of the plot, axes and legend under it
GAP_DAYS = 2  # each side of a bar, inside its month


def month_rows(counts: pd.DataFrame) -> list[dict]:
    """One row per month and region of aggregates.monthly_counts: the bar's span (a month,
    less a small gap each side), its region and count, its tooltip."""
    rows = []
    gap = pd.Timedelta(days=GAP_DAYS)
    for month, region, meetings in zip(
        counts["month"], counts["region"], counts["meetings"], strict=True
    ):
        name = _(region)
        rows.append(
            {
                "start": utc_ms(month + gap),
                "end": utc_ms(month + pd.offsets.MonthBegin(1) - gap),
                "region": name,
                "order": list(REGION_COLOURS).index(region) if region in REGION_COLOURS else 9,
                "meetings": int(meetings),
                # Zero-width spaces: tooltip lines without a key beside them.
                "tip": {
                    "title": name,
                    "\u200b": month_label(month),
                    "\u200b\u200b": _("Meetings") + f": {meetings:,}",
                },
            }
        )
    return rows


def month_spec(counts: pd.DataFrame) -> dict:
    """The chart's Vega-Lite spec for these counts; the rows (`month_rows`) go in as the
    dataset named ROWS."""
    if len(counts):
        first = counts["month"].min()
        last = counts["month"].max() + pd.offsets.MonthEnd(0)
        top = int(counts.groupby("month")["meetings"].sum().max())
    else:
        first = last = None
        top = 1
    step = whole_step(top)
    ceiling = -(-top // step) * step
    drawn = [region for region in REGION_COLOURS if region in set(counts["region"])]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "height": HEIGHT,
        "padding": {"top": 8, "bottom": 4, "left": 0, "right": 8},
        "data": {"name": ROWS, "format": {"parse": None}},
        "mark": {"type": "bar", "orient": "vertical"},
        "encoding": {
            "x": time_encoding("start", _("Month"), first, last, fewest=6),
            "x2": {"field": "end"},
            "y": {
                "field": "meetings",
                "type": "quantitative",
                "stack": "zero",
                # Whole meetings only, a step of 1, 2 or 5 × 10ⁿ, up to the tick over
                # the highest month.
                "scale": {"domain": [0, ceiling]},
                "axis": {
                    "title": _("Meetings"),
                    "format": ",d",
                    "values": list(range(0, ceiling + 1, step)),
                    "titleAngle": 0,
                    "titleAlign": "left",
                    "titleAnchor": "end",
                    "titleBaseline": "bottom",
                    "titleX": 0,
                    "titleY": -2,
                },
            },
            "color": {
                "field": "region",
                "type": "nominal",
                "scale": {
                    "domain": [_(region) for region in drawn],
                    "range": [REGION_COLOURS[region] for region in drawn],
                },
                # Under the plot, also for one region: the legend says what the colour is.
                "legend": {
                    "title": _("Region"),
                    "orient": "bottom",
                    "direction": "horizontal",
                    "titleOrient": "left",
                    "symbolType": "square",
                    # On a phone, on two lines.
                    "columns": {"expr": "width < 500 ? 3 : 5"},
                },
            },
            "order": {"field": "order", "type": "quantitative"},
            "tooltip": {"field": "tip"},
        },
        "config": CONFIG,
        "usermeta": {"embedOptions": EMBED},
    }
