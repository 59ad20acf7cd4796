"""What a person sees, in a real Chromium: every page in every state, light and dark, on a
laptop and a phone; the map drawn offline; clicks, links, history, downloads; colleagues."""

import io
from pathlib import Path

import pandas as pd
import pytest

from lib import aggregates, i18n, month_chart, strip_chart, world_map
from lib.countries import country_name
from lib.filters import Filters, apply
from lib.meetings import read_meetings
from lib.palette import MARK
from lib.store import Store
from tests import timeline_drawing
from tests.browsing import (
    ROOT,
    SCREENS,
    app_server,
    click_cell,
    click_country,
    close,
    count_caption,
    country_point,
    download,
    figures,
    legend_ends,
    map_canvas,
    map_colours,
    map_tooltip,
    metric,
    new_page,
    open_page,
    outside_requests,
    problems_on_screen,
    read_csv,
    settle,
    summary_of,
)
from tests.colours import over
from tests.databases import seeded_sqlite

pytestmark = pytest.mark.browser
PAGES = ["/", "/Timeline", "/Programs", "/Data", "/Follow-ups", "/Record", "/Import"]


def shot(page, shots: Path, name: str) -> None:
    page.screenshot(path=shots / f"{name}.png", full_page=True)


# Every page, every look ------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_page_shows_no_error_none_or_source_text(browser, server, shots, screen, scheme):
    page = new_page(browser, screen, scheme)
    try:
        for path in PAGES:
            open_page(page, server + path)
            assert problems_on_screen(page) == [], path
            shot(page, shots, f"{path.strip('/') or 'map'}-{screen}-{scheme}".lower())
        assert outside_requests(page.requests, server) == []
    finally:
        page.context.close()


def test_pages_in_each_filter_state(page, server):
    states = [
        "/?region=Europe",
        "/?country=Canada",
        "/?country=Argentina&colour=Coverage",
        "/Programs?country=Afghanistan",
        "/Follow-ups?status=dropped",
        "/Follow-ups?status=done",
        "/Data?country=Canada&region=Africa",
        "/Timeline?q=zzzz-nothing",
    ]
    for path in states:
        open_page(page, server + path)
        assert problems_on_screen(page) == [], path


# The map ---------------------------------------------------------------------------------


BIG = ("CAN", "BRA", "KAZ", "AUS", "MEX", "MNG")  # engaged, large enough to sample
NEVER = ("NER", "USA", "DZA")  # never met in the shipped data


@pytest.mark.parametrize("colour_by", list(world_map.COLOURINGS))
def test_map_draws_every_colouring_offline_with_its_legend(page, server, shipped, shots, colour_by):
    open_page(page, f"{server}/?colour={colour_by.replace(' ', '+')}")
    rows = world_map.country_rows(summary_of(shipped), colour_by).set_index("iso3")
    drawn = map_colours(page, BIG + NEVER)
    for code, colour in drawn.items():
        assert close(colour, rows.loc[code, "colour"]), (code, colour, rows.loc[code, "colour"])
    legend = page.locator(".map-legend").inner_text()
    assert {"Meetings": "Meetings", "Last contact": "Months since", "Coverage": "Coverage"}[
        colour_by
    ] in legend
    assert ("No meeting, no mission" if colour_by == "Coverage" else "Not met yet") in legend
    if colour_by != "Coverage":  # each number beside the ramp has its countries' colour
        column = {"Meetings": "meetings", "Last contact": "months_since"}[colour_by]
        value = summary_of(shipped).set_index("iso3")[column]
        for label, colour in legend_ends(page):
            named = value[value == int(label.replace(",", ""))].index.intersection(rows.index)
            assert len(named) and all(close(colour, rows.loc[c, "colour"]) for c in named), label
    assert page.get_by_text("Not drawn on the map").count() == 1
    assert metric(page, "Meetings") == str(len(shipped))
    named = {"Meetings": "outreach-map", "Coverage": "coverage"}  # the README's pictures
    shot(page, shots, named.get(colour_by, "outreach-map-last-contact"))
    assert outside_requests(page.requests, server) == []


