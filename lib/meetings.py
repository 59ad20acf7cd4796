"""Reading and validating meetings files (format v1, see docs/data-format.md)."""

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd

from lib.countries import Country, CountryNotFound, country_by_iso3, resolve_country
from lib.i18n import L_, N_, _, current
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
# Values stay English in files; show them with `_(value)`.
PRECISIONS = (N_("day"), N_("week"), N_("month"), N_("quarter"), N_("year"))
COUNTERPART_TYPES = (
    N_("embassy"),
    N_("consulate"),
    N_("city government"),
    N_("national government"),
    N_("international organisation"),
    N_("other"),
)
FOLLOW_UP_STATUSES = (N_("open"), N_("done"), N_("dropped"))
FIRST_YEAR, LAST_YEAR = 1900, 2100

# Korean column names a spreadsheet may use for each format v1 column. They are matched
# ignoring spaces ("후속 조치" is "후속조치"); files the app writes keep the English names.
KOREAN_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("아이디", "식별자", "고유번호"),
    "date": ("날짜", "일자", "면담일", "면담 날짜", "면담 일자", "회의 날짜"),
    "date_precision": ("날짜 정확도", "날짜 정밀도", "날짜 단위", "정확도"),
    "country": ("국가", "국가명", "나라"),
    "event": ("행사", "행사명"),
    "counterpart": ("상대방", "상대", "면담 상대", "면담자"),
    "counterpart_title": ("직함", "직위", "상대방 직함", "상대방 직위"),
    "counterpart_type": ("상대방 유형", "상대 유형", "기관 유형"),
    "representative": ("우리 측 대표", "우리 측 참석자", "WeGO 대표"),
    "meeting_type": ("회의 유형", "면담 유형", "회의 종류", "면담 종류"),
    "location": ("장소", "면담 장소", "회의 장소"),
    "programs": ("프로그램", "관련 프로그램", "사업"),
    "cities": ("도시", "관련 도시"),
    "follow_up": ("후속조치", "후속조치 내용"),
    "follow_up_owner": ("후속조치 담당", "후속조치 담당자", "담당자"),
    "follow_up_status": ("후속조치 상태", "진행 상태"),
    "follow_up_due": ("후속조치 기한", "후속조치 마감일", "기한"),
    "summary": ("요약", "면담 내용", "주요 내용"),
    "source_title": ("출처 제목", "출처", "기사 제목"),
    "source_url": ("출처 링크", "출처 주소", "링크"),
}
# Korean values for the columns with a fixed list of values (matched ignoring spaces).
KOREAN_VALUES: dict[str, dict[str, str]] = {
    "date_precision": {
        "일": "day",
        "날": "day",
        "주": "week",
        "월": "month",
        "달": "month",
        "분기": "quarter",
        "연": "year",
        "년": "year",
        "연도": "year",
    },
    "counterpart_type": {
        "대사관": "embassy",
        "영사관": "consulate",
        "총영사관": "consulate",
        "시정부": "city government",
        "지방정부": "city government",
        "지자체": "city government",
        "중앙정부": "national government",
        "정부": "national government",
        "국제기구": "international organisation",
        "기타": "other",
    },
    "follow_up_status": {
        "진행중": "open",
        "미완료": "open",
        "예정": "open",
        "완료": "done",
        "취소": "dropped",
        "중단": "dropped",
    },
}

_DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), "day"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE), "quarter"),
    (re.compile(r"^(\d{4})$"), "year"),
)
_SLASHED_DATE = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$")
# A plain pattern (no compiled flags) lets pandas run it in pyarrow, not row by row. The
# spaces are listed: Python's \S and pyarrow's differ on Unicode spaces.
_WEB_LINK = r"(?i)^(https?|synthetic)://[^\t\n\v\f\r ]+$"
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
    """The file cannot be read as a meetings table at all; `str()` is in the reader's language."""


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


def read_meetings(source: str | Path | BinaryIO, name: str | None = None) -> ReadResult:
    """Read a CSV or XLSX meetings file (a path or an uploaded file) and validate its rows."""
    import pyarrow as pa

    result = validate_table(read_table(source, name))
    # The parse and the checks leave freed blocks in arrow's pool: give them back.
    pa.default_memory_pool().release_unused()
    return result


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


def _squeezed(text: str) -> str:
    """Text compared ignoring case and spaces (Korean spacing varies from writer to writer)."""
    return "".join(text.lower().split())


