"""Outreach Atlas: where the organisation stands with the diplomatic corps.

The entry file of every page: it sets the language, picks the page, lets in only a person
allowed to read (when sign-in is configured), loads the meetings and draws the filters the
reading pages share, then runs the page.
"""

import streamlit as st

from lib import memory
from lib.ui import address, layout, navigation, sidebar, signin, sources, text

memory.return_freed_memory_promptly()
st.set_page_config(page_title="Outreach Atlas", page_icon="🌐", layout="wide")
layout.phone_frame()
address.begin(sidebar.address_keys())
pages = st.sidebar.container()
text.choose_language()
page, reading = navigation.choose_page()
signin.gate()  # nothing of the data before it
if reading:
    dataset = sources.load_dataset()
    filters, summary = sidebar.draw(dataset)
    view = sidebar.compute_view(dataset, filters)
    sidebar.count(summary, dataset, view)
    sidebar.link_to_view()
else:
    sidebar.draw(None)
address.publish(sidebar.shared_keys())
navigation.links(pages, address.view())
try:
    page.run()
finally:
    sidebar.forget_view()  # an ended session would keep its slice of the meetings for long
    memory.set_apart_what_lasts(page.url_path)
    memory.give_back_memory()
