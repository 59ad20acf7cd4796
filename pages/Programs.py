"""Programs: which of the organisation's programs each country and region cares about."""

import pandas as pd
import streamlit as st

from lib import aggregates, charts
from lib.i18n import _
from lib.meetings import dates_shown
from lib.ui import address, panels, sidebar
from lib.ui.maps import dark_theme
from lib.ui.text import shown_country, shown_program, shown_region

dataset, view = sidebar.current_view()
panels.heading(_("Program interest"), dataset)
if view.meetings.empty:
    panels.empty_state(dataset, view)
    st.stop()
if view.programs.empty:
    st.info(_("None of the meetings shown records a program."), icon=":material/info:")
    st.stop()

interest = sidebar.kept("interest", lambda v: aggregates.program_interest(v.meetings, v.programs))
left, right = st.columns(2)
with left:
    st.subheader(_("Meetings and countries per program"))
    st.plotly_chart(
        sidebar.kept("program bars", lambda v: charts.program_figure(interest)), key="programs"
    )
with right:
    st.subheader(_("Program × region"))
    dark = dark_theme()
    heatmap = sidebar.kept(
        "heatmap",
        lambda v: charts.heatmap_figure(
            aggregates.program_region_counts(v.meetings, v.programs), dark=dark
        ),
        dark,
    )
    st.plotly_chart(heatmap, key="heatmap")

first = interest["program"].iloc[0]
focus_key = address.start("focus", list(interest["program"]), first, translated=True)
program = st.selectbox(
    _("Who showed interest in…"), interest["program"], key=focus_key, format_func=shown_program
)
address.keep("focus", program, first, translated=True)
address.publish(["focus"])
table = aggregates.program_countries(view.meetings, view.programs, program)
st.dataframe(
    pd.DataFrame(
        {
            _("Country"): table["country"].map(shown_country),
            _("Region"): table["region"].map(shown_region),
            _("Meetings"): table["meetings"],
            _("First meeting"): dates_shown(table["first"], table["first_precision"]),
            _("Latest meeting"): dates_shown(table["last"], table["last_precision"]),
        }
    ),
    hide_index=True,
    width="stretch",
)
