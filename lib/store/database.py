"""The Store: opening a database, reading meetings, and every change in one transaction."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from lib.export import FILE_KINDS, file_bytes
from lib.i18n import L_
from lib.meetings import Problem, read_meetings, record_cells
from lib.progress import Progress
from lib.store import schema
from lib.store.advice import _DRIVER_ERRORS, _advice, _id_taken_message
from lib.store.backups import _write_backups, _write_file
from lib.store.engines import (
    BUSY_TIMEOUT_SECONDS,
    URL_VARIABLE,
    _create_engine,
    _parse_url,
    _sqlite_path,
)
from lib.store.errors import (
    MeetingChanged,
    MeetingInvalid,
    MeetingNotFound,
    StoreError,
    _Unchanged,
)
from lib.store.imports import (
    IMPORT_MODES,
    ImportReport,
    _read_seed,
    _remove_all,
    _skip_known,
    _source_name,
)
from lib.store.rows import (
    MeetingRecord,
    _existing_row,
    _extra_json,
    _fill_ids,
    _history_row,
    _insert_meetings,
    _insert_rows,
    _last_change,
    _meeting_row,
    _new_unused_id,
    _now,
    _record_of,
    _record_of_stored,
    _stored_row,
    _stored_table,
    _stored_text,
    _validated,
    _validated_record,
    _who,
)
from lib.store.schema import (
    _HISTORY,
    _MEETINGS,
    _MIGRATION_LOCK_KEY,
    _OUR_TABLES,
    _STORED_COLUMNS,
    _VERSION,
    _bump_data_version,
    _data_version,
    _schema_version,
)

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_DB_PATH = REPO_ROOT / "instance" / "outreach.sqlite3"
SEED_PATH = REPO_ROOT / "data" / "meetings.csv"
# Backups of an SQLite database go next to its file; of a server database, here.
SERVER_BACKUP_DIR = REPO_ROOT / "instance" / "backups"

logger = logging.getLogger(__name__)


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
                    L_(
                        "There is no database file at {path}. Nothing was created. If the file "
                        "was moved or renamed, put it back (or restore a copy of it) and start "
                        "the app again; to use the default database instead, unset {variable}.",
                        path=path,
                        variable=URL_VARIABLE,
                    )
                )
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    L_(
                        "Could not create the folder {folder} for the database: {reason}. "
                        "Check that the app may write there.",
                        folder=path.parent,
                        reason=error.strerror,
                    )
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
    def where(self) -> L_:
        """The database in words, for messages (translated when shown)."""
        if self.path is not None:
            return L_("The database file {path}", path=self.path)
        url = self._engine.url
        if url.get_backend_name() == "sqlite":
            return L_("The in-memory database")
        server = f"{url.host or 'localhost'}:{url.port or 5432}"
        kind = {"postgresql": "PostgreSQL"}.get(url.get_backend_name(), url.get_backend_name())
        return L_(
            "The {kind} database '{name}' on {server}", kind=kind, name=url.database, server=server
        )

    def _prepare(self, seed: Path | None) -> None:
        """Check the schema version; apply pending migrations (and seed a new default file)."""
        with self._reading() as conn:
            version = _schema_version(conn)
            if version == 0:
                self._refuse_foreign_tables(conn)
        self._refuse_newer(version)
        if version < len(schema.MIGRATIONS):
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
            if version == len(schema.MIGRATIONS):
                return
            if version == 0:
                self._refuse_foreign_tables(conn)
            for migration in schema.MIGRATIONS[version:]:
                migration(conn)
            conn.execute(sa.delete(_VERSION))
            conn.execute(sa.insert(_VERSION), [{"version": len(schema.MIGRATIONS)}])
            if version == 0 and seed_table is not None and not seed_table[0].empty:
                version = _bump_data_version(conn)
                stored, lines = seed_table
                stored = stored.assign(id=_fill_ids(stored["id"], set()))
                note = f"seeded from {seed.name}"
                _insert_meetings(conn, stored, lines, _now(), "seed", note, version)
        logger.info("%s: schema now at version %d", self.where, len(schema.MIGRATIONS))

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
        if version > len(schema.MIGRATIONS):
            raise StoreError(
                L_(
                    "{where} was made by a newer Outreach Atlas (database version {version}; "
                    "this app knows up to {known}). Upgrade the app to use it; this version "
                    "has not changed it.",
                    where=self.where,
                    version=version,
                    known=len(schema.MIGRATIONS),
                )
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
                L_(
                    "{where} is not an Outreach Atlas database: it already has tables "
                    "({tables}) that this app did not make. Nothing was changed. Point the app "
                    "at an Outreach Atlas database or at a new, empty one.",
                    where=self.where,
                    tables=", ".join(sorted(clashing)[:6]),
                )
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

    def get(self, id: str) -> MeetingRecord:
        """The meeting's stored text (format v1 columns, then its other columns) and revision."""
        with self._reading() as conn:
            return _record_of(_existing_row(conn, id))

    def count(self) -> int:
        """How many meetings are recorded (deleted ones left out)."""
        with self._reading() as conn:
            query = sa.select(sa.func.count()).where(_MEETINGS.c.deleted_at.is_(None))
            return int(conn.execute(query).scalar_one())

    def revisions(self) -> dict[str, int]:
        """Every meeting's revision (deleted ones too), by id: what a form or list started from."""
        with self._reading() as conn:
            return dict(conn.execute(sa.select(_MEETINGS.c.id, _MEETINGS.c.revision)).all())

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
        with self._writing() as (conn, version):
            if row["id"]:
                existing = _stored_row(conn, row["id"])
                if existing is not None:
                    raise MeetingInvalid({"id": _id_taken_message(row["id"], existing)})
            else:
                row["id"] = _new_unused_id(conn)
            now = _now()
            _insert_rows(conn, _MEETINGS, [_meeting_row(row, now, version)])
            after = {
                column: [None, value] for column, value in _record_of_stored(row).items() if value
            }
            _insert_rows(conn, _HISTORY, [_history_row(row["id"], now, who, "add", after)])
        return row["id"]

    def update(
        self,
        id: str,
        changes: Mapping[str, object],
        who: str,
        *,
        expected_revision: int | None = None,
    ) -> bool:
        """Change some fields of a meeting; the merged meeting is validated like a new one.

        Returns False when the changes leave the meeting as it was (nothing is written).
        `expected_revision`: the revision the person's form started from; when the stored
        meeting has changed since, MeetingChanged is raised and nothing is written.
        """
        who = _who(who)
        changes = record_cells(changes)
        try:
            with self._writing() as (conn, version):
                stored = _existing_row(conn, id, lock=True)
                _refuse_stale(conn, id, stored, expected_revision)
                if stored.deleted_at is not None:
                    raise MeetingNotFound(
                        L_("The meeting '{id}' is deleted. Restore it before changing it.", id=id)
                    )
                if changes.get("id", id) != id:
                    raise MeetingInvalid(
                        {"id": L_("A meeting's id cannot be changed. Leave the id as it is.")}
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
                values.update(extra=_extra_json(row), updated_at=now, revision=version)
                conn.execute(sa.update(_MEETINGS).where(_MEETINGS.c.id == id).values(values))
                _insert_rows(conn, _HISTORY, [_history_row(id, now, who, "update", diff)])
        except _Unchanged:
            return False
        return True

    def delete(self, id: str, who: str, *, expected_revision: int | None = None) -> bool:
        """Hide a meeting from every page (`restore` brings it back); False if already deleted.

        `expected_revision` as for `update`: a stale one raises MeetingChanged.
        """
        return self._set_deleted(id, who, deleted=True, expected_revision=expected_revision)

    def restore(self, id: str, who: str, *, expected_revision: int | None = None) -> bool:
        """Bring back a deleted meeting; False if it was not deleted.

        `expected_revision` as for `update`: a stale one raises MeetingChanged.
        """
        return self._set_deleted(id, who, deleted=False, expected_revision=expected_revision)

    def _set_deleted(
        self, id: str, who: str, *, deleted: bool, expected_revision: int | None
    ) -> bool:
        who = _who(who)
        try:
            with self._writing() as (conn, version):
                stored = _existing_row(conn, id, lock=True)
                _refuse_stale(conn, id, stored, expected_revision)
                if (stored.deleted_at is not None) == deleted:
                    raise _Unchanged  # already so: a second click changes nothing
                now = _now()
                mark = now if deleted else None
                conn.execute(
                    sa.update(_MEETINGS)
                    .where(_MEETINGS.c.id == id)
                    .values(deleted_at=mark, updated_at=now, revision=version)
                )
                change = {"deleted_at": [stored.deleted_at, mark]}
                action = "delete" if deleted else "restore"
                _insert_rows(conn, _HISTORY, [_history_row(id, now, who, action, change)])
        except _Unchanged:
            return False
        return True

    def import_meetings(
        self,
        source: str | Path | BinaryIO,
        mode: str = "append",
        who: str | None = None,
        name: str | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Add (append) or swap in (replace) a file's meetings, all in one transaction.

        `progress(done, total)` is told how far it is (lib.progress: rows checked for an
        append, meetings backed up for a replace, then meetings written); when it raises, the
        import stops and nothing changes.
        """
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
                L_(
                    "{name} has no meeting that can be used, so nothing was replaced. "
                    "Fix the problems listed for it and import it again.",
                    name=name,
                )
            )
        try:
            with self._writing() as (conn, version):
                now = _now()
                if mode == "replace":
                    report.backup_path = _write_backups(conn, now, self.backup_dir, progress)
                    report.removed = _remove_all(conn, now, who, name, report.backup_path)
                    stored = stored.assign(id=_fill_ids(stored["id"], set()))
                else:
                    keep, report.skipped, taken = _skip_known(conn, stored, lines, progress)
                    stored, lines = stored.loc[keep], lines[keep]
                    if stored.empty:
                        raise _Unchanged
                    stored = stored.assign(id=_fill_ids(stored["id"], taken))
                note = f"imported from {name}"
                _insert_meetings(conn, stored, lines, now, who, note, version, progress)
                report.added = len(stored)
        except _Unchanged:
            pass
        return report

    def already_recorded(
        self, meetings: pd.DataFrame, progress: Progress | None = None
    ) -> list[Problem]:
        """The rows of a file's meetings (as read_meetings gives them) that an append would
        skip as already recorded, each with the meeting it repeats; nothing is written."""
        stored = _stored_text(meetings)
        with self._reading() as conn:
            _, skipped, _ = _skip_known(conn, stored, meetings["line"].to_numpy(), progress)
        return skipped

    # Export and backup -------------------------------------------------------------------

    def backup_bytes(self, kind: str = "csv", progress: Progress | None = None) -> bytes:
        """All meetings as a format v1 file ('csv' or 'xlsx'), for a download button.

        `progress(done, total)` is told the meetings written (lib.progress.WRITING); an XLSX
        that a sheet cannot hold raises lib.export.ExportError.
        """
        if kind not in FILE_KINDS:
            raise ValueError(f"A backup is 'csv' or 'xlsx', not {kind!r}.")
        return file_bytes(self.meetings(), kind, progress)

    def export(self, path: str | Path, progress: Progress | None = None) -> Path:
        """Write all meetings to a .csv or .xlsx file (format v1); returns the path."""
        path = Path(path)
        kind = path.suffix.lower().lstrip(".")
        if kind not in FILE_KINDS:
            raise ValueError(f"Export to a file ending in .csv or .xlsx, not '{path.name}'.")
        _write_file(path, self.backup_bytes(kind, progress))
        return path

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with self._errors(), self._engine.connect() as conn:
            yield conn

    @contextmanager
    def _writing(self) -> Iterator[tuple[Connection, int]]:
        """A write transaction and its data version: writers take turns, the version grows.

        The version is also the revision of every meeting the transaction writes.
        """
        with self._errors(), self._writer.begin() as conn:
            # First statement on purpose: on PostgreSQL its row lock makes writers take turns
            # (SQLite's BEGIN IMMEDIATE already does).
            yield conn, _bump_data_version(conn)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn database driver errors into a StoreError a person can act on."""
        try:
            yield
        except sa.exc.DBAPIError as error:
            raise StoreError(self._explain(error.orig)) from error
        except _DRIVER_ERRORS as error:  # from our connect hook and COPY: not wrapped
            raise StoreError(self._explain(error)) from error

    def _explain(self, error: BaseException | None) -> L_:
        return _advice(error, self.where, self.busy_timeout, self.backup_dir)


def _refuse_stale(conn: Connection, id: str, stored, expected_revision: int | None) -> None:
    """Raise MeetingChanged when the stored meeting is newer than the person's form."""
    if expected_revision is None or int(stored.revision) == int(expected_revision):
        return
    changed_by, changed_at, action = _last_change(conn, id)
    raise MeetingChanged(
        id,
        _record_of(stored),
        changed_by=changed_by,
        changed_at=changed_at,
        action=action,
        expected_revision=int(expected_revision),
    )
