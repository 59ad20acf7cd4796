"""One country's panel: its meetings, counterparts, programs, cities and follow-ups."""

from collections.abc import Callable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from lib import aggregates
from lib.i18n import _, n_
from lib.ui import address, signin
from lib.ui.navigation import RECORD_PAGE
from lib.ui.panels.meeting import follow_up_state, meeting_details, meetings_table
from lib.ui.sidebar import View
from lib.ui.text import plain, shown_country, shown_program, shown_region

RECORD_COUNTRY_KEY = "record_country"  # the country the Record page's new form starts with
MAP_COUNTRY_KEY = "map_country"  # a country clicked on the map that the filter does not offer


def country_panel(
    view: View,
    country: str,
    editable: bool,
    actions: Callable[[DeltaGenerator], None] | None = None,
) -> None:
    """One country's meetings, counterparts, programs, cities, follow-ups and sources.

    `actions(place)` draws more buttons beside "Show all countries" (the brief's).
    """
    mine = view.meetings[view.meetings["country"] == country].sort_values("date")
    head, button = st.columns([3, 1])
    head.subheader(shown_country(country))
    with button.container(horizontal=True, horizontal_alignment="right"):
        if actions:
            actions(st)
        st.button(_("Show all countries"), on_click=reset_country, icon=":material/public:")
    if mine.empty:
        resident = country in set(aggregates.missions()["country"])
        st.info(
            _("No meeting with {country} is recorded yet.", country=shown_country(country))
            + " "
            + (
                _("It has a resident embassy in Seoul.")
                if resident
                else _("It has no resident embassy in Seoul.")
            ),
            icon=":material/info:",
        )
        if editable and signin.can("record"):
            if st.button(
                _("Record a meeting with {country}", country=shown_country(country)),
                icon=":material/edit_note:",
            ):
                st.session_state[RECORD_COUNTRY_KEY] = country
                st.switch_page(RECORD_PAGE)
        return
    first = mine.iloc[0]
    head.caption(
        f"{shown_region(first['region'])} · {shown_region(first['subregion'])} · "
        + n_("{count} meeting", "{count} meetings", len(mine))
    )
    left, right = st.columns(2)
    counterparts = list(dict.fromkeys(c for c in mine["counterpart"] if c))
    programs = list(dict.fromkeys(p for listed in mine["programs"] for p in listed))
    cities = list(dict.fromkeys(c for listed in mine["cities"] for c in listed))
    left.markdown(_bold(_("Counterparts")))
    left.write(plain(", ".join(counterparts)) if counterparts else _("None named in the sources."))
    left.markdown(_bold(_("Programs of interest")))
    left.write(
        plain(", ".join(shown_program(p) for p in programs)) if programs else _("None recorded.")
    )
    left.markdown(_bold(_("Cities mentioned")))
    left.write(plain(", ".join(cities)) if cities else _("None recorded."))
    follow_ups = mine[mine["follow_up"] != ""]
    right.markdown(_bold(_("Follow-ups")))
    if follow_ups.empty:
        right.write(_("No follow-up recorded."))
    for _index, row in follow_ups.iterrows():
        right.markdown(f"- {plain(row['follow_up'])}  \n  {follow_up_state(row)}")
    st.markdown(_bold(_("Meetings, oldest first")))
    picked = meetings_table(mine, key="country_meetings")
    if picked:
        meeting_details(mine, picked, editable)


def _bold(text: str) -> str:
    return f"**{text}**"


def reset_country() -> None:
    """Clear the country filter and the country clicked on the map (a button callback)."""
    address.change("country", [])
    st.session_state.pop(MAP_COUNTRY_KEY, None)
