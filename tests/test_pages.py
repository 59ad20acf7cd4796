"""Every page through the real entry point and the shared sidebar (Streamlit's AppTest)."""

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib.filters import Filters, apply

FIXTURES = Path(__file__).parent / "fixtures"
ENTRY = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/1_Timeline.py", "pages/2_Programs.py", "pages/3_Data.py"]


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
    assert labels == ["Download CSV", "Download XLSX"]


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
