"""Each figure drawn by plotly.js in a headless Chromium, offline, on the light and dark page
Streamlit gives it, at a phone's and a laptop's width: what a person sees, not the JSON."""

from pathlib import Path

import pandas as pd
import pytest

from lib import aggregates, charts, i18n
from lib.filters import program_rows
from tests.colours import contrast, over
from tests.figure_page import BACKGROUND, draw

pytestmark = pytest.mark.browser
PHONE, LAPTOP, COLUMN = 390, 1280, 420  # COLUMN: half of a laptop's main area
SCHEMES = ["light", "dark"]


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("figures")


@pytest.fixture(autouse=True)
def english():
    i18n.use("en")
    yield
    i18n.use("en")


@pytest.fixture(scope="module")
def summary(shipped) -> pd.DataFrame:
    return aggregates.country_summary(shipped, program_rows(shipped))


def shown(browser, figure, screenshots: Path, name: str, scheme="light", width=LAPTOP):
    """Draw the figure, keep a screenshot of it, check it asked nothing of the network."""
    page = draw(browser, figure, scheme, width)
    page.locator("#figure").screenshot(path=screenshots / f"{name}-{scheme}-{width}.png")
    assert page.outside == []
    return page


def axes(page) -> dict:
    """The axes as drawn: type, each title's text and whether it is on screen (a category
    y axis is titled by a level caption above its labels), the tick labels and their boxes."""
    return page.evaluate(
        """() => {
        const gd = document.getElementById('figure');
        const title = node => {
            if (!node) return null;
            const box = node.getBoundingClientRect();
            const style = getComputedStyle(node);
            return {text: node.textContent, width: box.width, height: box.height,
                    left: box.left, top: box.top, right: box.right, bottom: box.bottom,
                    visible: style.visibility !== 'hidden'
                    && style.display !== 'none' && parseFloat(style.opacity || '1') > 0};
        };
        const caption = gd.querySelector('.annotation .annotation-text');
        return {x: gd._fullLayout.xaxis.type, y: gd._fullLayout.yaxis.type,
                xtitle: title(gd.querySelector('.xtitle')),
                ytitle: title(gd.querySelector('.ytitle')) || title(caption),
                ycaption: !gd.querySelector('.ytitle') && caption !== null,
                xticks: Array.from(gd.querySelectorAll('.xtick text')).map(t => t.textContent),
                yticks: Array.from(gd.querySelectorAll('.ytick text')).map(t => t.textContent),
                ytickBoxes: Array.from(gd.querySelectorAll('.ytick text'))
                    .map(t => t.getBoundingClientRect().toJSON()),
                figure: gd.getBoundingClientRect().toJSON()};
    }"""
    )


def assert_titled(drawn: dict) -> None:
    for key in ("xtitle", "ytitle"):
        title = drawn[key]
        assert title and title["text"] and title["visible"], key
        assert title["width"] > 0 and title["height"] > 0, key
        assert 0 <= title["left"] < drawn["figure"]["right"], key
    if drawn["ycaption"]:  # level, whole on screen, clear of every label
        caption = drawn["ytitle"]
        assert caption["width"] > caption["height"]
        assert caption["left"] >= 0 and caption["top"] >= drawn["figure"]["top"]
        assert not any(overlap(caption, box) for box in drawn["ytickBoxes"]), caption


# Legends and captions ------------------------------------------------------------------


# The Timeline's charts are Vega's, on a canvas: tests/test_month_chart.py and
# tests/test_strip_chart.py read Vega's own drawing of them, tests/test_browser.py the app.


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_toolbar_never_covers_a_legend(browser, shipped, screenshots, width):
    interest = aggregates.program_interest(shipped, program_rows(shipped))
    for name, figure in (("programs-legend", charts.program_figure(interest)),):
        page = shown(browser, figure, screenshots, name, width=width)
        page.locator("#figure").hover()  # the toolbar shows on hover
        page.wait_for_timeout(300)
        found = page.evaluate(
            """() => {
            const gd = document.getElementById('figure');
            const box = node => node.getBoundingClientRect().toJSON();
            return {modebar: box(gd.querySelector('.modebar')),
                    entries: Array.from(gd.querySelectorAll('.legend .traces')).map(box),
                    figure: box(gd)};
        }"""
        )
        assert found["modebar"]["width"] > 0, name
        assert found["entries"], name
        for entry in found["entries"]:
            assert not overlap(found["modebar"], entry), name
            assert entry["right"] <= found["figure"]["right"] + 1, name


@pytest.mark.parametrize("language", ["en", "ko"])
def test_category_axis_titles_are_level_and_clear_of_the_labels(
    browser, shipped, screenshots, language
):
    i18n.use(language)
    programs = program_rows(shipped)
    interest = aggregates.program_interest(shipped, programs)
    counts = aggregates.program_region_counts(shipped, programs)
    for name, figure, width in (
        ("programs-caption", charts.program_figure(interest), COLUMN),
        ("heatmap-caption", charts.heatmap_figure(counts), COLUMN),
    ):
        page = shown(browser, figure, screenshots, f"{name}-{language}", width=width)
        drawn = axes(page)
        assert drawn["ycaption"], name
        assert_titled(drawn)


# Colour scales --------------------------------------------------------------------------


def strength(fill: tuple[str, float], scheme: str) -> float:
    """How far a drawn colour stands out from the page."""
    page = BACKGROUND[scheme]
    return contrast(over(fill[0], page, fill[1]), over(page, page))


