"""Rule handlers for calendar expressions: ISO and numeric dates, months and days, years, decades,
centuries, quarters, halves and seasons."""

from __future__ import annotations

import datetime as dt
import re

from multipolar.timex.values import (
    Ctx,
    Val,
    day_period,
    month_period,
    nearest_year,
    not_ref,
    quarter_period,
    safe_date,
    season_period,
    two_digit_year,
    v_day,
    v_half,
    v_month,
    v_quarter,
    v_ref,
    v_year,
)
from multipolar.timex.words import ORDINALS, SEASONS, spelled_year
from multipolar.vocab import MONTHS


def h_iso(m: re.Match[str], ctx: Ctx) -> Val | None:
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return v_day(d) if d else None


def h_numeric(m: re.Match[str], ctx: Ctx) -> Val | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    year = int(y) if len(y) == 4 else two_digit_year(int(y), ctx.anchor)
    if m["sep"] == "/":
        month, day = (a, b) if a <= 12 else (b, a)
    else:
        day, month = (a, b) if b <= 12 else (b, a)
    d = safe_date(year, month, day)
    return v_day(d) if d else None


def month_of(raw: str) -> int:
    return MONTHS[raw.lower().rstrip(".")]


def h_month_day(m: re.Match[str], ctx: Ctx) -> Val | None:
    month = month_of(m["mon"])
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        d = safe_date(int(m["year"]), month, day)
        return v_day(d) if d else None
    if ctx.anchor is None:
        return Val(f"XXXX-{month:02d}-{day:02d}", kind="other")
    y = nearest_year(ctx, m.start(), m.end(), day_period(month, day))
    d = safe_date(y, month, day) if y else None
    return v_day(d) if d else None


def h_month_year(m: re.Match[str], ctx: Ctx) -> Val | None:
    return v_month(int(m["year"]), month_of(m["mon"]))


def h_month(m: re.Match[str], ctx: Ctx) -> Val | None:
    month = month_of(m["mon"])
    a = ctx.anchor
    if a is None:
        return None
    rel = (m["rel"] or "").lower().split()
    if rel and rel[0] == "last" or rel[-1:] == ["past"]:
        y = a.year if month < a.month else a.year - 1
    elif rel and rel[0] == "next":
        y = a.year if month > a.month else a.year + 1
    elif rel and rel[0] == "this":
        y = a.year
    elif m["yrel"]:
        y = a.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
    else:
        y = nearest_year(ctx, m.start(), m.end(), month_period(month), slack_days=0)
        if y is None:
            return None
    return v_month(y, month)


def h_year(m: re.Match[str], ctx: Ctx) -> Val | None:
    y = int(m["y"])
    if not 1000 <= y <= 2099:
        return None
    return v_year(y)


def h_month_spelled_year(m: re.Match[str], ctx: Ctx) -> Val | None:
    y = spelled_year(m["sy"])
    return v_month(y, month_of(m["mon"])) if y else None


def h_spelled_year(m: re.Match[str], ctx: Ctx) -> Val | None:
    y = spelled_year(m.group(0))
    return v_year(y) if y else None


def h_decade(m: re.Match[str], ctx: Ctx) -> Val | None:
    full = m.groupdict().get("full")
    if full:
        return v_ref(full[:3])
    two = int(m["short"])
    century = 19 if two >= 30 or ctx.anchor is None else 20
    if ctx.anchor is not None and two < 30:
        century = 20 if two * 1 <= ctx.anchor.year % 100 else 19
    return v_ref(f"{century}{two // 10}")


