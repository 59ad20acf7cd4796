"""Streamlit's private API for the `pages/` folder is where lib/ui/navigation.py expects it.

The app's first run and every AppTest run depend on it (docs/architecture.md, "Why this
design"): when a Streamlit upgrade moves it, this test says what moved, before a page breaks.
"""

import importlib
import inspect
from pathlib import Path

import streamlit as st

from lib.ui import navigation

ENTRY = Path(__file__).resolve().parent.parent / "app.py"


def moved(what: str) -> str:
    return (
        f"Streamlit {st.__version__} moved {what}: lib/ui/navigation.py relies on it; "
        "see docs/architecture.md (Why this design) before changing the page set-up."
    )


def test_streamlits_pages_flag_is_where_the_app_reads_it():
    try:
        module = importlib.import_module(navigation.PRIVATE_MODULE)
    except ImportError:
        raise AssertionError(moved(navigation.PRIVATE_MODULE)) from None
    pages_manager = getattr(module, "PagesManager", None)
    assert pages_manager is not None, moved(f"{navigation.PRIVATE_MODULE}.PagesManager")
    assert navigation.PagesManager is pages_manager, moved(navigation.PRIVATE_FLAG)
    assert "uses_pages_directory" in vars(pages_manager), moved(navigation.PRIVATE_FLAG)
    first = list(inspect.signature(pages_manager.__init__).parameters)[1:2]
    assert first == ["main_script_path"], moved("PagesManager.__init__(main_script_path, …)")


def test_a_pages_folder_still_starts_the_old_way_and_the_tests_switch_it_off():
    """What the workaround is for: beside a `pages/` folder, Streamlit starts the old way."""
    pages_manager = navigation.PagesManager
    streamlits_own = inspect.unwrap(pages_manager.__init__)  # without the tests' switch
    saved = pages_manager.uses_pages_directory
    try:
        pages_manager.uses_pages_directory = None
        streamlits_own(pages_manager.__new__(pages_manager), str(ENTRY))
        assert navigation.runs_pages_the_old_way() is True, moved(
            "the old way of a pages/ folder (PagesManager no longer sets uses_pages_directory)"
        )
        pages_manager.uses_pages_directory = None
        with navigation.pages_the_new_way():
            pages_manager(str(ENTRY))
            assert navigation.runs_pages_the_old_way() is False
    finally:
        pages_manager.uses_pages_directory = saved
