"""The SQL behind relations: per-period rows for dyads and triangles, and the events behind them.

Every query is parameterised (values never enter the SQL text) and returns small frozen records; the
arithmetic that turns them into dyad series, triangles and shifts lives in `multipolar.relations`,
as pure functions over these rows.

Counting rules, shared by every query here (the `ev` common table expression):
- canonical events only: `canonical_id IS NULL OR canonical_id = event_id` (event dedup keeps one);
- events whose document is a near duplicate (`documents.near_duplicate_of` set) are left out;
- events from machine-spun documents are left out when `settings.exclude_spun`;
- negated and hypothetical events are left out unless `settings.count_negated` /
  `settings.count_hypothetical`;
- events whose date is implausible (`date_flag` set: after their document's publication, or before
  `event_date_earliest_year`; events/timing.py) are left out;
- events without a date or without a target are left out (they belong to no dyad-period), and so are
  events dated only by the day their undated document was ingested (precision `doc_ingest`) unless
  `settings.count_ingest_dated`;
- acts between two states whose probability (the learned layer's, in `confidence`) is below
  `settings.event_min_probability` are left out (imported GDELT rows keep theirs);
- weight w = max(mentions, 1) when `settings.weight_by_mentions`, else 1.
Triangle edges (undirected) also apply rule `edge_mirror` when `settings.edge_mirror_once`: one sentence
that gives a symmetric act in both directions (A->B and B->A with the same code) counts once.
A document is `coalesce(doc_id, url, event_id)` (GDELT rows have a url and no stored document); an
outlet is `documents.outlet`, else the host of the event's url.

Actor codes: a 3-letter code matches the `source`/`target` column (country or IGO/NGO prefix); a
longer code matches `source_actor`/`target_actor` by prefix, so "USAGOV" also matches "USAGOVMIL".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from multipolar.codes import COLLECTIVE_PREFIXES, STATE_ROLES
from multipolar.errors import UsageError
from multipolar.settings import Settings

FREQS = ("day", "week", "month", "quarter")
_CODE = re.compile(r"^[A-Z0-9]{3,15}$")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events count; built from the settings (see the module docstring)."""

    weight_by_mentions: bool = False
    exclude_spun: bool = False
    count_negated: bool = False
    count_hypothetical: bool = False
    count_ingest_dated: bool = False
    canonical_only: bool = True
    min_probability: float = 0.0  # acts between two states below it are left out (events/model.py)
    mirror_once: bool = True  # triangle edges: a mirrored pair from one sentence counts once
    start: date | None = None
    end: date | None = None

    @classmethod
    def from_settings(cls, settings: Settings, *, start: date | None = None, end: date | None = None) -> EventFilter:
        return cls(
            weight_by_mentions=settings.weight_by_mentions,
            exclude_spun=settings.exclude_spun,
            count_negated=settings.count_negated,
            count_hypothetical=settings.count_hypothetical,
            count_ingest_dated=settings.count_ingest_dated,
            min_probability=settings.event_min_probability if settings.event_model else 0.0,
            mirror_once=settings.edge_mirror_once,
            start=start,
            end=end,
        )


@dataclass(frozen=True, slots=True)
class DyadAggRow:
    """One dyad-period aggregate; `direction` is "ab", "ba" or "both" (the undirected dyad)."""

    start: date
    direction: str
    events: int
    weight: float
    q1: int
    q2: int
    q3: int
    q4: int
    w_cooperative_quads: float  # Σw over quads 1-2
    w_conflictual_quads: float  # Σw over quads 3-4
    goldstein_sum: float  # Σ w·g
    cooperation: float  # Σ_{g>0} w·g
    conflict: float  # Σ_{g<0} w·|g|
    documents: int
    outlets: int


@dataclass(frozen=True, slots=True)
class PeriodTotalRow:
    """Denominators of §3.3: all counted events in the period, and those involving either actor."""

    start: date
    total_weight: float
    salience_weight: float
    goldstein_mean: float | None  # the period's pooled mean over all dyadic events (corpus baseline)


