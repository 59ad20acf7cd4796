"""Every declared field of a meeting, through every place that reads the registry.

The tests go over lib.meetings.fields.FIELDS, so a field is checked the day it is declared;
the last test declares a throw-away field in a copy of the app and follows it everywhere.
"""

import io
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib.export import csv_bytes, format_v1_table, xlsx_bytes
from lib.filters import Filters, apply
from lib.meetings import FIELDS, FORMAT_COLUMNS, read_meetings
from lib.meetings.fields import WRITTEN_KINDS
from lib.recording import form_record, form_values
from lib.store import Store
from tests import english

ROOT = Path(__file__).resolve().parent.parent
NAMES = [entry.name for entry in FIELDS]


def sample(entry) -> str:
    """A cell a person could write in this field, different from every other field's."""
    number = NAMES.index(entry.name)
    if entry.kind == "choice":
        return entry.choices[1]  # not the first: an empty cell may default to that one
    return {
        "id": "m-fieldcheck",
        "date": "2019-04-09",
        "day": "2019-05-01",
        "country": "Canada",
        "url": f"https://example.org/{entry.name}",
        "list": f"Quokkaville{number}z; Wombat Bay{number}",
        "programs": "Seoul Smart City Prize",
    }.get(entry.kind, f"Quokka{number}z words of {entry.name.replace('_', ' ')}")


def word_of(entry) -> str:
    """A word of the field's sample found nowhere else in the sample meeting."""
    if entry.kind == "url":
        return entry.name
    return sample(entry).split()[0].rstrip(";")


def sample_row() -> dict[str, str]:
    return {entry.name: sample(entry) for entry in FIELDS}


def one_meeting(cells: dict[str, str], name: str = "meetings.csv") -> pd.DataFrame:
    text = pd.DataFrame([cells]).to_csv(index=False).encode()
    result = read_meetings(io.BytesIO(text), name)
    assert result.problems == []
    return result.meetings


@pytest.fixture(scope="module")
def meeting() -> pd.DataFrame:
    return one_meeting(sample_row())


def test_the_samples_make_a_valid_meeting(meeting):
    assert len(meeting) == 1 and meeting.loc[0, "country"] == "Canada"


