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
from lib.i18n import N_, _
from lib.ui import address
from lib.ui.navigation import through_entry
from lib.ui.sources import Dataset, remembered, source_label
from lib.ui.text import LANGUAGE_KEY, plain

VIEW_KEY = "outreach_view"  # (dataset, view) of this run, for the page to read
MONTH_PLACEHOLDERS = {"start": N_("Earliest"), "end": N_("Latest")}
PAGE_KEYS = ("colour", "status", "focus")  # choices a page keeps in the address


@dataclass
class View:
    """The meetings that pass the sidebar's filters, and their (meeting, program) rows."""

    filters: flt.Filters
    meetings: pd.DataFrame
    programs: pd.DataFrame


def shared_keys() -> tuple[str, ...]:
    """The address parameters every page shares: the language, each filter, the months."""
    return (LANGUAGE_KEY, *(entry.key for entry in flt.FILTERS), *flt.MONTH_KEYS)


def address_keys() -> tuple[str, ...]:
    """Every parameter of a view's address, in the order the address lists them."""
    return (*shared_keys(), *PAGE_KEYS)


def _options(entry: flt.Filter, dataset: Dataset, filters: flt.Filters) -> list[str]:
    """What a filter offers with these filters chosen (kept per data version and language:
    sorting by shown names costs)."""
    key = ("options", entry.key, filters, i18n.current())
    compute = partial(flt.options, entry, dataset.meetings, filters, dataset.programs)
    return remembered(dataset, key, compute)


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


def _text_box(entry: flt.Filter, options: list[str] | None, active: bool) -> str:
    return st.text_input(
        _(entry.label),
        key=entry.key,
        placeholder=_(entry.hint) if entry.hint else None,
        disabled=not active,
        icon=":material/search:",
    ).strip()


def _multiselect(entry: flt.Filter, options: list[str] | None, active: bool) -> list[str]:
    return st.multiselect(
        _(entry.label),
        options if options is not None else st.session_state.get(entry.key) or [],
        key=address.widget_key(entry.key),
        format_func=entry.shown,
        placeholder=_("All"),
        disabled=not active,
    )


@dataclass(frozen=True)
class Widget:
    """How the sidebar draws a kind of filter widget (a Filter's `widget` names one)."""

    draw: Callable[[flt.Filter, list[str] | None, bool], object]
    default: object  # the value when nothing is chosen
    many: bool  # holds a list of values offered (shown translated, one widget per language)


WIDGETS = {
    "text": Widget(_text_box, "", many=False),
    "multiselect": Widget(_multiselect, [], many=True),
}


def _defaults() -> dict[str, object]:
    """Every filter's value when nothing is chosen."""
    values = {entry.key: WIDGETS[entry.widget].default for entry in flt.FILTERS}
    return {**values, **dict.fromkeys(flt.MONTH_KEYS)}


def _in_order(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    return (end, start) if start and end and start > end else (start, end)


def _chosen_now() -> flt.Filters:
    """The filters as the widgets hold them at the start of this run (before drawing)."""
    values = {}
    for entry in flt.FILTERS:
        many = WIDGETS[entry.widget].many
        value = st.session_state.get(address.widget_key(entry.key) if many else entry.key)
        values[entry.key] = value.strip() if isinstance(value, str) else value
    start, end = _in_order(st.session_state.get("start"), st.session_state.get("end"))
    return flt.Filters.of(start=start, end=end, **values)


def reset_filters() -> None:
    """Back to every meeting (a button callback)."""
    for key, value in _defaults().items():
        address.change(key, value)


def no_match_advice(filters: flt.Filters) -> str:
    """What to do when nothing matches, naming only the filters really set (as markdown)."""
    words = flt.described(filters)
    words += [
        _("{filter}: {values}", filter=_(flt.MONTH_LABELS[key]), values=getattr(filters, key))
        for key in flt.MONTH_KEYS
        if getattr(filters, key)
    ]
    return _(
        "No meeting matches these filters: {filters}. Change or remove one of them in the "
        "sidebar, or show everything again.",
        filters=plain(" · ".join(words)),
    )


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
            if active:
                for entry in flt.FILTERS:
                    widget = WIDGETS[entry.widget]
                    # a link may ask for any value in the data, whatever else it chooses
                    everything = _options(entry, dataset, flt.Filters()) if widget.many else None
                    address.start(
                        entry.key,
                        everything,
                        widget.default,
                        many=widget.many,
                        translated=widget.many,
                    )
                for key in flt.MONTH_KEYS:
                    address.start(key, month_list, None, check=flt.MONTH.match)
                _warn_about_link()
            now = _chosen_now() if active else None
            chosen: dict[str, object] = {}
            for entry in flt.FILTERS:
                widget = WIDGETS[entry.widget]
                # each filter offers what the others leave, and what it holds already
                offered = _options(entry, dataset, now) if active and widget.many else None
                chosen[entry.key] = widget.draw(entry, offered, active)
            for key in flt.MONTH_KEYS:  # one per row: a month beside the clear icon is cut off
                current = st.session_state.get(key)
                chosen[key] = st.selectbox(
                    _(flt.MONTH_LABELS[key]),
                    month_list if active else [current] if current else [],
                    index=None,
                    key=key,
                    placeholder=_(MONTH_PLACEHOLDERS[key]),
                    disabled=not active,
                )
            translated = {entry.key for entry in flt.FILTERS if WIDGETS[entry.widget].many}
            for key, value in chosen.items():
                address.keep(key, value, defaults[key], translated=key in translated)
            start, end = _in_order(chosen["start"], chosen["end"])
            if (start, end) != (chosen["start"], chosen["end"]):
                st.warning(_("The start month is after the end month; showing them swapped."))
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


def forget_view() -> None:
    """Let go of this run's view when the run ends (the entry file's last step).

    A session keeps its state between runs, and an ended session's state lives on until
    Python's occasional full garbage collection: a kept slice of a large file would stay
    with every session that ever looked at one. The next run computes its own view.
    """
    st.session_state.pop(VIEW_KEY, None)


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
