"""Countries: resolve what people write ("Kazakh", "the Colombian Embassy", "KZ") to one country."""

from __future__ import annotations

import csv
import difflib
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pycountry

from lib.i18n import L_, current

M49_PATH = Path(__file__).resolve().parent.parent / "data" / "m49.csv"
M49_COLUMNS = ["iso3", "m49", "name", "region", "subregion", "intermediate_region"]
REGIONS = frozenset({"Africa", "Americas", "Asia", "Europe", "Oceania"})
# The vocabulary is data: other names, demonyms and Korean names of each country, and the
# Korean names of the M49 regions, in files beside data/m49.csv.
NAMES_PATH = M49_PATH.parent / "country_names.csv"
NAMES_COLUMNS = ["iso3", "name", "language", "kind"]
NAME_KINDS = {
    "en": ("official", "alias", "demonym", "ambiguous"),
    "ko": ("name", "alias", "ambiguous"),
}
REGION_NAMES_PATH = M49_PATH.parent / "region_names.csv"
# Groups of countries (ASEAN, the GCC, the EU): their members, and the names they go by.
GROUPS_PATH = M49_PATH.parent / "country_groups.csv"
GROUP_NAMES_PATH = M49_PATH.parent / "group_names.csv"

# Kosovo has no ISO 3166-1 entry; XKX is the user-assigned code the EU and others use.
EXTRA_COUNTRIES = {"XKX": {"iso2": "XK", "official_name": "Republic of Kosovo"}}

# "주한 멕시코 대사관", "멕시코 대사": the country with its mission around it.
_KOREAN_PREFIX = re.compile(r"^(?:주한|주)\s*")
_KOREAN_SUFFIX = re.compile(
    r"\s*(?:대사관|총영사관|영사관|대표부|무역관|대표처|대사\s*대리|부대사|대사|총영사|영사|"
    r"정부|외교부|측|국민|사람)$"
)

# Words around a country's name in press text: "the Colombian Embassy in Seoul".
_INSTITUTIONS = (
    "embassy|embassies|consulate general|consulate|consul general|consul|"
    "permanent mission|mission|delegation|delegations|office|trade office|"
    "government|governments|ministry of foreign affairs|foreign ministry|ministry|"
    "foreign minister|minister|ambassador|ambassadors|"
    "charge d affaires|charges d affaires|deputy ambassador|"
    "city|cities|municipality|municipalities|metropolitan government|"
    "side|counterpart|counterparts|authorities|officials|official|"
    "representative|representatives|nationals|people|partners|partner"
)
_TRAILING_INSTITUTION = re.compile(rf"\s+(?:{_INSTITUTIONS})(?:\s+(?:in|to)\s+.+)?$")
_LEADING_INSTITUTION = re.compile(
    rf"^(?:{_INSTITUTIONS})\s+(?:of|from)\s+(.+?)(?:\s+(?:in|to)\s+.+)?$"
)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_DELETED = re.compile(r"['’‘`´.]")
_SEPARATORS = re.compile(r"[\W_]+")
# Formal state names: "Socialist Republic of Viet Nam", "Argentine Republic", "오스트레일리아 연방".
_FORMAL_WORDS = (
    "united|federal|federative|federated|socialist|democratic|peoples|islamic|arab|independent|"
    "plurinational|bolivarian|oriental|eastern|hashemite|great|grand|cooperative|co operative"
)
_FORMAL_STATES = (
    "republic|kingdom|states?|commonwealth|federation|confederation|union|principality|duchy|"
    "sultanate|emirate"
)
_FORMAL_PREFIX = re.compile(rf"^(?:(?:(?:{_FORMAL_WORDS}) )*(?:{_FORMAL_STATES}) of (?:the )?)+")
_FORMAL_SUFFIX = re.compile(rf"(?<=\S)(?: (?:{_FORMAL_WORDS}))* (?:{_FORMAL_STATES})$")
_KOREAN_FORMAL = re.compile(
    r"(?<=[가-힣])(?:사회주의|민주주의|민주|인민|연방|이슬람|동방|공화국|왕국|연합|합중국|대공국|공국|술탄국)+$"
)
_HANGUL_SPACE = re.compile(r"(?<=[가-힣]) (?=[가-힣])")
_SAINT = re.compile(r"\b(?:st|ste)\b(?= )")  # "St. Lucia", "St Kitts and Nevis"
_NUMERIC = re.compile(r"[0-9]{1,3}")


