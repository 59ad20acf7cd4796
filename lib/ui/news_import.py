"""Meetings drafted from a news item: paste or upload it, review the drafts, save them all."""

import io
import logging
import re
from datetime import date

import pandas as pd
import streamlit as st

from lib import recording
from lib.i18n import _
from lib.meetings import COUNTERPART_TYPES, PRECISIONS, MeetingsFileError, fields, read_meetings
from lib.news import (
    NewsFileError,
    NewsReading,
    drafts_csv_bytes,
    published_date,
    read_news,
    text_of_file,
    window_in_words,
)
from lib.news.text import html_text
from lib.programs import split_list
from lib.store import Store, StoreError
from lib.ui import editing, importing
from lib.ui.forms import label
from lib.ui.text import plain, shown_country, shown_program, shown_value

DRAFTS_KEY = "news_drafts"  # (what they were drafted from, the reading) of this session
TABLE_VERSION_KEY = "news_table"  # a new number makes a fresh table (after a new drafting)
# The draft columns a person reviews, in the table's order; the others are kept as drafted.
REVIEWED = fields.reviewed()
LONGEST_ITEM = 200_000  # characters: a long news item is 30,000; more is a pasted page or file
# The fields whose evidence the review shows, in the table's order.
EVIDENCED = (
    "country", "date", "counterpart", "programs", "cities", "follow_up", "follow_up_due",
)  # fmt: skip
_HTML = re.compile(r"<\s*(?:html|body|script|style|div|p|article)\b", re.IGNORECASE)


def _item_text() -> tuple[str, str]:
    """The news item's text (pasted, or read from an uploaded file) and its file's name."""
    pasted = st.text_area(
        _("The news item"),
        key="news_text",
        height=220,
        placeholder=_("Paste the item here, in English or Korean, or upload it below."),
    )
    upload = st.file_uploader(
        _("…or a file (.txt, .html, .docx)"), type=["txt", "html", "htm", "docx"], key="news_file"
    )
    if upload is None or pasted.strip():
        if _HTML.search(pasted):
            return html_text(pasted), ""  # a page's source pasted: its text, scripts left out
        return pasted, ""
    try:
        return text_of_file(upload.name, upload.getvalue()), upload.name
    except NewsFileError as error:
        st.error(str(error))
        return "", ""


def _drafts_table(drafts: list[dict[str, str]]) -> pd.DataFrame:
    """The drafts as the person reviews them: countries and programs named in their language
    (the import reads Korean names as well as English ones)."""
    table = pd.DataFrame(drafts, columns=list(REVIEWED), dtype="str").fillna("")
    table["country"] = table["country"].map(shown_country)
    table["programs"] = table["programs"].map(
        lambda listed: "; ".join(shown_program(p) for p in split_list(listed))
    )
    where = REVIEWED.index("date_precision") + 1  # the window beside the date it comes from
    table.insert(where, "window", [window_in_words(draft) for draft in drafts])
    return table


def _to_check(reading: NewsReading) -> list[str]:
    """For each draft, the fields whose reading is unsure, named as the table names them."""
    return [
        ", ".join(label(name) for name in EVIDENCED if name in fields and not fields[name].sure)
        for fields in (reading.evidence or [{} for _ in reading.drafts])
    ]


def _shown(draft: dict[str, str], name: str) -> str:
    """A drafted field as the table shows it, in the page's language."""
    if name == "date":
        return window_in_words(draft)
    if name == "country":
        return shown_country(draft["country"])
    if name == "programs":
        return "; ".join(shown_program(p) for p in split_list(draft["programs"]))
    return draft.get(name, "")


def evidence(reading: NewsReading) -> None:
    """Where each field of each draft came from, the unsure ones marked, draft by draft."""
    if not reading.evidence:
        return
    st.markdown("**" + _("Where each field comes from") + "**")
    for number, (draft, found) in enumerate(
        zip(reading.drafts, reading.evidence, strict=True), start=1
    ):
        unsure = [name for name in EVIDENCED if name in found and not found[name].sure]
        title = _("Row {row}: {country}", row=number, country=shown_country(draft["country"]))
        if unsure:
            title += " — " + _("check: {fields}", fields=", ".join(label(n) for n in unsure))
        with st.expander(title, icon=":material/warning:" if unsure else ":material/check:"):
            lines = []
            for name in EVIDENCED:
                if name not in found:
                    continue
                value = _shown(draft, name)
                mark = _("sure") if found[name].sure else "⚠ " + _("unsure")
                lines.append(
                    f"- **{label(name)}** ({mark}): {plain(value)}  \n"
                    f"  _{plain(found[name].sentence)}_"
                )
            st.markdown("\n".join(lines))


