"""The wordings news items use for meetings, counterparts, pledges and programmes."""

from __future__ import annotations

import re

from lib.countries import korean_short_names
from lib.programs import korean_wordings

# Nouns for who was met; a country next to one of them was met ("the Ambassador of Peru",
# "the Colombian Embassy", "diplomats from Chile").
COUNTERPART_NOUNS = (
    r"ambassadors?|embass(?:y|ies)|consuls?[- ]general|consulates?(?:[- ]general)?|consuls?|"
    r"charg[ée]s? d['’]affaires|deputy chiefs? of mission|chiefs? of mission|heads? of mission|"
    r"high commissioners?|high commissions?|"
    r"missions?|delegations?|delegates|diplomats?|envoys?|attach[ée]s?|counsell?ors?|"
    r"(?:first|second|third) secretar(?:y|ies)|ministers?|ministr(?:y|ies)|governments?|"
    r"officials?|representatives?|counterparts?|mayors?|vice[- ]mayors?|deputy mayors?|"
    r"governors?|trade (?:office|commission)s?|offices?|side|team|guests|visitors|leaders|"
    r"agenc(?:y|ies)|people's committee|city council|province|state government"
)
_NOUN = re.compile(rf"^(?:{COUNTERPART_NOUNS})\b", re.IGNORECASE)