@dataclass(frozen=True, slots=True)
class EdgeDocumentRow:
    """What one document says about one triangle edge in one period (actor indexes i < j)."""

    start: date
    i: int
    j: int
    doc_key: str  # doc_id, else the event's url, else the event itself
    outlet: str | None
    weighted_goldstein: float  # Σ g over the document's mentions on the edge (canonical or not)
    weight: float  # its number of mentions
    events: int  # its canonical events


@dataclass(frozen=True, slots=True)
class EdgeAggRow:
    """One triangle edge in one period, summed over its documents for the edge estimate of
    `relations.triangle`: a document d has mean x_d over its mentions on the edge and weight
    u_d = 1 / (1 + (m − 1)·ρ), m the documents of its outlet on the edge in the period."""

    start: date
    i: int
    j: int
    effective_documents: float  # Σ u_d
    weighted_sum: float  # Σ u_d·x_d
    documents: int
    outlets: int  # distinct outlets (a document without one counts as its own)
    events: int  # canonical events
    mention_goldstein: float  # Σ g over every mention
    mentions: int


@dataclass(frozen=True, slots=True)
class EdgeEventRow:
    """One counted event on a triangle edge (actor indexes i < j), with what a reader needs to trace it."""

    start: date  # the period's first day
    i: int
    j: int
    event_id: str
    date: date
    date_precision: str | None
    source_actor: str
    target_actor: str
    cameo: str
    goldstein: float
    weight: float
    doc_key: str  # the document (doc_id, else url, else the event itself)
    outlet: str | None
    text: str | None
    doc_id: str | None
    url: str | None
    title: str | None
    source_uri: str | None  # where the document was read from (a local file's path)


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event with what a reader needs to trace it: its sentence and its document."""

    event_id: str
    date: date
    source: str
    source_actor: str
    target: str
    target_actor: str
    cameo: str
    quad: int
    goldstein: float
    weight: float
    text: str | None
    doc_id: str | None
    url: str | None
    title: str | None
    outlet: str | None
    origin: str
    source_uri: str | None = None


@dataclass(frozen=True, slots=True)
class OutletCount:
    outlet: str
    documents: int


@dataclass(frozen=True, slots=True)
class CorpusSummary:
    documents: int
    documents_counted: int  # not near duplicates (and not spun when excluded)
    near_duplicates: int
    spun: int
    first_published: date | None
    last_published: date | None
    events: int
    events_counted: int  # after every counting rule
    first_event: date | None
    last_event: date | None
    gdelt_events: int
    outlets: tuple[OutletCount, ...]


def check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise UsageError(f"unknown frequency {freq!r}: expected one of {', '.join(FREQS)}")
    return freq


def check_actor(code: str) -> str:
    norm = code.strip().upper()
    if not _CODE.match(norm):
        raise UsageError(
            f"actor code {code!r} is not a CAMEO-style code: expected 3 letters (USA, CHN, IGO) or a full "
            "actor code (USAGOV, IGONATO)"
        )
    return norm


def _ev_cte(flt: EventFilter) -> tuple[str, list[Any]]:
    """The common table expression `ev`: the counted events with weight, document key and outlet."""
    where = ["e.date IS NOT NULL", "e.target IS NOT NULL", "e.date_flag IS NULL"]
    params: list[Any] = [flt.weight_by_mentions]
    if flt.canonical_only:
        where.append("(e.canonical_id IS NULL OR e.canonical_id = e.event_id)")
    where.append("d.near_duplicate_of IS NULL")
    if flt.exclude_spun:
        where.append("coalesce(d.spun, false) = false")
    if not flt.count_negated:
        where.append("NOT e.negated")
    if not flt.count_hypothetical:
        where.append("e.modality <> 'hypothetical'")
    if not flt.count_ingest_dated:
        where.append("coalesce(e.date_precision, '') <> 'doc_ingest'")
    if flt.min_probability > 0:
        # the learned layer's probability applies to acts between two states (multipolar.codes)
        where.append(f"(e.origin <> 'multipolar' OR NOT ({_state_sql('source_actor')} AND {_state_sql('target_actor')}"
                     " AND e.source <> e.target) OR e.confidence >= ?)")
        params.append(flt.min_probability)
    if flt.start is not None:
        where.append("e.date >= ?")
        params.append(flt.start)
    if flt.end is not None:
        where.append("e.date <= ?")
        params.append(flt.end)
    sql = f"""
    ev AS (
        SELECT e.event_id, e.date, e.source, e.source_actor, e.target, e.target_actor, e.cameo, e.quad,
               e.goldstein, e.text, e.doc_id, e.sentence, coalesce(e.url, d.url) AS url, e.origin, d.title,
               e.date_precision, d.source_uri, (e.canonical_id IS NULL OR e.canonical_id = e.event_id) AS canonical,
               CASE WHEN ? THEN greatest(coalesce(e.mentions, 1), 1) ELSE 1 END::DOUBLE AS w,
               coalesce(e.doc_id, e.url, e.event_id) AS doc_key,
               coalesce(d.outlet, nullif(regexp_extract(e.url, '^[A-Za-z]+://([^/:?#]+)', 1), '')) AS outlet
        FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
        WHERE {" AND ".join(where)}
    )"""
    return sql, params


def _state_sql(column: str) -> str:
    """SQL for `multipolar.codes.is_state` on an actor-code column (constants only, no user text)."""
    prefixes = ", ".join(f"'{p}'" for p in sorted(COLLECTIVE_PREFIXES))
    roles = ", ".join(f"'{r}'" for r in sorted(STATE_ROLES))
    return (f"(length(e.{column}) >= 3 AND substr(e.{column}, 1, 3) NOT IN ({prefixes}) "
            f"AND substr(e.{column}, 4, 3) IN ({roles}))")


def _match(side: str, code: str) -> tuple[str, list[Any]]:
    """SQL matching one actor on one side ("source" or "target") of an event, with its parameters."""
    if len(code) == 3:
        return f"{side} = ?", [code]
    return f"({side} = ? AND starts_with({side}_actor, ?))", [code[:3], code]


def _period(freq: str) -> str:
    return f"date_trunc('{check_freq(freq)}', date)::DATE"


def dyad_rows(con: Any, a: str, b: str, *, freq: str, flt: EventFilter) -> list[DyadAggRow]:
    """Directed (ab, ba) and undirected (both) aggregates per period for actors a and b."""
    a, b = check_actor(a), check_actor(b)
    if a == b:
        raise UsageError(f"a dyad needs two different actors, got {a} twice")
    cte, params = _ev_cte(flt)
    sa, pa = _match("source", a)
    tb, pb = _match("target", b)
    sb, pb2 = _match("source", b)
    ta, pa2 = _match("target", a)
    sql = f"""
    WITH {cte},
    pair AS (
        SELECT {_period(freq)} AS period, w, quad, goldstein, doc_key, outlet,
               CASE WHEN {sa} AND {tb} THEN 'ab' WHEN {sb} AND {ta} THEN 'ba' END AS dir
        FROM ev
        WHERE source IN (?, ?) AND target IN (?, ?)
    )
    SELECT period, coalesce(dir, 'both') AS direction, count(*) AS n, sum(w),
           count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2),
           count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4),
           coalesce(sum(w) FILTER (WHERE quad IN (1, 2)), 0), coalesce(sum(w) FILTER (WHERE quad IN (3, 4)), 0),
           sum(w * goldstein),
           coalesce(sum(w * goldstein) FILTER (WHERE goldstein > 0), 0),
           coalesce(sum(-w * goldstein) FILTER (WHERE goldstein < 0), 0),
           count(DISTINCT doc_key), count(DISTINCT outlet)
    FROM pair WHERE dir IS NOT NULL
    GROUP BY GROUPING SETS ((period, dir), (period))
    ORDER BY period, direction
    """
    args = params + pa + pb + pb2 + pa2 + [a[:3], b[:3], a[:3], b[:3]]
    out = []
    for r in con.execute(sql, args).fetchall():
        out.append(
            DyadAggRow(
                start=r[0], direction=r[1], events=int(r[2]), weight=float(r[3]),
                q1=int(r[4]), q2=int(r[5]), q3=int(r[6]), q4=int(r[7]),
                w_cooperative_quads=float(r[8]), w_conflictual_quads=float(r[9]),
                goldstein_sum=float(r[10]), cooperation=float(r[11]), conflict=float(r[12]),
                documents=int(r[13]), outlets=int(r[14]),
            )
        )
    return out


def period_totals(con: Any, actors: tuple[str, ...], *, freq: str, flt: EventFilter) -> list[PeriodTotalRow]:
    """Per period: Σw over all counted events, Σw over events involving any of `actors`, pooled mean."""
    codes = [check_actor(x) for x in actors]
    cte, params = _ev_cte(flt)
    conds: list[str] = []
    args: list[Any] = []
    for code in codes:
        for side in ("source", "target"):
            sql, p = _match(side, code)
            conds.append(sql)
            args += p
    involve = " OR ".join(conds) if conds else "false"
    sql = f"""
    WITH {cte}
    SELECT {_period(freq)} AS period, sum(w), coalesce(sum(w) FILTER (WHERE {involve}), 0),
           sum(w * goldstein) / nullif(sum(w), 0)
    FROM ev GROUP BY period ORDER BY period
    """
    return [
        PeriodTotalRow(start=r[0], total_weight=float(r[1]), salience_weight=float(r[2]),
                       goldstein_mean=None if r[3] is None else float(r[3]))
        for r in con.execute(sql, params + args).fetchall()
    ]


def _actor_index(side: str, codes: list[str]) -> tuple[str, list[Any]]:
    parts, args = [], []
    for k, code in enumerate(codes):
        sql, p = _match(side, code)
        parts.append(f"WHEN {sql} THEN {k}")
        args += p
    return "CASE " + " ".join(parts) + " END", args


# rule `edge_mirror`: of a mirrored pair one sentence gives (A->B and B->A, same code, same period: "A and B
# agreed", coded once per direction), the undirected edge keeps the event whose source is the lower actor index
_MIRROR_ONCE = """QUALIFY NOT (s > t AND sentence IS NOT NULL AND sum(CASE WHEN s < t THEN 1 ELSE 0 END) OVER (
            PARTITION BY period, doc_key, sentence, cameo, least(s, t), greatest(s, t)) > 0)"""


def _triangle_cte(actors: tuple[str, str, str], freq: str, flt: EventFilter) -> tuple[str, list[Any]]:
    codes = [check_actor(x) for x in actors]
    if len(set(codes)) != 3:
        raise UsageError(f"a triangle needs three different actors, got {', '.join(codes)}")
    cte, params = _ev_cte(flt)
    si, ps = _actor_index("source", codes)
    ti, pt = _actor_index("target", codes)
    prefixes = sorted({c[:3] for c in codes})
    marks = ", ".join("?" for _ in prefixes)
    sql = f"""{cte},
    tri AS (
        SELECT *, {_period(freq)} AS period, {si} AS s, {ti} AS t
        FROM ev WHERE source IN ({marks}) AND target IN ({marks})
    ),
    edge AS (
        SELECT *, least(s, t) AS i, greatest(s, t) AS j FROM tri WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
        {_MIRROR_ONCE if flt.mirror_once else ""}
    )"""
    return sql, params + ps + pt + prefixes + prefixes


def triangle_documents(
    con: Any, actors: tuple[str, str, str], *, freq: str, flt: EventFilter
) -> list[EdgeDocumentRow]:
    """Per period, edge and document: the document's account of the edge (what the edge estimate of
    `relations.triangle` is computed from): Σg and the number of its mentions over every mention it
    makes, canonical or not (each document is one account; an act it shares with other documents is
    in each of their accounts), each mention weighing 1; and `events`, its canonical events (the
    events counted elsewhere). Actor indexes refer to `actors`."""
    cte, params = _triangle_cte(actors, freq, replace(flt, canonical_only=False, weight_by_mentions=False))
    sql = f"""
    WITH {cte}
    SELECT period, i, j, doc_key, any_value(outlet), sum(goldstein), count(*)::DOUBLE, count(*) FILTER (WHERE canonical)
    FROM edge GROUP BY period, i, j, doc_key ORDER BY period, i, j, doc_key
    """
    return [
        EdgeDocumentRow(start=r[0], i=int(r[1]), j=int(r[2]), doc_key=r[3], outlet=r[4],
                        weighted_goldstein=float(r[5]), weight=float(r[6]), events=int(r[7]))
        for r in con.execute(sql, params).fetchall()
    ]


def triangle_edges(
    con: Any, actors: tuple[str, str, str], *, freq: str, flt: EventFilter, outlet_correlation: float
) -> list[EdgeAggRow]:
    """Per period and edge, the sums the edge estimate needs (`EdgeAggRow`), over the documents of
    `triangle_documents` (same mentions, same outlet rule). Actor indexes refer to `actors`."""
    cte, params = _triangle_cte(actors, freq, replace(flt, canonical_only=False, weight_by_mentions=False))
    rho = min(max(float(outlet_correlation), 0.0), 1.0)
    sql = f"""
    WITH {cte},
    d AS (
        SELECT period, i, j, doc_key, coalesce(any_value(outlet), 'doc:' || doc_key) AS outlet_key,
               avg(goldstein) AS x, sum(goldstein) AS gs, count(*) AS mentions,
               count(*) FILTER (WHERE canonical) AS events
        FROM edge GROUP BY period, i, j, doc_key
    ),
    m AS (SELECT *, count(*) OVER (PARTITION BY period, i, j, outlet_key) AS per_outlet FROM d)
    SELECT period, i, j, sum(1.0 / (1 + (per_outlet - 1) * ?)), sum(x / (1 + (per_outlet - 1) * ?)), count(*),
           count(DISTINCT outlet_key), sum(events), sum(gs), sum(mentions)
    FROM m GROUP BY period, i, j ORDER BY period, i, j
    """
    return [
        EdgeAggRow(start=r[0], i=int(r[1]), j=int(r[2]), effective_documents=float(r[3]), weighted_sum=float(r[4]),
                   documents=int(r[5]), outlets=int(r[6]), events=int(r[7]), mention_goldstein=float(r[8]),
                   mentions=int(r[9]))
        for r in con.execute(sql, params + [rho, rho]).fetchall()
    ]


def triangle_events(
    con: Any, actors: tuple[str, str, str], *, freq: str, flt: EventFilter, per_edge: int | None = None
) -> list[EdgeEventRow]:
    """The counted events on the three edges of a triangle, by period, each with its sentence and
    document; with `per_edge`, the strongest (largest w·|g|) that many per edge and period."""
    cte, params = _triangle_cte(actors, freq, flt)
    limit = ""
    if per_edge is not None:
        limit = "QUALIFY row_number() OVER (PARTITION BY period, i, j ORDER BY w * abs(goldstein) DESC, date, event_id) <= ?"
        params = params + [int(per_edge)]
    sql = f"""
    WITH {cte}
    SELECT period, i, j, event_id, date, date_precision, source_actor, target_actor, cameo, goldstein, w, doc_key,
           outlet, text, doc_id, url, title, source_uri
    FROM edge {limit}
    ORDER BY period, i, j, w * abs(goldstein) DESC, date, event_id
    """
    return [
        EdgeEventRow(start=r[0], i=int(r[1]), j=int(r[2]), event_id=r[3], date=r[4], date_precision=r[5],
                     source_actor=r[6], target_actor=r[7], cameo=r[8], goldstein=float(r[9]), weight=float(r[10]),
                     doc_key=r[11], outlet=r[12], text=r[13], doc_id=r[14], url=r[15], title=r[16], source_uri=r[17])
        for r in con.execute(sql, params).fetchall()
    ]


def dyad_events(
    con: Any,
    a: str,
    b: str,
    *,
    flt: EventFilter,
    order: str = "impact",
    reference: float = 0.0,
    direction: int = 0,
    limit: int = 5,
) -> list[EventRow]:
    """Events of the undirected dyad a–b within the filter's dates.

    order "impact": by w·|g − reference| (direction 0), or by w·(g − reference)·direction (±1: the
    events that pulled the score up or down most); order "recent": newest first.
    """
    a, b = check_actor(a), check_actor(b)
    cte, params = _ev_cte(flt)
    sa, pa = _match("source", a)
    tb, pb = _match("target", b)
    sb, pb2 = _match("source", b)
    ta, pa2 = _match("target", a)
    if order == "recent":
        order_sql, oargs = "date DESC, abs(goldstein) DESC, event_id", []
    elif direction == 0:
        order_sql, oargs = "w * abs(goldstein - ?) DESC, date DESC, event_id", [reference]
    else:
        order_sql, oargs = "w * (goldstein - ?) * ? DESC, date DESC, event_id", [reference, float(direction)]
    sql = f"""
    WITH {cte}
    SELECT event_id, date, source, source_actor, target, target_actor, cameo, quad, goldstein, w, text,
           doc_id, url, title, outlet, origin, source_uri
    FROM ev
    WHERE source IN (?, ?) AND target IN (?, ?) AND (({sa} AND {tb}) OR ({sb} AND {ta}))
    ORDER BY {order_sql}
    LIMIT ?
    """
    args = params + [a[:3], b[:3], a[:3], b[:3]] + pa + pb + pb2 + pa2 + oargs + [int(limit)]
    return [
        EventRow(event_id=r[0], date=r[1], source=r[2], source_actor=r[3], target=r[4], target_actor=r[5],
                 cameo=r[6], quad=int(r[7]), goldstein=float(r[8]), weight=float(r[9]), text=r[10],
                 doc_id=r[11], url=r[12], title=r[13], outlet=r[14], origin=r[15], source_uri=r[16])
        for r in con.execute(sql, args).fetchall()
    ]


def corpus_summary(con: Any, *, flt: EventFilter, top_outlets: int = 20) -> CorpusSummary:
    """What a report was computed from: documents, dates, outlets, events before and after the rules."""
    spun_cond = "coalesce(spun, false) = false" if flt.exclude_spun else "true"
    d = con.execute(
        f"""
        SELECT count(*), count(*) FILTER (WHERE near_duplicate_of IS NULL AND {spun_cond}),
               count(*) FILTER (WHERE near_duplicate_of IS NOT NULL), count(*) FILTER (WHERE spun),
               min(published), max(published)
        FROM documents
        """
    ).fetchall()[0]
    e = con.execute("SELECT count(*), count(*) FILTER (WHERE origin = 'gdelt') FROM events").fetchall()[0]
    cte, params = _ev_cte(flt)
    c = con.execute(f"WITH {cte} SELECT count(*), min(date), max(date) FROM ev", params).fetchall()[0]
    outlets = con.execute(
        f"""
        WITH {cte}
        SELECT outlet, count(DISTINCT doc_key) AS n FROM ev WHERE outlet IS NOT NULL
        GROUP BY outlet ORDER BY n DESC, outlet LIMIT ?
        """,
        params + [int(top_outlets)],
    ).fetchall()
    return CorpusSummary(
        documents=int(d[0]), documents_counted=int(d[1]), near_duplicates=int(d[2]), spun=int(d[3]),
        first_published=d[4], last_published=d[5], events=int(e[0]), events_counted=int(c[0]),
        first_event=c[1], last_event=c[2], gdelt_events=int(e[1]),
        outlets=tuple(OutletCount(outlet=str(o), documents=int(n)) for o, n in outlets),
    )
