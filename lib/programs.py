"""The organisation's program catalogue (data/programs.csv) and name normalisation."""

from functools import cache
from pathlib import Path

import pandas as pd

PROGRAMS_FILE = Path(__file__).resolve().parent.parent / "data" / "programs.csv"


@cache
def program_catalogue() -> pd.DataFrame:
    """The catalogue: one row per program with its kind, description and aliases."""
    return pd.read_csv(PROGRAMS_FILE, dtype=str, keep_default_na=False)


@cache
def _canonical_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in program_catalogue().itertuples():
        for alias in [row.program, *row.aliases.split(";")]:
            if alias.strip():
                names[alias.strip().casefold()] = row.program
    return names


def canonical_program(name: str) -> str:
    """The catalogue's name for a program or one of its aliases; other names as written."""
    name = name.strip()
    return _canonical_names().get(name.casefold(), name)


def split_list(text: str) -> list[str]:
    """Split a `;`-separated cell into its non-empty entries."""
    return [part.strip() for part in text.split(";") if part.strip()]


def program_list(text: str) -> list[str]:
    """The programs named in a `;`-separated cell, in catalogue names, without repeats."""
    return list(dict.fromkeys(canonical_program(part) for part in split_list(text)))
