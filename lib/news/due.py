"""When a pledge is due: "by the end of June" → 30 June, "10월 말까지" → 31 October.

A pledge without a date keeps no due date. A month named alone is read as its next
occurrence on or after the meeting's month ("by March", said in November, is next March).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from lib.news.dates import MONTHS

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_ENGLISH = re.compile(
    rf"\b(?:by|before|no later than|until|till|within)\s+(?:the\s+)?"
    rf"(?:(?P<part>end|middle|mid|beginning|start)(?:\s+of|-)\s*)?"
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month_a>{_MONTH_NAMES})\.?"
    rf"|(?P<month_b>{_MONTH_NAMES})\.?(?:\s+(?P<day_b>\d{{1,2}})(?:st|nd|rd|th)?)?"
    r"|(?P<this>this|the|next)\s+(?P<unit>year|month|week)"
    r"|(?P<amount>\w+)\s+(?P<units>days|weeks|months)"
    r"|(?P<lone_year>20\d\d))"
    r"(?:,?\s+(?P<year>20\d\d))?\b",
    re.IGNORECASE,
)
_KOREAN = re.compile(
    r"(?:(?P<year>20\d\d)년\s?)?"
    r"(?:(?P<month>\d{1,2})월\s?(?:(?P<day>\d{1,2})일|(?P<part>말|중순|초|중))?"
    r"|(?P<relative>연말|올해\s?말|올\s?연말|이달\s?말|다음\s?달|내달|상반기|하반기|연내))"
    r"\s?(?:까지|안에|내에|중에?|이내)"
)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "a": 1}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_of(month: int, base: date, year: str | None) -> int:
    if year:
        return int(year)
    return base.year + (1 if month < base.month else 0)


def due_date(pledge: str, meeting: date) -> date | None:
    """The day a pledge is due by, read from its own words, or None."""
    korean = re.search("[가-힣]", pledge)
    match = (_KOREAN if korean else _ENGLISH).search(pledge)
    if not match:
        return None
    try:
        return _korean_due(match, meeting) if korean else _english_due(match, meeting)
    except ValueError:  # "by 31 June": no such day
        return None


def _english_due(match: re.Match, meeting: date) -> date | None:
    part = (match.group("part") or "").lower()
    month_word = match.group("month_a") or match.group("month_b")
    if month_word:
        month = MONTHS[month_word.lower().rstrip(".")]
        year = _year_of(month, meeting, match.group("year"))
        day = match.group("day") or match.group("day_b")
        if day:
            return date(year, month, int(day))
        if part in ("middle", "mid"):
            return date(year, month, 15)
        if part in ("beginning", "start"):
            return date(year, month, 7)
        return _month_end(year, month)
    if match.group("lone_year"):
        return date(int(match.group("lone_year")), 12, 31)
    unit = (match.group("unit") or "").lower()
    if unit:
        ahead = match.group("this").lower() == "next"
        if unit == "year":
            return date(meeting.year + ahead, 12, 31)
        if unit == "month":
            month = meeting.month + ahead
            return _month_end(meeting.year + (month - 1) // 12, (month - 1) % 12 + 1)
        return meeting + timedelta(days=6 - meeting.weekday() + 7 * ahead)
    units = (match.group("units") or "").lower()
    amount = match.group("amount").lower()
    count = int(amount) if amount.isdigit() else _NUMBERS.get(amount)
    if not count:
        return None
    days = {"days": 1, "weeks": 7, "months": 30}[units]
    return meeting + timedelta(days=count * days)


def _korean_due(match: re.Match, meeting: date) -> date | None:
    relative = (match.group("relative") or "").replace(" ", "")
    if relative in ("연말", "올해말", "올연말", "연내"):
        return date(meeting.year, 12, 31)
    if relative == "이달말":
        return _month_end(meeting.year, meeting.month)
    if relative in ("다음달", "내달"):
        month = meeting.month % 12 + 1
        return _month_end(meeting.year + (meeting.month == 12), month)
    if relative == "상반기":
        return date(meeting.year, 6, 30)
    if relative == "하반기":
        return date(meeting.year, 12, 31)
    month = int(match.group("month"))
    year = _year_of(month, meeting, match.group("year"))
    if match.group("day"):
        return date(year, month, int(match.group("day")))
    if match.group("part") == "초":
        return date(year, month, 10)
    if match.group("part") in ("중순", "중"):
        return date(year, month, 20) if match.group("part") == "중순" else _month_end(year, month)
    return _month_end(year, month)
