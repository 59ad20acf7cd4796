"""A country, a meeting, a pledge and its sources in the words a brief prints."""

from __future__ import annotations

from datetime import date
from functools import cache

import pandas as pd

from lib.countries import Country, CountryNotFound, country_name, resolve_country
from lib.i18n import _, n_
from lib.meetings import day_label


@cache
def place_of(name: str) -> Country | None:
    """The country a display name (as in the data) stands for; None if it names none."""
    try:
        return resolve_country(name)
    except CountryNotFound:
        return None


def shown_country(name: str, language: str) -> str:
    country = place_of(name)
    return country_name(country, language) if country else name


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
    named = [part for part in (row["counterpart"], row["counterpart_title"]) if part]
    return ", ".join(named) if named else _("counterpart not named")


def pledge_state(row: pd.Series, today: date) -> str:
    """Owner and due date of a pledge in words, with how overdue an open one is."""
    parts = [
        _("owner: {owner}", owner=row["follow_up_owner"])
        if row["follow_up_owner"]
        else _("no owner named")
    ]
    due = row["follow_up_due"]
    if pd.notna(due):
        parts.append(_("due {date}", date=day_label(due.date())))
        if is_overdue(row, today):
            late = (pd.Timestamp(today) - due).days
            parts.append(n_("{count} day overdue", "{count} days overdue", late))
    else:
        parts.append(_("no due date"))
    return " · ".join(parts)


def is_overdue(row: pd.Series, today: date) -> bool:
    due = row["follow_up_due"]
    return pledge_status(row) == "open" and pd.notna(due) and due < pd.Timestamp(today)


def pledge_status(row: pd.Series) -> str:
    status = str(row["follow_up_status"])
    return status if status in ("done", "dropped") else "open"


def sources_of(meetings: pd.DataFrame) -> list[tuple[str, str]]:
    """(title, url) of the meetings' sources in order of first use, each once."""
    found: dict[tuple[str, str], None] = {}
    for title, url in zip(meetings["source_title"], meetings["source_url"], strict=True):
        if title or url:
            found.setdefault((str(title), str(url)), None)
    return list(found)
