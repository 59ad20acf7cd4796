"""Every page through the real entry point and the shared sidebar (Streamlit's AppTest)."""

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib.filters import Filters, apply
from lib.store import Store
from tests.databases import seeded

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
ENTRY = str(ROOT / "app.py")
READING = ["pages/Timeline.py", "pages/Programs.py", "pages/Data.py", "pages/Follow-ups.py"]
ALL_PAGES = ["pages/Map.py", *READING, "pages/Record.py", "pages/Import.py"]


# Each test gets a database of its own, seeded with the shipped meetings (conftest.py).
pytestmark = pytest.mark.usefixtures("database")


def open_app(page: str | None = None, **query) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(page).run() if page else at


def shown_caption(at: AppTest) -> str:
    return next(c.value for c in at.sidebar.caption if "meetings shown" in c.value)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def widget(elements, label: str):
    return next(element for element in elements if element.label == label)


def texts(at: AppTest) -> list[str]:
    """Everything written on the page as text, to look for what must never appear."""
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "text")
    return [str(element.value) for kind in kinds for element in getattr(at, kind)]


def assert_clean(at: AppTest) -> None:
    """No exception, no stray None (in text or table cells) and no source text on the page."""
    assert not at.exception, [e.message for e in at.exception]
    assert "None" not in texts(at)
    for table in at.dataframe:
        words = table.value.select_dtypes(exclude="number")
        assert not words.isna().any().any(), list(words.columns[words.isna().any()])
    written = "\n".join(texts(at))
    assert not re.search(r"\b(st|ui|panels)\.[a-z_]+\(|DeltaGenerator|Traceback", written)


# Reading pages ----------------------------------------------------------------------------


def test_overview_shows_figures_and_the_map(shipped):
    at = open_app()
    assert_clean(at)
    assert metric(at, "Meetings") == str(len(shipped))
    assert metric(at, "Countries engaged") == str(shipped["iso3"].nunique())
    assert metric(at, "Open follow-ups") == str((shipped["follow_up_status"] == "open").sum())
    assert len(at.get("vega_lite_chart")) == 1  # the map (Vega-Lite since issue 20)
    assert shown_caption(at) == f"{len(shipped)} of {len(shipped)} meetings shown"


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_page_renders_cleanly_with_the_sidebar(page):
    at = open_app(page)
    assert_clean(at)
    assert at.sidebar.multiselect(key="region.en") is not None


def test_recording_pages_keep_the_filters_but_do_not_offer_them(shipped):
    at = open_app("pages/Record.py", region="Europe")
    region = at.sidebar.multiselect(key="region.en")
    assert region.value == ["Europe"] and region.disabled
    assert not any("meetings shown" in c.value for c in at.sidebar.caption)
    at.switch_page("pages/Data.py").run()
    europe = apply(shipped, Filters.of(region="Europe"))
    assert shown_caption(at) == f"{len(europe)} of {len(shipped)} meetings shown"
    assert at.query_params["region"] == "Europe"


def test_region_filter_narrows_every_page_and_stays_in_the_address(shipped):
    at = open_app()
    at.sidebar.multiselect(key="region.en").set_value(["Europe"]).run()
    europe = apply(shipped, Filters.of(region="Europe"))
    assert metric(at, "Meetings") == str(len(europe))
    for page in READING:
        at.switch_page(page).run()
        assert_clean(at)
        assert shown_caption(at) == f"{len(europe)} of {len(shipped)} meetings shown"
        assert at.query_params["region"] == "Europe"


def test_filters_start_from_the_link(shipped):
    at = open_app(region="Asia", start="2019-01", end="2019-12")
    expected = apply(shipped, Filters.of(region="Asia", start="2019-01", end="2019-12"))
    assert at.sidebar.multiselect(key="region.en").value == ["Asia"]
    assert at.sidebar.selectbox(key="start").value == "2019-01"
    assert metric(at, "Meetings") == str(len(expected))


