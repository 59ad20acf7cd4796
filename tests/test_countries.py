"""Tests for lib.countries: what people write resolves to the right country, or is refused."""

import csv
import io
import pickle
import random
import re
from datetime import date

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import countries, i18n
from lib.countries import (
    M49_PATH,
    Country,
    CountryNotFound,
    all_countries,
    clear_resolution_cache,
    countries_table,
    country_by_iso3,
    country_name,
    region_name,
    resolution_cache_info,
    resolve_country,
)
from lib.meetings import read_meetings

M49_SUBREGIONS = {
    "Africa": {"Northern Africa", "Sub-Saharan Africa"},
    "Americas": {"Latin America and the Caribbean", "Northern America"},
    "Asia": {"Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia"},
    "Europe": {"Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe"},
    "Oceania": {"Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"},
}


def iso3(text: str) -> str:
    return resolve_country(text).iso3


def refused(text: str) -> CountryNotFound:
    with pytest.raises(CountryNotFound) as caught:
        resolve_country(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KZ", "KAZ"),
        ("kz", "KAZ"),
        ("KAZ", "KAZ"),
        ("398", "KAZ"),
        ("036", "AUS"),
        ("36", "AUS"),
        ("410", "KOR"),
        ("408", "PRK"),
        ("XKX", "XKX"),
        ("xk", "XKX"),
        ("GB", "GBR"),
    ],
)
def test_iso_codes(text, expected):
    assert iso3(text) == expected


