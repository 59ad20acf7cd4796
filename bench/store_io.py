"""Benchmark the XLSX writers, large imports and single saves; update docs/benchmarks.md.

    python bench/store_io.py                  # XLSX at 10,000 and 100,000; import 100,000
    python bench/store_io.py --xlsx-sizes 10000,100000,1000000 --repeats 5

Every measurement runs in a new subprocess on bench/out/meetings_<n>_seed<s>.csv (made by
bench/run.py's `data_file`):

* xlsx: the same cells (`lib.export.xlsx_cells`: text, exact and due dates as dates)
  written by each candidate writer — openpyxl in write-only mode, XlsxWriter with
  `constant_memory`, and rustpy-xlsxwriter through `lib.export.workbook_bytes` (the one
  the app uses) — plus the app's whole `lib.export.xlsx_bytes`;
* import: `Store.import_meetings` (append) of 100,000 meetings into a new database,
  without and with a progress callback that does what a page does with each report
  (formats "120,000 of 1,000,000 rows checked"), on SQLite and, when
  $OUTREACH_TEST_PG_URL is set, on PostgreSQL;
* save: `Store.add` and `Store.update` of one meeting, median of many.

The section it writes sits between markers in docs/benchmarks.md; bench/run.py keeps it.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import secrets
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from run import (
    MARK,
    OUT,
    REPORT,
    ROOT,
    _setup_worker,
    code_version,
    data_file,
    machine,
    run_worker,
)

START, END = "<!-- store-io:start -->", "<!-- store-io:end -->"
WRITERS = ("openpyxl", "xlsxwriter", "rustpy-xlsxwriter", "lib.export.xlsx_bytes")
XLSX_TARGET_S = {100_000: 10}
IMPORT_ROWS = 100_000
SAVES = 40
PG_VARIABLE = "OUTREACH_TEST_PG_URL"


def _emit(**record) -> None:
    print(MARK + json.dumps(record), flush=True)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- workers (subprocesses)


def xlsx_worker(path: Path, rows: int, writer: str) -> None:
    """Time one writer on the first `rows` meetings of the file."""
    _setup_worker()
    from lib import export
    from lib.meetings import read_meetings

    meetings = read_meetings(path).meetings.head(rows)
    start = time.perf_counter()
    if writer == "lib.export.xlsx_bytes":
        size = len(export.xlsx_bytes(meetings))
    else:
        cells = export.xlsx_cells(meetings)
        start = time.perf_counter()  # the writer alone: every candidate gets the same cells
        size = len(WRITE[writer](cells))
    _emit(seconds=time.perf_counter() - start, mb=size / 2**20, peak_mb=_peak_mb())


def _openpyxl(cells) -> bytes:
    from openpyxl import Workbook

    # Plain values: openpyxl would take a text starting with "=" for a formula unless each
    # cell were made as a typed cell object, which only adds time. A lower bound for it.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Meetings")
    sheet.append(list(cells.columns))
    for row in cells.itertuples(index=False, name=None):
        sheet.append([value if value != "" else None for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsxwriter(cells) -> bytes:
    import datetime as dt

    import xlsxwriter

    buffer = io.BytesIO()
    options = {"constant_memory": True, "strings_to_formulas": False, "in_memory": True}
    workbook = xlsxwriter.Workbook(buffer, options)
    sheet = workbook.add_worksheet("Meetings")
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, list(cells.columns))
    for number, row in enumerate(cells.itertuples(index=False, name=None), start=1):
        for column, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(number, column, value, day)
            elif value:
                sheet.write_string(number, column, value)
    workbook.close()
    return buffer.getvalue()


def _rustpy(cells) -> bytes:
    from lib.export import workbook_bytes

    return workbook_bytes(cells)


WRITE = {"openpyxl": _openpyxl, "xlsxwriter": _xlsxwriter, "rustpy-xlsxwriter": _rustpy}


class PageProgress:
    """What a page's progress bar does with each report: the fraction and its words."""

    def __init__(self):
        self.name, self.text, self.calls, self.seconds = "", "", 0, 0.0

    def phase(self, name: str) -> None:
        self.name = name

    def __call__(self, done: int, total: int) -> None:
        from lib.i18n import _

        start = time.perf_counter()
        self.calls += 1
        self.fraction = done / total if total else 1.0
        self.text = _(self.name, done=format(done, ","), total=format(total, ","))
        self.seconds += time.perf_counter() - start


