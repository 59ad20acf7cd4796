import pandas as pd

from lib.followups import count_follow_ups, follow_up_table, labels


def test_open_follow_ups_soonest_due_first_with_overdue_marked(shipped):
    meetings = shipped.copy()
    first, second = meetings.index[meetings["follow_up_status"] == "open"][:2]
    meetings.loc[first, "follow_up_due"] = pd.Timestamp("2030-01-01")
    meetings.loc[second, "follow_up_due"] = pd.Timestamp("2020-01-01")
    table = follow_up_table(meetings, "open", today=pd.Timestamp("2026-11-28"))
    assert set(table["Status"]) == {"open"}
    assert len(table) == (meetings["follow_up_status"] == "open").sum()
    assert list(table["id"][:2]) == [meetings.loc[second, "id"], meetings.loc[first, "id"]]
    assert list(table["Overdue"][:2]) == [True, False]
    assert table["Meeting"][0] == f"Record?meeting={meetings.loc[second, 'id']}"


def test_all_statuses_and_labels(shipped):
    table = follow_up_table(shipped, "all")
    assert len(table) == (shipped["follow_up"] != "").sum()
    assert {"open", "done"} <= set(table["Status"])
    names = labels(table)
    assert all(len(name) < 120 for name in names)
    assert names[0].startswith(table["Country"][0] + " · ")
    korean = labels(table, lambda name: f"<{name}>", {"open": "진행 중", "done": "완료"}.get)
    assert korean[0].startswith(f"<{table['Country'][0]}> · ")
    assert korean[0].endswith(f"({'진행 중' if table['Status'][0] == 'open' else '완료'})")


def test_limit_keeps_the_soonest_and_counts_all(shipped):
    meetings = shipped.copy()
    open_rows = meetings.index[meetings["follow_up_status"] == "open"]
    meetings.loc[open_rows[0], "follow_up_due"] = pd.Timestamp("2020-01-01")
    table = follow_up_table(meetings, "open", limit=1, today=pd.Timestamp("2026-11-28"))
    assert list(table["id"]) == [meetings.loc[open_rows[0], "id"]]
    total, overdue = count_follow_ups(meetings, "open", today=pd.Timestamp("2026-11-28"))
    assert total == len(open_rows) and overdue == 1
