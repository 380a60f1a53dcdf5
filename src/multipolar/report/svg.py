"""Inline SVG drawings for the report: triangles and dyad time series. No scripts, no external files.

Every piece of text placed in a drawing goes through `html.escape`; the functions return
`markupsafe.Markup` so the template inserts them as they are.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from multipolar.relations.dyads import DyadPeriod
from multipolar.relations.shifts import Shift
from multipolar.relations.triangle import SIGN_TEXT, TrianglePeriod, edge_key

SIGN_COLOUR = {1: "#1a7f37", -1: "#cf222e", 0: "#8c959f", None: "#bf8700"}
SIGN_CLASS = {1: "plus", -1: "minus", 0: "0", None: "insufficient"}
CONFIG_LABEL = {
    "insufficient_evidence": "Insufficient evidence",
    "menage_a_trois": "Ménage à trois",
    "romantic_triangle": "Romantic triangle",
    "stable_marriage": "Stable marriage",
    "unit_veto": "Unit veto",
    "indeterminate": "Indeterminate",
}


def _t(x: object) -> str:
    return escape(str(x), quote=True)


def triangle_svg(
    actors: Sequence[str], period: TrianglePeriod, *, size: int = 320, labels: bool = True, title: str | None = None
) -> Markup:
    """One period's triangle: nodes (actor, role), edges coloured by sign (amber dotted: insufficient
    evidence), width by |estimate|."""
    w = size
    h = int(size * 0.9)
    pad = size * 0.16
    pts = [(w / 2, pad), (pad, h - pad * 0.9), (w - pad, h - pad * 0.9)]
    pos = dict(zip(actors, pts, strict=True))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="triangle" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        f'role="img" aria-label="{_t(title or period.period)}">'
    ]
    if title:
        parts.append(f"<title>{_t(title)}</title>")
    for i, x in enumerate(actors):
        for y in actors[i + 1:]:
            e = period.edge(x, y)
            (x1, y1), (x2, y2) = pos[x], pos[y]
            if e.score is None:
                parts.append(f'<line class="edge nodata" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                             f'stroke="#d0d7de" stroke-width="1.5" stroke-dasharray="2 4"/>')
                continue
            est = e.estimate or 0.0
            width = 1.5 + min(abs(est), 10.0) * (0.9 if labels else 0.5)
            dash = ' stroke-dasharray="6 4"' if e.sign == 0 else (' stroke-dasharray="1 5"' if e.sign is None else "")
            parts.append(
                f'<line class="edge sign-{SIGN_CLASS[e.sign]}" data-edge="{_t(e.key)}" '
                f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{SIGN_COLOUR[e.sign]}" '
                f'stroke-width="{width:.1f}" stroke-linecap="round"{dash}>'
                f"<title>{_t(e.key)}: {_t(e.status)}, estimate {est:+.2f} ± {e.sd or 0.0:.2f}, {e.events} events "
                f"in {e.documents} documents</title></line>"
            )
            if labels:
                mx, my = (x1 + x2) / 2, (y1 + y2) / 2
                cx, cy = w / 2, h * 0.58
                dx, dy = mx - cx, my - cy
                norm = math.hypot(dx, dy) or 1.0
                lx, ly = mx + dx / norm * 18, my + dy / norm * 18
                parts.append(
                    f'<text class="edge-label" x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle" font-size="12" '
                    f'fill="{SIGN_COLOUR[e.sign]}">{_t(SIGN_TEXT[e.sign] if e.sign is not None else "?")} {est:+.1f} '
                    f'({e.documents} doc{"" if e.documents == 1 else "s"})</text>'
                )
    r = size * (0.075 if labels else 0.09)
    for x in actors:
        cx, cy = pos[x]
        role = period.roles.get(x, "")
        parts.append(f'<circle class="node" cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="#ffffff" stroke="#24292f" '
                     f'stroke-width="1.5"/>')
        fs = 13 if labels else 9
        parts.append(f'<text class="node-label" x="{cx:.1f}" y="{cy + fs / 3:.1f}" text-anchor="middle" '
                     f'font-size="{fs}" font-weight="600">{_t(x)}</text>')
        if labels and role:
            parts.append(f'<text class="role" x="{cx:.1f}" y="{cy + r + 15:.1f}" text-anchor="middle" '
                         f'font-size="12" fill="#57606a">{_t(role)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def series_svg(
    key: str,
    periods: Sequence[DyadPeriod],
    *,
    shifts: Sequence[Shift] = (),
    dead_band: float = 0.5,
    width: int = 880,
    height: int = 220,
) -> Markup:
    """A dyad's undirected mean Goldstein per period (line), event counts (bars), dead band, shifts."""
    left, right, top, bottom = 44, 12, 14, 30
    pw, ph = width - left - right, height - top - bottom
    n = max(len(periods), 1)
    step = pw / n
    ymax = 10.0
    values = [p.goldstein_mean for p in periods if p.goldstein_mean is not None]
    if values:
        ymax = min(10.0, max(2.0, max(abs(v) for v in values) * 1.15, dead_band * 2))

    def y(v: float) -> float:
        return top + ph / 2 - v / ymax * (ph / 2)

    def x(i: int) -> float:
        return left + step * (i + 0.5)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="series" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{_t(key)} mean Goldstein by period">',
        f'<rect class="dead-band" x="{left}" y="{y(dead_band):.1f}" width="{pw}" '
        f'height="{y(-dead_band) - y(dead_band):.1f}" fill="#f6f8fa"/>',
        f'<line x1="{left}" y1="{y(0):.1f}" x2="{left + pw}" y2="{y(0):.1f}" stroke="#8c959f" stroke-width="1"/>',
    ]
    for v in (ymax, ymax / 2, -ymax / 2, -ymax):
        parts.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="10" '
                     f'fill="#57606a">{v:+.1f}</text>')
    most = max((p.events for p in periods), default=0) or 1
    for i, p in enumerate(periods):
        if p.events:
            bh = p.events / most * (ph * 0.35)
            parts.append(f'<rect class="volume" x="{x(i) - step * 0.35:.1f}" y="{top + ph - bh:.1f}" '
                         f'width="{max(step * 0.7, 0.8):.1f}" height="{bh:.1f}" fill="#ddf4ff">'
                         f"<title>{_t(p.period)}: {p.events} events</title></rect>")
    segment: list[str] = []
    segments: list[list[str]] = []
    for i, p in enumerate(periods):
        if p.goldstein_mean is None:
            if segment:
                segments.append(segment)
            segment = []
            continue
        segment.append(f"{x(i):.1f},{y(p.goldstein_mean):.1f}")
    if segment:
        segments.append(segment)
    for seg in segments:
        if len(seg) == 1:
            cx, cy = seg[0].split(",")
            parts.append(f'<circle class="point" cx="{cx}" cy="{cy}" r="2.5" fill="#0969da"/>')
        else:
            parts.append(f'<polyline class="line" points="{" ".join(seg)}" fill="none" stroke="#0969da" '
                         f'stroke-width="1.8"/>')
    index = {p.start: i for i, p in enumerate(periods)}
    for s in shifts:
        if s.start in index:
            sx = x(index[s.start]) - step / 2
            colour = SIGN_COLOUR[1] if (s.size or 0) > 0 else SIGN_COLOUR[-1]
            parts.append(f'<line class="shift" x1="{sx:.1f}" y1="{top}" x2="{sx:.1f}" y2="{top + ph}" '
                         f'stroke="{colour}" stroke-width="2" stroke-dasharray="4 3">'
                         f"<title>shift {_t(s.period)}: {s.size:+.2f} toward {_t(s.direction)}</title></line>")
    ticks = max(1, n // 10)
    for i, p in enumerate(periods):
        if i % ticks == 0:
            parts.append(f'<text x="{x(i):.1f}" y="{height - 10}" text-anchor="middle" font-size="10" '
                         f'fill="#57606a">{_t(p.period)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


__all__ = ["CONFIG_LABEL", "SIGN_COLOUR", "edge_key", "series_svg", "triangle_svg"]
