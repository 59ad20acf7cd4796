"""The meetings database: an SQLite file by default, PostgreSQL when OUTREACH_DB_URL says so.

Every read goes back through `validate_table`, so a meeting from the database has the same
columns and types as one read from a file. Every write happens in one transaction that
also bumps `data_version` and records who changed what in `history`.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from json.encoder import encode_basestring
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from lib.export import FILE_KINDS, csv_bytes, file_bytes, format_v1_table
from lib.meetings import (
    ADDED_COLUMNS,
    FORMAT_COLUMNS,
    MeetingsFileError,
    Problem,
    read_meetings,
    validate_table,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = REPO_ROOT / "instance" / "outreach.sqlite3"
SEED_PATH = REPO_ROOT / "data" / "meetings.csv"
# Backups of an SQLite database go next to its file; of a server database, here.
SERVER_BACKUP_DIR = REPO_ROOT / "instance" / "backups"
URL_VARIABLE = "OUTREACH_DB_URL"
BUSY_TIMEOUT_SECONDS = 30.0
IMPORT_MODES = ("append", "replace")

logger = logging.getLogger(__name__)

try:
    from psycopg import Error as _PsycopgError
except ImportError:  # pragma: no cover - the app ships psycopg
    _PsycopgError = sqlite3.Error
_DRIVER_ERRORS = (sqlite3.Error, _PsycopgError)

_TEXT_COLUMNS = tuple(column for column in FORMAT_COLUMNS if column != "id")
_STORED_COLUMNS = (*FORMAT_COLUMNS, "iso3")
_INSERT_COLUMNS = {
    "meetings": (*_STORED_COLUMNS, "extra", "created_at", "updated_at", "deleted_at"),
    "history": ("meeting_id", "at", "who", "action", "changes", "note"),
}
# Rows per executemany: bounded memory for very large imports, few round trips.
_CHUNK_ROWS = 5000
_OUR_TABLES = frozenset({"meetings", "history", "meta", "schema_version"})
# Any constant works; it keeps two app processes from migrating a server at the same time.
_MIGRATION_LOCK_KEY = 0x0A71A5


class StoreError(RuntimeError):
    """The database cannot do what was asked; the message says why and what to do."""


class MeetingNotFound(StoreError, KeyError):
    """No meeting has that id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "No such meeting."


class MeetingInvalid(ValueError):
    """A meeting was not saved because some fields are wrong; `fields` maps column to message."""

    def __init__(self, fields: dict[str, str]):
        self.fields = dict(fields)
        listed = "; ".join(f"{column}: {message}" for column, message in self.fields.items())
        super().__init__(f"The meeting was not saved. {listed}")


@dataclass
class ImportReport:
    """What an import did: meetings added, rows skipped as already recorded, rows refused."""

    added: int
    skipped: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    backup_path: Path | None = None
    # How many meetings a replace removed (deleted ones included); 0 for an append.
    removed: int = 0


class _Unchanged(Exception):
    """Raised inside a write transaction that turns out to change nothing: roll it back."""


# --- Schema -------------------------------------------------------------------------------