def test_a_month_range_nobody_chose_follows_new_meetings(database, shipped):
    at = open_app()
    assert at.sidebar.selectbox(key="start").value is None
    database.add({"date": "2031-05-02", "country": "Canada", "counterpart": "Later"}, "test")
    at.run()
    assert shown_caption(at) == f"{len(shipped) + 1} of {len(shipped) + 1} meetings shown"
    assert "start" not in at.query_params and "end" not in at.query_params


def test_search_finds_meetings_by_any_word(shipped):
    at = open_app()
    at.sidebar.text_input(key="q").input("Federation of Canadian").run()
    found = shipped[shipped["follow_up"].str.contains("Federation of Canadian")]
    assert shown_caption(at) == f"{len(found)} of {len(shipped)} meetings shown"
    assert at.query_params["q"] == "Federation of Canadian"


def test_country_from_the_link_opens_its_panel(shipped):
    at = open_app(country="Canada")
    assert_clean(at)
    assert any(s.value == "Canada" for s in at.subheader)
    canada = shipped[shipped["iso3"] == "CAN"]
    panel = at.dataframe[-1].value
    assert len(panel) == len(canada)
    assert set(panel["Country"]) == {"Canada"}


def test_a_never_met_country_opens_a_panel_that_says_so():
    at = open_app(country="Argentina")
    assert_clean(at)
    assert any(s.value == "Argentina" for s in at.subheader)
    assert any("No meeting with Argentina is recorded yet" in i.value for i in at.info)
    assert len(at.get("vega_lite_chart")) == 1  # the map stays, to click another country


def test_unknown_link_values_are_reported_and_ignored(shipped):
    at = open_app(region="Narnia")
    assert any("region=Narnia" in w.value for w in at.warning)
    assert metric(at, "Meetings") == str(len(shipped))


def test_filter_matching_nothing_shows_an_empty_state_on_every_page():
    at = open_app(country="Canada", region="Africa")
    assert_clean(at)
    assert any("No meeting matches" in i.value for i in at.info)
    for page in READING:
        at.switch_page(page).run()
        assert_clean(at)
        assert any("No meeting matches" in i.value for i in at.info), page


def test_reset_filters_shows_everything_again(shipped):
    at = open_app(region="Europe", q="Italy")
    widget(at.sidebar.button, "Reset filters").click().run()
    assert at.sidebar.multiselect(key="region.en").value == []
    assert at.sidebar.text_input(key="q").value == ""
    assert metric(at, "Meetings") == str(len(shipped))
    assert "region" not in at.query_params


def test_switching_language_keeps_the_view_and_its_link(shipped):
    at = open_app(region="Europe")
    at.sidebar.button_group(key="lang").set_value("ko").run()
    assert_clean(at)
    assert at.sidebar.multiselect(key="region.ko").value == ["Europe"]
    assert at.query_params["region"] == "Europe" and at.query_params["lang"] == "ko"
    at.sidebar.button_group(key="lang").set_value("en").run()
    europe = apply(shipped, Filters.of(region="Europe"))
    assert shown_caption(at) == f"{len(europe)} of {len(shipped)} meetings shown"


def test_data_page_table_shows_the_slice_and_its_downloads(shipped):
    at = open_app("pages/Data.py", region="Americas")
    table = at.dataframe[0].value
    americas = apply(shipped, Filters.of(region="Americas"))
    assert len(table) == len(americas)
    assert set(table["Country"]) == set(americas["country"].astype(str))
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download XLSX", "Back up as CSV", "Back up as XLSX"]


def test_a_large_slice_is_prepared_with_a_button_then_offered(tmp_path, monkeypatch):
    """Above PREPARE_ABOVE meetings a file is written on request (with progress), then the
    download is offered."""
    from lib.ui.downloads import PREPARE_ABOVE
    from tests.test_scale import make_synthetic

    count = PREPARE_ABOVE + 1
    path = tmp_path / "large.csv"
    path.write_bytes(make_synthetic.csv_bytes(make_synthetic.synthetic_columns(count, 3)))
    monkeypatch.setenv("OUTREACH_DATA", str(path))
    at = open_app("pages/Data.py")
    assert_clean(at)
    prepare = widget(at.button, f"Prepare CSV ({count:,} meetings)")
    assert "Download CSV" not in [b.label for b in at.get("download_button")]
    prepare.click().run()
    assert_clean(at)
    assert "Download CSV" in [b.label for b in at.get("download_button")]


