"""Import meetings from a colleague's spreadsheet: preview, then append or replace at once."""

import io

import streamlit as st

from lib import ui
from lib.meetings import MeetingsFileError, read_meetings
from lib.store import StoreError

dataset, view = ui.setup_page("Import meetings")
st.title("Import meetings")
store = ui.database_or_explain("import meetings")
if store is None:
    st.stop()
who = ui.editor_name()

upload = st.file_uploader("Meetings file (CSV or XLSX, format v1)", type=["csv", "xlsx"])
if upload is None:
    st.caption(
        "Columns and accepted values are in docs/data-format.md. Rows with problems are "
        "listed with their line and left out; the rest can be imported."
    )
    st.stop()

raw = upload.getvalue()
try:
    preview = read_meetings(io.BytesIO(raw), name=upload.name)
except MeetingsFileError as error:
    st.error(str(error))
    st.stop()

usable, refused = len(preview.meetings), len({p.line for p in preview.problems})
st.subheader(f"{usable} meeting(s) can be imported, {refused} row(s) cannot")
ui.show_problems(ui.Dataset(preview.meetings, upload.name, preview.problems))
if usable:
    with st.expander("Preview the meetings"):
        ui.meetings_table(preview.meetings.head(200))

mode = st.radio(
    "How",
    ["append", "replace"],
    format_func={
        "append": "Add them to the meetings already recorded (already recorded ones are skipped)",
        "replace": "Replace every recorded meeting with this file",
    }.get,
)
confirmed = True
if mode == "replace":
    st.warning(
        f"All {len(dataset.meetings)} recorded meetings will be replaced by the {usable} in "
        "this file. A full backup is written first and offered for download."
    )
    confirmed = st.checkbox("Yes, replace every recorded meeting")

if st.button("Import", type="primary", disabled=not (who and usable and confirmed)):
    try:
        with st.spinner(f"Importing {usable} meetings in one transaction…"):
            report = store.import_meetings(io.BytesIO(raw), mode=mode, who=who, name=upload.name)
    except (MeetingsFileError, StoreError) as error:
        st.error(f"{ui.plain(error)} Nothing was changed.")
        st.stop()
    st.success(
        f"Imported {report.added} meeting(s)"
        + (f", replacing {report.removed}" if report.removed else "")
        + (f"; skipped {len(report.skipped)} already recorded." if report.skipped else ".")
    )
    if report.skipped:
        with st.expander(f"{len(report.skipped)} row(s) skipped as already recorded"):
            for problem in report.skipped:
                st.write(f"Line {problem.line}: {ui.plain(problem.message)}")
    if report.backup_path:
        st.download_button(
            "Download the backup taken before the replace",
            data=report.backup_path.read_bytes(),
            file_name=report.backup_path.name,
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
        )
if not who:
    st.caption("Give your name above to import: it is kept in each meeting's history.")
