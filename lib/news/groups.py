"""Groups of countries named together (ASEAN, the GCC, the EU), read as their members only
when the text says every member's envoy took part ("all ten ASEAN ambassadors",
"아세안 10개국 대사").

A group named without that ("ASEAN envoys", "some EU ambassadors") stays a group: its
members are not guessed. The members below are news's own small table (the lead keeps
country wordings in data files read through lib.countries; this one names groups, not
countries).
"""

from __future__ import annotations

import re

from lib.news.mentions import Mention

MEMBERS = {
    "ASEAN": ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"),
    "GCC": ("BHR", "KWT", "OMN", "QAT", "SAU", "ARE"),
    "EU": (
        "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC",
        "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK",
        "SVN", "ESP", "SWE",
    ),
}  # fmt: skip
_NAMES = {
    "ASEAN": "ASEAN", "아세안": "ASEAN", "동남아시아국가연합": "ASEAN",
    "GCC": "GCC", "걸프협력회의": "GCC", "Gulf Cooperation Council": "GCC",
    "EU": "EU", "European Union": "EU", "유럽연합": "EU",
}  # fmt: skip
_NUMBERS = {
    "six": 6, "ten": 10, "twenty-seven": 27, "all": 0, "every": 0, "each": 0, "all the": 0,
}  # fmt: skip
_GROUP = "|".join(re.escape(name) for name in sorted(_NAMES, key=len, reverse=True))
_ENVOYS = (
    r"(?:ambassadors?|envoys?|heads? of mission|diplomats?|missions?|embassies|representatives)"
)
# "all ten ASEAN ambassadors", "the ambassadors of all six GCC states", "every EU envoy"
_ENGLISH = re.compile(
    rf"\b(?P<count>all(?: the)?|every|each|six|ten|twenty-seven|\d+)\s+(?:of the\s+)?"
    rf"(?P<group>{_GROUP})(?:\s+member)?(?:\s+(?:states|countries|nations|member states))?",
    re.IGNORECASE,
)
_ENVOYS_NEAR = re.compile(_ENVOYS, re.IGNORECASE)
_KOREAN = re.compile(
    rf"(?P<group>{_GROUP})\s?(?:회원국\s?)?(?:(?P<count>\d+)개국|전체|모든\s?회원국)\s?"
    r"(?:주한\s?)?(?:대사|외교관|대사관|공관장)"
)


def group_mentions(sentence: str) -> list[Mention]:
    """A member's mention for each member of a group whose every envoy the sentence names."""
    found: list[Mention] = []
    for match in _ENGLISH.finditer(sentence):
        near = sentence[max(0, match.start() - 40) : match.end() + 40]
        if not _ENVOYS_NEAR.search(near):
            continue
        group = _group(match.group("group"))
        count = match.group("count").lower()
        wanted = int(count) if count.isdigit() else _NUMBERS.get(count, -1)
        if group and wanted in (0, len(MEMBERS[group])):
            found += _members(group, match)
    for match in _KOREAN.finditer(sentence):
        group = _group(match.group("group"))
        count = match.group("count")
        if group and (count is None or int(count) == len(MEMBERS[group])):
            found += _members(group, match)
    return found


def _group(name: str | None) -> str:
    if not name:
        return ""
    for written, group in _NAMES.items():
        if written.lower() == name.lower():
            return group
    return ""


def _members(group: str, match: re.Match) -> list[Mention]:
    return [
        Mention(match.start(), match.end(), match.group(0), iso3, "group", "met")
        for iso3 in MEMBERS[group]
    ]