def _v1_metadata() -> sa.MetaData:
    """The tables as migration 1 creates them. Frozen: change the schema with a new migration."""
    metadata = sa.MetaData()
    sa.Table(
        "meetings",
        metadata,
        sa.Column("id", sa.Text, primary_key=True),
        *(
            sa.Column(column, sa.Text, nullable=False, server_default="")
            for column in _TEXT_COLUMNS
        ),
        sa.Column("iso3", sa.Text, nullable=False, server_default=""),
        sa.Column("extra", sa.Text),  # a JSON object: columns format v1 does not know
        sa.Column("created_at", sa.Text, nullable=False),  # UTC, ISO 8601
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("deleted_at", sa.Text),
        sa.Index("meetings_by_date_and_country", "date", "iso3"),
    )
    sa.Table(
        "history",
        metadata,
        # BIGINT on PostgreSQL; INTEGER on SQLite, where only that makes the rowid counter.
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("meeting_id", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("changes", sa.Text, nullable=False),  # JSON {column: [before, after]}
        sa.Column("note", sa.Text),
        sa.Index("history_by_meeting", "meeting_id", "seq"),
    )
    sa.Table("schema_version", metadata, sa.Column("version", sa.Integer, nullable=False))
    sa.Table(
        "meta",
        metadata,
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    return metadata


# The current schema. While there is only migration 1 it is v1's; when a migration changes a
# table, write the current tables out here instead of calling _v1_metadata().
_SCHEMA = _v1_metadata()
_MEETINGS = _SCHEMA.tables["meetings"]
_HISTORY = _SCHEMA.tables["history"]
_VERSION = _SCHEMA.tables["schema_version"]
_META = _SCHEMA.tables["meta"]


def _migration_1_create_tables(conn: Connection) -> None:
    _v1_metadata().create_all(conn)
    conn.execute(sa.insert(_META), [{"name": "data_version", "value": 0}])


# Applied in order on open; the database records how many have run. Only ever append.
MIGRATIONS: list[Callable[[Connection], None]] = [_migration_1_create_tables]


def _schema_version(conn: Connection) -> int:
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return int(conn.execute(sa.select(sa.func.max(_VERSION.c.version))).scalar() or 0)


# --- The store ----------------------------------------------------------------------------


class Store:
    """The organisation's meetings in a database; open it with `Store.open()`."""

    def __init__(
        self,
        engine: Engine,
        *,
        path: Path | None,
        backup_dir: Path,
        busy_timeout: float,
    ):
        self._engine = engine
        self._writer = engine.execution_options(outreach_write=True)
        self.path = path
        self.backup_dir = backup_dir
        self.busy_timeout = busy_timeout

    # Opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        create: bool = False,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        backup_dir: Path | None = None,
    ) -> Store:
        """Open the database at `url`, $OUTREACH_DB_URL, or the default SQLite file."""
        url = url if url is not None else (os.environ.get(URL_VARIABLE) or None)
        seed = None
        if url is None:
            path = DEFAULT_DB_PATH
            parsed = URL.create("sqlite", database=str(path))
            seed, create = SEED_PATH, True
        else:
            parsed = _parse_url(url)
            path = _sqlite_path(parsed)
        if path is not None:
            if not path.exists() and not create:
                raise StoreError(
                    f"There is no database file at {path}. Nothing was created. If the file "
                    "was moved or renamed, put it back (or restore a copy of it) and start "
                    f"the app again; to use the default database instead, unset {URL_VARIABLE}."
                )
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    f"Could not create the folder {path.parent} for the database: "
                    f"{error.strerror}. Check that the app may write there."
                ) from None
        if backup_dir is None:
            backup_dir = path.parent / "backups" if path is not None else SERVER_BACKUP_DIR
        store = cls(
            _create_engine(parsed, busy_timeout),
            path=path,
            backup_dir=Path(backup_dir),
            busy_timeout=busy_timeout,
        )
        try:
            store._prepare(seed)
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        """Close the database connections."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        """The database's address, without its password (a cache key for the UI)."""
        return self._engine.url.render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    @property
    def where(self) -> str:
        """The database in words, for messages."""
        if self.path is not None:
            return f"The database file {self.path}"
        url = self._engine.url
        if url.get_backend_name() == "sqlite":
            return "The in-memory database"
        server = f"{url.host or 'localhost'}:{url.port or 5432}"
        kind = {"postgresql": "PostgreSQL"}.get(url.get_backend_name(), url.get_backend_name())
        return f"The {kind} database '{url.database}' on {server}"

    def _prepare(self, seed: Path | None) -> None:
        """Check the schema version; apply pending migrations (and seed a new default file)."""
        with self._reading() as conn:
            version = _schema_version(conn)
            if version == 0:
                self._refuse_foreign_tables(conn)
        self._refuse_newer(version)
        if version < len(MIGRATIONS):
            self._migrate(_read_seed(seed) if version == 0 and seed is not None else None, seed)
        if self.path is not None:
            self._use_write_ahead_log()

    def _migrate(self, seed_table: tuple[pd.DataFrame, object] | None, seed: Path | None) -> None:
        """Apply the pending migrations in one transaction (seeding a brand-new database)."""
        with self._errors(), self._writer.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
                )
            version = _schema_version(conn)  # again: another process may have been first
            self._refuse_newer(version)
            if version == len(MIGRATIONS):
                return
            if version == 0:
                self._refuse_foreign_tables(conn)
            for migration in MIGRATIONS[version:]:
                migration(conn)
            conn.execute(sa.delete(_VERSION))
            conn.execute(sa.insert(_VERSION), [{"version": len(MIGRATIONS)}])
            if version == 0 and seed_table is not None and not seed_table[0].empty:
                _bump_data_version(conn)
                stored, lines = seed_table
                stored = stored.assign(id=_fill_ids(stored["id"], set()))
                _insert_meetings(conn, stored, lines, _now(), "seed", f"seeded from {seed.name}")
        logger.info("%s: schema now at version %d", self.where, len(MIGRATIONS))

    def _use_write_ahead_log(self) -> None:
        """Let readers go on while someone writes (SQLite's WAL mode, kept in the file).

        Done once the file is known to be ours, so another program's file is never changed.
        """
        with self._errors():
            connection = self._engine.raw_connection()
            try:
                # Straight to the driver: SQLAlchemy would open a transaction first, and the
                # journal mode cannot change inside one.
                connection.driver_connection.execute("PRAGMA journal_mode = WAL")
            finally:
                connection.close()

    def _refuse_newer(self, version: int) -> None:
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.where} was made by a newer Outreach Atlas (database version {version}; "
                f"this app knows up to {len(MIGRATIONS)}). Upgrade the app to use it; "
                "this version has not changed it."
            )

    def _refuse_foreign_tables(self, conn: Connection) -> None:
        tables = set(sa.inspect(conn).get_table_names())
        if "schema_version" in tables:
            return  # another app process has just made it: the migration checks again
        # An SQLite file with tables but no version is another program's database; a server
        # database may hold other applications' tables, as long as none has our names.
        clashing = tables if self.path is not None else tables & _OUR_TABLES
        if clashing:
            raise StoreError(
                f"{self.where} is not an Outreach Atlas database: it already has tables "
                f"({', '.join(sorted(clashing)[:6])}) that this app did not make. Nothing was "
                "changed. Point the app at an Outreach Atlas database or at a new, empty one."
            )

    # Reading -----------------------------------------------------------------------------

    def meetings(self) -> pd.DataFrame:
        """All meetings that are not deleted, validated like a file, ordered by date then id."""
        with self._reading() as conn:
            stored = _stored_table(conn, deleted=False)
        meetings, unreadable = _validated(stored)
        if unreadable:
            logger.warning(
                "%s: %d meetings cannot be read: %s", self.where, len(unreadable), unreadable
            )
        return meetings

    def unreadable(self) -> dict[str, str]:
        """Stored meetings (not deleted) that today's rules refuse: id → 'column: message'."""
        with self._reading() as conn:
            stored = _stored_table(conn, deleted=False)
        return _validated(stored)[1]

    def deleted(self) -> pd.DataFrame:
        """Deleted meetings, most recently deleted first, with a `deleted_at` column (UTC)."""
        with self._reading() as conn:
            stored = _stored_table(conn, deleted=True)
        meetings, _ = _validated(stored)
        deleted_at = stored.set_index("id")["deleted_at"]
        meetings["deleted_at"] = pd.to_datetime(meetings["id"].map(deleted_at), utc=True)
        return meetings.sort_values("deleted_at", ascending=False, kind="stable").reset_index(
            drop=True
        )

    def get(self, id: str) -> dict[str, str]:
        """The meeting's stored text: format v1 columns, then its other columns."""
        with self._reading() as conn:
            row = _stored_row(conn, id)
        if row is None:
            raise MeetingNotFound(f"There is no meeting with the id '{id}'.")
        return _record_of(row)

    def history(self, id: str) -> list[dict]:
        """The meeting's changes, newest first: at, who, action, changes, note."""
        query = (
            sa.select(
                _HISTORY.c.at,
                _HISTORY.c.who,
                _HISTORY.c.action,
                _HISTORY.c.changes,
                _HISTORY.c.note,
            )
            .where(_HISTORY.c.meeting_id == id)
            .order_by(_HISTORY.c.seq.desc())
        )
        with self._reading() as conn:
            rows = conn.execute(query).all()
        return [
            {
                "at": row.at,
                "who": row.who,
                "action": row.action,
                "changes": json.loads(row.changes),
                "note": row.note,
            }
            for row in rows
        ]

    def data_version(self) -> int:
        """A number that grows with every change to the meetings (for caches)."""
        with self._reading() as conn:
            return _data_version(conn)

    # Writing -----------------------------------------------------------------------------

    def add(self, record: Mapping[str, object], who: str) -> str:
        """Save a new meeting (format v1 column → text) and return its id."""
        who = _who(who)
        row = _validated_record(record)
        with self._writing() as conn:
            if row["id"]:
                existing = _stored_row(conn, row["id"])
                if existing is not None:
                    raise MeetingInvalid({"id": _id_taken_message(row["id"], existing)})
            else:
                row["id"] = _new_unused_id(conn)
            now = _now()
            stored = pd.DataFrame([row], dtype="str")
            _insert_rows(conn, _MEETINGS, next(_meeting_rows(stored, now)))
            after = {
                column: [None, value] for column, value in _record_of_stored(row).items() if value
            }
            _insert_rows(conn, _HISTORY, [_history_row(row["id"], now, who, "add", after)])
        return row["id"]

    def update(self, id: str, changes: Mapping[str, object], who: str) -> None:
        """Change some fields of a meeting; the merged meeting is validated like a new one."""
        who = _who(who)
        changes = _cells(changes)
        try:
            with self._writing() as conn:
                stored = _existing_row(conn, id)
                if stored.deleted_at is not None:
                    raise MeetingNotFound(
                        f"The meeting '{id}' is deleted. Restore it before changing it."
                    )
                if changes.get("id", id) != id:
                    raise MeetingInvalid(
                        {"id": "A meeting's id cannot be changed. Leave the id as it is."}
                    )
                before = _record_of(stored)
                row = _validated_record({**before, **changes, "id": id})
                after = _record_of_stored(row)
                diff = {
                    column: [before.get(column, ""), after.get(column, "")]
                    for column in dict.fromkeys([*before, *after])
                    if before.get(column, "") != after.get(column, "")
                }
                if not diff:
                    raise _Unchanged
                now = _now()
                values = {column: row[column] for column in _STORED_COLUMNS if column != "id"}
                values.update(extra=_extra_json(row), updated_at=now)
                conn.execute(sa.update(_MEETINGS).where(_MEETINGS.c.id == id).values(values))
                _insert_rows(conn, _HISTORY, [_history_row(id, now, who, "update", diff)])
        except _Unchanged:
            pass

    def delete(self, id: str, who: str) -> None:
        """Hide a meeting from every page; `restore` brings it back."""
        self._set_deleted(id, who, deleted=True)

    def restore(self, id: str, who: str) -> None:
        """Bring back a deleted meeting."""
        self._set_deleted(id, who, deleted=False)

    def _set_deleted(self, id: str, who: str, *, deleted: bool) -> None:
        who = _who(who)
        try:
            with self._writing() as conn:
                stored = _existing_row(conn, id)
                if (stored.deleted_at is not None) == deleted:
                    raise _Unchanged  # already so: a second click changes nothing
                now = _now()
                mark = now if deleted else None
                conn.execute(
                    sa.update(_MEETINGS)
                    .where(_MEETINGS.c.id == id)
                    .values(deleted_at=mark, updated_at=now)
                )
                change = {"deleted_at": [stored.deleted_at, mark]}
                action = "delete" if deleted else "restore"
                _insert_rows(conn, _HISTORY, [_history_row(id, now, who, action, change)])
        except _Unchanged:
            pass

    def import_meetings(
        self,
        source: str | Path | BinaryIO,
        mode: str = "append",
        who: str | None = None,
        name: str | None = None,
    ) -> ImportReport:
        """Add (append) or swap in (replace) a file's meetings, all in one transaction."""
        if mode not in IMPORT_MODES:
            raise ValueError(f"The import mode must be 'append' or 'replace', not {mode!r}.")
        who = _who(who)
        name = name or _source_name(source)
        result = read_meetings(source, name)  # MeetingsFileError: the caller shows it
        stored = _stored_text(result.meetings)
        lines = result.meetings["line"].to_numpy()
        report = ImportReport(added=0, problems=list(result.problems))
        if mode == "replace" and stored.empty:
            raise StoreError(
                f"{name} has no meeting that can be used, so nothing was replaced. "
                "Fix the problems listed for it and import it again."
            )
        try:
            with self._writing() as conn:
                now = _now()
                if mode == "replace":
                    report.backup_path = self._write_backups(conn, now)
                    report.removed = _remove_all(conn, now, who, name, report.backup_path)
                    stored = stored.assign(id=_fill_ids(stored["id"], set()))
                else:
                    keep, report.skipped, taken = _skip_known(conn, stored, lines)
                    stored, lines = stored.loc[keep], lines[keep]
                    if stored.empty:
                        raise _Unchanged
                    stored = stored.assign(id=_fill_ids(stored["id"], taken))
                _insert_meetings(conn, stored, lines, now, who, f"imported from {name}")
                report.added = len(stored)
        except _Unchanged:
            pass
        return report

    # Export and backup -------------------------------------------------------------------

    def backup_bytes(self, kind: str = "csv") -> bytes:
        """All meetings as a format v1 file ('csv' or 'xlsx'), for a download button."""
        if kind not in FILE_KINDS:
            raise ValueError(f"A backup is 'csv' or 'xlsx', not {kind!r}.")
        return file_bytes(self.meetings(), kind)

    def export(self, path: str | Path) -> Path:
        """Write all meetings to a .csv or .xlsx file (format v1); returns the path."""
        path = Path(path)
        kind = path.suffix.lower().lstrip(".")
        if kind not in FILE_KINDS:
            raise ValueError(f"Export to a file ending in .csv or .xlsx, not '{path.name}'.")
        _write_file(path, self.backup_bytes(kind))
        return path

    def _write_backups(self, conn: Connection, now: str) -> Path:
        """Before a replace: every meeting to a CSV in backup_dir (deleted ones to a second)."""
        active, unreadable = _validated(_stored_table(conn, deleted=False))
        if unreadable:
            listed = ", ".join(list(unreadable)[:5])
            raise StoreError(
                f"{len(unreadable)} stored meetings ({listed}) do not pass today's checks, so a "
                "backup could not hold them and nothing was replaced. Correct or delete them "
                "first (see Store.unreadable())."
            )
        stamp = now.replace("-", "").replace(":", "")[:15] + "Z"  # 20250102T030405Z
        path = self._new_backup_path(f"meetings-backup-{stamp}")
        _write_file(path, csv_bytes(active))
        deleted, _ = _validated(_stored_table(conn, deleted=True))
        if not deleted.empty:
            _write_file(path.with_name(path.stem + "-deleted.csv"), csv_bytes(deleted))
        return path

    def _new_backup_path(self, stem: str) -> Path:
        try:
            self.backup_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"Could not create the backup folder {self.backup_dir}: {error.strerror}. "
                "Nothing was replaced. Check that the app may write there."
            ) from None
        path = self.backup_dir / f"{stem}.csv"
        number = 1
        while path.exists() or path.with_name(path.stem + "-deleted.csv").exists():
            number += 1
            path = self.backup_dir / f"{stem}-{number}.csv"
        return path

    # Transactions and errors -------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with self._errors(), self._engine.connect() as conn:
            yield conn

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A write transaction: writers take turns, and data_version grows with it."""
        with self._errors(), self._writer.begin() as conn:
            # First statement on purpose: on PostgreSQL its row lock makes writers take turns
            # (SQLite's BEGIN IMMEDIATE already does).
            _bump_data_version(conn)
            yield conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn database driver errors into a StoreError a person can act on."""
        try:
            yield
        except sa.exc.DBAPIError as error:
            raise StoreError(self._explain(error.orig)) from error
        except _DRIVER_ERRORS as error:  # from our connect hook and COPY: not wrapped
            raise StoreError(self._explain(error)) from error

    def _explain(self, error: BaseException | None) -> str:
        text = (str(error).strip().splitlines() or [type(error).__name__])[0]
        lower = text.lower()
        code = getattr(error, "sqlstate", None) or ""
        where = self.where
        if "locked" in lower or "busy" in lower or code in ("55P03", "57014"):
            return (
                f"{where} is busy: another program or another copy of Outreach Atlas kept it "
                f"locked for more than {self.busy_timeout:g} seconds. Nothing was changed. Try "
                "again in a minute; if it stays busy, close the other program that has the "
                "database open (for example a database browser)."
            )
        if any(part in lower for part in ("not a database", "malformed", "encrypted")):
            return (
                f"{where} is damaged or is not a database ({text}). Nothing was changed, and "
                "the file was left as it is. Close the app, move the file aside (rename it), "
                "start the app again and import your latest backup with “replace” "
                f"(backups are in {self.backup_dir})."
            )
        if "readonly" in lower or "read-only" in lower:
            return (
                f"{where} is read-only, so nothing could be saved. Let the app's user write "
                "to the file and its folder, then try again."
            )
        if "unable to open database file" in lower:
            return (
                f"{where} could not be opened ({text}). Check that its folder exists and "
                "that the app may read and write there."
            )
        if "disk is full" in lower or "disk i/o" in lower or code == "53100":
            return (
                f"{where} could not be written: the disk is full or failing ({text}). Nothing "
                "was changed. Free some disk space and try again."
            )
        if code in ("40001", "40P01"):
            return f"{where} was busy with another change ({text}). Nothing was changed. Try again."
        if code == "3D000" or "does not exist" in lower and "database" in lower:
            return (
                f"{where} does not exist ({text}). Create it on the server (createdb) or "
                f"correct the database name in {URL_VARIABLE}."
            )
        if code in ("28000", "28P01") or "authentication" in lower or "password" in lower:
            return (
                f"{where} refused the user name or password ({text}). Correct them in "
                f"{URL_VARIABLE}."
            )
        if any(
            part in lower
            for part in ("connection", "could not connect", "timeout expired", "server closed")
        ) or code.startswith("08"):
            return (
                f"{where} could not be reached ({text}). Check that the database server is "
                f"running and that {URL_VARIABLE} names the right host and port."
            )
        return (
            f"{where} reported an error: {text}. Nothing was changed. Try again; if it keeps "
            "happening, send this message to whoever looks after the app."
        )


