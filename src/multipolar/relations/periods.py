"""Periods: the start date of a day, ISO week (Monday), month or quarter, its label, and ranges.

The start dates agree with DuckDB's `date_trunc(freq, date)`, which the aggregate SQL groups by.
Labels: day "2025-01-21", week "2025-W04" (ISO week), month "2025-01", quarter "2025-Q1".
"""

from __future__ import annotations

from datetime import date, timedelta

FREQS = ("day", "week", "month", "quarter")


def period_start(day: date, freq: str) -> date:
    if freq == "day":
        return day
    if freq == "week":
        return day - timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    if freq == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    raise ValueError(f"unknown frequency {freq!r}: expected one of {', '.join(FREQS)}")


def next_period(start: date, freq: str) -> date:
    if freq == "day":
        return start + timedelta(days=1)
    if freq == "week":
        return start + timedelta(days=7)
    months = 1 if freq == "month" else 3
    m = start.month - 1 + months
    return date(start.year + m // 12, m % 12 + 1, 1)


def period_end(start: date, freq: str) -> date:
    """The last day of the period that begins on `start`."""
    return next_period(start, freq) - timedelta(days=1)


def period_label(start: date, freq: str) -> str:
    if freq == "day":
        return start.isoformat()
    if freq == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if freq == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"


def period_range(first: date, last: date, freq: str) -> list[date]:
    """Every period start from the period of `first` to the period of `last`, inclusive."""
    out: list[date] = []
    cur = period_start(first, freq)
    stop = period_start(last, freq)
    while cur <= stop:
        out.append(cur)
        cur = next_period(cur, freq)
    return out
