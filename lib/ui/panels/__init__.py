"""What the reading pages show, one module per panel; `panels.<name>` as before.

`page_frame` (heading, rows not used, empty state), `overview` (the map page's figures),
`meeting` (the meetings table, one meeting, a follow-up in words), `linked_meeting`
(?meeting=<id>), `country` (one country's panel) and `engaged` (the engaged countries).
"""

from lib.ui.panels.country import (
    MAP_COUNTRY_KEY,
    RECORD_COUNTRY_KEY,
    country_panel,
    reset_country,
)
from lib.ui.panels.engaged import engaged_rows, engaged_table
from lib.ui.panels.linked_meeting import MEETING_PARAM, linked_meeting
from lib.ui.panels.meeting import (
    TABLE_ROWS,
    follow_up_state,
    meeting_details,
    meetings_table,
    open_meeting,
    source,
)
from lib.ui.panels.overview import figures_row, missions_in_view, overview_figures
from lib.ui.panels.page_frame import empty_state, heading, show_problems

__all__ = [
    "MAP_COUNTRY_KEY",
    "MEETING_PARAM",
    "RECORD_COUNTRY_KEY",
    "TABLE_ROWS",
    "country_panel",
    "empty_state",
    "engaged_rows",
    "engaged_table",
    "figures_row",
    "follow_up_state",
    "heading",
    "linked_meeting",
    "meeting_details",
    "meetings_table",
    "missions_in_view",
    "open_meeting",
    "overview_figures",
    "reset_country",
    "show_problems",
    "source",
]
