"""What the reading pages show: headings, figures, empty states, tables, a meeting, a country."""

from collections.abc import Callable

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from lib import aggregates
from lib import filters as flt
from lib.i18n import _, n_
from lib.meetings import date_labels
from lib.ui import address, signin
from lib.ui.forms import label as field_label
from lib.ui.navigation import IMPORT_PAGE, RECORD_PAGE
from lib.ui.sidebar import View, reset_filters
from lib.ui.sources import Dataset, source_label
from lib.ui.text import plain, shown_country, shown_program, shown_region, shown_value

TABLE_ROWS = 2000  # rows sent to the browser; downloads hold every row
RECORD_COUNTRY_KEY = "record_country"  # the country the Record page's new form starts with


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
    st.info(
        _(
            "No meeting matches these filters. Widen the month range or remove a filter in "
            "the sidebar, or show everything again."
        ),
        icon=":material/filter_alt:",
    )
    st.button(
        _("Reset filters"),
        on_click=reset_filters,
        key="reset_here",
        icon=":material/filter_alt_off:",
    )


def missions_in_view(filters: flt.Filters) -> pd.DataFrame:
    """Resident missions in Seoul inside the region, sub-region and country filters."""
    missions = aggregates.missions()
    for key in ("region", "subregion", "country"):
        chosen = filters.values(key)
        if chosen:
            missions = missions[missions[key].isin(chosen)]
    return missions


