"""The brief on one country before a visit: who, when, what, what is owed.

`country_brief` lays the sections out in order; each section is one function below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from lib import aggregates, followups
from lib.brief.document import LINK, MUTED, WARNING, Brief, in_language
from lib.brief.timeline import draw_timeline
from lib.brief.words import counterpart_named, how_long_ago, sources_of
from lib.countries import Country, country_name, region_name
from lib.i18n import N_, _, n_
from lib.meetings import date_labels
from lib.programs import program_name
from lib.shown import country_of

# A country brief lists this many of the most recent meetings (and of each kind of pledge)
# in full; the timeline still draws every meeting. Typical countries have far fewer.
MEETINGS_LISTED = 40

STATUS_HEADINGS = {
    "open": N_("Open pledges"),
    "done": N_("Kept pledges"),
    "dropped": N_("Dropped pledges"),
}
STATUS_NONE = {
    "open": N_("No open pledges."),
    "done": N_("No kept pledge recorded."),
}


@dataclass(frozen=True)
class _Meeting:
    when: str
    row: pd.Series
    source: int | None  # number in the sources list


@in_language
def country_brief(
    meetings: pd.DataFrame,
    country: str,
    *,
    language: str,
    today: date,
) -> bytes:
    """A one- to two-page PDF on one country before a visit: who, when, what, what is owed.

    `meetings` may hold every country; only `country`'s (its display name, as in the
    data) are used. Text is in `language` ("en" or "ko").
    """
    place = country_of(country)
    name = country_name(place, language) if place else country
    mine = meetings[meetings["country"].astype("str") == country].sort_values(
        ["date", "id"], kind="stable"
    )
    pdf = Brief(_("Brief for a visit: {country}", country=name), language, today)
    english = place.name if place and language == "ko" and place.name != name else ""
    pdf.title_block(_("Brief for a visit"), name, english, today)
    if mine.empty:
        pdf.facts(
            [
                *_place_facts(place),
                (_("Meetings"), _("No meeting with {country} is recorded yet.", country=name)),
            ]
        )
        return bytes(pdf.output())

    labels = date_labels(mine, language)
    pdf.facts([*_place_facts(place), *_meeting_facts(mine, labels, today)])
    pdf.heading(_("Meetings over time"))
    draw_timeline(pdf, mine, today)
    sources = _meetings_section(pdf, mine, labels, name, today)
    _pledges_section(pdf, mine, language, today)
    _sources_section(pdf, sources)
    return bytes(pdf.output())


def _place_facts(place: Country | None) -> list[tuple[str, str]]:
    """Where the country is and whether it has an embassy in Seoul."""
    facts = []
    if place:
        facts.append(
            (
                _("Region"),
                " · ".join(region_name(part) for part in (place.region, place.subregion) if part),
            )
        )
    resident = bool(place) and place.iso3 in set(aggregates.missions()["iso3"])
    facts.append(
        (
            _("Mission in Seoul"),
            _("Has a resident embassy in Seoul.")
            if resident
            else _("No resident embassy in Seoul (per data/missions.csv)."),
        )
    )
    return facts


def _meeting_facts(mine: pd.DataFrame, labels: pd.Series, today: date) -> list[tuple[str, str]]:
    """Last contact, how many meetings, programs, cities and open pledges, one line each."""
    facts = [
        (
            _("Last contact"),
            _(
                "{date} ({ago})",
                date=labels.iloc[-1],
                ago=how_long_ago(mine["date"].iloc[-1].date(), today),
            ),
        ),
        (
            _("Meetings"),
            n_("{count} meeting", "{count} meetings", len(mine))
            + (_(", first {date}", date=labels.iloc[0]) if len(mine) > 1 else ""),
        ),
    ]
    counts: dict[str, int] = {}
    for listed in mine["programs"]:
        for program in listed:
            counts[program] = counts.get(program, 0) + 1
    programs = sorted(counts, key=lambda p: (-counts[p], program_name(p)))
    facts.append(
        (
            _("Programs of interest"),
            ", ".join(
                program_name(p) + (f" ({counts[p]})" if counts[p] > 1 else "") for p in programs
            )
            or _("No program recorded."),
        )
    )
    cities = list(dict.fromkeys(city for listed in mine["cities"] for city in listed))
    facts.append((_("Cities mentioned"), ", ".join(cities) or _("No city recorded.")))
    open_count = followups.count_follow_ups(mine, "open", pd.Timestamp(today))[0]
    facts.append(
        (
            _("Open pledges"),
            n_("{count} open pledge", "{count} open pledges", open_count)
            if open_count
            else _("No open pledges."),
        )
    )
    return facts


def _meetings_section(
    pdf: Brief, mine: pd.DataFrame, labels: pd.Series, name: str, today: date
) -> list[tuple[str, str]]:
    """The most recent meetings in full, oldest first; returns the sources they cite."""
    listed = mine.iloc[-MEETINGS_LISTED:]
    sources = sources_of(listed)
    number = {source: i + 1 for i, source in enumerate(sources)}
    pdf.heading(_("Meetings, oldest first"))
    if len(listed) < len(mine):
        pdf.text_block(
            _(
                "The {listed} most recent of {total} meetings; the timeline above shows them "
                "all, and the Data page filtered to {country} lists every one.",
                listed=len(listed),
                total=format(len(mine), ","),
                country=name,
            ),
            size=8.5,
            colour=MUTED,
            gap=1.5,
        )
    for when, (_index, row) in zip(labels.iloc[-MEETINGS_LISTED:], listed.iterrows(), strict=True):
        key = (str(row["source_title"]), str(row["source_url"]))
        _meeting_block(pdf, _Meeting(when, row, number.get(key)), today)
    return sources


def _pledges_section(pdf: Brief, mine: pd.DataFrame, language: str, today: date) -> None:
    """The pledges by status (open, kept, dropped), each with its owner, due date and lateness."""
    pledges = mine[mine["follow_up"] != ""]
    pdf.heading(_("Pledges"))
    for status in followups.STATUSES:
        chosen = pledges[pledges["follow_up_status"] == status]
        if chosen.empty and status not in STATUS_NONE:
            continue
        pdf.text_block(_(STATUS_HEADINGS[status]), size=10, bold=True, gap=0.8)
        if chosen.empty:
            pdf.text_block(_(STATUS_NONE[status]), colour=MUTED, gap=1.5)
            continue
        if len(chosen) > MEETINGS_LISTED:
            pdf.text_block(
                _(
                    "The {listed} most recent of {total}; the Follow-ups page lists them all.",
                    listed=MEETINGS_LISTED,
                    total=format(len(chosen), ","),
                ),
                size=8.5,
                colour=MUTED,
            )
            chosen = chosen.iloc[-MEETINGS_LISTED:]
        met = date_labels(chosen, language)
        for when, (_index, row) in zip(met, chosen.iterrows(), strict=True):
            pdf.text_block("• " + row["follow_up"], gap=0.2)
            late = followups.overdue(row["follow_up_status"], row["follow_up_due"], today)
            pdf.text_block(
                _(
                    "{state} · from the meeting of {date}",
                    state=" · ".join(followups.state_words(row, today)),
                    date=when,
                ),
                size=8.5,
                colour=WARNING if late else MUTED,
                indent=3,
                gap=1.2,
            )
        pdf.ln(0.8)


def _sources_section(pdf: Brief, sources: list[tuple[str, str]]) -> None:
    """The numbered sources the listed meetings cite, with their links."""
    pdf.heading(_("Sources"))
    if not sources:
        pdf.text_block(_("No source recorded."), colour=MUTED)
    untitled = _("Source")  # outside the f-string: the catalogue reads only calls
    for i, (title, url) in enumerate(sources, start=1):
        pdf.text_block(f"[{i}] {title or untitled}", gap=0.2)
        if url:
            pdf.text_block(url, size=8.5, colour=LINK, link=url, indent=5, gap=1.2)


def _meeting_block(pdf: Brief, meeting: _Meeting, today: date) -> None:
    row = meeting.row
    if pdf.will_page_break(18):
        pdf.add_page()
    pdf.text_block(f"{meeting.when} — {counterpart_named(row)}", size=10, bold=True, gap=0.4)
    details = [
        _(str(row["counterpart_type"])) if row["counterpart_type"] else "",
        row["meeting_type"],
        row["event"],
        row["location"],
        _("with {representative}", representative=row["representative"])
        if row["representative"]
        else "",
    ]
    if meeting.source:
        details.append(_("source [{number}]", number=meeting.source))
    shown = " · ".join(str(part) for part in details if part)
    if shown:
        pdf.text_block(shown, size=8.5, colour=MUTED, indent=3, gap=0.4)
    if row["programs"]:
        pdf.text_block(
            _("Programs: {programs}", programs=", ".join(program_name(p) for p in row["programs"])),
            size=9,
            indent=3,
            gap=0.4,
        )
    if row["summary"]:
        pdf.text_block(row["summary"], size=9, indent=3, gap=0.4)
    if row["follow_up"]:
        pdf.text_block(
            _(
                "Pledge ({status}): {pledge}",
                status=_(str(row["follow_up_status"])),
                pledge=row["follow_up"],
            ),
            size=9,
            indent=3,
            gap=0.4,
        )
    pdf.ln(1.8)
