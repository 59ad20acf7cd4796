"""Import meetings from a colleague's spreadsheet: preview, then append or replace at once."""

import io

import streamlit as st

from lib.i18n import _
from lib.meetings import MeetingsFileError, read_meetings
from lib.store import StoreError
from lib.ui import editing, importing, navigation, panels, signin, sources

navigation.through_entry()
st.title(_("Import meetings"))
signin.require("import")
store = sources.database_or_explain(_("import meetings"))
if store is None:
    st.stop()
editing.show_notice()
importing.last_report()
who = editing.editor_name()

upload = st.file_uploader(
    _("Meetings file (CSV or XLSX, format v1)"), type=["csv", "xlsx"], key="import_file"
)
if upload is None:
    st.caption(
        _(
            "Columns and accepted values are in docs/data-format.md. Rows with problems are "
            "listed with their line and left out; the rest can be imported."
        )
    )
    st.stop()

raw = upload.getvalue()
try:
    preview = read_meetings(io.BytesIO(raw), name=upload.name)
except MeetingsFileError as error:
    st.error(str(error))
    st.stop()

usable, refused = len(preview.meetings), len({p.line for p in preview.problems})
st.subheader(importing.preview_heading(usable, refused))
panels.show_problems(
    sources.Dataset(preview.meetings, upload.name, preview.problems, mode="upload")
)
if usable:
    with st.expander(_("Preview the meetings")):
        panels.meetings_table(preview.meetings.head(200), key="preview")

mode = st.radio(
    _("How"),
    ["append", "replace"] if signin.can("replace") else ["append"],
    format_func={
        "append": _(
            "Add them to the meetings already recorded (already recorded ones are skipped)"
        ),
        "replace": _("Replace every recorded meeting with this file"),
    }.get,
    key="import_mode",
)


def _import() -> None:
    try:
        with st.spinner(
            _("Importing {count} meetings in one transaction…", count=format(usable, ","))
        ):
            report = store.import_meetings(io.BytesIO(raw), mode=mode, who=who, name=upload.name)
    except (MeetingsFileError, StoreError) as error:
        editing.notify("error", _("{problem} Nothing was changed.", problem=str(error)))
    else:
        importing.keep_report(report)
    st.rerun()


if mode == "replace":
    st.button(
        _("Replace everything…"),
        type="primary",
        disabled=not (who and usable),
        on_click=editing.ask,
        args=("replace",),
    )
    recorded = len(sources.load_dataset().meetings)
    editing.confirmation(
        "replace",
        _(
            "All {recorded} recorded meetings will be replaced by the {usable} in this file. "
            "A full backup is written first and offered for download.",
            recorded=format(recorded, ","),
            usable=format(usable, ","),
        ),
        _("Yes, replace them"),
        _import,
    )
elif st.button(_("Import"), type="primary", disabled=not (who and usable)):
    _import()
if not who:
    st.caption(_("Give your name above to import: it is kept in each meeting's history."))