@dataclass(frozen=True)
class Country:
    """One country or territory, with its UN M49 region."""

    iso3: str
    name: str
    region: str
    subregion: str
    intermediate_region: str = ""
    iso2: str = ""
    name_ko: str = ""
    official_name: str = ""
    m49: str = ""

    def __str__(self) -> str:
        return self.name


class CountryNotFound(LookupError):
    """Text that names no country, or more than one; its message is translated when shown."""

    def __init__(
        self,
        text: str,
        suggestions: Sequence[Country] = (),
        message: L_ | str | None = None,
        ambiguous: bool = False,
    ) -> None:
        self.text = text
        self.suggestions = list(suggestions)
        self.ambiguous = ambiguous
        self.message = message or _unknown_message(text, self.suggestions)
        super().__init__(self.message)

    def __str__(self) -> str:
        return str(self.message)

    def __reduce__(self):  # keep text and suggestions when pickled
        return (CountryNotFound, (self.text, self.suggestions, self.message, self.ambiguous))


@dataclass(frozen=True)
class _Catalogue:
    by_iso3: dict[str, Country]
    index: dict[str, tuple[str, ...]]  # normalised text -> one iso3, or several when ambiguous
    # What is left of a formal name that several countries share ("korea": KOR, PRK).
    shared_by_formal_names: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class CountryName:
    """One row of data/country_names.csv: a name, in a language, a country is written by."""

    iso3: str
    name: str
    language: str
    kind: str  # see NAME_KINDS: "alias", "demonym", "official", "name" (Korean), "ambiguous"


@functools.cache
def country_names() -> tuple[CountryName, ...]:
    """Every row of data/country_names.csv, read and checked once."""
    with NAMES_PATH.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    if not rows or rows[0] != NAMES_COLUMNS:
        raise ValueError(f"{NAMES_PATH}: the header must be {','.join(NAMES_COLUMNS)}.")
    names = []
    for line, row in enumerate(rows[1:], start=2):
        iso3, name, language, kind = [*(cell.strip() for cell in row), "", "", "", ""][:4]
        if len(row) != 4 or not re.fullmatch("[A-Z]{3}", iso3) or not name:
            raise ValueError(f"{NAMES_PATH}, line {line}: write iso3,name,language,kind.")
        if kind not in NAME_KINDS.get(language, ()):
            raise ValueError(
                f"{NAMES_PATH}, line {line}: language '{language}' with kind '{kind}'; "
                f"use one of {NAME_KINDS}."
            )
        names.append(CountryName(iso3, name, language, kind))
    return tuple(names)


def names_by_country(language: str, kind: str) -> dict[str, tuple[str, ...]]:
    """The names of one kind in one language, by country: {"VNM": ("Vietnam", "Viet Nam")}."""
    found: dict[str, list[str]] = {}
    for row in country_names():
        if (row.language, row.kind) == (language, kind):
            found.setdefault(row.iso3, []).append(row.name)
    return {iso3: tuple(names) for iso3, names in found.items()}


def countries_by_name(language: str, kind: str) -> dict[str, tuple[str, ...]]:
    """The countries each name of one kind stands for: {"Congo": ("COG", "COD")}."""
    found: dict[str, list[str]] = {}
    for row in country_names():
        if (row.language, row.kind) == (language, kind):
            found.setdefault(row.name, []).append(row.iso3)
    return {name: tuple(codes) for name, codes in found.items()}


def korean_short_names() -> dict[str, str]:
    """Korean other names and short forms, each with its country ("호주": "AUS")."""
    return {name: codes[0] for name, codes in countries_by_name("ko", "alias").items()}


@functools.cache
def korean_region_names() -> dict[str, str]:
    """The Korean name of each UN M49 region, sub-region and intermediate region."""
    with REGION_NAMES_PATH.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    if not rows or rows[0] != ["region", "name_ko"] or any(len(row) != 2 for row in rows):
        raise ValueError(f"{REGION_NAMES_PATH}: write region,name_ko on every line.")
    return dict(rows[1:])


