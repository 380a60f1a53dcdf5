"""The latest state of a triangle a reader can rely on, what changed since the state before it, and the
events behind every edge of every period.

Rule `latest_with_evidence`: the headline period is the latest period whose configuration is
determinate (every edge signed + or − by the evidence rule of `relations.triangle`); the comparison
is with the determinate period before it. Periods with insufficient evidence or a 0 edge are skipped,
never filled in from another period.

Rule `drivers`: the events that drove a change on an edge are that edge's events in the new period,
ranked by how far each pulled toward the new sign from the previous period's estimate,
w·(g − previous estimate)·direction; when no edge changed sign, the events with the largest w·|g|.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from multipolar.relations.periods import period_end
from multipolar.relations.triangle import SIGN_TEXT, Triangle, TrianglePeriod, edge_key
from multipolar.settings import Settings
from multipolar.store import aggregates
from multipolar.store.aggregates import EdgeEventRow, EventFilter


@dataclass(frozen=True, slots=True)
class EdgeChange:
    key: str
    before: int | None
    after: int | None

    def text(self) -> str:
        return f"{self.key} {SIGN_TEXT[self.before]} → {SIGN_TEXT[self.after]}"


@dataclass(frozen=True, slots=True)
class Headline:
    latest: TrianglePeriod | None  # the latest determinate period
    previous: TrianglePeriod | None  # the determinate period before it
    last_with_data: TrianglePeriod | None  # the latest period with any event (may be thinner than `latest`)
    changes: tuple[EdgeChange, ...]
    drivers: tuple[EdgeEventRow, ...]


def latest_with_evidence(tri: Triangle) -> tuple[TrianglePeriod | None, TrianglePeriod | None]:
    """(latest determinate period, the determinate period before it)."""
    determinate = [p for p in tri.periods if p.determinate]
    latest = determinate[-1] if determinate else None
    previous = determinate[-2] if len(determinate) > 1 else None
    return latest, previous


def edge_changes(latest: TrianglePeriod, previous: TrianglePeriod | None) -> tuple[EdgeChange, ...]:
    if previous is None:
        return ()
    return tuple(EdgeChange(e.key, old.sign, e.sign)
                 for e, old in zip(latest.edges, previous.edges, strict=True) if e.sign != old.sign)


def rank_drivers(
    tri: Triangle, latest: TrianglePeriod, previous: TrianglePeriod | None, events: Sequence[EdgeEventRow],
    changes: Sequence[EdgeChange], *, limit: int,
) -> tuple[EdgeEventRow, ...]:
    """Pure: rule `drivers` over the latest period's events (actor indexes into `tri.actors`)."""
    key_of = {(i, j): edge_key(tri.actors[i], tri.actors[j]) for i in range(3) for j in range(i + 1, 3)}
    changed = {c.key: c for c in changes}
    before = {e.key: (e.estimate or 0.0) for e in previous.edges} if previous else {}
    scored: list[tuple[float, EdgeEventRow]] = []
    for row in events:
        key = key_of[(row.i, row.j)]
        if row.start != latest.start:
            continue
        if changed:
            if key not in changed:
                continue
            c = changed[key]
            direction = 1 if (c.after or 0) > (c.before or 0) else -1
            scored.append((row.weight * (row.goldstein - before.get(key, 0.0)) * direction, row))
        else:
            scored.append((row.weight * abs(row.goldstein), row))
    scored.sort(key=lambda x: (-x[0], x[1].date, x[1].event_id))
    return tuple(r for _, r in scored[:limit])


def headline_of(con: Any, tri: Triangle, *, settings: Settings, start: date | None = None,
                end: date | None = None) -> Headline:
    """The headline state of `tri` (computed from `con` with the same filter) and its drivers."""
    latest, previous = latest_with_evidence(tri)
    with_data = [p for p in tri.periods if any(e.documents for e in p.edges)]
    last_with_data = with_data[-1] if with_data else None
    if latest is None:
        return Headline(None, None, last_with_data, (), ())
    changes = edge_changes(latest, previous)
    lo = max(latest.start, start) if start else latest.start
    hi = min(period_end(latest.start, tri.freq), end) if end else period_end(latest.start, tri.freq)
    flt = EventFilter.from_settings(settings, start=lo, end=hi)
    events = aggregates.triangle_events(con, tri.actors, freq=tri.freq, flt=flt)
    drivers = rank_drivers(tri, latest, previous, events, changes, limit=settings.report_top_events)
    return Headline(latest, previous, last_with_data, changes, drivers)


def evidence_by_edge(
    con: Any, tri: Triangle, *, settings: Settings, start: date | None = None, end: date | None = None,
) -> dict[tuple[str, str], list[EdgeEventRow]]:
    """(period label, edge key) -> the edge-period's strongest events (at most `report_top_events`),
    over the same filter as the triangle."""
    flt = EventFilter.from_settings(settings, start=start, end=end)
    rows = aggregates.triangle_events(con, tri.actors, freq=tri.freq, flt=flt, per_edge=settings.report_top_events)
    labels = {p.start: p.period for p in tri.periods}
    out: dict[tuple[str, str], list[EdgeEventRow]] = defaultdict(list)
    for r in rows:
        key = edge_key(tri.actors[r.i], tri.actors[r.j])
        out[(labels.get(r.start, str(r.start)), key)].append(r)
    return out