def import_worker(path: Path, url: str, with_progress: bool) -> None:
    """Time one append import of the whole file into a new database."""
    _setup_worker()
    from lib.store import Store

    progress = PageProgress() if with_progress else None
    with (
        tempfile.TemporaryDirectory() as backups,
        Store.open(url, create=True, backup_dir=Path(backups)) as store,
    ):
        start = time.perf_counter()
        report = store.import_meetings(path, mode="append", who="bench", progress=progress)
        took = time.perf_counter() - start
    inside = progress.seconds if progress else 0.0
    _emit(seconds=took, added=report.added, calls=progress.calls if progress else 0, inside=inside)


def save_worker(url: str) -> None:
    """Time adding and updating one meeting, SAVES times each."""
    _setup_worker()
    from lib.store import Store

    record = {"date": "2019-04-02", "country": "Canada", "counterpart": "Ambassador"}
    adds, updates = [], []
    with (
        tempfile.TemporaryDirectory() as backups,
        Store.open(url, create=True, backup_dir=Path(backups)) as store,
    ):
        for number in range(SAVES):
            start = time.perf_counter()
            id = store.add({**record, "counterpart": f"Ambassador {number}"}, who="bench")
            adds.append(time.perf_counter() - start)
            revision = store.get(id).revision
            start = time.perf_counter()
            store.update(id, {"summary": f"Met {number}"}, "bench", expected_revision=revision)
            updates.append(time.perf_counter() - start)
    # The app's own part of a save: checking the meeting and making its database row.
    from lib.store.rows import _meeting_row, _validated_record

    checks = []
    for number in range(SAVES):
        start = time.perf_counter()
        _meeting_row(_validated_record({**record, "counterpart": f"A {number}"}), "now", 1)
        checks.append(time.perf_counter() - start)
    _emit(
        add_ms=1000 * statistics.median(adds),
        update_ms=1000 * statistics.median(updates),
        check_ms=1000 * statistics.median(checks),
    )


# ---------------------------------------------------------------- orchestration


@contextmanager
def databases():
    """SQLite, and a new PostgreSQL database when $OUTREACH_TEST_PG_URL is set: (name, url)."""
    folder = tempfile.TemporaryDirectory()
    found = [("SQLite", lambda: f"sqlite:///{folder.name}/{secrets.token_hex(4)}.sqlite3")]
    admin = None
    if os.environ.get(PG_VARIABLE):
        import sqlalchemy as sa

        admin = sa.create_engine(
            os.environ[PG_VARIABLE].replace("postgresql://", "postgresql+psycopg://", 1),
            isolation_level="AUTOCOMMIT",
        )
        made: list[str] = []

        def server_database() -> str:
            name = f"outreach_bench_{secrets.token_hex(4)}"
            with admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
            made.append(name)
            return admin.url.set(database=name).render_as_string(hide_password=False)

        found.append(("PostgreSQL", server_database))
    try:
        yield found
    finally:
        folder.cleanup()
        if admin is not None:
            for name in made:
                _drop(admin, name)
            admin.dispose()


def _drop(admin, name: str) -> None:
    """Drop a bench database, waiting for the server's own workers (autovacuum) to leave it."""
    for _ in range(60):
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            return
        except Exception:  # still in use: autovacuum runs after a large import
            time.sleep(1)
    print(f"  could not drop the bench database {name}; drop it by hand", flush=True)


def _worker(arguments: list[str], timeout: float) -> dict:
    records, timed_out, _ = run_worker(["--worker", *arguments], timeout, Path(__file__))
    records.pop("page_results", None)
    return {"failed": "timed out"} if timed_out else records


