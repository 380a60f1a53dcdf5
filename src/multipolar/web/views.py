"""What each page shows, as plain values: built from `Project` calls only (no SQL here), used by the
HTML pages and the JSON API alike, so both show the same numbers."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import date
from typing import Any

import jinja2

from multipolar.errors import NotFoundError, UsageError
from multipolar.relations.periods import period_end
from multipolar.relations.shifts import detect_edge_shifts
from multipolar.relations.summary import edge_changes
from multipolar.relations.triangle import SIGN_TEXT
from multipolar.report.svg import CONFIG_LABEL
from multipolar.safe_text import web_link

DEFAULT_ACTORS = ("USA", "CHN", "RUS")
FREQS = ("week", "month")
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
EDGE_EVENTS = 8  # events listed under each edge of the chosen period


# memo(key, compute): the value of compute(project), where project is the reading thread's (a cache may
# compute it again later in a thread of its own, with that thread's project)
Memo = Callable[[Hashable, Callable[[Any], Any]], Any]


def direct(project: Any) -> Memo:
    """A memo that keeps nothing: compute(project) every time."""
    return lambda key, compute: compute(project)


def register_filters(env: jinja2.Environment) -> None:
    env.filters["signed"] = lambda x, d=2: "" if x is None else f"{x:+.{d}f}"
    env.filters["num"] = lambda x, d=2: "" if x is None else f"{x:.{d}f}"
    env.filters["pct"] = lambda x: "" if x is None else f"{x:.0%}"
    env.filters["config"] = lambda c: CONFIG_LABEL.get(c, c or "")
    env.filters["sign"] = lambda s: SIGN_TEXT.get(s, "")
    env.filters["web_link"] = web_link  # only http(s) URLs become links; anything else is shown as text
    env.globals["quads"] = QUADS
    env.filters["dict_without"] = lambda d, *keys: {k: v for k, v in d.items() if k not in keys}


def plain(value: Any) -> Any:
    """A JSON-ready copy: dataclasses as dicts, dates as ISO strings, tuples as lists."""
    if is_dataclass(value) and not isinstance(value, type):
        return plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def choose_actors(project: Any, given: Sequence[str | None], n: int,
                  memo: Memo | None = None) -> tuple[tuple[str, ...], list[tuple[str, int]]]:
    """The `n` actors to show (those given, else USA, CHN, RUS where stored, else the most frequent), and the
    stored actors to choose from."""
    stored = (memo or direct(project))(("actors",), lambda p: p.actors())
    codes = [g.strip().upper() for g in given if g and g.strip()]
    if codes:
        if len(codes) != n:
            raise UsageError(f"choose {n} actors, got {len(codes)}: {', '.join(codes)}")
        if len(set(codes)) != n:
            raise UsageError(f"choose {n} different actors, got {', '.join(codes)}")
        return tuple(project.check_actors(codes)), stored
    names = [code for code, _ in stored]
    preferred = [c for c in DEFAULT_ACTORS if c in names][:n]
    chosen = preferred if len(preferred) == n else names[:n]
    if len(chosen) < n:
        raise NotFoundError(f"the store has fewer than {n} actors with events: ingest and analyse news first")
    return tuple(chosen), stored


def check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise UsageError(f"freq {freq!r}: expected week or month")
    return freq


def _edge(e: Any, a: str, b: str) -> dict[str, Any]:
    return {"key": e.key, "a": a, "b": b, "sign": e.sign, "sign_text": SIGN_TEXT[e.sign], "status": e.status,
            "estimate": e.estimate, "sd": e.sd, "p_plus": e.p_plus, "p_zero": e.p_zero, "p_minus": e.p_minus,
            "events": e.events, "documents": e.documents, "outlets": e.outlets, "score": e.score}


def _event_row(r: Any) -> dict[str, Any]:
    return {"event_id": r.event_id, "date": r.date.isoformat() if r.date else None, "source_actor": r.source_actor,
            "target_actor": r.target_actor, "cameo": r.cameo, "goldstein": r.goldstein, "text": r.text,
            "doc_id": r.doc_id, "title": r.title, "outlet": r.outlet, "url": web_link(r.url)}


def overview(project: Any, actors: tuple[str, ...], *, freq: str, period: str | None) -> dict[str, Any]:
    """The triangle of `actors` in one period (the latest the evidence supports unless `period` names one):
    configuration, balance, each edge's estimate and uncertainty, the change since the determinate period
    before, and the strongest events of each edge in the period."""
    tri = project.triangle(*actors, freq=check_freq(freq))
    head = project.headline(tri)
    with_data = [p for p in tri.periods if any(e.documents for e in p.edges)]
    if period:
        chosen = next((p for p in tri.periods if p.period == period), None)
        if chosen is None:
            raise NotFoundError(f"period {period!r} is not in the triangle's span: choose one of the listed periods")
    else:  # the latest period the evidence signs; else the latest with events on every edge; else any events
        full = [p for p in with_data if all(e.documents for e in p.edges)]
        chosen = head.latest or (full[-1] if full else head.last_with_data)
    out: dict[str, Any] = {
        "actors": list(actors), "freq": freq, "periods": [
            {"period": p.period, "configuration": p.configuration, "determinate": p.determinate} for p in with_data
        ],
        "headline": None if head.latest is None else head.latest.period, "period": None,
        # each change of one edge's sign from the last period it had one (the report's and `triangle`'s edge shifts)
        "edge_shifts": [{"period": x.period, "edge": x.subject, "change": x.change,
                         "previous": x.previous} for x in detect_edge_shifts(tri)],
    }
    if chosen is None:
        return out
    earlier = [p for p in tri.periods if p.start < chosen.start and p.determinate]
    previous = earlier[-1] if earlier else None
    changes = edge_changes(chosen, previous) if chosen.determinate else ()
    pairs = {e.key: tuple(e.key.split("-", 1)) for e in chosen.edges}
    end = period_end(chosen.start, freq)
    edges = []
    for e in chosen.edges:
        a, b = pairs[e.key]
        item = _edge(e, a, b)
        item["events_list"] = [_event_row(r) for r in project.dyad_events(a, b, since=chosen.start, until=end,
                                                                          limit=EDGE_EVENTS)]
        edges.append(item)
    drivers = [_event_row(r) for r in head.drivers] if head.latest is chosen else []
    out["period"] = {
        "period": chosen.period, "start": chosen.start.isoformat(), "end": end.isoformat(),
        "configuration": chosen.configuration, "configuration_label": CONFIG_LABEL.get(chosen.configuration),
        "nearest_configuration": chosen.nearest_configuration, "roles": dict(sorted(chosen.roles.items())),
        "balance": chosen.balance, "balanced": chosen.balanced, "balance_index": chosen.balance_index,
        "confidence": chosen.confidence, "edges": edges,
        "previous": None if previous is None else previous.period,
        "previous_configuration": None if previous is None else previous.configuration,
        "changes": [{"edge": c.key, "before": SIGN_TEXT[c.before], "after": SIGN_TEXT[c.after]} for c in changes],
        "drivers": drivers,
    }
    return out


def dyad(project: Any, a: str, b: str, *, freq: str, period: str | None, memo: Memo | None = None) -> dict[str, Any]:
    """The undirected dyad a–b per period (counts, cooperation, conflict, mean Goldstein), its shifts and,
    for `period`, the events behind that point. `memo(key, compute)` may keep the series between calls."""
    a, b = project.check_actors((a, b))
    memo = memo or direct(project)
    out = dict(memo(("dyad", a, b, check_freq(freq)), lambda p: _dyad_series(p, a, b, freq)))
    if period:
        point = next((p for p in out["points"] if p["period"] == period), None)
        out["period"] = point or {"period": period, "events": 0}
        if point is not None and point["events"]:
            x, y = out["actors"]
            out["events"] = memo(("dyad_events", x, y, point["start"], point["end"]),
                                 lambda p: period_events(p, x, y, point["start"], point["end"]))
    return out


def _dyad_series(project: Any, a: str, b: str, freq: str) -> dict[str, Any]:
    series = project.dyads(a, b, freq=freq)
    shifts = project.shifts(a, b, freq=freq)
    points = [{"period": p.period, "start": p.start.isoformat(), "end": period_end(p.start, freq).isoformat(),
               "events": p.events, "goldstein_mean": p.goldstein_mean, "cooperation": p.cooperation,
               "conflict": p.conflict, "quads": list(p.quad_counts), "documents": p.documents}
              for p in series.undirected]
    return {"actors": [series.a, series.b], "freq": freq, "points": points,
            "shifts": [s.to_json() for s in shifts], "period": None, "events": []}


def period_events(project: Any, a: str, b: str, since: str, until: str, limit: int = 50) -> list[dict[str, Any]]:
    return [_event_row(r) for r in project.dyad_events(a, b, since=since, until=until, limit=limit)]


def event(project: Any, event_id: str) -> dict[str, Any]:
    """One event: its record, its sentence in the cleaned document cut into before / sentence / after (the
    page marks the middle part), its source link (http(s) only), the same act's other reports, its story."""
    found = project.event(event_id)
    e = dict(found.event)
    document = dict(found.document) if found.document else None
    text = (document or {}).pop("text", None) if document else None
    start, end = e.get("span_start"), e.get("span_end")
    if text and isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text):
        parts = {"before": text[:start], "sentence": text[start:end], "after": text[end:]}
    else:  # no stored document text (an imported row): the sentence alone
        parts = {"before": "", "sentence": e.get("text") or "", "after": ""}
    trigger = e.get("trigger") or ""
    at = parts["sentence"].find(trigger) if trigger else -1
    parts["sentence_parts"] = ([parts["sentence"][:at], trigger, parts["sentence"][at + len(trigger):]]
                               if at >= 0 else [parts["sentence"], "", ""])
    e["cameo_name"] = project.cameo_names().get(e.get("cameo") or "")
    e["quad_name"] = QUADS.get(e.get("quad") or 0)
    url = e.get("url") or (document or {}).get("url")
    return {
        "event": plain(e), "document": plain(document), "source_link": web_link(url), "source_url": url,
        "text": parts, "same_act": [dict(plain(r), url=web_link(r.get("url"))) for r in found.same_act],
        "story": plain(found.story),
    }


