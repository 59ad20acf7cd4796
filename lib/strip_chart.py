"""The Timeline's "Meetings by country" as a Vega-Lite chart drawn on a canvas.

Drawn by plotly, the strip was an SVG path per mark, each styled one by one: about 2,600
marks and 30,000 changes to the page at 10,000 meetings, most of a switch to the Timeline
(docs/benchmarks.md). Vega draws the same marks on one canvas.

Everything a mark shows is a column of `strip_rows` (its place, size, fill and tooltip
lines), so the spec holds only what the view's axes need: the country rows come from the
rows (one step of height each), the time axis from lib.figure_layout's whole months.
Dates are read and written in UTC, so a reader's time zone never moves a mark to the day
before. The legend is drawn beside the chart (`legend`).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape

import pandas as pd

from lib import i18n
from lib.countries import country_name
from lib.figure_layout import month_span
from lib.i18n import N_, _, n_
from lib.meetings import day_label, month_label
from lib.palette import MARK, WINDOW
from lib.programs import program_name

ROWS = "marks"  # the chart's dataset
ROW_STEP = 26  # pixels per country
TOOLTIP_LINES = 6  # lines under the country's name
LINE_WIDTH = 48  # characters of a tooltip line (Hangul: 3/5 of it)
PRECISIONS = {
    "week": N_("week"),
    "month": N_("month"),
    "quarter": N_("quarter"),
    "year": N_("year"),
}
# Vega (d3) time formats of a month and a year, UTC; "|" splits a label into lines.
MONTH_LABEL = {"en": "%b %Y", "ko": "%-m월|%Y년"}
YEAR_LABEL = {"en": "%Y", "ko": "%Y년"}
FONT = "'Source Sans', 'Source Sans Pro', 'Atlas Hangul', sans-serif"


def mark_diameter(meetings: int) -> int:
    """Pixels across a mark: larger for more meetings in its window, up to 8 of them."""
    return 8 + 2 * min(int(meetings), 8)


def _size(meetings: int) -> int:
    """Vega's size of a mark: the area of the square around the circle."""
    return mark_diameter(meetings) ** 2


