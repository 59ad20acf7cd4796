"""The interface in Korean: a catalogue that matches the code, every message translated, and
every page walked in Korean with no English word left for a person to read."""

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.pofile import read_po
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from lib import catalogue, i18n
from lib.meetings import read_meetings
from lib.store import Store
from tests.english import english_left, written_values

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
ENTRY = str(ROOT / "app.py")
NEWS = FIXTURES / "news" / "tuned" / "2019-05-20_ko-central-asia-embassies.txt"
EDITED = "2019-04-can-amb"


# The catalogue -----------------------------------------------------------------------------


def _entries(po: bytes) -> dict[str, tuple[str, ...]]:
    """msgid (a plural's singular) → its Korean forms."""
    from io import BytesIO

    entries = {}
    for message in read_po(BytesIO(po), locale="ko"):
        if message.id:
            key = message.id[0] if isinstance(message.id, tuple | list) else message.id
            strings = (
                message.string if isinstance(message.string, tuple | list) else (message.string,)
            )
            entries[key] = tuple(strings)
    return entries


def test_the_catalogue_is_what_update_catalogue_writes_from_the_code(tmp_path, monkeypatch):
    committed = catalogue.po_path("ko").read_bytes()
    copy = tmp_path / "ko" / "LC_MESSAGES" / "messages.po"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(committed)
    monkeypatch.setattr(
        catalogue,
        "po_path",
        lambda language: tmp_path / language / copy.relative_to(tmp_path / "ko"),
    )
    catalogue.update("ko")
    if copy.read_bytes() != committed:
        before, after = _entries(committed), _entries(copy.read_bytes())
        new = sorted(set(after) - set(before))
        gone = sorted(set(before) - set(after))
        pytest.fail(
            "locales/ko/LC_MESSAGES/messages.po is not what the code's messages give: run "
            "`python -m scripts.update_catalogue` and translate the new entries.\n"
            f"New in the code: {new}\nNo longer in the code: {gone}\n(Neither: the file is not in "
            "the form update_catalogue writes.)"
        )


def test_every_message_has_korean():
    missing = [
        message
        for message, forms in _entries(catalogue.po_path("ko").read_bytes()).items()
        if not all(forms)
    ]
    assert missing == [], f"{len(missing)} messages without Korean: {missing}"


def test_no_message_is_marked_inside_an_f_string():
    """Babel does not read calls inside f-strings: such a message never reaches the catalogue."""
    import ast

    marks = {"_", "n_", "N_", "L_"}
    hidden = []
    for pattern in ("app.py", "lib/**/*.py", "pages/*.py"):
        for path in sorted(ROOT.glob(pattern)):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.JoinedStr):
                    for call in ast.walk(node):
                        if (
                            isinstance(call, ast.Call)
                            and getattr(call.func, "id", "") in marks
                            and call.args
                            and isinstance(call.args[0], ast.Constant)
                        ):
                            hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert hidden == [], f"move these messages out of their f-strings: {hidden}"


# Fields a Korean date spells differently: a month's number instead of its English name.
_DATE_FIELDS = {"month": "month_number", "last_month": "last_month_number"}


def test_korean_keeps_every_placeholder():
    wrong = {}
    for message, forms in _entries(catalogue.po_path("ko").read_bytes()).items():
        wanted = {_DATE_FIELDS.get(f, f) for f in re.findall(r"\{(\w+)", message)}
        for form in forms:
            if set(re.findall(r"\{(\w+)", form)) != wanted:
                wrong[message] = form
    assert wrong == {}


# Every page in Korean (AppTest, through the entry file) --------------------------------------

# Proto fields that hold text a person reads (labels, bodies, help, placeholders, options).
_READ = {"label", "body", "help", "placeholder", "options", "content", "text", "caption"}
# Plotly keys whose strings a person reads: titles, legend entries, hover, tick labels.
_FIGURE_TEXT = {"text", "name", "hovertemplate", "hovertext", "ticktext", "customdata"}


def _proto_texts(value, key: str = "") -> list[str]:
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in _proto_texts(v, k)]
    if isinstance(value, list):
        return [t for item in value for t in _proto_texts(item, key)]
    return [value] if isinstance(value, str) and key in _READ else []


