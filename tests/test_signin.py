"""Sign-in and roles on every page, through the entry file (AppTest with `at.user`).

The settings are given as AppTest's `at.secrets`, never written into the checkout.
"""

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.store import Store
from lib.ui import signin

ROOT = Path(__file__).resolve().parent.parent
ENTRY = str(ROOT / "app.py")
READING = ["pages/Map.py", "pages/Timeline.py", "pages/Programs.py", "pages/Data.py"]
FOLLOW_UPS = "pages/Follow-ups.py"
RECORD, IMPORT = "pages/Record.py", "pages/Import.py"
ALL_PAGES = [*READING, FOLLOW_UPS, RECORD, IMPORT]
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-test-secret-that-is-long-enough",
    "client_id": "outreach-atlas",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
ROLES = {
    "admin": ["alice@example.org"],
    "editor": ["@example.org", "group:outreach"],
    "viewer": ["*"],
}
PEOPLE = {
    "viewer": {"email": "vera@elsewhere.net", "name": "Vera Viewer"},
    "editor": {"email": "eddie@example.org", "name": "Eddie Editor", "groups": ["staff"]},
    "admin": {"email": "alice@example.org", "name": "Alice Admin"},
}
SIGN_IN_SCREEN = "Sign in with your organisation account"


# Each test gets a database of its own, seeded with the shipped meetings (conftest.py).
pytestmark = pytest.mark.usefixtures("database")


def open_as(
    user: dict | None, page: str | None = None, roles: dict | None = ROLES, **query
) -> AppTest:
    """The app with sign-in configured, opened by `user` (None: nobody signed in)."""
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.secrets["auth"] = AUTH
    if roles is not None:
        at.secrets["roles"] = roles
    at.user = {"is_logged_in": True, **user} if user else {"is_logged_in": False}
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(page).run() if page else at


def texts(at: AppTest) -> str:
    """The page's texts as a person reads them (the invisible word joiners that keep an
    address from becoming a link left out)."""
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "text", "title")
    shown = [str(e.value) for kind in kinds for e in getattr(at, kind)]
    return "\n".join(shown + [str(e.value) for e in at.subheader]).replace("\u2060", "")


def buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button] + [b.label for b in at.get("download_button")]


def page_links(at: AppTest) -> list[str]:
    return [link.proto.label for link in at.get("page_link")]


