"""Each aggregate equals a plain pandas groupby of the meetings it summarises."""

import pandas as pd
import pytest

from lib import aggregates
from lib.filters import Filters, apply, program_rows

TODAY = pd.Timestamp("2026-11-28")


def with_program(meetings: pd.DataFrame, program: str) -> pd.DataFrame:
    return meetings[meetings["programs"].map(lambda listed: program in listed)]


def test_country_summary_equals_a_plain_groupby(shipped):
    asia = apply(shipped, Filters.of(region="Asia"))
    summary = aggregates.country_summary(asia, program_rows(asia), TODAY).set_index("iso3")
    by_country = asia.groupby(asia["iso3"].astype(str))
    assert summary["meetings"].to_dict() == by_country.size().to_dict()
    assert summary["last_date"].to_dict() == by_country["date"].max().to_dict()
    open_ones = by_country["follow_up_status"].agg(lambda status: int((status == "open").sum()))
    assert summary["open_follow_ups"].to_dict() == open_ones.to_dict()
    assert set(summary["region"]) == {"Asia"}
    last = by_country["date"].max()
    months = (TODAY.year - last.dt.year) * 12 + TODAY.month - last.dt.month
    assert summary["months_since"].to_dict() == months.to_dict()


def test_country_summary_names_each_countrys_most_discussed_programs(shipped):
    summary = aggregates.country_summary(shipped, program_rows(shipped), TODAY)
    for code, listed in zip(summary["iso3"], summary["programs"], strict=True):
        mine = shipped.loc[shipped["iso3"] == code, "programs"].explode().dropna()
        counts = mine.value_counts()
        ranked = sorted(counts.index, key=lambda program: (-counts[program], program))
        assert listed == ", ".join(ranked[: aggregates.TOP_PROGRAMS])
    quiet = summary.loc[summary["programs"] == "", "iso3"]
    for code in quiet:  # "" only where no meeting of the country names a program
        assert not shipped.loc[shipped["iso3"] == code, "programs"].map(len).any()


def test_country_summary_lists_most_met_countries_first(shipped):
    summary = aggregates.country_summary(shipped, program_rows(shipped), TODAY)
    assert summary["meetings"].is_monotonic_decreasing
    assert summary["meetings"].sum() == len(shipped)


def test_coverage_table_sorts_every_mission_and_engaged_country(shipped):
    summary = aggregates.country_summary(shipped, program_rows(shipped), TODAY)
    missions = aggregates.missions()
    table = aggregates.coverage_table(summary, missions).set_index("iso3")
    engaged = set(shipped["iso3"].astype(str))
    with_mission = set(missions["iso3"])
    status = table["status"]
    assert set(status[status == aggregates.NEVER_MET].index) == with_mission - engaged
    assert set(status[status == aggregates.MET_WITH_MISSION].index) == engaged & with_mission
    assert set(status[status == aggregates.MET_WITHOUT_MISSION].index) == engaged - with_mission
    never = table[status == aggregates.NEVER_MET]
    assert (never["meetings"] == 0).all() and never["last_date"].isna().all()


def test_monthly_counts_equal_a_plain_groupby(shipped):
    counts = aggregates.monthly_counts(shipped)
    plain = shipped.groupby([shipped["date"].dt.strftime("%Y-%m"), shipped["region"].astype(str)])
    got = {(m.strftime("%Y-%m"), r): n for m, r, n in counts.itertuples(index=False)}
    assert got == plain.size().to_dict()
    assert (counts["month"].dt.day == 1).all()


def test_strip_marks_one_per_country_and_date_window(shipped):
    marks = aggregates.strip_marks(shipped)
    keys = ["iso3", "date", "date_end", "date_precision"]
    windows = shipped[keys].astype({"iso3": str, "date_precision": str}).value_counts()
    got = marks.set_index(keys)["meetings"]
    assert got.to_dict() == windows.to_dict()
    assert (marks["approximate"] == (marks["date_precision"] != "day")).all()
    assert not marks["grouped"].any()
    canada = marks[marks["iso3"] == "CAN"]
    assert set(canada["country"]) == {"Canada"}


def test_strip_marks_keep_the_most_met_countries(shipped):
    marks = aggregates.strip_marks(shipped, max_countries=5)
    counts = shipped["iso3"].astype(str).value_counts()
    kept = set(marks["iso3"])
    assert len(kept) == 5
    assert counts[list(kept)].min() >= counts.drop(list(kept)).max()


def test_strip_marks_group_by_month_above_the_threshold(shipped):
    marks = aggregates.strip_marks(shipped, max_marks=10)
    month = shipped["date"].dt.to_period("M").dt.start_time
    plain = shipped.groupby([shipped["iso3"].astype(str), month]).size()
    assert marks.set_index(["iso3", "date"])["meetings"].to_dict() == plain.to_dict()
    assert marks["grouped"].all() and not marks["approximate"].any()
    assert (marks["date_end"] == marks["date"] + pd.offsets.MonthEnd(0)).all()


def test_program_interest_equals_a_plain_count(shipped):
    interest = aggregates.program_interest(shipped, program_rows(shipped)).set_index("program")
    every = shipped["programs"].explode().dropna().unique()
    assert set(interest.index) == set(every)
    for program in every:
        having = with_program(shipped, program)
        assert interest.loc[program, "meetings"] == len(having)
        assert interest.loc[program, "countries"] == having["iso3"].nunique()
    assert interest["meetings"].is_monotonic_decreasing


def test_program_region_counts_equal_a_plain_count(shipped):
    counts = aggregates.program_region_counts(shipped, program_rows(shipped))
    for program in counts.index:
        plain = with_program(shipped, program)["region"].astype(str).value_counts()
        assert {region: n for region, n in counts.loc[program].items() if n} == plain.to_dict()
    totals = counts.sum(axis=1)
    assert totals.is_monotonic_decreasing  # most discussed program first


@pytest.mark.parametrize("program", ["Seoul Global Challenge", "Seoul Smart City Prize"])
def test_program_countries_lists_who_and_when(shipped, program):
    table = aggregates.program_countries(shipped, program_rows(shipped), program)
    having = with_program(shipped, program)
    plain = having.groupby(having["iso3"].astype(str))["date"].agg(["size", "min", "max"])
    got = table.set_index("iso3")
    assert got["meetings"].to_dict() == plain["size"].to_dict()
    assert got["first"].to_dict() == plain["min"].to_dict()
    assert got["last"].to_dict() == plain["max"].to_dict()
    assert table["last"].is_monotonic_decreasing


def test_empty_slice_gives_empty_aggregates(shipped):
    nothing = shipped.iloc[0:0]
    programs = program_rows(nothing)
    summary = aggregates.country_summary(nothing, programs)
    assert summary.empty and list(summary.columns) == aggregates.SUMMARY_COLUMNS
    assert aggregates.program_interest(nothing, programs).empty
    assert aggregates.monthly_counts(nothing).empty
    assert aggregates.strip_marks(nothing).empty
    assert aggregates.program_countries(nothing, programs, "Seoul Global Challenge").empty
    coverage = aggregates.coverage_table(summary, aggregates.missions())
    assert (coverage["status"] == aggregates.NEVER_MET).all()


def test_missions_are_known_countries_with_regions():
    missions = aggregates.missions()
    assert missions["iso3"].is_unique
    assert "Canada" in set(missions["country"])
    assert missions["region"].isin(["Africa", "Americas", "Asia", "Europe", "Oceania"]).all()
