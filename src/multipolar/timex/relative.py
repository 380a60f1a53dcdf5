"""Rule handlers for expressions relative to the anchor or to the discourse reference: weekdays, "today",
"last month", "the following day", "two years ago", durations, vague references and frequencies."""

from __future__ import annotations

import datetime as dt
import re

from multipolar.timex.calendar import anchor_quarter
from multipolar.timex.values import (
    Ctx,
    Handler,
    Val,
    add_months,
    not_ref,
    shift_ref,
    v_day,
    v_month,
    v_quarter,
    v_ref,
    v_week,
    v_year,
    weekday_from,
)
from multipolar.timex.words import WEEKDAYS, number


def h_weekday(m: re.Match[str], ctx: Ctx) -> Val | None:
    wd = WEEKDAYS[m["wd"].lower()]
    a = ctx.anchor
    if a is None:
        return v_ref(f"XXXX-WXX-{wd + 1}")
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
    return v_day(weekday_from(a, wd, direction))


def h_deictic_day(m: re.Match[str], ctx: Ctx) -> Val | None:
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
    return v_day(a + dt.timedelta(days=offsets[word]))


def h_rel_unit(m: re.Match[str], ctx: Ctx) -> Val | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    a = ctx.anchor
    if rel in ("the past", "the last", "the next", "the coming") and unit != "weekend":
        return Val({"week": "P1W", "month": "P1M", "year": "P1Y"}[unit], kind="other")
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
        shifted = shift_ref(ref, step, "day" if unit == "weekend" else unit)
        if unit == "year" and ref.kind != "year":
            shifted = v_year(ref.year + step)
        if unit == "week" and ref.day is not None:
            shifted = v_week(ref.day + dt.timedelta(weeks=step))
        if shifted is not None:
            return shifted
    if a is None:
        return None
    if unit == "week":
        return v_week(a + dt.timedelta(weeks=step))
    if unit == "month":
        return v_month(*add_months(a.year, a.month, step))
    if unit == "year":
        return v_year(a.year + step)
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
    return v_week(sat, weekend=True)


def h_discourse_day(m: re.Match[str], ctx: Ctx) -> Val | None:
    """'that day', 'the next morning', 'the previous evening': a day relative to the last day mentioned."""
    ref = ctx.ref
    if ref is None or ref.kind != "day" or ref.day is None:
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    step = 1 if rel in ("the next", "the following") else -1 if rel in ("the previous", "the prior", "the preceding") else 0
    return v_day(ref.day + dt.timedelta(days=step))


def h_year_end(m: re.Match[str], ctx: Ctx) -> Val | None:
    """'year-end', 'the year's end': the current year (TimeML writes the year, with an END modifier)."""
    return not_ref(v_year(ctx.anchor.year)) if ctx.anchor is not None else None


def h_ago(m: re.Match[str], ctx: Ctx) -> Val | None:
    n = number(m["num"])
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
            return v_quarter(kk // 4, kk % 4 + 1)
        shifted = shift_ref(ctx.ref, sign * k, unit)
        if shifted is not None:
            return shifted
    a = ctx.anchor
    if a is None or (relative_to_ref and sign > 0):
        return None
    try:
        if unit == "day":
            return v_day(a + dt.timedelta(days=sign * k))
        if unit == "week":
            return v_week(a + dt.timedelta(weeks=sign * k))
        if unit == "month":
            return v_month(*add_months(a.year, a.month, sign * k))
        if unit == "quarter":
            return anchor_quarter(a, sign * k)
        if unit == "year":
            if (
                k == 1
                and direction in ("ago", "earlier")
                and ctx.ref is not None
                and ctx.ref.kind == "quarter"
                and ctx.ref.year == a.year
            ):
                return v_quarter(a.year - 1, ctx.ref.sub)
            return v_year(a.year + sign * k)
    except (ValueError, OverflowError):
        return None
    return None


def h_year_ago_adj(m: re.Match[str], ctx: Ctx) -> Val | None:
    if ctx.ref is not None and ctx.ref.kind in ("quarter", "half", "month", "day"):
        return not_ref(shift_ref(ctx.ref, -1, "year"))
    return not_ref(v_year(ctx.anchor.year - 1)) if ctx.anchor else None


def h_duration(m: re.Match[str], ctx: Ctx) -> Val | None:
    unit = m["unit"].lower().rstrip("s")
    if m["vague"]:
        n_text = "X"
    else:
        n = number(m["num"])
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
            return Val(f"{smaller[0]}{int(n * smaller[2])}{smaller[1]}", kind="other")
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
        return Val(f"PT{n_text}{code[1]}", kind="other")
    return Val(f"P{n_text}{code}", kind="other")


def h_const(value: str) -> Handler:
    def handler(m: re.Match[str], ctx: Ctx) -> Val | None:
        return v_ref(value)

    return handler

FREQUENCY = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y"}


def h_frequency(m: re.Match[str], ctx: Ctx) -> Val | None:
    """A frequency adverb ("rallies daily", "reported monthly"): the TIMEX3 SET value, P1D/P1W/...
    Adjectives ("a daily newspaper") are left alone: the pattern wants the adverb's position."""
    return v_ref(FREQUENCY[m.group(0).lower()])
