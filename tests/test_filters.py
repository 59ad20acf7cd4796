import gc
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from lib import brief, i18n
from lib import filters as flt
from lib.aggregates import missions
from lib.filters import (
    FILTERS,
    SEARCHED,
    Filter,
    Filters,
    apply,
    filter_named,
    mask,
    months,
    options,
    program_rows,
    shown_value,
    slice_file_name,
    slice_program_rows,
)
from lib.i18n import N_
from lib.pictures import PictureUnavailable
from lib.ui import briefs, sidebar
from lib.ui.sidebar import View


def test_no_filter_keeps_every_meeting(shipped):
    assert len(apply(shipped, Filters())) == len(shipped)


def test_region_and_month_range(shipped):
    shown = apply(shipped, Filters.of(region="Asia", start="2019-01", end="2019-06"))
    assert len(shown) > 0
    assert set(shown["region"]) == {"Asia"}
    assert shown["date"].min() >= pd.Timestamp("2019-01-01")
    assert shown["date"].max() < pd.Timestamp("2019-07-01")
    expected = shipped[
        (shipped["region"] == "Asia")
        & (shipped["date"] >= "2019-01-01")
        & (shipped["date"] < "2019-07-01")
    ]
    assert list(shown["id"]) == list(expected["id"])


def test_central_asia_since_2019(shipped):
    shown = apply(shipped, Filters.of(subregion="Central Asia", start="2019-01"))
    assert {"Kazakhstan", "Tajikistan", "Turkmenistan"} <= set(shown["country"])
    assert set(shown["subregion"]) == {"Central Asia"}


def test_program_filter_keeps_meetings_that_discussed_it(shipped):
    program = "Urban Innovation Challenge: Citypreneurs"
    shown = apply(shipped, Filters.of(program=program))
    expected = shipped[shipped["programs"].map(lambda listed: program in listed)]
    assert list(shown["id"]) == list(expected["id"]) and len(shown) >= 1


def test_filters_combine_as_and(shipped):
    shown = apply(shipped, Filters.of(country="Canada", type="embassy"))
    assert set(shown["country"]) == {"Canada"}
    assert set(shown["counterpart_type"]) == {"embassy"}


def test_filter_matching_nothing_gives_empty_frame_with_columns(shipped):
    shown = apply(shipped, Filters.of(country="Canada", region="Africa"))
    assert shown.empty and list(shown.columns) == list(shipped.columns)


def test_months_span_the_years_of_the_first_and_last_meeting(shipped):
    span = months(shipped)
    assert span[0] == shipped["date"].min().strftime("%Y-01")
    assert span[-1] == shipped["date"].max().strftime("%Y-12")
    assert len(span) == len(set(span))


def test_slice_program_rows_match_a_fresh_explode(shipped):
    whole = program_rows(shipped)
    shown = apply(shipped, Filters.of(region="Americas"))
    sliced = slice_program_rows(whole, shown, len(shipped))
    fresh = program_rows(shown)
    pairs = sorted(zip(sliced["row"], sliced["program"], strict=True))
    assert pairs == sorted(zip(fresh["row"], fresh["program"], strict=True))


def test_file_name_states_the_filter():
    filters = Filters.of(region="Europe", start="2019-01", end="2019-06")
    assert slice_file_name(filters, "csv") == "meetings_Europe_2019-01_to_2019-06.csv"
    assert slice_file_name(Filters(), "xlsx") == "meetings_all.xlsx"
    from lib import i18n
    from lib.ui.text import shown_filter_value

    i18n.use("ko")
    try:
        assert slice_file_name(filters, "csv", "면담", shown_filter_value) == (
            "면담_유럽_2019-01부터_2019-06까지.csv"
        )
        assert (
            slice_file_name(Filters.of(end="2019-06"), "csv", "면담")
            == "면담_처음부터_2019-06까지.csv"
        )
        assert slice_file_name(Filters(), "xlsx", "면담") == "면담_전체.xlsx"
        many = Filters.of(country=["Canada", "Mexico", "Chile", "Peru", "Kenya"])
        assert slice_file_name(many, "csv", "면담", shown_filter_value) == (
            "면담_캐나다_멕시코_칠레_외-2개.csv"
        )
    finally:
        i18n.use("en")
    odd = Filters.of(country="Côte d'Ivoire", program="A/B: test")
    assert "/" not in slice_file_name(odd, "csv") and " " not in slice_file_name(odd, "csv")


