"""The strategic triangle of any three actors, period by period (methods.md §4).

Edge estimate (rule `edge_estimate`). The evidence on an undirected edge in a period is its documents,
not its events: each document d contributes its own mean Goldstein x_d over its counted events on the
edge (mention-weighted when `settings.weight_by_mentions`). Documents of one outlet are not
independent: an outlet with m documents on the edge counts as m / (1 + (m − 1)·ρ) documents
(ρ = `outlet_correlation`), so each document weighs u_d = 1 / (1 + (m − 1)·ρ) and n = Σ u_d is the
effective number of independent documents. With a normal prior on the edge's true mean centred on
the baseline b and worth κ documents (`edge_prior_documents`), and σ the spread of one document around
the true mean (`edge_document_sd`), the posterior of the true mean is normal with

    estimate m = b + Σ u_d·(x_d − b) / (n + κ),     uncertainty s = σ / √(n + κ).

Thin evidence is pulled toward the baseline and keeps a wide s; s shrinks as documents and outlets add.
The baseline b (`sign_baseline`): zero; corpus (the period's pooled mean over every dyadic event in the
store); or rolling (the median of the edge's estimates over its previous `baseline_window` periods with
data). `score` is the plain mean Goldstein over the documents' mentions, shown for reference.
The sums come from `aggregates.triangle_edges` (SQL); `aggregate_documents` computes the same from
per-document rows. An edge is undirected, so a symmetric act that one sentence gives in both directions
("A and B agreed": A→B and B→A, same code) is one act on it and counts once (rule `edge_mirror`,
`settings.edge_mirror_once`).

Sign (rule `edge_sign`), with dead band τ = `dead_band` and credibility c = `sign_credibility`:
P(+) = P(true mean > b + τ), P(−) = P(true mean < b − τ), P(0) = 1 − P(+) − P(−) under the posterior;
the sign is +, − or 0 when that probability is at least c, and otherwise the edge reads
"insufficient evidence" (sign None). A period without events on an edge has no sign. Nothing is
carried over from an earlier period: each period's sign rests on that period's documents alone.

Worked example (defaults b = 0, τ = 0.5, κ = 2, σ = 3, ρ = 0.5, c = 0.9): two documents from two
outlets, each with mean Goldstein +7 on the edge: n = 2, m = 14 / 4 = 3.5, s = 3 / 2 = 1.5,
P(+) = Φ((3.5 − 0.5) / 1.5) = Φ(2.0) = 0.98 ≥ 0.9, so the edge is +. The same two documents from one
outlet count as n = 2 / 1.5 = 1.33: m = 2.8, s = 1.64, P(+) = Φ(1.40) = 0.92, still +. One document at
+7: m = 2.33, s = 1.73, P(+) = 0.86: insufficient evidence.

Configuration (Dittmer 1981; unit veto from Dittmer 1987) and roles (Wu 1996):
  + + +  ménage à trois     friend ×3
  + + −  romantic triangle  pivot (the actor on both + edges), wing ×2
  + − −  stable marriage    partner ×2 (the + pair), pariah (the third)
  − − −  unit veto          foe ×3
  any 0  indeterminate      no roles
  any edge without a sign   insufficient_evidence: no roles
`nearest_configuration` signs every edge with data by its estimate's side of the baseline.
Balance (Cartwright & Harary): `balance` = product of the signs (+1 balanced, −1 unbalanced, 0 when an
edge is 0 or unsigned); `balanced` is true/false, or null. `balance_index` is the signed cube root of
x_AB·x_AC·x_BC with x = clip(deviation / 10, −1, 1), null when an edge has no data.
`pivot_leverage` (romantic triangle) = min(x_pivot,wing1, x_pivot,wing2) − x_wings.

Confidence follows from the edges: the three posteriors are independent, so each of the 27 sign
triples has the product of its edges' P(+), P(0), P(−); `configuration_probabilities` sums them by
configuration, and `confidence` is the probability of the period's configuration. Both are null when an
edge has no data, and `confidence` is null for insufficient_evidence (nothing is claimed).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter, defaultdict
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
from multipolar.store.aggregates import EdgeAggRow, EdgeDocumentRow, EventFilter, PeriodTotalRow

MENAGE = "menage_a_trois"
ROMANTIC = "romantic_triangle"
MARRIAGE = "stable_marriage"
UNIT_VETO = "unit_veto"
INDETERMINATE = "indeterminate"
INSUFFICIENT = "insufficient_evidence"
CONFIGURATIONS = (MENAGE, ROMANTIC, MARRIAGE, UNIT_VETO, INDETERMINATE, INSUFFICIENT)
DETERMINATE = (MENAGE, ROMANTIC, MARRIAGE, UNIT_VETO)
ROLES = ("pivot", "friend", "partner", "wing", "foe", "pariah")  # Wu's ranking, most desirable first
BASELINES = ("zero", "corpus", "rolling")
SIGN_TEXT = {1: "+", -1: "-", 0: "0", None: "insufficient evidence"}


def sign_text(sign: int | None, events: int = 1) -> str:
    """"+", "-", "0", "insufficient evidence", or "no data" for an edge-period without events."""
    return "no data" if not events else SIGN_TEXT[sign]


def edge_key(x: str, y: str) -> str:
    """The key of the undirected edge x–y: the two codes sorted and joined by "-"."""
    return "-".join(sorted((x, y)))


@dataclass(frozen=True, slots=True)
class TriangleState:
    configuration: str
    roles: Mapping[str, str]  # actor -> role; empty when not determinate
    balance: int  # product of the three signs (0 when one is 0 or unsigned)


def classify_signs(actors: Sequence[str], signs: Mapping[str, int | None]) -> TriangleState:
    """The configuration and roles given the signs (+1, −1, 0, or None: insufficient evidence) of the
    three edges, keyed by edge_key."""
    if len(set(actors)) != 3:
        raise UsageError(f"a triangle needs three different actors, got {', '.join(actors)}")
    a, b, c = actors
    edges = {edge_key(a, b): (a, b, c), edge_key(a, c): (a, c, b), edge_key(b, c): (b, c, a)}
    values = [signs[k] for k in edges]
    if any(v is None for v in values):
        return TriangleState(INSUFFICIENT, {}, 0)
    balance = int(np.prod(values))
    if 0 in values:
        return TriangleState(INDETERMINATE, {}, 0)
    positives = [edges[k] for k in edges if (signs[k] or 0) > 0]
    if len(positives) == 3:
        return TriangleState(MENAGE, {x: "friend" for x in actors}, balance)
    if len(positives) == 0:
        return TriangleState(UNIT_VETO, {x: "foe" for x in actors}, balance)
    if len(positives) == 1:
        x, y, third = positives[0]
        return TriangleState(MARRIAGE, {x: "partner", y: "partner", third: "pariah"}, balance)
    # two positive edges: the pivot is the actor both share; the negative edge joins the wings
    negative = next(edges[k] for k in edges if (signs[k] or 0) < 0)
    x, y, pivot = negative
    return TriangleState(ROMANTIC, {pivot: "pivot", x: "wing", y: "wing"}, balance)


def _phi(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


@dataclass(frozen=True, slots=True)
class EdgeEstimate:
    """The posterior of an edge's true period mean (rule `edge_estimate` of the module docstring)."""

    estimate: float
    sd: float
    effective_documents: float
    p_plus: float
    p_zero: float
    p_minus: float
    sign: int | None


