"""Download buttons: a slice of the meetings as the filters show it, and full backups."""

import streamlit as st

from lib import export
from lib import filters as flt
from lib.i18n import _
from lib.store import Store
from lib.ui.sidebar import View
from lib.ui.text import shown_filter_value


def slice_buttons(view: View) -> None:
    """CSV and XLSX of exactly the meetings shown, named for the filter."""
    columns = st.columns([1, 1, 2])
    for column, kind in zip(columns, export.FILE_KINDS, strict=False):
        column.download_button(
            _("Download {kind}", kind=kind.upper()),
            data=lambda kind=kind: export.file_bytes(view.meetings, kind),
            file_name=flt.slice_file_name(
                view.filters, kind, prefix=_("meetings"), shown=shown_filter_value
            ),
            mime=export.FILE_KINDS[kind],
            on_click="ignore",
            icon=":material/download:",
            disabled=view.meetings.empty,
            key=f"download-{kind}",
        )
    columns[-1].caption(
        _("Downloads hold exactly the meetings shown, in format v1 (docs/data-format.md).")
    )


def backup_buttons(store: Store) -> None:
    """Every recorded meeting, whatever the filters, as CSV or XLSX."""
    for column, kind in zip(st.columns(2), export.FILE_KINDS, strict=True):
        column.download_button(
            _("Back up as {kind}", kind=kind.upper()),
            data=lambda kind=kind: store.backup_bytes(kind),
            file_name=f"outreach-atlas-backup.{kind}",
            mime=export.FILE_KINDS[kind],
            on_click="ignore",
            icon=":material/backup:",
            key=f"backup-{kind}",
        )
