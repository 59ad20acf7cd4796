"""How the pages sit on a screen, in a real Chromium: lists that open on one click, months
and links shown whole, tables that keep their key column in view, no toolbar over text, the
map on a phone's first screen, Hangul from the app's own font, typed text never a link,
and no raw list of page files on a new server's first page."""

import pytest

from lib.store import Store
from tests.browsing import app_server, new_page, open_page, settle
from tests.databases import seeded_sqlite
from tests.test_typed_text import TYPED

pytestmark = pytest.mark.browser
LAPTOP, PHONE = (1280, 720), (390, 844)
TYPED_ID = "2019-04-can-amb"


@pytest.fixture(scope="module")
def typed_database(tmp_path_factory):
    """The shipped meetings, one of them with text typed to look like markdown and links."""
    url = seeded_sqlite(tmp_path_factory.mktemp("db"))
    with Store.open(url) as store:
        store.update(TYPED_ID, TYPED, "tester")
    return url


@pytest.fixture(scope="module")
def server(typed_database):
    with app_server({"OUTREACH_DB_URL": typed_database}) as base:
        yield base


@pytest.mark.parametrize(
    "address, key",
    [("/", "start"), ("/", "end"), ("/Programs", "focus-en")],
    ids=["from-month", "to-month", "who-showed-interest"],
)
def test_one_click_opens_the_list_and_it_stays_open(page, server, address, key):
    open_page(page, server + address)
    box = page.locator(f".st-key-{key} [role=combobox]")
    box.scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # a person sees the box before clicking it
    where = box.bounding_box()
    page.mouse.click(where["x"] + 30, where["y"] + where["height"] / 2)
    page.wait_for_timeout(1500)
    assert box.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("listbox").count() == 1


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_one_click_opens_to_month_while_the_from_month_reruns_the_page(browser, server, size):
    """A person scrolls the sidebar with the wheel, picks From month and at once clicks To
    month, while the page runs again: the list opens and stays open."""
    page = new_page(browser, size)
    open_page(page, server + "/")
    if size == PHONE:
        page.get_by_test_id("stExpandSidebarButton").click()
        page.wait_for_timeout(600)
    start, end = (page.locator(f".st-key-{key} [role=combobox]") for key in ("start", "end"))
    page.mouse.move(150, size[1] / 2)
    for _ in range(30):  # until both boxes are in view (the sidebar may end before)
        page.mouse.wheel(0, 100)
        page.wait_for_timeout(100)
    page.wait_for_timeout(500)
    where = start.bounding_box()
    page.mouse.click(where["x"] + 30, where["y"] + where["height"] / 2)
    page.keyboard.type("2021-0")
    page.keyboard.press("Enter")
    where = end.bounding_box()
    page.mouse.click(where["x"] + 30, where["y"] + where["height"] / 2)
    page.wait_for_timeout(2000)
    assert start.input_value() == "2021-01"
    assert end.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("listbox").count() == 1
    page.context.close()


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_chosen_months_show_whole_and_the_link_is_one_line(browser, server, size):
    page = new_page(browser, size)
    open_page(page, server + "/?start=2021-06&end=2022-11")
    if size == PHONE:
        page.get_by_test_id("stExpandSidebarButton").click()
        page.wait_for_timeout(600)
    months = page.evaluate(
        """() => ['start', 'end'].map(key => {
            const box = document.querySelector(`.st-key-${key} [role=combobox]`);
            const clear = document.querySelector(`.st-key-${key} [role=group] button`);
            const style = getComputedStyle(box);
            const pen = document.createElement('canvas').getContext('2d');
            pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const left = box.getBoundingClientRect().left + parseFloat(style.paddingLeft);
            const right = Math.min(box.getBoundingClientRect().right,
                                   clear ? clear.getBoundingClientRect().left : Infinity);
            return {value: box.value, text: pen.measureText(box.value).width,
                    room: right - left};
        })"""
    )
    assert [m["value"] for m in months] == ["2021-06", "2022-11"]
    assert all(m["text"] <= m["room"] for m in months), months
    link = page.get_by_test_id("stSidebar").get_by_test_id("stExpander").last
    link.locator("summary").click()
    page.wait_for_timeout(500)
    code = link.locator("pre").first
    lines = code.evaluate(
        "e => Math.round(e.querySelector('code').getBoundingClientRect().height"
        " / parseFloat(getComputedStyle(e.querySelector('code')).lineHeight))"
    )
    assert lines == 1
    assert "start=2021-06&end=2022-11" in code.inner_text()
    page.context.close()


