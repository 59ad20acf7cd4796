"""Briefs as PDF files: one country before a visit, and the organisation for a filtered view.

Plain Python (fpdf2), no Streamlit: a page calls these with the meetings and the
session's language and offers the bytes for download. Fonts are the app's own files in
data/fonts (NanumGothic for Hangul and Latin, DejaVu Sans for the letters Nanum lacks,
such as Å or ş), so a brief needs no system package and nothing from the internet.

One module per part: `document` (the page, its fonts and text helpers), `words` (a
meeting and its sources in words), `naming` (the view in words, file names),
`timeline` (the drawn line of meetings), `country` and `organisation` (the two briefs,
section by section).
"""

from lib.brief.country import country_brief
from lib.brief.document import PDF_MIME
from lib.brief.naming import brief_file_name, organisation_brief_file_name, view_description
from lib.brief.organisation import organisation_brief
from lib.brief.words import how_long_ago

__all__ = [
    "PDF_MIME",
    "brief_file_name",
    "country_brief",
    "how_long_ago",
    "organisation_brief",
    "organisation_brief_file_name",
    "view_description",
]
