"""The figures carry what a person should see: dates on time axes, titles, colour direction,
the map's frame, text in the run's language. tests/test_figures_browser.py draws them."""

import json
from datetime import date

import pandas as pd
import pytest

from lib import aggregates, charts, i18n
from lib.filters import Filters, apply, program_rows
from tests.colours import contrast, over

WHITE, DARK = "#ffffff", "#0e1117"


@pytest.fixture(autouse=True)
def english():
    i18n.use("en")
    yield
    i18n.use("en")


def summary_of(meetings: pd.DataFrame) -> pd.DataFrame:
    return aggregates.country_summary(meetings, program_rows(meetings), pd.Timestamp("2026-11-28"))


def scale_ends(trace) -> tuple[str, str]:
    """The colours of a trace's lowest and highest value."""
    scale = trace.colorscale if trace.colorscale is not None else trace["colorscale"]
    return scale[0][1], scale[-1][1]


def stands_out(colour: str, dark: bool) -> float:
    page = DARK if dark else WHITE
    return contrast(over(colour, page), over(page, page))


def y_title(figure) -> str | None:
    """The title of a category y axis: a level caption above its labels, never sideways."""
    assert not figure.layout.yaxis.title.text
    (caption,) = [a for a in figure.layout.annotations if a.yref == "paper" and a.y >= 1]
    assert caption.textangle in (None, 0)
    return caption.text


def is_day(text: str) -> bool:
    return isinstance(text, str) and date.fromisoformat(text) is not None


# The map -----------------------------------------------------------------------------------


def test_map_has_one_location_per_engaged_country_and_shows_the_world(shipped):
    figure = charts.map_figure(summary_of(shipped))
    locations = list(figure.data[0].locations)
    assert sorted(locations) == sorted(shipped["iso3"].astype(str).unique())
    geo = figure.layout.geo
    assert geo.fitbounds is False and geo.lonaxis.range is None  # the whole world
    hover = figure.data[0].hovertemplate
    assert "Meetings" in hover and "Last meeting" in hover and "Programs of interest" in hover


def test_map_hover_names_the_country_its_last_meeting_and_programs(shipped):
    summary = summary_of(shipped)
    figure = charts.map_figure(summary)
    canada = list(figure.data[0].locations).index("CAN")
    row = summary.set_index("iso3").loc["CAN"]
    assert figure.data[0].text[canada] == "Canada"
    meetings, last, programs = figure.data[0].customdata[canada]
    assert meetings == row["meetings"]
    assert last == f"{row['last_date']:%d %b %Y}"
    assert programs == row["programs"]


@pytest.mark.parametrize("dark", [False, True])
def test_map_meetings_colour_grows_stronger_with_more_meetings(shipped, dark):
    figure = charts.map_figure(summary_of(shipped), "Meetings", dark=dark)
    trace = figure.data[0]
    few, many = scale_ends(trace)
    assert trace.zmin == 0 and trace.zmax == max(trace.z)
    assert stands_out(many, dark) > stands_out(few, dark)
    assert figure.data[0].colorbar.orientation == "h"  # under the map, never beside it


@pytest.mark.parametrize("dark", [False, True])
def test_last_contact_map_is_strongest_for_the_most_recent(shipped, dark):
    summary = summary_of(shipped)
    trace = charts.map_figure(summary, "Last contact", dark=dark).data[0]
    assert list(trace.z) == list(summary["months_since"])
    recent, long_ago = scale_ends(trace)  # 0 months at the bottom of the scale
    assert trace.zmin == 0
    assert stands_out(recent, dark) > stands_out(long_ago, dark)
    # Never-met countries are drawn in the land colour, far from a recent contact's.
    land = over(charts.LAND, DARK if dark else WHITE)
    assert contrast(over(recent, DARK if dark else WHITE), land) > 3


def test_coverage_map_marks_unmet_missions(shipped):
    missions = aggregates.missions()
    figure = charts.map_figure(summary_of(shipped), "Coverage", missions)
    by_name = {trace.name: set(trace.locations) for trace in figure.data}
    unmet = set(missions["iso3"]) - set(shipped["iso3"].astype(str))
    assert by_name["Resident mission, never met"] == unmet
    assert "CAN" in by_name["Met, resident mission in Seoul"]
    never = next(t for t in figure.data if t.name == "Resident mission, never met")
    assert {row[1] for row in never.customdata} == {"never"}


