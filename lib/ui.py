"""The Streamlit parts every page shares: where the meetings come from, the sidebar, messages."""

import hashlib
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from lib import charts
from lib import filters as flt
from lib.countries import country_by_iso3
from lib.meetings import (
    COUNTERPART_TYPES,
    MeetingsFileError,
    Problem,
    ReadResult,
    date_labels,
    read_meetings,
    read_table,
)
from lib.programs import program_catalogue
from lib.store import URL_VARIABLE, Store, StoreError

PAGES = (
    ("app.py", "Outreach map", ":material/public:"),
    ("pages/1_Timeline.py", "Timeline", ":material/timeline:"),
    ("pages/2_Programs.py", "Programs", ":material/category:"),
    ("pages/3_Data.py", "Data and downloads", ":material/table:"),
    ("pages/4_Follow-ups.py", "Follow-ups", ":material/task_alt:"),
    ("pages/5_Record.py", "Record a meeting", ":material/edit_note:"),
    ("pages/6_Import.py", "Import meetings", ":material/upload_file:"),
)
RECORD_PAGE = "Record"  # the address of pages/5_Record.py
FILTER_LABELS = {
    "region": "Region",
    "subregion": "Sub-region",
    "country": "Country",
    "program": "Program",
    "type": "Counterpart type",
}
SAVED_FILTERS = "saved_filters"  # the filters' values, carried from page to page
SHOWN_PAGE = "shown_page"  # the page of the previous run, to notice a page switch
UPLOAD_KEY = "uploaded_file"  # (name, bytes) of a file explored in this session only


@dataclass
class Dataset:
    """The meetings in use, where they come from, and what could not be read."""

    meetings: pd.DataFrame
    source: str
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None
    programs: pd.DataFrame = field(default_factory=pd.DataFrame)


def _dataset(meetings: pd.DataFrame, source: str, **details) -> Dataset:
    return Dataset(meetings, source, programs=flt.program_rows(meetings), **details)


def _read(source: str, read: Callable[[], ReadResult]) -> Dataset:
    """The dataset `read()` gives, or none, with the message saying why the file is refused."""
    try:
        result = read()
    except MeetingsFileError as error:
        return _refused(source, str(error))
    return _dataset(result.meetings, source, problems=result.problems)


def _refused(source: str, message: str) -> Dataset:
    """No meetings, and the message saying why the source cannot be used."""
    empty = read_meetings(io.BytesIO(b"date,country\n"), name="empty").meetings
    return _dataset(empty, source, error=message)


# Cached as resources, not data: the frame is shared read-only instead of copied per rerun.
@st.cache_resource(max_entries=4, show_spinner="Reading the meetings file…")
def _read_file(path: str, modified_ns: int, size: int) -> Dataset:
    return _read(Path(path).name, lambda: read_meetings(path))


@st.cache_resource(max_entries=8, show_spinner="Reading the uploaded file…")
def _read_upload(name: str, digest: str, _raw: bytes) -> Dataset:
    source = f"{name} (uploaded, this session only)"
    return _read(source, lambda: read_meetings(io.BytesIO(_raw), name=name))


def load_dataset() -> Dataset:
    """The meetings for this session: an upload, else OUTREACH_DATA, else the database."""
    if UPLOAD_KEY in st.session_state:
        name, raw = st.session_state[UPLOAD_KEY]
        return _read_upload(name, hashlib.sha256(raw).hexdigest(), raw)
    if os.environ.get("OUTREACH_DATA"):
        path = Path(os.environ["OUTREACH_DATA"])
        try:
            stat = path.stat()
        except OSError:
            return _read(path.name, lambda: read_meetings(path))  # says the file is missing
        return _read_file(str(path), stat.st_mtime_ns, stat.st_size)
    try:
        store = open_store()
        return _read_store(store.url, store.data_version(), store)
    except StoreError as error:
        return _refused("the database", str(error))


