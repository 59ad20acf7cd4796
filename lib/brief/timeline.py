"""The meetings on a line of years, drawn into a brief."""

from __future__ import annotations

from datetime import date

import pandas as pd

from lib.brief.document import MARK, MUTED, WARNING, WINDOW, Brief
from lib.i18n import _


def draw_timeline(pdf: Brief, meetings: pd.DataFrame, today: date) -> None:
    """The meetings on a line of years, drawn with PDF strokes: filled dots for exact
    dates, hollow ones over a pale bar for approximate ones, a tick for today."""
    first_year = int(meetings["date"].min().year)
    last_year = max(int(meetings["date_end"].max().year), today.year)
    start = pd.Timestamp(first_year, 1, 1)
    end = pd.Timestamp(last_year + 1, 1, 1)
    span = (end - start).days
    left, width = pdf.l_margin + 2, pdf.width - 4
    if pdf.will_page_break(30):
        pdf.add_page()
    axis = pdf.get_y() + 14

    def x_of(day: pd.Timestamp) -> float:
        return left + width * min(max((day - start).days, 0), span) / span

    pdf.set_draw_color(*MUTED)
    pdf.set_line_width(0.3)
    pdf.line(left, axis, left + width, axis)
    years = last_year + 1 - first_year
    step = 1 if years <= 12 else 2 if years <= 24 else 5
    pdf.set_font("nanum", "", 7)
    pdf.set_text_color(*MUTED)
    for year in range(first_year, last_year + 2):
        x = x_of(pd.Timestamp(year, 1, 1))
        pdf.line(x, axis - 1, x, axis + 1)
        if (year - first_year) % step == 0 and year <= last_year:
            pdf.set_xy(x, axis + 1.5)
            pdf.cell(width * 365 / span, 3, str(year), align="C" if years > 1 else "L")
    now = x_of(pd.Timestamp(today))
    pdf.set_draw_color(*WARNING)
    pdf.set_dash_pattern(dash=0.8, gap=0.8)
    pdf.line(now, axis - 11, now, axis + 1)
    pdf.set_dash_pattern()
    pdf.set_text_color(*WARNING)
    pdf.set_xy(now - 15, axis - 14)
    pdf.cell(15, 3, _("today"), align="R")

    lanes: list[float] = []  # the right end of the last mark in each lane, so marks do not pile up
    radius = 1.1
    for day, until, precision in zip(
        meetings["date"], meetings["date_end"], meetings["date_precision"], strict=True
    ):
        x = x_of(day)
        lane = next((i for i, right in enumerate(lanes) if right < x - radius * 2.2), None)
        if lane is None:
            lane = len(lanes) if len(lanes) < 4 else 0
            lanes.append(0) if lane == len(lanes) else None
        y = axis - 3 - lane * 2.6
        exact = precision == "day"
        if not exact:
            x_end = max(x_of(until), x + 0.6)
            pdf.set_fill_color(*WINDOW)
            pdf.rect(x, y - 0.7, x_end - x, 1.4, style="F")
        pdf.set_draw_color(*MARK)
        pdf.set_fill_color(*(MARK if exact else (255, 255, 255)))
        pdf.set_line_width(0.35)
        pdf.circle(x, y, radius, style="DF")
        lanes[lane] = max(lanes[lane], x + radius)
    pdf.set_y(axis + 5.5)
    pdf.text_block(
        _("● exact date   ○ approximate date, the bar its window   ┆ today"),
        size=7,
        colour=MUTED,
        gap=1,
    )
