"""Importing a meetings file: the preview (new, already recorded, unusable), the import with
its progress, and what the last import did until the person dismisses it."""

import io

import pandas as pd
import streamlit as st

from lib.i18n import _
from lib.meetings import MeetingsFileError, read_meetings
from lib.store import ImportReport, Store, StoreError
from lib.ui import editing, panels, signin, sources
from lib.ui.progress_bar import ProgressBar
from lib.ui.text import plain

REPORT_KEY = "last_import"
RUNNING_KEY = "import_running"  # set while an import runs: still set next run = cancelled


def keep_report(report: ImportReport) -> None:
    """Keep what an import did, to show it (and its backup) until the next import."""
    st.session_state[REPORT_KEY] = report


def last_report() -> None:
    """What the last import did (or that it was cancelled), with a replace's backup."""
    if st.session_state.pop(RUNNING_KEY, False):
        st.warning(_("The import was stopped before it finished. Nothing was changed."))
    report: ImportReport | None = st.session_state.get(REPORT_KEY)
    if report is None:
        return
    with st.container(border=True):
        if report.removed:
            text = _(
                "Replaced {removed} meetings with the {added} of the file.",
                removed=format(report.removed, ","),
                added=format(report.added, ","),
            )
        else:
            text = _(
                "Imported {added} meetings; {skipped} were already recorded and were skipped.",
                added=format(report.added, ","),
                skipped=format(len(report.skipped), ","),
            )
        st.success(text)
        if report.skipped:
            with st.expander(_("The rows skipped as already recorded")):
                skipped_table(report.skipped)
        if report.backup_path and report.backup_path.exists():
            st.download_button(
                _("Download the backup taken before the replace"),
                data=report.backup_path.read_bytes(),
                file_name=report.backup_path.name,
                mime="text/csv",
                on_click="ignore",
                icon=":material/download:",
                key="backup-before-replace",
            )
        if st.button(_("Dismiss"), key="dismiss-import"):
            del st.session_state[REPORT_KEY]
            st.rerun()


def skipped_table(skipped: list) -> None:
    """Rows left out as already recorded: their line and the meeting they repeat."""
    st.dataframe(
        pd.DataFrame(
            [(problem.line, str(problem.message)) for problem in skipped],
            columns=[_("Line"), _("Already recorded")],
        ),
        hide_index=True,
        width="stretch",
    )


def run_import(store: Store, raw: bytes, name: str, mode: str, who: str) -> None:
    """Import the file in one transaction, with a progress bar; then show what it did.

    Clicking anything while it runs stops it: the transaction is rolled back.
    """
    st.button(_("Stop the import"), key="stop-import", icon=":material/stop:")
    bar = ProgressBar()
    st.session_state[RUNNING_KEY] = True
    try:
        report = store.import_meetings(io.BytesIO(raw), mode=mode, who=who, name=name, progress=bar)
    except (MeetingsFileError, StoreError) as error:
        editing.notify("error", _("{problem} Nothing was changed.", problem=plain(str(error))))
    else:
        keep_report(report)
    st.session_state.pop(RUNNING_KEY, None)
    st.rerun()


def file_import(store: Store, who: str | None) -> None:
    """Upload a meetings file, see what can be imported and why not, then import it."""
    upload = st.file_uploader(
        _("Meetings file (CSV or XLSX, format v1)"), type=["csv", "xlsx"], key="import_file"
    )
    if upload is None:
        st.caption(
            _(
                "Columns and accepted values are in docs/data-format.md; Korean column names "
                "are read too. Rows with problems are listed with their line and left out; "
                "the rest can be imported."
            )
        )
        return
    raw = upload.getvalue()
    try:
        preview = read_meetings(io.BytesIO(raw), name=upload.name)
    except MeetingsFileError as error:
        st.error(plain(str(error)))
        return
    try:
        known = store.already_recorded(preview.meetings)
    except StoreError as error:
        st.error(plain(str(error)))
        return
    usable = len(preview.meetings)
    refused = len({problem.line for problem in preview.problems})
    st.subheader(
        _(
            "{new} new meetings can be added; {known} are already recorded; {refused} rows "
            "cannot be used.",
            new=format(usable - len(known), ","),
            known=format(len(known), ","),
            refused=format(refused, ","),
        )
    )
    panels.show_problems(
        sources.Dataset(preview.meetings, upload.name, preview.problems, mode="upload")
    )
    if known:
        with st.expander(_("The rows already recorded")):
            skipped_table(known)
    if usable:
        with st.expander(_("Preview the meetings")):
            panels.meetings_table(preview.meetings.head(200), key="preview")
    mode = st.radio(
        _("How"),
        ["append", "replace"] if signin.can("replace") else ["append"],
        format_func={
            "append": _("Add the new ones to the meetings already recorded"),
            "replace": _("Replace every recorded meeting with this file"),
        }.get,
        key="import_mode",
    )
    ready = bool(who and usable)
    if mode == "replace":
        st.button(
            _("Replace everything…"),
            type="primary",
            disabled=not ready,
            on_click=editing.ask,
            args=("replace",),
        )
        editing.confirmation(
            "replace",
            _(
                "All {recorded} recorded meetings will be replaced by the {usable} in this "
                "file. A full backup is written first and offered for download.",
                recorded=format(store.count(), ","),
                usable=format(usable, ","),
            ),
            _("Yes, replace them"),
            lambda: run_import(store, raw, upload.name, mode, who),
        )
    elif st.button(_("Import"), type="primary", disabled=not ready or usable == len(known)):
        run_import(store, raw, upload.name, mode, who)
    if not who:
        st.caption(_("Give your name above to import: it is kept in each meeting's history."))
