"""Any slice of the meetings draws right: random slices of the shipped and synthetic meetings
(empty, one meeting, one day, one month, one country, only approximate dates, everything,
any subset) through every figure builder of the timeline and the programs and every table
of lib.aggregates, checked for what a person would see. (The world map is checked apart.)"""

import importlib.util
import io
import math
import re
from datetime import datetime
from functools import cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib import aggregates, charts, i18n, strip_chart
from lib.filters import program_rows
from lib.meetings import day_label, read_meetings
from tests import timeline_drawing
from tests.colours import contrast, over, parse
from tests.conftest import ROOT

DAY = pd.Timedelta(days=1)
MONTH = pd.Timedelta(days=28)
PAGE = {False: "#ffffff", True: "#0e1117"}
STRAY = re.compile(r"\b(nan|NaN|None|NaT|<NA>|undefined)\b")
KINDS = (
    "empty",
    "one meeting",
    "one day",
    "one month",
    "one country",
    "one region",
    "approximate only",
    "everything",
    "some",
)
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def pools() -> dict[str, pd.DataFrame]:
    """The shipped meetings and 400 synthetic ones (they have every kind of date window)."""
    spec = importlib.util.spec_from_file_location(
        "make_synthetic", ROOT / "scripts" / "make_synthetic.py"
    )
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    raw = generator.csv_bytes(generator.synthetic_columns(400, 11))
    return {
        "shipped": read_meetings(ROOT / "data" / "meetings.csv").meetings,
        "synthetic": read_meetings(io.BytesIO(raw), name="synthetic.csv").meetings,
    }


@st.composite
def slices(draw) -> pd.DataFrame:
    """A slice of the shipped or synthetic meetings as a filter would leave it."""
    meetings = pools()[draw(st.sampled_from(["shipped", "synthetic"]))]
    kind = draw(st.sampled_from(KINDS))
    one = meetings.iloc[draw(st.integers(0, len(meetings) - 1))]
    if kind == "empty":
        keep = pd.Series(False, index=meetings.index)
    elif kind == "one meeting":
        keep = meetings.index == one.name
    elif kind == "one day":
        keep = meetings["date"] == one["date"]
    elif kind == "one month":
        keep = meetings["date"].dt.to_period("M") == one["date"].to_period("M")
    elif kind == "one country":
        keep = meetings["iso3"] == one["iso3"]
    elif kind == "one region":
        keep = meetings["region"] == one["region"]
    elif kind == "approximate only":
        keep = meetings["date_precision"] != "day"
    elif kind == "everything":
        keep = pd.Series(True, index=meetings.index)
    else:
        rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
        keep = rng.random(len(meetings)) < draw(st.sampled_from([0.02, 0.1, 0.5]))
    return meetings[np.asarray(keep)]


languages = st.sampled_from(["en", "ko"])


@pytest.fixture(autouse=True)
def english():
    i18n.use("en")
    yield
    i18n.use("en")


# What a person reads on a date axis --------------------------------------------------------


