"""Checking a table's rows, or one record, against format v1: the usable meetings and problems."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import pandas as pd

from lib.countries import Country, CountryNotFound, country_by_iso3, resolve_country
from lib.i18n import L_, N_, _
from lib.meetings.dates import (
    _parse_due,
    _window_ends,
    date_cell,
    parse_date,
    window_starts,
)
from lib.meetings.fields import BY_NAME, of_kind
from lib.meetings.schema import (
    ADDED_COLUMNS,
    CHOICE_COLUMNS,
    FORMAT_COLUMNS,
    FORMULA_STARTS,
    KOREAN_VALUES,
    PRECISIONS,
    _squeezed,
)
from lib.programs import program_list, split_list

# A plain pattern (no compiled flags) lets pandas run it in pyarrow, not row by row. The
# spaces are listed: Python's \S and pyarrow's differ on Unicode spaces.
_WEB_LINK = r"(?i)^(https?|synthetic)://[^\t\n\v\f\r ]+$"


_CATEGORY_COLUMNS = ("iso3", "country", "region", "subregion", *CHOICE_COLUMNS)
# The columns whose cells are lists, and how each splits its cell.
_LISTS = {
    **dict.fromkeys(of_kind("programs"), program_list),
    **dict.fromkeys(of_kind("list"), split_list),
}


@dataclass(frozen=True)
class Problem:
    """A row that was left out: its line as a spreadsheet shows it, the column, and why.

    `message` is translated when shown: `str(problem.message)` (or `str(problem)`).
    """

    line: int
    column: str
    message: L_ | str

    def __str__(self) -> str:
        return _(
            "Line {line}, {column}: {message}",
            line=self.line,
            column=self.column,
            message=self.message,
        )


@dataclass
class ReadResult:
    """The meetings that could be used, and the problems with the rows that could not."""

    meetings: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)


def validate_table(table: pd.DataFrame, first_line: int = 2) -> ReadResult:
    """Validate text cells in format v1; returns the usable meetings and the problems.

    Work that depends on a cell's text (dates, countries, lists, fixed values) is done once
    per distinct text, and messages are written only for the rows that have a problem. The
    messages come from the same per-cell checks as validate_record's.
    """
    table = table.reset_index(drop=True)
    for column in table.columns:
        if table[column].dtype != "str":
            table[column] = table[column].fillna("").astype("str")
    for column in FORMAT_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    filled = (table != "").any(axis=1)  # blank lines are not meetings
    if not filled.all():
        table = table[filled]
    lines = table.index.to_numpy() + first_line
    table = _remove_formula_guard(table.reset_index(drop=True))
    extra = table.pop("_extra") if "_extra" in table.columns else None
    problems: list[tuple[int, str, L_]] = []

    def report(bad, column: str, message) -> None:
        """Record a problem for each bad row; `message` is one message or rows → messages."""
        rows = np.flatnonzero(np.asarray(bad, dtype=bool))
        if len(rows):
            texts = message(rows) if callable(message) else [message] * len(rows)
            problems.extend(zip(lines[rows].tolist(), [column] * len(rows), texts, strict=True))

    if extra is not None:
        report(extra != "", WHOLE_ROW, _TOO_MANY_CELLS)

    def per_distinct(column: str, read, problem_of) -> tuple[np.ndarray, list]:
        """Read each distinct cell once; report the rows whose cell has a problem."""
        codes, results = _distinct(table[column].str.strip(), read)
        messages = _column([problem_of(result) for result in results], codes)
        report(messages != None, column, lambda rows: messages[rows].tolist())  # noqa: E711
        return codes, results

    date_cells = table["date"].str.strip()
    date_codes, parsed = per_distinct("date", parse_date, lambda result: result[2])
    form_precision = _column([form or "" for _, form, _ in parsed], date_codes)
    starts = _dates([start for start, _, _ in parsed], date_codes)

    country_codes, found = per_distinct(
        "country",
        _country_or_message,
        lambda result: None if isinstance(result, Country) else result,
    )

    def choice(column: str) -> np.ndarray:
        """A column with a fixed list of values: each row's value (English, lower case)."""
        codes, results = per_distinct(
            column, lambda text: _choice(column, text), lambda result: result[1]
        )
        return _column([value for value, _ in results], codes)

    chosen = {column: choice(column) for column in CHOICE_COLUMNS}
    given = chosen["date_precision"]
    precision = np.where(given == "", np.where(form_precision == "", "day", form_precision), given)
    rank = {value: order for order, value in enumerate(PRECISIONS)}
    too_fine = (
        pd.Series(precision).map(rank).fillna(len(PRECISIONS)).to_numpy()
        < pd.Series(form_precision).map(rank).fillna(0).to_numpy()
    )
    report(
        too_fine,
        "date_precision",
        lambda rows: [
            _too_fine(date_cells[row], form_precision[row], precision[row]) for row in rows
        ],
    )

    status = chosen["follow_up_status"]
    follow_up = table["follow_up"].str.strip().to_numpy(dtype=object)
    status = np.where((status == "") & (follow_up != ""), "open", status)

    days = {}  # the full dates (YYYY-MM-DD) of each field of that kind
    for column in of_kind("day"):
        day_codes, parsed_days = per_distinct(
            column, _parse_due, lambda result: result if isinstance(result, L_) else None
        )
        days[column] = _dates([d if isinstance(d, date) else None for d in parsed_days], day_codes)
    due = days["follow_up_due"]
    has_due = ~np.isnat(due)
    report(has_due & (follow_up == ""), "follow_up_due", _DUE_WITHOUT_FOLLOW_UP)
    due_cells = table["follow_up_due"].str.strip()
    report(
        has_due & (follow_up != "") & (due < starts),  # NaT compares False: bad dates pass
        "follow_up_due",
        lambda rows: [_due_before(due_cells[row], date_cells[row]) for row in rows],
    )

    for column in of_kind("url"):
        links = table[column].str.strip()
        report(
            (links != "") & ~links.str.match(_WEB_LINK),
            column,
            lambda rows, links=links: [_not_a_link(links[row]) for row in rows],
        )

    ids = table["id"].str.strip()
    repeated = ((ids != "") & ids.duplicated()).to_numpy()
    if repeated.any():
        first_line_of = pd.Series(lines).groupby(ids.to_numpy()).transform("first").to_numpy()
        report(
            repeated,
            "id",
            lambda rows: [
                L_(
                    "The id '{id}' is already used on line {line}.",
                    id=ids[row],
                    line=int(first_line_of[row]),
                )
                for row in rows
            ],
        )

    # One problem at most per row and column: sorting by both never compares messages.
    problems.sort(key=lambda problem: problem[:2])
    keep = ~np.isin(lines, [line for line, _, _ in problems])
    # Copying every column of a large file costs as much memory as the file: only when needed.
    meetings = table if keep.all() else table[keep].reset_index(drop=True)
    meetings["id"] = ids[keep].reset_index(drop=True)
    meetings["date_precision"] = precision[keep]
    # A day with a wider precision stands for the calendar window containing it, as a saved
    # record keeps it ("2019-04-15" with "month" is April): one reading in both paths.
    meetings["date"] = window_starts(pd.Series(starts[keep]), pd.Series(precision[keep])).to_numpy()
    meetings["date_end"] = _window_ends(meetings["date"], meetings["date_precision"])
    chosen["follow_up_status"] = status
    for column in CHOICE_COLUMNS:
        if column != "date_precision":
            meetings[column] = chosen[column][keep]
    for column, values in days.items():
        meetings[column] = values[keep]
    meetings["line"] = lines[keep]
    _add_places(
        meetings,
        [place.iso3 if isinstance(place, Country) else None for place in found],
        country_codes[keep],
    )
    # Lists are shared between rows with the same cell: treat them as read-only.
    for column, split in _LISTS.items():
        codes, lists = _distinct(meetings[column], split)
        meetings[column] = _column(lists, codes)
    for column in _CATEGORY_COLUMNS:
        if meetings[column].dtype != "category":
            meetings[column] = meetings[column].astype("str").astype("category")
    extras = [c for c in meetings.columns if c not in FORMAT_COLUMNS and c not in ADDED_COLUMNS]
    meetings = meetings[[*FORMAT_COLUMNS, *extras, *ADDED_COLUMNS]]
    return ReadResult(meetings, [Problem(*problem) for problem in problems])