def _csv_rows(path: Path, header: list[str]) -> list[list[str]]:
    """The rows of a vocabulary file under its header, each cell given; or a ValueError."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = [[cell.strip() for cell in row] for row in csv.reader(file)]
    if not rows or rows[0] != header:
        raise ValueError(f"{path}: the header must be {','.join(header)}.")
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(header) or not all(row):
            raise ValueError(f"{path}, line {line}: write {','.join(header)}.")
    return rows[1:]


@functools.cache
def country_groups() -> dict[str, tuple[str, ...]]:
    """The members of each group of countries, from data/country_groups.csv: {"GCC": ("BHR", …)}."""
    members: dict[str, list[str]] = {}
    for line, (group, iso3) in enumerate(_csv_rows(GROUPS_PATH, ["group", "iso3"]), start=2):
        if iso3 not in _catalogue().by_iso3:
            raise ValueError(f"{GROUPS_PATH}, line {line}: {iso3} is not a country's ISO code.")
        members.setdefault(group, []).append(iso3)
    return {group: tuple(codes) for group, codes in members.items()}


@functools.cache
def group_names() -> dict[str, str]:
    """The group each written name stands for, from data/group_names.csv ("아세안": "ASEAN")."""
    groups = country_groups()
    named: dict[str, str] = {}
    rows = _csv_rows(GROUP_NAMES_PATH, ["group", "name", "language"])
    for line, (group, name, language) in enumerate(rows, start=2):
        if group not in groups or language not in NAME_KINDS:
            raise ValueError(
                f"{GROUP_NAMES_PATH}, line {line}: '{group}' is not a group of {GROUPS_PATH.name}"
                f" or '{language}' is not one of {sorted(NAME_KINDS)}."
            )
        named[name] = group
    return named


def _group_named(text: str) -> str:
    """The group of countries the text names ("the EU", "아세안"), or ""."""
    keys = set(_candidates(text))
    for name, group in group_names().items():
        if normalise(name) in keys:
            return group
    return ""


# The tables news imported before they moved to data/country_names.csv.
_TABLES = {
    "ALIASES": ("en", "alias", names_by_country),
    "DEMONYMS": ("en", "demonym", names_by_country),
    "AMBIGUOUS": ("en", "ambiguous", countries_by_name),
    "KOREAN_ALIASES": ("ko", "alias", names_by_country),
    "KOREAN_AMBIGUOUS": ("ko", "ambiguous", countries_by_name),
}


def __getattr__(name: str):
    """ALIASES, DEMONYMS, AMBIGUOUS … read from data/country_names.csv on first use."""
    if name in _TABLES:
        language, kind, table = _TABLES[name]
        return table(language, kind)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def normalise(text: str) -> str:
    """Fold text for lookup: no accents, case, punctuation, extra spaces or leading "the"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = folded.replace("&", " and ")
    folded = _DELETED.sub("", folded)
    folded = _SEPARATORS.sub(" ", folded).strip()
    folded = _SAINT.sub("saint", folded)
    # Hangul was taken apart above; put it back, and ignore Korean spacing ("도미니카 공화국").
    folded = _HANGUL_SPACE.sub("", unicodedata.normalize("NFC", folded))
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


def countries_table() -> pd.DataFrame:
    """The UN M49 table from data/m49.csv, one row per country or territory."""
    return _m49_table().copy()


@functools.cache
def _m49_table() -> pd.DataFrame:
    """data/m49.csv, read and checked once."""
    table = pd.read_csv(M49_PATH, dtype=str, keep_default_na=False, encoding="utf-8")
    if list(table.columns) != M49_COLUMNS:
        raise ValueError(
            f"{M49_PATH}: the header must be {','.join(M49_COLUMNS)}, "
            f"found {','.join(map(str, table.columns))}."
        )
    repeated = table.loc[table["iso3"].duplicated(), "iso3"].tolist()
    if repeated:
        raise ValueError(f"{M49_PATH}: iso3 codes listed twice: {', '.join(repeated)}.")
    bad_region = table.loc[~table["region"].isin(REGIONS | {""}), "region"].tolist()
    if bad_region:
        raise ValueError(f"{M49_PATH}: unknown regions {bad_region}; use one of {sorted(REGIONS)}.")
    places = table[["region", "subregion", "intermediate_region"]].to_numpy().ravel()
    untranslated = sorted(set(places) - set(korean_region_names()) - {""})
    if untranslated:
        raise ValueError(
            f"{M49_PATH}: no Korean name for {untranslated}; add them to {REGION_NAMES_PATH}."
        )
    return table


