"""The browser benchmark's instruments: a canvas redrawn without any change to the document
ends a wait, the wait starts at the page's own input event, and what a canvas holds as
children (never painted) does not count as a change on screen."""

import pytest

pytest.importorskip("playwright")

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.browser import INSTRUMENTS, READ_NOTES, wait  # noqa: E402
from tests.browsing import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

pytestmark = pytest.mark.browser

# A button whose click repaints a canvas 300 ms later, and a box whose Enter does the same;
# neither changes the document.
PAGE = """<html><body>
<button id="paint">Paint</button><input id="box"><button id="fallback">Fallback</button>
<canvas id="canvas" width="200" height="100"><table id="rows"></table></canvas>
<script>
const paint = () => setTimeout(() => {
    const context = document.getElementById("canvas").getContext("2d");
    context.fillStyle = "#08519c";
    context.fillRect(10, 10, 100, 50);
}, 300);
document.getElementById("paint").addEventListener("click", paint);
document.getElementById("box").addEventListener("keydown", (e) => e.key === "Enter" && paint());
// As a table grid does: paint now, rewrite the canvas's copy of its rows 400 ms later.
document.getElementById("fallback").addEventListener("click", () => {
    const context = document.getElementById("canvas").getContext("2d");
    context.fillRect(0, 0, 20, 20);
    setTimeout(() => {
        document.getElementById("rows").innerHTML = "<tr><td>Canada</td></tr>";
    }, 400);
});
</script></body></html>"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    # A page opened by address, as the app is (set_content rewrites the document, which
    # drops the listeners the init script put on the window).
    page_file = tmp_path_factory.mktemp("bench") / "canvas.html"
    page_file.write_text(PAGE)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.add_init_script(INSTRUMENTS)
        page = context.new_page()
        page.goto(page_file.as_uri())
        yield page
        browser.close()


def _timed(page, act) -> tuple[dict[str, float], dict]:
    """The wait `act` starts, and the page's notes, once the canvas has been painted."""
    page.evaluate("window.__mark()")
    act()
    page.wait_for_function("window.__bench.draws > 0", timeout=10_000)
    page.wait_for_timeout(300)
    notes = page.evaluate(READ_NOTES)
    return wait(notes), notes


def test_a_canvas_repainted_after_a_click_ends_the_wait(page):
    parts, notes = _timed(page, lambda: page.click("#paint"))
    assert len(notes["inputs"]) == 1  # the click's pointerdown, on the page's clock
    assert parts["total"] == pytest.approx(notes["lastDraw"] - notes["inputs"][0])
    assert parts["total"] >= 300


def test_the_wait_starts_at_the_key_that_asked_for_it(page):
    page.click("#box")
    page.keyboard.type("abc")
    parts, notes = _timed(page, lambda: page.keyboard.press("Enter"))
    assert len(notes["inputs"]) == 1  # Enter's keydown, not the letters typed before
    assert parts["total"] == pytest.approx(notes["lastDraw"] - notes["inputs"][0])
    assert parts["total"] >= 300


def test_rows_a_canvas_holds_for_screen_readers_are_not_a_change_on_screen(page):
    parts, notes = _timed(page, lambda: page.click("#fallback"))
    page.wait_for_timeout(300)  # the rows are rewritten 400 ms after the click
    notes = page.evaluate(READ_NOTES)
    parts = wait(notes)
    assert notes["unseen"] >= 1  # the rewrite was noticed…
    assert parts["total"] < 300  # …but the wait ended with the painting
    assert parts["total"] == pytest.approx(notes["lastDraw"] - notes["inputs"][0])
