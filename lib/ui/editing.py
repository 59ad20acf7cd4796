"""What the recording pages share: who is making changes, a meeting's history, confirmations."""

from collections.abc import Callable
from datetime import datetime

import pandas as pd
import streamlit as st

from lib import recording
from lib.i18n import _
from lib.meetings import CHOICE_COLUMNS
from lib.store import StoreError
from lib.ui import signin
from lib.ui.navigation import PAGE_KEY
from lib.ui.text import plain, shown_value

WHO_KEY = "who"
NOTICE_KEY = "notice"  # (kind, message) to show after the rerun that follows a change
OPENED_KEY = "opened_meetings"  # form key → the meeting as it was when the form opened
FORM_KEY = "forms_saved"  # how many forms this session has finished (a new one each time)
CONFIRM_KEY = "confirming"  # the change waiting for the person's yes
EDITOR_KEY = "editor"  # the name given once in this session, whatever the page


def signed_in_user() -> str | None:
    """The signed-in person's e-mail, where the deployment configures sign-in."""
    return signin.signed_in_identity()


def editor_name() -> str | None:
    """Who is making changes: the signed-in person, or a name given once in this session."""
    user = signed_in_user()
    if user:
        st.caption(_("Changes are recorded as {who}.", who=plain(user)))
        return user
    # One box per page (a page's widgets are its own); the name itself is the session's.
    key = f"{WHO_KEY}-{st.session_state.get(PAGE_KEY, '')}"
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get(EDITOR_KEY, "")
    name = st.text_input(
        _("Your name"),
        key=key,
        placeholder=_("Kept with every change you make, in the meeting's history"),
    ).strip()
    st.session_state[EDITOR_KEY] = name
    return name or None


def notify(kind: str, message: str) -> None:
    """Keep a message to show on the next run (after st.rerun or a page switch)."""
    st.session_state[NOTICE_KEY] = (kind, message)


def show_notice() -> None:
    """Show, once, the message kept by `notify`."""
    if NOTICE_KEY in st.session_state:
        kind, message = st.session_state.pop(NOTICE_KEY)
        {"success": st.success, "warning": st.warning, "error": st.error}[kind](message)


def attempt(action: Callable[[], object]) -> tuple[bool, object]:
    """Run a database change; on a StoreError show its message and return (False, None)."""
    try:
        return True, action()
    except StoreError as error:
        st.error(str(error))
        return False, None


def when(at: str) -> str:
    """A history time (UTC, ISO 8601) as people read it: "2026-11-28 08:15 UTC"."""
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return str(at)
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def history_table(history: list[dict]) -> None:
    """A meeting's changes, newest first: when, who, what, and each field before and after."""
    from lib.ui.forms import FIELD_LABELS

    rows = []
    for entry in history:
        changes = entry.get("changes") or {}
        described = "; ".join(
            f"{_(FIELD_LABELS.get(column, column))}: '{_value(column, before)}' → "
            f"'{_value(column, after)}'"
            for column, (before, after) in changes.items()
        )
        rows.append(
            (
                when(entry["at"]),
                recording.history_who(entry["who"]),
                shown_value(entry["action"]),
                described or recording.history_note(entry.get("note")),
            )
        )
    st.dataframe(
        pd.DataFrame(rows, columns=[_("When"), _("Who"), _("What"), _("Changes")]),
        hide_index=True,
        width="stretch",
    )


def _value(column: str, value: object) -> str:
    """A field's value in a history entry; fixed values (statuses, precisions) translated."""
    if not value:
        return ""
    return shown_value(value) if column in CHOICE_COLUMNS else str(value)


def ask(key: str) -> None:
    """Open the confirmation named `key` (a button callback); `confirmation` shows it."""
    st.session_state[CONFIRM_KEY] = key


def confirmation(key: str, message: str, button: str, action: Callable[[], None]) -> None:
    """Ask before a change that matters (delete, restore, replace); `action` runs on yes."""
    if st.session_state.get(CONFIRM_KEY) != key:
        return
    with st.container(border=True):
        st.warning(message, icon=":material/help:")
        yes, no = st.columns(2)
        if yes.button(button, type="primary", key=f"yes-{key}"):
            st.session_state.pop(CONFIRM_KEY, None)
            action()
        if no.button(_("Cancel"), key=f"no-{key}"):
            st.session_state.pop(CONFIRM_KEY, None)
            st.rerun()


def form_number() -> int:
    """The number of the recording form in use (a new form after each save)."""
    return st.session_state.setdefault(FORM_KEY, 0)


def new_form() -> None:
    """Start a fresh form, from the meeting as it is stored now (also a button callback)."""
    st.session_state[FORM_KEY] = form_number() + 1
    st.session_state[OPENED_KEY] = {}
