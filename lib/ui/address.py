"""The view in the address bar, written as the data writes it, whatever the language.

A link such as `/Data?region=Europe&lang=ko` holds the filters' values as they are in the
data ("Europe", "Canada"), never the words shown on screen ("유럽", "캐나다"), so links
work in both languages and keep working when a translation changes.

Each run, the widgets start from the session's values, or from the address when it was
given from outside (a link, a reload, Back or Forward); at the end of the run the view is
written back into the address bar in one step, and the links to the other pages carry it,
so that one click is one step in the browser's history.
"""

from collections.abc import Callable, Sequence

import streamlit as st

from lib import i18n

KEYS_KEY = "address_keys"  # the view's parameters, in the order the address lists them
WRITTEN_KEY = "address_written"  # the view's parameters as last written to the address bar
OUTSIDE_KEY = "address_from_outside"  # whether this run's address came from outside
IGNORED_KEY = "address_ignored"  # link values that are not in the data, to report
LINK_KEY = "address_link"  # this run's function that shows the link to the view


def _given(keys: Sequence[str]) -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in keys if st.query_params.get_all(key)}


def begin(keys: Sequence[str]) -> None:
    """Decide, once per run, whether the address came from outside (`keys`: the view's).

    An address without the view's parameters (Back to a page opened before any filter was
    set, say) keeps the view, which is written into it again. Any other difference from
    what the app wrote last means a link, a reload, Back or Forward: the view follows it.
    """
    given = _given(keys)
    written = st.session_state.get(WRITTEN_KEY)
    st.session_state[OUTSIDE_KEY] = written is None or (bool(given) and given != written)
    st.session_state[KEYS_KEY] = tuple(keys)
    st.session_state[IGNORED_KEY] = []
    st.session_state[WRITTEN_KEY] = {}
    st.session_state.pop(LINK_KEY, None)


def widget_key(key: str) -> str:
    """The key of the widget for `key` in this language.

    A widget whose choices are shown translated gets one widget per language: the browser
    keeps a widget's chosen labels, which would not match the other language's labels.
    The value itself lives under `key`, whatever the language.
    """
    return f"{key}.{i18n.current()}"


def start(
    key: str,
    options: Sequence[str] | None,
    default: object,
    many: bool = False,
    check: Callable[[str], bool] | None = None,
    translated: bool = False,
) -> str:
    """Give a widget its value (from the address when it came from outside); returns its key.

    `options` are the values the widget offers (None: any text); values from the link
    that are not among them are left out and reported by `ignored()`. A `translated`
    widget's key is `widget_key(key)`.
    """
    shown = widget_key(key) if translated else key
    if st.session_state.get(OUTSIDE_KEY, True) or key not in st.session_state:
        given = st.query_params.get_all(key)
        allowed = [
            v for v in given if (options is None or v in options) and (check is None or check(v))
        ]
        st.session_state[IGNORED_KEY].extend(f"{key}={v}" for v in given if v not in allowed)
        if many:
            st.session_state[key] = list(dict.fromkeys(allowed))
        else:
            st.session_state[key] = allowed[0] if allowed else default
        if translated:
            st.session_state[shown] = st.session_state[key]
    elif translated and shown not in st.session_state:
        st.session_state[shown] = st.session_state[key]
    return shown


def change(key: str, value: object) -> None:
    """Set a value from code (a button or a click on the map), in every language's widget."""
    st.session_state[key] = value
    for language in i18n.LANGUAGES:
        if f"{key}.{language}" in st.session_state:
            st.session_state[f"{key}.{language}"] = value


def keep(key: str, value: object, default: object, translated: bool = False) -> None:
    """Keep a widget's value for the address (left out when it is the default)."""
    if translated:  # the widget has its own key: keep the value under `key` too
        st.session_state[key] = value
    written = st.session_state.setdefault(WRITTEN_KEY, {})
    written.pop(key, None)
    if value != default and value not in (None, "", []):
        written[key] = [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def view() -> dict[str, list[str]]:
    """The view's parameters, in the address's order (for links to the other pages)."""
    written = st.session_state.get(WRITTEN_KEY, {})
    return {key: written[key] for key in st.session_state.get(KEYS_KEY, ()) if key in written}


def publish(keys: Sequence[str]) -> None:
    """Write these parameters of the view into the address bar in one step.

    The entry file writes the ones every page shares; a page writes its own after them.
    The box with the link to this view (if the sidebar has one) shows the result.
    """
    ordered = st.session_state.get(KEYS_KEY, ())
    written = st.session_state.get(WRITTEN_KEY, {})
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    wanted = {
        key: written[key] if key in keys else current[key]
        for key in ordered
        if (key in keys and key in written) or (key not in keys and key in current)
    }
    wanted.update({key: values for key, values in current.items() if key not in ordered})
    if list(current.items()) != list(wanted.items()):
        st.query_params.from_dict({k: v if len(v) > 1 else v[0] for k, v in wanted.items()})
    if LINK_KEY in st.session_state:
        st.session_state[LINK_KEY](wanted)


def ignored() -> list[str]:
    """The "key=value" parts of the link that were left out, since the data has no such value."""
    return list(st.session_state.get(IGNORED_KEY, []))
