"""The strategic triangle of any three actors, period by period (methods.md §4).

Edge score. Each undirected edge (both directions pooled) gets, per period, its score: the
(mention-weighted when `settings.weight_by_mentions`) **mean Goldstein** of the period's counted
events, in [−10, 10]. The mean is volume-free, so a month with many reports is not "more positive"
than a quiet one. The score is compared with a baseline (`settings.sign_baseline`): zero; corpus (the
period's pooled mean over every dyadic event in the store, which absorbs the positive bias of news
event data); or rolling (the edge's own median over its previous `baseline_window` periods with data).

Sign. deviation = score − baseline; with dead band τ = `dead_band` and margin h = `hysteresis`:
- with no earlier sign (the edge's first period with data): + if deviation > τ, − if < −τ, else 0;
- once a sign is established it is sticky (a Schmitt trigger): from +, the edge turns − only below
  −τ−h and 0 only below τ−h; from −, it turns + only above τ+h and 0 only above −τ+h; from 0 it
  needs ±τ as at the start;
- and any change of an established sign needs at least `flip_min_documents` documents in the
  period, so one stray report never flips an edge ("held": true marks a kept sign);
- a period without events has sign 0 ("no data") and leaves the edge's established sign unchanged.

Configuration (Dittmer 1981; unit veto from Dittmer 1987) and roles (Wu 1996):
  + + +  ménage à trois     friend ×3
  + + −  romantic triangle  pivot (the actor on both + edges), wing ×2
  + − −  stable marriage    partner ×2 (the + pair), pariah (the third)
  − − −  unit veto          foe ×3
  any 0  indeterminate      no roles; `nearest_configuration` signs the 0 edges by their deviation
Balance (Cartwright & Harary): `balance` = product of the signs (+1 balanced, −1 unbalanced, 0 when
an edge is 0); `balanced` is true/false, or null when indeterminate. `balance_index` is the signed
cube root of x_AB·x_AC·x_BC with x = clip(deviation / 10, −1, 1): continuous, in [−1, 1], null when
an edge has no data. `pivot_leverage` (romantic triangle) = min(x_pivot,wing1, x_pivot,wing2) − x_wings.

Confidence. The events of each edge-period are resampled with replacement `bootstrap_samples` times
(seeded by `bootstrap_seed`, the edge key and the period, so results are deterministic and do not
depend on the order the actors are given in); each resample is signed with the same rule and the
same previous state, and `confidence` is the share of resamples giving the period's configuration
(`configuration_probabilities` gives all shares).
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import Any

import numpy as np

from multipolar.errors import UsageError
from multipolar.relations.periods import period_label, period_range
from multipolar.settings import Settings
from multipolar.store import aggregates
from multipolar.store.aggregates import EdgeDocRow, EdgeValueRow, EventFilter, PeriodTotalRow

MENAGE = "menage_a_trois"
ROMANTIC = "romantic_triangle"
MARRIAGE = "stable_marriage"
UNIT_VETO = "unit_veto"
INDETERMINATE = "indeterminate"
CONFIGURATIONS = (MENAGE, ROMANTIC, MARRIAGE, UNIT_VETO, INDETERMINATE)
ROLES = ("pivot", "friend", "partner", "wing", "foe", "pariah")  # Wu's ranking, most desirable first
BASELINES = ("zero", "corpus", "rolling")
SIGN_TEXT = {1: "+", -1: "-", 0: "0"}


def edge_key(x: str, y: str) -> str:
    """The key of the undirected edge x–y: the two codes sorted and joined by "-"."""
    return "-".join(sorted((x, y)))


@dataclass(frozen=True, slots=True)
class TriangleState:
    configuration: str
    roles: Mapping[str, str]  # actor -> role; empty when indeterminate
    balance: int  # product of the three signs


def classify_signs(actors: Sequence[str], signs: Mapping[str, int]) -> TriangleState:
    """The configuration and roles given the signs (+1, −1, 0) of the three edges, keyed by edge_key."""
    if len(set(actors)) != 3:
        raise UsageError(f"a triangle needs three different actors, got {', '.join(actors)}")
    a, b, c = actors
    edges = {edge_key(a, b): (a, b, c), edge_key(a, c): (a, c, b), edge_key(b, c): (b, c, a)}
    values = [signs[k] for k in edges]
    balance = int(np.prod(values))
    if 0 in values:
        return TriangleState(INDETERMINATE, {}, 0)
    positives = [edges[k] for k in edges if signs[k] > 0]
    if len(positives) == 3:
        return TriangleState(MENAGE, {x: "friend" for x in actors}, balance)
    if len(positives) == 0:
        return TriangleState(UNIT_VETO, {x: "foe" for x in actors}, balance)
    if len(positives) == 1:
        x, y, third = positives[0]
        return TriangleState(MARRIAGE, {x: "partner", y: "partner", third: "pariah"}, balance)
    # two positive edges: the pivot is the actor both share; the negative edge joins the wings
    negative = next(edges[k] for k in edges if signs[k] < 0)
    x, y, pivot = negative
    return TriangleState(ROMANTIC, {pivot: "pivot", x: "wing", y: "wing"}, balance)


def _sign_raw(dev: float, tau: float) -> int:
    return 1 if dev > tau else (-1 if dev < -tau else 0)


def sticky_sign(dev: float, prev: int, *, dead_band: float, hysteresis: float) -> int:
    """The sign of a deviation given the previous sign (the Schmitt trigger of the module docstring)."""
    tau, h = dead_band, hysteresis
    if prev > 0:
        return -1 if dev < -tau - h else (0 if dev < tau - h else 1)
    if prev < 0:
        return 1 if dev > tau + h else (0 if dev > -tau + h else -1)
    return _sign_raw(dev, tau)


def edge_sign(
    dev: float, *, prev: int | None, documents: int, settings: Settings
) -> tuple[int, bool]:
    """(sign, held): the edge's sign this period; held is true when the rule kept the previous sign."""
    if prev is None:
        return _sign_raw(dev, settings.dead_band), False
    new = sticky_sign(dev, prev, dead_band=settings.dead_band, hysteresis=settings.hysteresis)
    if new != prev and documents < settings.flip_min_documents:
        return prev, True
    if new == prev and _sign_raw(dev, settings.dead_band) != prev:
        return new, True
    return new, False


