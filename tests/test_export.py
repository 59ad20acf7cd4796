import io
import zipfile
from datetime import datetime

import pandas as pd
import pytest

import lib.export
from lib import i18n
from lib.export import (
    XLSX_CELL_CHARACTERS,
    XLSX_MAX_MEETINGS,
    XLSX_WELL_HANDLED_MEETINGS,
    ExportError,
    csv_bytes,
    file_bytes,
    format_v1_table,
    xlsx_advice,
    xlsx_bytes,
)
from lib.meetings import FORMAT_COLUMNS, read_meetings
from lib.progress import WRITING

TRICKY = (
    "id,date,date_precision,country,counterpart,summary,follow_up,programs\n"
    'x1,2019-04-02,week,Canada,"=HYPERLINK(""http://evil"")",+1 call,-minus,'
    "Seoul Global Challenge\n"
    'x2,2019-Q2,,Kosovo,@mention,"tab\tinside, and ""quotes""",,\n'
    'x3,2021,,South Korea,서울 🤝,"line one\nline two",,Citypreneurs; Seoul Smart City Prize\n'
    "x4,2019-03,,Afghanistan,'already quoted,plain,,\n"
)

DATES = (
    "id,date,date_precision,country,follow_up,follow_up_due\n"
    "d1,2019-04-02,,Canada,Send the brochure,2019-06-30\n"
    "d2,2019-04-01,week,Mexico,,\n"
    "d3,2019-04,,Kazakhstan,,\n"
    "d4,2019-Q2,,Tajikistan,,\n"
    "d5,2019,,Japan,,\n"
)


def tricky_meetings() -> pd.DataFrame:
    return read_meetings(io.BytesIO(TRICKY.encode())).meetings


def test_export_columns_are_format_v1_plus_location():
    table = format_v1_table(tricky_meetings())
    assert list(table.columns) == [*FORMAT_COLUMNS, "iso3", "region", "subregion"]


def test_dates_are_written_in_the_form_of_their_precision():
    table = format_v1_table(tricky_meetings())
    assert list(table["date"]) == ["2019-04-02", "2019-Q2", "2021", "2019-03"]


def test_formula_cells_are_neutralised_in_csv():
    text = csv_bytes(tricky_meetings()).decode("utf-8-sig")
    exported = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert exported.loc[0, "counterpart"] == '\'=HYPERLINK("http://evil")'
    assert exported.loc[0, "summary"] == "'+1 call"
    assert exported.loc[0, "follow_up"] == "'-minus"
    assert exported.loc[1, "counterpart"] == "'@mention"
    assert exported.loc[3, "counterpart"] == "'already quoted"


def xlsx_sheet(meetings: pd.DataFrame):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx_bytes(meetings))).active
    header = [cell.value for cell in sheet[1]]
    return sheet, {name: number + 1 for number, name in enumerate(header)}


def test_xlsx_cells_are_typed_strings_without_the_guard():
    raw = xlsx_bytes(tricky_meetings())
    sheet, column = xlsx_sheet(tricky_meetings())

    expected = {
        (2, "counterpart"): '=HYPERLINK("http://evil")',
        (2, "summary"): "+1 call",
        (2, "follow_up"): "-minus",
        (3, "counterpart"): "@mention",
        (5, "counterpart"): "'already quoted",
    }
    for (row, name), text in expected.items():
        cell = sheet.cell(row=row, column=column[name])
        assert (cell.value, cell.data_type) == (text, "s")
    with zipfile.ZipFile(io.BytesIO(raw)) as workbook:
        assert b"<f>" not in workbook.read("xl/worksheets/sheet1.xml")  # no formula anywhere


def test_xlsx_exact_and_due_dates_are_date_cells_approximate_dates_their_text():
    meetings = read_meetings(io.BytesIO(DATES.encode())).meetings
    sheet, column = xlsx_sheet(meetings)

    exact = sheet.cell(row=2, column=column["date"])
    assert exact.is_date and exact.value == datetime(2019, 4, 2)
    assert exact.number_format == "yyyy-mm-dd"
    due = sheet.cell(row=2, column=column["follow_up_due"])
    assert due.is_date and due.value == datetime(2019, 6, 30)
    assert due.number_format == "yyyy-mm-dd"
    approximate = [sheet.cell(row=row, column=column["date"]).value for row in (3, 4, 5, 6)]
    assert approximate == ["2019-04-01", "2019-04", "2019-Q2", "2019"]
    assert sheet.cell(row=3, column=column["follow_up_due"]).value is None


