"""The filters every reading page shares: drawn once by the entry file, read by the pages.

The filter widgets are bound to the address bar (a link reproduces the view) and live in
the entry file, so Streamlit keeps their values from page to page by itself. A month range
nobody chose is open-ended: it follows the data as meetings are added.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from urllib.parse import urlencode, urlparse

import pandas as pd
import streamlit as st

from lib import filters as flt
from lib import i18n
from lib.aggregates import missions
from lib.i18n import N_, _
from lib.meetings import COUNTERPART_TYPES
from lib.programs import program_catalogue
from lib.ui import address
from lib.ui.navigation import through_entry
from lib.ui.sources import Dataset, remembered, source_label
from lib.ui.text import (
    LANGUAGE_KEY,
    plain,
    shown_country,
    shown_filter_value,
    shown_program,
    shown_region,
)

VIEW_KEY = "outreach_view"  # (dataset, view) of this run, for the page to read
MONTH_LABELS = {"start": N_("From month"), "end": N_("To month")}
MONTH_PLACEHOLDERS = {"start": N_("Earliest"), "end": N_("Latest")}


@dataclass
class View:
    """The meetings that pass the sidebar's filters, and their (meeting, program) rows."""

    filters: flt.Filters
    meetings: pd.DataFrame
    programs: pd.DataFrame


def _sorted(values, shown) -> list[str]:
    return sorted({str(value) for value in values if str(value)}, key=lambda v: shown(v).casefold())


def _options(key: str, dataset: Dataset) -> list[str]:
    """The values a filter offers: those in the data (countries: and missions never met)."""
    meetings = dataset.meetings
    if key in ("region", "subregion"):
        return _sorted(meetings[key].astype("str"), shown_region)
    if key == "country":
        engaged = set(meetings["country"].astype("str"))
        return _sorted(engaged | set(missions()["country"]), shown_country)
    if key == "program":
        catalogue = list(program_catalogue()["program"])
        in_data = dataset.programs.get("program", pd.Series(dtype="str")).astype("str")
        return catalogue + _sorted(set(in_data) - set(catalogue), shown_program)
    if key == "type":
        return list(COUNTERPART_TYPES)
    return []


SHARED_KEYS = (LANGUAGE_KEY, *(entry.key for entry in flt.FILTERS), *flt.MONTH_KEYS)
PAGE_KEYS = ("colour", "status", "focus")  # choices a page keeps in the address
ADDRESS_KEYS = (*SHARED_KEYS, *PAGE_KEYS)


def _offered(key: str, dataset: Dataset) -> list[str]:
    """_options, kept per data version and language (sorting by shown names costs)."""
    return remembered(dataset, ("options", key, i18n.current()), partial(_options, key, dataset))


def _warn_about_link() -> None:
    """Say which values from the link do not exist here (they were left out)."""
    ignored = address.ignored()
    if ignored:
        st.warning(
            _(
                "The link asked for {values}, which is not in the data; that part of the link "
                "was ignored.",
                values=plain(", ".join(ignored)),
            )
        )


def _defaults() -> dict[str, object]:
    """Every filter's value when nothing is chosen."""
    values: dict[str, object] = {e.key: [] for e in flt.FILTERS}
    return {**values, "q": "", "start": None, "end": None}


def reset_filters() -> None:
    """Back to every meeting (a button callback)."""
    for key, value in _defaults().items():
        address.change(key, value)


