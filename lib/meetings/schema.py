"""The columns of format v1 (docs/data-format.md) and their allowed values (English, Korean)."""

from lib.i18n import N_

FORMAT_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "country",
    "event",
    "counterpart",
    "counterpart_title",
    "counterpart_type",
    "representative",
    "meeting_type",
    "location",
    "programs",
    "cities",
    "follow_up",
    "follow_up_owner",
    "follow_up_status",
    "follow_up_due",
    "summary",
    "source_title",
    "source_url",
)


REQUIRED_COLUMNS = ("date", "country")


# Columns the reader adds: where the country sits, the end of the date's window, the
# file line the meeting came from. Exports keep the first three.
ADDED_COLUMNS = ("iso3", "region", "subregion", "date_end", "line")


# Values stay English in files; show them with `_(value)`.
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


FIRST_YEAR, LAST_YEAR = 1900, 2100


# Korean column names a spreadsheet may use for each format v1 column. They are matched
# ignoring spaces ("후속 조치" is "후속조치"); files the app writes keep the English names.
KOREAN_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("아이디", "식별자", "고유번호"),
    "date": ("날짜", "일자", "면담일", "면담 날짜", "면담 일자", "회의 날짜"),
    "date_precision": ("날짜 정확도", "날짜 정밀도", "날짜 단위", "정확도"),
    "country": ("국가", "국가명", "나라"),
    "event": ("행사", "행사명"),
    "counterpart": ("상대방", "상대", "면담 상대", "면담자"),
    "counterpart_title": ("직함", "직위", "상대방 직함", "상대방 직위"),
    "counterpart_type": ("상대방 유형", "상대 유형", "기관 유형"),
    "representative": ("우리 측 대표", "우리 측 참석자", "WeGO 대표"),
    "meeting_type": ("회의 유형", "면담 유형", "회의 종류", "면담 종류"),
    "location": ("장소", "면담 장소", "회의 장소"),
    "programs": ("프로그램", "관련 프로그램", "사업"),
    "cities": ("도시", "관련 도시"),
    "follow_up": ("후속조치", "후속조치 내용"),
    "follow_up_owner": ("후속조치 담당", "후속조치 담당자", "담당자"),
    "follow_up_status": ("후속조치 상태", "진행 상태"),
    "follow_up_due": ("후속조치 기한", "후속조치 마감일", "기한"),
    "summary": ("요약", "면담 내용", "주요 내용"),
    "source_title": ("출처 제목", "출처", "기사 제목"),
    "source_url": ("출처 링크", "출처 주소", "링크"),
}


# Korean values for the columns with a fixed list of values (matched ignoring spaces).
KOREAN_VALUES: dict[str, dict[str, str]] = {
    "date_precision": {
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
    "counterpart_type": {
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
    "follow_up_status": {
        "진행중": "open",
        "미완료": "open",
        "예정": "open",
        "완료": "done",
        "취소": "dropped",
        "중단": "dropped",
    },
}


# Exports prefix these with ' so spreadsheets do not run them as formulas (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _squeezed(text: str) -> str:
    """Text compared ignoring case and spaces (Korean spacing varies from writer to writer)."""
    return "".join(text.lower().split())
