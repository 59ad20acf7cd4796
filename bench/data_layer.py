"""Benchmark the data layer alone: reading a meetings file, and validating one record.

    python bench/data_layer.py                    # 100,000 meetings, 5 cold reads
    python bench/data_layer.py --sizes 10000,100000 --reads 3

* cold read: `read_meetings` of bench/out/meetings_<n>_seed1.csv (made by
  scripts/make_synthetic.py, as bench/run.py makes it) in a new process each time, the
  country index built on the way, as the app's first read after a start;
* one record: `validate_record` of every shipped meeting and of the same meetings with
  one field spoiled, against today's store path (a one-row DataFrame through
  `validate_table`, then back to text), per record.

Prints a table; writes nothing under docs/.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
GENERATOR = ROOT / "scripts" / "make_synthetic.py"

_READ_ONCE = """
import json, sys, time
sys.path.insert(0, {root!r})
from lib.meetings import read_meetings
start = time.perf_counter()
result = read_meetings({path!r})
took = time.perf_counter() - start
print(json.dumps({{"s": took, "meetings": len(result.meetings), "problems": len(result.problems)}}))
"""


def data_file(meetings: int, seed: int = 1) -> Path:
    """The synthetic file of `meetings` rows, generated when missing."""
    path = OUT / f"meetings_{meetings}_seed{seed}.csv"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(GENERATOR), "--meetings", str(meetings), "--seed", str(seed)]
            + ["--out", str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return path


def cold_reads(path: Path, reads: int) -> list[dict]:
    """`reads` cold reads of the file, each in a new Python process."""
    script = _READ_ONCE.format(root=str(ROOT), path=str(path))
    runs = []
    for _ in range(reads):
        done = subprocess.run(
            [sys.executable, "-c", script], check=True, capture_output=True, text=True
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return runs


def _spoiled(record: dict[str, str], number: int) -> dict[str, str]:
    """The record with one field made wrong, a different one by `number`."""
    spoil = [
        ("date", "04/09/2019"),
        ("country", "Narnia"),
        ("counterpart_type", "bakery"),
        ("follow_up_due", "2000-01-01"),
        ("source_url", "not a link"),
        ("date_precision", "fortnight"),
    ]
    column, text = spoil[number % len(spoil)]
    return {**record, column: text}


def record_timings(rounds: int) -> dict[str, dict[str, float]]:
    """Microseconds per record for validate_record and for a one-row validate_table."""
    sys.path.insert(0, str(ROOT))
    import pandas as pd

    from lib.export import format_v1_table
    from lib.meetings import FORMAT_COLUMNS, RecordInvalid, validate_record, validate_table

    shipped = pd.read_csv(ROOT / "data" / "meetings.csv", dtype=str, keep_default_na=False)
    good = shipped.to_dict("records")
    bad = [_spoiled(record, number) for number, record in enumerate(good)]

    def by_record(record):
        try:
            return validate_record(record)
        except RecordInvalid as error:
            return error.fields

    def by_table(record):
        table = pd.DataFrame([{**dict.fromkeys(FORMAT_COLUMNS, ""), **record}], dtype="str")
        result = validate_table(table)
        if result.problems:
            return {p.column: str(p.message) for p in result.problems}
        return format_v1_table(result.meetings).iloc[0].to_dict()

    timings: dict[str, dict[str, float]] = {}
    for name, records in (("good", good), ("one field wrong", bad)):
        for way, function in (("validate_record", by_record), ("one-row table", by_table)):
            for record in records:  # warm the caches (countries, programmes) first
                function(record)
            per_record = []
            for _ in range(rounds):
                for record in records:
                    start = time.perf_counter()
                    function(record)
                    per_record.append((time.perf_counter() - start) * 1e6)
            per_record.sort()
            timings[f"{way}, {name}"] = {
                "median_us": statistics.median(per_record),
                "p95_us": per_record[int(len(per_record) * 0.95)],
                "records": len(per_record),
            }
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000", help="meetings per file, comma-separated")
    parser.add_argument("--reads", type=int, default=5, help="cold reads per size")
    parser.add_argument("--rounds", type=int, default=20, help="passes over the records")
    parser.add_argument("--no-record", action="store_true", help="only the reading part")
    args = parser.parse_args(argv)

    print("| meetings | cold read, median (s) | min (s) | max (s) | problems |")
    print("|---:|---:|---:|---:|---:|")
    for size in [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]:
        runs = cold_reads(data_file(size), args.reads)
        seconds = [run["s"] for run in runs]
        print(
            f"| {size:,} | {statistics.median(seconds):.2f} | {min(seconds):.2f} "
            f"| {max(seconds):.2f} | {runs[0]['problems']} |",
            flush=True,
        )
    if args.no_record:
        return 0
    print()
    print("| one record | median (µs) | 95th percentile (µs) | records timed |")
    print("|---|---:|---:|---:|")
    for name, timing in record_timings(args.rounds).items():
        print(
            f"| {name} | {timing['median_us']:,.0f} | {timing['p95_us']:,.0f} "
            f"| {timing['records']:,} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
