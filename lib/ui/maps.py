"""The outreach map on its page: its colouring, its figure, and what a click on it does."""

import streamlit as st

from lib import aggregates, charts
from lib import filters as flt
from lib.countries import country_by_iso3
from lib.i18n import N_, _
from lib.ui import address, panels
from lib.ui.sidebar import View
from lib.ui.sources import Dataset
from lib.ui.text import country_of, plain, shown_country

COLOURINGS = {
    "Meetings": N_("Meetings"),
    "Last contact": N_("Last contact"),
    "Coverage": N_("Coverage"),
}
ZOOMING = ("region", "subregion", "country")  # filters the map zooms to


def map_config() -> dict:
    """Plotly settings for the map: world shapes from this server, never from a CDN."""
    base = st.get_option("server.baseUrlPath").strip("/")
    return {
        "topojsonURL": f"/{base}/app/static/" if base else "/app/static/",
        "displaylogo": False,
        "scrollZoom": False,
    }


def map_clicked() -> None:
    """Map selection callback: a click on a country filters every page to it."""
    points = st.session_state["map"]["selection"]["points"]
    if points:  # a click on the country already chosen arrives empty: nothing changes
        iso3 = points[0].get("location") or points[0]["customdata"][0]
        address.change("country", [country_by_iso3(iso3).name])


def dark_theme() -> bool:
    """Whether the browser shows Streamlit's dark theme."""
    try:
        return st.context.theme.type == "dark"
    except AttributeError:
        return False


def outreach_map(dataset: Dataset, view: View) -> None:
    """The colouring switch and the map of the view without its country filter.

    Without the country filter every country of the view stays on the map to be clicked;
    the chosen ones are outlined and the map zooms to them.
    """
    context_filters = view.filters.without("country")
    context = flt.apply(dataset.meetings, context_filters, dataset.programs)
    programs = flt.slice_program_rows(dataset.programs, context, len(dataset.meetings))
    summary = aggregates.country_summary(context, programs)
    key = address.start("colour", list(COLOURINGS), "Meetings", translated=True)
    colour_by = st.segmented_control(
        _("Colour countries by"),
        list(COLOURINGS),
        format_func=lambda value: _(COLOURINGS[value]),
        required=True,
        key=key,
    )
    address.keep("colour", colour_by, "Meetings", translated=True)
    address.publish(["colour"])
    chosen = [country_of(name) for name in view.filters.values("country")]
    figure = charts.map_figure(
        summary,
        colour_by or "Meetings",
        panels.missions_in_view(context_filters),
        selected=[country.iso3 for country in chosen if country],
        zoom=any(view.filters.values(k) for k in ZOOMING),
        dark=dark_theme(),
    )
    st.plotly_chart(
        figure, key="map", on_select=map_clicked, selection_mode="points", config=map_config()
    )
    st.caption(_("Click a country to filter every page to it and open its panel below."))
    undrawn = charts.undrawn_countries(summary)
    if not undrawn.empty:
        names = ", ".join(
            f"{plain(shown_country(row.country))} ({row.meetings})" for row in undrawn.itertuples()
        )
        st.caption(_("Not drawn on the map (no shape at this scale): {countries}", countries=names))


def engaged_countries(view: View, missions) -> None:
    """The engaged countries' table, and the resident missions never met in the view."""
    engaged = aggregates.country_summary(view.meetings, view.programs)
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
