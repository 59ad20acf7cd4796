"""Drafting meetings from news items (lib.news): the corpus scores, the seed, files, dates."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from lib.countries import resolve_country
from lib.meetings import read_meetings
from lib.news import (
    NewsFileError,
    draft_meetings,
    drafts_csv_bytes,
    published_date,
    read_news,
    text_of_file,
    window_in_words,
)
from lib.news.dates import Window, fitted, window_of_cells

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "news"
SEED = ROOT.parent / "shared" / "seeds" / "wego-2019-04-09-sg-lee-diplomatic-missions.txt"
SEED_URL = "https://we-gov.org/news-2019/sg-lee-steps-up-engagement-with-diplomatic-missions/"
BAR = {"countries_f1": 0.95, "windows": 0.90, "pledges": 0.90}


# Scoring ---------------------------------------------------------------------------------


@dataclass
class Score:
    """Counts over a set of items: countries, date windows and pledges."""

    items: int = 0
    found: int = 0  # drafts paired with an expected meeting
    drafted: int = 0
    expected: int = 0
    windows_right: int = 0
    pledges_right: int = 0
    pledges_counted: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("items", "found", "drafted", "expected", "windows_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.pledges_right += other.pledges_right
        self.pledges_counted += other.pledges_counted
        self.misses += other.misses

    @property
    def precision(self) -> float:
        return self.found / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def windows(self) -> float:
        return self.windows_right / self.expected if self.expected else 1.0

    @property
    def pledges(self) -> float:
        return self.pledges_right / self.pledges_counted if self.pledges_counted else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name:<9} {self.items:>5} {self.expected:>8} {self.precision:>9.3f} "
            f"{self.recall:>6.3f} {self.f1:>6.3f} {self.windows:>8.1%} {self.pledges:>8.1%}"
        )


def expected_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def gist_found(gist: str, follow_up: str) -> bool:
    """Every `;`-separated word of the expected gist is in the drafted follow-up."""
    words = [word.strip().lower() for word in gist.split(";") if word.strip()]
    return all(word in follow_up.lower() for word in words)


def window_right(draft: dict[str, str], row: dict[str, str]) -> bool:
    """The draft's window holds the real date (or the whole expected window), no wider."""
    drafted = window_of_cells(draft["date"], draft["date_precision"])
    allowed = window_of_cells(row["date"], row["date_precision"])
    if drafted is None or allowed is None:
        return False
    truth = row.get("true_date", "").strip()
    real = Window(date.fromisoformat(truth), date.fromisoformat(truth)) if truth else allowed
    holds = drafted.first <= real.first and real.last <= drafted.last
    return holds and drafted.days <= allowed.days


def score_item(text: str, published: date, rows: list[dict[str, str]], name: str) -> Score:
    drafts = draft_meetings(text, published=published)
    score = Score(items=1, drafted=len(drafts), expected=len(rows))
    unpaired = list(drafts)
    for row in rows:
        iso3 = resolve_country(row["country"]).iso3
        same = [d for d in unpaired if resolve_country(d["country"]).iso3 == iso3]
        if not same:
            score.misses.append(f"{name}: missed {row['country']}")
            score.pledges_counted += bool(row["follow_up"].strip())
            continue
        best = max(
            same,
            key=lambda d: (window_right(d, row), gist_found(row["follow_up"], d["follow_up"])),
        )
        unpaired.remove(best)
        score.found += 1
        if window_right(best, row):
            score.windows_right += 1
        else:
            score.misses.append(
                f"{name}: {row['country']} window {best['date']}/{best['date_precision']}"
            )
        if row["follow_up"].strip() or best["follow_up"].strip():
            score.pledges_counted += 1
            right = bool(row["follow_up"].strip()) and gist_found(
                row["follow_up"], best["follow_up"]
            )
            score.pledges_right += right
            if not right:
                score.misses.append(
                    f"{name}: {row['country']} pledge {best['follow_up']!r} vs {row['follow_up']!r}"
                )
    for draft in unpaired:
        score.misses.append(f"{name}: extra {draft['country']}")
        score.pledges_counted += bool(draft["follow_up"].strip())
    return score


def corpus(part: str) -> list[Path]:
    return sorted((CORPUS / part).glob("*.txt"))


def published_of(path: Path) -> date:
    return date.fromisoformat(path.name[:10])


def score_part(part: str) -> Score:
    total = Score()
    for path in corpus(part):
        rows = expected_rows(path.with_suffix(".expected.csv"))
        text = path.read_text(encoding="utf-8")
        total.add(score_item(text, published_of(path), rows, path.stem))
    return total


SEED_ROWS = [
    {"country": c, "date": "2019-04-02", "date_precision": "week", "true_date": "", "follow_up": f}
    for c, f in [
        ("Canada", "Federation of Canadian Municipalities;Global PPP Forum"),
        ("Kazakhstan", "discuss;organizers"),
        ("Mexico", ""),
        ("Tajikistan", "discuss;Dushanbe"),
    ]
] + [
    {"country": c, "date": "2019-03", "date_precision": "month", "true_date": "", "follow_up": ""}
    for c in ("Turkmenistan", "Afghanistan")
]


