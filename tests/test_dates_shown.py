"""One date grammar and one way of showing a date: written cells read back as the same
window, and an approximate date is never shown as an exact day (on any page)."""

import io
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from lib.export import csv_bytes, xlsx_bytes
from lib.meetings import (
    FIRST_YEAR,
    LAST_YEAR,
    PRECISIONS,
    date_cell,
    date_label,
    dates_shown,
    parse_date,
    read_meetings,
    window_end,
)
from lib.news.dates import date_cell as news_date_cell
from lib.news.dates import window_of_cells
from lib.recording import date_text

ROOT = Path(__file__).resolve().parent.parent
APPROXIMATE = [precision for precision in PRECISIONS if precision != "day"]
days = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31))
# Exact days as the app writes them: "09 Apr 2019", "2019년 4월 9일".
EXACT_DAY = re.compile(r"\d{2} [A-Z][a-z]{2} \d{4}|\d{4}년 \d{1,2}월 \d{1,2}일")


def window_start(day: date, precision: str) -> date:
    """The first day of the window of this precision that holds `day`, as a cell can say it."""
    if precision == "month":
        return day.replace(day=1)
    if precision == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if precision == "year":
        return date(day.year, 1, 1)
    return day


@settings(deadline=None)  # a shared machine: timings vary
@given(day=days, precision=st.sampled_from(PRECISIONS))
def test_a_written_date_cell_reads_back_as_the_same_window(day, precision):
    start = window_start(day, precision)
    cell = date_cell(start, precision)
    first, form, problem = parse_date(cell)
    assert problem is None, cell
    assert first == start
    assert window_end(first, precision or form) == window_end(start, precision)
    # the form, the news and the file reader write and read cells with the same grammar
    assert date_text(start, precision) == news_date_cell(start, precision) == cell
    window = window_of_cells(cell, precision)
    assert (window.first, window.last) == (start, window_end(start, precision))


@settings(max_examples=25, deadline=None)
@given(
    meetings=st.lists(
        st.tuples(days, st.sampled_from(PRECISIONS)).map(lambda p: (window_start(*p), p[1])),
        min_size=1,
        max_size=6,
    ),
    kind=st.sampled_from(["csv", "xlsx"]),
)
def test_dates_written_to_a_file_read_back_as_the_same_windows(meetings, kind):
    table = pd.DataFrame(
        {
            "date": [date_cell(start, precision) for start, precision in meetings],
            "date_precision": [precision for _, precision in meetings],
            "country": "Canada",
        }
    )
    read = read_meetings(io.BytesIO(table.to_csv(index=False).encode()), "meetings.csv")
    assert read.problems == []
    writer = csv_bytes if kind == "csv" else xlsx_bytes
    back = read_meetings(io.BytesIO(writer(read.meetings)), f"meetings.{kind}").meetings
    columns = ["date", "date_end", "date_precision"]
    assert back[columns].astype(str).equals(read.meetings[columns].astype(str))
    assert [d.date() for d in back["date"]] == [start for start, _ in meetings]


@settings(deadline=None)  # a shared machine: timings vary
@given(day=days, precision=st.sampled_from(APPROXIMATE), language=st.sampled_from(["en", "ko"]))
def test_an_approximate_date_is_never_shown_as_an_exact_day(day, precision, language):
    start = window_start(day, precision)
    shown = date_label(start, precision, language)
    assert not EXACT_DAY.fullmatch(shown), shown
    assert shown != date_label(start, "day", language)
    if language == "en":
        assert shown.startswith("≈ "), shown
    else:
        assert shown.endswith("경") or shown.endswith("분기"), shown


@settings(deadline=None)  # a shared machine: timings vary
@given(day=days, language=st.sampled_from(["en", "ko"]))
def test_an_exact_date_is_shown_as_its_day(day, language):
    assert EXACT_DAY.fullmatch(date_label(day, "day", language))


def test_a_column_of_dates_is_shown_one_way_with_no_date_as_nothing():
    dates = pd.Series(pd.to_datetime(["2019-04-01", None, "2019-04-09"]), index=[5, 6, 7])
    shown = dates_shown(dates, pd.Series(["quarter", "day", "day"], index=[5, 6, 7]), "en")
    assert shown.tolist() == ["≈ Q2 2019", "", "09 Apr 2019"]
    assert shown.index.tolist() == [5, 6, 7]


@pytest.fixture
def shipped_file(monkeypatch):
    """The pages read the shipped meetings file."""
    monkeypatch.setenv("OUTREACH_DATA", str(ROOT / "data" / "meetings.csv"))
    monkeypatch.delenv("OUTREACH_DB_URL", raising=False)


@pytest.mark.parametrize(
    ("language", "quarter"), [("en", "≈ Q2 2019"), ("ko", "2019년 2분기")], ids=["en", "ko"]
)
def test_the_engaged_countries_show_a_last_meeting_known_to_a_quarter_as_a_quarter(
    shipped_file, language, quarter
):
    """Belarus, Spain and the Dominican Republic were met some time in Q2 2019."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if language == "ko":
        at.query_params["lang"] = "ko"
    at.run()
    at.switch_page("pages/Map.py").run()
    assert not at.exception
    country, last = ("Country", "Last meeting") if language == "en" else ("국가", "최근 면담일")
    table = next(frame.value for frame in at.dataframe if last in frame.value.columns)
    shown = dict(zip(table[country], table[last], strict=True))
    names = {"en": ("Belarus", "Spain", "Dominican Republic"), "ko": ("벨라루스", "스페인")}
    for name in names[language]:
        assert shown[name] == quarter, name
    assert "2019-04-01" not in shown.values()


def test_a_programs_first_and_latest_meetings_keep_how_exact_they_are():
    from lib import aggregates
    from lib.filters import program_rows

    text = (
        "date,country,programs\n"
        "2019-Q2,Canada,Seoul Smart City Prize\n"
        "2020-03-05,Canada,Seoul Smart City Prize\n"
        "2021,Peru,Seoul Smart City Prize\n"
    )
    meetings = read_meetings(io.BytesIO(text.encode()), "meetings.csv").meetings
    table = aggregates.program_countries(
        meetings, program_rows(meetings), "Seoul Smart City Prize"
    ).set_index("country")
    first = dates_shown(table["first"], table["first_precision"], "en")
    last = dates_shown(table["last"], table["last_precision"], "en")
    assert first.to_dict() == {"Peru": "≈ 2021", "Canada": "≈ Q2 2019"}
    assert last.to_dict() == {"Peru": "≈ 2021", "Canada": "05 Mar 2020"}
