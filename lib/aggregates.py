"""What the figures and tables show, computed from the meetings (pandas only, no plotly).

Each function takes the filtered meetings (and `programs`, `filters.program_rows` of them)
and returns a small frame of data, never text for people: names in English and ISO3 codes,
dates as timestamps. lib.charts draws them in the run's language; pages show the tables.
Nothing here grows with the meetings beyond one pass of pandas over them.
"""

from functools import cache
from pathlib import Path

import pandas as pd

from lib.countries import country_by_iso3
from lib.meetings import PRECISIONS

PRECISION_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}  # day first

MISSIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "missions.csv"
APPROXIMATE = ("week", "month", "quarter", "year")
TOP_PROGRAMS = 4  # programs named per country in the map's hover
STRIP_COUNTRIES = 40  # countries in the timeline strip, those with most meetings
STRIP_MARKS = 1_500  # above this many meetings, the strip groups marks by month

# Coverage of the resident missions in Seoul, as codes; lib.charts names them for people.
MET_WITH_MISSION = "met_with_mission"
MET_WITHOUT_MISSION = "met_without_mission"
NEVER_MET = "never_met"


@cache
def missions() -> pd.DataFrame:
    """Countries with a resident embassy in Seoul: iso3, country, region, subregion."""
    table = pd.read_csv(MISSIONS_FILE, dtype=str, keep_default_na=False)
    found = [country_by_iso3(code) for code in table["iso3"]]
    return pd.DataFrame(
        {
            "iso3": table["iso3"],
            "country": [c.name for c in found],
            "region": [c.region for c in found],
            "subregion": [c.subregion for c in found],
        }
    )


SUMMARY_COLUMNS = [
    "iso3",
    "country",
    "region",
    "subregion",
    "meetings",
    "last_date",
    "last_precision",
    "months_since",
    "open_follow_ups",
    "programs",
]


def country_summary(
    meetings: pd.DataFrame, programs: pd.DataFrame, today: pd.Timestamp | None = None
) -> pd.DataFrame:
    """One row per engaged country, most meetings first.

    Columns: iso3, country, region, subregion, meetings, last_date and last_precision (the
    latest meeting's date and how exact it is: the most exact of the meetings starting that
    day), months_since (whole months from the last meeting to `today`), open_follow_ups,
    and programs (the
    TOP_PROGRAMS most discussed, ", "-joined; "" when none is recorded).
    """
    today = today or pd.Timestamp.today().normalize()
    if meetings.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    columns = {
        "iso3": meetings["iso3"],
        "date": meetings["date"],
        "open_follow_up": meetings["follow_up_status"] == "open",
    }
    summary = (
        pd.DataFrame(columns)
        .groupby("iso3", observed=True)
        .agg(
            meetings=("date", "size"),
            last_date=("date", "max"),
            open_follow_ups=("open_follow_up", "sum"),
        )
        .reset_index()
    )
    summary["iso3"] = summary["iso3"].astype(str)
    summary["last_precision"] = _precisions_on(meetings, summary["iso3"], summary["last_date"])
    places = [country_by_iso3(code) for code in summary["iso3"]]
    summary["country"] = [place.name for place in places]
    summary["region"] = [place.region for place in places]
    summary["subregion"] = [place.subregion for place in places]
    summary["months_since"] = (
        (today.year - summary["last_date"].dt.year) * 12
        + (today.month - summary["last_date"].dt.month)
    ).clip(lower=0)
    interest = pd.DataFrame(
        {
            "iso3": meetings["iso3"].array.take(programs["row"].to_numpy()),
            "program": programs["program"].array,
        }
    )
    counts = interest.groupby(["iso3", "program"], observed=True).size().reset_index(name="n")
    counts["iso3"] = counts["iso3"].astype(str)
    counts["program"] = counts["program"].astype(str)
    counts = counts.sort_values(["iso3", "n", "program"], ascending=[True, False, True])
    top: dict[str, list[str]] = {}
    for code, program in zip(counts["iso3"].tolist(), counts["program"].tolist(), strict=True):
        listed = top.setdefault(code, [])
        if len(listed) < TOP_PROGRAMS:
            listed.append(program)
    summary["programs"] = [", ".join(top.get(code, ())) for code in summary["iso3"]]
    summary = summary[SUMMARY_COLUMNS]
    return summary.sort_values(["meetings", "country"], ascending=[False, True], ignore_index=True)


