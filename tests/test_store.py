"""The meetings database (lib/store/), on SQLite and on PostgreSQL.

PostgreSQL tests use the server in $OUTREACH_TEST_PG_URL (a role that may create
databases; `eval "$(scripts/start_postgres.sh)"` starts one) and make a fresh database for
every test. Without that variable they are skipped, except under CI, where they fail.
"""

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import lib.store
import lib.store.database
import lib.store.imports
import lib.store.rows
import lib.store.schema
from lib import i18n
from lib.export import format_v1_table
from lib.meetings import MeetingsFileError, read_meetings
from lib.progress import BACKING_UP, CHECKING, WRITING
from lib.store import (
    ImportReport,
    MeetingChanged,
    MeetingInvalid,
    MeetingNotFound,
    Store,
    StoreError,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
COLLEAGUE = FIXTURES / "store_colleague.csv"  # 7 rows; lines 4 and 7 are bad
SEED = FIXTURES / "store_seed.csv"
PG_VARIABLE = "OUTREACH_TEST_PG_URL"

CANADA = {
    "date": "2019-04-02",
    "country": "Canada",
    "counterpart": "Ambassador Michael Danagher",
    "counterpart_type": "embassy",
    "follow_up": "Introduce the organisation to the Federation of Canadian Municipalities",
    "follow_up_due": "2019-06-30",
}
TRICKY = {
    "counterpart": '=HYPERLINK("http://example.org")',
    "event": "+plus, and a comma",
    "location": "-minus",
    "meeting_type": "@at",
    "summary": 'He said "yes", then left;\nnext line: 서울 🤝',
    "source_title": "'quoted' \"double\"",
}


# --- Fixtures -----------------------------------------------------------------------------


@pytest.fixture
def backups(tmp_path) -> Path:
    return tmp_path / "backups"


@pytest.fixture
def store(db_url, backups):
    with Store.open(db_url, create=True, backup_dir=backups) as opened:
        yield opened


def reopen(db_url, backups, **options) -> Store:
    return Store.open(db_url, create=True, backup_dir=backups, **options)


def run_sql(db_url: str, *statements: str) -> list:
    """Run SQL outside the store (as another program would); the last statement's rows."""
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                result = conn.exec_driver_sql(statement)
            return result.all() if result.returns_rows else []
    finally:
        engine.dispose()


def as_files(meetings: pd.DataFrame) -> pd.DataFrame:
    """The meetings as a format v1 export's cells, in id order (row order ignored)."""
    return format_v1_table(meetings).sort_values("id").reset_index(drop=True)


def history_lengths(store: Store) -> dict[str, int]:
    ids = [*store.meetings()["id"], *store.deleted()["id"]]
    return {id: len(store.history(id)) for id in ids}


# --- Recording, editing, deleting ---------------------------------------------------------


def test_added_meeting_appears_with_its_country_region_and_id(store):
    id = store.add({**CANADA, "programs": "Citypreneurs; Seoul Global Challenge"}, who="Ji-woo")

    meetings = store.meetings()
    assert meetings["id"].tolist() == [id]
    meeting = meetings.iloc[0]
    assert (meeting["iso3"], meeting["country"], meeting["region"]) == ("CAN", "Canada", "Americas")
    assert meeting["date"] == pd.Timestamp("2019-04-02")
    assert meeting["follow_up_status"] == "open"
    assert meeting["programs"] == [
        "Urban Innovation Challenge: Citypreneurs",
        "Seoul Global Challenge",
    ]
    assert id.startswith("m-") and len(id) == 12
    from_file = read_meetings(COLLEAGUE).meetings.drop(columns="notes")
    assert list(meetings.columns) == list(from_file.columns)
    assert meetings.dtypes.astype(str).tolist() == from_file.dtypes.astype(str).tolist()
    assert store.get(id)["counterpart"] == "Ambassador Michael Danagher"
    [entry] = store.history(id)
    assert (entry["action"], entry["who"]) == ("add", "Ji-woo")
    assert entry["changes"]["country"] == [None, "Canada"]


def test_meeting_with_bad_fields_names_exactly_them_and_saves_nothing(store):
    record = {
        **CANADA,
        "date": "04/02/2019",
        "source_url": "www.example.org",
        "counterpart_type": "bank",
    }

    with pytest.raises(MeetingInvalid) as raised:
        store.add(record, who="Ji-woo")

    assert set(raised.value.fields) == {"date", "source_url", "counterpart_type"}
    assert "YYYY-MM-DD" in raised.value.fields["date"]
    assert "date" in str(raised.value) and "source_url" in str(raised.value)
    assert store.meetings().empty and store.deleted().empty
    assert store.data_version() == 0


def test_an_empty_form_asks_for_date_and_country(store):
    with pytest.raises(MeetingInvalid) as raised:
        store.add({"summary": "  "}, who="Ji-woo")
    assert set(raised.value.fields) == {"date", "country"}


def test_a_given_id_is_kept_and_cannot_be_used_twice(store):
    assert store.add({**CANADA, "id": " 2019-04-can-amb "}, who="Ji-woo") == "2019-04-can-amb"

    with pytest.raises(MeetingInvalid) as raised:
        store.add({**CANADA, "id": "2019-04-can-amb", "counterpart": "Other"}, who="Min")

    assert list(raised.value.fields) == ["id"]
    assert len(store.meetings()) == 1


def test_update_changes_the_meeting_and_history_keeps_before_after_and_who(store):
    id = store.add(CANADA, who="Ji-woo")

    store.update(id, {"follow_up_status": "done", "summary": "Pledge kept."}, who="Min-jun")

    meeting = store.meetings().iloc[0]
    assert (meeting["follow_up_status"], meeting["summary"]) == ("done", "Pledge kept.")
    latest = store.history(id)[0]
    assert (latest["action"], latest["who"]) == ("update", "Min-jun")
    assert latest["changes"] == {
        "follow_up_status": ["open", "done"],
        "summary": ["", "Pledge kept."],
    }
    assert [entry["action"] for entry in store.history(id)] == ["update", "add"]


def test_update_that_changes_nothing_writes_nothing(store):
    id = store.add(CANADA, who="Ji-woo")
    version = store.data_version()

    store.update(id, {"country": "CAN", "counterpart": " Ambassador Michael Danagher "}, "Min")

    assert store.data_version() == version
    assert len(store.history(id)) == 1


def test_invalid_update_names_the_field_and_keeps_the_meeting(store):
    id = store.add(CANADA, who="Ji-woo")

    with pytest.raises(MeetingInvalid) as raised:
        store.update(id, {"country": "Congo"}, who="Min")

    assert list(raised.value.fields) == ["country"]
    assert store.get(id)["country"] == "Canada"
    with pytest.raises(MeetingInvalid):
        store.update(id, {"id": "another"}, who="Min")


def test_unknown_meeting_is_reported_by_id(store):
    for action in (
        lambda: store.update("nope", {"summary": "x"}, who="Min"),
        lambda: store.delete("nope", who="Min"),
        lambda: store.get("nope"),
    ):
        with pytest.raises(MeetingNotFound, match="'nope'") as raised:
            action()
        assert isinstance(raised.value, KeyError)


def test_delete_hides_restore_brings_back_and_history_records_both(store):
    kept = store.add(CANADA, who="Ji-woo")
    gone = store.add({**CANADA, "country": "Mexico"}, who="Ji-woo")

    store.delete(gone, who="Min")
    assert store.meetings()["id"].tolist() == [kept]
    assert store.deleted()["id"].tolist() == [gone]
    assert store.deleted()["country"].tolist() == ["Mexico"]
    with pytest.raises(MeetingNotFound, match="Restore it"):
        store.update(gone, {"summary": "x"}, who="Min")

    store.restore(gone, who="Soo-ah")
    assert sorted(store.meetings()["id"]) == sorted([kept, gone])
    assert store.deleted().empty
    actions = [(entry["action"], entry["who"]) for entry in store.history(gone)]
    assert actions == [("restore", "Soo-ah"), ("delete", "Min"), ("add", "Ji-woo")]
    deleted_at = store.history(gone)[1]["changes"]["deleted_at"]
    assert deleted_at[0] is None and deleted_at[1].startswith("20")


def test_a_change_needs_a_name(store):
    with pytest.raises(ValueError, match="who"):
        store.add(CANADA, who=" ")
    assert store.meetings().empty


# --- Edits that would overwrite each other ------------------------------------------------


def test_a_save_says_whether_anything_changed(store):
    id = store.add(CANADA, who="Ji-woo")
    revision = store.get(id).revision

    assert store.update(id, {"counterpart": " Ambassador Michael Danagher "}, "Min") is False
    assert store.get(id).revision == revision
    assert store.update(id, {"summary": "Met."}, "Min", expected_revision=revision) is True
    assert store.get(id)["summary"] == "Met."


def test_every_change_gives_the_meeting_a_new_revision(store):
    id = store.add(CANADA, who="Ji-woo")
    other = store.add({**CANADA, "country": "Mexico"}, who="Ji-woo")
    revisions = [store.get(id).revision]

    store.update(id, {"summary": "Met."}, who="Min")
    revisions.append(store.get(id).revision)
    assert store.delete(id, who="Min") is True
    revisions.append(store.get(id).revision)
    assert store.get(id).deleted
    assert store.delete(id, who="Min") is False  # already deleted: nothing written
    assert store.get(id).revision == revisions[-1]
    assert store.restore(id, who="Min") is True
    revisions.append(store.get(id).revision)

    assert revisions == sorted(set(revisions))
    assert store.revisions() == {id: revisions[-1], other: store.get(other).revision}
    assert store.get(id) == {**store.get(id)}  # still the stored text, as a dict


def test_a_stale_edit_is_refused_with_the_newer_meeting_and_who_saved_it(store):
    id = store.add(CANADA, who="Ji-woo")
    opened_by_a = store.get(id)
    opened_by_b = store.get(id)
    store.update(id, {"summary": "A's notes"}, who="Ahn", expected_revision=opened_by_a.revision)
    version = store.data_version()
    history = store.history(id)

    with pytest.raises(MeetingChanged) as raised:
        store.update(
            id, {"summary": "B's notes"}, who="Baek", expected_revision=opened_by_b.revision
        )

    changed = raised.value
    assert isinstance(changed, StoreError)
    assert (changed.id, changed.changed_by, changed.action) == (id, "Ahn", "update")
    assert changed.changed_at == history[0]["at"]
    assert changed.current["summary"] == "A's notes"
    assert changed.current.revision == store.get(id).revision != opened_by_b.revision
    assert changed.expected_revision == opened_by_b.revision
    assert "Ahn" in str(changed) and "Nothing was saved" in str(changed)
    assert store.get(id)["summary"] == "A's notes"
    assert store.history(id) == history and store.data_version() == version


def test_stale_delete_restore_and_status_change_are_refused(store):
    id = store.add(CANADA, who="Ji-woo")
    seen = store.get(id).revision
    store.update(id, {"follow_up_status": "done"}, who="Ahn", expected_revision=seen)

    with pytest.raises(MeetingChanged):
        store.update(id, {"follow_up_status": "dropped"}, who="Baek", expected_revision=seen)
    with pytest.raises(MeetingChanged):
        store.delete(id, who="Baek", expected_revision=seen)
    assert store.get(id)["follow_up_status"] == "done" and not store.get(id).deleted

    seen = store.get(id).revision
    store.delete(id, who="Ahn", expected_revision=seen)
    with pytest.raises(MeetingChanged) as raised:
        store.update(id, {"summary": "late"}, who="Baek", expected_revision=seen)
    assert raised.value.current.deleted and raised.value.action == "delete"
    assert "deleted" in str(raised.value)
    deleted = store.get(id).revision
    store.restore(id, who="Ahn", expected_revision=deleted)
    with pytest.raises(MeetingChanged):
        store.restore(id, who="Baek", expected_revision=deleted)
    assert [entry["action"] for entry in store.history(id)] == [
        "restore",
        "delete",
        "update",
        "add",
    ]


def test_store_messages_are_shown_in_the_language_of_the_run(store):
    id = store.add(CANADA, who="Ji-woo")
    opened = store.get(id).revision
    store.update(id, {"summary": "A"}, who="Ahn", expected_revision=opened)
    with pytest.raises(MeetingChanged) as changed:
        store.update(id, {"summary": "B"}, who="Baek", expected_revision=opened)
    with pytest.raises(MeetingNotFound) as missing:
        store.get("nope")

    try:
        i18n.use("ko")  # the message is translated when shown, not when raised
        assert str(missing.value) == "ID가 'nope'인 면담이 없습니다."
        assert "Ahn 님이" in str(changed.value) and "저장하지 않았습니다" in str(changed.value)
    finally:
        i18n.use("en")
    assert str(missing.value) == "There is no meeting with the id 'nope'."


def test_a_meeting_replaced_by_an_import_is_not_taken_for_the_one_a_form_opened(store, tmp_path):
    id = store.add({**CANADA, "id": "can-1"}, who="Ji-woo")
    opened = store.get(id)
    exported = store.export(tmp_path / "all.csv")
    store.import_meetings(exported, mode="replace", who="Min")  # the same id, stored anew

    with pytest.raises(MeetingChanged) as raised:
        store.update(id, {"summary": "x"}, who="Baek", expected_revision=opened.revision)
    assert raised.value.action == "import"
    assert store.get(id)["summary"] == ""


RACER = """
import sys, time
from pathlib import Path
from lib.store import MeetingChanged, Store

url, name, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
store = Store.open(url)
opened = store.revisions()  # the forms both people opened
go.with_name(name).touch()  # ready
while not go.exists():
    time.sleep(0.005)
for id in sorted(opened):
    try:
        store.update(id, {"summary": name}, who=name, expected_revision=opened[id])
        print("won", id, flush=True)
    except MeetingChanged:
        print("lost", id, flush=True)
store.close()
"""


@pytest.mark.slow  # several processes at once
def test_two_processes_saving_one_meeting_at_once_cannot_both_win(store, db_url, tmp_path):
    ids = [store.add({**CANADA, "counterpart": f"Person {n}"}, who="Ji-woo") for n in range(40)]
    go = tmp_path / "go"
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    racers = {
        name: subprocess.Popen(
            [sys.executable, "-c", RACER, db_url, name, str(go)],
            cwd=REPO_ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    }
    deadline = time.monotonic() + 120
    while not all((tmp_path / name).exists() for name in racers):  # both forms are open
        assert time.monotonic() < deadline and all(r.poll() is None for r in racers.values())
        time.sleep(0.01)
    go.touch()
    outputs = {name: racer.communicate(timeout=300) for name, racer in racers.items()}

    assert [racer.returncode for racer in racers.values()] == [0, 0], outputs
    won = {
        name: {line.split()[1] for line in out.splitlines() if line.startswith("won ")}
        for name, (out, _) in outputs.items()
    }
    assert won["first"].isdisjoint(won["second"])
    assert won["first"] | won["second"] == set(ids)
    for id in ids:
        winner = "first" if id in won["first"] else "second"
        assert store.get(id)["summary"] == winner
        assert [entry["who"] for entry in store.history(id)] == [winner, "Ji-woo"]


def test_a_version_1_database_gets_revisions_on_open(db_url, backups):
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as conn:  # what the first version of the app left on disk
            lib.store.schema._migration_1_create_tables(conn)
            conn.exec_driver_sql("INSERT INTO schema_version (version) VALUES (1)")
            conn.exec_driver_sql("UPDATE meta SET value = 1")
            conn.exec_driver_sql(
                "INSERT INTO meetings (id, date, country, iso3, counterpart, created_at,"
                " updated_at) VALUES ('old-1', '2019-04-02', 'Canada', 'CAN', 'Ambassador',"
                " '2019-04-03T00:00:00+00:00', '2019-04-03T00:00:00+00:00')"
            )
            conn.exec_driver_sql(
                "INSERT INTO history (meeting_id, at, who, action, changes) VALUES"
                " ('old-1', '2019-04-03T00:00:00+00:00', 'Ji-woo', 'add', '{}')"
            )
    finally:
        engine.dispose()

    with reopen(db_url, backups) as store:
        assert store.meetings()["id"].tolist() == ["old-1"]
        opened = store.get("old-1")
        assert store.update("old-1", {"summary": "Met."}, "Min", expected_revision=opened.revision)
        with pytest.raises(MeetingChanged):
            store.update("old-1", {"summary": "x"}, "Baek", expected_revision=opened.revision)
        assert [entry["who"] for entry in store.history("old-1")] == ["Min", "Ji-woo"]
        assert store.data_version() == 2

    current = len(lib.store.schema.MIGRATIONS)
    assert current >= 2
    assert run_sql(db_url, "SELECT version FROM schema_version") == [(current,)]


# --- Import ---------------------------------------------------------------------------------


def test_append_reports_the_two_bad_rows_with_their_lines_and_adds_the_rest(store):
    report = store.import_meetings(COLLEAGUE, mode="append", who="Ji-woo")

    assert isinstance(report, ImportReport)
    assert [(problem.line, problem.column) for problem in report.problems] == [
        (4, "date"),
        (7, "country"),
    ]
    assert report.added == 5 and report.skipped == [] and report.backup_path is None
    meetings = store.meetings()
    assert len(meetings) == 5
    assert {"c-001", "c-002", "c-005", "c-007"} < set(meetings["id"])
    assert meetings["id"].str.len().gt(0).all()
    assert meetings.set_index("id").loc["c-005", "country"] == "South Korea"
    assert meetings.set_index("id").loc["c-001", "notes"] == "first"  # unknown column kept
    note = store.history("c-007")[0]["note"]
    assert "store_colleague.csv" in note and "line 8" in note


def test_importing_the_same_file_twice_adds_nothing_the_second_time(store):
    first = store.import_meetings(COLLEAGUE, mode="append", who="Ji-woo")
    before = as_files(store.meetings())
    version = store.data_version()

    second = store.import_meetings(COLLEAGUE, mode="append", who="Ji-woo")

    assert second.added == 0
    assert len(second.skipped) == first.added == 5
    assert [problem.line for problem in second.skipped] == [2, 3, 5, 6, 8]
    by_line = {problem.line: problem for problem in second.skipped}
    assert (by_line[2].column, by_line[2].message) == ("id", "already recorded as c-001")
    assert by_line[5].column == "(duplicate)"  # no id: found by date, country, counterpart
    assert by_line[5].message.startswith("already recorded as m-")
    assert as_files(store.meetings()).equals(before)
    assert store.data_version() == version


def test_a_preview_names_the_rows_already_recorded_and_writes_nothing(store):
    store.import_meetings(COLLEAGUE, mode="append", who="Ji-woo")
    version = store.data_version()
    preview = read_meetings(COLLEAGUE).meetings
    known = store.already_recorded(preview)
    again = store.import_meetings(COLLEAGUE, mode="append", who="Ji-woo")
    assert [(p.line, str(p.message)) for p in known] == [
        (p.line, str(p.message)) for p in again.skipped
    ]
    assert len(known) == 5 and store.data_version() == version


def test_append_skips_repeats_of_date_country_and_counterpart(store, tmp_path):
    existing = store.add({**CANADA, "id": "ours"}, who="Ji-woo")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "date,country,counterpart\n"
        "2019-04-02,CAN, ambassador michael danagher\n"  # in the database already
        "2019-04-02,Mexico,Ambassador\n"
        "2019-04-02,México,AMBASSADOR\n"  # repeats the line above
        "2019-04-03,Mexico,Ambassador\n",
        encoding="utf-8",
    )

    report = store.import_meetings(sheet, mode="append", who="Min")

    assert report.added == 2
    assert [(problem.line, problem.column) for problem in report.skipped] == [
        (2, "(duplicate)"),
        (4, "(duplicate)"),
    ]
    assert report.skipped[0].message.startswith(f"already recorded as {existing}")
    assert "line 3" in report.skipped[1].message
    assert len(store.meetings()) == 3


def test_replace_writes_a_backup_equal_to_the_old_data(store, backups, tmp_path):
    store.import_meetings(COLLEAGUE, mode="append", who="Ji-woo")
    store.add({**CANADA, **TRICKY}, who="Ji-woo")
    gone = store.add({**CANADA, "country": "Mexico"}, who="Ji-woo")
    store.delete(gone, who="Min")
    old = store.meetings()
    sheet = tmp_path / "new.csv"
    sheet.write_text("date,country\n2024-01-01,Japan\n", encoding="utf-8")

    report = store.import_meetings(sheet, mode="replace", who="Min")

    assert report.added == 1 and report.removed == len(old) + 1
    assert report.backup_path.parent == backups
    assert report.backup_path.name.startswith("meetings-backup-")
    backup = read_meetings(report.backup_path)
    assert backup.problems == []
    assert as_files(backup.meetings).equals(as_files(old))
    deleted_backup = read_meetings(
        report.backup_path.with_name(report.backup_path.stem + "-deleted.csv")
    )
    assert deleted_backup.meetings["id"].tolist() == [gone]
    assert store.meetings()["country"].tolist() == ["Japan"]
    assert store.deleted().empty
    assert store.history("c-001")[0]["action"] == "replace"


def test_a_file_that_is_not_a_meetings_table_is_refused_whole(store):
    store.add(CANADA, who="Ji-woo")

    for mode in ("append", "replace"):
        with pytest.raises(MeetingsFileError, match="garbage.bin"):
            store.import_meetings(FIXTURES / "garbage.bin", mode=mode, who="Min")

    assert len(store.meetings()) == 1 and store.data_version() == 1


def test_replace_with_no_usable_meeting_changes_nothing(store, tmp_path):
    store.add(CANADA, who="Ji-woo")
    sheet = tmp_path / "bad.csv"
    sheet.write_text("date,country\n2019-13-45,Canada\n", encoding="utf-8")

    with pytest.raises(StoreError, match="nothing was replaced"):
        store.import_meetings(sheet, mode="replace", who="Min")

    assert len(store.meetings()) == 1


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_then_replace_gives_back_identical_meetings(store, tmp_path, suffix):
    store.import_meetings(COLLEAGUE, mode="append", who="Ji-woo")
    store.add({**CANADA, **TRICKY, "cities": "Toronto; Ottawa", "date": "2019-04"}, who="Ji-woo")
    store.add({**CANADA, "date": "2019-04-01", "date_precision": "week", "id": "wk"}, who="Ji")
    before = as_files(store.meetings())

    exported = store.export(tmp_path / f"all.{suffix}")
    report = store.import_meetings(exported, mode="replace", who="Min")

    assert report.problems == [] and report.added == len(before)
    after = as_files(store.meetings())
    assert list(after.columns) == list(before.columns)
    pd.testing.assert_frame_equal(after, before)


def test_tricky_text_survives_add_export_and_import(store, tmp_path):
    id = store.add({**CANADA, **TRICKY}, who="Ji-woo")

    def tricky_cells() -> dict:
        meeting = store.meetings().set_index("id").loc[id]
        return {column: meeting[column] for column in TRICKY}

    assert tricky_cells() == TRICKY
    for suffix in ("csv", "xlsx"):
        exported = store.export(tmp_path / f"tricky.{suffix}")
        assert store.import_meetings(exported, mode="replace", who="Min").problems == []
        assert tricky_cells() == TRICKY
    assert store.backup_bytes("csv").startswith(b"\xef\xbb\xbfid,")
    assert b"'=HYPERLINK" in store.backup_bytes("csv")  # a spreadsheet shows it as text


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(st.characters(exclude_categories=("Cs",)), max_size=40))
def test_any_text_in_a_free_text_field_comes_back(store, text):
    expected = text.replace("\x00", "").strip()
    assume(not expected.startswith("'"))  # format v1 reads "'=" as a guarded "="
    id = store.add({**CANADA, "summary": text, "counterpart": text}, who="Ji-woo")

    meeting = store.meetings().set_index("id").loc[id]

    assert (meeting["summary"], meeting["counterpart"]) == (expected, expected)
    assert store.get(id)["summary"] == expected


