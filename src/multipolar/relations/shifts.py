"""Shifts: change points in dyad series and changes of a triangle's configuration (methods.md §5).

Dyads. The signal is the undirected dyad's mean Goldstein per period, over the periods that have
events (an empty month is missing data, not a zero). Change points come from PELT (Killick et al.
2012; `ruptures.Pelt`, model "l2", min_size 3, jump 1) with the penalty

    penalty = beta · σ̂² · ln(n),   σ̂ = MAD(first differences) / (0.6745 · √2),

a BIC-type penalty scaled by a noise estimate that a level shift does not inflate; beta is
`settings.shift_penalty` (5 by default: on 60 seeded white-noise series of 48 periods it found no
false break, and it finds a 5-point level shift at the right period every time), and σ̂² is
floored at 0.01 so a noise-free series does not get a zero penalty. A shift's `size` is the mean of
the new segment minus the mean of the previous one; `direction` is "cooperation" (up) or "conflict".

Triangles. A shift is a period whose determinate configuration (every edge signed +/−) differs from
the last determinate one before it; periods with insufficient evidence or a 0 edge are skipped, never
filled in. The edges whose sign changed are listed, `size` is the change of the balance index.

Edges (the watcher's alert rule `edge_sign` is the same test). A shift of one triangle edge is a period whose
sign (+, 0 or −, each resting on that period's documents alone: `relations.triangle`, rule `edge_sign`)
differs from the edge's sign in the last period before it that had one; periods that read "insufficient
evidence" or have no events are skipped, never filled in, and `previous` names the period compared with.
`size` is the change of the edge's estimate. A month whose three edges are not all signed has no
configuration, but an edge signed in it still says how that pair moved.

Drivers. The events of the shift's first new period that moved the score most: ranked by
w·(g − before)·direction, i.e. the events that pulled the score furthest toward the new level, each
with its sentence and document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import numpy as np

from multipolar.relations.dyads import DyadSeries
from multipolar.relations.periods import period_end
from multipolar.relations.triangle import SIGN_TEXT, EdgePeriod, Triangle
from multipolar.settings import Settings
from multipolar.store import aggregates
from multipolar.store.aggregates import EventFilter, EventRow


@dataclass(frozen=True, slots=True)
class DrivingEvent:
    event_id: str
    date: date
    source_actor: str
    target_actor: str
    cameo: str
    goldstein: float
    pull: float  # w·(g − before): how far this event pulled the period's score from the old level
    text: str | None
    doc_id: str | None
    url: str | None
    title: str | None
    outlet: str | None
    source_uri: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "date": self.date.isoformat(), "source_actor": self.source_actor,
            "target_actor": self.target_actor, "cameo": self.cameo, "goldstein": self.goldstein,
            "pull": round(self.pull, 4), "text": self.text, "doc_id": self.doc_id, "url": self.url,
            "title": self.title, "outlet": self.outlet, "source_uri": self.source_uri,
        }


@dataclass(frozen=True, slots=True)
class Shift:
    kind: str  # "dyad" | "edge" | "triangle"
    subject: str  # edge key "CHN-RUS", or the triangle's sorted codes "CHN-RUS-USA"
    period: str  # the first period of the new regime
    start: date
    measure: str  # "goldstein_mean" | "sign" (edges) | "configuration"
    before: float | None
    after: float | None
    size: float | None
    direction: str  # "cooperation" | "conflict" for dyads and edges; "stable_marriage -> unit_veto" for triangles
    from_configuration: str | None = None
    to_configuration: str | None = None
    flipped_edges: tuple[str, ...] = ()  # "CHN-USA + -> -"
    drivers: tuple[DrivingEvent, ...] = ()
    previous: str | None = None  # triangle and edge shifts: the period of the state compared with

    @property
    def change(self) -> str:
        """What changed: an edge's signs ("+ -> -", its `flipped_edges` entry less the key), a triangle's
        configurations, a dyad's direction."""
        return self.flipped_edges[0][len(self.subject) + 1:] if self.kind == "edge" else self.direction

    def to_json(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "kind": self.kind, "subject": self.subject, "period": self.period, "date": self.start.isoformat(),
            "measure": self.measure, "before": r(self.before), "after": r(self.after), "size": r(self.size),
            "direction": self.direction, "from_configuration": self.from_configuration,
            "to_configuration": self.to_configuration, "flipped_edges": list(self.flipped_edges),
            "previous": self.previous, "drivers": [d.to_json() for d in self.drivers],
        }