def test_numeric_cells_from_a_spreadsheet():
    assert iso3(398) == "KAZ"
    assert iso3(36.0) == "AUS"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  côte d'ivoire ", "CIV"),
        ("COTE D'IVOIRE", "CIV"),
        ("Cote d Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("turkiye", "TUR"),
        ("TÜRKIYE", "TUR"),
        ("Guinea Bissau", "GNB"),
        ("Bosnia & Herzegovina", "BIH"),
        ("Saint Vincent & the Grenadines", "VCT"),
        ("Kazakhstan.", "KAZ"),
        ("St. Lucia", "LCA"),
        ("St Kitts and Nevis", "KNA"),
    ],
)
def test_case_accents_spaces_and_punctuation_are_ignored(text, expected):
    assert iso3(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Swaziland", "SWZ"),
        ("Burma", "MMR"),
        ("Cape Verde", "CPV"),
        ("Czech Republic", "CZE"),
        ("Macedonia", "MKD"),
        ("Zaire", "COD"),
        ("East Timor", "TLS"),
        ("Cameroun", "CMR"),
        ("Lao PDR", "LAO"),
    ],
)
def test_former_and_other_names(text, expected):
    assert iso3(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("Laos", "LAO"),
        ("Syria", "SYR"),
        ("Iran", "IRN"),
        ("Islamic Republic of Iran", "IRN"),
        ("Moldova", "MDA"),
        ("Tanzania", "TZA"),
        ("Bolivia", "BOL"),
        ("Venezuela", "VEN"),
        ("Brunei", "BRN"),
        ("Micronesia", "FSM"),
        ("Vatican", "VAT"),
        ("Holy See", "VAT"),
        ("Palestine", "PSE"),
        ("Taiwan", "TWN"),
        ("USA", "USA"),
        ("United States of America", "USA"),
        ("Kyrgyz Republic", "KGZ"),
        ("Eswatini", "SWZ"),
        ("Cabo Verde", "CPV"),
        ("The Gambia", "GMB"),
    ],
)
def test_names_people_use(text, expected):
    assert iso3(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakh cities", "KAZ"),
        ("Kazakh", "KAZ"),
        ("the Colombian Embassy", "COL"),
        ("Singaporean Embassy in Seoul", "SGP"),
        ("Japanese", "JPN"),
        ("Ecuadorian Embassy", "ECU"),
        ("Philippine Embassy in Seoul", "PHL"),
        ("the Philippines", "PHL"),
        ("the Dominican Republic", "DOM"),
        ("UAE", "ARE"),
        ("Canada (Quebec)", "CAN"),
        ("Embassy of the Republic of Kazakhstan in Seoul", "KAZ"),
        ("Embassy of Colombia", "COL"),
        ("Ambassador of Mexico to Korea", "MEX"),
        ("South African Embassy", "ZAF"),
        ("Uzbek delegation", "UZB"),
        ("U.S. Embassy", "USA"),
        ("Nigerien government", "NER"),
        ("Nigerian government", "NGA"),
        ("Ministry of Foreign Affairs of Japan", "JPN"),
    ],
)
def test_adjectives_and_press_release_phrases(text, expected):
    assert iso3(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Republic of Korea", "KOR"),
        ("South Korea", "KOR"),
        ("ROK", "KOR"),
        ("Korea, Republic of", "KOR"),
        ("KR", "KOR"),
        ("DPRK", "PRK"),
        ("North Korea", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Kosovo", "XKX"),
        ("Republic of Kosovo", "XKX"),
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("Dominica", "DMA"),
        ("Dominican Republic", "DOM"),
        ("Sudan", "SDN"),
        ("South Sudan", "SSD"),
        ("DR Congo", "COD"),
        ("DRC", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("Republic of the Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("Guinea", "GIN"),
        ("Guinea-Bissau", "GNB"),
        ("Equatorial Guinea", "GNQ"),
        ("Papua New Guinea", "PNG"),
        ("Austria", "AUT"),
        ("Australia", "AUS"),
        ("Iran", "IRN"),
        ("Iraq", "IRQ"),
        ("UK", "GBR"),
        ("Great Britain", "GBR"),
        ("United Kingdom", "GBR"),
        ("Georgia", "GEO"),
        ("Samoa", "WSM"),
        ("American Samoa", "ASM"),
        ("India", "IND"),
        ("Indonesia", "IDN"),
        ("Slovakia", "SVK"),
        ("Slovenia", "SVN"),
        ("Mali", "MLI"),
        ("Malawi", "MWI"),
    ],
)
def test_names_easy_to_confuse(text, expected):
    assert iso3(text) == expected


def test_kosovo_is_never_serbia():
    assert iso3("Kosovo") == "XKX"
    assert iso3("Kosovar delegation") == "XKX"
    assert iso3("Serbia") == "SRB"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("콩고", {"COG", "COD"}),
        ("Congo", {"COG", "COD"}),
        ("Congolese delegation", {"COG", "COD"}),
        ("Dominican", {"DOM", "DMA"}),
        ("Virgin Islands", {"VGB", "VIR"}),
    ],
)
def test_ambiguous_text_is_refused_with_every_candidate(text, expected):
    error = refused(text)
    assert error.ambiguous
    assert {country.iso3 for country in error.suggestions} == expected
    assert error.text == text
    assert "ambiguous" in str(error)


def test_ambiguous_message_reads_for_people():
    message = str(refused("Congo"))
    assert message.startswith('Country "Congo" is ambiguous: did you mean ')
    assert "Republic of the Congo" in message and "DR Congo (COD)" in message
    assert message.endswith("Write the full name or the ISO code.")


@pytest.mark.parametrize("text", ["Korea", "korea", "the Korean Embassy", "한국", "대한민국"])
def test_korea_alone_means_the_republic_of_korea(text):
    assert iso3(text) == "KOR"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("캐나다", "CAN"),
        ("카자흐", "KAZ"),
        ("주한 멕시코 대사관", "MEX"),
        ("멕시코 대사", "MEX"),
        ("주한 캐나다 대사", "CAN"),
        ("북한", "PRK"),
        ("조선민주주의인민공화국", "PRK"),
        ("대만", "TWN"),
        ("타이완", "TWN"),
        ("콩고민주공화국", "COD"),
        ("러시아 연방", "RUS"),
        ("Socialist Republic of Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
    ],
)
def test_korean_names_short_forms_and_mission_phrases(text, expected):
    assert iso3(text) == expected


