"""Follow-ups as an iCalendar file: one all-day event per pledge on its due date.

Each event's UID comes from its meeting's id, so importing a newer file into a calendar
updates the events it already has instead of adding them again. Done and dropped pledges
are left out, or kept as cancelled events so that a calendar which has them takes them off.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import icalendar
import pandas as pd

from lib.i18n import _
from lib.meetings import date_labels

PRODID = "-//Outreach Atlas//Follow-ups//EN"
UID_SUFFIX = "-follow-up@outreach-atlas"
CLOSED = ("done", "dropped")  # statuses written as cancelled events, when asked
MEETING_PAGE = "Data"  # the page that opens a meeting from `?meeting=<id>`
MIME = "text/calendar"


@dataclass(frozen=True)
class CalendarCounts:
    """What a calendar file of some follow-ups holds, and what it leaves out and why."""

    events: int  # pledges in the file (each has a due date)
    cancelled: int  # of those, done or dropped ones written as cancelled
    without_due: int  # pledges that would be in the file but have no due date
    closed_left_out: int  # done or dropped pledges left out by choice


def event_uid(meeting_id: str) -> str:
    """The UID of a meeting's follow-up event: the same in every export."""
    return f"{meeting_id}{UID_SUFFIX}"


def meeting_link(app_url: str, meeting_id: str) -> str:
    """The address that opens this meeting on the app's Data page."""
    return f"{app_url.rstrip('/')}/{MEETING_PAGE}?meeting={quote(str(meeting_id), safe='')}"


def _chosen(meetings: pd.DataFrame, include_closed: bool) -> tuple[pd.Series, pd.Series]:
    """(whose pledge belongs in the file, due date or not; whose pledge is done or dropped)."""
    pledged = meetings["follow_up"] != ""
    closed = pledged & meetings["follow_up_status"].isin(CLOSED)
    return (pledged if include_closed else pledged & ~closed), closed


def counts(meetings: pd.DataFrame, include_closed: bool = False) -> CalendarCounts:
    """How many pledges of these meetings a calendar file holds, and how many it leaves out.

    Counted on masks, without copying the pledged meetings (a million rows stay one frame).
    """
    chosen, closed = _chosen(meetings, include_closed)
    dated = meetings["follow_up_due"].notna()
    return CalendarCounts(
        events=int((chosen & dated).sum()),
        cancelled=int((chosen & dated & closed).sum()),
        without_due=int((chosen & ~dated).sum()),
        closed_left_out=0 if include_closed else int(closed.sum()),
    )


def _counterpart(row: pd.Series) -> str:
    name, title = row["counterpart"], row["counterpart_title"]
    if name and title:
        return f"{name} ({title})"
    return name or title or _("not named")


def calendar_bytes(
    meetings: pd.DataFrame,
    app_url: str,
    include_closed: bool = False,
    *,
    country: Callable[[str], str] = str,
    revisions: Mapping[str, int] | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """An .ics file with one all-day event per pledge of these meetings that has a due date.

    `app_url` is the app's base address (links go to its Data page); `country` gives the
    name people read; `revisions` (each meeting's revision in the database) become the
    events' SEQUENCE, so a changed pledge replaces the older event. Done and dropped
    pledges are left out unless `include_closed`, then written as cancelled.
    """
    stamp = stamp or datetime.now(UTC)
    revisions = revisions or {}
    chosen, _closed = _chosen(meetings, include_closed)
    chosen = meetings[chosen & meetings["follow_up_due"].notna()]
    chosen = chosen.sort_values(["follow_up_due", "id"])
    # By position: a frame put together from several may repeat index labels.
    met = list(date_labels(chosen)) if len(chosen) else []

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Outreach Atlas follow-ups"))
    for (_index, row), met_on in zip(chosen.iterrows(), met, strict=True):
        closed = row["follow_up_status"] in CLOSED
        link = meeting_link(app_url, row["id"])
        where = country(str(row["country"]))
        due = row["follow_up_due"].date()
        lines = [
            _("Country: {country}", country=where),
            _("Counterpart: {counterpart}", counterpart=_counterpart(row)),
            _("Pledge: {pledge}", pledge=row["follow_up"]),
            _("Owner: {owner}", owner=row["follow_up_owner"] or _("no owner recorded")),
            _("Meeting date: {date}", date=met_on),
        ]
        if closed:
            lines.append(_("Status: {status}", status=_(str(row["follow_up_status"]))))
        lines.append(_("The meeting in Outreach Atlas: {link}", link=link))

        event = icalendar.Event()
        event.add("uid", event_uid(row["id"]))
        event.add("dtstamp", stamp)
        # A cancellation must outrank the event it replaces, even without revisions.
        event.add("sequence", int(revisions.get(row["id"], 0)) + (1 if closed else 0))
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        event.add("summary", _("{country}: {pledge}", country=where, pledge=row["follow_up"]))
        event.add("description", "\n".join(lines))
        event.add("url", link)
        event.add("status", "CANCELLED" if closed else "CONFIRMED")
        event.add("transp", "TRANSPARENT")  # a due date, not a busy time
        calendar.add_component(event)
    return calendar.to_ical()
