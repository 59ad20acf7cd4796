"""Follow-ups: the pledges made in meetings, by due date, until they are kept or dropped."""

import streamlit as st

from lib import followups
from lib.i18n import _
from lib.ui import address, downloads, editing, followup_table, panels, sidebar
from lib.ui.text import shown_value

dataset, view = sidebar.current_view()
panels.heading(_("Follow-ups"), dataset)
editing.show_notice()

status_key = address.start("status", followups.STATUS_VIEWS, "open", translated=True)
status = st.segmented_control(
    _("Show"), followups.STATUS_VIEWS, format_func=shown_value, required=True, key=status_key
)
address.keep("status", status, "open", translated=True)
address.publish(["status"])
if not view.meetings.empty:
    with st.container(border=True):
        downloads.calendar_button(view, dataset)
table = followups.follow_up_table(view.meetings, status, limit=followups.SHOWN)
total, overdue = followups.count_follow_ups(view.meetings, status)
st.caption(followup_table.counts(total, overdue, len(table)))
if view.meetings.empty:
    panels.empty_state(dataset, view)
    st.stop()
if table.empty:
    st.info(
        _("No follow-up is {status} in this view.", status=shown_value(status)),
        icon=":material/task_alt:",
    )
    st.stop()

followup_table.editable_table(table, dataset.mode == "database")
