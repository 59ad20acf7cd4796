"""Dates in news text: the publication date, and the window a date phrase allows."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # noqa: E501
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "several": 3,
    "few": 3, "a few": 3, "couple of": 2, "a couple of": 2, "한": 1, "두": 2, "세": 3, "네": 4,
    "몇": 3, "일": 1, "이": 2, "삼": 3,
}  # fmt: skip


@dataclass(frozen=True)
class Window:
    """The days a meeting can have happened on, first and last included."""

    first: date
    last: date

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class DatePhrase:
    """A date wording found in a sentence, where it is, and the window it means."""

    start: int
    end: int
    text: str
    window: Window | None  # None for "the next day" before any day is known
    relative: str = ""  # "next", "same" or "later": counted from the last date mentioned
    future: bool = False  # "next week", "on September 16" after publication


def _day(published: date, delta: int) -> Window:
    day = published - timedelta(days=delta)
    return Window(day, day)


def _month_window(year: int, month: int) -> Window:
    return Window(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _months_back(published: date, months: int) -> date:
    month = published.month - months
    year = published.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, min(published.day, calendar.monthrange(year, month)[1]))


def _number(word: str) -> int:
    word = word.strip().lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word, 2)


def _past(published: date, amount: int, unit: str) -> Window:
    """ "Over the past two months": the span before the publication day."""
    unit = unit.lower()
    last = published - timedelta(days=1)
    if unit.startswith(("day", "일")):
        return Window(published - timedelta(days=amount), last)
    if unit.startswith(("week", "주")):
        return Window(published - timedelta(days=7 * amount), last)
    if unit.startswith(("year", "년", "해")):
        return Window(_months_back(published, 12 * amount), last)
    return Window(_months_back(published, amount), last)


def _this_week(published: date) -> Window:
    return Window(published - timedelta(days=published.weekday()), published)


def _last_week(published: date) -> Window:
    monday = published - timedelta(days=published.weekday() + 7)
    return Window(monday, monday + timedelta(days=6))


def _last_month(published: date) -> Window:
    first = published.replace(day=1) - timedelta(days=1)
    return _month_window(first.year, first.month)


def _early_this_year(published: date) -> Window:
    return Window(date(published.year, 1, 1), min(published, date(published.year, 3, 31)))


def _recently(published: date) -> Window:
    """ "Recently": about the month before publication, as the calendar month holding most
    of it (a window across two months would be drafted as a quarter or a year)."""
    if published.day > 15:
        return Window(published.replace(day=1), published)
    return _last_month(published)


def _earlier_this_year(published: date) -> Window:
    return Window(date(published.year, 1, 1), max(date(published.year, 1, 1), published))


def _year_of(month: int, day: int, published: date, year: str | None) -> tuple[int, bool]:
    """The year of a day written without one, and whether it lies after publication."""
    if year:
        chosen = int(year)
        return chosen, date(chosen, month, min(day, 28)) > published
    try:
        candidate = date(published.year, month, day)
    except ValueError:
        candidate = date(published.year, month, 28)
    if candidate <= published:
        return published.year, False
    return published.year, True


def _calendar_day(year: int, month: int, day: int) -> Window | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return Window(found, found)


def _day_range(month: int, day: int, month2: int, day2: int, published: date, year: str | None):
    """From one day to another ("25–27 July", "from 30 April to 2 May"), in the year the
    text gives or implies: (window | None when impossible or backwards, "", future)."""
    chosen, after = _year_of(month, day, published, year)
    first = _calendar_day(chosen, month, day)
    last = _calendar_day(chosen, month2, day2)
    if not first or not last or last.first < first.first:
        return None, "", after
    return Window(first.first, last.last), "", after


# (pattern, function(match, published) -> (window | None, relative, future)), first match wins.
def _english_rules():
    def fixed(function):
        return lambda m, p: (function(p), "", False)

    def on_day(m, p):
        month, day = MONTHS[m["month"].lower().rstrip(".")], int(m["day"])
        year, after = _year_of(month, day, p, m["year"])
        return _calendar_day(year, month, day), "", after

    def day_first(m, p):
        month, day = MONTHS[m["month"].lower().rstrip(".")], int(m["day"])
        year, after = _year_of(month, day, p, m["year"])
        return _calendar_day(year, month, day), "", after

    def day_range(m, p):
        first_month = MONTHS[m["month"].lower().rstrip(".")]
        last_month = MONTHS[m["month2"].lower().rstrip(".")] if m["month2"] else first_month
        return _day_range(first_month, int(m["day"]), last_month, int(m["day2"]), p, m["year"])

    def day_first_range(m, p):
        """ "from 2 to 4 May", "2–4 May", "from 30 April to 2 May"."""
        last_month = MONTHS[m["month2"].lower().rstrip(".")]
        first_month = MONTHS[m["month"].lower().rstrip(".")] if m["month"] else last_month
        day = int(m["day"] or m["dash_day"])
        return _day_range(first_month, day, last_month, int(m["day2"]), p, m["year"])

    def in_months(m, p):
        months = [MONTHS[w.lower().rstrip(".")] for w in re.findall(_MONTH, m.group(0))]
        year = int(m["year"]) if m["year"] else p.year
        after = date(year, months[0], 1) > p
        first, last = _month_window(year, min(months)), _month_window(year, max(months))
        if m["part"]:
            part = m["part"].lower()
            if part == "early":
                last = Window(first.first, first.first + timedelta(days=10))
            elif part == "late":
                first = Window(last.last - timedelta(days=10), last.last)
        return Window(first.first, last.last), "", after

    def month_year(m, p):
        month = MONTHS[m["month"].lower().rstrip(".")]
        window = _month_window(int(m["year"]), month)
        return window, "", window.first > p

    def weekday(m, p):
        target = _WEEKDAYS.index(m["weekday"].lower())
        back = (p.weekday() - target) % 7
        if m.group(0).lower().startswith("last") and back == 0:
            back = 7
        return _day(p, back), "", False

    def past(m, p):
        return _past(p, _number(m["amount"] or "1"), m["unit"]), "", False

    def last_year(m, p):
        return Window(date(p.year - 1, 1, 1), date(p.year - 1, 12, 31)), "", False

    def this_month(m, p):
        return Window(p.replace(day=1), p), "", False

    return [
        (r"\b(?:the )?day before yesterday\b", fixed(lambda p: _day(p, 2))),
        (r"\b(?:today|this (?:morning|afternoon|evening)|tonight)\b", fixed(lambda p: _day(p, 0))),
        (r"\b(?:yesterday|last night)\b", fixed(lambda p: _day(p, 1))),
        (
            r"\b(?:the )?(?:next|following) day\b|\bthe day after\b",
            lambda m, p: (None, "next", False),
        ),
        (r"\b(?:the )?same day\b|\bthat day\b", lambda m, p: (None, "same", False)),
        (
            r"\b(?:a few|several|some|two|three|a couple of) (?:days|weeks|months) later\b"
            r"|\blater (?:that|the same) (?:month|year)\b",
            lambda m, p: (None, "later", False),
        ),
        (r"\bthis week\b|\bearlier this week\b", fixed(_this_week)),
        (r"\blast week\b", fixed(_last_week)),
        (
            r"\bnext (?:week|month|year)\b|\bcoming (?:weeks|months)\b",
            lambda m, p: (None, "", True),
        ),
        (
            r"\b(?:over|during|in|throughout|within) the (?:past|last|previous) "
            r"(?:(?P<amount>\d+|a|one|two|three|four|five|six|several|few|couple of) )?"
            r"(?P<unit>days?|weeks?|months?|years?)\b",
            past,
        ),
        (
            r"\b(?:last|past) (?P<amount>two|three|several|few|\d+) (?P<unit>days|weeks|months)\b",
            past,
        ),
        (
            r"\b(?:early this year|at the (?:start|beginning) of (?:the|this) year)\b",
            fixed(_early_this_year),
        ),
        (
            r"\b(?:earlier (?:this|in the) year|so far this year|this year)\b",
            fixed(_earlier_this_year),
        ),
        (r"\blast month\b", fixed(_last_month)),
        # "Recently, …", "in recent weeks": about the month before publication
        (r"\b(?:recently|in recent weeks|lately)\b", fixed(_recently)),
        (r"\b(?:earlier this month|this month)\b", this_month),
        (r"\blast year\b", last_year),
        (
            rf"\b(?:from|between) (?P<month>{_MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"\s*(?:to|until|till|through|and|–|—|-)\s*(?:(?P<month2>{_MONTH}) )?"
            rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>\d{{4}}))?",
            day_range,
        ),
        (
            rf"\b(?:(?:from|between) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?: (?:of )?(?P<month>{_MONTH}))?"
            rf"\s*(?:to|until|till|through|and|–|—|-)\s*"
            rf"|(?P<dash_day>\d{{1,2}})\s*(?:–|—|-)\s*)"
            rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month2>{_MONTH})"
            rf"(?:,? (?P<year>\d{{4}}))?",
            day_first_range,
        ),
        (
            rf"\b(?P<month>{_MONTH}) (?P<day>\d{{1,2}})\s*(?:–|—|-)\s*(?:(?P<month2>{_MONTH}) )?"
            rf"(?P<day2>\d{{1,2}})(?:,? (?P<year>\d{{4}}))?",
            day_range,
        ),
        (
            rf"\b(?P<month>{_MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)"
            rf"(?:,? (?P<year>\d{{4}}))?",
            on_day,
        ),
        (
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{_MONTH})"
            rf"(?:,? (?P<year>\d{{4}}))?",
            day_first,
        ),
        (rf"\b(?P<month>{_MONTH}),? (?P<year>\d{{4}})\b", month_year),
        (
            rf"\b(?:in|during|since|earlier in|throughout) (?:(?P<part>early|mid|late)[- ])?"
            rf"(?P<month>{_MONTH})(?:(?:,| and|, and|–|-| to) (?:{_MONTH}))*"
            rf"(?: (?P<year>\d{{4}}))?\b",
            in_months,
        ),
        (
            r"\b(?:on |last |this |this past )?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|"
            r"Friday|Saturday|Sunday)\b",
            weekday,
        ),
    ]


def _korean_rules():
    def korean_weekday(m, p):
        """ "지난 화요일", "화요일": the last such day on or before publication."""
        back = (p.weekday() - "월화수목금토일".index(m["weekday"])) % 7
        return _day(p, back), "", False

    def fixed(function):
        return lambda m, p: (function(p), "", False)

    def full_day(m, p):
        year = int(m["year"])
        window = _calendar_day(year, int(m["month"]), int(m["day"]))
        return window, "", bool(window and window.first > p)

    def month_day(m, p):
        month, day = int(m["month"]), int(m["day"])
        year, after = _year_of(month, day, p, None)
        return _calendar_day(year, month, day), "", after

    def day_range(m, p):
        month, day = int(m["month"]), int(m["day"])
        month2 = int(m["month2"]) if m["month2"] else month
        return _day_range(month, day, month2, int(m["day2"]), p, m["year"])

    def months(m, p):
        numbers = [int(n) for n in re.findall(r"(\d{1,2})월", m.group(0))]
        year = int(m["year"]) if m["year"] else p.year
        after = date(year, numbers[0], 1) > p
        return (
            Window(_month_window(year, min(numbers)).first, _month_window(year, max(numbers)).last),
            "",
            after,
        )

    def past(m, p):
        return _past(p, _number(m["amount"] or "1"), m["unit"]), "", False

    def day_of_month(m, p):
        """ "지난 17일": the 17th of this month, or of the month before if it is still to come
        ("오는 17일": of this month, or of the next if it has passed)."""
        day = int(m["day"])
        coming = m.group(0).startswith("오는")
        year, month = p.year, p.month
        if not coming and day > p.day:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        if coming and day < p.day:
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        return _calendar_day(year, month, day), "", coming

    return [
        (r"그저께|그제", fixed(lambda p: _day(p, 2))),
        (r"오늘|금일", fixed(lambda p: _day(p, 0))),
        (r"어제|전날", fixed(lambda p: _day(p, 1))),
        (r"다음\s?날|이튿날|다음 날|익일", lambda m, p: (None, "next", False)),
        (r"같은 날|당일|이날", lambda m, p: (None, "same", False)),
        (
            r"(?:며칠|몇\s?주|몇\s?달|몇\s?개월|두\s?달|두\s?주)\s?(?:뒤|후)",
            lambda m, p: (None, "later", False),
        ),
        (r"이번\s?주|금주|이번 주", fixed(_this_week)),
        (r"지난\s?주(?!년)", fixed(_last_week)),
        (r"다음\s?주|다음\s?달|내년|오는\s?\d{1,2}월", lambda m, p: (None, "", True)),
        (
            r"지난\s?(?:(?P<amount>\d+|한|두|세|네|몇)\s?)?(?P<unit>일|주|달|개월|해|년)\s?(?:간|동안|사이)",
            past,
        ),
        (r"(?:지난|오는|이달)\s?(?P<day>\d{1,2})일(?!\s?(?:간|동안|사이|부터))", day_of_month),
        (r"최근\s?(?P<amount>\d+|한|두|세|몇)\s?(?P<unit>주|달|개월)\s?(?:간|동안|사이)?", past),
        # "올해 열리는 창립회의": an event later this year, not a date of what happened
        (r"올해\s?(?:안에\s?)?(?=열리는|열릴|개최되는|개최될|예정)", lambda m, p: (None, "", True)),
        (r"(?:지난\s?)?(?P<weekday>[월화수목금토일])요일", korean_weekday),
        (r"올해\s?초|연초|올\s?초", fixed(_early_this_year)),
        (r"최근(?!\s?(?:\d|한|두|세|몇))", fixed(_recently)),
        (r"올해\s?들어|올\s?들어|올해", fixed(_earlier_this_year)),
        (r"지난\s?달|지난\s?월|전월", fixed(_last_month)),
        (r"이번\s?달|이달", lambda m, p: (Window(p.replace(day=1), p), "", False)),
        (
            r"지난해|작년",
            lambda m, p: (Window(date(p.year - 1, 1, 1), date(p.year - 1, 12, 31)), "", False),
        ),
        (
            r"(?:(?P<year>\d{4})년\s?)?(?P<month>\d{1,2})월\s?(?P<day>\d{1,2})일\s?"
            r"(?:부터|~|-|–)\s?(?:(?P<month2>\d{1,2})월\s?)?(?P<day2>\d{1,2})일",
            day_range,
        ),
        (r"(?P<year>\d{4})년\s?(?P<month>\d{1,2})월\s?(?P<day>\d{1,2})일", full_day),
        (r"(?P<year>\d{4})\.\s?(?P<month>\d{1,2})\.\s?(?P<day>\d{1,2})\.?", full_day),
        (r"(?P<month>\d{1,2})월\s?(?P<day>\d{1,2})일", month_day),
        # "대표단은 1일 …": a day of the month alone, read as "지난 1일"
        (
            r"(?<![\d~\-–.])(?P<day>\d{1,2})일(?=\s|[,)]|$|에|은|는|의|엔)"
            r"(?!\s?(?:간|동안|사이|부터|까지|~|-|–))",
            day_of_month,
        ),
        (
            r"(?:(?P<year>\d{4})년\s?)?\d{1,2}월(?:(?:과|와|,|~|-)\s?\d{1,2}월)*(?=에|중|\s|$|부터|까지)",
            months,
        ),
    ]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    read: object


def _compiled(rules, flags: int) -> list[_Rule]:
    return [_Rule(re.compile(pattern, flags), read) for pattern, read in rules]


_ENGLISH = _compiled(_english_rules(), re.IGNORECASE)
_KOREAN = _compiled(_korean_rules(), 0)


def date_phrases(text: str, published: date) -> list[DatePhrase]:
    """Every date wording in a sentence, in order, with the window it allows."""
    found: list[DatePhrase] = []
    taken: list[tuple[int, int]] = []
    for rule in _KOREAN + _ENGLISH if re.search("[가-힣]", text) else _ENGLISH:
        for match in rule.pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            window, relative, future = rule.read(match, published)
            if window is None and not relative and not future:
                continue
            taken.append((match.start(), match.end()))
            found.append(
                DatePhrase(match.start(), match.end(), match.group(0), window, relative, future)
            )
    return sorted(found, key=lambda phrase: phrase.start)


def year_before(window: Window) -> Window:
    """The same days a year earlier (a past meeting "on May 3" in an item of April)."""

    def back(day: date) -> date:
        return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)

    return Window(back(window.first), back(window.last))


def fitted(window: Window) -> tuple[date, str, bool]:
    """(first day, precision, whether it covers the window) for format v1.

    Day: one day. Week: any seven days, from the window's first day. Month, quarter and
    year: calendar ones, as the format writes them (2019-03, 2019-Q1, 2019).
    """
    first, last = window.first, window.last
    if first == last:
        return first, "day", True
    if (last - first).days <= 6:
        return first, "week", True
    if (first.year, first.month) == (last.year, last.month):
        return first.replace(day=1), "month", True
    if first.year == last.year and (first.month - 1) // 3 == (last.month - 1) // 3:
        return date(first.year, 3 * ((first.month - 1) // 3) + 1, 1), "quarter", True
    if first.year == last.year:
        return date(first.year, 1, 1), "year", True
    # Across a new year no single window of the format covers it: take the later year.
    return date(last.year, 1, 1), "year", False


def date_cell(first: date, precision: str) -> str:
    """The date cell of format v1 for a window's first day and precision."""
    from lib.meetings.dates import date_cell

    return date_cell(first, precision)


