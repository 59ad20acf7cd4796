"""Reading and validating meetings files (format v1, see docs/data-format.md)."""

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd

from lib.countries import CountryNotFound, country_by_iso3, resolve_country
from lib.programs import program_list, split_list

FORMAT_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "country",
    "event",
    "counterpart",
    "counterpart_title",
    "counterpart_type",
    "representative",
    "meeting_type",
    "location",
    "programs",
    "cities",
    "follow_up",
    "follow_up_owner",
    "follow_up_status",
    "follow_up_due",
    "summary",
    "source_title",
    "source_url",
)
REQUIRED_COLUMNS = ("date", "country")
# Columns the reader adds: where the country sits, the end of the date's window, the
# file line the meeting came from. Exports keep the first three.
ADDED_COLUMNS = ("iso3", "region", "subregion", "date_end", "line")
PRECISIONS = ("day", "week", "month", "quarter", "year")
COUNTERPART_TYPES = (
    "embassy",
    "consulate",
    "city government",
    "national government",
    "international organisation",
    "other",
)
FOLLOW_UP_STATUSES = ("open", "done", "dropped")
FIRST_YEAR, LAST_YEAR = 1900, 2100

_DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), "day"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE), "quarter"),
    (re.compile(r"^(\d{4})$"), "year"),
)
_SLASHED_DATE = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$")
# A plain pattern (no compiled flags) lets pandas run it in pyarrow, not row by row.
_WEB_LINK = r"(?i)^(https?|synthetic)://\S+$"
_BLANK = re.compile(rb"\s*\Z")
_BLANK_LINE = re.compile(rb"\n\r?\n|\r\r")
# Exports prefix these with ' so spreadsheets do not run them as formulas (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_WINDOW = {
    "day": pd.DateOffset(days=0),
    "week": pd.DateOffset(days=6),
    "month": pd.DateOffset(months=1, days=-1),
    "quarter": pd.DateOffset(months=3, days=-1),
    "year": pd.DateOffset(years=1, days=-1),
}
_CATEGORY_COLUMNS = (
    "iso3",
    "country",
    "region",
    "subregion",
    "date_precision",
    "counterpart_type",
    "follow_up_status",
)


class MeetingsFileError(ValueError):
    """The file cannot be read as a meetings table at all."""


@dataclass(frozen=True)
class Problem:
    """A row that was left out: its line as a spreadsheet shows it, the column, and why."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}, {self.column}: {self.message}"


@dataclass
class ReadResult:
    """The meetings that could be used, and the problems with the rows that could not."""

    meetings: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)


def read_meetings(source: str | Path | BinaryIO, name: str | None = None) -> ReadResult:
    """Read a CSV or XLSX meetings file (a path or an uploaded file) and validate its rows."""
    import pyarrow as pa

    result = validate_table(read_table(source, name))
    # The parse and the checks leave freed blocks in arrow's pool: give them back.
    pa.default_memory_pool().release_unused()
    return result


def read_table(source: str | Path | BinaryIO, name: str | None = None) -> pd.DataFrame:
    """The file's cells as text, header names in lower case; raises MeetingsFileError."""
    if isinstance(source, str | Path):
        name = name or Path(source).name
        try:
            # A large, well-formed CSV is parsed straight from the file, never held whole
            # as bytes: that halves the memory a million meetings need while being read.
            table = _arrow_csv_file(Path(source))
            if table is None:
                table = _table_from_bytes(Path(source).read_bytes(), name)
        except OSError as error:
            raise MeetingsFileError(
                f"Could not open {name}: {error.strerror}. Check the path."
            ) from None
    else:
        name = name or getattr(source, "name", "the file")
        table = _table_from_bytes(source.read(), name)
    return _with_format_columns(table, name)


