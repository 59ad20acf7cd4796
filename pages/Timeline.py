"""Timeline: when the meetings happened, exact and approximate dates told apart."""

import streamlit as st

from lib import aggregates, month_chart, strip_chart
from lib.i18n import _
from lib.ui import panels, sidebar

dataset, view = sidebar.current_view()
panels.heading(_("Timeline"), dataset)
if view.meetings.empty:
    panels.empty_state(dataset, view)
    st.stop()

st.subheader(_("Meetings per month"))
counts = sidebar.kept("monthly counts", lambda v: aggregates.monthly_counts(v.meetings))
monthly = sidebar.kept("monthly", lambda v: month_chart.month_spec(counts))
month_rows = sidebar.kept("monthly rows", lambda v: month_chart.month_rows(counts))
st.vega_lite_chart(
    spec={**monthly, "datasets": {month_chart.ROWS: month_rows}}, key="monthly", width="stretch"
)
st.caption(_("An approximate meeting is counted in the month its date window starts."))

st.subheader(_("Meetings by country"))
marks = sidebar.kept("marks", lambda v: aggregates.strip_marks(v.meetings))
spec = sidebar.kept("strip", lambda v: strip_chart.strip_spec(marks))
rows = sidebar.kept("strip rows", lambda v: strip_chart.strip_rows(marks))
st.vega_lite_chart(
    spec={**spec, "datasets": {strip_chart.ROWS: rows}}, key="strip", width="stretch"
)
st.html(strip_chart.legend_html(strip_chart.legend(marks)))
shown = marks["iso3"].nunique()
engaged = view.meetings["iso3"].nunique()
if shown < engaged:
    st.caption(
        _(
            "The {shown} countries with most meetings are drawn, of {engaged}; narrow the "
            "filters to see the others.",
            shown=shown,
            engaged=engaged,
        )
    )
st.caption(
    _(
        "Filled marks are exact dates. Hollow marks are approximate (a week, month, quarter "
        "or year); the pale bar spans the window the meeting happened in."
    )
)