def test_programs_page_lists_countries_for_a_program():
    at = open_app("pages/Programs.py")
    at.selectbox(key="focus.en").set_value("Seoul Global Challenge").run()
    table = at.dataframe[0].value
    assert list(table["Country"]) == ["Canada"]
    assert at.query_params["focus"] == "Seoul Global Challenge"


def test_programs_page_for_a_country_with_no_program_says_so():
    at = open_app("pages/Programs.py", country="Afghanistan")
    assert_clean(at)
    assert any("None of the meetings shown records a program" in i.value for i in at.info)


@pytest.mark.parametrize("status", ["open", "done", "dropped", "all"])
def test_follow_ups_in_every_status(status, shipped):
    at = open_app("pages/Follow-ups.py", status=status)
    assert_clean(at)
    with_pledge = shipped[shipped["follow_up"] != ""]
    if status != "all":
        with_pledge = with_pledge[with_pledge["follow_up_status"] == status]
    if with_pledge.empty:
        assert any("No follow-up is" in i.value for i in at.info)
    else:
        assert len(at.dataframe[0].value) == len(with_pledge)


def give_due_dates(store: Store) -> dict[str, str]:
    """Due dates on three open pledges and one done; returns id → due date."""
    meetings = store.meetings()
    pledged = meetings[meetings["follow_up"] != ""]
    open_ids = list(pledged[pledged["follow_up_status"] == "open"]["id"][:3])
    done_id = pledged[pledged["follow_up_status"] == "done"]["id"].iloc[0]
    days = ["2027-01-05", "2027-02-01", "2027-03-01", "2027-04-01"]
    due = dict(zip([*open_ids, done_id], days, strict=True))
    for id, day in due.items():
        store.update(id, {"follow_up_due": day, "follow_up_owner": "Min-ji Kim"}, "test")
    return due


def test_follow_ups_offer_the_calendar_with_counts_equal_to_the_data(database):
    give_due_dates(database)
    meetings = database.meetings()
    pledged = meetings[meetings["follow_up"] != ""]
    open_pledges = pledged[pledged["follow_up_status"] == "open"]
    dated = int(open_pledges["follow_up_due"].notna().sum())
    undated = int(open_pledges["follow_up_due"].isna().sum())
    closed = len(pledged) - len(open_pledges)
    at = open_app("pages/Follow-ups.py")
    assert_clean(at)
    button = widget(at.get("download_button"), "Add to a calendar")
    assert not button.proto.disabled
    caption = next(c.value for c in at.caption if "with a due date" in c.value)
    assert caption.startswith(
        f"{dated} pledges with a due date; {undated} without a due date are not in the file; "
        f"{closed} done or dropped are left out."
    )
    widget(at.checkbox, "Include done and dropped as cancelled").check().run()
    caption = next(c.value for c in at.caption if "with a due date" in c.value)
    assert caption.startswith(f"{dated + 1} pledges with a due date (1 of them as cancelled)")


def test_the_calendar_follows_the_sidebar_filters_and_has_nothing_without_due_dates(database):
    at = open_app("pages/Follow-ups.py")
    assert widget(at.get("download_button"), "Add to a calendar").proto.disabled
    assert any(c.value.startswith("0 pledges with a due date;") for c in at.caption)
    due = give_due_dates(database)
    country = str(database.meetings().set_index("id").loc[next(iter(due)), "country"])
    at = open_app("pages/Follow-ups.py", country=country)
    assert any(c.value.startswith("1 pledge with a due date") for c in at.caption)


