"""Reading one sentence of a news item: meeting cues, lists, counterparts, pledges, headlines."""

from __future__ import annotations

import re

from lib.news import wordings as w
from lib.news.dates import DatePhrase
from lib.news.mentions import Mention, korean, mentions
from lib.news.people import person_near
from lib.news.text import Sentence

_NAME = r"[A-Z][\w'’.-]+(?:[\s-](?:de|De|del|da|bin|van|von|[A-Z][\w'’.-]+)){1,4}"
_PERSON_TITLES = (
    r"Ambassador|Mayor|Vice Mayor|Deputy Mayor|Deputy Chief of Mission|Consul[- ]General|"
    r"Chargé d'Affaires|Governor|Minister|Attaché"
)
_PERSON_AFTER_TITLE = re.compile(rf"\b(?:{_PERSON_TITLES}),?\s+(?:H\.E\.\s+)?(?P<name>{_NAME})")
_PERSON_BEFORE_TITLE = re.compile(
    rf"(?:H\.E\.\s+)?(?P<name>{_NAME}),\s+(?:the\s+)?(?:newly appointed\s+)?(?:{_PERSON_TITLES}|"
    r"Chief of Mission|Research|Military|First Secretary)"
)

_NOT_A_NAME = re.compile(r"WeGO|Secretary|Secretariat|Embassy|City|Republic|General|Office|Seoul")

_REPRESENTATIVE = re.compile(
    r"\b(?P<title>(?:Deputy\s+)?Secretary[- ]General|SG)\s+"
    r"(?P<name>(?:[A-Z][\w'’-]+\s){0,2}[A-Z][\w'’-]+)"
)
_KOREAN_REPRESENTATIVE = re.compile(r"(?P<name>[가-힣]{1,4})\s(?P<title>사무총장|사무차장)")


_HOST_AGENCY = re.compile(
    r"(?:한국|Korea[n]?\s)[^()\n]{0,60}?\((?P<acronym>[A-Z][A-Za-z&-]{1,9})\)"
)


def _host_agencies(text: str) -> list[str]:
    """Acronyms the item gives Korean agencies: "Korea International Cooperation Agency
    (KOICA)", "한국국제협력단(KOICA)"."""
    return list(dict.fromkeys(m.group("acronym") for m in _HOST_AGENCY.finditer(text)))


