"""What the review of drafts needs: a draft's date window in words, and the drafts as a file."""

from __future__ import annotations

import contextvars
import io

import pandas as pd

from lib import i18n
from lib.i18n import N_, _
from lib.meetings import FORMAT_COLUMNS
from lib.news.dates import window_of_cells

MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip


def window_in_words(record: dict[str, str], language: str | None = None) -> str:
    """The days a draft's date stands for, as people read them ("≈ 2–8 Apr 2019")."""
    language = language or i18n.current()
    return contextvars.copy_context().run(_in_language, record, language)


def _in_language(record: dict[str, str], language: str) -> str:
    i18n.use(language)
    precision = (record.get("date_precision") or "").strip()
    window = window_of_cells(record.get("date", ""), precision)
    if window is None:
        return _("date not readable")
    first, last = window.first, window.last

    def month(day) -> str:
        return _(MONTHS[day.month - 1])

    values = dict(
        day=first.day, month=month(first), month_number=first.month, year=first.year,
        last_day=last.day, last_month=month(last), last_month_number=last.month,
        last_year=last.year,
    )  # fmt: skip
    if first == last:
        return _("{day} {month} {year}", **values)
    if precision == "week" or window.days <= 7:
        if (first.year, first.month) == (last.year, last.month):
            return _("≈ {day}–{last_day} {month} {year}", **values)
        if first.year == last.year:
            return _("≈ {day} {month} – {last_day} {last_month} {year}", **values)
        return _("≈ {day} {month} {year} – {last_day} {last_month} {last_year}", **values)
    if precision == "month":
        return _("≈ {month} {year}", **values)
    if precision == "quarter":
        return _("≈ {month}–{last_month} {year}", **values)
    if precision == "year":
        return _("≈ {year}", **values)
    return _("≈ {day} {month} {year} – {last_day} {last_month} {last_year}", **values)


def drafts_csv_bytes(drafts: list[dict[str, str]]) -> bytes:
    """The drafts as a format v1 CSV (UTF-8 with a byte-order mark), as the import takes it."""
    from lib.export import guard_formulas

    table = pd.DataFrame(list(drafts), columns=list(FORMAT_COLUMNS), dtype="str").fillna("")
    buffer = io.StringIO()
    guard_formulas(table).to_csv(buffer, index=False, lineterminator="\n")
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
