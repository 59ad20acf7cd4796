"""The tables, the migrations that make them, and the data version that caches follow."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lib.meetings import FORMAT_COLUMNS

_TEXT_COLUMNS = tuple(column for column in FORMAT_COLUMNS if column != "id")
_STORED_COLUMNS = (*FORMAT_COLUMNS, "iso3")
_INSERT_COLUMNS = {
    "meetings": (*_STORED_COLUMNS, "extra", "created_at", "updated_at", "deleted_at"),
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


def _bump_data_version(conn: Connection) -> None:
    conn.execute(
        sa.update(_META).where(_META.c.name == "data_version").values(value=_META.c.value + 1)
    )


def _data_version(conn: Connection) -> int:
    query = sa.select(_META.c.value).where(_META.c.name == "data_version")
    return int(conn.execute(query).scalar_one())
