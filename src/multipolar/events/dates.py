"""Find and normalise temporal expressions in English news text (rule-based, no model).

``find_dates(text, anchor)`` returns every date-like expression with its character span and a
TIMEX3-style value (TempEval-3 conventions):

    "2025-01-21"  day          "2025-W04"   ISO week        "2025-Q1"  quarter   "2025-H2" half
    "2025-01"     month        "2025-W04-WE" weekend        "2025-SU"  season (SP SU FA WI)
    "2025"        year         "202"        decade          "20"       century
    "PRESENT_REF" "PAST_REF" "FUTURE_REF"  vague references ("now", "recently", "the future")
    "P3Y" "P2W" "PT24H"        durations ("three years"); "PXY" for "several years"

``date`` is the first day of the value and ``precision`` its grain ("day", "week", "month",
"year") for calendar values; both are None for quarters, halves, seasons, decades, centuries,
references and durations.

Resolution against the anchor (the publication date):
- weekdays: the most recent such day on or before the anchor; on or after it when the clause is in
  the future tense ("will", "is due to", "next"); "last Friday" strictly before, "next Friday"
  strictly after, "this Friday" on or after;
- a month, month-day, quarter, season or holiday without a year: the year that puts it nearest to
  the anchor; then, when the clause is plainly past (a past-tense verb before it) and the date lies
  after the anchor, the year before; when plainly future and before the anchor, the year after;
- "a year earlier", "two months later", "the same quarter", "the following year": relative to the
  last calendar expression found earlier in the same text (the discourse reference), at its grain,
  else to the anchor; "a year ago" keeps the grain of a preceding quarter (earnings news);
- "three years after the war": the date depends on an event, so only the duration "P3Y" is given;
  except "the (80th) anniversary of" a landmark event in data/landmarks.csv ("Russia's 2022 invasion
  of Ukraine", "D-Day"): its day in the year the ordinal gives, else the year nearest the anchor.
Without an anchor, relative expressions are left out; a month-day without a year gives
"XXXX-05-09" and a bare weekday "XXXX-WXX-2".

Everything is compiled regular expressions over the text; one pass per rule, spans chosen
longest-first without overlap, values resolved left to right.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from multipolar.vocab import MONTHS, NUMBER_TENS, NUMBER_UNITS

__all__ = ["TimeExpression", "find_dates", "yearless_days"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str
    date: dt.date | None
    precision: str | None


# --------------------------------------------------------------------------- vocabulary

_MONTHS = MONTHS
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_UNITS = NUMBER_UNITS
_TENS = NUMBER_TENS
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "last": 4,
    "final": 4,
}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_ALT = "|".join
_MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)"
)
_WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WD_PREFIX = r"(?:(?:" + _WEEKDAY_RE + r"|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.),?\s+)?"
_NUM_WORD = (
    r"(?:(?:" + _ALT(_TENS) + r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|" + _ALT(sorted(_UNITS, key=len, reverse=True)) + r")"
)
_NUM_RE = r"(?:\d+(?:\.5)?|" + _NUM_WORD + r"|a\s+couple\s+of|a\s+dozen|an?|half\s+an?)"
_ORD_RE = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_MOD_RE = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|end|middle|beginning|start)(?:\s+of)?[\s-]+"
    r"|(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+)?"
)

_FUTURE_WORDS = (
    r"will|won't|shall|'ll|would|going\s+to|plans?\s+to|planned\s+to|planning\s+to|scheduled|"
    r"expected\s+to|expects?\s+to|set\s+to|due|is\s+to|are\s+to|intends?\s+to|aims?\s+to|"
    r"hopes?\s+to|upcoming|payable|effective|next|forecasts?|predicts?|projected|"
    r"as\s+(?:soon|early|late)\s+as"
)
_PAST_WORDS = (
    r"said|was|were|had|did|told|took|met|made|came|went|began|held|saw|gave|got|left|won|lost|"
    r"fell|rose|sold|bought|brought|paid|led|ran|spent|struck|thought|became|found|kept|sent|"
    r"spoke|wrote|chose|drew|flew|fought|grew|knew|meant|stood|threw|broke|ago|since|last|earlier|"
    r"taught|caught|sought|fled|hid|shot|slid|swore|tore|woke|withdrew|overthrew|underwent"
)
_PRESENT_WORDS = r"is|are|am|has|have|says|say|tells|remains?|seems?|includes?"
_TENSE_WORD = re.compile(
    r"\b(?:(?P<f>" + _FUTURE_WORDS + r")|(?P<p>" + _PAST_WORDS + r")|(?P<n>" + _PRESENT_WORDS + r"))\b",
    re.IGNORECASE,
)
# Regular past forms ("announced") are weaker evidence: participles follow auxiliaries
# ("will be named"), so they count only where no explicit marker is found.
_AFTER_BE = re.compile(r"\b(?:be|been|being)\s+$", re.IGNORECASE)
_WEAK_PAST = re.compile(r"\b[a-z]{2,}[a-z]ed\b")
_CLAUSE_END = re.compile(r"[.;!?\n](?:\s|$)")


def _number(raw: str) -> float | None:
    s = raw.lower().replace("-", " ").strip()
    s = re.sub(r"\s+", " ", s)
    if s in ("a", "an", "one"):
        return 1
    if s in ("half a", "half an"):
        return 0.5
    if s == "a couple of":
        return 2
    if s == "a dozen":
        return 12
    try:
        return float(s)
    except ValueError:
        pass
    parts = s.split(" ")
    total = 0
    for p in parts:
        if p in _TENS:
            total += _TENS[p]
        elif p in _UNITS:
            total += _UNITS[p]
        else:
            return None
    return total


def _spelled_year(raw: str) -> int | None:
    s = re.sub(r"[\s-]+", " ", raw.lower()).replace(" and ", " ").strip()
    s = re.sub(r"^the year ", "", s)
    if s.startswith("nineteen "):
        rest = s[len("nineteen ") :]
        if rest == "hundred":
            return 1900
        n = _number(rest)
        return 1900 + int(n) if n is not None and 10 <= n < 100 else None
    if s.startswith("two thousand"):
        rest = s[len("two thousand") :].strip()
        if not rest:
            return 2000
        n = _number(rest)
        return 2000 + int(n) if n is not None and n < 100 else None
    if s.startswith("twenty "):
        n = _number(s[len("twenty ") :])
        return 2000 + int(n) if n is not None and 10 <= n < 100 else None
    return None


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class _Val:
    value: str
    date: dt.date | None = None
    precision: str | None = None
    kind: str = ""  # day | week | month | quarter | half | season | year | other
    year: int = 0
    sub: int = 0  # month, quarter or half number
    day: dt.date | None = None
    is_ref: bool = True  # may serve as the discourse reference for later expressions


def _not_ref(val: _Val | None) -> _Val | None:
    return replace(val, is_ref=False) if val is not None else None


def _v_day(d: dt.date) -> _Val:
    return _Val(d.isoformat(), d, "day", "day", d.year, d.month, d)


def _v_month(y: int, m: int) -> _Val:
    return _Val(f"{y:04d}-{m:02d}", dt.date(y, m, 1), "month", "month", y, m)


def _v_year(y: int) -> _Val:
    return _Val(f"{y:04d}", dt.date(y, 1, 1), "year", "year", y)


def _v_quarter(y: int, q: int) -> _Val:
    return _Val(f"{y:04d}-Q{q}", None, None, "quarter", y, q)


def _v_half(y: int, h: int) -> _Val:
    return _Val(f"{y:04d}-H{h}", None, None, "half", y, h)


def _v_week(d: dt.date, weekend: bool = False) -> _Val:
    iy, iw, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    if weekend:
        return _Val(f"{iy:04d}-W{iw:02d}-WE", None, None, "other", iy)
    return _Val(f"{iy:04d}-W{iw:02d}", monday, "week", "week", iy, iw, monday)


def _v_ref(value: str) -> _Val:
    return _Val(value, kind="other")


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _add_years_day(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    if not 1 <= y <= 9999:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift(ref: _Val, n: int, unit: str) -> _Val | None:
    """Move a discourse reference by n units, keeping the reference's grain where it is finer."""
    try:
        if unit == "year":
            if ref.kind == "day" and ref.day:
                return _v_day(_add_years_day(ref.day, n))
            if ref.kind == "month":
                return _v_month(ref.year + n, ref.sub)
            if ref.kind == "quarter":
                return _v_quarter(ref.year + n, ref.sub)
            if ref.kind == "half":
                return _v_half(ref.year + n, ref.sub)
            return _v_year(ref.year + n)
        if unit == "month":
            if ref.kind == "day" and ref.day:
                y, m = _add_months(ref.day.year, ref.day.month, n)
                return _v_month(y, m)
            if ref.kind == "month":
                return _v_month(*_add_months(ref.year, ref.sub, n))
            return None
        if unit == "day" and ref.day is not None:
            return _v_day(ref.day + dt.timedelta(days=n))
        if unit == "week" and ref.day is not None:
            return _v_week(ref.day + dt.timedelta(weeks=n))
    except (ValueError, OverflowError):
        return None
    return None