# One declaration per filter -----------------------------------------------------------------
# Every declared filter is checked through every place that reads the registry: the widget in
# the sidebar, the address, the mask, the brief's words and the file name. A new entry in
# FILTERS is tested the day it is added.

ROOT = Path(__file__).resolve().parent.parent
ENTRY = str(ROOT / "app.py")
WIDGET_IN_SIDEBAR = {  # how AppTest finds each kind of widget a filter may declare
    "text": lambda at, entry: at.sidebar.text_input(key=entry.key),
    "multiselect": lambda at, entry: at.sidebar.multiselect(key=f"{entry.key}.en"),
}


COMPUTED: list[View] = []  # the views the entry file computed in this test, latest last


@pytest.fixture
def shipped_file(monkeypatch):
    """The pages read the shipped file (no database needed to try the sidebar); the views
    the entry file computes are recorded (a run lets go of its view when it ends)."""
    monkeypatch.setenv("OUTREACH_DATA", str(ROOT / "data" / "meetings.csv"))
    monkeypatch.delenv("OUTREACH_DB_URL", raising=False)
    computing = sidebar.compute_view

    def recorded(*args, **kwargs) -> View:
        COMPUTED.append(computing(*args, **kwargs))
        return COMPUTED[-1]

    COMPUTED.clear()
    monkeypatch.setattr(sidebar, "compute_view", recorded)


def open_app(**query) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def view_of(at: AppTest) -> View:
    """The view of the app's latest run (each test drives one app)."""
    assert COMPUTED, "the entry file computed no view"
    return COMPUTED[-1]


def plainly(meetings: pd.DataFrame, entry: Filter, values) -> pd.Series:
    """The meetings a plain pandas query selects for these values of a filter."""
    if entry.matches == "text":
        words = " ".join(values).lower().split()
        cells = meetings[list(SEARCHED)].astype("str").apply(lambda col: col.str.lower())
        row_text = cells.agg(" \x00 ".join, axis=1)
        return row_text.map(lambda text: all(word in text for word in words))
    if entry.matches == "listed":
        return meetings[entry.column].map(lambda listed: any(v in listed for v in values))
    return meetings[entry.column].astype("str").isin(values)


def a_value(entry: Filter, meetings: pd.DataFrame) -> str:
    """A value of this filter that some meetings have, as a person would pick it."""
    if entry.matches == "text":
        named = meetings["counterpart"].astype("str")
        return named[named != ""].iloc[0].split()[-1]
    offered = options(entry, meetings, Filters())
    return next(v for v in offered if plainly(meetings, entry, [v]).any())


def in_file_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-")


@pytest.mark.parametrize("entry", FILTERS, ids=lambda entry: entry.key)
def test_every_declared_filter_works_everywhere(entry, shipped, shipped_file):
    value = a_value(entry, shipped)
    filters = Filters.of(**{entry.key: value})
    expected = shipped[plainly(shipped, entry, [value])]
    assert len(expected) >= 1
    # the mask selects exactly what a plain pandas query selects
    assert list(apply(shipped, filters)["id"]) == list(expected["id"])
    # the link ?key=value draws the widget holding the value, gives the same Filters and view,
    # and stays in the address
    at = open_app(**{entry.key: value})
    assert not at.exception, [e.message for e in at.exception]
    drawn = WIDGET_IN_SIDEBAR[entry.widget](at, entry)
    assert drawn.label == entry.label
    assert drawn.value in (value, [value])
    assert view_of(at).filters == filters
    assert list(view_of(at).meetings["id"]) == list(expected["id"])
    assert at.query_params[entry.key] == value
    caption = next(c.value for c in at.sidebar.caption if "meetings shown" in c.value)
    assert caption == f"{len(expected)} of {len(shipped)} meetings shown"
    # the brief and the file name say it, in English and in Korean
    for language in ("en", "ko"):
        with i18n.speaking(language):
            shown = entry.shown(value)
            described = brief.view_description(filters, expected)
            assert f"{i18n._(entry.label)}: " in described and shown in described
            name = slice_file_name(filters, "csv", shown=shown_value)
            assert in_file_name(shown) in name


