import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.meetings import (
    FORMAT_COLUMNS,
    MeetingsFileError,
    Problem,
    read_meetings,
    validate_table,
)

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def problems_by_line(result) -> dict[int, set[str]]:
    lines: dict[int, set[str]] = {}
    for problem in result.problems:
        lines.setdefault(problem.line, set()).add(problem.column)
    return lines


def test_mixed_file_keeps_good_rows_and_reports_bad_ones_by_spreadsheet_line():
    result = read_meetings(FIXTURES / "mixed.csv")
    assert list(result.meetings["id"]) == ["a1", "a12", "a14"]
    assert list(result.meetings["iso3"]) == ["CAN", "MYS", "DOM"]
    assert problems_by_line(result) == {
        3: {"date"},
        4: {"country"},
        5: {"country"},
        6: {"id"},
        7: {"counterpart_type"},
        8: {"follow_up_status"},
        9: {"date_precision"},
        10: {"date"},
        11: {"source_url"},
        12: {"follow_up_due"},
        16: {"date_precision"},
    }


def test_problem_messages_say_what_to_do():
    messages = {p.line: p.message for p in read_meetings(FIXTURES / "mixed.csv").problems}
    assert "day-first or month-first" in messages[3] and "YYYY-MM-DD" in messages[3]
    assert "Narnia" in messages[4]
    assert "Congo" in messages[5] and "DR Congo" in messages[5]
    assert "line 2" in messages[6]
    assert "not a real date" in messages[10]
    assert "fortnight" in messages[16]


def test_dates_precision_and_windows():
    meetings = read_meetings(FIXTURES / "mixed.csv").meetings.set_index("id")
    assert meetings.loc["a1", "date"] == pd.Timestamp("2019-04-02")
    assert meetings.loc["a1", "date_precision"] == "week"
    assert meetings.loc["a1", "date_end"] == pd.Timestamp("2019-04-08")
    assert meetings.loc["a12", "date"] == pd.Timestamp("2019-04-01")
    assert meetings.loc["a12", "date_precision"] == "quarter"
    assert meetings.loc["a12", "date_end"] == pd.Timestamp("2019-06-30")
    assert meetings.loc["a14", "date_precision"] == "year"
    assert meetings.loc["a14", "date_end"] == pd.Timestamp("2019-12-31")
    assert meetings.loc["a1", "follow_up_due"] == pd.Timestamp("2019-06-30")


def test_follow_up_without_status_is_open():
    meetings = read_meetings(FIXTURES / "mixed.csv").meetings.set_index("id")
    assert meetings.loc["a14", "follow_up_status"] == "open"
    assert meetings.loc["a12", "follow_up_status"] == ""


def test_multiline_cell_is_kept_exactly():
    meetings = read_meetings(FIXTURES / "mixed.csv").meetings.set_index("id")
    assert meetings.loc["a12", "summary"] == "multi\nline summary"


def test_frame_has_format_columns_and_added_columns():
    meetings = read_meetings(FIXTURES / "mixed.csv").meetings
    for column in [*FORMAT_COLUMNS, "iso3", "region", "subregion"]:
        assert column in meetings.columns
    assert meetings.loc[0, "country"] == "Canada"
    assert meetings.loc[0, "region"] == "Americas"
    assert meetings.loc[0, "subregion"] == "Northern America"


@pytest.mark.parametrize("name", ["empty.csv", "garbage.bin", "not_meetings.csv", "latin1.csv"])
def test_unreadable_files_raise_one_clear_error(name):
    with pytest.raises(MeetingsFileError) as error:
        read_meetings(FIXTURES / name)
    assert name in str(error.value)


def test_latin1_file_is_refused_not_misread_as_korean():
    with pytest.raises(MeetingsFileError, match="UTF-8"):
        read_meetings(FIXTURES / "latin1.csv")


def test_missing_column_error_names_the_column():
    with pytest.raises(MeetingsFileError, match="'date'"):
        read_meetings(FIXTURES / "not_meetings.csv")


def test_header_only_file_has_no_meetings_and_no_problems():
    result = read_meetings(FIXTURES / "header_only.csv")
    assert len(result.meetings) == 0 and result.problems == []


def test_bom_file_reads_first_column():
    result = read_meetings(FIXTURES / "bom.csv")
    assert list(result.meetings["iso3"]) == ["CAN"]
    assert result.meetings.loc[0, "summary"] == "Met at the embassy, briefly"


def test_korean_excel_export_decodes_korean_text():
    result = read_meetings(FIXTURES / "cp949.csv")
    assert result.problems == []
    assert list(result.meetings["iso3"]) == ["TKM", "KOR"]
    assert result.meetings.loc[0, "summary"] == "서울 스마트시티 서밋에 관심"
    assert result.meetings.loc[0, "counterpart"] == "대사"