def texts(value) -> list[str]:
    """Every string inside a figure's JSON."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in texts(item)]
    return []


def numbers(value) -> list[float]:
    if isinstance(value, float):
        return [value]
    if isinstance(value, dict):
        return [n for item in value.values() for n in numbers(item)]
    if isinstance(value, list | tuple):
        return [n for item in value for n in numbers(item)]
    return []


def assert_nothing_missing_shows(figure: dict) -> None:
    """No NaN, None or NaT in any text, label, hover or value of the figure."""
    for text in texts(figure):
        assert not STRAY.search(text.replace("%{", "{")), text
    assert not any(math.isnan(n) for n in numbers(figure))


def assert_legend_below_the_plot(layout: dict, traces: list[dict]) -> None:
    """A legend for what is drawn, even for one trace, where the toolbar (top right)
    cannot cover it: under the plot."""
    traces = [trace for trace in traces if len(trace.get("x") or [])]
    if not traces:
        return
    assert layout.get("showlegend") is True
    assert all(trace.get("name") for trace in traces if trace.get("showlegend") is not False)
    legend = layout["legend"]
    below = legend.get("yanchor") == "top" and legend.get("y", 1) <= 0
    at_bottom = legend.get("yref") == "container" and legend.get("y") == 0
    assert below or at_bottom, legend


def assert_y_title_horizontal_above(figure: dict, title: str) -> None:
    """A categorical y axis names itself in a horizontal caption above its labels."""
    layout = figure["layout"]
    assert not (layout["yaxis"].get("title") or {}).get("text")  # never drawn sideways
    captions = [a for a in layout.get("annotations", []) if a.get("text") == title]
    assert len(captions) == 1, layout.get("annotations")
    caption = captions[0]
    assert caption.get("textangle", 0) == 0 and caption["yref"] == "paper"
    assert caption["y"] >= 1 and caption["yanchor"] == "bottom"
    assert layout["margin"]["t"] >= 24  # room above the plot for it


# The timeline ------------------------------------------------------------------------------


@SETTINGS
@given(meetings=slices(), language=languages)
def test_meetings_per_month_keeps_months_whatever_the_slice(meetings, language):
    i18n.use(language)
    counts = aggregates.monthly_counts(meetings)
    months = timeline_drawing.drawn_months(counts)
    assert_nothing_missing_shows({"rows": months.rows, "spec": months.spec})
    assert sum(bar.row["meetings"] for bar in months.bars) == len(meetings)
    assert not months.y.title_rotated
    if meetings.empty:
        return
    # A legend for the regions drawn, also for one.
    assert {label for label, _colour in months.legend} == {
        i18n._(region) for region in counts["region"]
    }
    # Months or years, each once, the first month's period labelled, every bar inside.
    periods = [label_period(label, language) for label in months.x.labels]
    assert len(periods) >= 2 and periods == sorted(set(periods)), months.x.labels
    assert periods[0] <= counts["month"].min()
    low, high = (pd.Timestamp(day) for day in months.spec["encoding"]["x"]["scale"]["domain"])
    assert high - low >= 3 * MONTH  # a bar is a month among months, never the whole plot
    for bar in months.bars:  # each bar spans its month, inside the plot
        assert 0 <= bar.left < bar.right <= months.plot_width
        days = (bar.right - bar.left) / months.plot_width * (high - low).days
        assert 20 <= days <= 31


def label_period(label: str, language: str) -> pd.Timestamp:
    """The first day of the month or year a time label names; fails on any other text
    (a day, a time of day)."""
    if language == "ko":
        found = re.fullmatch(r"(?:(\d{1,2})월 )?(\d{4})년", label)
        assert found, label
        return pd.Timestamp(int(found[2]), int(found[1] or 1), 1)
    return pd.Timestamp(datetime.strptime(label, "%b %Y" if " " in label else "%Y"))


def month_said(day: pd.Timestamp, language: str) -> str:
    return f"{day:%b %Y}" if language == "en" else f"{day.year}년 {day.month}월"


@SETTINGS
@given(meetings=slices(), language=languages, max_marks=st.sampled_from([3, 1_500]))
def test_meetings_by_country_shows_dates_never_times_whatever_the_slice(
    meetings, language, max_marks
):
    i18n.use(language)
    marks = aggregates.strip_marks(meetings, max_marks=max_marks)
    strip = timeline_drawing.drawn(marks)
    assert_nothing_missing_shows({"rows": strip.rows, "spec": strip.spec})
    assert strip.y.title == i18n._("Country") and not strip.y.title_rotated
    kinds = [kind for kind, _label in strip_chart.legend(marks).entries]
    if marks.empty:
        assert not strip.marks and not kinds
        return
    # A legend for what is drawn, even for one kind of mark.
    assert ("exact" in kinds) == (~marks["approximate"]).any()
    assert ("approximate" in kinds) == ("window" in kinds) == marks["approximate"].any()
    # Months or years, each once, the first date's period labelled, every mark inside.
    periods = [label_period(label, language) for label in strip.x.labels]
    assert len(periods) >= 2 and periods == sorted(set(periods)), strip.x.labels
    assert periods[0] <= marks["date"].min()
    assert all(0 <= mark.x <= 800 for mark in strip.marks)
    assert len(strip.marks) == len(marks)
    if marks["grouped"].any():  # a mark of many meetings says its month, not a day
        months = [month_said(day, language) for day in marks["date"]]
        assert [timeline_drawing.tooltip_lines(mark.row)[0] for mark in strip.marks] == months


@SETTINGS
@given(meetings=slices(), language=languages)
def test_approximate_dates_are_hollow_with_a_bar_over_their_window(meetings, language):
    i18n.use(language)
    marks = aggregates.strip_marks(meetings)
    strip = timeline_drawing.drawn(marks)
    approximate = marks[marks["approximate"]]
    assert set(approximate["date_precision"]) <= set(aggregates.APPROXIMATE)
    assert not marks.loc[~marks["approximate"], "date_precision"].isin(["week", "quarter"]).any()
    assert [not mark.filled for mark in strip.marks] == marks["approximate"].tolist()
    hollow = [mark for mark in strip.marks if not mark.filled]
    # A pale bar from each window's start (its mark) to the end of its last day.
    assert len(strip.windows) == len(hollow)
    for window, mark, end in zip(strip.windows, hollow, approximate["date_end"], strict=True):
        assert window.y == mark.y and abs(window.start - mark.x) < 0.5
        assert window.end > window.start
        assert timeline_drawing.day(mark.row["end"]) == f"{end + DAY:%Y-%m-%d}"
    # The tooltip gives the window, never one day as if it were known.
    for mark, start, end, precision in zip(
        hollow,
        approximate["date"],
        approximate["date_end"],
        approximate["date_precision"],
        strict=True,
    ):
        window = i18n._(strip_chart.PRECISIONS[precision])
        said = i18n._(
            "Some time {start} – {end} ({window})",
            start=day_label(start),
            end=day_label(end),
            window=window,
        )
        assert said in " ".join(timeline_drawing.tooltip_lines(mark.row))


# Programs ----------------------------------------------------------------------------------


def colour_at(scale: list, fraction: float) -> tuple[float, float, float, float]:
    """The colour a plotly colour scale gives at a fraction of its range (two stops at one
    place make a step)."""
    index = max(i for i, stop in enumerate(scale) if stop[0] <= fraction)
    below, above = scale[index], scale[min(index + 1, len(scale) - 1)]
    low, high = parse(below[1]), parse(above[1])
    if above[0] == below[0]:
        return low
    part = (fraction - below[0]) / (above[0] - below[0])
    return tuple(a + (b - a) * part for a, b in zip(low, high, strict=True))


def drawn(scale: list, value: float, top: float, page: str) -> tuple[float, float, float]:
    r, g, b, alpha = colour_at(scale, value / top)
    return over(f"rgba({r}, {g}, {b}, {alpha})", page)


@SETTINGS
@given(meetings=slices(), language=languages, dark=st.booleans())
def test_program_heatmap_draws_zero_lightest_and_one_visibly(meetings, language, dark):
    i18n.use(language)
    counts = aggregates.program_region_counts(meetings, program_rows(meetings))
    assert counts.to_numpy().sum() == len(program_rows(meetings))
    figure = charts.heatmap_figure(counts, dark=dark).to_plotly_json()
    assert_nothing_missing_shows(figure)
    assert_y_title_horizontal_above(figure, i18n._("Program"))
    if counts.empty:
        return
    (trace,) = figure["data"]
    page = PAGE[dark]
    background = over(page, page)
    top = trace["zmax"]
    assert trace["zmin"] == 0 and top == max(1, counts.to_numpy().max())
    scale = trace["colorscale"]
    # What plotly.js takes as a scale (any other is replaced by its default, in red).
    assert scale[0][0] == 0 and scale[-1][0] == 1
    assert all(a[0] <= b[0] for a, b in zip(scale, scale[1:], strict=False))
    zero = drawn(scale, 0, top, page)
    for value in range(1, int(top) + 1):
        colour = drawn(scale, value, top, page)
        assert contrast(colour, background) > contrast(zero, background), value
    one = drawn(scale, 1, top, page)
    assert contrast(one, zero) >= 1.5  # 1 is coloured, 0 is not
    assert contrast(one, background) >= 1.5


@SETTINGS
@given(meetings=slices(), language=languages)
def test_program_bars_name_every_program_whatever_the_slice(meetings, language):
    i18n.use(language)
    programs = program_rows(meetings)
    interest = aggregates.program_interest(meetings, programs)
    figure = charts.program_figure(interest).to_plotly_json()
    assert_nothing_missing_shows(figure)
    assert_y_title_horizontal_above(figure, i18n._("Program"))
    assert_legend_below_the_plot(figure["layout"], figure["data"])
    assert (interest["countries"] <= interest["meetings"]).all()
    assert (interest["meetings"] <= len(meetings)).all()
    for trace in figure["data"]:
        assert len(trace["x"]) == len(interest)


# The tables --------------------------------------------------------------------------------


@SETTINGS
@given(meetings=slices())
def test_tables_count_every_meeting_of_the_slice_once(meetings):
    programs = program_rows(meetings)
    today = pd.Timestamp("2026-11-28")
    summary = aggregates.country_summary(meetings, programs, today)
    assert summary["meetings"].sum() == len(meetings)
    assert summary[["iso3", "country", "region", "programs"]].notna().all().all()
    assert (summary["months_since"] >= 0).all()
    coverage = aggregates.coverage_table(summary, aggregates.missions())
    never = coverage[coverage["status"] == aggregates.NEVER_MET]
    assert (never["meetings"] == 0).all() and not set(never["iso3"]) & set(summary["iso3"])
    monthly = aggregates.monthly_counts(meetings)
    assert monthly["meetings"].sum() == len(meetings)
    assert (monthly["month"].dt.day == 1).all()
    marks = aggregates.strip_marks(meetings)
    shown = meetings["iso3"].isin(set(marks["iso3"]))
    assert marks["meetings"].sum() == shown.sum()
    assert (marks["date"] <= marks["date_end"]).all()
    assert marks[["counterpart", "programs", "source"]].notna().all().all()
    interest = aggregates.program_interest(meetings, programs)
    for program in interest["program"].head(3):
        table = aggregates.program_countries(meetings, programs, program)
        assert table["meetings"].sum() == interest.set_index("program").loc[program, "meetings"]
        assert (table["first"] <= table["last"]).all()
        assert table.notna().all().all()


def test_the_narrow_slice_of_the_issue_is_among_those_drawn():
    """Three meetings on one day (the Americas at LASCN): a month axis, not a day's."""
    shipped = pools()["shipped"]
    lascn = shipped[(shipped["region"] == "Americas") & (shipped["date"] == "2021-06-17")]
    assert len(lascn) == 3
    months = timeline_drawing.drawn_months(aggregates.monthly_counts(lascn))
    assert months.x.labels and all(datetime.strptime(label, "%b %Y") for label in months.x.labels)
    strip = timeline_drawing.drawn(aggregates.strip_marks(lascn))
    assert len(set(strip.x.labels)) == len(strip.x.labels) >= 2
    assert all(datetime.strptime(label, "%b %Y") for label in strip.x.labels)