def search(project: Any, params: dict[str, Any]) -> dict[str, Any]:
    """One page of the events search (`params` as the page's form sends them)."""
    actors = [x for x in (params.get("actor") or "").replace(",", " ").split() if x]
    quad = params.get("quad") or None
    result = project.search_events(
        actor=actors, code=params.get("code") or None, root=params.get("root") or None, quad=int(quad) if quad else None,
        since=params.get("since") or None, until=params.get("until") or None, outlet=params.get("outlet") or None,
        text=params.get("q") or None, sort=params.get("sort") or "date", descending=params.get("order") != "asc",
        page=int(params.get("page") or 1), per_page=int(params.get("per_page") or 50),
    )
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    for row in rows:
        row["url"] = web_link(row.get("url"))
    return {"total": result.total, "page": result.page, "pages": result.pages, "per_page": result.per_page,
            "rows": plain(rows)}


def claim_conflicts(project: Any) -> list[dict[str, Any]]:
    """The claim groups whose claims disagree, each with its claims side by side (one per document)."""
    frame = project.claims(conflicts=True)
    groups: dict[str, dict[str, Any]] = {}
    for row in frame.records():
        gid = row.get("group_id") or row["claim_id"]
        group = groups.setdefault(gid, {"group_id": gid, "status": row.get("status"), "reason": row.get("reason"),
                                        "measure": row.get("measure"), "unit": row.get("unit"), "claims": []})
        group["claims"].append(plain(row))
    return list(groups.values())


def frame_rows(frame: Any) -> dict[str, Any]:
    return {"columns": list(frame.columns), "rows": plain(frame.records())}