@functools.cache
def _catalogue() -> _Catalogue:
    """Countries from pycountry and data/m49.csv, and the text index over them (built once)."""
    table = _m49_table().set_index("iso3")
    korean = _korean_territory_names()
    officials = {iso3: names[0] for iso3, names in names_by_country("en", "official").items()}
    korean_names = {iso3: names[0] for iso3, names in names_by_country("ko", "name").items()}
    by_iso3: dict[str, Country] = {}
    index: dict[str, set[str]] = {}

    def add(text: str, iso3: str) -> None:
        key = normalise(text)
        if key:
            index.setdefault(key, set()).add(iso3)

    def country(iso3: str, iso2: str, official: str, m49: str) -> Country:
        if iso3 not in table.index:
            raise ValueError(f"{M49_PATH}: no row for {iso3}; add one with its M49 region.")
        row = table.loc[iso3]
        return Country(
            iso3=iso3,
            name=row["name"],
            region=row["region"],
            subregion=row["subregion"],
            intermediate_region=row["intermediate_region"],
            iso2=iso2,
            official_name=officials.get(iso3, official),
            m49=row["m49"],
            name_ko=korean_names.get(iso3) or korean[iso2],
        )

    for record in pycountry.countries:
        iso3 = record.alpha_3
        official = getattr(record, "official_name", None) or record.name
        by_iso3[iso3] = country(iso3, record.alpha_2, official, record.numeric)
        names = [record.name, official, getattr(record, "common_name", None)]
        for name in filter(None, names):
            add(name, iso3)
            # ISO writes "Korea, Republic of"; people also write "Republic of Korea".
            head, sep, tail = name.partition(", ")
            if sep and re.search(r"\bof( the)?$", tail):
                add(f"{tail} {head}", iso3)
        add(record.alpha_2, iso3)
        add(iso3, iso3)
        add(record.numeric, iso3)
    for iso3, extra in EXTRA_COUNTRIES.items():
        by_iso3[iso3] = country(iso3, extra["iso2"], extra["official_name"], "")
        add(iso3, iso3)
    for iso3, row in table.iterrows():
        if iso3 not in by_iso3:
            raise ValueError(f"{M49_PATH}: {iso3} is not an ISO 3166-1 country; remove the row.")
        add(row["name"], str(iso3))
    for row in country_names():
        if row.kind != "ambiguous":
            add(row.name, row.iso3)
    iso_korean = _pycountry_korean()
    for country in by_iso3.values():
        add(country.name_ko, country.iso3)
        if country.iso3 in iso_korean:
            add(iso_korean[country.iso3], country.iso3)

    ambiguous: dict[str, tuple[str, ...]] = {}
    for row in country_names():
        if row.kind == "ambiguous":
            ambiguous[normalise(row.name)] = (*ambiguous.get(normalise(row.name), ()), row.iso3)
    clashes = {
        key: sorted(codes)
        for key, codes in index.items()
        if len(codes) > 1 and key not in ambiguous
    }
    if clashes:
        raise ValueError(
            f"Country names that point to two countries: {clashes}. Keep each under one country "
            f"in {NAMES_PATH}, or list it there as ambiguous."
        )
    final = {key: tuple(codes) for key, codes in index.items()}
    final.update(ambiguous)
    formal: dict[str, set[str]] = {}
    for key, codes in final.items():
        for rest in _formal_rests(key):
            formal.setdefault(rest, set()).update(codes)
    shared = {rest: tuple(sorted(codes)) for rest, codes in formal.items() if len(codes) > 1}
    return _Catalogue(by_iso3=by_iso3, index=final, shared_by_formal_names=shared)


def _formal_rests(key: str) -> list[str]:
    """A normalised name without its formal form: "socialist republic of viet nam" → "viet nam"."""
    rests = []
    for pattern in (_FORMAL_PREFIX, _FORMAL_SUFFIX, _KOREAN_FORMAL):
        rest = pattern.sub("", key).strip()
        if rest and rest != key:
            rests.append(rest)
    return rests


