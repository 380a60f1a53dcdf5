"""Claims about the same measure, grouped across documents: corroborated, contradicted, or apart.

    group_claims(claims, tolerance=0.05) -> list[ClaimGroup]

A group is one quantity: (measure, unit, subject, target, kind, scope) - who states a figure of what,
on whom, as a level or a change, for which part ("a 10% tariff by the US on Chinese steel" and "a 145%
US tariff on all Chinese goods" are two quantities; "raised by 50%" and "raised to 50%" are two kinds).
Within a group the period decides whether figures can contradict (below). Values are already in
base units, so "$245 billion" and "245 billion dollars" compare directly; different currencies are
never converted into each other (no exchange rates here), and money is never compared with percent.
Claims whose measure is "unspecified" stay in groups of their own.

Rule `single_valued`: only a measure with one true value per subject and period can be contradicted:
an aggregate statistic of a country or pair (trade, exports, imports, GDP, growth, inflation,
unemployment, budget, spending, deficit, surplus, debt, reserves, production, consumption; a rate -
inflation, unemployment, growth - only in percent), as a level (`kind`). Figures of
measures that come in many instances (an investment, an aid package, a deal, a loan, a tariff on one
good or another, sanctions, prices, people counted - but a toll of the dead or wounded as known on one
day, rule `single_toll` in tolls.py) or of changes (against bases that may differ) can
all be true at once: their groups are never `contradicted` nor `different_periods`, only corroborated,
periods_unstated or single; so is a group with no subject.

Rule `stated_precision`: a figure is as exact as it is written: "$1 trillion" stands for anything from
$0.5 to $1.5 trillion, "$1.2 trillion" for $1.15 to $1.25 trillion, "4.2 percent" for 4.15 to 4.25; a
word of approximation before it ("about", "nearly", "roughly", "some", "an estimated") widens that to a
whole unit of its last digit. Two figures agree when they are within `tolerance` of each other or when
their ranges meet ("a $1 trillion deficit" and "a $1.2 trillion deficit" can both be true). Trailing
zeros of a whole number of three or more zeros are not read as exact ("100,000 troops": to the
hundred thousand); a number written in words has no stated precision beyond the tolerance. Rule
`approximate_round`: after a word of approximation any trailing zero is rounding ("about $700
billion" is rounded to the hundred billion, so it meets $740 billion, not $850 billion).

Status, first that applies:
- contradicted: two documents give figures further apart than `tolerance` (relative) for the same
  stated period: two claims that cannot both be true. Figures without a period never contradict each
  other (nothing says they are about the same time: a 10% tariff in February and 145% in April);
- different_periods: the figures differ, but only between different periods (a year against another
  year, or a year against none): kept apart, with the periods named in the reason;
- corroborated: at least two documents agree within tolerance (a figure without a period agrees with
  the same figure for a stated period);
- periods_unstated: figures differ, but none of the differing ones states a period;
- single: one document only.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence

from multipolar.claims.extract import UNSPECIFIED
from multipolar.claims.tolls import is_comparable_toll, is_toll
from multipolar.records import CLAIM_STATUSES, CONFLICT_STATUSES, Claim, ClaimGroup

__all__ = ["CONFLICT_STATUSES", "SINGLE_VALUED", "STATUSES", "ClaimGroup", "agrees", "figures_agree", "group_claims",
           "group_id_of", "quantity_key", "stated_margin"]

SINGLE_VALUED = frozenset({
    "trade", "exports", "imports", "gdp", "growth", "inflation", "unemployment", "budget", "spending", "deficit",
    "surplus", "debt", "reserves", "production", "consumption",
})
RATES = frozenset({"inflation", "unemployment", "growth"})
STATUSES = CLAIM_STATUSES


def group_id_of(measure: str, unit: str, subject: Sequence[str], *, target: Sequence[str] = (),
                kind: str = "level", scope: str | None = None) -> str:
    key = f"{measure}|{unit}|{','.join(sorted(subject))}"
    if target or kind != "level" or scope is not None:  # the ids of level claims with no target or scope are kept
        key += f"|{','.join(sorted(target))}|{kind}|{scope or ''}"
    return "cg_" + hashlib.sha1(key.encode()).hexdigest()[:16]


def quantity_key(claim: Claim) -> tuple[str, str, tuple[str, ...], tuple[str, ...], str, str | None]:
    """What makes two claims figures of one quantity: (measure, unit, subject, target, kind, scope)."""
    return (claim.measure, claim.unit, tuple(sorted(claim.subject)), tuple(sorted(claim.target)), claim.kind,
            claim.scope)


def agrees(a: float, b: float, tolerance: float) -> bool:
    """Relative agreement: |a - b| <= tolerance * max(|a|, |b|)."""
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_APPROXIMATE = re.compile(
    r"(?i)\b(?:about|around|roughly|approximately|nearly|almost|some|close\s+to|estimated|an\s+estimated"
    r"|just\s+(?:over|under)|circa|~)\s*$"
)


def stated_margin(claim: Claim) -> float:
    """Rule `stated_precision` (module docstring): how far from its value the figure as written reaches."""
    m = _DIGITS.search(claim.text)
    if m is None:
        return 0.0
    written = m.group(0).replace(",", "")
    number = float(written)
    if number == 0:
        return 0.0
    scale = abs(claim.value / number)
    where = claim.sentence_text.find(claim.text)
    approximate = bool(where >= 0 and claim.sentence_text.count(claim.text) == 1
                       and _APPROXIMATE.search(claim.sentence_text[:where]))
    if "." in written:
        step = 10.0 ** -len(written.split(".")[1])
    else:
        zeros = len(written) - len(written.rstrip("0"))
        step = 10.0**zeros if zeros >= 3 or (approximate and zeros >= 1) else 1.0  # rule `approximate_round`
    margin = step * scale / 2
    return margin * 2 if approximate else margin


def figures_agree(a: Claim, b: Claim, tolerance: float) -> bool:
    """Rules `stated_precision` and tolerance: can the two figures, as written, be the same value?"""
    return agrees(a.value, b.value, tolerance) or abs(a.value - b.value) <= stated_margin(a) + stated_margin(b)


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def format_value(value: float, unit: str) -> str:
    """A readable figure: 245000000000 USD -> "245 billion USD", 145 percent -> "145%"."""
    if unit == "percent":
        return f"{value:g}%"
    if unit == "pp":
        return f"{value:g} percentage points"
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{value / size:.3g} {word} {unit}"
    return f"{value:,.4g} {unit}" if abs(value) < 1e4 else f"{value:,.0f} {unit}"


def _period_name(period: str | None) -> str:
    return period or "unstated"


def _documents(claims: Sequence[Claim]) -> int:
    return len({c.doc_id for c in claims})


def _figure_summary(claims: Sequence[Claim], tolerance: float) -> list[str]:
    """One phrase per distinct figure and period: '245 billion USD for 2024 (2 documents)'."""
    clusters: list[list[Claim]] = []
    for claim in sorted(claims, key=lambda c: (_period_name(c.period), c.value, c.doc_id)):
        for cluster in clusters:
            if cluster[0].period == claim.period and figures_agree(cluster[0], claim, tolerance):
                cluster.append(claim)
                break
        else:
            clusters.append([claim])
    parts = []
    for cluster in clusters:
        n = _documents(cluster)
        when = f"for {cluster[0].period}" if cluster[0].period else "with no period stated"
        parts.append(
            f"{format_value(cluster[0].value, cluster[0].unit)} {when} ({n} document{'s' if n != 1 else ''})"
        )
    return parts


def _edge_claims(claims: Sequence[Claim]) -> list[Claim]:
    """The two highest and two lowest values, each from a different document: enough to find the
    widest gap between two documents without comparing every pair."""
    picked: list[Claim] = []
    for order in (sorted(claims, key=lambda c: c.value), sorted(claims, key=lambda c: -c.value)):
        docs: set[str] = set()
        for claim in order:
            if claim.doc_id not in docs:
                docs.add(claim.doc_id)
                picked.append(claim)
            if len(docs) == 2:
                break
    return picked


def _clash(a_side: Sequence[Claim], b_side: Sequence[Claim], tolerance: float) -> bool:
    """Whether two documents, one from each side, give figures further apart than tolerance."""
    return any(
        a.doc_id != b.doc_id and not figures_agree(a, b, tolerance)
        for a in _edge_claims(a_side)
        for b in _edge_claims(b_side)
    )


def _agreeing_documents(claims: Sequence[Claim], tolerance: float) -> set[str]:
    """Documents whose figure agrees with another document's (neighbours in value order suffice)."""
    ordered = sorted(claims, key=lambda c: c.value)
    docs: set[str] = set()
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.doc_id != b.doc_id and figures_agree(a, b, tolerance):
            docs.update((a.doc_id, b.doc_id))
    return docs