def _signs_vector(devs: np.ndarray, *, prev: int | None, documents: int, settings: Settings) -> np.ndarray:
    """edge_sign over an array of bootstrap deviations."""
    tau, h = settings.dead_band, settings.hysteresis
    raw = np.where(devs > tau, 1, np.where(devs < -tau, -1, 0))
    if prev is None:
        return raw
    if prev > 0:
        new = np.where(devs < -tau - h, -1, np.where(devs < tau - h, 0, 1))
    elif prev < 0:
        new = np.where(devs > tau + h, 1, np.where(devs > -tau + h, 0, -1))
    else:
        new = raw
    if documents < settings.flip_min_documents:
        return np.full_like(new, prev)
    return new


@dataclass(frozen=True, slots=True)
class EdgePeriod:
    key: str
    score: float | None  # mean Goldstein of the period's events on this edge; None without events
    baseline: float
    deviation: float | None
    sign: int
    held: bool
    events: int
    documents: int

    def to_json(self) -> dict[str, Any]:
        return {
            "score": None if self.score is None else round(self.score, 4),
            "sign": SIGN_TEXT[self.sign],
            "events": self.events,
            "documents": self.documents,
            "baseline": round(self.baseline, 4),
            "deviation": None if self.deviation is None else round(self.deviation, 4),
            "held": self.held,
        }


@dataclass(frozen=True, slots=True)
class TrianglePeriod:
    period: str
    start: date
    edges: tuple[EdgePeriod, ...]  # sorted by key
    configuration: str
    nearest_configuration: str | None
    roles: Mapping[str, str]
    balance: int
    balance_index: float | None
    pivot_leverage: float | None
    confidence: float | None
    probabilities: Mapping[str, float]

    @property
    def balanced(self) -> bool | None:
        return None if self.balance == 0 else self.balance > 0

    def edge(self, x: str, y: str) -> EdgePeriod:
        key = edge_key(x, y)
        return next(e for e in self.edges if e.key == key)

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "start": self.start.isoformat(),
            "edges": {e.key: e.to_json() for e in self.edges},
            "configuration": self.configuration,
            "balanced": self.balanced,
            "roles": dict(sorted(self.roles.items())),
            "balance": self.balance,
            "balance_index": None if self.balance_index is None else round(self.balance_index, 4),
            "nearest_configuration": self.nearest_configuration,
            "pivot_leverage": None if self.pivot_leverage is None else round(self.pivot_leverage, 4),
            "confidence": None if self.confidence is None else round(self.confidence, 4),
            "configuration_probabilities": {k: round(v, 4) for k, v in sorted(self.probabilities.items())},
        }


