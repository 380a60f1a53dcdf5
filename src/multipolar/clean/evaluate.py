"""Scores for the clean stage against third-party gold (used by the benchmark and the quality gate).

- extraction: token precision, recall and F1 of extracted main text against `gold_text`, per page,
  averaged over pages (tokens are lower-cased \\w+ runs compared as multisets);
- publication dates: the share of pages whose extracted day equals `gold_date` (a page whose gold
  is null counts as right when no date is found).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ExtractionScore:
    precision: float
    recall: float
    f1: float
    pages: int


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def token_scores(predicted: str, gold: str) -> tuple[float, float, float]:
    got = Counter(_TOKEN.findall(predicted.lower()))
    want = Counter(_TOKEN.findall(gold.lower()))
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_extraction(
    records: Iterable[dict[str, Any]], extract: Callable[[dict[str, Any]], str]
) -> ExtractionScore:
    totals = [0.0, 0.0, 0.0]
    pages = 0
    for record in records:
        scores = token_scores(extract(record), record["gold_text"])
        for k in range(3):
            totals[k] += scores[k]
        pages += 1
    if not pages:
        return ExtractionScore(0.0, 0.0, 0.0, 0)
    return ExtractionScore(*(round(t / pages, 4) for t in totals), pages=pages)


def score_dates(
    records: Iterable[dict[str, Any]], find: Callable[[dict[str, Any]], date | None]
) -> tuple[float, int]:
    hits = pages = 0
    for record in records:
        found = find(record)
        hits += (found.isoformat() if found is not None else None) == record["gold_date"]
        pages += 1
    return (round(hits / pages, 4) if pages else 0.0), pages
