import io
import pickle
import unicodedata
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib import i18n
from lib.export import format_v1_table
from lib.meetings import (
    FORMAT_COLUMNS,
    KOREAN_HEADERS,
    KOREAN_VALUES,
    MeetingsFileError,
    Problem,
    RecordInvalid,
    date_labels,
    day_label,
    month_label,
    read_meetings,
    read_table,
    record_cells,
    validate_record,
    validate_table,
)

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def korean():
    """Text made in this test is Korean; English again after it."""
    i18n.use("ko")
    yield
    i18n.use("en")


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


# --- Korean input ------------------------------------------------------------------------

KOREAN_SHEET_COUNTRIES = ["CAN", "KAZ", "KOR", "MEX", "PRK"]


@pytest.mark.parametrize("name", ["korean_headers.csv", "korean_headers.xlsx"])
def test_spreadsheet_with_korean_headers_countries_and_programs_has_no_refused_row(name):
    result = read_meetings(FIXTURES / name)
    assert result.problems == []
    meetings = result.meetings
    assert list(meetings["iso3"]) == KOREAN_SHEET_COUNTRIES  # 캐나다, 주한 카자흐스탄 대사관, 한국…
    assert list(meetings["date_precision"]) == ["week", "week", "month", "quarter", "year"]
    assert list(meetings["counterpart_type"]) == [
        "embassy",
        "embassy",
        "city government",
        "embassy",
        "other",
    ]
    assert list(meetings["follow_up_status"]) == ["open", "done", "", "dropped", ""]
    assert meetings.loc[0, "programs"] == [
        "Urban Innovation Challenge: Citypreneurs",
        "Seoul Global Challenge",
        "Public-private partnerships",
    ]
    assert meetings.loc[2, "programs"] == [
        "WeGO General Assembly",
        "Executive Committee (EXCOM)",
        "WeGO Regional Offices",
    ]
    assert meetings.loc[3, "programs"] == ["WeGO Training Program", "Seoul Smart City Prize"]
    assert meetings.loc[0, "follow_up_due"] == pd.Timestamp("2019-06-30")
    assert meetings.loc[0, "follow_up_owner"] == "대외협력팀"
    assert meetings.loc[0, "source_url"].startswith("https://we-gov.org/")


def test_korean_sheet_is_imported_whole_and_written_back_with_english_headers(tmp_path):
    from lib.export import csv_bytes
    from lib.store import Store

    with Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}", create=True) as store:
        report = store.import_meetings(FIXTURES / "korean_headers.xlsx", mode="append", who="민")
        assert (report.added, report.problems) == (5, [])
        written = csv_bytes(store.meetings())
    header = written.decode("utf-8-sig").split("\n", 1)[0]
    assert header.split(",")[: len(FORMAT_COLUMNS)] == list(FORMAT_COLUMNS)
    again = read_meetings(io.BytesIO(written))
    assert again.problems == [] and sorted(again.meetings["iso3"]) == KOREAN_SHEET_COUNTRIES


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("날짜", "date"),
        ("날짜 정확도", "date_precision"),
        ("상대방 유형", "counterpart_type"),
        ("후속 조치", "follow_up"),  # spacing as the writer likes
        ("후속조치 기한", "follow_up_due"),
        (" 출처 링크 ", "source_url"),
        ("우리측 대표", "representative"),
        (unicodedata.normalize("NFD", "국가"), "country"),  # as macOS writes file names
        ("Date", "date"),
    ],
)
def test_korean_headers_are_read_as_their_columns(header, column):
    text = f"{header},country,date\n2019-04-02,Peru,2019-04-02\n"
    assert column in read_table(io.BytesIO(text.encode()), name="x.csv").columns


def test_every_format_column_has_a_korean_header_documented():
    documented = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert set(KOREAN_HEADERS) == set(FORMAT_COLUMNS)
    for column, headers in KOREAN_HEADERS.items():
        row = next(line for line in documented.splitlines() if line.startswith(f"| `{column}` |"))
        assert all(header in row for header in headers), column


def test_every_korean_value_is_documented():
    documented = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    section = documented.split("### Korean values", 1)[1].split("\n## ", 1)[0]
    for column, values in KOREAN_VALUES.items():
        row = next(line for line in section.splitlines() if line.startswith(f"| `{column}` | "))
        squeezed = "".join(row.split())  # the table may space a value ("시 정부")
        assert all(value in squeezed for value in values), column


