"""Download buttons: a slice of the meetings as the filters show it, and full backups.

Small files are built when the button is clicked. A large one is prepared first, with a
progress bar, and then offered; a workbook too large for a spreadsheet says so and points
to the CSV. The follow-ups go to a calendar as an iCalendar file.
"""

import os
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from lib import calendar_file, export, i18n
from lib import filters as flt
from lib.i18n import _, n_
from lib.store import Store, StoreError
from lib.ui.navigation import PAGE_KEY
from lib.ui.progress_bar import ProgressBar
from lib.ui.sidebar import View
from lib.ui.sources import Dataset, open_store
from lib.ui.text import plain, shown_country, shown_filter_value

PREPARE_ABOVE = 20_000  # meetings: above this, a file is prepared with a progress bar first
PREPARED_KEY = "prepared_files"  # button key → (what it was made from, the file's bytes)
APP_URL_VARIABLE = "OUTREACH_APP_URL"  # the app's address for links, when the browser's is unknown
DEFAULT_APP_URL = "http://localhost:8501"
CANCELLED_KEY = "calendar_cancelled"


def prepared(key: str, made_from: object) -> bytes | None:
    """The file prepared for button `key` in this session, if it was made from `made_from`."""
    kept = st.session_state.get(PREPARED_KEY, {}).get(key)
    return kept[1] if kept and kept[0] == made_from else None


def keep_prepared(key: str, made_from: object, data: bytes) -> None:
    """Keep a prepared file for button `key` until what it was made from changes."""
    st.session_state.setdefault(PREPARED_KEY, {})[key] = (made_from, data)


def _button(
    place,
    label: str,
    key: str,
    count: int,
    kind: str,
    build: Callable[..., bytes],
    made_from: object,
    file_name: str,
    icon: str,
) -> None:
    """A download button for a file of `count` meetings that `build(progress=…)` writes."""
    if count <= PREPARE_ABOVE:
        place.download_button(
            label,
            data=lambda: build(progress=None),
            file_name=file_name,
            mime=export.FILE_KINDS[kind],
            on_click="ignore",
            icon=icon,
            disabled=count == 0,
            key=key,
        )
        return
    ready = prepared(key, made_from)
    if ready is not None:
        place.download_button(
            label,
            data=ready,
            file_name=file_name,
            mime=export.FILE_KINDS[kind],
            on_click="ignore",
            icon=icon,
            key=key,
        )
        return
    if place.button(
        _("Prepare {kind} ({count} meetings)", kind=kind.upper(), count=format(count, ",")),
        key=f"prepare-{key}",
        icon=":material/hourglass_top:",
    ):
        bar = ProgressBar(place)
        try:
            keep_prepared(key, made_from, build(progress=bar))
        except export.ExportError as error:
            place.error(str(error))
            return
        finally:
            bar.empty()
        st.rerun()


def _meetings_of(dataset: Dataset, filters: flt.Filters) -> pd.DataFrame:
    """The view's meetings, worked out again when a file is made.

    A button's file made on click keeps only the filters, never the slice: Streamlit keeps
    that function for the session, and with it every rerun's slice (at a million meetings,
    70 MB more with each filter change).
    """
    return flt.apply(dataset.meetings, filters, dataset.programs)


def slice_buttons(view: View, dataset: Dataset) -> None:
    """CSV and XLSX of exactly the meetings shown, named for the filter.

    The data's version is part of a prepared file's name, so a prepared file is never stale.
    """
    count, filters = len(view.meetings), view.filters
    advice = export.xlsx_advice(count)
    columns = st.columns([1, 1, 2])
    for column, kind in zip(columns, export.FILE_KINDS, strict=False):
        if kind == "xlsx" and count > export.XLSX_MAX_MEETINGS:
            column.button(_("Download XLSX"), disabled=True, icon=":material/download:")
            continue
        _button(
            column,
            _("Download {kind}", kind=kind.upper()),
            f"download-{kind}",
            count,
            kind,
            lambda progress, kind=kind: export.file_bytes(
                _meetings_of(dataset, filters), kind, progress
            ),
            (filters, dataset.version),
            flt.slice_file_name(view.filters, kind, prefix=_("meetings"), shown=shown_filter_value),
            ":material/download:",
        )
    columns[-1].caption(
        _("Downloads hold exactly the meetings shown, in the columns an import reads.")
    )
    if advice:
        st.warning(plain(advice), icon=":material/table_view:")


