"""The sidebar's filters: each declared once, as one entry that carries its behaviour.

A filter's entry (`Filter`) says its URL key, its label, the column it reads and how it
matches, and brings everything else a filter needs: the values it offers (which follow the
other filters), its mask, its value in the reader's language, its words for briefs and file
names, whether the map zooms to it, and the kind of widget that draws it. The sidebar, the
address, the maps, the briefs and the file names read these entries and nothing else, so a
new filter is one new entry in `FILTERS` (plus the translations of its label).

Plain Python: the sidebar (lib/ui/sidebar.py) draws each entry's widget by its `widget`.
"""

import re
import threading
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd

from lib.aggregates import missions
from lib.countries import region_name
from lib.i18n import N_, _
from lib.kept import Kept
from lib.meetings import COUNTERPART_TYPES, fields
from lib.programs import program_catalogue, program_name
from lib.shown import shown_country

MONTH = re.compile(r"^\d{4}-\d{2}$")
SEARCHED = fields.names(searched=True)  # the columns the search box looks in
MONTH_KEYS = ("start", "end")
WORDS_KEPT = 16  # words whose matches are kept per meetings frame (see _holding)
MONTH_LABELS = {"start": N_("From month"), "end": N_("To month")}


# ------------------------------------------------------------------ values as people read them


def shown_region(name: str) -> str:
    """A UN region or sub-region in the session's language."""
    return region_name(str(name))


def shown_program(name: str) -> str:
    """A program's name in the session's language."""
    return program_name(str(name))


def shown_word(value: str) -> str:
    """A fixed value (counterpart type, follow-up status, precision) in the session's language."""
    return _(str(value))


def _as_typed(words: str) -> str:
    return str(words)


# ------------------------------------------------------------------ how a meeting matches


def list_rows(meetings: pd.DataFrame, column: str) -> pd.DataFrame:
    """One row per (meeting, entry of its list in `column`): `row` is the meeting's position."""
    exploded = meetings[column].reset_index(drop=True).explode().dropna()
    return pd.DataFrame({"row": exploded.index.to_numpy(), "value": exploded.to_numpy()})


def program_rows(meetings: pd.DataFrame) -> pd.DataFrame:
    """One row per (meeting, program): `row` is the meeting's position in `meetings`."""
    pairs = list_rows(meetings, "programs")
    return pd.DataFrame({"row": pairs["row"], "program": pd.Categorical(pairs["value"])})


def listed_values(cells: pd.Series) -> set[str]:
    """The distinct entries of a list column's cells (e.g. every program discussed)."""
    lists = {id(listed): listed for listed in cells if isinstance(listed, list)}  # often shared
    return set(chain.from_iterable(lists.values()))


def _value_mask(meetings: pd.DataFrame, column: str, chosen, programs) -> pd.Series:
    """Meetings whose cell in `column` is one of the chosen values."""
    return meetings[column].isin(chosen)


def _listed_mask(meetings: pd.DataFrame, column: str, chosen, programs) -> pd.Series:
    """Meetings whose list in `column` (programs, cities…) holds one of the chosen values."""
    if column == "programs" and programs is not None:  # the rows at hand save an explode
        rows = programs.loc[programs["program"].isin(chosen), "row"].unique()
    else:
        pairs = list_rows(meetings, column)
        rows = pairs.loc[pairs["value"].isin(chosen), "row"].unique()
    listed = np.zeros(len(meetings), dtype=bool)
    listed[rows] = True
    return pd.Series(listed, index=meetings.index)


def _text_mask(meetings: pd.DataFrame, column: str, words, programs) -> pd.Series:
    """Meetings whose searched columns hold every word of the search, in any case."""
    keep = np.ones(len(meetings), dtype=bool)
    for word in " ".join(words).lower().split():
        keep &= _holding(meetings, word)
    return pd.Series(keep, index=meetings.index)


# A search stays in its box while the person changes other filters, and every change
# searched the whole frame again (1 s at a million meetings). The matches of each word are
# kept with the frame they were found in, and go when it goes.
_found: dict[int, tuple[weakref.ref, Kept]] = {}
_found_lock = threading.Lock()