def test_xlsx_reads_back_to_the_same_meetings():
    original = pd.concat(
        [tricky_meetings(), read_meetings(io.BytesIO(DATES.encode())).meetings],
        ignore_index=True,
    )
    original.loc[0, "summary"] = "장문 " + "가나다🤝 " * 6000  # long, Korean and emoji
    original.loc[1, "summary"] = "x" * XLSX_CELL_CHARACTERS  # exactly what a cell holds

    again = read_meetings(io.BytesIO(xlsx_bytes(original)))

    assert again.problems == []
    assert format_v1_table(again.meetings).equals(format_v1_table(original))


def test_xlsx_refuses_a_cell_longer_than_a_spreadsheet_holds_and_names_it():
    meetings = tricky_meetings()
    meetings.loc[2, "summary"] = "x" * (XLSX_CELL_CHARACTERS + 1)

    with pytest.raises(ExportError, match="summary of meeting x3") as raised:
        xlsx_bytes(meetings)
    assert "CSV" in str(raised.value)


def test_xlsx_advice_warns_above_what_a_spreadsheet_handles_well():
    assert xlsx_advice(0) is None
    assert xlsx_advice(XLSX_WELL_HANDLED_MEETINGS) is None
    large = xlsx_advice(XLSX_WELL_HANDLED_MEETINGS + 1)
    assert "CSV" in large and f"{XLSX_WELL_HANDLED_MEETINGS + 1:,}" in large
    too_many = xlsx_advice(XLSX_MAX_MEETINGS + 1)
    assert "more than an Excel sheet holds" in too_many
    with pytest.raises(ExportError, match="Download the CSV"):
        xlsx_bytes(pd.DataFrame(index=range(XLSX_MAX_MEETINGS + 1)))
    i18n.use("ko")
    try:
        assert "CSV" in xlsx_advice(XLSX_WELL_HANDLED_MEETINGS + 1)
        assert "스프레드시트" in xlsx_advice(XLSX_WELL_HANDLED_MEETINGS + 1)
    finally:
        i18n.use("en")


class Recorder:
    """A progress callback that keeps what it was told."""

    def __init__(self, stop_after: int | None = None):
        self.calls: list[tuple[int, int]] = []
        self.phases: list[str] = []
        self.stop_after = stop_after

    def __call__(self, done: int, total: int) -> None:
        self.calls.append((done, total))
        if self.stop_after is not None and done >= self.stop_after:
            raise KeyboardInterrupt("cancelled")

    def phase(self, name: str) -> None:
        self.phases.append(name)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_files_report_rows_written_chunk_by_chunk(kind, monkeypatch):
    monkeypatch.setattr(lib.export, "_CHUNK_ROWS", 3)
    meetings = pd.concat([tricky_meetings()] * 2, ignore_index=True)
    meetings["id"] = [f"m{number}" for number in range(8)]
    recorder = Recorder()

    written = file_bytes(meetings, kind, progress=recorder)

    assert recorder.phases == [WRITING]
    assert recorder.calls == [(0, 8), (3, 8), (6, 8), (8, 8)]
    assert len(read_meetings(io.BytesIO(written)).meetings) == 8
    with pytest.raises(KeyboardInterrupt):
        file_bytes(meetings, kind, progress=Recorder(stop_after=3))
    plain = lambda done, total: None  # noqa: E731 - a callable without phase() works too
    assert file_bytes(meetings, kind, progress=plain)


def test_csv_export_reads_back_identically():
    original = tricky_meetings()
    again = read_meetings(io.BytesIO(csv_bytes(original)))
    assert again.problems == []
    assert format_v1_table(again.meetings).equals(format_v1_table(original))


def test_xlsx_export_reads_back_identically():
    original = tricky_meetings()
    again = read_meetings(io.BytesIO(xlsx_bytes(original)))
    assert again.problems == []
    assert format_v1_table(again.meetings).equals(format_v1_table(original))


def test_shipped_dataset_round_trips(shipped):
    again = read_meetings(io.BytesIO(csv_bytes(shipped)))
    assert again.problems == []
    assert len(again.meetings) == len(shipped)
    assert format_v1_table(again.meetings).equals(format_v1_table(shipped))
