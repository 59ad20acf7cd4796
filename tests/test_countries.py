"""Tests for lib.countries: what people write resolves to the right country, or is refused."""

import csv
import pickle
import random

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
