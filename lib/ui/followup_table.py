"""The follow-up list: overdue ones marked in words, statuses changed where they stand."""

import pandas as pd
import streamlit as st

from lib import followups
from lib.i18n import _, n_
from lib.store import MeetingInvalid, StoreError
from lib.ui import editing, panels, signin
from lib.ui.sources import open_store
from lib.ui.text import keep_language, shown_country, shown_value

EDITOR_KEY = "follow_up_editor"


def counts(total: int, overdue: int, listed: int) -> str:
    """ "12 follow-ups, 3 overdue, soonest due first" (and how many are listed)."""
    text = (
        n_("{count} follow-up", "{count} follow-ups", total)
        + ", "
        + _("{overdue} overdue, soonest due first", overdue=format(overdue, ","))
    )
    if total > listed:
        text += " " + _("(the {listed} soonest due are listed)", listed=format(listed, ","))
    return text + "."


def _overdue_words(table: pd.DataFrame, today: pd.Timestamp) -> pd.Series:
    days = (today - table["Due"]).dt.days
    words = [
        "⚠ " + followups.overdue_words(int(day)) if late else ""
        for late, day in zip(table["Overdue"], days.fillna(0), strict=True)
    ]
    return pd.Series(words, index=table.index)


def editable_table(table: pd.DataFrame, can_change: bool) -> None:
    """The follow-ups; in the database, each row's status can be changed where it stands."""
    today = pd.Timestamp.today().normalize()
    allowed = signin.can("mark_follow_up")
    who = editing.editor_name() if can_change and allowed else None
    # Statuses are shown by their words in the reader's language, as values (not a format_func):
    # the table's copy and its screen-reader text read the values themselves.
    statuses = {shown_value(status): status for status in followups.STATUSES}
    shown = pd.DataFrame(
        {
            "Status": table["Status"].map(shown_value),
            _("Due"): table["Due"].dt.strftime("%Y-%m-%d").fillna(""),
            _("Overdue"): _overdue_words(table, today),
            _("Follow-up"): table["Follow-up"],
            _("Owner"): table["Owner"],
            _("Country"): table["Country"].map(shown_country),
            _("Counterpart"): table["Counterpart"],
            _("Met"): table["Met"],
        }
    )
    version = st.session_state.get(EDITOR_KEY + "-version", 0)
    st.data_editor(
        shown,
        key=f"{EDITOR_KEY}-{version}",
        hide_index=True,
        width="stretch",
        disabled=[column for column in shown.columns if column != "Status"] if who else True,
        column_order=_column_order(shown),
        column_config={
            "Status": st.column_config.SelectboxColumn(
                _("Status"), options=list(statuses), required=True, width=90
            ),
            # The country first, then what was promised; on a laptop the pledge, owner and
            # due date fit beside it, and the rest scrolls.
            _("Country"): st.column_config.TextColumn(width=150),
            _("Due"): st.column_config.TextColumn(width=95),
            _("Overdue"): st.column_config.TextColumn(width=130),
            _("Follow-up"): st.column_config.TextColumn(width=360),
            _("Owner"): st.column_config.TextColumn(width=130),
            _("Counterpart"): st.column_config.TextColumn(width=200),
        },
        on_change=_save_statuses,
        args=(table, f"{EDITOR_KEY}-{version}", who, _revisions() if who else {}, statuses),
    )
    if not can_change:
        st.caption(_("Statuses can be changed when the app uses the database."))
    elif not allowed:
        st.caption(_("Your role can read the follow-ups but not change them."))
    elif not who:
        st.caption(_("Give your name above to change a status: it is kept in the history."))
    else:
        st.caption(_("Change a status in its row; it is saved at once."))
    labels = dict(
        zip(table["id"], followups.labels(table, shown_country, shown_value), strict=True)
    )
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        _("Open the meeting of a follow-up"),
        list(labels),
        format_func=labels.get,
        key="follow_up_id",
    )
    if can_change and signin.can("edit") and right.button(_("Open"), icon=":material/edit:"):
        panels.open_meeting(chosen)


def _column_order(shown: pd.DataFrame) -> list[str]:
    """The columns to draw, the country first; a due date, overdue or owner column with
    nothing in any row is left out rather than taking the room."""
    first = ["Status", _("Country"), _("Due"), _("Overdue"), _("Follow-up"), _("Owner")]
    order = first + [column for column in shown.columns if column not in first]
    optional = {_("Due"), _("Overdue"), _("Owner")}
    return [
        column
        for column in order
        if column not in optional or shown[column].fillna("").astype("str").str.strip().ne("").any()
    ]


def _revisions() -> dict[str, int]:
    """Each meeting's revision as the table is drawn: a change saved since is not overwritten."""
    try:
        return open_store().revisions()
    except StoreError:
        return {}


def _save_statuses(
    table: pd.DataFrame,
    key: str,
    who: str | None,
    revisions: dict[str, int],
    statuses: dict[str, str],
) -> None:
    """Save the statuses changed in the table (a callback), then show the table afresh.

    `statuses` maps the words shown in the table to the statuses stored.
    """
    keep_language()  # a callback runs before the run sets the language
    edited = st.session_state.get(key, {}).get("edited_rows", {})
    store = open_store()
    saved = []
    for row, change in edited.items():
        status = statuses.get(change.get("Status"))
        if not status or not who:
            continue
        id = table["id"].iloc[int(row)]
        try:
            store.update(id, {"follow_up_status": status}, who, expected_revision=revisions.get(id))
        except (MeetingInvalid, StoreError) as error:
            editing.notify("error", str(error))
            break
        saved.append(f"{shown_country(table['Country'].iloc[int(row)])}: {shown_value(status)}")
    if saved:
        editing.notify("success", _("Saved: {changes}.", changes="; ".join(saved)))
    st.session_state[EDITOR_KEY + "-version"] = st.session_state.get(EDITOR_KEY + "-version", 0) + 1