def test_korean_display_names_are_the_ones_readers_expect():
    expected = {"TWN": "대만", "PRK": "북한", "KOR": "대한민국", "CAN": "캐나다", "XKX": "코소보"}
    assert {code: country_name(code, "ko") for code in expected} == expected
    assert country_name("TWN", "en") == "Taiwan"
    assert all(country.name_ko for country in all_countries())


@pytest.mark.parametrize(
    "text",
    ["Narnia", "Quebec", "Seoul", "England", "Yugoslavia", "European Union", "XYZ", "999", "Saint"],
)
def test_unknown_text_is_refused_naming_it(text):
    error = refused(text)
    assert isinstance(error, LookupError)
    assert not error.ambiguous
    assert error.text == text
    assert f'"{text}"' in str(error)
    assert "ISO code" in str(error)


def test_unknown_message_reads_for_people():
    assert str(refused("Narnia")) == (
        'Unknown country "Narnia". Write the country\'s English name or its ISO code (e.g. KAZ).'
    )


@pytest.mark.parametrize(
    ("text", "expected"), [("Kazakstan", "KAZ"), ("Colombai", "COL"), ("Phillipines", "PHL")]
)
def test_misspellings_are_refused_but_suggested(text, expected):
    error = refused(text)
    assert expected in [country.iso3 for country in error.suggestions]
    assert f"({expected})" in str(error)


def test_republic_of_korea_misspelt_suggests_south_not_north():
    error = refused("Republik of Korea")
    assert error.suggestions[0].iso3 == "KOR"


@pytest.mark.parametrize("text", ["", "   ", "the", None, float("nan")])
def test_empty_text_is_refused(text):
    error = refused(text)
    assert error.suggestions == []
    assert "empty" in str(error) or '"the"' in str(error)


def test_refusal_survives_pickling():
    error = pickle.loads(pickle.dumps(refused("Congo")))
    assert error.text == "Congo"
    assert [country.iso3 for country in error.suggestions] == ["COG", "COD"]


@pytest.mark.parametrize(
    ("text", "region", "subregion", "intermediate"),
    [
        ("KAZ", "Asia", "Central Asia", ""),
        ("Kyrgyzstan", "Asia", "Central Asia", ""),
        ("Tajikistan", "Asia", "Central Asia", ""),
        ("Turkmenistan", "Asia", "Central Asia", ""),
        ("Uzbekistan", "Asia", "Central Asia", ""),
        ("Afghanistan", "Asia", "Southern Asia", ""),
        ("Mongolia", "Asia", "Eastern Asia", ""),
        ("Taiwan", "Asia", "Eastern Asia", ""),
        ("Cyprus", "Asia", "Western Asia", ""),
        ("Türkiye", "Asia", "Western Asia", ""),
        ("MEX", "Americas", "Latin America and the Caribbean", "Central America"),
        ("CAN", "Americas", "Northern America", ""),
        ("USA", "Americas", "Northern America", ""),
        ("Colombia", "Americas", "Latin America and the Caribbean", "South America"),
        ("Jamaica", "Americas", "Latin America and the Caribbean", "Caribbean"),
        ("Sudan", "Africa", "Northern Africa", ""),
        ("Kenya", "Africa", "Sub-Saharan Africa", "Eastern Africa"),
        ("XKX", "Europe", "Southern Europe", ""),
        ("Russia", "Europe", "Eastern Europe", ""),
        ("Australia", "Oceania", "Australia and New Zealand", ""),
    ],
)
def test_regions(text, region, subregion, intermediate):
    country = resolve_country(text)
    assert (country.region, country.subregion, country.intermediate_region) == (
        region,
        subregion,
        intermediate,
    )


def test_display_names_are_the_ones_people_use():
    names = {code: country_by_iso3(code).name for code in ["KOR", "PRK", "TUR", "COD", "COG"]}
    assert names == {
        "KOR": "South Korea",
        "PRK": "North Korea",
        "TUR": "Türkiye",
        "COD": "DR Congo",
        "COG": "Republic of the Congo",
    }
    assert country_by_iso3("CIV").name == "Côte d'Ivoire"
    assert country_by_iso3("XKX").name == "Kosovo"
    assert country_by_iso3("RUS").name == "Russia"


