"""Dyad series: how two actors act toward each other, period by period (methods.md §3.2–3.3).

For actors A and B and a frequency (day, week, month, quarter) each period gives, for A→B, B→A and
the undirected dyad A–B (A→B plus B→A):
- `events` N and per-QuadClass counts (1 verbal cooperation, 2 material cooperation, 3 verbal
  conflict, 4 material conflict), so `sum(quad counts) == events`;
- `weight` Σw (w = 1, or the event's mentions when `settings.weight_by_mentions`);
- `goldstein_sum` G = Σ w·g, `goldstein_mean` Ḡ = G / Σw, `cooperation` P = Σ_{g>0} w·g and
  `conflict` F = Σ_{g<0} w·|g| (so G = P − F);
- `net_cooperation` = (w(VC) + w(MC) − w(VK) − w(MK)) / Σw, in [−1, 1] (methods §3.2 default index);
- quad shares w(q)/Σw (volume-free composition);
- `documents` and `outlets` (distinct sources) behind the events;
- `normalised_volume` = Σw / denominator, the denominator named by `normalisation` (§3.3):
  "volume" (all counted events in the period), "salience" (counted events involving A or B),
  "shares" (the dyad's own Σw: 1.0 when there are events, read the quad shares), or "none".
Periods without events are present with zeros (means and shares None), so series are gap-free.
Which events count is decided in `multipolar.store.aggregates` (canonical events, near duplicates
and spun documents, negation) and recorded in the series (`weighting`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from multipolar.errors import UsageError
from multipolar.relations.periods import period_label, period_range
from multipolar.settings import Settings
from multipolar.store import aggregates
from multipolar.store.aggregates import DyadAggRow, EventFilter, PeriodTotalRow

NORMALISATIONS = ("none", "volume", "salience", "shares")
DIRECTIONS = ("ab", "ba", "both")


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    period: str
    start: date
    source: str  # "USA" for USA→CHN; for the undirected dyad, the first code of the pair as given
    target: str
    directed: bool
    events: int
    weight: float
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float | None
    cooperation: float
    conflict: float
    net_cooperation: float | None
    share_verbal_cooperation: float | None
    share_material_cooperation: float | None
    share_verbal_conflict: float | None
    share_material_conflict: float | None
    documents: int
    outlets: int
    normalisation: str
    denominator: float | None
    normalised_volume: float | None

    @property
    def quad_counts(self) -> tuple[int, int, int, int]:
        return (self.verbal_cooperation, self.material_cooperation, self.verbal_conflict, self.material_conflict)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["start"] = self.start.isoformat()
        return out


@dataclass(frozen=True, slots=True)
class DyadSeries:
    a: str
    b: str
    freq: str
    normalisation: str
    weighting: str  # "mentions" | "events"
    forward: tuple[DyadPeriod, ...]  # a → b
    backward: tuple[DyadPeriod, ...]  # b → a
    undirected: tuple[DyadPeriod, ...]  # a – b

    @property
    def key(self) -> str:
        return "-".join(sorted((self.a, self.b)))

    def to_json(self) -> dict[str, Any]:
        return {
            "actors": [self.a, self.b],
            "freq": self.freq,
            "normalisation": self.normalisation,
            "weighting": self.weighting,
            "directed": {
                f"{self.a}>{self.b}": [p.to_json() for p in self.forward],
                f"{self.b}>{self.a}": [p.to_json() for p in self.backward],
            },
            "undirected": [p.to_json() for p in self.undirected],
        }


def _ratio(x: float, y: float) -> float | None:
    return x / y if y else None


def _period_record(
    row: DyadAggRow | None,
    *,
    start: date,
    freq: str,
    source: str,
    target: str,
    directed: bool,
    normalisation: str,
    total: PeriodTotalRow | None,
) -> DyadPeriod:
    r = row or DyadAggRow(start, "", 0, 0.0, 0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0, 0)
    w = r.weight
    if normalisation == "volume":
        denominator: float | None = total.total_weight if total else 0.0
    elif normalisation == "salience":
        denominator = total.salience_weight if total else 0.0
    elif normalisation == "shares":
        denominator = w
    else:
        denominator = None
    # per-quad weights are not in the row; for unweighted counts they equal the counts. With mention
    # weights the shares below use counts (composition of events), the net index uses weights.
    n = r.events
    return DyadPeriod(
        period=period_label(start, freq),
        start=start,
        source=source,
        target=target,
        directed=directed,
        events=n,
        weight=w,
        verbal_cooperation=r.q1,
        material_cooperation=r.q2,
        verbal_conflict=r.q3,
        material_conflict=r.q4,
        goldstein_sum=r.goldstein_sum,
        goldstein_mean=_ratio(r.goldstein_sum, w),
        cooperation=r.cooperation,
        conflict=r.conflict,
        net_cooperation=_ratio(r.w_cooperative_quads - r.w_conflictual_quads, w),
        share_verbal_cooperation=_ratio(r.q1, n),
        share_material_cooperation=_ratio(r.q2, n),
        share_verbal_conflict=_ratio(r.q3, n),
        share_material_conflict=_ratio(r.q4, n),
        documents=r.documents,
        outlets=r.outlets,
        normalisation=normalisation,
        denominator=denominator,
        normalised_volume=None if denominator is None else (w / denominator if denominator else None),
    )


def build_dyad_series(
    a: str,
    b: str,
    rows: Sequence[DyadAggRow],
    totals: Sequence[PeriodTotalRow] = (),
    *,
    freq: str = "month",
    normalisation: str = "none",
    weighting: str = "events",
    first: date | None = None,
    last: date | None = None,
) -> DyadSeries:
    """Pure: the gap-free series from the aggregate rows of `aggregates.dyad_rows`."""
    if normalisation not in NORMALISATIONS:
        raise UsageError(f"unknown normalisation {normalisation!r}: expected one of {', '.join(NORMALISATIONS)}")
    by_key = {(r.start, r.direction): r for r in rows}
    by_total = {t.start: t for t in totals}
    starts = [r.start for r in rows]
    lo = first or (min(starts) if starts else None)
    hi = last or (max(starts) if starts else None)
    periods = period_range(lo, hi, freq) if lo and hi else []
    series: dict[str, list[DyadPeriod]] = {d: [] for d in DIRECTIONS}
    ends = {"ab": (a, b, True), "ba": (b, a, True), "both": (a, b, False)}
    for start in periods:
        for d in DIRECTIONS:
            src, tgt, directed = ends[d]
            series[d].append(
                _period_record(by_key.get((start, d)), start=start, freq=freq, source=src, target=tgt,
                               directed=directed, normalisation=normalisation, total=by_total.get(start))
            )
    return DyadSeries(a=a, b=b, freq=freq, normalisation=normalisation, weighting=weighting,
                      forward=tuple(series["ab"]), backward=tuple(series["ba"]), undirected=tuple(series["both"]))


def dyad_series(
    con: Any,
    a: str,
    b: str,
    *,
    settings: Settings,
    freq: str = "month",
    normalisation: str = "none",
    start: date | None = None,
    end: date | None = None,
    frame: tuple[date, date] | None = None,
) -> DyadSeries:
    """The dyad series of actors a and b from the store connection `con` (a DuckDB connection).

    `start`/`end` limit the events counted; `frame` (first, last period start) sets the periods shown
    (default: from the dyad's first to its last period with events)."""
    a, b = aggregates.check_actor(a), aggregates.check_actor(b)
    aggregates.check_freq(freq)
    flt = EventFilter.from_settings(settings, start=start, end=end)
    rows = aggregates.dyad_rows(con, a, b, freq=freq, flt=flt)
    totals = (
        aggregates.period_totals(con, (a, b), freq=freq, flt=flt) if normalisation in ("volume", "salience") else []
    )
    return build_dyad_series(
        a, b, rows, totals, freq=freq, normalisation=normalisation,
        weighting="mentions" if settings.weight_by_mentions else "events",
        first=frame[0] if frame else None, last=frame[1] if frame else None,
    )


def format_dyad_table(series: DyadSeries) -> list[tuple[str, ...]]:
    """Rows for a plain table (header first): one line per period, the undirected dyad and both
    directions' event counts and mean Goldstein."""

    def fmt(x: float | None) -> str:
        return "" if x is None else f"{x:+.2f}"

    head = ("period", "events", "docs", "sources", "VC", "MC", "VK", "MK", "goldstein_mean", "net_coop",
            f"{series.a}>{series.b} n", f"{series.a}>{series.b} mean", f"{series.b}>{series.a} n",
            f"{series.b}>{series.a} mean")
    out: list[tuple[str, ...]] = [head]
    for u, f, bk in zip(series.undirected, series.forward, series.backward, strict=True):
        out.append((u.period, str(u.events), str(u.documents), str(u.outlets), *(str(q) for q in u.quad_counts),
                    fmt(u.goldstein_mean), fmt(u.net_cooperation), str(f.events), fmt(f.goldstein_mean),
                    str(bk.events), fmt(bk.goldstein_mean)))
    return out
