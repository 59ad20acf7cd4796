import io

import pandas as pd

from lib.export import csv_bytes, format_v1_table, xlsx_bytes
from lib.meetings import FORMAT_COLUMNS, read_meetings

TRICKY = (
    "id,date,date_precision,country,counterpart,summary,follow_up,programs\n"
    'x1,2019-04-02,week,Canada,"=HYPERLINK(""http://evil"")",+1 call,-minus,'
    "Seoul Global Challenge\n"
    'x2,2019-Q2,,Kosovo,@mention,"tab\tinside, and ""quotes""",,\n'
    'x3,2021,,South Korea,서울 🤝,"line one\nline two",,Citypreneurs; Seoul Smart City Prize\n'
    "x4,2019-03,,Afghanistan,'already quoted,plain,,\n"
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


def test_formula_cells_are_neutralised_in_xlsx():
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx_bytes(tricky_meetings()))).active
    header = [cell.value for cell in sheet[1]]
    counterpart = header.index("counterpart") + 1
    assert sheet.cell(row=2, column=counterpart).value == '\'=HYPERLINK("http://evil")'
    assert sheet.cell(row=2, column=counterpart).data_type == "s"


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