# --------------------------------------------------------------------------- context


@dataclass(slots=True)
class _Ctx:
    text: str
    anchor: dt.date | None
    ref: _Val | None = None

    def tense(self, start: int, end: int) -> str:
        """'future', 'past' or '' from the words of the clause around [start, end)."""
        lo = max(0, start - 90)
        before = self.text[lo:start]
        cut = None
        for m in _CLAUSE_END.finditer(before):
            cut = m.end()
        if cut is not None:
            before = before[cut:]
        after = self.text[end : end + 50]
        m = _CLAUSE_END.search(after)
        if m:
            after = after[: m.start()]
        strong = None
        for marker in _TENSE_WORD.finditer(before):
            # a participle after "be" ("will be held") takes the tense of its auxiliary
            if marker["p"] and _AFTER_BE.search(before, 0, marker.start()):
                continue
            strong = marker
        if strong is not None:
            return "future" if strong["f"] else "past" if strong["p"] else ""
        if _WEAK_PAST.search(before):
            return "past"
        strong = _TENSE_WORD.search(after)
        if strong is not None:
            return "future" if strong["f"] else "past" if strong["p"] else ""
        return "past" if _WEAK_PAST.search(after) else ""


# A yearless day or quarter is moved a year by tense only when it lies this far on the wrong side
# of the anchor: days just ahead in a past-tense sentence are usually scheduled events reported in
# passing, and quarters just ended are reported on in the future tense. Months use no slack.
_TENSE_SLACK_DAYS = 62


def _nearest_year(
    ctx: _Ctx,
    start: int,
    end: int,
    period: Callable[[int], tuple[dt.date, dt.date] | None],
    *,
    slack_days: int = _TENSE_SLACK_DAYS,
) -> int | None:
    """The year that puts a yearless period nearest the anchor, adjusted by tense."""
    a = ctx.anchor
    if a is None:
        return None
    best: tuple[int, int] | None = None
    for y in (a.year - 1, a.year, a.year + 1):
        p = period(y)
        if p is None:
            continue
        lo, hi = p
        dist = 0 if lo <= a <= hi else min(abs((lo - a).days), abs((hi - a).days))
        if best is None or dist < best[0]:
            best = (dist, y)
    if best is None:
        return None
    y = best[1]
    lo_hi = period(y)
    assert lo_hi is not None
    tense = ctx.tense(start, end)
    if tense == "past" and (lo_hi[0] - a).days > slack_days and period(y - 1) is not None:
        return y - 1
    if tense == "future" and (a - lo_hi[1]).days > slack_days and period(y + 1) is not None:
        return y + 1
    return y


def _month_period(m: int) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    def period(y: int) -> tuple[dt.date, dt.date] | None:
        ny, nm = _add_months(y, m, 1)
        return dt.date(y, m, 1), dt.date(ny, nm, 1) - dt.timedelta(days=1)

    return period


