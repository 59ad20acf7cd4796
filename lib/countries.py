"""Countries: resolve what people write ("Kazakh", "the Colombian Embassy", "KZ") to one country."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pycountry

from lib.i18n import L_, current

M49_PATH = Path(__file__).resolve().parent.parent / "data" / "m49.csv"
M49_COLUMNS = ["iso3", "m49", "name", "region", "subregion", "intermediate_region"]
REGIONS = frozenset({"Africa", "Americas", "Asia", "Europe", "Oceania"})
# The Korean names of the UN M49 regions, sub-regions and intermediate regions. M49 is a
# fixed vocabulary that changes only with the UN's list, so it sits here, beside REGIONS,
# where the loader checks that every name in data/m49.csv has one.
KOREAN_REGION_NAMES = {
    "Africa": "아프리카",
    "Americas": "아메리카",
    "Asia": "아시아",
    "Europe": "유럽",
    "Oceania": "오세아니아",
    "Northern Africa": "북아프리카",
    "Sub-Saharan Africa": "사하라 이남 아프리카",
    "Latin America and the Caribbean": "라틴아메리카·카리브",
    "Northern America": "북아메리카",
    "Central Asia": "중앙아시아",
    "Eastern Asia": "동아시아",
    "South-eastern Asia": "동남아시아",
    "Southern Asia": "남아시아",
    "Western Asia": "서아시아",
    "Eastern Europe": "동유럽",
    "Northern Europe": "북유럽",
    "Southern Europe": "남유럽",
    "Western Europe": "서유럽",
    "Australia and New Zealand": "오스트레일리아·뉴질랜드",
    "Melanesia": "멜라네시아",
    "Micronesia": "미크로네시아",
    "Polynesia": "폴리네시아",
    "Caribbean": "카리브",
    "Central America": "중앙아메리카",
    "South America": "남아메리카",
    "Eastern Africa": "동부 아프리카",
    "Middle Africa": "중부 아프리카",
    "Southern Africa": "남부 아프리카",
    "Western Africa": "서부 아프리카",
    "Channel Islands": "채널 제도",
}

# Kosovo has no ISO 3166-1 entry; XKX is the user-assigned code the EU and others use.
EXTRA_COUNTRIES = {"XKX": {"iso2": "XK", "official_name": "Republic of Kosovo"}}

# pycountry gives no official name for these, or one nobody writes.
OFFICIAL_NAME_OVERRIDES = {"KOR": "Republic of Korea", "RUS": "Russian Federation"}

# Other names for one country: short, former, diplomatic and colloquial forms.
ALIASES: dict[str, Sequence[str]] = {
    "ARE": ["UAE", "U.A.E.", "Emirates", "The Emirates"],
    "BHS": ["The Bahamas"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "BOL": ["Bolivia"],
    "BRN": ["Brunei"],
    "CHN": ["PRC", "Mainland China"],
    "CIV": ["Ivory Coast", "Cote d Ivoire"],
    "COD": [
        "DR Congo",
        "D.R. Congo",
        "DRC",
        "D.R.C.",
        "Congo-Kinshasa",
        "Congo Kinshasa",
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
        "Congo, Democratic Republic of the",
        "Congo, DR",
        "Zaire",
    ],
    "COG": [
        "Republic of the Congo",
        "Republic of Congo",
        "Congo Republic",
        "Congo-Brazzaville",
        "Congo Brazzaville",
        "Congo, Republic of the",
        "Congo, Republic of",
    ],
    "CMR": ["Cameroun"],
    "CPV": ["Cape Verde"],
    "CZE": ["Czech Republic"],
    "FSM": ["Micronesia", "Federated States of Micronesia"],
    "FLK": ["Falkland Islands", "Falklands"],
    "GBR": [
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "United Kingdom of Great Britain and Northern Ireland",
    ],
    "GMB": ["The Gambia"],
    "IRN": ["Iran", "Persia"],
    "KOR": [
        # In this organisation's files "Korea" always means the Republic of Korea.
        "Korea",
        "South Korea",
        "Republic of Korea",
        "ROK",
        "R.O.K.",
        "Korea Republic",
        "Korea (South)",
        "Korea, South",
    ],
    "LAO": ["Laos", "Lao PDR", "Lao"],
    "MAC": ["Macau"],
    "MDA": ["Moldova"],
    "MKD": ["Macedonia", "Republic of Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
    "MMR": ["Burma"],
    # Holland is strictly two provinces, but in practice only ever means the Netherlands.
    "NLD": ["Holland", "The Netherlands"],
    "PHL": ["The Philippines"],
    "PRK": [
        "North Korea",
        "DPRK",
        "D.P.R.K.",
        "DPR Korea",
        "Korea DPR",
        "Korea (North)",
        "Korea, North",
        "Democratic People's Republic of Korea",
    ],
    "PSE": ["Palestine", "State of Palestine", "Palestinian Territories", "Palestinian Territory"],
    "RUS": ["Russia"],
    "SWZ": ["Swaziland"],
    "SYR": ["Syria"],
    "TLS": ["East Timor"],
    "TUR": ["Turkey", "Turkiye", "Republic of Turkey"],
    "TWN": ["Taiwan", "Chinese Taipei", "Republic of China", "ROC"],
    "TZA": ["Tanzania"],
    "USA": ["US", "U.S.", "U.S.A.", "United States", "America", "United States of America"],
    "VAT": ["Vatican", "Vatican City", "Holy See", "Vatican City State"],
    "VEN": ["Venezuela"],
    "VGB": ["British Virgin Islands", "BVI"],
    "VIR": ["U.S. Virgin Islands", "US Virgin Islands", "USVI"],
    "VNM": ["Vietnam", "Viet Nam"],
    "XKX": ["Kosovo", "Republic of Kosovo", "XK"],
}

# Adjectives and demonyms as press releases use them ("the Colombian Embassy").
DEMONYMS: dict[str, Sequence[str]] = {
    "AFG": ["Afghan", "Afghani"],
    "AGO": ["Angolan"],
    "ALB": ["Albanian"],
    "AND": ["Andorran"],
    "ARE": ["Emirati"],
    "ARG": ["Argentine", "Argentinian", "Argentinean"],
    "ARM": ["Armenian"],
    "ATG": ["Antiguan"],
    "AUS": ["Australian"],
    "AUT": ["Austrian"],
    "AZE": ["Azerbaijani", "Azeri"],
    "BDI": ["Burundian"],
    "BEL": ["Belgian"],
    "BEN": ["Beninese"],
    "BFA": ["Burkinabe", "Burkinabé"],
    "BGD": ["Bangladeshi"],
    "BGR": ["Bulgarian"],
    "BHR": ["Bahraini"],
    "BHS": ["Bahamian"],
    "BIH": ["Bosnian"],
    "BLR": ["Belarusian"],
    "BLZ": ["Belizean"],
    "BOL": ["Bolivian"],
    "BRA": ["Brazilian"],
    "BRB": ["Barbadian"],
    "BRN": ["Bruneian"],
    "BTN": ["Bhutanese"],
    "BWA": ["Motswana", "Batswana"],
    "CAF": ["Central African"],
    "CAN": ["Canadian"],
    "CHE": ["Swiss"],
    "CHL": ["Chilean"],
    "CHN": ["Chinese"],
    "CIV": ["Ivorian"],
    "CMR": ["Cameroonian"],
    "COL": ["Colombian"],
    "COM": ["Comorian"],
    "CPV": ["Cape Verdean", "Cabo Verdean"],
    "CRI": ["Costa Rican"],
    "CUB": ["Cuban"],
    "CYP": ["Cypriot"],
    "CZE": ["Czech"],
    "DEU": ["German"],
    "DJI": ["Djiboutian"],
    "DNK": ["Danish"],
    "DZA": ["Algerian"],
    "ECU": ["Ecuadorian", "Ecuadorean"],
    "EGY": ["Egyptian"],
    "ERI": ["Eritrean"],
    "ESP": ["Spanish"],
    "EST": ["Estonian"],
    "ETH": ["Ethiopian"],
    "FIN": ["Finnish"],
    "FJI": ["Fijian"],
    "FRA": ["French"],
    "FSM": ["Micronesian"],
    "GAB": ["Gabonese"],
    "GBR": ["British"],
    "GEO": ["Georgian"],
    "GHA": ["Ghanaian"],
    "GIN": ["Guinean"],
    "GMB": ["Gambian"],
    "GNB": ["Bissau-Guinean"],
    "GNQ": ["Equatorial Guinean", "Equatoguinean"],
    "GRC": ["Greek", "Hellenic"],
    "GRD": ["Grenadian"],
    "GTM": ["Guatemalan"],
    "GUY": ["Guyanese"],
    "HND": ["Honduran"],
    "HRV": ["Croatian"],
    "HTI": ["Haitian"],
    "HUN": ["Hungarian"],
    "IDN": ["Indonesian"],
    "IND": ["Indian"],
    "IRL": ["Irish"],
    "IRN": ["Iranian"],
    "IRQ": ["Iraqi"],
    "ISL": ["Icelandic"],
    "ISR": ["Israeli"],
    "ITA": ["Italian"],
    "JAM": ["Jamaican"],
    "JOR": ["Jordanian"],
    "JPN": ["Japanese"],
    "KAZ": ["Kazakh", "Kazakhstani"],
    "KEN": ["Kenyan"],
    "KGZ": ["Kyrgyz", "Kirghiz"],
    "KHM": ["Cambodian"],
    "KIR": ["I-Kiribati"],
    "KOR": ["South Korean", "Korean"],
    "KWT": ["Kuwaiti"],
    "LAO": ["Laotian"],
    "LBN": ["Lebanese"],
    "LBR": ["Liberian"],
    "LBY": ["Libyan"],
    "LCA": ["Saint Lucian"],
    "LIE": ["Liechtensteiner"],
    "LKA": ["Sri Lankan"],
    "LSO": ["Basotho", "Mosotho"],
    "LTU": ["Lithuanian"],
    "LUX": ["Luxembourgish", "Luxembourger"],
    "LVA": ["Latvian"],
    "MAR": ["Moroccan"],
    "MCO": ["Monegasque", "Monacan"],
    "MDA": ["Moldovan"],
    "MDG": ["Malagasy"],
    "MDV": ["Maldivian"],
    "MEX": ["Mexican"],
    "MHL": ["Marshallese"],
    "MKD": ["Macedonian", "North Macedonian"],
    "MLI": ["Malian"],
    "MLT": ["Maltese"],
    "MMR": ["Burmese", "Myanmarese"],
    "MNE": ["Montenegrin"],
    "MNG": ["Mongolian"],
    "MOZ": ["Mozambican"],
    "MRT": ["Mauritanian"],
    "MUS": ["Mauritian"],
    "MWI": ["Malawian"],
    "MYS": ["Malaysian"],
    "NAM": ["Namibian"],
    "NER": ["Nigerien"],
    "NGA": ["Nigerian"],
    "NIC": ["Nicaraguan"],
    "NLD": ["Dutch"],
    "NOR": ["Norwegian"],
    "NPL": ["Nepali", "Nepalese"],
    "NRU": ["Nauruan"],
    "NZL": ["New Zealander"],
    "OMN": ["Omani"],
    "PAK": ["Pakistani"],
    "PAN": ["Panamanian"],
    "PER": ["Peruvian"],
    "PHL": ["Philippine", "Filipino"],
    "PLW": ["Palauan"],
    "PNG": ["Papua New Guinean"],
    "POL": ["Polish"],
    "PRI": ["Puerto Rican"],
    "PRK": ["North Korean"],
    "PRT": ["Portuguese"],
    "PRY": ["Paraguayan"],
    "PSE": ["Palestinian"],
    "QAT": ["Qatari"],
    "ROU": ["Romanian"],
    "RUS": ["Russian"],
    "RWA": ["Rwandan"],
    "SAU": ["Saudi", "Saudi Arabian"],
    "SDN": ["Sudanese"],
    "SEN": ["Senegalese"],
    "SGP": ["Singaporean"],
    "SLB": ["Solomon Islander"],
    "SLE": ["Sierra Leonean"],
    "SLV": ["Salvadoran", "Salvadorean"],
    "SMR": ["Sammarinese"],
    "SOM": ["Somali", "Somalian"],
    "SRB": ["Serbian"],
    "SSD": ["South Sudanese"],
    "STP": ["Sao Tomean"],
    "SUR": ["Surinamese"],
    "SVK": ["Slovak", "Slovakian"],
    "SVN": ["Slovenian", "Slovene"],
    "SWE": ["Swedish"],
    "SWZ": ["Swazi", "Emaswati"],
    "SYC": ["Seychellois"],
    "SYR": ["Syrian"],
    "TCD": ["Chadian"],
    "TGO": ["Togolese"],
    "THA": ["Thai"],
    "TJK": ["Tajik", "Tajikistani"],
    "TKM": ["Turkmen", "Turkmenistani"],
    "TLS": ["Timorese", "East Timorese"],
    "TON": ["Tongan"],
    "TTO": ["Trinidadian", "Tobagonian"],
    "TUN": ["Tunisian"],
    "TUR": ["Turkish"],
    "TUV": ["Tuvaluan"],
    "TWN": ["Taiwanese"],
    "TZA": ["Tanzanian"],
    "UGA": ["Ugandan"],
    "UKR": ["Ukrainian"],
    "URY": ["Uruguayan"],
    "USA": ["American"],
    "UZB": ["Uzbek", "Uzbekistani"],
    "VCT": ["Vincentian"],
    "VEN": ["Venezuelan"],
    "VNM": ["Vietnamese"],
    "VUT": ["Ni-Vanuatu"],
    "WSM": ["Samoan"],
    "XKX": ["Kosovar", "Kosovan"],
    "YEM": ["Yemeni"],
    "ZAF": ["South African"],
    "ZMB": ["Zambian"],
    "ZWE": ["Zimbabwean"],
}

# Text that names more than one country; never guessed, always refused with these suggestions.
AMBIGUOUS: dict[str, Sequence[str]] = {
    "Congo": ["COG", "COD"],
    "Congolese": ["COG", "COD"],
    "Dominican": ["DOM", "DMA"],
    "Virgin Islands": ["VGB", "VIR"],
}

# Korean names people expect where CLDR's (Babel) differ; every other name is CLDR's.
KOREAN_NAMES = {
    "ATA": "남극",
    "CAF": "중앙아프리카공화국",
    "COD": "콩고민주공화국",
    "COG": "콩고공화국",
    "HKG": "홍콩",
    "MAC": "마카오",
    "PSE": "팔레스타인",
    "ZAF": "남아프리카공화국",
}
# Other Korean names and short forms: official, older and colloquial.
KOREAN_ALIASES: dict[str, Sequence[str]] = {
    "KOR": ["한국", "남한", "대한민국 정부"],
    "PRK": ["조선민주주의인민공화국", "북조선"],
    "KAZ": ["카자흐", "카자흐스탄 공화국"],
    "KGZ": ["키르기스", "키르기즈스탄", "키르기즈"],
    "TJK": ["타지크", "타지키스탄 공화국"],
    "TKM": ["투르크멘", "투르크메니스탄 공화국"],
    "UZB": ["우즈벡", "우즈베크"],
    "USA": ["미합중국"],
    "GBR": ["영국", "그레이트브리튼 북아일랜드 연합왕국"],
    "VNM": ["월남", "베트남 사회주의 공화국"],
    "TWN": ["타이완", "중화민국"],
    "CZE": ["체코 공화국"],
    "PHL": ["필리핀 공화국"],
    "MMR": ["버마"],
}
KOREAN_AMBIGUOUS = {"콩고": ["COG", "COD"], "도미니카": ["DMA", "DOM"]}
# "주한 멕시코 대사관", "멕시코 대사": the country with its mission around it.
_KOREAN_PREFIX = re.compile(r"^(?:주한|주)\s*")
_KOREAN_SUFFIX = re.compile(
    r"\s*(?:대사관|총영사관|영사관|대표부|무역관|대표처|대사\s*대리|부대사|대사|총영사|영사|"
    r"정부|외교부|측|국민|사람)$"
)

# Words around a country's name in press text: "the Colombian Embassy in Seoul".
_INSTITUTIONS = (
    "embassy|embassies|consulate general|consulate|consul general|consul|"
    "permanent mission|mission|delegation|delegations|office|trade office|"
    "government|governments|ministry of foreign affairs|foreign ministry|ministry|"
    "foreign minister|minister|ambassador|ambassadors|"
    "charge d affaires|charges d affaires|deputy ambassador|"
    "city|cities|municipality|municipalities|metropolitan government|"
    "side|counterpart|counterparts|authorities|officials|official|"
    "representative|representatives|nationals|people|partners|partner"
)
_TRAILING_INSTITUTION = re.compile(rf"\s+(?:{_INSTITUTIONS})(?:\s+(?:in|to)\s+.+)?$")
_LEADING_INSTITUTION = re.compile(
    rf"^(?:{_INSTITUTIONS})\s+(?:of|from)\s+(.+?)(?:\s+(?:in|to)\s+.+)?$"
)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_DELETED = re.compile(r"['’‘`´.]")
_SEPARATORS = re.compile(r"[\W_]+")
_SAINT = re.compile(r"\b(?:st|ste)\b(?= )")  # "St. Lucia", "St Kitts and Nevis"
_NUMERIC = re.compile(r"[0-9]{1,3}")


@dataclass(frozen=True)
class Country:
    """One country or territory, with its UN M49 region."""

    iso3: str
    name: str
    region: str
    subregion: str
    intermediate_region: str = ""
    iso2: str = ""
    name_ko: str = ""
    official_name: str = ""
    m49: str = ""

    def __str__(self) -> str:
        return self.name


class CountryNotFound(LookupError):
    """Text that names no country, or more than one; its message is translated when shown."""

    def __init__(
        self,
        text: str,
        suggestions: Sequence[Country] = (),
        message: L_ | str | None = None,
        ambiguous: bool = False,
    ) -> None:
        self.text = text
        self.suggestions = list(suggestions)
        self.ambiguous = ambiguous
        self.message = message or _unknown_message(text, self.suggestions)
        super().__init__(self.message)

    def __str__(self) -> str:
        return str(self.message)

    def __reduce__(self):  # keep text and suggestions when pickled
        return (CountryNotFound, (self.text, self.suggestions, self.message, self.ambiguous))


@dataclass(frozen=True)
class _Catalogue:
    by_iso3: dict[str, Country]
    index: dict[str, tuple[str, ...]]  # normalised text -> one iso3, or several when ambiguous


def normalise(text: str) -> str:
    """Fold text for lookup: no accents, case, punctuation, extra spaces or leading "the"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = folded.replace("&", " and ")
    folded = _DELETED.sub("", folded)
    folded = _SEPARATORS.sub(" ", folded).strip()
    folded = _SAINT.sub("saint", folded)
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


