"""The Timeline's meetings per month (lib/month_chart.py), read from Vega's own drawing of
it (tests/timeline_drawing.py): bars a month wide stacked by region, whole meetings, months
or years on the time axis, the legend of regions, English and Korean. Random slices:
tests/test_slices.py; in the app: tests/test_browser.py."""

import pandas as pd
import pytest

from lib import aggregates, i18n, month_chart
from lib.filters import Filters, apply
from tests.timeline_drawing import drawn_months, tooltip_lines

DAY_MS = 24 * 3600 * 1000


@pytest.fixture(autouse=True)
def english():
    i18n.use("en")
    yield
    i18n.use("en")


def days_across(months, bar) -> float:
    """How many days a bar spans, on the chart's time scale."""
    low, high = (pd.Timestamp(day) for day in months.spec["encoding"]["x"]["scale"]["domain"])
    return (bar.right - bar.left) / months.plot_width * (high - low).days


def test_meetings_per_month_stacks_whole_meetings_by_region_a_month_wide(shipped):
    counts = aggregates.monthly_counts(shipped)
    months = drawn_months(counts)
    assert len(months.bars) == len(counts)
    assert sum(bar.row["meetings"] for bar in months.bars) == len(shipped)
    assert months.x.title == "Month" and months.y.title == "Meetings"
    assert not months.y.title_rotated
    assert months.y.labels and all(label.replace(",", "").isdigit() for label in months.y.labels)
    highest = counts.groupby("month")["meetings"].sum().max()
    assert int(months.y.labels[-1].replace(",", "")) >= highest  # the tallest bar under a tick
    # Heights in proportion to the meetings, the regions of a month one above the other.
    per_meeting = {round((bar.bottom - bar.top) / bar.row["meetings"], 3) for bar in months.bars}
    assert len(per_meeting) == 1
    by_month: dict[int, list] = {}
    for bar in months.bars:
        by_month.setdefault(bar.row["start"], []).append(bar)
    stacked = max(by_month.values(), key=len)
    assert len(stacked) >= 3
    stacked.sort(key=lambda bar: bar.top)
    for upper, lower in zip(stacked, stacked[1:], strict=False):
        assert upper.bottom == pytest.approx(lower.top)
    assert all(20 <= days_across(months, bar) <= 31 for bar in months.bars)
    # Every region drawn in its colour, named under the plot.
    assert months.legend_title == "Region"
    assert dict(months.legend) == {
        region: month_chart.REGION_COLOURS[region] for region in set(counts["region"])
    }
    assert {bar.colour for bar in months.bars} == {colour for _, colour in months.legend}


def test_meetings_per_month_labels_the_first_year_it_draws(shipped):
    """Issue 19, point 2: the 2019 bars under a "2019" label."""
    months = drawn_months(aggregates.monthly_counts(shipped))
    assert months.x.labels == [str(year) for year in range(2019, 2026)]
    assert min(bar.left for bar in months.bars) > 0


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_narrow_slice_keeps_months_and_a_bar_a_month_wide(shipped, language):
    """The Americas at LASCN (/Timeline?region=Americas&q=LASCN): three meetings on a day."""
    i18n.use(language)
    lascn = apply(shipped, Filters.of(region="Americas", q="LASCN"))
    assert len(lascn) == 3 and lascn["date"].nunique() == 1
    for narrow in (lascn, lascn.head(1)):
        months = drawn_months(aggregates.monthly_counts(narrow))
        expected = {
            "en": ["Apr 2021", "May 2021", "Jun 2021", "Jul 2021", "Aug 2021", "Sep 2021"],
            "ko": [f"{month}월 2021년" for month in range(4, 10)],
        }
        assert months.x.labels == expected[language]
        (bar,) = months.bars
        assert 20 <= days_across(months, bar) <= 31
        assert bar.right - bar.left <= months.plot_width / 3
        # The legend says what the colour is, also for one region.
        assert [label for label, _ in months.legend] == [i18n._("Americas")]


def test_meetings_per_month_speaks_korean(shipped):
    i18n.use("ko")
    months = drawn_months(aggregates.monthly_counts(shipped))
    assert months.x.title == "월" and months.y.title == "면담 수"
    assert months.x.labels[0] == "2019년" and months.legend_title == "지역"
    assert "아시아" in [label for label, _ in months.legend]
    first = months.bars[0]
    assert tooltip_lines(first.row) == ["2019년 3월", "면담 수: 2"]


def test_tooltip_names_the_region_month_and_count(shipped):
    counts = aggregates.monthly_counts(shipped)
    for row, month, meetings in zip(
        month_chart.month_rows(counts), counts["month"], counts["meetings"], strict=True
    ):
        assert tooltip_lines(row) == [f"{month:%b %Y}", f"Meetings: {meetings}"]
        assert row["tip"]["title"] == row["region"]


def test_nothing_to_draw_gives_an_empty_chart(shipped):
    months = drawn_months(aggregates.monthly_counts(shipped.iloc[0:0]))
    assert months.bars == [] and all(label.isdigit() for label in months.x.labels)