def test_the_calendar_in_korean(database):
    give_due_dates(database)
    at = open_app("pages/Follow-ups.py", lang="ko")
    assert_clean(at)
    assert "캘린더에 추가" in [b.label for b in at.get("download_button")]
    assert "완료·중단된 약속을 취소로 포함" in [c.label for c in at.checkbox]
    assert any(c.value.startswith("기한이 있는 약속 3건") for c in at.caption)


def test_the_data_page_opens_the_meeting_a_link_names(shipped):
    canada = shipped[shipped["id"] == "2019-04-can-amb"].iloc[0]
    at = open_app("pages/Data.py", meeting="2019-04-can-amb")
    assert_clean(at)
    assert "The meeting from the link" in [h.value for h in at.subheader]
    assert any(canada["follow_up"] in m.value for m in at.markdown)
    assert not at.warning
    # Filtered out of the table, it is still shown, and the page says why it is not below.
    at = open_app("pages/Data.py", meeting="2019-04-can-amb", region="Africa")
    assert any(canada["follow_up"] in m.value for m in at.markdown)
    assert any("leave it out of the table" in c.value for c in at.caption)
    widget(at.button, "Close the meeting from the link").click().run()
    assert "meeting" not in at.query_params
    assert "The meeting from the link" not in [h.value for h in at.subheader]


@pytest.mark.parametrize(
    "given, said",
    [
        ("no-such-meeting", "There is no meeting 'no-such-meeting'"),
        ("", "The link's meeting= is empty"),
        ("x" * 500, "The link's meeting= is not a meeting id ('xxxx"),
        ("bad\x00\nid", "The link's meeting= is not a meeting id ('bad"),
        ("<script>[a](b)", "There is no meeting '\\<script\\>\\[a\\](b)'"),
    ],
    ids=["unknown", "empty", "too-long", "control-characters", "markup"],
)
def test_the_data_page_explains_a_link_to_no_meeting(given, said, shipped):
    at = open_app("pages/Data.py", meeting=given)
    assert_clean(at)
    assert any(said in w.value for w in at.warning), [w.value for w in at.warning]
    assert "The meeting from the link" not in [h.value for h in at.subheader]
    assert len(at.dataframe[0].value) == len(shipped)  # the table is there as usual


def test_the_data_page_link_in_korean():
    at = open_app("pages/Data.py", meeting="2019-04-can-amb", lang="ko")
    assert_clean(at)
    assert "링크로 연 면담" in [h.value for h in at.subheader]
    at = open_app("pages/Data.py", meeting="nope", lang="ko")
    assert any("'nope' 면담이 없습니다" in w.value for w in at.warning)


def test_uploaded_file_with_problems_is_explored_and_its_problems_listed():
    at = open_app("pages/Data.py")
    raw = (FIXTURES / "mixed.csv").read_bytes()
    at.file_uploader(key="upload").set_value(("mixed.csv", raw, "text/csv")).run()
    assert_clean(at)
    assert shown_caption(at) == "3 of 3 meetings shown"
    assert any("mixed.csv" in e.label for e in at.expander)
    problems = next(df.value for df in at.dataframe if "Line" in df.value.columns)
    assert 3 in set(problems["Line"]) and 16 in set(problems["Line"])
    at.switch_page("pages/Map.py").run()
    assert metric(at, "Meetings") == "3"
    at.switch_page("pages/Record.py").run()
    assert any("exploring an uploaded file" in i.value for i in at.info)


def test_unreadable_upload_is_refused_and_the_data_stays(shipped):
    at = open_app("pages/Data.py")
    raw = (FIXTURES / "garbage.bin").read_bytes()
    at.file_uploader(key="upload").set_value(("garbage.csv", raw, "text/csv")).run()
    assert_clean(at)
    assert any("garbage.csv" in e.value for e in at.error)
    assert shown_caption(at) == f"{len(shipped)} of {len(shipped)} meetings shown"


def test_outreach_data_points_the_app_at_another_file(monkeypatch):
    monkeypatch.setenv("OUTREACH_DATA", str(FIXTURES / "semicolon.csv"))
    at = open_app()
    assert metric(at, "Meetings") == "2"
    assert any("semicolon.csv" in c.value for c in at.sidebar.caption)