def test_corpus_scores_meet_the_bar(capsys):
    """Countries F1 ≥ 0.95, windows ≥ 90 %, pledges ≥ 90 % over the whole corpus."""
    assert len(corpus("tuned")) + len(corpus("held_out")) >= 24
    tuned, held_out = score_part("tuned"), score_part("held_out")
    held_out_2, held_out_3 = score_part("held_out_2"), score_part("held_out_3")
    seed = SEED if SEED.exists() else CORPUS / "seed_retold.txt"
    tuned.add(score_item(seed.read_text(encoding="utf-8"), date(2019, 4, 9), SEED_ROWS, "seed"))
    held_out_4 = score_part("held_out_4")
    whole = Score()
    for part in (tuned, held_out, held_out_2, held_out_3, held_out_4):
        whole.add(part)
    untuned = score_part("held_out_5")  # kept aside: scored, never tuned to (docs/news.md)
    with capsys.disabled():
        print("\npart      items meetings precision recall     F1  windows  pledges")
        for name, part in (
            ("tuned", tuned),
            ("held out", held_out),
            ("held 2", held_out_2),
            ("held 3", held_out_3),
            ("held 4", held_out_4),
            ("whole", whole),
        ):
            print(part.line(name))
        for miss in whole.misses:
            print("  ", miss)
        print(untuned.line("held 5 (untuned, not held to the bar)"))
        for miss in untuned.misses:
            print("  ", miss)
    # The untuned scores of held_out_2, held_out_3 and held_out_4 (before the rules were
    # changed for them) are in docs/news.md.
    assert whole.f1 >= BAR["countries_f1"], whole.misses
    assert whole.windows >= BAR["windows"], whole.misses
    assert whole.pledges >= BAR["pledges"], whole.misses


# The seed and the records ----------------------------------------------------------------

# The seed retold in our own words (same facts) is always checked; the organisation's own
# text too when it sits beside the checkout.
SEEDS = [
    pytest.param(CORPUS / "seed_retold.txt", id="retold"),
    pytest.param(
        SEED,
        id="original",
        marks=pytest.mark.skipif(not SEED.exists(), reason=f"not beside the checkout: {SEED}"),
    ),
]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_gives_its_six_meetings_with_windows_and_pledges(seed):
    drafts = draft_meetings(
        seed.read_text(encoding="utf-8"), published=date(2019, 4, 9), source_url=SEED_URL
    )
    by_country = {d["country"]: d for d in drafts}
    assert sorted(by_country) == sorted(
        ["Canada", "Kazakhstan", "Mexico", "Tajikistan", "Turkmenistan", "Afghanistan"]
    )
    for name in ("Canada", "Kazakhstan", "Mexico", "Tajikistan"):
        assert (by_country[name]["date"], by_country[name]["date_precision"]) == (
            "2019-04-02",
            "week",
        )
    for name in ("Turkmenistan", "Afghanistan"):
        assert (by_country[name]["date"], by_country[name]["date_precision"]) == (
            "2019-03",
            "month",
        )
    assert "Federation of Canadian Municipalities" in by_country["Canada"]["follow_up"]
    assert "Global PPP Forum" in by_country["Canada"]["follow_up"]
    assert "discuss with the organizers" in by_country["Kazakhstan"]["follow_up"].lower()
    assert by_country["Mexico"]["follow_up"] == ""
    canada = by_country["Canada"]
    assert canada["counterpart_title"] == "Ambassador"
    assert canada["counterpart_type"] == "embassy"
    assert canada["representative"] == "Secretary General Kyong-yul Lee"
    assert "Seoul Global Challenge" in canada["programs"]
    assert "Urban Innovation Challenge: Citypreneurs" in canada["programs"]
    assert "Toronto" in canada["cities"]
    assert canada["summary"].startswith("Over the past week")
    assert canada["source_url"] == SEED_URL
    assert all(d["id"] == "" for d in drafts)


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_names_korea_only_as_the_host_and_says_so(seed):
    reading = read_news(seed.read_text(encoding="utf-8"), published=date(2019, 4, 9))
    assert reading.published_guess == date(2019, 4, 9)
    korea = [u for u in reading.unplaced if u.country == "KOR"]
    assert korea and "missions in Korea" in korea[0].sentence
    assert "not say it was met" in str(korea[0].reason)


def all_items() -> list[Path]:
    return (
        corpus("tuned")
        + corpus("held_out")
        + corpus("held_out_2")
        + corpus("held_out_3")
        + corpus("held_out_4")
    )


def test_every_draft_of_the_corpus_reads_back_with_no_problem(tmp_path):
    """The drafts, written as a file, are meetings the app's reader takes as they are."""
    drafts = []
    for path in all_items():
        drafts += draft_meetings(
            path.read_text(encoding="utf-8"),
            published=published_of(path),
            source_url=f"https://example.org/news/{path.stem}",
            source_title=path.stem,
        )
    file = tmp_path / "drafts.csv"
    file.write_bytes(drafts_csv_bytes(drafts))
    result = read_meetings(file)
    assert result.problems == []
    assert len(result.meetings) == len(drafts) > 60
    assert set(result.meetings["country"].astype(str)) == {d["country"] for d in drafts}


def test_a_list_of_countries_at_one_event_is_one_draft_each_with_the_event():
    path = CORPUS / "tuned" / "2025-03-07_diplomatic-kickoff.txt"
    drafts = draft_meetings(path.read_text(encoding="utf-8"), published=date(2025, 3, 7))
    assert len(drafts) == 22
    assert {d["event"] for d in drafts} == {"Diplomatic Kick-Off"}
    assert {d["date"] for d in drafts} == {"2025-03-07"}
    costa_rica = next(d for d in drafts if d["country"] == "Costa Rica")
    assert costa_rica["counterpart_title"] == "Chargé d'Affaires"


def test_two_counterparts_of_one_country_are_two_drafts_that_import_as_two(tmp_path):
    path = CORPUS / "tuned" / "2022-08-01_ko-world-cities-summit.txt"
    drafts = draft_meetings(path.read_text(encoding="utf-8"), published=date(2022, 8, 1))
    assert [d["country"] for d in drafts] == ["Malaysia", "Malaysia"]
    assert drafts[0]["counterpart"] != drafts[1]["counterpart"]
    assert "축사" in drafts[0]["follow_up"] and drafts[1]["follow_up"] == ""
    assert {d["counterpart_type"] for d in drafts} == {"city government"}


