"""Every page through the real entry point and the shared sidebar (Streamlit's AppTest)."""

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib.filters import Filters, apply
from lib.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
ENTRY = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/1_Timeline.py", "pages/2_Programs.py", "pages/3_Data.py"]


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    """Each test gets its own database, seeded with the shipped meetings."""
    url = f"sqlite:///{tmp_path / 'atlas.sqlite3'}"
    store = Store.open(url, create=True)
    store.import_meetings(ROOT / "data" / "meetings.csv", mode="append", who="seed")
    monkeypatch.setenv("OUTREACH_DB_URL", url)
    monkeypatch.delenv("OUTREACH_DATA", raising=False)
    yield store
    store.close()


def open_app(**query) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def shown_caption(at: AppTest) -> str:
    return next(c.value for c in at.sidebar.caption if "meetings shown" in c.value)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_overview_shows_figures_and_the_map(shipped):
    at = open_app()
    assert not at.exception
    assert metric(at, "Meetings") == str(len(shipped))
    assert metric(at, "Countries engaged") == str(shipped["iso3"].nunique())
    assert len(at.get("plotly_chart")) == 1
    assert shown_caption(at) == f"{len(shipped)} of {len(shipped)} meetings shown"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_the_shared_sidebar(page):
    at = open_app()
    at.switch_page(page).run()
    assert not at.exception
    assert at.sidebar.multiselect(key="region") is not None
    assert "meetings shown" in shown_caption(at)


def test_region_filter_narrows_every_page(shipped):
    at = open_app()
    at.sidebar.multiselect(key="region").set_value(["Europe"]).run()
    europe = apply(shipped, Filters(regions=("Europe",)))
    assert metric(at, "Meetings") == str(len(europe))
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception
        assert shown_caption(at) == f"{len(europe)} of {len(shipped)} meetings shown"


def test_filters_start_from_the_link(shipped):
    at = open_app(region="Asia", start="2019-01", end="2019-12")
    expected = apply(shipped, Filters(regions=("Asia",), start="2019-01", end="2019-12"))
    assert at.sidebar.multiselect(key="region").value == ["Asia"]
    assert at.sidebar.selectbox(key="start").value == "2019-01"
    assert metric(at, "Meetings") == str(len(expected))


def test_country_from_the_link_opens_its_panel(shipped):
    at = open_app(country="Canada")
    assert not at.exception
    assert any(s.value == "Canada" for s in at.subheader)
    canada = shipped[shipped["iso3"] == "CAN"]
    panel = at.dataframe[-1].value
    assert len(panel) == len(canada)
    assert list(panel["Country"].unique()) == ["Canada"]


def test_unknown_link_values_are_reported_and_ignored(shipped):
    at = open_app(region="Narnia")
    assert any("region=Narnia" in w.value for w in at.warning)
    assert metric(at, "Meetings") == str(len(shipped))


def test_filter_matching_nothing_shows_an_empty_state_on_every_page():
    at = open_app(country="Canada", region="Africa")
    assert not at.exception
    assert any("No meeting matches" in i.value for i in at.info)
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception
        assert any("No meeting matches" in i.value for i in at.info), page


def test_reset_filters_shows_everything_again(shipped):
    at = open_app(region="Europe")
    at.sidebar.button[0].click().run()
    assert at.sidebar.multiselect(key="region").value == []
    assert metric(at, "Meetings") == str(len(shipped))


def test_data_page_table_shows_the_slice(shipped):
    at = open_app(region="Americas")
    at.switch_page("pages/3_Data.py").run()
    table = at.dataframe[0].value
    americas = apply(shipped, Filters(regions=("Americas",)))
    assert len(table) == len(americas)
    assert set(table["Country"]) == set(americas["country"].astype(str))
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download XLSX", "Back up as CSV", "Back up as XLSX"]


def test_uploaded_file_with_problems_is_explored_and_its_problems_listed():
    at = open_app()
    at.switch_page("pages/3_Data.py").run()
    raw = (FIXTURES / "mixed.csv").read_bytes()
    at.file_uploader(key="upload").set_value(("mixed.csv", raw, "text/csv")).run()
    assert not at.exception
    assert shown_caption(at) == "3 of 3 meetings shown"
    assert any("mixed.csv" in e.label for e in at.expander)
    problems = next(df.value for df in at.dataframe if "Line" in df.value.columns)
    assert 3 in set(problems["Line"]) and 16 in set(problems["Line"])
    at.switch_page("app.py").run()
    assert metric(at, "Meetings") == "3"