class RecordInvalid(ValueError):
    """One meeting that cannot be saved: `fields` maps each wrong column to what to do.

    The messages are translated when shown (`str(message)`), like a file's problems.
    """

    def __init__(self, fields: Mapping[str, L_]) -> None:
        self.fields = dict(fields)
        super().__init__(self.fields)

    def __str__(self) -> str:
        listed = " ".join(f"{column}: {message}" for column, message in self.fields.items())
        return _("The meeting was not saved. {fields}", fields=listed)


def record_cells(record: Mapping[str, object]) -> dict[str, str]:
    """A form's or an API's values as a file's cells: lower-case column → text, stripped.

    NULs are removed (a database text cannot hold them); the columns the reader adds
    (iso3, region, …) are dropped, since the app computes them.
    """
    cells: dict[str, str] = {}
    for column, value in record.items():
        name = str(column).strip().lower()
        if name not in ADDED_COLUMNS:
            cells[name] = _cell_text(value).replace("\x00", "").strip()
    return cells


def _cell_text(value: object) -> str:
    """A form or API value as the text a file would hold."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return "; ".join(text for text in (_cell_text(item) for item in value) if text)
    if pd.isna(value):  # NaN, NaT
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def validate_record(cells: Mapping[str, object]) -> dict[str, str]:
    """One meeting checked as validate_table checks a file's row, without a DataFrame.

    Returns the text the database keeps (format v1 cells, other columns, and `iso3`) — the
    same text a one-row table gives — or raises RecordInvalid naming every wrong field.
    The id is not compared with other meetings: that is the store's job.
    """
    cells = {column: _unguarded(text) for column, text in record_cells(cells).items()}
    # Checked as the table path checks them: stripped after the formula guard is removed.
    text = {column: cells.get(column, "").strip() for column in FORMAT_COLUMNS}
    fields: dict[str, L_] = {}

    start, form, problem = parse_date(text["date"])
    if problem:
        fields["date"] = problem
    place = _country_or_message(text["country"])
    if not isinstance(place, Country):
        fields["country"] = place
    values = {}
    for column in CHOICE_COLUMNS:
        values[column], problem = _choice(column, text[column])
        if problem:
            fields[column] = problem
    precision = values["date_precision"] or form or "day"
    if "date_precision" not in fields and _finer(precision, form or ""):
        fields["date_precision"] = _too_fine(text["date"], form, precision)
    status = values["follow_up_status"] or ("open" if text["follow_up"] else "")
    days = {column: _parse_due(text[column]) for column in of_kind("day")}
    for column, day in days.items():
        if isinstance(day, L_):
            fields[column] = day
    due = days["follow_up_due"]
    if isinstance(due, date) and not text["follow_up"]:
        fields["follow_up_due"] = _DUE_WITHOUT_FOLLOW_UP
    elif isinstance(due, date) and start is not None and due < start:
        fields["follow_up_due"] = _due_before(text["follow_up_due"], text["date"])
    for column in of_kind("url"):
        if text[column] and not _WEB_LINK_RE.match(text[column]):
            fields[column] = _not_a_link(text[column])
    if fields:
        raise RecordInvalid({column: fields[column] for column in sorted(fields, key=_order)})

    stored = {column: cells.get(column, "") for column in FORMAT_COLUMNS}
    stored.update(values)
    stored.update(
        id=text["id"],
        date=date_cell(start, precision),
        date_precision=precision,
        country=place.name,
        follow_up_status=status,
        **{column: day.isoformat() if day else "" for column, day in days.items()},
    )
    stored.update((column, "; ".join(split(text[column]))) for column, split in _LISTS.items())
    stored.update((column, value) for column, value in cells.items() if column not in stored)
    stored["iso3"] = place.iso3
    return stored


# --- The checks of one cell, shared by validate_table and validate_record ----------------

WHOLE_ROW = N_("(whole row)")  # the "column" of a problem with the row itself


_TOO_MANY_CELLS = L_("The row has more cells than the header. Put quotes around cells with commas.")


_DUE_WITHOUT_FOLLOW_UP = L_(
    "A due date needs a follow-up: write the pledge, or clear the due date."
)


_WEB_LINK_RE = re.compile(_WEB_LINK)


class _Values(tuple):
    """The allowed values of a column, listed in the reader's language."""

    def __str__(self) -> str:
        return ", ".join(_(value) for value in self)


