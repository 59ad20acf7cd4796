"""The sidebar's filters: each declared once, as one value, applied to the meetings with masks.

A filter's entry says its URL key, its label, the column it reads and how it matches; the
sidebar, the mask, the description of a view and the download's file name all read these
entries, so a new filter is one new line in `FILTERS`.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.i18n import N_, _
from lib.meetings import fields

MONTH = re.compile(r"^\d{4}-\d{2}$")
SEARCHED = fields.names(searched=True)  # the columns the search box looks in


@dataclass(frozen=True)
class Filter:
    """One filter: its URL key, label, the column it reads, and how a meeting matches it.

    `matches` is "value" (the cell is one of the chosen values), "listed" (one of the chosen
    values is in the meeting's list, e.g. its programs) or "text" (the words appear in any
    searched column).
    """

    key: str
    label: str
    column: str
    matches: str = "value"


FILTERS = (
    Filter("q", N_("Search"), "", "text"),
    Filter("region", N_("Region"), "region"),
    Filter("subregion", N_("Sub-region"), "subregion"),
    Filter("country", N_("Country"), "country"),
    Filter("program", N_("Program"), "programs", "listed"),
    Filter("type", N_("Counterpart type"), "counterpart_type"),
)
BY_KEY = {entry.key: entry for entry in FILTERS}
MONTH_KEYS = ("start", "end")


@dataclass(frozen=True)
class Filters:
    """What the person narrowed the meetings to; nothing chosen means no restriction.

    `chosen` holds (key, values) for the filters with a value, in FILTERS order; `start` and
    `end` are the first and last month shown ("YYYY-MM"), None when open-ended.
    """

    chosen: tuple[tuple[str, tuple[str, ...]], ...] = ()
    start: str | None = None
    end: str | None = None

    @classmethod
    def of(cls, start: str | None = None, end: str | None = None, **values) -> "Filters":
        """Filters from keyword values: Filters.of(region=["Europe"], start="2019-01")."""
        unknown = set(values) - set(BY_KEY)
        if unknown:
            raise TypeError(f"No filter named {', '.join(sorted(unknown))}")
        chosen = []
        for entry in FILTERS:
            value = values.get(entry.key) or ()
            value = (value,) if isinstance(value, str) else tuple(value)
            if value:
                chosen.append((entry.key, value))
        return cls(tuple(chosen), start or None, end or None)

    def values(self, key: str) -> tuple[str, ...]:
        """The values chosen for one filter (empty when it is not used)."""
        return dict(self.chosen).get(key, ())

    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return self == Filters()

    def without(self, *keys: str) -> "Filters":
        """The same filters with these ones cleared (e.g. the map's context without a country)."""
        kept = tuple((key, values) for key, values in self.chosen if key not in keys)
        return Filters(kept, self.start, self.end)


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


def _listed_mask(meetings: pd.DataFrame, chosen, programs: pd.DataFrame | None) -> pd.Series:
    """Meetings with one of the chosen programs (through the (meeting, program) rows)."""
    programs = program_rows(meetings) if programs is None else programs
    rows = programs.loc[programs["program"].isin(chosen), "row"].unique()
    listed = np.zeros(len(meetings), dtype=bool)
    listed[rows] = True
    return pd.Series(listed, index=meetings.index)


def _text_mask(meetings: pd.DataFrame, words: tuple[str, ...]) -> pd.Series:
    """Meetings whose searched columns hold every word of the search, in any case."""
    keep = pd.Series(True, index=meetings.index)
    for word in " ".join(words).split():
        found = pd.Series(False, index=meetings.index)
        for column in SEARCHED:
            found |= meetings[column].astype("str").str.contains(word, case=False, regex=False)
        keep &= found
    return keep


def mask(
    meetings: pd.DataFrame, filters: Filters, programs: pd.DataFrame | None = None
) -> pd.Series:
    """Which meetings pass the filters; `programs` is program_rows(meetings), if at hand."""
    keep = pd.Series(True, index=meetings.index)
    for key, chosen in filters.chosen:
        entry = BY_KEY[key]
        if entry.matches == "listed":
            keep &= _listed_mask(meetings, chosen, programs)
        elif entry.matches == "text":
            keep &= _text_mask(meetings, chosen)
        else:
            keep &= meetings[entry.column].isin(chosen)
    if filters.start:
        keep &= meetings["date"] >= pd.Timestamp(filters.start + "-01")
    if filters.end:
        keep &= meetings["date"] < pd.Timestamp(filters.end + "-01") + pd.DateOffset(months=1)
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


def query_params(filters: Filters) -> dict[str, list[str] | str]:
    """The filters as URL parameters (what a link to the view carries)."""
    params: dict[str, list[str] | str] = {key: list(values) for key, values in filters.chosen}
    for key in MONTH_KEYS:
        if getattr(filters, key):
            params[key] = getattr(filters, key)
    return params


def describe(filters: Filters, shown: Callable[[str, str], str] | None = None) -> str:
    """The filters in a few words fit for a file name, e.g. "Europe_2019-01_to_2019-06".

    `shown(key, value)` writes a value in the reader's language (the values as they are
    when not given).
    """
    parts = [
        shown(key, value) if shown else value for key, values in filters.chosen for value in values
    ]
    if len(parts) > 3:
        parts = [*parts[:3], _("and-{count}-more", count=len(parts) - 3)]
    if filters.start or filters.end:
        start, end = filters.start or _("start"), filters.end or _("end")
        parts.append(_("{start}_to_{end}", start=start, end=end))
    words = "_".join(parts) or _("all")
    return re.sub(r"[^\w.-]+", "-", words, flags=re.UNICODE).strip("-")


def slice_file_name(
    filters: Filters,
    extension: str,
    prefix: str = "meetings",
    shown: Callable[[str, str], str] | None = None,
) -> str:
    """The download's file name, stating the filter: meetings_Europe_2019-01_to_2019-06.csv."""
    return f"{prefix}_{describe(filters, shown)}.{extension}"