def countries_table() -> pd.DataFrame:
    """The UN M49 table from data/m49.csv, one row per country or territory."""
    return _m49_table().copy()


@functools.cache
def _m49_table() -> pd.DataFrame:
    """data/m49.csv, read and checked once."""
    table = pd.read_csv(M49_PATH, dtype=str, keep_default_na=False, encoding="utf-8")
    if list(table.columns) != M49_COLUMNS:
        raise ValueError(
            f"{M49_PATH}: the header must be {','.join(M49_COLUMNS)}, "
            f"found {','.join(map(str, table.columns))}."
        )
    repeated = table.loc[table["iso3"].duplicated(), "iso3"].tolist()
    if repeated:
        raise ValueError(f"{M49_PATH}: iso3 codes listed twice: {', '.join(repeated)}.")
    bad_region = table.loc[~table["region"].isin(REGIONS | {""}), "region"].tolist()
    if bad_region:
        raise ValueError(f"{M49_PATH}: unknown regions {bad_region}; use one of {sorted(REGIONS)}.")
    places = table[["region", "subregion", "intermediate_region"]].to_numpy().ravel()
    untranslated = sorted(set(places) - set(KOREAN_REGION_NAMES) - {""})
    if untranslated:
        raise ValueError(
            f"{M49_PATH}: no Korean name for {untranslated}; add them to KOREAN_REGION_NAMES."
        )
    return table


