"""Where a news item happens and whom it names by office: places, offices, events, people."""

from __future__ import annotations

import re

from lib.news import wordings as w
from lib.news.clauses import (
    _KOREAN_REPRESENTATIVE,
    _PERSON_TITLES,
    _REPRESENTATIVE,
    _cues,
    _outside,
    _pledge_spans,
    _visited,
)
from lib.news.gazetteer import cities_in
from lib.news.mentions import HOST, Mention, korean, mentions
from lib.news.records import NOT_CITIES

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
_EVENT = re.compile(
    r"(?P<name>(?:\d{4}\s+)?(?:[A-Z][\w'’-]*\s+){1,5}(?:Kick-?[Oo]ff|Forum|Summit|Reception|"
    r"Workshop|Pre-workshop|Conference|Assembly|Celebration|Expo|Ceremony|Seminar|Dialogue|"
    r"Roundtable|Festival|Webinar|Gala|Dinner|Luncheon|Day celebration)(?:\s\d{4})?)"
)
_KOREAN_EVENT = re.compile(
    r"[‘'“\"](?P<quoted>[^’'”\"]{3,40})[’'”\"]|(?P<name>[가-힣A-Za-z0-9]+\s?(?:행사|간담회|포럼|총회|"
    r"정상회의|박람회|세미나|워크숍|리셉션|킥오프))"
)
_KOREAN_CITY_AFTER_COUNTRY = re.compile(
    r"\s([가-힣]{2,}?)\s?(?:시(?=[\s의는가와이을를]|의회|청|장)|시장|부시장)"
    # "헝가리 부다페스트, 폴란드 루블린 …": a country, then its city, in a list
    r"|\s([가-힣]{2,8})(?=\s?[,·、]|\s(?:등|대표단|시장|부시장|관계자|측)|[와과]\s)"
)


class Places:
    """The part of an item's reading that learns its places and names its counterparts' offices."""

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
                    if part and not NOT_CITIES.match(part):
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
            m for m in offices if m.start() > cue and not NOT_CITIES.match(m.group("place"))
        ]
        match = _outside(iter(after_cue or offices), spans)
        owned = _outside(_POSSESSIVE_OFFICE.finditer(text), spans)
        if not match and owned and not NOT_CITIES.match(owned.group("place")):
            title, kind = w.title_and_type(owned.group("title"))
            place = owned.group("place")
            return self._country_of_place(place), title, kind, owned.group(0)
        body = _outside(_AT_BODY.finditer(text), spans)
        if not match and body and not NOT_CITIES.match(body.group("place")):
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

    def _location(self, text: str, ko: bool, draft) -> str:
        if ko:
            if "서울" in text or "주한" in text or "사무국" in text:
                return "Seoul"
            match = re.search(r"([가-힣]{2,})에서", text)
            return match.group(1) if match else ""
        for match in re.finditer(r"\bin ([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})", text):
            place = match.group(1)
            if not NOT_CITIES.match(place) or place.startswith("Seoul"):
                return "Seoul" if place.startswith("Seoul") else place
        if re.search(r"Seoul|Secretariat|to Korea|in Korea", text):
            return "Seoul"
        return ""
