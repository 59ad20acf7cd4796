"""Download buttons: a slice of the meetings as the filters show it, and full backups.

Small files are built when the button is clicked. A large one is prepared first, with a
progress bar, and then offered; a workbook too large for a spreadsheet says so and points
to the CSV.
"""

from collections.abc import Callable

import streamlit as st

from lib import export
from lib import filters as flt
from lib.i18n import _
from lib.store import Store
from lib.ui.progress_bar import ProgressBar
from lib.ui.sidebar import View
from lib.ui.text import plain, shown_filter_value

PREPARE_ABOVE = 20_000  # meetings: above this, a file is prepared with a progress bar first
PREPARED_KEY = "prepared_files"  # button key → (what it was made from, the file's bytes)


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
    prepared = st.session_state.setdefault(PREPARED_KEY, {})
    if key in prepared and prepared[key][0] == made_from:
        place.download_button(
            label,
            data=prepared[key][1],
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
            prepared[key] = (made_from, build(progress=bar))
        except export.ExportError as error:
            place.error(str(error))
            return
        finally:
            bar.empty()
        st.rerun()


def slice_buttons(view: View, version: object) -> None:
    """CSV and XLSX of exactly the meetings shown, named for the filter.

    `version` names the data the view comes from, so a prepared file is never stale.
    """
    count = len(view.meetings)
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
            lambda progress, kind=kind: export.file_bytes(view.meetings, kind, progress),
            (view.filters, version),
            flt.slice_file_name(view.filters, kind, prefix=_("meetings"), shown=shown_filter_value),
            ":material/download:",
        )
    columns[-1].caption(
        _("Downloads hold exactly the meetings shown, in format v1 (docs/data-format.md).")
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