def measure(xlsx_sizes: list[int], repeats: int, seed: int, timeout: float) -> dict:
    """Every measurement of this file, as one dict."""
    results: dict = {"xlsx": [], "import": [], "save": []}
    for rows in xlsx_sizes:
        path = data_file(rows, seed)  # a file of that size: the peak memory is its own
        for writer in WRITERS:
            if rows > 100_000 and writer not in ("rustpy-xlsxwriter", "lib.export.xlsx_bytes"):
                continue  # the slow writers take minutes there: measured up to 100,000
            found = _worker(["xlsx", writer, "--file", str(path), "--rows", str(rows)], timeout)
            print(f"  xlsx {rows:,} {writer}: {found}", flush=True)
            results["xlsx"].append({"rows": rows, "writer": writer, **found})
    importing = data_file(IMPORT_ROWS, seed)
    with databases() as found:
        for name, new_url in found:
            for repeat in range(repeats):
                # Alternate which goes first, so a slow moment hurts both alike.
                order = (False, True) if repeat % 2 == 0 else (True, False)
                for with_progress in order:
                    arguments = ["import", "--file", str(importing), "--url", new_url()]
                    arguments += ["--progress"] if with_progress else []
                    record = _worker(arguments, timeout)
                    print(f"  import {name} progress={with_progress}: {record}", flush=True)
                    results["import"].append(
                        {"database": name, "progress": with_progress, **record}
                    )
            record = _worker(["save", "--url", new_url()], timeout)
            print(f"  save {name}: {record}", flush=True)
            results["save"].append({"database": name, **record})
    return results