def _precisions_on(meetings: pd.DataFrame, codes: pd.Series, dates: pd.Series) -> list[str]:
    """For each country (`codes`), the most exact precision of its meetings starting on its
    date in `dates`: how exact a first or latest meeting's date is."""
    latest = pd.DataFrame(
        {
            "iso3": meetings["iso3"].astype(str).to_numpy(),
            "date": meetings["date"].to_numpy(),
            "rank": meetings["date_precision"].map(PRECISION_RANK).astype(float).to_numpy(),
        }
    )
    day = latest["iso3"].map(dict(zip(codes, dates, strict=True)))
    finest = latest[latest["date"] == day].groupby("iso3")["rank"].min()
    return [PRECISIONS[int(finest[code])] for code in codes]


def coverage_table(summary: pd.DataFrame, mission_list: pd.DataFrame) -> pd.DataFrame:
    """Engaged countries and never-met resident missions, each with its coverage `status`.

    `status` is MET_WITH_MISSION, MET_WITHOUT_MISSION or NEVER_MET; never-met missions have
    0 meetings, no last date and no programs.
    """
    engaged = summary[["iso3", "country", "meetings", "last_date", "programs"]].copy()
    with_mission = engaged["iso3"].isin(set(mission_list["iso3"]))
    engaged["status"] = with_mission.map({True: MET_WITH_MISSION, False: MET_WITHOUT_MISSION})
    unmet = mission_list.loc[~mission_list["iso3"].isin(engaged["iso3"]), ["iso3", "country"]]
    unmet = unmet.assign(meetings=0, last_date=pd.NaT, programs="", status=NEVER_MET)
    if unmet.empty:
        return engaged.reset_index(drop=True)
    return pd.concat([engaged, unmet], ignore_index=True)


def monthly_counts(meetings: pd.DataFrame) -> pd.DataFrame:
    """Meetings per month and region: month (its first day), region, meetings.

    An approximate meeting counts in the month its date window starts.
    """
    month = meetings["date"].dt.to_period("M").dt.to_timestamp()
    counts = (
        pd.DataFrame({"month": month, "region": meetings["region"]})
        .groupby(["month", "region"], observed=True)
        .size()
        .reset_index(name="meetings")
    )
    counts["region"] = counts["region"].astype(str)
    return counts


MARK_KEYS = ["iso3", "date", "date_end", "date_precision"]


def strip_marks(
    meetings: pd.DataFrame, max_countries: int = STRIP_COUNTRIES, max_marks: int = STRIP_MARKS
) -> pd.DataFrame:
    """One mark per country and date window, for the `max_countries` most-met countries.

    Columns: iso3, country, date, date_end (the window's last day), date_precision,
    meetings, counterpart, programs ("; "-joined), source, approximate, grouped. Meetings
    in the same window of the same country share a mark. Above `max_marks` meetings the
    windows are calendar months (`grouped` is True, `approximate` False) and counterpart,
    programs and source are left empty: a mark then stands for many meetings.
    """
    top = meetings["iso3"].value_counts().head(max_countries).index
    needed = [*MARK_KEYS, "counterpart", "programs", "source_title"]
    shown = meetings.loc[meetings["iso3"].isin(top), needed]
    grouped = len(shown) > max_marks
    if grouped:
        month = shown["date"].dt.to_period("M")
        shown = pd.DataFrame(
            {
                "iso3": shown["iso3"],
                "date": month.dt.start_time,
                "date_end": month.dt.end_time.dt.normalize(),
                "date_precision": "month",
            }
        )
        marks = shown.groupby(MARK_KEYS, observed=True).size().reset_index(name="meetings")
        marks = marks.assign(counterpart="", programs="", source="")
    else:
        marks = _marks_by_window(shown)
    marks["iso3"] = marks["iso3"].astype(str)
    marks["date_precision"] = marks["date_precision"].astype(str)
    names = {code: country_by_iso3(code).name for code in marks["iso3"].unique()}
    marks.insert(1, "country", marks["iso3"].map(names))
    marks["approximate"] = marks["date_precision"].isin(APPROXIMATE) & (not grouped)
    marks["grouped"] = grouped
    return marks


