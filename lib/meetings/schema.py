"""The columns of format v1 (docs/data-format.md) and their allowed values, from the fields."""

from lib.meetings.fields import (
    BY_NAME,
    COUNTERPART_TYPES,
    FIELDS,
    FOLLOW_UP_STATUSES,
    PRECISIONS,
    names,
    of_kind,
)

__all__ = ["COUNTERPART_TYPES", "FOLLOW_UP_STATUSES", "PRECISIONS"]  # values stay English

FORMAT_COLUMNS = tuple(entry.name for entry in FIELDS)
REQUIRED_COLUMNS = names(required=True)
# Columns the reader adds: where the country sits, the end of the date's window, the
# file line the meeting came from. Exports keep the first three.
ADDED_COLUMNS = ("iso3", "region", "subregion", "date_end", "line")
# Columns holding one of a fixed list of English values (Korean accepted on input).
CHOICE_COLUMNS = of_kind("choice")
FIRST_YEAR, LAST_YEAR = 1900, 2100

# Korean column names a spreadsheet may use for each format v1 column. They are matched
# ignoring spaces ("후속 조치" is "후속조치"); files the app writes keep the English names.
KOREAN_HEADERS: dict[str, tuple[str, ...]] = {
    entry.name: entry.korean_headers for entry in FIELDS if entry.korean_headers
}
# Korean values for the columns with a fixed list of values (matched ignoring spaces).
KOREAN_VALUES: dict[str, dict[str, str]] = {
    name: dict(BY_NAME[name].korean_choices) for name in CHOICE_COLUMNS
}

# Exports prefix these with ' so spreadsheets do not run them as formulas (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _squeezed(text: str) -> str:
    """Text compared ignoring case and spaces (Korean spacing varies from writer to writer)."""
    return "".join(text.lower().split())