def edge_estimate(docs: Sequence[tuple[float, str | None]], *, baseline: float, settings: Settings) -> EdgeEstimate:
    """Pure: the estimate, uncertainty, sign probabilities and sign from (document mean, outlet) pairs."""
    per_outlet = Counter(outlet for _, outlet in docs if outlet is not None)
    rho = min(max(settings.outlet_correlation, 0.0), 1.0)
    weights = [1.0 / (1.0 + (per_outlet[o] - 1) * rho) if o is not None else 1.0 for _, o in docs]
    weighted_sum = sum(u * x for u, (x, _) in zip(weights, docs, strict=True))
    return posterior(float(sum(weights)), weighted_sum, baseline=baseline, settings=settings)


def posterior(n: float, weighted_sum: float, *, baseline: float, settings: Settings) -> EdgeEstimate:
    """Pure: rule `edge_estimate` from n = Σ u_d and Σ u_d·x_d."""
    kappa = max(settings.edge_prior_documents, 1e-9)
    est = baseline + (weighted_sum - baseline * n) / (n + kappa)
    sd = settings.edge_document_sd / math.sqrt(n + kappa)
    tau = settings.dead_band
    p_plus = 1.0 - _phi((baseline + tau - est) / sd)
    p_minus = _phi((baseline - tau - est) / sd)
    p_zero = max(0.0, 1.0 - p_plus - p_minus)
    sign = edge_sign(p_plus, p_zero, p_minus, settings=settings)
    return EdgeEstimate(est, sd, n, p_plus, p_zero, p_minus, sign)