def test_a_new_filter_is_one_declaration(monkeypatch, shipped, shipped_file):
    """A throw-away "city" filter on the `cities` list column: nothing else is written for it
    (its label, "Cities", is already translated)."""
    city = Filter("city", N_("Cities"), "cities", "listed")
    monkeypatch.setattr(flt, "FILTERS", (*flt.FILTERS, city))
    seoul = shipped[shipped["cities"].map(lambda listed: "Seoul" in listed)]
    filters = Filters.of(city="Seoul")
    assert len(seoul) >= 2
    assert list(apply(shipped, filters)["id"]) == list(seoul["id"])  # not the programs' column
    assert "Seoul" in options(city, shipped, Filters())
    at = open_app(city="Seoul")
    assert not at.exception, [e.message for e in at.exception]
    assert at.sidebar.multiselect(key="city.en").value == ["Seoul"]
    assert view_of(at).filters == filters
    assert at.query_params["city"] == "Seoul"
    caption = next(c.value for c in at.sidebar.caption if "meetings shown" in c.value)
    assert caption == f"{len(seoul)} of {len(shipped)} meetings shown"
    assert "Cities: Seoul" in brief.view_description(filters, seoul)
    with i18n.speaking("ko"):
        assert "도시: Seoul" in brief.view_description(filters, seoul)
    assert slice_file_name(filters, "csv", shown=shown_value) == "meetings_Seoul.csv"
    # the organisation brief of this view is made (the KeyError it met is gone) and says it
    described, zoomed = [], []
    make = brief.organisation_brief

    def spy(meetings, **details):
        described.append(details["description"])
        return make(meetings, **details)

    def no_picture(summary, **details):
        zoomed.append(details["zoom"])
        raise PictureUnavailable("the map is not drawn in this test")

    monkeypatch.setattr(brief, "organisation_brief", spy)
    monkeypatch.setattr(briefs, "map_picture", no_picture)
    at.switch_page("pages/Data.py").run()
    next(button for button in at.button if button.label == "Organisation brief").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert described and described[0].startswith("Cities: Seoul")
    assert zoomed == [False]  # a city is not a place the map zooms to (not declared so)
    assert any(b.label == "Download the organisation brief" for b in at.get("download_button"))


# Each filter offers what the others leave ----------------------------------------------------


def test_sub_regions_follow_the_region(shipped):
    subregion = filter_named("subregion")
    europe = shipped[shipped["region"] == "Europe"]
    offered = options(subregion, shipped, Filters.of(region="Europe"))
    assert set(offered) == set(europe["subregion"].astype("str"))
    assert "Central Asia" not in offered and "Eastern Asia" not in offered
    countries = options(filter_named("country"), shipped, Filters.of(subregion="Central Asia"))
    assert {"Kazakhstan", "Tajikistan"} <= set(countries)
    assert not {"Canada", "France", "Japan"} & set(countries)


def _holds_meetings(value: object) -> bool:
    if isinstance(value, View | pd.DataFrame):
        return True
    if isinstance(value, tuple | list):
        return any(_holds_meetings(item) for item in value)
    return isinstance(value, dict) and any(_holds_meetings(item) for item in value.values())


@pytest.mark.parametrize("page", ["pages/Map.py", "pages/Data.py", "pages/Follow-ups.py"])
def test_a_session_lets_go_of_its_slice_of_the_meetings_after_each_run(page, shipped, shipped_file):
    """Between runs a session holds no view or frame of meetings: an ended session's state
    stays in memory until Python's occasional full collection, and at a million meetings
    each kept slice weighed about 75 MB. The page still draws from a fresh view each run."""
    at = open_app(region="Europe")
    if page != "pages/Map.py":
        at.switch_page(page).run()
    at.sidebar.multiselect(key="subregion.en").set_value(["Western Europe"]).run()
    assert not at.exception, [e.message for e in at.exception]
    western = shipped[shipped["subregion"] == "Western Europe"]
    assert list(view_of(at).meetings["id"]) == list(western["id"])  # the run drew a slice
    caption = next(c.value for c in at.sidebar.caption if "meetings shown" in c.value)
    assert caption == f"{len(western)} of {len(shipped)} meetings shown"
    assert not [key for key, value in at.session_state.items() if _holds_meetings(value)]


def test_the_sidebar_offers_only_what_the_other_filters_leave(shipped, shipped_file):
    at = open_app(region="Europe")
    european = set(shipped.loc[shipped["region"] == "Europe", "subregion"].astype("str"))
    assert set(at.sidebar.multiselect(key="subregion.en").options) == european
    at.sidebar.multiselect(key="subregion.en").set_value(["Western Europe"]).run()
    regions = at.sidebar.multiselect(key="region.en").options
    assert regions == ["Europe"]  # the region follows the sub-region too


