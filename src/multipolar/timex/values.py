"""TIMEX3 values (`TimeExpression`, the resolver's `Val`) and their arithmetic, and the context a rule
resolves against: the anchor, the discourse reference, the tense of the clause and the nearest year."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from multipolar.timex.words import AFTER_BE, CLAUSE_END, SEASON_MONTHS, TENSE_WORD, WEAK_PAST


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str
    date: dt.date | None
    precision: str | None



@dataclass(frozen=True, slots=True)
class Val:
    value: str
    date: dt.date | None = None
    precision: str | None = None
    kind: str = ""  # day | week | month | quarter | half | season | year | other
    year: int = 0
    sub: int = 0  # month, quarter or half number
    day: dt.date | None = None
    is_ref: bool = True  # may serve as the discourse reference for later expressions


def not_ref(val: Val | None) -> Val | None:
    return replace(val, is_ref=False) if val is not None else None


def v_day(d: dt.date) -> Val:
    return Val(d.isoformat(), d, "day", "day", d.year, d.month, d)


def v_month(y: int, m: int) -> Val:
    return Val(f"{y:04d}-{m:02d}", dt.date(y, m, 1), "month", "month", y, m)


def v_year(y: int) -> Val:
    return Val(f"{y:04d}", dt.date(y, 1, 1), "year", "year", y)


def v_quarter(y: int, q: int) -> Val:
    return Val(f"{y:04d}-Q{q}", None, None, "quarter", y, q)


def v_half(y: int, h: int) -> Val:
    return Val(f"{y:04d}-H{h}", None, None, "half", y, h)


def v_week(d: dt.date, weekend: bool = False) -> Val:
    iy, iw, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    if weekend:
        return Val(f"{iy:04d}-W{iw:02d}-WE", None, None, "other", iy)
    return Val(f"{iy:04d}-W{iw:02d}", monday, "week", "week", iy, iw, monday)


def v_ref(value: str) -> Val:
    return Val(value, kind="other")


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def add_years_day(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    if not 1 <= y <= 9999:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def shift_ref(ref: Val, n: int, unit: str) -> Val | None:
    """Move a discourse reference by n units, keeping the reference's grain where it is finer."""
    try:
        if unit == "year":
            if ref.kind == "day" and ref.day:
                return v_day(add_years_day(ref.day, n))
            if ref.kind == "month":
                return v_month(ref.year + n, ref.sub)
            if ref.kind == "quarter":
                return v_quarter(ref.year + n, ref.sub)
            if ref.kind == "half":
                return v_half(ref.year + n, ref.sub)
            return v_year(ref.year + n)
        if unit == "month":
            if ref.kind == "day" and ref.day:
                y, m = add_months(ref.day.year, ref.day.month, n)
                return v_month(y, m)
            if ref.kind == "month":
                return v_month(*add_months(ref.year, ref.sub, n))
            return None
        if unit == "day" and ref.day is not None:
            return v_day(ref.day + dt.timedelta(days=n))
        if unit == "week" and ref.day is not None:
            return v_week(ref.day + dt.timedelta(weeks=n))
    except (ValueError, OverflowError):
        return None
    return None


@dataclass(slots=True)
class Ctx:
    text: str
    anchor: dt.date | None
    ref: Val | None = None

    def tense(self, start: int, end: int) -> str:
        """'future', 'past' or '' from the words of the clause around [start, end)."""
        lo = max(0, start - 90)
        before = self.text[lo:start]
        cut = None
        for m in CLAUSE_END.finditer(before):
            cut = m.end()
        if cut is not None:
            before = before[cut:]
        after = self.text[end : end + 50]
        m = CLAUSE_END.search(after)
        if m:
            after = after[: m.start()]
        strong = None
        for marker in TENSE_WORD.finditer(before):
            # a participle after "be" ("will be held") takes the tense of its auxiliary
            if marker["p"] and AFTER_BE.search(before, 0, marker.start()):
                continue
            strong = marker
        if strong is not None:
            return "future" if strong["f"] else "past" if strong["p"] else ""
        if WEAK_PAST.search(before):
            return "past"
        strong = TENSE_WORD.search(after)
        if strong is not None:
            return "future" if strong["f"] else "past" if strong["p"] else ""
        return "past" if WEAK_PAST.search(after) else ""


# A yearless day or quarter is moved a year by tense only when it lies this far on the wrong side
# of the anchor: days just ahead in a past-tense sentence are usually scheduled events reported in
# passing, and quarters just ended are reported on in the future tense. Months use no slack.
TENSE_SLACK_DAYS = 62


def nearest_year(
    ctx: Ctx,
    start: int,
    end: int,
    period: Callable[[int], tuple[dt.date, dt.date] | None],
    *,
    slack_days: int = TENSE_SLACK_DAYS,
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


def month_period(m: int) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    def period(y: int) -> tuple[dt.date, dt.date] | None:
        ny, nm = add_months(y, m, 1)
        return dt.date(y, m, 1), dt.date(ny, nm, 1) - dt.timedelta(days=1)

    return period


def day_period(m: int, d: int) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    def period(y: int) -> tuple[dt.date, dt.date] | None:
        x = safe_date(y, m, d)
        return (x, x) if x else None

    return period


def quarter_period(q: int) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    def period(y: int) -> tuple[dt.date, dt.date] | None:
        ny, nm = add_months(y, 3 * q - 2, 3)
        return dt.date(y, 3 * q - 2, 1), dt.date(ny, nm, 1) - dt.timedelta(days=1)

    return period


def season_period(code: str) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    first, last = SEASON_MONTHS[code]

    def period(y: int) -> tuple[dt.date, dt.date] | None:
        ly = y + 1 if last < first else y
        ny, nm = add_months(ly, last, 1)
        return dt.date(y, first, 1), dt.date(ny, nm, 1) - dt.timedelta(days=1)

    return period


def weekday_from(anchor: dt.date, wd: int, direction: str) -> dt.date:
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


def two_digit_year(yy: int, anchor: dt.date | None) -> int:
    pivot = (anchor.year % 100 + 1) if anchor else 30
    century = (anchor.year // 100 * 100) if anchor else 2000
    return century + yy if yy <= pivot else century - 100 + yy


# a rule's handler: its match and the context to a value, or None where the match is no date
Handler = Callable[[re.Match[str], Ctx], "Val | None"]