@pytest.mark.parametrize(
    ("sentence", "met"),
    [
        ("SG Lee met heads of diplomatic missions in Korea.", set()),
        ("Companies from Brazil, India and Kenya will present their tools.", set()),
        ("The Secretary General had travelled on from Kuala Lumpur.", set()),
        ("Speakers discussed housing built during the Syrian crisis.", set()),
        ("SG Lee met the Ambassador of Canada, who praised the Federation of Canadian "
         "Municipalities.", {"Canada"}),
        ("The delegation met the Korean Consul-General in Ho Chi Minh City.", {"South Korea"}),
        ("SG Park received the Ambassador of the Philippines to Korea.", {"Philippines"}),
        ("The delegation visited the Korea Land and Housing Corporation.", set()),
        ("Interpretation into Spanish and French was offered at the meeting.", set()),
        ("SG Park welcomed the head of the Trilateral Cooperation Secretariat, founded by "
         "China, Japan and the Republic of Korea.", set()),
        ("Two diplomats of the Embassy of Japan came to the WeGO Secretariat.", {"Japan"}),
        ("Remarks were given by the heads of mission of Egypt and Peru.", {"Egypt", "Peru"}),
        ("올해 연수에는 베트남, 페루 등 회원도시 공무원들이 참여할 예정이다.", set()),
        ("참가자들은 서울시 교통정보센터를 방문하고, 에스토니아의 전자정부 사례도 배운다.", set()),
        ("WeGO는 연수 프로그램 참가 신청을 받는다고 밝혔다. 베트남 공무원들도 참여할 예정이다.",
         set()),
    ],
)  # fmt: skip
def test_only_countries_that_were_met_become_drafts(sentence, met):
    drafts = draft_meetings(sentence, published=date(2024, 5, 2))
    assert {d["country"] for d in drafts} == met


def test_mentions_that_are_not_meetings_are_listed_with_their_sentence():
    text = (
        "WeGO will hold a webinar next week. Start-ups from Brazil and Kenya will present.\n\n"
        "Yesterday, SG Park met the Mayor of Almaty to discuss transport."
    )
    reading = read_news(text, published=date(2024, 5, 2))
    # Issue 18: a city named without its country takes the gazetteer's country (before it
    # was listed as a meeting with no country), and the draft says the country is unsure.
    assert [(d["country"], d["cities"]) for d in reading.drafts] == [("Kazakhstan", "Almaty")]
    assert reading.evidence[0]["country"].sure is False
    named = {u.country for u in reading.unplaced if u.country}
    assert {"BRA", "KEN"} <= named


def test_planned_meetings_are_not_drafted_but_listed():
    text = "Secretary General Park will meet the Ambassador of Peru next week."
    reading = read_news(text, published=date(2024, 5, 2))
    assert reading.drafts == []
    assert [u.country for u in reading.unplaced] == ["PER"]
    assert "still to come" in str(reading.unplaced[0].reason)


def test_a_meeting_with_no_date_assumes_the_week_before_and_says_so():
    reading = read_news("SG Park met the Ambassador of Chile.", published=date(2024, 5, 10))
    assert [(d["date"], d["date_precision"]) for d in reading.drafts] == [("2024-05-04", "week")]
    assert any("no date" in str(u.reason) for u in reading.unplaced)


@pytest.mark.parametrize(
    ("sentence", "pledge"),
    [
        ("SG Lee met the Ambassador of Peru, who pledged to share the call with cities.",
         "Share the call with cities"),
        ("SG Lee met the Ambassador of Peru. He promised to send two officials.",
         "Send two officials"),
        ("SG Lee met the Ambassador of Peru, who offered to host a workshop.", "Host a workshop"),
        ("SG Lee met the Ambassador of Peru. Both sides agreed to meet again in June.",
         "Meet again in June"),
        ("SG Lee met the Ambassador of Peru, who assured him that the embassy would help "
         "Lima join.", "Help Lima join"),
        ("SG Lee met the Ambassador of Peru, who committed to inviting the Mayor of Lima.",
         "Inviting the Mayor of Lima"),
        ("SG Lee met the Ambassador of Peru. The Ambassador stated his intention to visit "
         "the Secretariat.", "Visit the Secretariat"),
        ("이경율 사무총장은 어제 주한 페루 대사를 만났다. 대사는 리마시의 가입을 "
         "돕겠다고 약속했다.", "리마시의 가입을 돕기"),
        ("이경율 사무총장은 어제 주한 페루 대사를 만났다. 대사는 연수 프로그램에 공무원을 "
         "보내겠다고 밝혔다.", "연수 프로그램에 공무원을 보내기"),
        ("SG Lee met the Ambassador of Peru, who expressed interest in the Prize.", ""),
        ("SG Lee met the Ambassador of Peru. Mr. Vargas said the embassy would share the call "
         "with cities.", "Share the call with cities"),
        ("SG Lee met the Ambassador of Peru, who expressed willingness to host a workshop.",
         "Host a workshop"),
        ("SG Lee met the Ambassador of Peru, who pledged to invite Peruvian mayors, and the "
         "Secretariat will send the call.", "Invite Peruvian mayors"),
        ("이경율 사무총장은 어제 주한 페루 대사를 만났다. 대사는 리마시의 가입을 검토할 "
         "계획이라고 밝혔다.", "리마시의 가입을 검토하기"),
        ("이경율 사무총장은 어제 주한 페루 대사를 만났다. 대사관은 연수 프로그램에 공무원을 "
         "보내기로 했다.", "연수 프로그램에 공무원을 보내기"),
        ("SG Lee met the Ambassador of Peru, who said his embassy stood ready to help Lima "
         "join.", "Help Lima join"),
    ],
)  # fmt: skip
def test_pledges_in_each_wording(sentence, pledge):
    (draft,) = draft_meetings(sentence, published=date(2024, 5, 2))
    assert draft["country"] == "Peru"
    assert draft["follow_up"] == pledge