def _when(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> str:
    """A meeting's date, or the window an approximate date stands for."""
    if precision == "day":
        return day_label(start)
    return _(
        "Some time {start} – {end} ({window})",
        start=day_label(start),
        end=day_label(end),
        window=_(PRECISIONS.get(precision, precision)),
    )


def _lines(*lines: str) -> list[str]:
    """Tooltip lines, wrapped short, TOOLTIP_LINES of them in all ("" for none)."""
    width = LINE_WIDTH if i18n.current() == "en" else LINE_WIDTH * 3 // 5
    wrapped = [part for line in lines if line for part in textwrap.wrap(line, width)]
    if len(wrapped) > TOOLTIP_LINES:
        rest = " ".join(wrapped[TOOLTIP_LINES - 1 :])
        wrapped = [*wrapped[: TOOLTIP_LINES - 1], textwrap.shorten(rest, width, placeholder="…")]
    return wrapped + [""] * (TOOLTIP_LINES - len(wrapped))


def _programs(listed: str) -> str:
    return "; ".join(program_name(p) for p in listed.split("; ") if p)


def _tooltip(mark, grouped: bool) -> list[str]:
    """The lines under a mark's country name."""
    if grouped:
        return _lines(month_label(mark.date), _("Meetings") + f": {mark.meetings:,}")
    return _lines(
        _when(mark.date, mark.date_end, mark.date_precision),
        n_("{count} meeting", "{count} meetings", mark.meetings) if mark.meetings > 1 else "",
        _("Counterpart: {name}", name=mark.counterpart or _("not named")),
        _(
            "Programs: {names}",
            names=_programs(mark.programs) if mark.programs else _("none recorded"),
        ),
        _("Source: {title}", title=mark.source or _("not given")),
    )


def country_order(marks: pd.DataFrame) -> list[str]:
    """ISO3 codes of the strip's countries from the top down: the earliest met first."""
    return marks.groupby("iso3")["date"].min().sort_values(kind="stable").index.tolist()


def strip_rows(marks: pd.DataFrame) -> list[dict]:
    """One row per mark of aggregates.strip_marks, with everything the chart shows of it."""
    if marks.empty:
        return []
    language = i18n.current()
    rank = {code: number for number, code in enumerate(country_order(marks))}
    names = {code: country_name(code, language) for code in rank}
    grouped = bool(marks["grouped"].any())
    rows = []
    for mark in marks.itertuples(index=False):
        approximate = bool(mark.approximate)
        tip = {"title": names[mark.iso3]}
        for number, line in enumerate(_tooltip(mark, grouped)):
            if line:
                # vega-tooltip shows "title" as a heading and the other keys as lines with
                # the key beside them: zero-width spaces keep those empty.
                tip["\u200b" * (number + 1)] = line
        rows.append(
            {
                "country": names[mark.iso3],
                "rank": rank[mark.iso3],
                "date": utc_ms(mark.date),
                # The window's bar runs to the end of its last day.
                "end": utc_ms(mark.date_end + pd.Timedelta(days=1)) if approximate else None,
                "size": _size(mark.meetings),
                "fill": "transparent" if approximate else MARK,
                "meetings": int(mark.meetings),
                "tip": tip,
            }
        )
    return rows


def utc_ms(day: pd.Timestamp) -> int:
    """A day as Vega reads a time: milliseconds since 1970 at midnight UTC."""
    return int(pd.Timestamp(day.year, day.month, day.day, tz="UTC").timestamp()) * 1000


@dataclass(frozen=True)
class Legend:
    """What the strip's marks mean, drawn beside the chart: (kind, label) pairs, kind one
    of "exact", "approximate", "window"."""

    entries: tuple[tuple[str, str], ...]


def legend(marks: pd.DataFrame) -> Legend:
    """The legend's entries for the kinds of marks drawn, also when only one kind is."""
    if marks.empty:
        return Legend(())
    grouped = bool(marks["grouped"].any())
    entries = []
    if (~marks["approximate"]).any():
        entries.append(("exact", _("Meetings in a month") if grouped else _("Exact date")))
    if marks["approximate"].any():
        entries += [("approximate", _("Approximate date")), ("window", _("Date window"))]
    return Legend(tuple(entries))


def time_encoding(
    field: str, title: str, first: pd.Timestamp | None, last: pd.Timestamp | None, fewest: int
) -> dict:
    """A Vega-Lite x encoding of times (milliseconds, UTC) from `first` to `last` in whole
    months, at least `fewest` of them (lib.figure_layout.month_span), labelled by month or
    year (never a time of day), each label opening its period."""
    language = i18n.current()
    if first is None or last is None:  # nothing drawn: this year's axis, by its year
        year = pd.Timestamp.today().year
        domain, ticks = [f"{year}-01-01", f"{year + 1}-01-01"], [f"{year}-01-01"]
        label = YEAR_LABEL[language]
    else:
        span = month_span(first, last, fewest_months=fewest)
        starts = pd.date_range(span.start, span.end, freq=f"{span.step}MS", inclusive="left")
        domain, ticks = [span.start, span.end], [f"{start:%Y-%m-%d}" for start in starts]
        label = (MONTH_LABEL if span.step < 12 else YEAR_LABEL)[language]
    return {
        "field": field,
        "type": "temporal",
        "scale": {"type": "utc", "domain": domain, "nice": False},
        "axis": {
            "title": title,
            "values": ticks,
            # Each label opens its month or year, to the right of its grid line.
            "labelExpr": f"split(utcFormat(datum.value, '{label}'), '|')",
            "labelAlign": "left",
            "labelOffset": 3,
            "labelFlush": False,
            "labelOverlap": False,
            "grid": True,
        },
    }


CONFIG = {
    # No description of every mark for screen readers: a canvas has none, and working
    # them out was a large part of drawing the strip.
    "aria": False,
    # Every row has its times and counts: no row-by-row check for missing ones.
    "mark": {"invalid": None},
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelFontSize": 12, "titleFontSize": 12},
}
EMBED = {
    "renderer": "canvas",
    "actions": False,
    "tooltip": {"anchor": "mark", "offsetX": 8, "offsetY": 8},
}


def strip_spec(marks: pd.DataFrame) -> dict:
    """The strip's Vega-Lite spec for these marks (aggregates.strip_marks); the rows go in
    as the dataset named ROWS (`strip_rows`)."""
    first = marks["date"].min() - pd.Timedelta(days=10) if len(marks) else None
    last = marks["date_end"].max() + pd.Timedelta(days=11) if len(marks) else None
    x = time_encoding("date", _("Date of the meeting"), first, last, fewest=3)
    y = {
        "field": "country",
        "type": "nominal",
        "sort": {"field": "rank", "op": "min", "order": "ascending"},
        "scale": {"paddingInner": 0, "paddingOuter": 0.3},
        "axis": {
            "title": _("Country"),
            # Level, above the country names: drawn sideways, a Korean title collided
            # with them.
            "titleAngle": 0,
            "titleAlign": "right",
            "titleAnchor": "end",
            "titleBaseline": "bottom",
            "titleX": 0,
            "titleY": -8,
            "labelLimit": 220,
            "grid": False,
            "ticks": False,
        },
    }
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "height": {"step": ROW_STEP},
        "padding": {"top": 24, "bottom": 4, "left": 0, "right": 8},
        # Times come as numbers: nothing to parse, row by row, in the browser.
        "data": {"name": ROWS, "format": {"parse": None}},
        "encoding": {"y": y},
        "layer": [
            {
                "transform": [{"filter": "datum.end"}],
                "mark": {"type": "rule", "strokeWidth": 7, "color": WINDOW},
                "encoding": {"x": x, "x2": {"field": "end"}},
            },
            {
                "mark": {
                    "type": "point",
                    "shape": "circle",
                    "stroke": MARK,
                    "strokeWidth": 2,
                    "opacity": 0.9,
                },
                "encoding": {
                    "x": x,
                    "size": {"field": "size", "type": "quantitative", "scale": None},
                    "fill": {"field": "fill", "type": "nominal", "scale": None},
                    "tooltip": {"field": "tip"},
                },
            },
        ],
        "config": CONFIG,
        "usermeta": {"embedOptions": EMBED},
    }


def legend_html(entries: Legend) -> str:
    """The legend as a line of HTML: a filled dot, a hollow one, a pale bar."""
    symbols = {
        "exact": f'<svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="{MARK}" '
        f'stroke="{MARK}" stroke-width="2"/></svg>',
        "approximate": f'<svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="none" '
        f'stroke="{MARK}" stroke-width="2"/></svg>',
        "window": f'<svg width="22" height="14"><rect x="0" y="3.5" width="22" height="7" '
        f'fill="{WINDOW}"/></svg>',
    }
    parts = "".join(
        f'<span class="strip-legend-entry" data-kind="{kind}" style="display:inline-flex;'
        f'align-items:center;gap:0.3rem">{symbols[kind]}{escape(label)}</span>'
        for kind, label in entries.entries
    )
    return (
        '<div class="strip-legend" style="display:flex;flex-wrap:wrap;align-items:center;'
        f'gap:0.4rem 1rem;font-size:0.85rem">{parts}</div>'
    )