def _table_from_bytes(raw: bytes, name: str) -> pd.DataFrame:
    if _BLANK.match(raw):
        raise MeetingsFileError(f"{name} is empty. A meetings file needs a header row.")
    if raw.startswith(b"PK\x03\x04"):
        return _xlsx_table(raw, name)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise MeetingsFileError(
            f"{name} is an old Excel (.xls) workbook. Save it as .xlsx or CSV and try again."
        )
    return _csv_table(raw, name)


def _arrow_csv_file(path: Path, chunk: int = 1 << 24) -> pd.DataFrame | None:
    """A well-formed UTF-8 CSV file parsed from disk with pyarrow; None for anything else."""
    with path.open("rb") as handle:
        head = handle.read(65536)
        if not head.strip() or head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
            return None
        if b"\x00" in head[:4096]:
            return None
        handle.seek(0)
        tail = b""
        while block := handle.read(chunk):
            if _BLANK_LINE.search(tail + block):
                return None  # blank lines would shift line numbers: the careful reader
            tail = block[-2:]
    return _arrow_csv_table(path, head)


def _korean_text(raw: bytes, name: str) -> str:
    """A file that is not UTF-8, decoded as a Korean Excel export (CP949), or refused."""
    try:
        text = raw.decode("cp949")
    except UnicodeDecodeError:
        text = None
    # A Latin-1 or Windows-1252 file often decodes as CP949 too, into nonsense Korean:
    # accept CP949 only when every non-ASCII letter is Hangul.
    if text is not None and all(_is_korean(ch) for ch in set(text) if ord(ch) > 127):
        return text
    raise MeetingsFileError(
        f"{name} is not in UTF-8 or Korean (CP949) encoding. In Excel, save it with "
        '"CSV UTF-8 (Comma delimited)" and upload it again.'
    )


def _is_korean(ch: str) -> bool:
    code = ord(ch)
    return (
        0xAC00 <= code <= 0xD7A3  # Hangul syllables
        or 0x3130 <= code <= 0x318F  # Hangul compatibility jamo
        or 0x1100 <= code <= 0x11FF  # Hangul jamo
        or ch in "·‘’“”…※○●◎◇◆□■△▲▽▼→←↑↓～、。「」『』【】〈〉《》±×÷°"
    )


def _csv_table(raw: bytes, name: str) -> pd.DataFrame:
    if b"\x00" in raw[:4096]:
        raise MeetingsFileError(
            f"{name} is not a text file. Upload a CSV (UTF-8) or an XLSX workbook."
        )
    delimiter = _delimiter(raw[:65536])
    if not _BLANK_LINE.search(raw):
        fast = _arrow_csv_table(raw, raw[:65536])
        if fast is not None:
            return fast
    options = dict(sep=delimiter, dtype=str, keep_default_na=False, skip_blank_lines=False)
    # Parse the bytes as they are: a decoded copy of a large file would double its memory.
    source, text = io.BytesIO(raw), None
    try:
        try:
            return pd.read_csv(source, encoding="utf-8-sig", **options)
        except UnicodeDecodeError:
            text = _korean_text(raw, name)
            return pd.read_csv(io.StringIO(text), **options)
    except pd.errors.ParserError:
        text = text if text is not None else raw.decode("utf-8-sig")
        try:
            return _ragged_csv_table(text, delimiter)
        except csv.Error as error:
            raise MeetingsFileError(
                f"{name} could not be read as CSV ({error}). Save it again from a spreadsheet."
            ) from None
    except pd.errors.EmptyDataError:
        raise MeetingsFileError(f"{name} has no header row.") from None


def _delimiter(head: bytes) -> str:
    """Comma, or the semicolon or tab that a spreadsheet in another locale wrote."""
    header = head.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    if header.count("\t") > max(header.count(";"), header.count(",")):
        return "\t"
    return ";" if header.count(";") > header.count(",") else ","