# "Ambassador of", "delegation from the City Government of".
BEFORE_COUNTRY = re.compile(
    rf"\b(?:{COUNTERPART_NOUNS})(?:\s+[A-Z][\w'’.-]+){{0,4}},?\s+(?:(?:\w+\s+){{0,2}}from|of|for)\s+"
    r"(?:the\s+)?$"
    # "the diplomats included the UAE, …": the countries the counterparts stood for
    rf"|\b(?:{COUNTERPART_NOUNS})\s+(?:also\s+)?(?:included|including|were from|came from|"
    r"represented)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Mexico's newly appointed Ambassador", "the Colombian Embassy", "Uzbek Ministry".
AFTER_COUNTRY = re.compile(
    rf"^(?:['’]s)?\s+(?:(?:newly[- ]appointed|new|former|resident|outgoing|local|city|"
    rf"national|federal|provincial|regional|municipal|metropolitan|royal)\s+)*(?:{COUNTERPART_NOUNS})\b",
    re.IGNORECASE,
)
MET_WITH = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|talk|calls?|calling|called|visits?|visited|"
    r"received|hosted|welcomed|discussions?|spoke|speak|sat down|conversation|consulted|"
    r"bilateral)\s+(?:\w+\s+){0,2}(?:with|on)\s+(?:the\s+)?(?:embassies\s+of\s+)?$"
    r"|\b(?:met|visited|received|hosted|calling on|called on)\s+(?:the\s+)?$"
    r"|\b(?:visit|visits|trip|mission|travel(?:l)?ed|travels|journey)\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A country after these words is a place, not a counterpart ("missions in Korea").
PLACE_BEFORE = re.compile(
    r"\b(?:in|to|across|throughout|around|within|outside|for|about|into|over|than|via|near|"
    r"beyond|from|at|on)\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|central)\s+)?$",
    re.IGNORECASE,
)
# "the organisation founded by China, Japan and Korea": the founders were not met.
NOT_MET_BEFORE = re.compile(
    r"\b(?:founded|set up|established|created|formed|funded|financed|"
    r"made up|composed|comprised|consisting|member states?)\s+(?:by|of)?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
CITY_OF_COUNTRY = re.compile(
    r"\b([A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3})\s*(?:,\s*(?:the\s+)?|\(\s*)$"
)
# Capitalised words after a name make it part of another name ("Korea Land and Housing").
NAME_GOES_ON = re.compile(r"^\s+(?!(?:and|or|the)\b)[A-Z][\w'’-]+")
NAME_STARTS_BEFORE = re.compile(r"(?<![.!?:;,\"“(])\b([A-Z][\w'’-]+)\s+$")
SENTENCE_OPENERS = {
    "The", "In", "On", "At", "And", "With", "Of", "From", "To", "For", "By", "During", "Among",
    "Between", "Both", "Mr", "Ms", "Dr", "H.E.", "HE", "His", "Her", "Their", "Its", "As",
    "After", "Before", "Also", "Then", "While", "When", "Last", "This", "Earlier", "Later",
}  # fmt: skip

MEETING_CUES = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|courtesy (?:call|calls|visit|visits)|"
    r"paid (?:a )?(?:courtesy )?(?:visit|visits|call|calls)|called on|calling on|visited|"
    r"visiting|visit|visits|received|"
    r"receives|hosted|hosts|talks|sat down|spoke with|spoke to|speaks with|"
    # "welcomed the Ambassador", not "welcomed the idea"
    r"welcome[ds]\b(?!\s+(?:the\s+|a\s+|an\s+|this\s+|any\s+|WeGO['’]s\s+)?(?:\w+\s+)?"
    r"(?:idea|proposals?|prospects?|initiatives?|partnerships?|plans?|news|opportunit(?:y|ies)|"
    r"cooperation|suggestions?|offers?|move|efforts?))|"
    r"held (?:an? )?(?:\w+ )?(?:talks|meetings?|discussions?|session|dialogue|consultations?|"
    r"bilateral)|bilateral|attended|attends|told (?:the|our) (?:delegation|team|Secretariat)|"
    r"attend|took part|participated|joined|gathered|consulted|signed|signing of|briefed|greeted|"
    r"exchanged views|conversation|(?:delivered|gave|made) (?:\w+ )?remarks|"
    r"remarks were (?:delivered|given|made)|took the floor|among the guests|"
    r"guests|travel(?:l)?ed to|mission to|trip to|stopped in|came to|called at|"
    r"dropped by|stopped by|spent (?:the|a|an|two|three|several) (?:\w+ )?(?:days?|morning|"
    r"afternoon|evening|hours?) (?:at|with)|discussed\b(?=[^.;]*?\bwith\b))\b",
    re.IGNORECASE,
)
EVENT_CUES = re.compile(
    r"\b(?:attended|attend|took part|participated|joined|gathered|guests|remarks were delivered|"
    r"(?:delivered|gave|made) (?:\w+ )?remarks|remarks were (?:given|made)|took the floor|"
    r"bringing together|reception|celebration|kick-?off|ceremony)\b",
    re.IGNORECASE,
)
FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|is set to|are set to|plans? to|planning to|is planning|"
    r"are planning|scheduled|is expected to|are expected to|intends? to|is due to|upcoming|"
    r"next (?:week|month|year)|in the coming)\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r"[,;:–—]\s|\bwho\b|\bwhich\b|\bwhere\b")
BACK_REFERENCE = re.compile(
    r"^(?:the\s+)?(?:he|she|they|it|both|the two|(?:the\s+)?(?:newly[- ]appointed\s+)?"
    rf"(?:(?:deputy|vice)\s+)?(?:{COUNTERPART_NOUNS})|ambassador\s+[A-Z][\w'’-]*|mayor\s+[A-Z][\w'’-]*|"
    r"vice mayor|deputy mayor|(?:mr|ms|mrs|dr|h\.e)\.?\s+[A-Z][\w'’-]*|"
    r"in (?:the|his|her|this) (?:meeting|talks|discussion|conversation)|"
    r"(?:during|at) the (?:meeting|talks|discussions?|conversation))\b",
    re.IGNORECASE,
)

KOREAN_COUNTERPARTS = (
    r"대사대리|대사관|대사|총영사관|총영사|영사관|영사|공사|참사관|서기관|무관|대표단|사절단|"
    r"정부|외교부|외무부|장관|차관|측|관계자|외교관|대표부|무역관|대표처|부시장|시장|주지사|"
    r"도지사|시의회|시청|대통령|총리|공무원|국장|청장|실장|본부장|최고경영자|사장|위원장|이사장|총재"
)
KOREAN_AFTER_COUNTRY = re.compile(
    # "미국·일본 등 13개국 대사": the listed countries' envoys
    rf"^(?:의)?(?:\s?[가-힣A-Za-z]+|\s?\d+개국){{0,3}}?\s?(?:{KOREAN_COUNTERPARTS})(?=들?[은는이가을를의와과에도,\s]|$)"
)
KOREAN_PLACE_AFTER = re.compile(
    r"^(?:에서|에|으로|로|까지|에는|에서는)"
    r"|^\s[가-힣]{1,8}(?:에서|에서는)\s"  # "대만 신추에서 열리는": a city of it, a place
)
KOREAN_MEETING_CUES = re.compile(
    r"면담|만나|만났|만남|만난|예방|접견|회담|회동|환담|방문|찾아|찾았|참석|참가|맞이|영접|간담회|"
    r"협의|논의했|의견을 나눴|서명|체결|개최|열었|양자|"
    r"(?:협약|협정|양해각서|MOU|업무협약)[을를]?\s?맺"
)
KOREAN_EVENT_CUES = re.compile(r"참석|참가|행사|간담회|리셉션|기념식|개최|열었")
KOREAN_FUTURE_AFTER = re.compile(r"^[가-힣]{0,3}\s?(?:할|될|예정|계획|것이다)")
KOREAN_FUTURE = re.compile(r"(?:예정이다|계획이다|것이다|예정)\.?$")
# Subjects that are about all the counterparts in focus ("Both envoys", "They", "양측은").
PLURAL_SUBJECT = re.compile(
    r"^(?:both|they|the two|all|each|the (?:\w+\s)?(?:ambassadors|envoys|diplomats|guests|"
    r"delegations|delegates|visitors|sides|parties|mayors|representatives)|"
    r"(?:during|at) the (?:meeting|talks|discussions?),? it was (?:decided|agreed))\b",
    re.IGNORECASE,
)
KOREAN_PLURAL_SUBJECT = re.compile(r"^(?:양측|두 사람|이들|참석자들|[가-힣\s]{0,12}들은|양국|모두)")
KOREAN_BACK_REFERENCE = re.compile(
    r"^(?:양측|두 사람|그는|그녀는|이 자리에서|이날|그러면서|이에 대해|"
    rf"(?:[가-힣]+\s)?(?:{KOREAN_COUNTERPARTS})(?:은|는|이|가|측은))"
)

# (pattern, title, counterpart type), the first that matches wins.
TITLES = [
    (r"deputy chiefs? of mission", "Deputy Chief of Mission", "embassy"),
    (r"charg[ée]s? d['’]affaires", "Chargé d'Affaires", "embassy"),
    (r"(?:deputy|vice) ambassadors?", "Deputy Ambassador", "embassy"),
    (r"ambassadors?", "Ambassador", "embassy"),
    (r"(?:chiefs?|heads?) of mission", "Head of Mission", "embassy"),
    (r"high commissioners?", "High Commissioner", "embassy"),
    (r"high commissions?", "", "embassy"),
    (r"consuls?[- ]general", "Consul General", "consulate"),
    (r"consulates?", "", "consulate"),
    (r"consuls?", "Consul", "consulate"),
    (r"(?:military |defen[cs]e |commercial |economic |research and development )?attach[ée]s?",
     "Attaché", "embassy"),
    (r"minister[- ]counsell?ors?", "Minister-Counsellor", "embassy"),
    (r"counsell?ors?", "Counsellor", "embassy"),
    (r"(?:first|second|third) secretar(?:y|ies)", "Secretary", "embassy"),
    (r"trade (?:office|commission)s?|government office|chamber of commerce|agency|"
     r"development (?:company|corporation)", "", "other"),
    (r"(?:first )?(?:vice|deputy)[- ]mayors?", "Vice Mayor", "city government"),
    (r"mayors?", "Mayor", "city government"),
    (r"vice[- ]chairman of [\w\s'’-]*people's committee", "Vice Chairman", "city government"),
    (r"governors?", "Governor", "city government"),
    (r"city (?:government|council|officials?)|municipal|metropolitan government|"
     r"local government|city hall", "", "city government"),
    (r"(?:vice |deputy )?ministers?", "Minister", "national government"),
    (r"ministr(?:y|ies)|national government|foreign ministry", "", "national government"),
    (r"secretary[- ]general of", "Secretary-General", "international organisation"),
    (r"embass(?:y|ies)|diplomats?|mission", "", "embassy"),
    (r"director[- ]generals?", "Director General", ""),
    (r"chief executive officers?|CEOs?", "Chief Executive Officer", "other"),
    (r"directors?", "Director", ""),
]  # fmt: skip
KOREAN_TITLES = [
    ("대사대리", "Chargé d'Affaires", "embassy"),
    ("총영사", "Consul General", "consulate"),
    ("영사", "Consul", "consulate"),
    ("부대사", "Deputy Ambassador", "embassy"),
    ("대사관", "", "embassy"),
    ("대사", "Ambassador", "embassy"),
    ("공사", "Minister-Counsellor", "embassy"),
    ("참사관", "Counsellor", "embassy"),
    ("서기관", "Secretary", "embassy"),
    ("무관", "Attaché", "embassy"),
    ("외교관", "", "embassy"),
    ("시 대표단", "", "city government"),
    ("시대표단", "", "city government"),
    ("부시장", "Vice Mayor", "city government"),
    ("시장", "Mayor", "city government"),
    ("시의회", "", "city government"),
    ("시청", "", "city government"),
    ("도지사", "Governor", "city government"),
    ("주지사", "Governor", "city government"),
    ("장관", "Minister", "national government"),
    ("차관", "Vice Minister", "national government"),
    ("외교부", "", "national government"),
    ("정부", "", "national government"),
    ("무역관", "", "other"),
    ("최고경영자", "Chief Executive Officer", "other"),
    ("사장", "Chief Executive Officer", "other"),
    ("본부장", "Director", ""),
    ("국장", "Director", ""),
    ("실장", "Director", ""),
    ("청장", "Administrator", ""),
    ("위원장", "Chair", ""),
    ("이사장", "Chair", ""),
    ("총재", "President", ""),
    ("대표처", "", "other"),
]

# Pledges: the wordings that say someone will do something next; the pledge follows them.
PLEDGES = re.compile(
    r"\b(?:(?:pledged|promised|offered|agreed|decided|committed(?: himself| herself| itself)?|"
    r"vowed|undertook|pledges|promises|offers|agrees|commits)\s+to"
    r"|(?:stated|expressed|voiced|announced|confirmed|showed|signalled|signaled) "
    r"(?:(?:his|her|their|its|the [\w-]+['’]s)\s+)?(?:full\s+|strong\s+)?"
    r"(?:intention|willingness|readiness|commitment|wish) to"
    r"|(?:is|was|are|were) (?:willing|ready|prepared) to"
    r"|(?:stood|stands|stand|standing) (?:ready|prepared) to"
    r"|assur(?:ed|es) [^.;]*?\b(?:that\s+)?(?:it|he|she|they|the [\w-]+|their [\w-]+|its [\w-]+|"
    r"[A-Z][\w-]+)\s+would"
    r"|(?:said|stated|added|confirmed|noted) (?:that\s+)?(?:it|he|she|they|"
    r"the (?:embassy|ministry|mission|office|city|government|municipality|council|consulate|"
    r"ambassador|mayor|governor|delegation)|(?:his|her|its|their) (?:embassy|ministry|"
    r"government|city|office|mission|team))\s+would)\s+",
    re.IGNORECASE,
)
PLEDGE_END = re.compile(
    r"[.;](?:\s|$)|,\s+(?:who|which|whose|where|while|to whom|but|although|because|as well as)\b"
    r"|,\s+and\s+(?:the|he|she|they|it|both|SG|Secretary|WeGO)\b|\s[–—]\s|,?\s+(?:and\s+)?"
    r"(?:pledged|promised|offered|agreed|committed|vowed)\s+to\b|\.$"
    # ", and Peru's ambassador agreed to …": another pledge begins
    r"|,\s+(?:and|while)\s+(?:[\w'’-]+\s+){1,4}?(?:pledged|promised|offered|agreed|committed|"
    r"vowed|said|stated|expressed|assured)\b",
)
KOREAN_PLEDGE = re.compile(
    r"(?P<stem>\S+?)(?:겠다고|겠다는|겠다[.!]?[”\"’']\s?(?:고|며)|기로|ㄹ 것을|할 것을)"
    r"\s?(?:\S+\s)?"
    r"(?:약속|밝혔|말했|전했|다짐|강조|합의|했다|뜻을|의지를|덧붙였)"
    r"|(?P<plan>\S+?)(?:할|을|ㄹ) (?:계획|방침|예정)(?:이라고|이라는|임을)\s?(?:\S+\s)?"
    r"(?:밝혔|말했|전했|설명했|뜻을)"
    # "개막식 참가를 약속했다": a promise named by its noun
    r"|(?P<noun>[가-힣]+?)(?:을|를)\s?(?:약속|다짐)(?:했|하였)"
)

# Korean wordings of catalogue programmes, from data/programs.csv (the form and import read it too).
KOREAN_PROGRAMS = korean_wordings()

# Korean short and other names of countries, from data/country_names.csv (read by lib.countries).
KOREAN_COUNTRY_NAMES = korean_short_names()

# Provinces and states that keep their own offices abroad ("the Quebec Government Office in
# Seoul"): a counterpart named by one of them is of its country.
REGIONS_OF_COUNTRIES = {
    "Quebec": "CAN", "Québec": "CAN", "Ontario": "CAN", "Alberta": "CAN",
    "British Columbia": "CAN", "Bavaria": "DEU", "Baden-Württemberg": "DEU",
    "North Rhine-Westphalia": "DEU", "Catalonia": "ESP", "Basque Country": "ESP",
    "Flanders": "BEL", "Wallonia": "BEL", "Scotland": "GBR", "Wales": "GBR",
    "California": "USA", "New South Wales": "AUS", "Queensland": "AUS",
    "Western Australia": "AUS", "Sabah": "MYS", "Sarawak": "MYS", "Penang": "MYS",
    "퀘벡": "CAN", "온타리오": "CAN", "바이에른": "DEU", "카탈루냐": "ESP",
    "플랑드르": "BEL", "스코틀랜드": "GBR", "캘리포니아": "USA",
}  # fmt: skip

# Korean country names that are also everyday words ("수단" is a means, "인도" a pavement):
# they count only beside a counterpart noun or in a list of countries.
KOREAN_WEAK_NAMES = {
    "수단",
    "오만",
    "인도",
    "이란",
    "말리",
    "가나",
    "차드",
    "기니",
    "통가",
    "가봉",
    "조지아",
}
# English country names that are also people's names or common words.
ENGLISH_WEAK_NAMES = {"Georgia", "Jordan", "Chad", "Jersey", "Turkey", "Guinea", "Niger", "Mali"}
# Region words that contain a country's name or demonym and must not be read as one.
REGION_WORDS = (
    "Latin America", "Latin American", "Central America", "Central American", "South America",
    "South American", "North America", "North American", "Middle East", "Southeast Asia",
    "Southeast Asian", "Central Asia", "Central Asian", "East Asia", "East Asian", "Asia",
    "Africa", "Europe", "European", "African", "Asian", "Indian Ocean", "New Mexico",
    "Mexico City", "Kuwait City", "Panama City", "Guatemala City", "Djibouti City",
    "Singapore River", "Korea Herald", "Korea Times", "Papua", "Korean War",
)  # fmt: skip


def title_and_type(phrase: str, korean: bool = False) -> tuple[str, str]:
    """The counterpart's title and type from the words around them ("" when none)."""
    if korean:
        for word, title, kind in KOREAN_TITLES:
            if word in phrase:
                return title, kind
        return "", ""
    for pattern, title, kind in TITLES:
        if re.search(rf"\b(?:{pattern})", phrase, re.IGNORECASE):
            if _OFFICE_ABROAD.search(phrase):
                kind = "other"  # "Attaché of the Quebec Government Office": not an embassy
            return title, kind
    return "", ""


_OFFICE_ABROAD = re.compile(
    r"\b(?:trade (?:office|commission)|government office|representative office|"
    r"chamber of commerce)\b",
    re.IGNORECASE,
)


_OUR_SIDE = re.compile(r"(?:Deputy\s+)?Secretary[- ]General|사무총장|사무차장")


def person_title(sentence: str, korean: bool = False) -> str:
    """The first diplomat's title a sentence gives anyone but the organisation's own people
    ("Military Attaché Haruyuki Fujii", "1등서기관"), or ""."""
    sentence = _OUR_SIDE.sub(" ", sentence)
    best: tuple[int, str] | None = None
    if korean:
        for word, title, kind in KOREAN_TITLES:
            match = re.search(rf"{word}(?!관)", sentence) if title else None
            if match and kind in ("embassy", "consulate") and (not best or match.start() < best[0]):
                best = (match.start(), title)
        return best[1] if best else ""
    for pattern, title, kind in TITLES:
        match = re.search(rf"\b(?:{pattern})\b", sentence, re.IGNORECASE) if title else None
        if match and kind in ("embassy", "consulate") and (not best or match.start() < best[0]):
            best = (match.start(), title)
    return best[1] if best else ""


def is_counterpart_noun(word: str) -> bool:
    """Whether a word names who was met ("Embassy", "delegation")."""
    return bool(_NOUN.match(word))