def _figure_texts(value, key: str = "", axes: dict | None = None) -> list[str]:
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in _figure_texts(v, k, axes)]
    if isinstance(value, list):
        return [t for item in value for t in _figure_texts(item, key, axes)]
    return [value] if isinstance(value, str) and key in _FIGURE_TEXT else []


def figure_texts(spec: dict) -> list[str]:
    """What a plotly figure writes: titles, trace names, hover, tick labels, and the values
    of a category axis without tick labels of its own (they are its labels)."""
    texts = _figure_texts(spec.get("layout", {})) + _figure_texts(spec.get("data", []))
    layout = spec.get("layout", {})
    for trace in spec.get("data", []):
        for axis in ("x", "y"):
            labelled = "ticktext" in layout.get(f"{axis}axis", {})
            values = trace.get(axis) or []
            if not labelled and isinstance(values, list):
                texts += [v for v in values if isinstance(v, str)]
    return texts


def vega_texts(proto) -> list[str]:
    """What the map's tooltips say: the text columns of a Vega-Lite chart's datasets."""
    import pyarrow as pa

    texts = []
    for dataset in proto.datasets:
        table = pa.ipc.open_stream(dataset.data.data).read_all()
        for column in table.column_names:
            if column in ("title", "line1", "line2", "line3", "line4"):
                texts += [v for v in table.column(column).to_pylist() if v]
    return texts


def _table_texts(element) -> list[str]:
    """A table's column labels and cells as shown (a choice column shows its options' labels)."""
    config = json.loads(element.proto.columns or "{}")
    frame = element.value
    texts = []
    for column in frame.columns:
        settings = config.get(str(column), {})
        texts.append(settings.get("label") or str(column))
        options = settings.get("type_config", {}).get("options")
        shown = {
            str(o["value"]): o.get("label") or str(o["value"])
            for o in options or []
            if isinstance(o, dict)  # options without labels show their values
        }
        texts += [shown.get(str(v), str(v)) for v in frame[column] if v == v and v is not None]
    return texts


def shown_texts(at: AppTest) -> list[str]:
    """Every text of the page a person reads: titles, markdown, captions, alerts, labels,
    options, help, placeholders, table headers and cells, figures' text."""
    texts = []
    for node in at._tree:
        kind = type(node).__name__
        if kind == "Dataframe":
            texts += _table_texts(node)
        elif kind == "Html" and re.fullmatch(r"\s*<style>[^<]*</style>\s*", node.proto.body):
            continue  # a page's style (lib/ui/layout.py, the uploaders' words): not text
        elif kind == "UnknownElement" and getattr(node, "type", "") == "plotly_chart":
            texts += figure_texts(json.loads(node.proto.spec))
        elif kind == "UnknownElement" and getattr(node, "type", "") == "vega_lite_chart":
            texts += vega_texts(node.proto)
        elif getattr(node, "proto", None) is not None:
            try:
                texts += _proto_texts(MessageToDict(node.proto))
            except (TypeError, AttributeError):
                continue
    return texts


@pytest.fixture(autouse=True)
def korean_in_the_test_too():
    """AppTest formats a choice widget's value in the test's thread (with the app's
    format_func) to find its option: that thread must speak Korean too."""
    i18n.use("ko")
    yield
    i18n.use("en")


def in_korean(page: str | None = None, **query) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["lang"] = "ko"
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(page).run() if page else at


def widget(elements, label: str):
    return next(element for element in elements if element.label == label)


def assert_korean(at: AppTest, *written: str, meetings: pd.DataFrame | None = None) -> None:
    """No exception, and no English word on the page beyond what people wrote."""
    assert not at.exception, [e.message for e in at.exception]
    data = written_values(meetings if meetings is not None else _shipped(), *written)
    left = english_left(shown_texts(at), data)
    assert left == {}, "English on a Korean page (word → where):\n" + "\n".join(
        f"  {word!r}: {text!r}" for word, text in left.items()
    )


def _shipped() -> pd.DataFrame:
    return read_meetings(ROOT / "data" / "meetings.csv").meetings


