"""A Korean browser, in a real Chromium: every page in Korean with no English word left, the
figures' titles in Korean, Hangul drawn, and English one click away with the same view."""

from pathlib import Path

import pytest

from lib import month_chart
from lib.filters import Filters, apply
from lib.palette import MARK
from lib.store import Store
from tests import timeline_drawing
from tests.browsing import app_server, click_cell, new_page, open_page, settle
from tests.browsing import figures as drawn_figures
from tests.colours import over
from tests.databases import seeded_sqlite
from tests.english import english_left, written_values

pytestmark = pytest.mark.browser
LAPTOP, PHONE = (1280, 800), (390, 844)
README = (1400, 1000)  # the size of the README's screenshots
EDITED = "2019-04-can-amb"

# Every text node of the app a person may read, but what is not ours or not text:
# - icon ligatures ("public", "keyboard_double_arrow_left") and the page's <noscript>;
# - Streamlit's "Skip to main content" link (drawn only on keyboard focus; no way to change it);
# - the file uploader's drop zone: Streamlit writes "Drag and drop a file here", "Upload" and
#   "200MB per file • CSV, XLSX" itself, and st.file_uploader has no parameter for them in 1.67
#   (asked for in streamlit/streamlit#13500); the uploader's label, ours, is read;
# - outside the app, the date box's screen-reader announcer ("Selected Date: April 02, 2019"),
#   Streamlit's own too.
# Charts' SVG text (titles, ticks, legends) is read; table cells from the grid's accessible table.
SHOWN_TEXT = """() => {
  const skip = '[data-testid="stIconMaterial"], [data-testid="stExpanderIcon"], '
    + '[data-testid="stAlertDynamicIcon"], [data-testid="stFileUploaderDropzone"], '
    + '[data-testid="stSkipToContent"], noscript, script, style';
  const texts = [];
  const app = document.querySelector('[data-testid="stApp"]');
  const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const parent = walker.currentNode.parentElement;
    if (text && parent && !parent.closest(skip)) texts.push(text);
  }
  return texts;
}"""


def korean_page(browser, size=LAPTOP, scheme: str = "light"):
    """A tab of a browser set to Korean (as a colleague's in Seoul): no ?lang in any link."""
    return new_page(browser, size, scheme, locale="ko-KR")


@pytest.fixture
def page(browser):
    tab = korean_page(browser)
    yield tab
    tab.context.close()


def shown_texts(page) -> list[str]:
    """Every text a person may read on the page (see SHOWN_TEXT)."""
    return page.evaluate(SHOWN_TEXT)


def english_on(page, shipped, *written: str) -> dict[str, str]:
    """English words on the page, beyond what people wrote."""
    return english_left(shown_texts(page), written_values(shipped, *written))


def figure_words(page) -> list[str]:
    """The figures' axis titles, legend entries and colour-bar titles, as plotly.js drew them."""
    words = [
        title for figure in drawn_figures(page) for title in figure["xtitle"] + figure["ytitle"]
    ]
    return words + page.evaluate(
        """() => Array.from(document.querySelectorAll(
            '.js-plotly-plot .legendtext, .js-plotly-plot .cbtitle text'
        )).map(t => t.textContent).filter(t => t.trim())"""
    )


def shot(page, shots: Path, name: str) -> None:
    page.screenshot(path=shots / f"{name}.png", full_page=True)


# The check itself ----------------------------------------------------------------------------


def test_the_check_finds_an_english_title_left_on_a_korean_page(page, server, shipped):
    open_page(page, f"{server}/Timeline")
    assert english_on(page, shipped) == {}
    page.evaluate(
        """() => { const h = document.createElement('h3');
        h.textContent = 'Meetings per month';
        document.querySelector('[data-testid="stMain"]').appendChild(h); }"""
    )
    assert set(english_on(page, shipped)) == {"Meetings", "per", "month"}


# Every page, every state -------------------------------------------------------------------

STATES = [
    ("/", "면담 지도"),
    ("/?colour=Coverage", "면담 지도"),
    ("/?colour=Last+contact&region=Asia", "면담 지도"),
    ("/?country=Canada", "면담 지도"),
    ("/?country=Argentina", "면담 지도"),
    ("/Timeline", "타임라인"),
    ("/Programs", "프로그램 관심도"),
    ("/Programs?country=Afghanistan", "프로그램 관심도"),
    ("/Data", "데이터 및 내려받기"),
    ("/Follow-ups", "후속조치"),
    ("/Follow-ups?status=all", "후속조치"),
    ("/Follow-ups?status=dropped", "후속조치"),
    ("/Data?country=Canada&region=Africa", "데이터 및 내려받기"),
    ("/Timeline?q=없는검색어", "타임라인"),  # the advice quotes the search back
    ("/Record", "면담 기록"),
    (f"/Record?meeting={EDITED}", "면담 기록"),
    ("/Import", "면담 가져오기"),
]


def test_a_korean_browser_gets_every_page_in_korean(page, server, shipped):
    for path, title in STATES:
        open_page(page, server + path)
        assert "lang=" not in page.url, path  # the browser's language, not a link's
        assert page.locator('[data-testid="stMain"] h1').first.inner_text() == title, path
        assert english_on(page, shipped) == {}, path
        if page.get_by_test_id("stPlotlyChart").count():
            words = figure_words(page)
            assert words and english_left(words) == {}, (path, words)


