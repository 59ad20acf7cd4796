"""Timeline: when the meetings happened, exact and approximate dates told apart."""

import streamlit as st

from lib import charts, ui

dataset, view = ui.setup_page("Timeline")
st.title("Timeline")
if view.meetings.empty:
    ui.empty_state(view.filters)
    st.stop()

st.subheader("Meetings per month")
st.plotly_chart(charts.monthly_chart(view.meetings), key="monthly")
st.caption("An approximate meeting is counted in the month its date window starts.")

st.subheader("Meetings by country")
st.plotly_chart(charts.strip_chart(view.meetings), key="strip")
st.caption(
    "Filled marks are exact dates. Hollow marks are approximate (a week, month, quarter or "
    "year); the pale bar spans the window the meeting happened in."
)
