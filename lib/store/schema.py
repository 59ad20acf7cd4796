"""The tables, the migrations that make them, and the data version that caches follow."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lib.meetings import FIELDS

# A field has its own column from the migration that made it (`Field.column_from`); a field
# declared without one is kept in the row's `extra` JSON until a migration gives it one.
_FIELD_COLUMNS = tuple(entry.name for entry in FIELDS if entry.column_from is not None)
_TEXT_COLUMNS = tuple(e.name for e in FIELDS if e.column_from == 1 and e.name != "id")
_STORED_COLUMNS = (*_FIELD_COLUMNS, "iso3")
_INSERT_COLUMNS = {
    "meetings": (
        *_STORED_COLUMNS,
        "extra",
        "created_at",
        "updated_at",
        "deleted_at",
        "revision",
    ),
    "history": ("meeting_id", "at", "who", "action", "changes", "note"),
}
_OUR_TABLES = frozenset({"meetings", "history", "meta", "schema_version"})
# Any constant works; it keeps two app processes from migrating a server at the same time.
_MIGRATION_LOCK_KEY = 0x0A71A5


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


def _current_metadata() -> sa.MetaData:
    """The tables as they are after every migration (v1's, plus what later ones added)."""
    metadata = _v1_metadata()
    # Migration 2: the data version of the write that last changed the meeting. Unique over
    # time, so a meeting replaced by an import never looks like the one a form started from.
    metadata.tables["meetings"].append_column(
        sa.Column("revision", sa.BigInteger, nullable=False, server_default="0")
    )
    return metadata


_SCHEMA = _current_metadata()
_MEETINGS = _SCHEMA.tables["meetings"]
_HISTORY = _SCHEMA.tables["history"]
_VERSION = _SCHEMA.tables["schema_version"]
_META = _SCHEMA.tables["meta"]


def _migration_1_create_tables(conn: Connection) -> None:
    _v1_metadata().create_all(conn)
    conn.execute(sa.insert(_META), [{"name": "data_version", "value": 0}])


def _migration_2_meeting_revisions(conn: Connection) -> None:
    # Meetings stored before this get revision 0; every later write gives a higher one.
    conn.exec_driver_sql("ALTER TABLE meetings ADD COLUMN revision BIGINT NOT NULL DEFAULT 0")


# Applied in order on open; the database records how many have run. Only ever append.
MIGRATIONS: list[Callable[[Connection], None]] = [
    _migration_1_create_tables,
    _migration_2_meeting_revisions,
]


def _schema_version(conn: Connection) -> int:
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return int(conn.execute(sa.select(sa.func.max(_VERSION.c.version))).scalar() or 0)


def _bump_data_version(conn: Connection) -> int:
    """Add one to the data version (locking its row on PostgreSQL); the new version."""
    bump = (
        sa.update(_META)
        .where(_META.c.name == "data_version")
        .values(value=_META.c.value + 1)
        .returning(_META.c.value)
    )
    return int(conn.execute(bump).scalar_one())


def _data_version(conn: Connection) -> int:
    query = sa.select(_META.c.value).where(_META.c.name == "data_version")
    return int(conn.execute(query).scalar_one())
