"""The date grammar of format v1 (a date cell and its window) and dates as people read them."""

import re
from collections.abc import Callable
from datetime import date

import pandas as pd

from lib.i18n import L_, current
from lib.meetings.schema import FIRST_YEAR, LAST_YEAR, PRECISIONS

_DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), "day"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE), "quarter"),
    (re.compile(r"^(\d{4})$"), "year"),
)


_SLASHED_DATE = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$")


_WINDOW = {
    "day": pd.DateOffset(days=0),
    "week": pd.DateOffset(days=6),
    "month": pd.DateOffset(months=1, days=-1),
    "quarter": pd.DateOffset(months=3, days=-1),
    "year": pd.DateOffset(years=1, days=-1),
}


def parse_date(text: str) -> tuple[date | None, str | None, L_ | None]:
    """A date cell as (start of its window, precision its form implies, problem or None)."""
    if not text:
        return None, None, L_("The date is empty. Write it as YYYY-MM-DD (or YYYY-MM, YYYY).")
    if _SLASHED_DATE.match(text):
        return (
            None,
            None,
            L_(
                "'{text}' could be read day-first or month-first. "
                "Write it as YYYY-MM-DD, for example 2019-04-09.",
                text=text,
            ),
        )
    for pattern, form in _DATE_FORMS:
        match = pattern.match(text)
        if not match:
            continue
        year = int(match[1])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            message = L_(
                "'{text}' is outside the years {first}–{last}.",
                text=text,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
            return None, None, message
        try:
            if form == "day":
                return date(year, int(match[2]), int(match[3])), form, None
            if form == "month":
                return date(year, int(match[2]), 1), form, None
            if form == "quarter":
                return date(year, 3 * int(match[2]) - 2, 1), form, None
            return date(year, 1, 1), form, None
        except ValueError:
            return (
                None,
                None,
                L_("'{text}' is not a real date. Check the month and day.", text=text),
            )
    return (
        None,
        None,
        L_(
            "'{text}' is not a date this app reads. "
            "Write YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, for example 2019-04-09.",
            text=text,
        ),
    )


def _parse_due(text: str) -> date | L_ | None:
    """The due date, None when empty, or a problem message."""
    if not text:
        return None
    start, form, message = parse_date(text)
    if message:
        return message
    if form != "day":
        return L_("'{text}' is not a full date. Write the due date as YYYY-MM-DD.", text=text)
    return start


def window_start(day: date, precision: str) -> date:
    """The first day of the window a day falls in at this precision: the calendar month,
    quarter or year containing it ("2019-04-15" at "month" is April from the 1st); a day or a
    week starts on the day given."""
    if precision == "month":
        return day.replace(day=1)
    if precision == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


def window_starts(days: pd.Series, precision: pd.Series) -> pd.Series:
    """The first day of each row's window (see window_start), for a whole column."""
    starts = days.copy()
    for name, period in (("month", "M"), ("quarter", "Q"), ("year", "Y")):
        within = (precision == name).to_numpy()
        if within.any():
            starts[within] = days[within].dt.to_period(period).dt.start_time
    return starts


def date_cell(start: date, precision: str) -> str:
    """The date cell of format v1 for a window's first day and its precision ("2019-Q2")."""
    if precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if precision == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if precision == "year":
        return f"{start.year:04d}"
    return start.isoformat()


_CELL_FORMS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def date_cells(dates: pd.Series, precision: pd.Series) -> pd.Series:
    """Each window start written as its date cell (see date_cell), for a whole column."""
    return dates_by_precision(dates, precision, _CELL_FORMS, lambda year, n: year + "-Q" + n)


def window_end(start: date, precision: str) -> date:
    """The last day of the window that starts on `start` and is as wide as `precision`."""
    return (pd.Timestamp(start) + _WINDOW.get(precision, _WINDOW["day"])).date()


def _window_ends(starts: pd.Series, precision: pd.Series) -> pd.Series:
    """The last day of each row's window (see window_end)."""
    ends = starts.copy()
    for name, offset in _WINDOW.items():
        within = precision == name
        if within.any() and name != "day":
            ends[within] = starts[within] + offset
    return ends


def dates_by_precision(
    dates: pd.Series,
    precision: pd.Series,
    forms: dict[str, str],
    quarter: Callable[[pd.Series, pd.Series], pd.Series],
) -> pd.Series:
    """Each date written in the strftime form of its precision; quarters by `quarter(year, n)`."""
    text = pd.Series("", index=dates.index, dtype="str")
    for name, form in forms.items():
        within = precision == name
        if within.any():
            text[within] = dates[within].dt.strftime(form)
    quarters = precision == "quarter"
    if quarters.any():
        starts = dates[quarters]
        text[quarters] = quarter(starts.dt.strftime("%Y"), starts.dt.quarter.astype(str))
    return text


_LABEL_FORMS = {
    "day": "%d %b %Y",
    "week": "≈ week of %d %b %Y",
    "month": "≈ %b %Y",
    "year": "≈ %Y",
}


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


_KOREAN_WEEKS = ("첫째", "둘째", "셋째", "넷째", "다섯째")


def dates_shown(dates: pd.Series, precision: pd.Series, language: str | None = None) -> pd.Series:
    """Dates (window starts) as people read them in `language` (default: the current one).

    The one way the app shows a meeting's date: English marks approximate dates with ≈
    ("09 Apr 2019", "≈ week of 02 Apr 2019", "≈ Q2 2019"); Korean with 경 or as a quarter
    ("2019년 4월 9일", "2019년 4월 첫째 주경", "2019년 2분기"). No date shows as "".
    """
    precision = pd.Series(list(precision), index=dates.index, dtype="str")
    if (language or current()) == "ko":
        return _korean_date_labels(dates, precision)
    return dates_by_precision(
        dates, precision, _LABEL_FORMS, lambda year, number: "≈ Q" + number + " " + year
    ).fillna("")


def date_labels(meetings: pd.DataFrame, language: str | None = None) -> pd.Series:
    """The meetings' dates as people read them (see dates_shown)."""
    return dates_shown(meetings["date"], meetings["date_precision"], language)


def date_label(start: date, precision: str, language: str | None = None) -> str:
    """One date as people read it, approximate ones marked ("≈ week of 02 Apr 2019")."""
    shown = dates_shown(pd.Series([pd.Timestamp(start)]), pd.Series([precision]), language)
    return str(shown.iloc[0])


def _korean_date_labels(dates: pd.Series, precision: pd.Series) -> pd.Series:
    text = pd.Series("", index=dates.index, dtype="str")
    for name in PRECISIONS:
        within = (precision == name) & dates.notna()
        if not within.any():
            continue
        days = dates[within]
        month = days.dt.strftime("%Y년 ") + days.dt.month.astype("str") + "월"
        if name == "day":
            text[within] = month + " " + days.dt.day.astype("str") + "일"
        elif name == "week":  # the week of the month the window starts in
            weeks = pd.Series(_KOREAN_WEEKS, dtype="str")[(days.dt.day.to_numpy() - 1) // 7]
            text[within] = month + " " + weeks.to_numpy() + " 주경"
        elif name == "month":
            text[within] = month + "경"
        elif name == "quarter":
            text[within] = days.dt.strftime("%Y년 ") + days.dt.quarter.astype("str") + "분기"
        else:
            text[within] = days.dt.strftime("%Y년경")
    return text


def month_label(month: date | str, language: str | None = None) -> str:
    """A month as people read it: "Apr 2019" or "2019년 4월" (from a date or "2019-04")."""
    if isinstance(month, str):
        month = date(int(month[:4]), int(month[5:7]), 1)
    if (language or current()) == "ko":
        return f"{month.year}년 {month.month}월"
    return f"{_MONTHS[month.month - 1]} {month.year}"


def day_label(day: date, language: str | None = None) -> str:
    """An exact date as people read it: "09 Apr 2019" or "2019년 4월 9일"."""
    if (language or current()) == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일"
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"
