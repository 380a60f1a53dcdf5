"""Publication dates for documents that carry none (rule `infer_published`).

A document whose cleaning found no publication date gets one inferred, first that applies:
1. `story`: the median publication date of the other documents of its story that carry their own;
2. `text_latest`: the latest day, with its year, that its text names ("on 12 February 2025"), or else
   its days named without a year ("February 24", the anniversary of a landmark) placed in the year
   that puts them nearest `reference` (the median publication date of the store's dated documents),
   the latest of them;
3. `ingest`: the day the document was ingested (a last resort: it says when we read it, not when it
   was written; its events are left out of relations unless `count_ingest_dated`).
The value goes to `documents.published` and the rule's name to `published_from`; the document is then
analysed again with that anchor, and its events dated by the document (no date in their sentence) get
the date precision `doc_story`, `doc_text` or `doc_ingest` instead of `doc`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from multipolar.records import INFERRED_FROM
from multipolar.stories.spans import nearest_day
from multipolar.timex import find_dates

__all__ = ["EVENT_PRECISION", "INFERRED_FROM", "Inferred", "infer_published", "text_date"]
EVENT_PRECISION = {"story": "doc_story", "text_latest": "doc_text", "ingest": "doc_ingest"}
_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_YEARLESS = re.compile(r"XXXX-(\d\d)-(\d\d)")


@dataclass(frozen=True, slots=True)
class Inferred:
    published: date
    published_from: str  # one of INFERRED_FROM


def text_date(text: str, *, reference: date | None, latest_allowed: date) -> date | None:
    """The latest day the text names (rule 2), not after `latest_allowed` (the ingest day)."""
    days, yearless = [], []
    for x in find_dates(text, None):
        if m := _DAY.fullmatch(x.value):
            try:
                days.append(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            except ValueError:
                continue
        elif m := _YEARLESS.fullmatch(x.value):
            yearless.append((int(m.group(1)), int(m.group(2))))
    found = [d for d in days if d <= latest_allowed]
    if not found and reference is not None:
        found = [d for d in (nearest_day(mo, dy, reference) for mo, dy in yearless) if d and d <= latest_allowed]
    return max(found) if found else None


def infer_published(
    text: str, *, story_dates: Sequence[date], reference: date | None, ingested: date
) -> Inferred:
    """Rule `infer_published` (module docstring) for one undated document."""
    if story_dates:
        ordered = sorted(story_dates)
        return Inferred(ordered[(len(ordered) - 1) // 2], "story")
    found = text_date(text, reference=reference, latest_allowed=ingested)
    if found is not None:
        return Inferred(found, "text_latest")
    return Inferred(ingested, "ingest")