@functools.cache
def _catalogue() -> _Catalogue:
    """Countries from pycountry and data/m49.csv, and the text index over them (built once)."""
    table = _m49_table().set_index("iso3")
    korean = _korean_territory_names()
    by_iso3: dict[str, Country] = {}
    index: dict[str, set[str]] = {}

    def add(text: str, iso3: str) -> None:
        key = normalise(text)
        if key:
            index.setdefault(key, set()).add(iso3)

    def country(iso3: str, iso2: str, official: str, m49: str) -> Country:
        if iso3 not in table.index:
            raise ValueError(f"{M49_PATH}: no row for {iso3}; add one with its M49 region.")
        row = table.loc[iso3]
        return Country(
            iso3=iso3,
            name=row["name"],
            region=row["region"],
            subregion=row["subregion"],
            intermediate_region=row["intermediate_region"],
            iso2=iso2,
            official_name=OFFICIAL_NAME_OVERRIDES.get(iso3, official),
            m49=row["m49"],
            name_ko=KOREAN_NAMES.get(iso3) or korean[iso2],
        )

    for record in pycountry.countries:
        iso3 = record.alpha_3
        official = getattr(record, "official_name", None) or record.name
        by_iso3[iso3] = country(iso3, record.alpha_2, official, record.numeric)
        names = [record.name, official, getattr(record, "common_name", None)]
        for name in filter(None, names):
            add(name, iso3)
            # ISO writes "Korea, Republic of"; people also write "Republic of Korea".
            head, sep, tail = name.partition(", ")
            if sep and re.search(r"\bof( the)?$", tail):
                add(f"{tail} {head}", iso3)
        add(record.alpha_2, iso3)
        add(iso3, iso3)
        add(record.numeric, iso3)
    for iso3, extra in EXTRA_COUNTRIES.items():
        by_iso3[iso3] = country(iso3, extra["iso2"], extra["official_name"], "")
        add(iso3, iso3)
    for iso3, row in table.iterrows():
        if iso3 not in by_iso3:
            raise ValueError(f"{M49_PATH}: {iso3} is not an ISO 3166-1 country; remove the row.")
        add(row["name"], str(iso3))
    for iso3, names in [*ALIASES.items(), *DEMONYMS.items(), *KOREAN_ALIASES.items()]:
        for name in names:
            add(name, iso3)
    iso_korean = _pycountry_korean()
    for country in by_iso3.values():
        add(country.name_ko, country.iso3)
        if country.iso3 in iso_korean:
            add(iso_korean[country.iso3], country.iso3)

    ambiguous = {
        normalise(text): tuple(codes)
        for text, codes in [*AMBIGUOUS.items(), *KOREAN_AMBIGUOUS.items()]
    }
    clashes = {
        key: sorted(codes)
        for key, codes in index.items()
        if len(codes) > 1 and key not in ambiguous
    }
    if clashes:
        raise ValueError(f"Country names that point to two countries: {clashes}")
    final = {key: tuple(codes) for key, codes in index.items()}
    final.update(ambiguous)
    return _Catalogue(by_iso3=by_iso3, index=final)


