import pandas as pd

from lib import charts
from lib.filters import Filters, apply, program_rows


def summary_of(meetings: pd.DataFrame) -> pd.DataFrame:
    return charts.country_summary(
        meetings, program_rows(meetings), today=pd.Timestamp("2026-11-28")
    )


def test_country_summary_equals_a_plain_groupby(shipped):
    asia = apply(shipped, Filters.of(region="Asia"))
    summary = summary_of(asia).set_index("iso3")
    plain = asia.groupby(asia["iso3"].astype(str)).agg(n=("id", "size"), last=("date", "max"))
    assert summary["meetings"].to_dict() == plain["n"].to_dict()
    assert summary["last_date"].to_dict() == plain["last"].to_dict()


def test_country_summary_counts_open_follow_ups_and_months_since(shipped):
    summary = summary_of(shipped).set_index("iso3")
    canada = shipped[shipped["iso3"] == "CAN"]
    assert summary.loc["CAN", "open_follow_ups"] == (canada["follow_up_status"] == "open").sum()
    last = canada["date"].max()
    assert summary.loc["CAN", "months_since"] == (2026 - last.year) * 12 + 11 - last.month


def test_map_has_one_location_per_engaged_country_and_shows_the_world(shipped):
    figure = charts.outreach_map(summary_of(shipped))
    locations = list(figure.data[0].locations)
    assert sorted(locations) == sorted(shipped["iso3"].astype(str).unique())
    assert figure.layout.geo.fitbounds is False
    hover = figure.data[0].hovertemplate
    assert "Last meeting" in hover and "Programs of interest" in hover


def test_coverage_map_marks_unmet_missions(shipped):
    missions = charts.missions()
    figure = charts.outreach_map(summary_of(shipped), "coverage", missions)
    by_status = {trace.name: set(trace.locations) for trace in figure.data}
    unmet = set(missions["iso3"]) - set(shipped["iso3"].astype(str))
    assert by_status["Resident mission, never met"] == unmet
    assert "CAN" in by_status["Met, resident mission in Seoul"]


def test_last_contact_map_is_coloured_by_months_since(shipped):
    summary = summary_of(shipped)
    figure = charts.outreach_map(summary, "last contact")
    assert list(figure.data[0].z) == list(summary["months_since"])


def test_undrawn_countries_lists_those_without_a_shape(shipped):
    undrawn = charts.undrawn_countries(summary_of(shipped))
    assert "SGP" not in charts.drawable_iso3()
    assert "Singapore" in set(undrawn["country"])
    assert not set(undrawn["iso3"]) & charts.drawable_iso3()


def test_monthly_counts_equal_a_plain_groupby(shipped):
    counts = charts.monthly_counts(shipped)
    plain = shipped.groupby([shipped["date"].dt.strftime("%Y-%m"), shipped["region"].astype(str)])
    expected = plain.size().to_dict()
    got = {(m.strftime("%Y-%m"), r): n for m, r, n in counts.itertuples(index=False)}
    assert got == expected
    assert counts["meetings"].sum() == len(shipped)


def test_strip_marks_approximate_dates_apart(shipped):
    marks = charts.strip_marks(shipped)
    assert marks["meetings"].sum() == len(shipped)
    week = marks[(marks["country"] == "Canada") & (marks["date_precision"] == "week")]
    assert week["approximate"].all() and len(week) >= 1
    figure = charts.strip_chart(shipped)
    symbols = {trace.name: trace.marker.symbol for trace in figure.data if trace.mode == "markers"}
    assert symbols == {"Exact date": "circle", "Approximate date": "circle-open"}
    windows = [trace for trace in figure.data if trace.name == "Date window"][0]
    assert len([x for x in windows.x if x is not None]) == 2 * marks["approximate"].sum()


def test_program_interest_equals_a_plain_count(shipped):
    interest = charts.program_interest(shipped, program_rows(shipped)).set_index("program")
    for program in ["Seoul Smart City Prize", "Urban Innovation Challenge: Citypreneurs"]:
        having = shipped[shipped["programs"].map(lambda listed, p=program: p in listed)]
        assert interest.loc[program, "meetings"] == len(having)
        assert interest.loc[program, "countries"] == having["iso3"].nunique()


def test_program_region_heatmap_counts(shipped):
    counts = charts.program_region_counts(shipped, program_rows(shipped))
    prize = shipped[shipped["programs"].map(lambda listed: "Seoul Smart City Prize" in listed)]
    expected = prize["region"].astype(str).value_counts().to_dict()
    row = counts.loc["Seoul Smart City Prize"]
    assert {region: n for region, n in row.items() if n} == expected


def test_program_countries_lists_who_and_when(shipped):
    table = charts.program_countries(shipped, program_rows(shipped), "Seoul Global Challenge")
    assert list(table["Country"]) == ["Canada"]
    assert table.loc[0, "First"] == pd.Timestamp("2019-04-02")


def test_empty_slice_gives_empty_aggregates(shipped):
    nothing = shipped.iloc[0:0]
    assert summary_of(nothing).empty
    assert charts.program_interest(nothing, program_rows(nothing)).empty