def change_points(values: Sequence[float], *, penalty_factor: float = 5.0, min_size: int = 3) -> list[int]:
    """Indexes where a new segment starts (PELT, l2 cost, penalty of the module docstring)."""
    import ruptures  # imported here: only shift detection needs it

    x = np.asarray(values, dtype=float)
    n = len(x)
    if n < 2 * min_size:
        return []
    diffs = np.diff(x)
    mad = float(np.median(np.abs(diffs - np.median(diffs))))
    sigma2 = max((mad / (0.6745 * np.sqrt(2.0))) ** 2, 0.01)
    penalty = penalty_factor * sigma2 * np.log(n)
    bkps = ruptures.Pelt(model="l2", min_size=min_size, jump=1).fit(x.reshape(-1, 1)).predict(pen=penalty)
    return [int(b) for b in bkps if 0 < b < n]


def detect_dyad_shifts(series: DyadSeries, *, settings: Settings) -> list[Shift]:
    """Pure: the change points of the undirected dyad's mean Goldstein (no drivers yet)."""
    points = [p for p in series.undirected if p.events and p.goldstein_mean is not None]
    values = [p.goldstein_mean or 0.0 for p in points]
    cps = change_points(values, penalty_factor=settings.shift_penalty)
    bounds = [0, *cps, len(values)]
    out = []
    for k, cp in enumerate(cps):
        before = float(np.mean(values[bounds[k]:cp]))
        after = float(np.mean(values[cp:bounds[k + 2]]))
        size = after - before
        out.append(
            Shift(kind="dyad", subject=series.key, period=points[cp].period, start=points[cp].start,
                  measure="goldstein_mean", before=before, after=after, size=size,
                  direction="cooperation" if size > 0 else "conflict")
        )
    return out


def detect_triangle_shifts(tri: Triangle) -> list[Shift]:
    """Pure: each change of the determinate configuration, with the edges that flipped."""
    out: list[Shift] = []
    last = None
    subject = "-".join(sorted(tri.actors))
    for p in tri.periods:
        if not p.determinate:
            continue
        if last is not None and p.configuration != last.configuration:
            flipped = tuple(
                f"{e.key} {SIGN_TEXT[old.sign]} -> {SIGN_TEXT[e.sign]}"
                for e, old in zip(p.edges, last.edges, strict=True)
                if e.sign != old.sign
            )
            size = None
            if p.balance_index is not None and last.balance_index is not None:
                size = p.balance_index - last.balance_index
            out.append(
                Shift(kind="triangle", subject=subject, period=p.period, start=p.start, measure="configuration",
                      before=last.balance_index, after=p.balance_index, size=size,
                      direction=f"{last.configuration} -> {p.configuration}",
                      from_configuration=last.configuration, to_configuration=p.configuration,
                      flipped_edges=flipped, previous=last.period)
            )
        last = p
    return out


def detect_edge_shifts(tri: Triangle) -> list[Shift]:
    """Pure: each change of an edge's sign from its last signed period (rule `edge_sign`), in period
    order, edges in key order within a period."""
    out: list[Shift] = []
    keys = [e.key for e in tri.periods[0].edges] if tri.periods else []
    last: dict[str, tuple[str, EdgePeriod]] = {}
    for p in tri.periods:
        for key, e in zip(keys, p.edges, strict=True):
            if not e.documents or e.sign is None:
                continue
            if key in last and e.sign != last[key][1].sign:
                period, old = last[key]
                size = (e.estimate or 0.0) - (old.estimate or 0.0)
                out.append(Shift(
                    kind="edge", subject=key, period=p.period, start=p.start, measure="sign", before=old.estimate,
                    after=e.estimate, size=size, direction="cooperation" if e.sign > (old.sign or 0) else "conflict",
                    flipped_edges=(f"{key} {SIGN_TEXT[old.sign]} -> {SIGN_TEXT[e.sign]}",), previous=period,
                ))
            last[key] = (p.period, e)
    return out