def _korean_territory_names() -> dict[str, str]:
    """CLDR's Korean name of every territory by ISO alpha-2 code (Kosovo included)."""
    from babel import Locale

    return dict(Locale("ko").territories)


def _pycountry_korean() -> dict[str, str]:
    """ISO 3166's Korean names (pycountry's catalogue), where they differ from CLDR's."""
    import gettext

    names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ko"])
    found = {record.alpha_3: names.gettext(record.name) for record in pycountry.countries}
    # The catalogue writes "타이완, 중국령" and "콩고" (for the Republic only): not names to read.
    for iso3 in ("TWN", "COG"):
        found.pop(iso3, None)
    return {iso3: name for iso3, name in found.items() if re.search("[가-힣]", name)}


def _candidates(text: str) -> Iterable[str]:
    """Normalised forms of the text to look up, from the most literal to the most stripped."""
    key = normalise(text)
    yield key
    if re.search("[가-힣]", text):
        bare = _KOREAN_SUFFIX.sub("", _KOREAN_PREFIX.sub("", text.strip()))
        yield normalise(bare)
    if _NUMERIC.fullmatch(key):
        yield key.zfill(3)
    unbracketed = normalise(_BRACKETS.sub(" ", text))
    if unbracketed != key:
        yield unbracketed
    seen = {key, unbracketed}
    current = unbracketed
    while True:
        leading = _LEADING_INSTITUTION.match(current)
        if leading:
            stripped = normalise(leading.group(1))
        else:
            stripped = normalise(_TRAILING_INSTITUTION.sub("", current))
        if stripped in seen or not stripped:
            return
        seen.add(stripped)
        yield stripped
        current = stripped