def test_import_that_fails_half_way_changes_nothing(store, tmp_path, monkeypatch):
    store.import_meetings(COLLEAGUE, mode="append", who="Ji-woo")
    store.delete("c-002", who="Min")
    before = as_files(store.meetings())
    history_before = history_lengths(store)
    version = store.data_version()
    sheet = tmp_path / "many.csv"
    sheet.write_text(
        "date,country,counterpart\n"
        + "".join(f"2024-01-{day:02d},Japan,Person {day}\n" for day in range(1, 21)),
        encoding="utf-8",
    )
    insert_rows = lib.store.rows._insert_rows
    calls = []

    def failing_insert(conn, table, rows):
        calls.append(table.name)
        if len(calls) == 4:  # after some meetings went in
            raise RuntimeError("the disk went away")
        insert_rows(conn, table, rows)

    monkeypatch.setattr(lib.store.rows, "_CHUNK_ROWS", 3)
    monkeypatch.setattr(lib.store.rows, "_insert_rows", failing_insert)

    for mode in ("append", "replace"):
        calls.clear()
        with pytest.raises(RuntimeError, match="disk"):
            store.import_meetings(sheet, mode=mode, who="Min")
        assert calls[:3] == ["meetings"] * 3

        assert as_files(store.meetings()).equals(before)
        assert store.deleted()["id"].tolist() == ["c-002"]
        assert history_lengths(store) == history_before
        assert store.data_version() == version