def test_unreadable_outreach_data_is_a_message_not_a_traceback(monkeypatch):
    monkeypatch.setenv("OUTREACH_DATA", str(FIXTURES / "not_meetings.csv"))
    at = open_app()
    assert_clean(at)
    assert any("'country'" in e.value for e in at.error)


def test_an_empty_database_invites_recording_and_importing(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    Store.open(url, create=True).close()
    monkeypatch.setenv("OUTREACH_DB_URL", url)
    for page in ALL_PAGES[:-2]:
        at = open_app(page)
        assert_clean(at)
        assert any("There are no meetings to show yet" in i.value for i in at.info), page


def test_a_database_that_cannot_be_opened_is_one_message_on_every_page(tmp_path, monkeypatch):
    monkeypatch.setenv("OUTREACH_DB_URL", f"sqlite:///{tmp_path / 'moved.sqlite3'}")
    for page in ALL_PAGES:
        at = open_app(page)
        assert_clean(at)
        assert any("There is no database file" in e.value for e in at.error), page
        # Nothing invites recording or importing into a database that is not there.
        assert not any("Record one or import" in i.value for i in at.info), page
        assert all(b.label != "Back up as CSV" for b in at.get("download_button")), page


def test_text_from_a_link_is_shown_as_text_not_markdown():
    at = open_app(region="[click me](https://example.org) **now**")
    warning = next(w.value for w in at.warning if "region=" in w.value)
    # The address stays text too: an invisible word joiner keeps markdown from linking it.
    assert "\\[click me\\](https:\u2060//example.org) \\*\\*now\\*\\*" in warning


# Recording, editing, importing (the database behind the pages) --------------------------


def fill_meeting(at: AppTest, **fields) -> AppTest:
    widget(at.text_input, "Your name").input("Min-ji Kim")
    country = fields.pop("country", None)
    if country:
        widget(at.selectbox, "Country *").set_value(country)
    typed = fields.pop("typed", None)
    if typed:
        widget(at.text_input, "…or write it as the source does").input(typed)
    widget(at.date_input, "Date *").set_value(fields.pop("date"))
    widget(at.selectbox, "How exact is the date").set_value(fields.pop("precision", "day"))
    for label, value in fields.items():
        widget([*at.text_input, *at.text_area], label).input(value)
    return at


def test_recording_a_meeting_shows_it_on_every_page(database):
    before = len(database.meetings())
    at = open_app("pages/Record.py")
    fill_meeting(
        at,
        country="Canada",
        date=date(2019, 4, 2),
        precision="week",
        **{
            "Counterpart": "Ambassador of Canada",
            "Follow-up or pledge": "Introduce WeGO to the Federation of Canadian Municipalities",
            "Source link (https://…)": "https://example.org/canada",
        },
    )
    widget(at.button, "Save meeting").click().run()
    assert_clean(at)
    assert any("Saved: Canada · Ambassador of Canada" in s.value for s in at.success)
    meetings = database.meetings()
    assert len(meetings) == before + 1
    saved = meetings[meetings["counterpart"] == "Ambassador of Canada"].iloc[0]
    assert saved["date_precision"] == "week" and saved["follow_up_status"] == "open"
    at.switch_page("pages/Map.py").run()
    assert metric(at, "Meetings") == str(before + 1)
    at.switch_page("pages/Follow-ups.py").run()
    assert any("Federation of Canadian" in v for v in at.dataframe[0].value["Follow-up"])
    assert database.history(saved["id"])[0]["who"] == "Min-ji Kim"


def test_a_korean_mission_phrase_records_the_country(database):
    at = open_app("pages/Record.py")
    fill_meeting(at, typed="주한 캐나다 대사", date=date(2024, 5, 1))
    widget(at.button, "Save meeting").click().run()
    assert any("Saved: Canada" in s.value for s in at.success)


def test_bad_fields_are_named_by_their_label_and_nothing_is_saved(database):
    before = database.data_version()
    at = open_app("pages/Record.py")
    fill_meeting(
        at,
        typed="Narnia",
        date=date(2020, 1, 1),
        **{"Source link (https://…)": "javascript:alert(1)"},
    )
    widget(at.button, "Save meeting").click().run()
    message = at.error[0].value
    assert "Nothing was saved" in message
    assert "**Country**" in message and "Narnia" in message
    assert database.data_version() == before
    assert widget(at.text_input, "Source link (https://…)").value == "javascript:alert(1)"


def test_a_country_in_the_list_and_another_in_the_box_is_refused(database):
    before = database.data_version()
    at = open_app("pages/Record.py")
    fill_meeting(at, country="Canada", typed="Mexico", date=date(2020, 1, 1))
    widget(at.button, "Save meeting").click().run()
    message = at.error[0].value
    assert "You chose Canada in the list and wrote Mexico" in message
    assert database.data_version() == before


def test_editing_keeps_a_history_and_delete_and_restore_ask_first(database):
    meeting = "2019-04-can-amb"
    at = open_app("pages/Record.py", meeting=meeting)
    assert any("Editing: Canada · Ambassador" in s.value for s in at.subheader)
    widget(at.text_input, "Your name").input("Jae-won Park")
    widget(at.button, "Save changes").click().run()
    assert any("Nothing changed" in i.value for i in at.info)

    widget(at.text_input, "Counterpart").input("H.E. the Ambassador")
    widget(at.button, "Save changes").click().run()
    assert database.get(meeting)["counterpart"] == "H.E. the Ambassador"
    change = database.history(meeting)[0]
    assert change["who"] == "Jae-won Park" and "counterpart" in change["changes"]
    history = next(d.value for d in at.dataframe if "Who" in d.value.columns)
    assert history["When"].str.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC").all()

    widget(at.button, "Delete this meeting…").click().run()
    assert meeting in set(database.meetings()["id"])  # nothing yet: it asks first
    widget(at.button, "Yes, delete it").click().run()
    assert meeting not in set(database.meetings()["id"])
    widget(at.button, "Restore…").click().run()
    assert meeting not in set(database.meetings()["id"])
    widget(at.button, "Yes, restore it").click().run()
    assert meeting in set(database.meetings()["id"])


def test_your_name_is_kept_from_page_to_page():
    at = open_app("pages/Record.py")
    widget(at.text_input, "Your name").input("Min-ji Kim").run()
    at.switch_page("pages/Import.py").run()
    assert widget(at.text_input, "Your name").value == "Min-ji Kim"
    at.switch_page("pages/Follow-ups.py").run()
    assert widget(at.text_input, "Your name").value == "Min-ji Kim"


def test_unknown_meeting_in_the_link_is_explained():
    at = open_app("pages/Record.py", meeting="no-such-meeting")
    assert any("no-such-meeting" in w.value for w in at.warning)
    assert_clean(at)


def test_import_reports_bad_rows_and_twice_adds_nothing(database):
    at = open_app("pages/Import.py")
    widget(at.text_input, "Your name").input("Min-ji Kim")
    raw = (FIXTURES / "mixed.csv").read_bytes()
    at.file_uploader[0].set_value(("colleague.csv", raw, "text/csv")).run()
    heading = "3 new meetings can be added; 0 are already recorded; 11 rows cannot be used."
    assert any(s.value == heading for s in at.subheader)
    before = len(database.meetings())
    widget(at.button, "Import").click().run()
    assert any("Imported 3 meetings" in s.value for s in at.success)
    assert len(database.meetings()) == before + 3
    # The same file again: the preview says all are recorded, and there is nothing to import.
    assert any(s.value.startswith("0 new meetings can be added; 3 are") for s in at.subheader)
    assert widget(at.button, "Import").disabled
    already = next(d.value for d in at.dataframe if "Already recorded" in d.value.columns)
    assert len(already) == 3


def test_replace_asks_first_and_offers_the_backup_until_dismissed(database):
    at = open_app("pages/Import.py")
    widget(at.text_input, "Your name").input("Min-ji Kim")
    raw = (FIXTURES / "semicolon.csv").read_bytes()
    at.file_uploader[0].set_value(("two.csv", raw, "text/csv")).run()
    at.radio(key="import_mode").set_value("replace").run()
    widget(at.button, "Replace everything…").click().run()
    assert any("will be replaced by the 2 in this file" in w.value for w in at.warning)
    assert len(database.meetings()) > 2
    widget(at.button, "Yes, replace them").click().run()
    assert len(database.meetings()) == 2
    assert any(s.value.startswith("Replaced") for s in at.success)
    backup = "Download the backup taken before the replace"
    assert any(b.label == backup for b in at.get("download_button"))
    at.run()  # another click elsewhere: the backup is still offered
    assert any(b.label == backup for b in at.get("download_button"))
    widget(at.button, "Dismiss").click().run()
    assert not any(b.label == backup for b in at.get("download_button"))


def test_file_mode_is_read_only(monkeypatch):
    monkeypatch.setenv("OUTREACH_DATA", str(FIXTURES / "semicolon.csv"))
    for page in ("pages/Record.py", "pages/Import.py"):
        at = open_app(page)
        assert any("read-only" in i.value for i in at.info)
        assert all(b.label != "Save meeting" for b in at.button)


def test_staff_scenario_on_each_database(db_url, monkeypatch):
    """Issue 5's "done when": record a pledge, import a colleague's file, see them everywhere."""
    from lib.export import csv_bytes

    monkeypatch.setenv("OUTREACH_DB_URL", seeded(db_url))
    with Store.open(db_url) as store:
        before = len(store.meetings())

        at = open_app("pages/Record.py")
        fill_meeting(
            at,
            country="Canada",
            date=date(2019, 4, 2),
            precision="week",
            **{
                "Counterpart": "Ambassador (courtesy call)",
                "Follow-up or pledge": "Introduce us to the Federation of Canadian Municipalities",
            },
        )
        widget(at.button, "Save meeting").click().run()
        assert len(store.meetings()) == before + 1

        at.switch_page("pages/Import.py").run()
        raw = (FIXTURES / "store_colleague.csv").read_bytes()
        at.file_uploader[0].set_value(("colleague.csv", raw, "text/csv")).run()
        assert any("2 rows cannot be used" in s.value for s in at.subheader)
        lines = set(next(d.value for d in at.dataframe if "Line" in d.value.columns)["Line"])
        assert lines == {4, 7}
        widget(at.button, "Import").click().run()
        assert any("Imported 5 meetings" in s.value for s in at.success)

        meetings = store.meetings()
        assert len(meetings) == before + 6
        at.switch_page("pages/Map.py").run()
        assert metric(at, "Meetings") == str(before + 6)
        exported = csv_bytes(meetings).decode("utf-8-sig")
        assert "Introduce us to the Federation of Canadian Municipalities" in exported


def test_the_data_page_in_korean_has_no_exception():
    at = open_app("pages/Data.py", lang="ko", country="Canada")
    assert_clean(at)
    assert at.query_params["lang"] == "ko"
    assert isinstance(at.dataframe[0].value, pd.DataFrame)


def test_a_save_from_a_form_older_than_a_colleagues_save_is_refused(database):
    meeting = "2019-04-can-amb"
    at = open_app("pages/Record.py", meeting=meeting)
    widget(at.text_input, "Your name").input("Jae-won Park")
    widget(at.text_area, "Summary").input("My own summary of the call")
    database.update(meeting, {"counterpart": "Saved by a colleague"}, "colleague")
    widget(at.button, "Save changes").click().run()
    assert any("after you opened it" in e.value for e in at.error)
    assert database.get(meeting)["counterpart"] == "Saved by a colleague"
    assert database.get(meeting)["summary"] != "My own summary of the call"
    assert widget(at.text_area, "Summary").value == "My own summary of the call"
    beside = next(d.value for d in at.dataframe if "Saved now" in d.value.columns)
    assert set(beside["Field"]) == {"Counterpart", "Summary"}
    widget(at.button, "Start again from the saved meeting").click().run()
    assert widget(at.text_input, "Counterpart").value == "Saved by a colleague"
    widget(at.text_area, "Summary").input("My own summary of the call")
    widget(at.button, "Save changes").click().run()
    stored = database.get(meeting)
    assert stored["summary"] == "My own summary of the call"
    assert stored["counterpart"] == "Saved by a colleague"


NEWS = ROOT / "tests" / "fixtures" / "news" / "tuned" / "2019-05-20_ko-central-asia-embassies.txt"


def test_a_korean_news_item_is_drafted_reviewed_and_saved(database):
    at = open_app("pages/Import.py")
    widget(at.text_input, "Your name").input("Min-ji Kim")
    widget(at.text_area, "The news item").input(NEWS.read_text()).run()
    assert widget(at.date_input, "Published on").value == date(2019, 5, 20)  # its dateline
    widget(at.button, "Draft the meetings").click().run()
    assert_clean(at)
    before = len(database.meetings())
    widget(at.button, "Save these meetings").click().run()
    assert_clean(at)
    meetings = database.meetings()
    assert len(meetings) == before + 3
    assert any("Imported 3 meetings" in s.value for s in at.success)
    uzbekistan = meetings[meetings["country"] == "Uzbekistan"]
    assert (uzbekistan["date_precision"] == "quarter").any()
    # The same item saved again adds nothing.
    widget(at.button, "Draft the meetings").click().run()
    widget(at.button, "Save these meetings").click().run()
    assert len(database.meetings()) == before + 3


# ------------------------------------------------------------------ briefs

BRIEF = "Brief for a visit"


def download_labels(at: AppTest) -> list[str]:
    return [button.label for button in at.get("download_button")]


def test_the_map_country_panel_offers_the_brief_for_a_visit():
    at = open_app(country="Canada")
    assert_clean(at)
    assert download_labels(at).count(BRIEF) == 1
    assert any(button.label == "Organisation brief" for button in at.button)


@pytest.mark.parametrize(
    "query",
    [{}, {"region": "Asia"}, {"country": ["Canada", "Mexico"]}, {"country": "Argentina"}],
    ids=["everything", "a-region", "two-countries", "never-met"],
)
@pytest.mark.parametrize("page", ["pages/Map.py", "pages/Data.py"])
def test_no_country_brief_without_exactly_one_country_met(page, query):
    at = open_app(page, **query)
    assert_clean(at)
    assert BRIEF not in download_labels(at)


def test_the_data_page_with_one_country_offers_both_briefs():
    at = open_app("pages/Data.py", country="Canada")
    assert_clean(at)
    assert download_labels(at).count(BRIEF) == 1
    assert any(button.label == "Organisation brief" for button in at.button)


def test_the_organisation_brief_is_prepared_when_asked_then_offered(monkeypatch):
    from lib.pictures import PictureUnavailable
    from lib.ui import briefs

    asked = []

    def no_picture(summary, **details):
        asked.append(sorted(summary["country"]))
        raise PictureUnavailable("the map is not drawn in this test")

    monkeypatch.setattr(briefs, "map_picture", no_picture)
    at = open_app("pages/Data.py", region="Europe")
    assert asked == []  # nothing is made while the page is drawn
    assert "Download the organisation brief" not in download_labels(at)
    next(button for button in at.button if button.label == "Organisation brief").click().run()
    assert_clean(at)
    assert len(asked) == 1 and "Italy" in asked[0] and "Canada" not in asked[0]
    assert "Download the organisation brief" in download_labels(at)


def test_the_brief_buttons_in_korean():
    at = open_app(lang="ko", country="Canada")
    assert_clean(at)
    assert "방문용 국가 브리핑" in download_labels(at)
    assert any(button.label == "기관 브리핑" for button in at.button)
