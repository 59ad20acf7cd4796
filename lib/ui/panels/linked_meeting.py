"""The meeting a link names with ?meeting=<id>, shown above the Data page's table."""

import streamlit as st

from lib.i18n import _
from lib.ui.panels.meeting import meeting_details
from lib.ui.sidebar import View
from lib.ui.sources import Dataset, source_label
from lib.ui.text import plain

MEETING_PARAM = "meeting"  # ?meeting=<id> opens one meeting on the Data page
LONGEST_ID = 200  # characters: a longer "id" in a link is not one


def linked_meeting(dataset: Dataset, view: View) -> str | None:
    """The meeting a link names with ?meeting=<id> (a calendar event's), or why it cannot.

    Looked up among all the meetings, whatever the filters; returns the id shown.
    """
    given = st.query_params.get_all(MEETING_PARAM)
    if not given or dataset.error:  # without data, the heading's message says why
        return None
    id = given[0].strip()
    if not id or len(id) > LONGEST_ID or not id.isprintable():
        shown = id[:60] + "…" if len(id) > 60 else id
        st.warning(
            _(
                "The link's meeting= is not a meeting id ('{id}'). Select the meeting in the "
                "table below instead.",
                id=plain(shown.encode("unicode_escape").decode("ascii")),
            )
            if id
            else _(
                "The link's meeting= is empty: it names no meeting. Select one in the table "
                "below instead."
            ),
            icon=":material/link_off:",
        )
        _close_linked_meeting()
        return None
    if not (dataset.meetings["id"] == id).any():
        st.warning(
            _(
                "There is no meeting '{id}' in {source}: it may have been deleted, or the "
                "link comes from another copy of Outreach Atlas. Select a meeting in the "
                "table below instead.",
                id=plain(id),
                source=plain(source_label(dataset)),
            ),
            icon=":material/link_off:",
        )
        _close_linked_meeting()
        return None
    st.subheader(_("The meeting from the link"))
    meeting_details(dataset.meetings, id, editable=dataset.mode == "database")
    if not (view.meetings["id"] == id).any():
        st.caption(_("The sidebar's filters leave it out of the table below."))
    _close_linked_meeting()
    return id


def _forget_linked_meeting() -> None:
    del st.query_params[MEETING_PARAM]


def _close_linked_meeting() -> None:
    st.button(
        _("Close the meeting from the link"),
        on_click=_forget_linked_meeting,
        key="close-linked-meeting",
        icon=":material/close:",
    )
