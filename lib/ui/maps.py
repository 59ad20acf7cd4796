"""The outreach map on its page: its colouring, its figure, and what a click on it does."""

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from lib import aggregates, charts, i18n
from lib import filters as flt
from lib.countries import country_by_iso3
from lib.i18n import N_, _
from lib.ui import address, panels
from lib.ui.sidebar import View
from lib.ui.sources import Dataset, remembered
from lib.ui.text import country_of, plain, shown_country

COLOURINGS = {
    "Meetings": N_("Meetings"),
    "Last contact": N_("Last contact"),
    "Coverage": N_("Coverage"),
}


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
    summary = remembered(
        dataset, ("summary", context_filters), partial(_summary, dataset, context_filters)
    )
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
    selected = tuple(country.iso3 for country in chosen if country)
    zoom, dark = flt.zooms(view.filters), dark_theme()
    look = (colour_by or "Meetings", selected, zoom, dark, i18n.current())
    figure = remembered(
        dataset,
        ("map", context_filters, look),
        lambda: charts.map_figure(
            summary,
            look[0],
            panels.missions_in_view(context_filters),
            selected=selected,
            zoom=zoom,
            dark=dark,
        ),
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


def country_summary(dataset: Dataset, filters: flt.Filters) -> pd.DataFrame:
    """aggregates.country_summary of the meetings that pass `filters` (kept per data version)."""
    key = ("summary", filters, date.today())  # months since the last meeting change daily
    return remembered(dataset, key, partial(_summary, dataset, filters))


def _summary(dataset: Dataset, filters: flt.Filters) -> pd.DataFrame:
    meetings = flt.apply(dataset.meetings, filters, dataset.programs)
    programs = flt.slice_program_rows(dataset.programs, meetings, len(dataset.meetings))
    return aggregates.country_summary(meetings, programs)


def engaged_countries(dataset: Dataset, view: View, missions) -> None:
    """The engaged countries' table, and the resident missions never met in the view."""
    engaged = remembered(
        dataset, ("summary", view.filters), partial(_summary, dataset, view.filters)
    )
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
