"""Typed text is shown as text: no web or e-mail address a person typed becomes a link on
any page; only a meeting's source link makes one, and only to an http(s) address."""

import re

import pytest

from lib.ui.text import plain, web_link
from tests.test_pages import assert_clean, database, open_app  # noqa: F401 (fixture)

# What GitHub-flavoured markdown (Streamlit's) links by itself, escaped or not.
AUTOLINK = re.compile(r"(?i)(?:https?|ftp)://|(?<![a-z0-9])www\.|[\w.+-]@[a-z0-9-]+\.[a-z]")
EVIL = '=HYPERLINK("http://evil.example","click")'
TYPED = {
    "counterpart_title": EVIL,
    "counterpart": "Dr. Kim (kim@evil.example)",
    "summary": "Agenda at www.evil.example and https://evil.example/agenda_1.",
    "follow_up": "Send the plan to http://evil.example/plan",
    "follow_up_owner": "ops@evil.example",
    "source_title": "Press release [see http://evil.example]",
    "source_url": "https://www.example.org/news/item_(1)",
}


def autolinked(markdown: str) -> list[str]:
    """The parts of markdown Streamlit would draw as links, besides [title](address) links."""
    return AUTOLINK.findall(re.sub(r"\]\([^)\s]*\)", "]", markdown))


def written(at) -> list[str]:
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "subheader")
    return [str(element.value) for kind in kinds for element in getattr(at, kind)]


@pytest.mark.parametrize(
    "text",
    [
        EVIL,
        "www.evil.example",
        "WWW.EVIL.EXAMPLE/x",
        "write to me@evil.example",
        "ftp://evil.example",
        "[click](https://evil.example)",
        "<https://evil.example>",
    ],
)
def test_plain_text_links_nothing_and_reads_as_typed(text):
    shown = plain(text)
    assert autolinked(shown) == []
    # Read back as markdown shows it: without the escapes and the invisible word joiners.
    assert re.sub(r"\\(.)", r"\1", shown).replace("\u2060", "") == text


def test_only_an_http_source_link_makes_a_link():
    assert web_link("News", "https://example.org/a_(b)") == "[News](https://example.org/a_%28b%29)"
    assert web_link("News", "HTTP://example.org") == "[News](HTTP://example.org)"
    for address in ("javascript:alert(1)", "synthetic://meetings/1", "file:///etc/passwd"):
        shown = web_link("News", address)
        assert "](" not in shown and autolinked(shown) == [], shown


def test_a_meeting_typed_with_addresses_shows_them_as_text(database):  # noqa: F811
    id = "2019-04-can-amb"
    database.update(id, TYPED, "tester")
    at = open_app("pages/Data.py", meeting=id)
    assert_clean(at)
    page = "\n".join(written(at))
    assert "HYPERLINK" in page and "evil" in page  # the typed text is there, as text
    assert autolinked(page) == []
    links = re.findall(r"\]\(([^)]*)\)", page)
    assert links == ["https://www.example.org/news/item_%281%29"]


def test_a_country_panel_shows_typed_addresses_as_text(database):  # noqa: F811
    database.update("2019-04-can-amb", TYPED, "tester")
    at = open_app(country="Canada")
    assert_clean(at)
    page = "\n".join(written(at))
    assert "evil" in page
    assert autolinked(page) == []
