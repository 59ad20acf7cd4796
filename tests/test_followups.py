import pandas as pd

from lib.followups import count_follow_ups, follow_up_table, labels, overdue, state_words
from lib.ui.panels import follow_up_state


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


def _pledge(status: str, due: str | None, owner: str = "") -> pd.Series:
    return pd.Series(
        {
            "follow_up": "Send the MoU draft",
            "follow_up_status": status,
            "follow_up_due": pd.Timestamp(due) if due else pd.NaT,
            "follow_up_owner": owner,
        }
    )


def test_overdue_means_open_and_due_before_today_for_a_row_and_for_a_column():
    today = pd.Timestamp("2026-11-28")
    rows = [
        (_pledge("open", "2026-11-27"), True),
        (_pledge("open", "2026-11-28"), False),  # due today is not late yet
        (_pledge("open", None), False),
        (_pledge("done", "2020-01-01"), False),
        (_pledge("dropped", "2020-01-01"), False),
    ]
    for row, late in rows:
        assert bool(overdue(row["follow_up_status"], row["follow_up_due"], today)) is late
    frame = pd.DataFrame([row for row, _late in rows])
    column = overdue(frame["follow_up_status"], frame["follow_up_due"], today)
    assert list(column) == [late for _row, late in rows]


def test_a_pledges_state_reads_the_same_on_the_pages_and_in_the_briefs():
    today = pd.Timestamp("2026-11-28")
    late = _pledge("open", "2026-01-15", owner="Minsoo Park")
    assert state_words(late, today) == ["owner: Minsoo Park", "due 15 Jan 2026", "317 days overdue"]
    assert follow_up_state(late, today) == (
        "open · owner: Minsoo Park · due 15 Jan 2026 · ⚠ 317 days overdue"
    )
    assert state_words(_pledge("done", None), today) == ["no owner named", "no due date"]
