"""Figures as pictures for files (the organisation brief's map), drawn without a browser.

The map is the page's own Vega-Lite chart (lib/world_map.py), drawn in this process by
vl-convert with the country shapes passed inline: no Chromium, nothing fetched. Where
drawing fails, `map_picture` raises PictureUnavailable and the brief goes out without it.
"""

from __future__ import annotations

import logging

import pandas as pd

from lib import i18n, world_map

WIDTH = 1100  # pixels of the map picture (drawn at twice that for print)
HEIGHT = world_map.HEIGHT * WIDTH // 820  # the page's proportions at a laptop's width

log = logging.getLogger(__name__)


class PictureUnavailable(Exception):
    """The picture could not be drawn here (vl-convert missing, or drawing failed)."""


def map_picture(
    summary: pd.DataFrame,
    *,
    language: str,
    missions: pd.DataFrame | None = None,
    zoom: bool = False,
) -> bytes:
    """A PNG of the outreach map coloured by meetings, as on the page, in `language`."""
    with i18n.speaking(language):
        rows = world_map.country_rows(summary, "Meetings", missions, zoom=zoom)
    spec = world_map.map_spec(world_map.shapes())
    spec.update(width=WIDTH, height=HEIGHT, background="white")
    spec["datasets"] = {world_map.ROWS: rows.to_dict("records")}
    return png(spec)


def png(spec: dict) -> bytes:
    """A Vega-Lite spec as a PNG at twice its size; PictureUnavailable when it cannot be."""
    try:
        import vl_convert
    except ImportError as error:  # in requirements.txt; a trimmed install may lack it
        raise PictureUnavailable("vl-convert-python is not installed") from error
    try:
        return vl_convert.vegalite_to_png(spec, scale=2)
    except Exception as error:  # a bad spec or a failure inside the renderer: no picture
        log.warning("The map picture could not be drawn: %s", error)
        raise PictureUnavailable(str(error)) from error
