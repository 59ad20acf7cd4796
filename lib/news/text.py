"""The text of a news item: from a .txt, .html or .docx file, in paragraphs and sentences."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.etree import ElementTree

from lib.i18n import _

_WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "figcaption", "dd", "dt", "pre",
    "title", "hr",
}  # fmt: skip
_HIDDEN_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
# Words with a full stop that does not end a sentence ("H.E. Ambassador", "Mr. Lee").
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "he", "h.e", "amb", "no", "nos", "gen", "gov", "sen",
    "rep", "prof", "jr", "sr", "inc", "co", "ltd", "corp", "dept", "vs", "etc", "e.g", "i.e",
    "u.s", "u.k", "u.a.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mt", "ft", "approx", "fig", "vol", "p", "pp",
}  # fmt: skip
_SENTENCE_END = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["“‘(\[]?[A-Z0-9가-힣À-Ý])""")
# "events.WeGO is …": a full stop with no space after it, between a word and a capital.
_GLUED_END = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_KOREAN_END = re.compile(r"(?<=[다요음함]\.)\s+|(?<=[다요]\.)(?=[가-힣A-Z])")
_LINE_JOIN = re.compile(r"(?<![.!?:\"”’)\]])\n(?=[a-z(])")


class NewsFileError(ValueError):
    """A file whose text cannot be read (unknown kind, encoding or a damaged document)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the item, with the paragraph it belongs to (0 is the first)."""

    text: str
    paragraph: int
    start: int  # offset in the item's normalised text


def text_of_file(name: str, raw: bytes) -> str:
    """The plain text of a news item file: .txt (UTF-8 or CP949), .html or .docx."""
    kind = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if kind in ("txt", "text", "md", ""):
        return _decoded(raw, name)
    if kind in ("html", "htm", "xhtml"):
        return html_text(_decoded(raw, name))
    if kind == "docx":
        return docx_text(raw, name)
    raise NewsFileError(
        _(
            "{name} is not a file this page reads. Upload a .txt, .html or .docx file, "
            "or paste the text.",
            name=name,
        )
    )


def _decoded(raw: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NewsFileError(
        _(
            "{name} is neither UTF-8 nor Korean (CP949) text. Save it as UTF-8 and upload "
            "it again.",
            name=name,
        )
    )


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_text(html: str) -> str:
    """The visible text of an HTML page: scripts and styles dropped, one paragraph a block."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return _tidy("".join(parser.parts))


def docx_text(raw: bytes, name: str = "the document") -> str:
    """The paragraphs of a Word (.docx) document, read from its XML."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            root = ElementTree.fromstring(archive.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise NewsFileError(
            _(
                "{name} could not be opened as a Word document. Save it again as .docx, "
                "or paste the text.",
                name=name,
            )
        ) from None
    paragraphs = []
    for paragraph in root.iter(f"{_WORD_NS}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{_WORD_NS}t":
                pieces.append(node.text or "")
            elif node.tag == f"{_WORD_NS}tab":
                pieces.append(" ")
            elif node.tag in (f"{_WORD_NS}br", f"{_WORD_NS}cr"):
                pieces.append("\n")
        paragraphs.append("".join(pieces))
    return _tidy("\n\n".join(paragraphs))


def _tidy(text: str) -> str:
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def paragraphs(text: str) -> list[str]:
    """The item's paragraphs: lines of text, with hard-wrapped lines joined again."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = _LINE_JOIN.sub(" ", text)
    return [re.sub(r"\s+", " ", line).strip() for line in text.split("\n") if line.strip()]


def sentences(text: str) -> list[Sentence]:
    """The item's sentences in order (English and Korean rules), each with its paragraph."""
    found: list[Sentence] = []
    offset = 0
    for number, paragraph in enumerate(paragraphs(text)):
        for piece in _split(paragraph):
            found.append(Sentence(piece, number, offset))
            offset += len(piece) + 1
    return found


def _split(paragraph: str) -> list[str]:
    cuts = {0, len(paragraph)}
    for match in _SENTENCE_END.finditer(paragraph):
        word = re.search(r"([\w.]+)[.!?…]+\W*$", paragraph[: match.end()])
        stem = word.group(1).lower().rstrip(".") if word else ""
        if paragraph[match.end() - 1] == "." and (
            stem in _ABBREVIATIONS or re.fullmatch(r"[a-z]", stem)
        ):
            continue
        cuts.add(match.end())
    cuts.update(match.start() for match in _GLUED_END.finditer(paragraph))
    cuts.update(match.end() for match in _KOREAN_END.finditer(paragraph))
    ordered = sorted(cuts)
    pieces = [paragraph[a:b].strip() for a, b in zip(ordered, ordered[1:], strict=False)]
    return [piece for piece in pieces if piece]
