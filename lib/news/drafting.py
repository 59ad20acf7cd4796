"""From a news item's sentences to draft meetings: who was met, when, and what was pledged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from lib.countries import country_by_iso3
from lib.i18n import L_
from lib.meetings import FORMAT_COLUMNS
from lib.news import wordings as w
from lib.news.dates import (
    DatePhrase,
    Window,
    date_cell,
    date_phrases,
    fitted,
    published_date,
    year_before,
)
from lib.news.gazetteer import cities_in, country_of_city
from lib.news.mentions import HOST, Mention, korean, mentions
from lib.news.people import keys_of, named_in, person_near
from lib.news.text import Sentence, sentences
from lib.programs import program_catalogue

_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]+(?:,\s[A-Za-z .'’-]+)*?"
    r"(?:,\s[A-Z][a-z]+\.?\s\d{1,2}(?:,\s\d{4})?)?\s*[–—-]\s*"
    # "Seoul, 14 May 2025 –", "Nairobi, May 14, 2025 -", "KARACHI, Apr 22 (APP):"
    r"|^[A-Z][\w .'’-]{1,30}(?:,\s[A-Z][\w .'’-]{1,30})?,\s(?:\d{1,2}\s[A-Z][a-z]+\.?(?:\s\d{4})?|"
    r"[A-Z][a-z]+\.?\s\d{1,2}(?:,\s\d{4})?)\s*(?:\([A-Z]+\))?\s*[–—:-]\s*"
)
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
# "25일 경기도에 따르면": the day the news was given out, not the day of the meeting.
_REPORTED = re.compile(r"^\s?[가-힣]{1,12}(?:에|의)\s?따르면")
_FORMER = re.compile(r"\b(?:former|formerly|previously|served as|was once|ex-)\b", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"WeGO|Secretary|Secretariat|Embassy|City|Republic|General|Office|Seoul")
# Heads of departments and companies: "Director General of …", "Chief Executive Officer of …".
_EXECUTIVE_TITLES = (
    r"Director[- ]General|[Dd]irectors?|Chief Executive Officer|CEO|Commissioner|"
    r"Chair(?:man|woman|person)?"
)
_OFFICE = re.compile(
    rf"\b(?P<office>(?:the\s+)?(?:First\s+)?(?:{_PERSON_TITLES}|{_EXECUTIVE_TITLES}|"
    r"Vice Chairman|delegation)"
    r"(?:\s+of|\s+from)\s+(?:the\s+)?(?P<place>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,5}))"
)
_KOREAN_OFFICE = re.compile(
    rf"(?P<place>[가-힣]{{2,}}?)(?:시|시의회|시청)?\s?(?P<title>{w.KOREAN_COUNTERPARTS})"
    r"(?=들?[은는이가을를의와과도]|\s)"
)
# Words before "대표단" that are no place: "이어 대표단은" is the organisation's own delegation.
# Nor are words for any city: "회원도시 시장들과" names no one in particular.
_KOREAN_NOT_PLACES = re.compile(
    r"^(?:이어|이어서|또|또한|한편|이후|앞서|이날|당시|함께|다시|우리|이번|"
    r"회원도시|도시|각국|여러|주요|현지|해외|외국|관련|참석|참가)$"
)
# "Johor Bahru's Mayor, Dato' …": a city's office named before the title.
_POSSESSIVE_OFFICE = re.compile(
    r"\b(?P<place>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3})['’]s\s+(?:newly[- ]appointed\s+|new\s+)?"
    rf"(?P<title>{_PERSON_TITLES}|{_EXECUTIVE_TITLES}|City Council|City Government|"
    r"Municipality)\b"
)
# "spent the day at Dubai Municipality with the directors": a city's body met by its staff.
_AT_BODY = re.compile(
    r"\b(?:at|with|to)\s+(?:the\s+)?(?P<place>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2})\s+"
    r"(?P<body>Municipality|City Hall|City Council|City Government|Metropolitan Government|"
    r"Municipal Council)\b"
)
# A counterpart with no place: "Ambassador Rodríguez hosted SG Park at the Embassy".
_BARE_TITLE = re.compile(
    r"\b(?:Ambassador|Deputy Ambassador|Consul[- ]General|Chargé d'Affaires)\b"
)
_REPRESENTATIVE = re.compile(
    r"\b(?P<title>(?:Deputy\s+)?Secretary[- ]General|SG)\s+"
    r"(?P<name>(?:[A-Z][\w'’-]+\s){0,2}[A-Z][\w'’-]+)"
)
_KOREAN_REPRESENTATIVE = re.compile(r"(?P<name>[가-힣]{1,4})\s(?P<title>사무총장|사무차장)")
_EVENT = re.compile(
    r"(?P<name>(?:\d{4}\s+)?(?:[A-Z][\w'’-]*\s+){1,5}(?:Kick-?[Oo]ff|Forum|Summit|Reception|"
    r"Workshop|Pre-workshop|Conference|Assembly|Celebration|Expo|Ceremony|Seminar|Dialogue|"
    r"Roundtable|Festival|Webinar|Gala|Dinner|Luncheon|Day celebration)(?:\s\d{4})?)"
)
_KOREAN_EVENT = re.compile(
    r"[‘'“\"](?P<quoted>[^’'”\"]{3,40})[’'”\"]|(?P<name>[가-힣A-Za-z0-9]+\s?(?:행사|간담회|포럼|총회|"
    r"정상회의|박람회|세미나|워크숍|리셉션|킥오프))"
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
_KOREAN_CITY_AFTER_COUNTRY = re.compile(
    r"\s([가-힣]{2,}?)\s?(?:시(?=[\s의는가와이을를]|의회|청|장)|시장|부시장)"
    # "헝가리 부다페스트, 폴란드 루블린 …": a country, then its city, in a list
    r"|\s([가-힣]{2,8})(?=\s?[,·、]|\s(?:등|대표단|시장|부시장|관계자|측)|[와과]\s)"
)
_KOREAN_CITY = [
    re.compile(r"([가-힣]{2,})시(?=[의는가와이을를\s]|청|장|의회)"),
    re.compile(r"수도\s([가-힣]{2,}?)(?:의|는|가|시)"),
]
_NOT_CITIES = re.compile(
    r"^(?:WeGO|The|Secretariat|Secretary|General|Embassy|Korea|Smart|Global|Latin|Ambassador|"
    r"Mayor|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Seoul Global|Seoul Metropolitan|Seoul Smart|Seoul Digital|World|Annual|Central|"
    r"Asia|Africa|Europe|Canadian|Healthy|Smart City|WeGO's|Northeast|Solution|Executive|"
    r"Research|Federation|Global|Regional|Quebec Government|Royal|Thai|Republic)\b"
)


@dataclass(frozen=True)
class Unplaced:
    """A mention the drafts do not hold, with the sentence it is in and why."""

    sentence: str
    reason: L_
    country: str = ""


@dataclass
class _Draft:
    iso3: str
    title: str = ""
    kind: str = ""
    counterpart: str = ""
    window: Window | None = None
    own_window: Window | None = None
    sentences: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    pledges: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)  # words that name its counterpart later
    event: str = ""
    meeting_type: str = ""
    representative: str = ""
    location: str = ""


@dataclass
class Drafting:
    """The drafts of one item, the mentions left out, and the notes on doubtful dates."""

    drafts: list[dict[str, str]]
    unplaced: list[Unplaced]
    published_guess: date | None


class _Item:
    """The reading of one item, sentence by sentence."""

    def __init__(self, text: str, published: date) -> None:
        self.published = published
        self.sentences: list[Sentence] = sentences(text)
        self.drafts: list[_Draft] = []
        self.unplaced: list[Unplaced] = []
        self.focus: list[_Draft] = []
        self.focus_paragraph = -1
        self.meeting_paragraph = -1
        self.voice = ""  # the mission that wrote the item ("Embassy of Costa Rica in Seoul |")
        self.cities: dict[str, str] = {}
        self.places: list[str] = []  # countries the item names as where it happened
        self.visited: list[str] = []  # countries the mission went to ("visited the UAE")
        self.headline: list[str] = []  # countries the headline names as counterparts
        self.frame: Window | None = None
        self.paragraph_window: Window | None = None
        self.last_day: date | None = None
        self.representatives = _representatives(text)
        self.host_agencies = _host_agencies(text)
        self.assumed: set[int] = set()
        # Lines above the first full sentence (headlines, subheadings, page chrome) name
        # places and events, not meetings.
        self.body_start = next(
            (n for n, s in enumerate(self.sentences) if _finished(s.text) and len(s.text) > 40),
            0,
        )

    # The whole item ---------------------------------------------------------------------

    def read(self) -> None:
        paragraph = -1
        for number, sentence in enumerate(self.sentences):
            if sentence.paragraph != paragraph:
                paragraph = sentence.paragraph
                self.paragraph_window = None
            self._read(number, sentence)

    def _read(self, number: int, sentence: Sentence) -> None:
        text = sentence.text
        ko = korean(text)
        body = _DATELINE.sub("", text) if not ko else text
        shift = len(text) - len(body)
        cues = _cues(body, ko)
        meeting = any(not future for _, future in cues)
        planned = bool(cues) and not meeting
        found = mentions(text, meeting)
        self._learn_places(text, found, number)
        own = self._own_window(body, shift, cues, meeting, number)
        if (
            _is_title(sentence, body)
            or _is_byline(sentence, body)
            or (number < self.body_start and not _finished(body))
        ):
            strong = [m for m in found if m.role == "met" and m.iso3 and m.iso3 != HOST]
            if _is_byline(sentence, body) and len(strong) == 1:
                self.voice = strong[0].iso3
            self.headline += [m.iso3 for m in strong]
            return  # a headline repeats the body: it names places and events, not meetings
        strong = [m for m in found if m.role == "met" and m.iso3]
        if (
            strong
            and not meeting
            and not planned
            and (
                sentence.paragraph == self.meeting_paragraph
                # "The diplomats included …", "The first batch was composed of Ambassadors …":
                # the counterparts of a meeting told before, in a later paragraph
                or (not ko and self.meeting_paragraph >= 0 and not _FORMER.search(body))
            )
            and not (w.KOREAN_FUTURE if ko else w.FUTURE).search(body)
        ):
            meeting = True  # "X, Chargé d'Affaires of the Ecuadorian Embassy, opened the session"
        if meeting:
            self.meeting_paragraph = sentence.paragraph
            self._meeting(number, sentence, found, own)
        elif planned:
            self._planned(number, sentence, found)
        else:
            self._other(number, sentence, found)

    # Dates -------------------------------------------------------------------------------

    def _own_window(self, body, shift, cues, meeting, number) -> Window | None:
        """The window the sentence's own date wording gives, if any; keeps the context."""
        phrases = [
            p
            for p in date_phrases(body, self.published)
            if not _is_dateline(body, p) and not _REPORTED.match(body[p.end :])
        ]
        usable = [
            p for p in phrases if not p.future or (meeting and p.window and p.window.days <= 7)
        ]
        if not usable:
            return None
        first_cue = min((pos for pos, future in cues if not future), default=len(body))
        before = [p for p in usable if p.start <= first_cue]
        chosen = before[0] if before else usable[0]
        window = self._resolve(chosen)
        if window is None:
            return None
        if not meeting and chosen.future:
            return None
        if chosen.future and window.first > self.published:
            window = year_before(window)
        self.paragraph_window = window
        if self.frame is None and not _is_title(self.sentences[number], body):
            self.frame = window
        if window.days == 1:
            self.last_day = window.first
        return window

    def _resolve(self, phrase: DatePhrase) -> Window | None:
        if phrase.window is not None:
            return phrase.window
        if phrase.relative == "later":  # "a few weeks later": after the last date, up to now
            base = self.paragraph_window or self.frame
            return Window(base.first, self.published) if base else None
        if self.last_day is None and phrase.relative == "same":
            return Window(self.published, self.published)  # "이날" before any day: the dateline's
        if self.last_day is None:
            return None
        day = self.last_day + timedelta(days=1 if phrase.relative == "next" else 0)
        return Window(day, day)

    def _context_window(self, number: int) -> Window:
        window = self.paragraph_window or self.frame
        if window is None:
            self.assumed.add(number)
            return Window(self.published - timedelta(days=6), self.published)
        return window

    # Sentences that say a meeting happened ------------------------------------------------

    def _meeting(self, number: int, sentence: Sentence, found: list[Mention], own) -> None:
        text = sentence.text
        ko = korean(text)
        met = [m for m in found if m.role in ("met", "plain") and m.kind != "ambiguous"]
        met = [m for m in met if not (m.iso3 == HOST and m.role != "met")]
        # "pledged to circulate the call among Ecuadorian mayors": what is promised, not who
        spans = [] if ko else _pledge_spans(text)
        met = [m for m in met if not any(a <= m.start < b for a, b in spans)]
        if not any(m.iso3 == HOST for m in met):
            met += self._host_office_abroad(text, ko)
        self._note_ambiguous(sentence, found)
        self._note_not_met(sentence, [m for m in found if m not in met], planned=False)
        touched: list[_Draft] = []
        if met:
            groups = _groups(text, met)
            said = [w.title_and_type(_counterpart_phrase(text, g, ko), ko) for g, _ in groups]
            # "the ambassadors of Turkmenistan, who …, and Afghanistan": one title for all.
            fallback = next((pair for pair in said if pair[0] or pair[1]), ("", ""))
            for (group, segment), (title, kind) in zip(groups, said, strict=True):
                if not title and not kind:
                    title, kind = fallback
                if not title and kind in ("embassy", "consulate") and len(groups) == 1:
                    # "Deputy Ambassador Carla Medina of the Embassy of Peru": the embassy is
                    # named beside the country, the person's title elsewhere in the sentence
                    title = w.person_title(text, ko) or title
                counterpart = _counterpart_name(text, group, ko) if len(groups) == 1 else ""
                for mention in group:
                    person = _person(text, met, mention)
                    draft = self._draft_for(
                        mention.iso3, title, kind, counterpart or person, own, number
                    )
                    draft.people += [k for k in keys_of(person) if k not in draft.people]
                    draft.texts.append(segment)
                    touched.append(draft)
            self._pledges(text, met + self._people_named(text), touched, number)
        elif self._people_named(text):
            self._by_people(number, text)
            return
        else:
            office = self._office_without_country(text, ko)
            by_city = self._city_drafts(text)
            if office is not None and (office[0] or by_city):
                iso3, title, kind, counterpart = office
                draft = self._draft_for(
                    iso3 or by_city[0].iso3, title, kind, counterpart, own, number
                )
                draft.texts.append(text)
                touched.append(draft)
                self._pledges(text, [], touched, number)
            elif by_city:
                self._attach(number, text, by_city)
                return
            elif self.focus and self._refers_back(text, ko, sentence.paragraph):
                self._attach_back(number, text, ko)
                return
            elif office is not None:
                self.unplaced.append(
                    Unplaced(
                        text,
                        L_(
                            "A meeting is described here, but the text does not say which "
                            "country the counterpart is from. Add it as a row if it counts."
                        ),
                    )
                )
        if touched:
            self._finish(number, sentence, touched)

    def _draft_for(self, iso3, title, kind, counterpart, own, number) -> _Draft:
        for draft in self.drafts:
            if draft.iso3 != iso3:
                continue
            if title and draft.title and title != draft.title:
                continue
            if counterpart and draft.counterpart and counterpart != draft.counterpart:
                continue
            if kind and draft.kind and kind != draft.kind:
                continue
            if own and draft.own_window and own != draft.own_window:
                continue
            if own and draft.own_window is None and draft.window != own:
                continue
            draft.title = draft.title or title
            draft.kind = draft.kind or kind
            draft.counterpart = draft.counterpart or counterpart
            if number not in draft.sentences:
                draft.sentences.append(number)
            return draft
        visit = self._visit_draft(iso3, own, counterpart)
        if visit is not None:
            visit.title, visit.kind, visit.counterpart = title, kind, counterpart
            visit.window = visit.own_window = own
            visit.sentences.append(number)
            return visit
        draft = _Draft(
            iso3,
            title,
            kind,
            counterpart,
            window=own or self._context_window(number),
            own_window=own,
            sentences=[number],
        )
        self.drafts.append(draft)
        return draft

    def _visit_draft(self, iso3, own, counterpart) -> _Draft | None:
        """The draft of a visit to the country ("visited the UAE from 2 to 4 May") that no
        counterpart was named for yet: its first meeting within those days takes it over."""
        if not own or not counterpart or iso3 not in self.visited:
            return None
        for draft in self.drafts:
            if (
                draft.iso3 == iso3
                and not (draft.title or draft.kind or draft.counterpart or draft.pledges)
                and draft.own_window is not None
                and draft.own_window.days > own.days
                and draft.own_window.first <= own.first
                and own.last <= draft.own_window.last
            ):
                return draft
        return None

    def _finish(self, number: int, sentence: Sentence, touched: list[_Draft]) -> None:
        text = sentence.text
        ko = korean(text)
        unique = list(dict.fromkeys(id(d) for d in touched))
        drafts = [next(d for d in touched if id(d) == key) for key in unique]
        event = ""
        if (w.KOREAN_EVENT_CUES if ko else w.EVENT_CUES).search(text):
            event = self._event_name(number)
        for draft in drafts:
            draft.event = draft.event or event
            draft.meeting_type = draft.meeting_type or _meeting_type(text, ko, bool(event))
            draft.representative = draft.representative or self._representative(text, ko)
            draft.location = draft.location or self._location(text, ko, draft)
            if draft.kind == "" and ("City Government" in text or "city government" in text):
                draft.kind = "city government"
        self.focus = drafts
        self.focus_paragraph = sentence.paragraph

    # Other sentences ---------------------------------------------------------------------

    def _planned(self, number: int, sentence: Sentence, found: list[Mention]) -> None:
        known = {d.iso3 for d in self.drafts}
        if any(m.iso3 in known for m in found) or (not found and self.focus):
            self._other(number, sentence, [m for m in found if m.iso3 in known])
        for mention in found:
            if mention.iso3 and mention.iso3 not in known and mention.role in ("met", "plain"):
                self.unplaced.append(
                    Unplaced(
                        sentence.text,
                        L_(
                            "{country}: the text describes a meeting still to come, not one "
                            "that took place.",
                            country=_name(mention.iso3),
                        ),
                        mention.iso3,
                    )
                )

    def _other(self, number: int, sentence: Sentence, found: list[Mention]) -> None:
        text = sentence.text
        ko = korean(text)
        known = {d.iso3 for d in self.drafts}
        attached = [m for m in found if m.iso3 in known and m.role in ("met", "plain", "not met")]
        strong_new = [
            m
            for m in found
            if m.role == "met" and m.iso3 and m.iso3 not in known and _has_pledge(text, ko)
        ]
        if strong_new:  # "The Ambassador of Chile pledged to …": a pledge means they met
            self._meeting(number, sentence, found, None)
            return
        if not found and _has_pledge(text, ko) and self._new_counterpart(text, ko):
            # "Then X, CEO of Masdar City, offered to help …": another counterpart, also met
            self._meeting(number, sentence, found, None)
            return
        self._note_ambiguous(sentence, found)
        self._note_not_met(sentence, [m for m in found if m.iso3 not in known], planned=False)
        if attached:
            drafts = [d for d in self.drafts if d.iso3 in {m.iso3 for m in attached}]
            if self.focus and all(d in self.focus for d in drafts) is False:
                drafts = [d for d in drafts if d in self.focus] or drafts
            self._attach(number, text, _latest_per_country(drafts), attached)
        elif self._people_named(text):
            self._by_people(number, text)
        elif self._city_drafts(text):
            self._attach(number, text, self._city_drafts(text))
        elif self.focus and self._refers_back(text, ko, sentence.paragraph):
            self._attach_back(number, text, ko)

    def _people_named(self, text: str) -> list[Mention]:
        """The counterparts met earlier that a sentence names by their own name ("Ambassador
        Zurita", "코발스카 대사는"), as mentions of their country."""
        found: dict[int, Mention] = {}
        for draft in self.drafts:
            for key in draft.people:
                at = named_in(text, key)
                if at >= 0 and at not in found:
                    found[at] = Mention(at, at + len(key), key, draft.iso3, "person", "met")
        return [found[at] for at in sorted(found)]

    def _by_people(self, number: int, text: str) -> None:
        named = self._people_named(text)
        codes = {m.iso3 for m in named}
        drafts = [
            d for d in self.drafts if d.iso3 in codes and set(d.people) & {m.text for m in named}
        ]
        self._attach(number, text, drafts, named)

    def _attach_back(self, number: int, text: str, ko: bool) -> None:
        """A sentence that goes on about "the ambassador", "대사관은": the counterpart in focus;
        when that could be any of several countries' counterparts, its facts are not copied to
        each of them but listed apart."""
        if len({d.iso3 for d in self.focus}) > 1 and not (
            w.KOREAN_PLURAL_SUBJECT if ko else w.PLURAL_SUBJECT
        ).match(text):
            if _pledges_in(text) or _programs(text):
                names = ", ".join(_name(d.iso3) for d in self.focus)
                self.unplaced.append(
                    Unplaced(
                        text,
                        L_(
                            "This sentence is about one of the counterparts ({countries}), but "
                            "the text does not say which: its pledge or programme is on no "
                            "draft. Add it to the right one.",
                            countries=names,
                        ),
                    )
                )
            return
        self._attach(number, text, self.focus)

    def _host_office_abroad(self, text: str, ko: bool) -> list[Mention]:
        """Korea met through an office abroad of one of its agencies the item names ("한국국제
        협력단(KOICA)" … "KOICA 몽골사무소", "the KOICA office in Ulaanbaatar")."""
        for agency in self.host_agencies:
            name = re.escape(agency)
            office = (
                rf"{name}\s?[가-힣]*(?:사무소|지사|사무실|대표부|센터)"
                if ko
                else rf"\b{name}(?:['’]s)?(?:\s+[A-Z][\w'’-]+)?\s+(?:office|country office|"
                r"representative office|branch)\b"
            )
            match = re.search(office, text)
            if match:
                return [Mention(match.start(), match.end(), match.group(0), HOST, "name", "met")]
        return []

    def _new_counterpart(self, text: str, ko: bool) -> bool:
        """Whether the sentence names by office a counterpart of a known country not met yet."""
        if ko:
            return False  # Korean offices are named by a part ("누아이미 국장"): too loose to tell
        office = self._office_without_country(text, ko)
        if office is None or not office[0] or not office[3]:
            return False
        same = [d for d in self.drafts if d.iso3 == office[0]]
        return bool(same) and all(
            d.counterpart and office[3] not in d.counterpart and d.counterpart not in office[3]
            for d in same
        )

    def _city_drafts(self, text: str) -> list[_Draft]:
        """Drafts of the countries whose cities the sentence names ("The Budapest delegation")."""
        codes = {iso3 for city, iso3 in self.cities.items() if len(city) > 2 and city in text}
        return _latest_per_country([d for d in self.drafts if d.iso3 in codes])

    def _refers_back(self, text: str, ko: bool, paragraph: int) -> bool:
        if (w.KOREAN_BACK_REFERENCE if ko else w.BACK_REFERENCE).match(text):
            return True
        return paragraph == self.focus_paragraph

    def _attach(self, number, text, drafts, found: list[Mention] | None = None) -> None:
        for draft in drafts:
            if number not in draft.sentences:
                draft.sentences.append(number)
            draft.texts.append(text)
        self._pledges(text, found or [], drafts, number)
        self.focus = drafts
        self.focus_paragraph = self.sentences[number].paragraph

    # Pledges -----------------------------------------------------------------------------

    def _pledges(self, text: str, found: list[Mention], drafts: list[_Draft], number) -> None:
        for position, pledge in _pledges_in(text):
            owners = _owners(found, position, drafts)
            for draft in owners:
                if pledge not in draft.pledges:
                    draft.pledges.append(pledge)

    # Places, counterparts, names -----------------------------------------------------------

    def _learn_places(self, text: str, found: list[Mention], number: int) -> None:
        for mention in found:
            if not mention.iso3:
                continue
            before = text[: mention.start]
            city = w.CITY_OF_COUNTRY.search(before)
            if city and (mention.role == "not met" or mentions(city.group(1), False)):
                city = None  # "founded by China, Japan and Korea": a list, not "City, Country"
            if city and not korean(text):
                name = re.sub(r"^(?:The|the|City of)\s+", "", city.group(1))
                for part in re.split(r"\s+(?:of|and)\s+", name):
                    if part and not _NOT_CITIES.match(part):
                        self.cities.setdefault(re.sub(r"\s+City$", "", part), mention.iso3)
                        self.cities.setdefault(part, mention.iso3)
            if korean(text):
                after = _KOREAN_CITY_AFTER_COUNTRY.match(text[mention.end :])
                city = after and (after.group(1) or after.group(2))
                if city and (_KOREAN_NOT_PLACES.match(city + "시") or city.endswith("도")):
                    city = None  # "말레이시아 회원도시", "몽골 건강도시": a kind of city (도시)
                if city and not re.match(w.KOREAN_COUNTERPARTS, city) and not mentions(city, False):
                    self.cities.setdefault(city, mention.iso3)
            if mention.role == "place" or (city and number <= 3):
                self.places.append(mention.iso3)
            if mention.role == "met" and mention.iso3 != HOST and _visited(text, mention):
                self.visited.append(mention.iso3)
        if number <= 2:
            for mention in found:
                if mention.iso3 and mention.iso3 != HOST and mention.role in ("place", "plain"):
                    self.places.append(mention.iso3)

    def _office_without_country(self, text: str, ko: bool):
        """(iso3 or "", title, type, counterpart) of a counterpart named with no country."""
        if ko:
            match = next(
                (
                    m
                    for m in _KOREAN_OFFICE.finditer(text)
                    if not _KOREAN_NOT_PLACES.match(m.group("place"))
                    and not _KOREAN_NOT_PLACES.match(text[m.start() : m.start("title")].strip())
                ),
                None,
            )
            if not match:
                return None
            title, kind = w.title_and_type(match.group("title"), True)
            place = match.group("place")
            return self._country_of_place(place), title, kind, match.group(0).strip()
        # "vowed to raise it with the Mayor of Santo Domingo": whom a pledge names was not met
        spans = _pledge_spans(text)
        # "X, the mayor of Istanbul, met with Y, the mayor of Mexico City": whom the
        # meeting was with comes after its verb
        cue = next((c for c, future in _cues(text, False) if not future), 0)
        offices = list(_OFFICE.finditer(text))
        after_cue = [
            m for m in offices if m.start() > cue and not _NOT_CITIES.match(m.group("place"))
        ]
        match = _outside(iter(after_cue or offices), spans)
        owned = _outside(_POSSESSIVE_OFFICE.finditer(text), spans)
        if not match and owned and not _NOT_CITIES.match(owned.group("place")):
            title, kind = w.title_and_type(owned.group("title"))
            place = owned.group("place")
            return self._country_of_place(place), title, kind, owned.group(0)
        body = _outside(_AT_BODY.finditer(text), spans)
        if not match and body and not _NOT_CITIES.match(body.group("place")):
            title, kind = w.title_and_type(body.group("body"))
            place = body.group("place")
            return self._country_of_place(place), title, kind, f"{place} {body.group('body')}"
        if not match:
            bare = _BARE_TITLE.search(text)
            if not bare:
                return None
            title, kind = w.title_and_type(bare.group(0))
            # "the Ambassador promised …": the ambassador met just before
            focus = {d.iso3 for d in self.focus if d.kind == kind or not d.kind}
            if len(focus) == 1:
                return focus.pop(), title, kind, ""
            return self.voice or self._country_of_place(""), title, kind, ""
        office = re.sub(r"^the\s+", "", match.group("office"))
        title, kind = w.title_and_type(office)
        place = match.group("place")
        if place.startswith("WeGO"):
            return None
        if place.endswith(("City Government", "People's Committee")):
            kind = "city government"
        return self._country_of_place(place), title, kind, office

    def _country_of_place(self, place: str) -> str:
        for city, iso3 in self.cities.items():
            if city and (place.startswith(city) or city in place):
                return iso3
        gazetteer = cities_in(place) if place else []
        if gazetteer and gazetteer[0][0] == 0:
            return gazetteer[0][3]  # "the mayor of Mexico City": a city the gazetteer knows
        for region, iso3 in w.REGIONS_OF_COUNTRIES.items():
            if place and re.search(rf"(?<!\w){re.escape(region)}(?!\w)", place):
                return iso3
        headline = list(dict.fromkeys(self.headline))
        if len(headline) == 1:
            return headline[0]  # "WeGO meets Malaysian mayors" over the summit's host country
        places = list(dict.fromkeys(p for p in self.places if p != HOST))
        if len(places) == 1:
            return places[0]
        # "visited the United Arab Emirates …; Director General of …": the country visited
        visited = list(dict.fromkeys(self.visited))
        return visited[0] if place and len(visited) == 1 and not places else ""

    def _event_name(self, number: int) -> str:
        for index in range(number, -1, -1):
            text = self.sentences[index].text
            if korean(text):
                match = _KOREAN_EVENT.search(text)
                if match:
                    return (match.group("quoted") or match.group("name")).strip()
            else:
                match = _EVENT.search(text)
                if match:
                    return re.sub(r"^(?:The|At|In|On)\s+", "", match.group("name")).strip()
        return ""

    def _representative(self, text: str, ko: bool) -> str:
        if "WeGO staff" in text:
            return "WeGO staff"
        pattern = _KOREAN_REPRESENTATIVE if ko else _REPRESENTATIVE
        match = pattern.search(text)
        if match:
            return self._full_representative(match.group("name"), ko)
        return self.representatives[0] if self.representatives else ""

    def _full_representative(self, name: str, ko: bool) -> str:
        for full in self.representatives:
            if ko and full.split()[0].startswith(name):
                return full
            if not ko and full.split()[-1] == name.split()[-1]:
                return full
        return f"{name} 사무총장" if ko else f"Secretary General {name}"

    def _location(self, text: str, ko: bool, draft: _Draft) -> str:
        if ko:
            if "서울" in text or "주한" in text or "사무국" in text:
                return "Seoul"
            match = re.search(r"([가-힣]{2,})에서", text)
            return match.group(1) if match else ""
        for match in re.finditer(r"\bin ([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})", text):
            place = match.group(1)
            if not _NOT_CITIES.match(place) or place.startswith("Seoul"):
                return "Seoul" if place.startswith("Seoul") else place
        if re.search(r"Seoul|Secretariat|to Korea|in Korea", text):
            return "Seoul"
        return ""

    def _note_ambiguous(self, sentence: Sentence, found: list[Mention]) -> None:
        for mention in found:
            if mention.kind == "ambiguous" and mention.role in ("met", "plain"):
                options = ", ".join(_name(code) for code in mention.options)
                self.unplaced.append(
                    Unplaced(
                        sentence.text,
                        L_(
                            '"{text}" could be more than one country ({options}). If a meeting '
                            "took place, add it as a row with the right country.",
                            text=mention.text,
                            options=options,
                        ),
                    )
                )

    def _note_not_met(self, sentence: Sentence, found: list[Mention], planned: bool) -> None:
        seen = {(u.sentence, u.country) for u in self.unplaced}
        for mention in found:
            if not mention.iso3 or (sentence.text, mention.iso3) in seen:
                continue
            if any(d.iso3 == mention.iso3 for d in self.drafts):
                continue
            seen.add((sentence.text, mention.iso3))
            self.unplaced.append(
                Unplaced(
                    sentence.text,
                    L_(
                        "{country} is named, but the text does not say it was met.",
                        country=_name(mention.iso3),
                    ),
                    mention.iso3,
                )
            )

    # The records -------------------------------------------------------------------------

    def records(self, source_url: str, source_title: str) -> list[dict[str, str]]:
        records = []
        for draft in self.drafts:
            window = draft.window or self._context_window(draft.sentences[0])
            first, precision, covers = fitted(window)
            record = dict.fromkeys(FORMAT_COLUMNS, "")
            record.update(
                date=date_cell(first, precision),
                date_precision=precision,
                country=_name(draft.iso3),
                event=draft.event,
                counterpart=draft.counterpart,
                counterpart_title=draft.title,
                counterpart_type=draft.kind,
                representative=draft.representative,
                meeting_type=draft.meeting_type,
                location=draft.location,
                programs="; ".join(_programs(" ".join(draft.texts))),
                cities="; ".join(self._cities(" ".join(draft.texts), draft.iso3)),
                follow_up="; ".join(draft.pledges),
                summary=" ".join(self.sentences[n].text for n in sorted(draft.sentences)),
                source_title=source_title.strip(),
                source_url=source_url.strip(),
            )
            records.append(record)
            if not covers:
                self.unplaced.append(
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
            if any(n in self.assumed for n in draft.sentences[:1]):
                self.unplaced.append(
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
        return records

    def _cities(self, text: str, iso3: str) -> list[str]:
        """The cities of the draft's country its sentences name (a city the gazetteer places
        in another country is that country's, not this draft's)."""
        cities = [
            city
            for city in self._named_cities(text)
            if country_of_city(city) in ("", iso3) and self.cities.get(city, iso3) == iso3
        ]
        cities += [name for _, _, name, code in cities_in(text) if code == iso3]
        return [c for c in dict.fromkeys(cities) if not any(c != o and c in o for o in cities)]

    def _named_cities(self, text: str) -> list[str]:
        found: list[str] = []
        if korean(text):
            for pattern in _KOREAN_CITY:
                found += [m.group(1) for m in pattern.finditer(text)]
            found += [city for city in self.cities if re.search("[가-힣]", city) and city in text]
        else:
            for pattern in _CITY_PATTERNS:
                found += [m.group(1).strip() for m in pattern.finditer(text)]
            found += [
                city for city in self.cities if not re.search("[가-힣]", city) and city in text
            ]
        names = mentions(" ".join(found), False) if found else []
        countries = {m.text for m in names}
        cities = []
        for city in found:
            city = re.sub(r"^(?:the|The)\s+", "", city)
            city = re.sub(r"['’]s$", "", city)
            if not city or _NOT_CITIES.match(city) or city in countries or len(city) < 2:
                continue
            if any(city != other and city in other for other in found):
                continue
            cities.append(city)
        return list(dict.fromkeys(cities))


# Helpers ---------------------------------------------------------------------------------


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


_KOREAN_NOUN_AFTER_CUE = re.compile(r"^(?:\s?신청|자|객|국|비|기관|대상|규모|인원)")


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
    return [(at, what) for at, what in _promises_in(text) if not _GENERIC_PLEDGE.search(what)]


# Promises of nothing in particular: to cooperate, keep in touch, strengthen ties.
_GENERIC_PLEDGE = re.compile(
    r"^(?:[가-힣·\s]{0,40}?(?:지속\s?)?(?:협력|소통|교류|노력|협조|지원)(?:을|를)?\s?"
    r"(?:강화|확대|증진)?(?:하|해)?(?:기|나가기)$"
    r"|^(?:further\s+)?(?:continue\s+to\s+)?(?:cooperate|work (?:closely )?together|"
    r"(?:strengthen|enhance|deepen|expand|promote|boost|further)\s+(?:the\s+)?(?:bilateral\s+)?"
    r"(?:cooperation|ties|relations|friendship|exchanges?(?: and (?:cooperation|collaboration))?)"
    r"|keep in (?:close )?touch|support\b)(?:[^,;]{0,40})?$)",
    re.IGNORECASE,
)


def _promises_in(text: str) -> list[tuple[int, str]]:
    found = []
    if korean(text):
        for match in w.KOREAN_PLEDGE.finditer(text):
            topic = re.search(r"\S+(?:은|는)\s", text[: match.start()])
            start = topic.end() if topic else 0
            # "…을 소개하고 연수 프로그램에 공무원을 보내겠다고": the promise is the last clause
            clause = list(
                re.finditer(r"(?:하고|했고|하며|했으며|,)\s", text[start : match.start()])
            )
            start = start + clause[-1].end() if clause else start
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


def _owners(found: list[Mention], position: int, drafts: list[_Draft]) -> list[_Draft]:
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


def _latest_per_country(drafts: list[_Draft]) -> list[_Draft]:
    latest: dict[str, _Draft] = {}
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


@cache
def _program_patterns() -> list[tuple[re.Pattern, str]]:
    wordings: dict[str, str] = {}
    for row in program_catalogue().itertuples():
        for alias in [row.program, *row.aliases.split(";")]:
            alias = re.sub(r"\s*\([^)]*\)$", "", alias.strip())
            if alias:
                wordings.setdefault(alias, row.program)
    wordings.update(w.KOREAN_PROGRAMS)
    patterns = []
    for wording in sorted(wordings, key=len, reverse=True):
        flags = 0 if len(wording) <= 5 else re.IGNORECASE
        spelled = r"\s?".join(re.escape(part) for part in wording.split(" "))
        # a Korean wording is followed by its particle: "WeGO 연수 프로그램에"
        after = r"(?![A-Za-z0-9])" if re.search("[가-힣]", wording) else r"(?!\w)"
        patterns.append((re.compile(rf"(?<![\w-]){spelled}{after}", flags), wordings[wording]))
    return patterns


def _programs(text: str) -> list[str]:
    """The catalogue programmes a text talks about, in the order they come."""
    taken: list[tuple[int, int, str]] = []
    for pattern, program in _program_patterns():
        for match in pattern.finditer(text):
            if not any(a < match.end() and match.start() < b for a, b, _ in taken):
                taken.append((match.start(), match.end(), program))
    return list(dict.fromkeys(program for _, _, program in sorted(taken)))


def _name(iso3: str) -> str:
    return country_by_iso3(iso3).name


def read_item(text: str, published: date | None, source_url: str, source_title: str) -> Drafting:
    """Draft the meetings of one news item (see lib.news.read_news)."""
    guess = published_date(text)
    item = _Item(text, published or guess or date.today())
    item.read()
    drafts = item.records(source_url, source_title)
    return Drafting(drafts, item.unplaced, guess)
