"""Outreach map: where the organisation stands with the diplomatic corps."""

import streamlit as st

from lib.i18n import _
from lib.ui import briefs, maps, panels, sidebar

dataset, view = sidebar.current_view()
panels.heading(_("Outreach map"), dataset)
panels.show_problems(dataset)
if dataset.meetings.empty:
    panels.empty_state(dataset, view)
    st.stop()

missions = panels.missions_in_view(view.filters)
panels.figures_row(panels.overview_figures(view, missions))
chosen = view.filters.values("country")
never_met = len(chosen) == 1 and not dataset.meetings["country"].eq(chosen[0]).any()
if view.meetings.empty and not never_met:
    panels.empty_state(dataset, view)
    st.stop()

maps.outreach_map(dataset, view)
country = maps.looked_at(view)
if country:
    actions = (
        (lambda place: briefs.country_button(place, dataset, country))
        if briefs.has_meetings(dataset, country)
        else None
    )
    panels.country_panel(view, country, editable=dataset.mode == "database", actions=actions)
else:
    maps.engaged_countries(dataset, view, missions)
st.divider()
briefs.organisation_section(dataset, view)
