"""Throw-away PostgreSQL databases for the tests."""

import time

import sqlalchemy as sa


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