@dataclass(frozen=True, slots=True)
class Triangle:
    actors: tuple[str, str, str]
    freq: str
    dead_band: float
    hysteresis: float
    baseline: str
    weighting: str
    periods: tuple[TrianglePeriod, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "actors": list(self.actors),
            "freq": self.freq,
            "score": "mean_goldstein",
            "dead_band": self.dead_band,
            "hysteresis": self.hysteresis,
            "baseline": self.baseline,
            "weighting": self.weighting,
            "periods": [p.to_json() for p in self.periods],
        }


# the 27 sign triples (edges in sorted-key order) -> configuration, for the vectorised bootstrap
def _config_table(actors: Sequence[str], keys: Sequence[str]) -> list[str]:
    table = []
    for s0 in (-1, 0, 1):
        for s1 in (-1, 0, 1):
            for s2 in (-1, 0, 1):
                table.append(classify_signs(actors, dict(zip(keys, (s0, s1, s2), strict=True))).configuration)
    return table


def _scaled(dev: float) -> float:
    return max(-1.0, min(1.0, dev / 10.0))


def build_triangle(
    actors: Sequence[str],
    values: Sequence[EdgeValueRow],
    docs: Sequence[EdgeDocRow],
    *,
    settings: Settings,
    freq: str = "month",
    totals: Sequence[PeriodTotalRow] = (),
    first: date | None = None,
    last: date | None = None,
) -> Triangle:
    """Pure: the triangle from the rows of `aggregates.triangle_rows` (actor indexes into `actors`)."""
    acts = tuple(actors)
    if len(set(acts)) != 3:
        raise UsageError(f"a triangle needs three different actors, got {', '.join(acts)}")
    if settings.sign_baseline not in BASELINES:
        raise UsageError(f"unknown sign_baseline {settings.sign_baseline!r}: expected one of {', '.join(BASELINES)}")
    pair_key = {(i, j): edge_key(acts[i], acts[j]) for i in range(3) for j in range(i + 1, 3)}
    keys = sorted(pair_key.values())
    hist: dict[tuple[date, str], list[tuple[float, float, int]]] = defaultdict(list)
    for v in values:
        hist[(v.start, pair_key[(v.i, v.j)])].append((v.goldstein, v.weight, v.events))
    doc_count = {(d.start, pair_key[(d.i, d.j)]): (d.events, d.documents) for d in docs}
    pooled = {t.start: t.goldstein_mean for t in totals}
    starts = [d.start for d in docs]
    lo = first or (min(starts) if starts else None)
    hi = last or (max(starts) if starts else None)
    table = _config_table(acts, keys)
    samples = max(0, int(settings.bootstrap_samples))

    state: dict[str, int | None] = {k: None for k in keys}
    history: dict[str, list[float]] = {k: [] for k in keys}
    periods: list[TrianglePeriod] = []
    for start in period_range(lo, hi, freq) if lo and hi else []:
        edges: list[EdgePeriod] = []
        boot: list[np.ndarray] = []
        for key in keys:
            if settings.sign_baseline == "corpus":
                base = pooled.get(start) or 0.0
            elif settings.sign_baseline == "rolling":
                past = history[key][-settings.baseline_window:]
                base = median(past) if past else 0.0
            else:
                base = 0.0
            h = hist.get((start, key), [])
            n_events, n_docs = doc_count.get((start, key), (0, 0))
            if not h:
                edges.append(EdgePeriod(key, None, base, None, 0, False, 0, 0))
                boot.append(np.zeros(samples, dtype=np.int64))
                continue
            g = np.array([x[0] for x in h])
            w = np.array([x[1] for x in h])
            n = np.array([x[2] for x in h])
            score = float((g * w * n).sum() / (w * n).sum())
            dev = score - base
            prev = state[key]
            sign, held = edge_sign(dev, prev=prev, documents=n_docs, settings=settings)
            edges.append(EdgePeriod(key, score, base, dev, sign, held, n_events, n_docs))
            if samples:
                seed = [int(settings.bootstrap_seed), zlib.crc32(key.encode()), start.toordinal()]
                rng = np.random.default_rng(seed)
                counts = rng.multinomial(int(n.sum()), n / n.sum(), size=samples)
                rep = (counts @ (g * w)) / (counts @ w)
                boot.append(_signs_vector(rep - base, prev=prev, documents=n_docs, settings=settings))
            state[key] = sign
            history[key].append(score)
        signs = {e.key: e.sign for e in edges}
        cls = classify_signs(acts, signs)
        nearest = None
        if cls.configuration == INDETERMINATE and all(e.deviation is not None for e in edges):
            near = {e.key: e.sign or (1 if (e.deviation or 0) >= 0 else -1) for e in edges}
            nearest = classify_signs(acts, near).configuration
        balance_index = None
        if all(e.deviation is not None for e in edges):
            prod = float(np.prod([_scaled(e.deviation or 0.0) for e in edges]))
            balance_index = float(np.sign(prod) * abs(prod) ** (1.0 / 3.0))
        leverage = None
        if cls.configuration == ROMANTIC:
            pivot = next(x for x, r in cls.roles.items() if r == "pivot")
            wings = [x for x in acts if x != pivot]
            x = {e.key: _scaled(e.deviation or 0.0) for e in edges}
            leverage = min(x[edge_key(pivot, wings[0])], x[edge_key(pivot, wings[1])]) - x[edge_key(*wings)]
        confidence = None
        probabilities: dict[str, float] = {}
        if samples and any(e.events for e in edges):
            idx = (boot[0] + 1) * 9 + (boot[1] + 1) * 3 + (boot[2] + 1)
            found = np.bincount(idx, minlength=27)
            for k, cnt in enumerate(found):
                if cnt:
                    probabilities[table[k]] = probabilities.get(table[k], 0.0) + cnt / samples
            confidence = probabilities.get(cls.configuration, 0.0)
        periods.append(
            TrianglePeriod(
                period=period_label(start, freq), start=start, edges=tuple(edges),
                configuration=cls.configuration, nearest_configuration=nearest, roles=cls.roles,
                balance=cls.balance, balance_index=balance_index, pivot_leverage=leverage,
                confidence=confidence, probabilities=probabilities,
            )
        )
    return Triangle(
        actors=(acts[0], acts[1], acts[2]), freq=freq, dead_band=settings.dead_band,
        hysteresis=settings.hysteresis, baseline=settings.sign_baseline,
        weighting="mentions" if settings.weight_by_mentions else "events", periods=tuple(periods),
    )