class Cancelled(BaseException):
    """Like Streamlit's stop and rerun exceptions: not an Exception."""


class Progress:
    """A progress callback that keeps what it is told, and cancels when asked to."""

    def __init__(self, cancel_in: str | None = None, cancel_at: int = 0):
        self.seen: list[tuple[str, int, int]] = []
        self.phase_name = ""
        self.cancel_in, self.cancel_at = cancel_in, cancel_at

    def phase(self, name: str) -> None:
        self.phase_name = name

    def __call__(self, done: int, total: int) -> None:
        self.seen.append((self.phase_name, done, total))
        if self.phase_name == self.cancel_in and done >= self.cancel_at:
            raise Cancelled


def many_meetings_file(tmp_path, count: int = 20) -> Path:
    sheet = tmp_path / "many.csv"
    sheet.write_text(
        "date,country,counterpart\n"
        + "".join(f"2024-01-{day:02d},Japan,Person {day}\n" for day in range(1, count + 1)),
        encoding="utf-8",
    )
    return sheet


@pytest.mark.parametrize("mode", ["append", "replace"])
def test_import_reports_rows_checked_backed_up_and_written(store, tmp_path, monkeypatch, mode):
    store.import_meetings(COLLEAGUE, mode="append", who="Ji-woo")  # 5 meetings
    store.delete("c-002", who="Min")
    monkeypatch.setattr(lib.store.rows, "_CHUNK_ROWS", 8)
    monkeypatch.setattr(lib.store.imports, "_CHUNK_ROWS", 8)
    progress = Progress()

    store.import_meetings(many_meetings_file(tmp_path), mode=mode, who="Min", progress=progress)

    first = CHECKING if mode == "append" else BACKING_UP
    first_steps = [(0, 20), (8, 20), (16, 20), (20, 20)] if mode == "append" else [(0, 5), (4, 5)]
    if mode == "replace":
        first_steps.append((5, 5))  # the deleted meeting, in its own file
    assert [(done, total) for phase, done, total in progress.seen if phase == first] == (
        first_steps
    )
    written = [(done, total) for phase, done, total in progress.seen if phase == WRITING]
    assert written == [(0, 20), (8, 20), (16, 20), (20, 20)]
    assert [phase for phase, _, _ in progress.seen] == sorted(
        [phase for phase, _, _ in progress.seen], key=[first, WRITING].index
    )


