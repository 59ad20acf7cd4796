"""The organisation's program catalogue (data/programs.csv) and name normalisation."""

import re
from functools import cache
from pathlib import Path

import pandas as pd

from lib.i18n import current

PROGRAMS_FILE = Path(__file__).resolve().parent.parent / "data" / "programs.csv"
PROGRAM_COLUMNS = [
    "program",
    "kind",
    "description",
    "aliases",
    "program_ko",
    "aliases_ko",
    "cell_aliases",  # a whole cell names the program, but a sentence of news is too vague
]
_HANGUL = re.compile("[가-힣]")


@cache
def program_catalogue() -> pd.DataFrame:
    """The catalogue: one row per program with its kind, description, aliases and Korean name."""
    catalogue = pd.read_csv(PROGRAMS_FILE, dtype=str, keep_default_na=False)
    if list(catalogue.columns) != PROGRAM_COLUMNS:
        raise ValueError(
            f"{PROGRAMS_FILE}: the header must be {','.join(PROGRAM_COLUMNS)}, "
            f"found {','.join(map(str, catalogue.columns))}."
        )
    return catalogue


def _key(name: str) -> str:
    """A name as it is looked up: case and runs of spaces folded; Korean spacing ignored."""
    folded = " ".join(name.casefold().split())
    # Korean spacing varies from writer to writer ("서울 스마트시티상", "서울스마트시티상").
    return folded.replace(" ", "") if _HANGUL.search(folded) else folded


@cache
def _canonical_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in program_catalogue().itertuples():
        wordings = [
            row.program,
            *row.aliases.split(";"),
            row.program_ko,
            *row.aliases_ko.split(";"),
            *row.cell_aliases.split(";"),
        ]
        for wording in wordings:
            key = _key(wording)
            if not key:
                continue
            if names.setdefault(key, row.program) != row.program:
                raise ValueError(
                    f"{PROGRAMS_FILE}: '{wording.strip()}' names both '{names[key]}' and "
                    f"'{row.program}'; keep it under one of them."
                )
    return names


def korean_wordings() -> dict[str, str]:
    """The Korean wordings that name a program in running text (news), with the program."""
    wordings: dict[str, str] = {}
    for row in program_catalogue().itertuples():
        for wording in [row.program_ko, *row.aliases_ko.split(";")]:
            if wording.strip():
                wordings.setdefault(wording.strip(), row.program)
    return wordings


@cache
def _korean_names() -> dict[str, str]:
    catalogue = program_catalogue()
    return dict(zip(catalogue["program"], catalogue["program_ko"], strict=True))


def canonical_program(name: str) -> str:
    """The catalogue's name for a program or an alias (English or Korean); others as written."""
    name = name.strip()
    return _canonical_names().get(_key(name), name)


def program_name(program: str, language: str | None = None) -> str:
    """The name people read in `language` (default: the current one); others as written."""
    if (language or current()) == "ko":
        return _korean_names().get(program) or program
    return program


def split_list(text: str) -> list[str]:
    """Split a `;`-separated cell into its non-empty entries."""
    return [part.strip() for part in text.split(";") if part.strip()]


def program_list(text: str) -> list[str]:
    """The programs named in a `;`-separated cell, in catalogue names, without repeats."""
    return list(dict.fromkeys(canonical_program(part) for part in split_list(text)))
