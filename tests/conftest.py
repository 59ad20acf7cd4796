import os
import secrets
from pathlib import Path

import pytest
import sqlalchemy as sa

from lib.meetings import read_meetings
from lib.ui import navigation
from tests.databases import drop_database

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption(
        "--refresh-screenshots",
        action="store_true",
        help="write the browser tests' screenshots to docs/screenshots (the README's)",
    )


@pytest.fixture(scope="session")
def shots(request, tmp_path_factory) -> Path:
    """Where browser tests put screenshots: a temporary folder unless asked to refresh docs."""
    if request.config.getoption("--refresh-screenshots"):
        folder = ROOT / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(autouse=True, scope="session")
def apptest_runs_pages_the_new_way():
    """AppTest runs a `pages/` folder the old way on every run, where the app's first pass
    ends in a rerun (lib/ui/navigation.py) and a button click would be lost. The browser
    sees that only on a process's first run; AppTest is made to run pages the new way."""
    with navigation.pages_the_new_way():
        yield


@pytest.fixture(scope="session")
def shipped():
    """The shipped dataset, read once."""
    return read_meetings(ROOT / "data" / "meetings.csv").meetings


PG_VARIABLE = "OUTREACH_TEST_PG_URL"


@pytest.fixture(scope="session")
def pg_admin():
    """An engine on the test server with rights to create databases."""
    url = os.environ.get(PG_VARIABLE)
    if not url:
        reason = (
            f"{PG_VARIABLE} is not set: start a server with "
            '`eval "$(scripts/start_postgres.sh)"` to run the PostgreSQL store tests'
        )
        if os.environ.get("CI"):
            pytest.fail(f"{reason}. CI must not skip them.")
        pytest.skip(reason)
    parsed = sa.make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = sa.create_engine(parsed, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def db_url(request, tmp_path):
    """The URL of a new, empty database of each kind (it does not exist yet for SQLite)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'outreach.sqlite3'}"
        return
    admin = request.getfixturevalue("pg_admin")
    name = f"outreach_test_{secrets.token_hex(6)}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield admin.url.set(database=name).render_as_string(hide_password=False)
    drop_database(admin, name)