def test_a_pledge_goes_to_the_city_whose_delegation_made_it():
    text = (
        "박정숙 사무총장은 어제 헝가리 부다페스트, 폴란드 루블린 대표단을 만났다. 부다페스트 "
        "대표단은 9월에 서울을 방문해 총회에 참석하기로 했다."
    )
    drafts = draft_meetings(text, published=date(2023, 3, 31))
    by_country = {d["country"]: d["follow_up"] for d in drafts}
    assert by_country == {"Hungary": "9월에 서울을 방문해 총회에 참석하기", "Poland": ""}


def test_a_counterpart_named_without_a_country_takes_the_headlines():
    text = (
        "WeGO meets Malaysian mayors at the World Cities Summit\n\nAugust 5, 2022\n\n"
        "On August 1, the team met the Mayor of the Seberang Perai City Council at the summit "
        "in Singapore.\n\nJohor Bahru's Mayor also discussed parking systems with the team."
    )
    drafts = draft_meetings(text, published=date(2022, 8, 5))
    assert [d["country"] for d in drafts] == ["Malaysia", "Malaysia"]
    assert {d["counterpart_type"] for d in drafts} == {"city government"}


def test_counterparts_named_by_job_title_in_a_country_visited_are_drafts_of_their_own():
    text = (
        "A WeGO delegation visited Peru from 2 to 4 April to meet cities.\n\n"
        "On 2 April it was received by Ana Flores, Director General of Urban Affairs at the "
        "Ministry of Housing. The same afternoon, Luis Soto, CEO of Lima Digital, offered to "
        "host a workshop.\n\nOn 3 April, the delegation spent the day at Arequipa Municipality "
        "with the directors of planning."
    )
    drafts = draft_meetings(text, published=date(2019, 4, 9))
    assert [(d["country"], d["date"], d["follow_up"]) for d in drafts] == [
        ("Peru", "2019-04-02", ""),
        ("Peru", "2019-04-02", "Host a workshop"),
        ("Peru", "2019-04-03", ""),
    ]
    assert drafts[0]["counterpart_title"] == "Director General"
    assert drafts[1]["counterpart_title"] == "Chief Executive Officer"
    assert drafts[2]["counterpart_type"] == "city government"


def test_an_office_abroad_of_a_korean_agency_is_a_meeting_with_korea():
    text = (
        "WeGO 대표단은 지난주 몽골을 방문했다.\n\n대표단은 울란바토르시 부시장과 만나 "
        "한국국제협력단(KOICA)과 함께하는 사업을 논의했다. 대표단은 KOICA 몽골사무소도 찾아 "
        "사업 현황을 들었다. 이어 25일 몽골 도시 시장 회의에서 4개 도시와 가입 협약을 맺었다."
    )
    drafts = draft_meetings(text, published=date(2020, 1, 28))
    assert [(d["country"], d["date"]) for d in drafts] == [
        ("Mongolia", "2020-01-20"),
        ("South Korea", "2020-01-20"),
        ("Mongolia", "2020-01-25"),
    ]


@pytest.mark.parametrize(
    ("sentence", "title", "name"),
    [
        ("On May 1, SG Park welcomed Deputy Ambassador Carla Medina of the Embassy of Peru.",
         "Deputy Ambassador", "Carla Medina"),
        ("On May 1, SG Park met the Colombian Embassy's Ambassador Juan Carlos Caiza Rosero.",
         "Ambassador", "Juan Carlos Caiza Rosero"),
        ("On May 1, SG Park received the Embassy of Peru's Deputy Chief of Mission, Ana Flores.",
         "Deputy Chief of Mission", "Ana Flores"),
        ("5월 1일 주한 일본대사관의 미와 마사키 1등서기관이 WeGO 사무국을 방문했다.",
         "Secretary", ""),
    ],
)  # fmt: skip
def test_a_title_given_after_the_embassy_is_the_counterparts(sentence, title, name):
    (draft,) = draft_meetings(sentence, published=date(2024, 5, 2))
    assert (draft["counterpart_title"], draft["counterpart_type"]) == (title, "embassy")
    assert draft["counterpart"] == name


def test_a_government_office_of_a_province_is_of_its_country():
    text = "Last week, an Attaché of the Quebec Government Office in Seoul met SG Park."
    (draft,) = draft_meetings(text, published=date(2022, 2, 14))
    assert (draft["country"], draft["counterpart_type"]) == ("Canada", "other")


# Dates -----------------------------------------------------------------------------------

PUBLISHED = date(2019, 4, 9)  # a Tuesday


