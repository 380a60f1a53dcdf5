"""Alert rules: what in a triangle or a dyad changed enough to tell someone, with the events behind it.

Three named rules, each judged only for the periods that new events touched (from the period of the
earliest new event on), so a watcher started on a store with years of history does not replay it:

`edge_sign` — an edge of a watched triangle gets a sign (+, 0, −; `relations.triangle`, rule
`edge_sign`) different from the last period before it that had a sign. Periods whose edge reads
"insufficient evidence" or has no events are skipped, never filled in. Drivers: the period's events
on the edge that pulled its score furthest from the earlier estimate toward the new side.

`triangle_configuration` — the triangle's determinate configuration (every edge + or −) differs from
the last determinate one before it (`relations.shifts.detect_triangle_shifts`). Drivers: those of
each flipped edge, strongest first.

`level_band` (Trendfinder-like) — for each dyad of a watched triangle, and each watched dyad, the period's level x is the
undirected mean Goldstein (`relations.dyads`). Two windows, the previous 4 and the previous 52
periods, each give a band mean ± k·sd over their periods with events (k = `alert_band_k`, sd the
sample standard deviation floored at `alert_sd_floor`). Minimum evidence: the period needs at least
`alert_min_documents` documents, and a window counts only with at least `alert_min_periods` periods
with events. The rule fires when at least one window counts and x lies outside the band of every
window that counts, on the same side (above or below). Drivers: the period's events that pulled the
level furthest from the short window's mean (the long one's when the short does not count).

An alert's id is a hash of (rule, actors, period, the change), so re-polling, or more evidence for
the same change in the same period, never raises it twice.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from multipolar.records import Alert
from multipolar.relations.dyads import DyadPeriod, DyadSeries
from multipolar.relations.periods import period_start
from multipolar.relations.shifts import DrivingEvent, detect_edge_shifts, detect_triangle_shifts, drivers_for
from multipolar.relations.triangle import SIGN_TEXT, Triangle
from multipolar.settings import Settings
from multipolar.store.watch import known_alert_ids

EDGE_SIGN = "edge_sign"
TRIANGLE_CONFIGURATION = "triangle_configuration"
LEVEL_BAND = "level_band"
RULES = (EDGE_SIGN, TRIANGLE_CONFIGURATION, LEVEL_BAND)
WINDOWS = (4, 52)


@dataclass(frozen=True, slots=True)
class DriverRequest:
    """Which events explain a change: those of edge a–b in the period beginning `start` that pulled
    its score from `before` in `direction` (+1 up, −1 down)."""

    a: str
    b: str
    start: date
    before: float
    direction: int


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's finding before its driving events are looked up (pure output of the rules below)."""

    kind: str
    actors: str
    period: str
    change: str  # what identifies the change within the period: "+ -> -", "above", …
    summary: str
    detail: dict[str, Any]
    drivers: tuple[DriverRequest, ...]

    @property
    def alert_id(self) -> str:
        key = json.dumps([self.kind, self.actors, self.period, self.change], separators=(",", ":"))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def edge_sign_findings(tri: Triangle, *, since: date) -> list[Finding]:
    """Pure: rule `edge_sign` (`relations.shifts.detect_edge_shifts`) over the periods starting on or
    after the period of `since`."""
    first = period_start(since, tri.freq)
    by_period = {p.period: p for p in tri.periods}
    keys = [e.key for e in tri.periods[0].edges] if tri.periods else []
    out: list[Finding] = []
    for shift in detect_edge_shifts(tri):
        if shift.start < first:
            continue
        k = keys.index(shift.subject)
        e, old = by_period[shift.period].edges[k], by_period[shift.previous or ""].edges[k]
        change = shift.change
        a, b = shift.subject.split("-")
        out.append(Finding(
            kind=EDGE_SIGN, actors=shift.subject, period=shift.period, change=change,
            summary=(f"{shift.subject} edge {change} in {shift.period} (estimate {e.estimate:+.2f} ±{e.sd:.2f}, "
                     f"{e.documents} documents; {SIGN_TEXT[old.sign]} in {shift.previous})"),
            detail={"rule": EDGE_SIGN, "freq": tri.freq, "edge": shift.subject, "from_sign": SIGN_TEXT[old.sign],
                    "to_sign": SIGN_TEXT[e.sign], "from_period": shift.previous, "edge_now": e.to_json(),
                    "edge_before": old.to_json()},
            drivers=(DriverRequest(a, b, shift.start, old.estimate or 0.0,
                                   1 if shift.direction == "cooperation" else -1),),
        ))
    return out


def triangle_findings(tri: Triangle, *, since: date) -> list[Finding]:
    """Pure: rule `triangle_configuration` over the periods starting on or after the period of `since`."""
    first = period_start(since, tri.freq)
    by_start = {p.start: p for p in tri.periods}
    out: list[Finding] = []
    subject = "-".join(sorted(tri.actors))
    by_period = {p.period: p for p in tri.periods}
    for shift in detect_triangle_shifts(tri):
        if shift.start < first:
            continue
        now = by_start[shift.start]
        prior = by_period[shift.previous or ""]
        requests = []
        for e, old in zip(now.edges, prior.edges, strict=True):
            if e.sign != old.sign:
                a, b = e.key.split("-")
                requests.append(DriverRequest(a, b, shift.start, old.estimate or 0.0,
                                              1 if (e.sign or 0) > (old.sign or 0) else -1))
        roles = ", ".join(f"{x} {r}" for x, r in sorted(now.roles.items()))
        out.append(Finding(
            kind=TRIANGLE_CONFIGURATION, actors=subject, period=shift.period, change=shift.direction,
            summary=(f"{subject} triangle {shift.direction} in {shift.period} (was {prior.configuration} in "
                     f"{prior.period}; flipped {'; '.join(shift.flipped_edges)}; roles {roles})"),
            detail={"rule": TRIANGLE_CONFIGURATION, "freq": tri.freq, "from_configuration": shift.from_configuration,
                    "to_configuration": shift.to_configuration, "from_period": prior.period,
                    "flipped_edges": list(shift.flipped_edges), "roles": dict(sorted(now.roles.items())),
                    "confidence": _r(now.confidence), "balance_index": _r(now.balance_index)},
            drivers=tuple(requests),
        ))
    return out