def test_a_colouring_switch_or_a_filter_recolours_the_same_map(page, server, shipped):
    """The chart is updated in place: the same canvas, new colours, the address follows."""
    open_page(page, server)
    map_canvas(page).evaluate("canvas => { canvas.dataset.first = 'yes'; }")
    page.get_by_role("radio", name="Last contact").click()
    settle(page)
    assert "colour=Last+contact" in page.url
    rows = world_map.country_rows(summary_of(shipped), "Last contact").set_index("iso3")
    for code, colour in map_colours(page, BIG).items():
        assert close(colour, rows.loc[code, "colour"]), (code, colour)
    assert "Months since the last meeting" in page.locator(".map-legend").inner_text()
    page.locator("[class*='st-key-region'] input").first.click()
    page.keyboard.type("Europe")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    settle(page)
    assert "region=Europe" in page.url
    assert map_canvas(page).evaluate("canvas => canvas.dataset.first") == "yes"


def test_the_map_tooltip_is_a_few_short_lines_beside_the_country(page, server):
    open_page(page, server)
    text = map_tooltip(page, "CAN")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[0] == "Canada" and "Meetings: 3" in lines
    assert all(len(line) <= world_map.LINE_WIDTH for line in lines)
    x, y = country_point(page, "CAN")
    box = page.locator("#vg-tooltip-element").bounding_box()
    covered = box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"]
    assert not covered  # beside the country, not over it
    assert "Not met yet" in map_tooltip(page, "NER")


def test_clicking_countries_filters_every_page(page, server, shipped, shots):
    open_page(page, server)
    click_country(page, "CAN")
    page.get_by_role("button", name="Show all countries").wait_for(timeout=30_000)
    settle(page)
    canada = shipped[shipped["iso3"] == "CAN"]
    assert count_caption(page) == f"{len(canada)} of {len(shipped)} meetings shown"
    assert "country=Canada" in page.url
    shot(page, shots, "country-panel")
    # Only Canada keeps its colour; the map frames it, outlined, among its neighbours.
    around_canada = world_map.frame(["CAN"], 0.5)
    drawn = map_colours(page, ["CAN", "MEX", "USA"], around_canada)
    assert close(drawn["MEX"], world_map.LIGHT.nothing)
    assert close(drawn["USA"], world_map.LIGHT.nothing)
    click_country(page, "MEX", around_canada)  # another country while one is chosen
    page.get_by_role("heading", name="Mexico").wait_for(timeout=30_000)
    mexico = shipped[shipped["iso3"] == "MEX"]
    shown = f"{len(mexico)} of {len(shipped)} meetings shown"
    page.get_by_test_id("stSidebar").get_by_text(shown).wait_for(timeout=30_000)
    settle(page)
    assert count_caption(page) == shown
    page.get_by_role("link", name="Data and downloads").click()
    settle(page)
    assert count_caption(page) == f"{len(mexico)} of {len(shipped)} meetings shown"
    path, name = download(page, "Download CSV")
    assert sorted(read_csv(path)["id"]) == sorted(mexico["id"])
    assert name == "meetings_Mexico.csv"


def test_a_never_met_mission_clicked_on_the_coverage_map_opens_its_panel(page, server, shipped):
    open_page(page, f"{server}/?colour=Coverage")
    never = world_map.COVERAGE[aggregates.NEVER_MET][1]
    assert close(map_colours(page, ["ARG"])["ARG"], never)
    assert "Resident mission in Seoul" in map_tooltip(page, "ARG")
    click_country(page, "ARG")
    page.get_by_text("No meeting with Argentina is recorded yet").wait_for(timeout=30_000)
    assert "It has a resident embassy in Seoul." in page.get_by_test_id("stAlert").inner_text()
    assert "country=Argentina" in page.url


