"""Turning the recording form's values into a format v1 record, and a stored record back."""

import re
from collections.abc import Callable, Mapping

import pandas as pd

from lib.countries import CountryNotFound, resolve_country
from lib.i18n import N_, _
from lib.meetings import FIELDS, FORMAT_COLUMNS, date_cell, date_label, parse_date
from lib.programs import split_list

# The form's fields whose widget holds their text as it is (the fields' kinds say which).
FORM_TEXT_FIELDS = tuple(
    entry.name for entry in FIELDS if entry.in_form and entry.kind in ("text", "long text", "url")
)
date_text = date_cell  # the date cell for a day and a precision (lib.meetings.dates)


def country_cell(text: str | None) -> tuple[str, str | None]:
    """(the country's display name or the text as typed, a message when it cannot be used)."""
    text = (text or "").strip()
    if not text:
        return "", _("Choose the country from the list, or type its name or ISO code.")
    try:
        return resolve_country(text).name, None
    except CountryNotFound as error:
        return text, str(error)


def _cell(kind: str, value: object, precision: str) -> str:
    """A form widget's value as the text of a field of this kind."""
    if kind == "date":
        return date_cell(value, precision) if value else ""
    if kind == "day":
        return value.isoformat() if value else ""
    if kind == "programs":
        return "; ".join(value or [])
    if kind == "list":
        return "; ".join(split_list(value or ""))
    return str(value or "").strip()


def form_record(values: dict) -> dict[str, str]:
    """A format v1 record (column → text) from the form's widget values."""
    precision = values.get("date_precision") or "day"
    record = {
        entry.name: _cell(entry.kind, values.get(entry.name), precision)
        for entry in FIELDS
        if entry.in_form
    }
    record["date_precision"] = precision
    if not record["follow_up"]:
        record["follow_up_status"] = ""
    return record


def _value(kind: str, text: str) -> object:
    """A field's stored text as its form widget's value (the reverse of _cell)."""
    if kind in ("date", "day"):
        return parse_date(text)[0]
    if kind == "programs":
        return split_list(text)
    if kind == "list":
        return "; ".join(split_list(text))
    if kind == "choice":
        return text or None
    return text


def form_values(stored: dict[str, str]) -> dict:
    """The form's starting values for a stored meeting (the reverse of form_record)."""
    values = {
        entry.name: _value(entry.kind, stored.get(entry.name) or "")
        for entry in FIELDS
        if entry.in_form
    }
    values["date_precision"] = (
        stored.get("date_precision") or parse_date(stored.get("date", ""))[1] or "day"
    )
    values["follow_up_status"] = stored.get("follow_up_status") or "open"
    return values


def changed_fields(stored: dict[str, str], record: dict[str, str]) -> dict[str, str]:
    """The format v1 fields whose text differs between a stored meeting and the form."""
    return {
        column: value
        for column, value in record.items()
        if column in FORMAT_COLUMNS and value != (stored.get(column) or "")
    }


def describe(record: Mapping[str, object], shown_country: Callable[[str], str] = str) -> str:
    """A meeting in a line: "Canada · Ambassador · ≈ week of 02 Apr 2019"."""
    day = record.get("date")
    precision = str(record.get("date_precision") or "")
    if isinstance(day, str):
        day, form, _ = parse_date(day)
        precision = precision or form or "day"
    when = date_label(day, precision or "day") if day is not None and not pd.isna(day) else ""
    who = record.get("counterpart") or record.get("counterpart_title") or ""
    country = str(record.get("country") or "")
    parts = (shown_country(country) if country else "", str(who), when)
    return " · ".join(part for part in parts if part)


# A meeting's history as the store writes it (lib/store), in words for people: its actions,
# the name it gives its own seeding, and the notes of imports, seeding and replaces.
HISTORY_ACTIONS = (
    N_("add"),
    N_("update"),
    N_("delete"),
    N_("restore"),
    N_("import"),
    N_("replace"),
)
SEED_WHO = N_("seed")
_HISTORY_NOTES = (
    (
        re.compile(r"imported from (?P<name>.+), line (?P<line>\d+)"),
        N_("imported from {name}, line {line}"),
    ),
    (re.compile(r"seeded from (?P<name>.+)"), N_("seeded from {name}")),
    (
        re.compile(r"replaced by (?P<name>.+); backup in (?P<backup>.+)"),
        N_("replaced by {name}; backup in {backup}"),
    ),
)
NEWS_ITEM = N_("news item")  # the name an import from a news item gives its source


def history_note(note: str | None) -> str:
    """A history entry's note in the session's language (a note it does not know as written)."""
    for pattern, message in _HISTORY_NOTES:
        found = pattern.fullmatch(note or "")
        if found:
            values = found.groupdict()
            if values["name"] == NEWS_ITEM:
                values["name"] = _(NEWS_ITEM)
            return _(message, **values)
    return note or ""


def history_who(who: str) -> str:
    """Who made a change, as people read it (the store's own seeding in the session's language)."""
    return _(SEED_WHO) if who == SEED_WHO else who