@pytest.mark.parametrize("mode", ["append", "replace"])
@pytest.mark.parametrize("phase", ["first", WRITING])
def test_a_cancelled_import_changes_nothing(store, tmp_path, monkeypatch, mode, phase):
    store.import_meetings(COLLEAGUE, mode="append", who="Ji-woo")
    store.delete("c-002", who="Min")
    before = as_files(store.meetings())
    history_before = history_lengths(store)
    version = store.data_version()
    monkeypatch.setattr(lib.store.rows, "_CHUNK_ROWS", 8)
    monkeypatch.setattr(lib.store.imports, "_CHUNK_ROWS", 8)
    if phase == "first":
        phase = CHECKING if mode == "append" else BACKING_UP
    progress = Progress(cancel_in=phase, cancel_at=1)  # after some rows went in

    with pytest.raises(Cancelled):
        store.import_meetings(many_meetings_file(tmp_path), mode=mode, who="Min", progress=progress)

    assert as_files(store.meetings()).equals(before)
    assert store.deleted()["id"].tolist() == ["c-002"]
    assert history_lengths(store) == history_before
    assert store.data_version() == version
    assert store.import_meetings(many_meetings_file(tmp_path), mode=mode, who="Min").added == 20


def test_backups_and_exports_report_meetings_written(store, tmp_path):
    store.import_meetings(COLLEAGUE, mode="append", who="Ji-woo")
    for kind in ("csv", "xlsx"):
        progress = Progress()
        store.export(tmp_path / f"all.{kind}", progress=progress)
        assert progress.seen == [(WRITING, 0, 5), (WRITING, 5, 5)]
    with pytest.raises(Cancelled):
        store.backup_bytes("xlsx", progress=Progress(cancel_in=WRITING))