def _suggest(text: str) -> list[Country]:
    """Countries whose names look like the text (spelling slips), best first."""
    catalogue = _catalogue()
    names = {key: codes for key, codes in catalogue.index.items() if len(key) > 3}
    suggestions: list[Country] = []
    for key in dict.fromkeys(k for k in _candidates(text) if len(k) > 3):
        for match in difflib.get_close_matches(key, names, n=3, cutoff=0.8):
            for iso3 in names[match]:
                found = catalogue.by_iso3[iso3]
                if found not in suggestions:
                    suggestions.append(found)
    return suggestions[:3]


@dataclass(frozen=True)
class _Suggestion:
    """A candidate country as a message names it, in the language of the reader."""

    country: Country
    shared_name: bool  # its English name is also another country's ("Congo")

    def __str__(self) -> str:
        if current() == "ko":
            return f"{self.country.name_ko}({self.country.iso3})"
        if self.shared_name:
            return f"{self.country.name} ({self.country.official_name}, {self.country.iso3})"
        return f"{self.country.name} ({self.country.iso3})"


def _suggestion(country: Country) -> _Suggestion:
    """A candidate as a message names it: "DR Congo (COD)", "Congo (Republic of the Congo, COG)"."""
    shared = len(_catalogue().index.get(normalise(country.name), ())) > 1
    return _Suggestion(country, shared)


