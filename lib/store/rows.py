"""Meetings between their forms: a person's record, stored text, database rows, and back."""

from __future__ import annotations

import functools
import json
import secrets
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from json.encoder import encode_basestring

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lib.export import format_v1_table
from lib.i18n import L_
from lib.meetings import (
    ADDED_COLUMNS,
    RecordInvalid,
    validate_record,
    validate_table,
)
from lib.progress import WRITING, Progress, begin, report
from lib.store.errors import MeetingInvalid, MeetingNotFound
from lib.store.schema import (
    _FIELD_COLUMNS,
    _HISTORY,
    _INSERT_COLUMNS,
    _MEETINGS,
    _STORED_COLUMNS,
)

# Rows per executemany: bounded memory for very large imports, few round trips.
_CHUNK_ROWS = 5000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _who(who: str | None) -> str:
    if not isinstance(who, str) or not who.strip():
        raise ValueError(L_("Say who is making the change (a name), so the history can show it."))
    return who.strip()


def _new_id() -> str:
    return "m-" + secrets.token_hex(5)


def _new_unused_id(conn: Connection) -> str:
    while True:
        candidate = _new_id()
        if _stored_row(conn, candidate) is None:
            return candidate


def _fill_ids(ids: pd.Series, taken: set[str]) -> pd.Series:
    """Ids with the empty ones replaced by new ids used neither in `ids` nor in `taken`."""
    missing = ids == ""
    if not missing.any():
        return ids
    used = taken | set(ids[~missing])
    fresh = []
    for _ in range(int(missing.sum())):
        candidate = _new_id()
        while candidate in used:
            candidate = _new_id()
        used.add(candidate)
        fresh.append(candidate)
    ids = ids.copy()
    ids[missing] = fresh
    return ids


def _validated_record(record: Mapping[str, object]) -> dict[str, str]:
    """One meeting's cells checked like a file's row; the stored text, or MeetingInvalid."""
    try:
        return validate_record(record)
    except RecordInvalid as error:
        raise MeetingInvalid(error.fields) from None


def _stored_text(meetings: pd.DataFrame) -> pd.DataFrame:
    """Validated meetings as the database keeps them: format v1 text, stripped, with iso3."""
    table = format_v1_table(meetings).drop(columns=["region", "subregion"])
    for column in table.columns:
        cells = table[column].astype("str")
        if cells.str.contains("\x00", regex=False).any():  # PostgreSQL text cannot hold NUL
            cells = cells.str.replace("\x00", "", regex=False)
        table[column] = cells.str.strip()
    return table.reset_index(drop=True)


def _extra_columns(columns) -> list[str]:
    return [column for column in columns if column not in _STORED_COLUMNS]


def _extra_json(row: Mapping[str, str]) -> str | None:
    extras = {column: row[column] for column in _extra_columns(row)}
    return json.dumps(extras, ensure_ascii=False) if extras else None


def _meeting_rows(stored: pd.DataFrame, now: str, revision: int) -> Iterator[list[tuple]]:
    """Stored-text meetings as database rows (_INSERT_COLUMNS order), a chunk at a time."""
    extras = _extra_columns(stored.columns)
    for start in range(0, len(stored), _CHUNK_ROWS):
        chunk = stored.iloc[start : start + _CHUNK_ROWS]
        columns = [chunk[column].tolist() for column in _STORED_COLUMNS]
        size = len(chunk)
        extra = _extras_json(chunk, extras) if extras else [None] * size
        times = [now] * size
        revisions = [revision] * size
        yield list(zip(*columns, extra, times, times, [None] * size, revisions, strict=True))


def _meeting_row(row: Mapping[str, str], now: str, revision: int) -> tuple:
    """One validated meeting (_validated_record) as a database row, without a DataFrame."""
    cells = [row[column] for column in _STORED_COLUMNS]
    return (*cells, _extra_json(row), now, now, None, revision)