def test_semicolon_file_is_detected():
    result = read_meetings(FIXTURES / "semicolon.csv")
    assert list(result.meetings["iso3"]) == ["MEX", "KAZ"]
    assert result.meetings.loc[0, "summary"] == "Talked about the Mayors Forum, in Seoul"
    assert result.meetings.loc[1, "date_precision"] == "month"


def test_crlf_line_ends_leave_no_carriage_returns():
    result = read_meetings(FIXTURES / "crlf.csv")
    assert list(result.meetings["summary"]) == ["Dushanbe events", "Kabul plans"]


def test_row_with_extra_cells_is_reported_not_shifted():
    result = read_meetings(FIXTURES / "ragged.csv")
    assert list(result.meetings["iso3"]) == ["CAN", "ESP"]
    assert [(p.line, p.column) for p in result.problems] == [(3, "(whole row)")]


def test_xlsx_first_sheet_with_native_dates():
    result = read_meetings(FIXTURES / "meetings.xlsx")
    meetings = result.meetings
    assert list(meetings["iso3"]) == ["KAZ", "TUR", "AFG"]
    assert meetings.loc[0, "date"] == pd.Timestamp("2019-04-02")
    assert meetings.loc[0, "follow_up_due"] == pd.Timestamp("2019-05-31")
    assert list(meetings["date_precision"]) == ["day", "month", "year"]
    assert meetings.loc[0, "programs"] == [
        "Seoul Smart City Prize",
        "Urban Innovation Challenge: Citypreneurs",
    ]
    assert [(p.line, p.column) for p in result.problems] == [(5, "date")]


def test_uploaded_file_object_is_read_like_a_path():
    upload = io.BytesIO((FIXTURES / "crlf.csv").read_bytes())
    upload.name = "upload.csv"
    assert list(read_meetings(upload).meetings["iso3"]) == ["TJK", "AFG"]


def test_namibia_code_is_not_read_as_missing():
    result = read_meetings(io.BytesIO(b"date,country\n2020-01-01,NA\n"))
    assert list(result.meetings["iso3"]) == ["NAM"]


def test_unknown_columns_are_kept():
    result = read_meetings(io.BytesIO(b"date,country,Desk officer\n2020-01-01,Peru,Kim\n"))
    assert result.meetings.loc[0, "desk officer"] == "Kim"


def test_formula_guard_from_an_export_is_removed_on_read():
    text = "date,country,summary\n2020-01-01,Peru,'=1+1\n2020-01-02,Peru,'plain quote\n"
    result = read_meetings(io.BytesIO(text.encode()))
    assert list(result.meetings["summary"]) == ["=1+1", "'plain quote"]


def test_validate_table_counts_lines_from_first_line():
    table = pd.DataFrame({"date": ["2020-01-01", "bad"], "country": ["Peru", "Chile"]})
    result = validate_table(table, first_line=10)
    assert result.problems == [Problem(11, "date", result.problems[0].message)]


def test_shipped_dataset_reads_with_zero_problems():
    result = read_meetings(ROOT / "data" / "meetings.csv")
    assert result.problems == []
    assert len(result.meetings) >= 40
    assert result.meetings["source_url"].str.startswith("http").all()


def test_shipped_dataset_has_the_seed_meetings_in_the_right_months():
    meetings = read_meetings(ROOT / "data" / "meetings.csv").meetings
    seed_week = meetings[(meetings["date"] >= "2019-04-02") & (meetings["date"] <= "2019-04-09")]
    assert {"CAN", "KAZ", "MEX", "TJK"} <= set(seed_week["iso3"])
    march = meetings[(meetings["date"].dt.strftime("%Y-%m") == "2019-03")]
    assert {"TKM", "AFG"} <= set(march["iso3"])
    canada = seed_week[seed_week["iso3"] == "CAN"].iloc[0]
    assert "Urban Innovation Challenge: Citypreneurs" in canada["programs"]
    assert "Federation of Canadian Municipalities" in canada["follow_up"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_any_bytes_give_meetings_or_a_file_error(raw):
    try:
        result = read_meetings(io.BytesIO(raw))
    except MeetingsFileError:
        return
    assert isinstance(result.meetings, pd.DataFrame)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=2, max_size=8))
def test_any_csv_cells_give_meetings_or_a_file_error(cells):
    text = "date,country,summary\n" + ",".join(cells) + "\n"
    try:
        result = read_meetings(io.BytesIO(text.encode("utf-8")))
    except MeetingsFileError:
        return
    assert all(problem.line >= 2 for problem in result.problems)
