"""The PDF briefs: what a person reads in them (text taken out of the PDF with pypdf)."""

import io
import re
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from lib import brief, i18n, pictures
from lib import filters as flt
from lib.filters import Filters
from lib.meetings import date_labels, read_meetings

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 11, 29)
NO_MAP = "The map is not included"


@pytest.fixture(scope="module")
def meetings():
    result = read_meetings(FIXTURES / "briefs.csv")
    assert result.problems == []
    return result.meetings


def text_of(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def pages_of(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def squeezed(text: str) -> str:
    """Text without white space: a long link wraps over lines in the PDF."""
    return re.sub(r"\s+", "", text)


def links_of(pdf: bytes) -> set[str]:
    """The web addresses a reader can click in the PDF."""
    found = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                found.add(str(action["/URI"]))
    return found


def meeting_lines(text: str, labels) -> list[str]:
    """The heading line of each meeting ("<date> — <counterpart>")."""
    return [line for line in text.splitlines() if any(line.startswith(f"{d} — ") for d in labels)]


def test_country_brief_holds_exactly_the_countrys_meetings_in_order(meetings):
    pdf = brief.country_brief(meetings, "Kazakhstan", language="en", today=TODAY)
    text = text_of(pdf)
    mine = meetings[meetings["country"] == "Kazakhstan"].sort_values("date")
    labels = list(date_labels(mine, "en"))
    assert labels == ["≈ week of 02 Apr 2019", "≈ Sep 2023", "10 May 2024", "07 Mar 2025"]
    headings = meeting_lines(text, labels)
    assert [line.split(" — ")[0] for line in headings] == labels
    assert "Daulet Amanov, Ambassador" in headings[0]
    assert "Deputy Akim" in headings[1] and "counterpart not named" not in headings[1]
    assert "Attaché" in headings[2]
    assert "4 meetings" in text
    assert "Last contact" in text and "07 Mar 2025 (20 months ago)" in text
    assert "Central Asia" in text and "Has a resident embassy in Seoul." in text
    assert "Astana, Almaty" in text  # cities, each once
    assert "Smart city cooperation (2), WeGO membership (2)" in text
    # the sources, as text and as links, and nothing of another country
    urls = {u for u in mine["source_url"] if u}
    assert all(squeezed(url) in squeezed(text) for url in urls)
    assert links_of(pdf) == urls
    others = meetings[meetings["country"] != "Kazakhstan"]
    for column in ("counterpart", "follow_up", "summary", "source_url", "source_title"):
        for value in others[column]:
            if value:
                assert squeezed(value) not in squeezed(text), value
    assert "Mexico" not in text and "Canada" not in text
    assert 1 <= pages_of(pdf) <= 2


def test_country_brief_lists_open_kept_and_dropped_pledges(meetings):
    text = text_of(brief.country_brief(meetings, "Kazakhstan", language="en", today=TODAY))
    pledges = text[text.index("\nPledges\n") : text.index("\nSources\n")]
    open_part = pledges[pledges.index("Open pledges") : pledges.index("Kept pledges")]
    kept_part = pledges[pledges.index("Kept pledges") : pledges.index("Dropped pledges")]
    dropped_part = pledges[pledges.index("Dropped pledges") :]
    assert "Invite Almaty to apply for membership" in open_part
    assert "owner: Minsoo Park · due 15 Jan 2026 · 318 days overdue" in open_part
    assert "Share the 2025 training calendar" in open_part
    assert "no owner named · no due date" in open_part
    assert "Send the smart city toolkit to the Astana akimat" in kept_part
    assert "owner: Jiwon Han" in kept_part and "overdue" not in kept_part
    assert "Arrange a joint webinar" in dropped_part
    assert "2 open pledges" in text


def test_korean_brief_survives_extraction(shipped):
    text = text_of(brief.country_brief(shipped, "Canada", language="ko", today=TODAY))
    assert "캐나다" in text and "방문용 국가 브리핑" in text
    assert "아메리카 · 북아메리카" in text and "주한 대사관이 있습니다." in text
    assert "2019년 4월 첫째 주경 — " in text and "2022년 2월 7일 — " in text
    assert "진행 중인 약속" in text and "출처" in text
    assert "Brief for a visit" not in text and "Open pledges" not in text


def test_canada_on_the_shipped_data(shipped):
    pdf = brief.country_brief(shipped, "Canada", language="en", today=TODAY)
    text = text_of(pdf)
    canada = shipped[shipped["country"] == "Canada"]
    labels = list(date_labels(canada.sort_values("date"), "en"))
    assert len(meeting_lines(text, labels)) == len(canada) == 3
    assert links_of(pdf) == set(canada["source_url"])
    assert "Kazakhstan" not in text and "Akol" not in text  # same news item, other country
    assert pages_of(pdf) == 1


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_country_with_one_meeting_no_pledge_and_no_source_gets_a_clean_brief(meetings, language):
    pdf = brief.country_brief(meetings, "Mexico", language=language, today=TODAY)
    text = text_of(pdf)
    for word in ("None", "nan", "NaT", "[]"):
        assert not re.search(rf"\b{re.escape(word)}\b", text), word
    with i18n.speaking(language):
        expected = [
            i18n._("No open pledges."),
            i18n._("No kept pledge recorded."),
            i18n._("No source recorded."),
            i18n._("No program recorded."),
            i18n._("No city recorded."),
            i18n._("counterpart not named"),
        ]
    for sentence in expected:
        assert sentence in text
    assert links_of(pdf) == set()
    assert pages_of(pdf) == 1


def test_letters_nanum_lacks_are_drawn_by_the_fallback(meetings):
    text = text_of(brief.country_brief(meetings, "Sweden", language="en", today=TODAY))
    assert "Åsa Öberg, Ambassador" in text and "Malmö" in text


def test_a_country_never_met_still_gets_a_page(meetings):
    text = text_of(brief.country_brief(meetings, "France", language="en", today=TODAY))
    assert "France" in text and "No meeting with France is recorded yet." in text


def test_how_long_ago():
    assert brief.how_long_ago(date(2026, 11, 20), TODAY) == "9 days ago"
    assert brief.how_long_ago(date(2026, 9, 1), TODAY) == "2 months ago"
    assert brief.how_long_ago(date(2019, 4, 2), TODAY) == "about 7 years ago"
    assert brief.how_long_ago(date(2027, 1, 1), TODAY) == "still to come"


def test_file_names_in_the_sessions_language():
    assert brief.brief_file_name("Canada", TODAY) == "brief_Canada_2026-11-29.pdf"
    assert brief.brief_file_name("Bosnia and Herzegovina", TODAY).startswith("brief_Bosnia_and_")
    with i18n.speaking("ko"):
        assert brief.brief_file_name("Canada", TODAY) == "국가브리핑_캐나다_2026-11-29.pdf"
        assert brief.organisation_brief_file_name(Filters.of(region=["Asia"]), TODAY) == (
            "기관브리핑_아시아_2026-11-29.pdf"
        )
        assert (
            flt.slice_file_name(Filters.of(region=["Asia"]), "csv", "미팅", flt.shown_value)
            == "미팅_아시아.csv"
        )


def test_view_description_in_words(meetings):
    assert (
        brief.view_description(Filters(), meetings) == "All recorded meetings · Apr 2019 – Mar 2025"
    )
    described = brief.view_description(
        Filters.of(region=["Asia"], subregion=["Central Asia"], start="2019-01", end="2025-12"),
        meetings,
    )
    assert described == "Region: Asia · Sub-region: Central Asia · Jan 2019 – Dec 2025"
    with i18n.speaking("ko"):
        assert brief.view_description(Filters.of(country=["Canada"]), meetings) == (
            "국가: 캐나다 · 2019년 4월 – 2025년 3월"
        )


def a_png() -> bytes:
    picture = io.BytesIO()
    Image.new("RGB", (400, 200), (26, 127, 208)).save(picture, format="PNG")
    return picture.getvalue()


def english_brief(meetings, map_picture: bytes) -> bytes:
    """The organisation brief of all these meetings, in English, with this map picture."""
    return brief.organisation_brief(
        meetings,
        language="en",
        today=TODAY,
        description="All recorded meetings",
        map_picture=map_picture,
    )


def test_organisation_brief_with_the_map(meetings):
    pdf = english_brief(meetings, a_png())
    text = text_of(pdf)
    assert NO_MAP not in text
    assert sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "All recorded meetings" in text
    figures = text[text.index("Meetings") : text.index("Countries coloured")]
    assert re.findall(r"\d+", figures.split("\n", 1)[1])[:2] == ["7", "4"]  # meetings, countries
    for name in ("Kazakhstan", "Mexico", "Sweden", "Canada"):
        assert name in text
    assert "Invite Almaty to apply for membership" in text
    assert "Introduce WeGO to Canadian municipalities" in text
    assert "Send the smart city toolkit" not in text  # kept: not an open pledge


def test_organisation_brief_without_the_map_says_so(meetings):
    pdf = brief.organisation_brief(
        meetings, language="ko", today=TODAY, description="아시아", map_picture=None
    )
    text = text_of(pdf)
    assert "지도는 포함되지 않았습니다" in text and "카자흐스탄" in text
    assert not any(page.images for page in PdfReader(io.BytesIO(pdf)).pages)


def test_when_the_map_cannot_be_drawn_the_organisation_brief_comes_out_and_says_so(
    meetings, monkeypatch
):
    """The page's brief when the picture fails: no picture, and a sentence."""
    import vl_convert

    from lib.filters import program_rows
    from lib.ui import briefs
    from lib.ui.sidebar import View

    def broken(*args, **kwargs):
        raise ValueError("the renderer failed")

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", broken)
    view = View(Filters(), meetings, program_rows(meetings))
    text = text_of(briefs._organisation_pdf(view, "en", TODAY))
    assert NO_MAP in text and "Kazakhstan" in text


def test_a_map_picture_the_pdf_cannot_hold_leaves_the_map_out_and_says_so(meetings):
    unreadable = b"<svg xmlns='http://www.w3.org/2000/svg'><path d='L 1 2'/></svg>"
    text = text_of(english_brief(meetings, unreadable))
    assert NO_MAP in text and "Countries coloured" not in text and "Kazakhstan" in text


def hex_colour(*parts: str) -> str:
    """A PDF fill colour (grey or red, green, blue from 0 to 1) as the page writes it."""
    red, green, blue = parts * 3 if len(parts) == 1 else parts
    return "#" + "".join(f"{round(float(part) * 255):02x}" for part in (red, green, blue))


def drawn_map(pdf: bytes) -> tuple[int, set[str]]:
    """How many shapes the first page fills, and the colours it fills them with."""
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    words = content.split()
    fills = sum(word in {"f", "f*", "B", "B*", "b", "b*"} for word in words)
    colours = set()
    for at, word in enumerate(words):
        if word == "rg":
            colours.add(hex_colour(*words[at - 3 : at]))
        elif word == "g":
            colours.add(hex_colour(words[at - 1]))
    return fills, colours


def expected_colours(meetings) -> dict[str, str]:
    """Each country's colour on the page's map coloured by meetings."""
    from lib import aggregates, world_map
    from lib.filters import program_rows

    summary = aggregates.country_summary(meetings, program_rows(meetings))
    rows = world_map.country_rows(summary, "Meetings", None)
    return dict(zip(rows["iso3"], rows["colour"].str.lower(), strict=True))


def test_the_brief_holds_the_map_on_a_machine_without_chromium(meetings, monkeypatch):
    """No browser anywhere and no kaleido: the PDF still holds the map, drawn as shapes."""
    import shutil
    import subprocess
    import sys

    from lib.filters import program_rows
    from lib.ui import briefs
    from lib.ui.sidebar import View

    monkeypatch.setenv("PATH", "/nonexistent")
    real_exists = Path.exists
    monkeypatch.setattr(
        Path, "exists", lambda path: "chrom" not in str(path).lower() and real_exists(path)
    )
    monkeypatch.setitem(sys.modules, "kaleido", None)  # `import kaleido` fails

    def no_process(*args, **kwargs):
        raise AssertionError(f"a process was started: {args[0]!r}")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    assert shutil.which("chromium") is None
    with pytest.raises(ImportError):
        import kaleido  # noqa: F401
    view = View(Filters(), meetings, program_rows(meetings))
    pdf = briefs._organisation_pdf(view, "en", TODAY)
    assert NO_MAP not in text_of(pdf)
    fills, colours = drawn_map(pdf)
    assert fills >= 150  # every country with a shape, not a placeholder
    colour_of = expected_colours(meetings)
    for code in ("KAZ", "MEX", "SWE", "CAN", "BRA"):  # met (coloured) and never met (grey)
        assert colour_of[code] in colours


def test_a_map_zoomed_to_a_region_stays_in_its_box(meetings):
    """Countries outside the frame are drawn too: the page clips them to the map's box."""
    from lib import aggregates
    from lib.filters import program_rows

    europe = meetings[meetings["region"].astype(str) == "Europe"]
    summary = aggregates.country_summary(europe, program_rows(europe))
    pdf = brief.organisation_brief(
        europe,
        language="en",
        today=TODAY,
        description="Europe",
        map_picture=pictures.map_picture(summary, language="en", zoom=True),
    )
    words = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode().split()
    clip = next(at for at in range(len(words) - 2) if words[at : at + 3] == ["re", "W", "n"])
    width, height = (float(number) * 25.4 / 72 for number in words[clip - 2 : clip])
    assert round(width) == 174  # the page's text width, in mm
    assert round(height) == round(174 * pictures.HEIGHT / pictures.WIDTH)
    first_fill = words.index("B")
    assert clip < first_fill
    assert sum(word == "B" for word in words[clip:]) >= 150  # the map is drawn inside it


def test_the_map_picture_is_the_pages_chart_with_its_shapes_inline(monkeypatch, meetings):
    """vl-convert gets the page's spec with the shapes inside it: nothing to fetch."""
    import vl_convert

    from lib import aggregates, world_map
    from lib.filters import program_rows

    asked = {}

    def record(spec, **kwargs):
        asked.update(spec=spec)
        return "<svg/>"

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", record)
    summary = aggregates.country_summary(meetings, program_rows(meetings))
    assert pictures.map_picture(summary, language="en") == b"<svg/>"
    spec = asked["spec"]
    shapes = spec["transform"][0]["from"]["data"]
    assert "url" not in shapes and shapes["values"] == world_map.shapes()
    page_spec = world_map.map_spec(world_map.shapes())
    assert spec["layer"] == page_spec["layer"] and spec["projection"] == page_spec["projection"]
    assert spec["background"] == "white"


def test_the_map_picture(meetings):
    """The map comes out as vector shapes, each country in its colour on the page."""
    import xml.etree.ElementTree as ElementTree

    from lib import aggregates
    from lib.filters import program_rows

    summary = aggregates.country_summary(meetings, program_rows(meetings))
    drawn = ElementTree.fromstring(pictures.map_picture(summary, language="ko"))
    assert (drawn.get("width"), drawn.get("height")) == (
        str(pictures.WIDTH),
        str(pictures.HEIGHT),
    )
    shapes = [path for path in drawn.iter("{http://www.w3.org/2000/svg}path") if path.get("fill")]
    assert len(shapes) >= 150 and all(path.get("d") for path in shapes)
    fills = {path.get("fill").lower() for path in shapes}
    colour_of = expected_colours(meetings)
    assert {colour_of[code] for code in ("KAZ", "MEX", "SWE", "CAN", "BRA")} <= fills
    assert colour_of["KAZ"] != colour_of["BRA"]  # met and never met tell apart


def test_warming_the_map_up_starts_one_background_thread(monkeypatch):
    import threading

    started = []
    monkeypatch.setattr(pictures, "_warmed", False)
    monkeypatch.setattr(threading.Thread, "start", lambda thread: started.append(thread.name))
    pictures.warm_up()
    pictures.warm_up()
    assert started == ["vl-convert warm-up"]


def test_a_country_met_very_often_gets_its_latest_meetings_and_a_note(meetings):
    import pandas as pd

    one = meetings[meetings["id"] == "mex-1"]
    many = pd.concat([one] * 45, ignore_index=True)
    many["id"] = [f"mex-{n}" for n in range(45)]
    many["date"] = pd.date_range("2020-01-01", periods=45, freq="7D")
    many["date_end"] = many["date"]
    text = text_of(brief.country_brief(many, "Mexico", language="en", today=TODAY))
    assert "The 40 most recent of 45 meetings" in text
    labels = list(date_labels(many, "en"))
    assert meeting_lines(text, labels[-40:]) and not meeting_lines(text, labels[:5])


def test_fonts_read_once_per_process_give_the_same_file_as_fpdf_reading_them(meetings, monkeypatch):
    """Briefs share the fonts read once; each file is still what fpdf2 alone would write."""
    from lib.brief import document

    def in_turn():
        return [
            brief.organisation_brief(
                meetings, language=language, today=TODAY, description="전체", map_picture=None
            )
            for language in ("ko", "en", "ko")
        ]

    shared = in_turn()
    assert shared[0] == shared[2]  # the first brief's glyphs did not stay in the fonts

    def read_by_fpdf(pdf, family, style, name):
        pdf.add_font(family, style, str(document.FONTS / name))
        return pdf.fonts[f"{family}{style}"]

    monkeypatch.setattr(document, "_font_for", read_by_fpdf)
    assert in_turn() == shared
    assert "카자흐스탄" in text_of(shared[2]) and "Kazakhstan" in text_of(shared[1])
