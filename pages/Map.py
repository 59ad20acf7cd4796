"""Outreach map: where the organisation stands with the diplomatic corps."""

import streamlit as st

from lib import charts
from lib import filters as flt
from lib.i18n import N_, _
from lib.ui import address, panels, sidebar
from lib.ui.maps import map_clicked, map_config
from lib.ui.text import plain, shown_country

COLOURINGS = {
    "Meetings": N_("Meetings"),
    "Last contact": N_("Last contact"),
    "Coverage": N_("Coverage"),
}

dataset, view = sidebar.current_view()
panels.heading(_("Outreach map"), dataset)
panels.show_problems(dataset)
if dataset.meetings.empty:
    panels.empty_state(dataset, view)
    st.stop()

missions = panels.missions_in_view(view.filters)
panels.figures_row(panels.overview_figures(view, missions))
chosen_countries = view.filters.values("country")
never_met = (
    len(chosen_countries) == 1 and not dataset.meetings["country"].eq(chosen_countries[0]).any()
)
if view.meetings.empty and not never_met:
    panels.empty_state(dataset, view)
    st.stop()

# The map shows the view without its country filter, so that another country can be clicked.
context_filters = view.filters.without("country")
context = flt.apply(dataset.meetings, context_filters, dataset.programs)
context_programs = flt.slice_program_rows(dataset.programs, context, len(dataset.meetings))
summary = charts.country_summary(context, context_programs)
colour_key = address.start("colour", list(COLOURINGS), "Meetings", translated=True)
colour_by = st.segmented_control(
    _("Colour countries by"),
    list(COLOURINGS),
    format_func=lambda value: _(COLOURINGS[value]),
    required=True,
    key=colour_key,
)
address.keep("colour", colour_by, "Meetings", translated=True)
address.publish(["colour"])
context_missions = panels.missions_in_view(context_filters)
st.plotly_chart(
    charts.outreach_map(summary, colour_by or "Meetings", context_missions),
    key="map",
    on_select=map_clicked,
    selection_mode="points",
    config=map_config(),
)
st.caption(_("Click a country to filter every page to it and open its panel below."))

undrawn = charts.undrawn_countries(summary)
if not undrawn.empty:
    st.caption(
        _(
            "Not drawn on the map (no shape at this scale): {countries}",
            countries=", ".join(
                f"{plain(shown_country(row.country))} ({row.meetings})"
                for row in undrawn.itertuples()
            ),
        )
    )

if len(chosen_countries) == 1:
    panels.country_panel(view, chosen_countries[0], editable=dataset.mode == "database")
else:
    engaged = charts.country_summary(view.meetings, view.programs)
    st.subheader(_("Engaged countries"))
    panels.engaged_table(engaged)
    never = missions[~missions["iso3"].isin(engaged["iso3"])]
    with st.expander(
        _("Resident missions in Seoul never met in this view ({count})", count=len(never))
    ):
        st.write(
            ", ".join(shown_country(name) for name in never["country"])
            if len(never)
            else _("None: every one has been met.")
        )