def _order(column: str) -> int:
    return FORMAT_COLUMNS.index(column) if column in FORMAT_COLUMNS else len(FORMAT_COLUMNS)


def _choice(column: str, text: str) -> tuple[str, L_ | None]:
    """A fixed-list cell (stripped) as (its English value, a problem or None); Korean accepted."""
    value = text.lower()
    allowed = BY_NAME[column].choices
    if not value or value in allowed:
        return value, None
    english = KOREAN_VALUES[column].get(_squeezed(value))
    if english:
        return english, None
    return value, L_(BY_NAME[column].refused, text=text, values=_Values(allowed))


def _finer(precision: str, form: str) -> bool:
    """Whether a precision claims more than the date's form gives (a day for "2019-03")."""
    order = {value: rank for rank, value in enumerate(PRECISIONS)}
    return order.get(precision, len(PRECISIONS)) < order.get(form, 0)


def _too_fine(date_text: str, form: str, precision: str) -> L_:
    return L_(
        "The date '{date}' is a {form}, so it cannot be exact to the {precision}. "
        "Give the full date or a coarser precision.",
        date=date_text,
        form=L_(form),
        precision=L_(precision),
    )


def _due_before(due_text: str, date_text: str) -> L_:
    return L_(
        "The due date {due} is before the meeting's date ({date}). Give a due date on or after it.",
        due=due_text,
        date=date_text,
    )


