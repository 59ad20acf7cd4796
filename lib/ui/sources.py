"""Where the pages' meetings come from: the database, a file (OUTREACH_DATA) or an upload."""

import hashlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from lib import filters as flt
from lib.i18n import _
from lib.kept import Kept
from lib.meetings import MeetingsFileError, Problem, ReadResult, read_meetings, read_table
from lib.store import URL_VARIABLE, Store, StoreError

UPLOAD_KEY = "uploaded_file"  # (name, bytes) of a file explored in this session only
UPLOAD_ERROR_KEY = "upload_error"


@dataclass
class Dataset:
    """The meetings in use, where they come from, and what could not be read."""

    meetings: pd.DataFrame
    source: str
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None
    programs: pd.DataFrame = field(default_factory=pd.DataFrame)
    mode: str = "database"  # "database", "file" (OUTREACH_DATA) or "upload"
    version: object = None  # what the meetings were read from: changes when they change


def _dataset(meetings: pd.DataFrame, source: str, mode: str, **details) -> Dataset:
    return Dataset(meetings, source, programs=flt.program_rows(meetings), mode=mode, **details)


def _read(source: str, mode: str, read: Callable[[], ReadResult]) -> Dataset:
    """The dataset `read()` gives, or none, with the message saying why the file is refused."""
    try:
        result = read()
    except MeetingsFileError as error:
        return _refused(source, mode, error)
    return _dataset(result.meetings, source, mode, problems=result.problems)


def _refused(source: str, mode: str, message: object) -> Dataset:
    """No meetings, and the message saying why the source cannot be used."""
    empty = read_meetings(io.BytesIO(b"date,country\n"), name="empty").meetings
    return _dataset(empty, source, mode, error=message)


# Cached as resources, not data: the frame is shared read-only instead of copied per rerun.
@st.cache_resource(max_entries=4, show_spinner=False)
def _read_file(path: str, modified_ns: int, size: int) -> Dataset:
    dataset = _read(Path(path).name, "file", lambda: read_meetings(path))
    dataset.version = (path, modified_ns, size)
    return dataset


@st.cache_resource(max_entries=8, show_spinner=False)
def _read_upload(name: str, digest: str, _raw: bytes) -> Dataset:
    dataset = _read(name, "upload", lambda: read_meetings(io.BytesIO(_raw), name=name))
    dataset.version = digest
    return dataset


@st.cache_resource(max_entries=2, show_spinner=False)
def _read_store(url: str, version: int, _store: Store) -> Dataset:
    where = "" if _store.path is None else _store.path.name
    return _dataset(_store.meetings(), where, "database", version=(url, version))


REMEMBERED_MOST = 256  # results kept by remembered(), the least recently used go first
_remembered = Kept(REMEMBERED_MOST)


def remembered(dataset: Dataset, key: object, compute: Callable[[], object]) -> object:
    """`compute()`, kept for this dataset's version and `key` (filters, language, …).

    For small results a rerun would work out again from the same meetings: option lists,
    aggregates, figures (never slices of the meetings, which can be large). Results are
    shared read-only between sessions; a new version of the data computes anew. `key` must
    be hashable: it is looked up by Python's own hash, which costs microseconds where
    Streamlit's cache hashed every argument's contents on each rerun.
    """
    if dataset.version is None:
        return compute()
    return _remembered.get((dataset.version, key), compute)


def forget_remembered() -> None:
    """Drop every kept result (the caches of Streamlit are cleared the same way)."""
    _remembered.clear()


def data_mode() -> str:
    """Where the pages' meetings come from: "upload", "file" (OUTREACH_DATA) or "database"."""
    if UPLOAD_KEY in st.session_state:
        return "upload"
    return "file" if os.environ.get("OUTREACH_DATA") else "database"


def load_dataset() -> Dataset:
    """The meetings for this session: an upload, else OUTREACH_DATA, else the database."""
    with st.spinner(_("Reading the meetings…"), show_time=True):
        mode = data_mode()
        if mode == "upload":
            name, raw = st.session_state[UPLOAD_KEY]
            return _read_upload(name, hashlib.sha256(raw).hexdigest(), raw)
        if mode == "file":
            path = Path(os.environ["OUTREACH_DATA"])
            try:
                stat = path.stat()
            except OSError:
                return _read(path.name, "file", lambda: read_meetings(path))  # says it is missing
            return _read_file(str(path), stat.st_mtime_ns, stat.st_size)
        try:
            store = open_store()
            return _read_store(store.url, store.data_version(), store)
        except StoreError as error:
            return _refused("", "database", error)


def source_label(dataset: Dataset) -> str:
    """Where the meetings come from, in words for the sidebar."""
    if dataset.mode == "upload":
        return _("{name} (uploaded, this session only)", name=dataset.source)
    if dataset.mode == "file":
        return _("{name} (read-only file)", name=dataset.source)
    if dataset.source:
        return _("the database ({name})", name=dataset.source)
    return _("the database")


def open_store() -> Store:
    """The database for this app process (opened once); raises StoreError with what to do."""
    return _open_store(os.environ.get(URL_VARIABLE) or None)


@st.cache_resource(show_spinner=False)
def _open_store(url: str | None) -> Store:
    return Store.open(url)


def database_or_explain(action: str) -> Store | None:
    """The database to change, or None after saying why this session cannot change it.

    `action` says what the page does, e.g. _("record or edit meetings").
    """
    mode = data_mode()
    if mode == "upload":
        st.info(
            _(
                "You are exploring an uploaded file. To {action}, stop exploring it on the "
                "Data page: changes go to the organisation's database.",
                action=action,
            )
        )
        return None
    if mode == "file":
        st.info(
            _(
                "This app shows the file in OUTREACH_DATA, read-only. To {action}, start it "
                "without OUTREACH_DATA so that it uses the database.",
                action=action,
            )
        )
        return None
    try:
        return open_store()
    except StoreError as error:
        st.error(str(error))
        return None


def upload_section() -> None:
    """A file uploader to explore another meetings file for this session only."""
    st.subheader(_("Explore another file"))
    st.caption(
        _(
            "Upload a meetings file (CSV or XLSX, format v1) to see it on every page for this "
            "session only. The organisation's data is not changed."
        )
    )
    st.file_uploader(_("Meetings file"), type=["csv", "xlsx"], key="upload", on_change=_keep_upload)
    if UPLOAD_ERROR_KEY in st.session_state:
        problem = st.session_state[UPLOAD_ERROR_KEY]
        st.error(_("{problem} The data shown has not changed.", problem=str(problem)))
    if UPLOAD_KEY in st.session_state:
        name = st.session_state[UPLOAD_KEY][0]
        st.button(
            _("Stop exploring {name}", name=name),
            on_click=forget_upload,
            icon=":material/close:",
        )


def _keep_upload() -> None:
    """Uploader callback: keep a readable file for the session, or say why it is not."""
    file = st.session_state.get("upload")
    st.session_state.pop(UPLOAD_ERROR_KEY, None)
    if file is None:
        return
    raw = file.getvalue()
    try:
        read_table(io.BytesIO(raw), name=file.name)
    except MeetingsFileError as error:
        st.session_state[UPLOAD_ERROR_KEY] = error  # shown in the reader's language
        return
    st.session_state[UPLOAD_KEY] = (file.name, raw)


def forget_upload() -> None:
    """Go back to the organisation's data (a button callback)."""
    st.session_state.pop(UPLOAD_KEY, None)
    st.session_state.pop(UPLOAD_ERROR_KEY, None)
