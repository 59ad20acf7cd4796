"""The interface in English and Korean: one gettext catalogue per language, chosen per session.

Strings a person reads are written in English inside `_()` (or `n_()` for counts). The
Korean text comes from `locales/ko/LC_MESSAGES/messages.po`, read with Babel. One app
process serves every session, so the language is never installed globally: the UI sets it
at the start of each run with `use()`, and it lives in a context variable of that run's
thread.

Messages made once and shown many times (a file's problems, kept in a shared cache) are
`L_()` values: they keep the English text and its values, and are translated each time
they are shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT_LANGUAGE = "en"
LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"

_language: ContextVar[str] = ContextVar("outreach_language", default=DEFAULT_LANGUAGE)


def use(language: str) -> None:
    """Show this run's text in `language` (an unknown code falls back to English)."""
    _language.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Make text in `language` inside the block (a file for a session), then go back."""
    token = _language.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _language.reset(token)


def current() -> str:
    """The language of the text being made now."""
    return _language.get()


def language_of_locale(tag: str | None) -> str:
    """The interface language for a browser locale ("ko-KR" → "ko"; anything else English)."""
    primary = (tag or "").replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else DEFAULT_LANGUAGE


@cache
def catalogue(language: str) -> dict[str, str | tuple[str, ...]]:
    """msgid → translation (a tuple of forms for plurals); empty for English."""
    path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == DEFAULT_LANGUAGE or not path.exists():
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        messages = read_po(file, locale=language)
    table: dict[str, str | tuple[str, ...]] = {}
    for message in messages:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            forms = tuple(message.string or ())
            if all(forms):
                table[message.id[0]] = forms
        elif message.string:
            table[message.id] = message.string
    return table


def _format(text: str, values: dict[str, object]) -> str:
    return text.format(**values) if values else text


def _(message: str, /, **values: object) -> str:
    """The message in the current language, with `{name}` fields filled from `values`."""
    found = catalogue(current()).get(message)
    return _format(found if isinstance(found, str) else message, values)


def n_(singular: str, plural: str, count: int, /, **values: object) -> str:
    """A message about `count` things ("1 meeting" / "5 meetings"); `{count}` is filled in."""
    values = {"count": f"{count:,}", **values}
    found = catalogue(current()).get(singular)
    if isinstance(found, tuple):
        # Korean has one form; a language with two would pick by the count here.
        form = found[0] if len(found) == 1 or count == 1 else found[1]
        return _format(form, values)
    return _format(singular if count == 1 else plural, values)


def N_(message: str, /) -> str:
    """Mark a constant for the catalogue; translate it with `_()` where it is shown."""
    return message


class L_:
    """A message translated when shown, not when made (for text kept in shared caches)."""

    __slots__ = ("message", "values")

    def __init__(self, message: str, /, **values: object) -> None:
        self.message = message
        self.values = values

    def __str__(self) -> str:
        shown = {k: str(v) if isinstance(v, L_) else v for k, v in self.values.items()}
        return _(self.message, **shown)

    def __repr__(self) -> str:
        return f"L_({self.message!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, L_):
            return (self.message, self.values) == (other.message, other.values)
        return str(self) == other

    def __hash__(self) -> int:
        return hash(self.message)

    def __contains__(self, part: str) -> bool:
        return part in str(self)
