"""Backups before a replace, and files written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import Connection

from lib.export import csv_bytes
from lib.i18n import L_
from lib.progress import BACKING_UP, Progress, begin
from lib.store.errors import StoreError
from lib.store.rows import _stored_table, _validated


def _write_file(path: Path, data: bytes) -> None:
    """Write all of `data` or nothing: a half-written file never takes the name."""
    part = path.with_name(path.name + ".part")
    try:
        with open(part, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(part, path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise StoreError(
            L_(
                "Could not write {path}: {reason}. Nothing was changed. Check that the folder "
                "exists, that the app may write there and that the disk has space.",
                path=path,
                reason=error.strerror,
            )
        ) from None


def _write_backups(
    conn: Connection, now: str, backup_dir: Path, progress: Progress | None = None
) -> Path:
    """Before a replace: every meeting to a CSV in backup_dir (deleted ones to a second)."""
    active, unreadable = _validated(_stored_table(conn, deleted=False))
    if unreadable:
        listed = ", ".join(list(unreadable)[:5])
        raise StoreError(
            L_(
                "{count} stored meetings ({listed}) do not pass today's checks, so a backup "
                "could not hold them and nothing was replaced. Correct or delete them first.",
                count=len(unreadable),
                listed=listed,
            )
        )
    stamp = now.replace("-", "").replace(":", "")[:15] + "Z"  # 20250102T030405Z
    path = _new_backup_path(backup_dir, f"meetings-backup-{stamp}")
    deleted, _ = _validated(_stored_table(conn, deleted=True))
    total = len(active) + len(deleted)
    begin(progress, BACKING_UP, total)
    _write_file(path, csv_bytes(active, _counted(progress, 0, total)))
    if not deleted.empty:
        counted = _counted(progress, len(active), total)
        _write_file(path.with_name(path.stem + "-deleted.csv"), csv_bytes(deleted, counted))
    return path


def _counted(progress: Progress | None, before: int, total: int) -> Progress | None:
    """A file writer's counts as part of the whole backup (a plain callable: no phase change)."""
    if progress is None:
        return None

    def counted(done: int, _: int) -> None:
        if done:  # the file's own start is the backup's progress so far, already told
            progress(before + done, total)

    return counted


def _new_backup_path(backup_dir: Path, stem: str) -> Path:
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            L_(
                "Could not create the backup folder {folder}: {reason}. Nothing was replaced. "
                "Check that the app may write there.",
                folder=backup_dir,
                reason=error.strerror,
            )
        ) from None
    path = backup_dir / f"{stem}.csv"
    number = 1
    while path.exists() or path.with_name(path.stem + "-deleted.csv").exists():
        number += 1
        path = backup_dir / f"{stem}-{number}.csv"
    return path
