"""Main-text extraction and publication dates: trafilatura and htmldate alone, and our cleaner.

    .venv/bin/python benchmarks/bench_extraction.py [--eval ../shared/eval/extraction]

Also prints the clean stage's throughput on plain-text JSON lines (../shared/corpora/wh_briefings,
one process, JSON parsing included). Prints token precision/recall/F1 against `gold_text` (Scrapinghub article-extraction benchmark, dev
half) and the share of exact days against `gold_date` (htmldate's evaluation set, dev half), with the
processor time per page of each method: every method first runs untimed on five pages, then the methods
take each page in turn, the first turn rotating from page to page (trafilatura's and htmldate's caches
of the page's strings emptied before each, untimed), so the ratio of their times holds on a shared machine.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

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
    seconds = compare("extraction", pages, {
        "trafilatura (default)": trafilatura_text,
        "trafilatura (favor_precision)": lambda r: trafilatura_text(r, favor_precision=True),
        "multipolar clean": ours_text,
    }, lambda answer: score_extraction(pages, answer), lambda s: (
        f"P={s.precision:.4f} R={s.recall:.4f} F1={s.f1:.4f}  pages={s.pages}", s.pages))
    print(f"extraction  speed of multipolar clean against trafilatura (default): "
          f"{seconds['trafilatura (default)'] / seconds['multipolar clean']:.2f}x (target >= 0.9x)")
    dated = list(read_jsonl(args.eval / "htmldate_dev.jsonl.gz"))
    compare("dates", dated, {
        "htmldate (default)": htmldate_date,
        "htmldate (original_date)": lambda r: htmldate_date(r, original_date=True),
        "multipolar clean": ours_date,
    }, lambda answer: score_dates(dated, answer), lambda s: (f"exact day={s[0]:.4f}  pages={s[1]}", s[1]))


def compare(kind: str, records: list[dict], methods: dict[str, Callable[[dict], Any]],
            score: Callable[[Callable[[dict], Any]], Any], show: Callable[[Any], tuple[str, int]]) -> dict[str, float]:
    """Runs the methods interleaved (`interleaved`), scores each one's answers and prints a line per
    method with its processor time per page; returns each method's seconds."""
    answers, seconds = interleaved(records, methods)
    for name in methods:
        found = iter(answers[name])
        line, pages = show(score(lambda _record, found=found: next(found)))
        print(f"{kind:11s} {name:32s} {line}  {seconds[name] / max(1, pages) * 1000:.1f} ms/page")
    return seconds

def forget_text_caches() -> None:
    """Empty trafilatura's caches of text lines and htmldate's of date strings (untimed): the method that
    takes a page after another would otherwise find that page's lines cached, which no page met once in a
    real run enjoys."""
    from htmldate import extractors, validators
    from trafilatura import utils

    utils.line_processing.cache_clear()
    utils.trim.cache_clear()
    extractors.try_date_expr.cache_clear()
    validators.reset_validator_caches()


def interleaved(records: list[dict], methods: dict[str, Callable[[dict], Any]], warm: int = 5
                ) -> tuple[dict[str, list[Any]], dict[str, float]]:
    """Each method's answer for each record and its processor seconds in all. Every method first runs
    untimed on `warm` records (imports, caches), then the methods take each record in turn, so a change
    of load on a shared machine falls on all of them alike and their ratio holds within one run."""
    for record in records[:warm]:
        for method in methods.values():
            method(record)
    answers: dict[str, list[Any]] = {name: [] for name in methods}
    seconds = dict.fromkeys(methods, 0.0)
    order = list(methods.items())
    for number, record in enumerate(records):
        turn = number % len(order)  # each method takes the first turn on a page as often as the others
        for name, method in order[turn:] + order[:turn]:
            forget_text_caches()
            start = time.process_time()
            answers[name].append(method(record))
            seconds[name] += time.process_time() - start
    return answers, seconds

if __name__ == "__main__":
    main()
