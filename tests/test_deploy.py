"""The deployment in deploy/: nginx as shipped, two app processes on one PostgreSQL, sign-in.

A browser stays with one process (the sticky cookie), and a save in one process shows on
the next rerun in the other: the page cache is keyed by the database's data version.
"""

import os
import re
import ssl
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from lib.store import Store
from tests.browsing import app_server, free_port, metric, open_page, settle
from tests.databases import postgres_database, seeded
from tests.serving import (
    NGINX,
    check_nginx,
    identity_provider,
    nginx,
    nginx_configuration,
    secrets_file,
    sign_in,
)

if not os.environ.get("CI"):  # CI installs nginx and must run these tests
    if not Path(NGINX).exists():
        pytest.skip("nginx is missing: apt-get install nginx", allow_module_level=True)

PEOPLE = [
    {"sub": "eddie", "email": "eddie@example.org", "name": "Eddie Editor"},
    {"sub": "vera", "email": "vera@partner.net", "name": "Vera Viewer"},
]
ROLES = {"editor": ["@example.org"], "viewer": ["*"]}
COOKIE = "outreach_atlas_process"


def test_the_shipped_nginx_configuration_passes_nginx_t(tmp_path):
    configuration = nginx_configuration(tmp_path, [free_port(), free_port()], 8443, 8080)
    checked = check_nginx(configuration)
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


@pytest.fixture
def database(pg_admin):
    """A new PostgreSQL database seeded with the shipped meetings; its URL."""
    with postgres_database(pg_admin, "outreach_deploy") as url:
        yield seeded(url)


def _unverified() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the test's own self-signed certificate
    return context


def served_by(base: str, log: Path, cookie: str) -> str:
    """The process (upstream address) nginx sends a browser with this cookie to."""
    request = urllib.request.Request(
        f"{base}/_stcore/health", headers={"Cookie": f"{COOKIE}={cookie}"}
    )
    with urllib.request.urlopen(request, context=_unverified(), timeout=10) as answer:
        assert answer.read() == b"ok"
    time.sleep(0.2)
    last = log.read_text(encoding="utf-8").splitlines()[-1]
    return re.search(r"upstream=(\S+)", last).group(1)


def upstreams_by_cookie(log: Path) -> dict[str, set[str]]:
    """For each browser's cookie, the processes its requests went to."""
    seen: dict[str, set[str]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        found = re.search(r'"\w+ (\S+)" .*upstream=(\S+) process_cookie=(\S+)', line)
        if found:
            seen.setdefault(found.group(3), set()).add(found.group(2))
    return seen


def record_a_meeting(page, base: str) -> None:
    open_page(page, f"{base}/Record")
    page.get_by_label("…or write it as the source does").fill("Chile")
    page.get_by_role("spinbutton", name="year, Date *").click()
    page.keyboard.type("20310502")  # year, month, day: each part moves on to the next
    page.get_by_label("Counterpart", exact=True).fill("Ambassador of Chile (deploy test)")
    page.get_by_role("button", name="Save meeting").click()
    page.get_by_text("Saved: Chile").wait_for(timeout=30_000)
    settle(page)


@dataclass
class Site:
    """Two app processes behind nginx (as shipped) on one PostgreSQL database, sign-in on."""

    base: str  # nginx's address
    provider: str
    database: str
    log: Path  # nginx's access log
    processes: list[str]  # "127.0.0.1:PORT" of each app process
    cookies: list[str]  # a sticky cookie nginx sends to each process, in the same order
    chromium: object

    def browser_on(self, process: int):
        """A new browser (a page in a context of its own) that nginx sends to that process."""
        context = self.chromium.new_context(
            ignore_https_errors=True, viewport={"width": 1280, "height": 900}
        )
        context.add_cookies([{"name": COOKIE, "value": self.cookies[process], "url": self.base}])
        return context.new_page()


@pytest.fixture
def site(database, browser, tmp_path):
    ports = [free_port(), free_port()]
    https, redirect = free_port(), free_port()
    base = f"https://127.0.0.1:{https}"
    with identity_provider(PEOPLE) as provider:
        settings = secrets_file(tmp_path, provider, ROLES, redirect_uri=f"{base}/oauth2callback")
        environment = {
            "OUTREACH_DB_URL": database,
            "STREAMLIT_SECRETS_FILES": str(settings),
            "OUTREACH_SIGN_IN": "required",
        }
        configuration = nginx_configuration(tmp_path, ports, https, redirect)
        log = tmp_path / "access.log"
        with (
            app_server(environment, tmp_path / "first.log", ports[0]),
            app_server(environment, tmp_path / "second.log", ports[1]),
            nginx(configuration),
        ):
            processes = [f"127.0.0.1:{port}" for port in ports]
            found: dict[str, str] = {}
            for attempt in range(64):
                found.setdefault(served_by(base, log, f"browser-{attempt}"), f"browser-{attempt}")
                if len(found) == 2:
                    break
            assert set(found) == set(processes)
            yield Site(
                base, provider, database, log, processes, [found[p] for p in processes], browser
            )


@pytest.mark.store
@pytest.mark.browser
def test_two_processes_behind_nginx_share_one_database(site):
    editor, reader = site.browser_on(0), site.browser_on(1)
    sign_in(reader, site.base, site.provider, "vera")
    before = int(metric(reader, "Meetings"))
    sign_in(editor, site.base, site.provider, "eddie")
    record_a_meeting(editor, site.base)

    # The reader's next rerun, in the other process, shows the new meeting (a full rerun:
    # the colouring switch reruns only the map's fragment).
    reader.get_by_role("button", name="Reset filters").click()
    settle(reader)
    assert metric(reader, "Meetings") == str(before + 1)
    with Store.open(site.database) as store:
        meetings = store.meetings()
        new = meetings[meetings["counterpart"] == "Ambassador of Chile (deploy test)"]
        assert store.history(new["id"].iloc[0])[0]["who"] == "eddie@example.org"

    for page in (editor, reader):
        page.context.close()
    time.sleep(1)  # nginx logs a WebSocket when it closes
    # Every request of each browser, its WebSocket included, went to its one process.
    seen = upstreams_by_cookie(site.log)
    for cookie, process in zip(site.cookies, site.processes, strict=True):
        assert seen[cookie] == {process}
        streams = [line for line in site.log.read_text().splitlines() if "/_stcore/stream" in line]
        assert any(f"process_cookie={cookie}" in line and " 101 " in line for line in streams)
