"""The sidebar's filters in a real Chromium: the Sub-region list follows the Region chosen, in
English and Korean, and a choice that leaves no meeting gets advice naming what was chosen."""

import pytest

from lib import i18n
from lib.countries import countries_table, region_name
from lib.filters import MONTH_LABELS
from lib.i18n import _
from tests.browsing import ROOT, app_server, new_page, open_page, settle, shown_texts

pytestmark = pytest.mark.browser

M49 = countries_table()
EUROPE = set(M49.loc[M49["region"] == "Europe", "subregion"])
ELSEWHERE = set(M49.loc[M49["region"] != "Europe", "subregion"]) - {""}
SELECT_ALL = "Select all"  # Streamlit's own first option of a multiselect, not a value


@pytest.fixture(scope="module")
def server():
    """The app on the shipped file of meetings."""
    with app_server({"OUTREACH_DATA": str(ROOT / "data" / "meetings.csv")}) as base:
        yield base


@pytest.fixture
def page(browser):
    """A laptop tab tall enough for the sidebar's filters."""
    tab = new_page(browser, (1280, 900))
    yield tab
    tab.context.close()


def filter_box(page, label: str):
    """The sidebar's multiselect whose label is exactly `label`."""
    sidebar = page.get_by_test_id("stSidebar")
    return sidebar.get_by_test_id("stMultiSelect").filter(
        has=page.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True)
    )


def offered(page, label: str) -> set[str]:
    """The option texts the filter's list offers when opened (closed again after)."""
    filter_box(page, label).locator("input").click()
    options = page.get_by_role("option")
    options.first.wait_for(timeout=30_000)
    texts = {text.strip() for text in options.all_inner_texts()} - {SELECT_ALL}
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    return texts


def choose(page, label: str, option: str) -> None:
    """Pick one option of the filter's list, as a person does, and wait for the new view."""
    filter_box(page, label).locator("input").click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    settle(page)


@pytest.mark.parametrize(
    ("language", "region", "sub_region"),
    [("en", "Region", "Sub-region"), ("ko", "지역", "하위 지역")],
)
def test_the_sub_region_list_follows_the_region_chosen(server, page, language, region, sub_region):
    open_page(page, f"{server}/Data?lang={language}")
    shown = {name: region_name(name, language) for name in EUROPE | ELSEWHERE}
    before = offered(page, sub_region)
    assert before & {shown[name] for name in ELSEWHERE}  # every region's, to begin with
    choose(page, region, region_name("Europe", language))
    after = offered(page, sub_region)
    assert after, "no sub-region offered with Region = Europe"
    assert after <= {shown[name] for name in EUROPE}, after
    assert "region=Europe" in page.url


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_sub_region_that_leaves_no_meeting_gets_advice_naming_region_and_sub_region(
    server, page, language
):
    open_page(page, f"{server}/Data?region=Europe&subregion=Central%20Asia&lang={language}")
    with i18n.speaking(language):
        named = [
            _("{filter}: {values}", filter=_("Region"), values=region_name("Europe")),
            _("{filter}: {values}", filter=_("Sub-region"), values=region_name("Central Asia")),
        ]
        months = [_(label) for label in MONTH_LABELS.values()]
    advice = {text for text in shown_texts(page) if "Region" in text or "지역" in text}
    advice = [text for text in advice if all(words in text for words in named)]
    assert len(advice) == 1, shown_texts(page)
    assert not any(month in advice[0] for month in months)  # no month range was chosen
    assert f"{named[0]} · {named[1]}" in advice[0]