def test_selected_countries_are_outlined_and_clicks_do_not_dim_the_others(shipped):
    figure = charts.map_figure(summary_of(shipped), selected=["CAN"])
    trace = figure.data[0]
    canada = list(trace.locations).index("CAN")
    widths = list(trace.marker.line.width)
    assert widths[canada] > max(w for i, w in enumerate(widths) if i != canada)
    assert trace.marker.line.color[canada] == charts.SELECTED
    assert trace.unselected.marker.opacity == 1


def test_map_zooms_to_a_region(shipped):
    europe = apply(shipped, Filters.of(region="Europe"))
    geo = charts.map_figure(summary_of(europe), zoom=True).layout.geo
    west, east = geo.lonaxis.range
    south, north = geo.lataxis.range
    assert -40 < west < -5 and 20 < east < 80  # Portugal to Poland and around
    assert 20 < south < 40 and 55 < north < 80
    assert geo.projection.rotation.lon == pytest.approx((west + east) / 2)


def test_map_zoom_frames_chosen_countries_with_their_neighbours(shipped):
    geo = charts.map_figure(summary_of(shipped), selected=["KAZ"], zoom=True).layout.geo
    west, east = geo.lonaxis.range
    assert west < 40 and east > 95  # Kazakhstan (46°E–87°E) and land on both sides


def test_map_frame_crosses_the_antimeridian_the_short_way():
    frame = charts._frame({"FJI"}, 0.05)  # Fiji lies on both sides of 180°
    west, east = frame["lonaxis"]["range"]
    assert 150 < west < 180 < east < 210
    assert charts._frame({"RUS", "USA", "BRA", "AUS"}, 0.05) is None  # most of the globe


def test_undrawn_countries_lists_those_without_a_shape(shipped):
    undrawn = charts.undrawn_countries(summary_of(shipped))
    assert "SGP" not in charts.drawable_iso3()
    assert "Singapore" in set(undrawn["country"])
    assert not set(undrawn["iso3"]) & charts.drawable_iso3()


# The timeline ------------------------------------------------------------------------------


def test_monthly_chart_has_dates_titles_and_whole_meetings(shipped):
    figure = charts.monthly_figure(aggregates.monthly_counts(shipped))
    assert figure.layout.xaxis.type == "date"
    assert all(is_day(x) for trace in figure.data for x in trace.x)
    assert figure.layout.xaxis.title.text == "Month"
    assert figure.layout.yaxis.title.text == "Meetings"
    assert figure.layout.yaxis.dtick >= 1 and float(figure.layout.yaxis.dtick).is_integer()
    assert sum(sum(trace.y) for trace in figure.data) == len(shipped)


def test_strip_chart_gives_every_trace_dates_never_numbers(shipped):
    marks = aggregates.strip_marks(shipped)
    figure = charts.strip_figure(marks)
    assert figure.layout.xaxis.type == "date"
    for trace in figure.data:
        assert all(x is None or is_day(x) for x in trace.x), trace.name
    symbols = {trace.name: trace.marker.symbol for trace in figure.data if trace.mode == "markers"}
    assert symbols == {"Exact date": "circle", "Approximate date": "circle-open"}
    drawn = sum(len(trace.x) for trace in figure.data if trace.mode == "markers")
    assert drawn == len(marks)
    windows = next(trace for trace in figure.data if trace.name == "Date window")
    assert len([x for x in windows.x if x is not None]) == 2 * marks["approximate"].sum()
    assert figure.layout.xaxis.title.text and y_title(figure)


def test_strip_chart_window_bar_covers_the_whole_window(shipped):
    marks = aggregates.strip_marks(shipped)
    figure = charts.strip_figure(marks)
    windows = next(trace for trace in figure.data if trace.name == "Date window")
    first = marks[marks["approximate"]].iloc[0]
    assert windows.x[0] == f"{first['date']:%Y-%m-%d}"
    assert windows.x[1] == f"{first['date_end'] + pd.Timedelta(days=1):%Y-%m-%d}"


def test_grouped_strip_marks_say_how_many_meetings(shipped):
    marks = aggregates.strip_marks(shipped, max_marks=10)
    figure = charts.strip_figure(marks)
    trace = next(trace for trace in figure.data if trace.mode == "markers")
    assert trace.name == "Meetings in a month"
    assert list(trace.customdata) == list(marks["meetings"])
    assert "%{customdata}" in trace.hovertemplate