def overview_figures(view: View, missions: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(label, value, explanation) for the row of figures on the map page."""
    meetings = view.meetings
    engaged = set(meetings["iso3"].unique())
    met = int(missions["iso3"].isin(engaged).sum())
    if len(missions):
        seoul = _("{met} of {total}", met=met, total=len(missions))
        seoul_help = _(
            "Countries with a resident embassy in Seoul (data/missions.csv) that we have met "
            "({share:.0%}).",
            share=met / len(missions),
        )
    else:
        seoul = "—"
        seoul_help = _(
            "No country in this view has a resident embassy in Seoul (the Republic of Korea "
            "is the host country)."
        )
    return [
        (_("Meetings"), f"{len(meetings):,}", _("Meetings that pass the filters.")),
        (
            _("Countries engaged"),
            f"{len(engaged):,}",
            _("Countries with at least one meeting."),
        ),
        (_("Seoul missions met"), seoul, seoul_help),
        (
            _("Programs of interest"),
            f"{view.programs['program'].nunique():,}",
            _("Programs discussed in at least one meeting."),
        ),
        (
            _("Open follow-ups"),
            f"{int((meetings['follow_up_status'] == 'open').sum()):,}",
            _("Pledges and next steps not yet done or dropped."),
        ),
    ]


def figures_row(figures: list[tuple[str, str, str]]) -> None:
    """Figures side by side; on a narrow screen they wrap instead of filling the screen."""
    with st.container(horizontal=True, gap="medium"):
        for label, value, help_text in figures:
            st.metric(label, value, help=help_text, width="content")


def meetings_table(meetings: pd.DataFrame, key: str) -> str | None:
    """The meetings as a readable table; returns the id of the row the person selected."""
    if len(meetings) > TABLE_ROWS:
        st.caption(
            _(
                "Showing the {shown} most recent of {total} meetings; the downloads hold them all.",
                shown=format(TABLE_ROWS, ","),
                total=format(len(meetings), ","),
            )
        )
        meetings = meetings.loc[meetings["date"].nlargest(TABLE_ROWS).index]
    table = pd.DataFrame(
        {
            _("Date"): date_labels(meetings),
            _("Country"): meetings["country"].astype("str").map(shown_country),
            _("Counterpart"): meetings["counterpart"],
            _("Title"): meetings["counterpart_title"],
            _("Type"): meetings["counterpart_type"].astype("str").map(shown_value),
            _("Programs"): meetings["programs"].map(
                lambda listed: "; ".join(shown_program(p) for p in listed)
            ),
            _("Follow-up"): meetings["follow_up"],
            _("Status"): meetings["follow_up_status"].astype("str").map(shown_value),
            _("Summary"): meetings["summary"],
            _("Source"): meetings["source_title"],
        }
    )
    picked = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key=key,
        on_select="rerun",
        selection_mode="single-row",
    )
    st.caption(_("Select a row to read the whole meeting, open its source or edit it."))
    rows = picked.selection.rows if picked else []
    return str(meetings["id"].iloc[rows[0]]) if rows else None


def meeting_details(meetings: pd.DataFrame, id: str, editable: bool) -> None:
    """One meeting in full: who, when, what was discussed and promised, and its source."""
    found = meetings[meetings["id"] == id]
    if found.empty:
        return
    row = found.iloc[0]
    when = date_labels(found).iloc[0]
    with st.container(border=True):
        st.markdown(
            f"**{plain(shown_country(row['country']))}** · {plain(when)} · "
            + plain(row["counterpart"] or row["counterpart_title"] or _("counterpart not named"))
        )
        facts = [
            (_("Title"), row["counterpart_title"]),
            (_("Type"), shown_value(row["counterpart_type"]) if row["counterpart_type"] else ""),
            (_("Our representative"), row["representative"]),
            (_("Event"), row["event"]),
            (_("Where"), row["location"]),
            (_("Programs"), "; ".join(shown_program(p) for p in row["programs"])),
            (_("Cities"), "; ".join(row["cities"])),
        ]
        st.markdown("  \n".join(f"{label}: {plain(value)}" for label, value in facts if value))
        if row["follow_up"]:
            follow_up = _("Follow-up")  # outside the f-string: the catalogue reads only calls
            st.markdown(f"**{follow_up}:** {plain(row['follow_up'])}")
            st.caption(follow_up_state(row))
        if row["summary"]:
            st.markdown(plain(row["summary"]))
        source(row)
        if editable and signin.can("edit"):
            if st.button(_("Edit this meeting"), key=f"edit-{id}", icon=":material/edit:"):
                open_meeting(id)


def source(row: pd.Series) -> None:
    """The meeting's source as a link (or its title, when it has no link)."""
    source_word = _("Source")  # outside the f-strings: the catalogue reads only calls
    title = row["source_title"] or source_word
    if row["source_url"]:
        st.markdown(f"{source_word}: [{plain(title)}]({row['source_url']})")
    elif row["source_title"]:
        st.markdown(f"{source_word}: {plain(title)}")
    else:
        st.caption(_("No source recorded."))


MEETING_PARAM = "meeting"  # ?meeting=<id> opens one meeting on the Data page
LONGEST_ID = 200  # characters: a longer "id" in a link is not one


def linked_meeting(dataset: Dataset, view: View) -> str | None:
    """The meeting a link names with ?meeting=<id> (a calendar event's), or why it cannot.

    Looked up among all the meetings, whatever the filters; returns the id shown.
    """
    given = st.query_params.get_all(MEETING_PARAM)
    if not given or dataset.error:  # without data, the heading's message says why
        return None
    id = given[0].strip()
    if not id or len(id) > LONGEST_ID or not id.isprintable():
        shown = id[:60] + "…" if len(id) > 60 else id
        st.warning(
            _(
                "The link's meeting= is not a meeting id ('{id}'). Select the meeting in the "
                "table below instead.",
                id=plain(shown.encode("unicode_escape").decode("ascii")),
            )
            if id
            else _(
                "The link's meeting= is empty: it names no meeting. Select one in the table "
                "below instead."
            ),
            icon=":material/link_off:",
        )
        _close_linked_meeting()
        return None
    if not (dataset.meetings["id"] == id).any():
        st.warning(
            _(
                "There is no meeting '{id}' in {source}: it may have been deleted, or the "
                "link comes from another copy of Outreach Atlas. Select a meeting in the "
                "table below instead.",
                id=plain(id),
                source=plain(source_label(dataset)),
            ),
            icon=":material/link_off:",
        )
        _close_linked_meeting()
        return None
    st.subheader(_("The meeting from the link"))
    meeting_details(dataset.meetings, id, editable=dataset.mode == "database")
    if not (view.meetings["id"] == id).any():
        st.caption(_("The sidebar's filters leave it out of the table below."))
    _close_linked_meeting()
    return id


def _forget_linked_meeting() -> None:
    del st.query_params[MEETING_PARAM]


def _close_linked_meeting() -> None:
    st.button(
        _("Close the meeting from the link"),
        on_click=_forget_linked_meeting,
        key="close-linked-meeting",
        icon=":material/close:",
    )


def follow_up_state(row: pd.Series, today: pd.Timestamp | None = None) -> str:
    """A follow-up's status, owner and due date in words, with how overdue it is."""
    today = today or pd.Timestamp.today().normalize()
    parts = [shown_value(row["follow_up_status"])]
    if row["follow_up_owner"]:
        parts.append(_("owner: {owner}", owner=row["follow_up_owner"]))
    due = row["follow_up_due"]
    if pd.notna(due):
        parts.append(_("due {date}", date=due.strftime("%Y-%m-%d")))
        if row["follow_up_status"] == "open" and due < today:
            parts.append(
                "⚠ " + n_("{count} day overdue", "{count} days overdue", (today - due).days)
            )
    return plain(" · ".join(parts))


def open_meeting(id: str) -> None:
    """Go to the recording page with this meeting open, in this same tab and session."""
    st.switch_page(RECORD_PAGE, query_params={"meeting": id})


def country_panel(
    view: View,
    country: str,
    editable: bool,
    actions: Callable[[DeltaGenerator], None] | None = None,
) -> None:
    """One country's meetings, counterparts, programs, cities, follow-ups and sources.

    `actions(place)` draws more buttons beside "Show all countries" (the brief's).
    """
    mine = view.meetings[view.meetings["country"] == country].sort_values("date")
    head, button = st.columns([3, 1])
    head.subheader(shown_country(country))
    with button.container(horizontal=True, horizontal_alignment="right"):
        if actions:
            actions(st)
        st.button(_("Show all countries"), on_click=reset_country, icon=":material/public:")
    if mine.empty:
        resident = country in set(aggregates.missions()["country"])
        st.info(
            _("No meeting with {country} is recorded yet.", country=shown_country(country))
            + " "
            + (
                _("It has a resident embassy in Seoul.")
                if resident
                else _("It has no resident embassy in Seoul.")
            ),
            icon=":material/info:",
        )
        if editable and signin.can("record"):
            if st.button(
                _("Record a meeting with {country}", country=shown_country(country)),
                icon=":material/edit_note:",
            ):
                st.session_state[RECORD_COUNTRY_KEY] = country
                st.switch_page(RECORD_PAGE)
        return
    first = mine.iloc[0]
    head.caption(
        f"{shown_region(first['region'])} · {shown_region(first['subregion'])} · "
        + n_("{count} meeting", "{count} meetings", len(mine))
    )
    left, right = st.columns(2)
    counterparts = list(dict.fromkeys(c for c in mine["counterpart"] if c))
    programs = list(dict.fromkeys(p for listed in mine["programs"] for p in listed))
    cities = list(dict.fromkeys(c for listed in mine["cities"] for c in listed))
    left.markdown(_bold(_("Counterparts")))
    left.write(plain(", ".join(counterparts)) if counterparts else _("None named in the sources."))
    left.markdown(_bold(_("Programs of interest")))
    left.write(
        plain(", ".join(shown_program(p) for p in programs)) if programs else _("None recorded.")
    )
    left.markdown(_bold(_("Cities mentioned")))
    left.write(plain(", ".join(cities)) if cities else _("None recorded."))
    follow_ups = mine[mine["follow_up"] != ""]
    right.markdown(_bold(_("Follow-ups")))
    if follow_ups.empty:
        right.write(_("No follow-up recorded."))
    for _index, row in follow_ups.iterrows():
        right.markdown(f"- {plain(row['follow_up'])}  \n  {follow_up_state(row)}")
    st.markdown(_bold(_("Meetings, oldest first")))
    picked = meetings_table(mine, key="country_meetings")
    if picked:
        meeting_details(mine, picked, editable)


def _bold(text: str) -> str:
    return f"**{text}**"


def reset_country() -> None:
    """Clear the country filter and the country clicked on the map (a button callback)."""
    address.change("country", [])
    st.session_state.pop("map_country", None)


def engaged_table(summary: pd.DataFrame) -> None:
    """The engaged countries: meetings, last meeting, open follow-ups, programs of interest."""
    st.dataframe(
        pd.DataFrame(
            {
                _("Country"): summary["country"].map(shown_country),
                _("Region"): summary["region"].map(shown_region),
                _("Meetings"): summary["meetings"],
                _("Last meeting"): summary["last_date"].dt.strftime("%Y-%m-%d"),
                _("Open follow-ups"): summary["open_follow_ups"],
                _("Programs of interest"): summary["programs"].map(
                    lambda listed: (
                        ", ".join(shown_program(p) for p in listed.split(", ") if p)
                        or _("none recorded")
                    )
                ),
            }
        ),
        hide_index=True,
        width="stretch",
    )