def test_the_figures_titles_and_axes_are_korean(page, server):
    open_page(page, f"{server}/Timeline")
    # The Timeline's charts are Vega's canvases (their axes and legends in Korean:
    # tests/test_month_chart.py, tests/test_strip_chart.py): their tooltips speak Korean.
    asia = timeline_drawing.mark_pixels(page, month_chart.REGION_COLOURS["Asia"], number=0)
    lines = timeline_drawing.tooltip_at(page, asia[len(asia) // 2]).splitlines()
    assert lines[0].strip() == "아시아" and any(line.startswith("면담 수: ") for line in lines)
    page.mouse.move(0, 0)
    legend = page.locator(".strip-legend").inner_text()
    assert all(kind in legend for kind in ("정확한 날짜", "대략적인 날짜", "날짜 범위"))
    drawn = timeline_drawing.mark_pixels(
        page, "#{:02x}{:02x}{:02x}".format(*(round(c) for c in over(MARK, "#ffffff", 0.9)))
    )
    lines = timeline_drawing.tooltip_at(page, drawn[len(drawn) // 2]).splitlines()
    assert not english_left(lines[:1]) and any(line.startswith("상대방") for line in lines)
    open_page(page, f"{server}/Programs")
    bars, heatmap = drawn_figures(page)
    assert bars["ytitle"] == ["프로그램"] and heatmap["xtitle"] == ["지역"]
    assert "서울스마트시티상" in bars["layout"]["yaxis"]["ticks"]


def test_a_meeting_opened_from_the_table_reads_in_korean(page, server, shipped):
    open_page(page, f"{server}/Data?country=Canada")
    click_cell(page, row=0)
    settle(page)
    page.get_by_role("button", name="이 면담 수정").wait_for(timeout=30_000)
    assert english_on(page, shipped) == {}
    page.get_by_role("button", name="이 면담 수정").click()
    settle(page)
    page.get_by_role("heading", name="면담 기록").wait_for(timeout=30_000)
    assert "meeting=" in page.url
    assert english_on(page, shipped) == {}


# English one click away, the same view -----------------------------------------------------


def test_english_is_one_click_away_with_the_same_view(page, server, shipped):
    open_page(page, f"{server}/Data?region=Europe&start=2019-01")
    europe = apply(shipped, Filters.of(region="Europe", start="2019-01"))
    caption = page.get_by_test_id("stSidebar").get_by_text("건 표시")
    assert caption.inner_text() == f"면담 {len(shipped)}건 중 {len(europe)}건 표시"
    page.get_by_test_id("stSidebar").get_by_role("radio", name="English").click()
    settle(page)
    page.get_by_role("heading", name="Data and downloads").wait_for(timeout=30_000)
    assert "region=Europe" in page.url and "start=2019-01" in page.url and "lang=en" in page.url
    shown = page.get_by_test_id("stSidebar").get_by_text("meetings shown").inner_text()
    assert shown == f"{len(europe)} of {len(shipped)} meetings shown"
    assert "Europe" in page.locator("[class*='st-key-region']").first.inner_text()
    page.get_by_test_id("stSidebar").get_by_role("radio", name="한국어").click()
    settle(page)
    page.get_by_role("heading", name="데이터 및 내려받기").wait_for(timeout=30_000)
    assert (
        "region=Europe" in page.url
        and "유럽" in page.locator("[class*='st-key-region']").first.inner_text()
    )


# What a person sees: Hangul drawn, light and dark, laptop and phone --------------------------

SCREENS = [
    ("/", "map-ko"),
    ("/Timeline", "timeline-ko"),
    ("/Follow-ups?status=all", "follow-ups-ko"),
    ("/Record", "record-ko"),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_korean_screens_light_and_dark(browser, server, shipped, shots, scheme):
    page = korean_page(browser, README, scheme)
    try:
        for path, name in SCREENS:
            open_page(page, server + path)
            assert english_on(page, shipped) == {}, path
            shot(page, shots, name if scheme == "light" else name.replace("-ko", "-dark-ko"))
    finally:
        page.context.close()


def test_korean_on_a_phone(browser, server, shipped, shots):
    page = korean_page(browser, PHONE)
    try:
        open_page(page, server)
        assert english_on(page, shipped) == {}
        shot(page, shots, "map-phone-ko")
    finally:
        page.context.close()


def test_a_follow_up_marked_done_in_korean_says_so_in_korean(browser, tmp_path):
    url = seeded_sqlite(tmp_path)
    with Store.open(url) as store:
        open_before = (store.meetings()["follow_up_status"] == "open").sum()
    with app_server({"OUTREACH_DB_URL": url}) as base:
        page = korean_page(browser)
        try:
            open_page(page, f"{base}/Follow-ups")
            box = page.get_by_label("이름")
            box.fill("김민지")
            box.press("Enter")
            settle(page)
            click_cell(page, row=0, double=True)
            page.wait_for_timeout(300)
            page.keyboard.type("완료")
            page.keyboard.press("Enter")
            settle(page)
            page.get_by_text("저장했습니다:").wait_for(timeout=30_000)
            assert "완료" in page.get_by_text("저장했습니다:").inner_text()
        finally:
            page.context.close()
    with Store.open(url) as store:
        assert (store.meetings()["follow_up_status"] == "open").sum() == open_before - 1
