"""From a news item's sentences to draft meetings: who was met, when, and what was pledged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from lib.i18n import L_
from lib.news import wordings as w
from lib.news.clauses import (  # noqa: F401 - the sentence-level readings
    _KOREAN_REPRESENTATIVE,
    _PERSON_TITLES,
    _REPRESENTATIVE,
    _counterpart_name,
    _counterpart_phrase,
    _cues,
    _finished,
    _groups,
    _has_pledge,
    _host_agencies,
    _is_byline,
    _is_dateline,
    _is_title,
    _latest_per_country,
    _meeting_type,
    _outside,
    _owners,
    _person,
    _pledge_spans,
    _pledges_in,
    _representatives,
    _visited,
)
from lib.news.dates import (
    DatePhrase,
    Window,
    date_phrases,
    published_date,
    year_before,
)
from lib.news.gazetteer import cities_in
from lib.news.groups import group_mentions
from lib.news.mentions import HOST, Mention, korean, mentions
from lib.news.people import keys_of, named_in
from lib.news.places import _OFFICE, Places
from lib.news.records import NOT_CITIES, name, programs_in, records
from lib.news.text import Sentence, sentences

_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]+(?:,\s[A-Za-z .'’-]+)*?"
    r"(?:,\s[A-Z][a-z]+\.?\s\d{1,2}(?:,\s\d{4})?)?\s*[–—-]\s*"
    # "Seoul, 14 May 2025 –", "Nairobi, May 14, 2025 -", "KARACHI, Apr 22 (APP):"
    r"|^[A-Z][\w .'’-]{1,30}(?:,\s[A-Z][\w .'’-]{1,30})?,\s(?:\d{1,2}\s[A-Z][a-z]+\.?(?:\s\d{4})?|"
    r"[A-Z][a-z]+\.?\s\d{1,2}(?:,\s\d{4})?)\s*(?:\([A-Z]+\))?\s*[–—:-]\s*"
)
# "25일 경기도에 따르면": the day the news was given out, not the day of the meeting.
_REPORTED = re.compile(r"^\s?[가-힣]{1,12}(?:에|의)\s?따르면")
_FORMER = re.compile(r"\b(?:former|formerly|previously|served as|was once|ex-)\b", re.IGNORECASE)


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
    # field → (sentence number, whether the reading is sure); pledges' apart, in their order
    evidence: dict[str, tuple[int, bool]] = field(default_factory=dict)
    pledge_evidence: list[tuple[int, bool]] = field(default_factory=list)
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
    evidence: list[dict[str, Evidence]] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    """Where a drafted field came from: the sentence, and whether the reading is sure."""

    sentence: str
    sure: bool


class _Item(Places):
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
        self.sure_country = True  # how the country of the draft being made was read
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
        named = {m.iso3 for m in found}
        extra = [m for m in group_mentions(text) if m.iso3 not in named]
        found = sorted(found + extra, key=lambda m: m.start) if extra else found
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
                or (
                    not ko
                    and self.meeting_paragraph >= 0
                    and not _FORMER.search(body)
                    and not {m.iso3 for m in strong} & {d.iso3 for d in self.drafts}
                )
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
                    self.sure_country = mention.role == "met"
                    person = _person(text, met, mention)
                    draft = self._draft_for(
                        mention.iso3, title, kind, counterpart or person, own, number
                    )
                    draft.people += [k for k in keys_of(person) if k not in draft.people]
                    draft.texts.append(segment)
                    touched.append(draft)
            touched += self._offices_beside(number, text, ko, met, own)
            self._pledges(text, met + self._people_named(text), touched, number)
        elif self._people_named(text):
            self._by_people(number, text)
            return
        else:
            office = self._office_without_country(text, ko)
            by_city = self._city_drafts(text)
            if office is not None and (office[0] or by_city):
                iso3, title, kind, counterpart = office
                self.sure_country = False  # the country is inferred from a city or the item
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
            if counterpart and not draft.counterpart:
                draft.evidence["counterpart"] = (number, True)
            draft.counterpart = draft.counterpart or counterpart
            if number not in draft.sentences:
                draft.sentences.append(number)
            return draft
        visit = self._visit_draft(iso3, own, counterpart)
        if visit is not None:
            visit.title, visit.kind, visit.counterpart = title, kind, counterpart
            visit.window = visit.own_window = own
            visit.sentences.append(number)
            visit.evidence.update(date=(number, own.days == 1), counterpart=(number, True))
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
        draft.evidence["country"] = (number, self.sure_country)
        draft.evidence["date"] = (number, own is not None and own.days <= 7)
        if counterpart:
            draft.evidence["counterpart"] = (number, True)
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

    def _offices_beside(self, number, text, ko, met: list[Mention], own) -> list[_Draft]:
        """Counterparts the sentence names by a city's office beside those named by country
        ("met the Hungarian Consul General, and the Vice Chairman of the Ho Chi Minh City
        People's Committee"): a draft for each city whose country is known."""
        if ko:
            return []
        named = {m.iso3 for m in met}
        spans = _pledge_spans(text)
        # "The Mayor of Yerevan met with …": whom the meeting was with comes after its verb
        cue = next((at for at, future in _cues(text, False) if not future), len(text))
        drafts = []
        for match in _OFFICE.finditer(text, cue):
            place = match.group("place")
            if any(a <= match.start() < b for a, b in spans) or NOT_CITIES.match(place):
                continue
            iso3 = self.cities.get(place) or next(
                (code for at, _, _, code in cities_in(place) if at == 0), ""
            )
            if not iso3 or iso3 in named or iso3 == HOST:
                continue
            title, kind = w.title_and_type(match.group("office"))
            if place.endswith(("City Government", "People's Committee")):
                kind = "city government"
            self.sure_country = False
            office = re.sub(r"^the\s+", "", match.group("office"))
            draft = self._draft_for(iso3, title, kind, office, own, number)
            draft.texts.append(text)
            drafts.append(draft)
            named.add(iso3)
        return drafts

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
        paragraph = self.sentences[number].paragraph
        met_with = {d.iso3 for d in self.drafts if set(d.sentences) & set(self.focus[0].sentences)}
        if (
            len(met_with) > 1
            and paragraph != self.focus_paragraph
            and not (w.KOREAN_PLURAL_SUBJECT if ko else w.PLURAL_SUBJECT).match(text)
        ):
            # "The ambassador also promised …" a paragraph after two ambassadors were named:
            # the one whose title it gives, if only one has it; else any of them
            together = [d for d in self.drafts if d.iso3 in met_with]
            title = w.title_and_type(text[:60], ko)[0]
            titled = [d for d in together if title and d.title == title]
            if len({d.iso3 for d in titled}) == 1:
                self._attach(number, text, titled, sure=True)  # the only one with that title
                return
            self.focus = together
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
        # "The ambassador promised …" when one counterpart is in focus: most likely theirs
        sure = len(self.drafts) == 1 or (
            len({d.iso3 for d in self.focus}) == 1
            and self.focus_paragraph == self.sentences[number].paragraph
        )
        self._attach(number, text, self.focus, sure=sure)

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

    def _attach(
        self, number, text, drafts, found: list[Mention] | None = None, sure: bool = True
    ) -> None:
        for draft in drafts:
            if number not in draft.sentences:
                draft.sentences.append(number)
            draft.texts.append(text)
        self._pledges(text, found or [], drafts, number, sure)
        self.focus = drafts
        self.focus_paragraph = self.sentences[number].paragraph

    # Pledges -----------------------------------------------------------------------------

    def _pledges(self, text, found: list[Mention], drafts: list[_Draft], number, sure=True):
        for position, pledge in _pledges_in(text):
            owners = _owners(found, position, drafts)
            # a pledge shared by several countries' drafts, or placed by "he"/"the embassy"
            certain = sure and len({d.iso3 for d in owners}) == 1
            for draft in owners:
                if pledge not in draft.pledges:
                    draft.pledges.append(pledge)
                    draft.pledge_evidence.append((number, certain))

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


_name = name
_programs = programs_in


# The organisation's own people abroad: the dateline is where they went, not their home.
_ON_MISSION = re.compile(
    r"\b(?:during|on) (?:the|a|its|this|their) (?:same |recent |\w+ )?(?:mission|visit|trip)\b"
    r"|\bmission to\b|\b(?:WeGO|our) delegation\b",
    re.IGNORECASE,
)


def _host_of_dateline(found: list[Sentence]) -> str:
    """The country of the city an English item is datelined in ("CEBU, Philippines –",
    "KARACHI, Apr 22 (APP):"), when it is not the organisation's own; or ""."""
    for sentence in found[:6]:
        match = _DATELINE.match(sentence.text)
        if not match or korean(sentence.text):
            continue
        line = match.group(0)
        named = [m.iso3 for m in mentions(line, False) if m.iso3]
        cities = cities_in(line.split(",")[0].title())
        host = named[0] if named else (cities[0][3] if cities else "")
        return "" if host == HOST else host
    return ""


def read_item(text: str, published: date | None, source_url: str, source_title: str) -> Drafting:
    """Draft the meetings of one news item (see lib.news.read_news)."""
    guess = published_date(text)
    item = _Item(text, published or guess or date.today())
    item.read()
    host = _host_of_dateline(item.sentences)
    if host in item.visited or _ON_MISSION.search(text):
        host = ""  # "During a mission to Mongolia …": the country visited is no host
    for draft in [d for d in item.drafts if host and d.iso3 == host]:
        item.drafts.remove(draft)
        item.unplaced.append(
            Unplaced(
                " ".join(item.sentences[n].text for n in sorted(draft.sentences)),
                L_(
                    "{country} is where the item is datelined, the host: its people are "
                    "not drafted as a meeting. Add a row if one of its envoys was met.",
                    country=_name(host),
                ),
                host,
            )
        )
    drafts, evidence = records(item, source_url, source_title)
    return Drafting(drafts, item.unplaced, guess, evidence)
