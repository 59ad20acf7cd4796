"""A progress bar with counts for long work (imports, replaces, large files)."""

import streamlit as st

from lib.i18n import _


class ProgressBar:
    """A `progress(done, total)` for lib functions, drawn as a bar saying "120,000 of …".

    Streamlit stops a run when the person clicks anything meanwhile: the next update of
    the bar then raises, which cancels the work (a database change rolls back).
    """

    def __init__(self, place=None) -> None:
        self.bar = (place or st).progress(0.0, text=_("Starting…"))
        self.name = ""

    def phase(self, name: str) -> None:
        """The phase the next counts belong to (one of lib.progress.PHASES)."""
        self.name = name

    def __call__(self, done: int, total: int) -> None:
        text = _(self.name, done=format(done, ","), total=format(total, ",")) if self.name else ""
        self.bar.progress(min(done / total, 1.0) if total else 1.0, text=text)

    def empty(self) -> None:
        """Take the bar away once the work is done."""
        self.bar.empty()