def test_hover_text_from_people_is_escaped(shipped):
    marks = aggregates.strip_marks(shipped.head(1))
    marks.loc[0, "counterpart"] = "<script>alert(1)</script>"
    text = charts.strip_figure(marks).data[-1].hovertext[0]
    assert "<script>" not in text and "&lt;script&gt;" in text


# Programs ----------------------------------------------------------------------------------


def test_program_bars_wrap_long_names_and_keep_them_whole_on_hover(shipped):
    interest = aggregates.program_interest(shipped, program_rows(shipped))
    figure = charts.program_figure(interest)
    assert list(figure.data[0].customdata) == list(interest["program"])  # whole, on hover
    labels = figure.layout.yaxis.ticktext
    assert all(len(line) <= 24 for label in labels for line in label.split("<br>"))
    assert "Urban Innovation<br>Challenge:<br>Citypreneurs" in labels
    assert figure.layout.xaxis.title.text and y_title(figure)
    assert float(figure.layout.xaxis.dtick).is_integer()


@pytest.mark.parametrize("dark", [False, True])
def test_heatmap_draws_zero_in_the_palest_colour_and_writes_every_count(shipped, dark):
    counts = aggregates.program_region_counts(shipped, program_rows(shipped))
    figure = charts.heatmap_figure(counts, dark=dark)
    trace = figure.data[0]
    assert trace.zmin == 0 and trace.zmax == counts.to_numpy().max()
    zero, top = scale_ends(trace)
    assert stands_out(top, dark) > stands_out(zero, dark)
    assert trace.texttemplate == "%{z}"
    assert figure.layout.xaxis.title.text == "Region"
    assert y_title(figure) == "Program"
    rows = len(counts)
    plot_height = figure.layout.height - 210  # what the layout leaves for the rows
    assert plot_height / rows >= 28


# Two languages, no hidden state -------------------------------------------------------------


def every_figure(meetings: pd.DataFrame) -> list:
    programs = program_rows(meetings)
    summary = summary_of(meetings)
    return [
        charts.map_figure(summary, "Meetings"),
        charts.map_figure(summary, "Last contact"),
        charts.map_figure(summary, "Coverage"),
        charts.monthly_figure(aggregates.monthly_counts(meetings)),
        charts.strip_figure(aggregates.strip_marks(meetings)),
        charts.program_figure(aggregates.program_interest(meetings, programs)),
        charts.heatmap_figure(aggregates.program_region_counts(meetings, programs)),
    ]


def test_figures_speak_korean_and_depend_only_on_the_language(shipped):
    english = [figure.to_json() for figure in every_figure(shipped)]
    i18n.use("ko")
    korean = every_figure(shipped)
    i18n.use("en")
    assert [figure.to_json() for figure in every_figure(shipped)] == english
    mapped, _, coverage, monthly, strip, bars, heatmap = korean
    assert mapped.data[0].colorbar.title.text == "면담 수"
    assert "캐나다" in mapped.data[0].text and "최근 면담일" in mapped.data[0].hovertemplate
    assert {trace.name for trace in coverage.data} >= {"주한 공관 · 면담 없음"}
    assert monthly.layout.xaxis.title.text == "월" and "아시아" in {t.name for t in monthly.data}
    assert "%Y년 %-m월" in monthly.data[0].hovertemplate
    assert monthly.layout.xaxis.tickformat == "%Y년"  # 2019 to 2025: a tick a year
    assert y_title(strip) == "국가" and "대한민국" in strip.data[-1].y
    assert y_title(bars) == "프로그램"
    assert (
        "서울스마트시티상" in bars.layout.yaxis.ticktext and "민관협력" in bars.data[0].customdata
    )
    assert "집행위원회" in heatmap.layout.yaxis.ticktext
    assert "스마트시티 협력" in "".join(mapped.data[0].customdata[:, 2])
    assert not any("Smart city cooperation" in text for text in strip.data[-1].hovertext)
    assert heatmap.layout.xaxis.title.text == "지역" and "유럽" in heatmap.data[0].x
    approximate = next(t for t in strip.data if t.name == "대략적인 날짜")
    assert "2019년 4월 2일 – 2019년 4월 8일 중 (주 단위)" in approximate.hovertext[0]


def test_empty_aggregates_give_figures_without_errors(shipped):
    nothing = shipped.iloc[0:0]
    for figure in every_figure(nothing):
        assert json.loads(figure.to_json())["data"] is not None
