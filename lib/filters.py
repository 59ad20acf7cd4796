"""The sidebar's filters as one value, applied to the meetings with boolean masks."""

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

MONTH = re.compile(r"^\d{4}-\d{2}$")


@dataclass(frozen=True)
class Filters:
    """What the person narrowed the meetings to; empty means no restriction."""

    regions: tuple[str, ...] = ()
    subregions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # display names, as in the sidebar and the URL
    programs: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    start: str | None = None  # first month shown, "YYYY-MM"
    end: str | None = None  # last month shown, "YYYY-MM"

    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return self == Filters()


def program_rows(meetings: pd.DataFrame) -> pd.DataFrame:
    """One row per (meeting, program): `row` is the meeting's position in `meetings`."""
    exploded = meetings["programs"].reset_index(drop=True).explode().dropna()
    return pd.DataFrame(
        {"row": exploded.index.to_numpy(), "program": pd.Categorical(exploded.to_numpy())}
    )


def months(meetings: pd.DataFrame) -> list[str]:
    """Every month of the years from the first meeting to the last, as "YYYY-MM"."""
    if meetings.empty:
        return []
    first, last = meetings["date"].min().year, meetings["date"].max().year
    span = pd.period_range(f"{first}-01", f"{last}-12", freq="M")
    return [str(month) for month in span]


def mask(
    meetings: pd.DataFrame, filters: Filters, programs: pd.DataFrame | None = None
) -> pd.Series:
    """Which meetings pass the filters; `programs` is program_rows(meetings), if at hand."""
    keep = pd.Series(True, index=meetings.index)
    for column, chosen in (
        ("region", filters.regions),
        ("subregion", filters.subregions),
        ("country", filters.countries),
        ("counterpart_type", filters.types),
    ):
        if chosen:
            keep &= meetings[column].isin(chosen)
    if filters.start:
        keep &= meetings["date"] >= pd.Timestamp(filters.start + "-01")
    if filters.end:
        keep &= meetings["date"] < pd.Timestamp(filters.end + "-01") + pd.DateOffset(months=1)
    if filters.programs:
        programs = program_rows(meetings) if programs is None else programs
        rows = programs.loc[programs["program"].isin(filters.programs), "row"].unique()
        with_program = pd.Series(False, index=meetings.index)
        with_program.iloc[rows] = True
        keep &= with_program
    return keep


def slice_program_rows(programs: pd.DataFrame, shown: pd.DataFrame, total: int) -> pd.DataFrame:
    """program_rows of a slice, from those of the whole frame (rows renumbered to the slice).

    The whole frame has a RangeIndex, so the slice's index holds its rows' positions.
    """
    if len(shown) == total:
        return programs
    position = np.full(total, -1)
    position[shown.index.to_numpy()] = np.arange(len(shown))
    rows = position[programs["row"].to_numpy()]
    kept = rows >= 0
    return pd.DataFrame({"row": rows[kept], "program": programs["program"].array[kept]})


def apply(
    meetings: pd.DataFrame, filters: Filters, programs: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The meetings that pass the filters."""
    if filters.is_empty():
        return meetings
    return meetings[mask(meetings, filters, programs)]


def describe(filters: Filters) -> str:
    """The filters in a few words fit for a file name, e.g. "Europe_2019-01_to_2019-06"."""
    parts = [
        *filters.regions,
        *filters.subregions,
        *filters.countries,
        *filters.programs,
        *filters.types,
    ]
    if len(parts) > 3:
        parts = [*parts[:3], f"and-{len(parts) - 3}-more"]
    if filters.start or filters.end:
        parts.append(f"{filters.start or 'start'}_to_{filters.end or 'end'}")
    words = "_".join(parts) or "all"
    return re.sub(r"[^\w.-]+", "-", words, flags=re.UNICODE).strip("-")


def slice_file_name(filters: Filters, extension: str) -> str:
    """The download's file name, stating the filter: meetings_Europe_2019-01_to_2019-06.csv."""
    return f"meetings_{describe(filters)}.{extension}"
