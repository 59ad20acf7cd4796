"""The outreach map on a screen, in a real Chromium: the world fills the chart's box at a
phone's and a laptop's width (no blank bands above and below it), the whole map is on a
phone's first screen, and a click still lands on the country under the finger."""

import io

import pytest

from lib import world_map
from tests.browsing import (
    click_country,
    close,
    count_caption,
    legend_ramp,
    map_canvas,
    map_colours,
    new_page,
    open_page,
    summary_of,
)

pytestmark = pytest.mark.browser
LAPTOP, PHONE = (1280, 800), (390, 844)
SAMPLED = ("CAN", "BRA", "KAZ", "AUS", "MEX", "NER", "USA")  # large enough to sample


def drawn_share(page) -> tuple[float, float]:
    """The share of the map's rows and of its columns between the first and the last that
    draw something other than the page's background (a blank band draws nothing)."""
    from PIL import Image, ImageChops

    canvas = map_canvas(page)
    canvas.scroll_into_view_if_needed()
    page.mouse.move(0, 0)  # no tooltip over the map
    page.wait_for_timeout(300)
    picture = Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")
    background = Image.new("RGB", picture.size, picture.getpixel((0, 0)))
    difference = ImageChops.difference(picture, background).convert("L")
    left, top, right, bottom = difference.point(lambda v: 255 if v > 24 else 0).getbbox()
    return (bottom - top) / picture.height, (right - left) / picture.width


@pytest.mark.parametrize(
    "size, scheme, language",
    [
        (PHONE, "light", "en"),
        (PHONE, "dark", "ko"),
        (LAPTOP, "light", "ko"),
        (LAPTOP, "dark", "en"),
    ],
    ids=["phone-light-en", "phone-dark-ko", "laptop-light-ko", "laptop-dark-en"],
)
def test_the_world_fills_the_maps_box(browser, server, size, scheme, language):
    page = new_page(browser, size, scheme)
    open_page(page, f"{server}/?lang={language}")
    box = map_canvas(page).bounding_box()
    rows, columns = drawn_share(page)
    # Before: at 390 px the world took 180 of the box's 360 rows, blank bands around it.
    assert rows > 0.9, (rows, box)
    assert columns > 0.85, (columns, box)
    assert box["height"] == pytest.approx(box["width"] / world_map.WORLD_PROPORTIONS, abs=3)
    if size == PHONE:  # the whole map is on the first screen
        top = page.locator(".st-key-map").bounding_box()["y"]
        assert top + box["height"] < PHONE[1], (top, box)
    page.context.close()


def test_a_phones_map_draws_each_country_where_a_click_finds_it(browser, server, shipped):
    page = new_page(browser, PHONE)
    open_page(page, server)
    rows = world_map.country_rows(summary_of(shipped)).set_index("iso3")
    for code, colour in map_colours(page, SAMPLED).items():
        assert close(colour, rows.loc[code, "colour"]), (code, colour, rows.loc[code, "colour"])
    click_country(page, "NER")
    page.get_by_text("No meeting with Niger is recorded yet").wait_for(timeout=30_000)
    open_page(page, server)
    click_country(page, "CAN")
    page.wait_for_url("**country=Canada**", timeout=30_000)
    page.context.close()


def test_the_maps_file_name_in_the_address_leads_to_the_map(page, server, shipped):
    """/Map (the page file's name) or /map opens the map at / with the same view, not
    Streamlit's "Page not found"."""
    view = "region=Europe&country=Italy&country=Poland&colour=Coverage"
    # a server's first run goes another way than the later ones
    for typed in ("Map", "map", "Map"):
        open_page(page, f"{server}/{typed}?{view}")
        page.wait_for_timeout(1000)
        assert page.get_by_role("dialog").count() == 0
        assert page.get_by_role("heading", name="Outreach map").count() == 1
        assert page.url == f"{server}/?{view}"
        chosen = shipped["country"].isin(["Italy", "Poland"]).sum()
        assert count_caption(page) == f"{chosen} of {len(shipped)} meetings shown"
        map_canvas(page)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_phones_legend_keeps_each_number_beside_its_end_of_the_ramp(browser, server, language):
    page = new_page(browser, PHONE, "light")
    open_page(page, f"{server}/?lang={language}&colour=Last+contact")
    tops = [part["middle"] for part in legend_ramp(page)]
    assert max(tops) - min(tops) < 4, tops  # before: the newer end's number wrapped below
    page.context.close()