def window_of_cells(date_text: str, precision: str) -> Window | None:
    """The window a format v1 date cell and precision stand for (None if unreadable)."""
    from lib.meetings.dates import parse_date, window_end

    first, form, problem = parse_date(date_text.strip())
    if problem or first is None:
        return None
    return Window(first, window_end(first, precision or form or "day"))


# Datelines: "SEOUL, March 7 –", "April 9, 2019", "2019년 4월 9일", "2019.04.09", "16 May 2022".
_DATELINE_FORMS = [
    re.compile(rf"\b(?P<month>{_MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<month>{_MONTH}),? (?P<year>\d{{4}})\b"),
    re.compile(r"(?P<year>\d{4})년\s?(?P<month>\d{1,2})월\s?(?P<day>\d{1,2})일"),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})[.\-/]\s?(?P<month>\d{1,2})[.\-/]\s?(?P<day>\d{1,2})\b"),
    re.compile(
        rf"^[A-Z][A-Z .'-]+(?:, [A-Za-z .'-]+)?, (?P<month>{_MONTH}) (?P<day>\d{{1,2}})"
        rf"(?:st|nd|rd|th)?(?:,? (?P<year>\d{{4}}))?\s*[–—-]",
        re.MULTILINE,
    ),
]


def published_date(text: str, today: date | None = None) -> date | None:
    """The publication date from the item's dateline or date line, or None if it has none."""
    today = today or date.today()
    head = text[:1500]
    best: tuple[int, date] | None = None
    for form in _DATELINE_FORMS:
        for match in form.finditer(head):
            month_text = match["month"]
            month = (
                int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
            )
            year = int(match["year"]) if match["year"] else _likely_year(text, today)
            try:
                found = date(year, month, int(match["day"]))
            except ValueError:
                continue
            if not match["year"] and found > today:
                found = found.replace(year=found.year - 1)
            if best is None or match.start() < best[0]:
                best = (match.start(), found)
            break
    return best[1] if best else None


def _likely_year(text: str, today: date) -> int:
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", text) if int(y) <= today.year]
    return Counter(years).most_common(1)[0][0] if years else today.year