def data_mode() -> str:
    """Where the pages' meetings come from: "upload", "file" (OUTREACH_DATA) or "database"."""
    if UPLOAD_KEY in st.session_state:
        return "upload"
    return "file" if os.environ.get("OUTREACH_DATA") else "database"


def open_store() -> Store:
    """The database for this app process (opened once); raises StoreError with what to do."""
    return _open_store(os.environ.get(URL_VARIABLE) or None)


@st.cache_resource(show_spinner="Opening the database…")
def _open_store(url: str | None) -> Store:
    return Store.open(url)


@st.cache_resource(max_entries=2, show_spinner="Reading the meetings…")
def _read_store(url: str, version: int, _store: Store) -> Dataset:
    where = "the database" if _store.path is None else f"the database ({_store.path.name})"
    return _dataset(_store.meetings(), where)


@dataclass
class View:
    """The meetings that pass the sidebar's filters, and their (meeting, program) rows."""

    filters: flt.Filters
    meetings: pd.DataFrame
    programs: pd.DataFrame


def setup_page(title: str) -> tuple[Dataset, View]:
    """Configure the page and draw the shared sidebar; returns the dataset and the filtered view."""
    st.set_page_config(page_title=f"{title} · Outreach Atlas", page_icon="🌐", layout="wide")
    dataset = load_dataset()
    filters, count = sidebar(dataset, title)
    shown = flt.apply(dataset.meetings, filters, dataset.programs)
    programs = flt.slice_program_rows(dataset.programs, shown, len(dataset.meetings))
    count.caption(f"{len(shown):,} of {len(dataset.meetings):,} meetings shown")
    if dataset.error:
        st.error(dataset.error)
    return dataset, View(filters, shown, programs)


def _options(values: pd.Series) -> list[str]:
    return sorted(str(value) for value in values.dropna().unique() if str(value))


def sidebar(dataset: Dataset, page: str) -> tuple[flt.Filters, st.delta_generator.DeltaGenerator]:
    """Navigation and the filters every page shares, kept in the URL and the session.

    Returns the filters and a place under the data source for the count of meetings shown.
    """
    meetings = dataset.meetings
    with st.sidebar:
        st.markdown("### Outreach Atlas")
        navigation = st.container()
        st.caption(f"Data: {plain(dataset.source)}")
        count = st.empty()
        st.divider()
        programs = list(program_catalogue()["program"])
        in_data = _options(dataset.programs.get("program", pd.Series()))
        programs += [program for program in in_data if program not in programs]
        choices = {
            "region": _options(meetings["region"]),
            "subregion": _options(meetings["subregion"]),
            "country": _options(meetings["country"]),
            "program": programs,
            "type": list(COUNTERPART_TYPES),
        }
        month_list = flt.months(meetings)
        _warn_about_link(choices, month_list)
        _restore_filters(page)
        chosen = {
            key: st.multiselect(
                FILTER_LABELS[key], options, key=key, placeholder="All", bind="query-params"
            )
            for key, options in choices.items()
        }
        start = end = None
        if month_list:
            left, right = st.columns(2)
            chosen["start"] = start = left.selectbox(
                "From month", month_list, index=0, key="start", bind="query-params"
            )
            chosen["end"] = end = right.selectbox(
                "To month", month_list, index=len(month_list) - 1, key="end", bind="query-params"
            )
            if start and end and start > end:
                st.warning("The start month is after the end month; showing them swapped.")
                start, end = end, start
            start = None if start == month_list[0] else start
            end = None if end == month_list[-1] else end
        everything = {key: [] for key in choices}
        if month_list:
            everything.update(start=month_list[0], end=month_list[-1])
        st.button(
            "Reset filters",
            on_click=reset_filters,
            args=(everything,),
            icon=":material/filter_alt_off:",
        )
    st.session_state[SAVED_FILTERS] = chosen
    link_params = {key: value for key, value in chosen.items() if value}
    if start is None:
        link_params.pop("start", None)
    if end is None:
        link_params.pop("end", None)
    with navigation:
        for page, label, icon in PAGES:
            st.page_link(page, label=label, icon=icon, query_params=link_params)
    with st.sidebar.expander("Link to this view", icon=":material/link:"):
        st.code(view_link(link_params), language=None, wrap_lines=True)
        st.caption("Anyone with access to Outreach Atlas who opens it sees these filters.")
    filters = flt.Filters(
        regions=tuple(chosen["region"]),
        subregions=tuple(chosen["subregion"]),
        countries=tuple(chosen["country"]),
        programs=tuple(chosen["program"]),
        types=tuple(chosen["type"]),
        start=start,
        end=end,
    )
    return filters, count


