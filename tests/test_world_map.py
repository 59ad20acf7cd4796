"""The outreach map's spec, rows, legend and shapes (lib/world_map.py), without a browser."""

import json
import math

import numpy as np
import pandas as pd
import pytest

from lib import aggregates, i18n, world_map
from lib.filters import Filters, apply, program_rows
from tests.colours import parse


def summary_of(meetings: pd.DataFrame) -> pd.DataFrame:
    return aggregates.country_summary(meetings, program_rows(meetings), pd.Timestamp("2026-11-28"))


def distance(first: str, second: str) -> float:
    """How far apart two colours are (RGB, 0 to 441)."""
    return math.dist(parse(first)[:3], parse(second)[:3])


def test_the_spec_is_the_same_for_every_colouring_filter_theme_and_language(shipped):
    """The browser swaps the rows of the chart it has only while the spec stays the same."""
    spec = world_map.map_spec("/app/static/world_countries.json")
    seen = set()
    for colour_by in world_map.COLOURINGS:
        for filters in (Filters(), Filters.of(region=["Europe"]), Filters.of(country=["Canada"])):
            for dark in (False, True):
                for language in ("en", "ko"):
                    with i18n.speaking(language):
                        summary = summary_of(apply(shipped, filters))
                        rows = world_map.country_rows(
                            summary, colour_by, selected=["CAN"], zoom=True, dark=dark
                        )
                        seen.add(json.dumps(world_map.map_spec("/app/static/world_countries.json")))
                    assert list(rows.columns) == list(
                        world_map.country_rows(summary_of(shipped)).columns
                    )
    assert seen == {json.dumps(spec)}
    text = json.dumps(spec)
    for colour in (*world_map.LIGHT.scale, *world_map.DARK.scale, world_map.LIGHT.nothing):
        assert colour not in text  # colours live in the rows, not the spec
    assert '"scale": null' in text and '"legend"' not in text


def test_one_row_per_country_with_a_shape_so_every_country_is_clickable(shipped):
    rows = world_map.country_rows(summary_of(shipped))
    assert rows["iso3"].is_unique
    assert set(rows["iso3"]) == world_map.drawable_iso3()
    never = rows.set_index("iso3").loc["NER"]  # Niger: never met, no mission
    assert never["title"] == "Niger" and never["line1"] == "Not met yet"


def test_meetings_colouring_runs_from_fewest_to_most_and_never_met_is_grey(shipped):
    summary = summary_of(shipped)
    rows = world_map.country_rows(summary, "Meetings").set_index("iso3")
    most = summary.iloc[0]["iso3"]
    fewest = summary.iloc[-1]["iso3"]
    assert rows.loc[most, "colour"] == world_map.LIGHT.scale[-1]
    assert rows.loc[fewest, "colour"] == world_map.LIGHT.scale[0]
    never = set(rows.index) - set(summary["iso3"])
    assert set(rows.loc[sorted(never), "colour"]) == {world_map.LIGHT.nothing}


def test_last_contact_scale_starts_at_the_datas_own_range(shipped):
    """The most recent contact is strongest, the oldest palest: not 0 months, whatever the
    data's newest contact is."""
    summary = summary_of(shipped)
    assert summary["months_since"].min() > 0  # the newest contact is months ago
    rows = world_map.country_rows(summary, "Last contact").set_index("iso3")
    newest = summary.loc[summary["months_since"].idxmin(), "iso3"]
    oldest = summary.loc[summary["months_since"].idxmax(), "iso3"]
    assert rows.loc[newest, "colour"] == world_map.LIGHT.scale[-1]
    assert rows.loc[oldest, "colour"] == world_map.LIGHT.scale[0]
    legend = world_map.legend(summary, "Last contact")
    assert legend.low == f"{summary['months_since'].max():,}"
    assert legend.high == f"{summary['months_since'].min():,}"


RAMPS = {"Meetings": "meetings", "Last contact": "months_since"}


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("colour_by", RAMPS)
def test_each_end_of_the_legend_has_the_colour_of_the_countries_it_names(shipped, colour_by, dark):
    """Read as a person reads it: the colour beside each number is the colour of the
    countries with that number on the map."""
    summary = summary_of(shipped)
    legend = world_map.legend(summary, colour_by, dark=dark)
    rows = world_map.country_rows(summary, colour_by, dark=dark).set_index("iso3")
    value = summary.set_index("iso3")[RAMPS[colour_by]]
    for label, colour in ((legend.low, legend.ramp[0]), (legend.high, legend.ramp[-1])):
        named = value[value == int(label.replace(",", ""))].index.intersection(rows.index)
        assert len(named) and set(rows.loc[named, "colour"]) == {colour}, (label, colour)


@pytest.mark.parametrize("colour_by", RAMPS)
def test_one_value_shown_is_one_swatch_in_the_map_colour_not_a_range(shipped, colour_by):
    summary = summary_of(apply(shipped, Filters.of(country=["Canada"])))
    legend = world_map.legend(summary, colour_by)
    rows = world_map.country_rows(summary, colour_by).set_index("iso3")
    number = int(summary[RAMPS[colour_by]].iloc[0])
    assert legend.ramp == () and legend.low == legend.high == ""
    assert legend.swatches[0] == (rows.loc["CAN", "colour"], f"{number:,}")
    assert legend.swatches[-1] == (world_map.LIGHT.nothing, "Not met yet")


