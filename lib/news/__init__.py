"""Draft meetings from the organisation's news items, in English or Korean (issue 9).

Rule-based and offline: sentences are split by rule, countries found through the app's own
country table, dates read against the publication date, pledges by their wordings.

    drafts = draft_meetings(text, published=date(2019, 4, 9), source_url=url)
    reading = read_news(text, published=...)   # drafts + what could not be placed
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lib.news.dates import published_date
from lib.news.drafting import Evidence, Unplaced, read_item
from lib.news.review import drafts_csv_bytes, window_in_words
from lib.news.text import NewsFileError, text_of_file

__all__ = [
    "Evidence",
    "NewsFileError",
    "NewsReading",
    "Unplaced",
    "draft_meetings",
    "drafts_csv_bytes",
    "published_date",
    "read_news",
    "text_of_file",
    "window_in_words",
]


@dataclass(frozen=True)
class NewsReading:
    """What a news item gives: draft meetings, mentions left out, the date its dateline says."""

    drafts: list[dict[str, str]]
    unplaced: list[Unplaced]
    published_guess: date | None
    evidence: list[dict[str, Evidence]] = field(default_factory=list)  # per draft, per field


def read_news(
    text: str,
    *,
    published: date | None = None,
    source_url: str = "",
    source_title: str = "",
) -> NewsReading:
    """Draft meetings from a news item and list the mentions that could not be placed."""
    drafting = read_item(text, published, source_url, source_title)
    return NewsReading(
        drafting.drafts, drafting.unplaced, drafting.published_guess, drafting.evidence
    )


def draft_meetings(
    text: str, *, published: date, source_url: str = "", source_title: str = ""
) -> list[dict[str, str]]:
    """One format v1 record (text cells) per meeting the news item reports."""
    return read_news(
        text, published=published, source_url=source_url, source_title=source_title
    ).drafts
