"""Advice for errors: what a database error or a taken id means, and what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from lib.i18n import L_
from lib.store.engines import URL_VARIABLE

try:
    from psycopg import Error as _PsycopgError
except ImportError:  # pragma: no cover - the app ships psycopg
    _PsycopgError = sqlite3.Error
_DRIVER_ERRORS = (sqlite3.Error, _PsycopgError)


def _id_taken_message(id: str, existing) -> L_:
    if existing.deleted_at is not None:
        return L_(
            "The id '{id}' belongs to a deleted meeting. Restore that one, or choose another id.",
            id=id,
        )
    return L_(
        "The id '{id}' is already used by another meeting. Choose another, or leave it empty.",
        id=id,
    )


def _advice(error: BaseException | None, where: L_, busy_timeout: float, backup_dir: Path) -> L_:
    """What a database driver error means for a person, and what to do (translated when shown)."""
    text = (str(error).strip().splitlines() or [type(error).__name__])[0]
    lower = text.lower()
    code = getattr(error, "sqlstate", None) or ""
    said = {"where": where, "error": text, "variable": URL_VARIABLE}
    if "locked" in lower or "busy" in lower or code in ("55P03", "57014"):
        return L_(
            "{where} is busy: another program or another copy of Outreach Atlas kept it "
            "locked for more than {seconds} seconds. Nothing was changed. Try again in a "
            "minute; if it stays busy, close the other program that has the database open "
            "(for example a database browser).",
            **said,
            seconds=format(busy_timeout, "g"),
        )
    if any(part in lower for part in ("not a database", "malformed", "encrypted")):
        return L_(
            "{where} is damaged or is not a database ({error}). Nothing was changed, and the "
            "file was left as it is. Close the app, move the file aside (rename it), start the "
            "app again and import your latest backup with “replace” (backups are in {folder}).",
            **said,
            folder=backup_dir,
        )
    if "readonly" in lower or "read-only" in lower:
        return L_(
            "{where} is read-only, so nothing could be saved. Let the app's user write to the "
            "file and its folder, then try again.",
            **said,
        )
    if "unable to open database file" in lower:
        return L_(
            "{where} could not be opened ({error}). Check that its folder exists and that the "
            "app may read and write there.",
            **said,
        )
    if "disk is full" in lower or "disk i/o" in lower or code == "53100":
        return L_(
            "{where} could not be written: the disk is full or failing ({error}). Nothing was "
            "changed. Free some disk space and try again.",
            **said,
        )
    if code in ("40001", "40P01"):
        return L_(
            "{where} was busy with another change ({error}). Nothing was changed. Try again.",
            **said,
        )
    if code == "3D000" or "does not exist" in lower and "database" in lower:
        return L_(
            "{where} does not exist ({error}). Create it on the server (createdb) or correct "
            "the database name in {variable}.",
            **said,
        )
    if code in ("28000", "28P01") or "authentication" in lower or "password" in lower:
        return L_(
            "{where} refused the user name or password ({error}). Correct them in {variable}.",
            **said,
        )
    if any(
        part in lower
        for part in ("connection", "could not connect", "timeout expired", "server closed")
    ) or code.startswith("08"):
        return L_(
            "{where} could not be reached ({error}). Check that the database server is running "
            "and that {variable} names the right host and port.",
            **said,
        )
    return L_(
        "{where} reported an error: {error}. Nothing was changed. Try again; if it keeps "
        "happening, send this message to whoever looks after the app.",
        **said,
    )
