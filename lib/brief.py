"""Briefs as PDF files: one country before a visit, and the organisation for a filtered view.

Plain Python (fpdf2), no Streamlit: a page calls these with the meetings and the
session's language and offers the bytes for download. Fonts are the app's own files in
data/fonts (NanumGothic for Hangul and Latin, DejaVu Sans for the letters Nanum lacks,
such as Å or ş), so a brief needs no system package and nothing from the internet.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, wraps
from pathlib import Path

import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from lib import aggregates, followups, i18n
from lib import filters as flt
from lib.countries import Country, CountryNotFound, country_name, region_name, resolve_country
from lib.i18n import N_, _, n_
from lib.meetings import date_labels, day_label, month_label
from lib.programs import program_name

FONTS = Path(__file__).resolve().parent.parent / "data" / "fonts"
FONT_FILES = {
    ("nanum", ""): "NanumGothic.ttf",
    ("nanum", "B"): "NanumGothicBold.ttf",
    ("dejavu", ""): "DejaVuSans.ttf",
}
PDF_MIME = "application/pdf"
# fontTools reports each TrueType hinting table it leaves out of the embedded subset.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
PLEDGES_LISTED = 200  # open pledges listed in an organisation brief; the rest are counted
# A country brief lists this many of the most recent meetings (and of each kind of pledge)
# in full; the timeline still draws every meeting. Typical countries have far fewer.
MEETINGS_LISTED = 40

INK = (38, 39, 48)
MUTED = (96, 100, 112)
RULE = (200, 204, 212)
LINK = (21, 101, 192)
MARK = (26, 127, 208)  # the app's timeline mark colour (lib/charts.py MARK)
WINDOW = (171, 214, 240)  # an approximate date's window, a paler MARK
WARNING = (176, 58, 0)

STATUS_HEADINGS = {
    "open": N_("Open pledges"),
    "done": N_("Kept pledges"),
    "dropped": N_("Dropped pledges"),
}
STATUS_NONE = {
    "open": N_("No open pledges."),
    "done": N_("No kept pledge recorded."),
}


def _in_language(make: Callable[..., bytes]) -> Callable[..., bytes]:
    """Make a brief with its text in its `language` argument, whatever the caller speaks."""

    @wraps(make)
    def in_language(*args, language: str, **kwargs) -> bytes:
        with i18n.speaking(language):
            return make(*args, language=language, **kwargs)

    return in_language


# ------------------------------------------------------------------ the page


class _Brief(FPDF):
    """An A4 page with the app's fonts, a running footer and a few text helpers."""

    def __init__(self, title: str, language: str, today: date) -> None:
        super().__init__(format="A4")
        self.brief_title = title
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        for (family, style), name in FONT_FILES.items():
            self.add_font(family, style, str(FONTS / name))
        self.set_fallback_fonts(["dejavu"], exact_match=False)
        self.set_title(title)
        self.set_author("Outreach Atlas")
        self.set_creator("Outreach Atlas")
        self.set_lang(language)
        self.set_creation_date(datetime(today.year, today.month, today.day))
        self.alias_nb_pages()
        self.add_page()

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("nanum", "", 7.5)
        self.set_text_color(*MUTED)
        self.cell(0, 4, self.brief_title, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, _("Page {page} of {pages}", page=self.page_no(), pages="{nb}"), align="R")

    @property
    def width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def text_block(
        self,
        text: str,
        size: float = 9.5,
        bold: bool = False,
        colour: tuple[int, int, int] = INK,
        link: str | None = None,
        indent: float = 0,
        gap: float = 0.6,
    ) -> None:
        """A paragraph across the page (from `indent`), wrapped at word boundaries."""
        self.set_font("nanum", "B" if bold else "", size)
        self.set_text_color(*colour)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.width - indent,
            size * 0.47,
            text,
            align="L",
            link=link,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        if gap:
            self.ln(gap)

    def heading(self, text: str) -> None:
        """A section heading with a rule under it, kept with what follows it."""
        if self.will_page_break(22):
            self.add_page()
        self.ln(2.5)
        self.text_block(text, size=12, bold=True, gap=0.8)
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)

    def facts(self, rows: list[tuple[str, str]]) -> None:
        """Label: value lines, labels in a narrow grey column."""
        label_width = 44
        for label, value in rows:
            top = self.get_y()
            self.set_font("nanum", "", 9)
            self.set_text_color(*MUTED)
            self.multi_cell(label_width, 4.6, label, align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
            self.set_text_color(*INK)
            self.set_font("nanum", "", 9.5)
            self.multi_cell(
                self.width - label_width,
                4.6,
                value,
                align="L",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            self.set_y(max(self.get_y(), top + 4.6) + 0.6)

    def title_block(self, kind: str, title: str, subtitle: str, today: date) -> None:
        """What the brief is, for whom, and the day it was made."""
        self.text_block(
            _("Outreach Atlas · {kind} · made {date}", kind=kind, date=day_label(today)),
            size=8.5,
            colour=MUTED,
            gap=1,
        )
        self.text_block(title, size=19, bold=True, gap=1)
        if subtitle:
            self.text_block(subtitle, size=10.5, colour=MUTED, gap=2)


# ------------------------------------------------------------------ words


@cache
def _country(name: str) -> Country | None:
    """The country a display name (as in the data) stands for; None if it names none."""
    try:
        return resolve_country(name)
    except CountryNotFound:
        return None


def _shown_country(name: str, language: str) -> str:
    country = _country(name)
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


def _counterpart(row: pd.Series) -> str:
    named = [part for part in (row["counterpart"], row["counterpart_title"]) if part]
    return ", ".join(named) if named else _("counterpart not named")


def _pledge_state(row: pd.Series, today: date) -> str:
    """Owner and due date of a pledge in words, with how overdue an open one is."""
    parts = [
        _("owner: {owner}", owner=row["follow_up_owner"])
        if row["follow_up_owner"]
        else _("no owner named")
    ]
    due = row["follow_up_due"]
    if pd.notna(due):
        parts.append(_("due {date}", date=day_label(due.date())))
        if _overdue(row, today):
            late = (pd.Timestamp(today) - due).days
            parts.append(n_("{count} day overdue", "{count} days overdue", late))
    else:
        parts.append(_("no due date"))
    return " · ".join(parts)


def _overdue(row: pd.Series, today: date) -> bool:
    due = row["follow_up_due"]
    return _status(row) == "open" and pd.notna(due) and due < pd.Timestamp(today)


def _status(row: pd.Series) -> str:
    status = str(row["follow_up_status"])
    return status if status in ("done", "dropped") else "open"


def _sources(meetings: pd.DataFrame) -> list[tuple[str, str]]:
    """(title, url) of the meetings' sources in order of first use, each once."""
    found: dict[tuple[str, str], None] = {}
    for title, url in zip(meetings["source_title"], meetings["source_url"], strict=True):
        if title or url:
            found.setdefault((str(title), str(url)), None)
    return list(found)


def view_description(filters: flt.Filters, meetings: pd.DataFrame) -> str:
    """The filtered view in words: "Region: Asia · Apr 2019 – Dec 2025"."""
    parts = flt.described(filters)
    first, last = filters.start, filters.end
    if not meetings.empty:
        first = first or meetings["date"].min().strftime("%Y-%m")
        last = last or meetings["date"].max().strftime("%Y-%m")
    if first and last:
        parts.append(
            month_label(first) if first == last else f"{month_label(first)} – {month_label(last)}"
        )
    if not filters.chosen:
        parts.insert(0, _("All recorded meetings"))
    return " · ".join(parts)


def brief_file_name(country: str, today: date) -> str:
    """The country brief's file name in the session's language: brief_Canada_2026-11-29.pdf."""
    name = _shown_country(country, i18n.current()).replace(" ", "_")
    return _("brief_{country}_{date}.pdf", country=_safe(name), date=today.isoformat())


def organisation_brief_file_name(filters: flt.Filters, today: date) -> str:
    """The organisation brief's file name, stating the filter and the day it was made."""
    described = flt.describe(filters)
    return _("organisation_brief_{view}_{date}.pdf", view=described, date=today.isoformat())


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in name).strip("-")


# ------------------------------------------------------------------ the timeline


def _draw_timeline(pdf: _Brief, meetings: pd.DataFrame, today: date) -> None:
    """The meetings on a line of years, drawn with PDF strokes: filled dots for exact
    dates, hollow ones over a pale bar for approximate ones, a tick for today."""
    first_year = int(meetings["date"].min().year)
    last_year = max(int(meetings["date_end"].max().year), today.year)
    start = pd.Timestamp(first_year, 1, 1)
    end = pd.Timestamp(last_year + 1, 1, 1)
    span = (end - start).days
    left, width = pdf.l_margin + 2, pdf.width - 4
    if pdf.will_page_break(30):
        pdf.add_page()
    axis = pdf.get_y() + 14

    def x_of(day: pd.Timestamp) -> float:
        return left + width * min(max((day - start).days, 0), span) / span

    pdf.set_draw_color(*MUTED)
    pdf.set_line_width(0.3)
    pdf.line(left, axis, left + width, axis)
    years = last_year + 1 - first_year
    step = 1 if years <= 12 else 2 if years <= 24 else 5
    pdf.set_font("nanum", "", 7)
    pdf.set_text_color(*MUTED)
    for year in range(first_year, last_year + 2):
        x = x_of(pd.Timestamp(year, 1, 1))
        pdf.line(x, axis - 1, x, axis + 1)
        if (year - first_year) % step == 0 and year <= last_year:
            pdf.set_xy(x, axis + 1.5)
            pdf.cell(width * 365 / span, 3, str(year), align="C" if years > 1 else "L")
    now = x_of(pd.Timestamp(today))
    pdf.set_draw_color(*WARNING)
    pdf.set_dash_pattern(dash=0.8, gap=0.8)
    pdf.line(now, axis - 11, now, axis + 1)
    pdf.set_dash_pattern()
    pdf.set_text_color(*WARNING)
    pdf.set_xy(now - 15, axis - 14)
    pdf.cell(15, 3, _("today"), align="R")

    lanes: list[float] = []  # the right end of the last mark in each lane, so marks do not pile up
    radius = 1.1
    for day, until, precision in zip(
        meetings["date"], meetings["date_end"], meetings["date_precision"], strict=True
    ):
        x = x_of(day)
        lane = next((i for i, right in enumerate(lanes) if right < x - radius * 2.2), None)
        if lane is None:
            lane = len(lanes) if len(lanes) < 4 else 0
            lanes.append(0) if lane == len(lanes) else None
        y = axis - 3 - lane * 2.6
        exact = precision == "day"
        if not exact:
            x_end = max(x_of(until), x + 0.6)
            pdf.set_fill_color(*WINDOW)
            pdf.rect(x, y - 0.7, x_end - x, 1.4, style="F")
        pdf.set_draw_color(*MARK)
        pdf.set_fill_color(*(MARK if exact else (255, 255, 255)))
        pdf.set_line_width(0.35)
        pdf.circle(x, y, radius, style="DF")
        lanes[lane] = max(lanes[lane], x + radius)
    pdf.set_y(axis + 5.5)
    pdf.text_block(
        _("● exact date   ○ approximate date, the bar its window   ┆ today"),
        size=7,
        colour=MUTED,
        gap=1,
    )


# ------------------------------------------------------------------ the country brief


@dataclass(frozen=True)
class _Meeting:
    when: str
    row: pd.Series
    source: int | None  # number in the sources list


@_in_language
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
    place = _country(country)
    name = country_name(place, language) if place else country
    mine = meetings[meetings["country"].astype("str") == country].sort_values(
        ["date", "id"], kind="stable"
    )
    pdf = _Brief(_("Brief for a visit: {country}", country=name), language, today)
    english = place.name if place and language == "ko" and place.name != name else ""
    pdf.title_block(_("Brief for a visit"), name, english, today)

    resident = bool(place) and place.iso3 in set(aggregates.missions()["iso3"])
    facts = []
    if place:
        facts.append(
            (
                _("Region"),
                " · ".join(region_name(part) for part in (place.region, place.subregion) if part),
            )
        )
    facts.append(
        (
            _("Mission in Seoul"),
            _("Has a resident embassy in Seoul.")
            if resident
            else _("No resident embassy in Seoul (per data/missions.csv)."),
        )
    )
    if mine.empty:
        facts.append((_("Meetings"), _("No meeting with {country} is recorded yet.", country=name)))
        pdf.facts(facts)
        return bytes(pdf.output())

    labels = date_labels(mine, language)
    last = mine.iloc[-1]
    facts.append(
        (
            _("Last contact"),
            _(
                "{date} ({ago})",
                date=labels.iloc[-1],
                ago=how_long_ago(last["date"].date(), today),
            ),
        )
    )
    facts.append(
        (
            _("Meetings"),
            n_("{count} meeting", "{count} meetings", len(mine))
            + (_(", first {date}", date=labels.iloc[0]) if len(mine) > 1 else ""),
        )
    )
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
    pledges = mine[mine["follow_up"] != ""]
    states = pledges["follow_up_status"].astype(str)
    states = states.where(states.isin(("done", "dropped")), "open")  # as _status reads a row
    open_count = int((states == "open").sum())
    facts.append(
        (
            _("Open pledges"),
            n_("{count} open pledge", "{count} open pledges", open_count)
            if open_count
            else _("No open pledges."),
        )
    )
    pdf.facts(facts)

    pdf.heading(_("Meetings over time"))
    _draw_timeline(pdf, mine, today)

    listed = mine.iloc[-MEETINGS_LISTED:]
    sources = _sources(listed)
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

    pdf.heading(_("Pledges"))
    for status in ("open", "done", "dropped"):
        chosen = pledges[states == status]
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
            pdf.text_block(
                _(
                    "{state} · from the meeting of {date}",
                    state=_pledge_state(row, today),
                    date=when,
                ),
                size=8.5,
                colour=WARNING if _overdue(row, today) else MUTED,
                indent=3,
                gap=1.2,
            )
        pdf.ln(0.8)

    pdf.heading(_("Sources"))
    if not sources:
        pdf.text_block(_("No source recorded."), colour=MUTED)
    untitled = _("Source")  # outside the f-string: the catalogue reads only calls
    for i, (title, url) in enumerate(sources, start=1):
        pdf.text_block(f"[{i}] {title or untitled}", gap=0.2)
        if url:
            pdf.text_block(url, size=8.5, colour=LINK, link=url, indent=5, gap=1.2)
    return bytes(pdf.output())


def _meeting_block(pdf: _Brief, meeting: _Meeting, today: date) -> None:
    row = meeting.row
    if pdf.will_page_break(18):
        pdf.add_page()
    pdf.text_block(f"{meeting.when} — {_counterpart(row)}", size=10, bold=True, gap=0.4)
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
                status=_(_status(row)),
                pledge=row["follow_up"],
            ),
            size=9,
            indent=3,
            gap=0.4,
        )
    pdf.ln(1.8)


