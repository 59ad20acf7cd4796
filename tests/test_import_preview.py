"""The import preview says what an import will do, in proper words: new rows apart from the
ones already recorded, and a row whose id is recorded with other content named, field by
field, rather than skipped without a word."""

import io

import pandas as pd

from lib.i18n import use
from lib.ui.importing import preview_heading
from tests.test_pages import ROOT, database, open_app, widget  # noqa: F401 (fixture)

SHIPPED = pd.read_csv(ROOT / "data" / "meetings.csv", dtype=str, keep_default_na=False)


def upload(at, table: pd.DataFrame, name: str = "colleague.csv"):
    widget(at.text_input, "Your name").input("Min-ji Kim")
    raw = table.to_csv(index=False).encode("utf-8")
    return at.file_uploader[0].set_value((name, raw, "text/csv")).run()


def new_meeting(id: str, day: str) -> dict:
    meeting = {**SHIPPED.iloc[0].to_dict(), "id": id, "date": day, "date_precision": "day"}
    return {**meeting, "counterpart": f"Envoy {id}"}


def test_the_counts_are_said_in_proper_singular_and_plural():
    use("en")
    assert preview_heading(1, 1, 1) == (
        "1 new meeting can be added; 1 is already recorded; 1 row cannot be used."
    )
    assert preview_heading(2, 0, 3) == (
        "2 new meetings can be added; 0 are already recorded; 3 rows cannot be used."
    )


def test_recorded_rows_are_kept_apart_from_the_new_ones():
    recorded = SHIPPED.iloc[[0]]
    fresh = pd.DataFrame(
        [new_meeting("x-new-1", "2024-02-01"), new_meeting("x-new-2", "2024-03-05")]
    )
    at = upload(open_app("pages/Import.py"), pd.concat([recorded, fresh]))
    heading = [s.value for s in at.subheader]
    assert "2 new meetings can be added; 1 is already recorded; 0 rows cannot be used." in heading
    preview = next(d.value for d in at.dataframe if "Counterpart" in d.value.columns)
    assert sorted(preview["Counterpart"]) == ["Envoy x-new-1", "Envoy x-new-2"]
    already = next(d.value for d in at.dataframe if "Already recorded" in d.value.columns)
    assert list(already["Line"]) == [2]
    # A page that writes to the database does not call the file "this session only".
    shown = [e.label for e in at.expander] + [str(e.value) for e in at.markdown]
    assert not any("session only" in text for text in shown)
    assert not at.warning  # the recorded row is the same: nothing to warn about


def test_a_recorded_id_with_other_content_is_named_with_its_differences():
    changed = SHIPPED.iloc[[0]].copy()
    changed["follow_up_status"] = "done"
    changed["summary"] = "A different summary"
    at = upload(open_app("pages/Import.py"), changed)
    warning = next(w.value for w in at.warning)
    assert warning.startswith("1 row has the id of a recorded meeting but other content.")
    differences = next(d.value for d in at.dataframe if "In the file" in d.value.columns)
    by_field = differences.set_index("Field")
    recorded = SHIPPED.iloc[0]
    assert set(by_field.index) == {"Follow-up status", "Summary"}
    assert by_field.loc["Summary", "Recorded"] == recorded["summary"]
    assert by_field.loc["Summary", "In the file"] == "A different summary"
    assert by_field.loc["Follow-up status", "In the file"] == "done"
    assert set(differences["Line"]) == {2} and set(differences["Meeting"]) == {recorded["id"]}


def test_the_shipped_file_again_differs_in_nothing():
    raw = (ROOT / "data" / "meetings.csv").read_bytes()
    at = open_app("pages/Import.py")
    widget(at.text_input, "Your name").input("Min-ji Kim")
    at.file_uploader[0].set_value(("meetings.csv", raw, "text/csv")).run()
    assert any(s.value.startswith("0 new meetings can be added") for s in at.subheader)
    assert not at.warning
    assert not any("In the file" in d.value.columns for d in at.dataframe)


def test_the_preview_in_korean_has_no_english_counts():
    at = open_app("pages/Import.py", lang="ko")
    at.text_input[0].input("김민지")
    raw = io.BytesIO(SHIPPED.iloc[[0]].to_csv(index=False).encode("utf-8")).getvalue()
    at.file_uploader[0].set_value(("a.csv", raw, "text/csv")).run()
    heading = next(s.value for s in at.subheader)
    assert "already" not in heading and "new meeting" not in heading
