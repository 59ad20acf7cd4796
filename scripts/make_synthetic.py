"""Write a synthetic meetings file in format v1 (docs/data-format.md) for tests and benchmarks.

    python scripts/make_synthetic.py --meetings 100000 --seed 7 --out bench/out/m.csv

The rows look like the real log (a few countries met often, most rarely; mostly exact dates;
programs by catalogue name or alias; follow-ups in every status; a few awkward but valid
spellings of the country) and every one is marked as generated: `source_url` is
`synthetic://<seed>/<n>` (n counts the meetings from 1) and `source_title` says so.
The same seed gives the same bytes. Columns are built from drawn indices with numpy, never
row by row, so a million meetings take seconds. It refuses to write into data/.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lib.export import XLSX_MAX_MEETINGS, workbook_bytes  # noqa: E402
from lib.meetings import FORMAT_COLUMNS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIRST_YEAR, LAST_YEAR = 2016, 2025

# Outreach grows over the years, with a dip while travel stopped in 2020-2021.
YEAR_WEIGHTS = (0.6, 0.7, 0.8, 1.0, 0.55, 0.7, 1.0, 1.15, 1.25, 1.35)
PRECISIONS = ("day", "week", "month", "quarter", "year")
PRECISION_WEIGHTS = (0.84, 0.06, 0.05, 0.03, 0.02)
COUNTERPART_TYPES = (
    ("embassy", 0.56),
    ("consulate", 0.07),
    ("city government", 0.13),
    ("national government", 0.11),
    ("international organisation", 0.05),
    ("other", 0.03),
    ("", 0.05),
)
TITLES = {
    "embassy": (
        "Ambassador",
        "Deputy Head of Mission",
        "Minister-Counsellor",
        "Counsellor",
        "First Secretary",
        "Chargé d'affaires",
    ),
    "consulate": ("Consul General", "Consul", "Vice-Consul"),
    "city government": (
        "Mayor",
        "Deputy Mayor",
        "Director of International Relations",
        "Chief Information Officer",
        "City Councillor",
    ),
    "national government": (
        "Minister",
        "Vice-Minister",
        "Director-General",
        "Head of the Smart City Unit",
    ),
    "international organisation": ("Director", "Programme Officer", "Head of Office"),
    "other": ("Chief Executive", "Professor", "Founder", "Project Manager"),
    "": ("", "Official"),
}
OFFICES = {
    "embassy": "Embassy of ",
    "consulate": "Consulate General of ",
    "city government": "City government, ",
    "national government": "Government of ",
    "international organisation": "Country office, ",
    "other": "Delegation from ",
    "": "Delegation from ",
}
GIVEN_NAMES = (
    "Amara", "Bilal", "Carmen", "Dmitri", "Elif", "Farida", "Gabriel", "Hana", "Ibrahim",
    "Julia", "Kwame", "Lucía", "Mehmet", "Nadia", "Oluwaseun", "Pedro", "Qiu", "Rania",
    "Sofía", "Tomás", "Usha", "Viktor", "Wanjiru", "Xavier", "Yusuf", "Zara", "Anh",
    "Björn", "Chidi", "Daniela", "Emeka", "Fatima", "Gustavo", "Hiroshi", "Ines", "Jomo",
    "Karim", "Leilani", "Marek", "Nurlan",
)  # fmt: skip
FAMILY_NAMES = (
    "Abdullah", "Bakker", "Castillo", "Dlamini", "Eriksen", "Fernández", "Gonzaga",
    "Haddad", "Ivanova", "Jensen", "Kiplagat", "López", "Mensah", "Nakamura", "Okafor",
    "Petrov", "Quispe", "Rahman", "Santos", "Tanaka", "Usmonov", "Vargas", "Wiśniewski",
    "Xu", "Yilmaz", "Zhakupov", "Alvarez", "Banda", "Costa", "Diallo", "Esposito",
    "Fischer", "García", "Hoang", "Ibekwe", "Jovanović", "Kowalski", "Lindqvist",
    "Moreau", "Novak", "Osei", "Pereira", "Rossi", "Suleimenov", "Tran", "Ulloa",
    "Van Dijk", "Wang", "Yamamoto", "Zulu",
)  # fmt: skip
REPRESENTATIVES = (
    ("Secretary General", 0.45),
    ("Deputy Secretary General", 0.15),
    ("Director of External Relations", 0.15),
    ("Programme Officer", 0.15),
    ("", 0.10),
)
MEETING_TYPES = (
    ("courtesy call", 0.40),
    ("working meeting", 0.25),
    ("video call", 0.12),
    ("reception", 0.08),
    ("workshop", 0.06),
    ("site visit", 0.04),
    ("", 0.05),
)
EVENTS = (
    "Diplomatic Kick-Off",
    "Smart City Summit bilaterals",
    "General Assembly side meetings",
    "Regional workshop",
    "Ambassadors' luncheon",
)
CITIES = (
    "Seoul", "Busan", "Incheon", "Tokyo", "Beijing", "Bangkok", "Jakarta", "Manila",
    "Hanoi", "Kuala Lumpur", "Singapore", "Dhaka", "Kathmandu", "Tashkent", "Almaty",
    "Astana", "Dushanbe", "Ulaanbaatar", "Istanbul", "Ankara", "Dubai", "Abu Dhabi",
    "Amman", "Cairo", "Nairobi", "Kigali", "Addis Ababa", "Lagos", "Accra", "Dakar",
    "Abidjan", "Johannesburg", "Lisbon", "Madrid", "Barcelona", "Rome", "Milan", "Paris",
    "Berlin", "Hamburg", "Amsterdam", "Brussels", "Vienna", "Warsaw", "Tallinn", "Kyiv",
    "Moscow", "Stockholm", "Oslo", "Helsinki", "London", "Dublin", "Toronto", "Montreal",
    "Mexico City", "Bogotá", "Quito", "Lima", "Santiago", "Buenos Aires", "São Paulo",
    "Montevideo", "Asunción", "La Paz", "San José", "Panama City", "Sydney", "Auckland",
    "Suva", "Port Moresby",
)  # fmt: skip
FOLLOW_UPS = (
    "Send the programme brochure and the call for applications",
    "Introduce the organisation to the national association of municipalities",
    "Arrange a video call with the city's international relations office",
    "Share the agenda of the next General Assembly",
    "Invite the ambassador to the annual reception",
    "Propose a joint workshop on smart transport",
    "Follow up on the membership application of two cities",
    "Connect the mission with the regional office",
    "Send case studies on flood alerts and waste management",
    "Confirm a speaker for the summit's mayors' roundtable",
    "Check whether the capital would host the executive committee",
    "Share contacts of startups from the innovation challenge",
)
OWNERS = (
    ("", 0.4),
    ("External Relations", 0.25),
    ("Programmes", 0.15),
    ("Secretary General's office", 0.1),
    ("Regional Office", 0.1),
)
STATUSES = (("open", 0.42), ("done", 0.38), ("dropped", 0.12), ("", 0.08))
SUMMARY_OPENINGS = (
    "Both sides discussed",
    "The counterpart asked about",
    "The visitors presented",
    "The meeting reviewed",
    "The mission welcomed",
    "Talks focused on",
    "The two delegations explored",
    "The counterpart showed interest in",
)
SUMMARY_TOPICS = (
    "smart transport pilots",
    "open data portals for city services",
    "cooperation on waste management",
    "air-quality sensors and public dashboards",
    "training for city officials",
    "flood alerts, drainage and early warning",
    "digital ID and online permits",
    "a twinning arrangement between capitals",
    "membership of more cities in the network",
    "support for startups working with cities",
    "parking, traffic lights and congestion",
    "feasibility studies for a pilot district",
)
SUMMARY_CLOSINGS = (
    "A follow-up call was proposed.",
    "No decision was taken.",
    "The counterpart will report back to the capital.",
    "Both sides agreed to stay in touch.",
    'Officials called it "a promising start".',
    "Materials will be shared by e-mail.",
)
SOURCE_TITLE = "Synthetic meeting (generated test data, not a real record)"
# Awkward but valid ways people write some countries (they must all resolve).
SPECIAL_SPELLINGS = {
    "PHL": ("the Philippines",),
    "TUR": ("Türkiye", "Turkey"),
    "CIV": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "KOR": ("Republic of Korea",),
    "USA": ("United States",),
    "GBR": ("UK",),
}
AWKWARD_SHARE = 0.04
# Display names the reader would refuse as written (a bare "Congo" is ambiguous).
WRITTEN_NAMES = {"COG": "Republic of the Congo"}


def _choice(rng: np.random.Generator, n: int, weighted: tuple[tuple[str, float], ...]):
    """n values drawn from (value, weight) pairs, as an object array."""
    values = np.array([value for value, _ in weighted], dtype=object)
    weights = np.array([weight for _, weight in weighted], dtype=float)
    return values[rng.choice(len(values), size=n, p=weights / weights.sum())]


def _countries(rng: np.random.Generator) -> pd.DataFrame:
    """Countries to draw from, most often met first: missions in Seoul, then the rest of M49."""
    m49 = pd.read_csv(DATA / "m49.csv", dtype=str, keep_default_na=False)
    m49 = m49[m49["region"] != ""]  # Antarctica and the like have no region: not a counterpart
    missions = pd.read_csv(DATA / "missions.csv", dtype=str, keep_default_na=False)
    with_mission = [code for code in missions["iso3"] if code in set(m49["iso3"])]
    others = sorted(set(m49["iso3"]) - set(with_mission))
    # Resident missions are met far more often; within each group the order is the seed's.
    order = list(rng.permutation(with_mission)) + list(rng.permutation(others))
    table = m49.set_index("iso3").loc[order, ["name"]].reset_index()
    table["written"] = [
        WRITTEN_NAMES.get(code, name)
        for code, name in zip(table["iso3"], table["name"], strict=True)
    ]
    rank = np.arange(1, len(table) + 1)
    weights = 1.0 / rank  # Zipf-like: a few countries take most of the meetings
    table["weight"] = weights / weights.sum()
    return table


def _spellings(iso3: str, name: str) -> list[str]:
    """Valid but awkward ways to write one country: codes, case, spaces, other names."""
    record = pycountry.countries.get(alpha_3=iso3)
    forms = [iso3, iso3.lower(), name.lower(), name.upper(), f"  {name} "]
    if record is not None:
        forms.append(record.alpha_2)
    elif iso3 == "XKX":
        forms.append("XK")
    if " " in name:
        forms.append(name.replace(" ", "  ", 1))
    forms.extend(SPECIAL_SPELLINGS.get(iso3, ()))
    return forms


def _country_texts(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(country cell as written, display name) for n meetings."""
    table = _countries(rng)
    drawn = rng.choice(len(table), size=n, p=table["weight"].to_numpy())
    names = table["name"].to_numpy(dtype=object)
    written_names = table["written"].to_numpy(dtype=object)
    variants = [
        _spellings(code, name) for code, name in zip(table["iso3"], written_names, strict=True)
    ]
    counts = np.array([len(v) for v in variants])
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    flat = np.array([form for forms in variants for form in forms], dtype=object)
    written = written_names[drawn]
    awkward = rng.random(n) < AWKWARD_SHARE
    # The special spellings are the point: a country that has them uses them half the time.
    pick = rng.integers(0, 1 << 30, size=n) % counts[drawn]
    written[awkward] = flat[offsets[drawn[awkward]] + pick[awkward]]
    return written, names[drawn]