def draw(dataset: Dataset | None) -> tuple[flt.Filters, st.delta_generator.DeltaGenerator]:
    """The filters in the sidebar, and a place above them for the count of meetings shown.

    With no dataset (a recording page), the filters are kept, folded away and disabled:
    they do not apply there, and the view is the same when the person goes back.
    """
    active = dataset is not None
    defaults = _defaults()
    with st.sidebar:
        summary = st.container()
        holder = st.container() if active else st.expander(_("Filters of the reading pages"))
        with holder:
            if not active:
                st.caption(_("They apply to the map, timeline, programs, data and follow-ups."))
            month_list = flt.months(dataset.meetings) if active else []
            options = {
                entry.key: remembered(
                    dataset,
                    ("options", entry.key, i18n.current()),
                    partial(_options, entry.key, dataset),
                )
                if active
                else None
                for entry in flt.FILTERS
                if entry.key != "q"
            }
            if active:
                address.start("q", None, "")
                for key, offered in options.items():
                    address.start(key, offered, [], many=True, translated=True)
                for key in flt.MONTH_KEYS:
                    address.start(key, month_list, None, check=flt.MONTH.match)
                _warn_about_link()
            chosen: dict[str, object] = {
                "q": st.text_input(
                    _("Search"),
                    key="q",
                    placeholder=_("Country, counterpart, any word"),
                    disabled=not active,
                    icon=":material/search:",
                ).strip()
            }
            for entry in flt.FILTERS:
                if entry.key == "q":
                    continue
                chosen[entry.key] = st.multiselect(
                    _(entry.label),
                    options[entry.key] or st.session_state.get(entry.key) or [],
                    key=address.widget_key(entry.key),
                    format_func=lambda value, key=entry.key: shown_filter_value(key, value),
                    placeholder=_("All"),
                    disabled=not active,
                )
            for key in flt.MONTH_KEYS:  # one per row: a month beside the clear icon is cut off
                current = st.session_state.get(key)
                chosen[key] = st.selectbox(
                    _(MONTH_LABELS[key]),
                    month_list if active else [current] if current else [],
                    index=None,
                    key=key,
                    placeholder=_(MONTH_PLACEHOLDERS[key]),
                    disabled=not active,
                )
            for key, value in chosen.items():
                address.keep(key, value, defaults[key], translated=key in options)
            start, end = chosen["start"], chosen["end"]
            if start and end and start > end:
                st.warning(_("The start month is after the end month; showing them swapped."))
                start, end = end, start
            if active:
                st.button(
                    _("Reset filters"), on_click=reset_filters, icon=":material/filter_alt_off:"
                )
    values = {k: v for k, v in chosen.items() if v and k not in flt.MONTH_KEYS}
    return flt.Filters.of(start=start, end=end, **values), summary


def _view(dataset: Dataset, filters: flt.Filters) -> View:
    shown = flt.apply(dataset.meetings, filters, dataset.programs)
    programs = flt.slice_program_rows(dataset.programs, shown, len(dataset.meetings))
    return View(filters, shown, programs)


def compute_view(dataset: Dataset, filters: flt.Filters) -> View:
    """The meetings that pass the filters; kept for the page of this run to read."""
    view = _view(dataset, filters)  # not kept: a slice of a large file is large
    st.session_state[VIEW_KEY] = (dataset, view)
    return view


def count(place: st.delta_generator.DeltaGenerator, dataset: Dataset, view: View) -> None:
    """How many meetings the view shows, of how many, and where they come from."""
    place.caption(
        _(
            "{shown} of {total} meetings shown",
            shown=format(len(view.meetings), ","),
            total=format(len(dataset.meetings), ","),
        )
    )
    place.caption(_("Data: {source}", source=plain(source_label(dataset))))


def current_view() -> tuple[Dataset, View]:
    """The dataset and filtered view the entry file prepared for this run."""
    through_entry()
    return st.session_state[VIEW_KEY]


def kept(name: str, build: Callable[[View], object], *details: object) -> object:
    """`build(view)` for this run's view, kept per data version, filters and language.

    For a page's aggregates and figures: a rerun with the same view does not build them
    again. `details` are whatever else the result depends on (a theme, a choice).
    """
    dataset, view = current_view()
    key = (name, view.filters, i18n.current(), *details)
    return remembered(dataset, key, lambda: build(view))


def link_to_view() -> None:
    """A box with the address of this view (filters, colouring, language) to send on."""
    with st.sidebar.expander(_("Link to this view"), icon=":material/link:"):
        box = st.empty()
        st.caption(_("Anyone with access to Outreach Atlas who opens it sees this view."))

    def show(params: dict[str, list[str]]) -> None:
        query = urlencode(params, doseq=True)
        page = (st.context.url or "").rstrip("/")
        if not urlparse(page).path:
            page += "/"
        # One line that scrolls: wrapped, the address broke in the middle of words.
        box.code(f"{page}?{query}" if query else page, language=None, wrap_lines=False)

    st.session_state[address.LINK_KEY] = show
