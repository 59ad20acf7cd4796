"""The recording form: every field of a meeting, labelled as people read it."""

from datetime import date

import pandas as pd
import streamlit as st

from lib import recording
from lib.countries import all_countries
from lib.i18n import N_, _
from lib.meetings import FIELDS, FIRST_YEAR, LAST_YEAR, Field
from lib.meetings.fields import BY_NAME
from lib.programs import program_catalogue
from lib.ui.text import plain, shown_country, shown_program, shown_value

# The form's label for each format v1 column (from the fields), and for the other names a
# message may give: messages name fields as the form does.
FIELD_LABELS = {
    **{entry.name: entry.label for entry in FIELDS},
    "who": N_("Your name"),
    "deleted_at": N_("Deleted on"),  # in a meeting's history
}
TYPED_COUNTRY = N_("…or write it as the source does")
# How the form lays the fields out: rows of (field, width); "" leaves a place empty. A field
# in the form that is not placed here is drawn after these rows, on a row of its own.
_LAYOUT = (
    (("country", 2), ("date", 1), ("date_precision", 1)),
    (("counterpart", 1), ("counterpart_title", 1)),
    (("counterpart_type", 1), ("representative", 1)),
    (("meeting_type", 1), ("location", 1)),
    (("event", 1), ("", 1)),
    (("programs", 1),),
    (("cities", 1),),
    (("follow_up", 1),),
    (("follow_up_owner", 1), ("follow_up_status", 1), ("follow_up_due", 1)),
    (("summary", 1),),
    (("source_title", 1), ("source_url", 1)),
)
_HEIGHTS = {"follow_up": 80}  # a long text box's height; others take _HEIGHT
_HEIGHT = 120


def label(column: str) -> str:
    """The form's label for a column, in the session's language."""
    return _(FIELD_LABELS.get(column, column))


def _rows() -> list[tuple[tuple[str, int], ...]]:
    """The form's rows: the layout's, then one for each other field in the form."""
    placed = {name for row in _LAYOUT for name, _width in row}
    rest = [((entry.name, 1),) for entry in FIELDS if entry.in_form and entry.name not in placed]
    return [*_LAYOUT, *rest]


def _widget(entry: Field, place, values: dict, chosen: dict) -> None:
    """Draw one field's widget in `place` by its kind; its value goes into `chosen`."""
    name, value = entry.name, values.get(entry.name)
    shown = label(name) + (" *" if entry.required else "")
    if entry.kind == "country":
        countries = [country.name for country in all_countries()]
        chosen[name] = place.selectbox(
            shown,
            countries,
            index=countries.index(value) if value in countries else None,
            format_func=shown_country,
            placeholder=_("Choose from the list (type to search)"),
        )
        chosen["typed_country"] = place.text_input(
            _(TYPED_COUNTRY), placeholder=_("e.g. the Colombian Embassy, KAZ, 주한 캐나다 대사관")
        )
    elif entry.kind in ("date", "day"):
        chosen[name] = place.date_input(
            shown,
            value=value,
            min_value=date(FIRST_YEAR, 1, 1),
            max_value=date(LAST_YEAR, 12, 31),
            format="YYYY-MM-DD",
        )
    elif entry.kind == "choice":
        chosen[name] = place.selectbox(
            shown,
            entry.choices,
            index=entry.choices.index(value) if value in entry.choices else None,
            format_func=shown_value,
            placeholder=_("Choose"),
            help=_(entry.help) if entry.help else None,
        )
    elif entry.kind == "programs":
        catalogue = list(program_catalogue()["program"])
        listed = value or []
        chosen[name] = place.multiselect(
            shown,
            catalogue + [p for p in listed if p not in catalogue],
            default=listed,
            format_func=shown_program,
            accept_new_options=True,
            placeholder=_("Choose, or type a new program"),
        )
    elif entry.kind == "long text":
        chosen[name] = place.text_area(shown, value or "", height=_HEIGHTS.get(name, _HEIGHT))
    else:  # text, url, a list typed with ";"
        chosen[name] = place.text_input(shown, value or "")


def meeting_form(values: dict, key: str, editing: bool) -> dict | None:
    """Draw the form with `values` (recording.form_values); the widget values once submitted."""
    values = values or recording.form_values({})
    with st.form(key):
        chosen: dict = {}
        for row in _rows():
            places = st.columns([width for _name, width in row]) if len(row) > 1 else [st]
            for (name, _width), place in zip(row, places, strict=True):
                if name in BY_NAME and BY_NAME[name].in_form:
                    _widget(BY_NAME[name], place, values, chosen)
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
