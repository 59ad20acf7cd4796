"""Advice for errors: what a database error or a taken id means, and what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from lib.store.engines import URL_VARIABLE

try:
    from psycopg import Error as _PsycopgError
except ImportError:  # pragma: no cover - the app ships psycopg
    _PsycopgError = sqlite3.Error
_DRIVER_ERRORS = (sqlite3.Error, _PsycopgError)


def _id_taken_message(id: str, existing) -> str:
    if existing.deleted_at is not None:
        return (
            f"The id '{id}' belongs to a deleted meeting. Restore that one, or choose another id."
        )
    return f"The id '{id}' is already used by another meeting. Choose another, or leave it empty."


def _advice(error: BaseException | None, where: str, busy_timeout: float, backup_dir: Path) -> str:
    """What a database driver error means for a person, and what to do about it."""
    text = (str(error).strip().splitlines() or [type(error).__name__])[0]
    lower = text.lower()
    code = getattr(error, "sqlstate", None) or ""
    if "locked" in lower or "busy" in lower or code in ("55P03", "57014"):
        return (
            f"{where} is busy: another program or another copy of Outreach Atlas kept it "
            f"locked for more than {busy_timeout:g} seconds. Nothing was changed. Try "
            "again in a minute; if it stays busy, close the other program that has the "
            "database open (for example a database browser)."
        )
    if any(part in lower for part in ("not a database", "malformed", "encrypted")):
        return (
            f"{where} is damaged or is not a database ({text}). Nothing was changed, and "
            "the file was left as it is. Close the app, move the file aside (rename it), "
            "start the app again and import your latest backup with “replace” "
            f"(backups are in {backup_dir})."
        )
    if "readonly" in lower or "read-only" in lower:
        return (
            f"{where} is read-only, so nothing could be saved. Let the app's user write "
            "to the file and its folder, then try again."
        )
    if "unable to open database file" in lower:
        return (
            f"{where} could not be opened ({text}). Check that its folder exists and "
            "that the app may read and write there."
        )
    if "disk is full" in lower or "disk i/o" in lower or code == "53100":
        return (
            f"{where} could not be written: the disk is full or failing ({text}). Nothing "
            "was changed. Free some disk space and try again."
        )
    if code in ("40001", "40P01"):
        return f"{where} was busy with another change ({text}). Nothing was changed. Try again."
    if code == "3D000" or "does not exist" in lower and "database" in lower:
        return (
            f"{where} does not exist ({text}). Create it on the server (createdb) or "
            f"correct the database name in {URL_VARIABLE}."
        )
    if code in ("28000", "28P01") or "authentication" in lower or "password" in lower:
        return (
            f"{where} refused the user name or password ({text}). Correct them in {URL_VARIABLE}."
        )
    if any(
        part in lower
        for part in ("connection", "could not connect", "timeout expired", "server closed")
    ) or code.startswith("08"):
        return (
            f"{where} could not be reached ({text}). Check that the database server is "
            f"running and that {URL_VARIABLE} names the right host and port."
        )
    return (
        f"{where} reported an error: {text}. Nothing was changed. Try again; if it keeps "
        "happening, send this message to whoever looks after the app."
    )
