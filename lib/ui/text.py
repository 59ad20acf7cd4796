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


# What Streamlit's markdown turns into a link by itself, even escaped (GitHub's "autolinks"):
# an address after a scheme, a www. name, an e-mail address.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9+.-])(:)(?=//)|(?<![a-z0-9])(w)(?=ww\.)|(?<=[\w.+-])(@)")
_WORD_JOINER = "\u2060"  # invisible: the text reads and wraps as written, but links nothing
_SAFE_LINK = re.compile(r"(?i)^https?://[^\s/?#]+[^\s]*$")


def _unlinked(match: re.Match) -> str:
    colon, w, at = match.groups()
    return colon + _WORD_JOINER if colon else w + _WORD_JOINER if w else _WORD_JOINER + at


def plain(text: object) -> str:
    """Text from people or links, escaped so Streamlit's markdown shows it as written.

    No part of it becomes a link: a web or e-mail address typed into a title stays text.
    """
    return _AUTOLINK.sub(_unlinked, _MARKDOWN.sub(r"\\\1", str(text)))


def web_link(title: object, address: object) -> str:
    """Markdown for a link to `address` named `title`; only an http(s) address makes one.

    Anything else (another scheme, a malformed address) is shown as text beside the title.
    """
    address = str(address or "").strip()
    if not _SAFE_LINK.match(address):
        return plain(title) + (f" ({plain(address)})" if address else "")
    # Markdown ends a link's address at a space or a parenthesis: those are percent-encoded.
    encoded = "".join(f"%{ord(c):02X}" if c in "()<>\\ `\"'" or ord(c) < 32 else c for c in address)
    return f"[{plain(title)}]({encoded})"


def _css_text(text: str) -> str:
    """Text as a CSS string (the translations are ours; quotes and backslashes escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def uploader_words(key: str, kinds: list[str]) -> None:
    """The words of the file uploader with this key in the session's language.

    Streamlit writes "Upload" and "200MB per file • CSV, XLSX" in English and has no
    parameter for them: the page's style puts the translation in their place.
    """
    if i18n.current() == i18n.DEFAULT_LANGUAGE:
        return
    limit = i18n._("{size} MB per file", size=st.get_option("server.maxUploadSize"))
    button = _css_text(i18n._("Upload"))
    instructions = _css_text(f"{limit} • {', '.join(kind.upper() for kind in kinds)}")
    zone = f'.st-key-{key} [data-testid="stFileUploaderDropzone"]'
    words = f"{zone} [data-testid=stFileUploaderDropzoneInstructions] span"
    st.html(
        "<style>"
        f"{zone} button p, {words} {{font-size: 0}}"
        f"{zone} button p::after {{content: {button}; font-size: 0.875rem}}"
        f"{words}::after {{content: {instructions}; font-size: 0.875rem}}"
        "</style>"
    )


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