# What makes markdown out of text: emphasis, links, code, headings, tables, HTML, LaTeX.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~$])")


def plain(text: object) -> str:
    """Text from people or links, escaped so Streamlit's markdown shows it as written."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def view_link(params: dict[str, object]) -> str:
    """The address of this page with the filters in it, to send to a colleague."""
    query = urlencode(params, doseq=True)
    page = st.context.url or ""
    return f"{page}?{query}" if query else page or "(this page, no filters)"


def _restore_filters(page: str) -> None:
    """After a page switch, give the filters the values they had on the previous page."""
    switched = st.session_state.get(SHOWN_PAGE) != page
    st.session_state[SHOWN_PAGE] = page
    if not switched:
        return
    for key, value in st.session_state.get(SAVED_FILTERS, {}).items():
        if key not in st.query_params:
            st.session_state[key] = value


def _warn_about_link(choices: dict[str, list[str]], month_list: list[str]) -> None:
    """Say which values from the link do not exist here (the widgets drop them)."""
    allowed = {**choices, "start": month_list, "end": month_list}
    ignored = []
    for key, options in allowed.items():
        for value in st.query_params.get_all(key):
            if value and value not in options:
                ignored.append(plain(f"{key}={value}"))
    if ignored:
        st.warning(
            "The link asked for "
            + ", ".join(ignored)
            + ", which is not in the data; that part of the link was ignored."
        )


def reset_filters(everything: dict[str, object]) -> None:
    """Back to every meeting (a button callback); `everything` holds each filter's default."""
    for key, value in everything.items():
        st.session_state[key] = value
    st.session_state.pop(SAVED_FILTERS, None)


def select_country(name: str) -> None:
    """Filter to one country, as a click on the map does."""
    st.session_state["country"] = [name]


def empty_state(filters: flt.Filters) -> None:
    """What a page shows when the filters match no meeting."""
    if filters.is_empty():
        st.info(
            "There are no meetings to show yet. Record one or import a file (see the pages "
            "in the sidebar), or upload a file to explore on the Data page."
        )
    else:
        st.info(
            "No meeting matches these filters. Widen the month range or remove a filter — "
            "or use **Reset filters** in the sidebar."
        )


def show_problems(dataset: Dataset) -> None:
    """The rows that could not be used, with their lines, in an expander."""
    if not dataset.problems:
        return
    lines = len({problem.line for problem in dataset.problems})
    with st.expander(f"{lines} row(s) of {dataset.source} could not be used — see why"):
        st.dataframe(
            pd.DataFrame(
                [(p.line, p.column, p.message) for p in dataset.problems],
                columns=["Line", "Column", "Problem"],
            ),
            hide_index=True,
            width="stretch",
        )


def map_config() -> dict:
    """Plotly settings for the map: world shapes from this server, never from a CDN."""
    base = st.get_option("server.baseUrlPath").strip("/")
    return {
        "topojsonURL": f"/{base}/app/static/" if base else "/app/static/",
        "displaylogo": False,
        "scrollZoom": False,
    }


def map_clicked() -> None:
    """Map selection callback: a click on a country filters every page to it."""
    points = st.session_state["map"]["selection"]["points"]
    if points:
        iso3 = points[0].get("location") or points[0]["customdata"][0]
        select_country(country_by_iso3(iso3).name)


