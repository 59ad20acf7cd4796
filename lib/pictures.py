"""Figures as pictures for files (the organisation brief's map), drawn by kaleido.

kaleido drives the system's Chromium. It is pointed at the app's own files so that
nothing is fetched: plotly.js from the plotly package, the world's shapes from
static/world_110m.json, and no MathJax (its default comes from a CDN). Where Chromium
is missing or drawing fails, `map_picture` raises PictureUnavailable and the brief goes
out without the picture.
"""

from __future__ import annotations

import logging

import pandas as pd

from lib import charts, i18n

SHAPES = charts.WORLD_SHAPES.parent  # static/, holding world_110m.json
WIDTH, HEIGHT = 1100, 560  # pixels of the map picture (drawn at twice that for print)
SECONDS = 60  # kaleido's limit for one picture

log = logging.getLogger(__name__)


class PictureUnavailable(Exception):
    """The picture could not be drawn here (no Chromium, or kaleido failed)."""


def map_picture(
    summary: pd.DataFrame,
    *,
    language: str,
    missions: pd.DataFrame | None = None,
    zoom: bool = False,
) -> bytes:
    """A PNG of the outreach map coloured by meetings (charts.map_figure), in `language`."""
    with i18n.speaking(language):
        figure = charts.map_figure(summary, "Meetings", missions, zoom=zoom)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 40}, paper_bgcolor="white")
    return png(figure, WIDTH, HEIGHT)


def png(figure, width: int, height: int) -> bytes:
    """The figure as a PNG, drawn offline by kaleido; PictureUnavailable when it cannot be."""
    try:
        import kaleido
    except ImportError as error:  # kaleido is in requirements.txt; a trimmed install may lack it
        raise PictureUnavailable("kaleido is not installed") from error
    try:
        return kaleido.calc_fig_sync(
            figure.to_dict(),
            opts={"format": "png", "width": width, "height": height, "scale": 2},
            topojson=SHAPES.as_uri(),
            kopts={"mathjax": False, "timeout": SECONDS},
        )
    except Exception as error:  # ChromeNotFoundError, a crash, a timeout: all mean no picture
        log.warning("The map picture could not be drawn: %s", error)
        raise PictureUnavailable(str(error)) from error
