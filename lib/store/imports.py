"""Import rules: which rows of a file are new, what a replace removes, the shipped seed."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lib.i18n import L_, _
from lib.meetings import MeetingsFileError, Problem, read_meetings
from lib.progress import CHECKING, Progress, begin, report
from lib.store.errors import StoreError
from lib.store.rows import _CHUNK_ROWS, _stored_text
from lib.store.schema import _HISTORY, _MEETINGS

IMPORT_MODES = ("append", "replace")

logger = logging.getLogger(__name__)


@dataclass
@dataclass
class ImportReport:
    """What an import did: meetings added, rows skipped as already recorded, rows refused."""

    added: int
    skipped: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    backup_path: Path | None = None
    # How many meetings a replace removed (deleted ones included); 0 for an append.
    removed: int = 0


def _remove_all(conn: Connection, now: str, who: str, name: str, backup: Path) -> int:
    """Delete every meeting for a replace, with a 'replace' history entry each."""
    note = sa.literal(f"replaced by {name}; backup in {backup.name}")
    entries = sa.select(
        _MEETINGS.c.id,
        sa.literal(now),
        sa.literal(who),
        sa.literal("replace"),
        sa.literal("{}"),
        note,
    )
    conn.execute(
        sa.insert(_HISTORY).from_select(
            ["meeting_id", "at", "who", "action", "changes", "note"], entries
        )
    )
    return conn.execute(sa.delete(_MEETINGS)).rowcount


def _who_was_met(counterpart: str, title: str) -> str:
    """The counterpart in a duplicate check: the name, or the title when no name is given.

    Two unnamed counterparts of one country on one date (an ambassador and a city's planning
    director) are different meetings; their titles tell them apart.
    """
    return (counterpart or f"title: {title}").casefold()


def _skip_known(
    conn: Connection, stored: pd.DataFrame, lines, progress: Progress | None = None
) -> tuple[np.ndarray, list[Problem], set[str]]:
    """For an append: which rows are new, the others with what they repeat, the ids in use."""
    total = len(stored)
    begin(progress, CHECKING, total)
    known_ids: dict[str, bool] = {}  # id → deleted?
    known_keys: dict[tuple[str, str, str], str] = {}  # (date, iso3, counterpart) → id
    query = sa.select(
        _MEETINGS.c.id,
        _MEETINGS.c.date,
        _MEETINGS.c.iso3,
        _MEETINGS.c.counterpart,
        _MEETINGS.c.counterpart_title,
        _MEETINGS.c.deleted_at,
    )
    for row in conn.execute(query):
        known_ids[row.id] = row.deleted_at is not None
        who_met = _who_was_met(row.counterpart, row.counterpart_title)
        known_keys.setdefault((row.date, row.iso3, who_met), row.id)
    file_keys: dict[tuple[str, str, str], int] = {}  # key → line of its first row
    # Translated once, filled in per row.
    recorded = _("already recorded as {id}")
    recorded_deleted = _("already recorded as {id} (deleted; restore it instead)")
    same = _("already recorded as {id}: same date, country and counterpart")
    same_deleted = _(
        "already recorded as {id} (deleted; restore it instead): same date, country and counterpart"
    )
    same_as_line = _("the same meeting as line {line}: same date, country and counterpart")
    keep: list[bool] = []
    skipped: list[Problem] = []
    counterparts = [
        _who_was_met(name, title)
        for name, title in zip(stored["counterpart"], stored["counterpart_title"], strict=True)
    ]
    for number, (id, key, line) in enumerate(
        zip(
            stored["id"],
            zip(stored["date"], stored["iso3"], counterparts, strict=True),
            lines,
            strict=True,
        )
    ):
        if number % _CHUNK_ROWS == 0 and number:
            report(progress, number, total)
        line = int(line)
        if id and id in known_ids:
            message = recorded_deleted if known_ids[id] else recorded
            skipped.append(Problem(line, "id", message.format(id=id)))
        elif key in known_keys:
            other = known_keys[key]
            message = same_deleted if known_ids[other] else same
            skipped.append(Problem(line, "(duplicate)", message.format(id=other)))
        elif key in file_keys:
            skipped.append(Problem(line, "(duplicate)", same_as_line.format(line=file_keys[key])))
        else:
            file_keys[key] = line
            keep.append(True)
            continue
        keep.append(False)
    report(progress, total, total)
    return np.array(keep, dtype=bool), skipped, set(known_ids)


def _source_name(source: str | Path | BinaryIO) -> str:
    if isinstance(source, str | Path):
        return Path(source).name
    return getattr(source, "name", None) or "the file"


def _read_seed(seed: Path) -> tuple[pd.DataFrame, object] | None:
    """The shipped meetings as stored text and lines; None when the file is not there."""
    if not seed.exists():
        logger.warning("No %s to seed the new database from; it starts empty.", seed)
        return None
    try:
        result = read_meetings(seed)
    except MeetingsFileError as error:
        raise StoreError(
            L_(
                "The shipped meetings file could not be read, so no database was made: "
                "{error} Restore {path} from the repository (git checkout -- {name}) and start "
                "again.",
                error=error,
                path=seed,
                name=seed.name,
            )
        ) from None
    if result.problems:
        logger.warning("%s: %d rows left out while seeding", seed, len(result.problems))
    return _stored_text(result.meetings), result.meetings["line"].to_numpy()
