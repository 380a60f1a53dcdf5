"""Event de-duplication: one real-world act reported by several sentences or documents.

    deduplicate_events(events, outlets={doc_id: outlet}, stories={doc_id: story_id}) -> [CanonicalEvent]

Rule `same_act` (two mentions report one act) — all of:
- the same source and target country codes and the same CAMEO root (or full code, `match="code"`);
- both are dated, and their dates agree at the precision both have. Each mention's date is an
  interval of days: a "day" date is that day; a "doc" date (the sentence names no date, so the event
  took the document's publication day) is that day or the `doc_lag_days` (default 1) days before it,
  since a report follows its act (so too "doc_story" and "doc_text", a publication date inferred from
  the document's story or text; "doc_ingest", the day it was read, dates nothing and is never merged);
  a "month" date is its month. Two mentions agree when their
  intervals overlap **and** their dates fall in the same calendar month (a canonical group never
  mixes months, so no act is counted in a month it was not dated in). Two day dates therefore agree
  only on the same day, whatever story the documents are in. A "year" date ("his third meeting with
  Putin this year") names no month, so it agrees only with another year date of the same year;
- an undated mention is never merged;
- two mentions in one document merge only when at least one names its day: a readout that lists
  several commitments or praises of one kind, none dated, is as likely to report several acts as one.

Who anchors a group. Mentions are taken finest first (day, doc, month, year; then by date), and a
group is named after its first, finest member (its anchor): a background mention ("Xi visited Russia
in March 2023", "twice since February 2022") never absorbs a dated act, it can only join one. A
mention is compared with each group's anchor only (a run of daily calls does not chain into one
event); when it agrees with several groups, the groups of its own story are preferred, and when
that still leaves more than one it stays on its own rather than guessing.

Counts follow GDELT: `mentions` (NumMentions: events merged), `documents` (NumArticles: distinct
documents) and `sources` (NumSources: distinct outlets; a document with no known outlet counts as a
source of its own, since nothing says it shares an outlet with another).
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from multipolar.records import Event

STAGE = "dedup.v2"
PRECISION_RANK = {"day": 0, "doc": 1, "doc_story": 1, "doc_text": 1, "month": 2, "year": 3}


@dataclass(frozen=True, slots=True)
class CanonicalEvent:
    """One real-world event and the coded events (sentences) that report it."""

    canonical_id: str  # the event_id of the anchor (the finest, earliest member)
    event_ids: tuple[str, ...]  # members, anchor first
    source: str
    target: str | None
    cameo: str  # the anchor's code
    root: str
    date: date | None
    mentions: int  # events merged (GDELT NumMentions)
    documents: int  # distinct doc_ids (GDELT NumArticles)
    sources: int  # distinct outlets (GDELT NumSources)
    story_id: str | None = None
    date_precision: str | None = None


def date_interval(event: Event, *, doc_lag_days: int = 1) -> tuple[date, date] | None:
    """The days the event's date allows (first, last), or None when it has no usable date."""
    day, precision = event.date, event.date_precision
    if day is None or precision not in PRECISION_RANK:
        return None
    if precision == "day":
        return day, day
    if precision in ("doc", "doc_story", "doc_text"):
        return day - timedelta(days=doc_lag_days), day
    if precision == "month":
        first = day.replace(day=1)
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return date(day.year, 1, 1), date(day.year, 12, 31)


def same_act_dates(a: Event, b: Event, *, doc_lag_days: int = 1) -> bool:
    """Whether the two mentions' dates agree at the precision both have (module docstring)."""
    ia, ib = date_interval(a, doc_lag_days=doc_lag_days), date_interval(b, doc_lag_days=doc_lag_days)
    if ia is None or ib is None or a.date is None or b.date is None:
        return False
    if ia[0] > ib[1] or ib[0] > ia[1]:
        return False
    if "year" in (a.date_precision, b.date_precision):
        return a.date_precision == b.date_precision and a.date.year == b.date.year
    return (a.date.year, a.date.month) == (b.date.year, b.date.month)


