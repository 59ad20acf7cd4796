"""Meetings back to format v1 files: CSV and XLSX downloads, safe to open in a spreadsheet."""

import csv
import io

import numpy as np
import pandas as pd

from lib.i18n import L_, N_, _
from lib.meetings import ADDED_COLUMNS, FORMAT_COLUMNS, FORMULA_STARTS, date_cells
from lib.meetings.fields import of_kind
from lib.progress import WRITING, Progress, begin, report

# An Excel sheet holds 1,048,576 rows, one of them the header.
XLSX_MAX_MEETINGS = 1_048_575
# Above this many meetings the page warns and offers the CSV first: the workbook takes
# seconds to build and spreadsheets open and filter it slowly (docs/benchmarks.md).
XLSX_WELL_HANDLED_MEETINGS = 100_000
# The most characters an Excel cell holds.
XLSX_CELL_CHARACTERS = 32_767
# Control characters an XLSX file cannot hold (tab, newline and carriage return it can).
_ILLEGAL_CHARACTERS = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"
# Rows per step of a file being written: the unit of its progress reports.
_CHUNK_ROWS = 10_000

LOCATION_COLUMNS = ("iso3", "region", "subregion")
_DAYS = of_kind("day")  # full dates: real date cells in a workbook
_LISTS = of_kind("programs", "list")  # written "; "-joined


_TOO_MANY_FOR_A_SHEET = N_(
    "{count} meetings are more than an Excel sheet holds ({limit}). Download the CSV instead: "
    "it holds every meeting."
)


class ExportError(ValueError):
    """The meetings cannot be written in the chosen kind of file; the message says what to do."""


def format_v1_table(meetings: pd.DataFrame) -> pd.DataFrame:
    """The meetings as text cells in format v1, plus iso3, region and subregion."""
    extras = [c for c in meetings.columns if c not in FORMAT_COLUMNS and c not in ADDED_COLUMNS]
    table = pd.DataFrame(index=meetings.index)
    for column in [*FORMAT_COLUMNS, *extras, *LOCATION_COLUMNS]:
        if column == "date":
            table[column] = date_cells(meetings["date"], meetings["date_precision"])
        elif column in _DAYS:
            table[column] = meetings[column].dt.strftime("%Y-%m-%d").fillna("")
        elif column in _LISTS:
            table[column] = meetings[column].map("; ".join)
        else:
            table[column] = meetings[column].astype("str").fillna("")
    return table.reset_index(drop=True)


def guard_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """Prefix cells a spreadsheet would run as a formula with ' (OWASP CSV injection)."""
    guarded = table.copy()
    for column in guarded.columns:
        cells = guarded[column]
        risky = cells.str.startswith(FORMULA_STARTS)
        if risky.any():
            guarded.loc[risky, column] = "'" + cells[risky]
    return guarded


def csv_bytes(meetings: pd.DataFrame, progress: Progress | None = None) -> bytes:
    """A CSV file of the meetings, UTF-8 with a byte-order mark so Excel shows Korean text."""
    import pyarrow as pa
    import pyarrow.csv as arrow_csv

    cells = guard_formulas(format_v1_table(meetings))
    buffer = io.BytesIO()
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow(cells.columns)
    buffer.write(("\ufeff" + header.getvalue()).encode("utf-8"))
    total = len(cells)
    begin(progress, WRITING, total)
    # pyarrow's writer is many times faster than pandas' for large slices.
    options = arrow_csv.WriteOptions(include_header=False, quoting_style="needed")
    for start in range(0, total, _CHUNK_ROWS):
        chunk = cells.iloc[start : start + _CHUNK_ROWS]
        arrow_csv.write_csv(pa.Table.from_pandas(chunk, preserve_index=False), buffer, options)
        report(progress, start + len(chunk), total)
    return buffer.getvalue()


