"""The follow-up list: pledges from meetings, ordered by due date, overdue ones marked."""

import pandas as pd

from lib.meetings import FOLLOW_UP_STATUSES, date_labels

STATUSES = FOLLOW_UP_STATUSES
STATUS_VIEWS = (*FOLLOW_UP_STATUSES, "all")
MEETING_PAGE = "Record"  # where a meeting opens for editing


def follow_up_table(
    meetings: pd.DataFrame, status: str = "open", today: pd.Timestamp | None = None
) -> pd.DataFrame:
    """Meetings with a follow-up in the given status ("all" for any), soonest due first."""
    today = today or pd.Timestamp.today().normalize()
    chosen = meetings[meetings["follow_up"] != ""]
    if status != "all":
        chosen = chosen[chosen["follow_up_status"] == status]
    chosen = chosen.sort_values(["follow_up_due", "date"], na_position="last")
    return pd.DataFrame(
        {
            "Status": chosen["follow_up_status"].astype(str),
            "Overdue": (chosen["follow_up_status"] == "open") & (chosen["follow_up_due"] < today),
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


def labels(table: pd.DataFrame) -> list[str]:
    """A short name for each follow-up in a follow_up_table, for a picker."""
    short = table["Follow-up"].str.slice(0, 70).where(table["Follow-up"].str.len() <= 70)
    short = short.fillna(table["Follow-up"].str.slice(0, 69) + "…")
    return list(table["Country"] + " · " + short + " (" + table["Status"] + ")")
