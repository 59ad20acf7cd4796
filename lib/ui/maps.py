"""The map's settings and what a click on it does."""

import streamlit as st

from lib.countries import country_by_iso3
from lib.ui import address


def map_config() -> dict:
    """Plotly settings for the map: world shapes from this server, never from a CDN."""
    base = st.get_option("server.baseUrlPath").strip("/")
    return {
        "topojsonURL": f"/{base}/app/static/" if base else "/app/static/",
        "displaylogo": False,
        "scrollZoom": False,
    }


def map_clicked() -> None:
    """Map selection callback: a click on a country filters every page to it."""
    points = st.session_state["map"]["selection"]["points"]
    if points:
        iso3 = points[0].get("location") or points[0]["customdata"][0]
        address.change("country", [country_by_iso3(iso3).name])
