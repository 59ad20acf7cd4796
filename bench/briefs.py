"""Benchmark the PDF briefs (lib.brief, lib.pictures) and print a Markdown table.

    python -m bench.briefs              # 3 timed runs of each, after one untimed
    python -m bench.briefs --repeat 5

Cases: Canada's brief on the shipped meetings; the brief of the country with most
meetings in 10,000 synthetic ones (scripts/make_synthetic.py, seed 1); the organisation
brief without the map picture and with it (the page's Vega-Lite map drawn as SVG by
vl-convert in this process, no browser; the summary of the meetings counted in, as the
page does). Pages and file size are of the English brief; the Korean one is timed too.
Each time is the wall clock and, in brackets, the process's CPU time (vl-convert's own
threads included): on a shared machine the wall clock also counts the time others ran.
The map picture is timed cold (the first in this process, vl-convert starting) and warm.
"""

from __future__ import annotations

import argparse
import io
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 29)


def timed(make, repeat: int) -> tuple[str, bytes]:
    """Median seconds (wall, CPU) of `repeat` calls of make() after one untimed call."""
    result = make()
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = make()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return seconds(statistics.median(walls), statistics.median(cpus)), result


def seconds(wall: float, cpu: float) -> str:
    return f"{wall:.2f} s ({cpu:.2f})"


def pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args(argv).repeat

    from lib import aggregates, brief, i18n, pictures
    from lib.filters import Filters, program_rows
    from lib.meetings import read_meetings

    shipped = read_meetings(ROOT / "data" / "meetings.csv").meetings
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.csv"
        subprocess.run(
            [sys.executable, "scripts/make_synthetic.py", "--meetings", "10000", "--seed", "1"]
            + ["--out", str(path)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        synthetic = read_meetings(path).meetings
    busiest = str(synthetic["country"].astype(str).value_counts().index[0])
    busiest_count = int((synthetic["country"].astype(str) == busiest).sum())

    def described(meetings):
        with i18n.speaking("en"):
            return brief.view_description(Filters(), meetings)

    summary = aggregates.country_summary(shipped, program_rows(shipped))
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        pictures.map_picture(summary, language="en")  # the first in this process
        cold = seconds(time.perf_counter() - wall, time.process_time() - cpu)
        picture_time, picture = timed(
            lambda: pictures.map_picture(summary, language="en"), max(1, repeat)
        )
    except pictures.PictureUnavailable as error:
        cold, picture_time, picture = None, None, None
        print(f"No map picture here: {error}", file=sys.stderr)

    def organisation(meetings, with_picture: bool, language: str = "en"):
        def make():
            drawn = None
            if with_picture:
                of_these = aggregates.country_summary(meetings, program_rows(meetings))
                drawn = pictures.map_picture(of_these, language=language)
            return brief.organisation_brief(
                meetings,
                language=language,
                today=TODAY,
                description=described(meetings),
                map_picture=drawn,
            )

        return make

    canada = int((shipped["country"] == "Canada").sum())
    cases = [
        (
            f"Country brief, Canada ({canada} meetings, shipped)",
            lambda lang: lambda: brief.country_brief(shipped, "Canada", language=lang, today=TODAY),
        ),
        (
            f"Country brief, {busiest} ({busiest_count:,} of 10,000 synthetic meetings)",
            lambda lang: (
                lambda: brief.country_brief(synthetic, busiest, language=lang, today=TODAY)
            ),
        ),
        (
            f"Organisation brief, no map ({len(shipped)} shipped meetings)",
            lambda lang: organisation(shipped, False, lang),
        ),
        (
            "Organisation brief, no map (10,000 synthetic meetings)",
            lambda lang: organisation(synthetic, False, lang),
        ),
    ]
    if picture is not None:
        cases.append(
            (
                f"Organisation brief with the map ({len(shipped)} shipped meetings)",
                lambda lang: organisation(shipped, True, lang),
            )
        )
        cases.append(
            (
                "Organisation brief with the map (10,000 synthetic meetings)",
                lambda lang: organisation(synthetic, True, lang),
            )
        )

    print(
        f"Machine: {platform.machine()}, {platform.python_version()}, "
        f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores; "
        f"median of {repeat} runs after one untimed; {date.today().isoformat()}\n"
    )
    print("| Brief | English, s (CPU) | Korean, s (CPU) | Pages | Size |")
    print("|---|---|---|---|---|")
    for name, make in cases:
        english, pdf = timed(make("en"), repeat)
        korean, _ = timed(make("ko"), repeat)
        print(f"| {name} | {english} | {korean} | {pages(pdf)} | {len(pdf) / 1024:,.0f} KB |")
    if picture_time is not None:
        print(
            f"| The map picture alone (vl-convert, warm) | {picture_time} | | | "
            f"{len(picture) / 1024:,.0f} KB SVG |"
        )
        print(f"| The first map picture in a process (vl-convert starting) | {cold} | | | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
