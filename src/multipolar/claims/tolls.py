"""Tolls: counts of the dead and the wounded, each read as the toll known on the day it is reported.

    is_toll(measure, unit) -> bool
    toll_period(period, published) -> str | None
    toll_incident(text, start, end) -> str | None
    is_comparable_toll(measure, unit, scope) -> bool

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
- rule `toll_incident`: what a toll counts the victims of is the incident its sentence names, by
  class ("protests", "clashes", "unrest" -> unrest; "fire", "blaze" -> fire; "collapse", "landslide"
  -> collapse; ...): the claim's scope, so tolls of a flood and of a shooting in one country on one
  day are two quantities. A sentence that names none says nothing of which event it counts.
- rule `single_toll` (used by `group.single_valued` and `group._status`): a toll of one subject (the
  countries the sentence names) and one incident as known on one day has one value, so two documents
  that give different exact figures for it conflict. Only a level can conflict: "at least 40" (a
  bound), "dozens" (vague), "so far" (cumulative) and "about 40" (approximate, by
  `group.stated_margin`) say too little; nor can a toll with no incident named (`toll_incident`).
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


# incident words, by the class a toll is counted for (our own list of what news counts victims of)
_INCIDENTS = {
    "unrest": ("protest", "protests", "protesters", "protestors", "demonstrations", "demonstrators", "clashes",
               "unrest", "riots", "rioting", "crackdown", "uprising"),
    "attack": ("attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "bombing", "bombings",
               "shelling", "raid", "raids", "drone", "drones", "missile", "missiles", "explosion", "blast",
               "suicide"),
    "shooting": ("shooting", "shootings", "gunman", "gunmen", "gunfire", "shot", "stabbing"),
    "fire": ("fire", "fires", "blaze", "wildfire", "wildfires", "inferno"),
    "collapse": ("collapse", "collapses", "collapsed", "landslide", "landslides", "mudslide", "avalanche"),
    "flood": ("flood", "floods", "flooding", "storm", "storms", "typhoon", "hurricane", "cyclone", "rains",
              "snowstorm", "snowstorms"),
    "earthquake": ("earthquake", "quake", "tremor", "tsunami"),
    "crash": ("crash", "crashes", "collision", "derailment", "derailed", "sank", "capsized", "shipwreck"),
    "stampede": ("stampede", "crush"),
    "epidemic": ("outbreak", "epidemic", "cholera", "virus"),
}
_INCIDENT_OF = {word: name for name, words in _INCIDENTS.items() for word in words}
_WORD = re.compile(r"[A-Za-z]+")


def toll_incident(text: str, start: int, end: int) -> str | None:
    """Rule `toll_incident`: the class of the first incident word in text[start:end], or None."""
    for m in _WORD.finditer(text, start, end):
        name = _INCIDENT_OF.get(m.group(0).lower())
        if name is not None:
            return name
    return None


def is_comparable_toll(measure: str, unit: str | None, scope: str | None) -> bool:
    """Rule `single_toll`: a toll can conflict only when its incident is named (its scope)."""
    return is_toll(measure, unit) and scope in _INCIDENTS