def test_a_choice_the_others_exclude_stays_in_sight_and_the_advice_names_it(shipped, shipped_file):
    at = open_app(region="Europe", subregion="Central Asia")
    subregion = at.sidebar.multiselect(key="subregion.en")
    assert subregion.value == ["Central Asia"] and "Central Asia" in subregion.options
    assert at.query_params["subregion"] == "Central Asia"
    advice = next(i.value for i in at.info if "No meeting matches" in i.value)
    assert "Region: Europe" in advice and "Sub-region: Central Asia" in advice
    assert "month" not in advice.lower()  # no month range was set
    later = shipped.loc[shipped["country"] == "Canada", "date"].max() + pd.DateOffset(months=1)
    assert later.strftime("%Y-%m") in months(shipped)
    at = open_app(country="Canada", start=later.strftime("%Y-%m"))
    advice = next(i.value for i in at.info if "No meeting matches" in i.value)
    assert "Country: Canada" in advice and f"From month: {later:%Y-%m}" in advice
    assert "To month" not in advice


# Property: the mask is a plain pandas query ----------------------------------------------------


_EVERYTHING: dict[tuple[int, str], list[str]] = {}


def everything(entry: Filter, meetings: pd.DataFrame) -> list[str]:
    """What a filter offers with nothing else chosen (worked out once per frame)."""
    key = (id(meetings), entry.key)
    if key not in _EVERYTHING:
        _EVERYTHING[key] = options(entry, meetings, Filters())
    return _EVERYTHING[key]


@st.composite
def chosen_filters(draw, meetings: pd.DataFrame) -> Filters:
    values = {}
    for entry in FILTERS:
        if entry.matches == "text":
            words = ["canada", "Embassy", "Seoul", "smart city", "zzz-none"]
            values[entry.key] = draw(st.sampled_from(["", *words]))
        else:
            offered = everything(entry, meetings)
            values[entry.key] = draw(st.lists(st.sampled_from(offered), max_size=3, unique=True))
    month_list = months(meetings)
    start = draw(st.none() | st.sampled_from(month_list))
    end = draw(st.none() | st.sampled_from(month_list))
    return Filters.of(start=start, end=end, **values)


def plain_query(meetings: pd.DataFrame, filters: Filters) -> pd.Series:
    keep = pd.Series(True, index=meetings.index)
    for key, values in filters.chosen:
        keep &= plainly(meetings, filter_named(key), values)
    if filters.start:
        keep &= meetings["date"].dt.strftime("%Y-%m") >= filters.start
    if filters.end:
        keep &= meetings["date"].dt.strftime("%Y-%m") <= filters.end
    return keep


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_mask_is_a_plain_pandas_query(data, shipped):
    filters = data.draw(chosen_filters(shipped))
    assert list(mask(shipped, filters)) == list(plain_query(shipped, filters))
    programs = program_rows(shipped)
    assert list(mask(shipped, filters, programs)) == list(plain_query(shipped, filters))


def test_a_search_on_edited_meetings_finds_what_they_hold_now(shipped):
    search = Filters.of(q="Canada")
    assert mask(shipped, search).any()
    edited = shipped.copy()  # an edit gives a new frame: the matches found before do not carry
    edited["summary"] = edited["summary"].str.replace("Canada", "Kanada", regex=False)
    edited["country"] = edited["country"].cat.rename_categories({"Canada": "Dominion"})
    assert list(mask(edited, search)) == list(plain_query(edited, search))
    assert list(mask(shipped, search)) == list(plain_query(shipped, search))


def test_the_matches_kept_for_searches_stay_bounded_and_go_with_their_meetings(shipped):
    meetings = shipped.copy()
    for number in range(flt.WORDS_KEPT + 5):
        mask(meetings, Filters.of(q=f"word{number}"))
    frame = id(meetings)
    assert len(flt._found[frame][1]) == flt.WORDS_KEPT  # the oldest words went
    del meetings
    gc.collect()
    assert frame not in flt._found


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_each_filter_offers_every_value_the_others_leave(data, shipped):
    filters = data.draw(chosen_filters(shipped))
    for entry in FILTERS:
        if entry.matches == "text":
            continue
        others = filters.without(entry.key)
        left = apply(shipped, others)
        offered = options(entry, shipped, filters)
        leaving = {v for v in everything(entry, shipped) if plainly(left, entry, [v]).any()}
        assert leaving <= set(offered), entry.key  # nothing the others leave is missing
        assert set(filters.values(entry.key)) <= set(offered), entry.key  # choices stay
        if entry.options is None or not others.is_empty():  # each offered leaves a meeting
            places_only = others == others.places()  # then missions not met yet are offered too
            unmet = set(missions()["country"]) if places_only else set()
            assert set(offered) - set(filters.values(entry.key)) - unmet <= leaving, entry.key
