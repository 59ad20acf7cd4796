"""Figures as pictures for files (the organisation brief's map), drawn without a browser.

The map is the page's own Vega-Lite chart (lib/world_map.py), drawn in this process by
vl-convert with the country shapes passed inline: no Chromium, nothing fetched. It comes
out as SVG, which the brief embeds as vector shapes (sharp at any zoom, smaller than a
picture of pixels, and quicker to draw and to embed). Where drawing fails, `map_picture`
raises PictureUnavailable and the brief goes out without it.
"""

from __future__ import annotations

import logging
import re
import threading

import pandas as pd

from lib import i18n, world_map

WIDTH = 1100  # the map's width in the picture's own units (it is a vector picture)
HEIGHT = world_map.HEIGHT * WIDTH // 820  # the page's proportions at a laptop's width
# Vega draws the view's foreground as an empty, hidden path, which fpdf2 rejects; the
# labels are the page's tooltips, of no use in a file.
_EMPTY_PATH = re.compile(r'<path[^>]*? d=""[^>]*/>')
_LABELS = re.compile(r' aria-(?:label|roledescription|hidden)="[^"]*"')
# One decimal of the picture's units is 0.02 mm on the page: the file is a third smaller.
_DECIMALS = re.compile(r"(\.\d)\d+")

log = logging.getLogger(__name__)
_warming = threading.Lock()
_warmed = False


class PictureUnavailable(Exception):
    """The picture could not be drawn here (vl-convert missing, or drawing failed)."""


def map_picture(
    summary: pd.DataFrame,
    *,
    language: str,
    missions: pd.DataFrame | None = None,
    zoom: bool = False,
) -> bytes:
    """An SVG of the outreach map coloured by meetings, as on the page, in `language`."""
    with i18n.speaking(language):
        rows = world_map.country_rows(summary, "Meetings", missions, zoom=zoom)
    spec = world_map.map_spec(world_map.shapes())
    spec.update(width=WIDTH, height=HEIGHT, background="white")
    spec["datasets"] = {world_map.ROWS: rows.to_dict("records")}
    return svg(spec)


def svg(spec: dict) -> bytes:
    """A Vega-Lite spec as SVG for a PDF; PictureUnavailable when it cannot be drawn."""
    try:
        import vl_convert
    except ImportError as error:  # in requirements.txt; a trimmed install may lack it
        raise PictureUnavailable("vl-convert-python is not installed") from error
    try:
        drawn = vl_convert.vegalite_to_svg(spec)
    except Exception as error:  # a bad spec or a failure inside the renderer: no picture
        log.warning("The map picture could not be drawn: %s", error)
        raise PictureUnavailable(str(error)) from error
    return _DECIMALS.sub(r"\1", _LABELS.sub("", _EMPTY_PATH.sub("", drawn))).encode()


def warm_up() -> None:
    """Start vl-convert once per process in the background (its first picture is slow)."""
    global _warmed
    with _warming:
        if _warmed:
            return
        _warmed = True
    threading.Thread(target=_draw_a_dot, name="vl-convert warm-up", daemon=True).start()


def _draw_a_dot() -> None:
    try:
        import vl_convert

        vl_convert.vegalite_to_svg({"mark": "point", "data": {"values": [{}]}})
    except Exception as error:  # the real picture will say what is wrong
        log.info("vl-convert could not be started ahead: %s", error)