@pytest.mark.parametrize(
    ("sentence", "cell", "precision"),
    [
        ("Today, SG Lee met the Ambassador of Peru.", "2019-04-09", "day"),
        ("Yesterday, SG Lee met the Ambassador of Peru.", "2019-04-08", "day"),
        ("On April 3, SG Lee met the Ambassador of Peru.", "2019-04-03", "day"),
        ("On December 3, SG Lee met the Ambassador of Peru.", "2018-12-03", "day"),
        ("This week, SG Lee met the Ambassador of Peru.", "2019-04-08", "week"),
        ("Last week, SG Lee met the Ambassador of Peru.", "2019-04-01", "week"),
        ("Over the past week, SG Lee met the Ambassador of Peru.", "2019-04-02", "week"),
        ("Over the past two months, SG Lee met the Ambassador of Peru.", "2019", "year"),
        ("Last month, SG Lee met the Ambassador of Peru.", "2019-03", "month"),
        ("Earlier this year, SG Lee met the Ambassador of Peru.", "2019", "year"),
        ("In January and February, SG Lee met the Ambassador of Peru.", "2019-Q1", "quarter"),
        ("From March 25 to 27, SG Lee met the Ambassador of Peru.", "2019-03-25", "week"),
        ("오늘 이경율 사무총장은 주한 페루 대사를 만났다.", "2019-04-09", "day"),
        ("어제 이경율 사무총장은 주한 페루 대사를 만났다.", "2019-04-08", "day"),
        ("지난주 이경율 사무총장은 주한 페루 대사를 만났다.", "2019-04-01", "week"),
        ("지난달 이경율 사무총장은 주한 페루 대사를 만났다.", "2019-03", "month"),
        ("3월 15일 이경율 사무총장은 주한 페루 대사를 만났다.", "2019-03-15", "day"),
        ("올해 초 이경율 사무총장은 주한 페루 대사를 만났다.", "2019-Q1", "quarter"),
        ("3월 5일부터 7일까지 이경율 사무총장은 페루를 방문했다.", "2019-03-05", "week"),
        ("지난 3일 이경율 사무총장은 주한 페루 대사를 만났다.", "2019-04-03", "day"),
        ("지난 20일 이경율 사무총장은 주한 페루 대사를 만났다.", "2019-03-20", "day"),
        ("이경율 사무총장은 1일 주한 페루 대사를 만났다.", "2019-04-01", "day"),
        ("이경율 사무총장은 3일 주한 페루 대사를 만났다.", "2019-04-03", "day"),
        ("From 2 to 4 April, SG Lee visited Peru.", "2019-04-02", "week"),
        ("On 2–4 April, SG Lee visited Peru.", "2019-04-02", "week"),
    ],
)
def test_date_wordings_give_an_honest_window(sentence, cell, precision):
    (draft,) = draft_meetings(sentence, published=PUBLISHED)
    assert (draft["date"], draft["date_precision"]) == (cell, precision)


def test_a_few_weeks_later_runs_from_the_last_date_to_publication():
    text = (
        "In March, SG Lee met the Ambassador of Peru, who welcomed the idea.\n\n"
        "A few weeks later, the Mayor of Lima, Peru, stopped by the Secretariat."
    )
    drafts = draft_meetings(text, published=PUBLISHED)
    assert [(d["country"], d["date"], d["date_precision"]) for d in drafts] == [
        ("Peru", "2019-03", "month"),
        ("Peru", "2019", "year"),  # 1 March – 9 April crosses a quarter
    ]


def test_the_next_day_counts_from_the_last_day_named():
    text = (
        "On April 2, SG Lee met the Ambassador of Peru. The next day, he met the "
        "Ambassador of Chile."
    )
    drafts = draft_meetings(text, published=PUBLISHED)
    assert [(d["country"], d["date"]) for d in drafts] == [
        ("Peru", "2019-04-02"),
        ("Chile", "2019-04-03"),
    ]


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (date(2019, 4, 9), date(2019, 4, 9), (date(2019, 4, 9), "day", True)),
        (date(2019, 3, 29), date(2019, 4, 4), (date(2019, 3, 29), "week", True)),
        (date(2019, 3, 1), date(2019, 3, 31), (date(2019, 3, 1), "month", True)),
        (date(2019, 4, 6), date(2019, 6, 5), (date(2019, 4, 1), "quarter", True)),
        (date(2019, 3, 20), date(2019, 4, 8), (date(2019, 1, 1), "year", True)),
        (date(2018, 11, 10), date(2019, 1, 9), (date(2019, 1, 1), "year", False)),
    ],
)
def test_a_window_takes_the_smallest_precision_that_covers_it(first, last, expected):
    assert fitted(Window(first, last)) == expected


def test_a_window_across_new_year_is_flagged_for_checking():
    reading = read_news(
        "Over the past two months, SG Lee met the Ambassador of Peru.",
        published=date(2020, 1, 10),
    )
    assert [d["date"] for d in reading.drafts] == ["2020"]
    assert any("Check the date" in str(u.reason) for u in reading.unplaced)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SG Lee steps up engagement\n\nApril 9, 2019\n\nSEOUL – WeGO's …", date(2019, 4, 9)),
        ("SEOUL, March 7 – WeGO today hosted … its work for 2025.", date(2025, 3, 7)),
        ("이경율 사무총장, 대사 면담\n\n2019년 4월 9일\n\n…", date(2019, 4, 9)),
        ("보도자료 2019.04.09 세계스마트시티기구", date(2019, 4, 9)),
        ("Embassy of Costa Rica in Seoul | 16 May 2022", date(2022, 5, 16)),
        ("A news item with no date at all.", None),
    ],
)
def test_publication_date_from_the_dateline(text, expected):
    assert published_date(text, today=date(2025, 6, 1)) == expected


def test_a_yearless_dateline_is_never_in_the_future():
    assert published_date("SEOUL, December 7 – WeGO met …", today=date(2025, 6, 1)) == date(
        2024, 12, 7
    )


@pytest.mark.parametrize(
    ("cell", "precision", "english", "korean"),
    [
        ("2019-04-09", "day", "9 Apr 2019", "2019년 4월 9일"),
        ("2019-04-02", "week", "≈ 2–8 Apr 2019", "2019년 4월 2일~8일경"),
        ("2019-03-29", "week", "≈ 29 Mar – 4 Apr 2019", "2019년 3월 29일~4월 4일경"),
        ("2019-12-30", "week", "≈ 30 Dec 2019 – 5 Jan 2020", "2019년 12월 30일~2020년 1월 5일경"),
        ("2019-03", "month", "≈ Mar 2019", "2019년 3월경"),
        ("2019-Q2", "quarter", "≈ Apr–Jun 2019", "2019년 4~6월경"),
        ("2019", "year", "≈ 2019", "2019년경"),
    ],
)
def test_window_in_words_in_both_languages(cell, precision, english, korean):
    record = {"date": cell, "date_precision": precision}
    assert window_in_words(record, "en") == english
    assert window_in_words(record, "ko") == korean


