"""Meetings back to format v1 files: CSV and XLSX downloads, safe to open in a spreadsheet."""

import csv
import io
from datetime import datetime

import pandas as pd

from lib.meetings import ADDED_COLUMNS, FORMAT_COLUMNS, FORMULA_STARTS, dates_by_precision

LOCATION_COLUMNS = ("iso3", "region", "subregion")
_DATE_FORMS = {
    "day": "%Y-%m-%d",
    "week": "%Y-%m-%d",
    "month": "%Y-%m",
    "year": "%Y",
}


def format_v1_table(meetings: pd.DataFrame) -> pd.DataFrame:
    """The meetings as text cells in format v1, plus iso3, region and subregion."""
    extras = [c for c in meetings.columns if c not in FORMAT_COLUMNS and c not in ADDED_COLUMNS]
    table = pd.DataFrame(index=meetings.index)
    for column in [*FORMAT_COLUMNS, *extras, *LOCATION_COLUMNS]:
        if column == "date":
            table[column] = dates_by_precision(
                meetings["date"],
                meetings["date_precision"],
                _DATE_FORMS,
                lambda year, number: year + "-Q" + number,
            )
        elif column == "follow_up_due":
            table[column] = meetings[column].dt.strftime("%Y-%m-%d").fillna("")
        elif column in ("programs", "cities"):
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


def csv_bytes(meetings: pd.DataFrame) -> bytes:
    """A CSV file of the meetings, UTF-8 with a byte-order mark so Excel shows Korean text."""
    import pyarrow as pa
    import pyarrow.csv as arrow_csv

    cells = guard_formulas(format_v1_table(meetings))
    buffer = io.BytesIO()
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow(cells.columns)
    buffer.write(("\ufeff" + header.getvalue()).encode("utf-8"))
    # pyarrow's writer is many times faster than pandas' for large slices.
    arrow_csv.write_csv(
        pa.Table.from_pandas(cells, preserve_index=False),
        buffer,
        arrow_csv.WriteOptions(include_header=False, quoting_style="needed"),
    )
    return buffer.getvalue()


def xlsx_bytes(meetings: pd.DataFrame) -> bytes:
    """An XLSX workbook of the meetings, one sheet, every cell as text."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    table = guard_formulas(format_v1_table(meetings))
    # XLSX cannot hold most control characters; a CSV export keeps them.
    table = table.apply(lambda cells: cells.str.replace(ILLEGAL_CHARACTERS_RE, "", regex=True))
    return workbook_bytes(table)


def workbook_bytes(table: pd.DataFrame, created: datetime | None = None) -> bytes:
    """A one-sheet XLSX workbook of a table's cells as they are (`created` pins its date)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    if created is not None:
        workbook.properties.created = workbook.properties.modified = created
    sheet = workbook.create_sheet("Meetings")
    sheet.append(list(table.columns))
    for row in table.itertuples(index=False, name=None):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


FILE_KINDS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def file_bytes(meetings: pd.DataFrame, kind: str) -> bytes:
    """The meetings as a 'csv' or 'xlsx' file."""
    return csv_bytes(meetings) if kind == "csv" else xlsx_bytes(meetings)