@pytest.mark.parametrize("record", list(pycountry.countries), ids=lambda r: r.alpha_3)
def test_every_iso_country_resolves_by_code_with_a_region(record):
    country = resolve_country(record.alpha_3)
    assert country.iso3 == record.alpha_3
    assert resolve_country(record.alpha_2).iso3 == record.alpha_3
    assert resolve_country(record.numeric).iso3 == record.alpha_3
    if record.alpha_3 == "ATA":
        assert country.region == ""
    else:
        assert country.subregion in M49_SUBREGIONS[country.region]


def test_every_display_name_resolves_to_its_country():
    # Exports write display names, so each must read back as the same country.
    for country in all_countries():
        assert resolve_country(country.name).iso3 == country.iso3, country.name


def test_m49_file_has_a_header_and_one_row_per_country():
    with open(M49_PATH, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["iso3", "m49", "name", "region", "subregion", "intermediate_region"]
    codes = [row[0] for row in rows[1:]]
    assert len(codes) == len(set(codes))
    assert set(codes) == {record.alpha_3 for record in pycountry.countries} | {"XKX"}


def test_countries_table():
    table = countries_table()
    assert len(table) == 250
    assert table["iso3"].is_unique
    assert table.set_index("iso3").loc["NAM", "name"] == "Namibia"
    table.loc[:, "name"] = "changed"
    assert countries_table().set_index("iso3").loc["KAZ", "name"] == "Kazakhstan"


def test_country_by_iso3():
    assert country_by_iso3("kaz") == Country(
        iso3="KAZ",
        name="Kazakhstan",
        region="Asia",
        subregion="Central Asia",
        intermediate_region="",
        iso2="KZ",
        name_ko="카자흐스탄",
        official_name="Republic of Kazakhstan",
        m49="398",
    )
    assert country_by_iso3("XKX").region == "Europe"
    with pytest.raises(CountryNotFound, match="ZZZ"):
        country_by_iso3("ZZZ")


def test_all_countries_sorted_by_name_for_the_picker():
    names = [country.name for country in all_countries()]
    assert len(names) == 250
    assert names.index("Åland Islands") < names.index("Albania")
    assert names.index("Côte d'Ivoire") < names.index("Croatia")
    assert names.index("Türkiye") < names.index("Tuvalu")
    assert names[-1] == "Zimbabwe"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gives_a_country_or_a_refusal(text):
    try:
        country = resolve_country(text)
    except CountryNotFound as error:
        assert error.text == text
        assert str(error)
    else:
        assert country.iso3 in {c.iso3 for c in all_countries()}


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["Kazakh", "the Colombian", "Congo", "Narnia", "Japanese"]),
    st.sampled_from(["", " Embassy", " Embassy in Seoul", " cities", " (Seoul)"]),
)
def test_press_phrases_never_fail_oddly(adjective, noun):
    text = adjective + noun
    try:
        assert resolve_country(text).iso3 in {"KAZ", "COL", "JPN"}
    except CountryNotFound as error:
        assert error.text == text


def test_each_distinct_text_is_resolved_once(monkeypatch):
    distinct = [record.alpha_3 for record in list(pycountry.countries)[:140]]
    distinct += ["Kazakh cities", "the Colombian Embassy", "Congolese", "Congo", "Narnia"]
    distinct += ["DR Congo", "Japanese", "UAE", "Kosovo", "Quebec"]
    assert len(set(distinct)) == 150
    texts = random.Random(7).choices(distinct, k=20_000)

    real_resolutions = []
    original = countries._resolve_uncached
    monkeypatch.setattr(
        countries, "_resolve_uncached", lambda text: real_resolutions.append(text) or original(text)
    )
    clear_resolution_cache()
    resolved = failed = 0
    for text in texts:
        try:
            resolve_country(text)
            resolved += 1
        except CountryNotFound:
            failed += 1

    assert len(set(texts)) == 150
    assert sorted(real_resolutions) == sorted(set(texts))
    info = resolution_cache_info()
    assert (info.misses, info.hits) == (150, 19_850)
    assert failed == sum(text in {"Congolese", "Congo", "Narnia", "Quebec"} for text in texts)
    assert resolved + failed == 20_000


