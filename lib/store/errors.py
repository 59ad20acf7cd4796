"""The store's exceptions: what went wrong, said so a person can act on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lib.i18n import L_, _
from lib.meetings import RecordInvalid

if TYPE_CHECKING:
    from lib.store.rows import MeetingRecord


class StoreError(RuntimeError):
    """The database cannot do what was asked; the message says why and what to do."""


class MeetingNotFound(StoreError, KeyError):
    """No meeting has that id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else _("No such meeting.")


class MeetingChanged(StoreError):
    """The meeting was saved by someone else after the person's form was opened; nothing written.

    `current` is the meeting as it is stored now (a MeetingRecord, with `revision` and
    `deleted`), `changed_by` and `changed_at` (UTC, ISO 8601) say who saved it last and when,
    `action` how ("update", "delete", "restore", "import" or "replace"), and
    `expected_revision` is the revision the person's form started from.
    """

    def __init__(
        self,
        id: str,
        current: MeetingRecord,
        *,
        changed_by: str,
        changed_at: str,
        action: str,
        expected_revision: int,
    ):
        self.id = id
        self.current = current
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.action = action
        self.expected_revision = expected_revision
        when = changed_at[:16].replace("T", " ") + " UTC" if changed_at else ""
        if current.deleted:
            message = L_(
                "{who} deleted this meeting ({id}) at {when}, after you opened it. Nothing "
                "was saved. Restore it first if your changes should still be kept.",
                who=changed_by,
                id=id,
                when=when,
            )
        else:
            message = L_(
                "{who} saved this meeting ({id}) at {when}, after you opened it. Nothing was "
                "saved, so their changes are not lost. Compare your changes with the saved "
                "meeting, then save again.",
                who=changed_by,
                id=id,
                when=when,
            )
        super().__init__(message)


class MeetingInvalid(RecordInvalid):
    """A meeting was not saved because some fields are wrong; `fields` maps column to message."""


class _Unchanged(Exception):
    """Raised inside a write transaction that turns out to change nothing: roll it back."""
