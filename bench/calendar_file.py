"""Benchmark the follow-ups' calendar file (lib.calendar_file) and print a table.

    python -m bench.calendar_file                # 100, 1,000 and 10,000 pledges
    python -m bench.calendar_file --pledges 2000

The shipped pledges are repeated until there are that many, each with its own id and a
due date; done ones are left out of the file as on the page. "build" is what a click on
"Add to a calendar" waits for; "parse" is icalendar reading the file back.
"""

import argparse
import time
from pathlib import Path

import icalendar
import numpy as np
import pandas as pd

from lib.calendar_file import calendar_bytes, counts
from lib.meetings import read_meetings

ROOT = Path(__file__).resolve().parent.parent


def pledges(count: int) -> pd.DataFrame:
    """`count` pledges made from the shipped ones, each with an id and a due date."""
    shipped = read_meetings(ROOT / "data" / "meetings.csv").meetings
    pledged = shipped[shipped["follow_up"] != ""]
    many = pd.concat([pledged] * (count // len(pledged) + 1), ignore_index=True).iloc[:count]
    many["id"] = [f"m-{number:07d}" for number in range(count)]
    days = pd.to_timedelta(np.arange(count) % 365, unit="D")
    many["follow_up_due"] = pd.Timestamp("2027-01-01") + days
    return many


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pledges", type=int, nargs="*", default=[100, 1_000, 10_000])
    sizes = parser.parse_args().pledges
    print("| pledges | events | build (ms) | file (KiB) | counts (ms) | parse (ms) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        meetings = pledges(size)
        start = time.perf_counter()
        data = calendar_bytes(meetings, "http://localhost:8501")
        built = time.perf_counter() - start
        start = time.perf_counter()
        counts(meetings)
        counted = time.perf_counter() - start
        start = time.perf_counter()
        events = len(icalendar.Calendar.from_ical(data).events)
        parsed = time.perf_counter() - start
        print(
            f"| {size:,} | {events:,} | {built * 1000:,.0f} | {len(data) / 1024:,.0f} "
            f"| {counted * 1000:.1f} | {parsed * 1000:,.0f} |"
        )


if __name__ == "__main__":
    main()