# --- Engines ------------------------------------------------------------------------------


def _parse_url(url: str) -> URL:
    if url.startswith("postgres://"):  # the form Heroku and others hand out
        url = "postgresql://" + url.removeprefix("postgres://")
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError:
        # Not repeated in the message: it may hold a password.
        raise StoreError(
            f"The database address (from {URL_VARIABLE} or the app's settings) is not one "
            "this app understands. Give an SQLAlchemy URL such as "
            "sqlite:///instance/outreach.sqlite3 or postgresql://user:password@host/database."
        ) from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # the driver this app ships
    return parsed


def _sqlite_path(url: URL) -> Path | None:
    """The file behind an SQLite URL; None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite":
        return None
    if url.database in (None, "", ":memory:") or url.query.get("mode") == "memory":
        return None
    return Path(url.database).resolve()


def _create_engine(url: URL, busy_timeout: float) -> Engine:
    try:
        if url.get_backend_name() == "sqlite":
            return _sqlite_engine(url, busy_timeout)
        connect_args = {}
        if url.get_driver_name() == "psycopg":
            # lock_timeout is PostgreSQL's busy timeout: a writer waits this long, then fails.
            connect_args = {
                "connect_timeout": 10,
                "options": f"-c lock_timeout={int(busy_timeout * 1000)}",
            }
        return sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as error:
        raise StoreError(
            f"This app cannot use the database "
            f"'{url.render_as_string(hide_password=True)}' ({error}). Use an sqlite:/// or "
            "postgresql:// address."
        ) from None


def _sqlite_engine(url: URL, busy_timeout: float) -> Engine:
    in_memory = _sqlite_path(url) is None
    engine = sa.create_engine(
        url,
        connect_args={"timeout": busy_timeout, "check_same_thread": False},
        poolclass=StaticPool if in_memory else None,
    )

    @sa.event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, connection_record) -> None:
        # SQLAlchemy's documented recipe for real SQLite transactions: the sqlite3 module
        # stops issuing BEGIN itself, and on_begin below issues it.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @sa.event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        # A writer takes the write lock at BEGIN, waiting up to busy_timeout for its turn,
        # instead of failing when it first writes after reading.
        write = conn.get_execution_options().get("outreach_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


# --- Rows ---------------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _who(who: str | None) -> str:
    if not isinstance(who, str) or not who.strip():
        raise ValueError("Say who is making the change (a name), so the history can show it.")
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


def _cell_text(value: object) -> str:
    """A form or API value as the text a file would hold."""
    if value is None or (not isinstance(value, list | tuple | set) and pd.isna(value)):
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, list | tuple | set):
        return "; ".join(text for text in (_cell_text(item) for item in value) if text)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cells(record: Mapping[str, object]) -> dict[str, str]:
    """Column names as a file's header is read (lower case); values as text."""
    cells = {str(column).strip().lower(): _cell_text(value) for column, value in record.items()}
    for column in ADDED_COLUMNS:  # computed by the app, never taken from a person
        cells.pop(column, None)
    return {column: text.replace("\x00", "").strip() for column, text in cells.items()}


