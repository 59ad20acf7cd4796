"""Meetings as a table and one meeting in full, with its follow-up and its source."""

import pandas as pd
import streamlit as st

from lib import followups
from lib.i18n import _
from lib.meetings import date_labels, day_label
from lib.meetings.fields import BY_NAME, FIELDS, WRITTEN_KINDS, Field
from lib.ui import signin
from lib.ui.navigation import RECORD_PAGE
from lib.ui.text import plain, shown_country, shown_program, shown_value, web_link

TABLE_ROWS = 2000  # rows sent to the browser; downloads hold every row

# Where a meeting's fields show. The table has every field of lib/meetings/fields.py in the
# registry's order but those it leaves out to stay narrow (the panel shows them); the panel
# lists as facts every field it does not show in a place of its own, the known ones first.
# So a new field shows in both by itself.
_TABLE_LEAVES_OUT = frozenset(
    {"id", "date_precision", "event", "representative", "meeting_type", "location", "cities"}
    | {"follow_up_owner", "follow_up_due", "source_url"}
)
_FACTS_FIRST = (
    "counterpart_title",
    "counterpart_type",
    "representative",
    "event",
    "location",
    "programs",
    "cities",
)
# Shown in the panel's own places: the headline, the follow-up, the summary, the source.
_SHOWN_APART = frozenset(
    {"id", "date", "date_precision", "country", "counterpart", "summary"}
    | {"follow_up", "follow_up_owner", "follow_up_status", "follow_up_due"}
    | {"source_title", "source_url"}
)


def _facts() -> list[Field]:
    """The fields the panel lists as "label: value", in its order, new fields last."""
    rest = [e for e in FIELDS if e.name not in _SHOWN_APART and e.name not in _FACTS_FIRST]
    return [BY_NAME[name] for name in _FACTS_FIRST if name in BY_NAME] + rest


def _shown(entry: Field, value: object) -> str:
    """One field's value as people read it, in the session's language ("" when empty)."""
    if entry.kind in ("programs", "list"):
        listed = value if isinstance(value, list | tuple) else []
        shown = shown_program if entry.kind == "programs" else str
        return "; ".join(shown(item) for item in listed)
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)) or value == "":
        return ""
    if entry.kind == "choice":
        return shown_value(value)
    if entry.kind == "country":
        return shown_country(str(value))
    if entry.kind in ("day", "date"):
        return day_label(pd.Timestamp(value).date())
    return str(value)


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
    columns = {}
    for entry in FIELDS:
        if entry.name in _TABLE_LEAVES_OUT or entry.name not in meetings:
            continue
        if entry.kind == "date":  # approximate dates shown as such, never as an exact day
            columns[_(entry.shown_label)] = date_labels(meetings)
        elif entry.kind in WRITTEN_KINDS:
            columns[_(entry.shown_label)] = meetings[entry.name]
        else:
            column = meetings[entry.name]
            columns[_(entry.shown_label)] = column.map(lambda value, e=entry: _shown(e, value))
    picked = st.dataframe(
        pd.DataFrame(columns),
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
            (_(entry.shown_label), _shown(entry, row.get(entry.name)))
            for entry in _facts()
            if entry.name in row
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
