"""The fixtures every test file shares, and the suite's tiers.

Tiers (markers, given here by what a test uses; see README.md "Tests"):
- `unit`: plain functions of lib/, no app, no browser, no server;
- `app`: the pages through Streamlit's AppTest (no browser);
- `browser`: the app or a figure in a real Chromium;
- `store`: needs the PostgreSQL server (OUTREACH_TEST_PG_URL);
- `slow`: property-based tests (hypothesis: hundreds of examples each) and tests marked so
  (several processes at once, synthetic data at scale).
`fast` is everything but `browser`, `store` and `slow`: `python -m pytest -m fast`.
"""

import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from lib.meetings import read_meetings
from lib.ui import navigation
from tests.browsing import CHROMIUM, CHROMIUM_ARGS, app_server, new_page
from tests.databases import copy_of, postgres_database, seeded_sqlite

ROOT = Path(__file__).resolve().parent.parent
PG_VARIABLE = "OUTREACH_TEST_PG_URL"
BROWSER_FIXTURES = {"browser", "page", "server"}
STORE_FIXTURES = {"pg_admin"}


def pytest_addoption(parser):
    parser.addoption(
        "--refresh-screenshots",
        action="store_true",
        help="write the browser tests' screenshots to docs/screenshots (the README's)",
    )


def pytest_collection_modifyitems(config, items):
    """Each test gets its tier from what it uses, so a new test is sorted with no marker."""
    for item in items:
        uses = set(getattr(item, "fixturenames", ()))
        tiers = set()
        if item.get_closest_marker("browser") or uses & BROWSER_FIXTURES:
            tiers.add("browser")
        if item.get_closest_marker("store") or uses & STORE_FIXTURES:
            tiers.add("store")
        if item.get_closest_marker("slow") or getattr(item.obj, "is_hypothesis_test", False):
            tiers.add("slow")
        if not tiers & {"browser", "store"}:
            apptest = getattr(item.module, "AppTest", None) or "database" in uses
            tiers.add("app" if apptest else "unit")
        if not tiers & {"browser", "store", "slow"}:
            tiers.add("fast")
        for tier in tiers - {marker.name for marker in item.iter_markers()}:
            item.add_marker(tier)


# The app's pages through AppTest ----------------------------------------------------------


@pytest.fixture(autouse=True, scope="session")
def apptest_runs_pages_the_new_way():
    """AppTest runs a `pages/` folder the old way on every run, where the app's first pass
    ends in a rerun (lib/ui/navigation.py) and a button click would be lost. The browser
    sees that only on a process's first run; AppTest is made to run pages the new way."""
    with navigation.pages_the_new_way():
        yield


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory) -> Path:
    """A SQLite database holding the shipped meetings, made once; tests get copies."""
    return Path(sa.make_url(seeded_sqlite(tmp_path_factory.mktemp("seeded"))).database)


@pytest.fixture
def database(seeded_file, tmp_path, monkeypatch):
    """A database of the test's own, seeded with the shipped meetings, that the app (and
    AppTest) reads: OUTREACH_DB_URL set, no file source, sign-in as configured by the test."""
    from lib.store import Store

    url = copy_of(seeded_file, tmp_path)
    monkeypatch.setenv("OUTREACH_DB_URL", url)
    monkeypatch.delenv("OUTREACH_DATA", raising=False)
    monkeypatch.delenv("OUTREACH_SIGN_IN", raising=False)
    store = Store.open(url)
    yield store
    store.close()


@pytest.fixture(scope="session")
def shipped():
    """The shipped dataset, read once."""
    return read_meetings(ROOT / "data" / "meetings.csv").meetings


# Databases ---------------------------------------------------------------------------------


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
        pytest.param("postgres", id="postgres", marks=pytest.mark.store),
    ]
)
def db_url(request, tmp_path):
    """The URL of a new, empty database of each kind (it does not exist yet for SQLite)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'outreach.sqlite3'}"
        return
    with postgres_database(request.getfixturevalue("pg_admin")) as url:
        yield url


# A real Chromium and the app served ---------------------------------------------------------


def missing(reason: str) -> None:
    """Skip a test that needs something not installed here; in CI, fail instead."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}. CI installs it and must not skip these tests.")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    """Chromium, driven by Playwright, for the tests of one file."""
    if not Path(CHROMIUM).exists():
        missing("Chromium is missing: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright is missing: pip install -r requirements-dev.txt")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A laptop-sized tab, light, in English; `page.requests` lists what it asked for."""
    tab = new_page(browser)
    yield tab
    tab.context.close()


@pytest.fixture(scope="module")
def server(seeded_file, tmp_path_factory):
    """The app (`streamlit run app.py`) on a database of its own with the shipped meetings,
    for the tests of one file that do not change the meetings; its address."""
    with app_server(
        {"OUTREACH_DB_URL": copy_of(seeded_file, tmp_path_factory.mktemp("db"))}
    ) as base:
        yield base


@pytest.fixture(scope="session")
def shots(request, tmp_path_factory) -> Path:
    """Where browser tests put screenshots: a temporary folder unless asked to refresh docs."""
    if request.config.getoption("--refresh-screenshots"):
        folder = ROOT / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")
