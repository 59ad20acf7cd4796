"""The interface catalogue: every message the code shows, and the Korean translations of them."""

from collections.abc import Iterator
from pathlib import Path

from lib.i18n import DOMAIN, LOCALES

ROOT = Path(__file__).resolve().parent.parent
# Where the messages are written, and the names that mark them (see lib/i18n.py).
SOURCES = [("app.py", "python"), ("lib/**.py", "python"), ("pages/**.py", "python")]
KEYWORDS = {"_": None, "n_": (1, 2), "N_": None, "L_": None}


def messages() -> Iterator[tuple[str, str | tuple[str, str], int]]:
    """(file, message, line) for every message in the code; plurals as (singular, plural)."""
    from babel.messages.extract import extract_from_dir

    for file, line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=SOURCES, keywords=KEYWORDS
    ):
        yield file, message, line


def po_path(language: str) -> Path:
    """The catalogue file of a language."""
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def update(language: str = "ko") -> tuple[int, int]:
    """Add the code's new messages to a language's catalogue and drop the ones gone.

    Translations already made are kept. Returns (messages, still untranslated).
    """
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    path = po_path(language)
    with path.open("rb") as existing:
        catalogue = read_po(existing, locale=language)
    # The catalogue's dates stay as they are, so an update changes only the messages.
    template = Catalog(
        project="Outreach Atlas", domain=DOMAIN, creation_date=catalogue.creation_date
    )
    for file, message, line in messages():
        template.add(message, locations=[(file, line)])
    catalogue.update(template, no_fuzzy_matching=True)
    catalogue.obsolete.clear()
    with path.open("wb") as out:
        write_po(out, catalogue, no_location=True, sort_output=True, width=100)
    missing = sum(1 for entry in catalogue if entry.id and not _translated(entry))
    return len(template), missing


def _translated(entry) -> bool:
    strings = entry.string if isinstance(entry.string, tuple | list) else [entry.string]
    return all(strings) and not entry.fuzzy