# Files -----------------------------------------------------------------------------------

KOREAN_ITEM = "이경율 사무총장은 어제 주한 페루 대사를 만났다."


def test_text_files_in_utf8_and_cp949():
    assert text_of_file("item.txt", KOREAN_ITEM.encode("utf-8")) == KOREAN_ITEM
    assert text_of_file("item.txt", KOREAN_ITEM.encode("cp949")) == KOREAN_ITEM
    assert text_of_file("item.txt", b"\xef\xbb\xbfHello") == "Hello"


def test_html_keeps_paragraphs_and_drops_scripts_and_styles():
    html = (
        b"<html><head><title>x</title><style>p{color:red}</style></head><body>"
        b"<script>var a = 'Ambassador of Chad';</script><h1>SG meets envoy</h1>"
        b"<p>Yesterday, SG Lee met the <b>Ambassador</b> of Peru.</p><p>He pledged to help.</p>"
        b"</body></html>"
    )
    text = text_of_file("item.html", html)
    assert text == (
        "SG meets envoy\n\nYesterday, SG Lee met the Ambassador of Peru.\n\nHe pledged to help."
    )
    (draft,) = draft_meetings(text, published=PUBLISHED)
    assert (draft["country"], draft["date"], draft["follow_up"]) == ("Peru", "2019-04-08", "")


def test_docx_paragraphs_from_the_document_xml():
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{part}</w:t></w:r></w:p>'
        for part in ("SG meets envoy", "Yesterday, SG Lee met the ", "Ambassador of Peru.")
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        'openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
    text = text_of_file("item.docx", buffer.getvalue())
    assert text == "SG meets envoy\n\nYesterday, SG Lee met the\n\nAmbassador of Peru."


@pytest.mark.parametrize(
    ("name", "raw", "words"),
    [
        ("item.pdf", b"%PDF-1.4", "Upload a .txt, .html or .docx"),
        ("item.docx", b"not a zip", "could not be opened as a Word document"),
        ("item.txt", "é".encode("latin-1") + b"\xff\xfe\x00", "neither UTF-8 nor Korean"),
    ],
)
def test_files_that_cannot_be_read_say_what_to_do(name, raw, words):
    with pytest.raises(NewsFileError, match=words):
        text_of_file(name, raw)


# The command -----------------------------------------------------------------------------


def test_the_command_writes_a_meetings_file_the_import_takes(tmp_path, capsys):
    from scripts.draft_from_news import main

    item = tmp_path / "item.txt"
    item.write_text(
        "Yesterday, SG Lee met the Ambassador of Peru, who pledged to share the call.\n\n"
        "Start-ups from Brazil will present next week.",
        encoding="utf-8",
    )
    code = main([str(item), "--published", "2019-04-09", "--url", "https://example.org/n/1"])
    captured = capsys.readouterr()
    assert code == 0
    out = tmp_path / "drafts.csv"
    out.write_bytes(captured.out.encode("utf-8"))
    result = read_meetings(out)
    assert result.problems == []
    assert list(result.meetings["country"].astype(str)) == ["Peru"]
    assert result.meetings["source_url"].tolist() == ["https://example.org/n/1"]
    assert "Brazil" in captured.err