def _arrow_csv_table(source: bytes | Path, head: bytes) -> pd.DataFrame | None:
    """Parse a well-formed UTF-8 CSV with pyarrow's multi-threaded reader; None if it is not.

    Ragged rows, other encodings and broken quoting fail here: the careful pandas reader
    handles all of those, and blank lines (checked by the callers).
    """
    import pyarrow as pa
    import pyarrow.csv as arrow_csv

    delimiter = _delimiter(head)
    bom = head.startswith(b"\xef\xbb\xbf")
    try:
        first = head[3 if bom else 0 :].split(b"\n", 1)[0].decode("utf-8").rstrip("\r")
        header = next(csv.reader([first], delimiter=delimiter))
        if len(set(header)) != len(header) or "" in header:
            return None
        if isinstance(source, bytes):
            source = pa.py_buffer(source[3:] if bom else source)
        else:
            source = str(source)  # pyarrow skips a UTF-8 byte-order mark in a file
        table = arrow_csv.read_csv(
            source,
            parse_options=arrow_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
            convert_options=arrow_csv.ConvertOptions(
                column_types={name: pa.string() for name in header},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                null_values=[],
            ),
        )
    except (UnicodeDecodeError, StopIteration, csv.Error, pa.ArrowException):
        return None
    if table.column_names != header:
        return None
    return table.to_pandas()


def _ragged_csv_table(text: str, delimiter: str) -> pd.DataFrame:
    """Read a CSV whose rows have more cells than its header; extra cells go to `_extra`."""
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header, body = rows[0], rows[1:]
    width = len(header)
    cells = [(row + [""] * width)[:width] for row in body]
    table = pd.DataFrame(cells, columns=header, dtype=str)
    extra = [delimiter.join(row[width:]) for row in body]
    table["_extra"] = pd.array(extra, dtype="str")
    return table


def _xlsx_table(raw: bytes, name: str) -> pd.DataFrame:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise MeetingsFileError(
            f"{name} could not be opened as an Excel workbook. Save it again as .xlsx or CSV."
        ) from None
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            raise MeetingsFileError(f"The first sheet of {name} is empty.")
        header = ["" if cell is None else str(cell) for cell in header]
        cells = [[_excel_text(cell) for cell in row[: len(header)]] for row in rows]
    finally:
        workbook.close()
    cells = [row + [""] * (len(header) - len(row)) for row in cells]
    return pd.DataFrame(cells, columns=header, dtype=str)


def _excel_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime | date):
        return cell.strftime("%Y-%m-%d")
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _with_format_columns(table: pd.DataFrame, name: str) -> pd.DataFrame:
    table.columns = [str(column).strip().lower() for column in table.columns]
    missing = [column for column in REQUIRED_COLUMNS if column not in table.columns]
    if missing:
        found = ", ".join(f'"{column}"' for column in table.columns[:12]) or "none"
        raise MeetingsFileError(
            f"{name} has no {' or '.join(repr(c) for c in missing)} column (its first row has "
            f"{found}). A meetings file needs the columns 'date' and 'country'; "
            "see docs/data-format.md."
        )
    return table.loc[:, ~table.columns.duplicated()]


