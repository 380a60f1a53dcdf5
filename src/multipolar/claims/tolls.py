"""Tolls: counts of the dead and the wounded, each read as the toll known on the day it is reported.

    is_toll(measure, unit) -> bool
    toll_period(period, published) -> str | None

A toll is a running count: bodies are found, the wounded die, officials revise. What a report states
is the toll as it was known on its day, so two reports of one day about the same subject can be
compared, and two reports of different days cannot (a toll of 16 on Monday and of 36 on Tuesday can
both be true).

- rule `toll_as_of`: a toll (unit people, measure "deaths" or "wounded": "40 killed", "115 injured",
  "100 deaths") takes the publication day as its period, unless its sentence or paragraph names a
  period longer than a day ("128 journalists killed in 2025", "deaths in March"): that is a count over
  the period, kept as stated. A day the text names ("on Tuesday", "on January 3") dates the event,
  not the count, so it yields to the publication day. Without a publication day, the period is the
  stated one.
- rule `single_toll` (used by `group.single_valued`): a toll of one subject (the countries the
  sentence names) as known on one day has one value, so two documents that give different exact
  figures for it conflict. Only a level can conflict: "at least 40" (a bound), "dozens" (vague),
  "so far" (cumulative) and "about 40" (approximate, by `group.stated_margin`) say too little.
"""

from __future__ import annotations

import re
from datetime import date

TOLL_MEASURES = frozenset({"deaths", "wounded"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_toll(measure: str, unit: str | None) -> bool:
    """Whether a figure is a toll: a count of people killed or wounded."""
    return unit == "people" and measure in TOLL_MEASURES


def toll_period(period: str | None, published: date | None) -> str | None:
    """Rule `toll_as_of`: the day the toll was known (the publication day), or the longer period stated."""
    if period is not None and not _DAY.match(period):
        return period
    if published is None:
        return period
    return published.isoformat()