_COLUMN_OF_HEADER = {
    _squeezed(unicodedata.normalize("NFC", header)): column
    for column, headers in KOREAN_HEADERS.items()
    for header in headers
}


def _column_name(header: object) -> str:
    """A header cell as its format v1 column: lower case, or the column a Korean name means."""
    name = unicodedata.normalize("NFC", str(header)).strip().lower()
    return _COLUMN_OF_HEADER.get(_squeezed(name), name)


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

    given = choice("date_precision")
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

    kinds = choice("counterpart_type")
    status = choice("follow_up_status")
    follow_up = table["follow_up"].str.strip().to_numpy(dtype=object)
    status = np.where((status == "") & (follow_up != ""), "open", status)

    due_codes, due_parsed = per_distinct(
        "follow_up_due", _parse_due, lambda result: result if isinstance(result, L_) else None
    )
    due = _dates([d if isinstance(d, date) else None for d in due_parsed], due_codes)
    has_due = ~np.isnat(due)
    report(has_due & (follow_up == ""), "follow_up_due", _DUE_WITHOUT_FOLLOW_UP)
    due_cells = table["follow_up_due"].str.strip()
    report(
        has_due & (follow_up != "") & (due < starts),  # NaT compares False: bad dates pass
        "follow_up_due",
        lambda rows: [_due_before(due_cells[row], date_cells[row]) for row in rows],
    )

    links = table["source_url"].str.strip()
    report(
        (links != "") & ~links.str.match(_WEB_LINK),
        "source_url",
        lambda rows: [_not_a_link(links[row]) for row in rows],
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
    meetings["date"] = starts[keep]
    meetings["date_precision"] = precision[keep]
    meetings["date_end"] = _window_ends(meetings["date"], meetings["date_precision"])
    meetings["counterpart_type"] = kinds[keep]
    meetings["follow_up_status"] = status[keep]
    meetings["follow_up_due"] = due[keep]
    meetings["line"] = lines[keep]
    _add_places(
        meetings,
        [place.iso3 if isinstance(place, Country) else None for place in found],
        country_codes[keep],
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
    due = _parse_due(text["follow_up_due"])
    if isinstance(due, L_):
        fields["follow_up_due"] = due
    elif due is not None and not text["follow_up"]:
        fields["follow_up_due"] = _DUE_WITHOUT_FOLLOW_UP
    elif due is not None and start is not None and due < start:
        fields["follow_up_due"] = _due_before(text["follow_up_due"], text["date"])
    if text["source_url"] and not _WEB_LINK_RE.match(text["source_url"]):
        fields["source_url"] = _not_a_link(text["source_url"])
    if fields:
        raise RecordInvalid({column: fields[column] for column in sorted(fields, key=_order)})

    stored = {column: cells.get(column, "") for column in FORMAT_COLUMNS}
    stored.update(
        id=text["id"],
        date=_date_cell(start, precision),
        date_precision=precision,
        country=place.name,
        counterpart_type=values["counterpart_type"],
        follow_up_status=status,
        follow_up_due=due.isoformat() if due else "",
        programs="; ".join(program_list(text["programs"])),
        cities="; ".join(split_list(text["cities"])),
    )
    stored.update((column, value) for column, value in cells.items() if column not in stored)
    stored["iso3"] = place.iso3
    return stored


# --- The checks of one cell, shared by validate_table and validate_record ----------------

WHOLE_ROW = N_("(whole row)")  # the "column" of a problem with the row itself
# Columns holding one of a fixed list of English values (Korean accepted on input).
CHOICE_COLUMNS = ("date_precision", "counterpart_type", "follow_up_status")
_CHOICES = {
    "date_precision": PRECISIONS,
    "counterpart_type": COUNTERPART_TYPES,
    "follow_up_status": FOLLOW_UP_STATUSES,
}
_NOT_A_CHOICE = {
    "date_precision": N_("'{text}' is not a date precision. Use one of: {values}."),
    "counterpart_type": N_("'{text}' is not a counterpart type. Use one of: {values}."),
    "follow_up_status": N_("'{text}' is not a follow-up status. Use one of: {values}."),
}
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
    allowed = _CHOICES[column]
    if not value or value in allowed:
        return value, None
    english = KOREAN_VALUES[column].get(_squeezed(value))
    if english:
        return english, None
    return value, L_(_NOT_A_CHOICE[column], text=text, values=_Values(allowed))


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


def _date_cell(start: date, precision: str) -> str:
    """The date cell in the form of its precision, as exports write it."""
    if precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if precision == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if precision == "year":
        return f"{start.year:04d}"
    return start.isoformat()


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


def parse_date(text: str) -> tuple[date | None, str | None, L_ | None]:
    """A date cell as (start of its window, precision its form implies, problem or None)."""
    if not text:
        return None, None, L_("The date is empty. Write it as YYYY-MM-DD (or YYYY-MM, YYYY).")
    if _SLASHED_DATE.match(text):
        return (
            None,
            None,
            L_(
                "'{text}' could be read day-first or month-first. "
                "Write it as YYYY-MM-DD, for example 2019-04-09.",
                text=text,
            ),
        )
    for pattern, form in _DATE_FORMS:
        match = pattern.match(text)
        if not match:
            continue
        year = int(match[1])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            message = L_(
                "'{text}' is outside the years {first}–{last}.",
                text=text,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
            return None, None, message
        try:
            if form == "day":
                return date(year, int(match[2]), int(match[3])), form, None
            if form == "month":
                return date(year, int(match[2]), 1), form, None
            if form == "quarter":
                return date(year, 3 * int(match[2]) - 2, 1), form, None
            return date(year, 1, 1), form, None
        except ValueError:
            return (
                None,
                None,
                L_("'{text}' is not a real date. Check the month and day.", text=text),
            )
    return (
        None,
        None,
        L_(
            "'{text}' is not a date this app reads. "
            "Write YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, for example 2019-04-09.",
            text=text,
        ),
    )


def _parse_due(text: str) -> date | L_ | None:
    """The due date, None when empty, or a problem message."""
    if not text:
        return None
    start, form, message = parse_date(text)
    if message:
        return message
    if form != "day":
        return L_("'{text}' is not a full date. Write the due date as YYYY-MM-DD.", text=text)
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
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_KOREAN_WEEKS = ("첫째", "둘째", "셋째", "넷째", "다섯째")


def date_labels(meetings: pd.DataFrame, language: str | None = None) -> pd.Series:
    """Dates as people read them in `language` (default: the current one).

    English marks approximate dates with ≈ ("09 Apr 2019", "≈ week of 02 Apr 2019",
    "≈ Q2 2019"); Korean with 경 ("2019년 4월 9일", "2019년 4월 첫째 주경", "2019년 2분기").
    """
    if (language or current()) == "ko":
        return _korean_date_labels(meetings["date"], meetings["date_precision"])
    return dates_by_precision(
        meetings["date"],
        meetings["date_precision"],
        _LABEL_FORMS,
        lambda year, number: "≈ Q" + number + " " + year,
    )


def _korean_date_labels(dates: pd.Series, precision: pd.Series) -> pd.Series:
    text = pd.Series("", index=dates.index, dtype="str")
    for name in PRECISIONS:
        within = (precision == name) & dates.notna()
        if not within.any():
            continue
        days = dates[within]
        month = days.dt.strftime("%Y년 ") + days.dt.month.astype("str") + "월"
        if name == "day":
            text[within] = month + " " + days.dt.day.astype("str") + "일"
        elif name == "week":  # the week of the month the window starts in
            weeks = pd.Series(_KOREAN_WEEKS, dtype="str")[(days.dt.day.to_numpy() - 1) // 7]
            text[within] = month + " " + weeks.to_numpy() + " 주경"
        elif name == "month":
            text[within] = month + "경"
        elif name == "quarter":
            text[within] = days.dt.strftime("%Y년 ") + days.dt.quarter.astype("str") + "분기"
        else:
            text[within] = days.dt.strftime("%Y년경")
    return text


def month_label(month: date | str, language: str | None = None) -> str:
    """A month as people read it: "Apr 2019" or "2019년 4월" (from a date or "2019-04")."""
    if isinstance(month, str):
        month = date(int(month[:4]), int(month[5:7]), 1)
    if (language or current()) == "ko":
        return f"{month.year}년 {month.month}월"
    return f"{_MONTHS[month.month - 1]} {month.year}"


def day_label(day: date, language: str | None = None) -> str:
    """An exact date as people read it: "09 Apr 2019" or "2019년 4월 9일"."""
    if (language or current()) == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일"
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"