def test_every_m49_region_has_a_korean_name():
    table = countries_table()
    names = set(table[["region", "subregion", "intermediate_region"]].to_numpy().ravel()) - {""}
    assert len(names) == 30
    assert all(region_name(name, "ko") != name for name in names)
    assert len({region_name(name, "ko") for name in names}) == len(names)


@pytest.mark.parametrize(
    ("region", "korean"),
    [
        ("Asia", "아시아"),
        ("Central Asia", "중앙아시아"),
        ("Latin America and the Caribbean", "라틴아메리카·카리브"),
        ("Sub-Saharan Africa", "사하라 이남 아프리카"),
        ("Eastern Asia", "동아시아"),
        ("", ""),
    ],
)
def test_region_names_in_korean(region, korean):
    assert region_name(region, "ko") == korean
    assert region_name(region, "en") == region


def test_region_name_follows_the_current_language():
    i18n.use("ko")
    try:
        assert region_name("Europe") == "유럽"
    finally:
        i18n.use("en")
    assert region_name("Europe") == "Europe"


def test_refusals_read_in_the_language_of_whoever_reads_them():
    ambiguous, misspelt, empty = refused("Congo"), refused("Kazakstan"), refused("")
    i18n.use("ko")
    try:
        assert str(ambiguous) == (
            '국가 "Congo"은(는) 여러 나라를 가리킬 수 있습니다. 콩고공화국(COG) 또는 '
            "콩고민주공화국(COD) 중 어느 나라입니까? 정식 이름이나 ISO 코드를 쓰십시오."
        )
        assert "혹시 카자흐스탄(KAZ)입니까?" in str(misspelt)
        assert str(pickle.loads(pickle.dumps(empty))).startswith("국가가 없습니다")
        with pytest.raises(CountryNotFound, match="알 수 없는 ISO 코드"):
            country_by_iso3("ZZZ")
    finally:
        i18n.use("en")
    assert str(misspelt).startswith('Unknown country "Kazakstan". Did you mean Kazakhstan (KAZ)?')


# --- The vocabulary is data (data/country_names.csv): each row is tested the day it is added.

NAME_ROWS = countries.country_names()
AMBIGUOUS_NAMES: dict[str, list[str]] = {}
for _row in NAME_ROWS:
    if _row.kind == "ambiguous":
        AMBIGUOUS_NAMES.setdefault(_row.name, []).append(_row.iso3)


@pytest.mark.parametrize(
    "row",
    [row for row in NAME_ROWS if row.kind != "ambiguous"],
    ids=lambda row: f"{row.iso3}-{row.language}-{row.kind}-{row.name}",
)
def test_every_name_in_the_vocabulary_file_resolves_to_its_country(row):
    assert iso3(row.name) == row.iso3
    if row.kind == "name":
        assert country_name(row.iso3, "ko") == row.name
    if row.kind == "official":
        assert country_by_iso3(row.iso3).official_name == row.name


@pytest.mark.parametrize(("name", "codes"), list(AMBIGUOUS_NAMES.items()))
def test_every_ambiguous_name_in_the_vocabulary_file_is_refused_naming_each_country(name, codes):
    error = refused(name)
    assert error.ambiguous
    assert [country.iso3 for country in error.suggestions] == codes


def test_no_name_in_the_vocabulary_points_to_two_countries():
    owners: dict[str, set[str]] = {}
    for row in NAME_ROWS:
        if row.kind != "ambiguous":
            owners.setdefault(countries.normalise(row.name), set()).add(row.iso3)
    assert {key: codes for key, codes in owners.items() if len(codes) > 1} == {}
    assert len(AMBIGUOUS_NAMES) == 6  # Congo, Congolese, Dominican, Virgin Islands, 콩고, 도미니카


def _with_names_file(monkeypatch, tmp_path, text: str) -> None:
    path = tmp_path / "country_names.csv"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(countries, "NAMES_PATH", path)
    for cached in (countries.country_names, countries._catalogue, countries._all_countries):
        cached.cache_clear()
    clear_resolution_cache()