def edge_sign(p_plus: float, p_zero: float, p_minus: float, *, settings: Settings) -> int | None:
    """+1, 0 or −1 when its posterior probability reaches `sign_credibility`; else None."""
    c = settings.sign_credibility
    for sign, p in ((1, p_plus), (-1, p_minus), (0, p_zero)):
        if p >= c:
            return sign
    return None


@dataclass(frozen=True, slots=True)
class EdgePeriod:
    key: str
    score: float | None  # plain mean Goldstein of the period's events on this edge; None without events
    estimate: float | None  # posterior mean (module docstring)
    sd: float | None  # posterior standard deviation
    baseline: float
    deviation: float | None  # estimate − baseline
    sign: int | None  # +1, 0, −1; None: insufficient evidence or no data
    p_plus: float | None
    p_zero: float | None
    p_minus: float | None
    events: int
    documents: int
    outlets: int
    effective_documents: float

    @property
    def status(self) -> str:
        return sign_text(self.sign, self.documents)

    def to_json(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "sign": None if self.sign is None else SIGN_TEXT[self.sign],
            "status": self.status,
            "estimate": r(self.estimate),
            "sd": r(self.sd),
            "score": r(self.score),
            "p_plus": r(self.p_plus),
            "p_zero": r(self.p_zero),
            "p_minus": r(self.p_minus),
            "events": self.events,
            "documents": self.documents,
            "outlets": self.outlets,
            "effective_documents": round(self.effective_documents, 4),
            "baseline": round(self.baseline, 4),
            "deviation": r(self.deviation),
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

    @property
    def determinate(self) -> bool:
        return self.configuration in DETERMINATE

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
    baseline: str
    weighting: str
    periods: tuple[TrianglePeriod, ...]
    rule: Mapping[str, float]  # the settings of the sign rule

    def to_json(self) -> dict[str, Any]:
        return {
            "actors": list(self.actors),
            "freq": self.freq,
            "score": "posterior_mean_goldstein",
            "dead_band": self.dead_band,
            "baseline": self.baseline,
            "weighting": self.weighting,
            "rule": dict(self.rule),
            "periods": [p.to_json() for p in self.periods],
        }


def _scaled(dev: float) -> float:
    return max(-1.0, min(1.0, dev / 10.0))


@functools.lru_cache(maxsize=64)
def _configurations(acts: tuple[str, ...], keys: tuple[str, ...]) -> dict[tuple[int, int, int], str]:
    """The configuration of each of the 27 sign triples of the edges `keys`, classified once."""
    triples = itertools.product((1, 0, -1), repeat=3)
    return {t: classify_signs(acts, dict(zip(keys, t, strict=True))).configuration for t in triples}


def _probabilities(acts: tuple[str, ...], keys: list[str], edges: list[EdgePeriod]) -> dict[str, float]:
    out: dict[str, float] = {}
    configuration = _configurations(tuple(acts), tuple(keys))
    per_edge = [((1, e.p_plus or 0.0), (0, e.p_zero or 0.0), (-1, e.p_minus or 0.0)) for e in edges]
    for (s0, p0) in per_edge[0]:
        for (s1, p1) in per_edge[1]:
            for (s2, p2) in per_edge[2]:
                p = p0 * p1 * p2
                if p:
                    cfg = configuration[(s0, s1, s2)]
                    out[cfg] = out.get(cfg, 0.0) + p
    return out


def aggregate_documents(docs: Sequence[EdgeDocumentRow], *, outlet_correlation: float) -> list[EdgeAggRow]:
    """Pure: the `EdgeAggRow`s of `aggregates.triangle_edges` from per-document rows (the same sums)."""
    rho = min(max(outlet_correlation, 0.0), 1.0)
    groups: dict[tuple[date, int, int], list[EdgeDocumentRow]] = defaultdict(list)
    for d in docs:
        groups[(d.start, d.i, d.j)].append(d)
    out = []
    for (start, i, j), rows in sorted(groups.items()):
        keys = [r.outlet if r.outlet is not None else f"doc:{r.doc_key}" for r in rows]
        per_outlet = Counter(keys)
        u = [1.0 / (1.0 + (per_outlet[k] - 1) * rho) for k in keys]
        out.append(EdgeAggRow(
            start, i, j, float(sum(u)), sum(w * r.weighted_goldstein / r.weight for w, r in zip(u, rows, strict=True)),
            len(rows), len(per_outlet), sum(r.events for r in rows), sum(r.weighted_goldstein for r in rows),
            int(sum(r.weight for r in rows)),
        ))
    return out


def build_triangle(
    actors: Sequence[str],
    docs: Sequence[EdgeAggRow],
    *,
    settings: Settings,
    freq: str = "month",
    totals: Sequence[PeriodTotalRow] = (),
    first: date | None = None,
    last: date | None = None,
) -> Triangle:
    """Pure: the triangle from the rows of `aggregates.triangle_edges` (actor indexes into `actors`)."""
    acts = tuple(actors)
    if len(set(acts)) != 3:
        raise UsageError(f"a triangle needs three different actors, got {', '.join(acts)}")
    if settings.sign_baseline not in BASELINES:
        raise UsageError(f"unknown sign_baseline {settings.sign_baseline!r}: expected one of {', '.join(BASELINES)}")
    pair_key = {(i, j): edge_key(acts[i], acts[j]) for i in range(3) for j in range(i + 1, 3)}
    keys = sorted(pair_key.values())
    by_edge = {(d.start, pair_key[(d.i, d.j)]): d for d in docs}
    pooled = {t.start: t.goldstein_mean for t in totals}
    starts = [d.start for d in docs]
    lo = first or (min(starts) if starts else None)
    hi = last or (max(starts) if starts else None)
    history: dict[str, list[float]] = {k: [] for k in keys}
    periods: list[TrianglePeriod] = []
    for start in period_range(lo, hi, freq) if lo and hi else []:
        edges: list[EdgePeriod] = []
        for key in keys:
            if settings.sign_baseline == "corpus":
                base = pooled.get(start) or 0.0
            elif settings.sign_baseline == "rolling":
                past = history[key][-settings.baseline_window:]
                base = median(past) if past else 0.0
            else:
                base = 0.0
            row = by_edge.get((start, key))
            if row is None:
                edges.append(EdgePeriod(key, None, None, None, base, None, None, None, None, None, 0, 0, 0, 0.0))
                continue
            score = row.mention_goldstein / row.mentions
            post = posterior(row.effective_documents, row.weighted_sum, baseline=base, settings=settings)
            edges.append(EdgePeriod(
                key, score, post.estimate, post.sd, base, post.estimate - base, post.sign, post.p_plus, post.p_zero,
                post.p_minus, row.events, row.documents, row.outlets, post.effective_documents,
            ))
            history[key].append(post.estimate)
        cls = classify_signs(acts, {e.key: e.sign for e in edges})
        with_data = all(e.documents for e in edges)
        nearest = None
        if cls.configuration not in DETERMINATE and with_data:
            near = {e.key: 1 if (e.deviation or 0.0) >= 0 else -1 for e in edges}
            nearest = classify_signs(acts, near).configuration
        balance_index = None
        if with_data:
            prod = float(np.prod([_scaled(e.deviation or 0.0) for e in edges]))
            balance_index = float(np.sign(prod) * abs(prod) ** (1.0 / 3.0))
        leverage = None
        if cls.configuration == ROMANTIC:
            pivot = next(x for x, r in cls.roles.items() if r == "pivot")
            wings = [x for x in acts if x != pivot]
            x = {e.key: _scaled(e.deviation or 0.0) for e in edges}
            leverage = min(x[edge_key(pivot, wings[0])], x[edge_key(pivot, wings[1])]) - x[edge_key(*wings)]
        probabilities = _probabilities(acts, keys, edges) if with_data else {}
        confidence = probabilities.get(cls.configuration) if with_data and cls.configuration != INSUFFICIENT else None
        periods.append(
            TrianglePeriod(
                period=period_label(start, freq), start=start, edges=tuple(edges),
                configuration=cls.configuration, nearest_configuration=nearest, roles=cls.roles,
                balance=cls.balance, balance_index=balance_index, pivot_leverage=leverage,
                confidence=confidence, probabilities=probabilities,
            )
        )
    rule = {"dead_band": settings.dead_band, "edge_prior_documents": settings.edge_prior_documents,
            "edge_document_sd": settings.edge_document_sd, "outlet_correlation": settings.outlet_correlation,
            "sign_credibility": settings.sign_credibility}
    return Triangle(
        actors=(acts[0], acts[1], acts[2]), freq=freq, dead_band=settings.dead_band, baseline=settings.sign_baseline,
        weighting="mentions" if settings.weight_by_mentions else "events", periods=tuple(periods), rule=rule,
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
    """The triangle of three actors from the store connection `con` (a DuckDB connection): the one
    function behind `multipolar triangle` (table and JSON) and the report."""
    acts = tuple(aggregates.check_actor(x) for x in actors)
    if len(acts) != 3:
        raise UsageError(f"a triangle needs exactly three actors, got {len(acts)}")
    aggregates.check_freq(freq)
    flt = EventFilter.from_settings(settings, start=start, end=end)
    docs = aggregates.triangle_edges(con, (acts[0], acts[1], acts[2]), freq=freq, flt=flt,
                                     outlet_correlation=settings.outlet_correlation)
    totals = aggregates.period_totals(con, acts, freq=freq, flt=flt) if settings.sign_baseline == "corpus" else []
    return build_triangle(acts, docs, settings=settings, freq=freq, totals=totals)


def format_edge(e: EdgePeriod) -> str:
    """One table cell: "+ +3.50 ±1.50 (4 ev, 2 docs)", "insufficient evidence +2.33 ±1.73 (1 ev, 1 doc)"."""
    if not e.documents:
        return "no data"
    docs = f"{e.documents} doc" + ("" if e.documents == 1 else "s")
    return f"{e.status} {e.estimate:+.2f} ±{e.sd:.2f} ({e.events} ev, {docs})"


def format_triangle_table(tri: Triangle) -> list[tuple[str, ...]]:
    """Rows for a plain table (header first): one line per period."""
    keys = sorted(edge_key(x, y) for i, x in enumerate(tri.actors) for y in tri.actors[i + 1:])
    head = ("period", *keys, "configuration", "balanced", "roles", "confidence")
    out: list[tuple[str, ...]] = [head]
    for p in tri.periods:
        cells = [format_edge(next(x for x in p.edges if x.key == k)) for k in keys]
        roles = ", ".join(f"{a} {r}" for a, r in sorted(p.roles.items()))
        bal = "" if p.balanced is None else ("yes" if p.balanced else "no")
        conf = "" if p.confidence is None else f"{p.confidence:.2f}"
        out.append((p.period, *cells, p.configuration, bal, roles, conf))
    return out