_VISITED_BEFORE = re.compile(
    r"\b(?:visited|visiting|visits?\s+to|trip\s+to|mission\s+to|travel(?:l)?ed\s+to)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_KOREAN_VISITED_AFTER = re.compile(r"^(?:을|를)\s?(?:방문|찾)")


def _visited(text: str, mention: Mention) -> bool:
    """Whether the sentence says the mission went to the country ("visited the UAE")."""
    if korean(text):
        return bool(_KOREAN_VISITED_AFTER.match(text[mention.end :]))
    return bool(_VISITED_BEFORE.search(text[: mention.start]))


def _cues(text: str, ko: bool) -> list[tuple[int, bool]]:
    """Where the sentence says a meeting happened, and whether each is still to come."""
    cues = []
    if ko:
        final_future = bool(w.KOREAN_FUTURE.search(text.rstrip())) or _present_tense(text)
        pledges = [m.start() for m in w.KOREAN_PLEDGE.finditer(text)]
        for match in w.KOREAN_MEETING_CUES.finditer(text):
            after = text[match.end() :]
            if _KOREAN_NOUN_AFTER_CUE.match(after):
                continue  # "참가 신청", "참가자", "방문객": a noun, not a meeting
            future = bool(w.KOREAN_FUTURE_AFTER.match(after))
            # "서울을 방문해 총회에 참석하기로 했다": a visit promised in the same clause
            future = future or any(
                match.start() <= at and not _KOREAN_CLAUSE_END.search(text[match.end() : at])
                for at in pledges
            )
            if final_future and not re.search(r"(?:했|었|았|였)", after.split(".")[0][:12]):
                future = True
            cues.append((match.start(), future))
        return cues
    text = text.replace("Meets Cities", "M____ Cities")  # the webinar's name is no meeting
    promised = [(m.end(), m.end() + 200) for m in w.PLEDGES.finditer(text)]
    for match in w.MEETING_CUES.finditer(text):
        clause = w.CLAUSE_BREAK.split(text[: match.start()])[-1]
        future = bool(w.FUTURE.search(clause))
        # "agreed to visit Seoul in September" is a pledge, not a meeting
        future = future or any(a <= match.start() < b for a, b in promised)
        cues.append((match.start(), future))
    return cues


# "참가 신청", "방문객", "방문으로", "면담에는": the word as a noun, not a meeting told
_KOREAN_NOUN_AFTER_CUE = re.compile(
    r"^(?:\s?신청|자|객|국|비|기관|대상|규모|인원|으로|이\s|에는|에서는)"
)


def _present_tense(text: str) -> bool:
    """A Korean sentence that ends in the present ("…배운다.", "…받는다."): a plan or a
    habit, as news items word what is coming; reported meetings end in the past ("…했다.")."""
    ending = re.search(r"([가-힣])다\.?\s*$", text)
    if not ending:
        return False
    syllable = ord(ending.group(1)) - 0xAC00
    return 0 <= syllable < 11172 and syllable % 28 == 4  # its last consonant is ㄴ


# A Korean clause that is over: "…만나 …했고", "…면담하고,", "…했으며".
_KOREAN_CLAUSE_END = re.compile(r"(?:했|였|었|았)(?:고|으며|는데)\s|[하했]고\s|,|며\s")


def _is_dateline(body: str, phrase: DatePhrase) -> bool:
    rest = (body[: phrase.start] + body[phrase.end :]).strip(" ,.–—-|")
    return len(rest) < 12 or bool(re.search(r"\|\s*$", body[: phrase.start]))


def _finished(text: str) -> bool:
    """Whether a line ends as a sentence does."""
    return bool(re.search(r"(?:[.!?]|다)[\"”’']?\s*$", text))


def _is_title(sentence: Sentence, body: str) -> bool:
    """A headline or a subheading: a short line near the top with no full stop."""
    return not _finished(body) and (
        sentence.paragraph == 0 or (sentence.paragraph <= 3 and len(body) < 90)
    )


def _is_byline(sentence: Sentence, body: str) -> bool:
    """A short line above the body that names who wrote it ("Embassy of Peru | 16 May 2022")."""
    return sentence.paragraph <= 2 and "|" in body and len(body) < 120


def _groups(text: str, found: list[Mention]) -> list[tuple[list[Mention], str]]:
    """Mentions listed together, each group with the part of the sentence that is about it."""
    groups: list[list[Mention]] = []
    for mention in found:
        between = text[groups[-1][-1].end : mention.start] if groups else ""
        if groups and re.fullmatch(r"[\s,，、·]*(?:and|및|와|과|or)?[\s,]*(?:the\s+)?", between):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    result = []
    for index, group in enumerate(groups):
        start = 0 if index == 0 else group[0].start
        end = groups[index + 1][0].start if index + 1 < len(groups) else len(text)
        result.append((group, text[start:end]))
    return result


def _counterpart_phrase(text: str, group: list[Mention], ko: bool) -> str:
    after = text[group[-1].end :]
    if ko:
        match = w.KOREAN_AFTER_COUNTRY.match(after)
        return match.group(0) if match else ""
    match = w.AFTER_COUNTRY.match(after)
    if match:
        return match.group(0)
    before = text[: group[0].start]
    found = w.BEFORE_COUNTRY.search(before)
    if found:
        return found.group(0)
    city = w.CITY_OF_COUNTRY.search(before)
    if city:
        return before[max(0, city.start() - 60) : city.end()]
    return ""


def _counterpart_name(text: str, group: list[Mention], ko: bool) -> str:
    """A person's name, or the office when the text names no one, for a single counterpart."""
    if ko:
        match = w.KOREAN_AFTER_COUNTRY.match(text[group[-1].end :])
        if match and len(group) == 1 and len(match.group(0).split()) > 1:
            return match.group(0).strip()
        return ""
    if len(group) > 1:
        return ""
    for pattern in (_PERSON_AFTER_TITLE, _PERSON_BEFORE_TITLE):
        for match in pattern.finditer(text):
            name = re.sub(r"(?<=[a-z]{2})\.$", "", match.group("name").strip())
            if not _NOT_A_NAME.search(name) and not mentions(name, False):
                return name
    return ""


def _person(text: str, found: list[Mention], mention: Mention) -> str:
    """The person the sentence introduces with this country, or ""."""
    index = found.index(mention)
    lower = found[index - 1].end if index else 0
    upper = found[index + 1].start if index + 1 < len(found) else len(text)
    return person_near(text, mention.start, mention.end, lower, upper)


def _has_pledge(text: str, ko: bool) -> bool:
    return bool(_pledges_in(text))


def _outside(matches, spans: list[tuple[int, int]]):
    """The first match that starts outside every span, or None."""
    return next((m for m in matches if not any(a <= m.start() < b for a, b in spans)), None)


def _pledge_spans(text: str) -> list[tuple[int, int]]:
    """Where the promised action of each English pledge runs, from its verb to its end."""
    spans = []
    for match in w.PLEDGES.finditer(text):
        end = w.PLEDGE_END.search(text[match.end() :])
        spans.append((match.end(), match.end() + end.start() if end else len(text)))
    return spans


def _pledges_in(text: str) -> list[tuple[int, str]]:
    """Each pledge in a sentence: (where it is, the pledge in a short phrase); a general
    readiness to cooperate ("협력하기로 했다", "agreed to strengthen cooperation") is none."""
    return [(at, what) for at, what in _promises_in(text) if not _generic(what)]


def _generic(pledge: str) -> bool:
    """A promise to cooperate that names nothing to follow up: no programme, no city, no
    purpose ("…할 수 있도록") and not the organisation itself."""
    if not _GENERIC_PLEDGE.search(pledge):
        return False
    from lib.news.gazetteer import cities_in
    from lib.news.records import programs_in

    named = re.search(r"WeGO|수 있도록", pledge) or programs_in(pledge) or cities_in(pledge)
    return not named


# Promises of nothing in particular: to cooperate, keep in touch, strengthen ties.
_GENERIC_PLEDGE = re.compile(
    r"^(?:[^.;]*?(?:지속\s?|긴밀히\s?|적극\s?)?(?:협력|소통|교류|노력|협조)(?:을|를)?\s?"
    r"(?:강화|확대|증진)?(?:하|해)?(?:기|나가기)$"
    r"|^[가-힣·\s]{0,40}?(?:협력|소통|교류|관계)(?:을|를)\s?(?:이어가기|이어\s?나가기|계속하기|지속하기)$"
    r"|^(?:further\s+)?(?:continue\s+to\s+)?(?:cooperate|work (?:closely )?together|"
    r"(?:strengthen|enhance|deepen|expand|promote|boost|further)\s+(?:the\s+)?(?:bilateral\s+)?"
    r"(?:cooperation|collaboration|ties|relations|friendship|"
    r"exchanges?(?: and (?:cooperation|collaboration))?)"
    r"|keep in (?:close )?touch|support\b)(?:[^,;]{0,40}|\s+(?:regarding|on|in|between)\b.*)?$)",
    re.IGNORECASE,
)


# A signed agreement binds both sides: a follow-up as much as a promise is.
_SIGNED = re.compile(
    r"\b(?:signed|signing of|sign)\s+(?P<what>(?:an?|the)\s+[\w\s'’-]{0,40}?"
    r"(?:agreement|memorandum(?: of understanding)?|MOU|MoU|protocol|letter of intent|accord))\b"
)


def _promises_in(text: str) -> list[tuple[int, str]]:
    found = []
    signed = None if korean(text) else _SIGNED.search(text)
    if signed:  # Korean agreements are left to the wordings of promises (measured: worse)
        found.append((signed.start(), f"Signed {signed.group('what').strip()}"))
    if korean(text):
        for match in w.KOREAN_PLEDGE.finditer(text):
            topic = re.search(r"\S+(?:은|는)\s", text[: match.start()])
            start = topic.end() if topic else 0
            # "…을 소개하고 연수 프로그램에 공무원을 보내겠다고": the promise is the last clause
            clause = list(
                re.finditer(
                    r"(?:하고|했고|하며|했으며|,|[”\"’']\s?(?:라?며|라?고))\s",
                    text[start : match.start()],
                )
            )
            start = start + clause[-1].end() if clause else start
            if match.group("noun") is not None:  # "…개막식 참가를 약속했다"
                found.append((match.start(), text[start : match.end("noun")].strip() + "하기"))
                continue
            if match.group("plan") is not None:  # "…검토할 계획이라고 밝혔다": the plan as said
                phrase = text[start : match.end("plan")] + "할 계획"
                found.append((match.start(), re.sub(r"할 계획$", "", phrase).strip() + "하기"))
                continue
            stem = match.group("stem")
            phrase = (text[start : match.start()] + stem).strip()
            phrase = re.sub(r"(?:하|해|주)?$", lambda m: m.group(0), phrase)
            found.append((match.start(), phrase + "기"))
        return found
    for match in w.PLEDGES.finditer(text):
        if True:
            what = text[match.end() :]
            end = w.PLEDGE_END.search(what)
            what = what[: end.start()] if end else what
            what = what.strip(" ,.;")
            if len(what.split()) < 2:
                continue
            found.append((match.start(), what[0].upper() + what[1:]))
    found.sort()
    kept: list[tuple[int, str]] = []
    for position, what in found:
        if not any(what in other or other in what for _, other in kept):
            kept.append((position, what))
    return kept


def _owners(found: list[Mention], position: int, drafts: list) -> list:
    """The drafts a pledge at `position` belongs to: those named last before it."""
    if not found:
        return drafts
    before = [m for m in found if m.start < position]
    if not before:
        return drafts
    last = before[-1]
    codes = {last.iso3}
    # A list just before the pledge ("Mexico and Brazil … both assured") shares it.
    for mention in reversed(before[:-1]):
        between = found  # noqa: F841 - kept simple: consecutive listed mentions share
        if mention.end >= last.start - 12:
            codes.add(mention.iso3)
            last = mention
        else:
            break
    owners = [d for d in drafts if d.iso3 in codes]
    return owners or drafts


def _latest_per_country(drafts: list) -> list:
    latest: dict = {}
    for draft in drafts:
        latest[draft.iso3] = draft
    return list(latest.values())


def _meeting_type(text: str, ko: bool, event: bool) -> str:
    lowered = text.lower()
    if event:
        return "event"
    if "courtesy" in lowered or "예방" in text:
        return "courtesy call"
    if "bilateral" in lowered or "양자" in text:
        return "bilateral meeting"
    if re.search(r"\bsign(?:ed|ing)\b", lowered) or "서명" in text or "체결" in text:
        return "signing"
    if "working meeting" in lowered:
        return "working meeting"
    if re.search(r"visited (?:the )?wego|사무국을 (?:방문|찾)", lowered):
        return "visit to WeGO"
    if re.search(r"visit(?:ed)? (?:to )?the embassy|대사관을 방문", lowered):
        return "visit to the embassy"
    if "talks" in lowered:
        return "talks"
    return "meeting"


def _representatives(text: str) -> list[str]:
    """The organisation's people the item names, in their fullest form, first named first."""
    names: list[str] = []
    for match in _REPRESENTATIVE.finditer(text):
        name = match.group("name")
        if len(name.split()) >= 2 or "-" in name:
            names.append(f"Secretary General {name}")
    for match in _KOREAN_REPRESENTATIVE.finditer(text):
        if len(match.group("name")) >= 3:
            names.append(f"{match.group('name')} {match.group('title')}")
    return list(dict.fromkeys(names))
