"""The map page's row of figures: meetings, countries engaged, Seoul missions met, pledges."""

import pandas as pd
import streamlit as st

from lib import aggregates
from lib import filters as flt
from lib.i18n import _
from lib.ui.sidebar import View


def missions_in_view(filters: flt.Filters) -> pd.DataFrame:
    """Resident missions in Seoul inside the chosen places (region, sub-region, country)."""
    missions = aggregates.missions()
    return missions[flt.mask(missions, filters.places())]


def overview_figures(view: View, missions: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(label, value, explanation) for the row of figures on the map page."""
    meetings = view.meetings
    engaged = set(meetings["iso3"].unique())
    met = int(missions["iso3"].isin(engaged).sum())
    if len(missions):
        seoul = _("{met} of {total}", met=met, total=len(missions))
        seoul_help = _(
            "Countries with a resident embassy in Seoul (data/missions.csv) that we have met "
            "({share:.0%}).",
            share=met / len(missions),
        )
    else:
        seoul = "—"
        seoul_help = _(
            "No country in this view has a resident embassy in Seoul (the Republic of Korea "
            "is the host country)."
        )
    return [
        (_("Meetings"), f"{len(meetings):,}", _("Meetings that pass the filters.")),
        (
            _("Countries engaged"),
            f"{len(engaged):,}",
            _("Countries with at least one meeting."),
        ),
        (_("Seoul missions met"), seoul, seoul_help),
        (
            _("Programs of interest"),
            f"{view.programs['program'].nunique():,}",
            _("Programs discussed in at least one meeting."),
        ),
        (
            _("Open follow-ups"),
            f"{int((meetings['follow_up_status'] == 'open').sum()):,}",
            _("Pledges and next steps not yet done or dropped."),
        ),
    ]


def figures_row(figures: list[tuple[str, str, str]]) -> None:
    """Figures side by side; on a narrow screen they wrap instead of filling the screen."""
    with st.container(horizontal=True, gap="medium"):
        for label, value, help_text in figures:
            st.metric(label, value, help=help_text, width="content")