def _marks_by_window(shown: pd.DataFrame) -> pd.DataFrame:
    """Marks of a few meetings, in plain Python (quicker than pandas at this size)."""
    marks: dict[tuple, dict] = {}
    columns = [shown[column].tolist() for column in [*MARK_KEYS, "counterpart", "programs"]]
    sources = shown["source_title"].tolist()
    for *key, counterpart, programs, source in zip(*columns, sources, strict=True):
        mark = marks.setdefault(
            tuple(key),
            {"meetings": 0, "counterpart": counterpart, "programs": {}, "source": source},
        )
        mark["meetings"] += 1
        mark["programs"].update(dict.fromkeys(programs))
    rows = [
        {**dict(zip(MARK_KEYS, key, strict=True)), **mark, "programs": "; ".join(mark["programs"])}
        for key, mark in marks.items()
    ]
    return pd.DataFrame(rows, columns=[*MARK_KEYS, "meetings", "counterpart", "programs", "source"])


def program_interest(meetings: pd.DataFrame, programs: pd.DataFrame) -> pd.DataFrame:
    """Per program: meetings and countries that showed interest, most meetings first."""
    if programs.empty:
        return pd.DataFrame(columns=["program", "meetings", "countries"])
    joined = pd.DataFrame(
        {
            "program": programs["program"].array,
            "row": programs["row"].to_numpy(),
            "iso3": meetings["iso3"].cat.codes.to_numpy()[programs["row"].to_numpy()],
        }
    )
    table = joined.groupby("program", observed=True).agg(
        meetings=("row", "nunique"), countries=("iso3", "nunique")
    )
    table = table.reset_index()
    table["program"] = table["program"].astype(str)
    return table.sort_values(["meetings", "program"], ascending=[False, True], ignore_index=True)


def program_region_counts(meetings: pd.DataFrame, programs: pd.DataFrame) -> pd.DataFrame:
    """Meetings per program (rows, most meetings first) and region (columns); 0 where none."""
    pairs = pd.DataFrame(
        {
            "program": programs["program"].array,
            "region": meetings["region"].array.take(programs["row"].to_numpy()),
        }
    )
    counts = pairs.groupby(["program", "region"], observed=True).size().unstack(fill_value=0)
    counts.index = counts.index.astype(str)
    counts.columns = counts.columns.astype(str)
    order = sorted(counts.index, key=lambda program: (-counts.loc[program].sum(), program))
    return counts.loc[order]


def program_countries(meetings: pd.DataFrame, programs: pd.DataFrame, program: str) -> pd.DataFrame:
    """Countries that showed interest in one program: iso3, country, region, meetings, first,
    last (dates of the first and latest meeting), first_precision and last_precision (how
    exact those dates are), latest first."""
    rows = programs.loc[programs["program"] == program, "row"].unique()
    chosen = meetings.iloc[rows]
    if chosen.empty:
        columns = ["iso3", "country", "region", "meetings", "first", "last"]
        return pd.DataFrame(columns=[*columns, "first_precision", "last_precision"])
    table = chosen.groupby("iso3", observed=True).agg(
        country=("country", "first"),
        region=("region", "first"),
        meetings=("date", "size"),
        first=("date", "min"),
        last=("date", "max"),
    )
    table = table.reset_index()
    for column in ("iso3", "country", "region"):
        table[column] = table[column].astype(str)
    for column in ("first", "last"):
        table[f"{column}_precision"] = _precisions_on(chosen, table["iso3"], table[column])
    return table.sort_values(["last", "country"], ascending=[False, True], ignore_index=True)