def test_unreadable_upload_is_refused_and_the_data_stays(shipped):
    at = open_app()
    at.switch_page("pages/3_Data.py").run()
    raw = (FIXTURES / "garbage.bin").read_bytes()
    at.file_uploader(key="upload").set_value(("garbage.csv", raw, "text/csv")).run()
    assert not at.exception
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
    assert not at.exception
    assert any("'country'" in e.value for e in at.error)
    assert metric(at, "Meetings") == "0"


def test_programs_page_lists_countries_for_a_program():
    at = open_app()
    at.switch_page("pages/2_Programs.py").run()
    at.selectbox(key="focus").set_value("Seoul Global Challenge").run()
    table = at.dataframe[0].value
    assert list(table["Country"]) == ["Canada"]
    assert isinstance(table.loc[0, "First"], pd.Timestamp)


# Recording, editing, importing and follow-ups (the database behind the pages).


def widget(elements, label: str):
    return next(element for element in elements if element.label == label)


def fill_meeting(at: AppTest, **fields) -> AppTest:
    widget(at.text_input, "Your name").input("Min-ji Kim")
    country = fields.pop("country")
    if country in widget(at.selectbox, "Country *").options:
        widget(at.selectbox, "Country *").set_value(country)
    else:
        widget(at.text_input, "…or write it as the source does").input(country)
    widget(at.date_input, "Date *").set_value(fields.pop("date"))
    widget(at.selectbox, "How exact is the date").set_value(fields.pop("precision", "day"))
    for label, value in fields.items():
        widget([*at.text_input, *at.text_area], label).input(value)
    return at


def record_page(**query) -> AppTest:
    at = open_app(**query)
    return at.switch_page("pages/5_Record.py").run()


def test_recording_a_meeting_shows_it_on_every_page(database, shipped):
    from datetime import date

    before = len(database.meetings())
    at = record_page()
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
    assert not at.exception
    assert any("Saved meeting" in s.value for s in at.success)
    meetings = database.meetings()
    assert len(meetings) == before + 1
    saved = meetings[meetings["counterpart"] == "Ambassador of Canada"].iloc[0]
    assert saved["date_precision"] == "week" and saved["follow_up_status"] == "open"
    at.switch_page("app.py").run()
    assert metric(at, "Meetings") == str(before + 1)
    at.switch_page("pages/4_Follow-ups.py").run()
    assert any("Federation of Canadian" in v for v in at.dataframe[0].value["Follow-up"])
    assert database.history(saved["id"])[0]["who"] == "Min-ji Kim"


def test_bad_fields_are_named_and_nothing_is_saved(database):
    from datetime import date

    before = database.data_version()
    at = record_page()
    fill_meeting(
        at,
        country="Congo",
        date=date(2020, 1, 1),
        **{"Source link (https://…)": "javascript:alert(1)"},
    )
    widget(at.button, "Save meeting").click().run()
    message = at.error[0].value
    assert "Nothing was saved" in message
    assert "country" in message and "DR Congo" in message and "Republic of the Congo" in message
    assert database.data_version() == before


def test_editing_keeps_a_history_and_delete_can_be_undone(database):
    meeting = database.meetings().iloc[0]["id"]
    at = record_page(meeting=meeting)
    assert any(meeting in s.value for s in at.subheader)
    widget(at.text_input, "Your name").input("Jae-won Park")
    widget(at.text_input, "Counterpart").input("H.E. the Ambassador")
    widget(at.button, "Save changes").click().run()
    assert database.get(meeting)["counterpart"] == "H.E. the Ambassador"
    change = database.history(meeting)[0]
    assert change["who"] == "Jae-won Park" and "counterpart" in change["changes"]

    widget(at.checkbox, f"Yes, delete {meeting}").check().run()
    widget(at.button, "Delete").click().run()
    assert meeting not in set(database.meetings()["id"])
    widget(at.button, "Restore").click().run()
    assert meeting in set(database.meetings()["id"])