READING_STATES = [
    ("pages/Map.py", {}),
    ("pages/Map.py", {"colour": "Coverage"}),
    ("pages/Map.py", {"colour": "Last contact", "region": "Asia"}),
    ("pages/Map.py", {"country": "Canada"}),
    ("pages/Map.py", {"country": "Argentina"}),
    ("pages/Timeline.py", {}),
    ("pages/Timeline.py", {"start": "2019-01", "end": "2019-12"}),
    ("pages/Programs.py", {}),
    ("pages/Programs.py", {"country": "Afghanistan"}),
    ("pages/Data.py", {}),
    ("pages/Data.py", {"country": "Canada"}),
    ("pages/Follow-ups.py", {}),
    ("pages/Follow-ups.py", {"status": "done"}),
    ("pages/Follow-ups.py", {"status": "dropped"}),
    ("pages/Follow-ups.py", {"status": "all"}),
    ("pages/Record.py", {}),
    ("pages/Record.py", {"meeting": EDITED}),
    ("pages/Import.py", {}),
]


@pytest.mark.parametrize(
    ("page", "query"),
    READING_STATES,
    ids=[f"{p.split('/')[1][:-3]}-{'-'.join(q.values()) or 'all'}" for p, q in READING_STATES],
)
def test_every_page_in_korean_has_no_english(database, page, query):
    assert_korean(in_korean(page, **query))


READING = ["pages/Map.py", "pages/Timeline.py", "pages/Programs.py", "pages/Data.py"]


def test_filters_matching_nothing_say_so_in_korean_on_every_page(database):
    at = in_korean(country="Canada", region="Africa")
    for page in [*READING, "pages/Follow-ups.py"]:
        at.switch_page(page).run()
        assert_korean(at)
        assert any("이 필터에 맞는 면담이 없습니다" in i.value for i in at.info), page
        assert any(b.label == "필터 초기화" for b in at.button), page


def test_an_uploaded_file_with_problems_is_explained_in_korean(database):
    at = in_korean("pages/Data.py")
    raw = (FIXTURES / "mixed.csv").read_bytes()
    at.file_uploader(key="upload").set_value(("mixed.csv", raw, "text/csv")).run()
    uploaded = read_meetings(FIXTURES / "mixed.csv")
    problems = next(t.value for t in at.dataframe if "행" in t.value.columns)
    assert set(problems.columns) == {"행", "열", "문제"}
    # Messages quote the file's cells as written: those are the file's data, not ours.
    cells = pd.read_csv(FIXTURES / "mixed.csv", dtype=str, keep_default_na=False)
    assert_korean(at, *cells.to_numpy().ravel(), meetings=uploaded.meetings)


def fill_meeting(at: AppTest, typed: str, day: date) -> AppTest:
    widget(at.text_input, "이름").input("김민지")
    widget(at.text_input, "…또는 출처에 적힌 대로 입력").input(typed)
    widget(at.date_input, "날짜 *").set_value(day)
    return at


def test_a_korean_colleague_records_a_meeting_with_the_canadian_ambassador(database):
    at = fill_meeting(in_korean("pages/Record.py"), "주한 캐나다 대사", date(2024, 5, 1))
    widget(at.button, "면담 저장").click().run()
    assert any(s.value.startswith("저장했습니다: 캐나다") for s in at.success)
    saved = database.meetings()
    assert saved[saved["date"] == pd.Timestamp("2024-05-01")]["country"].tolist() == ["Canada"]
    assert_korean(at)


def test_a_refused_form_says_why_in_korean(database):
    at = fill_meeting(in_korean("pages/Record.py"), "나르니아", date(2020, 1, 1))
    widget(at.text_input, "출처 링크(https://…)").input("javascript:alert(1)")
    widget(at.button, "면담 저장").click().run()
    message = at.error[0].value
    assert message.startswith("아무것도 저장하지 않았습니다") and "**국가**" in message
    assert_korean(at, "javascript:alert(1)")


