"""The outreach map on its page: its colouring, the chart, its legend, and what a click does.

The chart's spec never changes (lib/world_map.py): a new colouring or filter only sends
new rows, which the browser swaps into the chart it has. The switch and the chart run in
a fragment, so a new colouring reruns only them.
"""

from datetime import date
from functools import partial
from html import escape

import pandas as pd
import streamlit as st

from lib import aggregates, i18n, world_map
from lib import filters as flt
from lib.countries import CountryNotFound, country_by_iso3
from lib.i18n import _
from lib.ui import address, panels
from lib.ui.sidebar import View
from lib.ui.sources import Dataset, remembered
from lib.ui.text import country_of, keep_language, plain, shown_country

LOOKED_AT_KEY = panels.MAP_COUNTRY_KEY  # a clicked country the country filter does not offer
CLICKED_KEY = "map_clicked"  # a click changed the view: the whole page runs again
CHART_KEY = "map_chart"  # the chart's key now: "map", or "map-<n>" once its selection was reset


def shapes_address() -> str:
    """Where the browser fetches the country shapes: this server's static files."""
    base = st.get_option("server.baseUrlPath").strip("/")
    prefix = f"/{base}" if base else ""
    return f"{prefix}/app/static/{world_map.SHAPES_FILE.name}"


def dark_theme() -> bool:
    """Whether the browser shows Streamlit's dark theme."""
    try:
        return st.context.theme.type == "dark"
    except AttributeError:
        return False


def _offered(dataset: Dataset, filters: flt.Filters) -> frozenset[str]:
    """The countries the country filter offers now (as the sidebar works them out)."""
    entry = flt.filter_named("country")
    key = ("options", entry.key, filters, i18n.current())  # the sidebar's own cache entry
    offered = partial(flt.options, entry, dataset.meetings, filters, dataset.programs)
    return frozenset(remembered(dataset, key, offered))


def map_clicked(offered: frozenset[str]) -> None:
    """Map selection callback: a click on a country filters every page to it, or (a country
    the filter does not offer: never met, no mission) opens its panel."""
    points = st.session_state[_chart_key()]["selection"].get("pick") or []
    if not points:  # a click beside the countries, or on the chosen one again
        return
    try:
        country = country_by_iso3(str(points[0]["iso3"])).name
    except (CountryNotFound, KeyError):  # a disputed area: nothing to open
        return
    if country in offered:
        address.change("country", [country])
        st.session_state.pop(LOOKED_AT_KEY, None)
    else:
        st.session_state[LOOKED_AT_KEY] = country
    st.session_state[CLICKED_KEY] = True


def _chart_key() -> str:
    return st.session_state.get(CHART_KEY, "map")


def _picked() -> set[str]:
    """The countries the chart in the browser holds as clicked."""
    state = st.session_state.get(_chart_key()) or {}
    return {str(point.get("iso3")) for point in state.get("selection", {}).get("pick") or []}


def looked_at(view: View) -> str | None:
    """The one country whose panel the page shows: the filter's only one, or a clicked
    country the filter does not offer (until the filter chooses countries)."""
    chosen = view.filters.values("country")
    if chosen:
        st.session_state.pop(LOOKED_AT_KEY, None)
        return chosen[0] if len(chosen) == 1 else None
    return st.session_state.get(LOOKED_AT_KEY)


def outreach_map(dataset: Dataset, view: View) -> None:
    """The colouring switch, the map of the view and its legend (in a fragment)."""
    # The switch starts from the address in the page's run only: a run of the fragment
    # alone must keep the colouring just chosen.
    key = address.start(
        "colour", list(world_map.COLOURINGS), world_map.DEFAULT_COLOURING, translated=True
    )
    _outreach_map(dataset, view.filters, key)


