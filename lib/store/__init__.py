"""The meetings database: an SQLite file by default, PostgreSQL when OUTREACH_DB_URL says so.

Every read goes back through `validate_table`, so a meeting from the database has the same
columns and types as one read from a file. Every write happens in one transaction that
also bumps `data_version` and records who changed what in `history`.

One module per job: `schema` (tables and migrations), `engines` (addresses and
connections), `rows` (meetings as records, stored text and rows), `imports` (import
rules), `backups` (backups and whole-file writes), `errors` (the exceptions), `advice`
(what an error means and what to do) and `database` (the Store that uses them). Names
starting with `_` are shared inside this package only.
"""

from lib.store.database import DEFAULT_DB_PATH, SEED_PATH, SERVER_BACKUP_DIR, Store
from lib.store.engines import BUSY_TIMEOUT_SECONDS, URL_VARIABLE
from lib.store.errors import MeetingChanged, MeetingInvalid, MeetingNotFound, StoreError
from lib.store.imports import IMPORT_MODES, ImportReport
from lib.store.rows import MeetingRecord
from lib.store.schema import MIGRATIONS

__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "DEFAULT_DB_PATH",
    "IMPORT_MODES",
    "MIGRATIONS",
    "SEED_PATH",
    "SERVER_BACKUP_DIR",
    "URL_VARIABLE",
    "ImportReport",
    "MeetingChanged",
    "MeetingInvalid",
    "MeetingNotFound",
    "MeetingRecord",
    "Store",
    "StoreError",
]
