"""Reading and validating meetings files (format v1, see docs/data-format.md)."""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from lib.countries import CountryNotFound, resolve_country
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
_WEB_LINK = re.compile(r"^(https?|synthetic)://\S+$", re.IGNORECASE)
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
    return validate_table(read_table(source, name))


def read_table(source: str | Path | BinaryIO, name: str | None = None) -> pd.DataFrame:
    """The file's cells as text, header names in lower case; raises MeetingsFileError."""
    if isinstance(source, str | Path):
        name = name or Path(source).name
        try:
            raw = Path(source).read_bytes()
        except OSError as error:
            raise MeetingsFileError(
                f"Could not open {name}: {error.strerror}. Check the path."
            ) from None
    else:
        name = name or getattr(source, "name", "the file")
        raw = source.read()
    if not raw.strip():
        raise MeetingsFileError(f"{name} is empty. A meetings file needs a header row.")
    if raw.startswith(b"PK\x03\x04"):
        table = _xlsx_table(raw, name)
    elif raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise MeetingsFileError(
            f"{name} is an old Excel (.xls) workbook. Save it as .xlsx or CSV and try again."
        )
    else:
        table = _csv_table(_decode(raw, name), name)
    return _with_format_columns(table, name)


def _decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw[:4096]:
        raise MeetingsFileError(
            f"{name} is not a text file. Upload a CSV (UTF-8) or an XLSX workbook."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
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


def _csv_table(text: str, name: str) -> pd.DataFrame:
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    if header.count("\t") > max(header.count(";"), header.count(",")):
        delimiter = "\t"
    options = dict(sep=delimiter, dtype=str, keep_default_na=False, skip_blank_lines=False)
    try:
        return pd.read_csv(io.StringIO(text), **options)
    except pd.errors.ParserError:
        try:
            return _ragged_csv_table(text, delimiter)
        except csv.Error as error:
            raise MeetingsFileError(
                f"{name} could not be read as CSV ({error}). Save it again from a spreadsheet."
            ) from None
    except pd.errors.EmptyDataError:
        raise MeetingsFileError(f"{name} has no header row.") from None


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
    """Validate text cells in format v1; returns the usable meetings and the problems."""
    table = table.reset_index(drop=True).fillna("").astype("str")
    for column in FORMAT_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    table = table.loc[(table != "").any(axis=1)].copy()  # blank lines are not meetings
    lines = pd.Series(table.index + first_line, index=table.index)
    table = _remove_formula_guard(table)
    problems: list[tuple[int, str, str]] = []
    extra = table.pop("_extra") if "_extra" in table.columns else None

    def report(bad: pd.Series, column: str, messages: pd.Series | str) -> None:
        if bad.any():
            texts = messages[bad] if isinstance(messages, pd.Series) else None
            for position, line in lines[bad].items():
                problems.append(
                    (int(line), column, messages if texts is None else str(texts[position]))
                )

    if extra is not None:
        report(
            extra != "",
            "(whole row)",
            "The row has more cells than the header. Put quotes around cells with commas.",
        )

    dates = _per_distinct(table["date"].str.strip(), _parse_date)
    report(dates.map(lambda parsed: parsed[2] is not None), "date", dates.map(lambda p: p[2]))

    countries = _per_distinct(table["country"].str.strip(), _country_or_message)
    report(countries.map(lambda found: isinstance(found, str)), "country", countries)

    precision = table["date_precision"].str.strip().str.lower()
    form_precision = dates.map(lambda parsed: parsed[1])
    bad_precision = (precision != "") & ~precision.isin(PRECISIONS)
    report(
        bad_precision,
        "date_precision",
        "'" + precision + f"' is not a precision. Use one of: {', '.join(PRECISIONS)}.",
    )
    precision = precision.where(precision != "", form_precision.fillna("day"))
    rank = {value: order for order, value in enumerate(PRECISIONS)}
    too_fine = ~bad_precision & (
        precision.map(rank).astype(float).fillna(0)
        < form_precision.map(rank).astype(float).fillna(0)
    )
    report(
        too_fine,
        "date_precision",
        "The date '"
        + table["date"].str.strip()
        + "' is a "
        + form_precision.fillna("")
        + ", so it cannot be exact to the "
        + precision
        + ". Give the full date or a coarser precision.",
    )

    kinds = table["counterpart_type"].str.strip().str.lower()
    report(
        (kinds != "") & ~kinds.isin(COUNTERPART_TYPES),
        "counterpart_type",
        "'" + table["counterpart_type"] + f"' is not a type. Use one of: "
        f"{', '.join(COUNTERPART_TYPES)}.",
    )
    status = table["follow_up_status"].str.strip().str.lower()
    report(
        (status != "") & ~status.isin(FOLLOW_UP_STATUSES),
        "follow_up_status",
        "'" + table["follow_up_status"] + "' is not a status. Use open, done or dropped.",
    )
    status = status.where((status != "") | (table["follow_up"].str.strip() == ""), "open")

    due = _per_distinct(table["follow_up_due"].str.strip(), _parse_due)
    report(due.map(lambda parsed: isinstance(parsed, str)), "follow_up_due", due)

    links = table["source_url"].str.strip()
    report(
        (links != "") & ~links.str.match(_WEB_LINK),
        "source_url",
        "'" + links + "' is not a web link. Give an address starting with https://.",
    )

    ids = table["id"].str.strip()
    repeated = (ids != "") & ids.duplicated()
    if repeated.any():
        first_lines = lines.groupby(ids).transform("first")
        report(
            repeated,
            "id",
            "The id '" + ids + "' is already used on line " + first_lines.astype(str) + ".",
        )

    problems.sort()
    bad_lines = {line for line, _, _ in problems}
    keep = ~lines.isin(bad_lines)
    meetings = _meetings_frame(
        table[keep],
        first_line,
        dates[keep],
        countries[keep],
        precision[keep],
        status[keep],
        due[keep],
    )
    return ReadResult(meetings, [Problem(*problem) for problem in problems])


def _meetings_frame(
    table: pd.DataFrame,
    first_line: int,
    dates: pd.Series,
    countries: pd.Series,
    precision: pd.Series,
    status: pd.Series,
    due: pd.Series,
) -> pd.DataFrame:
    meetings = table.reset_index(drop=True)
    meetings["line"] = (table.index + first_line).to_numpy()
    starts = pd.to_datetime(dates.map(lambda parsed: parsed[0]).reset_index(drop=True))
    meetings["date"] = starts.astype("datetime64[ns]")
    meetings["date_precision"] = precision.reset_index(drop=True)
    meetings["date_end"] = _window_ends(meetings["date"], meetings["date_precision"])
    meetings["follow_up_status"] = status.reset_index(drop=True)
    meetings["follow_up_due"] = pd.to_datetime(
        due.reset_index(drop=True).map(lambda parsed: parsed or None)
    ).astype("datetime64[ns]")
    meetings["counterpart_type"] = meetings["counterpart_type"].str.strip().str.lower()
    meetings["id"] = meetings["id"].str.strip()
    found = countries.reset_index(drop=True)
    meetings["country"] = found.map(lambda country: country.name)
    meetings["iso3"] = found.map(lambda country: country.iso3)
    meetings["region"] = found.map(lambda country: country.region)
    meetings["subregion"] = found.map(lambda country: country.subregion)
    # Lists are shared between rows with the same cell: treat them as read-only.
    meetings["programs"] = _per_distinct(meetings["programs"], program_list)
    meetings["cities"] = _per_distinct(meetings["cities"], split_list)
    for column in _CATEGORY_COLUMNS:
        meetings[column] = meetings[column].astype("str").astype("category")
    extras = [c for c in meetings.columns if c not in FORMAT_COLUMNS and c not in ADDED_COLUMNS]
    return meetings[[*FORMAT_COLUMNS, *extras, *ADDED_COLUMNS]]


def _per_distinct(values: pd.Series, function) -> pd.Series:
    """Apply `function` once per distinct value and spread the results over the rows."""
    codes, distinct = pd.factorize(values)
    results = pd.Series([function(value) for value in distinct], dtype=object)
    if len(values) == 0:
        return pd.Series([], index=values.index, dtype=object)
    return pd.Series(results.to_numpy()[codes], index=values.index, dtype=object)


def _country_or_message(text: str):
    if not text:
        return "The country is empty. Write the country's name or ISO code."
    try:
        return resolve_country(text)
    except CountryNotFound as error:
        return str(error)


def _parse_date(text: str) -> tuple[date | None, str | None, str | None]:
    """(window start, precision of the form, problem message or None)."""
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
    start, form, message = _parse_date(text)
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


_LABEL_FORMS = {
    "day": "%d %b %Y",
    "week": "≈ week of %d %b %Y",
    "month": "≈ %b %Y",
    "year": "≈ %Y",
}


def date_labels(meetings: pd.DataFrame) -> pd.Series:
    """Dates as people read them, approximate ones marked with ≈ ("≈ week of 02 Apr 2019")."""
    labels = pd.Series("", index=meetings.index, dtype="str")
    precision = meetings["date_precision"]
    for name, form in _LABEL_FORMS.items():
        within = precision == name
        if within.any():
            labels[within] = meetings.loc[within, "date"].dt.strftime(form)
    quarters = precision == "quarter"
    if quarters.any():
        starts = meetings.loc[quarters, "date"]
        labels[quarters] = "≈ Q" + starts.dt.quarter.astype(str) + " " + starts.dt.strftime("%Y")
    return labels