def _validated_record(record: Mapping[str, object]) -> dict[str, str]:
    """One meeting's cells checked by validate_table; the stored text, or MeetingInvalid."""
    cells = _cells(record)
    table = pd.DataFrame([{**dict.fromkeys(FORMAT_COLUMNS, ""), **cells}], dtype="str")
    result = validate_table(table)
    if result.problems:
        fields: dict[str, str] = {}
        for problem in result.problems:
            fields.setdefault(problem.column, problem.message)
        raise MeetingInvalid(fields)
    if result.meetings.empty:  # validate_table passes over an empty row: say what is needed
        raise MeetingInvalid(
            {
                "date": "The date is empty. Write it as YYYY-MM-DD (or YYYY-MM, YYYY).",
                "country": "The country is empty. Write the country's name or ISO code.",
            }
        )
    return _stored_text(result.meetings, cleaned=True).iloc[0].to_dict()


def _stored_text(meetings: pd.DataFrame, *, cleaned: bool = False) -> pd.DataFrame:
    """Validated meetings as the database keeps them: format v1 text, stripped, with iso3.

    `cleaned`: the cells were stripped (and NULs removed) before validation already.
    """
    table = format_v1_table(meetings).drop(columns=["region", "subregion"])
    for column in [] if cleaned else table.columns:
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


