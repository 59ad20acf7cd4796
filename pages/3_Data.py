"""Data: the filtered meetings as a table, downloads of that slice, and a file to explore."""

import streamlit as st

from lib import export, filters, ui

dataset, view = ui.setup_page("Data and downloads")
st.title("Data and downloads")
ui.show_problems(dataset)

left, middle, right = st.columns([1, 1, 2])
left.download_button(
    "Download CSV",
    data=lambda: export.csv_bytes(view.meetings),
    file_name=filters.slice_file_name(view.filters, "csv"),
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
    disabled=view.meetings.empty,
)
middle.download_button(
    "Download XLSX",
    data=lambda: export.xlsx_bytes(view.meetings),
    file_name=filters.slice_file_name(view.filters, "xlsx"),
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
    icon=":material/download:",
    disabled=view.meetings.empty,
)
right.caption("Downloads hold exactly the meetings below, in format v1 (docs/data-format.md).")

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
    left, right = st.columns(2)
    left.download_button(
        "Back up as CSV",
        data=lambda: store.backup_bytes("csv"),
        file_name="outreach-atlas-backup.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/backup:",
    )
    right.download_button(
        "Back up as XLSX",
        data=lambda: store.backup_bytes("xlsx"),
        file_name="outreach-atlas-backup.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/backup:",
    )
