"""A real sign-in in a real Chromium, against a local OpenID Connect provider
(oidc-provider-mock) started on 127.0.0.1: each role sees and may do exactly its share."""

import importlib.util
import os

import pytest

from lib.store import Store
from tests.browsing import ROOT, app_server, click_cell, metric, open_page, settle
from tests.databases import seeded_sqlite
from tests.serving import identity_provider, secrets_file, sign_in

PROVIDER_MODULE = "oidc_provider_mock"

if not os.environ.get("CI"):  # CI installs them and must run these tests
    if not importlib.util.find_spec("authlib") or not importlib.util.find_spec(PROVIDER_MODULE):
        pytest.skip("pip install -r requirements-dev.txt (Authlib, oidc-provider-mock)")

pytestmark = pytest.mark.browser

PEOPLE = [
    {"sub": "alice", "email": "alice@example.org", "name": "Alice Admin"},
    {"sub": "eddie", "email": "eddie@example.org", "name": "Eddie Editor", "groups": ["staff"]},
    {"sub": "vera", "email": "vera@partner.net", "name": "Vera Viewer", "groups": ["readers"]},
]
ROLES = {
    "admin": ["alice@example.org"],
    "editor": ["@example.org"],
    "viewer": ["group:readers"],
}
CANADA = "2019-04-can-amb"


@pytest.fixture(scope="module")
def provider():
    with identity_provider(PEOPLE) as base:
        yield base


@pytest.fixture(scope="module")
def site(provider, tmp_path_factory):
    """The app with sign-in on, on a database of its own: (address, database URL, log)."""
    folder = tmp_path_factory.mktemp("signin")
    url = seeded_sqlite(folder)
    secrets = secrets_file(folder, provider, ROLES)
    log = folder / "app.log"
    environment = {"OUTREACH_DB_URL": url, "STREAMLIT_SECRETS_FILES": str(secrets)}
    with app_server(environment, log) as base:
        yield base, url, log


def main_text(page) -> str:
    """The page's text as a person reads it (without the invisible word joiners that keep
    an address from becoming a link)."""
    return page.get_by_test_id("stMain").inner_text().replace("\u2060", "")


def sidebar_text(page) -> str:
    """The sidebar's text as a person reads it."""
    return page.get_by_test_id("stSidebar").inner_text().replace("\u2060", "")


def open_a_meeting(page, base: str) -> int:
    """Open Canada's first meeting on the Data page; how many "Edit this meeting" it offers."""
    open_page(page, f"{base}/Data?country=Canada")
    click_cell(page, row=0)
    settle(page)
    details = page.get_by_test_id("stMarkdown").filter(has_text="Source:")
    details.first.wait_for(timeout=30_000)  # the meeting in full, with its source
    return page.get_by_role("button", name="Edit this meeting").count()


def assert_no_meeting_data(page) -> None:
    for test_id in ("stDataFrame", "stPlotlyChart", "stVegaLiteChart", "stMetric", "stSidebarNav"):
        assert page.get_by_test_id(test_id).count() == 0, test_id
    written = main_text(page) + sidebar_text(page)
    for word in ("Canada", "Kazakhstan", "meetings shown", "Outreach map"):
        assert word not in written


def test_an_anonymous_visitor_sees_no_meeting_data(page, site):
    base, _url, _log = site
    for path in ["/", "/Data?country=Canada", "/Follow-ups", "/Record?meeting=" + CANADA]:
        open_page(page, base + path)
        assert page.get_by_role("button", name="Sign in").count() == 1, path
        assert_no_meeting_data(page)
        assert "Sign in with your organisation account" in main_text(page)


def test_a_person_with_no_role_is_refused_with_who_to_ask(page, site, provider):
    base, _url, _log = site
    sign_in(page, base, provider, "mallory@elsewhere.net")
    assert (
        "mallory@elsewhere.net has no access to Outreach Atlas. "
        "Ask alice@example.org to give you a role."
    ) in main_text(page)
    assert_no_meeting_data(page)
    open_page(page, f"{base}/Data")
    assert_no_meeting_data(page)


