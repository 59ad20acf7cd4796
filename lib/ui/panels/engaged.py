"""The table of engaged countries under the map."""

import pandas as pd
import streamlit as st

from lib.i18n import _
from lib.meetings import dates_shown
from lib.ui.text import shown_country, shown_program, shown_region


def engaged_table(rows: pd.DataFrame) -> None:
    """The engaged countries' table (`rows` from engaged_rows)."""
    st.dataframe(rows, hide_index=True, width="stretch")


def engaged_rows(summary: pd.DataFrame) -> pd.DataFrame:
    """The engaged countries as shown: meetings, last meeting, open follow-ups, programs of
    interest, in the language of this run (`summary` is aggregates.country_summary)."""
    return pd.DataFrame(
        {
            _("Country"): summary["country"].map(shown_country),
            _("Region"): summary["region"].map(shown_region),
            _("Meetings"): summary["meetings"],
            _("Last meeting"): dates_shown(summary["last_date"], summary["last_precision"]),
            _("Open follow-ups"): summary["open_follow_ups"],
            _("Programs of interest"): summary["programs"].map(
                lambda listed: (
                    ", ".join(shown_program(p) for p in listed.split(", ") if p)
                    or _("none recorded")
                )
            ),
        }
    )