@pytest.mark.parametrize(
    ("column", "korean", "english"),
    [
        ("counterpart_type", "대사관", "embassy"),
        ("counterpart_type", "총영사관", "consulate"),
        ("counterpart_type", "시정부", "city government"),
        ("counterpart_type", "중앙 정부", "national government"),
        ("counterpart_type", "국제기구", "international organisation"),
        ("follow_up_status", "진행중", "open"),
        ("follow_up_status", "완료", "done"),
        ("follow_up_status", "취소", "dropped"),
        ("date_precision", "일", "day"),
        ("date_precision", "분기", "quarter"),
    ],
)
def test_korean_values_are_read_as_the_english_ones(column, korean, english):
    table = pd.DataFrame(
        {"date": ["2019-04-02"], "country": ["페루"], "follow_up": ["Send it"], column: [korean]}
    )
    result = validate_table(table)
    assert result.problems == []
    assert result.meetings.loc[0, column] == english


def test_a_wrong_value_lists_the_values_in_the_readers_language(korean):
    table = pd.DataFrame(
        {"date": ["2019-04-02"], "country": ["Peru"], "counterpart_type": ["빵집"]}
    )
    message = validate_table(table).problems[0].message
    assert "대사관, 영사관, 시 정부" in str(message)
    i18n.use("en")
    assert str(message) == (
        "'빵집' is not a counterpart type. Use one of: embassy, consulate, city government, "
        "national government, international organisation, other."
    )


# --- Due dates ---------------------------------------------------------------------------


def test_due_date_without_a_follow_up_is_a_problem():
    text = "date,country,follow_up,follow_up_due\n2019-04-02,Peru,,2019-05-01\n"
    result = read_meetings(io.BytesIO(text.encode()))
    assert result.meetings.empty
    assert [(p.line, p.column, str(p.message)) for p in result.problems] == [
        (
            2,
            "follow_up_due",
            "A due date needs a follow-up: write the pledge, or clear the due date.",
        )
    ]


@pytest.mark.parametrize(
    ("day", "precision", "due", "refused"),
    [
        ("2019-04-09", "", "2019-04-08", True),
        ("2019-04-09", "", "2019-04-09", False),  # due the same day
        ("2019-04-02", "week", "2019-04-03", False),  # inside the week's window
        ("2019-04", "", "2019-03-31", True),
        ("2019-Q2", "", "2019-04-01", False),
        ("2019", "", "2018-12-31", True),
    ],
)
def test_due_date_before_the_meeting_is_a_problem(day, precision, due, refused):
    text = (
        "date,date_precision,country,follow_up,follow_up_due\n"
        f"{day},{precision},Peru,Send the agenda,{due}\n"
    )
    result = read_meetings(io.BytesIO(text.encode()))
    assert len(result.meetings) == (0 if refused else 1)
    if refused:
        assert [(p.column, str(p.message)) for p in result.problems] == [
            (
                "follow_up_due",
                f"The due date {due} is before the meeting's date ({day}). "
                "Give a due date on or after it.",
            )
        ]


# --- Files that are not what their name says -----------------------------------------------


def test_text_file_named_xlsx_is_refused_as_not_a_workbook():
    with pytest.raises(MeetingsFileError) as from_path:
        read_meetings(FIXTURES / "text_named.xlsx")
    upload = io.BytesIO((FIXTURES / "text_named.xlsx").read_bytes())
    with pytest.raises(MeetingsFileError) as from_upload:
        read_meetings(upload, name="Meetings.XLSX")
    assert str(from_path.value).startswith("text_named.xlsx is not an XLSX workbook")
    assert "save it as .xlsx" in str(from_path.value) and "rename it" in str(from_path.value)
    assert str(from_upload.value).startswith("Meetings.XLSX is not an XLSX workbook")


def test_korean_excel_export_with_hanja_and_kana_beside_hangul_is_read():
    result = read_meetings(FIXTURES / "cp949_hanja_kana.csv")
    assert result.problems == []
    assert list(result.meetings["iso3"]) == ["JPN", "CHN"]
    assert (
        result.meetings.loc[0, "summary"]
        == "日本 東京都와 스마트시티 협력 논의, 資料는 メモ로 송부"
    )
    assert result.meetings.loc[1, "summary"] == "한중 도시 교류(韓中 都市 交流) 확대에 합의"