def _day_period(m: int, d: int) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    def period(y: int) -> tuple[dt.date, dt.date] | None:
        x = _safe_date(y, m, d)
        return (x, x) if x else None

    return period


def _quarter_period(q: int) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    def period(y: int) -> tuple[dt.date, dt.date] | None:
        ny, nm = _add_months(y, 3 * q - 2, 3)
        return dt.date(y, 3 * q - 2, 1), dt.date(ny, nm, 1) - dt.timedelta(days=1)

    return period


def _season_period(code: str) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    first, last = _SEASON_MONTHS[code]

    def period(y: int) -> tuple[dt.date, dt.date] | None:
        ly = y + 1 if last < first else y
        ny, nm = _add_months(ly, last, 1)
        return dt.date(y, first, 1), dt.date(ny, nm, 1) - dt.timedelta(days=1)

    return period


def _weekday_from(anchor: dt.date, wd: int, direction: str) -> dt.date:
    """direction: 'on_or_before' | 'before' | 'on_or_after' | 'after'."""
    back = (anchor.weekday() - wd) % 7
    fwd = (wd - anchor.weekday()) % 7
    if direction == "on_or_before":
        return anchor - dt.timedelta(days=back)
    if direction == "before":
        return anchor - dt.timedelta(days=back or 7)
    if direction == "on_or_after":
        return anchor + dt.timedelta(days=fwd)
    return anchor + dt.timedelta(days=fwd or 7)


