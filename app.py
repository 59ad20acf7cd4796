"""Outreach map: where the organisation stands with the diplomatic corps."""

import streamlit as st

from lib import charts, ui

dataset, view = ui.setup_page("Outreach map")
st.title("Outreach map")
ui.show_problems(dataset)

summary = charts.country_summary(view.meetings, view.programs)
missions = ui.missions_in_view(view.filters)
figures = ui.overview_figures(view, missions)
for column, (label, value, help_text) in zip(st.columns(len(figures)), figures, strict=True):
    column.metric(label, value, help=help_text)

if view.meetings.empty:
    ui.empty_state(view.filters)
    st.stop()

colour_by = st.segmented_control(
    "Colour countries by",
    charts.MAP_COLOURINGS,
    default="Meetings",
    key="colour",
    bind="query-params",
)
st.plotly_chart(
    charts.outreach_map(summary, colour_by or "Meetings", missions),
    key="map",
    on_select=ui.map_clicked,
    selection_mode="points",
    config=ui.map_config(),
)
st.caption("Click a country to filter every page to it and open its panel below.")

undrawn = charts.undrawn_countries(summary)
if not undrawn.empty:
    st.caption(
        "Not drawn on the map (no shape at this scale): "
        + ", ".join(f"{row.country} ({row.meetings})" for row in undrawn.itertuples())
    )

if len(view.filters.countries) == 1:
    ui.country_panel(view.meetings, view.filters.countries[0])
else:
    st.subheader("Engaged countries")
    st.dataframe(
        summary[["country", "region", "meetings", "last_date", "open_follow_ups", "programs"]],
        hide_index=True,
        width="stretch",
        column_config={
            "country": "Country",
            "region": "Region",
            "meetings": st.column_config.NumberColumn("Meetings"),
            "last_date": st.column_config.DateColumn("Last meeting", format="D MMM YYYY"),
            "open_follow_ups": st.column_config.NumberColumn("Open follow-ups"),
            "programs": "Programs of interest",
        },
    )
    never = missions[~missions["iso3"].isin(summary["iso3"])]
    with st.expander(f"Resident missions in Seoul never met in this view ({len(never)})"):
        st.write(", ".join(never["country"]) if len(never) else "None: every one has been met.")
