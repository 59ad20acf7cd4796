"""A reading page's frame: its heading, the rows that could not be used, and the empty state."""

import pandas as pd
import streamlit as st

from lib.i18n import _, n_
from lib.ui import signin
from lib.ui.forms import label as field_label
from lib.ui.navigation import IMPORT_PAGE, RECORD_PAGE
from lib.ui.sidebar import View, no_match_advice, reset_filters
from lib.ui.sources import Dataset, source_label


def heading(title: str, dataset: Dataset) -> None:
    """The page's title, and why the data cannot be shown when it cannot."""
    st.title(title)
    if dataset.error:
        st.error(str(dataset.error))


def show_problems(dataset: Dataset) -> None:
    """The rows that could not be used, with their lines, in an expander."""
    if not dataset.problems:
        return
    lines = len({problem.line for problem in dataset.problems})
    label = n_(
        "{count} row of {source} could not be used — see why",
        "{count} rows of {source} could not be used — see why",
        lines,
        source=source_label(dataset),
    )
    with st.expander(label):
        st.dataframe(
            pd.DataFrame(
                [(p.line, field_label(p.column), str(p.message)) for p in dataset.problems],
                columns=[_("Line"), _("Column"), _("Problem")],
            ),
            hide_index=True,
            width="stretch",
        )


def empty_state(dataset: Dataset, view: View) -> None:
    """What a page shows when there is nothing to show: no data yet, or nothing matches."""
    if dataset.error:  # the heading's message says why and what to do
        return
    if dataset.meetings.empty:
        st.info(
            _(
                "There are no meetings to show yet. Record one or import a file — or upload "
                "a file to explore on the Data page."
            ),
            icon=":material/info:",
        )
        if dataset.mode == "database" and signin.can("record"):
            st.page_link(RECORD_PAGE, label=_("Record a meeting"), icon=":material/edit_note:")
        if dataset.mode == "database" and signin.can("import"):
            st.page_link(IMPORT_PAGE, label=_("Import meetings"), icon=":material/upload_file:")
        return
    st.info(no_match_advice(view.filters), icon=":material/filter_alt:")
    st.button(
        _("Reset filters"),
        on_click=reset_filters,
        key="reset_here",
        icon=":material/filter_alt_off:",
    )
