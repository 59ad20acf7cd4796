"""The PDF briefs on the pages: a country's brief for a visit, and the organisation brief.

Nothing is made while a page is drawn. The country brief is written when its button is
clicked (well under a second); the organisation brief also draws the map (vl-convert, in
this process, as vector shapes), so it is prepared on request with a spinner and then
offered for download. The first picture in a process would wait a second or more for
vl-convert to start: drawing the section starts it in the background.
"""

from datetime import date

import pandas as pd
import streamlit as st

from lib import aggregates, brief, i18n, pictures
from lib import filters as flt
from lib.i18n import _
from lib.pictures import PictureUnavailable, map_picture
from lib.ui import downloads, panels
from lib.ui.sidebar import View
from lib.ui.sources import Dataset
from lib.ui.text import shown_country


def has_meetings(dataset: Dataset, country: str) -> bool:
    """Whether any meeting with `country` is recorded (a brief needs one)."""
    return bool(dataset.meetings["country"].eq(country).any())


def country_button(place, dataset: Dataset, country: str, key: str = "country_brief") -> None:
    """The "Brief for a visit" button: the whole history with a country as a PDF, on click."""
    today, language = date.today(), i18n.current()
    meetings = dataset.meetings
    place.download_button(
        _("Brief for a visit"),
        data=lambda: brief.country_brief(meetings, country, language=language, today=today),
        file_name=brief.brief_file_name(country, today),
        mime=brief.PDF_MIME,
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        help=_(
            "A one- to two-page PDF on {country} to read before a visit: every meeting "
            "recorded, whatever the filters, its pledges and sources.",
            country=shown_country(country),
        ),
        key=key,
    )


def view_briefs(dataset: Dataset, view: View) -> None:
    """The Data page's briefs: the organisation's, and a country's when one is filtered."""
    chosen = view.filters.values("country")
    one = chosen[0] if len(chosen) == 1 and has_meetings(dataset, chosen[0]) else None
    organisation_section(dataset, view, country=one)


def organisation_section(
    dataset: Dataset, view: View, key: str = "organisation_brief", country: str | None = None
) -> None:
    """The organisation brief: the view as a PDF for the board, prepared on request.

    With `country`, that country's brief for a visit comes first in the same row.
    """
    today, language = date.today(), i18n.current()
    made_from = (view.filters, dataset.version, language, today)
    pictures.warm_up()  # once per process, in the background
    buttons, right = st.columns([3, 2], vertical_alignment="center")
    left = buttons.container(horizontal=True)
    if country:
        country_button(left, dataset, country, key="data_country_brief")
    right.caption(
        _(
            "The map, the figures, a line per country and the open pledges of the meetings "
            "shown, as a PDF for the board."
        )
    )
    ready = downloads.prepared(key, made_from)
    if ready is not None:
        left.download_button(
            _("Download the organisation brief"),
            data=ready,
            file_name=brief.organisation_brief_file_name(view.filters, today),
            mime=brief.PDF_MIME,
            on_click="ignore",
            icon=":material/download:",
            key=key,
        )
        return
    if left.button(
        _("Organisation brief"),
        key=f"prepare-{key}",
        icon=":material/picture_as_pdf:",
        disabled=view.meetings.empty,
    ):
        with st.spinner(_("Drawing the map and writing the brief…")):
            pdf = _organisation_pdf(view, language, today)
        downloads.keep_prepared(key, made_from, pdf)
        st.rerun()


def _organisation_pdf(view: View, language: str, today: date) -> bytes:
    summary = aggregates.country_summary(view.meetings, view.programs, pd.Timestamp(today))
    try:
        picture = map_picture(
            summary,
            language=language,
            missions=panels.missions_in_view(view.filters),
            zoom=flt.zooms(view.filters),
        )
    except PictureUnavailable:
        picture = None
    return brief.organisation_brief(
        view.meetings,
        language=language,
        today=today,
        description=brief.view_description(view.filters, view.meetings),
        map_picture=picture,
    )
