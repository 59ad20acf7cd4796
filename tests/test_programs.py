"""Tests for lib.programs: what people write about a programme maps onto the catalogue."""

import io
from datetime import date

import pytest

from lib import i18n, programs
from lib.meetings import read_meetings
from lib.news import draft_meetings
from lib.programs import (
    canonical_program,
    korean_wordings,
    program_catalogue,
    program_list,
    program_name,
)


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("시티프러너", "Urban Innovation Challenge: Citypreneurs"),
        ("서울스마트시티상", "Seoul Smart City Prize"),
        ("서울 스마트시티상", "Seoul Smart City Prize"),  # Korean spacing varies
        ("총회", "WeGO General Assembly"),
        ("WeGO 총회", "WeGO General Assembly"),
        ("집행위원회", "Executive Committee (EXCOM)"),
        ("지역사무소", "WeGO Regional Offices"),
        ("역량강화 연수", "WeGO Training Program"),
        ("역량 강화 연수", "WeGO Training Program"),
        ("민관협력", "Public-private partnerships"),
        ("  GA ", "WeGO General Assembly"),
        ("citypreneurs", "Urban Innovation Challenge: Citypreneurs"),
        ("Seoul  Global   Challenge", "Seoul Global Challenge"),
    ],
)
def test_english_and_korean_names_map_onto_the_catalogue(text, program):
    assert canonical_program(text) == program


def test_names_outside_the_catalogue_are_kept_as_written():
    assert canonical_program(" 서울 관광 박람회 ") == "서울 관광 박람회"
    assert program_list("총회; GA; 새 사업;") == ["WeGO General Assembly", "새 사업"]


def test_every_program_has_a_korean_name():
    catalogue = program_catalogue()
    assert (catalogue["program_ko"].str.strip() != "").all()
    assert catalogue["program_ko"].is_unique


def test_program_names_in_each_language():
    assert program_name("WeGO General Assembly", "ko") == "WeGO 총회"
    assert program_name("Seoul Smart City Prize", "ko") == "서울스마트시티상"
    assert program_name("Seoul Smart City Prize", "en") == "Seoul Smart City Prize"
    assert program_name("새 사업", "ko") == "새 사업"
    i18n.use("ko")
    try:
        assert program_name("Executive Committee (EXCOM)") == "집행위원회"
    finally:
        i18n.use("en")
    assert program_name("Executive Committee (EXCOM)") == "Executive Committee (EXCOM)"


def test_a_wording_under_two_programs_is_refused(tmp_path, monkeypatch):
    catalogue = tmp_path / "programs.csv"
    catalogue.write_text(
        "program,kind,description,aliases,program_ko,aliases_ko,cell_aliases\n"
        "WeGO General Assembly,event,,GA,WeGO 총회,총회,\n"
        "Executive Committee (EXCOM),event,,EXCOM,집행위원회,총 회,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(programs, "PROGRAMS_FILE", catalogue)
    for cached in (programs.program_catalogue, programs._canonical_names):
        cached.cache_clear()
    try:
        with pytest.raises(ValueError, match="'총 회' names both 'WeGO General Assembly'"):
            canonical_program("총회")
    finally:
        monkeypatch.undo()
        for cached in (programs.program_catalogue, programs._canonical_names):
            cached.cache_clear()


# --- One vocabulary: every wording in data/programs.csv, read by the form, the import and news.

WORDINGS = [
    (wording.strip(), row.program, column)
    for row in program_catalogue().itertuples()
    for column in ("aliases", "aliases_ko", "cell_aliases")
    for wording in getattr(row, column).split(";")
    if wording.strip()
]


@pytest.mark.parametrize(("wording", "program", "column"), WORDINGS)
def test_every_wording_in_the_catalogue_names_its_program(wording, program, column):
    assert canonical_program(wording) == program
    assert program_list(f"{wording}; {wording.upper()}") == [program]


@pytest.mark.parametrize(("wording", "program"), sorted(korean_wordings().items()))
def test_a_korean_wording_news_reads_the_form_and_import_read_as_the_same_program(wording, program):
    assert canonical_program(wording) == program
    result = read_meetings(
        io.BytesIO(f"date,country,programs\n2025-05-12,호주,{wording}\n".encode()), name="x.csv"
    )
    assert result.problems == []
    assert list(result.meetings["programs"].iloc[0]) == [program]


def test_news_reads_korean_programme_wordings_from_the_catalogue():
    item = "서울시는 2025년 5월 12일 주한 호주 대사를 만나 '서울 스마트도시상' 참여를 제안했다."
    drafts = draft_meetings(item, published=date(2025, 5, 13))
    assert [(draft["country"], draft["programs"]) for draft in drafts] == [
        ("Australia", "Seoul Smart City Prize")
    ]


def test_a_wording_too_general_for_running_text_is_still_read_in_a_cell():
    assert canonical_program("스마트시티") == "Smart city cooperation"
    assert "스마트시티" not in korean_wordings()
    item = "서울시는 2025년 5월 12일 주한 호주 대사를 만나 '스마트시티' 정책을 논의했다."
    assert [draft["programs"] for draft in draft_meetings(item, published=date(2025, 5, 13))] == [
        ""
    ]


def test_news_keeps_no_programme_table_of_its_own():
    from lib.news import wordings

    assert wordings.KOREAN_PROGRAMS == korean_wordings()
