"""The filtered view in words, and the briefs' file names."""

from __future__ import annotations

from datetime import date

import pandas as pd

from lib import filters as flt
from lib import i18n
from lib.i18n import _
from lib.meetings import month_label
from lib.shown import shown_country


def view_description(filters: flt.Filters, meetings: pd.DataFrame) -> str:
    """The filtered view in words: "Region: Asia · Apr 2019 – Dec 2025"."""
    parts = flt.described(filters)
    first, last = filters.start, filters.end
    if not meetings.empty:
        first = first or meetings["date"].min().strftime("%Y-%m")
        last = last or meetings["date"].max().strftime("%Y-%m")
    if first and last:
        parts.append(
            month_label(first) if first == last else f"{month_label(first)} – {month_label(last)}"
        )
    if not filters.chosen:
        parts.insert(0, _("All recorded meetings"))
    return " · ".join(parts)


def brief_file_name(country: str, today: date) -> str:
    """The country brief's file name in the session's language: brief_Canada_2026-11-29.pdf."""
    name = shown_country(country, i18n.current()).replace(" ", "_")
    return _("brief_{country}_{date}.pdf", country=_safe(name), date=today.isoformat())


def organisation_brief_file_name(filters: flt.Filters, today: date) -> str:
    """The organisation brief's file name, stating the filter and the day it was made, with
    the filter's values in the session's language as the CSV and XLSX file names write them."""
    described = flt.describe(filters, flt.shown_value)
    return _("organisation_brief_{view}_{date}.pdf", view=described, date=today.isoformat())


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in name).strip("-")