def missions_in_view(filters: flt.Filters) -> pd.DataFrame:
    """Resident missions in Seoul inside the region, sub-region and country filters."""
    missions = charts.missions()
    for column, chosen in (
        ("region", filters.regions),
        ("subregion", filters.subregions),
        ("country", filters.countries),
    ):
        if chosen:
            missions = missions[missions[column].isin(chosen)]
    return missions


def overview_figures(view: View, missions: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(label, value, explanation) for the row of figures on the map page."""
    meetings = view.meetings
    engaged = set(meetings["iso3"].unique())
    met = missions["iso3"].isin(engaged).sum()
    share = f" ({met / len(missions):.0%})" if len(missions) else ""
    return [
        ("Meetings", f"{len(meetings):,}", "Meetings that pass the filters."),
        ("Countries engaged", f"{len(engaged):,}", "Countries with at least one meeting."),
        (
            "Seoul missions met",
            f"{met} of {len(missions)}",
            f"Countries with a resident embassy in Seoul (data/missions.csv) that we have met"
            f"{share}.",
        ),
        (
            "Programs of interest",
            f"{view.programs['program'].nunique():,}",
            "Programs discussed in at least one meeting.",
        ),
        (
            "Open follow-ups",
            f"{int((meetings['follow_up_status'] == 'open').sum()):,}",
            "Pledges and next steps not yet done or dropped.",
        ),
    ]


TABLE_ROWS = 2000  # rows sent to the browser; downloads hold every row


def meetings_table(meetings: pd.DataFrame) -> None:
    """The meetings as a readable table: dates marked when approximate, sources as links."""
    if len(meetings) > TABLE_ROWS:
        st.caption(
            f"Showing the {TABLE_ROWS:,} most recent of {len(meetings):,} meetings; "
            "the downloads hold them all."
        )
        meetings = meetings.loc[meetings["date"].nlargest(TABLE_ROWS).index]
    table = pd.DataFrame(
        {
            "Date": date_labels(meetings),
            "Country": meetings["country"].astype(str),
            "Counterpart": meetings["counterpart"],
            "Title": meetings["counterpart_title"],
            "Type": meetings["counterpart_type"].astype(str),
            "Programs": meetings["programs"].map("; ".join),
            "Follow-up": meetings["follow_up"],
            "Status": meetings["follow_up_status"].astype(str),
            "Summary": meetings["summary"],
            "Source": meetings["source_title"],
            "Link": meetings["source_url"].where(meetings["source_url"] != "", None),
        }
    )
    if data_mode() == "database":
        table["Edit"] = RECORD_PAGE + "?meeting=" + meetings["id"]
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "Link": st.column_config.LinkColumn("Link", display_text="Open ↗"),
            "Edit": st.column_config.LinkColumn("Edit", display_text="Edit ✎"),
        },
    )


def country_panel(meetings: pd.DataFrame, country: str) -> None:
    """One country's meetings, counterparts, programs, cities, follow-ups and sources."""
    mine = meetings[meetings["country"] == country].sort_values("date")
    if mine.empty:
        return
    first = mine.iloc[0]
    head, button = st.columns([4, 1])
    head.subheader(f"{country}")
    head.caption(f"{first['region']} · {first['subregion']} · {len(mine)} meeting(s)")
    button.button("Show all countries", on_click=reset_country, icon=":material/public:")
    left, right = st.columns(2)
    counterparts = mine.loc[mine["counterpart"] != "", "counterpart"].unique()
    programs = list(dict.fromkeys(p for listed in mine["programs"] for p in listed))
    cities = list(dict.fromkeys(c for listed in mine["cities"] for c in listed))
    left.markdown("**Counterparts**")
    left.write(
        plain(", ".join(counterparts)) if len(counterparts) else "None named in the sources."
    )
    left.markdown("**Programs of interest**")
    left.write(plain(", ".join(programs)) if programs else "None recorded.")
    right.markdown("**Cities mentioned**")
    right.write(plain(", ".join(cities)) if cities else "None recorded.")
    follow_ups = mine[mine["follow_up"] != ""]
    right.markdown("**Follow-ups**")
    if follow_ups.empty:
        right.write("No follow-up recorded.")
    for row in follow_ups.itertuples():
        right.write(f"{row.follow_up_status.upper()} — {plain(row.follow_up)}")
    st.markdown("**Meetings, oldest first**")
    meetings_table(mine)


def reset_country() -> None:
    """Clear the country filter (a button callback)."""
    st.session_state["country"] = []


def upload_section() -> None:
    """A file uploader to explore another meetings file for this session only."""
    st.subheader("Explore another file")
    st.caption(
        "Upload a meetings file (CSV or XLSX, format v1) to see it on every page for this "
        "session only. The shipped data is not changed."
    )
    st.file_uploader("Meetings file", type=["csv", "xlsx"], key="upload", on_change=_keep_upload)
    if "upload_error" in st.session_state:
        st.error(st.session_state["upload_error"])
    if UPLOAD_KEY in st.session_state:
        name = st.session_state[UPLOAD_KEY][0]
        st.button(f"Stop exploring {name}", on_click=forget_upload, icon=":material/close:")


def _keep_upload() -> None:
    """Uploader callback: keep a readable file for the session, or say why it is not."""
    file = st.session_state.get("upload")
    st.session_state.pop("upload_error", None)
    if file is None:
        return
    raw = file.getvalue()
    try:
        read_table(io.BytesIO(raw), name=file.name)
    except MeetingsFileError as error:
        st.session_state["upload_error"] = f"{error} The data shown has not changed."
        return
    st.session_state[UPLOAD_KEY] = (file.name, raw)


def forget_upload() -> None:
    """Go back to the shared data (a button callback)."""
    st.session_state.pop(UPLOAD_KEY, None)
    st.session_state.pop("upload_error", None)


def signed_in_user() -> str | None:
    """The signed-in person's name or e-mail, where the deployment configures sign-in."""
    try:
        if st.user.is_logged_in:
            return st.user.get("name") or st.user.get("email")
    except (AttributeError, KeyError, st.errors.StreamlitAPIException):
        pass
    return None


def editor_name() -> str | None:
    """Who is making changes: the signed-in user, or a name given once in this session."""
    user = signed_in_user()
    if user:
        st.caption(f"Changes are recorded as {plain(user)}.")
        return user
    name = st.text_input(
        "Your name",
        key="who",
        placeholder="Kept with every change you make, in the meeting's history",
    ).strip()
    return name or None


def database_or_explain(action: str) -> Store | None:
    """The database to change, or None after saying why this session cannot change it."""
    mode = data_mode()
    if mode == "upload":
        st.info(
            f"You are exploring an uploaded file. To {action}, stop exploring it on the "
            "Data page: changes go to the organisation's database."
        )
        return None
    if mode == "file":
        st.info(
            f"This app shows the file in OUTREACH_DATA, read-only. To {action}, start it "
            "without OUTREACH_DATA so that it uses the database."
        )
        return None
    try:
        return open_store()
    except StoreError as error:
        st.error(str(error))
        return None


def history_table(history: list[dict]) -> None:
    """A meeting's changes, newest first: when, who, what, and each field before and after."""
    rows = []
    for entry in history:
        changes = entry.get("changes") or {}
        described = "; ".join(
            f"{column}: '{before or ''}' → '{after or ''}'"
            for column, (before, after) in changes.items()
        )
        rows.append((entry["at"], entry["who"], entry["action"], described or entry.get("note")))
    st.dataframe(
        pd.DataFrame(rows, columns=["When (UTC)", "Who", "What", "Changes"]),
        hide_index=True,
        width="stretch",
    )