def test_a_viewer_reads_every_page_and_can_change_nothing(page, site, provider):
    base, _url, _log = site
    sign_in(page, base, provider, "vera")
    assert "Signed in as Vera Viewer (vera@partner.net) · viewer" in sidebar_text(page)
    assert int(metric(page, "Meetings")) > 0
    links = page.get_by_test_id("stSidebar").get_by_role("link")
    names = [links.nth(i).inner_text().strip() for i in range(links.count())]
    assert "Data and downloads" in " ".join(names)
    assert not any("Record a meeting" in n or "Import meetings" in n for n in names)
    page.get_by_role("link", name="Data and downloads").click()
    settle(page)
    assert page.get_by_test_id("stDownloadButton").filter(has_text="Download CSV").count() == 1
    assert page.get_by_test_id("stDownloadButton").filter(has_text="Back up").count() == 0
    assert open_a_meeting(page, base) == 0  # read in full, with no way to edit it
    open_page(page, f"{base}/Record?meeting={CANADA}")
    assert "Your role (viewer) does not allow recording meetings." in main_text(page)
    assert page.get_by_role("button", name="Save changes").count() == 0
    open_page(page, f"{base}/Import")
    assert "Your role (viewer) does not allow importing meetings." in main_text(page)


def test_an_editor_edits_and_the_history_shows_their_email(page, site, provider):
    base, url, _log = site
    sign_in(page, base, provider, "eddie")
    assert "Signed in as Eddie Editor (eddie@example.org) · editor" in sidebar_text(page)
    assert open_a_meeting(page, base) == 1
    open_page(page, f"{base}/Record?meeting={CANADA}")
    assert page.get_by_label("Your name").count() == 0
    assert "Changes are recorded as eddie@example.org." in main_text(page)
    counterpart = page.get_by_label("Counterpart", exact=True)
    counterpart.fill("H.E. the Ambassador of Canada")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved:").wait_for(timeout=30_000)
    settle(page)
    with Store.open(url) as store:
        change = store.history(CANADA)[0]
    assert change["who"] == "eddie@example.org" and "counterpart" in change["changes"]
    page.get_by_text("History of this meeting").click()
    settle(page)
    # The table is drawn on a canvas; its cells are also in the page for screen readers.
    cells = page.get_by_test_id("stDataFrame").last.locator("[role=gridcell]")
    cells.first.wait_for(state="attached", timeout=30_000)
    assert "eddie@example.org" in cells.all_text_contents()
    assert page.get_by_role("button", name="Delete this meeting…").count() == 1
    assert page.get_by_text("Deleted meetings").count() == 0  # restoring is the admins'
    open_page(page, f"{base}/Data")
    assert page.get_by_test_id("stDownloadButton").filter(has_text="Back up").count() == 0


def test_an_admin_replaces_and_backs_up(page, site, provider):
    base, _url, _log = site
    sign_in(page, base, provider, "alice")
    assert "Signed in as Alice Admin (alice@example.org) · admin" in sidebar_text(page)
    open_page(page, f"{base}/Data")
    assert page.get_by_test_id("stDownloadButton").filter(has_text="Back up as CSV").count() == 1
    open_page(page, f"{base}/Import")
    upload = ROOT / "tests" / "fixtures" / "semicolon.csv"
    # The first uploader is the meetings file's; the news item's has its own tab.
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(upload))
    settle(page)
    page.get_by_text("Replace every recorded meeting with this file").wait_for(timeout=30_000)
    open_page(page, f"{base}/Record")
    assert page.get_by_text("Deleted meetings").count() == 1


def test_signing_out_ends_the_session_and_nothing_of_the_token_is_shown_or_logged(
    page, site, provider
):
    base, _url, log = site
    sign_in(page, base, provider, "vera")
    assert "eyJ" not in page.content()  # a JSON Web Token starts so
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{provider}/**", timeout=30_000)  # the provider ends its session too
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{base}/**", timeout=30_000)
    settle(page)
    page.get_by_role("button", name="Sign in").wait_for(timeout=30_000)
    assert_no_meeting_data(page)
    assert not [c for c in page.context.cookies() if c["name"].startswith("_streamlit_user")]
    open_page(page, f"{base}/Data")
    assert page.get_by_role("button", name="Sign in").count() == 1
    assert "eyJ" not in log.read_text(encoding="utf-8", errors="replace")
