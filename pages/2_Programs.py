"""Programs: which of the organisation's programs each country and region cares about."""

import streamlit as st

from lib import charts, ui

dataset, view = ui.setup_page("Programs")
st.title("Program interest")
if view.programs.empty:
    ui.empty_state(view.filters) if view.meetings.empty else st.info(
        "None of the meetings shown records a program."
    )
    st.stop()

interest = charts.program_interest(view.meetings, view.programs)
left, right = st.columns(2)
with left:
    st.subheader("Meetings and countries per program")
    st.plotly_chart(charts.program_chart(interest), key="programs")
with right:
    st.subheader("Program × region")
    counts = charts.program_region_counts(view.meetings, view.programs)
    st.plotly_chart(charts.program_heatmap(counts), key="heatmap")

program = st.selectbox("Who showed interest in…", interest["program"], key="focus")
st.dataframe(
    charts.program_countries(view.meetings, view.programs, program),
    hide_index=True,
    width="stretch",
    column_config={
        "First": st.column_config.DateColumn("First meeting", format="MMM YYYY"),
        "Last": st.column_config.DateColumn("Latest meeting", format="MMM YYYY"),
    },
)