@pytest.fixture
def restore_vocabulary():
    yield
    for cached in (countries.country_names, countries._catalogue, countries._all_countries):
        cached.cache_clear()
    clear_resolution_cache()


def test_a_name_given_to_two_countries_in_the_file_is_refused_naming_it(
    monkeypatch, tmp_path, restore_vocabulary
):
    _with_names_file(
        monkeypatch, tmp_path, "iso3,name,language,kind\nKOR,Korea,en,alias\nPRK,Korea,en,alias\n"
    )
    with pytest.raises(ValueError, match="korea.*KOR.*PRK"):
        resolve_country("Korea")


def test_a_bad_row_in_the_vocabulary_file_names_its_line(monkeypatch, tmp_path, restore_vocabulary):
    _with_names_file(
        monkeypatch,
        tmp_path,
        "iso3,name,language,kind\nAUS,호주,ko,alias\nAUS,Aussie,en,nickname\n",
    )
    with pytest.raises(ValueError, match="line 3: language 'en' with kind 'nickname'"):
        resolve_country("호주")


def test_a_new_row_in_the_vocabulary_file_is_understood_with_no_code(
    monkeypatch, tmp_path, restore_vocabulary
):
    with pytest.raises(CountryNotFound):
        resolve_country("Oz")
    _with_names_file(monkeypatch, tmp_path, "iso3,name,language,kind\nAUS,Oz,en,alias\n")
    assert iso3("Oz") == "AUS"


# --- Names the form, the import and news refused before the vocabulary was one.

ONCE_REFUSED = [
    ("호주", "AUS"),
    ("터키", "TUR"),
    ("튀르키예", "TUR"),
    ("남아공", "ZAF"),
    ("사우디", "SAU"),
    ("도미니카공화국", "DOM"),
    ("도미니카 공화국", "DOM"),
    ("교황청", "VAT"),
    ("주한 호주 대사", "AUS"),
    ("주한 남아공 대사관", "ZAF"),
    ("Socialist Republic of Vietnam", "VNM"),
    ("Oriental Republic of Uruguay", "URY"),
    ("Republic of the Union of Myanmar", "MMR"),
    ("Commonwealth of Australia", "AUS"),
]


@pytest.mark.parametrize(("text", "expected"), ONCE_REFUSED)
def test_names_once_refused_resolve(text, expected):
    assert iso3(text) == expected


@pytest.mark.parametrize(("text", "expected"), ONCE_REFUSED)
def test_names_once_refused_pass_the_forms_check(text, expected):
    from lib.ui.forms import record_of

    record, problems = record_of(
        {"typed_country": text, "date": date(2025, 5, 12), "date_precision": "day"}
    )
    assert "country" not in problems
    assert record["country"] == country_by_iso3(expected).name


def test_a_file_with_names_once_refused_imports_every_row():
    cells = [text for text, _ in ONCE_REFUSED]
    body = "date,country\n" + "".join(f'2025-05-{12 + n % 10},"{c}"\n' for n, c in enumerate(cells))
    result = read_meetings(io.BytesIO(body.encode("utf-8")), name="embassies.csv")
    assert result.problems == []
    assert list(result.meetings["iso3"]) == [code for _, code in ONCE_REFUSED]


# --- Formal state names: one rule for all ("Socialist Republic of", "Commonwealth of" …).

# The names several formal names share: with another formal form they stay ambiguous.
SHARED_BY_FORMAL_NAMES = {"korea": {"KOR", "PRK"}, "china": {"CHN", "TWN"}, "congo": {"COG", "COD"}}
_STATE_NOUN = (
    r"(?:Republic|Kingdom|States?|Commonwealth|Federation|Union|Principality|Duchy|Sultanate)"
)


