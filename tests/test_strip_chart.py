"""The Timeline's strip of meetings by country (lib/strip_chart.py), read from Vega's own
drawing of it (tests/timeline_drawing.py): countries in order, filled exact dates, hollow
approximate ones with a bar over their window, marks of many meetings larger and saying
how many, dates never times of day, English and Korean. Random slices:
tests/test_slices.py; in the app: tests/test_browser.py."""

import json

import pandas as pd
import pytest

from lib import aggregates, i18n, strip_chart
from lib.countries import country_name
from lib.palette import MARK
from tests.timeline_drawing import day, drawn, tooltip_lines


@pytest.fixture(autouse=True)
def english():
    i18n.use("en")
    yield
    i18n.use("en")


lines = tooltip_lines


def test_strip_draws_each_mark_filled_if_exact_hollow_with_its_window_if_not(shipped):
    marks = aggregates.strip_marks(shipped)
    strip = drawn(marks)
    assert len(strip.marks) == len(marks)
    assert [mark.filled for mark in strip.marks] == (~marks["approximate"]).tolist()
    assert {mark.row["fill"] for mark in strip.marks if mark.filled} == {MARK}
    hollow = [mark for mark in strip.marks if not mark.filled]
    assert len(strip.windows) == len(hollow) == marks["approximate"].sum() > 0
    for window, mark in zip(strip.windows, hollow, strict=True):
        # The bar starts at the mark and runs on to the right, on the mark's row.
        assert window.y == mark.y and abs(window.start - mark.x) < 0.5 < window.end - mark.x
    # A year-long window is drawn longer than a week-long one.
    lengths = {
        precision: max(
            w.end - w.start for w, p in zip(strip.windows, part, strict=True) if p == precision
        )
        for part in [marks.loc[marks["approximate"], "date_precision"].tolist()]
        for precision in set(part)
    }
    if {"week", "year"} <= set(lengths):
        assert lengths["year"] > 10 * lengths["week"]
    assert strip.x.title == "Date of the meeting"


def test_strip_lists_countries_earliest_met_first_under_a_level_caption(shipped):
    marks = aggregates.strip_marks(shipped)
    strip = drawn(marks)
    first_met = marks.groupby("iso3")["date"].min().sort_values(kind="stable")
    assert strip.y.labels == [country_name(code, "en") for code in first_met.index]
    assert strip.y.title == "Country" and not strip.y.title_rotated
    # Each mark on its own country's row.
    rows = {label: n for n, label in enumerate(strip.y.labels)}
    heights = {mark.row["country"]: mark.y for mark in strip.marks}
    assert sorted(heights, key=heights.get) == sorted(heights, key=rows.get)


def test_strip_time_axis_labels_months_or_years_never_a_time_of_day(shipped):
    lascn = shipped[(shipped["region"] == "Americas") & (shipped["date"] == "2021-06-17")]
    assert drawn(aggregates.strip_marks(lascn)).x.labels == ["May 2021", "Jun 2021", "Jul 2021"]
    years = drawn(aggregates.strip_marks(shipped)).x.labels
    assert years == [str(year) for year in range(2019, 2026)]


def test_grouped_marks_are_sized_by_count_and_say_how_many(shipped):
    marks = aggregates.strip_marks(shipped, max_marks=10)
    strip = drawn(marks)
    assert marks["grouped"].all() and len(strip.marks) == len(marks)
    for mark, meetings, month in zip(strip.marks, marks["meetings"], marks["date"], strict=True):
        assert lines(mark.row) == [f"{month:%b %Y}", f"Meetings: {meetings:,}"]
        assert mark.row["tip"]["title"] == mark.row["country"]
        assert mark.across == pytest.approx(strip_chart.mark_diameter(meetings), abs=0.1)
    by_count = sorted(strip.marks, key=lambda mark: mark.row["meetings"])
    assert by_count[0].across < by_count[-1].across  # more meetings, a larger mark
    assert strip_chart.legend(marks).entries == (("exact", "Meetings in a month"),)


def test_tooltip_says_who_what_and_where_from(shipped):
    marks = aggregates.strip_marks(shipped)
    exact = marks[~marks["approximate"] & (marks["counterpart"] != "")].iloc[0]
    (mark,) = [
        m
        for m in drawn(marks).marks
        if m.row["country"] == country_name(exact["iso3"], "en")
        and day(m.row["date"]) == f"{exact['date']:%Y-%m-%d}"
    ]
    said = " ".join(lines(mark.row))
    assert f"Counterpart: {exact['counterpart']}" in said and "Source: " in said
    assert said.startswith(f"{exact['date'].day:02d} {exact['date']:%b %Y}")


def test_text_from_people_reaches_the_tooltip_as_text(shipped):
    marks = aggregates.strip_marks(shipped.head(1))
    marks.loc[0, "counterpart"] = "<script>alert(1)</script>"
    (row,) = strip_chart.strip_rows(marks)
    assert "Counterpart: <script>alert(1)</script>" in lines(row)
    # vega-tooltip escapes what it shows unless told otherwise.
    options = strip_chart.strip_spec(marks)["usermeta"]["embedOptions"]["tooltip"]
    assert "sanitize" not in options


def test_strip_speaks_korean(shipped):
    i18n.use("ko")
    marks = aggregates.strip_marks(shipped)
    strip = drawn(marks)
    assert strip.y.title == "국가" and "대한민국" in strip.y.labels
    assert strip.x.title == "면담 날짜" and strip.x.labels[0] == "2019년"
    said = [" ".join(lines(mark.row)) for mark in strip.marks]
    assert any("2019년 4월 2일 – 2019년 4월 8일 중 (주 단위)" in text for text in said)
    assert not any("Smart city cooperation" in text for text in said)
    lascn = shipped[(shipped["region"] == "Americas") & (shipped["date"] == "2021-06-17")]
    # Two lines each (month over year), so that six of them fit a phone.
    assert drawn(aggregates.strip_marks(lascn)).x.labels == [
        "5월 2021년",
        "6월 2021년",
        "7월 2021년",
    ]
    entries = dict(strip_chart.legend(marks).entries)
    assert entries == {
        "exact": "정확한 날짜",
        "approximate": "대략적인 날짜",
        "window": "날짜 범위",
    }


def test_spec_depends_only_on_the_marks_and_the_language(shipped):
    marks = aggregates.strip_marks(shipped)
    english = json.dumps(strip_chart.strip_spec(marks)), json.dumps(strip_chart.strip_rows(marks))
    i18n.use("ko")
    strip_chart.strip_spec(marks), strip_chart.strip_rows(marks)
    i18n.use("en")
    again = json.dumps(strip_chart.strip_spec(marks)), json.dumps(strip_chart.strip_rows(marks))
    assert again == english


def test_nothing_to_draw_gives_an_empty_strip(shipped):
    marks = aggregates.strip_marks(shipped.iloc[0:0])
    strip = drawn(marks)
    assert strip.marks == [] and strip.windows == [] and strip.y.labels == []
    assert strip_chart.legend(marks).entries == ()
    assert all(label.isdigit() for label in strip.x.labels)


def test_legend_shows_each_kind_of_mark_drawn(shipped):
    marks = aggregates.strip_marks(shipped)
    html = strip_chart.legend_html(strip_chart.legend(marks))
    for label in ("Exact date", "Approximate date", "Date window"):
        assert f">{label}</span>" in html
    only_exact = marks[~marks["approximate"]]
    assert strip_chart.legend(only_exact).entries == (("exact", "Exact date"),)
    assert pd.Series([kind for kind, _ in strip_chart.legend(marks).entries]).is_unique