def _driver(row: EventRow, before: float) -> DrivingEvent:
    return DrivingEvent(
        event_id=row.event_id, date=row.date, source_actor=row.source_actor, target_actor=row.target_actor,
        cameo=row.cameo, goldstein=row.goldstein, pull=row.weight * (row.goldstein - before), text=row.text,
        doc_id=row.doc_id, url=row.url, title=row.title, outlet=row.outlet, source_uri=row.source_uri,
    )


def drivers_for(
    con: Any, a: str, b: str, *, start: date, freq: str, before: float, direction: int, settings: Settings
) -> tuple[DrivingEvent, ...]:
    """The events of the period beginning `start` on edge a–b that pulled its score most in `direction`."""
    flt = EventFilter.from_settings(settings, start=start, end=period_end(start, freq))
    rows = aggregates.dyad_events(con, a, b, flt=flt, reference=before, direction=direction,
                                  limit=settings.report_top_events)
    return tuple(_driver(r, before) for r in rows)


def dyad_shifts(
    con: Any, a: str, b: str, *, settings: Settings, freq: str = "month", series: DyadSeries | None = None
) -> list[Shift]:
    """Change points of the dyad a–b with their driving events."""
    from multipolar.relations.dyads import dyad_series

    s = series or dyad_series(con, a, b, settings=settings, freq=freq)
    out = []
    for shift in detect_dyad_shifts(s, settings=settings):
        direction = 1 if (shift.size or 0) > 0 else -1
        drivers = drivers_for(con, s.a, s.b, start=shift.start, freq=s.freq, before=shift.before or 0.0,
                              direction=direction, settings=settings)
        out.append(replace(shift, drivers=drivers))
    return out


def edge_shifts(con: Any, tri: Triangle, *, settings: Settings) -> list[Shift]:
    """Sign changes of the triangle's edges with the events that moved each edge to its new side."""
    out = []
    for shift in detect_edge_shifts(tri):
        a, b = shift.subject.split("-")
        direction = 1 if shift.direction == "cooperation" else -1
        drivers = drivers_for(con, a, b, start=shift.start, freq=tri.freq, before=shift.before or 0.0,
                              direction=direction, settings=settings)
        out.append(replace(shift, drivers=drivers))
    return out


def triangle_shifts(con: Any, tri: Triangle, *, settings: Settings) -> list[Shift]:
    """Configuration changes of the triangle with the events that flipped its edges."""
    out = []
    by_start = {p.start: p for p in tri.periods}
    by_period = {p.period: p for p in tri.periods}
    for shift in detect_triangle_shifts(tri):
        now = by_start[shift.start]
        prior = by_period[shift.previous or ""]
        drivers: list[DrivingEvent] = []
        for e, old in zip(now.edges, prior.edges, strict=True):
            if e.sign == old.sign:
                continue
            a, b = e.key.split("-")
            direction = 1 if (e.sign or 0) > (old.sign or 0) else -1
            before = old.estimate if old.estimate is not None else 0.0
            drivers += drivers_for(con, a, b, start=shift.start, freq=tri.freq, before=before,
                                   direction=direction, settings=settings)
        drivers.sort(key=lambda d: -abs(d.pull))
        out.append(replace(shift, drivers=tuple(drivers[: settings.report_top_events])))
    return out


def triangle_moves(con: Any, tri: Triangle, *, settings: Settings) -> list[Shift]:
    """Every shift of the triangle `tri` with its drivers: configuration changes (kind "triangle") and edge sign
    changes (kind "edge"), in period order, a configuration change before the edges of its period. The one list
    the report, `Project.shifts(a, b, c)` and `multipolar triangle --format json` show."""
    both = triangle_shifts(con, tri, settings=settings) + edge_shifts(con, tri, settings=settings)
    return sorted(both, key=lambda x: (x.start, x.kind != "triangle", x.subject))