def _formal_variants() -> list[tuple[str, str]]:
    """Each country's formal prefix (from pycountry's official name) with its other names."""
    variants = []
    for record in pycountry.countries:
        official = country_by_iso3(record.alpha_3).official_name
        prefix = re.match(rf"^(.*\b{_STATE_NOUN} of (?:the )?)", official)
        if not prefix or "," in official:
            continue
        names = {record.name, getattr(record, "common_name", "") or ""}
        names |= {r.name for r in NAME_ROWS if r.iso3 == record.alpha_3 and r.kind == "alias"}
        names = {re.sub(r"^The ", "", name) for name in names if "," not in name}
        for name in sorted(names):
            if name and name.isascii() and not re.search(rf"\b{_STATE_NOUN} of\b", name):
                variants.append((prefix.group(1) + name, record.alpha_3))
    return variants


@pytest.mark.parametrize(
    "record",
    [r for r in pycountry.countries if getattr(r, "official_name", None)],
    ids=lambda r: r.alpha_3,
)
def test_every_official_name_resolves_to_its_country(record):
    assert iso3(record.official_name) == record.alpha_3
    assert iso3(record.official_name.upper()) == record.alpha_3


@pytest.mark.parametrize(("text", "expected"), _formal_variants())
def test_a_formal_prefix_before_any_name_of_the_country_resolves(text, expected):
    try:
        assert iso3(text) == expected
    except CountryNotFound as error:
        # Only a name several formal names share may stay ambiguous, and never wrongly.
        base = countries.normalise(re.sub(rf"^.*\b{_STATE_NOUN} of (?:the )?", "", text))
        assert error.ambiguous and base in SHARED_BY_FORMAL_NAMES, text
        assert {c.iso3 for c in error.suggestions} == SHARED_BY_FORMAL_NAMES[base]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Viet Nam, Socialist Republic of", "VNM"),
        ("the Kingdom of Saudi Arabia", "SAU"),
        ("Embassy of the Socialist Republic of Vietnam", "VNM"),
        ("Federal Republic of Nigeria", "NGA"),
        ("Republic of Niger", "NER"),
        ("Republic of Sudan", "SDN"),
        ("Republic of South Sudan", "SSD"),
        ("Republic of Equatorial Guinea", "GNQ"),
        ("Independent State of Papua New Guinea", "PNG"),
        ("Commonwealth of Dominica", "DMA"),
        ("Argentine Republic", "ARG"),
        ("Republic of Turkey", "TUR"),
        ("Republic of Korea", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("People's Republic of China", "CHN"),
        ("오스트레일리아 연방", "AUS"),
        ("베트남 사회주의 공화국", "VNM"),
        ("주한 튀르키예 공화국 대사관", "TUR"),
        ("도미니카 연방", "DMA"),
    ],
)
def test_formal_names_people_write(text, expected):
    assert iso3(text) == expected


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("Socialist Republic of Korea", {"KOR", "PRK"}),
        ("People's Republic of Korea", {"KOR", "PRK"}),
        ("Federal Republic of China", {"CHN", "TWN"}),
        ("Kingdom of Congo", {"COG", "COD"}),
        ("콩고 공화국 연방", {"COG", "COD"}),
    ],
)
def test_a_formal_name_of_a_shared_name_is_never_guessed(text, candidates):
    error = refused(text)
    assert error.ambiguous
    assert {country.iso3 for country in error.suggestions} == candidates


# --- One vocabulary: a Korean name news reads, the form reads too, as the same country.

KOREAN_NAMES_READ = sorted(
    {country.name_ko: country.iso3 for country in all_countries() if country.name_ko}.items()
    | {name: codes[0] for name, codes in countries.countries_by_name("ko", "alias").items()}.items()
)


# Short English forms news reads in press text (once a table of news's own).
ENGLISH_SHORT_NAMES_READ = [
    ("Viet Nam", "VNM"),
    ("St Lucia", "LCA"),
    ("St. Lucia", "LCA"),
    ("Türkiye", "TUR"),
    ("Turkiye", "TUR"),
    ("St Kitts and Nevis", "KNA"),
    ("St Kitts", "KNA"),
    ("St Vincent and the Grenadines", "VCT"),
    ("St Vincent", "VCT"),
    ("Czechia", "CZE"),
    ("Timor-Leste", "TLS"),
]


