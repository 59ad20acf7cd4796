"""Programs: which of the organisation's programs each country and region cares about."""

import streamlit as st

from lib import charts
from lib.i18n import _
from lib.ui import address, panels, sidebar
from lib.ui.text import shown_country, shown_program, shown_region

dataset, view = sidebar.current_view()
panels.heading(_("Program interest"), dataset)
if view.meetings.empty:
    panels.empty_state(dataset, view)
    st.stop()
if view.programs.empty:
    st.info(_("None of the meetings shown records a program."), icon=":material/info:")
    st.stop()

interest = charts.program_interest(view.meetings, view.programs)
left, right = st.columns(2)
with left:
    st.subheader(_("Meetings and countries per program"))
    st.plotly_chart(charts.program_chart(interest), key="programs")
with right:
    st.subheader(_("Program × region"))
    counts = charts.program_region_counts(view.meetings, view.programs)
    st.plotly_chart(charts.program_heatmap(counts), key="heatmap")

first = interest["program"].iloc[0]
focus_key = address.start("focus", list(interest["program"]), first, translated=True)
program = st.selectbox(
    _("Who showed interest in…"), interest["program"], key=focus_key, format_func=shown_program
)
address.keep("focus", program, first, translated=True)
address.publish(["focus"])
table = charts.program_countries(view.meetings, view.programs, program)
st.dataframe(
    table.assign(
        Country=table["Country"].map(shown_country),
        Region=table["Region"].map(shown_region),
        First=table["First"].dt.strftime("%Y-%m"),
        Last=table["Last"].dt.strftime("%Y-%m"),
    ).rename(
        columns={
            "Country": _("Country"),
            "Region": _("Region"),
            "Meetings": _("Meetings"),
            "First": _("First meeting"),
            "Last": _("Latest meeting"),
        }
    ),
    hide_index=True,
    width="stretch",
)
