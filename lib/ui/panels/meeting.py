"""Meetings as a table and one meeting in full, with its follow-up and its source."""

import pandas as pd
import streamlit as st

from lib import followups
from lib.i18n import _
from lib.meetings import date_labels
from lib.ui import signin
from lib.ui.navigation import RECORD_PAGE
from lib.ui.text import plain, shown_country, shown_program, shown_value, web_link

TABLE_ROWS = 2000  # rows sent to the browser; downloads hold every row


def meetings_table(meetings: pd.DataFrame, key: str) -> str | None:
    """The meetings as a readable table; returns the id of the row the person selected."""
    if len(meetings) > TABLE_ROWS:
        st.caption(
            _(
                "Showing the {shown} most recent of {total} meetings; the downloads hold them all.",
                shown=format(TABLE_ROWS, ","),
                total=format(len(meetings), ","),
            )
        )
        meetings = meetings.loc[meetings["date"].nlargest(TABLE_ROWS).index]
    table = pd.DataFrame(
        {
            _("Date"): date_labels(meetings),
            _("Country"): meetings["country"].astype("str").map(shown_country),
            _("Counterpart"): meetings["counterpart"],
            _("Title"): meetings["counterpart_title"],
            _("Type"): meetings["counterpart_type"].astype("str").map(shown_value),
            _("Programs"): meetings["programs"].map(
                lambda listed: "; ".join(shown_program(p) for p in listed)
            ),
            _("Follow-up"): meetings["follow_up"],
            _("Status"): meetings["follow_up_status"].astype("str").map(shown_value),
            _("Summary"): meetings["summary"],
            _("Source"): meetings["source_title"],
        }
    )
    picked = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key=key,
        on_select="rerun",
        selection_mode="single-row",
    )
    st.caption(_("Select a row to read the whole meeting, open its source or edit it."))
    rows = picked.selection.rows if picked else []
    return str(meetings["id"].iloc[rows[0]]) if rows else None


def meeting_details(meetings: pd.DataFrame, id: str, editable: bool) -> None:
    """One meeting in full: who, when, what was discussed and promised, and its source."""
    found = meetings[meetings["id"] == id]
    if found.empty:
        return
    row = found.iloc[0]
    when = date_labels(found).iloc[0]
    with st.container(border=True):
        st.markdown(
            f"**{plain(shown_country(row['country']))}** · {plain(when)} · "
            + plain(row["counterpart"] or row["counterpart_title"] or _("counterpart not named"))
        )
        facts = [
            (_("Title"), row["counterpart_title"]),
            (_("Type"), shown_value(row["counterpart_type"]) if row["counterpart_type"] else ""),
            (_("Our representative"), row["representative"]),
            (_("Event"), row["event"]),
            (_("Where"), row["location"]),
            (_("Programs"), "; ".join(shown_program(p) for p in row["programs"])),
            (_("Cities"), "; ".join(row["cities"])),
        ]
        st.markdown("  \n".join(f"{label}: {plain(value)}" for label, value in facts if value))
        if row["follow_up"]:
            follow_up = _("Follow-up")  # outside the f-string: the catalogue reads only calls
            st.markdown(f"**{follow_up}:** {plain(row['follow_up'])}")
            st.caption(follow_up_state(row))
        if row["summary"]:
            st.markdown(plain(row["summary"]))
        source(row)
        if editable and signin.can("edit"):
            if st.button(_("Edit this meeting"), key=f"edit-{id}", icon=":material/edit:"):
                open_meeting(id)


def source(row: pd.Series) -> None:
    """The meeting's source as a link (or its title, when it has no link)."""
    source_word = _("Source")  # outside the f-strings: the catalogue reads only calls
    title = row["source_title"] or source_word
    if row["source_url"]:
        st.markdown(f"{source_word}: {web_link(title, row['source_url'])}")
    elif row["source_title"]:
        st.markdown(f"{source_word}: {plain(title)}")
    else:
        st.caption(_("No source recorded."))


def follow_up_state(row: pd.Series, today: pd.Timestamp | None = None) -> str:
    """A follow-up's status, owner and due date in words, with how overdue it is."""
    today = today or pd.Timestamp.today().normalize()
    words = followups.state_words(row, today, overdue_mark="⚠ ")
    return plain(" · ".join([shown_value(row["follow_up_status"]), *words]))


def open_meeting(id: str) -> None:
    """Go to the recording page with this meeting open, in this same tab and session."""
    st.switch_page(RECORD_PAGE, query_params={"meeting": id})
