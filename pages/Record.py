"""Record a meeting, or edit, delete and restore one; every change goes into its history."""

import streamlit as st

from lib import recording
from lib.i18n import _
from lib.store import MeetingChanged, MeetingInvalid, MeetingNotFound, StoreError
from lib.ui import editing, forms, navigation, panels, signin, sources
from lib.ui.text import plain, shown_country

navigation.through_entry()
st.title(_("Record a meeting"))
signin.require("record")
store = sources.database_or_explain(_("record or edit meetings"))
if store is None:
    st.stop()
editing.show_notice()
who = editing.editor_name()

meeting_id = st.query_params.get("meeting")
form_key = f"meeting-{meeting_id or 'new'}-{editing.form_number()}"
# The meeting as it was when this form was opened: a save from an older form is refused.
opened = st.session_state.setdefault(editing.OPENED_KEY, {})
stored: dict[str, str] = {}
if meeting_id:
    try:
        stored = opened.get(form_key) or store.get(meeting_id)
    except MeetingNotFound:
        st.warning(
            _(
                "There is no meeting '{id}' (it may have been deleted). Record a new one.",
                id=plain(meeting_id),
            )
        )
        meeting_id = None
    except StoreError as error:
        st.error(str(error))
        st.stop()
if meeting_id:
    opened[form_key] = stored
    st.subheader(_("Editing: {meeting}", meeting=plain(recording.describe(stored, shown_country))))
    if st.button(_("Record a new meeting instead"), icon=":material/add:"):
        del st.query_params["meeting"]
        st.rerun()

# A new meeting opened from a country's panel ("Record a meeting with …") starts there.
starting = {"country": st.session_state.get(panels.RECORD_COUNTRY_KEY)}
chosen = forms.meeting_form(
    recording.form_values(stored) if stored else starting, key=form_key, editing=bool(meeting_id)
)
if chosen is not None:
    record, problems = forms.record_of(chosen)
    if not who:
        problems["who"] = _("Give your name above: it is kept in the meeting's history.")
    changes = recording.changed_fields(stored, record) if meeting_id else record
    saved_id = None
    if not problems and not changes:
        st.info(_("Nothing changed: the meeting is as it was."))
    elif not problems:
        try:
            if meeting_id:
                store.update(meeting_id, changes, who, expected_revision=stored.revision)
                saved_id = meeting_id
            else:
                saved_id = store.add(record, who)
                st.session_state.pop(panels.RECORD_COUNTRY_KEY, None)
        except MeetingInvalid as invalid:
            problems = invalid.fields
        except MeetingChanged as changed:
            st.error(str(changed), icon=":material/sync_problem:")
            forms.newer_version(stored, changed.current, record)
            st.button(
                _("Start again from the saved meeting"),
                icon=":material/refresh:",
                on_click=editing.new_form,
            )
        except StoreError as error:
            st.error(str(error))
            st.stop()
    if problems:
        st.error(forms.problems_message(problems))
    elif saved_id:
        saved = store.get(saved_id)
        editing.notify(
            "success",
            _(
                "Saved: {meeting}. It is on every page now.",
                meeting=plain(recording.describe(saved, shown_country)),
            ),
        )
        editing.new_form()
        st.rerun()


def _delete() -> None:
    ok, _done = editing.attempt(
        lambda: store.delete(meeting_id, who, expected_revision=stored.revision)
    )
    if ok:
        del st.query_params["meeting"]
        editing.notify("success", _("Deleted. It can be restored below if needed."))
        st.rerun()


if meeting_id and signin.can("delete"):
    st.button(
        _("Delete this meeting…"),
        disabled=not who,
        icon=":material/delete:",
        on_click=editing.ask,
        args=(f"delete-{meeting_id}",),
    )
    editing.confirmation(
        f"delete-{meeting_id}",
        _(
            "Delete {meeting}? It disappears from every page; it can be restored at any time.",
            meeting=plain(recording.describe(stored, shown_country)),
        ),
        _("Yes, delete it"),
        _delete,
    )
if meeting_id:
    with st.expander(_("History of this meeting")):
        ok, history = editing.attempt(lambda: store.history(meeting_id))
        if ok:
            editing.history_table(history)

ok, deleted = editing.attempt(store.deleted) if signin.can("restore") else (False, None)
if ok:
    with st.expander(_("Deleted meetings ({count})", count=len(deleted))):
        if deleted.empty:
            st.write(_("None."))
        for row in deleted.head(50).itertuples():
            left, right = st.columns([4, 1])
            described = recording.describe(row._asdict(), shown_country)
            left.write(plain(described))
            right.button(
                _("Restore…"),
                key=f"restore-{row.id}",
                disabled=not who,
                on_click=editing.ask,
                args=(f"restore-{row.id}",),
            )

            def _restore(id=row.id) -> None:
                done, restored = editing.attempt(lambda: store.restore(id, who))
                if done:
                    editing.notify(
                        "success",
                        _("Restored: it is on every page again.")
                        if restored
                        else _("Someone else restored it already: it is on every page."),
                    )
                    st.rerun()

            editing.confirmation(
                f"restore-{row.id}",
                _("Restore {meeting}? It comes back on every page.", meeting=plain(described)),
                _("Yes, restore it"),
                _restore,
            )
if not who:
    st.caption(_("Give your name above to save, delete or restore: it is kept in the history."))
