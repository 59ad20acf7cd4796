"""Showing people's text safely, and the session's language."""

import re

import streamlit as st

from lib import filters as flt
from lib import i18n
from lib.shown import country_of as country_of  # the pages' names for lib/shown.py's
from lib.shown import shown_country as shown_country

# A region's and a program's name as people read them: declared with the filters that
# show them; the pages read them from here.
shown_region = flt.shown_region
shown_program = flt.shown_program

LANGUAGE_KEY = "lang"  # the language switch's key and URL parameter

# What makes markdown out of text: emphasis, links, code, headings, tables, HTML, LaTeX.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~$])")


def plain(text: object) -> str:
    """Text from people or links, escaped so Streamlit's markdown shows it as written."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def browser_language() -> str:
    """The interface language the browser asks for (English unless it prefers Korean)."""
    try:
        return i18n.language_of_locale(st.context.locale)
    except (AttributeError, RuntimeError):
        return i18n.DEFAULT_LANGUAGE


def choose_language() -> str:
    """The language switch at the top of the sidebar; sets this run's language and returns it.

    With no choice made (none in the link either), the browser's language decides.
    """
    from lib.ui import address

    default = browser_language()
    address.start(LANGUAGE_KEY, list(i18n.LANGUAGES), default)
    chosen = st.sidebar.segmented_control(
        "Language · 언어",
        list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGES.get,
        required=True,
        key=LANGUAGE_KEY,
        label_visibility="collapsed",
    )
    address.keep(LANGUAGE_KEY, chosen, default)
    i18n.use(chosen or default)
    return i18n.current()


def keep_language() -> None:
    """Set the language again where a run starts elsewhere (a callback, a fragment)."""
    i18n.use(st.session_state.get(LANGUAGE_KEY) or browser_language())


def shown_value(value: str) -> str:
    """A fixed value (counterpart type, follow-up status, precision) in the session's language."""
    return i18n._(str(value))


def shown_filter_value(key: str, value: str) -> str:
    """A filter's value in the session's language (for file names and descriptions)."""
    return flt.shown_value(key, value)
