"""Countries named in a sentence, and whether the text says the organisation met them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry

from lib.countries import (
    ALIASES,
    AMBIGUOUS,
    DEMONYMS,
    KOREAN_ALIASES,
    KOREAN_AMBIGUOUS,
    CountryNotFound,
    all_countries,
    resolve_country,
)
from lib.news import wordings as w

HOST = "KOR"  # the organisation's own country: a counterpart only through its missions abroad
_WRITTEN_CODES = {"UAE", "U.A.E.", "UK", "U.K.", "US", "U.S.", "USA", "U.S.A.", "ROK", "DRC", "PRC"}
_LEFT_OUT_ALIASES = {"America", "Emirates", "The Emirates", "Persia", "ROC", "Lao", "Korea DPR"}


@dataclass(frozen=True)
class Mention:
    """A country named in a sentence: where, as what, and the part it plays."""

    start: int
    end: int
    text: str
    iso3: str  # "" when the name fits several countries
    kind: str  # "name", "demonym" or "ambiguous"
    role: str  # "met" (counterpart), "plain" (no sign either way), "place" or "not met"
    options: tuple[str, ...] = ()


@functools.cache
def _english_names() -> tuple[re.Pattern, dict[str, tuple[str, str, tuple[str, ...]]]]:
    names: dict[str, tuple[str, str, tuple[str, ...]]] = {}

    def add(text: str, kind: str) -> None:
        text = text.strip()
        if not text or "," in text or "(" in text or text in names:
            return
        if text.isupper() and text not in _WRITTEN_CODES:
            return
        try:
            names[text] = (resolve_country(text).iso3, kind, ())
        except CountryNotFound as error:
            if error.ambiguous:
                names[text] = ("", "ambiguous", tuple(c.iso3 for c in error.suggestions))

    for country in all_countries():
        add(country.name, "name")
        add(country.official_name, "name")
        record = pycountry.countries.get(alpha_3=country.iso3)
        if record is not None:
            add(record.name, "name")
            add(getattr(record, "common_name", "") or "", "name")
    for aliases in ALIASES.values():
        for alias in aliases:
            if alias not in _LEFT_OUT_ALIASES:
                add(alias, "name")
    for demonyms in DEMONYMS.values():
        for demonym in demonyms:
            add(demonym, "demonym")
    for text in AMBIGUOUS:
        add(text, "ambiguous")
    for region in w.REGION_WORDS:
        names[region] = ("", "region", ())
    alternatives = sorted(names, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:the\s+)?("
        + "|".join(re.escape(name) for name in alternatives)
        + r")(?![\w])"
    )
    return pattern, names


@functools.cache
def _korean_names() -> tuple[re.Pattern, dict[str, tuple[str, str, tuple[str, ...]]]]:
    names: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for country in all_countries():
        if country.name_ko:
            names.setdefault(country.name_ko, (country.iso3, "name", ()))
            names.setdefault(country.name_ko.replace(" ", ""), (country.iso3, "name", ()))
    for iso3, aliases in KOREAN_ALIASES.items():
        for alias in aliases:
            names.setdefault(alias, (iso3, "name", ()))
    for name, iso3 in w.KOREAN_COUNTRY_NAMES.items():
        names.setdefault(name, (iso3, "name", ()))
    for name, options in KOREAN_AMBIGUOUS.items():
        names[name] = ("", "ambiguous", tuple(options))
    # The space inside a name is optional in running text ("도미니카 공화국", "도미니카공화국").
    alternatives = sorted(names, key=len, reverse=True)
    spelled = [r"\s?".join(re.escape(part) for part in name.split(" ")) for name in alternatives]
    pattern = re.compile(r"(?<![가-힣A-Za-z])(?:주한\s?|주)?(" + "|".join(spelled) + ")")
    lookup = {name.replace(" ", ""): value for name, value in names.items()}
    return pattern, lookup


def korean(text: str) -> bool:
    """Whether a sentence is Korean (any Hangul syllable)."""
    return bool(re.search("[가-힣]", text))


def mentions(sentence: str, meeting: bool) -> list[Mention]:
    """The countries a sentence names, each with its role in it."""
    found = _korean_mentions(sentence) if korean(sentence) else []
    if not korean(sentence) or re.search(r"[A-Z]{2,}|[A-Z][a-z]", sentence):
        taken = [(m.start, m.end) for m in found]
        found += [
            m
            for m in _english_mentions(sentence)
            if not any(a < m.end and m.start < b for a, b in taken)
        ]
    found.sort(key=lambda m: m.start)
    return _with_lists(sentence, found, meeting)


def _english_mentions(sentence: str) -> list[Mention]:
    pattern, names = _english_names()
    found = []
    for match in pattern.finditer(sentence):
        text = match.group(1)
        iso3, kind, options = names[text]
        if kind == "region":
            continue
        start, end = match.start(1), match.end(1)
        role = _english_role(sentence, start, end, iso3, kind, text)
        found.append(Mention(start, end, text, iso3, kind, role, options))
    return found


def _english_role(sentence: str, start: int, end: int, iso3: str, kind: str, text: str) -> str:
    before, after = sentence[:start], sentence[end:]
    if w.NOT_MET_BEFORE.search(before):
        return "not met"
    if w.AFTER_COUNTRY.match(after):
        return "met"
    if kind == "demonym":
        return "not met"  # an adjective with no counterpart after it: "the Syrian crisis"
    if w.BEFORE_COUNTRY.search(before):
        return "met"
    city = w.CITY_OF_COUNTRY.search(before)
    if city and (after.startswith(")") or re.match(r"^\s*[,.;)]|^\s+(?:and|to|for|on)\b", after)):
        ahead = before[: city.start()]
        if w.BEFORE_COUNTRY.search(ahead) or w.MET_WITH.search(ahead):
            return "met"
        return "place"
    if w.MET_WITH.search(before):
        return "place" if iso3 == HOST else "met"
    if w.NAME_GOES_ON.match(after) and not after.lstrip().startswith(("City,", "City.")):
        return "not met"
    opener = w.NAME_STARTS_BEFORE.search(before)
    if opener and opener.group(1) not in w.SENTENCE_OPENERS and opener.start() > 0:
        return "not met"
    if w.PLACE_BEFORE.search(before):
        return "place"
    if text in w.ENGLISH_WEAK_NAMES or iso3 == HOST:
        return "not met"
    return "plain"


def _korean_mentions(sentence: str) -> list[Mention]:
    pattern, names = _korean_names()
    found = []
    for match in pattern.finditer(sentence):
        text = match.group(1)
        key = text.replace(" ", "")
        if key not in names:
            continue
        iso3, kind, options = names[key]
        prefix = match.group(0)[: match.start(1) - match.start(0)].strip()
        after = sentence[match.end(1) :]
        role = _korean_role(after, prefix, iso3, key)
        found.append(Mention(match.start(1), match.end(1), text, iso3, kind, role, options))
    return found


_KOREAN_FOLLOWERS = re.compile(
    r"^(?:$|[\s\W\d]|은|는|이|가|을|를|의|와|과|에|로|으로|도|만|측|정부|대사|총영사|영사|대표|"
    r"사절|시|도시|기업|국민|외교|외무|수도|내|간|등|및|까지|부터|처럼|보다|이나|나|공화국|"
    r"왕국|연방|주재|현지|출신|산|대통령|총리|장관|부|국립|국제|관계자)"
)


def _korean_role(after: str, prefix: str, iso3: str, name: str) -> str:
    if not _KOREAN_FOLLOWERS.match(after):
        return "word"  # part of another word ("인도적")
    if prefix == "주":
        return "place"  # "주몽골 대한민국 대사관": the embassy is in Mongolia
    strong = w.KOREAN_AFTER_COUNTRY.match(after) or prefix == "주한"
    if strong:
        return "met"
    if name in w.KOREAN_WEAK_NAMES:
        return "weak"
    if iso3 == HOST:
        return "not met"
    if w.KOREAN_PLACE_AFTER.match(after) or after.startswith(" 주재"):
        return "place"
    return "plain"


def _with_lists(sentence: str, found: list[Mention], meeting: bool) -> list[Mention]:
    """Countries listed together share the role of the list ("ambassadors of A, B and C")."""
    found = [m for m in found if m.role != "word"]
    groups: list[list[Mention]] = []
    for mention in found:
        if groups and _listed(sentence[groups[-1][-1].end : mention.start]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    result = []
    for group in groups:
        roles = {m.role for m in group}
        shared = None
        if _OWN_OFFICES.match(sentence[group[-1].end :]):
            roles, shared = {"not met"}, "not met"  # "일본·중국 등 협의회 6개 사무소": its own
        if "met" in roles and len(group) > 1:
            shared = "met"  # "ambassadors of Canada, Kazakhstan, Mexico": a comma is no place
        elif len(group) > 1 and group[0].role in ("not met", "place"):
            shared = group[0].role  # "companies from Brazil, India and Kenya"
        for mention in group:
            role = mention.role
            if shared and role in ("plain", "weak", "met", "not met", "place"):
                role = shared if not (mention.iso3 == HOST and shared == "met") else role
            if role == "weak":
                role = "plain" if len(group) > 1 else "not met"
            result.append(_replace(mention, role))
    return result


# Countries followed by the organisation's own offices there ("일본·중국 등 협의회 6개 사무소
# 관계자", "Ghana and Zambia (project offices)"): its staff, not counterparts.
_OWN_OFFICES = re.compile(
    r"^(?:\s?등)?\s?(?:[가-힣]{1,10}\s)?(?:\d+개\s?)?(?:해외\s?|현지\s?)?(?:사무소|지사|지부|사무실)"
    r"|^\s*\((?:regional|project|country|field|liaison)\s+offices?\)",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"\s*(?:,|，|、|·|and|및|와|과|,\s*and|or)?\s*(?:the\s+)?")
# "Budapest (Hungary), Lublin (Poland) and the City of Ryde (Australia)"
_CITY_LIST_GAP = re.compile(
    r"\)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w'’. -]{0,40}?\(\s*"
)


# "Ambassadors A. Batti of Iraq, N. B. Cooray of Sri Lanka and M. Razl of Pakistan"
_PERSON_LIST_GAP = re.compile(
    r"\s*,\s*(?:and\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}of\s+(?:the\s+)?"
    r"|\s+and\s+(?:[A-Z][\w.'’-]*\s+){1,4}of\s+(?:the\s+)?"
)


def _listed(between: str) -> bool:
    return bool(
        _LIST_GAP.fullmatch(between)
        or _CITY_LIST_GAP.fullmatch(between)
        or _PERSON_LIST_GAP.fullmatch(between)
    )


def _replace(mention: Mention, role: str) -> Mention:
    return Mention(
        mention.start, mention.end, mention.text, mention.iso3, mention.kind, role, mention.options
    )
