"""The recording form: every field of a meeting, labelled as people read it."""

from datetime import date

import pandas as pd
import streamlit as st

from lib import recording
from lib.countries import all_countries
from lib.i18n import N_, _
from lib.meetings import COUNTERPART_TYPES, FIRST_YEAR, FOLLOW_UP_STATUSES, LAST_YEAR, PRECISIONS
from lib.programs import program_catalogue
from lib.ui.text import plain, shown_country, shown_program, shown_value

# The form's label for each format v1 column: messages name fields as the form does.
FIELD_LABELS = {
    "id": N_("Id"),
    "country": N_("Country"),
    "date": N_("Date"),
    "date_precision": N_("How exact is the date"),
    "event": N_("Event (when several meetings share one)"),
    "counterpart": N_("Counterpart"),
    "counterpart_title": N_("Their title"),
    "counterpart_type": N_("Counterpart type"),
    "representative": N_("Our representative"),
    "meeting_type": N_("Kind of meeting"),
    "location": N_("Where"),
    "programs": N_("Programs discussed"),
    "cities": N_("Cities mentioned (separate with ;)"),
    "follow_up": N_("Follow-up or pledge"),
    "follow_up_owner": N_("Follow-up owner"),
    "follow_up_status": N_("Follow-up status"),
    "follow_up_due": N_("Due"),
    "summary": N_("Summary"),
    "source_title": N_("Source title"),
    "source_url": N_("Source link (https://…)"),
    "who": N_("Your name"),
    "deleted_at": N_("Deleted on"),  # in a meeting's history
}
TYPED_COUNTRY = N_("…or write it as the source does")


def label(column: str) -> str:
    """The form's label for a column, in the session's language."""
    return _(FIELD_LABELS.get(column, column))


def meeting_form(values: dict, key: str, editing: bool) -> dict | None:
    """Draw the form with `values` (recording.form_values); the widget values once submitted."""
    with st.form(key):
        countries = [country.name for country in all_countries()]
        left, middle, right = st.columns([2, 1, 1])
        chosen = {}
        chosen["country"] = left.selectbox(
            label("country") + " *",
            countries,
            index=countries.index(values["country"])
            if values.get("country") in countries
            else None,
            format_func=shown_country,
            placeholder=_("Choose from the list (type to search)"),
        )
        chosen["typed_country"] = left.text_input(
            _(TYPED_COUNTRY), placeholder=_("e.g. the Colombian Embassy, KAZ, 주한 캐나다 대사관")
        )
        chosen["date"] = middle.date_input(
            label("date") + " *",
            value=values.get("date"),
            min_value=date(FIRST_YEAR, 1, 1),
            max_value=date(LAST_YEAR, 12, 31),
            format="YYYY-MM-DD",
        )
        precision = values.get("date_precision", "day")
        chosen["date_precision"] = right.selectbox(
            label("date_precision"),
            PRECISIONS,
            index=PRECISIONS.index(precision) if precision in PRECISIONS else 0,
            format_func=shown_value,
            help=_("For 'some time that month', pick any day of the month and 'month'."),
        )
        left, right = st.columns(2)
        for column, place in (
            ("counterpart", left),
            ("counterpart_title", right),
        ):
            chosen[column] = place.text_input(label(column), values.get(column, ""))
        kind = values.get("counterpart_type")
        chosen["counterpart_type"] = left.selectbox(
            label("counterpart_type"),
            COUNTERPART_TYPES,
            index=COUNTERPART_TYPES.index(kind) if kind in COUNTERPART_TYPES else None,
            format_func=shown_value,
            placeholder=_("Choose"),
        )
        for column, place in (
            ("representative", right),
            ("meeting_type", left),
            ("location", right),
            ("event", left),
        ):
            chosen[column] = place.text_input(label(column), values.get(column, ""))
        catalogue = list(program_catalogue()["program"])
        listed = values.get("programs", [])
        chosen["programs"] = st.multiselect(
            label("programs"),
            catalogue + [p for p in listed if p not in catalogue],
            default=listed,
            format_func=shown_program,
            accept_new_options=True,
            placeholder=_("Choose, or type a new program"),
        )
        chosen["cities"] = st.text_input(label("cities"), values.get("cities", ""))
        chosen["follow_up"] = st.text_area(
            label("follow_up"), values.get("follow_up", ""), height=80
        )
        left, middle, right = st.columns(3)
        chosen["follow_up_owner"] = left.text_input(
            label("follow_up_owner"), values.get("follow_up_owner", "")
        )
        status = values.get("follow_up_status", "open")
        chosen["follow_up_status"] = middle.selectbox(
            label("follow_up_status"),
            FOLLOW_UP_STATUSES,
            index=FOLLOW_UP_STATUSES.index(status) if status in FOLLOW_UP_STATUSES else 0,
            format_func=shown_value,
        )
        chosen["follow_up_due"] = right.date_input(
            label("follow_up_due"),
            value=values.get("follow_up_due"),
            min_value=date(FIRST_YEAR, 1, 1),
            max_value=date(LAST_YEAR, 12, 31),
            format="YYYY-MM-DD",
        )
        chosen["summary"] = st.text_area(label("summary"), values.get("summary", ""), height=120)
        left, right = st.columns(2)
        chosen["source_title"] = left.text_input(
            label("source_title"), values.get("source_title", "")
        )
        chosen["source_url"] = right.text_input(label("source_url"), values.get("source_url", ""))
        submitted = st.form_submit_button(
            _("Save changes") if editing else _("Save meeting"), type="primary"
        )
    return chosen if submitted else None


def record_of(chosen: dict) -> tuple[dict[str, str], dict[str, str]]:
    """(the format v1 record, problems by column) from the submitted form's values.

    A country chosen in the list and another written in the box is a problem: the form
    never guesses which one the person meant.
    """
    problems: dict[str, str] = {}
    listed, typed = chosen.get("country"), (chosen.get("typed_country") or "").strip()
    name, country_problem = recording.country_cell(typed or listed)
    if country_problem:
        problems["country"] = country_problem
    elif typed and listed and name != listed:
        problems["country"] = _(
            "You chose {listed} in the list and wrote {typed} in the box. Keep one of them.",
            listed=shown_country(listed),
            typed=typed,
        )
    if not chosen.get("date"):
        problems["date"] = _(
            "Give the date, between {first} and {last} (for an approximate date, the first "
            "day of its window).",
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    record = recording.form_record({**chosen, "country": name})
    return record, problems


def problems_message(problems: dict[str, object]) -> str:
    """ "Nothing was saved" and each problem under its field's label."""
    lines = [f"- **{label(column)}**: {plain(message)}" for column, message in problems.items()]
    return _("Nothing was saved. Please fix:") + "\n" + "\n".join(lines)


def newer_version(opened: dict, current: dict, mine: dict[str, str]) -> None:
    """Beside a refused save: each field someone changed or the person changed, three ways.

    The person's form keeps their values; this shows what the meeting is now, so they can
    carry their changes over to it.
    """
    rows = []
    for column in FIELD_LABELS:
        before = opened.get(column, "")
        now, theirs = current.get(column, ""), mine.get(column, before)
        if column in mine and (now != before or theirs != before):
            rows.append((label(column), before, now, theirs))
    st.dataframe(
        pd.DataFrame(
            rows,
            columns=[_("Field"), _("When you opened it"), _("Saved now"), _("Your form")],
        ),
        hide_index=True,
        width="stretch",
    )