def _meeting_rows(stored: pd.DataFrame, now: str) -> Iterator[list[tuple]]:
    """Stored-text meetings as database rows (_INSERT_COLUMNS order), a chunk at a time."""
    extras = _extra_columns(stored.columns)
    for start in range(0, len(stored), _CHUNK_ROWS):
        chunk = stored.iloc[start : start + _CHUNK_ROWS]
        columns = [chunk[column].tolist() for column in _STORED_COLUMNS]
        size = len(chunk)
        extra = _extras_json(chunk, extras) if extras else [None] * size
        times = [now] * size
        yield list(zip(*columns, extra, times, times, [None] * size, strict=True))


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
    statement = sa.insert(table).values({column: sa.bindparam(column) for column in columns})
    compiled = statement.compile(dialect=conn.dialect)
    # The driver's own executemany: SQLAlchemy's per-row parameter handling would cost more
    # than the database's work on a large import.
    if compiled.positional:
        order = [columns.index(name) for name in compiled.positiontup]
        if order != list(range(len(columns))):
            rows = [tuple(row[index] for index in order) for row in rows]
        conn.exec_driver_sql(compiled.string, rows)
    else:
        conn.exec_driver_sql(
            compiled.string, [dict(zip(columns, row, strict=True)) for row in rows]
        )