class _Listed(tuple):
    """Items shown as one comma-separated text, each in the reader's language."""

    def __str__(self) -> str:
        return ", ".join(str(item) for item in self)


def _or_list(countries: Sequence[Country]) -> _Suggestion | L_:
    """The candidates of a message ("A", "A or B", "A, B or C"), translated when shown."""
    named = [_suggestion(country) for country in countries]
    if len(named) == 1:
        return named[0]
    return L_("{items} or {last}", items=_Listed(named[:-1]), last=named[-1])


def _unknown_message(text: str, suggestions: Sequence[Country]) -> L_:
    if not text.strip():
        return L_(
            "No country given (the text is empty). "
            "Write the country's English name or its ISO code (e.g. KAZ)."
        )
    if suggestions:
        return L_(
            'Unknown country "{text}". Did you mean {candidates}? '
            "Write the country's English name or its ISO code (e.g. KAZ).",
            text=text,
            candidates=_or_list(suggestions),
        )
    return L_(
        'Unknown country "{text}". Write the country\'s English name or its ISO code (e.g. KAZ).',
        text=text,
    )


@functools.cache
def _resolve_text(text: str) -> Country | CountryNotFound:
    """Resolve one distinct text once; failures are returned, not raised, so they are cached too."""
    return _resolve_uncached(text)