def test_the_command_refuses_a_bad_date_with_a_message(tmp_path, capsys):
    from scripts.draft_from_news import main

    item = tmp_path / "item.txt"
    item.write_text("Yesterday, SG Lee met the Ambassador of Peru.", encoding="utf-8")
    assert main([str(item), "--published", "09/04/2019"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


# Issue 18: attribution, evidence, due dates, who was met, bad input ------------------------

ISSUE18 = CORPUS / "issue18"
FIELDS = (
    "date", "date_precision", "country", "counterpart", "counterpart_title", "counterpart_type",
    "programs", "cities", "follow_up", "follow_up_due",
)  # fmt: skip


def reading_of(name: str):
    return read_news((ISSUE18 / name).read_text(encoding="utf-8"))


def fields_of(reading) -> list[dict[str, str]]:
    return [{name: draft[name] for name in FIELDS} for draft in reading.drafts]


def test_two_envoys_in_english_each_fact_on_its_own_country():
    reading = reading_of("2025-05-14_two-envoys.txt")
    # The dateline (14 May) is the publication; the meeting was "on 12 May".
    assert reading.published_guess == date(2025, 5, 14)
    assert fields_of(reading) == [
        {
            "date": "2025-05-12", "date_precision": "day", "country": "Chile",
            "counterpart": "Pedro Zurita", "counterpart_title": "Ambassador",
            "counterpart_type": "embassy", "programs": "WeGO General Assembly",
            "cities": "Valparaíso",
            "follow_up": "Send a delegation to the WeGO General Assembly by the end of June",
            "follow_up_due": "2025-06-30",
        },
        {
            "date": "2025-05-12", "date_precision": "day", "country": "Kenya",
            "counterpart": "Emily Mworia", "counterpart_title": "Ambassador",
            "counterpart_type": "embassy", "programs": "WeGO Training Program",
            "cities": "Nairobi",
            "follow_up": "Share the city's open data platform with member cities",
            "follow_up_due": "",
        },
    ]  # fmt: skip
    # "The ambassador also promised …" a paragraph later could be either: on no draft, listed.
    assert not any("brief the ministry" in d["follow_up"].lower() for d in reading.drafts)
    assert not any("Smart City Prize" in d["programs"] for d in reading.drafts)
    (apart,) = [u for u in reading.unplaced if "brief the ministry" in u.sentence]
    assert "Chile" in str(apart.reason) and "Kenya" in str(apart.reason)


def test_two_envoys_in_korean_each_fact_on_its_own_country():
    reading = reading_of("2025-09-03_ko-two-envoys.txt")
    assert reading.published_guess == date(2025, 9, 3)
    assert fields_of(reading) == [
        {
            "date": "2025-09-02", "date_precision": "day", "country": "Vietnam",
            "counterpart": "응우옌 반 탄", "counterpart_title": "Ambassador",
            "counterpart_type": "embassy",
            "programs": "Smart city cooperation; WeGO Training Program", "cities": "호찌민",
            "follow_up": "WeGO 연수 프로그램에 공무원을 보내기", "follow_up_due": "",
        },
        {
            "date": "2025-09-02", "date_precision": "day", "country": "Poland",
            "counterpart": "안나 코발스카", "counterpart_title": "Ambassador",
            "counterpart_type": "embassy", "programs": "Seoul Smart City Prize",
            "cities": "바르샤바",
            "follow_up": "바르샤바의 서울스마트도시상 참가를 검토하기; 10월 말까지 제안서를 보내기",
            "follow_up_due": "2025-10-31",
        },
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["2025-05-14_two-envoys.txt", "2025-09-03_ko-two-envoys.txt"])
def test_every_drafted_field_has_the_sentence_it_came_from(name):
    reading = reading_of(name)
    assert len(reading.evidence) == len(reading.drafts)
    for draft, evidence in zip(reading.drafts, reading.evidence, strict=True):
        filled = {f for f in ("country", "date", "counterpart", "follow_up", "follow_up_due")}
        filled = {f for f in filled if draft[f]} | {"date"}
        assert filled <= set(evidence), draft["country"]
        for field_name in ("counterpart", "cities"):
            if draft[field_name]:
                assert draft[field_name].split("; ")[0] in evidence[field_name].sentence
        if draft["follow_up_due"]:
            said = evidence["follow_up_due"].sentence
            assert "end of June" in said or "10월 말까지" in said
        # Named with their country, on a day the text gives: nothing here is a guess.
        assert evidence["country"].sure and evidence["date"].sure


def test_a_country_inferred_from_a_city_is_marked_unsure():
    reading = reading_of("2024-03-15_demonym-city-host.txt")
    by_country = dict(zip([d["country"] for d in reading.drafts], reading.evidence, strict=True))
    assert by_country["Hungary"]["country"].sure  # "the Hungarian Consul General"
    assert not by_country["Vietnam"]["country"].sure  # from "Ho Chi Minh City" alone


def test_demonyms_cities_without_country_and_never_the_host_or_a_mention():
    reading = reading_of("2024-03-15_demonym-city-host.txt")
    drafts = {d["country"]: d for d in reading.drafts}
    # not Mongolia (the mayor receiving them is the host), Japan, China nor Canada
    assert set(drafts) == {"Hungary", "Vietnam"}
    assert drafts["Hungary"]["counterpart_title"] == "Consul General"
    assert drafts["Hungary"]["follow_up"] == "Introduce the city to the Mayor of Budapest"
    assert drafts["Vietnam"]["counterpart_type"] == "city government"
    assert {d["date"] for d in reading.drafts} == {"2024-03-14"}  # "On Thursday"
    reasons = {u.country: str(u.reason) for u in reading.unplaced if u.country}
    assert "still to come" in reasons["CAN"]  # "will visit Seoul … to meet the Ambassador"
    assert {"JPN", "CHN"} <= set(reasons)


def test_the_country_an_item_is_datelined_in_is_the_host_not_a_meeting():
    text = (
        "Envoys call on the governor\n\nCEBU, Philippines – Two ambassadors paid a courtesy "
        "call on the Governor of Cebu yesterday.\n\nThe visitors were the Ambassador of Iraq "
        "and the Ambassador of Peru, who met the governor and officials of the Philippines' "
        "Department of Tourism."
    )
    reading = read_news(text, published=date(2024, 3, 15))
    assert [(d["country"], d["date"]) for d in reading.drafts] == [
        ("Iraq", "2024-03-14"),
        ("Peru", "2024-03-14"),
    ]
    assert any(u.country == "PHL" and "host" in str(u.reason) for u in reading.unplaced)


def test_countries_listed_without_titles_are_met():
    reading = reading_of("2024-06-20_listed-without-titles.txt")
    assert [(d["country"], d["date"]) for d in reading.drafts] == [
        (country, "2024-06-18")  # "last Tuesday" before Thursday 20 June
        for country in ("Ghana", "Peru", "Sri Lanka", "Uzbekistan")
    ]


def test_a_group_is_its_members_only_when_every_members_envoy_came():
    reading = reading_of("2024-11-08_asean-all-members.txt")
    assert len(reading.drafts) == 10
    assert {d["date"] for d in reading.drafts} == {"2024-11-07"}
    assert "Myanmar" in {d["country"] for d in reading.drafts}
    some_day = date(2024, 11, 8)
    some = read_news("Yesterday SG Park met ASEAN envoys.", published=some_day)
    assert some.drafts == []
    korean = read_news(
        "박 사무총장은 어제 아세안 10개국 대사와 만났다.", published=date(2024, 11, 8)
    )
    assert len(korean.drafts) == 10


def test_korean_days_relative_to_publication_and_plans_apart():
    reading = reading_of("2025-04-30_ko-dates-and-plans.txt")
    assert fields_of(reading) == [
        {
            "date": "2025-04-17", "date_precision": "day", "country": "Mexico",
            "counterpart": "", "counterpart_title": "Ambassador", "counterpart_type": "embassy",
            "programs": "", "cities": "멕시코시티", "follow_up": "", "follow_up_due": "",
        },
        {
            "date": "2025-04-29", "date_precision": "day", "country": "Canada",
            "counterpart": "", "counterpart_title": "Ambassador", "counterpart_type": "embassy",
            "programs": "WeGO membership", "cities": "토론토",
            "follow_up": "연말까지 토론토시의 가입 신청서를 보내기", "follow_up_due": "2025-12-31",
        },
    ]  # fmt: skip
    assert any(u.country == "CHL" and "still to come" in str(u.reason) for u in reading.unplaced)


@pytest.mark.parametrize(
    ("pledge", "due"),
    [
        ("Send a delegation by the end of June", date(2025, 6, 30)),
        ("Share the study by 30 June", date(2025, 6, 30)),
        ("Answer before the end of the year", date(2025, 12, 31)),
        ("Send the proposal by March", date(2026, 3, 31)),  # March after a May meeting
        ("Reply within two weeks", date(2025, 5, 26)),
        ("Share the city's data platform", None),
        ("10월 말까지 제안서를 보내기", date(2025, 10, 31)),
        ("9월 15일까지 회신하기", date(2025, 9, 15)),
        ("연말까지 검토하기", date(2025, 12, 31)),
    ],
)
def test_a_pledge_is_due_when_its_words_say(pledge, due):
    from lib.news.due import due_date

    assert due_date(pledge, date(2025, 5, 12)) == due


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Seoul, 14 May 2025 – SG Park met the Ambassador of Chile on 12 May.", "2025-05-12"),
        ("SG Park met the Ambassador of Chile last Tuesday.", "2025-05-13"),
        ("SG Park met the Ambassador of Chile yesterday.", "2025-05-13"),
        ("SG Park met the Ambassador of Chile on Sunday.", "2025-05-11"),
        ("박 사무총장은 지난 7일 주한 칠레 대사를 만났다.", "2025-05-07"),
        ("박 사무총장은 2일 주한 칠레 대사를 만났다.", "2025-05-02"),
        ("박 사무총장은 지난 화요일 주한 칠레 대사를 만났다.", "2025-05-13"),
        ("박 사무총장은 이날 주한 칠레 대사를 만났다.", "2025-05-14"),
    ],
)
def test_days_are_read_against_the_publication_date(sentence, day):
    (draft,) = draft_meetings(sentence, published=date(2025, 5, 14))  # a Wednesday
    assert (draft["country"], draft["date"], draft["date_precision"]) == ("Chile", day, "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "SG Park will meet the Ambassador of Chile next week.",
        "박 사무총장은 다음 주 주한 칠레 대사를 만날 예정이다.",
        "주한 칠레 대사가 다음 달 서울시를 방문한다.",
    ],
)
def test_a_meeting_still_to_come_is_never_drafted_as_met(sentence):
    reading = read_news(sentence, published=date(2025, 5, 14))
    assert reading.drafts == []
    assert any(u.country == "CHL" for u in reading.unplaced)


