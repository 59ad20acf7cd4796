from datetime import UTC, date, datetime

import icalendar
import pandas as pd
import pytest

from lib import i18n
from lib.calendar_file import calendar_bytes, counts, event_uid, meeting_link
from lib.meetings import FOLLOW_UP_STATUSES, date_labels

APP = "https://atlas.example.org/"
STAMP = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


@pytest.fixture
def meetings(shipped):
    """The shipped meetings with due dates and owners on some pledges, in every status."""
    meetings = shipped.copy()
    status = meetings["follow_up_status"]
    meetings["follow_up_status"] = status.cat.set_categories(FOLLOW_UP_STATUSES)
    pledged = meetings.index[meetings["follow_up"] != ""]
    open_ones = [i for i in pledged if meetings.loc[i, "follow_up_status"] == "open"]
    done = [i for i in pledged if meetings.loc[i, "follow_up_status"] == "done"]
    for day, row in enumerate(open_ones[:5], start=1):
        meetings.loc[row, "follow_up_due"] = pd.Timestamp(2027, 1, day)
        meetings.loc[row, "follow_up_owner"] = f"Owner {day}"
    meetings.loc[done[0], "follow_up_due"] = pd.Timestamp(2026, 12, 24)
    meetings.loc[open_ones[5], "follow_up_status"] = "dropped"
    meetings.loc[open_ones[5], "follow_up_due"] = pd.Timestamp(2026, 12, 31)
    return meetings


def events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def by_uid(data: bytes) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in events(data)}


def expected(meetings: pd.DataFrame, statuses=("open",)) -> pd.DataFrame:
    return meetings[
        (meetings["follow_up"] != "")
        & meetings["follow_up_due"].notna()
        & meetings["follow_up_status"].isin(statuses)
    ]


def test_one_all_day_event_per_open_pledge_with_a_due_date(meetings):
    data = calendar_bytes(meetings, APP, stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["METHOD"]) == "PUBLISH" and str(calendar["VERSION"]) == "2.0"
    assert "Outreach Atlas" in str(calendar["PRODID"])
    due = expected(meetings)
    assert len(due) == 5
    found = by_uid(data)
    assert set(found) == {event_uid(id) for id in due["id"]}
    for _index, row in due.iterrows():
        event = found[f"{row['id']}-follow-up@outreach-atlas"]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and type(end) is date  # all-day, not a time of day
        assert start == row["follow_up_due"].date()
        assert (end - start).days == 1
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["STATUS"]) == "CONFIRMED"
        assert row["follow_up"] in str(event["SUMMARY"])
        assert str(row["country"]) in str(event["SUMMARY"])


def test_the_description_holds_country_counterpart_pledge_owner_date_and_link(meetings):
    due = expected(meetings)
    row = due.iloc[-1]
    met = date_labels(due).iloc[-1]
    event = by_uid(calendar_bytes(meetings, APP, stamp=STAMP))[event_uid(row["id"])]
    text = str(event["DESCRIPTION"])
    link = f"https://atlas.example.org/Data?meeting={row['id']}"
    assert f"Country: {row['country']}" in text
    assert (row["counterpart"] or row["counterpart_title"]) in text
    assert f"Pledge: {row['follow_up']}" in text
    assert f"Owner: {row['follow_up_owner']}" in text
    assert f"Meeting date: {met}" in text
    assert link in text
    assert str(event["URL"]) == link == meeting_link(APP, row["id"])


def test_an_approximate_meeting_date_is_written_as_approximate(meetings):
    canada = meetings[meetings["id"] == "2019-04-can-amb"].copy()
    canada["follow_up_due"] = pd.Timestamp(2027, 3, 1)
    canada["follow_up_owner"] = ""
    event = events(calendar_bytes(canada, APP))[0]
    assert "Meeting date: ≈ week of 02 Apr 2019" in str(event["DESCRIPTION"])
    assert "Owner: no owner recorded" in str(event["DESCRIPTION"])


def test_a_second_export_has_the_same_uids_and_a_changed_pledge_keeps_its_uid(meetings):
    first = by_uid(calendar_bytes(meetings, APP))
    assert list(by_uid(calendar_bytes(meetings, APP))) == list(first)
    changed = meetings.copy()
    row = expected(meetings).index[0]
    changed.loc[row, "follow_up"] = "A reworded pledge"
    changed.loc[row, "follow_up_due"] = pd.Timestamp(2028, 2, 29)
    again = by_uid(calendar_bytes(changed, APP, revisions={changed.loc[row, "id"]: 7}))
    assert set(again) == set(first)
    event = again[event_uid(changed.loc[row, "id"])]
    assert event.decoded("DTSTART") == date(2028, 2, 29)
    assert "A reworded pledge" in str(event["SUMMARY"])
    assert int(event["SEQUENCE"]) == 7 > int(first[event_uid(changed.loc[row, "id"])]["SEQUENCE"])


