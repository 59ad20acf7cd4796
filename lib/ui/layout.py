"""The page's frame on a phone: less empty room above the title and smaller figures, so that
what a page is for (the map, a chart, a table) starts on the first screen."""

import streamlit as st

PHONE_WIDTH = 640  # px: Streamlit's own breakpoint for stacking columns

# Streamlit leaves 6rem above the title for its header (its own button needs ~3.75rem); the
# title and the row of figures are drawn at a laptop's size.
_PHONE_STYLE = f"""<style>
@media (max-width: {PHONE_WIDTH}px) {{
  [data-testid="stMainBlockContainer"] {{ padding-top: 4rem; }}
  [data-testid="stMain"] h1 {{ font-size: 2rem; padding-top: 0.5rem; padding-bottom: 0.5rem; }}
  [data-testid="stMetricValue"] {{ font-size: 1.5rem; }}
  [data-testid="stMetric"] {{ min-width: 0; }}
}}
</style>"""


def phone_frame() -> None:
    """The style that tightens the page's frame on a narrow screen (nothing else changes)."""
    st.html(_PHONE_STYLE)