def single_valued(measure: str, subject: Sequence[str], unit: str | None = None) -> bool:
    """Rule `single_valued` (module docstring): can two figures of this measure contradict each other?
    A rate (inflation, unemployment, growth) only in percent: "$800 saved under the Inflation Reduction
    Act" is no inflation figure."""
    words = measure.split()
    if is_toll(measure, unit):
        return bool(subject)  # rule `single_toll` (tolls.py): one subject's toll as known on one day
    if words and words[-1] in RATES and unit is not None and unit not in {"percent", "pp"}:
        return False
    return bool(subject) and bool(words) and words[-1] in SINGLE_VALUED


def _status(claims: Sequence[Claim], tolerance: float) -> tuple[str, str]:
    pct = f"{tolerance:.0%}"
    first = claims[0]
    comparable = first.kind == "level" and single_valued(first.measure, first.subject, first.unit) and (
        not is_toll(first.measure, first.unit) or is_comparable_toll(first.measure, first.unit, first.scope)
    )
    by_period: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_period[claim.period].append(claim)
    parts = _figure_summary(claims, tolerance)
    summary = "; ".join(parts[:4]) + (f"; and {len(parts) - 4} more figures" if len(parts) > 4 else "")
    clashing = sorted(
        (p for p, members in by_period.items() if comparable and p is not None and _clash(members, members, tolerance)),
        key=lambda p: (p is None, p or ""),
    )
    if clashing:
        period = clashing[0]
        return "contradicted", f"Documents disagree by more than {pct} for the same period ({period}): {summary}."
    periods = sorted(by_period, key=lambda p: (p is None, p or ""))
    named: set[str] = set()
    for i, p in enumerate(periods if comparable else []):
        for q in periods[i + 1 :]:
            if _clash(by_period[p], by_period[q], tolerance):
                named |= {_period_name(p), _period_name(q)}
    apart = sorted(named, key=lambda name: (name == "unstated", name))
    if apart:
        return "different_periods", (
            f"Figures differ but refer to different periods ({' vs '.join(apart)}), so they are kept "
            f"apart rather than called a contradiction: {summary}."
        )
    agreeing: set[str] = set()
    for period in periods:
        pool = by_period[period] + (by_period.get(None, []) if period is not None else [])
        agreeing |= _agreeing_documents(pool, tolerance)
    if len(agreeing) >= 2:
        return "corroborated", f"{len(agreeing)} documents agree within {pct}: {summary}."
    unstated = by_period.get(None, [])
    if _clash(unstated, unstated, tolerance):
        return "periods_unstated", (
            f"Figures differ but no period is stated for them, so they cannot be compared: {summary}."
        )
    if not comparable and any(_clash(m, m, tolerance) for m in by_period.values()):
        return "single", f"Figures differ, but {claims[0].measure} comes in many instances that can all be true: {summary}."
    if _documents(claims) > 1:
        return "single", f"No two documents give a figure for the same period: {summary}."
    return "single", f"Stated by one document only: {summary}."