@pytest.mark.parametrize("writer", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
@pytest.mark.parametrize("name", NAMES)
def test_a_field_round_trips_through_the_file_format(meeting, writer, name):
    kind = "xlsx" if writer is xlsx_bytes else "csv"
    back = read_meetings(io.BytesIO(writer(meeting)), f"meetings.{kind}")
    assert back.problems == []
    written, read = format_v1_table(meeting), format_v1_table(back.meetings)
    assert (
        read.loc[0, name]
        == written.loc[0, name]
        == sample(next(e for e in FIELDS if e.name == name))
    )


@pytest.mark.parametrize("entry", FIELDS, ids=NAMES)
def test_a_field_has_a_korean_header_that_reads_as_it(entry):
    assert entry.korean_headers, f"{entry.name} has no Korean column name"
    cells = sample_row()
    for header in entry.korean_headers:
        korean = {header if name == entry.name else name: text for name, text in cells.items()}
        meeting = one_meeting(korean)
        assert format_v1_table(meeting).loc[0, entry.name] == cells[entry.name], header


@pytest.fixture(scope="module")
def form_labels() -> dict[str, str]:
    """Each widget of the recording form: its label → the kind of widget."""

    def form():
        from lib.ui import forms

        forms.meeting_form({}, key="fields", editing=False)

    at = AppTest.from_function(form).run()
    assert not at.exception
    kinds = ("selectbox", "text_input", "text_area", "date_input", "multiselect")
    return {element.label: kind for kind in kinds for element in getattr(at, kind)}


@pytest.mark.parametrize("entry", FIELDS, ids=NAMES)
def test_the_form_shows_a_field_with_its_label(entry, form_labels):
    from lib.ui.forms import label

    shown = label(entry.name) + (" *" if entry.required else "")
    assert (shown in form_labels) == entry.in_form


@pytest.mark.parametrize("entry", [e for e in FIELDS if e.in_form], ids=lambda e: e.name)
def test_the_form_keeps_a_fields_text_and_gives_it_back(entry):
    stored = {**sample_row(), "date_precision": "day"}
    record = form_record(form_values(stored))
    assert record[entry.name] == stored[entry.name]


TYPED = [entry for entry in FIELDS if entry.kind not in ("date", "day", "choice", "programs")]


@pytest.mark.parametrize("entry", TYPED, ids=lambda entry: entry.name)
def test_the_search_finds_a_word_of_a_field_when_it_is_searched(meeting, entry):
    """Fields whose words people type; dates and fixed values are found by their filters."""
    plain = one_meeting({"id": "m-plain", "date": "2020-01-01", "country": "Canada"})
    meetings = pd.concat([meeting, plain], ignore_index=True)
    found = apply(meetings, Filters.of(q=word_of(entry)))["id"].tolist()
    assert ("m-fieldcheck" in found) == entry.searched, word_of(entry)


def test_what_people_write_is_data_on_a_korean_screen(meeting):
    written = english.written_values(meeting)
    for entry in FIELDS:
        if entry.kind in WRITTEN_KINDS:
            assert sample(entry) in written, entry.name
        if entry.kind == "list":
            assert all(name in written for name in sample(entry).split("; ")), entry.name


def test_the_news_review_shows_the_reviewed_fields():
    from lib.ui.news_import import _drafts_table

    drafts = [{**sample_row(), "date_precision": "week"}]
    table = _drafts_table(drafts)
    reviewed = sorted((entry for entry in FIELDS if entry.reviewed), key=lambda e: e.reviewed)
    assert [c for c in table.columns if c != "window"] == [entry.name for entry in reviewed]
    # the window sits beside the date it comes from
    assert list(table.columns).index("window") == list(table.columns).index("date_precision") + 1


def test_the_store_keeps_every_field(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'fields.sqlite3'}", create=True)
    try:
        id = store.add(sample_row(), who="Min-ji Kim")
        saved = store.get(id)
        stored = format_v1_table(store.meetings())
    finally:
        store.close()
    for entry in FIELDS:
        assert saved[entry.name] == sample(entry), entry.name
        assert stored.loc[0, entry.name] == sample(entry), entry.name


# --- A throw-away field: one declaration is all it takes --------------------------------

THROW_AWAY = """
    Field(
        "ward",
        N_("Ward"),
        korean_headers=("구역",),
        searched=True,
    ),
)
BY_NAME ="""

CHECKS = textwrap.dedent(
    """
    import io, json, sys
    from streamlit.testing.v1 import AppTest
    from lib.export import csv_bytes, xlsx_bytes, format_v1_table
    from lib.filters import Filters, apply
    from lib.meetings import FORMAT_COLUMNS, read_meetings
    from lib.recording import form_record, form_values
    from lib.store import Store

    seen = {"columns": list(FORMAT_COLUMNS)}
    text = "날짜,국가,구역\\n2019-04-09,Canada,Jongno Quokka\\n".encode()
    meetings = read_meetings(io.BytesIO(text), "meetings.csv").meetings
    seen["read"] = meetings.loc[0, "ward"]
    for kind, writer in (("csv", csv_bytes), ("xlsx", xlsx_bytes)):
        back = read_meetings(io.BytesIO(writer(meetings)), "back." + kind).meetings
        seen[kind] = format_v1_table(back).loc[0, "ward"]
    seen["found"] = len(apply(meetings, Filters.of(q="quokka")))

    form = "from lib.ui import forms\\nforms.meeting_form({}, key='ward', editing=False)"
    at = AppTest.from_string(form).run()
    seen["form"] = [element.label for element in at.text_input]
    record = form_record({"country": "Canada", "ward": " Jongno "})
    seen["recorded"] = record["ward"]
    seen["form_value"] = form_values({"ward": "Jongno"})["ward"]
    store = Store.open("sqlite:///" + sys.argv[1], create=True)
    saved = store.get(store.add({"date": "2019-04-09", "country": "Canada", "ward": "Mapo"}, "t"))
    seen["stored"] = saved["ward"]
    seen["stored_table"] = store.meetings().loc[0, "ward"]
    store.close()

    panel = (
        "import io\\n"
        "from lib.meetings import read_meetings\\n"
        "from lib.ui.panels.meeting import meeting_details, meetings_table\\n"
        f"text = {text!r}\\n"
        "meetings = read_meetings(io.BytesIO(text), 'meetings.csv').meetings\\n"
        "meetings_table(meetings, key='table')\\n"
        "meeting_details(meetings, str(meetings['id'].iloc[0]), editable=False)\\n"
    )
    at = AppTest.from_string(panel).run()
    seen["panel_errors"] = [str(error.value) for error in at.exception]
    seen["table"] = list(at.dataframe[0].value.columns)
    seen["table_ward"] = str(at.dataframe[0].value["Ward"].iloc[0])
    seen["panel"] = [element.value for element in at.markdown]
    print(json.dumps(seen, ensure_ascii=False))
    """
)


def test_a_declared_field_flows_to_the_file_format_the_form_the_search_and_the_store(tmp_path):
    copy = tmp_path / "app"
    copy.mkdir()
    for part in ("lib", "locales", ".streamlit"):
        shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "data").symlink_to(ROOT / "data")
    registry = copy / "lib" / "meetings" / "fields.py"
    source = registry.read_text()
    assert source.count("\n)\nBY_NAME =") == 1
    registry.write_text(source.replace("\n)\nBY_NAME =", THROW_AWAY, 1))
    (copy / "checks.py").write_text(CHECKS)
    ran = subprocess.run(
        [sys.executable, "checks.py", str(tmp_path / "store.sqlite3")],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    seen = json.loads(ran.stdout.strip().splitlines()[-1])
    assert seen["columns"] == [*FORMAT_COLUMNS, "ward"]
    assert seen["read"] == "Jongno Quokka"  # under its Korean header
    assert seen["csv"] == seen["xlsx"] == "Jongno Quokka"
    assert seen["found"] == 1
    assert "Ward" in seen["form"]
    assert seen["recorded"] == "Jongno" and seen["form_value"] == "Jongno"
    assert seen["stored"] == seen["stored_table"] == "Mapo"
    # The meetings table and the meeting panel show it too, as the text it is.
    assert seen["panel_errors"] == []
    assert seen["table"][-1] == "Ward" and seen["table_ward"] == "Jongno Quokka"
    assert any("Ward: Jongno Quokka" in text.split("  \n") for text in seen["panel"])


def test_the_forms_layout_places_only_declared_fields_each_once():
    from lib.ui.forms import _LAYOUT

    placed = [name for row in _LAYOUT for name, _width in row if name]
    assert len(placed) == len(set(placed))
    assert set(placed) <= {entry.name for entry in FIELDS if entry.in_form}