def backup_buttons(store: Store, count: int) -> None:
    """Every recorded meeting, whatever the filters, as CSV or XLSX."""
    version = store.data_version()
    for column, kind in zip(st.columns(2), export.FILE_KINDS, strict=True):
        if kind == "xlsx" and count > export.XLSX_MAX_MEETINGS:
            column.caption(_("Too many meetings for a workbook: back up as CSV."))
            continue
        _button(
            column,
            _("Back up as {kind}", kind=kind.upper()),
            f"backup-{kind}",
            count,
            kind,
            lambda progress, kind=kind: store.backup_bytes(kind, progress),
            version,
            _("outreach-atlas-backup") + f".{kind}",
            ":material/backup:",
        )


def app_address() -> str:
    """The app's base address, for links in files that leave it (calendar events).

    The address in the person's browser (st.context.url, without this page's path), so the
    links work from where people reach the app; when it is unknown (no browser, as in
    tests), OUTREACH_APP_URL, else http://localhost:8501.
    """
    try:
        url = st.context.url
    except (AttributeError, RuntimeError):
        url = None
    if url:
        parts = urlsplit(url)
        path = parts.path.rstrip("/")
        page = st.session_state.get(PAGE_KEY) or ""
        if page and path.endswith("/" + page):
            path = path[: -len(page) - 1]
        return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return (os.environ.get(APP_URL_VARIABLE) or DEFAULT_APP_URL).rstrip("/")


def _revisions(dataset: Dataset) -> Callable[[], dict[str, int]]:
    """Each meeting's revision in the database (the events' SEQUENCE), read when called."""
    if dataset.mode != "database":
        return dict
    try:
        store = open_store()
    except StoreError:
        return dict

    def read() -> dict[str, int]:
        try:
            return store.revisions()
        except StoreError:
            return {}

    return read


def calendar_counts_text(counts: calendar_file.CalendarCounts) -> str:
    """ "12 pledges with a due date; 3 without a due date are not in the file." and so on."""
    text = n_(
        "{count} pledge with a due date",
        "{count} pledges with a due date",
        counts.events,
    )
    if counts.cancelled:
        text += " " + _("({cancelled} of them as cancelled)", cancelled=counts.cancelled)
    if counts.without_due:
        text += "; " + n_(
            "{count} without a due date is not in the file",
            "{count} without a due date are not in the file",
            counts.without_due,
        )
    if counts.closed_left_out:
        text += "; " + n_(
            "{count} done or dropped is left out",
            "{count} done or dropped are left out",
            counts.closed_left_out,
        )
    return text + "."


def calendar_button(view: View, dataset: Dataset) -> None:
    """The "Add to a calendar" download: the pledges in view with a due date (.ics)."""
    meetings = view.meetings
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        download = st.empty()
        include = st.checkbox(
            _("Include done and dropped as cancelled"),
            key=CANCELLED_KEY,
            help=_(
                "Calendars that already have these pledges from an earlier file then take "
                "them off; left out, they stay there as they were."
            ),
        )
    counts = calendar_file.counts(meetings, include)
    # The file is made when the button is clicked, outside this run: what it needs from the
    # session (the address, the language) is taken now.
    app_url, language, revisions = app_address(), i18n.current(), _revisions(dataset)

    filters = view.filters

    def build() -> bytes:
        i18n.use(language)
        return calendar_file.calendar_bytes(
            _meetings_of(dataset, filters),
            app_url,
            include,
            country=shown_country,
            revisions=revisions(),
        )

    download.download_button(
        _("Add to a calendar"),
        data=build,
        file_name=flt.slice_file_name(
            view.filters, "ics", prefix=_("follow-ups"), shown=shown_filter_value
        ),
        mime=calendar_file.MIME,
        on_click="ignore",
        icon=":material/event:",
        disabled=counts.events == 0,
        key="download-calendar",
    )
    st.caption(
        calendar_counts_text(counts)
        + " "
        + _(
            "The file follows the sidebar's filters, whatever status the table shows; "
            "importing it again updates its events instead of adding them twice."
        )
    )
