"""The store's exceptions: what went wrong, said so a person can act on it."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The database cannot do what was asked; the message says why and what to do."""


class MeetingNotFound(StoreError, KeyError):
    """No meeting has that id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "No such meeting."


class MeetingInvalid(ValueError):
    """A meeting was not saved because some fields are wrong; `fields` maps column to message."""

    def __init__(self, fields: dict[str, str]):
        self.fields = dict(fields)
        listed = "; ".join(f"{column}: {message}" for column, message in self.fields.items())
        super().__init__(f"The meeting was not saved. {listed}")


class _Unchanged(Exception):
    """Raised inside a write transaction that turns out to change nothing: roll it back."""
