"""The interface in Korean: a catalogue that matches the code, every message translated, and
every page walked in Korean with no English word left for a person to read."""

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.pofile import read_po
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from lib import catalogue
from lib.meetings import read_meetings
from lib.store import Store
from tests.english import english_left, written_values

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
ENTRY = str(ROOT / "app.py")
NEWS = FIXTURES / "news" / "tuned" / "2019-05-20_ko-central-asia-embassies.txt"
EDITED = "2019-04-can-amb"


# The catalogue -----------------------------------------------------------------------------


def _entries(po: bytes) -> dict[str, tuple[str, ...]]:
    """msgid (a plural's singular) → its Korean forms."""
    from io import BytesIO

    entries = {}
    for message in read_po(BytesIO(po), locale="ko"):
        if message.id:
            key = message.id[0] if isinstance(message.id, tuple | list) else message.id
            strings = (
                message.string if isinstance(message.string, tuple | list) else (message.string,)
            )
            entries[key] = tuple(strings)
    return entries


def test_the_catalogue_is_what_update_catalogue_writes_from_the_code(tmp_path, monkeypatch):
    committed = catalogue.po_path("ko").read_bytes()
    copy = tmp_path / "ko" / "LC_MESSAGES" / "messages.po"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(committed)
    monkeypatch.setattr(
        catalogue,
        "po_path",
        lambda language: tmp_path / language / copy.relative_to(tmp_path / "ko"),
    )
    catalogue.update("ko")
    if copy.read_bytes() != committed:
        before, after = _entries(committed), _entries(copy.read_bytes())
        new = sorted(set(after) - set(before))
        gone = sorted(set(before) - set(after))
        pytest.fail(
            "locales/ko/LC_MESSAGES/messages.po is not what the code's messages give: run "
            "`python -m scripts.update_catalogue` and translate the new entries.\n"
            f"New in the code: {new}\nNo longer in the code: {gone}\n(Neither: the file is not in "
            "the form update_catalogue writes.)"
        )


def test_every_message_has_korean():
    missing = [
        message
        for message, forms in _entries(catalogue.po_path("ko").read_bytes()).items()
        if not all(forms)
    ]
    assert missing == [], f"{len(missing)} messages without Korean: {missing}"


# Fields a Korean date spells differently: a month's number instead of its English name.
_DATE_FIELDS = {"month": "month_number", "last_month": "last_month_number"}


def test_korean_keeps_every_placeholder():
    wrong = {}
    for message, forms in _entries(catalogue.po_path("ko").read_bytes()).items():
        wanted = {_DATE_FIELDS.get(f, f) for f in re.findall(r"\{(\w+)", message)}
        for form in forms:
            if set(re.findall(r"\{(\w+)", form)) != wanted:
                wrong[message] = form
    assert wrong == {}