def news_import(store: Store, who: str | None) -> None:
    """The "From a news item" part of the import page."""
    text, file_name = _item_text()
    if len(text) > LONGEST_ITEM:
        st.error(
            _(
                "The news item is {length:,} characters long; this page reads one item of at "
                "most {longest:,}. Paste only the item's own text. Nothing was drafted.",
                length=len(text),
                longest=LONGEST_ITEM,
            )
        )
        return
    if not text.strip():
        st.caption(
            _(
                "The drafts hold every country the organisation met, with an honest date "
                "window, the pledges and the sentences they came from. Countries only named "
                "are listed apart, not dropped."
            )
        )
        return
    guess = published_date(text)
    left, middle, right = st.columns([1, 2, 2])
    published = left.date_input(
        _("Published on"),
        value=guess or date.today(),
        format="YYYY-MM-DD",
        key=f"news_published-{guess}",
        help=_("Taken from the item's dateline when it has one; change it if it is wrong."),
    )
    source_url = middle.text_input(_("Source link (https://…)"), key="news_url")
    source_title = right.text_input(_("Source title"), value=file_name, key="news_title")
    made_from = (text, published, source_url, source_title)
    if st.button(_("Draft the meetings"), type="primary", icon=":material/auto_awesome:"):
        try:
            reading = read_news(
                text, published=published, source_url=source_url.strip(), source_title=source_title
            )
        except Exception:  # a page never shows a traceback; the log keeps it
            logging.getLogger(__name__).exception("drafting from a news item failed")
            st.error(
                _(
                    "This text could not be read as a news item. Paste the item's own text "
                    "(not a page's source or a binary file) and try again. Nothing was saved."
                )
            )
            return
        st.session_state[DRAFTS_KEY] = (made_from, reading)
        st.session_state[TABLE_VERSION_KEY] = st.session_state.get(TABLE_VERSION_KEY, 0) + 1
    if DRAFTS_KEY not in st.session_state:
        return
    drafted_from, reading = st.session_state[DRAFTS_KEY]
    if drafted_from != made_from:
        st.info(_("The item or its details changed: draft the meetings again."))
        return
    review(store, who, reading)


def review(store: Store, who: str | None, reading) -> None:
    """The drafts in an editable table, the mentions not placed, and saving them all."""
    if reading.unplaced:
        with st.expander(
            _("Mentions not made into meetings ({count})", count=len(reading.unplaced))
        ):
            for mention in reading.unplaced:
                st.markdown(f"- {plain(str(mention.reason))}  \n  _{plain(mention.sentence)}_")
    if not reading.drafts:
        st.warning(_("No meeting was found in this item."))
    st.caption(
        _(
            "Correct any cell, delete a row that is not a meeting, or add one; the window is "
            "worked out from the date and its precision when you save."
        )
    )
    version = st.session_state.get(TABLE_VERSION_KEY, 0)
    table = _drafts_table(reading.drafts)
    # after the due date, so that the columns a reviewer edits keep their places
    table.insert(list(table.columns).index("follow_up_due") + 1, "to_check", _to_check(reading))
    edited = st.data_editor(
        table,
        key=f"news_drafts-{version}",
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        disabled=["window", "to_check"],
        column_config={
            **{column: st.column_config.TextColumn(label(column)) for column in REVIEWED},
            "window": st.column_config.TextColumn(_("When")),
            "to_check": st.column_config.TextColumn(
                _("To check"), help=_("Fields read with doubt: check them against the text.")
            ),
            "date_precision": st.column_config.SelectboxColumn(
                label("date_precision"),
                options=list(PRECISIONS),
                format_func=shown_value,
                required=True,
            ),
            "counterpart_type": st.column_config.SelectboxColumn(
                label("counterpart_type"), options=list(COUNTERPART_TYPES), format_func=shown_value
            ),
            "summary": st.column_config.TextColumn(label("summary"), width="large"),
        },
    )
    evidence(reading)
    if st.button(_("Save these meetings"), type="primary", disabled=not who or edited.empty):
        save(store, who, reading.drafts, edited)
    if not who:
        st.caption(_("Give your name above to save: it is kept in each meeting's history."))


def save(store: Store, who: str, drafts: list[dict[str, str]], edited: pd.DataFrame) -> None:
    """Check the reviewed drafts like a file, then import them all in one transaction."""
    base = drafts[0] if drafts else {}
    carried = {column: base.get(column, "") for column in ("source_url", "source_title")}
    rows = []
    reviewed = edited.drop(columns=["window", "to_check"], errors="ignore").fillna("")
    for position, row in enumerate(reviewed.to_dict("records")):
        kept = drafts[position] if position < len(drafts) else carried
        rows.append({**kept, **{k: str(v) for k, v in row.items()}})
    raw = drafts_csv_bytes(rows)
    try:
        checked = read_meetings(io.BytesIO(raw), name=_("the drafts"))
    except MeetingsFileError as error:
        st.error(str(error))
        return
    if checked.problems:
        st.error(
            _("Nothing was saved. Please fix these rows of the table:")
            + "\n"
            + "\n".join(
                "- "
                + _("Row {row}", row=problem.line - 1)
                + f", {label(problem.column)}: {plain(problem.message)}"
                for problem in checked.problems
            )
        )
        return
    try:
        report = store.import_meetings(
            io.BytesIO(raw), mode="append", who=who, name=recording.NEWS_ITEM
        )
    except (MeetingsFileError, StoreError) as error:
        st.error(_("{problem} Nothing was changed.", problem=str(error)))
        return
    importing.keep_report(report)
    st.session_state.pop(DRAFTS_KEY, None)
    editing.notify("success", _("The meetings of the news item are on every page now."))
    st.rerun()
