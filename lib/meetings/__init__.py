"""Reading and validating meetings files (format v1, see docs/data-format.md).

One job per module: `fields` (each field of a meeting, declared once), `schema` (the
columns and their values, derived from the fields), `decoding` (a file's bytes as a table
of text cells), `validation` (rows and records checked), `dates` (the date grammar and
dates as people read them). The names other modules use are all importable from here.
"""

from pathlib import Path
from typing import BinaryIO

from lib.meetings.dates import (
    date_cell,
    date_cells,
    date_label,
    date_labels,
    dates_by_precision,
    dates_shown,
    day_label,
    month_label,
    parse_date,
    window_end,
)
from lib.meetings.decoding import MeetingsFileError, read_table
from lib.meetings.fields import FIELDS, Field
from lib.meetings.schema import (
    ADDED_COLUMNS,
    CHOICE_COLUMNS,
    COUNTERPART_TYPES,
    FIRST_YEAR,
    FOLLOW_UP_STATUSES,
    FORMAT_COLUMNS,
    FORMULA_STARTS,
    KOREAN_HEADERS,
    KOREAN_VALUES,
    LAST_YEAR,
    PRECISIONS,
    REQUIRED_COLUMNS,
)
from lib.meetings.validation import (
    WHOLE_ROW,
    Problem,
    ReadResult,
    RecordInvalid,
    record_cells,
    validate_record,
    validate_table,
)

__all__ = [
    "ADDED_COLUMNS",
    "FIELDS",
    "Field",
    "CHOICE_COLUMNS",
    "COUNTERPART_TYPES",
    "FIRST_YEAR",
    "FOLLOW_UP_STATUSES",
    "FORMAT_COLUMNS",
    "FORMULA_STARTS",
    "KOREAN_HEADERS",
    "KOREAN_VALUES",
    "LAST_YEAR",
    "PRECISIONS",
    "REQUIRED_COLUMNS",
    "WHOLE_ROW",
    "MeetingsFileError",
    "Problem",
    "ReadResult",
    "RecordInvalid",
    "date_cell",
    "date_cells",
    "date_label",
    "date_labels",
    "dates_shown",
    "window_end",
    "dates_by_precision",
    "day_label",
    "month_label",
    "parse_date",
    "read_meetings",
    "read_table",
    "record_cells",
    "validate_record",
    "validate_table",
]


def read_meetings(source: str | Path | BinaryIO, name: str | None = None) -> ReadResult:
    """Read a CSV or XLSX meetings file (a path or an uploaded file) and validate its rows."""
    import pyarrow as pa

    result = validate_table(read_table(source, name))
    # The parse and the checks leave freed blocks in arrow's pool: give them back.
    pa.default_memory_pool().release_unused()
    return result