def _resolve_uncached(text: str) -> Country | CountryNotFound:
    """The country text names, or the refusal to raise (looked up, never guessed)."""
    catalogue = _catalogue()
    for key in _candidates(text):
        codes = catalogue.index.get(key)
        if not codes:
            continue
        if len(codes) == 1:
            return catalogue.by_iso3[codes[0]]
        options = [catalogue.by_iso3[iso3] for iso3 in codes]
        message = L_(
            'Country "{text}" is ambiguous: did you mean {candidates}? '
            "Write the full name or the ISO code.",
            text=text.strip(),
            candidates=_or_list(options),
        )
        return CountryNotFound(text, options, message, ambiguous=True)
    return CountryNotFound(text, _suggest(text) if text.strip() else [])


def resolve_country(text: str) -> Country:
    """The country that text names (a name, ISO code or adjective), or raise CountryNotFound."""
    if not isinstance(text, str):
        text = _as_text(text)
    result = _resolve_text(text)
    if isinstance(result, CountryNotFound):
        # A fresh exception each time: re-raising the cached one would grow its traceback.
        raise CountryNotFound(result.text, result.suggestions, result.message, result.ambiguous)
    return result


def _as_text(value: object) -> str:
    """Spreadsheet cells that are not text: empty (None, NaN) or a numeric ISO code (398)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    raise TypeError(f"resolve_country expects text, got {type(value).__name__}: {value!r}")


def resolution_cache_info() -> functools._CacheInfo:
    """Hits and misses of the per-text resolution cache (misses = real resolutions)."""
    return _resolve_text.cache_info()


def clear_resolution_cache() -> None:
    """Forget cached resolutions (the country index itself is kept)."""
    _resolve_text.cache_clear()


def country_by_iso3(iso3: str) -> Country:
    """The country with this ISO 3166-1 alpha-3 code (or XKX), or raise CountryNotFound."""
    code = iso3.strip().upper() if isinstance(iso3, str) else ""
    found = _catalogue().by_iso3.get(code)
    if found is None:
        raise CountryNotFound(
            str(iso3),
            message=L_(
                'Unknown ISO code "{code}". Use a three-letter ISO 3166-1 code such as KAZ.',
                code=str(iso3),
            ),
        )
    return found


@functools.cache
def _all_countries() -> tuple[Country, ...]:
    return tuple(sorted(_catalogue().by_iso3.values(), key=lambda c: normalise(c.name)))


def country_name(country: Country | str, language: str = "en") -> str:
    """The name people read in `language` ("en" or "ko") for a country or its ISO3 code."""
    if isinstance(country, str):
        country = country_by_iso3(country)
    return country.name_ko if language == "ko" and country.name_ko else country.name


def region_name(name: str, language: str | None = None) -> str:
    """A UN M49 region, sub-region or intermediate region as read in `language` (default: now's)."""
    if (language or current()) == "ko":
        return KOREAN_REGION_NAMES.get(name, name)
    return name


def all_countries() -> list[Country]:
    """Every country and territory, sorted by display name (for a searchable picker)."""
    return list(_all_countries())
