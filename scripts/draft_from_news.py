"""Draft meetings from a news item file and write them as a meetings file (format v1).

    python scripts/draft_from_news.py ITEM.txt --published 2019-04-09 --url https://… > drafts.csv
    python -m scripts.draft_from_news ITEM.html --title "SG Lee meets …" > drafts.csv

Reads .txt (UTF-8 or CP949), .html or .docx. The drafts go to standard output as a CSV the
Import page takes; mentions that could not be placed, and dates to check, go to standard
error. Without --published the date comes from the item's dateline.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

if __name__ == "__main__" and not __package__:
    # Run as a file: start again as a module of the project, so `lib` is importable.
    root = str(Path(__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = root + (os.pathsep + path if path else "")
    os.execv(sys.executable, [sys.executable, "-m", "scripts.draft_from_news", *sys.argv[1:]])

from lib import i18n  # noqa: E402
from lib.news import NewsFileError, drafts_csv_bytes, read_news, text_of_file  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Write the drafts of one news item to standard output; 0 when it could be read."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("item", type=Path, help="the news item: .txt, .html or .docx")
    parser.add_argument("--published", help="publication date, YYYY-MM-DD (default: dateline)")
    parser.add_argument("--url", default="", help="link to the news item")
    parser.add_argument("--title", default="", help="title of the news item")
    parser.add_argument("--language", default="en", choices=sorted(i18n.LANGUAGES))
    args = parser.parse_args(argv)
    i18n.use(args.language)
    try:
        text = text_of_file(args.item.name, args.item.read_bytes())
    except OSError as error:
        print(f"Could not read {args.item}: {error.strerror}.", file=sys.stderr)
        return 2
    except NewsFileError as error:
        print(str(error), file=sys.stderr)
        return 2
    published = None
    if args.published:
        try:
            published = date.fromisoformat(args.published)
        except ValueError:
            print(
                f"--published {args.published!r} is not a date: write it as YYYY-MM-DD.",
                file=sys.stderr,
            )
            return 2
    reading = read_news(text, published=published, source_url=args.url, source_title=args.title)
    if published is None and reading.published_guess is None:
        print(
            "No dateline found: the drafts count from today. Give --published YYYY-MM-DD.",
            file=sys.stderr,
        )
    data = drafts_csv_bytes(reading.drafts)
    if hasattr(sys.stdout, "buffer"):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(data.decode("utf-8"))
    for note in reading.unplaced:
        print(f"{note.reason}\n    “{note.sentence}”", file=sys.stderr)
    for row, (draft, fields) in enumerate(
        zip(reading.drafts, reading.evidence, strict=True), start=2
    ):
        unsure = [name for name, evidence in fields.items() if not evidence.sure]
        if unsure:  # row numbers as in the file written (its header is row 1)
            print(f"Row {row} ({draft['country']}): check {', '.join(unsure)}.", file=sys.stderr)
    print(
        f"{len(reading.drafts)} draft meeting(s), {len(reading.unplaced)} note(s).", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