# ---------------------------------------------------------------- the report


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def xlsx_table(results: dict) -> str:
    sizes = sorted({record["rows"] for record in results["xlsx"]})
    lines = [
        "| Writer | " + " | ".join(f"{size:,} meetings" for size in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]
    for writer in WRITERS:
        cells = []
        for size in sizes:
            found = [r for r in results["xlsx"] if r["writer"] == writer and r["rows"] == size]
            if not found:
                cells.append("—")
            elif "seconds" not in found[0]:
                cells.append(found[0].get("failed", "failed"))
            else:
                record = found[0]
                target = XLSX_TARGET_S.get(size) if writer == "lib.export.xlsx_bytes" else None
                mark = "" if target is None else (" ✅" if record["seconds"] <= target else " ❌")
                cells.append(
                    f"{record['seconds']:.2f} s, {record['mb']:.1f} MB file, "
                    f"{record['peak_mb']:,.0f} MB peak{mark}"
                )
        lines.append(f"| {writer} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def import_table(results: dict) -> str:
    lines = [
        "| Database | Without progress | With progress (calls) | Difference "
        "| Inside the callback |",
        "|---|---|---|---|---|",
    ]
    for name in dict.fromkeys(record["database"] for record in results["import"]):
        runs = [r for r in results["import"] if r["database"] == name and "seconds" in r]
        plain = _median([r["seconds"] for r in runs if not r["progress"]])
        told = _median([r["seconds"] for r in runs if r["progress"]])
        calls = max((r["calls"] for r in runs if r["progress"]), default=0)
        inside = max((r.get("inside", 0.0) for r in runs if r["progress"]), default=0.0)
        if plain is None or told is None:
            lines.append(f"| {name} | — | — | — | — |")
            continue
        difference = (told - plain) / plain * 100
        lines.append(
            f"| {name} | {plain:.2f} s | {told:.2f} s ({calls}) | {difference:+.1f} % "
            f"| {1000 * inside:.2f} ms |"
        )
    return "\n".join(lines)


def save_table(results: dict) -> str:
    lines = [
        "| Database | Add one meeting | Update one meeting | Of which checking the meeting "
        "and making its row (target ≤ 10 ms) |",
        "|---|---|---|---|",
    ]
    for record in results["save"]:
        if "add_ms" in record:
            check = record["check_ms"]
            lines.append(
                f"| {record['database']} | {record['add_ms']:.1f} ms | "
                f"{record['update_ms']:.1f} ms | {check:.2f} ms {'✅' if check <= 10 else '❌'} |"
            )
    return "\n".join(lines)


def section(results: dict, meta: dict) -> str:
    """The Markdown section for docs/benchmarks.md, between its markers."""
    return f"""{START}
## Downloads, imports and saves

Written by `python bench/store_io.py` (each number from a new process; medians of
{meta["repeats"]} imports each way). **Code measured:** {meta["version"]}.
**Machine:** {meta["machine"]}

**XLSX of the first N meetings** (seed {meta["seed"]}): the writer's time on the same cells
(text, exact and due dates as date cells), the file's size, and the process's peak memory
(reading the file included). The last row is the whole download as the app builds it
(`lib.export.xlsx_bytes`: cells, checks and writer); target ≤ 10 s at 100,000. Above
100,000 meetings only the chosen writer is measured.

{xlsx_table(results)}

**Import of {IMPORT_ROWS:,} meetings** (append into a new database; file reading, checks and
writing), without and with a progress callback doing what a page does with each report.
On a shared machine two runs of the same import differ by more than the callback costs, so
the last column gives the time spent inside the callback itself, summed over the import:

{import_table(results)}

**One save** (median of {SAVES}; the store's whole work, validation included):

{save_table(results)}

{CHOICE}
{END}"""


CHOICE = """\
**Why rustpy-xlsxwriter.** Only it meets the 10-second target: at 100,000 meetings it
writes the workbook several times faster than XlsxWriter and openpyxl (whose figure above
is a lower bound: typed cells would cost it more). Against it: it is young (0.x, one
maintainer). What keeps that risk small: it is a thin binding over `rust_xlsxwriter` (0.100
in this wheel), a mature library by XlsxWriter's own author; it ships as binary wheels
(nothing to compile); it is pinned in `requirements.txt`; the app calls it in one place
(`lib.export.workbook_bytes`); and the round-trip tests in `tests/test_export.py` (typed
strings, dates, Korean, emoji, cells starting with `=`, `+`, `-`, `@`, text of a cell's full
length) tell at once whether a new version still writes what the app expects. Should it be
abandoned, XlsxWriter (well kept, pure Python) can write the same cells in the same place,
at the slower speed shown above.

**Above 100,000 meetings** (`lib.export.XLSX_WELL_HANDLED_MEETINGS`) the page warns and
offers the CSV first (`lib.export.xlsx_advice`): the workbook still builds, but the wait
grows past a few seconds (the last column above: about half a minute and some 3 GB of
memory for a million meetings, against a few seconds for their CSV), and spreadsheet
programs open, filter and sort sheets of that size slowly. Excel's hard limit is 1,048,575
meetings per sheet (`XLSX_MAX_MEETINGS`); above it the XLSX is refused with a message
pointing to the CSV."""


def write_section(text: str) -> None:
    """Put the section into docs/benchmarks.md in place of the old one (or at its end)."""
    report = REPORT.read_text() if REPORT.exists() else "# Benchmarks\n"
    if START in report and END in report:
        before, rest = report.split(START, 1)
        after = rest.split(END, 1)[1]
        report = before + text + after
    else:
        report = report.rstrip("\n") + "\n\n" + text + "\n"
    REPORT.write_text(report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--xlsx-sizes", default="10000,100000")
    parser.add_argument("--repeats", type=int, default=3, help="imports each way, per database")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900, help="seconds per worker")
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/")
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="rewrite the section from bench/out/store_io.json without measuring",
    )
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--progress", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, *rest = args.worker
        if kind == "xlsx":
            xlsx_worker(args.file, args.rows, rest[0])
        elif kind == "import":
            import_worker(args.file, args.url, args.progress)
        else:
            save_worker(args.url)
        return 0
    saved = OUT / "store_io.json"
    if args.report_only:
        stored = json.loads(saved.read_text())
        results, meta = stored["results"], stored["meta"]
    else:
        sizes = [int(size.replace("_", "")) for size in args.xlsx_sizes.split(",") if size]
        version = code_version()
        results = measure(sizes, args.repeats, args.seed, args.timeout)
        meta = {"seed": args.seed, "repeats": args.repeats, "version": version}
        meta["machine"] = machine()
        OUT.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    text = section(results, meta)
    print(text)
    if not args.no_write:
        write_section(text)
        print(f"\nWrote the section into {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