def _extras_json(chunk: pd.DataFrame, extras: list[str]) -> list[str]:
    """Each row's extra columns as a JSON object, as json.dumps writes it, but fast."""
    keys = [encode_basestring(column) for column in extras]
    values = [[encode_basestring(text) for text in chunk[column].tolist()] for column in extras]
    return [
        "{" + ", ".join(f"{key}: {value}" for key, value in zip(keys, row, strict=True)) + "}"
        for row in zip(*values, strict=True)
    ]


def _history_row(
    id: str, at: str, who: str, action: str, changes: dict, note: str | None = None
) -> tuple:
    return (id, at, who, action, json.dumps(changes, ensure_ascii=False), note)


def _insert_rows(conn: Connection, table: sa.Table, rows: list[tuple]) -> None:
    """Insert rows given in _INSERT_COLUMNS order (the seam where tests make imports fail)."""
    if not rows:
        return
    columns = _INSERT_COLUMNS[table.name]
    if conn.dialect.driver == "psycopg":
        # COPY is PostgreSQL's bulk load: about ten times faster than executemany here.
        quote = conn.dialect.identifier_preparer.quote
        names = ", ".join(quote(column) for column in columns)
        cursor = conn.connection.driver_connection.cursor()
        with cursor, cursor.copy(f"COPY {quote(table.name)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    sql, order = _insert_statement(table, conn.dialect)
    # The driver's own executemany: SQLAlchemy's per-row parameter handling would cost more
    # than the database's work on a large import.
    if order is None:
        conn.exec_driver_sql(sql, [dict(zip(columns, row, strict=True)) for row in rows])
    else:
        if order != list(range(len(columns))):
            rows = [tuple(row[index] for index in order) for row in rows]
        conn.exec_driver_sql(sql, rows)


@functools.cache
def _insert_statement(table: sa.Table, dialect) -> tuple[str, list[int] | None]:
    """The INSERT's SQL for this database, and the row order its parameters take (None:
    named). Compiled once: compiling costs more than inserting one meeting."""
    columns = _INSERT_COLUMNS[table.name]
    statement = sa.insert(table).values({column: sa.bindparam(column) for column in columns})
    compiled = statement.compile(dialect=dialect)
    if not compiled.positional:
        return compiled.string, None
    return compiled.string, [columns.index(name) for name in compiled.positiontup]


def _insert_meetings(
    conn: Connection,
    stored: pd.DataFrame,
    lines,
    now: str,
    who: str,
    note: str,
    revision: int,
    progress: Progress | None = None,
) -> None:
    """Insert meetings (ids filled) with an 'import' history entry each."""
    total = len(stored)
    begin(progress, WRITING, total)
    done = 0
    for rows in _meeting_rows(stored, now, revision):
        _insert_rows(conn, _MEETINGS, rows)
        done += len(rows)
        if done < total:  # the last step is reported once the history is written too
            report(progress, done, total)
    ids = stored["id"].tolist()
    lines = [int(line) for line in lines]
    for start in range(0, len(ids), _CHUNK_ROWS):
        part = slice(start, start + _CHUNK_ROWS)
        rows = [
            (id, now, who, "import", "{}", f"{note}, line {line}")
            for id, line in zip(ids[part], lines[part], strict=True)
        ]
        _insert_rows(conn, _HISTORY, rows)
    report(progress, total, total)


class MeetingRecord(dict):
    """A stored meeting's text (format v1 columns, then its other columns) and its revision.

    `revision` grows whenever the meeting is changed, deleted or restored: give it back as
    `expected_revision` to refuse a save from a form that is older than the stored meeting.
    """

    def __init__(self, cells: Mapping[str, str], *, revision: int, deleted: bool):
        super().__init__(cells)
        self.revision = revision
        self.deleted = deleted

    def __repr__(self) -> str:
        return f"MeetingRecord({dict.__repr__(self)}, revision={self.revision})"


def _existing_row(conn: Connection, id: str, *, lock: bool = False):
    """The stored meeting with this id (deleted or not); MeetingNotFound when there is none.

    `lock`: inside a write, hold the row until the transaction ends (PostgreSQL's FOR UPDATE;
    SQLite's writer already holds the whole database from BEGIN IMMEDIATE).
    """
    stored = _stored_row(conn, id, lock=lock)
    if stored is None:
        raise MeetingNotFound(L_("There is no meeting with the id '{id}'.", id=id))
    return stored


def _stored_row(conn: Connection, id: str, *, lock: bool = False):
    names = (*_STORED_COLUMNS, "extra", "deleted_at", "revision")
    query = sa.select(*[_MEETINGS.c[column] for column in names]).where(_MEETINGS.c.id == id)
    return conn.execute(query.with_for_update() if lock else query).first()


def _record_of(row) -> MeetingRecord:
    """A database row as its format v1 text plus its other columns, with its revision."""
    record = {column: getattr(row, column) or "" for column in _FIELD_COLUMNS}
    record.update(json.loads(row.extra) if row.extra else {})
    return MeetingRecord(record, revision=int(row.revision), deleted=row.deleted_at is not None)


def _last_change(conn: Connection, id: str) -> tuple[str, str, str]:
    """Who last changed the meeting, when (UTC, ISO 8601) and how (its history action)."""
    query = (
        sa.select(_HISTORY.c.who, _HISTORY.c.at, _HISTORY.c.action)
        .where(_HISTORY.c.meeting_id == id)
        .order_by(_HISTORY.c.seq.desc())
        .limit(1)
    )
    row = conn.execute(query).first()
    return (row.who, row.at, row.action) if row is not None else ("", "", "")


def _record_of_stored(row: Mapping[str, str]) -> dict[str, str]:
    return {column: value for column, value in row.items() if column != "iso3"}


def _stored_table(conn: Connection, *, deleted: bool) -> pd.DataFrame:
    names = (*_STORED_COLUMNS, "extra", "deleted_at")
    deleted_at = _MEETINGS.c.deleted_at
    query = (
        sa.select(*[_MEETINGS.c[column] for column in names])
        .where(deleted_at.is_not(None) if deleted else deleted_at.is_(None))
        .order_by(_MEETINGS.c.id)
    )
    rows = conn.execute(query).all()
    # Column by column: pandas inspects every row object when given rows.
    columns = list(zip(*rows, strict=True)) or [()] * len(names)
    return pd.DataFrame(
        {
            # The text columns are NOT NULL; extra and deleted_at may be NULL.
            name: pd.Series(cells, dtype="str" if name in _STORED_COLUMNS else object)
            for name, cells in zip(names, columns, strict=True)
        }
    )


def _extras_table(objects: list[str | None]) -> dict[str, list[str]]:
    """The `extra` JSON objects as columns ("" where a row lacks one), in first-seen order."""
    if not any(objects):
        return {}
    # One json.loads for all rows: a call per row costs more than the rest of meetings().
    rows = json.loads("[" + ",".join(cells or "{}" for cells in objects) + "]")
    names: dict[str, None] = {}
    for cells in rows:
        names.update(dict.fromkeys(cells))
    return {
        name: [cells.get(name, "") for cells in rows]
        for name in names
        if name not in _FIELD_COLUMNS and name not in ADDED_COLUMNS
    }


def _validated(stored: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Stored rows through validate_table: (meetings by date then id, unreadable id → why)."""
    text = stored[list(_FIELD_COLUMNS)].copy()
    # Read the country from its code: a name's resolution could change, the code's cannot.
    iso3 = stored["iso3"]
    text["country"] = iso3.where(iso3 != "", text["country"])
    extras = _extras_table(stored["extra"].tolist())
    if extras:
        text = pd.concat([text, pd.DataFrame(extras, index=text.index, dtype="str")], axis=1)
    result = validate_table(text)
    ids = text["id"].tolist()
    unreadable: dict[str, str] = {}
    for problem in result.problems:
        unreadable.setdefault(ids[problem.line - 2], f"{problem.column}: {problem.message}")
    meetings = result.meetings.sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    # Lines as in an export of this frame, which lists the meetings in this order.
    meetings["line"] = range(2, len(meetings) + 2)
    return meetings, unreadable