def test_a_country_never_met_and_without_a_mission_opens_its_panel(page, server):
    """Niger is not among the country filter's choices: its panel opens all the same."""
    open_page(page, server)
    click_country(page, "NER")
    page.get_by_text("No meeting with Niger is recorded yet").wait_for(timeout=30_000)
    settle(page)
    assert "It has no resident embassy in Seoul." in page.get_by_test_id("stAlert").inner_text()
    page.get_by_role("button", name="Show all countries").click()
    settle(page)
    assert page.get_by_text("No meeting with Niger").count() == 0
    assert page.get_by_role("heading", name="Engaged countries").count() == 1
    click_country(page, "NER")
    page.get_by_role("button", name="Record a meeting with Niger").click()
    settle(page)
    assert "/Record" in page.url  # the form starts with the country
    country = page.locator("[data-testid='stSelectbox']").filter(has_text="Country").first
    country.wait_for(timeout=30_000)
    shown = country.evaluate("box => box.innerText + ' ' + box.querySelector('input').value")
    assert "Niger" in shown


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_in_korean_light_and_dark(browser, server, shipped, shots, scheme):
    page = new_page(browser, scheme=scheme)
    try:
        open_page(page, f"{server}/?lang=ko&colour=Last+contact")
        colours = world_map.palette(scheme == "dark")
        with i18n.speaking("ko"):
            rows = world_map.country_rows(
                summary_of(shipped), "Last contact", dark=scheme == "dark"
            ).set_index("iso3")
        for code, colour in map_colours(page, BIG + NEVER).items():
            assert close(colour, rows.loc[code, "colour"]), (code, colour)
        assert map_colours(page, ["NER"])["NER"] == colours.nothing
        lines = map_tooltip(page, "CAN").splitlines()
        assert lines[0].strip() == "캐나다" and any("면담 수: 3" in line for line in lines)
        assert "아직 면담 없음" in page.locator(".map-legend").inner_text()
        shot(page, shots, f"outreach-map-ko-{scheme}")
    finally:
        page.context.close()


# Charts ----------------------------------------------------------------------------------