def _holding(meetings: pd.DataFrame, word: str) -> np.ndarray:
    """Which meetings hold `word` (lower case) in one of the searched columns."""
    frame = id(meetings)
    with _found_lock:
        kept = _found.get(frame)
        if kept is None or kept[0]() is not meetings:
            gone = weakref.ref(meetings, lambda _, frame=frame: _found.pop(frame, None))
            kept = _found[frame] = (gone, Kept(WORDS_KEPT))
    return kept[1].get(word, lambda: _search(meetings, word))


def _search(meetings: pd.DataFrame, word: str) -> np.ndarray:
    holding = np.zeros(len(meetings), dtype=bool)
    for searched in SEARCHED:
        holding |= _cells_holding(meetings[searched], word)
    return holding


def _cells_holding(cells: pd.Series, word: str) -> np.ndarray:
    """Which cells hold `word`, in any case; an empty cell holds nothing."""
    if isinstance(cells.dtype, pd.CategoricalDtype):  # each name once, not each row
        names = pd.Series(cells.cat.categories.astype("str"))
        holds = names.str.contains(word, case=False, regex=False)
        # a missing cell's code is -1: it picks the False put at the end
        return np.append(holds.to_numpy(dtype=bool, na_value=False), False)[cells.cat.codes]
    if not pd.api.types.is_string_dtype(cells.dtype):
        cells = cells.astype("str")
    return cells.str.contains(word, case=False, regex=False).to_numpy(dtype=bool, na_value=False)


MATCHERS = {"value": _value_mask, "listed": _listed_mask, "text": _text_mask}


# ------------------------------------------------------------------ one filter


@dataclass(frozen=True)
class Filter:
    """One filter, with everything the sidebar, the address, maps, briefs and files need.

    - `key`: its URL parameter; `label`: its name on screen (marked with N_).
    - `column` and `matches`: "value" (the cell is one of the chosen values), "listed" (one
      of the chosen values is in the meeting's list in `column`, e.g. programs or cities) or
      "text" (every word appears in one of the SEARCHED columns).
    - `shown(value)`: a value in the reader's language.
    - `options(left, others)`: the values offered, from the meetings `left` by the `others`
      filters (`left` holds the columns the declared filters read); by default the values
      found in `column` there, sorted as the reader reads them.
    - `zooms`: a place (its column is a country's: region, subregion or country): the map
      zooms to it and the resident missions shown follow it.
    - `widget`: "multiselect" or "text" (a text box, with `hint` as its placeholder).
    """

    key: str
    label: str
    column: str
    matches: str = "value"
    shown: Callable[[str], str] = _as_typed
    options: Callable[[pd.DataFrame, "Filters"], Iterable[str]] | None = None
    zooms: bool = False
    widget: str = "multiselect"
    hint: str = ""

    def mask(
        self, meetings: pd.DataFrame, values: Iterable[str], programs: pd.DataFrame | None = None
    ) -> pd.Series:
        """Which meetings match these values of this filter."""
        return MATCHERS[self.matches](meetings, self.column, tuple(values), programs)

    def offered(self, left: pd.DataFrame, others: "Filters") -> list[str]:
        """The values to offer when the `others` filters leave the meetings `left`."""
        if self.matches == "text":  # any words: nothing to pick from
            return []
        if self.options is not None:
            return list(self.options(left, others))
        cells = left[self.column]
        found = listed_values(cells) if self.matches == "listed" else cells.unique()
        return _sorted(found, self.shown)

    def in_words(self, values: Iterable[str]) -> str:
        """The filter and its values as a reader reads them: "Region: Europe, Asia"."""
        quoted = self.matches == "text"
        words = ", ".join(f"“{value}”" if quoted else self.shown(value) for value in values)
        return _("{filter}: {values}", filter=_(self.label), values=words)


def _sorted(values: Iterable[object], shown: Callable[[str], str]) -> list[str]:
    """Distinct non-empty values, in the order the reader reads them."""
    distinct = {str(value) for value in values if pd.notna(value) and str(value)}
    return sorted(distinct, key=lambda value: shown(value).casefold())