def same_act(a: Event, b: Event, *, doc_lag_days: int = 1) -> bool:
    """Rule `same_act` (module docstring), given that a and b share source, target and code."""
    if a.doc_id is not None and a.doc_id == b.doc_id and "day" not in (a.date_precision, b.date_precision):
        return False
    return same_act_dates(a, b, doc_lag_days=doc_lag_days)


def _order(event: Event) -> tuple:
    return (
        PRECISION_RANK.get(event.date_precision or "", 9) if event.date is not None else 9,
        event.date or date.min, event.doc_id or "", event.sentence, event.event_id,
    )


@dataclass
class _Cluster:
    anchor: Event
    story: str | None
    members: list[Event] = field(default_factory=list)


def _story_of(event: Event, stories: Mapping[str, str | None] | None) -> str | None:
    if event.story_id:
        return event.story_id
    if stories is not None and event.doc_id is not None:
        return stories.get(event.doc_id)
    return None


def _choose(candidates: list[_Cluster], story: str | None) -> _Cluster | None:
    if len(candidates) == 1:
        return candidates[0]
    if story is not None:
        own = [c for c in candidates if c.story == story]
        if len(own) == 1:
            return own[0]
    return None


def _group(members: Sequence[Event], stories: Mapping[str, str | None] | None, doc_lag_days: int) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_year: dict[int, list[_Cluster]] = defaultdict(list)  # clusters whose anchor is dated in that year
    for event in sorted(members, key=_order):
        story = _story_of(event, stories)
        found = None
        if date_interval(event, doc_lag_days=doc_lag_days) is not None and event.date is not None:
            candidates = [c for c in by_year[event.date.year]
                          if same_act(c.anchor, event, doc_lag_days=doc_lag_days)]
            found = _choose(candidates, story)
        if found is None:
            found = _Cluster(anchor=event, story=story)
            clusters.append(found)
            if event.date is not None and event.date_precision in PRECISION_RANK:
                by_year[event.date.year].append(found)
        found.members.append(event)
    return clusters


def deduplicate_events(
    events: Sequence[Event],
    *,
    outlets: Mapping[str, str | None],
    stories: Mapping[str, str | None] | None = None,
    match: str = "root",
    doc_lag_days: int = 1,
) -> list[CanonicalEvent]:
    """Merge mentions of one act (rule `same_act` above); every input event is in exactly one result."""
    if match not in {"root", "code"}:
        raise ValueError(f"match must be 'root' or 'code', got {match!r}")
    buckets: dict[tuple[str, str | None, str], list[Event]] = defaultdict(list)
    for event in events:
        buckets[(event.source, event.target, event.root if match == "root" else event.cameo)].append(event)
    canonical: list[CanonicalEvent] = []
    for members in buckets.values():
        canonical.extend(_canonical(c, outlets) for c in _group(members, stories, doc_lag_days))
    return sorted(canonical, key=lambda c: (c.date is None, c.date or date.min, c.canonical_id))


def _canonical(cluster: _Cluster, outlets: Mapping[str, str | None]) -> CanonicalEvent:
    anchor = cluster.anchor
    doc_ids = {e.doc_id for e in cluster.members if e.doc_id is not None}
    sources = {outlets.get(d) or f"doc:{d}" for d in doc_ids}
    return CanonicalEvent(
        canonical_id=anchor.event_id,
        event_ids=tuple(e.event_id for e in cluster.members),
        source=anchor.source,
        target=anchor.target,
        cameo=anchor.cameo,
        root=anchor.root,
        date=anchor.date,
        mentions=len(cluster.members),
        documents=len(doc_ids),
        sources=len(sources),
        story_id=cluster.story,
        date_precision=anchor.date_precision,
    )


def canonical_ids_by_event(canonical: Sequence[CanonicalEvent]) -> dict[str, str]:
    """event_id -> canonical_id, for writing `events.canonical_id`."""
    return {event_id: c.canonical_id for c in canonical for event_id in c.event_ids}
