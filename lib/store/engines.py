"""Database addresses and engines: SQLite with real transactions, PostgreSQL with psycopg."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from lib.i18n import L_
from lib.store.errors import StoreError

URL_VARIABLE = "OUTREACH_DB_URL"
BUSY_TIMEOUT_SECONDS = 30.0


def _parse_url(url: str) -> URL:
    if url.startswith("postgres://"):  # the form Heroku and others hand out
        url = "postgresql://" + url.removeprefix("postgres://")
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError:
        # Not repeated in the message: it may hold a password.
        raise StoreError(
            L_(
                "The database address (from {variable} or the app's settings) is not one this "
                "app understands. Give an SQLAlchemy URL such as "
                "sqlite:///instance/outreach.sqlite3 or postgresql://user:password@host/database.",
                variable=URL_VARIABLE,
            )
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
            L_(
                "This app cannot use the database '{url}' ({reason}). Use an sqlite:/// or "
                "postgresql:// address.",
                url=url.render_as_string(hide_password=True),
                reason=str(error),
            )
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
