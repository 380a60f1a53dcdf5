"""`find_dates`: run every rule over a text, keep the longest matches without overlap, and resolve them
left to right; `yearless_days` for texts without a publication date."""

from __future__ import annotations

import datetime as dt
import re

from multipolar.timex.calendar import h_rel_quarter
from multipolar.timex.holidays import h_anniversary, landmark_of
from multipolar.timex.rules import RULES
from multipolar.timex.values import Ctx, TimeExpression


def find_dates(text: str, anchor: dt.date | None) -> list[TimeExpression]:
    """Every temporal expression in text, in order, with TIMEX3-style values resolved against
    anchor (the publication date; None leaves relative expressions out)."""
    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    for index, (pattern, handler, _updates) in enumerate(RULES):
        for m in pattern.finditer(text):
            if handler is h_anniversary and landmark_of(m["what"]) is None:
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
    ctx = Ctx(text=text, anchor=anchor)
    out: list[TimeExpression] = []
    for s, e, index, m in taken:
        _pattern, handler, updates = RULES[index]
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


_QUARTER_REL_INDEX = next(i for i, r in enumerate(RULES) if r[1] is h_rel_quarter)


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
