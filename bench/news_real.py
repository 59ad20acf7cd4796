"""Score the news drafter on real, hand-labelled news items and print a table.

    python -m bench.news_real                      # ../shared/news/real_dev.json, if present
    python -m bench.news_real --items FILE.json --misses

The items file is a list of {id, lang, published, text, expected: [{iso3, lo, hi, pledge}],
forbidden: [iso3]}. Scoring, as the set's README gives it: precision and recall over
(item, country met); a country found has its date right when the drafted window covers at
least half of the labelled one and is no more than four times as long plus a month, and
its pledge right when "drafted with a follow-up" equals the label; countries drafted that
the item lists as forbidden are counted apart. Nothing here is copied into the project:
the texts are only read.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT.parent / "shared" / "news" / "real_dev.json"


@dataclass
class RealScore:
    """Counts over real items: countries, dates and pledges of the countries found."""

    items: int = 0
    expected: int = 0
    drafted: int = 0
    found: int = 0
    dates_right: int = 0
    pledges_right: int = 0
    forbidden: int = 0
    seconds: list[float] = field(default_factory=list)

    def add(self, other: RealScore) -> None:
        """Add another score's counts to this one."""
        for name in ("items", "expected", "drafted", "found", "dates_right", "pledges_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.forbidden += other.forbidden
        self.seconds += other.seconds

    @property
    def precision(self) -> float:
        return self.found / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def dates(self) -> float:
        return self.dates_right / self.found if self.found else 1.0

    @property
    def pledges(self) -> float:
        return self.pledges_right / self.found if self.found else 1.0

    def row(self, name: str) -> str:
        """One line of the table."""
        ms = statistics.median(self.seconds) * 1000 if self.seconds else 0.0
        return (
            f"| {name} | {self.items} | {self.expected} | {self.precision:.3f} | "
            f"{self.recall:.3f} | {self.f1:.3f} | {self.dates_right}/{self.found} "
            f"({self.dates:.0%}) | {self.pledges_right}/{self.found} ({self.pledges:.0%}) | "
            f"{self.forbidden} | {ms:.0f} |"
        )


HEADER = (
    "| part | items | met | precision | recall | F1 | dates right | pledges right | "
    "forbidden drafted | ms/item (median) |\n|---|---|---|---|---|---|---|---|---|---|"
)


def date_right(drafted, lo: date, hi: date) -> bool:
    """The README's rule: covers half the labelled window, at most 4× as long plus a month."""
    if drafted is None:
        return False
    labelled = (hi - lo).days + 1
    overlap = (min(hi, drafted.last) - max(lo, drafted.first)).days + 1
    return overlap * 2 >= labelled and drafted.days <= 4 * labelled + 31


def score_item(item: dict, misses: list[str] | None = None) -> RealScore:
    """Draft one item and score it against its labels."""
    from lib.news import read_news
    from lib.news.dates import window_of_cells

    published = date.fromisoformat(item["published"])
    start = time.perf_counter()
    reading = read_news(
        item["text"], published=published, source_title=item.get("source_title", "")
    )
    seconds = time.perf_counter() - start
    by_country: dict[str, list[dict[str, str]]] = {}
    from lib.countries import resolve_country

    for draft in reading.drafts:
        by_country.setdefault(resolve_country(draft["country"]).iso3, []).append(draft)
    expected = {row["iso3"]: row for row in item["expected"]}
    score = RealScore(items=1, expected=len(expected), drafted=len(by_country), seconds=[seconds])
    notes = []
    for iso3, row in expected.items():
        drafts = by_country.get(iso3)
        if not drafts:
            notes.append(f"missed {iso3}")
            continue
        score.found += 1
        lo, hi = date.fromisoformat(row["lo"]), date.fromisoformat(row["hi"])
        windows = [window_of_cells(d["date"], d["date_precision"]) for d in drafts]
        if any(date_right(window, lo, hi) for window in windows):
            score.dates_right += 1
        else:
            shown = ", ".join(f"{d['date']}/{d['date_precision']}" for d in drafts)
            notes.append(f"date {iso3}: drafted {shown}, labelled {lo}..{hi}")
        pledged = any(d["follow_up"].strip() for d in drafts)
        if pledged == bool(row["pledge"]):
            score.pledges_right += 1
        else:
            said = "; ".join(d["follow_up"] for d in drafts if d["follow_up"])
            notes.append(
                f"pledge {iso3}: drafted {pledged} ({said[:80]}), labelled {row['pledge']}"
            )
    for iso3 in by_country:
        if iso3 not in expected:
            forbidden = iso3 in item.get("forbidden", [])
            score.forbidden += forbidden
            notes.append(f"extra {iso3}" + (" (forbidden)" if forbidden else ""))
    if misses is not None and notes:
        misses.append(f"{item['id']} [{item['lang']}]: " + "; ".join(notes))
    return score


def score_items(items: list[dict], misses: list[str] | None = None) -> dict[str, RealScore]:
    """Scores of the whole set and of each language."""
    parts = {"all": RealScore(), "en": RealScore(), "ko": RealScore()}
    for item in items:
        one = score_item(item, misses)
        parts["all"].add(one)
        parts[item["lang"]].add(one)
    return parts


def main(argv: list[str] | None = None) -> int:
    """Print the table (and the misses per item with --misses)."""
    parser = argparse.ArgumentParser(description="Score lib.news on real labelled items")
    parser.add_argument("--items", type=Path, default=DEV_SET)
    parser.add_argument("--misses", action="store_true", help="list what went wrong per item")
    args = parser.parse_args(argv)
    if not args.items.exists():
        print(f"No labelled items at {args.items}: nothing to score.")
        return 0
    items = json.loads(args.items.read_text(encoding="utf-8"))
    misses: list[str] = []
    parts = score_items(items, misses)
    print(HEADER)
    for name, score in parts.items():
        print(score.row(name))
    print(f"\nKorean recall: {parts['ko'].recall:.3f}")
    if args.misses:
        print("\n" + "\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