# The page: bad input gives a message, saves nothing, shows no traceback -----------------------


@pytest.fixture
def import_page(tmp_path, monkeypatch):
    """The Import page on its own empty database, on the "From a news item" tab's widgets."""
    from streamlit.testing.v1 import AppTest

    from lib.store import Store

    url = f"sqlite:///{tmp_path / 'news.sqlite3'}"
    store = Store.open(url, create=True)
    monkeypatch.setenv("OUTREACH_DB_URL", url)
    monkeypatch.delenv("OUTREACH_DATA", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at = at.switch_page("pages/Import.py").run()
    next(t for t in at.text_input if t.label == "Your name").input("Min-ji Kim")
    yield at, store
    store.close()


def _news_box(at):
    return next(area for area in at.text_area if area.label == "The news item")


def _draft(at):
    buttons = [b for b in at.button if b.label == "Draft the meetings"]
    if buttons:
        buttons[0].click().run()
    return at


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", ""),  # nothing to read: the page explains what it does, no table
        ("The weather in Seoul was mild all week. Nothing else happened.", "No meeting"),
        ("<html><script>alert('x')</script><p>Nothing to report.</p></html>", "No meeting"),
        ("Paris. " * 180_000, "characters long"),  # about 1 MB
    ],
    ids=["empty", "no-meeting", "html-with-scripts", "one-megabyte"],
)
def test_bad_text_gives_a_message_and_saves_nothing(import_page, text, message):
    at, store = import_page
    _news_box(at).input(text).run()
    _draft(at)
    assert not at.exception
    shown = " ".join(e.value for e in [*at.error, *at.warning, *at.caption])
    assert message in shown
    assert "alert(" not in " ".join(m.value for m in at.markdown)
    saving = [b for b in at.button if b.label == "Save these meetings"]
    assert not saving or saving[0].disabled
    assert len(store.meetings()) == 0


def test_a_file_named_docx_that_is_not_one_says_so(import_page):
    at, store = import_page
    upload = next(u for u in at.get("file_uploader") if "docx" in u.label)
    upload.set_value(("item.docx", b"plain words, not a Word file", "application/octet-stream"))
    at.run()
    assert not at.exception
    assert any("could not be opened as a Word document" in e.value for e in at.error)
    assert not [b for b in at.button if b.label == "Draft the meetings"]
    assert len(store.meetings()) == 0


def test_the_review_marks_unsure_fields_and_shows_the_evidence(import_page):
    at, _store = import_page
    _news_box(at).input((ISSUE18 / "2024-03-15_demonym-city-host.txt").read_text()).run()
    _draft(at)
    assert not at.exception
    table = next(t for t in at.dataframe if t.editing_mode == "dynamic")
    checks = dict(zip(table.value["country"], table.value["to_check"], strict=True))
    assert checks["Hungary"] == ""
    assert "Country" in checks["Vietnam"]  # read from "Ho Chi Minh City" alone
    titles = [e.label for e in at.expander]
    assert any(t.startswith("Row 2: Vietnam — check:") for t in titles)
    said = " ".join(m.value for m in at.markdown)
    assert "Ho Chi Minh City People" in said  # the sentence the draft came from