def test_editing_deleting_and_restoring_speak_korean(database):
    at = in_korean("pages/Record.py", meeting=EDITED)
    widget(at.text_input, "이름").input("박재원")
    widget(at.text_input, "상대방").input("H.E. the Ambassador")
    widget(at.selectbox, "후속조치 상태").set_value("done")
    widget(at.button, "변경 내용 저장").click().run()
    history = next(t.value for t in at.dataframe if "변경한 사람" in t.value.columns)
    assert history["작업"].iloc[0] == "수정"
    assert "'진행 중' → '완료'" in history["변경 내용"].iloc[0]
    assert_korean(at, "H.E. the Ambassador")
    widget(at.button, "이 면담 삭제…").click().run()
    assert_korean(at, "H.E. the Ambassador")
    widget(at.button, "예, 삭제합니다").click().run()
    assert any("삭제했습니다" in s.value for s in at.success)
    widget(at.button, "복원…").click().run()
    assert_korean(at, "H.E. the Ambassador")
    widget(at.button, "예, 복원합니다").click().run()
    assert any("복원했습니다" in s.value for s in at.success)
    assert_korean(at, "H.E. the Ambassador")


def test_a_spreadsheet_with_korean_headers_imports_without_a_refused_row(database):
    at = in_korean("pages/Import.py")
    widget(at.text_input, "이름").input("김민지")
    raw = (FIXTURES / "korean_headers.csv").read_bytes()
    at.file_uploader(key="import_file").set_value(("동료.csv", raw, "text/csv")).run()
    heading = (
        "새 면담 5건을 추가할 수 있습니다. 0건은 이미 기록되어 있고, 0행은 사용할 수 없습니다."
    )
    assert [s.value for s in at.subheader] == [heading]
    file = read_meetings(FIXTURES / "korean_headers.csv").meetings
    assert_korean(at, meetings=file)
    before = len(database.meetings())
    widget(at.button, "가져오기").click().run()
    assert len(database.meetings()) == before + 5
    assert any(s.value.startswith("면담 5건을 가져왔습니다") for s in at.success)
    assert_korean(at, meetings=file)


def test_a_file_with_problems_is_previewed_in_korean(database):
    at = in_korean("pages/Import.py")
    raw = (FIXTURES / "mixed.csv").read_bytes()
    at.file_uploader(key="import_file").set_value(("동료.csv", raw, "text/csv")).run()
    cells = pd.read_csv(FIXTURES / "mixed.csv", dtype=str, keep_default_na=False)
    file = read_meetings(FIXTURES / "mixed.csv").meetings
    assert_korean(at, *cells.to_numpy().ravel(), meetings=file)


def test_a_news_item_is_drafted_and_saved_in_korean(database):
    at = in_korean("pages/Import.py")
    widget(at.text_input, "이름").input("김민지")
    widget(at.text_area, "뉴스 기사").input(NEWS.read_text()).run()
    widget(at.button, "면담 초안 만들기").click().run()
    drafts = next(t for t in at.dataframe if t.editing_mode == "dynamic")
    # What the text says (who, pledges, sentences) is the item's; the rest is the app's.
    drafted = drafts.value[
        ["counterpart", "counterpart_title", "cities", "follow_up", "event", "summary"]
    ]
    assert_korean(at, *drafted.to_numpy().ravel())
    assert set(drafts.value["country"]) == {"아프가니스탄", "우즈베키스탄", "투르크메니스탄"}
    widget(at.button, "이 면담 저장").click().run()
    assert any(s.value.startswith("면담 3건을 가져왔습니다") for s in at.success)
    saved = set(database.meetings()["country"].astype(str))
    assert {"Afghanistan", "Uzbekistan", "Turkmenistan"} <= saved  # Korean names read back
    assert_korean(at)


def test_an_empty_database_and_a_read_only_file_are_explained_in_korean(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    Store.open(url, create=True).close()
    monkeypatch.setenv("OUTREACH_DB_URL", url)
    monkeypatch.delenv("OUTREACH_DATA", raising=False)
    for page in [*READING, "pages/Follow-ups.py"]:
        at = in_korean(page)
        assert any("아직 표시할 면담이 없습니다" in i.value for i in at.info), page
        assert_korean(at)
    file = FIXTURES / "semicolon.csv"
    monkeypatch.setenv("OUTREACH_DATA", str(file))
    for page in ("pages/Map.py", "pages/Record.py", "pages/Import.py"):
        at = in_korean(page)
        assert_korean(at, meetings=read_meetings(file).meetings)
    assert any("읽기 전용" in i.value for i in at.info)