# ------------------------------------------------------------------ the organisation brief


@_in_language
def organisation_brief(
    meetings: pd.DataFrame,
    *,
    language: str,
    today: date,
    description: str,
    map_picture: bytes | None,
) -> bytes:
    """A PDF on the organisation's engagement in a filtered view, for the board.

    `meetings` are the view's meetings; `description` says in words what the view is
    (view_description). Without `map_picture` (PNG) the brief says the map is left out.
    """
    pdf = _Brief(_("Organisation brief"), language, today)
    pdf.title_block(
        _("Organisation brief"), _("Our engagement with the diplomatic corps"), description, today
    )
    stamp = pd.Timestamp(today)
    programs = flt.program_rows(meetings)
    summary = aggregates.country_summary(meetings, programs, today=stamp)
    missions = aggregates.missions()
    met = int(missions["iso3"].isin(set(summary["iso3"])).sum())
    open_count, overdue = followups.count_follow_ups(meetings, "open", stamp)
    figures = [
        (_("Meetings"), f"{len(meetings):,}"),
        (_("Countries engaged"), f"{len(summary):,}"),
        (_("Seoul missions met"), _("{met} of {total}", met=met, total=len(missions))),
        (_("Open pledges"), f"{open_count:,}"),
        (_("Overdue"), f"{overdue:,}"),
    ]
    _figures_row(pdf, figures)

    if map_picture:
        if pdf.will_page_break(92):
            pdf.add_page()
        pdf.image(
            io.BytesIO(map_picture), x=pdf.l_margin, w=pdf.width, alt_text=_("Meetings by country")
        )
        pdf.text_block(_("Countries coloured by meetings in this view."), size=8, colour=MUTED)
    else:
        pdf.text_block(
            _(
                "The map is not included: it could not be drawn on this server (drawing it "
                "needs Chromium). The figures and lists below are complete."
            ),
            size=9,
            colour=WARNING,
            gap=2,
        )

    pdf.heading(_("Countries"))
    if summary.empty:
        pdf.text_block(_("No meeting in this view."), colour=MUTED)
    else:
        last_labels = _last_contact_labels(meetings, summary, language)
        rows = [
            (
                country_name(code, language),
                region_name(subregion or region),
                f"{count:,}",
                last_labels.get(code, ""),
                f"{pledged:,}" if pledged else "–",
                ", ".join(program_name(p) for p in listed.split(", ") if p) or "–",
            )
            for code, region, subregion, count, pledged, listed in zip(
                summary["iso3"],
                summary["region"],
                summary["subregion"],
                summary["meetings"],
                summary["open_follow_ups"],
                summary["programs"],
                strict=True,
            )
        ]
        _table(
            pdf,
            [
                _("Country"),
                _("Region"),
                _("Meetings"),
                _("Last contact"),
                _("Open pledges"),
                _("Programs of interest"),
            ],
            rows,
            (28, 26, 16, 26, 16, 62),
            ("L", "L", "R", "L", "R", "L"),
        )

    pdf.heading(_("Open pledges"))
    table = followups.follow_up_table(meetings, "open", stamp, limit=PLEDGES_LISTED)
    if table.empty:
        pdf.text_block(_("No open pledges."), colour=MUTED)
    else:
        if open_count > len(table):
            pdf.text_block(
                _(
                    "The {listed} soonest due of {total} open pledges; the Follow-ups page lists "
                    "them all.",
                    listed=format(len(table), ","),
                    total=format(open_count, ","),
                ),
                size=8.5,
                colour=MUTED,
            )
        rows = [
            (
                day_label(due.date()) + (" ⚠" if late else "") if pd.notna(due) else "–",
                _shown_country(name, language),
                pledge,
                owner or "–",
            )
            for due, late, name, pledge, owner in zip(
                table["Due"],
                table["Overdue"],
                table["Country"],
                table["Follow-up"],
                table["Owner"],
                strict=True,
            )
        ]
        _table(
            pdf,
            [_("Due"), _("Country"), _("Pledge"), _("Owner")],
            rows,
            (24, 28, 92, 30),
            ("L", "L", "L", "L"),
        )
        if overdue:
            pdf.text_block(_("⚠ overdue"), size=8, colour=MUTED)
    return bytes(pdf.output())


