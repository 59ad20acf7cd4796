"""Benchmark drafting meetings from news items (lib.news) and print a table.

    python -m bench.news                 # items of 500, 5,000 and 20,000 words
    python -m bench.news --words 5000 --repeat 7

An item of the wanted length is made by joining the paragraphs of the news corpus in
tests/fixtures/news/ (English and Korean) until it has that many words. "first" is the
first call in a fresh process (the country, programme and date tables are built then);
"median" is the median of the repeated calls after it. The target is a 5,000-word item
in 300 ms or less (issue 18).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "news"


def long_item(words: int) -> str:
    """Paragraphs of the corpus, joined until the item has `words` words."""
    paragraphs = []
    for path in sorted(CORPUS.glob("*/*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n")[2:] if p.strip()]
    chosen, count = [], 0
    while count < words:
        for paragraph in paragraphs:
            chosen.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "Outreach round-up\n\nApril 9, 2019\n\n" + "\n\n".join(chosen)


def measure(words: int, repeat: int) -> dict:
    """Time read_news on one item of `words` words in this process."""
    from lib.news import read_news

    text = long_item(words)
    start = time.perf_counter()
    reading = read_news(text, published=date(2019, 4, 9))
    first = time.perf_counter() - start
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_news(text, published=date(2019, 4, 9))
        times.append(time.perf_counter() - start)
    return {
        "words": len(text.split()),
        "drafts": len(reading.drafts),
        "notes": len(reading.unplaced),
        "first": first,
        "median": statistics.median(times),
    }


def main(argv: list[str] | None = None) -> int:
    """Measure each size in a fresh process and print the table."""
    parser = argparse.ArgumentParser(description="Benchmark lib.news")
    parser.add_argument("--words", default="500,5000,20000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one, args.repeat)))
        return 0
    print(
        f"lib.news on {platform.processor() or platform.machine()}, Python {sys.version.split()[0]}"
    )
    print(f"{'words':>7} {'drafts':>7} {'notes':>6} {'first call':>11} {'median':>9}  target")
    for words in (int(n) for n in args.words.split(",")):
        output = subprocess.run(
            [sys.executable, "-m", "bench.news", "--one", str(words), "--repeat", str(args.repeat)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        row = json.loads(output.strip().splitlines()[-1])
        target = ("≤ 300 ms: " + ("yes" if row["median"] <= 0.3 else "NO")) if words == 5000 else ""
        print(
            f"{row['words']:>7,} {row['drafts']:>7} {row['notes']:>6} "
            f"{row['first'] * 1000:>9.0f} ms {row['median'] * 1000:>6.0f} ms  {target}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
