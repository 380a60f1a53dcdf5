"""Rule handlers for named days: holidays by their calendar rule, and anniversaries of the landmark events
in data/landmarks.csv."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from multipolar.timex.values import Ctx, Val, add_months, nearest_year, v_day
from multipolar.timex.words import ORDINALS


def easter(y: int) -> dt.date:
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


def nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(y, month, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    ny, nm = add_months(y, month, 1)
    last = dt.date(ny, nm, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "independence day": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "easter": easter,
    "easter sunday": easter,
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    # US federal days fixed by statute: Election Day is the Tuesday after the first Monday of November
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "martin luther king day": lambda y: nth_weekday(y, 1, 0, 3),
    "presidents day": lambda y: nth_weekday(y, 2, 0, 3),
    "columbus day": lambda y: nth_weekday(y, 10, 0, 2),
}


# rule timex.own_independence_day: "their independence day", "Ghana's Independence Day" is that nation's day, not the
# Fourth of July (whose date this table holds); "America's" or "our" (a US statement's own) keep it
_OWNER_BEFORE = re.compile(r"(?:\b(?:their|its|his|her)|(?<!America)['’]s)\s+$", re.IGNORECASE)


def _another_nations(m: re.Match[str]) -> bool:
    return _OWNER_BEFORE.search(m.string[max(0, m.start() - 40):m.start()]) is not None


def h_holiday(m: re.Match[str], ctx: Ctx) -> Val | None:
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    name = re.sub(r"(veterans|presidents)'", r"\1", re.sub(r" jr\.? day$", " day", name))
    fn = HOLIDAYS.get(name)
    if fn is None or (name == "independence day" and _another_nations(m)):
        return None
    if m["y"]:
        return v_day(fn(int(m["y"])))
    if ctx.anchor is None:
        return None

    def period(y: int) -> tuple[dt.date, dt.date]:
        d = fn(y)
        return d, d

    y = nearest_year(ctx, m.start(), m.end(), period)
    return v_day(fn(y)) if y else None


@dataclass(frozen=True, slots=True)
class Landmark:
    day: dt.date
    name: str
    keys: tuple[frozenset[str], ...]  # alternatives: every word of one must occur in the phrase


def landmark_words(text: str) -> list[str]:
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    return re.findall(r"[a-z0-9]+(?:[-/.][a-z0-9]+)*\.?", text)


@functools.cache
def landmarks() -> tuple[Landmark, ...]:
    """The landmark table (data/landmarks.csv), read on first use."""
    import csv
    from importlib import resources

    raw = resources.files("multipolar.timex").joinpath("data/landmarks.csv").read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(raw.splitlines()):
        keys = tuple(frozenset(landmark_words(alt)) for alt in row["keys"].split(";") if alt.strip())
        out.append(Landmark(dt.date.fromisoformat(row["date"]), row["name"], keys))
    return tuple(out)


# ordinals of anniversaries: those of dates and quarters (not "last"/"final") and the round ones
ANNIVERSARY_ORDINALS = {
    **{k.replace(" ", "-"): v for k, v in ORDINALS.items() if not k[0].isdigit() and k not in ("last", "final")},
    "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}


@functools.lru_cache(maxsize=256)
def landmark_of(phrase: str) -> Landmark | None:
    """The landmark event a phrase names ("Russia's 2022 invasion of Ukraine" -> 24 February 2022): the
    one whose key words all occur in it, the longest key first; a year in the phrase must be its year."""
    words = set(landmark_words(phrase))
    years = {int(w) for w in words if re.fullmatch(r"(?:1[0-9]|20)\d\d", w)}
    best: tuple[int, Landmark] | None = None
    for mark in landmarks():
        if years and mark.day.year not in years:
            continue
        for key in mark.keys:
            if key <= words and (best is None or len(key) > best[0]):
                best = (len(key), mark)
    return best[1] if best else None


def h_anniversary(m: re.Match[str], ctx: Ctx) -> Val | None:
    """"the anniversary of Russia's 2022 invasion of Ukraine", "the 80th anniversary of D-Day": the day of a
    landmark event (data/landmarks.csv) in the year the ordinal gives, else the year nearest the anchor;
    with neither, "XXXX-MM-DD" (a day of the year, the year unknown)."""
    mark = landmark_of(m["what"])
    if mark is None:
        return None
    raw = (m["n"] or m["w"] or "").lower()
    n = int(raw) if raw.isdigit() else ANNIVERSARY_ORDINALS.get(re.sub(r"\s+", "-", raw), 0)

    def on(y: int) -> dt.date | None:
        try:
            return mark.day.replace(year=y)
        except ValueError:  # 29 February
            return None

    if n:
        day = on(mark.day.year + n)
        return v_day(day) if day else None
    if ctx.anchor is None:
        return Val(f"XXXX-{mark.day.month:02d}-{mark.day.day:02d}", kind="other")

    def period(y: int) -> tuple[dt.date, dt.date] | None:
        d = on(y)
        return (d, d) if d else None

    y = nearest_year(ctx, m.start(), m.end(), period)
    day = on(y) if y else None
    return v_day(day) if day and day > mark.day else None
