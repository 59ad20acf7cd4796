"""Data: the filtered meetings as a table, downloads of that slice, and a file to explore."""

import streamlit as st

from lib.i18n import _
from lib.ui import briefs, downloads, panels, sidebar, signin, sources
from lib.ui.text import uploader_words

dataset, view = sidebar.current_view()
panels.heading(_("Data and downloads"), dataset)
panels.show_problems(dataset)

linked = panels.linked_meeting(dataset, view)
downloads.slice_buttons(view, dataset)
briefs.view_briefs(dataset, view)
if view.meetings.empty:
    panels.empty_state(dataset, view)
else:
    # A heading between the briefs and the table: the table's toolbar, drawn above its
    # top-right corner, would cover the line above it.
    st.subheader(_("Meetings shown"))
    picked = panels.meetings_table(view.meetings, key="meetings")
    if picked and picked != linked:  # the linked meeting is shown above
        panels.meeting_details(view.meetings, picked, editable=dataset.mode == "database")

st.divider()
uploader_words("upload", ["csv", "xlsx"])
sources.upload_section()

if dataset.mode == "database" and not dataset.error and signin.can("backup"):
    st.divider()
    st.subheader(_("Full backup"))
    st.caption(
        _("Every recorded meeting in format v1, whatever the filters; import it to restore.")
    )
    downloads.backup_buttons(sources.open_store(), len(dataset.meetings))