@st.fragment
def _outreach_map(dataset: Dataset, filters: flt.Filters, key: str) -> None:
    # Given the filters, not the view: a fragment keeps its arguments for its own reruns,
    # and the view holds a slice of the meetings.
    keep_language()
    if st.session_state.pop(CLICKED_KEY, False):
        st.rerun(scope="app")  # a click chose a country: every part of the page follows
    summary = country_summary(dataset, filters)
    colour_by = st.segmented_control(
        _("Colour countries by"),
        list(world_map.COLOURINGS),
        format_func=lambda value: _(world_map.COLOURINGS[value]),
        required=True,
        key=key,
    )
    colour_by = colour_by or world_map.DEFAULT_COLOURING
    address.keep("colour", colour_by, world_map.DEFAULT_COLOURING, translated=True)
    address.publish(["colour"])
    chosen = [country_of(name) for name in filters.values("country")]
    clicked = country_of(st.session_state.get(LOOKED_AT_KEY) or "")
    selected = tuple(country.iso3 for country in [*chosen, clicked] if country)
    zoom, dark = flt.zooms(filters), dark_theme()
    look = (colour_by, selected, zoom, dark, i18n.current())
    rows = remembered(
        dataset,
        ("map rows", filters, look, date.today()),
        lambda: world_map.country_rows(
            summary,
            colour_by,
            panels.missions_in_view(filters),
            selected=selected,
            zoom=zoom,
            dark=dark,
        ),
    )
    if not _picked() <= set(selected):
        # The browser still holds a country clicked earlier that is no longer chosen ("Show
        # all countries", the sidebar): a click on it again would not reach Python. A new
        # key gives a chart without that selection (a remount, only in this case).
        number = int(_chart_key().rpartition("-")[2] or 0) if "-" in _chart_key() else 0
        st.session_state[CHART_KEY] = f"map-{number + 1}"
    spec = world_map.map_spec(shapes_address())
    spec["datasets"] = {world_map.ROWS: rows}
    st.vega_lite_chart(
        spec=spec,
        key=_chart_key(),
        on_select=partial(map_clicked, _offered(dataset, filters)),
        selection_mode="pick",
        width="stretch",
        height="stretch",  # the box's height, set by _MAP_STYLE: not a spec that changes
    )
    st.html(_MAP_STYLE)
    _legend(world_map.legend(summary, colour_by, dark=dark))
    st.caption(_("Click a country to filter every page to it and open its panel below."))
    undrawn = world_map.undrawn_countries(summary)
    if not undrawn.empty:
        names = ", ".join(
            f"{plain(shown_country(row.country))} ({row.meetings})" for row in undrawn.itertuples()
        )
        st.caption(_("Not drawn on the map (no shape at this scale): {countries}", countries=names))


# The chart's box has the world's proportions at every width, so the world fills it (a
# fixed height left blank bands above and below it on a phone). The chart takes the box's
# height (height="stretch") and its spec stays the same whatever the width. On a wide, low
# screen the box stops at most of the screen's height.
_MAP_STYLE = f"""<style>
.stElementContainer[class*="st-key-map"] {{
  aspect-ratio: {world_map.WORLD_PROPORTIONS:.4f};
  max-height: 75vh;
  max-width: calc(75vh * {world_map.WORLD_PROPORTIONS:.4f});
}}
</style>"""


def _legend(legend: world_map.Legend) -> None:
    """The legend beside the chart (outside its spec, which must not change)."""
    parts = [f"<b>{escape(legend.title)}</b>"]
    if legend.ramp:
        stops = ", ".join(legend.ramp)
        parts.append(  # one piece: on a phone the ramp never wraps away from a number
            '<span style="display:inline-flex;align-items:center;gap:0.4rem">'
            f"<span>{escape(legend.low)}</span>"
            f'<span style="display:inline-block;width:9rem;height:0.7rem;border-radius:2px;'
            f'background:linear-gradient(to right, {stops})"></span>'
            f"<span>{escape(legend.high)}</span></span>"
        )
    for colour, label in legend.swatches:
        parts.append(
            f'<span style="display:inline-block;width:0.8rem;height:0.8rem;border-radius:2px;'
            f'background:{colour};border:1px solid {world_map.BORDER}"></span>'
            f"<span>{escape(label)}</span>"
        )
    st.html(
        '<div class="map-legend" style="display:flex;flex-wrap:wrap;align-items:center;'
        f'gap:0.4rem 0.6rem;font-size:0.85rem">{"".join(parts)}</div>'
    )


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
    engaged = country_summary(dataset, view.filters)
    st.subheader(_("Engaged countries"))
    key = ("engaged rows", view.filters, i18n.current(), date.today())
    panels.engaged_table(remembered(dataset, key, partial(panels.engaged_rows, engaged)))
    never = missions[~missions["iso3"].isin(engaged["iso3"])]
    with st.expander(
        _("Resident missions in Seoul never met in this view ({count})", count=len(never))
    ):
        st.write(
            ", ".join(shown_country(name) for name in never["country"])
            if len(never)
            else _("None: every one has been met.")
        )
