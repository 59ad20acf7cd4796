"""bench/run.py measures what it says: each timed rerun shows the view it was set to."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lib.ui.navigation import READING_PAGES

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # every reading page through AppTest, in a new process


def test_the_pages_worker_times_every_page_into_europe_and_back_to_every_meeting():
    """The worker stops when the region filter does not hold what it was set to: the timings
    (and the memory) of "back to every meeting" were once those of Europe again, taken back
    from the address."""
    worker = subprocess.run(
        [sys.executable, "bench/run.py", "--worker", "pages", "--file", "data/meetings.csv"]
        + ["--reruns", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert worker.returncode == 0, worker.stderr[-2000:]
    records = [
        json.loads(line.removeprefix("BENCH "))
        for line in worker.stdout.splitlines()
        if line.startswith("BENCH ")
    ]
    pages = [record for record in records if "page" in record]
    assert [record["page"] for record in pages] == [path for path, _title, _icon in READING_PAGES]
    assert all("error" not in record and len(record["rerun_ms"]) == 2 for record in pages)
    assert records[-1]["reads"] == 1  # one read of the file for every session and rerun
    assert records[-1]["peak_mb"] > 0
