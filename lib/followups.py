"""The follow-up list: pledges from meetings, ordered by due date, overdue ones marked."""

from collections.abc import Callable
from datetime import date

import pandas as pd

from lib.i18n import N_, _, n_
from lib.meetings import FOLLOW_UP_STATUSES, date_labels, day_label

STATUSES = FOLLOW_UP_STATUSES
STATUS_VIEWS = (*FOLLOW_UP_STATUSES, N_("all"))
MEETING_PAGE = "Record"  # where a meeting opens for editing
SHOWN = 500  # follow-ups listed on the page at once


def overdue(status, due, today: date | pd.Timestamp):
    """Whether follow-ups are overdue: still open and due before `today`.

    Takes a row's status and due date (returns a bool) or the columns (returns a mask).
    """
    return (status == "open") & (due < pd.Timestamp(today))


def overdue_words(days: int) -> str:
    """How late an overdue follow-up is, in words: "3 days overdue"."""
    return n_("{count} day overdue", "{count} days overdue", days)


def state_words(row: pd.Series, today: date | pd.Timestamp, overdue_mark: str = "") -> list[str]:
    """A follow-up's owner, due date and how overdue it is, in words, one part each.

    `overdue_mark` goes before the overdue part (the pages' "⚠ "; the briefs colour it).
    """
    owner, due = row["follow_up_owner"], row["follow_up_due"]
    parts = [_("owner: {owner}", owner=owner) if owner else _("no owner named")]
    if pd.isna(due):
        return [*parts, _("no due date")]
    parts.append(_("due {date}", date=day_label(due.date())))
    if overdue(row["follow_up_status"], due, today):
        parts.append(overdue_mark + overdue_words((pd.Timestamp(today) - due).days))
    return parts


def follow_up_table(
    meetings: pd.DataFrame,
    status: str = "open",
    today: pd.Timestamp | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Meetings with a follow-up in the given status ("all" for any), soonest due first.

    With `limit`, only that many of the soonest due (see `count_follow_ups` for the total).
    """
    today = today or pd.Timestamp.today().normalize()
    chosen = meetings[_follow_up_mask(meetings, status)]
    order = pd.DataFrame({"due": chosen["follow_up_due"], "date": chosen["date"]})
    order = order.sort_values(["due", "date"], na_position="last")
    chosen = chosen.loc[order.index[:limit]]
    return pd.DataFrame(
        {
            "Status": chosen["follow_up_status"].astype(str),
            "Overdue": overdue(chosen["follow_up_status"], chosen["follow_up_due"], today),
            "Due": chosen["follow_up_due"],
            "Follow-up": chosen["follow_up"],
            "Owner": chosen["follow_up_owner"],
            "Country": chosen["country"].astype(str),
            "Counterpart": chosen["counterpart"],
            "Met": date_labels(chosen),
            "Meeting": MEETING_PAGE + "?meeting=" + chosen["id"],
            "id": chosen["id"],
        }
    ).reset_index(drop=True)


def labels(
    table: pd.DataFrame,
    country: Callable[[str], str] = str,
    status: Callable[[str], str] = str,
) -> list[str]:
    """A short name for each follow-up in a follow_up_table, for a picker.

    `country` and `status` give the names people read (in their language).
    """
    short = table["Follow-up"].str.slice(0, 70).where(table["Follow-up"].str.len() <= 70)
    short = short.fillna(table["Follow-up"].str.slice(0, 69) + "…")
    return [
        f"{country(name)} · {text} ({status(state)})"
        for name, text, state in zip(table["Country"], short, table["Status"], strict=True)
    ]


def _follow_up_mask(meetings: pd.DataFrame, status: str) -> pd.Series:
    keep = meetings["follow_up"] != ""
    if status != "all":
        keep &= meetings["follow_up_status"] == status
    return keep


def count_follow_ups(
    meetings: pd.DataFrame, status: str = "open", today: pd.Timestamp | None = None
) -> tuple[int, int]:
    """(follow-ups in the status, how many of them are overdue)."""
    today = today or pd.Timestamp.today().normalize()
    keep = _follow_up_mask(meetings, status)
    late = keep & overdue(meetings["follow_up_status"], meetings["follow_up_due"], today)
    return int(keep.sum()), int(late.sum())