def _countries(left: pd.DataFrame, others: "Filters") -> list[str]:
    """Countries met in `left`, and the resident missions in Seoul inside the chosen places
    (those not met yet too, unless something other than a place is chosen)."""
    met = set(left["country"].unique())
    if others != others.places():
        return _sorted(met, shown_country)
    inside = missions()
    inside = inside[mask(inside, others)]
    return _sorted(met | set(inside["country"]), shown_country)


def _programs(left: pd.DataFrame, others: "Filters") -> list[str]:
    """The catalogue's programs in its order (only those discussed in `left` when other
    filters are set), then programs found in the meetings that it does not list."""
    discussed = listed_values(left["programs"])
    catalogue = list(program_catalogue()["program"])
    listed = catalogue if others.is_empty() else [p for p in catalogue if p in discussed]
    return listed + _sorted(discussed - set(catalogue), shown_program)


def _counterpart_types(left: pd.DataFrame, others: "Filters") -> list[str]:
    """The counterpart types in the format's order (only those in `left` when others are set)."""
    if others.is_empty():
        return list(COUNTERPART_TYPES)
    present = {str(kind) for kind in left["counterpart_type"].unique()}
    return [kind for kind in COUNTERPART_TYPES if kind in present]


FILTERS = (
    Filter("q", N_("Search"), "", "text", widget="text", hint=N_("Country, counterpart, any word")),
    Filter("region", N_("Region"), "region", shown=shown_region, zooms=True),
    Filter("subregion", N_("Sub-region"), "subregion", shown=shown_region, zooms=True),
    Filter(
        "country", N_("Country"), "country", shown=shown_country, options=_countries, zooms=True
    ),
    Filter("program", N_("Program"), "programs", "listed", shown_program, _programs),
    Filter(
        "type",
        N_("Counterpart type"),
        "counterpart_type",
        shown=shown_word,
        options=_counterpart_types,
    ),
)


def filter_named(key: str) -> Filter:
    """The declared filter with this URL key (KeyError if none is)."""
    for entry in FILTERS:
        if entry.key == key:
            return entry
    raise KeyError(key)


# ------------------------------------------------------------------ what a person chose


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
        unknown = set(values) - {entry.key for entry in FILTERS}
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

    def places(self) -> "Filters":
        """Only the chosen places (the filters the map zooms to), with no month range."""
        zooming = {entry.key for entry in FILTERS if entry.zooms}
        return Filters(tuple((key, values) for key, values in self.chosen if key in zooming))


def zooms(filters: Filters) -> bool:
    """Whether the map zooms in: a place is chosen."""
    return bool(filters.places().chosen)


def options(
    entry: Filter, meetings: pd.DataFrame, filters: Filters, programs: pd.DataFrame | None = None
) -> list[str]:
    """The values `entry` offers: those the other chosen filters leave, then any value of its
    own chosen earlier that they now exclude (kept in sight, so the person can clear it)."""
    others = filters.without(entry.key)
    left = meetings
    if entry.matches == "text":  # any words: nothing to pick from
        left = meetings.iloc[:0]
    elif not others.is_empty():  # only the columns filters read: the whole rows cost 20x
        read = list(dict.fromkeys(other.column for other in FILTERS if other.column))
        left = meetings.loc[mask(meetings, others, programs).to_numpy(), read]
    offered = entry.offered(left, others)
    return offered + [value for value in filters.values(entry.key) if value not in offered]


def shown_value(key: str, value: str) -> str:
    """A filter's value in the session's language (for file names and descriptions)."""
    return filter_named(key).shown(value)


def described(filters: Filters) -> list[str]:
    """Each chosen filter in words ("Region: Europe"), in FILTERS order; months not included."""
    return [filter_named(key).in_words(values) for key, values in filters.chosen]


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
    for key, chosen in filters.chosen:
        keep &= filter_named(key).mask(meetings, chosen, programs)
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

    `shown(key, value)` writes a value in the reader's language (`shown_value`, each
    filter's own; the values as they are in the data when not given).
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