def triangle_series(
    con: Any,
    actors: Sequence[str],
    *,
    settings: Settings,
    freq: str = "month",
    start: date | None = None,
    end: date | None = None,
) -> Triangle:
    """The triangle of three actors from the store connection `con` (a DuckDB connection)."""
    acts = tuple(aggregates.check_actor(x) for x in actors)
    if len(acts) != 3:
        raise UsageError(f"a triangle needs exactly three actors, got {len(acts)}")
    aggregates.check_freq(freq)
    flt = EventFilter.from_settings(settings, start=start, end=end)
    values, docs = aggregates.triangle_rows(con, (acts[0], acts[1], acts[2]), freq=freq, flt=flt)
    totals = aggregates.period_totals(con, acts, freq=freq, flt=flt) if settings.sign_baseline == "corpus" else []
    return build_triangle(acts, values, docs, settings=settings, freq=freq, totals=totals)


def format_triangle_table(tri: Triangle) -> list[tuple[str, ...]]:
    """Rows for a plain table (header first): one line per period."""
    keys = sorted(edge_key(x, y) for i, x in enumerate(tri.actors) for y in tri.actors[i + 1:])
    head = ("period", *keys, "configuration", "balanced", "roles", "confidence")
    out: list[tuple[str, ...]] = [head]
    for p in tri.periods:
        cells = []
        for k in keys:
            e = next(x for x in p.edges if x.key == k)
            cells.append("no data" if e.score is None else f"{SIGN_TEXT[e.sign]} {e.score:+.2f} ({e.events})")
        roles = ", ".join(f"{a} {r}" for a, r in sorted(p.roles.items()))
        bal = "" if p.balanced is None else ("yes" if p.balanced else "no")
        conf = "" if p.confidence is None else f"{p.confidence:.2f}"
        out.append((p.period, *cells, p.configuration, bal, roles, conf))
    return out