def group_claims(claims: Sequence[Claim], *, tolerance: float) -> list[ClaimGroup]:
    """Group claims by quantity (`quantity_key`) across documents and judge whether they agree."""
    if tolerance < 0:
        raise ValueError(f"claim tolerance must be >= 0, got {tolerance}")
    buckets: dict[tuple[str, str, tuple[str, ...], tuple[str, ...], str, str | None], list[Claim]] = defaultdict(list)
    singles: list[ClaimGroup] = []
    for claim in claims:
        if claim.measure == UNSPECIFIED:
            singles.append(_make_group(f"cg_{claim.claim_id}", [claim], tolerance))
            continue
        buckets[quantity_key(claim)].append(claim)
    groups = [
        _make_group(group_id_of(measure, unit, subject, target=target, kind=kind, scope=scope), members, tolerance)
        for (measure, unit, subject, target, kind, scope), members in buckets.items()
    ]
    return sorted([*groups, *singles], key=lambda g: (STATUSES.index(g.status), g.measure, g.group_id))


def _make_group(group_id: str, claims: Sequence[Claim], tolerance: float) -> ClaimGroup:
    ordered = sorted(claims, key=lambda c: (c.doc_id, c.start))
    status, reason = _status(ordered, tolerance)
    first = ordered[0]
    return ClaimGroup(
        group_id=group_id,
        measure=first.measure,
        unit=first.unit,
        subject=tuple(sorted(first.subject)),
        status=status,
        reason=reason,
        n_claims=len(ordered),
        n_documents=_documents(ordered),
        min_value=min(c.value for c in ordered),
        max_value=max(c.value for c in ordered),
        claim_ids=tuple(c.claim_id for c in ordered),
        target=tuple(sorted(first.target)),
        kind=first.kind,
        scope=first.scope,
    )


def group_ids_by_claim(groups: Sequence[ClaimGroup]) -> dict[str, str]:
    """claim_id -> group_id, for writing each claim's group."""
    return {claim_id: group.group_id for group in groups for claim_id in group.claim_ids}
