"""The app's pages: the reading pages share the filters; the recording pages change the data.

A page's address is its file name in `pages/` (pages/Data.py is /Data); the map is the
landing page, at / (/Map and /map lead there, with the same view). Streamlit still runs a
`pages/` folder the old way (each file on its own) on a process's first run, and AppTest on
every run: `through_entry` makes such a run go through app.py, and `choose_page` then
starts the run again the new way, so every page always has its language, data and
filters, and its widgets the same identity.

Knowing which way a run goes takes Streamlit's private API (a class attribute of
`PagesManager`); this module is the only place that touches it, and
tests/test_navigation.py fails, naming what moved, when a Streamlit upgrade moves it.
"""

import runpy
from collections.abc import Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path

import streamlit as st

try:  # private API: see the module's docstring
    from streamlit.runtime.pages_manager import PagesManager
except ImportError:  # tests/test_navigation.py says what moved
    PagesManager = None

from lib.i18n import N_, _
from lib.ui import signin

ENTRY = Path(__file__).resolve().parent.parent.parent / "app.py"
MAP_PAGE = "pages/Map.py"
# (file, title, icon)
READING_PAGES = (
    (MAP_PAGE, N_("Outreach map"), ":material/public:"),
    ("pages/Timeline.py", N_("Timeline"), ":material/timeline:"),
    ("pages/Programs.py", N_("Programs"), ":material/category:"),
    ("pages/Data.py", N_("Data and downloads"), ":material/table:"),
    ("pages/Follow-ups.py", N_("Follow-ups"), ":material/task_alt:"),
)
PAGE_KEY = "page"  # the address of this run's page
# The map's file is pages/Map.py, so people type /Map (or /map, addresses being matched
# letter case and all); the map is the landing page, at /. On a process's very first run
# Streamlit goes the old way, which knows only the files: /map then shows its "Page not
# found" notice once, above the map it still leads to.
MAP_ALIASES = ("Map", "map")
RECORD_PAGE = "pages/Record.py"
IMPORT_PAGE = "pages/Import.py"
RECORDING_PAGES = (
    (RECORD_PAGE, N_("Record a meeting"), ":material/edit_note:"),
    (IMPORT_PAGE, N_("Import meetings"), ":material/upload_file:"),
)
# The permission a page needs to be listed (the reading pages need "read"); the page itself
# also refuses a person without it who opens its address (signin.require).
PAGE_PERMISSIONS = {RECORD_PAGE: "record", IMPORT_PAGE: "import"}


# What this module uses of Streamlit's private API (checked by tests/test_navigation.py).
PRIVATE_MODULE = "streamlit.runtime.pages_manager"
PRIVATE_FLAG = "PagesManager.uses_pages_directory"


def runs_pages_the_old_way() -> bool:
    """Whether Streamlit runs this run's page file on its own (the `pages/` folder's old way)."""
    return bool(getattr(PagesManager, "uses_pages_directory", False))


@contextmanager
def pages_the_new_way() -> Iterator[None]:
    """Inside the block, Streamlit runs a `pages/` folder the new way from the first run.

    For AppTest, which sets the old way again before every run (a button click in a run that
    starts again would be lost); the app itself never needs it.
    """
    original = PagesManager.__init__

    @wraps(original)
    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    try:
        yield
    finally:
        PagesManager.__init__ = original


def _pages(entries) -> list[st.Page]:
    return [
        # The map is served at /; the name of its file is left to MAP_ALIASES, which lead there.
        st.Page(path, title=_(title), icon=icon, default=True, url_path="outreach-map")
        if path == MAP_PAGE
        else st.Page(path, title=_(title), icon=icon)
        for path, title, icon in entries
    ]


def _to_the_map() -> None:
    """/Map, /map: never drawn, choose_page goes to the map (at /) first."""


def choose_page() -> tuple[st.Page, bool]:
    """The page this run shows, and whether it is a reading page (one that uses the filters)."""
    the_old_way = runs_pages_the_old_way()
    reading = _pages(READING_PAGES)
    aliases = [
        st.Page(_to_the_map, title=_("Outreach map"), url_path=alias, visibility="hidden")
        for alias in MAP_ALIASES
    ]
    page = st.navigation(
        {_("Explore"): [*reading, *aliases], _("Keep the record"): _pages(RECORDING_PAGES)},
        position="hidden",
    )
    if the_old_way:
        # This run's widgets were made inside the old way's page: run again, the new way,
        # so that they have the same identity in every later run.
        st.rerun()
    if page.url_path in MAP_ALIASES:  # the same view, at the map's own address
        view = {key: st.query_params.get_all(key) for key in st.query_params}
        st.switch_page(MAP_PAGE, query_params=view)
    st.session_state[PAGE_KEY] = page.url_path
    return page, page.url_path in {entry.url_path for entry in reading}


def through_entry() -> None:
    """When Streamlit runs a page file on its own, run app.py instead (which runs the page)."""
    if runs_pages_the_old_way():
        runpy.run_path(str(ENTRY))
        st.stop()


def links(place: st.delta_generator.DeltaGenerator, params: dict[str, list[str]]) -> None:
    """The pages, each link carrying the view: one click is one step in the browser's history."""
    person = signin.current()
    with place:
        for heading, entries in (
            (_("Explore"), READING_PAGES),
            (_("Keep the record"), RECORDING_PAGES),
        ):
            allowed = [e for e in entries if person.can(PAGE_PERMISSIONS.get(e[0], "read"))]
            if allowed:
                st.caption(heading)
            for path, title, icon in allowed:
                st.page_link(path, label=_(title), icon=icon, query_params=params)
