"""The brief on the organisation's engagement in a filtered view, for the board."""

from __future__ import annotations

import io
import logging
from datetime import date

import pandas as pd

from lib import aggregates, followups, pictures
from lib import filters as flt
from lib.brief.document import INK, MUTED, RULE, WARNING, Brief, in_language
from lib.countries import country_name, region_name
from lib.i18n import _
from lib.meetings import date_labels, day_label
from lib.programs import program_name
from lib.shown import shown_country

log = logging.getLogger(__name__)
PLEDGES_LISTED = 200  # open pledges listed in an organisation brief; the rest are counted


@in_language
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
    (view_description). `map_picture` is the map as SVG (drawn as vector shapes) or PNG;
    without it, or when it cannot be read, the brief says the map is left out.
    """
    pdf = Brief(_("Organisation brief"), language, today)
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

    if map_picture and pdf.will_page_break(92):
        pdf.add_page()
    if map_picture and _placed(pdf, map_picture):
        pdf.text_block(_("Countries coloured by meetings in this view."), size=8, colour=MUTED)
    else:
        pdf.text_block(
            _(
                "The map is not included: it could not be drawn on this server. The figures "
                "and lists below are complete."
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
                shown_country(name, language),
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


def _placed(pdf: Brief, picture: bytes) -> bool:
    """Put the map across the page; False (nothing drawn) when fpdf2 cannot read it."""
    top, height = pdf.get_y(), pdf.width * pictures.HEIGHT / pictures.WIDTH
    # fpdf2 does not apply an SVG's clip paths to groups: a map zoomed to a region would
    # draw the rest of the world over the page. Clip it to its box here.
    with pdf.rect_clip(pdf.l_margin, top, pdf.width, height):
        try:
            pdf.image(
                io.BytesIO(picture),
                x=pdf.l_margin,
                y=top,
                w=pdf.width,
                h=height,
                keep_aspect_ratio=True,
                alt_text=_("Meetings by country"),
            )
        except Exception as error:  # a picture fpdf2 cannot read: the brief goes out without it
            log.warning("The map picture could not be placed in the brief: %s", error)
            return False
    pdf.set_y(top + height)
    return True


def _last_contact_labels(
    meetings: pd.DataFrame, summary: pd.DataFrame, language: str
) -> dict[str, str]:
    """Each country's last meeting date as people read it (with its precision)."""
    latest = meetings.sort_values("date").drop_duplicates("iso3", keep="last")
    return dict(zip(latest["iso3"].astype(str), date_labels(latest, language), strict=True))


def _figures_row(pdf: Brief, figures: list[tuple[str, str]]) -> None:
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
        while pdf.get_string_width(value) > width - 2 and pdf.font_size_pt > 9:
            pdf.set_font_size(pdf.font_size_pt - 1)  # "113곳 중 38곳" ran into the next figure
        pdf.set_text_color(*INK)
        pdf.cell(width, 8, value)
    pdf.set_y(top + 15)


def _table(
    pdf: Brief,
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
