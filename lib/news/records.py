"""From the reading of an item to format v1 records, each field with its evidence."""

from __future__ import annotations

import functools
import re
from functools import cache
from typing import TYPE_CHECKING

from lib.countries import country_by_iso3
from lib.i18n import L_
from lib.meetings import FORMAT_COLUMNS
from lib.news import wordings as w
from lib.news.dates import date_cell, fitted
from lib.news.due import due_date
from lib.news.gazetteer import cities_in, country_of_city
from lib.news.mentions import korean, mentions
from lib.programs import program_catalogue

if TYPE_CHECKING:
    from lib.news.drafting import Evidence, _Item

NOT_CITIES = re.compile(
    r"^(?:WeGO|The|Secretariat|Secretary|General|Embassy|Korea|Smart|Global|Latin|Ambassador|"
    r"Mayor|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Seoul Global|Seoul Metropolitan|Seoul Smart|Seoul Digital|World|Annual|Central|"
    r"Asia|Africa|Europe|Canadian|Healthy|Smart City|WeGO's|Northeast|Solution|Executive|"
    r"Research|Federation|Global|Regional|Quebec Government|Royal|Thai|Republic)\b"
)
_CITY_PATTERNS = [
    re.compile(r"\b(?:city|capital|town|municipality) of ([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})"),
    re.compile(r"\bcapital(?: city)? ([A-Z][\w'’-]+)"),
    re.compile(r"\b((?:[A-Z][\w'’-]+\s){1,3}City)\b"),
    re.compile(r"\bMayor of ([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})"),
    re.compile(r"\bsuch as ([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})"),
    re.compile(r"\bin ([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})"),
    re.compile(
        r"\b([A-Z][\w'’-]+)['’]s "
        r"(?:mayor|urban|capital|plans|smart|experience|representatives|delegation)"
    ),
    re.compile(r"\b([A-Z][\w'’-]+) delegation\b"),
]  # fmt: skip
_KOREAN_CITY = [
    re.compile(r"([가-힣]{2,})시(?=[의는가와이을를\s]|청|장|의회)"),
    re.compile(r"수도\s([가-힣]{2,}?)(?:의|는|가|시)"),
]


def name(iso3: str) -> str:
    """A country's name as the format writes it."""
    return country_by_iso3(iso3).name


def records(item: _Item, source_url: str, source_title: str):
    """The item's drafts as format v1 records, and for each the evidence of its fields."""
    from lib.news.drafting import Evidence, Unplaced

    found, evidence = [], []
    for draft in item.drafts:
        window = draft.window or item._context_window(draft.sentences[0])
        first, precision, covers = fitted(window)
        texts = " ".join(draft.texts)
        programs = _programs(texts)
        cities = _cities(item, texts, draft.iso3)
        dues = [due_date(pledge, window.last) for pledge in draft.pledges]
        due = min((d for d in dues if d), default=None)
        record = dict.fromkeys(FORMAT_COLUMNS, "")
        record.update(
            date=date_cell(first, precision),
            date_precision=precision,
            country=name(draft.iso3),
            event=draft.event,
            counterpart=draft.counterpart,
            counterpart_title=draft.title,
            counterpart_type=draft.kind,
            representative=draft.representative,
            meeting_type=draft.meeting_type,
            location=draft.location,
            programs="; ".join(programs),
            cities="; ".join(cities),
            follow_up="; ".join(draft.pledges),
            follow_up_due=due.isoformat() if due else "",
            summary=" ".join(item.sentences[n].text for n in sorted(draft.sentences)),
            source_title=source_title.strip(),
            source_url=source_url.strip(),
        )
        found.append(record)
        evidence.append(_evidence(item, draft, record, programs, cities, dues, covers, Evidence))
        if not covers:
            item.unplaced.append(
                Unplaced(
                    record["summary"],
                    L_(
                        "{country}: the text allows {first} to {last}, which no single "
                        "date of the format covers; the draft says {year}. Check the date.",
                        country=record["country"],
                        first=window.first.isoformat(),
                        last=window.last.isoformat(),
                        year=str(first.year),
                    ),
                    draft.iso3,
                )
            )
        if any(n in item.assumed for n in draft.sentences[:1]):
            item.unplaced.append(
                Unplaced(
                    record["summary"],
                    L_(
                        "{country}: the text gives no date for this meeting; the draft "
                        "assumes the week before publication. Check the date.",
                        country=record["country"],
                    ),
                    draft.iso3,
                )
            )
    return found, evidence