@dataclass(frozen=True, slots=True)
class Band:
    window: int
    periods: int
    mean: float
    sd: float
    low: float
    high: float

    def to_json(self) -> dict[str, Any]:
        return {"window": self.window, "periods": self.periods, "mean": _r(self.mean), "sd": _r(self.sd),
                "low": _r(self.low), "high": _r(self.high)}


def band(values: Sequence[float], *, window: int, settings: Settings) -> Band | None:
    """The band of one window (module docstring), or None when it has too few periods with events."""
    if len(values) < max(settings.alert_min_periods, 1):
        return None
    mean = statistics.fmean(values)
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    sd = max(sd, settings.alert_sd_floor)
    k = settings.alert_band_k
    return Band(window, len(values), mean, sd, mean - k * sd, mean + k * sd)


def level_band_findings(series: DyadSeries, *, since: date, settings: Settings) -> list[Finding]:
    """Pure: rule `level_band` over the dyad's periods starting on or after the period of `since`."""
    first = period_start(since, series.freq)
    points: Sequence[DyadPeriod] = series.undirected
    out: list[Finding] = []
    for i, p in enumerate(points):
        if p.start < first or p.goldstein_mean is None or p.documents < settings.alert_min_documents:
            continue
        x = p.goldstein_mean
        bands = []
        for w in WINDOWS:
            earlier = [q.goldstein_mean for q in points[max(0, i - w):i] if q.events and q.goldstein_mean is not None]
            b = band(earlier, window=w, settings=settings)
            if b is not None:
                bands.append(b)
        if not bands:
            continue
        sides = {"above" if x > b.high else "below" if x < b.low else "inside" for b in bands}
        if len(sides) != 1 or "inside" in sides:
            continue
        side = sides.pop()
        bands_text = "; ".join(f"{b.window} periods {b.mean:+.2f} ±{settings.alert_band_k:g}×{b.sd:.2f}" for b in bands)
        out.append(Finding(
            kind=LEVEL_BAND, actors=series.key, period=p.period, change=side,
            summary=(f"{series.key} level {x:+.2f} in {p.period} is {side} its band ({bands_text}; "
                     f"{p.documents} documents, {p.events} events)"),
            detail={"rule": LEVEL_BAND, "freq": series.freq, "level": _r(x), "side": side,
                    "documents": p.documents, "events": p.events, "bands": [b.to_json() for b in bands],
                    "k": settings.alert_band_k, "min_documents": settings.alert_min_documents,
                    "min_periods": settings.alert_min_periods, "sd_floor": settings.alert_sd_floor},
            drivers=(DriverRequest(series.a, series.b, p.start, bands[0].mean, 1 if side == "above" else -1),),
        ))
    return out


def evaluate(project: Any, groups: Sequence[tuple[str, ...]], *, freq: str, since: date) -> list[Alert]:
    """Every rule over the watched groups, for periods from `since` on: a group of three actors is a
    triangle (its edges, its configuration, its three dyads), a group of two one dyad (`level_band` only).
    Returned: the findings not yet stored as alerts, each with its driving events (event ids in the alert,
    the events themselves in `detail`)."""
    settings = project.settings
    findings: list[Finding] = []
    dyads_done: set[str] = set()
    for group in groups:
        if len(group) == 3:
            a, b, c = group
            tri = project.triangle(a, b, c, freq=freq)
            findings += triangle_findings(tri, since=since)
            findings += edge_sign_findings(tri, since=since)
            pairs = ((a, b), (a, c), (b, c))
        else:
            pairs = (tuple(group),)
        for x, y in pairs:
            key = "-".join(sorted((x, y)))
            if key in dyads_done:
                continue
            dyads_done.add(key)
            findings += level_band_findings(project.dyads(x, y, freq=freq), since=since, settings=settings)
    seen: set[str] = known_alert_ids(project.store, [f.alert_id for f in findings])
    out = []
    for f in findings:
        if f.alert_id in seen:
            continue
        seen.add(f.alert_id)
        drivers = _drivers(project, f, freq=freq)
        detail = {**f.detail, "change": f.change, "drivers": [d.to_json() for d in drivers]}
        out.append(Alert(f.alert_id, f.kind, f.actors, f.period, f.summary, detail,
                         tuple(d.event_id for d in drivers)))
    return out


def _drivers(project: Any, finding: Finding, *, freq: str) -> list[DrivingEvent]:
    settings = project.settings
    found: list[DrivingEvent] = []
    for r in finding.drivers:
        found += drivers_for(project.store.con, r.a, r.b, start=r.start, freq=freq, before=r.before,
                             direction=r.direction, settings=settings)
    found.sort(key=lambda d: -abs(d.pull))
    unique: dict[str, DrivingEvent] = {}
    for d in found:
        unique.setdefault(d.event_id, d)
    return list(unique.values())[: settings.report_top_events]
