"""Groups of countries named together (ASEAN, the GCC, the EU), read as their members only
when the text says every member's envoy took part ("all ten ASEAN ambassadors",
"아세안 10개국 대사").

A group named without that ("ASEAN envoys", "some EU ambassadors") stays a group: its
members are not guessed. The members and the groups' names are data
(data/country_groups.csv, data/group_names.csv), read through lib.countries as the form and
the import read them.
"""

from __future__ import annotations

import re

from lib.countries import country_groups, group_names
from lib.news.mentions import Mention

MEMBERS = country_groups()
_NAMES = group_names()
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