def validate_table(table: pd.DataFrame, first_line: int = 2) -> ReadResult:
    """Validate text cells in format v1; returns the usable meetings and the problems.

    Work that depends on a cell's text (dates, countries, lists) is done once per distinct
    text, and messages are written only for the rows that have a problem.
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
    problems: list[tuple[int, str, str]] = []

    def report(bad, column: str, message) -> None:
        """Record a problem for each bad row; `message` is text or rows → list of texts."""
        rows = np.flatnonzero(np.asarray(bad, dtype=bool))
        if len(rows):
            texts = message(rows) if callable(message) else [message] * len(rows)
            problems.extend(zip(lines[rows].tolist(), [column] * len(rows), texts, strict=True))

    if extra is not None:
        report(
            extra != "",
            "(whole row)",
            "The row has more cells than the header. Put quotes around cells with commas.",
        )

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

    def message_or_none(result):
        return result if isinstance(result, str) else None

    country_codes, found = per_distinct("country", _country_or_message, message_or_none)

    def choice(column: str, allowed: tuple[str, ...], what: str) -> tuple[pd.Series, pd.Series]:
        """A column with a fixed list of values: (its values in lower case, which are wrong)."""
        values = table[column].str.strip().str.lower()
        wrong = (values != "") & ~values.isin(allowed)
        report(
            wrong,
            column,
            lambda rows: [
                f"'{table[column][row]}' is not {what}. Use one of: {', '.join(allowed)}."
                for row in rows
            ],
        )
        return values, wrong

    given, wrong_precision = choice("date_precision", PRECISIONS, "a precision")
    bad_precision = wrong_precision.to_numpy()
    precision = np.where(
        (given == "").to_numpy(),
        np.where(form_precision == "", "day", form_precision),
        given.to_numpy(dtype=object),
    )
    rank = {value: order for order, value in enumerate(PRECISIONS)}
    too_fine = ~bad_precision & (
        pd.Series(precision).map(rank).fillna(0).to_numpy()
        < pd.Series(form_precision).map(rank).fillna(0).to_numpy()
    )
    report(
        too_fine,
        "date_precision",
        lambda rows: [
            f"The date '{date_cells[row]}' is a {form_precision[row]}, so it cannot be exact "
            f"to the {precision[row]}. Give the full date or a coarser precision."
            for row in rows
        ],
    )

    kinds, _ = choice("counterpart_type", COUNTERPART_TYPES, "a counterpart type")
    status, _ = choice("follow_up_status", FOLLOW_UP_STATUSES, "a follow-up status")
    status = status.where((status != "") | (table["follow_up"].str.strip() == ""), "open")

    due_codes, due_parsed = per_distinct("follow_up_due", _parse_due, message_or_none)
    due = _dates([d if isinstance(d, date) else None for d in due_parsed], due_codes)

    links = table["source_url"].str.strip()
    report(
        (links != "") & ~links.str.match(_WEB_LINK),
        "source_url",
        lambda rows: [
            f"'{links[row]}' is not a web link. Give an address starting with https://."
            for row in rows
        ],
    )

    ids = table["id"].str.strip()
    repeated = ((ids != "") & ids.duplicated()).to_numpy()
    if repeated.any():
        first_line_of = pd.Series(lines).groupby(ids.to_numpy()).transform("first").to_numpy()
        report(
            repeated,
            "id",
            lambda rows: [
                f"The id '{ids[row]}' is already used on line {first_line_of[row]}." for row in rows
            ],
        )

    problems.sort()
    keep = ~np.isin(lines, [line for line, _, _ in problems])
    # Copying every column of a large file costs as much memory as the file: only when needed.
    meetings = table if keep.all() else table[keep].reset_index(drop=True)
    meetings["id"] = ids[keep].reset_index(drop=True)
    meetings["date"] = starts[keep]
    meetings["date_precision"] = precision[keep]
    meetings["date_end"] = _window_ends(meetings["date"], meetings["date_precision"])
    meetings["counterpart_type"] = kinds[keep].reset_index(drop=True)
    meetings["follow_up_status"] = status[keep].reset_index(drop=True)
    meetings["follow_up_due"] = due[keep]
    meetings["line"] = lines[keep]
    _add_places(
        meetings, [f.iso3 if not isinstance(f, str) else None for f in found], country_codes[keep]
    )
    # Lists are shared between rows with the same cell: treat them as read-only.
    for column, split in (("programs", program_list), ("cities", split_list)):
        codes, lists = _distinct(meetings[column], split)
        meetings[column] = _column(lists, codes)
    for column in _CATEGORY_COLUMNS:
        if meetings[column].dtype != "category":
            meetings[column] = meetings[column].astype("str").astype("category")
    extras = [c for c in meetings.columns if c not in FORMAT_COLUMNS and c not in ADDED_COLUMNS]
    meetings = meetings[[*FORMAT_COLUMNS, *extras, *ADDED_COLUMNS]]
    return ReadResult(meetings, [Problem(*problem) for problem in problems])


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


def _country_or_message(text: str):
    if not text:
        return "The country is empty. Write the country's name or ISO code."
    try:
        return resolve_country(text)
    except CountryNotFound as error:
        return str(error)


def parse_date(text: str) -> tuple[date | None, str | None, str | None]:
    """A date cell as (start of its window, precision its form implies, problem or None)."""
    if not text:
        return None, None, "The date is empty. Write it as YYYY-MM-DD (or YYYY-MM, YYYY)."
    if _SLASHED_DATE.match(text):
        return (
            None,
            None,
            (
                f"'{text}' could be read day-first or month-first. "
                "Write it as YYYY-MM-DD, for example 2019-04-09."
            ),
        )
    for pattern, form in _DATE_FORMS:
        match = pattern.match(text)
        if not match:
            continue
        year = int(match[1])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return None, None, f"'{text}' is outside the years {FIRST_YEAR}–{LAST_YEAR}."
        try:
            if form == "day":
                return date(year, int(match[2]), int(match[3])), form, None
            if form == "month":
                return date(year, int(match[2]), 1), form, None
            if form == "quarter":
                return date(year, 3 * int(match[2]) - 2, 1), form, None
            return date(year, 1, 1), form, None
        except ValueError:
            return None, None, f"'{text}' is not a real date. Check the month and day."
    return (
        None,
        None,
        (
            f"'{text}' is not a date this app reads. "
            "Write YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, for example 2019-04-09."
        ),
    )


def _parse_due(text: str) -> date | str | None:
    """The due date, None when empty, or a problem message."""
    if not text:
        return None
    start, form, message = parse_date(text)
    if message:
        return message
    if form != "day":
        return f"'{text}' is not a full date. Write the due date as YYYY-MM-DD."
    return start


def _window_ends(starts: pd.Series, precision: pd.Series) -> pd.Series:
    ends = starts.copy()
    for name, offset in _WINDOW.items():
        within = precision == name
        if within.any() and name != "day":
            ends[within] = starts[within] + offset
    return ends


def _remove_formula_guard(table: pd.DataFrame) -> pd.DataFrame:
    """Undo the ' that exports put before formula-like cells, so exports round-trip."""
    for column in table.columns:
        guarded = table[column].str.startswith("'")
        if guarded.any():
            values = table.loc[guarded, column]
            restorable = values.str[1:2].isin(FORMULA_STARTS)
            table.loc[values[restorable].index, column] = values[restorable].str[1:]
    return table


def dates_by_precision(
    dates: pd.Series,
    precision: pd.Series,
    forms: dict[str, str],
    quarter: Callable[[pd.Series, pd.Series], pd.Series],
) -> pd.Series:
    """Each date written in the strftime form of its precision; quarters by `quarter(year, n)`."""
    text = pd.Series("", index=dates.index, dtype="str")
    for name, form in forms.items():
        within = precision == name
        if within.any():
            text[within] = dates[within].dt.strftime(form)
    quarters = precision == "quarter"
    if quarters.any():
        starts = dates[quarters]
        text[quarters] = quarter(starts.dt.strftime("%Y"), starts.dt.quarter.astype(str))
    return text


_LABEL_FORMS = {
    "day": "%d %b %Y",
    "week": "≈ week of %d %b %Y",
    "month": "≈ %b %Y",
    "year": "≈ %Y",
}


def date_labels(meetings: pd.DataFrame) -> pd.Series:
    """Dates as people read them, approximate ones marked with ≈ ("≈ week of 02 Apr 2019")."""
    return dates_by_precision(
        meetings["date"],
        meetings["date_precision"],
        _LABEL_FORMS,
        lambda year, number: "≈ Q" + number + " " + year,
    )