def _insert_meetings(
    conn: Connection, stored: pd.DataFrame, lines, now: str, who: str, note: str
) -> None:
    """Insert meetings (ids filled) with an 'import' history entry each."""
    for rows in _meeting_rows(stored, now):
        _insert_rows(conn, _MEETINGS, rows)
    ids = stored["id"].tolist()
    lines = [int(line) for line in lines]
    for start in range(0, len(ids), _CHUNK_ROWS):
        part = slice(start, start + _CHUNK_ROWS)
        rows = [
            (id, now, who, "import", "{}", f"{note}, line {line}")
            for id, line in zip(ids[part], lines[part], strict=True)
        ]
        _insert_rows(conn, _HISTORY, rows)


def _remove_all(conn: Connection, now: str, who: str, name: str, backup: Path) -> int:
    """Delete every meeting for a replace, with a 'replace' history entry each."""
    note = sa.literal(f"replaced by {name}; backup in {backup.name}")
    entries = sa.select(
        _MEETINGS.c.id,
        sa.literal(now),
        sa.literal(who),
        sa.literal("replace"),
        sa.literal("{}"),
        note,
    )
    conn.execute(
        sa.insert(_HISTORY).from_select(
            ["meeting_id", "at", "who", "action", "changes", "note"], entries
        )
    )
    return conn.execute(sa.delete(_MEETINGS)).rowcount