def shows_no_data(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.metric and not at.dataframe and not at.get("plotly_chart")
    assert not at.get("vega_lite_chart")
    assert not at.get("page_link")
    assert all(m.key != "region.en" for m in at.sidebar.multiselect)
    written = texts(at)
    for meeting_word in ("Canada", "Kazakhstan", "meetings shown", "Ambassador"):
        assert meeting_word not in written


def sidebar_captions(at: AppTest) -> list[str]:
    """The sidebar's captions as a person reads them: without the invisible word joiner
    that keeps an e-mail address from becoming a link (lib/ui/text.py `plain`)."""
    return [c.value.replace("\u2060", "") for c in at.sidebar.caption]


def assert_signed_in_as(at: AppTest, role: str) -> None:
    person = PEOPLE[role]
    expected = f"Signed in as {person['name']} ({person['email']}) · {role}"
    assert expected in sidebar_captions(at)
    assert "Sign out" in [b.label for b in at.sidebar.button]


# Nobody signed in, or someone without a role ----------------------------------------------


@pytest.mark.parametrize("page", ALL_PAGES)
def test_nobody_signed_in_sees_the_sign_in_button_and_no_data(page):
    at = open_as(None, page, country="Canada")
    shows_no_data(at)
    assert SIGN_IN_SCREEN in texts(at)
    assert [b.label for b in at.button] == ["Sign in"]


def test_the_default_apptest_user_is_not_taken_for_a_signed_in_person():
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.secrets["auth"] = AUTH
    at.secrets["roles"] = ROLES  # "*" would let in anyone signed in
    at.run()  # at.user is {"email": "test@example.com"}, with no is_logged_in
    shows_no_data(at)
    assert SIGN_IN_SCREEN in texts(at)


@pytest.mark.parametrize("page", ALL_PAGES)
def test_a_person_with_no_role_is_refused_naming_who_to_ask(page):
    roles = {"admin": ["alice@example.org"], "editor": ["@example.org"]}
    at = open_as({"email": "mallory@elsewhere.net", "name": "Mallory"}, page, roles=roles)
    shows_no_data(at)
    assert [e.value for e in at.error] == [
        "mallory@elsewhere.net has no access to Outreach Atlas. "
        "Ask alice@example.org to give you a role."
    ]
    assert [b.label for b in at.sidebar.button] == ["Sign out"]  # to try another account


def test_sign_in_on_and_no_roles_configured_lets_nobody_in():
    at = open_as(PEOPLE["admin"], roles=None)
    shows_no_data(at)
    assert "Ask the person who runs Outreach Atlas" in at.error[0].value


def test_roles_that_cannot_be_used_are_named_and_nobody_gets_in():
    broken = {**ROLES, "editors": ["@example.org"]}
    at = open_as(PEOPLE["admin"], roles=broken)
    shows_no_data(at)
    assert "[roles] has 'editors', which is not a role" in at.error[0].value
    at = open_as(None, roles=broken)  # the settings are not shown before signing in
    shows_no_data(at)
    assert not at.error and SIGN_IN_SCREEN in texts(at)


def test_a_server_that_requires_sign_in_refuses_to_run_without_it(monkeypatch):
    monkeypatch.setenv("OUTREACH_SIGN_IN", "required")
    at = AppTest.from_file(ENTRY, default_timeout=60).run()  # no [auth] in the settings
    shows_no_data(at)
    assert "no [auth] section" in at.error[0].value


def test_signing_out_asks_for_sign_in_again():
    at = open_as(PEOPLE["viewer"])
    assert at.metric
    next(b for b in at.sidebar.button if b.label == "Sign out").click().run()
    at.run()  # the next run of the session: nobody is signed in any more
    shows_no_data(at)
    assert SIGN_IN_SCREEN in texts(at)


# Viewers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("page", READING)
def test_a_viewer_reads_every_reading_page_and_is_offered_no_change(page, shipped):
    at = open_as(PEOPLE["viewer"], page)
    assert not at.exception, [e.message for e in at.exception]
    assert_signed_in_as(at, "viewer")
    caption = next(c.value for c in at.sidebar.caption if "meetings shown" in c.value)
    assert caption == f"{len(shipped)} of {len(shipped)} meetings shown"
    assert page_links(at) == [
        "Outreach map",
        "Timeline",
        "Programs",
        "Data and downloads",
        "Follow-ups",
    ]
    assert not {"Record a meeting", "Import meetings"} & set(page_links(at))
    assert not any(label.startswith("Back up") for label in buttons(at))
    assert all(t.label != "Your name" for t in at.text_input)


def test_a_viewer_downloads_the_slice_but_not_a_full_backup():
    at = open_as(PEOPLE["viewer"], "pages/Data.py", region="Europe")
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download XLSX"]
    assert "Full backup" not in texts(at)


def test_a_viewer_reads_follow_ups_but_cannot_mark_or_open_them():
    at = open_as(PEOPLE["viewer"], FOLLOW_UPS, status="all")
    assert len(at.dataframe[0].value) > 0
    assert "Your role can read the follow-ups but not change them." in texts(at)
    assert "Open" not in buttons(at)


@pytest.mark.parametrize(
    ("page", "refused"),
    [(RECORD, "recording meetings"), (IMPORT, "importing meetings")],
)
def test_a_viewer_opening_a_recording_page_by_its_address_is_refused(page, refused, database):
    before = database.data_version()
    at = open_as(PEOPLE["viewer"], page, meeting="2019-04-can-amb")
    assert not at.exception
    assert [e.value for e in at.error] == [
        f"Your role (viewer) does not allow {refused}. Ask alice@example.org if you need it."
    ]
    assert not at.main.text_input and not at.file_uploader and not at.get("form")
    assert buttons(at) == ["Sign out"]
    assert database.data_version() == before


def test_a_viewer_sees_no_way_to_record_from_an_empty_database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    Store.open(url, create=True).close()
    monkeypatch.setenv("OUTREACH_DB_URL", url)
    at = open_as(PEOPLE["viewer"])
    assert "There are no meetings to show yet" in texts(at)
    assert not {"Record a meeting", "Import meetings"} & set(page_links(at))
    at = open_as(PEOPLE["editor"])
    assert {"Record a meeting", "Import meetings"} <= set(page_links(at))


def test_a_viewer_sees_no_record_link_in_a_never_met_countrys_panel():
    at = open_as(PEOPLE["viewer"], country="Argentina")
    assert "No meeting with Argentina is recorded yet" in texts(at)
    assert "Record a meeting" not in page_links(at)


# Editors ----------------------------------------------------------------------------------


def fill_and_save(at: AppTest) -> AppTest:
    next(s for s in at.selectbox if s.label == "Country *").set_value("Canada")
    next(d for d in at.date_input if d.label == "Date *").set_value(date(2024, 5, 1))
    next(t for t in at.text_input if t.label == "Counterpart").input("Ambassador of Canada")
    next(b for b in at.button if b.label == "Save meeting").click()
    return at.run()


def test_an_editor_records_without_a_name_box_and_the_history_keeps_the_email(database):
    at = open_as(PEOPLE["editor"], RECORD)
    assert_signed_in_as(at, "editor")
    assert all(t.label != "Your name" for t in at.text_input)
    assert "Changes are recorded as eddie@example.org." in texts(at)
    before = set(database.meetings()["id"])
    fill_and_save(at)
    assert not at.exception
    assert any("Saved: Canada" in s.value for s in at.success)
    (new,) = set(database.meetings()["id"]) - before
    assert database.history(new)[0]["who"] == "eddie@example.org"


def test_an_editor_edits_and_deletes_but_cannot_restore(database):
    meeting = "2019-04-can-amb"
    at = open_as(PEOPLE["editor"], RECORD, meeting=meeting)
    next(t for t in at.text_input if t.label == "Counterpart").input("H.E. the Ambassador")
    next(b for b in at.button if b.label == "Save changes").click().run()
    assert database.history(meeting)[0]["who"] == "eddie@example.org"
    next(b for b in at.button if b.label == "Delete this meeting…").click().run()
    next(b for b in at.button if b.label == "Yes, delete it").click().run()
    assert meeting not in set(database.meetings()["id"])
    assert "Restore…" not in buttons(at)
    assert not any(e.label.startswith("Deleted meetings") for e in at.expander)


def test_an_editor_imports_and_appends_but_cannot_replace(database):
    at = open_as(PEOPLE["editor"], IMPORT)
    assert all(t.label != "Your name" for t in at.text_input)
    raw = (ROOT / "tests" / "fixtures" / "semicolon.csv").read_bytes()
    at.file_uploader[0].set_value(("two.csv", raw, "text/csv")).run()
    assert at.radio(key="import_mode").options == [
        "Add the new ones to the meetings already recorded"
    ]
    before = len(database.meetings())
    next(b for b in at.button if b.label == "Import").click().run()
    assert len(database.meetings()) == before + 2
    assert "Replace everything…" not in buttons(at)


def test_a_member_of_the_editors_group_is_an_editor_whatever_their_domain():
    at = open_as({"email": "guest@partner.net", "name": "Guest", "groups": ["outreach"]}, RECORD)
    assert "Signed in as Guest (guest@partner.net) · editor" in sidebar_captions(at)
    assert any(b.label == "Save meeting" for b in at.button)


def test_an_editor_marks_follow_ups_and_opens_their_meetings_but_gets_no_backup():
    at = open_as(PEOPLE["editor"], FOLLOW_UPS)
    assert "Change a status in its row; it is saved at once." in texts(at)
    assert "Open" in buttons(at)
    at.switch_page("pages/Data.py").run()
    assert not any(label.startswith("Back up") for label in buttons(at))
    assert {"Record a meeting", "Import meetings"} <= set(page_links(at))


# Admins -----------------------------------------------------------------------------------


def test_an_admin_downloads_full_backups():
    at = open_as(PEOPLE["admin"], "pages/Data.py")
    assert_signed_in_as(at, "admin")
    assert [b.label for b in at.get("download_button")] == [
        "Download CSV",
        "Download XLSX",
        "Back up as CSV",
        "Back up as XLSX",
    ]


def test_an_admin_replaces_everything(database):
    at = open_as(PEOPLE["admin"], IMPORT)
    raw = (ROOT / "tests" / "fixtures" / "semicolon.csv").read_bytes()
    at.file_uploader[0].set_value(("two.csv", raw, "text/csv")).run()
    at.radio(key="import_mode").set_value("replace").run()
    next(b for b in at.button if b.label == "Replace everything…").click().run()
    next(b for b in at.button if b.label == "Yes, replace them").click().run()
    assert len(database.meetings()) == 2
    assert {row["who"] for row in database.history(database.meetings()["id"].iloc[0])} == {
        "alice@example.org"
    }


def test_an_admin_restores_a_deleted_meeting(database):
    meeting = "2019-04-can-amb"
    database.delete(meeting, "eddie@example.org")
    at = open_as(PEOPLE["admin"], RECORD)
    next(b for b in at.button if b.label == "Restore…").click().run()
    next(b for b in at.button if b.label == "Yes, restore it").click().run()
    assert meeting in set(database.meetings()["id"])
    assert database.history(meeting)[0]["who"] == "alice@example.org"


# Local use, without sign-in ---------------------------------------------------------------


def test_without_sign_in_the_sidebar_says_local_use_and_everything_is_offered():
    at = AppTest.from_file(ENTRY, default_timeout=60).run()
    assert "Not signed in — local use" in [c.value for c in at.sidebar.caption]
    assert "Sign out" not in [b.label for b in at.sidebar.button]
    assert {"Record a meeting", "Import meetings"} <= set(page_links(at))
    at.switch_page("pages/Data.py").run()
    assert "Back up as CSV" in buttons(at)
    at.switch_page(RECORD).run()
    assert any(t.label == "Your name" for t in at.text_input)


def test_the_page_in_korean_names_the_role_in_korean():
    at = open_as(PEOPLE["viewer"], RECORD, lang="ko")
    assert not at.exception
    assert "열람자" in at.error[0].value and "alice@example.org" in at.error[0].value


def test_the_deployment_settings_require_sign_in():
    settings = (ROOT / "deploy" / "outreach-atlas.env").read_text(encoding="utf-8")
    assert f"\n{signin.REQUIRED_VARIABLE}=required\n" in settings
    assert "\nSTREAMLIT_SECRETS_FILES=/etc/outreach-atlas/secrets.toml\n" in settings
