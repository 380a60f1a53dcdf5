"""Event de-duplication: one real-world event reported by several sentences or documents.

    deduplicate_events(events, outlets={doc_id: outlet}, stories={doc_id: story_id}) -> [CanonicalEvent]

Two events are the same when they have the same source, target and CAMEO root (or full code, with
`match="code"`) and either
- both dates have day precision and lie within `window_days` (default 1) of each other, or
- both belong to the same story (the event's own `story_id`, else the document's from `stories`).
Each canonical event is named after its earliest member (date, then document, sentence, event id) and
counts what GDELT calls NumMentions (`mentions`: events merged), NumArticles (`documents`: distinct
documents) and NumSources (`sources`: distinct outlets; a document with no known outlet counts as a
source of its own, since nothing says it shares an outlet with another).
Events are compared to the first member of a group only, so a run of daily calls does not chain into
one event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from multipolar.records import Event

STAGE = "dedup.v1"


@dataclass(frozen=True, slots=True)
class CanonicalEvent:
    """One real-world event and the coded events (sentences) that report it."""

    canonical_id: str  # the event_id of the earliest member
    event_ids: tuple[str, ...]  # members, earliest first
    source: str
    target: str | None
    cameo: str  # the canonical member's code
    root: str
    date: date | None
    mentions: int  # events merged (GDELT NumMentions)
    documents: int  # distinct doc_ids (GDELT NumArticles)
    sources: int  # distinct outlets (GDELT NumSources)
    story_id: str | None = None


def _order(event: Event) -> tuple:
    return (event.date is None, event.date or date.min, event.doc_id or "", event.sentence, event.event_id)


@dataclass
class _Cluster:
    anchor: Event
    story: str | None
    members: list[Event]


def _story_of(event: Event, stories: Mapping[str, str | None] | None) -> str | None:
    if event.story_id:
        return event.story_id
    if stories is not None and event.doc_id is not None:
        return stories.get(event.doc_id)
    return None


def _same(cluster: _Cluster, event: Event, story: str | None, window_days: int) -> bool:
    if story is not None and story == cluster.story:
        return True
    anchor = cluster.anchor
    return (
        anchor.date_precision == "day"
        and event.date_precision == "day"
        and anchor.date is not None
        and event.date is not None
        and abs((event.date - anchor.date).days) <= window_days
    )


def deduplicate_events(
    events: Sequence[Event],
    *,
    outlets: Mapping[str, str | None],
    stories: Mapping[str, str | None] | None = None,
    match: str = "root",
    window_days: int = 1,
) -> list[CanonicalEvent]:
    """Merge events that report the same real-world event; every input event is in exactly one result."""
    if match not in {"root", "code"}:
        raise ValueError(f"match must be 'root' or 'code', got {match!r}")
    buckets: dict[tuple[str, str | None, str], list[Event]] = defaultdict(list)
    for event in events:
        buckets[(event.source, event.target, event.root if match == "root" else event.cameo)].append(event)
    canonical: list[CanonicalEvent] = []
    for members in buckets.values():
        clusters: list[_Cluster] = []
        by_story: dict[str, _Cluster] = {}
        recent: list[_Cluster] = []  # clusters with a day-precision anchor near the current date
        for event in sorted(members, key=_order):
            story = _story_of(event, stories)
            if event.date is not None:
                recent = [c for c in recent if (event.date - c.anchor.date).days <= window_days]
            found = by_story.get(story) if story is not None else None
            if found is None:
                found = next((c for c in recent if _same(c, event, story, window_days)), None)
            if found is None:
                found = _Cluster(anchor=event, story=story, members=[])
                clusters.append(found)
                if event.date_precision == "day" and event.date is not None:
                    recent.append(found)
            found.members.append(event)
            if story is not None and found.story is None:
                found.story = story
            if found.story is not None:
                by_story.setdefault(found.story, found)
        canonical.extend(_canonical(cluster, outlets) for cluster in clusters)
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
    )


def canonical_ids_by_event(canonical: Sequence[CanonicalEvent]) -> dict[str, str]:
    """event_id -> canonical_id, for writing `events.canonical_id`."""
    return {event_id: c.canonical_id for c in canonical for event_id in c.event_ids}