def _formal_countries(text: str) -> tuple[str, ...]:
    """The countries a formal state name stands for once its form is set aside, by one rule
    for all ("Commonwealth of Australia", "Viet Nam, Socialist Republic of"); none if unknown.
    A name several formal names share stays ambiguous ("Socialist Republic of Korea")."""
    catalogue = _catalogue()
    head, comma, tail = text.rpartition(",")
    texts = [text, f"{tail} {head}"] if comma else [text]
    for written in texts:
        for key in _candidates(written):
            for rest in _formal_rests(key):
                codes = catalogue.shared_by_formal_names.get(rest) or catalogue.index.get(rest)
                if codes:
                    return codes
    return ()


def _korean_territory_names() -> dict[str, str]:
    """CLDR's Korean name of every territory by ISO alpha-2 code (Kosovo included)."""
    from babel import Locale

    return dict(Locale("ko").territories)


def _pycountry_korean() -> dict[str, str]:
    """ISO 3166's Korean names (pycountry's catalogue), where they differ from CLDR's."""
    import gettext

    names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ko"])
    found = {record.alpha_3: names.gettext(record.name) for record in pycountry.countries}
    # The catalogue writes "타이완, 중국령" and "콩고" (for the Republic only): not names to read.
    for iso3 in ("TWN", "COG"):
        found.pop(iso3, None)
    return {iso3: name for iso3, name in found.items() if re.search("[가-힣]", name)}


def _candidates(text: str) -> Iterable[str]:
    """Normalised forms of the text to look up, from the most literal to the most stripped."""
    key = normalise(text)
    yield key
    if re.search("[가-힣]", text):
        bare = _KOREAN_SUFFIX.sub("", _KOREAN_PREFIX.sub("", text.strip()))
        yield normalise(bare)
    if _NUMERIC.fullmatch(key):
        yield key.zfill(3)
    unbracketed = normalise(_BRACKETS.sub(" ", text))
    if unbracketed != key:
        yield unbracketed
    seen = {key, unbracketed}
    current = unbracketed
    while True:
        leading = _LEADING_INSTITUTION.match(current)
        if leading:
            stripped = normalise(leading.group(1))
        else:
            stripped = normalise(_TRAILING_INSTITUTION.sub("", current))
        if stripped in seen or not stripped:
            return
        seen.add(stripped)
        yield stripped
        current = stripped


def _suggest(text: str) -> list[Country]:
    """Countries whose names look like the text (spelling slips), best first."""
    catalogue = _catalogue()
    names = {key: codes for key, codes in catalogue.index.items() if len(key) > 3}
    suggestions: list[Country] = []
    for key in dict.fromkeys(k for k in _candidates(text) if len(k) > 3):
        for match in difflib.get_close_matches(key, names, n=3, cutoff=0.8):
            for iso3 in names[match]:
                found = catalogue.by_iso3[iso3]
                if found not in suggestions:
                    suggestions.append(found)
    return suggestions[:3]


@dataclass(frozen=True)
class _Suggestion:
    """A candidate country as a message names it, in the language of the reader."""

    country: Country
    shared_name: bool  # its English name is also another country's ("Congo")

    def __str__(self) -> str:
        if current() == "ko":
            return f"{self.country.name_ko}({self.country.iso3})"
        if self.shared_name:
            return f"{self.country.name} ({self.country.official_name}, {self.country.iso3})"
        return f"{self.country.name} ({self.country.iso3})"


def _suggestion(country: Country) -> _Suggestion:
    """A candidate as a message names it: "DR Congo (COD)", "Congo (Republic of the Congo, COG)"."""
    shared = len(_catalogue().index.get(normalise(country.name), ())) > 1
    return _Suggestion(country, shared)


class _Listed(tuple):
    """Items shown as one comma-separated text, each in the reader's language."""

    def __str__(self) -> str:
        return ", ".join(str(item) for item in self)


def _or_list(countries: Sequence[Country]) -> _Suggestion | L_:
    """The candidates of a message ("A", "A or B", "A, B or C"), translated when shown."""
    named = [_suggestion(country) for country in countries]
    if len(named) == 1:
        return named[0]
    return L_("{items} or {last}", items=_Listed(named[:-1]), last=named[-1])


