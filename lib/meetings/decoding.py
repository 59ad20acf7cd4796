"""Reading a CSV or XLSX file's bytes into a table of text cells with format v1 headers."""

import csv
import io
import re
import unicodedata
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from lib.i18n import L_
from lib.meetings.schema import KOREAN_HEADERS, REQUIRED_COLUMNS, _squeezed

_BLANK = re.compile(rb"\s*\Z")


_BLANK_LINE = re.compile(rb"\n\r?\n|\r\r")


class MeetingsFileError(ValueError):
    """The file cannot be read as a meetings table at all; `str()` is in the reader's language."""


def read_table(source: str | Path | BinaryIO, name: str | None = None) -> pd.DataFrame:
    """The file's cells as text, headers as format v1 columns (Korean names too) or lower case.

    Raises MeetingsFileError when the file is not a meetings table at all.
    """
    if isinstance(source, str | Path):
        name = name or Path(source).name
        try:
            # A large, well-formed CSV is parsed straight from the file, never held whole
            # as bytes: that halves the memory a million meetings need while being read.
            table = None if _named_xlsx(name) else _arrow_csv_file(Path(source))
            if table is None:
                table = _table_from_bytes(Path(source).read_bytes(), name)
        except OSError as error:
            raise MeetingsFileError(
                L_(
                    "Could not open {name}: {reason}. Check the path.",
                    name=name,
                    reason=error.strerror,
                )
            ) from None
    else:
        name = name or getattr(source, "name", None) or L_("the file")
        table = _table_from_bytes(source.read(), name)
    return _with_format_columns(table, name)


def _table_from_bytes(raw: bytes, name: str) -> pd.DataFrame:
    if _BLANK.match(raw):
        raise MeetingsFileError(
            L_("{name} is empty. A meetings file needs a header row.", name=name)
        )
    if raw.startswith(b"PK\x03\x04"):
        return _xlsx_table(raw, name)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise MeetingsFileError(
            L_(
                "{name} is an old Excel (.xls) workbook. Save it as .xlsx or CSV and try again.",
                name=name,
            )
        )
    if _named_xlsx(name):
        raise MeetingsFileError(
            L_(
                "{name} is not an XLSX workbook: it holds plain text. Open it in a spreadsheet "
                "and save it as .xlsx, or, if it is a CSV file, rename it to end in .csv.",
                name=name,
            )
        )
    return _csv_table(raw, name)


def _named_xlsx(name: object) -> bool:
    return str(name).lower().endswith(".xlsx")


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
    if text is not None and _reads_as_korean(text):
        return text
    raise MeetingsFileError(
        L_(
            "{name} is not in UTF-8 or Korean (CP949) encoding. In Excel, save it with "
            '"CSV UTF-8 (Comma delimited)" and upload it again.',
            name=name,
        )
    )


_HANGUL = "\uac00-\ud7a3\u3130-\u318f\u1100-\u11ff"  # syllables, compatibility jamo, jamo


_HANJA_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kana, CJK ideographs


_HANGUL_RUNS = re.compile(f"[{_HANGUL}]+")


_HANJA_KANA_RUNS = re.compile(f"[{_HANJA_KANA}]+")


_KOREAN_CHARACTER = re.compile(
    f"[{_HANGUL}{_HANJA_KANA}"
    "\u3000-\u303f\uff01-\uffe6\u2460-\u24ff"  # CJK punctuation, full-width forms, ①
    "·‘’“”…※○●◎◇◆□■△▲▽▼→←↑↓±×÷°]"
)


def _reads_as_korean(text: str) -> bool:
    """Whether text decoded as CP949 is Korean rather than a Latin-1 file misread.

    A Latin-1 or Windows-1252 file often decodes as CP949 too, into nonsense: accented
    letters become Hangul or, in pairs ("ação"), Hanja. Korean text is accepted when every
    non-ASCII character is Korean (Hangul, punctuation), or Hanja and kana beside at least
    as much Hangul, as Korean writing uses them.
    """
    if not all(_KOREAN_CHARACTER.match(ch) for ch in set(text) if ord(ch) > 127):
        return False
    hanja_kana = sum(map(len, _HANJA_KANA_RUNS.findall(text)))
    return hanja_kana <= sum(map(len, _HANGUL_RUNS.findall(text)))


def _csv_table(raw: bytes, name: str) -> pd.DataFrame:
    if b"\x00" in raw[:4096]:
        raise MeetingsFileError(
            L_("{name} is not a text file. Upload a CSV (UTF-8) or an XLSX workbook.", name=name)
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
                L_(
                    "{name} could not be read as CSV ({reason}). Save it again from a spreadsheet.",
                    name=name,
                    reason=str(error),
                )
            ) from None
    except pd.errors.EmptyDataError:
        raise MeetingsFileError(L_("{name} has no header row.", name=name)) from None


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
            L_(
                "{name} could not be opened as an Excel workbook. Save it again as .xlsx or CSV.",
                name=name,
            )
        ) from None
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            raise MeetingsFileError(L_("The first sheet of {name} is empty.", name=name))
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
    table.columns = [_column_name(column) for column in table.columns]
    missing = [column for column in REQUIRED_COLUMNS if column not in table.columns]
    if missing:
        found = ", ".join(f'"{column}"' for column in table.columns[:12]) or L_("no names")
        if len(missing) == 2:
            message = L_(
                "{name} has neither a 'date' nor a 'country' column (its first row has {found}). "
                "A meetings file needs both; see docs/data-format.md.",
                name=name,
                found=found,
            )
        else:
            message = L_(
                "{name} has no '{column}' column (its first row has {found}). A meetings file "
                "needs the columns 'date' and 'country'; see docs/data-format.md.",
                name=name,
                column=missing[0],
                found=found,
            )
        raise MeetingsFileError(message)
    return table.loc[:, ~table.columns.duplicated()]


_COLUMN_OF_HEADER = {
    _squeezed(unicodedata.normalize("NFC", header)): column
    for column, headers in KOREAN_HEADERS.items()
    for header in headers
}


def _column_name(header: object) -> str:
    """A header cell as its format v1 column: lower case, or the column a Korean name means."""
    name = unicodedata.normalize("NFC", str(header)).strip().lower()
    return _COLUMN_OF_HEADER.get(_squeezed(name), name)
