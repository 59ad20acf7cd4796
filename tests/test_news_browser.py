"""News drafting in a real Chromium: a two-envoy item in English and one in Korean pasted,
each draft's fields and evidence checked, saved, found on the map and on Follow-ups."""

import pytest

from lib import world_map
from lib.store import Store
from tests.browsing import (
    ROOT,
    app_server,
    close,
    download,
    map_colours,
    open_page,
    problems_on_screen,
    settle,
    summary_of,
)

pytestmark = pytest.mark.browser
ITEMS = ROOT / "tests" / "fixtures" / "news" / "issue18"
WORDS = {
    "en": {
        "name": "Your name", "tab": "From a news item", "item": "The news item",
        "draft": "Draft the meetings", "save": "Save these meetings", "row": "Row {row}: {country}",
        "calendar": "Add to a calendar",
    },
    "ko": {
        "name": "이름", "tab": "뉴스 기사에서", "item": "뉴스 기사", "draft": "면담 초안 만들기",
        "save": "이 면담 저장", "row": "{row}행: {country}", "calendar": "캘린더에 추가",
    },
}  # fmt: skip
# What each draft's evidence must say: its country as the page names it, then words of its
# fields (counterpart, window, cities, pledge, due date) and of the sentences they came from.
EXPECTED = {
    "en": (
        "2025-05-14_two-envoys.txt",
        [
            ("Chile", ["Pedro Zurita", "12 May 2025", "Valparaíso", "by the end of June",
                       "2025-06-30", "Ambassador Zurita presented"]),
            ("Kenya", ["Emily Mworia", "12 May 2025", "Nairobi", "open data platform",
                       "Ms. Mworia promised"]),
        ],
    ),
    "ko": (
        "2025-09-03_ko-two-envoys.txt",
        [
            ("베트남", ["응우옌 반 탄", "2025년 9월 2일", "호찌민", "공무원을 보내기",
                     "베트남 대사는"]),
            ("폴란드", ["안나 코발스카", "2025년 9월 2일", "바르샤바", "10월 말까지",
                     "2025-10-31", "대사관은"]),
        ],
    ),
}  # fmt: skip
NOT_THERE = {"en": {"Chile": ["Nairobi", "Mworia"], "Kenya": ["Valparaíso", "end of June"]},
             "ko": {"베트남": ["바르샤바", "10월 말까지"], "폴란드": ["호찌민"]}}  # fmt: skip


def _draft_and_check(page, base: str, language: str) -> None:
    words = WORDS[language]
    name, drafts = EXPECTED[language]
    open_page(page, base + "/Import" + ("?lang=ko" if language == "ko" else ""))
    page.get_by_label(words["name"]).fill("Min-ji Kim")
    page.get_by_label(words["name"]).press("Enter")
    settle(page)
    page.get_by_role("tab", name=words["tab"]).click()
    box = page.get_by_role("textbox", name=words["item"], exact=True)
    box.fill((ITEMS / name).read_text(encoding="utf-8"))
    box.press("Control+Enter")
    settle(page)
    page.get_by_role("button", name=words["draft"]).click()
    settle(page)
    assert problems_on_screen(page) == []
    for row, (country, expected) in enumerate(drafts, start=1):
        title = words["row"].format(row=row, country=country)
        expander = page.get_by_test_id("stExpander").filter(has_text=title)
        expander.get_by_text(title).click()
        settle(page)
        said = expander.inner_text()
        for piece in expected:
            assert piece in said, (country, piece)
        for piece in NOT_THERE[language][country]:
            assert piece not in said.split("\n")[0], (country, piece)
        # no field of this draft is marked unsure: each came from a sentence about it alone
        assert "⚠" not in said, said
    page.get_by_role("button", name=words["save"]).click()
    settle(page)


def test_two_envoy_items_are_drafted_checked_saved_mapped_and_followed_up(browser, tmp_path):
    import icalendar

    url = f"sqlite:///{tmp_path / 'news.sqlite3'}"
    Store.open(url, create=True).close()
    with app_server({"OUTREACH_DB_URL": url}) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            _draft_and_check(page, base, "en")
            _draft_and_check(page, base, "ko")
            with Store.open(url) as store:
                saved = store.meetings()
            assert sorted(saved["iso3"]) == ["CHL", "KEN", "POL", "VNM"]
            open_page(page, base)
            rows = world_map.country_rows(summary_of(saved), "Meetings").set_index("iso3")
            for code, colour in map_colours(page, ["CHL", "KEN", "POL", "VNM"]).items():
                assert close(colour, rows.loc[code, "colour"]), (code, colour)
            open_page(page, base + "/Follow-ups")
            assert problems_on_screen(page) == []
            path, _name = download(page, WORDS["en"]["calendar"])
            events = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
            due = {e.decoded("DTSTART").isoformat(): str(e["SUMMARY"]) for e in events}
            assert set(due) == {"2025-06-30", "2025-10-31"}
            assert "Chile" in due["2025-06-30"] or "delegation" in due["2025-06-30"]
        finally:
            context.close()