def _evidence(item, draft, record, programs, cities, dues, covers, evidence_type):
    """Each filled field of a draft → Evidence(sentence, sure)."""
    sentences = item.sentences
    shared = {
        n for other in item.drafts if other is not draft and other.iso3 != draft.iso3
        for n in other.sentences
    }  # fmt: skip

    def said(number: int, sure: bool) -> Evidence:
        return evidence_type(sentences[number].text, sure)

    def where(words: list[str]) -> tuple[int, bool] | None:
        """The first of the draft's sentences naming all of `words`; unsure when that
        sentence is also another country's."""
        for number in sorted(draft.sentences):
            if all(word.lower() in sentences[number].text.lower() for word in words):
                return number, number not in shared
        return None

    fields: dict[str, Evidence] = {}
    first = draft.sentences[0]
    number, sure = draft.evidence.get("country", (first, True))
    fields["country"] = said(number, sure)
    number, sure = draft.evidence.get("date", (first, False))
    sure = sure and covers and not any(n in item.assumed for n in draft.sentences[:1])
    fields["date"] = fields["date_precision"] = said(number, sure)
    if record["counterpart"] or record["counterpart_title"]:
        number, sure = draft.evidence.get("counterpart", (first, True))
        fields["counterpart"] = said(number, sure)
    for field_name, values in (("programs", programs), ("cities", cities)):
        if values:
            if field_name == "programs":
                places = [
                    next(
                        (
                            (n, n not in shared)
                            for n in sorted(draft.sentences)
                            if value in programs_in(sentences[n].text)
                        ),
                        None,
                    )
                    for value in values
                ]
            else:
                places = [where([value]) for value in values]
            placed = [p for p in places if p]
            number = placed[0][0] if placed else first
            fields[field_name] = said(number, all(p[1] for p in placed) and bool(placed))
    if draft.pledges:
        numbers = [n for n, _ in draft.pledge_evidence] or [first]
        sure = all(s for _, s in draft.pledge_evidence)
        fields["follow_up"] = said(numbers[0], sure)
        dated = [i for i, due in enumerate(dues) if due]
        if dated:
            index = min(dated, key=lambda i: dues[i])
            at, sure = (draft.pledge_evidence + [(first, False)] * len(dues))[index]
            fields["follow_up_due"] = said(at, sure)
    return fields


def _cities(item, text: str, iso3: str) -> list[str]:
    """The cities of the draft's country its sentences name (a city the gazetteer places
    in another country is that country's, not this draft's)."""
    cities = [
        city
        for city in _named_cities(item, text)
        if country_of_city(city) in ("", iso3) and item.cities.get(city, iso3) == iso3
    ]
    cities += [city for _, _, city, code in cities_in(text) if code == iso3]
    return [c for c in dict.fromkeys(cities) if not any(c != o and c in o for o in cities)]


def _named_cities(item, text: str) -> list[str]:
    found: list[str] = []
    if korean(text):
        for pattern in _KOREAN_CITY:
            found += [m.group(1) for m in pattern.finditer(text)]
        found += [city for city in item.cities if re.search("[가-힣]", city) and city in text]
    else:
        for pattern in _CITY_PATTERNS:
            found += [m.group(1).strip() for m in pattern.finditer(text)]
        found += [city for city in item.cities if not re.search("[가-힣]", city) and city in text]
    names = mentions(" ".join(found), False) if found else []
    countries = {m.text for m in names}
    cities = []
    for city in found:
        city = re.sub(r"^(?:the|The)\s+", "", city)
        city = re.sub(r"['’]s$", "", city)
        if not city or NOT_CITIES.match(city) or city in countries or len(city) < 2:
            continue
        if any(city != other and city in other for other in found):
            continue
        cities.append(city)
    return list(dict.fromkeys(cities))


@cache
def _program_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every wording of every catalogue programme, and the programme of each."""
    wordings: dict[str, str] = {}
    for row in program_catalogue().itertuples():
        for alias in [row.program, *row.aliases.split(";")]:
            alias = re.sub(r"\s*\([^)]*\)$", "", alias.strip())
            if alias:
                wordings.setdefault(alias, row.program)
    wordings.update(w.KOREAN_PROGRAMS)
    parts, programs = [], {}
    for wording in sorted(wordings, key=len, reverse=True):
        spelled = r"\s?".join(re.escape(part) for part in wording.split(" "))
        # a Korean wording is followed by its particle: "WeGO 연수 프로그램에"
        after = r"(?![A-Za-z0-9])" if re.search("[가-힣]", wording) else r"(?!\w)"
        parts.append(f"(?i:{spelled}){after}" if len(wording) > 5 else f"{spelled}{after}")
        programs.setdefault(_key(wording), wordings[wording])
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + ")"), programs


def _key(wording: str) -> str:
    return re.sub(r"\s", "", wording).lower()


@functools.lru_cache(maxsize=4096)
def _programs_cached(text: str) -> tuple[str, ...]:
    pattern, programs = _program_pattern()
    found = [programs.get(_key(m.group(0)), "") for m in pattern.finditer(text)]
    return tuple(dict.fromkeys(p for p in found if p))


def programs_in(text: str) -> list[str]:
    """The catalogue programmes a text talks about, in the order they come."""
    return list(_programs_cached(text))


_programs = programs_in