def test_windows_1252_file_that_decodes_as_hanja_is_refused():
    # "Ação … inovação" in Windows-1252 decodes as CP949 to "A豫o … inova豫o".
    assert "豫" in (FIXTURES / "cp1252_as_hanja.csv").read_bytes().decode("cp949")
    with pytest.raises(MeetingsFileError, match="UTF-8"):
        read_meetings(FIXTURES / "cp1252_as_hanja.csv")


# --- Messages in the reader's language -----------------------------------------------------


def test_a_files_problems_are_shown_in_the_language_of_whoever_reads_them():
    problems = read_meetings(FIXTURES / "mixed.csv").problems  # read once, as the cache does
    by_line = {problem.line: problem for problem in problems}
    assert (
        str(by_line[10])
        == "Line 10, date: '2019-02-30' is not a real date. Check the month and day."
    )
    i18n.use("ko")
    try:
        assert str(by_line[10]) == (
            "10행, date: '2019-02-30'은(는) 실제로 있는 날짜가 아닙니다. 월과 일을 확인하십시오."
        )
        assert "콩고민주공화국(COD)" in str(by_line[5].message)
        assert str(pickle.loads(pickle.dumps(by_line[9].message))) == (
            "날짜 '2019-05'는 월 단위이므로 일 단위까지 정확할 수 없습니다. "
            "날짜를 모두 쓰거나 더 넓은 정확도를 고르십시오."
        )
    finally:
        i18n.use("en")
    assert "Did you mean" not in str(by_line[5].message)
    assert "DR Congo (COD)" in str(by_line[5].message)


def test_file_error_is_shown_in_the_language_of_whoever_reads_it():
    with pytest.raises(MeetingsFileError) as caught:
        read_meetings(FIXTURES / "empty.csv")
    error = pickle.loads(pickle.dumps(caught.value))
    assert str(error) == "empty.csv is empty. A meetings file needs a header row."
    i18n.use("ko")
    try:
        assert (
            str(error) == "empty.csv 파일이 비어 있습니다. 면담 파일에는 머리글 행이 있어야 합니다."
        )
    finally:
        i18n.use("en")


def test_every_message_of_the_data_layer_has_a_korean_translation():
    from babel.messages.extract import extract

    korean = i18n.catalogue("ko")
    missing = []
    modules = [*sorted((ROOT / "lib" / "meetings").glob("*.py")), ROOT / "lib" / "countries.py"]
    for module in [*modules, ROOT / "lib" / "programs.py"]:
        with module.open("rb") as source:
            for _, message, _, _ in extract(
                "python", source, keywords=dict.fromkeys(("_", "N_", "L_"))
            ):
                if message not in korean:
                    missing.append(message)
    assert missing == []


# --- Dates as people read them -----------------------------------------------------------


def labels(dates: list[str], precision: list[str], language: str) -> list[str]:
    frame = pd.DataFrame({"date": pd.to_datetime(dates), "date_precision": precision})
    return date_labels(frame, language=language).tolist()


def test_date_labels_in_english_mark_approximate_dates():
    dates = ["2019-04-09", "2019-04-02", "2019-04-01", "2019-04-01", "2019-01-01"]
    precision = ["day", "week", "month", "quarter", "year"]
    assert labels(dates, precision, "en") == [
        "09 Apr 2019",
        "≈ week of 02 Apr 2019",
        "≈ Apr 2019",
        "≈ Q2 2019",
        "≈ 2019",
    ]


def test_date_labels_in_korean():
    dates = ["2019-04-09", "2019-04-09", "2019-04-01", "2019-04-01", "2019-01-01"]
    precision = ["day", "week", "month", "quarter", "year"]
    assert labels(dates, precision, "ko") == [
        "2019년 4월 9일",
        "2019년 4월 둘째 주경",
        "2019년 4월경",
        "2019년 2분기",
        "2019년경",
    ]


@pytest.mark.parametrize(
    ("day", "week"),
    [(1, "첫째"), (7, "첫째"), (8, "둘째"), (21, "셋째"), (22, "넷째"), (29, "다섯째")],
)
def test_korean_week_is_the_week_of_the_month_the_window_starts_in(day, week):
    assert labels([f"2019-12-{day:02d}"], ["week"], "ko") == [f"2019년 12월 {week} 주경"]


