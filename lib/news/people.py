"""The people a news item introduces with their country, and the words that later name them.

"H.E. Mr. Pedro Zurita, Ambassador of Chile" is later "Ambassador Zurita" or "Mr. Zurita";
"응우옌 반 탄 주한 베트남 대사" is later "탄 대사" or "응우옌 대사". A sentence that names one of
them is about that person's country, whatever country was named last.
"""

from __future__ import annotations

import functools
import re

_HONORIFICS = re.compile(r"^(?:(?:H\.E\.|HE|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Sir|Dame)\s+)+")
_NAME = r"[A-Z][\w'’-]+\.?(?:[\s-](?:de|De|del|da|bin|binti|van|von|al|Al|[A-Z][\w'’.-]+)){1,4}"
_TITLES = (
    r"(?:Deputy\s+|Vice\s+)?(?:Ambassador|High Commissioner|Consul[- ]General|Consul|"
    r"Chargé d['’]Affaires|Deputy Chief of Mission|Deputy Head of Mission|Head of Mission|"
    r"Minister|Mayor|Governor|Counsellor|Attaché|Secretary)"
)
# "H.E. Mr. Pedro Zurita, Ambassador of" / "Wadee Al-Batti of": a name just before the country.
_NAME_BEFORE = re.compile(
    rf"(?P<name>(?:(?:H\.E\.|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)*{_NAME}),?\s+(?:the\s+)?"
    rf"(?i:newly[- ]appointed\s+|new\s+)?(?i:{_TITLES}\s+(?:of|for|from)|of)\s+(?:the\s+)?$",
)
# "Ambassador of Viet Nam to Bangladesh Pham Viet Chien": a name just after the country.
_NAME_AFTER = re.compile(
    rf"^(?:\s+to\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)?,?\s+(?:{_TITLES}\s+)?"
    rf"(?:(?:H\.E\.|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)*(?P<name>{_NAME})"
)
# "Indonesian Ambassador Heru Subolo", "Kenyan Ambassador to Korea Emily Mworia".
_NAME_AFTER_TITLE = re.compile(
    rf"^\s+{_TITLES}(?:\s+to\s+(?:the\s+)?[A-Z][\w'’-]+)?,?\s+"
    rf"(?:(?:H\.E\.|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)*(?P<name>{_NAME})"
)
_NOT_NAMES = re.compile(
    r"\b(?:Embassy|Republic|City|Secretariat|Secretary|General|Office|Ministry|Government|"
    r"Korea|Seoul|Council|Committee|University|WeGO|Municipality|Province|Kingdom|Mission|"
    r"Consulate|High|Commission|Ambassador|Mayor)\b"
)
_KOREAN_WORD = re.compile(
    r"^(?!지난|이번|오는|다음|올해|작년|최근|앞서|당시|현재|이날|오늘|어제)[가-힣]{1,6}$"
)
_KOREAN_TITLE_AFTER = re.compile(r"^[가-힣]{1,10}?\s?(?:대사|총영사|영사|대사대리|공사|참사관)")
_KOREAN_ENDINGS = re.compile(r"(?:은|는|이|가|을|를|와|과|에서|에게|의|도|로|으로|고|며|일|월)$")
_KOREAN_TITLES_WORDS = {
    "대사", "총영사", "영사", "시장", "부시장", "지사", "도지사", "장관", "대표", "총장",
    "사무총장", "주한", "신임", "전", "현", "및", "등", "그리고", "또", "이날", "오늘", "어제",
}  # fmt: skip


def person_near(text: str, start: int, end: int, lower: int, upper: int) -> str:
    """The person a country mention at text[start:end] introduces, looked for between `lower`
    and `upper` (the neighbouring mentions), or ""."""
    if re.search("[가-힣]", text[start:end]):
        return _korean_person(text, start, lower)
    before = text[lower:start]
    match = _NAME_BEFORE.search(before)
    if match:
        return _clean(match.group("name"))
    after = text[end:upper]
    for pattern in (_NAME_AFTER_TITLE, _NAME_AFTER):
        match = pattern.match(after)
        if match and not _NOT_NAMES.search(match.group("name")):
            return _clean(match.group("name"))
    return ""


def _clean(name: str) -> str:
    name = _HONORIFICS.sub("", name.strip()).rstrip(".,")
    return "" if _NOT_NAMES.search(name) or len(name.split()) < 2 else name


def _korean_person(text: str, start: int, lower: int) -> str:
    """ "응우옌 반 탄 주한 베트남 대사": the words of a name just before "주한" or the country."""
    if not _KOREAN_TITLE_AFTER.match(text[start:]) and not text[lower:start].endswith(
        ("주한 ", "주한")
    ):
        return ""  # "몽골을 방문했다": a country, not a person's
    words = text[lower:start].split()
    while words and words[-1] in ("주한", "주"):
        words.pop()
    name: list[str] = []
    for word in reversed(words):
        if (
            not _KOREAN_WORD.match(word)
            or _KOREAN_ENDINGS.search(word)
            or word in _KOREAN_TITLES_WORDS
            or len(name) == 3
        ):
            break
        name.insert(0, word)
    return " ".join(name)


def keys_of(name: str) -> list[str]:
    """The words that later name the person: the surname ("Zurita"), or for a Korean
    transcription each part of two syllables or more ("응우옌", "코발스카")."""
    if not name:
        return []
    parts = name.split()
    if re.search("[가-힣]", name):
        return [name] + [part for part in parts if len(part) >= 2]
    return [name, parts[-1]] if len(parts[-1]) >= 3 else [name]


def named_in(text: str, key: str) -> int:
    """Where a person's name key stands in a sentence as a word, or -1."""
    if key not in text:
        return -1
    match = _key_pattern(key).search(text)
    return match.start() if match else -1


@functools.lru_cache(maxsize=1024)
def _key_pattern(key: str) -> re.Pattern:
    if re.search("[가-힣]", key):
        return re.compile(rf"(?<![가-힣]){re.escape(key)}(?=\s|[은는이가을를의와과도]|$)")
    return re.compile(rf"(?<![\w-]){re.escape(key)}(?![\w-])")
