"""Follow-ups: the pledges made in meetings, by due date, until they are kept or dropped."""

import streamlit as st

from lib import followups, ui
from lib.store import MeetingInvalid, StoreError

dataset, view = ui.setup_page("Follow-ups")
st.title("Follow-ups")

status = st.segmented_control(
    "Show", followups.STATUS_VIEWS, default="open", key="status", bind="query-params"
)
table = followups.follow_up_table(view.meetings, status or "open", limit=followups.SHOWN)
total, overdue = followups.count_follow_ups(view.meetings, status or "open")
shown = f"; the {followups.SHOWN:,} soonest due are listed" if total > len(table) else ""
st.caption(f"{total:,} follow-up(s), {overdue:,} overdue, soonest due first{shown}.")
if table.empty:
    ui.empty_state(view.filters) if view.meetings.empty else st.info("No follow-up to show.")
    st.stop()

st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={
        "Overdue": st.column_config.CheckboxColumn("Overdue"),
        "Due": st.column_config.DateColumn("Due", format="D MMM YYYY"),
        "Meeting": st.column_config.LinkColumn("Meeting", display_text="Open ↗"),
        "id": None,
    },
)

if ui.data_mode() != "database":
    st.caption("Statuses can be changed when the app uses the database.")
    st.stop()
st.subheader("Mark a follow-up")
who = ui.editor_name()
labels = dict(zip(table["id"], followups.labels(table), strict=True))
left, right = st.columns([3, 1])
chosen = left.selectbox("Follow-up", list(labels), format_func=labels.get, key="follow_up_id")
new_status = right.selectbox("New status", followups.STATUSES, index=1, key="new_status")
if st.button("Save status", type="primary", disabled=not who):
    try:
        ui.open_store().update(chosen, {"follow_up_status": new_status}, who)
    except (MeetingInvalid, StoreError) as error:
        st.error(str(error))
    else:
        st.toast(f"{labels[chosen]}: now {new_status}.", icon=":material/check:")
        st.rerun()
if not who:
    st.caption("Give your name to change a status: it is kept in the meeting's history.")