def test_date_labels_follow_the_current_language(korean):
    assert labels(["2021-11-12"], ["day"], None) == ["2021년 11월 12일"]


def test_month_and_day_labels_in_each_language():
    assert month_label("2019-04", "en") == "Apr 2019"
    assert month_label(date(2019, 12, 31), "ko") == "2019년 12월"
    assert day_label(date(2019, 4, 9), "en") == "09 Apr 2019"
    assert day_label(date(2019, 4, 9), "ko") == "2019년 4월 9일"


# --- One record, validated without a DataFrame ---------------------------------------------


def test_validate_record_gives_the_stored_text():
    record = {
        "Date": date(2019, 4, 2),
        "date_precision": "주",
        "country": " 주한 캐나다 대사관 ",
        "counterpart_type": "대사관",
        "programs": ["시티프러너", "GA", "Citypreneurs", "A new programme"],
        "cities": " Toronto ;; Seoul ",
        "follow_up": "Introduce FCM",
        "follow_up_due": "2019-06-30",
        "summary": "'=1+1",
        "desk officer": "Kim\x00",
        "iso3": "ZZZ",  # computed by the app, never taken from the record
    }
    stored = validate_record(record)
    assert stored == {
        **dict.fromkeys(FORMAT_COLUMNS, ""),
        "date": "2019-04-02",
        "date_precision": "week",
        "country": "Canada",
        "counterpart_type": "embassy",
        "programs": "Urban Innovation Challenge: Citypreneurs; WeGO General Assembly; "
        "A new programme",
        "cities": "Toronto; Seoul",
        "follow_up": "Introduce FCM",
        "follow_up_status": "open",
        "follow_up_due": "2019-06-30",
        "summary": "=1+1",
        "desk officer": "Kim",
        "iso3": "CAN",
    }
    assert list(stored) == [*FORMAT_COLUMNS, "desk officer", "iso3"]


def test_validate_record_writes_the_date_in_the_form_of_its_precision():
    def stored_date(text: str, precision: str) -> str:
        return validate_record({"date": text, "date_precision": precision, "country": "KAZ"})[
            "date"
        ]

    assert stored_date("2019-05-09", "month") == "2019-05"
    assert stored_date("2019-05-09", "quarter") == "2019-Q2"
    assert stored_date("2019-05", "year") == "2019"
    assert stored_date("2019-Q4", "") == "2019-Q4"


def test_validate_record_names_every_wrong_field():
    with pytest.raises(RecordInvalid) as caught:
        validate_record(
            {
                "date": "2019-04",
                "date_precision": "day",
                "country": "Narnia",
                "follow_up_due": "2019-05-01",
                "source_url": "www.example.org",
            }
        )
    fields = {column: str(message) for column, message in caught.value.fields.items()}
    assert list(fields) == ["date_precision", "country", "follow_up_due", "source_url"]
    assert "'2019-04' is a month" in fields["date_precision"]
    assert 'Unknown country "Narnia"' in fields["country"]
    assert fields["follow_up_due"].startswith("A due date needs a follow-up")
    assert str(caught.value).startswith("The meeting was not saved. date_precision: ")


def test_an_empty_record_asks_for_a_date_and_a_country(korean):
    with pytest.raises(RecordInvalid) as caught:
        validate_record({"summary": "  ", "date": None})
    assert {column: str(message) for column, message in caught.value.fields.items()} == {
        "date": "날짜가 비어 있습니다. YYYY-MM-DD(또는 YYYY-MM, YYYY) 형식으로 쓰십시오.",
        "country": "국가가 비어 있습니다. 국가 이름이나 ISO 코드를 쓰십시오.",
    }


def one_row_table(record: dict) -> dict | None:
    """What the table path gives for one record: the stored text, problems, or None (blank)."""
    cells = record_cells(record)
    table = pd.DataFrame([{**dict.fromkeys(FORMAT_COLUMNS, ""), **cells}], dtype="str")
    result = validate_table(table)
    if result.problems:
        return {"problems": {problem.column: str(problem.message) for problem in result.problems}}
    if result.meetings.empty:
        return None
    stored = format_v1_table(result.meetings).drop(columns=["region", "subregion"])
    return {"stored": list(stored.iloc[0].to_dict().items())}


def by_record(record: dict) -> dict:
    try:
        return {"stored": list(validate_record(record).items())}
    except RecordInvalid as error:
        return {"problems": {column: str(message) for column, message in error.fields.items()}}