def _unknown_message(text: str, suggestions: Sequence[Country]) -> L_:
    if not text.strip():
        return L_(
            "No country given (the text is empty). "
            "Write the country's English name or its ISO code (e.g. KAZ)."
        )
    if suggestions:
        return L_(
            'Unknown country "{text}". Did you mean {candidates}? '
            "Write the country's English name or its ISO code (e.g. KAZ).",
            text=text,
            candidates=_or_list(suggestions),
        )
    return L_(
        'Unknown country "{text}". Write the country\'s English name or its ISO code (e.g. KAZ).',
        text=text,
    )


@functools.cache
def _resolve_text(text: str) -> Country | CountryNotFound:
    """Resolve one distinct text once; failures are returned, not raised, so they are cached too."""
    return _resolve_uncached(text)


def _resolve_uncached(text: str) -> Country | CountryNotFound:
    """The country text names, or the refusal to raise (looked up, never guessed)."""
    catalogue = _catalogue()
    found = (catalogue.index.get(key) for key in _candidates(text))
    for codes in itertools.chain(found, [_formal_countries(text)]):
        if not codes:
            continue
        if len(codes) == 1:
            return catalogue.by_iso3[codes[0]]
        options = [catalogue.by_iso3[iso3] for iso3 in codes]
        message = L_(
            'Country "{text}" is ambiguous: did you mean {candidates}? '
            "Write the full name or the ISO code.",
            text=text.strip(),
            candidates=_or_list(options),
        )
        return CountryNotFound(text, options, message, ambiguous=True)
    group = _group_named(text) if text.strip() else ""
    if group:
        message = L_(
            '"{text}" is a group of {count} countries, not one country. '
            "Write the name or ISO code of one country met, in a meeting of its own for each.",
            text=text.strip(),
            count=len(country_groups()[group]),
        )
        return CountryNotFound(text, [], message)
    return CountryNotFound(text, _suggest(text) if text.strip() else [])


def resolve_country(text: str) -> Country:
    """The country that text names (a name, ISO code or adjective), or raise CountryNotFound."""
    if not isinstance(text, str):
        text = _as_text(text)
    result = _resolve_text(text)
    if isinstance(result, CountryNotFound):
        # A fresh exception each time: re-raising the cached one would grow its traceback.
        raise CountryNotFound(result.text, result.suggestions, result.message, result.ambiguous)
    return result


def _as_text(value: object) -> str:
    """Spreadsheet cells that are not text: empty (None, NaN) or a numeric ISO code (398)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    raise TypeError(f"resolve_country expects text, got {type(value).__name__}: {value!r}")


def resolution_cache_info() -> functools._CacheInfo:
    """Hits and misses of the per-text resolution cache (misses = real resolutions)."""
    return _resolve_text.cache_info()


def clear_resolution_cache() -> None:
    """Forget cached resolutions (the country index itself is kept)."""
    _resolve_text.cache_clear()


def country_by_iso3(iso3: str) -> Country:
    """The country with this ISO 3166-1 alpha-3 code (or XKX), or raise CountryNotFound."""
    code = iso3.strip().upper() if isinstance(iso3, str) else ""
    found = _catalogue().by_iso3.get(code)
    if found is None:
        raise CountryNotFound(
            str(iso3),
            message=L_(
                'Unknown ISO code "{code}". Use a three-letter ISO 3166-1 code such as KAZ.',
                code=str(iso3),
            ),
        )
    return found


@functools.cache
def _all_countries() -> tuple[Country, ...]:
    return tuple(sorted(_catalogue().by_iso3.values(), key=lambda c: normalise(c.name)))


def country_name(country: Country | str, language: str = "en") -> str:
    """The name people read in `language` ("en" or "ko") for a country or its ISO3 code."""
    if isinstance(country, str):
        country = country_by_iso3(country)
    return country.name_ko if language == "ko" and country.name_ko else country.name


def region_name(name: str, language: str | None = None) -> str:
    """A UN M49 region, sub-region or intermediate region as read in `language` (default: now's)."""
    if (language or current()) == "ko":
        return korean_region_names().get(name, name)
    return name


def all_countries() -> list[Country]:
    """Every country and territory, sorted by display name (for a searchable picker)."""
    return list(_all_countries())
