"""Make the pages' Hangul web font (static/fonts/) from the briefs' NanumGothic (data/fonts/).

Chromium refuses the NanumGothic files as web fonts (their empty VTT tables, TSI0–TSI5,
fail its font sanitiser), so the pages get a copy without those tables, holding only the
Hangul letters and CJK punctuation (the theme uses it for those alone), compressed as WOFF.
The SIL Open Font License lets a changed font be shared under the same licence but not
under the Reserved Font Names ("Nanum", "NanumGothic", …): the copy is named "Atlas Hangul".

Run from the project's folder: python scripts/make_web_font.py
"""

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FAMILY = "Atlas Hangul"
# Hangul jamo, CJK symbols and punctuation, compatibility jamo, jamo extended A,
# syllables, jamo extended B; the same ranges as the theme's unicodeRange.
HANGUL = [(0x1100, 0x11FF), (0x3000, 0x303F), (0x3130, 0x318F), (0xA960, 0xA97F)]
HANGUL += [(0xAC00, 0xD7AF), (0xD7B0, 0xD7FF)]
FONTS = {"NanumGothic.ttf": "Regular", "NanumGothicBold.ttf": "Bold"}


def web_font(source: Path, style: str, target: Path) -> None:
    """The Hangul of `source`, renamed, without its VTT tables, as a WOFF file."""
    font = TTFont(source)
    for table in ("TSI0", "TSI1", "TSI2", "TSI3", "TSI5"):
        if table in font:
            del font[table]
    options = subset.Options()
    options.flavor = "woff"
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright and licence kept
    options.name_languages = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high in HANGUL for c in range(low, high + 1)])
    subsetter.subset(font)
    names = font["name"]
    full = f"{FAMILY} {style}" if style != "Regular" else FAMILY
    postscript = f"{FAMILY.replace(' ', '')}-{style}"
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(FAMILY if record.nameID != 4 else full, record.nameID, *_where(record))
        elif record.nameID == 2:
            names.setName(style, record.nameID, *_where(record))
        elif record.nameID == 3:
            names.setName(f"{postscript}; from NanumGothic 3.021", record.nameID, *_where(record))
        elif record.nameID == 6:
            names.setName(postscript, record.nameID, *_where(record))
        elif record.nameID == 17:
            names.setName(style, record.nameID, *_where(record))
    font.flavor = "woff"
    font.save(target)


def _where(record) -> tuple[int, int, int]:
    return record.platformID, record.platEncID, record.langID


def main() -> None:
    """Write static/fonts/AtlasHangul-Regular.woff and -Bold.woff."""
    folder = ROOT / "static" / "fonts"
    folder.mkdir(parents=True, exist_ok=True)
    for name, style in FONTS.items():
        target = folder / f"{FAMILY.replace(' ', '')}-{style}.woff"
        web_font(ROOT / "data" / "fonts" / name, style, target)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