@pytest.mark.parametrize(("name", "expected"), KOREAN_NAMES_READ + ENGLISH_SHORT_NAMES_READ)
def test_a_korean_name_news_reads_the_form_reads_as_the_same_country(name, expected):
    from lib.news import read_news
    from lib.recording import country_cell

    sentence = (
        f"서울시는 2025년 5월 12일 주한 {name} 대사를 만났다."
        if re.search("[가-힣]", name)
        else f"On 12 May 2025 the Secretary General met the Ambassador of {name} in Seoul."
    )
    drafts = read_news(sentence, published=date(2025, 5, 13)).drafts
    shown, problem = country_cell(name)
    if name in AMBIGUOUS_NAMES:  # "도미니카": neither guesses
        assert drafts == []
        assert problem and refused(name).ambiguous
        return
    assert [resolve_country(draft["country"]).iso3 for draft in drafts] == [expected]
    assert (shown, problem) == (country_by_iso3(expected).name, None)


def test_news_keeps_no_country_table_of_its_own():
    from lib.news import wordings

    assert wordings.KOREAN_COUNTRY_NAMES == countries.korean_short_names()
    assert wordings.KOREAN_COUNTRY_NAMES["호주"] == "AUS"


def test_each_vocabulary_file_and_kind_of_name_is_described_in_the_docs():
    documented = (M49_PATH.parent.parent / "docs" / "data-sources.md").read_text(encoding="utf-8")
    for path in (
        countries.NAMES_PATH,
        countries.REGION_NAMES_PATH,
        countries.GROUPS_PATH,
        countries.GROUP_NAMES_PATH,
    ):
        assert f"## data/{path.name}" in documented
    section = documented.split("## data/country_names.csv", 1)[1].split("\n## ", 1)[0]
    for kinds in countries.NAME_KINDS.values():
        assert all(f"`{kind}`" in section for kind in kinds)


def test_every_country_name_news_reads_in_english_the_form_reads_as_the_same_country():
    from lib.news.mentions import _english_names

    _pattern, names = _english_names()
    read = {text: iso3 for text, (iso3, kind, _options) in names.items() if iso3}
    assert {"Viet Nam", "St Lucia", "Türkiye", "St Kitts"} <= set(read)
    assert {text: resolve_country(text).iso3 for text in read} == read


# --- Groups of countries: members and names are data, read by news, the form and the import.


def test_news_reads_the_groups_members_from_the_data_file():
    from lib.news import groups

    assert groups.MEMBERS == countries.country_groups()
    assert len(groups.MEMBERS["ASEAN"]) == 10 and "VNM" in groups.MEMBERS["ASEAN"]
    assert {name for name, group in countries.group_names().items() if group == "EU"} >= {
        "EU",
        "European Union",
        "유럽연합",
    }


@pytest.mark.parametrize("name", sorted(countries.group_names()))
def test_a_group_is_refused_as_a_country_and_the_message_names_it(name):
    error = refused(name)
    group = countries.group_names()[name]
    count = len(countries.country_groups()[group])
    assert not error.ambiguous and error.suggestions == []
    assert f'"{name}" is a group of {count} countries' in str(error)
    with i18n.speaking("ko"):
        assert f"{count}개국의 모임" in str(error)


def test_a_file_row_naming_a_group_is_refused_with_the_groups_words():
    body = "date,country\n2025-05-12,Canada\n2025-05-13,the EU\n"
    result = read_meetings(io.BytesIO(body.encode("utf-8")), name="groups.csv")
    assert list(result.meetings["iso3"]) == ["CAN"]
    [problem] = result.problems
    assert (problem.line, problem.column) == (3, "country")
    assert "group of 27 countries" in str(problem.message)


def test_the_form_refuses_a_group_with_the_groups_words():
    from lib.ui.forms import record_of

    _record, problems = record_of(
        {"typed_country": "아세안", "date": date(2025, 5, 12), "date_precision": "day"}
    )
    assert "group of 10 countries" in str(problems["country"])