def test_timeline_draws_a_mark_for_every_meeting_on_a_date_axis(page, server, shipped, shots):
    open_page(page, f"{server}/Timeline")
    # Both charts are Vega's canvases (what they draw: tests/test_month_chart.py and
    # tests/test_strip_chart.py): here, drawn in the app, each bar and mark explained by
    # its tooltip. Meetings per month: the bars of Asia, the most met region.
    asia = timeline_drawing.mark_pixels(page, month_chart.REGION_COLOURS["Asia"], number=0)
    assert asia
    lines = timeline_drawing.tooltip_at(page, asia[len(asia) // 2]).splitlines()
    assert lines[0].strip() == "Asia" and any(line.startswith("Meetings: ") for line in lines)
    page.mouse.move(0, 0)
    # Meetings by country: a row for each country, its marks on the page.
    marks = aggregates.strip_marks(shipped)
    canvas = timeline_drawing.strip_canvas(page)
    assert canvas.bounding_box()["height"] >= strip_chart.ROW_STEP * marks["iso3"].nunique()
    drawn = timeline_drawing.mark_pixels(page, hex_colour(over(MARK, "#ffffff", 0.9)))
    assert drawn
    names = {country_name(code, "en") for code in marks["iso3"]}
    lines = timeline_drawing.tooltip_at(page, drawn[len(drawn) // 2]).splitlines()
    assert lines[0].strip() in names and any("Counterpart:" in line for line in lines)
    legend = page.locator(".strip-legend").inner_text()
    assert all(kind in legend for kind in ("Exact date", "Approximate date", "Date window"))
    shot(page, shots, "timeline")


def hex_colour(rgb) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(round(c) for c in rgb))


def test_programs_heatmap_and_bars_have_titles(page, server, shots):
    open_page(page, f"{server}/Programs")
    bars, heatmap = figures(page)
    assert bars["xtitle"] and heatmap["xtitle"] and heatmap["ytitle"]
    shot(page, shots, "programs")


# Links, history, downloads -----------------------------------------------------------------


def test_deep_link_shows_only_that_region_and_downloads_exactly_it(page, server, shipped, shots):
    open_page(page, f"{server}/Data?region=Europe")
    europe = apply(shipped, Filters.of(region="Europe"))
    assert count_caption(page) == f"{len(europe)} of {len(shipped)} meetings shown"
    path, name = download(page, "Download CSV")
    table = read_csv(path)
    assert sorted(table["id"]) == sorted(europe["id"])
    assert name == "meetings_Europe.csv"
    assert read_meetings(io.BytesIO(path.read_bytes())).problems == []
    path, name = download(page, "Download XLSX")
    assert name == "meetings_Europe.xlsx"
    again = read_meetings(io.BytesIO(path.read_bytes()), name=name)
    assert again.problems == [] and sorted(again.meetings["id"]) == sorted(europe["id"])
    shot(page, shots, "data")


def test_filters_follow_page_switches_back_and_reload(page, server, shipped):
    open_page(page, f"{server}/?region=Europe")
    page.get_by_role("link", name="Timeline", exact=True).click()
    settle(page)
    assert page.url.endswith("/Timeline?region=Europe")
    page.get_by_role("link", name="Record a meeting").click()
    settle(page)
    assert "region=Europe" in page.url
    page.go_back()
    settle(page)
    assert page.url.endswith("/Timeline?region=Europe")
    page.reload()
    settle(page)
    europe = apply(shipped, Filters.of(region="Europe"))
    assert count_caption(page) == f"{len(europe)} of {len(shipped)} meetings shown"
    page.go_back()
    settle(page)
    assert page.url.endswith("/?region=Europe")


def test_link_to_this_view_holds_the_filters_and_the_colouring(page, server, shipped):
    open_page(page, f"{server}/?subregion=Central+Asia")
    page.get_by_role("radio", name="Last contact").click()
    settle(page)
    page.get_by_text("Link to this view").click()
    link = page.get_by_test_id("stCode").inner_text().strip()
    assert "subregion=Central+Asia" in link and "colour=Last+contact" in link
    open_page(page, link)
    central = apply(shipped, Filters.of(subregion="Central Asia"))
    assert count_caption(page) == f"{len(central)} of {len(shipped)} meetings shown"
    assert page.get_by_role("radio", name="Last contact").get_attribute("aria-checked") == "true"


# Recording with colleagues ---------------------------------------------------------------


def type_name(page, name: str) -> None:
    box = page.get_by_label("Your name")
    box.fill(name)
    box.press("Enter")
    settle(page)


@pytest.fixture
def own_server(tmp_path):
    """A server on a database of its own, for tests that change the meetings."""
    database = seeded_sqlite(tmp_path)
    with app_server({"OUTREACH_DB_URL": database}) as base:
        yield base, database


def test_a_colleagues_new_meeting_shows_on_the_next_rerun(browser, own_server):
    server, database = own_server
    reader = new_page(browser)
    try:
        open_page(reader, server)
        before = int(metric(reader, "Meetings"))
        with Store.open(database) as store:
            store.add({"date": "2030-06-01", "country": "Chile", "counterpart": "Later"}, "col")
        # Any rerun of the page (the colouring switch now reruns only the map's fragment).
        reader.get_by_role("button", name="Reset filters").click()
        settle(reader)
        assert metric(reader, "Meetings") == str(before + 1)  # the month range is open-ended
        assert count_caption(reader).startswith(f"{before + 1} of")
    finally:
        reader.context.close()


def test_a_follow_up_is_marked_done_in_its_row(page, own_server):
    server, database = own_server
    open_page(page, f"{server}/Follow-ups")
    type_name(page, "Min-ji Kim")
    with Store.open(database) as store:
        open_before = (store.meetings()["follow_up_status"] == "open").sum()
    click_cell(page, row=0, double=True)
    page.wait_for_timeout(300)
    page.keyboard.type("done")
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_text("Saved:").wait_for(timeout=30_000)
    with Store.open(database) as store:
        assert (store.meetings()["follow_up_status"] == "open").sum() == open_before - 1


def test_follow_ups_download_to_a_calendar_and_its_links_open_the_meeting(
    browser, own_server, shots
):
    import icalendar

    server, database = own_server
    due = {}
    with Store.open(database) as store:
        pledged = store.meetings()
        pledged = pledged[(pledged["follow_up"] != "") & (pledged["follow_up_status"] == "open")]
        for day, id in enumerate(pledged["id"][:3], start=1):
            due[id] = f"2027-01-0{day}"
            store.update(id, {"follow_up_due": due[id], "follow_up_owner": "Min-ji Kim"}, "test")
        store.update(pledged["id"].iloc[3], {"follow_up_status": "dropped"}, "test")
        store.update(pledged["id"].iloc[3], {"follow_up_due": "2027-02-01"}, "test")
    looks = [("laptop", "light"), ("laptop", "dark"), ("phone", "light"), ("phone", "dark")]
    for screen, scheme in looks:
        page = new_page(browser, screen, scheme)
        try:
            open_page(page, f"{server}/Follow-ups")
            assert problems_on_screen(page) == []
            page.get_by_text("3 pledges with a due date;").wait_for()
            shot(page, shots, f"follow-ups-calendar-{screen}-{scheme}")
        finally:
            page.context.close()

    page = new_page(browser)
    try:
        open_page(page, f"{server}/Follow-ups")
        path, name = download(page, "Add to a calendar")
        assert name == "follow-ups_all.ics"
        events = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
        assert {str(e["UID"]) for e in events} == {f"{id}-follow-up@outreach-atlas" for id in due}
        assert {e.decoded("DTSTART").isoformat() for e in events} == set(due.values())
        links = {str(e["URL"]) for e in events}
        assert links == {f"{server}/Data?meeting={id}" for id in due}
        page.get_by_text("Include done and dropped as cancelled").click()
        settle(page)
        page.get_by_text("4 pledges with a due date (1 of them as cancelled)").wait_for()
        path, _name = download(page, "Add to a calendar")
        events = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
        assert sorted(str(e["STATUS"]) for e in events) == ["CANCELLED"] + ["CONFIRMED"] * 3
        # The event's link opens its meeting on the Data page.
        first = sorted(due)[0]
        open_page(page, f"{server}/Data?meeting={first}")
        page.get_by_text("The meeting from the link", exact=True).wait_for()
        with Store.open(database) as store:
            page.get_by_text(store.get(first)["follow_up"]).first.wait_for()
        assert problems_on_screen(page) == []
        shot(page, shots, "data-linked-meeting")
        assert outside_requests(page.requests, server) == []
    finally:
        page.context.close()

    page = new_page(browser)
    try:
        open_page(page, f"{server}/Follow-ups?lang=ko")
        page.get_by_text("기한이 있는 약속 3건").wait_for()
        path, name = download(page, "캘린더에 추가")
        assert name == "후속조치_전체.ics"
        text = path.read_bytes().decode("utf-8")
        assert "약속: " in text and "담당자: Min-ji Kim" in text
        shot(page, shots, "follow-ups-calendar-ko")
    finally:
        page.context.close()


# Other data sources ----------------------------------------------------------------------


def test_an_empty_database_invites_recording(browser, tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    Store.open(url, create=True).close()
    with app_server({"OUTREACH_DB_URL": url}) as base:
        page = new_page(browser)
        try:
            for path in PAGES[:5]:
                open_page(page, base + path)
                assert problems_on_screen(page) == [], path
                assert page.get_by_text("There are no meetings to show yet").count() == 1, path
        finally:
            page.context.close()


def test_a_read_only_file_and_an_upload(browser, tmp_path):
    data = ROOT / "tests" / "fixtures" / "semicolon.csv"
    with app_server({"OUTREACH_DATA": str(data)}) as base:
        page = new_page(browser)
        try:
            open_page(page, base)
            assert metric(page, "Meetings") == "2"
            open_page(page, base + "/Record")
            assert page.get_by_text("read-only").count() == 1
            open_page(page, base + "/Data")
            upload = ROOT / "tests" / "fixtures" / "mixed.csv"
            page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
            settle(page)
            assert count_caption(page) == "3 of 3 meetings shown"
            page.get_by_role("link", name="Outreach map").click()
            settle(page)
            assert metric(page, "Meetings") == "3"
            assert problems_on_screen(page) == []
        finally:
            page.context.close()


def test_seed_meetings_match_the_map_figures(page, server, shipped):
    """Counts on the page equal a plain count of the data."""
    open_page(page, f"{server}/?region=Asia")
    asia = shipped[shipped["region"] == "Asia"]
    assert metric(page, "Meetings") == str(len(asia))
    assert metric(page, "Countries engaged") == str(asia["iso3"].nunique())
    open_follow_ups = asia[asia["follow_up_status"] == "open"]
    assert metric(page, "Open follow-ups") == str(len(open_follow_ups))
    assert isinstance(pd.Timestamp(asia["date"].max()), pd.Timestamp)


SEED_ITEM = ROOT / "tests" / "fixtures" / "news" / "seed_retold.txt"  # the seed, our words


def test_a_news_item_pasted_edited_and_saved_is_on_the_map_and_in_the_download(browser, tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    Store.open(url, create=True).close()
    item = SEED_ITEM.read_text(encoding="utf-8")
    with app_server({"OUTREACH_DB_URL": url}) as base:
        page = new_page(browser)
        try:
            open_page(page, base + "/Import")
            type_name(page, "Min-ji Kim")
            page.get_by_role("tab", name="From a news item").click()
            page.get_by_label("The news item").fill(item)
            page.get_by_label("The news item").press("Control+Enter")
            settle(page)
            page.get_by_label("Source link (https://…)").fill("https://example.org/news/1")
            page.get_by_label("Source link (https://…)").press("Enter")
            settle(page)
            page.get_by_role("button", name="Draft the meetings").click()
            settle(page)
            click_cell(page, row=0, column_x=90, table=0)  # past the row marker
            for _step in range(4):  # country, date, precision, when → counterpart
                page.keyboard.press("ArrowRight")
            page.keyboard.type("A")  # a key opens the cell's editor with it
            page.wait_for_timeout(500)
            page.keyboard.type("mbassador (edited)", delay=30)
            page.keyboard.press("Enter")
            settle(page)
            page.get_by_role("button", name="Save these meetings").click()
            settle(page)
            page.get_by_text("Imported 6 meetings").wait_for(timeout=30_000)
            open_page(page, base)
            imported = map_colours(page, ["CAN", "KAZ", "MEX", "TJK", "TKM", "AFG"])
            assert world_map.LIGHT.nothing not in set(imported.values())
            open_page(page, base + "/Data")
            path, _name = download(page, "Download CSV")
            table = read_csv(path)
            assert len(table) == 6
            assert "Ambassador (edited)" in set(table["counterpart"])
            assert set(table["source_url"]) == {"https://example.org/news/1"}
        finally:
            page.context.close()


# Briefs ------------------------------------------------------------------------------------


def pdf_text(path: Path) -> tuple[str, int]:
    """The text of a downloaded PDF and how many shapes its first page fills (the map's)."""
    from pypdf import PdfReader

    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = PdfReader(io.BytesIO(data)).pages
    words = pages[0].get_contents().get_data().decode("latin-1").split()
    filled = sum(word in {"f", "f*", "B", "B*", "b", "b*"} for word in words)
    return "\n".join(p.extract_text() for p in pages), filled


def test_the_country_brief_downloads_from_the_map_panel(page, server, shipped, shots):
    from datetime import date

    open_page(page, server)
    click_country(page, "CAN")
    button = page.get_by_test_id("stDownloadButton").filter(has_text="Brief for a visit")
    button.wait_for(timeout=30_000)
    settle(page)
    shot(page, shots, "country-panel-brief")
    path, name = download(page, "Brief for a visit")
    assert name == f"brief_Canada_{date.today().isoformat()}.pdf"
    text, _shapes = pdf_text(path)
    assert "Canada" in text.splitlines()[1]
    assert text.count(" — ") >= len(shipped[shipped["iso3"] == "CAN"])
    assert outside_requests(page.requests, server) == []


def test_the_korean_brief_and_the_organisation_brief(browser, server, shots):
    for scheme in ("light", "dark"):
        page = new_page(browser, scheme=scheme)
        open_page(page, f"{server}/?country=Canada&lang=ko")
        path, name = download(page, "방문용 국가 브리핑")
        assert name.startswith("국가브리핑_캐나다_") and name.endswith(".pdf")
        assert "캐나다" in pdf_text(path)[0]
        shot(page, shots, f"country-panel-brief-ko-{scheme}")
        page.context.close()
    page = new_page(browser)
    open_page(page, f"{server}/Data?region=Asia")
    page.get_by_role("button", name="Organisation brief").click()
    button = page.get_by_test_id("stDownloadButton").filter(has_text="organisation brief")
    button.wait_for(timeout=90_000)
    settle(page)
    shot(page, shots, "data-organisation-brief")
    path, name = download(page, "Download the organisation brief")
    assert name.startswith("organisation_brief_Asia_")
    text, shapes = pdf_text(path)
    assert "Region: Asia" in text and "Kazakhstan" in text and "Canada" not in text
    # the map, drawn by vl-convert on the server (no browser) as vector shapes
    assert "Countries coloured by meetings" in text and shapes >= 150
    assert outside_requests(page.requests, server) == []
    page.context.close()
