"""Databases for the tests: SQLite files seeded with the shipped meetings, throw-away
PostgreSQL databases. The fixtures in tests/conftest.py are made of these."""

import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from lib.store import Store

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "meetings.csv"


def seeded(url: str) -> str:
    """Create the database at `url` with the shipped meetings in it; returns the URL."""
    with Store.open(url, create=True) as store:
        store.import_meetings(SHIPPED, mode="append", who="seed")
    return url


def seeded_sqlite(folder: Path, name: str = "atlas.sqlite3") -> str:
    """A new SQLite database in `folder` holding the shipped meetings; its URL."""
    return seeded(f"sqlite:///{folder / name}")


def copy_of(database_file: Path, folder: Path, name: str = "atlas.sqlite3") -> str:
    """A copy of a closed SQLite database in `folder` (faster than seeding anew); its URL."""
    copy = folder / name
    shutil.copyfile(database_file, copy)
    return f"sqlite:///{copy}"


@contextmanager
def postgres_database(admin: sa.Engine, prefix: str = "outreach_test") -> Iterator[str]:
    """A new, empty PostgreSQL database for the block; its URL. Dropped afterwards."""
    name = f"{prefix}_{secrets.token_hex(6)}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        drop_database(admin, name)


def drop_database(admin: sa.Engine, name: str, attempts: int = 20) -> None:
    """Drop database `name`, ending the tests' own connections to it.

    WITH (FORCE) may not end a server process of another role (an autovacuum worker that
    happens to be on the database: "must be a member of the role whose process is being
    terminated"); such a worker leaves within moments, so the drop is tried again.
    """
    for attempt in range(attempts):
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except sa.exc.ProgrammingError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.25)
