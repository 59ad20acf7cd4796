"""Aggregates of the meetings and the figures built from them, never one trace per meeting."""

import json
from functools import cache
from html import escape
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.countries import country_by_iso3

ROOT = Path(__file__).resolve().parent.parent
WORLD_SHAPES = ROOT / "static" / "world_110m.json"
MISSIONS_FILE = ROOT / "data" / "missions.csv"

# Okabe-Ito: told apart by people with the common forms of colour blindness.
REGION_COLOURS = {
    "Africa": "#E69F00",
    "Americas": "#0072B2",
    "Asia": "#009E73",
    "Europe": "#CC79A7",
    "Oceania": "#D55E00",
}
COVERAGE_COLOURS = {
    "Met, resident mission in Seoul": "#0072B2",
    "Met, no resident mission": "#56B4E9",
    "Resident mission, never met": "#E69F00",
}
MAP_COLOURINGS = ("Meetings", "Last contact", "Coverage")
APPROXIMATE = ("week", "month", "quarter", "year")


@cache
def drawable_iso3() -> frozenset[str]:
    """Countries the shipped world map has a shape for."""
    shapes = json.loads(WORLD_SHAPES.read_text())
    return frozenset(g.get("id") for g in shapes["objects"]["countries"]["geometries"])


@cache
def missions() -> pd.DataFrame:
    """Countries with a resident embassy in Seoul, with their display name and region."""
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


def country_summary(
    meetings: pd.DataFrame, programs: pd.DataFrame, today: pd.Timestamp | None = None
) -> pd.DataFrame:
    """One row per engaged country: meetings, last meeting, months since, programs, open follow-ups.

    `programs` is filters.program_rows(meetings).
    """
    today = today or pd.Timestamp.today().normalize()
    if meetings.empty:
        return pd.DataFrame(
            columns=["iso3", "country", "region", "meetings", "last_date", "months_since"]
        )
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
    places = [country_by_iso3(code) for code in summary["iso3"]]
    for column in ("country", "region", "subregion"):
        summary[column] = [
            getattr(place, column if column != "country" else "name") for place in places
        ]
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
        if len(listed) < 4:
            listed.append(program)
    summary["programs"] = [", ".join(top.get(code, ["none recorded"])) for code in summary["iso3"]]
    summary["last_date_text"] = summary["last_date"].dt.strftime("%d %b %Y")
    return summary.sort_values("meetings", ascending=False, ignore_index=True)


def coverage_table(summary: pd.DataFrame, mission_list: pd.DataFrame) -> pd.DataFrame:
    """Engaged countries and unmet resident missions, each with its coverage status."""
    engaged = summary[["iso3", "country", "meetings", "last_date_text", "programs"]].copy()
    with_mission = set(mission_list["iso3"])
    engaged["status"] = [
        "Met, resident mission in Seoul" if code in with_mission else "Met, no resident mission"
        for code in engaged["iso3"]
    ]
    unmet = mission_list[~mission_list["iso3"].isin(engaged["iso3"])][["iso3", "country"]].copy()
    unmet["status"] = "Resident mission, never met"
    unmet["meetings"] = 0
    unmet["last_date_text"] = "never"
    unmet["programs"] = "none recorded"
    return pd.concat([engaged, unmet], ignore_index=True)


def _figure(traces: list[dict]) -> go.Figure:
    """A figure of trace dicts, without plotly's value-by-value checks.

    Those checks were a large share of a page's rerun. The dicts are built only here, from
    known attributes; the browser tests draw every figure.
    """
    return go.Figure(data=traces, _validate=False)


def _map_trace(table: pd.DataFrame, **style) -> dict:
    """A choropleth trace of a table of countries with the map's hover text."""
    custom = (
        np.column_stack(
            [
                table["iso3"].to_numpy(dtype=object),
                table["meetings"].to_numpy(dtype=object),
                table["last_date_text"].to_numpy(dtype=object),
                table["programs"].map(escape).to_numpy(dtype=object),
            ]
        )
        if len(table)
        else None
    )
    return dict(
        type="choropleth",
        locations=table["iso3"].to_numpy(dtype=str),
        locationmode="ISO-3",
        text=table["country"].map(escape).to_numpy(dtype=str),
        customdata=custom,
        hovertemplate=(
            "<b>%{text}</b><br>Meetings: %{customdata[1]}<br>Last meeting: %{customdata[2]}"
            "<br>Programs of interest: %{customdata[3]}<extra></extra>"
        ),
        marker=dict(line=dict(color="rgba(128,128,128,0.6)", width=0.5)),
        **style,
    )


