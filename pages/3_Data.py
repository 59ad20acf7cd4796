"""Data: the filtered meetings as a table, downloads of that slice, and a file to explore."""

import streamlit as st

from lib import export, filters, ui

dataset, view = ui.setup_page("Data and downloads")
st.title("Data and downloads")
ui.show_problems(dataset)

columns = st.columns([1, 1, 2])
for column, kind in zip(columns, export.FILE_KINDS, strict=False):
    column.download_button(
        f"Download {kind.upper()}",
        data=lambda kind=kind: export.file_bytes(view.meetings, kind),
        file_name=filters.slice_file_name(view.filters, kind),
        mime=export.FILE_KINDS[kind],
        on_click="ignore",
        icon=":material/download:",
        disabled=view.meetings.empty,
    )
columns[-1].caption(
    "Downloads hold exactly the meetings below, in format v1 (docs/data-format.md)."
)

if view.meetings.empty:
    ui.empty_state(view.filters)
else:
    ui.meetings_table(view.meetings)

st.divider()
ui.upload_section()

if ui.data_mode() == "database":
    st.divider()
    st.subheader("Full backup")
    st.caption("Every recorded meeting in format v1, whatever the filters; import it to restore.")
    store = ui.open_store()
    for column, kind in zip(st.columns(2), export.FILE_KINDS, strict=True):
        column.download_button(
            f"Back up as {kind.upper()}",
            data=lambda kind=kind: store.backup_bytes(kind),
            file_name=f"outreach-atlas-backup.{kind}",
            mime=export.FILE_KINDS[kind],
            on_click="ignore",
            icon=":material/backup:",
        )