DECADE_WORDS = {"thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


def h_spelled_decade(m: re.Match[str], ctx: Ctx) -> Val | None:
    return v_ref(f"19{DECADE_WORDS[m['w'].lower()]}")


def h_this_decade(m: re.Match[str], ctx: Ctx) -> Val | None:
    if ctx.anchor is None:
        return None
    shift = {
        "this": 0,
        "the current": 0,
        "last": -10,
        "the last": -10,
        "the past": -10,
        "next": 10,
        "the next": 10,
        "the coming": 10,
    }.get(m["rel"].lower(), 0)
    if m["rel"].lower() in ("the last", "the past", "the next", "the coming"):
        return Val("P10Y", kind="other")
    return v_ref(f"{(ctx.anchor.year + shift) // 10}")


def h_century(m: re.Match[str], ctx: Ctx) -> Val | None:
    raw = m["n"].lower()
    if raw in ("this", "last", "next"):
        if ctx.anchor is None:
            return None
        c = ctx.anchor.year // 100 + {"this": 0, "last": -1, "next": 1}[raw]
        return v_ref(f"{c:02d}")
    n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else ORDINALS.get(raw.replace("-", " "))
    if not n or n > 21:
        return None
    return v_ref(f"{n - 1:02d}")


def year_from_rel(word: str | None, ctx: Ctx) -> int | None:
    if ctx.anchor is None:
        return None
    return ctx.anchor.year + {"this": 0, "last": -1, "next": 1, "the": 0}.get((word or "this").lower(), 0)


def h_quarter(m: re.Match[str], ctx: Ctx) -> Val | None:
    g = m.groupdict()
    q = ORDINALS.get(g["ord"].lower()) if g.get("ord") else int(g.get("qn") or g.get("qn3") or 0)
    if not q or not 1 <= q <= 4:
        return None
    yraw = (g.get("y0") or g.get("y1") or g.get("y2") or g.get("y3") or "").lstrip("'")
    if yraw:
        y = int(yraw)
        if len(yraw) == 2:
            y = two_digit_year(y, ctx.anchor)
        return v_quarter(y, q)
    yrel = g.get("ypre") or g.get("yrel")
    if yrel:
        y = year_from_rel(yrel, ctx)
        return v_quarter(y, q) if y else None
    if g.get("ago"):
        base = ctx.ref.year if ctx.ref and ctx.ref.kind == "quarter" else year_from_rel("this", ctx)
        return not_ref(v_quarter(base - 1, q)) if base else None
    y = nearest_year(ctx, m.start(), m.end(), quarter_period(q))
    return v_quarter(y, q) if y else None


def anchor_quarter(a: dt.date, n: int) -> Val:
    k = a.year * 4 + (a.month - 1) // 3 + n
    return v_quarter(k // 4, k % 4 + 1)


def h_rel_quarter(m: re.Match[str], ctx: Ctx) -> Val | None:
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    ref = ctx.ref if ctx.ref is not None and ctx.ref.kind == "quarter" else None
    a = ctx.anchor
    if (m["ly"] or m["lyp"]) and rel in ("", "same", "corresponding", "comparable"):
        rel = "year-ago"
    if rel in (
        "year-ago",
        "year-earlier",
        "year ago",
        "year earlier",
        "comparable year-ago",
        "comparable year-earlier",
        "comparable",
    ):
        if ref is not None:
            return not_ref(v_quarter(ref.year - 1, ref.sub))
        return not_ref(anchor_quarter(a, -5)) if a else None
    if rel in ("", "latest", "most recent", "same", "corresponding", "recent", "just-ended", "just ended"):
        if ref is not None:
            return ref
        return anchor_quarter(a, -1) if a else None
    if a is None:
        return None
    if rel in ("this", "current", "present"):
        return anchor_quarter(a, 0)
    if rel in ("last", "previous", "past", "prior", "preceding"):
        return anchor_quarter(a, -1)
    if rel in ("next", "coming", "following"):
        if rel == "following" and ref is not None:
            k = ref.year * 4 + ref.sub  # ref.sub is 1-based
            return v_quarter(k // 4, k % 4 + 1)
        return anchor_quarter(a, 1)
    return None


def h_year_quarter(m: re.Match[str], ctx: Ctx) -> Val | None:
    """'the 1988 quarter': the quarter under discussion (else the latest ended one), in that year."""
    if ctx.ref is not None and ctx.ref.kind == "quarter":
        return not_ref(v_quarter(int(m["y"]), ctx.ref.sub))
    if ctx.anchor is None:
        return None
    return not_ref(v_quarter(int(m["y"]), anchor_quarter(ctx.anchor, -1).sub))


def h_half(m: re.Match[str], ctx: Ctx) -> Val | None:
    h = 1 if (m["ord"] or "").lower() in ("first", "1") or m["hn"] == "1" else 2
    if m["y"] or m["y2"]:
        return v_half(int(m["y"] or m["y2"]), h)
    y = year_from_rel(m["yrel"], ctx)
    if m["yrel"] is None and ctx.ref is not None and ctx.ref.kind == "year":
        y = ctx.ref.year
    return v_half(y, h) if y else None


def h_season(m: re.Match[str], ctx: Ctx) -> Val | None:
    code = SEASONS[m["season"].lower()]
    year = m.groupdict().get("y") or m.groupdict().get("y2")
    if year:
        return v_ref(f"{int(year):04d}-{code}")
    if m.groupdict().get("sy"):
        spelled = spelled_year(m["sy"])
        return v_ref(f"{spelled:04d}-{code}") if spelled else None
    a = ctx.anchor
    if a is None:
        return None
    rel = re.sub(r"\s+", " ", (m.groupdict().get("rel") or "").lower())
    period = season_period(code)
    in_now = next((y for y in (a.year - 1, a.year) if period(y)[0] <= a <= period(y)[1]), None)  # type: ignore[index]
    if rel in ("last", "this past", "past"):
        if in_now is not None:
            y = in_now - 1 if rel == "last" else in_now
        else:
            y = a.year if period(a.year)[1] < a else a.year - 1  # type: ignore[index]
    elif rel in ("next", "this coming", "coming"):
        y = a.year if period(a.year)[0] > a else a.year + 1  # type: ignore[index]
    elif rel == "this" and in_now is not None:
        y = in_now
    else:
        ny = nearest_year(ctx, m.start(), m.end(), period)
        if ny is None:
            return None
        y = ny
    return v_ref(f"{y:04d}-{code}")
