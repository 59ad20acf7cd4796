"""Progress of long work (imports, replaces, large files), for a page's progress bar.

A function doing long work takes `progress`: any callable `progress(done, total)`, called at
the start of each phase with `done == 0` and after each chunk. When the callable also has a
`phase(name)` method, it is told which phase the counts belong to before they start; the
names below are messages to show with `_(name, done=..., total=...)`. An exception raised
by the callable (the person cancelled) stops the work; a database change then rolls back.
"""

from __future__ import annotations

from collections.abc import Callable

from lib.i18n import N_

Progress = Callable[[int, int], None]

CHECKING = N_("{done} of {total} rows checked")
BACKING_UP = N_("{done} of {total} meetings backed up")
WRITING = N_("{done} of {total} meetings written")
PHASES = (CHECKING, BACKING_UP, WRITING)


def begin(progress: Progress | None, phase: str, total: int) -> None:
    """Tell `progress` that a phase (one of PHASES) begins, with `total` things to do."""
    if progress is None:
        return
    name_phase = getattr(progress, "phase", None)
    if callable(name_phase):
        name_phase(phase)
    progress(0, total)


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` how far the current phase is."""
    if progress is not None:
        progress(done, total)
