"""The app's colours, each named once: the charts use them as they are, the briefs as RGB."""

import re

MARK = "#1a7fd0"  # timeline marks: 4.2:1 against white, 4.5:1 against #0e1117
WINDOW = "rgba(86,180,233,0.6)"  # the bar over an approximate date's window
INK = "#262730"  # text: Streamlit's own text colour
MUTED = "#606470"  # labels, notes and footers
RULE = "#c8ccd4"  # lines under headings and between table rows
LINK = "#1565c0"  # a web address a reader can click
WARNING = "#b03a00"  # what is late: overdue pledges, today on a timeline

_RGBA = re.compile(r"rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)")


def rgb(colour: str) -> tuple[int, int, int]:
    """A colour as (red, green, blue) on white paper: "#1a7fd0" or "rgba(86,180,233,0.6)"."""
    if colour.startswith("#"):
        return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
    found = _RGBA.fullmatch(colour)
    if not found:
        raise ValueError(f"Not a colour the palette knows how to print: {colour!r}")
    *channels, alpha = found.groups()
    opacity = float(alpha)
    red, green, blue = (round(int(c) * opacity + 255 * (1 - opacity)) for c in channels)
    return red, green, blue