def _dates(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(date cell, date_precision cell, start day as datetime64[D]) for n meetings."""
    years = np.arange(FIRST_YEAR, LAST_YEAR + 1)
    weights = np.array(YEAR_WEIGHTS) / sum(YEAR_WEIGHTS)
    year = years[rng.choice(len(years), size=n, p=weights)]
    starts = (year - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    length = ((year + 1 - 1970).astype("datetime64[Y]").astype("datetime64[D]") - starts).astype(
        int
    )
    day = starts + (rng.random(n) * length).astype(int)
    # Meetings fall on working days: Saturday moves to Friday, Sunday to Monday.
    weekday = (day.astype(int) + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0
    day = day - (weekday == 5).astype(int) + (weekday == 6).astype(int)
    precision = np.array(PRECISIONS, dtype=object)[
        rng.choice(len(PRECISIONS), size=n, p=PRECISION_WEIGHTS)
    ]
    month = day.astype("datetime64[M]")
    quarter_month = (month.astype(int) // 3) * 3
    window = np.select(
        [precision == "week", precision == "month", precision == "quarter", precision == "year"],
        [
            day - (day.astype(int) + 3) % 7,  # the Monday that starts the week
            month.astype("datetime64[D]"),
            quarter_month.astype("datetime64[M]").astype("datetime64[D]"),
            day.astype("datetime64[Y]").astype("datetime64[D]"),
        ],
        day,
    ).astype("datetime64[D]")
    # Text through small lookup tables: one string per distinct day, not per meeting.
    first = np.datetime64(f"{FIRST_YEAR - 1}-12-01")
    calendar = np.arange(first, np.datetime64(f"{LAST_YEAR + 1}-01-08"), dtype="datetime64[D]")
    day_text = np.datetime_as_string(calendar).astype(object)
    position = (window - first).astype(int)
    text = day_text[position].copy()
    month_form = precision == "month"
    text[month_form] = np.array([s[:7] for s in day_text], dtype=object)[position[month_form]]
    year_form = precision == "year"
    text[year_form] = np.array([s[:4] for s in day_text], dtype=object)[position[year_form]]
    quarter_form = precision == "quarter"
    quarter_text = np.array(
        [f"{s[:4]}-Q{(int(s[5:7]) - 1) // 3 + 1}" for s in day_text], dtype=object
    )
    text[quarter_form] = quarter_text[position[quarter_form]]
    # The precision column is needed for a week (its form is a day); otherwise often left empty.
    written = precision.copy()
    implicit = (precision != "week") & (rng.random(n) < 0.6)
    written[implicit] = ""
    return text, written, window


def _programs(rng: np.random.Generator, n: int) -> np.ndarray:
    """0 to 3 programs per meeting, by catalogue name or one of its aliases, `;`-separated."""
    catalogue = pd.read_csv(DATA / "programs.csv", dtype=str, keep_default_na=False)
    forms = [
        [row.program] + [a.strip() for a in row.aliases.split(";") if a.strip()]
        for row in catalogue.itertuples()
    ]
    counts = np.array([len(f) for f in forms])
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    flat = np.array([form for names in forms for form in names], dtype=object)
    rank = np.arange(1, len(forms) + 1)
    weights = 1.0 / rank
    weights /= weights.sum()
    picked = []
    for _ in range(3):
        program = rng.choice(len(forms), size=n, p=weights)
        alias = rng.integers(0, 1 << 30, size=n) % counts[program]
        alias[rng.random(n) < 0.75] = 0  # mostly the catalogue's own name
        picked.append(flat[offsets[program] + alias])
    how_many = rng.choice(4, size=n, p=(0.3, 0.35, 0.25, 0.1))
    one, two, three = picked
    return np.select(
        [how_many == 1, how_many == 2, how_many == 3],
        [one, one + "; " + two, one + "; " + two + "; " + three],
        "",
    ).astype(object)


def _cities(rng: np.random.Generator, n: int) -> np.ndarray:
    """None, one or two cities mentioned, `;`-separated."""
    cities = np.array(CITIES, dtype=object)
    first = cities[rng.integers(0, len(cities), size=n)]
    second = cities[rng.integers(0, len(cities), size=n)]
    how_many = rng.choice(3, size=n, p=(0.55, 0.35, 0.10))
    return np.select([how_many == 1, how_many == 2], [first, first + "; " + second], "").astype(
        object
    )


def _counterparts(
    rng: np.random.Generator, n: int, names: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(counterpart, counterpart_title, counterpart_type) for n meetings."""
    kinds = _choice(rng, n, COUNTERPART_TYPES)
    given = np.array(GIVEN_NAMES, dtype=object)[rng.integers(0, len(GIVEN_NAMES), size=n)]
    family = np.array(FAMILY_NAMES, dtype=object)[rng.integers(0, len(FAMILY_NAMES), size=n)]
    person = given + " " + family
    titles = np.empty(n, dtype=object)
    offices = np.empty(n, dtype=object)
    for kind, choices in TITLES.items():
        mine = kinds == kind
        titles[mine] = np.array(choices, dtype=object)[
            rng.integers(0, len(choices), size=int(mine.sum()))
        ]
        offices[mine] = OFFICES[kind]
    # A fifth of the sources name no person, only the office.
    unnamed = rng.random(n) < 0.2
    counterpart = np.where(unnamed, offices + names, person).astype(object)
    return counterpart, titles, kinds


def _follow_ups(
    rng: np.random.Generator, n: int, starts: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(follow_up, follow_up_owner, follow_up_status, follow_up_due) for n meetings."""
    has = rng.random(n) < 0.45
    text = np.where(
        has, np.array(FOLLOW_UPS, dtype=object)[rng.integers(0, len(FOLLOW_UPS), size=n)], ""
    ).astype(object)
    owner = np.where(has, _choice(rng, n, OWNERS), "").astype(object)
    status = np.where(has, _choice(rng, n, STATUSES), "").astype(object)
    with_due = has & (rng.random(n) < 0.5)
    due = np.full(n, "", dtype=object)
    days = starts[with_due] + rng.integers(7, 121, size=int(with_due.sum()))
    due[with_due] = np.datetime_as_string(days).astype(object)
    return text, owner, status, due


def _summaries(rng: np.random.Generator, n: int, names: np.ndarray) -> np.ndarray:
    """A short generated sentence or two per meeting."""
    openings = np.array(SUMMARY_OPENINGS, dtype=object)[
        rng.integers(0, len(SUMMARY_OPENINGS), size=n)
    ]
    topics = np.array(SUMMARY_TOPICS, dtype=object)[rng.integers(0, len(SUMMARY_TOPICS), size=n)]
    closings = np.array(SUMMARY_CLOSINGS, dtype=object)[
        rng.integers(0, len(SUMMARY_CLOSINGS), size=n)
    ]
    return openings + " " + topics + " for cities in " + names + ". " + closings


def synthetic_meetings(meetings: int, seed: int) -> pd.DataFrame:
    """`meetings` rows of format v1 text cells, the same for the same seed."""
    return pd.DataFrame(synthetic_columns(meetings, seed), dtype=object)


def synthetic_columns(meetings: int, seed: int) -> dict[str, np.ndarray]:
    """The format v1 columns (in order) of `meetings` synthetic meetings, as text arrays."""
    if meetings < 0:
        raise ValueError("The number of meetings cannot be negative.")
    rng = np.random.default_rng(seed)
    n = meetings
    countries, names = _country_texts(rng, n)
    dates, precisions, starts = _dates(rng, n)
    counterpart, titles, kinds = _counterparts(rng, n, names)
    follow_up, owner, status, due = _follow_ups(rng, n, starts)
    numbers = pd.Series(np.arange(1, n + 1)).astype(str)
    events = np.array(EVENTS, dtype=object)[rng.integers(0, len(EVENTS), size=n)]
    with_event = rng.random(n) < 0.06
    year_text = np.array([str(year) for year in range(1970, LAST_YEAR + 2)], dtype=object)
    event = np.full(n, "", dtype=object)
    event[with_event] = (
        year_text[starts[with_event].astype("datetime64[Y]").astype(int)] + " " + events[with_event]
    )
    location = np.where(
        rng.random(n) < 0.8,
        "Seoul",
        np.array(CITIES, dtype=object)[rng.integers(0, len(CITIES), size=n)],
    ).astype(object)
    columns = {
        "id": (f"syn{seed}-" + numbers.str.zfill(7)).to_numpy(dtype=object),
        "date": dates,
        "date_precision": precisions,
        "country": countries,
        "event": event,
        "counterpart": counterpart,
        "counterpart_title": titles,
        "counterpart_type": kinds,
        "representative": _choice(rng, n, REPRESENTATIVES),
        "meeting_type": _choice(rng, n, MEETING_TYPES),
        "location": location,
        "programs": _programs(rng, n),
        "cities": _cities(rng, n),
        "follow_up": follow_up,
        "follow_up_owner": owner,
        "follow_up_status": status,
        "follow_up_due": due,
        "summary": _summaries(rng, n, names),
        "source_title": np.full(n, SOURCE_TITLE, dtype=object),
        "source_url": (f"synthetic://{seed}/" + numbers).to_numpy(dtype=object),
    }
    return {column: columns[column] for column in FORMAT_COLUMNS}


def _refuse_shipped_data(out: Path) -> None:
    target = out.resolve()
    if target == DATA.resolve() or DATA.resolve() in target.parents:
        raise SystemExit(
            f"Refusing to write {out}: synthetic meetings never go into data/ "
            "(data/meetings.csv is the real log). Write them under bench/out/ or /tmp."
        )


def csv_bytes(columns: dict[str, np.ndarray]) -> bytes:
    """The columns as UTF-8 CSV with LF line ends (no byte-order mark).

    pandas' and the csv module's writers take ~20 s for a million rows; joining whole
    columns takes ~3 s. A column with a comma, quote or line break anywhere is quoted in
    every cell, which any CSV reader accepts.
    """
    cells = []
    for column in columns.values():
        everything = "\x00".join(column)
        if any(mark in everything for mark in ('"', ",", "\n", "\r")):
            if '"' in everything:
                column = np.array([cell.replace('"', '""') for cell in column], dtype=object)
            column = '"' + column + '"'
        cells.append(column)
    lines = [",".join(columns), *map(",".join, zip(*cells, strict=True)), ""]
    return "\n".join(lines).encode("utf-8")


_SAVE_TIME = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*<")


def xlsx_bytes(columns: dict[str, np.ndarray]) -> bytes:
    """The columns as a one-sheet workbook of text cells, with fixed timestamps (same bytes)."""
    table = pd.DataFrame(columns, dtype=object)
    if len(table) > XLSX_MAX_MEETINGS:
        raise SystemExit(
            f"An Excel sheet holds at most {XLSX_MAX_MEETINGS:,} meetings; write a CSV instead."
        )
    saved = workbook_bytes(table.fillna(""))
    # The writer stamps the save time into docProps/core.xml (and a date onto every zip
    # entry): rewrite both with a fixed time.
    stable = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved)) as source,
        zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = entry.external_attr
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = _SAVE_TIME.sub(rb"\g<1>2000-01-01T00:00:00Z<", content)
            target.writestr(info, content)
    return stable.getvalue()


def write_synthetic(meetings: int, seed: int, out: Path) -> Path:
    """Generate and write the file (XLSX when the name ends in .xlsx, else CSV)."""
    out = Path(out)
    _refuse_shipped_data(out)
    columns = synthetic_columns(meetings, seed)
    raw = xlsx_bytes(columns) if out.suffix.lower() == ".xlsx" else csv_bytes(columns)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(raw)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, required=True, help="how many meetings (rows)")
    parser.add_argument("--seed", type=int, default=0, help="the same seed gives the same file")
    parser.add_argument("--out", type=Path, required=True, help="a .csv or .xlsx path")
    args = parser.parse_args(argv)
    if args.meetings < 0:
        parser.error("--meetings cannot be negative")
    path = write_synthetic(args.meetings, args.seed, args.out)
    print(f"Wrote {args.meetings:,} synthetic meetings (seed {args.seed}) to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
