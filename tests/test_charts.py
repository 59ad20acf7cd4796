"""The figures carry what a person should see: dates on time axes, titles, colour direction,
text in the run's language. tests/test_figures_browser.py draws them; the map's own tests
are tests/test_world_map.py."""

import json
from datetime import date

import pandas as pd
import pytest

from lib import aggregates, charts, i18n
from lib.filters import program_rows
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


# The timeline ------------------------------------------------------------------------------


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
    return [
        charts.program_figure(aggregates.program_interest(meetings, programs)),
        charts.heatmap_figure(aggregates.program_region_counts(meetings, programs)),
    ]


def test_figures_speak_korean_and_depend_only_on_the_language(shipped):
    english = [figure.to_json() for figure in every_figure(shipped)]
    i18n.use("ko")
    korean = every_figure(shipped)
    i18n.use("en")
    assert [figure.to_json() for figure in every_figure(shipped)] == english
    bars, heatmap = korean
    assert y_title(bars) == "프로그램"
    assert (
        "서울스마트시티상" in bars.layout.yaxis.ticktext and "민관협력" in bars.data[0].customdata
    )
    assert "집행위원회" in heatmap.layout.yaxis.ticktext
    assert heatmap.layout.xaxis.title.text == "지역" and "유럽" in heatmap.data[0].x


def test_empty_aggregates_give_figures_without_errors(shipped):
    nothing = shipped.iloc[0:0]
    for figure in every_figure(nothing):
        assert json.loads(figure.to_json())["data"] is not None