@pytest.mark.parametrize("dark", [False, True])
def test_never_met_looks_unlike_every_contact(shipped, dark):
    colours = world_map.palette(dark)
    summary = summary_of(shipped)
    for colour_by in world_map.COLOURINGS:
        rows = world_map.country_rows(summary, colour_by, dark=dark)
        met = rows[rows["iso3"].isin(summary["iso3"])]
        assert colours.nothing not in set(met["colour"])
        assert min(distance(colours.nothing, c) for c in met["colour"]) > 60
    for step in np.linspace(0, 1, 21):  # every colour the scales can give
        ramp = world_map._ramp(pd.Series([step]), 0, 1, colours.scale)[0]
        assert distance(colours.nothing, ramp) > 60


def test_coverage_colours_never_met_missions_and_gives_them_a_tooltip(shipped):
    summary = summary_of(shipped)
    missions = aggregates.missions()
    rows = world_map.country_rows(summary, "Coverage", missions).set_index("iso3")
    never = sorted(set(missions["iso3"]) - set(summary["iso3"]) & set(rows.index))
    assert never
    assert set(rows.loc[never, "colour"]) == {world_map.COVERAGE[aggregates.NEVER_MET][1]}
    assert set(rows.loc[never, "line1"]) == {"Not met yet"}
    assert set(rows.loc[never, "line2"]) == {"Resident mission in Seoul"}


def test_with_one_country_filtered_only_it_is_coloured_and_nothing_else_is_listed(shipped):
    """Issue 19.10: no other country's colour, no "Not drawn: Singapore" for Canada."""
    summary = summary_of(apply(shipped, Filters.of(country=["Canada"])))
    rows = world_map.country_rows(summary, "Meetings", selected=["CAN"], zoom=True)
    coloured = rows[rows["colour"] != world_map.LIGHT.nothing]
    assert list(coloured["iso3"]) == ["CAN"]
    assert list(rows.loc[rows["outline"], "iso3"]) == ["CAN"]
    assert world_map.undrawn_countries(summary).empty
    assert "SGP" in set(world_map.undrawn_countries(summary_of(shipped))["iso3"])


def test_tooltips_are_short_lines_in_the_runs_language(shipped):
    with i18n.speaking("ko"):
        rows = world_map.country_rows(summary_of(shipped)).set_index("iso3")
    assert rows.loc["CAN", "title"] == "캐나다"
    assert rows.loc["CAN", "line1"] == "면담 수: 3"
    lines = rows[[f"line{n + 1}" for n in range(world_map.TOOLTIP_LINES)]]
    assert lines.map(len).to_numpy().max() <= world_map.line_width("ko") < world_map.LINE_WIDTH


def test_the_frame_zooms_to_the_chosen_countries(shipped):
    world = world_map.country_rows(summary_of(shipped)).iloc[0]
    assert (world["west"], world["east"]) == (world_map.WORLD.west, world_map.WORLD.east)
    zoomed = world_map.country_rows(summary_of(shipped), selected=["KAZ"], zoom=True).iloc[0]
    assert zoomed["east"] - zoomed["west"] < (world_map.WORLD.east - world_map.WORLD.west) / 3
    frame = world_map.Frame(*zoomed[["rotate", "west", "east", "south", "north"]])
    x, y = frame.pixel(67, 48, 800, 360)  # the middle of Kazakhstan: near the middle
    assert 250 < x < 550 and 100 < y < 260


def test_one_shape_per_iso_code_in_the_static_file():
    topology = world_map.shapes()
    codes = [shape["id"] for shape in topology["objects"][world_map.SHAPES_OBJECT]["geometries"]]
    assert len(codes) == len(set(codes))
    for code in ("ESP", "PRT", "ECU", "PSE"):  # two shapes each in world_110m.json
        assert codes.count(code) == 1
    spain = world_map.polygons()["ESP"]
    assert any(p[0][:, 0].min() < -9 for p in spain)  # mainland Spain
    assert any(p[0][:, 0].min() < -13 for p in spain)  # and the Canary Islands


def test_no_shape_crosses_the_antimeridian():
    """A ring that jumps from one side of ±180° to the other draws a band across the map."""
    for code, polygons in world_map.polygons().items():
        for polygon in polygons:
            for ring in polygon:
                assert np.abs(np.diff(ring[:, 0])).max() < 180, code
    russia = world_map.polygons()["RUS"]
    assert any(p[0][:, 0].max() < -160 for p in russia)  # its far east, west of ±180°


def test_the_legend_says_what_the_colours_mean(shipped):
    summary = summary_of(shipped)
    meetings = world_map.legend(summary, "Meetings")
    assert meetings.ramp == world_map.LIGHT.scale
    assert (meetings.low, meetings.high) == (
        str(summary["meetings"].min()),
        str(summary["meetings"].max()),
    )
    assert (world_map.LIGHT.nothing, "Not met yet") in meetings.swatches
    coverage = world_map.legend(summary, "Coverage", dark=True)
    assert [colour for colour, _label in coverage.swatches][:3] == [
        colour for _label, colour in world_map.COVERAGE.values()
    ]


def test_the_static_shapes_are_what_the_script_writes(tmp_path):
    """static/world_countries.json is scripts/prepare_world_map.py's output, not edited by hand."""
    import importlib.util

    from tests.browsing import ROOT

    spec = importlib.util.spec_from_file_location(
        "prepare_world_map", ROOT / "scripts" / "prepare_world_map.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shapes = script._rings(json.loads(script.SOURCE.read_text()))
    assert script.topology(shapes) == world_map.shapes()


@pytest.mark.parametrize(("base", "address"), [("", "/app"), ("atlas/", "/atlas/app")])
def test_the_page_asks_this_server_for_the_shapes(monkeypatch, base, address):
    import streamlit as st

    from lib.ui import maps

    monkeypatch.setattr(st, "get_option", lambda name: base)
    assert maps.shapes_address() == f"{address}/static/world_countries.json"
