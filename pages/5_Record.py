"""Record a meeting, or edit, delete and restore one; every change goes into its history."""

from datetime import date

import streamlit as st

from lib import recording, ui
from lib.countries import all_countries
from lib.meetings import COUNTERPART_TYPES, FOLLOW_UP_STATUSES, PRECISIONS
from lib.programs import program_catalogue
from lib.store import MeetingInvalid, MeetingNotFound, StoreError

dataset, view = ui.setup_page("Record a meeting")
st.title("Record a meeting")
store = ui.database_or_explain("record or edit meetings")
if store is None:
    st.stop()
who = ui.editor_name()

editing = st.query_params.get("meeting")
stored: dict[str, str] = {}
if editing:
    try:
        stored = store.get(editing)
    except MeetingNotFound:
        st.warning(
            f"There is no meeting '{ui.plain(editing)}' (it may have been deleted). "
            "Record a new one."
        )
        editing = None
if editing:
    st.subheader(f"Editing {ui.plain(editing)}")
    st.button("Record a new meeting instead", on_click=st.query_params.clear)
values = recording.form_values(stored) if stored else {}

with st.form(f"meeting-{editing or 'new'}-{st.session_state.get('saved', 0)}"):
    countries = [country.name for country in all_countries()]
    left, middle, right = st.columns([2, 1, 1])
    country = left.selectbox(
        "Country *",
        countries,
        index=countries.index(values["country"]) if values.get("country") in countries else None,
        placeholder="Choose from the list (type to search)",
    )
    typed_country = left.text_input(
        "…or write it as the source does",
        placeholder="e.g. the Colombian Embassy, KAZ, Côte d'Ivoire",
    )
    day = middle.date_input(
        "Date *", value=values.get("date"), min_value=date(1900, 1, 1), format="YYYY-MM-DD"
    )
    precision = right.selectbox(
        "How exact is the date",
        PRECISIONS,
        index=PRECISIONS.index(values.get("date_precision", "day")),
        help="For 'some time that month', pick any day of the month and 'month'.",
    )
    left, right = st.columns(2)
    counterpart = left.text_input("Counterpart", values.get("counterpart", ""))
    counterpart_title = right.text_input("Their title", values.get("counterpart_title", ""))
    kind = left.selectbox(
        "Counterpart type",
        COUNTERPART_TYPES,
        index=COUNTERPART_TYPES.index(values["counterpart_type"])
        if values.get("counterpart_type") in COUNTERPART_TYPES
        else None,
        placeholder="Choose",
    )
    representative = right.text_input("Our representative", values.get("representative", ""))
    meeting_type = left.text_input("Kind of meeting", values.get("meeting_type", ""))
    location = right.text_input("Where", values.get("location", ""))
    event = left.text_input("Event (when several meetings share one)", values.get("event", ""))
    catalogue = list(program_catalogue()["program"])
    programs = st.multiselect(
        "Programs discussed",
        catalogue + [p for p in values.get("programs", []) if p not in catalogue],
        default=values.get("programs", []),
        accept_new_options=True,
        placeholder="Choose, or type a new program",
    )
    cities = st.text_input("Cities mentioned (separate with ;)", values.get("cities", ""))
    follow_up = st.text_area("Follow-up or pledge", values.get("follow_up", ""), height=80)
    left, middle, right = st.columns(3)
    owner = left.text_input("Follow-up owner", values.get("follow_up_owner", ""))
    status = middle.selectbox(
        "Follow-up status",
        FOLLOW_UP_STATUSES,
        index=FOLLOW_UP_STATUSES.index(values.get("follow_up_status", "open")),
    )
    due = right.date_input("Due", value=values.get("follow_up_due"), format="YYYY-MM-DD")
    summary = st.text_area("Summary", values.get("summary", ""), height=100)
    left, right = st.columns(2)
    source_title = left.text_input("Source title", values.get("source_title", ""))
    source_url = right.text_input("Source link (https://…)", values.get("source_url", ""))
    submitted = st.form_submit_button("Save changes" if editing else "Save meeting", type="primary")

if submitted:
    name, country_problem = recording.country_cell(typed_country.strip() or country)
    record = recording.form_record(
        dict(
            country=name,
            date=day,
            date_precision=precision,
            counterpart=counterpart,
            counterpart_title=counterpart_title,
            counterpart_type=kind,
            representative=representative,
            meeting_type=meeting_type,
            location=location,
            event=event,
            programs=programs,
            cities=cities,
            follow_up=follow_up,
            follow_up_owner=owner,
            follow_up_status=status,
            follow_up_due=due,
            summary=summary,
            source_title=source_title,
            source_url=source_url,
        )
    )
    problems = {"country": country_problem} if country_problem else {}
    if not day:
        problems["date"] = "Give the date (the first day of the window when it is approximate)."
    if not who:
        problems["your name"] = "Give your name above: it is kept in the meeting's history."
    if not problems:
        try:
            if editing:
                changes = recording.changed_fields(stored, record)
                if changes:
                    store.update(editing, changes, who)
                saved_id = editing
            else:
                saved_id = store.add(record, who)
        except MeetingInvalid as invalid:
            problems = invalid.fields
        except StoreError as error:
            st.error(str(error))
            st.stop()
    if problems:
        st.error(
            "Nothing was saved. Please fix:\n"
            + "\n".join(
                f"- **{field}**: {ui.plain(message)}" for field, message in problems.items()
            )
        )
    else:
        st.session_state["saved"] = st.session_state.get("saved", 0) + 1
        st.session_state["last_saved"] = saved_id
        st.rerun()

if "last_saved" in st.session_state:
    saved_id = st.session_state.pop("last_saved")
    st.success(
        f"Saved meeting {ui.plain(saved_id)}. It is on every page now.", icon=":material/check:"
    )

if editing:
    with st.expander("Delete this meeting"):
        st.write("It disappears from every page; it can be restored below at any time.")
        confirmed = st.checkbox(f"Yes, delete {editing}")
        if st.button("Delete", disabled=not (confirmed and who), type="primary"):
            store.delete(editing, who)
            st.query_params.clear()
            st.session_state["last_deleted"] = editing
            st.rerun()
    with st.expander("History of this meeting"):
        ui.history_table(store.history(editing))

if "last_deleted" in st.session_state:
    deleted_id = ui.plain(st.session_state.pop("last_deleted"))
    st.success(f"Deleted {deleted_id}. Restore it below if needed.")

deleted = store.deleted()
with st.expander(f"Deleted meetings ({len(deleted)})"):
    if deleted.empty:
        st.write("None.")
    for row in deleted.head(50).itertuples():
        left, right = st.columns([4, 1])
        left.write(
            ui.plain(
                f"{row.id} · {row.date:%Y-%m-%d} · {row.country} · {row.counterpart or 'not named'}"
            )
        )
        if right.button("Restore", key=f"restore-{row.id}", disabled=not who):
            store.restore(row.id, who)
            st.rerun()