def xlsx_bytes(meetings: pd.DataFrame, progress: Progress | None = None) -> bytes:
    """An XLSX workbook of the meetings: text as typed strings, exact and due dates as dates.

    A string cell is never run as a formula, so no ' guard is added (CSV keeps it). Dates of
    precision `day` and due dates are date cells shown as yyyy-mm-dd; approximate dates keep
    their text ("2019-04", "2019-Q2"). Raises ExportError when a sheet cannot hold them.
    """
    if len(meetings) > XLSX_MAX_MEETINGS:
        raise ExportError(
            L_(
                _TOO_MANY_FOR_A_SHEET,
                count=format(len(meetings), ","),
                limit=format(XLSX_MAX_MEETINGS, ","),
            )
        )
    return workbook_bytes(xlsx_cells(meetings), progress)


def xlsx_cells(meetings: pd.DataFrame) -> pd.DataFrame:
    """The workbook's cells: format v1 text, exact and due dates as `date` values.

    Raises ExportError for a text longer than a cell holds.
    """
    table = format_v1_table(meetings)
    cells = pd.DataFrame(index=table.index)
    for column in table.columns:
        # XLSX cannot hold most control characters; a CSV export keeps them.
        text = table[column].str.replace(_ILLEGAL_CHARACTERS, "", regex=True)
        _refuse_long_cells(text, table["id"], column)
        cells[column] = text.astype(object)
    exact = (meetings["date_precision"] == "day").to_numpy()
    dates = cells["date"].to_numpy(copy=True)
    dates[exact] = meetings["date"].dt.date.to_numpy(dtype=object)[exact]
    cells["date"] = dates
    for column in _DAYS:
        days = meetings[column]
        cells[column] = np.where(days.notna().to_numpy(), days.dt.date.to_numpy(dtype=object), "")
    return cells


def xlsx_advice(count: int) -> str | None:
    """What to tell a person before an XLSX download of `count` meetings; None when it is fine.

    Above XLSX_WELL_HANDLED_MEETINGS the page should say so and offer the CSV first.
    """
    if count > XLSX_MAX_MEETINGS:
        return _(
            _TOO_MANY_FOR_A_SHEET, count=format(count, ","), limit=format(XLSX_MAX_MEETINGS, ",")
        )
    if count > XLSX_WELL_HANDLED_MEETINGS:
        return _(
            "{count} meetings make a large workbook: spreadsheets open and filter sheets of "
            "more than {limit} rows slowly. The CSV holds the same meetings and opens faster.",
            count=format(count, ","),
            limit=format(XLSX_WELL_HANDLED_MEETINGS, ","),
        )
    return None


def workbook_bytes(cells: pd.DataFrame, progress: Progress | None = None) -> bytes:
    """A one-sheet XLSX workbook of a table's cells as they are (str, date, or "" for none)."""
    import rustpy_xlsxwriter

    total = len(cells)
    begin(progress, WRITING, total)

    def rows():
        for start in range(0, total, _CHUNK_ROWS):
            yield from cells.iloc[start : start + _CHUNK_ROWS].to_dict("records")
            report(progress, min(start + _CHUNK_ROWS, total), total)

    buffer = io.BytesIO()
    rustpy_xlsxwriter.write_worksheet(
        # With no rows, a frame still gives the header.
        rows() if total else cells,
        buffer,
        sheet_name="Meetings",
        datetime_format="yyyy-mm-dd",
        freeze_row=1,
    )
    return buffer.getvalue()


def _refuse_long_cells(text: pd.Series, ids: pd.Series, column: str) -> None:
    too_long = text.str.len() > XLSX_CELL_CHARACTERS
    if too_long.any():
        first = int(np.flatnonzero(too_long.to_numpy())[0])
        raise ExportError(
            L_(
                "The {column} of meeting {id} has {length} characters, more than a "
                "spreadsheet cell holds ({limit}). Download the CSV instead: it keeps the "
                "text whole.",
                column=column,
                id=ids.iloc[first],
                length=format(len(text.iloc[first]), ","),
                limit=format(XLSX_CELL_CHARACTERS, ","),
            )
        )


FILE_KINDS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def file_bytes(meetings: pd.DataFrame, kind: str, progress: Progress | None = None) -> bytes:
    """The meetings as a 'csv' or 'xlsx' file."""
    writer = csv_bytes if kind == "csv" else xlsx_bytes
    return writer(meetings, progress)
