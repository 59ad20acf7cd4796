"""Import meetings: from a colleague's spreadsheet, or drafted from a news item."""

import streamlit as st

from lib.i18n import _
from lib.ui import editing, importing, navigation, news_import, signin, sources
from lib.ui.text import uploader_words

navigation.through_entry()
st.title(_("Import meetings"))
signin.require("import")
store = sources.database_or_explain(_("import meetings"))
if store is None:
    st.stop()
editing.show_notice()
importing.last_report()
who = editing.editor_name()

from_file, from_news = st.tabs([_("From a file"), _("From a news item")])
with from_file:
    importing.file_import(store, who)
with from_news:
    uploader_words("news_file", ["txt", "html", "htm", "docx"])
    news_import.news_import(store, who)