def heatmap_cells(page) -> list[dict]:
    """Each cell's count and the colour drawn at its centre (read from plotly's image)."""
    return page.evaluate(
        """async () => {
        const gd = document.getElementById('figure');
        const image = gd.querySelector('.heatmaplayer image');
        const picture = new Image();
        picture.src = image.getAttribute('href') || image.getAttribute('xlink:href');
        await picture.decode();
        const canvas = document.createElement('canvas');
        canvas.width = picture.width;
        canvas.height = picture.height;
        const context = canvas.getContext('2d');
        context.drawImage(picture, 0, 0);
        const scaleX = picture.width / parseFloat(image.getAttribute('width'));
        const scaleY = picture.height / parseFloat(image.getAttribute('height'));
        const left = parseFloat(image.getAttribute('x')), top = parseFloat(image.getAttribute('y'));
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, z = gd._fullData[0].z;
        const cells = [];
        z.forEach((row, i) => row.forEach((count, j) => {
            const x = Math.floor((xa.c2p(j) - left) * scaleX);
            const y = Math.floor((ya.c2p(i) - top) * scaleY);
            const [r, g, b, a] = context.getImageData(x, y, 1, 1).data;
            cells.push({count, colour: `rgba(${r}, ${g}, ${b}, ${a / 255})`});
        }));
        return cells;
    }"""
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_heatmap_zero_cells_are_palest_and_counts_readable(browser, shipped, screenshots, scheme):
    counts = aggregates.program_region_counts(shipped, program_rows(shipped))
    figure = charts.heatmap_figure(counts, dark=scheme == "dark")
    page = shown(browser, figure, screenshots, "heatmap", scheme, COLUMN)
    page_colour = BACKGROUND[scheme]
    cells = heatmap_cells(page)
    strengths = [(cell["count"], strength((cell["colour"], 1.0), scheme)) for cell in cells]
    zero = [s for count, s in strengths if count == 0]
    others = [s for count, s in strengths if count > 0]
    assert zero and max(zero) < min(others)  # zero cells are the lightest (dimmest)
    # 1 is visibly coloured, not a shade off 0.
    colour = {cell["count"]: over(cell["colour"], page_colour) for cell in cells}
    assert contrast(colour[0], colour[1]) >= 1.5
    top = max(count for count, _ in strengths)
    assert max(s for count, s in strengths if count == top) == max(s for _, s in strengths)
    texts = page.evaluate(
        """() => Array.from(document.querySelectorAll('.heatmaplayer text'))
        .map(t => [t.textContent, getComputedStyle(t).fill])"""
    )
    assert [int(text) for text, _ in texts] == [cell["count"] for cell in cells]
    for (text, fill), cell in zip(texts, cells, strict=True):
        readable = contrast(over(fill, page_colour), over(cell["colour"], page_colour))
        assert readable >= 3, (text, fill, cell)
    drawn = axes(page)
    assert_titled(drawn)
    row_height = page.evaluate("() => document.getElementById('figure')._fullLayout.yaxis._length")
    assert row_height / len(counts) >= 28


def modebar_and_titles(page) -> dict:
    page.locator("#figure").hover()  # the toolbar shows on hover
    page.wait_for_timeout(300)
    return page.evaluate(
        """() => {
        const gd = document.getElementById('figure');
        const box = node => node.getBoundingClientRect().toJSON();
        return {modebar: box(gd.querySelector('.modebar')),
                titles: Array.from(gd.querySelectorAll('.cbtitle')).map(box)};
    }"""
    )


def overlap(a: dict, b: dict) -> bool:
    return not (
        a["right"] <= b["left"]
        or b["right"] <= a["left"]
        or a["bottom"] <= b["top"]
        or b["bottom"] <= a["top"]
    )


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_toolbar_never_covers_a_colour_bar_title(browser, shipped, screenshots, width):
    counts = aggregates.program_region_counts(shipped, program_rows(shipped))
    for name, figure in (("heatmap-toolbar", charts.heatmap_figure(counts)),):
        page = shown(browser, figure, screenshots, name, width=width)
        found = modebar_and_titles(page)
        assert found["titles"], name
        assert found["modebar"]["width"] > 0, name
        assert not any(overlap(found["modebar"], title) for title in found["titles"]), name


# A dark page ---------------------------------------------------------------------------------


# Programs on a laptop ------------------------------------------------------------------------


def test_long_program_names_leave_the_bars_their_room(browser, shipped, screenshots):
    interest = aggregates.program_interest(shipped, program_rows(shipped))
    page = shown(browser, charts.program_figure(interest), screenshots, "programs", width=COLUMN)
    drawn = axes(page)
    assert_titled(drawn)
    plot_width = page.evaluate("() => document.getElementById('figure')._fullLayout._size.w")
    assert plot_width >= 0.5 * COLUMN
    longest = max(interest["program"], key=len)
    centre = page.evaluate(
        """row => {
        const bar = document.querySelectorAll('.barlayer .trace')[0]
            .querySelectorAll('.point path')[row].getBoundingClientRect();
        return [bar.left + bar.width / 2, bar.top + bar.height / 2];
    }""",
        interest["program"].tolist().index(longest),
    )
    page.mouse.move(*centre)
    page.wait_for_selector(".hoverlayer .hovertext")
    assert longest in page.text_content(".hoverlayer")  # the whole name on hover
