"""English left on a Korean screen: the words a person would meet that are not Korean.

What people wrote (counterparts, pledges, summaries, source titles, links, file names) is
data and stays as written; it is taken out first. What remains is the interface's own text,
in which no Latin-letter word may be left except the few names and codes that are Latin in
Korean too (ALLOWED).
"""

import html
import re
from collections.abc import Iterable
from functools import cache

import pandas as pd

from lib.meetings.fields import FIELDS, WRITTEN_KINDS

# Latin words a Korean interface keeps: the organisation's, the app's and the formats' names,
# codes and the patterns people type ("YYYY-MM-DD", "format v1").
ALLOWED = {
    "WeGO",  # the organisation
    "Outreach",
    "Atlas",  # the app's name
    "English",  # the language switch offers English by its own name
    "Language",  # the switch's hidden label, "Language · 언어", for screen readers
    "CSV",
    "XLSX",
    "PDF",
    "ISO",
    "UTC",
    "ID",
    "URL",
    "Excel",
    "Word",
    "UTF",
    "CP",  # CP949
    "YYYY",
    "MM",
    "DD",
    "yyyy",
    "mm",
    "dd",  # the date box's pattern while it is empty
    "Qn",
    "v",  # format v1
    "WSIS",  # in a program's Korean name, "WSIS 포럼"
}
# Text that is not words: links, file names and paths, environment variables, plotly's
# templates and markup, markdown's escapes.
_NOT_WORDS = [
    re.compile(r"https?://\S*"),
    # (a Korean particle may follow a file name directly: "docs/data-format.md에")
    re.compile(
        r"[A-Za-z0-9_./-]*\.(?:csv|xlsx|xls|md|txt|html?|docx|sqlite3|json|toml)(?![A-Za-z])", re.I
    ),
    re.compile(r"(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_])"),  # OUTREACH_DATA
    re.compile(r"\b\d{4}-Q[1-4]\b"),  # a quarter as format v1 writes it
    re.compile(r"\bm-[0-9a-f]{10}\b"),  # an id the store gave a meeting (lib/store/rows.py)
    re.compile(r"%\{[^}]*\}"),  # %{customdata[0]}, %{x|%Y년 %-m월}
    re.compile(r"</?[a-z]+[^>]*>"),  # <br>, <b>, <extra>
]
_ESCAPE = re.compile(r"\\([\\`*_\[\]<>#|~$])")
WORD = re.compile(r"[A-Za-z]+")
# Columns of the meetings that hold what people wrote (the rest are codes, dates, names
# the app translates): read from the fields, so a new field is covered the day it is declared.
WRITTEN = [entry.name for entry in FIELDS if entry.kind in WRITTEN_KINDS]
LISTED = [entry.name for entry in FIELDS if entry.kind == "list"]  # lists of written names
PICKER_WIDTH = 69  # lib.followups.labels cuts a long pledge after this many characters


def written_values(meetings: pd.DataFrame, *more: str) -> list[str]:
    """What people wrote in these meetings (and `more`), longest first, to take out of text."""
    values = set(more)
    for column in WRITTEN:
        if column in meetings:
            values.update(str(value) for value in meetings[column] if value == value)
    for column in LISTED:
        if column in meetings:
            values.update(name for listed in meetings[column] for name in listed)
    # A long pledge is cut in the follow-up picker: its beginning is data too.
    values.update(value[:PICKER_WIDTH] for value in list(values) if len(value) > PICKER_WIDTH)
    return sorted((v.strip() for v in values if v.strip()), key=len, reverse=True)


def _without(text: str, data: Iterable[str]) -> str:
    text = html.unescape(_ESCAPE.sub(r"\1", str(text)))
    for value in data:
        if value in text:  # taken out where it stands apart, never from inside a word
            text = re.sub(rf"(?<![A-Za-z]){re.escape(value)}(?![A-Za-z])", " ", text)
    for pattern in _NOT_WORDS:
        text = pattern.sub(" ", text)
    return text


def english_left(texts: Iterable[str], data: Iterable[str] = ()) -> dict[str, str]:
    """Each Latin word left in `texts` once `data` is taken out → the text it was found in.

    Country codes (ISO 3166-1 alpha-3, "KAZ") are codes, not words.
    """
    data = list(data)
    found: dict[str, str] = {}
    for text in texts:
        for word in WORD.findall(_without(text, data)):
            if word not in ALLOWED and word not in _country_codes():
                found.setdefault(word, str(text)[:160])
    return found


@cache
def _country_codes() -> frozenset[str]:
    from lib.countries import all_countries

    return frozenset(country.iso3 for country in all_countries())
