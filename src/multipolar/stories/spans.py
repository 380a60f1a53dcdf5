"""Where documents and groups of them lie in time, for story clustering: a document's publication day,
else its event dates, else its days of the year named without a year ("February 24"), each placed in
the year nearest the dates it is compared with.

Rule `stories.fold_years`: a group placed only by days named without a year (`is_yearless`) carries the
year `place_yearless` guessed for them, which says nothing: a text that names "November 19" can be of
any year. Wherever such a group meets a group with firm dates (a publication day or an event date
with its year), its days are moved by whole years to lie nearest the other's (`fold_years`,
`fold_days`) before any date rule compares them, and when the two join, the joined span keeps the
firm group's years. Two yearless groups are compared as placed (near one reference, so alike)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import numpy as np

from multipolar.records import StoryInput

_EPOCH = date(1970, 1, 1).toordinal()
YEAR_DAYS = 365.2425  # days in a year on average (Gregorian calendar)
_LOW, _HIGH = date(1000, 1, 1).toordinal(), date(3000, 1, 1).toordinal()


def place_yearless(items: list[StoryInput], reference: date | None) -> list[StoryInput]:
    """Items with no date but days of the year get those days as event dates, each in the year that puts
    it nearest `reference` (the median date of the documents around them); the rest are returned as they
    are. A text that dates its news only by "February 24" or an anniversary is most likely from the
    period of the collection it arrives with."""
    if reference is None:
        return items
    out = []
    for item in items:
        if story_date(item) is not None or not item.yearless_days:
            out.append(item)
            continue
        days = [d for d in (nearest_day(month, day, reference) for month, day in item.yearless_days) if d]
        out.append(replace(item, event_dates=tuple(sorted(days))))
    return out


def is_yearless(item: StoryInput) -> bool:
    """Rule `stories.fold_years`: is the document placed only by days named without a year? (No
    publication day, and every event date it has is one of its yearless days placed in a guessed year.)"""
    if item.published is not None or not item.yearless_days:
        return False
    named = set(item.yearless_days)
    return all((d.month, d.day) in named for d in item.event_dates)


def shift_years(day: date, years: int) -> date:
    """`day` moved by whole `years` (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def fold_years(first: date, last: date, onto_first: date, onto_last: date) -> tuple[date, date]:
    """Rule `stories.fold_years`: the span `first`..`last` moved by the whole years that put its middle
    nearest the middle of `onto_first`..`onto_last`."""
    middle = (first.toordinal() + last.toordinal()) / 2
    onto = (onto_first.toordinal() + onto_last.toordinal()) / 2
    years = round((onto - middle) / YEAR_DAYS)
    if not years:
        return first, last
    return shift_years(first, years), shift_years(last, years)


def fold_days(gap: np.ndarray, where: np.ndarray | None = None) -> np.ndarray:
    """Rule `stories.fold_years` on day differences: each (where `where` is true, else every one) moved by
    whole years to lie within half a year of 0 (the difference between a yearless day and a dated one, in
    the year nearest it)."""
    gap = np.asarray(gap, dtype=np.float64)
    folded = gap - np.round(gap / YEAR_DAYS) * YEAR_DAYS
    return folded if where is None else np.where(where, folded, gap)


def join_span(first: date | None, last: date | None, yearless: bool, first2: date | None, last2: date | None,
              yearless2: bool) -> tuple[date | None, date | None, bool]:
    """The span of two groups joined, and whether it is still yearless: a yearless span joining a firm one
    is folded onto its years first (rule `stories.fold_years`); a group without dates adds nothing."""
    if first is None or last is None:
        return first2, last2, yearless2 if first2 is not None else yearless
    if first2 is None or last2 is None:
        return first, last, yearless
    if yearless and not yearless2:
        first, last = fold_years(first, last, first2, last2)
    elif yearless2 and not yearless:
        first2, last2 = fold_years(first2, last2, first, last)
    return min(first, first2), max(last, last2), yearless and yearless2


def story_date(item: StoryInput) -> date | None:
    """The date a document is placed at: its publication date, else the median of its event dates."""
    if item.published is not None:
        return item.published
    if not item.event_dates:
        return None
    ordered = sorted(item.event_dates)
    return ordered[(len(ordered) - 1) // 2]


def story_span(item: StoryInput) -> tuple[date | None, date | None]:
    """The days a document is placed over: its publication day, else its first to its last event date."""
    if item.published is not None:
        return item.published, item.published
    if not item.event_dates:
        return None, None
    return min(item.event_dates), max(item.event_dates)


class Spans:
    """Groups' date spans as day ordinals: where each group is placed (its publication days, else its
    event dates) and its publication days only; an undated group's span is open at both ends."""

    def __init__(self, groups: list[Any]) -> None:
        m = len(groups)
        self.first = np.zeros(m, dtype=np.int64)
        self.last = np.zeros(m, dtype=np.int64)
        self.undated = np.zeros(m, dtype=bool)
        self.pfirst = np.zeros(m, dtype=np.int64)
        self.plast = np.zeros(m, dtype=np.int64)
        self.pundated = np.zeros(m, dtype=bool)
        self.yearless = np.zeros(m, dtype=bool)  # placed only by days named without a year
        for k, group in enumerate(groups):
            self.update(k, group)

    def update(self, k: int, group: Any) -> None:
        first, last = group.first, group.last
        if group.published_first is not None:  # publication days, when it has any, place a group
            first, last = group.published_first, group.published_last
        self.first[k] = first.toordinal() if first else -(10**9)
        self.last[k] = last.toordinal() if last else 10**9
        self.undated[k] = first is None
        self.pfirst[k] = group.published_first.toordinal() if group.published_first else -(10**9)
        self.plast[k] = group.published_last.toordinal() if group.published_last else 10**9
        self.pundated[k] = group.published_first is None
        self.yearless[k] = group.yearless and group.published_first is None

    def published(self, k: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if k is None:
            return self.pfirst, self.plast, self.pundated
        return self.pfirst[k : k + 1], self.plast[k : k + 1], self.pundated[k : k + 1]


def merge_span(f1, l1, f2, l2):  # noqa: ANN001, ANN202
    first = min((d for d in (f1, f2) if d is not None), default=None)
    last = max((d for d in (l1, l2) if d is not None), default=None)
    return first, last


def nearest_day(month: int, day: int, reference: date) -> date | None:
    """The day of that month and day in the year nearest `reference` (None: 29 February in no such year)."""
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:  # 29 February
            continue
    return min(options, key=lambda d: abs((d - reference).days)) if options else None