def test_follow_ups_keep_the_country_in_view_at_laptop_width(page, server):
    open_page(page, server + "/Follow-ups?status=all")
    headers = page.evaluate(
        "() => Array.from(document.querySelectorAll('[data-testid=stDataFrame] th'))"
        ".map(th => th.innerText.trim())"
    )  # the grid's accessible table holds the columns drawn in view
    assert headers[:3] == ["Status", "Country", "Follow-up"], headers


def test_the_data_tables_toolbar_covers_no_text(page, server):
    open_page(page, server + "/Data")
    table = page.get_by_test_id("stDataFrame").first
    table.scroll_into_view_if_needed()
    where = table.bounding_box()
    page.mouse.move(where["x"] + 100, where["y"] + 60)
    page.wait_for_timeout(800)
    toolbar = page.get_by_test_id("stElementToolbar").first.bounding_box()
    assert toolbar
    covered = page.evaluate(
        """t => Array.from(document.querySelectorAll(
            '[data-testid=stMain] [data-testid=stCaptionContainer], '
            + '[data-testid=stMain] [data-testid=stMarkdownContainer] p'))
          .map(e => [e.innerText, e.getBoundingClientRect()])
          .filter(([text, r]) => text && r.right > t.x && r.left < t.x + t.width
                  && r.bottom > t.y && r.top < t.y + t.height)
          .map(([text]) => text)""",
        toolbar,
    )
    assert covered == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_map_starts_on_a_phones_first_screen(browser, server, scheme, language):
    page = new_page(browser, PHONE, scheme)
    open_page(page, f"{server}/?lang={language}")
    top = page.locator(".st-key-map").bounding_box()["y"]
    # Before: 569 px down (two thirds of the screen), under 6rem of header room and
    # figures drawn at a laptop's size.
    assert top < 0.6 * PHONE[1], top
    page.context.close()


def test_korean_reads_in_the_apps_own_hangul_font(page, server):
    open_page(page, server + "/Data?lang=ko")
    fonts = [u for u in page.requests if "/fonts/" in u]
    assert fonts and all(u.startswith(server + "/app/static/fonts/") for u in fonts), fonts
    loaded = page.evaluate(
        "() => Array.from(document.fonts).filter(f => f.family.includes('Atlas Hangul'))"
        ".map(f => f.status)"
    )
    assert loaded and set(loaded) == {"loaded"}, loaded
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    for selector in (
        '[data-testid="stMain"] h1',
        '[data-testid="stMain"] [data-testid="stCaptionContainer"]',
    ):
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        # The Hangul is drawn from the served font, not from whatever the computer has.
        assert "Atlas Hangul" in {font["familyName"] for font in used}, (selector, used)


def test_the_file_uploaders_words_are_korean(page, server):
    open_page(page, server + "/Import?lang=ko")
    words = page.get_by_test_id("stFileUploader").first.evaluate(
        """e => [e.querySelector('button p'),
                 e.querySelector('[data-testid=stFileUploaderDropzoneInstructions] span')]
            .map(part => [getComputedStyle(part).fontSize,
                          getComputedStyle(part, '::after').content])"""
    )
    assert words == [["0px", '"파일 올리기"'], ["0px", '"파일당 200MB • CSV, XLSX"']]


def test_typed_addresses_are_text_and_only_the_source_is_a_link(page, server):
    open_page(page, f"{server}/Data?meeting={TYPED_ID}")
    links = page.evaluate(
        "() => Array.from(document.querySelectorAll('[data-testid=stMain] a'))"
        ".filter(a => !a.href.includes('#')).map(a => a.href)"
    )
    assert links == ["https://www.example.org/news/item_%281%29"]
    shown = page.get_by_test_id("stMain").inner_text().replace("\u2060", "")
    assert 'HYPERLINK("http://evil.example","click")' in shown


def test_a_new_servers_first_page_lists_no_page_files(browser, typed_database):
    watch = """window.seen = [];
      new MutationObserver(() => {
        const nav = document.querySelector('[data-testid=stSidebarNav]');
        if (nav) window.seen.push(nav.innerText);
      }).observe(document, {childList: true, subtree: true});"""
    with app_server({"OUTREACH_DB_URL": typed_database}) as base:
        page = new_page(browser)
        page.context.add_init_script(watch)
        open_page(page, base + "/Data")
        settle(page)
        assert page.evaluate("window.seen") == []
        assert page.get_by_test_id("stSidebar").get_by_text("Data and downloads").count()
        page.context.close()