def outreach_map(
    summary: pd.DataFrame, colour_by: str = "meetings", mission_list: pd.DataFrame | None = None
) -> go.Figure:
    """World choropleth of engaged countries, coloured by meetings, last contact or coverage."""
    colour_by = colour_by.lower()
    if colour_by == "coverage":
        table = coverage_table(summary, missions() if mission_list is None else mission_list)
        traces = []
        for status, colour in COVERAGE_COLOURS.items():
            part = table[table["status"] == status]
            traces.append(
                _map_trace(
                    part,
                    z=np.ones(len(part)),
                    colorscale=[[0, colour], [1, colour]],
                    showscale=False,
                    name=status,
                    showlegend=True,
                )
            )
    elif colour_by == "last contact":
        traces = [
            _map_trace(
                summary,
                z=summary["months_since"].to_numpy(),
                colorscale="Cividis_r",
                colorbar=dict(title=dict(text="Months since<br>last meeting", side="top")),
            )
        ]
    else:
        top = max(1, int(summary["meetings"].max())) if len(summary) else 1
        traces = [
            _map_trace(
                summary,
                z=summary["meetings"].to_numpy(),
                zmin=0,
                zmax=top,
                colorscale="Viridis_r",
                colorbar=dict(
                    title=dict(text="Meetings", side="top"), tickformat=",d", dtick=-(-top // 5)
                ),
            )
        ]
    figure = _figure(traces)
    # plotly 7 zooms to the data by default; leadership wants the whole world.
    figure.update_geos(
        fitbounds=False,
        projection_type="natural earth",
        showcountries=True,
        countrycolor="rgba(128,128,128,0.5)",
        showframe=False,
        bgcolor="rgba(0,0,0,0)",
        landcolor="rgba(200,200,200,0.35)",
    )
    figure.update_layout(
        margin=dict(l=0, r=0, t=0, b=0),
        height=460,
        legend=dict(orientation="h", yanchor="bottom", y=-0.08, title_text=""),
        clickmode="event+select",
    )
    return figure


def undrawn_countries(summary: pd.DataFrame) -> pd.DataFrame:
    """Engaged countries the world map has no shape for (small states, Kosovo...)."""
    return summary.loc[~summary["iso3"].isin(drawable_iso3()), ["country", "iso3", "meetings"]]


def monthly_counts(meetings: pd.DataFrame) -> pd.DataFrame:
    """Meetings per month and region (month as the first day of the month)."""
    month = meetings["date"].dt.to_period("M").dt.to_timestamp()
    counts = (
        meetings.assign(month=month)
        .groupby(["month", "region"], observed=True)
        .size()
        .reset_index(name="meetings")
    )
    counts["region"] = counts["region"].astype(str)
    return counts


def monthly_chart(meetings: pd.DataFrame) -> go.Figure:
    """Bars of meetings per month, stacked by region."""
    counts = monthly_counts(meetings)
    traces = []
    for region, colour in REGION_COLOURS.items():
        part = counts[counts["region"] == region]
        if len(part):
            traces.append(
                dict(
                    type="bar",
                    x=part["month"].to_numpy(),
                    y=part["meetings"].to_numpy(),
                    name=region,
                    marker=dict(color=colour),
                    hovertemplate=f"{region}<br>%{{x|%b %Y}}: %{{y}} meeting(s)<extra></extra>",
                )
            )
    figure = _figure(traces)
    # On a date axis plotly sizes bars by the closest gap; sparse months would get bars
    # years wide. A month is about 26 days of bar.
    figure.update_traces(width=26 * 24 * 3600 * 1000)
    figure.update_layout(
        barmode="stack",
        margin=dict(l=0, r=0, t=10, b=0),
        height=320,
        legend=dict(title_text="Region"),
        yaxis_title="Meetings",
    )
    return figure


def strip_marks(
    meetings: pd.DataFrame, max_countries: int = 40, max_marks: int = 1500
) -> pd.DataFrame:
    """One mark per (country, date window): how many meetings, and what to say on hover.

    Above `max_marks` meetings, marks are grouped by country and month (`grouped` is
    True) so the chart stays readable and light.
    """
    keys = ["country", "date", "date_end", "date_precision"]
    needed = [*keys, "iso3", "counterpart", "programs", "source_title"]
    top = meetings["country"].value_counts().head(max_countries).index
    shown = meetings[needed][meetings["country"].isin(top)]
    grouped = len(shown) > max_marks
    if grouped:
        month = shown["date"].dt.to_period("M")
        shown = shown.assign(
            date=month.dt.start_time,
            date_end=month.dt.end_time.dt.normalize(),
            date_precision="month",
        )
    if grouped:
        # Grouped marks stand for many meetings: their hover gives the count, not a meeting's.
        marks = shown.groupby(keys, observed=True).agg(meetings=("iso3", "size")).reset_index()
    else:
        marks = _marks_by_window(shown, keys)
    marks["country"] = marks["country"].astype(str)
    marks["date_precision"] = marks["date_precision"].astype(str)
    marks["approximate"] = marks["date_precision"].isin(APPROXIMATE) & (not grouped)
    marks["grouped"] = grouped
    return marks


def _marks_by_window(shown: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Marks of a few meetings, in plain Python (quicker than pandas at this size)."""
    marks: dict[tuple, dict] = {}
    columns = [shown[column].tolist() for column in [*keys, "counterpart", "programs"]]
    sources = shown["source_title"].tolist()
    for *key, counterpart, programs, source in zip(*columns, sources, strict=True):
        mark = marks.setdefault(
            tuple(key),
            {"meetings": 0, "counterpart": counterpart, "programs": {}, "source": source},
        )
        mark["meetings"] += 1
        mark["programs"].update(dict.fromkeys(programs))
    rows = [
        {**dict(zip(keys, key, strict=True)), **mark, "programs": "; ".join(mark["programs"])}
        for key, mark in marks.items()
    ]
    return pd.DataFrame(rows, columns=[*keys, "meetings", "counterpart", "programs", "source"])


def strip_chart(meetings: pd.DataFrame, max_countries: int = 40) -> go.Figure:
    """Meetings by country over time; approximate dates hollow, with a bar over their window."""
    marks = strip_marks(meetings, max_countries)
    order = marks.groupby("country")["date"].min().sort_values().index.tolist()

    def hover(part: pd.DataFrame) -> np.ndarray:
        """Hover text per mark; plotly reads a little HTML, so people's text is escaped."""
        if marks["grouped"].any():
            names = {name: escape(name) for name in part["country"].unique()}
            months = {day: f"{day:%b %Y}" for day in part["date"].unique()}
            text = (
                "<b>"
                + part["country"].map(names)
                + "</b><br>"
                + part["meetings"].astype(str)
                + " meeting(s) in "
                + part["date"].map(months)
            )
            return text.to_numpy(dtype=str)
        texts = []
        for name, start, end, precision, meetings, counterpart, programs, source in zip(
            *(
                part[column].tolist()
                for column in (
                    "country",
                    "date",
                    "date_end",
                    "date_precision",
                    "meetings",
                    "counterpart",
                    "programs",
                    "source",
                )
            ),
            strict=True,
        ):
            when = f"{start:%d %b %Y}"
            if precision != "day":
                when = f"Some time {when} – {end:%d %b %Y} ({precision})"
            texts.append(
                f"<b>{escape(name)}</b><br>{when}"
                + (f" · {meetings} meetings" if meetings > 1 else "")
                + f"<br>Counterpart: {escape(counterpart or 'not named')}"
                + f"<br>Programs: {escape(programs or 'none recorded')}"
                + f"<br>Source: {escape(source or 'not given')}"
            )
        return np.array(texts, dtype=str)

    traces = []
    approximate = marks[marks["approximate"]]
    if not approximate.empty:
        # One line trace for every window: start, end, then a gap before the next.
        ends = approximate["date_end"] + pd.Timedelta(hours=23)
        xs = np.column_stack([approximate["date"], ends, np.full(len(ends), None)])
        ys = np.repeat(approximate["country"].to_numpy(dtype=object), 3).reshape(-1, 3)
        ys[:, 2] = None
        traces.append(
            dict(
                type="scatter",
                x=xs.ravel(),
                y=ys.ravel(),
                mode="lines",
                line=dict(width=6, color="rgba(0,114,178,0.35)"),
                name="Date window",
                hoverinfo="skip",
            )
        )
    exact_name = "Meetings in a month" if marks["grouped"].any() else "Exact date"
    for name, part, symbol in (
        (exact_name, marks[~marks["approximate"]], "circle"),
        ("Approximate date", approximate, "circle-open"),
    ):
        if part.empty:
            continue
        traces.append(
            dict(
                type="scatter",
                x=part["date"].to_numpy(),
                y=part["country"].to_numpy(dtype=str),
                mode="markers",
                name=name,
                marker=dict(
                    symbol=symbol,
                    size=(8 + 2 * part["meetings"].clip(upper=8)).to_numpy(),
                    color="#0072B2",
                    line=dict(width=2, color="#0072B2"),
                ),
                hovertext=hover(part),
                hoverinfo="text",
            )
        )
    figure = _figure(traces)
    figure.update_yaxes(categoryorder="array", categoryarray=order[::-1], title=None)
    figure.update_xaxes(title=None)
    figure.update_layout(
        height=max(260, 24 * len(order) + 80),
        margin=dict(l=0, r=0, t=10, b=0),
        legend=dict(orientation="h", yanchor="bottom", y=1.0),
    )
    return figure


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


def program_chart(interest: pd.DataFrame) -> go.Figure:
    """Horizontal bars: meetings and countries per program."""
    figure = _figure(
        [
            dict(
                type="bar",
                x=interest[column].to_numpy(),
                y=interest["program"].to_numpy(dtype=str),
                orientation="h",
                name=column.capitalize(),
                marker=dict(color=colour),
                hovertemplate=f"%{{y}}<br>{column.capitalize()}: %{{x}}<extra></extra>",
            )
            for column, colour in (("meetings", "#0072B2"), ("countries", "#E69F00"))
        ]
    )
    figure.update_yaxes(categoryorder="array", categoryarray=interest["program"].tolist()[::-1])
    figure.update_layout(
        barmode="group",
        height=max(280, 34 * len(interest) + 80),
        margin=dict(l=0, r=0, t=10, b=0),
        xaxis_title="Number",
    )
    return figure


def program_region_counts(meetings: pd.DataFrame, programs: pd.DataFrame) -> pd.DataFrame:
    """Meetings per program (rows) and region (columns)."""
    pairs = pd.DataFrame(
        {
            "program": programs["program"].array,
            "region": meetings["region"].array.take(programs["row"].to_numpy()),
        }
    )
    counts = pairs.groupby(["program", "region"], observed=True).size().unstack(fill_value=0)
    counts.index = counts.index.astype(str)
    counts.columns = counts.columns.astype(str)
    return counts


def program_heatmap(counts: pd.DataFrame) -> go.Figure:
    """Program × region heatmap of meetings."""
    figure = _figure(
        [
            dict(
                type="heatmap",
                z=counts.to_numpy(),
                x=list(counts.columns),
                y=list(counts.index),
                text=counts.to_numpy(),
                texttemplate="%{text}",
                colorscale="Blues",
                colorbar=dict(title=dict(text="Meetings")),
                hovertemplate="%{y} · %{x}: %{z} meeting(s)<extra></extra>",
            )
        ]
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_layout(height=max(280, 30 * len(counts) + 100), margin=dict(l=0, r=0, t=10, b=0))
    return figure


def program_countries(meetings: pd.DataFrame, programs: pd.DataFrame, program: str) -> pd.DataFrame:
    """Countries that showed interest in one program: meetings, first and last time."""
    rows = programs.loc[programs["program"] == program, "row"].unique()
    chosen = meetings.iloc[rows]
    if chosen.empty:
        return pd.DataFrame(columns=["Country", "Region", "Meetings", "First", "Last"])
    table = chosen.groupby("country", observed=True).agg(
        Region=("region", "first"),
        Meetings=("date", "size"),
        First=("date", "min"),
        Last=("date", "max"),
    )
    table = table.reset_index().rename(columns={"country": "Country"})
    return table.sort_values(["Last", "Country"], ascending=[False, True], ignore_index=True)