def _not_a_link(text: str) -> L_:
    return L_("'{text}' is not a web link. Give an address starting with https://.", text=text)


def _unguarded(text: str) -> str:
    """A cell without the ' an export put before a formula-like text (see _remove_formula_guard)."""
    return text[1:] if text.startswith("'") and text[1:2] in FORMULA_STARTS else text


def _add_places(meetings: pd.DataFrame, iso3_of_text: list, codes: np.ndarray) -> None:
    """Set iso3, country (display name), region and subregion from each row's country text."""
    iso3 = pd.Categorical(_column(iso3_of_text, codes))
    places = [country_by_iso3(code) for code in iso3.categories]
    meetings["iso3"] = iso3
    # Display names are unique per code, so the country column shares the codes' categories.
    meetings["country"] = iso3.rename_categories([place.name for place in places])
    for column in ("region", "subregion"):
        names = [getattr(place, column) for place in places]
        meetings[column] = (
            pd.Categorical(np.array(names, dtype=object)[iso3.codes])
            if len(names)
            else pd.Categorical([])
        )


def _distinct(values: pd.Series, function) -> tuple[np.ndarray, list]:
    """(each row's code, `function` of each distinct value): work once per distinct value."""
    codes, distinct = pd.factorize(values)
    return codes, [function(value) for value in distinct]


def _column(results: list, codes: np.ndarray) -> np.ndarray:
    """Spread per-distinct results over the rows (an object array)."""
    spread = np.empty(len(results), dtype=object)
    spread[:] = results
    return spread[codes] if len(results) else np.empty(len(codes), dtype=object)


def _dates(days: list, codes: np.ndarray) -> np.ndarray:
    """Spread per-distinct dates (None for none) over the rows as datetime64[ns]."""
    distinct = pd.to_datetime(pd.Series(days, dtype=object)).to_numpy(dtype="datetime64[ns]")
    if not len(distinct):
        return np.full(len(codes), np.datetime64("NaT"), dtype="datetime64[ns]")
    return distinct[codes]


def _country_or_message(text: str) -> Country | L_:
    """The country a (stripped) cell names, or the problem to report."""
    if not text:
        return L_("The country is empty. Write the country's name or ISO code.")
    try:
        return resolve_country(text)
    except CountryNotFound as error:
        return error.message


def _remove_formula_guard(table: pd.DataFrame) -> pd.DataFrame:
    """Undo the ' that exports put before formula-like cells, so exports round-trip."""
    for column in table.columns:
        guarded = table[column].str.startswith("'")
        if guarded.any():
            values = table.loc[guarded, column]
            restorable = values.str[1:2].isin(FORMULA_STARTS)
            table.loc[values[restorable].index, column] = values[restorable].str[1:]
    return table
