"""Importing a meetings file: the preview (new, already recorded, unusable), the import with
its progress, and what the last import did until the person dismisses it."""

import io

import pandas as pd
import streamlit as st

from lib.export import format_v1_table
from lib.i18n import _, n_
from lib.meetings import FORMAT_COLUMNS, MeetingsFileError, Problem, read_meetings
from lib.store import ImportReport, Store, StoreError
from lib.ui import editing, panels, signin
from lib.ui.forms import label as field_label
from lib.ui.progress_bar import ProgressBar
from lib.ui.text import plain, uploader_words

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


def preview_heading(new: int, known: int, refused: int) -> str:
    """ "3 new meetings can be added; 1 is already recorded; 2 rows cannot be used." """
    # Each part brings its own punctuation: the languages join their clauses differently.
    return " ".join(
        [
            n_("{count} new meeting can be added;", "{count} new meetings can be added;", new),
            n_("{count} is already recorded;", "{count} are already recorded;", known),
            n_("{count} row cannot be used.", "{count} rows cannot be used.", refused),
        ]
    )


def file_problems(problems: list[Problem], name: str) -> None:
    """The file's rows that cannot be used, with their line and why, in an expander."""
    if not problems:
        return
    lines = len({problem.line for problem in problems})
    label = n_(
        "{count} row of {name} cannot be used — see why",
        "{count} rows of {name} cannot be used — see why",
        lines,
        name=name,
    )
    with st.expander(plain(label)):
        st.dataframe(
            pd.DataFrame(
                [(p.line, field_label(p.column), str(p.message)) for p in problems],
                columns=[_("Line"), _("Column"), _("Problem")],
            ),
            hide_index=True,
            width="stretch",
        )


def changed_rows(
    store: Store, meetings: pd.DataFrame, known: list[Problem]
) -> list[tuple[int, str, str, str, str]]:
    """(line, id, field, recorded, in the file) for each field of a row skipped for its id
    whose text differs from the recorded meeting's."""
    lines = {problem.line for problem in known if problem.column == "id"}
    rows = meetings[meetings["line"].isin(lines)]
    if rows.empty:
        return []
    cells = format_v1_table(rows)
    found = []
    for (_row, row), line in zip(cells.iterrows(), rows["line"], strict=True):
        recorded = store.get(str(row["id"]))
        for column in FORMAT_COLUMNS:
            mine, theirs = str(row[column]).strip(), str(recorded.get(column) or "").strip()
            if mine != theirs:
                found.append((int(line), str(row["id"]), column, theirs, mine))
    return found


def differences_table(changed: list[tuple[int, str, str, str, str]]) -> None:
    """Each differing field: the line, the meeting, the field, the recorded and the file's text."""
    st.dataframe(
        pd.DataFrame(
            [
                (line, id, field_label(column), recorded, in_file)
                for line, id, column, recorded, in_file in changed
            ],
            columns=[_("Line"), _("Meeting"), _("Field"), _("Recorded"), _("In the file")],
        ),
        hide_index=True,
        width="stretch",
    )


def file_import(store: Store, who: str | None) -> None:
    """Upload a meetings file, see what can be imported and why not, then import it."""
    uploader_words("import_file", ["csv", "xlsx"])
    upload = st.file_uploader(
        _("Meetings file (CSV or XLSX)"), type=["csv", "xlsx"], key="import_file"
    )
    if upload is None:
        st.caption(
            _(
                "A file downloaded from the Data page has the columns an import reads; Korean "
                "column names are read too. Rows with problems are listed with their line and "
                "left out; the rest can be imported."
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
        changed = changed_rows(store, preview.meetings, known)
    except StoreError as error:
        st.error(plain(str(error)))
        return
    usable = len(preview.meetings)
    refused = len({problem.line for problem in preview.problems})
    st.subheader(preview_heading(usable - len(known), len(known), refused))
    file_problems(preview.problems, upload.name)
    if changed:
        st.warning(
            n_(
                "{count} row has the id of a recorded meeting but other content.",
                "{count} rows have the id of a recorded meeting but other content.",
                len({line for line, *_rest in changed}),
            )
            + " "
            + _(
                "Such rows are skipped: an import never changes a recorded meeting. Edit it on the "
                "Record page, or give the row a new id."
            ),
            icon=":material/difference:",
        )
        differences_table(changed)
    if known:
        with st.expander(_("The rows already recorded (skipped)")):
            skipped_table(known)
    new = preview.meetings[~preview.meetings["line"].isin({p.line for p in known})]
    if not new.empty:
        with st.expander(_("Preview the new meetings")):
            panels.meetings_table(new.head(200), key="preview")
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
