"""A meeting's counterpart, how long ago it was and its sources, in the words a brief prints.

A country's name is lib/shown.py's and a pledge's state lib/followups.py's, as on the pages.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from lib.i18n import _, n_


def how_long_ago(day: date, today: date) -> str:
    """How long before `today` a meeting was, in words ("3 months ago", "about 6 years ago")."""
    days = (today - day).days
    if days < 0:
        return _("still to come")
    if days == 0:
        return _("today")
    months = (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day)
    if months < 1:
        return n_("{count} day ago", "{count} days ago", days)
    if months < 24:
        return n_("{count} month ago", "{count} months ago", months)
    return n_("about {count} year ago", "about {count} years ago", months // 12)


def counterpart_named(row: pd.Series) -> str:
    """Who was met: name and title, or that the counterpart is not named."""
    named = [part for part in (row["counterpart"], row["counterpart_title"]) if part]
    return ", ".join(named) if named else _("counterpart not named")


def sources_of(meetings: pd.DataFrame) -> list[tuple[str, str]]:
    """(title, url) of the meetings' sources in order of first use, each once."""
    found: dict[tuple[str, str], None] = {}
    for title, url in zip(meetings["source_title"], meetings["source_url"], strict=True):
        if title or url:
            found.setdefault((str(title), str(url)), None)
    return list(found)
