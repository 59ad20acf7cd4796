"""Turning the recording form's values into a format v1 record, and a stored record back."""

import re
from collections.abc import Callable, Mapping
from datetime import date

import pandas as pd

from lib.countries import CountryNotFound, resolve_country
from lib.i18n import N_, _
from lib.meetings import FORMAT_COLUMNS, date_labels, parse_date
from lib.programs import split_list

FORM_TEXT_FIELDS = (
    "event",
    "counterpart",
    "counterpart_title",
    "representative",
    "meeting_type",
    "location",
    "follow_up",
    "follow_up_owner",
    "summary",
    "source_title",
    "source_url",
)


def date_text(day: date, precision: str) -> str:
    """The date cell for a day and a precision: the form of the date says how exact it is."""
    if precision == "month":
        return day.strftime("%Y-%m")
    if precision == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if precision == "year":
        return str(day.year)
    return day.isoformat()


def country_cell(text: str | None) -> tuple[str, str | None]:
    """(the country's display name or the text as typed, a message when it cannot be used)."""
    text = (text or "").strip()
    if not text:
        return "", _("Choose the country from the list, or type its name or ISO code.")
    try:
        return resolve_country(text).name, None
    except CountryNotFound as error:
        return text, str(error)


def form_record(values: dict) -> dict[str, str]:
    """A format v1 record (column → text) from the form's widget values."""
    record = {name: (values.get(name) or "").strip() for name in FORM_TEXT_FIELDS}
    day = values.get("date")
    precision = values.get("date_precision") or "day"
    record["date"] = date_text(day, precision) if day else ""
    record["date_precision"] = precision
    record["country"] = (values.get("country") or "").strip()
    record["counterpart_type"] = values.get("counterpart_type") or ""
    record["programs"] = "; ".join(values.get("programs") or [])
    record["cities"] = "; ".join(split_list(values.get("cities") or ""))
    record["follow_up_status"] = values.get("follow_up_status") or ""
    due = values.get("follow_up_due")
    record["follow_up_due"] = due.isoformat() if due else ""
    if not record["follow_up"]:
        record["follow_up_status"] = ""
    return record


def form_values(stored: dict[str, str]) -> dict:
    """The form's starting values for a stored meeting (the reverse of form_record)."""
    values: dict = {name: stored.get(name, "") for name in FORM_TEXT_FIELDS}
    start, form, _ = parse_date(stored.get("date", ""))
    values["date"] = start
    values["date_precision"] = stored.get("date_precision") or form or "day"
    values["country"] = stored.get("country", "")
    values["counterpart_type"] = stored.get("counterpart_type") or None
    values["programs"] = split_list(stored.get("programs", ""))
    values["cities"] = "; ".join(split_list(stored.get("cities", "")))
    values["follow_up_status"] = stored.get("follow_up_status") or "open"
    due, _, _ = parse_date(stored.get("follow_up_due", ""))
    values["follow_up_due"] = due
    return values


def changed_fields(stored: dict[str, str], record: dict[str, str]) -> dict[str, str]:
    """The format v1 fields whose text differs between a stored meeting and the form."""
    return {
        column: value
        for column, value in record.items()
        if column in FORMAT_COLUMNS and value != (stored.get(column) or "")
    }


def date_label(day: date, precision: str) -> str:
    """One date as people read it, approximate ones marked ("≈ week of 02 Apr 2019")."""
    one = pd.DataFrame({"date": [pd.Timestamp(day)], "date_precision": [precision]})
    return str(date_labels(one).iloc[0])


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