def test_done_and_dropped_are_left_out_by_default_or_cancelled_with_a_higher_sequence(meetings):
    closed = expected(meetings, ("done", "dropped"))
    assert sorted(closed["follow_up_status"]) == ["done", "dropped"]
    plain = by_uid(calendar_bytes(meetings, APP))
    assert not {event_uid(id) for id in closed["id"]} & set(plain)
    both = by_uid(calendar_bytes(meetings, APP, include_closed=True))
    assert set(both) == set(plain) | {event_uid(id) for id in closed["id"]}
    for _index, row in closed.iterrows():
        event = both[event_uid(row["id"])]
        assert str(event["STATUS"]) == "CANCELLED"
        assert f"Status: {row['follow_up_status']}" in str(event["DESCRIPTION"])
        assert int(event["SEQUENCE"]) == 1  # above the open event's 0 it replaces
    assert all(str(both[uid]["STATUS"]) == "CONFIRMED" for uid in plain)


def test_no_due_date_is_not_in_the_file_and_the_counts_say_why(meetings):
    pledged = meetings[meetings["follow_up"] != ""]
    undated = pledged[pledged["follow_up_due"].isna()]
    uids = set(by_uid(calendar_bytes(meetings, APP, include_closed=True)))
    assert not {event_uid(id) for id in undated["id"]} & uids
    shown = counts(meetings)
    open_pledges = pledged[pledged["follow_up_status"] == "open"]
    assert shown.events == 5 and shown.cancelled == 0
    assert shown.without_due == int(open_pledges["follow_up_due"].isna().sum())
    assert shown.closed_left_out == int((pledged["follow_up_status"] != "open").sum())
    assert shown.events + shown.without_due + shown.closed_left_out == len(pledged)
    everything = counts(meetings, include_closed=True)
    assert everything.events == 7 and everything.cancelled == 2
    assert everything.without_due == len(undated) and everything.closed_left_out == 0


def test_korean_text_survives(meetings):
    row = expected(meetings).index[0]
    korean = meetings.copy()
    korean.loc[row, "follow_up"] = "서울시 스마트시티 정책 자료 공유"
    korean.loc[row, "follow_up_owner"] = "김민지"
    i18n.use("ko")
    try:
        names = {"Canada": "캐나다"}
        data = calendar_bytes(korean, APP, country=lambda name: names.get(name, name))
    finally:
        i18n.use("en")
    event = by_uid(data)[event_uid(korean.loc[row, "id"])]
    text = str(event["DESCRIPTION"])
    assert "약속: 서울시 스마트시티 정책 자료 공유" in text
    assert "담당자: 김민지" in text and "면담 일자: 2019년" in text
    assert "국가: 캐나다" in text
    assert str(event["SUMMARY"]) == "캐나다: 서울시 스마트시티 정책 자료 공유"
    assert "Outreach Atlas 후속조치" in data.decode("utf-8")


def test_an_odd_id_makes_a_safe_link_and_nothing_makes_an_empty_calendar(meetings):
    assert meeting_link("http://localhost:8501", "a b&c/d") == (
        "http://localhost:8501/Data?meeting=a%20b%26c%2Fd"
    )
    empty = calendar_bytes(meetings.iloc[0:0], APP)
    assert events(empty) == []
    assert icalendar.Calendar.from_ical(empty)["METHOD"] == "PUBLISH"


def test_a_frame_with_repeated_index_labels_gives_each_event_its_own_date(meetings):
    due = expected(meetings)
    twice = pd.concat([due, due.assign(id=due["id"] + "-copy")])  # index labels repeat
    found = by_uid(calendar_bytes(twice, APP))
    assert len(found) == 2 * len(due)
    for label, row in due.iterrows():
        met = date_labels(due.loc[[label]]).iloc[0]
        for id in (row["id"], row["id"] + "-copy"):
            assert str(found[event_uid(id)]["DESCRIPTION"]).count("Meeting date: ") == 1
            assert f"Meeting date: {met}\n" in str(found[event_uid(id)]["DESCRIPTION"])