def _two_digit_year(yy: int, anchor: dt.date | None) -> int:
    pivot = (anchor.year % 100 + 1) if anchor else 30
    century = (anchor.year // 100 * 100) if anchor else 2000
    return century + yy if yy <= pivot else century - 100 + yy


# --------------------------------------------------------------------------- rule handlers

Handler = Callable[[re.Match[str], _Ctx], "_Val | None"]


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _v_day(d) if d else None


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    year = int(y) if len(y) == 4 else _two_digit_year(int(y), ctx.anchor)
    if m["sep"] == "/":
        month, day = (a, b) if a <= 12 else (b, a)
    else:
        day, month = (a, b) if b <= 12 else (b, a)
    d = _safe_date(year, month, day)
    return _v_day(d) if d else None


def _month_of(raw: str) -> int:
    return _MONTHS[raw.lower().rstrip(".")]


def _h_month_day(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    month = _month_of(m["mon"])
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        d = _safe_date(int(m["year"]), month, day)
        return _v_day(d) if d else None
    if ctx.anchor is None:
        return _Val(f"XXXX-{month:02d}-{day:02d}", kind="other")
    y = _nearest_year(ctx, m.start(), m.end(), _day_period(month, day))
    d = _safe_date(y, month, day) if y else None
    return _v_day(d) if d else None


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    return _v_month(int(m["year"]), _month_of(m["mon"]))


def _h_month(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    month = _month_of(m["mon"])
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
        y = _nearest_year(ctx, m.start(), m.end(), _month_period(month), slack_days=0)
        if y is None:
            return None
    return _v_month(y, month)


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    y = int(m["y"])
    if not 1000 <= y <= 2099:
        return None
    return _v_year(y)


def _h_month_spelled_year(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    y = _spelled_year(m["sy"])
    return _v_month(y, _month_of(m["mon"])) if y else None


def _h_spelled_year(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    y = _spelled_year(m.group(0))
    return _v_year(y) if y else None


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    full = m.groupdict().get("full")
    if full:
        return _v_ref(full[:3])
    two = int(m["short"])
    century = 19 if two >= 30 or ctx.anchor is None else 20
    if ctx.anchor is not None and two < 30:
        century = 20 if two * 1 <= ctx.anchor.year % 100 else 19
    return _v_ref(f"{century}{two // 10}")


_DECADE_WORDS = {"thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


def _h_spelled_decade(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    return _v_ref(f"19{_DECADE_WORDS[m['w'].lower()]}")


def _h_this_decade(m: re.Match[str], ctx: _Ctx) -> _Val | None:
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
        return _Val("P10Y", kind="other")
    return _v_ref(f"{(ctx.anchor.year + shift) // 10}")


def _h_century(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    raw = m["n"].lower()
    if raw in ("this", "last", "next"):
        if ctx.anchor is None:
            return None
        c = ctx.anchor.year // 100 + {"this": 0, "last": -1, "next": 1}[raw]
        return _v_ref(f"{c:02d}")
    n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else _ORDINALS.get(raw.replace("-", " "))
    if not n or n > 21:
        return None
    return _v_ref(f"{n - 1:02d}")


def _year_from_rel(word: str | None, ctx: _Ctx) -> int | None:
    if ctx.anchor is None:
        return None
    return ctx.anchor.year + {"this": 0, "last": -1, "next": 1, "the": 0}.get((word or "this").lower(), 0)


def _h_quarter(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    g = m.groupdict()
    q = _ORDINALS.get(g["ord"].lower()) if g.get("ord") else int(g.get("qn") or g.get("qn3") or 0)
    if not q or not 1 <= q <= 4:
        return None
    yraw = (g.get("y0") or g.get("y1") or g.get("y2") or g.get("y3") or "").lstrip("'")
    if yraw:
        y = int(yraw)
        if len(yraw) == 2:
            y = _two_digit_year(y, ctx.anchor)
        return _v_quarter(y, q)
    yrel = g.get("ypre") or g.get("yrel")
    if yrel:
        y = _year_from_rel(yrel, ctx)
        return _v_quarter(y, q) if y else None
    if g.get("ago"):
        base = ctx.ref.year if ctx.ref and ctx.ref.kind == "quarter" else _year_from_rel("this", ctx)
        return _not_ref(_v_quarter(base - 1, q)) if base else None
    y = _nearest_year(ctx, m.start(), m.end(), _quarter_period(q))
    return _v_quarter(y, q) if y else None


def _anchor_quarter(a: dt.date, n: int) -> _Val:
    k = a.year * 4 + (a.month - 1) // 3 + n
    return _v_quarter(k // 4, k % 4 + 1)


def _h_rel_quarter(m: re.Match[str], ctx: _Ctx) -> _Val | None:
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
            return _not_ref(_v_quarter(ref.year - 1, ref.sub))
        return _not_ref(_anchor_quarter(a, -5)) if a else None
    if rel in ("", "latest", "most recent", "same", "corresponding", "recent", "just-ended", "just ended"):
        if ref is not None:
            return ref
        return _anchor_quarter(a, -1) if a else None
    if a is None:
        return None
    if rel in ("this", "current", "present"):
        return _anchor_quarter(a, 0)
    if rel in ("last", "previous", "past", "prior", "preceding"):
        return _anchor_quarter(a, -1)
    if rel in ("next", "coming", "following"):
        if rel == "following" and ref is not None:
            k = ref.year * 4 + ref.sub  # ref.sub is 1-based
            return _v_quarter(k // 4, k % 4 + 1)
        return _anchor_quarter(a, 1)
    return None


def _h_year_quarter(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """'the 1988 quarter': the quarter under discussion (else the latest ended one), in that year."""
    if ctx.ref is not None and ctx.ref.kind == "quarter":
        return _not_ref(_v_quarter(int(m["y"]), ctx.ref.sub))
    if ctx.anchor is None:
        return None
    return _not_ref(_v_quarter(int(m["y"]), _anchor_quarter(ctx.anchor, -1).sub))


def _h_half(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    h = 1 if (m["ord"] or "").lower() in ("first", "1") or m["hn"] == "1" else 2
    if m["y"] or m["y2"]:
        return _v_half(int(m["y"] or m["y2"]), h)
    y = _year_from_rel(m["yrel"], ctx)
    if m["yrel"] is None and ctx.ref is not None and ctx.ref.kind == "year":
        y = ctx.ref.year
    return _v_half(y, h) if y else None


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    code = _SEASONS[m["season"].lower()]
    year = m.groupdict().get("y") or m.groupdict().get("y2")
    if year:
        return _v_ref(f"{int(year):04d}-{code}")
    if m.groupdict().get("sy"):
        spelled = _spelled_year(m["sy"])
        return _v_ref(f"{spelled:04d}-{code}") if spelled else None
    a = ctx.anchor
    if a is None:
        return None
    rel = re.sub(r"\s+", " ", (m.groupdict().get("rel") or "").lower())
    period = _season_period(code)
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
        ny = _nearest_year(ctx, m.start(), m.end(), period)
        if ny is None:
            return None
        y = ny
    return _v_ref(f"{y:04d}-{code}")


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    wd = _WEEKDAYS[m["wd"].lower()]
    a = ctx.anchor
    if a is None:
        return _v_ref(f"XXXX-WXX-{wd + 1}")
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if rel in ("last", "past", "this past", "the previous", "previous"):
        direction = "before"
    elif rel in ("next", "the following", "the next", "following"):
        direction = "after"
    elif rel in ("this", "this coming", "coming"):
        direction = "on_or_after"
    elif m.group(0).lower().endswith("'s"):
        direction = "on_or_before"  # "Wednesday's ruling": an event already reported
    else:
        direction = "on_or_after" if ctx.tense(m.start(), m.end()) == "future" else "on_or_before"
    return _v_day(_weekday_from(a, wd, direction))


def _h_deictic_day(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    a = ctx.anchor
    if a is None:
        return None
    word = re.sub(r"\s+", " ", m["w"].lower())
    offsets = {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    return _v_day(a + dt.timedelta(days=offsets[word]))


def _h_rel_unit(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    a = ctx.anchor
    if rel in ("the past", "the last", "the next", "the coming") and unit != "weekend":
        return _Val({"week": "P1W", "month": "P1M", "year": "P1Y"}[unit], kind="other")
    ref = ctx.ref
    step = {
        "last": -1,
        "previous": -1,
        "the previous": -1,
        "this": 0,
        "the current": 0,
        "current": 0,
        "the": 0,
        "next": 1,
        "the following": 1,
        "the same": 0,
        "that": 0,
        "that same": 0,
        "this past": -1,
        "this coming": 1,
        "the coming": 1,
        "the past": -1,
        "the last": -1,
        "the next": 1,
        "the prior": -1,
        "the preceding": -1,
    }.get(rel, 0)
    discourse = rel in ("the previous", "the following", "the same", "that", "that same", "the prior", "the preceding")
    if rel == "the" and unit == "year" and ref is not None and ref.kind == "year":
        # "the year" continues the year under discussion; "the full year" is the current (fiscal) year
        discourse = (m["q"] or "").lower() != "full"
    if discourse and ref is not None:
        shifted = _shift(ref, step, "day" if unit == "weekend" else unit)
        if unit == "year" and ref.kind != "year":
            shifted = _v_year(ref.year + step)
        if unit == "week" and ref.day is not None:
            shifted = _v_week(ref.day + dt.timedelta(weeks=step))
        if shifted is not None:
            return shifted
    if a is None:
        return None
    if unit == "week":
        return _v_week(a + dt.timedelta(weeks=step))
    if unit == "month":
        return _v_month(*_add_months(a.year, a.month, step))
    if unit == "year":
        return _v_year(a.year + step)
    # weekend
    sat_before = a - dt.timedelta(days=(a.weekday() - 5) % 7)
    if step < 0:
        sat = sat_before if a.weekday() not in (5, 6) else sat_before - dt.timedelta(days=7)
    elif step > 0 or ctx.tense(m.start(), m.end()) == "future":
        sat = sat_before if a.weekday() in (5, 6) else sat_before + dt.timedelta(days=7)
        if step > 0 and a.weekday() in (5, 6):
            sat += dt.timedelta(days=7)
    else:
        sat = sat_before
    return _v_week(sat, weekend=True)


def _h_discourse_day(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """'that day', 'the next morning', 'the previous evening': a day relative to the last day mentioned."""
    ref = ctx.ref
    if ref is None or ref.kind != "day" or ref.day is None:
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    step = 1 if rel in ("the next", "the following") else -1 if rel in ("the previous", "the prior", "the preceding") else 0
    return _v_day(ref.day + dt.timedelta(days=step))


def _h_year_end(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """'year-end', 'the year's end': the current year (TimeML writes the year, with an END modifier)."""
    return _not_ref(_v_year(ctx.anchor.year)) if ctx.anchor is not None else None


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    n = _number(m["num"])
    unit = m["unit"].lower().rstrip("s")
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if n is None or n != int(n):
        return None
    k = int(n)
    sign = -1 if direction in ("ago", "earlier", "back", "before", "previously") else 1
    relative_to_ref = direction in ("earlier", "later", "before", "after")
    if unit == "decade":
        unit, k = "year", 10 * k
    if unit == "century":
        unit, k = "year", 100 * k
    if unit == "fortnight":
        unit, k = "week", 2 * k
    if relative_to_ref and ctx.ref is not None:
        if ctx.ref.kind in ("quarter", "half") and unit == "month" and k % 3 == 0:
            unit, k = "quarter", k // 3
        if unit == "quarter" and ctx.ref.kind == "quarter":
            kk = ctx.ref.year * 4 + ctx.ref.sub - 1 + sign * k
            return _v_quarter(kk // 4, kk % 4 + 1)
        shifted = _shift(ctx.ref, sign * k, unit)
        if shifted is not None:
            return shifted
    a = ctx.anchor
    if a is None or (relative_to_ref and sign > 0):
        return None
    try:
        if unit == "day":
            return _v_day(a + dt.timedelta(days=sign * k))
        if unit == "week":
            return _v_week(a + dt.timedelta(weeks=sign * k))
        if unit == "month":
            return _v_month(*_add_months(a.year, a.month, sign * k))
        if unit == "quarter":
            return _anchor_quarter(a, sign * k)
        if unit == "year":
            if (
                k == 1
                and direction in ("ago", "earlier")
                and ctx.ref is not None
                and ctx.ref.kind == "quarter"
                and ctx.ref.year == a.year
            ):
                return _v_quarter(a.year - 1, ctx.ref.sub)
            return _v_year(a.year + sign * k)
    except (ValueError, OverflowError):
        return None
    return None


def _h_year_ago_adj(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    if ctx.ref is not None and ctx.ref.kind in ("quarter", "half", "month", "day"):
        return _not_ref(_shift(ctx.ref, -1, "year"))
    return _not_ref(_v_year(ctx.anchor.year - 1)) if ctx.anchor else None


def _h_duration(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    unit = m["unit"].lower().rstrip("s")
    if m["vague"]:
        n_text = "X"
    else:
        n = _number(m["num"])
        if n is None or n <= 0:
            return None
        if n != int(n):  # "half a year", "1.5 years": express in the next smaller unit
            smaller = {
                "year": ("P", "M", 12),
                "month": ("P", "W", 4),
                "week": ("P", "D", 7),
                "day": ("PT", "H", 24),
            }.get(unit)
            if smaller is None or n * smaller[2] != int(n * smaller[2]):
                return None
            return _Val(f"{smaller[0]}{int(n * smaller[2])}{smaller[1]}", kind="other")
        n_text = str(int(n))
    code = {
        "second": "TS",
        "minute": "TM",
        "hour": "TH",
        "day": "D",
        "week": "W",
        "month": "M",
        "year": "Y",
        "decade": "DE",
        "century": "CE",
    }[unit]
    if code.startswith("T"):
        return _Val(f"PT{n_text}{code[1]}", kind="other")
    return _Val(f"P{n_text}{code}", kind="other")


def _h_const(value: str) -> Handler:
    def handler(m: re.Match[str], ctx: _Ctx) -> _Val | None:
        return _v_ref(value)

    return handler


def _easter(y: int) -> dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * mm + 114) // 31
    day = (h + l_ - 7 * mm + 114) % 31 + 1
    return dt.date(y, month, day)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(y, month, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    ny, nm = _add_months(y, month, 1)
    last = dt.date(ny, nm, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "independence day": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "easter": _easter,
    "easter sunday": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    # US federal days fixed by statute: Election Day is the Tuesday after the first Monday of November
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "presidents day": lambda y: _nth_weekday(y, 2, 0, 3),
    "columbus day": lambda y: _nth_weekday(y, 10, 0, 2),
}


_FREQUENCY = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y"}


def _h_frequency(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """A frequency adverb ("rallies daily", "reported monthly"): the TIMEX3 SET value, P1D/P1W/...
    Adjectives ("a daily newspaper") are left alone: the pattern wants the adverb's position."""
    return _v_ref(_FREQUENCY[m.group(0).lower()])


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    name = re.sub(r"(veterans|presidents)'", r"\1", re.sub(r" jr\.? day$", " day", name))
    fn = _HOLIDAYS.get(name)
    if fn is None:
        return None
    if m["y"]:
        return _v_day(fn(int(m["y"])))
    if ctx.anchor is None:
        return None

    def period(y: int) -> tuple[dt.date, dt.date]:
        d = fn(y)
        return d, d

    y = _nearest_year(ctx, m.start(), m.end(), period)
    return _v_day(fn(y)) if y else None


@dataclass(frozen=True, slots=True)
class _Landmark:
    day: dt.date
    name: str
    keys: tuple[frozenset[str], ...]  # alternatives: every word of one must occur in the phrase


def _landmark_words(text: str) -> list[str]:
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    return re.findall(r"[a-z0-9]+(?:[-/.][a-z0-9]+)*\.?", text)


@functools.cache
def _landmarks() -> tuple[_Landmark, ...]:
    """The landmark table (data/landmarks.csv), read on first use."""
    import csv
    from importlib import resources

    raw = resources.files("multipolar.events").joinpath("data/landmarks.csv").read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(raw.splitlines()):
        keys = tuple(frozenset(_landmark_words(alt)) for alt in row["keys"].split(";") if alt.strip())
        out.append(_Landmark(dt.date.fromisoformat(row["date"]), row["name"], keys))
    return tuple(out)


# ordinals of anniversaries: those of dates and quarters (not "last"/"final") and the round ones
_ANNIVERSARY_ORDINALS = {
    **{k.replace(" ", "-"): v for k, v in _ORDINALS.items() if not k[0].isdigit() and k not in ("last", "final")},
    "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}


@functools.lru_cache(maxsize=256)
def landmark_of(phrase: str) -> _Landmark | None:
    """The landmark event a phrase names ("Russia's 2022 invasion of Ukraine" -> 24 February 2022): the
    one whose key words all occur in it, the longest key first; a year in the phrase must be its year."""
    words = set(_landmark_words(phrase))
    years = {int(w) for w in words if re.fullmatch(r"(?:1[0-9]|20)\d\d", w)}
    best: tuple[int, _Landmark] | None = None
    for mark in _landmarks():
        if years and mark.day.year not in years:
            continue
        for key in mark.keys:
            if key <= words and (best is None or len(key) > best[0]):
                best = (len(key), mark)
    return best[1] if best else None


def _h_anniversary(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """"the anniversary of Russia's 2022 invasion of Ukraine", "the 80th anniversary of D-Day": the day of a
    landmark event (data/landmarks.csv) in the year the ordinal gives, else the year nearest the anchor;
    with neither, "XXXX-MM-DD" (a day of the year, the year unknown)."""
    mark = landmark_of(m["what"])
    if mark is None:
        return None
    raw = (m["n"] or m["w"] or "").lower()
    n = int(raw) if raw.isdigit() else _ANNIVERSARY_ORDINALS.get(re.sub(r"\s+", "-", raw), 0)

    def on(y: int) -> dt.date | None:
        try:
            return mark.day.replace(year=y)
        except ValueError:  # 29 February
            return None

    if n:
        day = on(mark.day.year + n)
        return _v_day(day) if day else None
    if ctx.anchor is None:
        return _Val(f"XXXX-{mark.day.month:02d}-{mark.day.day:02d}", kind="other")

    def period(y: int) -> tuple[dt.date, dt.date] | None:
        d = on(y)
        return (d, d) if d else None

    y = _nearest_year(ctx, m.start(), m.end(), period)
    day = on(y) if y else None
    return _v_day(day) if day and day > mark.day else None


# --------------------------------------------------------------------------- rules

_I = re.IGNORECASE
_SPELLED_YEAR = (
    r"(?:nineteen[\s-](?:hundred|" + _NUM_WORD + r")|two\s+thousand(?:\s+and)?(?:[\s-]" + _NUM_WORD + r")?)"
)
_YEAR4 = r"(?<![\d$€£.,])(?:1[0-9]|20)\d\d(?![\d%]|,\d|\.\d)"


def _rx(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# (pattern, handler, updates_discourse_reference)
_RULES: list[tuple[re.Pattern[str], Handler, bool]] = [
    (_rx(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"), _h_iso, True),
    (
        _rx(r"(?<![\d./])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"),
        _h_numeric,
        True,
    ),
    (
        _rx(
            r"\b" + _MOD_RE + _WD_PREFIX + r"(?P<mon>" + _MONTH_RE + r")\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
            r"(?!\s*(?:%|percent|million|billion|,\d))(?:,?\s*(?P<year>" + _YEAR4 + r"))?"
        ),
        _h_month_day,
        True,
    ),
    (
        _rx(
            r"\b"
            + _WD_PREFIX
            + r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>"
            + _MONTH_RE
            + r")(?:,?\s*(?P<year>"
            + _YEAR4
            + r"))?"
        ),
        _h_month_day,
        True,
    ),
    (
        _rx(r"\b" + _MOD_RE + r"(?P<mon>" + _MONTH_RE + r"),?\s+(?:of\s+)?(?P<year>" + _YEAR4 + r")"),
        _h_month_year,
        True,
    ),
    (
        _rx(
            r"\b" + _MOD_RE + r"(?:(?P<rel>[Ll]ast|[Tt]his(?:\s+past)?|[Nn]ext|[Pp]ast)\s+)?(?P<mon>"
            r"January|February|March|April|May|June|July|August|September|October|November|December"
            r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
            r"(?:Jan|Feb|Apr|Aug|Sept|Oct|Nov|Dec)\.)(?:\s+of\s+(?P<yrel>this|last|next)\s+year)?\b"
            r"(?!\s+\d)",
            0,
        ),
        _h_month,
        True,
    ),
    (
        _rx(
            r"\b"
            + _MOD_RE
            + r"(?:(?:fiscal|calendar|the)(?:\s+year)?\s*|FY\s*|(?:the\s+)?year\s+)?(?P<y>"
            + _YEAR4
            + r")(?!\s*(?:percent|per\b|[a-z]*-(?:year|month|day)))"
        ),
        _h_year,
        True,
    ),
    (_rx(r"\b(?:the\s+year\s+)?" + _SPELLED_YEAR + r"\b"), _h_spelled_year, True),
    (
        _rx(r"\b" + _MOD_RE + r"(?P<mon>" + _MONTH_RE + r"),?\s+(?:of\s+)?(?P<sy>" + _SPELLED_YEAR + r")\b"),
        _h_month_spelled_year,
        True,
    ),
    (
        _rx(
            r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<full>(?:1\d|20)\d0)'?s\b|'(?P<short>\d0)'?s\b)"
        ),
        _h_decade,
        False,
    ),
    (_rx(r"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?P<short>\d0)'?s\b"), _h_decade, False),
    (_rx(r"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?P<w>" + _ALT(_DECADE_WORDS) + r")\b"), _h_spelled_decade, False),
    (
        _rx(
            r"\b(?P<rel>this|the\s+current|last|next|the\s+last|the\s+past|the\s+next|the\s+coming)\s+decade\b"
        ),
        _h_this_decade,
        False,
    ),
    (
        _rx(
            r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|this|last|next|"
            + _ALT(
                sorted(
                    (k for k in _ORDINALS if not k[0].isdigit() and k not in ("last", "final")),
                    key=len,
                    reverse=True,
                )
            )
            + r")[\s-]+century\b"
        ),
        _h_century,
        False,
    ),
    (
        _rx(
            r"\b(?:(?:the|its|a)\s+)?(?:(?P<ypre>this|last|next)\s+year's\s+)?(?:(?P<ago>year[\s-](?:ago|earlier))\s+)?"
            r"(?:(?P<y0>" + _YEAR4 + r")\s+)?(?:(?:fiscal|calendar)[\s-]+)?(?P<ord>" + _ORD_RE + r")[\s-]+(?:fiscal[\s-]+)?quarter\b"
            r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y1>" + _YEAR4 + r")|(?P<yrel>this|last|next)\s+year)"
            r"|,?\s+(?P<y3>" + _YEAR4 + r"))?"
        ),
        _h_quarter,
        True,
    ),
    (
        _rx(r"\b(?:Q(?P<qn>[1-4])|(?P<qn3>[1-4])Q)(?:\s*(?:of\s+)?(?P<y2>" + _YEAR4 + r"|'?\d\d\b))?\b", 0),
        _h_quarter,
        True,
    ),
    (
        _rx(
            r"\b(?:(?:the|its|this|that)\s+|(?P<lyp>last\s+year['’]s)\s+)?(?P<rel>latest|most\s+recent|last|previous|past|prior|"
            r"preceding|current|present|next|coming|following|same|corresponding|recent|just[\s-]ended|"
            r"(?:comparable\s+)?year[\s-](?:ago|earlier)|comparable)?"
            r"\s*(?:fiscal\s+)?(?:quarter|period)\b(?!\s+of\s+(?:a|an|the|his|her|its|their)\b)(?![\s-]century)"
            r"(?P<ly>\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous|prior)\s+year))?"
        ),
        _h_rel_quarter,
        False,
    ),
    (
        _rx(r"\b(?:the|its|that)\s+(?P<y>" + _YEAR4 + r")\s+(?:fiscal\s+)?quarter\b"),
        _h_year_quarter,
        False,
    ),
    (
        _rx(
            r"\b(?:(?:the|its)\s+)?(?:(?P<ord>first|second|last|latter)[\s-]+half|H(?P<hn>[12]))\b"
            r"(?:\s+of\s+(?:(?P<y>"
            + _YEAR4
            + r")|(?P<yrel>this|last|next|the)\s+year)|\s+(?P<y2>"
            + _YEAR4
            + r"))?"
        ),
        _h_half,
        True,
    ),
    (
        _rx(
            r"\b"
            + _MOD_RE
            + r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)\s+|(?:the|in|during|over)\s+)"
            r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<season>spring|summer|autumn|fall|winter)\b"
            r"(?:\s+of\s+(?P<y>" + _YEAR4 + r")|\s+(?P<y2>" + _YEAR4 + r"))?(?!\s+of\s+(?!\d))"
        ),
        _h_season,
        False,
    ),
    (
        _rx(r"\b(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<y>" + _YEAR4 + r")(?P<rel>)?"),
        _h_season,
        False,
    ),
    (
        _rx(r"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<sy>" + _SPELLED_YEAR + r")\b"),
        _h_season,
        False,
    ),
    (
        _rx(
            r"\b(?:(?P<rel>this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|last|next|"
            r"this|past|coming|previous|following)\s+|(?:early|late|earlier|later)\s+)?(?P<wd>"
            + _WEEKDAY_RE
            + r")(?:'s)?\b(?:\s+(?:morning|afternoon|evening|night))?"
        ),
        _h_weekday,
        True,
    ),
    (
        _rx(
            r"\b(?:(?:early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
            r"|today|tonight|yesterday|tomorrow|this\s+morning|this\s+afternoon|this\s+evening|last\s+night)\b"
            r"(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?"
        ),
        _h_deictic_day,
        True,
    ),
    (
        _rx(
            r"\b(?:(?:earlier|later|early|late)\s+(?:in\s+)?|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+|over\s+)?"
            r"(?P<rel>last|previous|this\s+past|this\s+coming|this|next|the\s+current|current|the\s+following|"
            r"the\s+previous|the\s+prior|the\s+preceding|the\s+same|that\s+same|that|the\s+past|the\s+last|the\s+next|"
            r"the\s+coming|the)\s+"
            r"(?:(?P<q>fiscal|calendar|full|financial)\s+)?(?P<unit>week(?:end)?|month|year)\b(?!\s+(?:of|ago|earlier|later)\b)"
        ),
        _h_rel_unit,
        True,
    ),
    (
        _rx(
            r"\b(?:(?:earlier|later|early|late)\s+)?(?P<rel>that(?:\s+same)?|the\s+same|the\s+next|the\s+following|"
            r"the\s+previous|the\s+prior|the\s+preceding)\s+(?:day|morning|afternoon|evening|night)\b"
        ),
        _h_discourse_day,
        True,
    ),
    (_rx(r"\bthen[\s-]current\b"), _h_const("PAST_REF"), False),
    (_rx(r"\b(?:(?:the|this)\s+)?year(?:['’]s)?[\s-]end\b(?![\s-](?:bonus|sale|party|review|holiday))"), _h_year_end, False),
    (
        _rx(
            r"\b(?:(?:about|nearly|almost|some|roughly|around|more\s+than|less\s+than|over|just|only|exactly)\s+)?"
            r"(?P<num>"
            + _NUM_RE
            + r")[\s-]+(?:or\s+so\s+)?(?P<unit>days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
            r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back|previously)\b"
        ),
        _h_ago,
        False,
    ),
    (
        _rx(
            r"\b(?:the\s+)?(?:comparable\s+)?year[\s-](?:ago|earlier)(?!\s+(?:"
            + _ORD_RE
            + r"|quarter|period))\b"
        ),
        _h_year_ago_adj,
        False,
    ),
    (
        _rx(
            r"\b(?:(?:a\s+)?(?:few|several|couple\s+of)|some|many)\s+(?:days|weeks|months|years|decades)\s+(?:ago|back|earlier)\b"
        ),
        _h_const("PAST_REF"),
        False,
    ),
    (
        _rx(
            r"\b(?:in\s+)?(?:recent|past|the\s+past\s+(?:few|several))\s+(?:days|weeks|months|years|decades)\b"
            r"|\b(?:recently|lately|previously|formerly|recent|once\s+upon\s+a\s+time)\b|\b(?:in\s+)?the\s+past\b(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|hours?)\b)"
        ),
        _h_const("PAST_REF"),
        False,
    ),
    (
        _rx(
            r"\b(?:now|nowadays|currently|presently|current|at\s+present|these\s+days|at\s+the\s+moment|the\s+present(?:\s+time)?|right\s+now|just\s+now|by\s+now)\b(?!-)"
        ),
        _h_const("PRESENT_REF"),
        False,
    ),
    (
        _rx(
            r"\b(?:(?:in\s+)?(?:the\s+)?(?:near\s+|foreseeable\s+|distant\s+)?future|soon|shortly"
            r"|(?:in\s+)?the\s+(?:coming|next\s+few|years\s+ahead|months\s+ahead)\s*(?:days|weeks|months|years|decades)?"
            r"|coming\s+(?:days|weeks|months|years|decades)|a\s+later\s+date"
            # "in the near term", "over the long term" (TimeML: a vague future, not a duration)
            r"|the\s+(?:near|short|long|longer|medium)[\s-]+term)\b(?!s|-)"
        ),
        _h_const("FUTURE_REF"),
        False,
    ),
    (
        _rx(r"\b(?:daily|weekly|monthly|annually|yearly)\b(?=\s*[,.;:!?)]|\s*$|\s+(?:basis|since|until|and|or|by|at|in|on|from|to|for)\b)"),
        _h_frequency,
        False,
    ),
    (
        _rx(
            r"\b(?:the\s+)?(?:(?P<n>\d{1,3})(?:st|nd|rd|th)[\s-]+|(?P<w>"
            + _ALT(w.replace("-", r"[\s-]") for w in sorted(_ANNIVERSARY_ORDINALS, key=len, reverse=True))
            + r")\s+)?anniversary\s+of\s+"
            r"(?P<what>(?:[\w'’./-]+\s+){0,7}?[\w'’./-]*\w)(?=\s*(?:[,;:!?()]|\.(?:\s|$)|$|\s+(?:during|which|when|where|that|"
            r"and|but|as|in\s+which|with|after|before|on|was|is|has|had|will|would)\b))"
        ),
        _h_anniversary,
        False,
    ),
    (
        _rx(
            r"\b(?P<name>christmas(?:\s+(?:day|eve))?|new\s+year['’]s\s+(?:day|eve)|independence\s+day|halloween|"
            r"valentine['’]s\s+day|thanksgiving(?:\s+day)?|labor\s+day|memorial\s+day|easter(?:\s+sunday)?|good\s+friday|"
            r"election\s+day|veterans['’]?\s+day|martin\s+luther\s+king(?:\s+jr\.?)?\s+day|presidents['’]?\s+day|columbus\s+day)\b"
            r"(?:,?\s+(?P<y>" + _YEAR4 + r"))?"
        ),
        _h_holiday,
        True,
    ),
    (
        _rx(
            r"\b(?:(?:the\s+)?(?:past|last|next|previous|coming|first|final|following)\s+)?(?:(?P<num>"
            + _NUM_RE
            + r")|(?P<vague>several|a\s+few|many|some))"
            r"[\s-]+(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b(?![\s-]+old\b|-long\s+\w+-old)"
        ),
        _h_duration,
        False,
    ),
]


def find_dates(text: str, anchor: dt.date | None) -> list[TimeExpression]:
    """Every temporal expression in text, in order, with TIMEX3-style values resolved against
    anchor (the publication date; None leaves relative expressions out)."""
    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    for index, (pattern, handler, _updates) in enumerate(_RULES):
        for m in pattern.finditer(text):
            if handler is _h_anniversary and landmark_of(m["what"]) is None:
                continue  # an anniversary of something we do not know: leave its words to other rules
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), index, m))
    if not candidates:
        return []
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int, int, re.Match[str]]] = []
    occupied = bytearray(len(text) + 1)
    for cand in candidates:
        s, e = cand[0], cand[1]
        if any(occupied[s:e]):
            continue
        occupied[s:e] = b"\x01" * (e - s)
        taken.append(cand)
    taken.sort(key=lambda c: c[0])
    ctx = _Ctx(text=text, anchor=anchor)
    out: list[TimeExpression] = []
    for s, e, index, m in taken:
        _pattern, handler, updates = _RULES[index]
        try:
            val = handler(m, ctx)
        except (ValueError, OverflowError, KeyError):
            val = None
        if val is None:
            continue
        s2, e2 = _trim(text, s, e)
        out.append(TimeExpression(s2, e2, text[s2:e2], val.value, val.date, val.precision))
        if not val.is_ref:
            continue
        if updates and val.kind in ("day", "month", "quarter", "year", "half", "week"):
            ctx.ref = val
        elif index == _QUARTER_REL_INDEX and val.kind == "quarter":
            ctx.ref = val
    return out


_QUARTER_REL_INDEX = next(i for i, r in enumerate(_RULES) if r[1] is _h_rel_quarter)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n,-":
        s += 1
    while e > s and text[e - 1] in " \t\n,-":
        e -= 1
    return s, e


def yearless_days(text: str) -> tuple[tuple[int, int], ...]:
    """(month, day) of every day of the year a text names without its year, read with no publication
    date ("on February 24", "the anniversary of the 2022 invasion"), in order of appearance."""
    out = []
    for x in find_dates(text, None):
        m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", x.value)
        if m:
            out.append((int(m.group(1)), int(m.group(2))))
    return tuple(out)

