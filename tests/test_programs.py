"""Tests for lib.programs: what people write about a programme maps onto the catalogue."""

import pytest

from lib import i18n, programs
from lib.programs import canonical_program, program_catalogue, program_list, program_name


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