# --- Several writers at once --------------------------------------------------------------

WRITER = """
import sys, time
from pathlib import Path
from lib.store import Store

url, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
store = Store.open(url)
while not go.exists():
    time.sleep(0.005)
for number in range(count):
    record = {"date": "2020-01-01", "country": "Canada", "counterpart": f"{name} {number}"}
    store.add(record, who=name)
store.close()
"""


@pytest.mark.slow  # several processes at once
def test_two_processes_saving_at_once_lose_no_meeting(store, db_url, tmp_path):
    count = 200
    go = tmp_path / "go"
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, db_url, name, str(count), str(go)],
            cwd=REPO_ROOT,
            env=environment,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    time.sleep(1.0)  # both have opened the database
    go.touch()
    errors = [writer.communicate(timeout=300)[1] for writer in writers]

    assert [writer.returncode for writer in writers] == [0, 0], errors
    meetings = store.meetings()
    assert len(meetings) == 2 * count
    assert meetings["counterpart"].nunique() == 2 * count
    assert store.data_version() == 2 * count
    who = {store.history(id)[0]["who"] for id in meetings["id"]}
    assert who == {"first", "second"}


def test_a_locked_database_says_busy_and_changes_nothing(store, db_url, backups):
    store.add(CANADA, who="Ji-woo")
    impatient = reopen(db_url, backups, busy_timeout=0.3)
    if db_url.startswith("sqlite"):
        locker = sqlite3.connect(impatient.path, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
    else:
        server = sa.create_engine(db_url)
        locker = server.connect()
        locker.exec_driver_sql("SELECT value FROM meta FOR UPDATE")
    try:
        assert impatient.meetings()["country"].tolist() == ["Canada"]  # reading goes on
        started = time.monotonic()
        with pytest.raises(StoreError, match="busy") as raised:
            impatient.add({**CANADA, "country": "Mexico"}, who="Min")
        assert time.monotonic() - started < 10
        assert "Nothing was changed" in str(raised.value)
    finally:
        locker.rollback()
        locker.close()
        impatient.close()
        if not db_url.startswith("sqlite"):
            server.dispose()
    assert store.meetings()["country"].tolist() == ["Canada"]
    assert store.data_version() == 1


def test_a_database_locked_while_opening_says_busy(tmp_path):
    path = tmp_path / "locked.sqlite3"
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    locker.execute("CREATE TABLE other (x)")
    try:
        with pytest.raises(StoreError, match="busy") as raised:
            Store.open(f"sqlite:///{path}", busy_timeout=0.2)
        assert str(path) in str(raised.value)
    finally:
        locker.rollback()
        locker.close()


# --- Opening ------------------------------------------------------------------------------


def test_a_corrupt_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "outreach.sqlite3"
    damaged = random.Random(5).randbytes(64 * 1024)
    path.write_bytes(damaged)

    for create in (False, True):
        with pytest.raises(StoreError) as raised:
            Store.open(f"sqlite:///{path}", create=create)
        message = str(raised.value)
        assert str(path) in message
        assert "move the file aside" in message and "backup" in message

    assert path.read_bytes() == damaged
    assert sorted(tmp_path.iterdir()) == [path]


def test_a_missing_file_is_reported_and_not_created(tmp_path):
    path = tmp_path / "moved" / "outreach.sqlite3"

    with pytest.raises(StoreError, match="no database file") as raised:
        Store.open(f"sqlite:///{path}")

    assert str(path) in str(raised.value)
    assert not path.exists() and not path.parent.exists()


def test_another_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE invoices (amount)")

    theirs = path.read_bytes()

    with pytest.raises(StoreError, match="not an Outreach Atlas database"):
        Store.open(f"sqlite:///{path}")

    assert path.read_bytes() == theirs


@pytest.mark.parametrize(
    "db_url", [pytest.param("postgres", marks=pytest.mark.store)], indirect=True
)
def test_an_unreachable_or_missing_server_database_is_explained(db_url):
    missing = sa.make_url(db_url).set(database="no_such_database")
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(missing.render_as_string(hide_password=False))

    closed = sa.make_url(db_url).set(host="127.0.0.1", port=1)
    with pytest.raises(StoreError, match="could not be reached") as raised:
        Store.open(closed.render_as_string(hide_password=False))
    assert "***" not in str(raised.value) and "running" in str(raised.value)


@pytest.fixture
def default_in_tmp(tmp_path, monkeypatch) -> Path:
    """The default database file moved into tmp_path; no OUTREACH_DB_URL."""
    default = tmp_path / "instance" / "outreach.sqlite3"
    monkeypatch.setattr(lib.store.database, "DEFAULT_DB_PATH", default)
    monkeypatch.delenv("OUTREACH_DB_URL", raising=False)
    return default


def test_the_default_database_is_seeded_with_the_shipped_meetings(default_in_tmp):
    shipped = read_meetings(lib.store.SEED_PATH)
    assert lib.store.SEED_PATH == REPO_ROOT / "data" / "meetings.csv"

    with Store.open() as store:
        assert store.path == default_in_tmp.resolve()
        assert default_in_tmp.exists()
        pd.testing.assert_frame_equal(as_files(store.meetings()), as_files(shipped.meetings))
        first = shipped.meetings["id"].iloc[0]
        assert store.history(first)[0]["who"] == "seed"
        assert store.backup_dir == default_in_tmp.parent / "backups"


def test_the_default_database_is_seeded_once(default_in_tmp, monkeypatch):
    monkeypatch.setattr(lib.store.database, "SEED_PATH", SEED)

    with Store.open() as store:
        assert sorted(store.meetings()["id"]) == ["s-001", "s-002", "s-003"]
        store.delete("s-002", who="Ji-woo")
    with Store.open() as store:  # opened again: not seeded twice, the deletion kept
        assert sorted(store.meetings()["id"]) == ["s-001", "s-003"]
        assert store.data_version() == 2


def test_without_the_shipped_file_the_default_database_starts_empty(default_in_tmp, monkeypatch):
    monkeypatch.setattr(lib.store.database, "SEED_PATH", default_in_tmp.parent / "missing.csv")

    with Store.open() as store:
        assert store.meetings().empty
        store.add(CANADA, who="Ji-woo")
    with Store.open() as store:
        assert len(store.meetings()) == 1


def test_the_url_comes_from_the_environment(db_url, backups, monkeypatch):
    with reopen(db_url, backups) as store:
        id = store.add(CANADA, who="Ji-woo")
    monkeypatch.setenv("OUTREACH_DB_URL", db_url)

    with Store.open(backup_dir=backups) as store:
        assert store.meetings()["id"].tolist() == [id]


def test_a_database_from_a_newer_app_is_refused(store, db_url, backups):
    store.add(CANADA, who="Ji-woo")
    run_sql(db_url, "UPDATE schema_version SET version = 99")

    with pytest.raises(StoreError, match="newer Outreach Atlas") as raised:
        reopen(db_url, backups)
    assert "Upgrade the app" in str(raised.value)


def test_a_pending_migration_is_applied_once_and_keeps_the_data(
    store, db_url, backups, monkeypatch
):
    id = store.add(CANADA, who="Ji-woo")
    store.close()

    def add_reviewed_column(conn):
        conn.exec_driver_sql("ALTER TABLE meetings ADD COLUMN reviewed TEXT")
        conn.exec_driver_sql("UPDATE meetings SET reviewed = 'no'")

    monkeypatch.setattr(
        lib.store.schema, "MIGRATIONS", [*lib.store.schema.MIGRATIONS, add_reviewed_column]
    )
    with reopen(db_url, backups) as upgraded:
        assert upgraded.meetings()["id"].tolist() == [id]
    with reopen(db_url, backups):  # a second open finds nothing to do
        pass

    newest = len(lib.store.schema.MIGRATIONS)  # with the one this test added
    assert run_sql(db_url, "SELECT version FROM schema_version") == [(newest,)]
    assert run_sql(db_url, "SELECT id, reviewed FROM meetings") == [(id, "no")]


def test_a_failing_migration_leaves_the_database_as_it_was(store, db_url, backups, monkeypatch):
    id = store.add(CANADA, who="Ji-woo")
    store.close()

    def half_done(conn):
        conn.exec_driver_sql("CREATE TABLE follow_ups (id TEXT)")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(lib.store.schema, "MIGRATIONS", [*lib.store.schema.MIGRATIONS, half_done])
    with pytest.raises(RuntimeError, match="migration bug"):
        reopen(db_url, backups)

    monkeypatch.undo()
    current = len(lib.store.schema.MIGRATIONS)
    assert run_sql(db_url, "SELECT version FROM schema_version") == [(current,)]
    with reopen(db_url, backups) as again:
        assert again.meetings()["id"].tolist() == [id]
        with again._engine.connect() as conn:
            assert not sa.inspect(conn).has_table("follow_ups")


def test_a_stored_meeting_that_no_longer_passes_the_checks_is_named_not_lost(
    store, db_url, tmp_path
):
    store.add(CANADA, who="Ji-woo")
    store.add({**CANADA, "id": "odd", "country": "Mexico"}, who="Ji-woo")
    run_sql(db_url, "UPDATE meetings SET date = '2019-13-01' WHERE id = 'odd'")

    assert store.meetings()["country"].tolist() == ["Canada"]
    assert list(store.unreadable()) == ["odd"]
    assert store.unreadable()["odd"].startswith("date:")
    sheet = tmp_path / "new.csv"
    sheet.write_text("date,country\n2024-01-01,Japan\n", encoding="utf-8")
    with pytest.raises(StoreError, match="odd"):
        store.import_meetings(sheet, mode="replace", who="Min")
    assert store.get("odd")["date"] == "2019-13-01"


# --- Caching and export -------------------------------------------------------------------


def test_data_version_grows_with_each_write_and_not_with_reads(store, tmp_path):
    def reads():
        store.meetings(), store.deleted(), store.unreadable(), store.backup_bytes("xlsx")
        store.export(tmp_path / "out.csv")

    versions = [store.data_version()]
    id = store.add(CANADA, who="Ji-woo")
    versions.append(store.data_version())
    reads()
    assert store.data_version() == versions[-1]
    store.update(id, {"summary": "Met."}, who="Min")
    versions.append(store.data_version())
    store.delete(id, who="Min")
    versions.append(store.data_version())
    store.delete(id, who="Min")  # already deleted: no change
    assert store.data_version() == versions[-1]
    store.restore(id, who="Min")
    versions.append(store.data_version())
    store.import_meetings(COLLEAGUE, mode="append", who="Min")
    versions.append(store.data_version())
    with pytest.raises(MeetingInvalid):
        store.add({**CANADA, "date": "someday"}, who="Min")
    reads()
    assert store.data_version() == versions[-1]

    assert versions == sorted(set(versions)) and len(versions) == 6


def test_export_names_its_kind_by_suffix(store, tmp_path):
    store.add({**CANADA, **TRICKY}, who="Ji-woo")

    csv_file = store.export(tmp_path / "meetings.csv")
    xlsx_file = store.export(tmp_path / "meetings.XLSX")

    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")
    assert xlsx_file.read_bytes().startswith(b"PK\x03\x04")
    for exported in (csv_file, xlsx_file):
        assert as_files(read_meetings(exported).meetings).equals(as_files(store.meetings()))
    with pytest.raises(ValueError, match=".csv or .xlsx"):
        store.export(tmp_path / "meetings.json")
    assert not (tmp_path / "meetings.json").exists()