def test_unknown_meeting_in_the_link_is_explained():
    at = record_page(meeting="no-such-meeting")
    assert any("no-such-meeting" in w.value for w in at.warning)
    assert not at.exception


def test_marking_a_follow_up_done(database):
    at = open_app()
    at.switch_page("pages/4_Follow-ups.py").run()
    open_before = len(at.dataframe[0].value)
    chosen = at.selectbox(key="follow_up_id").value
    widget(at.text_input, "Your name").input("Min-ji Kim").run()
    at.selectbox(key="new_status").set_value("done")
    widget(at.button, "Save status").click().run()
    assert database.get(chosen)["follow_up_status"] == "done"
    assert len(at.dataframe[0].value) == open_before - 1
    at.switch_page("app.py").run()
    assert metric(at, "Open follow-ups") == str(open_before - 1)


def test_import_reports_bad_rows_and_twice_adds_nothing(database):
    at = open_app()
    at.switch_page("pages/6_Import.py").run()
    widget(at.text_input, "Your name").input("Min-ji Kim")
    raw = (FIXTURES / "mixed.csv").read_bytes()
    at.file_uploader[0].set_value(("colleague.csv", raw, "text/csv")).run()
    assert any("3 meeting(s) can be imported, 11 row(s) cannot" in s.value for s in at.subheader)
    before = len(database.meetings())
    widget(at.button, "Import").click().run()
    assert any("Imported 3" in s.value for s in at.success)
    assert len(database.meetings()) == before + 3
    widget(at.button, "Import").click().run()
    assert any("Imported 0" in s.value and "skipped 3" in s.value for s in at.success)
    assert len(database.meetings()) == before + 3


def test_file_mode_is_read_only(monkeypatch):
    monkeypatch.setenv("OUTREACH_DATA", str(FIXTURES / "semicolon.csv"))
    for page in ("pages/5_Record.py", "pages/6_Import.py"):
        at = open_app()
        at.switch_page(page).run()
        assert any("read-only" in i.value for i in at.info)
        assert not at.button or all(b.label != "Save meeting" for b in at.button)


def test_staff_scenario_on_each_database(db_url, monkeypatch):
    """Issue 5's "done when": record a pledge, import a colleague's file, keep the pledge."""
    from datetime import date

    from lib.export import csv_bytes

    with Store.open(db_url, create=True) as store:
        store.import_meetings(ROOT / "data" / "meetings.csv", mode="append", who="seed")
    monkeypatch.setenv("OUTREACH_DB_URL", db_url)
    with Store.open(db_url) as store:
        before = len(store.meetings())

        at = record_page()
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

        at.switch_page("pages/6_Import.py").run()
        widget(at.text_input, "Your name").input("Min-ji Kim")
        raw = (FIXTURES / "store_colleague.csv").read_bytes()
        at.file_uploader[0].set_value(("colleague.csv", raw, "text/csv")).run()
        assert any("2 row(s) cannot" in s.value for s in at.subheader)
        lines = set(next(d.value for d in at.dataframe if "Line" in d.value.columns)["Line"])
        assert lines == {4, 7}
        widget(at.button, "Import").click().run()
        assert any("Imported 5" in s.value for s in at.success)

        at.switch_page("pages/4_Follow-ups.py").run()
        recorded = store.meetings()
        pledge = recorded.loc[recorded["counterpart"] == "Ambassador (courtesy call)", "id"]
        at.selectbox(key="follow_up_id").set_value(pledge.iloc[0])
        widget(at.text_input, "Your name").input("Min-ji Kim").run()
        at.selectbox(key="new_status").set_value("done")
        widget(at.button, "Save status").click().run()

        meetings = store.meetings()
        assert len(meetings) == before + 6
        kept = meetings[meetings["id"] == pledge.iloc[0]]
        assert list(kept["follow_up_status"]) == ["done"]
        at.switch_page("app.py").run()
        assert metric(at, "Meetings") == str(before + 6)
        exported = csv_bytes(meetings).decode("utf-8-sig")
        assert "Introduce us to the Federation of Canadian Municipalities" in exported


def test_text_from_a_link_is_shown_as_text_not_markdown():
    at = open_app(region="[click me](https://example.org) **now**")
    warning = next(w.value for w in at.warning if "region=" in w.value)
    assert r"\[click me\](https://example.org) \*\*now\*\*" in warning