# Each field: cells that are fine on their own, and cells that are wrong.
FIELDS = {
    "id": (["", "m-1", " m-2 "], []),
    "date": (
        ["2019-04-09", " 2019-04 ", "2019-Q2", "2019", "2020-02-29", date(2021, 11, 12), "'\t2019"],
        ["", None, pd.NaT, "04/09/2019", "2019-02-30", "1800-01-01", "soon", "'+2019-04-09"],
    ),
    "date_precision": (
        ["", "", "", "day", "Week", "MONTH", "quarter", "year", "주", " 분기"],
        ["fortnight", "daily"],
    ),
    "country": (
        [
            "Canada",
            "캐나다",
            "주한 카자흐스탄 대사관",
            "Korea",
            "KAZ",
            398,
            "the Colombian Embassy",
        ],
        ["Narnia", "Congo", "", "Kazakstan", "'@Canada"],
    ),
    "counterpart_type": (["", "embassy", "Consulate", "대사관", "시 정부"], ["bakery"]),
    "follow_up": (["Send the agenda", "Ask for the list", "", " ", "'\t"], []),
    "follow_up_status": (["", "open", "DONE", "완료", "진행 중"], ["maybe"]),
    "follow_up_due": (
        ["", "", "", "2019-01-01", "2019-04-09", "2019-06-30", date(2030, 1, 1)],
        ["2019-07", "31/12/2019"],
    ),
    "programs": (
        ["", "Citypreneurs; GA", "총회; 시티프러너", "A new one; ;", ["서울 스마트시티상"]],
        [],
    ),
    "cities": (["", "Toronto; ; Seoul", ["Almaty", " Astana "]], []),
    "source_url": (
        ["", "https://we-gov.org/x", "synthetic://1/2", "'\rhttps://we-gov.org/y"],
        ["javascript:x", "http://a b"],
    ),
}


@st.composite
def records(draw) -> dict:
    """A record with mostly good cells and a few wrong ones, as a form or a file gives."""
    wrong = draw(st.sets(st.sampled_from([f for f, (_, bad) in FIELDS.items() if bad]), max_size=2))
    record = {
        field: draw(st.sampled_from(bad if field in wrong else good))
        for field, (good, bad) in FIELDS.items()
    }
    record["summary"] = draw(
        st.one_of(st.text(max_size=20), st.sampled_from(["'=1+1", "'x", None]))
    )
    record["counterpart"] = draw(st.text(max_size=12))
    for extra in ("desk officer", "Event"):
        if draw(st.booleans()):
            record[extra] = draw(st.text(max_size=8))
    return record


@settings(max_examples=400, deadline=None)
@given(records())
def test_validate_record_gives_what_a_one_row_table_gives(record):
    expected = one_row_table(record)
    if expected is None:  # a blank row is passed over in a file, refused as a record
        assert set(by_record(record)["problems"]) == {"date", "country"}
    else:
        assert by_record(record) == expected


# --- One reading of a date: a file row and a saved record give the same window ----------


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    precision=st.sampled_from(["day", "week", "month", "quarter", "year"]),
)
def test_a_file_row_and_a_saved_record_read_a_date_as_the_same_window(day, precision):
    # "2019-04-15" with "month" is the calendar month containing it (all of April) whether
    # the row is read from a file or saved as a record and read back.
    cells = {"date": day.isoformat(), "date_precision": precision, "country": "Canada"}
    row = "date,date_precision,country\n" + ",".join(cells.values()) + "\n"
    from_file = read_meetings(io.BytesIO(row.encode()), name="meetings.csv").meetings
    saved = validate_record(cells)
    again = ",".join([saved["date"], saved["date_precision"], "Canada"])
    from_record = read_meetings(
        io.BytesIO(("date,date_precision,country\n" + again + "\n").encode()), name="saved.csv"
    ).meetings
    window = from_file.loc[0, ["date", "date_end"]].tolist()
    assert window == from_record.loc[0, ["date", "date_end"]].tolist()
    start, end = (moment.date() for moment in window)
    assert start <= day <= end
    if precision in ("month", "quarter", "year"):
        assert start.day == 1 and (end + pd.Timedelta(days=1)).day == 1
        assert {"month": 1, "quarter": 3, "year": 12}[precision] == (
            (end.year - start.year) * 12 + end.month - start.month + 1
        )
