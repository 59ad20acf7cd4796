"""A meeting's fields, each declared once: the file format, the form, the news review, the
search, the store and the tests all read FIELDS.

To add a field, add one `Field(...)` line below (in the place its column takes in files) and
give its label a Korean translation; see docs/architecture.md.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from lib.i18n import N_

# What a field holds, which says how it is read, checked, typed in the form and shown:
KINDS = (
    "id",  # the meeting's id: text the store gives when empty
    "date",  # a date cell of format v1: a day, a month, a quarter or a year (lib.meetings.dates)
    "day",  # a full date, YYYY-MM-DD
    "country",  # a country's name, Korean name or ISO code
    "choice",  # one of `choices` (English in files; Korean accepted on input)
    "text",  # a line of what people wrote
    "long text",  # several lines of what people wrote
    "url",  # a web link (http, https)
    "list",  # names separated by ";"
    "programs",  # programs of the catalogue (or new ones) separated by ";"
)
# Kinds whose cells are what people wrote, kept as written.
WRITTEN_KINDS = ("id", "text", "long text", "url")
PRECISIONS = (N_("day"), N_("week"), N_("month"), N_("quarter"), N_("year"))
COUNTERPART_TYPES = (
    N_("embassy"),
    N_("consulate"),
    N_("city government"),
    N_("national government"),
    N_("international organisation"),
    N_("other"),
)
FOLLOW_UP_STATUSES = (N_("open"), N_("done"), N_("dropped"))


@dataclass(frozen=True)
class Field:
    """One field of a meeting: its column, its label, how it is written and where it appears.

    `short_label` is its name in the meetings table and the meeting panel, when shorter than the
    form's `label` ("Title" for "Their title").
    `korean_headers` are column names a Korean spreadsheet may use (matched ignoring spaces);
    `korean_choices` maps Korean words to the English `choices`. `reviewed` is the field's
    place in the news review's table, from 1 (0: not shown there). `column_from` is the store
    migration that gave the field its own database column (None: kept in the row's `extra`).
    """

    name: str
    label: str
    kind: str = "text"
    korean_headers: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    korean_choices: Mapping[str, str] = field(default_factory=dict, hash=False)
    refused: str = N_("'{text}' is not one of the allowed values. Use one of: {values}.")
    help: str = ""
    required: bool = False
    searched: bool = False
    in_form: bool = True
    reviewed: int = 0
    column_from: int | None = None
    short_label: str = ""

    @property
    def shown_label(self) -> str:
        """The label tables and the meeting panel show (short_label, else label), untranslated."""
        return self.short_label or self.label

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Field {self.name}: unknown kind {self.kind!r}")
        if (self.kind == "choice") != bool(self.choices):
            raise ValueError(f"Field {self.name}: a choice needs its choices, and only a choice")


FIELDS = (
    Field(
        "id",
        N_("Id"),
        "id",
        ("아이디", "식별자", "고유번호"),
        in_form=False,
        column_from=1,
    ),
    Field(
        "date",
        N_("Date"),
        "date",
        ("날짜", "일자", "면담일", "면담 날짜", "면담 일자", "회의 날짜"),
        required=True,
        reviewed=2,
        column_from=1,
    ),
    Field(
        "date_precision",
        N_("How exact is the date"),
        "choice",
        ("날짜 정확도", "날짜 정밀도", "날짜 단위", "정확도"),
        choices=PRECISIONS,
        korean_choices={
            "일": "day",
            "날": "day",
            "주": "week",
            "월": "month",
            "달": "month",
            "분기": "quarter",
            "연": "year",
            "년": "year",
            "연도": "year",
        },
        refused=N_("'{text}' is not a date precision. Use one of: {values}."),
        help=N_("For 'some time that month', pick any day of the month and 'month'."),
        reviewed=3,
        column_from=1,
    ),
    Field(
        "country",
        N_("Country"),
        "country",
        ("국가", "국가명", "나라"),
        required=True,
        searched=True,
        reviewed=1,
        column_from=1,
    ),
    Field(
        "event",
        N_("Event (when several meetings share one)"),
        korean_headers=("행사", "행사명"),
        searched=True,
        reviewed=11,
        column_from=1,
        short_label=N_("Event"),
    ),
    Field(
        "counterpart",
        N_("Counterpart"),
        korean_headers=("상대방", "상대", "면담 상대", "면담자"),
        searched=True,
        reviewed=4,
        column_from=1,
    ),
    Field(
        "counterpart_title",
        N_("Their title"),
        korean_headers=("직함", "직위", "상대방 직함", "상대방 직위"),
        searched=True,
        reviewed=5,
        column_from=1,
        short_label=N_("Title"),
    ),
    Field(
        "counterpart_type",
        N_("Counterpart type"),
        "choice",
        ("상대방 유형", "상대 유형", "기관 유형"),
        choices=COUNTERPART_TYPES,
        korean_choices={
            "대사관": "embassy",
            "영사관": "consulate",
            "총영사관": "consulate",
            "시정부": "city government",
            "지방정부": "city government",
            "지자체": "city government",
            "중앙정부": "national government",
            "정부": "national government",
            "국제기구": "international organisation",
            "기타": "other",
        },
        refused=N_("'{text}' is not a counterpart type. Use one of: {values}."),
        reviewed=6,
        column_from=1,
        short_label=N_("Type"),
    ),
    Field(
        "representative",
        N_("Our representative"),
        korean_headers=("우리 측 대표", "우리 측 참석자", "WeGO 대표"),
        column_from=1,
    ),
    Field(
        "meeting_type",
        N_("Kind of meeting"),
        korean_headers=("회의 유형", "면담 유형", "회의 종류", "면담 종류"),
        column_from=1,
    ),
    Field(
        "location",
        N_("Where"),
        korean_headers=("장소", "면담 장소", "회의 장소"),
        searched=True,
        column_from=1,
    ),
    Field(
        "programs",
        N_("Programs discussed"),
        "programs",
        ("프로그램", "관련 프로그램", "사업"),
        reviewed=7,
        column_from=1,
        short_label=N_("Programs"),
    ),
    Field(
        "cities",
        N_("Cities mentioned (separate with ;)"),
        "list",
        ("도시", "관련 도시"),
        reviewed=8,
        column_from=1,
        short_label=N_("Cities"),
    ),
    Field(
        "follow_up",
        N_("Follow-up or pledge"),
        "long text",
        ("후속조치", "후속조치 내용"),
        searched=True,
        reviewed=9,
        column_from=1,
        short_label=N_("Follow-up"),
    ),
    Field(
        "follow_up_owner",
        N_("Follow-up owner"),
        korean_headers=("후속조치 담당", "후속조치 담당자", "담당자"),
        column_from=1,
    ),
    Field(
        "follow_up_status",
        N_("Follow-up status"),
        "choice",
        ("후속조치 상태", "진행 상태"),
        choices=FOLLOW_UP_STATUSES,
        korean_choices={
            "진행중": "open",
            "미완료": "open",
            "예정": "open",
            "완료": "done",
            "취소": "dropped",
            "중단": "dropped",
        },
        refused=N_("'{text}' is not a follow-up status. Use one of: {values}."),
        column_from=1,
        short_label=N_("Status"),
    ),
    Field(
        "follow_up_due",
        N_("Due"),
        "day",
        ("후속조치 기한", "후속조치 마감일", "기한"),
        reviewed=10,
        column_from=1,
    ),
    Field(
        "summary",
        N_("Summary"),
        "long text",
        ("요약", "면담 내용", "주요 내용"),
        searched=True,
        reviewed=12,
        column_from=1,
    ),
    Field(
        "source_title",
        N_("Source title"),
        korean_headers=("출처 제목", "출처", "기사 제목"),
        searched=True,
        column_from=1,
        short_label=N_("Source"),
    ),
    Field(
        "source_url",
        N_("Source link (https://…)"),
        "url",
        ("출처 링크", "출처 주소", "링크"),
        column_from=1,
    ),
)
BY_NAME = MappingProxyType({entry.name: entry for entry in FIELDS})


def names(**wanted: object) -> tuple[str, ...]:
    """The names of the fields whose attributes have these values: names(searched=True)."""
    return tuple(
        entry.name
        for entry in FIELDS
        if all(getattr(entry, attribute) == value for attribute, value in wanted.items())
    )


def reviewed() -> tuple[str, ...]:
    """The fields a person reviews in drafts from a news item, in the review table's order."""
    shown = sorted((entry for entry in FIELDS if entry.reviewed), key=lambda e: e.reviewed)
    return tuple(entry.name for entry in shown)


def of_kind(*kinds: str) -> tuple[str, ...]:
    """The names of the fields of these kinds, in file order."""
    return tuple(entry.name for entry in FIELDS if entry.kind in kinds)
