"""Main-text extraction and publication dates: trafilatura and htmldate alone, and our cleaner.

    .venv/bin/python benchmarks/bench_extraction.py [--eval ../shared/eval/extraction]

Also prints the clean stage's throughput on plain-text JSON lines (../shared/corpora/wh_briefings,
one process, JSON parsing included). Prints token precision/recall/F1 against `gold_text` (Scrapinghub article-extraction benchmark, dev
half) and the share of exact days against `gold_date` (htmldate's evaluation set, dev half), with the
time per page of each method.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from multipolar.clean.evaluate import read_jsonl, score_dates, score_extraction
from multipolar.clean.html import extract_html, page_date
from multipolar.errors import InputError

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
EVAL = SHARED / "eval" / "extraction"
CORPUS = SHARED / "corpora" / "wh_briefings.jsonl.gz"


def ours_text(record: dict) -> str:
    try:
        return extract_html(record["html"], url=record.get("url"), source_uri=record["id"]).text
    except InputError:
        return ""


def ours_date(record: dict) -> date | None:
    return page_date(record["html"], url=record.get("url"))


def trafilatura_text(record: dict, **options: bool) -> str:
    import trafilatura

    return trafilatura.extract(record["html"], url=record.get("url"), include_comments=False, **options) or ""


def htmldate_date(record: dict, **options: bool) -> date | None:
    from htmldate import find_date

    found = find_date(record["html"], url=record.get("url"), **options)
    return date.fromisoformat(found) if found else None


def plain_text_throughput(corpus: Path, limit: int) -> None:
    import gzip
    import json
    from itertools import islice

    from multipolar.clean.stage import Cleaner
    from multipolar.records import RawDocument
    from multipolar.settings import Settings

    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        lines = list(islice(handle, limit))
    cleaner = Cleaner(Settings())
    start = time.perf_counter()
    rejected = 0
    for number, line in enumerate(lines, 1):
        raw = RawDocument(
            source_uri=f"{corpus.name}:{number}",
            raw=line.encode(),
            raw_format="json",
            fields=json.loads(line),
        )
        try:
            cleaner.clean(raw)
        except InputError:
            rejected += 1
    elapsed = time.perf_counter() - start
    print(
        f"plain text  clean.v1 on {corpus.name:24s} {len(lines) / elapsed:.0f} docs/s (1 process)"
        f"  {elapsed / len(lines) * 1000:.2f} ms/doc  docs={len(lines)} rejected={rejected}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--docs", type=int, default=5000, help="JSON lines of the corpus to clean")
    args = parser.parse_args()
    plain_text_throughput(args.corpus, args.docs)
    pages = list(read_jsonl(args.eval / "scrapinghub_aeb_dev.jsonl.gz"))
    for name, extract in (
        ("trafilatura (default)", trafilatura_text),
        ("trafilatura (favor_precision)", lambda r: trafilatura_text(r, favor_precision=True)),
        ("multipolar clean", ours_text),
    ):
        start = time.perf_counter()
        score = score_extraction(pages, extract)
        per_page = (time.perf_counter() - start) / max(1, score.pages) * 1000
        print(
            f"extraction  {name:32s} P={score.precision:.4f} R={score.recall:.4f} F1={score.f1:.4f}"
            f"  pages={score.pages}  {per_page:.1f} ms/page"
        )
    dated = list(read_jsonl(args.eval / "htmldate_dev.jsonl.gz"))
    for name, find in (
        ("htmldate (default)", htmldate_date),
        ("htmldate (original_date)", lambda r: htmldate_date(r, original_date=True)),
        ("multipolar clean", ours_date),
    ):
        start = time.perf_counter()
        accuracy, count = score_dates(dated, find)
        per_page = (time.perf_counter() - start) / max(1, count) * 1000
        print(f"dates       {name:32s} exact day={accuracy:.4f}  pages={count}  {per_page:.1f} ms/page")


if __name__ == "__main__":
    main()
