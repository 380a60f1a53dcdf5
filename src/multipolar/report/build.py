"""The HTML report: one self-contained file (inline CSS, inline SVG, a few lines of inline JS; nothing
loaded from the network) showing the latest state of a triangle, its history, the dyads, the shifts,
the events behind them with links to their documents, the corpus and the settings.

One answer: the triangle is `relations.triangle.triangle_series` over the same events and filter as
`multipolar triangle` (table and JSON); the headline is `relations.summary.headline_of` (the latest
period with enough evidence, what changed since the one before, the events that drove it), and every
edge of every period links to its events and sentences (`relations.summary.evidence_by_edge`).

All text that comes from articles (sentences, titles, outlets, urls) is escaped by Jinja2's
autoescape; the SVG drawings escape their own text (`report.svg`). Only http(s) URLs become links
(`safe_text.web_link`; a `javascript:` URL is shown as text), and the page's Content-Security-Policy
allows one script, templates/report.js, by its sha256 hash: no other inline script can run.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

import jinja2
import markupsafe

from multipolar.output import package_templates
from multipolar.relations.dyads import DyadSeries, dyad_series
from multipolar.relations.periods import period_end
from multipolar.relations.shifts import Shift, dyad_shifts, triangle_moves
from multipolar.relations.summary import Headline, evidence_by_edge, headline_of
from multipolar.relations.triangle import INDETERMINATE, SIGN_TEXT, Triangle, triangle_series
from multipolar.report.svg import CONFIG_LABEL, SIGN_CLASS, series_svg, triangle_svg
from multipolar.safe_text import web_link
from multipolar.settings import Settings
from multipolar.store import aggregates
from multipolar.store.aggregates import CorpusSummary, EventFilter, EventRow

MAX_PERIOD_DRAWINGS = 240


@dataclass(frozen=True, slots=True)
class DyadSection:
    key: str
    a: str
    b: str
    series: DyadSeries
    shifts: tuple[Shift, ...]
    top_period: str | None
    top_events: tuple[EventRow, ...]


def _connection(source: Any) -> Any:
    return getattr(source, "con", source)


def _config_sentence(tri: Triangle, cfg: str, roles: Any) -> str:
    if cfg == "stable_marriage":
        partners = sorted(a for a, r in roles.items() if r == "partner")
        pariah = next(a for a, r in roles.items() if r == "pariah")
        return f"{partners[0]} and {partners[1]} are aligned; {pariah} is the pariah, at odds with both."
    if cfg == "romantic_triangle":
        pivot = next(a for a, r in roles.items() if r == "pivot")
        wings = sorted(a for a, r in roles.items() if r == "wing")
        return f"{pivot} is the pivot: on good terms with {wings[0]} and {wings[1]}, who are at odds with each other."
    if cfg == "menage_a_trois":
        return f"All three relations between {', '.join(tri.actors)} are positive."
    return f"All three relations between {', '.join(tri.actors)} are negative."


def headline(tri: Triangle, head: Headline) -> tuple[str, str]:
    """(title, sentence) summarising the latest state of the triangle that the evidence supports."""
    latest = head.latest
    if latest is None:
        if head.last_with_data is None:
            return ("No data", f"No counted events between {', '.join(tri.actors)} in this store.")
        return ("Insufficient evidence",
                "No period has enough evidence to sign all three edges (see each period's edges below); "
                f"the latest period with events is {head.last_with_data.period}.")
    text = _config_sentence(tri, latest.configuration, latest.roles)
    if latest.confidence is not None:
        text += (f" Probability of this configuration given the three edges' evidence: {latest.confidence:.0%}.")
    if head.last_with_data is not None and head.last_with_data.start > latest.start:
        text += (f" Later periods (to {head.last_with_data.period}) have events but not enough evidence "
                 "to sign every edge.")
    return (f"{CONFIG_LABEL[latest.configuration]} — {latest.period}", text)


def document_label(url: str | None, title: str | None, outlet: str | None, source_uri: str | None,
                   doc_id: str | None) -> str:
    """How a document is named in the report: its title, outlet or url; a local file by its name."""
    if url:
        return title or outlet or url
    if source_uri:
        name = source_uri.rstrip("/").rsplit("/", 1)[-1]
        return f"{title} ({name})" if title else name
    return title or (f"document {doc_id[:12]}" if doc_id else "(no document)")


def _env() -> jinja2.Environment:
    env = package_templates("multipolar.report")
    env.filters["signed"] = lambda x, d=2: "" if x is None else f"{x:+.{d}f}"
    env.filters["sign"] = lambda s: SIGN_TEXT[s]
    env.filters["signclass"] = lambda s: SIGN_CLASS[s]
    env.filters["pct"] = lambda x: "" if x is None else f"{x:.0%}"
    env.filters["config"] = lambda c: CONFIG_LABEL.get(c, c or "")
    env.globals["doclabel"] = lambda e: document_label(e.url, e.title, e.outlet, e.source_uri, e.doc_id)
    env.filters["web_link"] = web_link  # only http(s) URLs become links; others are shown as text
    return env


def _top_events(con: Any, a: str, b: str, series: DyadSeries, settings: Settings) -> tuple[str | None, tuple[EventRow, ...]]:
    with_data = [p for p in series.undirected if p.events]
    if not with_data:
        return None, ()
    last = with_data[-1]
    flt = EventFilter.from_settings(settings, start=last.start, end=period_end(last.start, series.freq))
    rows = aggregates.dyad_events(con, a, b, flt=flt, order="impact", limit=settings.report_top_events)
    return last.period, tuple(rows)


def build_report(
    source: Any,
    settings: Settings,
    *,
    actors: Sequence[str] = ("USA", "CHN", "RUS"),
    freq: str = "month",
    start: date | None = None,
    end: date | None = None,
) -> str:
    """The report as one self-contained HTML document; `start`/`end` filter events exactly as
    `multipolar triangle --since/--until` do.

    `source` is the store's DuckDB connection or any object with a `.con` attribute (the Store)."""
    con = _connection(source)
    acts = tuple(aggregates.check_actor(x) for x in actors)
    tri = triangle_series(con, acts, settings=settings, freq=freq, start=start, end=end)
    head = headline_of(con, tri, settings=settings, start=start, end=end)
    title, summary = headline(tri, head)
    shown = head.latest or head.last_with_data
    moves = triangle_moves(con, tri, settings=settings)  # the list `triangle --format json` gives
    tri_shifts = [s for s in moves if s.kind == "triangle"]
    sign_shifts = [s for s in moves if s.kind == "edge"]
    dyads: list[DyadSection] = []
    for i, a in enumerate(acts):
        for b in acts[i + 1:]:
            x, y = sorted((a, b))
            frame = (tri.periods[0].start, tri.periods[-1].start) if tri.periods else None
            series = dyad_series(con, x, y, settings=settings, freq=freq, start=start, end=end, frame=frame)
            shifts = tuple(dyad_shifts(con, x, y, settings=settings, freq=freq, series=series))
            top_period, top = _top_events(con, x, y, series, settings)
            dyads.append(DyadSection(f"{x}-{y}", x, y, series, shifts, top_period, top))
    corpus: CorpusSummary = aggregates.corpus_summary(con, flt=EventFilter.from_settings(settings, start=start, end=end))
    with_data = [p for p in tri.periods if any(e.documents for e in p.edges)]
    drawn = with_data[-MAX_PERIOD_DRAWINGS:]
    context = {
        "actors": acts,
        "freq": freq,
        "title": title,
        "summary": summary,
        "latest": shown,
        "head": head,
        "latest_svg": triangle_svg(acts, shown, size=360, title=title) if shown else None,
        "last_change": tri_shifts[-1] if tri_shifts else None,
        "period_drawings": [
            (p, triangle_svg(acts, p, size=150, labels=False, title=f"{p.period}: {CONFIG_LABEL[p.configuration]}"))
            for p in drawn
        ],
        "periods_total": len(with_data),
        "periods_with_data": with_data,
        "evidence": evidence_by_edge(con, tri, settings=settings, start=start, end=end),
        "dyads": [
            (d, series_svg(d.key, d.series.undirected, shifts=d.shifts, dead_band=settings.dead_band)) for d in dyads
        ],
        "tri_shifts": tri_shifts,
        "edge_shifts": sign_shifts,
        "later_edge_shifts": [s for s in sign_shifts if shown and s.start > shown.start],
        "dyad_shifts": [s for d in dyads for s in d.shifts],
        "corpus": corpus,
        "settings_used": _settings_used(settings, tri),
        "rule": settings,
        "indeterminate": INDETERMINATE,
    }
    script = _template_text("report.js")  # the report's one script: allowed by its hash, no other inline script
    context["script"] = markupsafe.Markup(script)
    context["script_sha256"] = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return _env().get_template("report.html.j2").render(**context)


def _template_text(name: str) -> str:
    return resources.files("multipolar.report").joinpath("templates", name).read_text(encoding="utf-8")


def _settings_used(settings: Settings, tri: Triangle) -> list[tuple[str, str]]:
    return [
        ("edge estimate", "posterior mean Goldstein of the edge's documents in the period (prior at the baseline)"),
        ("dead_band", str(settings.dead_band)),
        ("edge_prior_documents", str(settings.edge_prior_documents)),
        ("edge_document_sd", str(settings.edge_document_sd)),
        ("outlet_correlation", str(settings.outlet_correlation)),
        ("sign_credibility", str(settings.sign_credibility)),
        ("sign_baseline", settings.sign_baseline),
        ("goldstein_variant", settings.goldstein_variant),
        ("weighting", "by mentions" if settings.weight_by_mentions else "one per event"),
        ("exclude_spun", str(settings.exclude_spun)),
        ("count_negated", str(settings.count_negated)),
        ("count_hypothetical", str(settings.count_hypothetical)),
        ("events counted", "canonical events (edge estimates: every mention, averaged per document); near-duplicate documents left out"),
        ("shift detection", f"PELT (l2), penalty {settings.shift_penalty} · σ² · ln n"),
        ("frequency", tri.freq),
    ]