def _last_contact_labels(
    meetings: pd.DataFrame, summary: pd.DataFrame, language: str
) -> dict[str, str]:
    """Each country's last meeting date as people read it (with its precision)."""
    latest = meetings.sort_values("date").drop_duplicates("iso3", keep="last")
    return dict(zip(latest["iso3"].astype(str), date_labels(latest, language), strict=True))


def _figures_row(pdf: _Brief, figures: list[tuple[str, str]]) -> None:
    width = pdf.width / len(figures)
    top = pdf.get_y() + 1
    for i, (label, value) in enumerate(figures):
        x = pdf.l_margin + i * width
        pdf.set_xy(x, top)
        pdf.set_font("nanum", "", 8)
        pdf.set_text_color(*MUTED)
        pdf.cell(width, 4, label)
        pdf.set_xy(x, top + 4.5)
        pdf.set_font("nanum", "B", 16)
        pdf.set_text_color(*INK)
        pdf.cell(width, 8, value)
    pdf.set_y(top + 15)


def _table(
    pdf: _Brief,
    headings: list[str],
    rows: list[tuple[str, ...]],
    widths: tuple[float, ...],
    align: tuple[str, ...],
) -> None:
    pdf.set_font("nanum", "", 8)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    with pdf.table(
        col_widths=widths,
        text_align=align,
        line_height=3.9,
        first_row_as_headings=True,
        headings_style=_heading_style(),
        borders_layout="HORIZONTAL_LINES",
        padding=(0.8, 1, 0.8, 1),
    ) as table:
        table.row(headings)
        for cells in rows:
            table.row([str(cell) for cell in cells])
    pdf.ln(2)


def _heading_style():
    from fpdf.fonts import FontFace

    return FontFace(family="nanum", emphasis="BOLD", color=MUTED)
