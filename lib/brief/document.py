"""The brief's page: A4 with the app's own fonts, a running footer and a few text helpers."""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.enums import TextEmphasis, XPos, YPos
from fpdf.fonts import SubsetMap, TTFFont

from lib import i18n, palette
from lib.i18n import _
from lib.meetings import day_label
from lib.palette import rgb

FONTS = Path(__file__).resolve().parents[2] / "data" / "fonts"
FONT_FILES = {
    ("nanum", ""): "NanumGothic.ttf",
    ("nanum", "B"): "NanumGothicBold.ttf",
    ("dejavu", ""): "DejaVuSans.ttf",
}
PDF_MIME = "application/pdf"
# fontTools reports each TrueType hinting table it leaves out of the embedded subset.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

# The app's colours (lib/palette.py), as printed on white paper.
INK = rgb(palette.INK)
MUTED = rgb(palette.MUTED)
RULE = rgb(palette.RULE)
LINK = rgb(palette.LINK)
MARK = rgb(palette.MARK)
WINDOW = rgb(palette.WINDOW)
WARNING = rgb(palette.WARNING)


def in_language(make: Callable[..., bytes]) -> Callable[..., bytes]:
    """Make a brief with its text in its `language` argument, whatever the caller speaks."""

    @wraps(make)
    def in_language(*args, language: str, **kwargs) -> bytes:
        with i18n.speaking(language):
            return make(*args, language=language, **kwargs)

    return in_language


class _ReadFont:
    """A font file read once per process: what fpdf2 measures text with, and its glyph order."""

    def __init__(self, name: str) -> None:
        self.font = TTFFont(FPDF(), FONTS / name, name, "")
        self.glyph_order = tuple(self.font.ttfont.getGlyphOrder())
        self.outlines = self.font.ttfont["glyf"]  # each glyph's outline, as read (undecoded)
        self.font.ttfont.close()
        self.font.ttfont = None  # each brief opens its own: fpdf2 subsets it in place


class _CopiedWhenUsed(dict):
    """Glyph outlines shared between briefs: the one a brief takes is its own copy.

    fontTools' subsetter rewrites the glyphs it keeps (component numbers, padding) in place.
    """

    def __init__(self, shared: dict) -> None:
        super().__init__(shared)
        self._own: set[str] = set()

    def __getitem__(self, name: str):
        glyph = super().__getitem__(name)
        if name not in self._own:
            glyph = copy.copy(glyph)
            self[name] = glyph
            self._own.add(name)
        return glyph

    def get(self, name: str, default=None):
        return self[name] if name in self else default


_read_fonts: dict[str, _ReadFont] = {}
_reading = threading.Lock()


def _font_for(pdf: FPDF, family: str, style: str, name: str) -> TTFFont:
    """The font `name` for one brief, as `FPDF.add_font` makes it, without reading it again.

    Reading NanumGothic (4.6 MB, 20,000 glyphs) took about a third of a brief's time. Its
    measures are read once per process and shared (nothing changes them); what a brief
    changes, the glyphs it used and the font file it subsets and embeds, is its own.
    """
    with _reading:  # two sessions may ask for a brief at once
        if name not in _read_fonts:
            _read_fonts[name] = _ReadFont(name)
        read = _read_fonts[name]
    font = copy.copy(read.font)
    font.i = len(pdf.fonts) + 1
    font.fontkey = f"{family}{style}"
    font.emphasis = TextEmphasis.coerce(style)
    font.ttfont = ttLib.TTFont(FONTS / name, recalcTimestamp=False, lazy=True)
    font.ttfont.setGlyphOrder(list(read.glyph_order))  # not worked out again from cmap
    outlines = copy.copy(read.outlines)
    outlines.glyphs = _CopiedWhenUsed(read.outlines.glyphs)
    font.ttfont.tables["glyf"] = outlines  # not cut into 20,000 glyphs again
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    return font


class Brief(FPDF):
    """An A4 page with the app's fonts, a running footer and a few text helpers."""

    def __init__(self, title: str, language: str, today: date) -> None:
        super().__init__(format="A4")
        self.brief_title = title
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        for (family, style), name in FONT_FILES.items():
            self.fonts[f"{family}{style}"] = _font_for(self, family, style, name)
        self.set_fallback_fonts(["dejavu"], exact_match=False)
        self.set_title(title)
        self.set_author("Outreach Atlas")
        self.set_creator("Outreach Atlas")
        self.set_lang(language)
        self.set_creation_date(datetime(today.year, today.month, today.day))
        self.alias_nb_pages()
        self.add_page()

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("nanum", "", 7.5)
        self.set_text_color(*MUTED)
        self.cell(0, 4, self.brief_title, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, _("Page {page} of {pages}", page=self.page_no(), pages="{nb}"), align="R")

    @property
    def width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def text_block(
        self,
        text: str,
        size: float = 9.5,
        bold: bool = False,
        colour: tuple[int, int, int] = INK,
        link: str | None = None,
        indent: float = 0,
        gap: float = 0.6,
    ) -> None:
        """A paragraph across the page (from `indent`), wrapped at word boundaries."""
        self.set_font("nanum", "B" if bold else "", size)
        self.set_text_color(*colour)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.width - indent,
            size * 0.47,
            text,
            align="L",
            link=link,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        if gap:
            self.ln(gap)

    def heading(self, text: str) -> None:
        """A section heading with a rule under it, kept with what follows it."""
        if self.will_page_break(22):
            self.add_page()
        self.ln(2.5)
        self.text_block(text, size=12, bold=True, gap=0.8)
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)

    def facts(self, rows: list[tuple[str, str]]) -> None:
        """Label: value lines, labels in a narrow grey column."""
        label_width = 44
        for label, value in rows:
            top = self.get_y()
            self.set_font("nanum", "", 9)
            self.set_text_color(*MUTED)
            self.multi_cell(label_width, 4.6, label, align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
            self.set_text_color(*INK)
            self.set_font("nanum", "", 9.5)
            self.multi_cell(
                self.width - label_width,
                4.6,
                value,
                align="L",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            self.set_y(max(self.get_y(), top + 4.6) + 0.6)

    def title_block(self, kind: str, title: str, subtitle: str, today: date) -> None:
        """What the brief is, for whom, and the day it was made."""
        self.text_block(
            _("Outreach Atlas · {kind} · made {date}", kind=kind, date=day_label(today)),
            size=8.5,
            colour=MUTED,
            gap=1,
        )
        self.text_block(title, size=19, bold=True, gap=1)
        if subtitle:
            self.text_block(subtitle, size=10.5, colour=MUTED, gap=2)