def _who_was_met(counterpart: str, title: str) -> str:
    """The counterpart in a duplicate check: the name, or the title when no name is given.

    Two unnamed counterparts of one country on one date (an ambassador and a city's planning
    director) are different meetings; their titles tell them apart.
    """
    return (counterpart or f"title: {title}").casefold()


def _skip_known(
    conn: Connection, stored: pd.DataFrame, lines
) -> tuple[np.ndarray, list[Problem], set[str]]:
    """For an append: which rows are new, the others with what they repeat, the ids in use."""
    known_ids: dict[str, bool] = {}  # id → deleted?
    known_keys: dict[tuple[str, str, str], str] = {}  # (date, iso3, counterpart) → id
    query = sa.select(
        _MEETINGS.c.id,
        _MEETINGS.c.date,
        _MEETINGS.c.iso3,
        _MEETINGS.c.counterpart,
        _MEETINGS.c.counterpart_title,
        _MEETINGS.c.deleted_at,
    )
    for row in conn.execute(query):
        known_ids[row.id] = row.deleted_at is not None
        who_met = _who_was_met(row.counterpart, row.counterpart_title)
        known_keys.setdefault((row.date, row.iso3, who_met), row.id)
    file_keys: dict[tuple[str, str, str], int] = {}  # key → line of its first row
    keep: list[bool] = []
    skipped: list[Problem] = []
    counterparts = [
        _who_was_met(name, title)
        for name, title in zip(stored["counterpart"], stored["counterpart_title"], strict=True)
    ]
    for id, key, line in zip(
        stored["id"],
        zip(stored["date"], stored["iso3"], counterparts, strict=True),
        lines,
        strict=True,
    ):
        line = int(line)
        if id and id in known_ids:
            deleted = " (deleted; restore it instead)" if known_ids[id] else ""
            skipped.append(Problem(line, "id", f"already recorded as {id}{deleted}"))
        elif key in known_keys:
            other = known_keys[key]
            deleted = " (deleted; restore it instead)" if known_ids[other] else ""
            skipped.append(
                Problem(
                    line,
                    "(duplicate)",
                    f"already recorded as {other}{deleted}: same date, country and counterpart",
                )
            )
        elif key in file_keys:
            skipped.append(
                Problem(
                    line,
                    "(duplicate)",
                    f"the same meeting as line {file_keys[key]}: "
                    "same date, country and counterpart",
                )
            )
        else:
            file_keys[key] = line
            keep.append(True)
            continue
        keep.append(False)
    return np.array(keep, dtype=bool), skipped, set(known_ids)


def _source_name(source: str | Path | BinaryIO) -> str:
    if isinstance(source, str | Path):
        return Path(source).name
    return getattr(source, "name", None) or "the file"


def _read_seed(seed: Path) -> tuple[pd.DataFrame, object] | None:
    """The shipped meetings as stored text and lines; None when the file is not there."""
    if not seed.exists():
        logger.warning("No %s to seed the new database from; it starts empty.", seed)
        return None
    try:
        result = read_meetings(seed)
    except MeetingsFileError as error:
        raise StoreError(
            f"The shipped meetings file could not be read, so no database was made: {error} "
            f"Restore {seed} from the repository (git checkout -- {seed.name}) and start again."
        ) from None
    if result.problems:
        logger.warning("%s: %d rows left out while seeding", seed, len(result.problems))
    return _stored_text(result.meetings), result.meetings["line"].to_numpy()


def _write_file(path: Path, data: bytes) -> None:
    """Write all of `data` or nothing: a half-written file never takes the name."""
    part = path.with_name(path.name + ".part")
    try:
        with open(part, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(part, path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise StoreError(
            f"Could not write {path}: {error.strerror}. Nothing was changed. Check that the "
            "folder exists, that the app may write there and that the disk has space."
        ) from None


# --- Reading rows back --------------------------------------------------------------------


def _bump_data_version(conn: Connection) -> None:
    conn.execute(
        sa.update(_META).where(_META.c.name == "data_version").values(value=_META.c.value + 1)
    )


def _data_version(conn: Connection) -> int:
    query = sa.select(_META.c.value).where(_META.c.name == "data_version")
    return int(conn.execute(query).scalar_one())


def _existing_row(conn: Connection, id: str):
    """The stored meeting with this id (deleted or not); MeetingNotFound when there is none."""
    stored = _stored_row(conn, id)
    if stored is None:
        raise MeetingNotFound(f"There is no meeting with the id '{id}'.")
    return stored


def _stored_row(conn: Connection, id: str):
    columns = [_MEETINGS.c[column] for column in (*_STORED_COLUMNS, "extra", "deleted_at")]
    return conn.execute(sa.select(*columns).where(_MEETINGS.c.id == id)).first()


def _record_of(row) -> dict[str, str]:
    """A database row as its format v1 text plus its other columns."""
    record = {column: getattr(row, column) or "" for column in FORMAT_COLUMNS}
    record.update(json.loads(row.extra) if row.extra else {})
    return record


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
        if name not in FORMAT_COLUMNS and name not in ADDED_COLUMNS
    }


def _validated(stored: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Stored rows through validate_table: (meetings by date then id, unreadable id → why)."""
    text = stored[list(FORMAT_COLUMNS)].copy()
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


def _id_taken_message(id: str, existing) -> str:
    if existing.deleted_at is not None:
        return (
            f"The id '{id}' belongs to a deleted meeting. Restore that one, or choose another id."
        )
    return f"The id '{id}' is already used by another meeting. Choose another, or leave it empty."
