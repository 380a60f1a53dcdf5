"""The words of English dates: month, weekday, ordinal and number words, the regular-expression pieces
the rules are built from, and the tense markers that place a yearless date before or after the anchor."""

from __future__ import annotations

import re

from multipolar.vocab import NUMBER_TENS, NUMBER_UNITS

WEEKDAYS = {
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
ORDINALS = {
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
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

ALT = "|".join
MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)"
)
WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WD_PREFIX = r"(?:(?:" + WEEKDAY_RE + r"|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.),?\s+)?"
NUM_WORD = (
    r"(?:(?:" + ALT(NUMBER_TENS) + r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|" + ALT(sorted(NUMBER_UNITS, key=len, reverse=True)) + r")"
)
NUM_RE = r"(?:\d+(?:\.5)?|" + NUM_WORD + r"|a\s+couple\s+of|a\s+dozen|an?|half\s+an?)"
ORD_RE = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
MOD_RE = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|end|middle|beginning|start)(?:\s+of)?[\s-]+"
    r"|(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+)?"
)

FUTURE_WORDS = (
    r"will|won't|shall|'ll|would|going\s+to|plans?\s+to|planned\s+to|planning\s+to|scheduled|"
    r"expected\s+to|expects?\s+to|set\s+to|due|is\s+to|are\s+to|intends?\s+to|aims?\s+to|"
    r"hopes?\s+to|upcoming|payable|effective|next|forecasts?|predicts?|projected|"
    r"as\s+(?:soon|early|late)\s+as"
)
PAST_WORDS = (
    r"said|was|were|had|did|told|took|met|made|came|went|began|held|saw|gave|got|left|won|lost|"
    r"fell|rose|sold|bought|brought|paid|led|ran|spent|struck|thought|became|found|kept|sent|"
    r"spoke|wrote|chose|drew|flew|fought|grew|knew|meant|stood|threw|broke|ago|since|last|earlier|"
    r"taught|caught|sought|fled|hid|shot|slid|swore|tore|woke|withdrew|overthrew|underwent"
)
PRESENT_WORDS = r"is|are|am|has|have|says|say|tells|remains?|seems?|includes?"
TENSE_WORD = re.compile(
    r"\b(?:(?P<f>" + FUTURE_WORDS + r")|(?P<p>" + PAST_WORDS + r")|(?P<n>" + PRESENT_WORDS + r"))\b",
    re.IGNORECASE,
)
# Regular past forms ("announced") are weaker evidence: participles follow auxiliaries
# ("will be named"), so they count only where no explicit marker is found.
AFTER_BE = re.compile(r"\b(?:be|been|being)\s+$", re.IGNORECASE)
WEAK_PAST = re.compile(r"\b[a-z]{2,}[a-z]ed\b")
CLAUSE_END = re.compile(r"[.;!?\n](?:\s|$)")


def number(raw: str) -> float | None:
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
        if p in NUMBER_TENS:
            total += NUMBER_TENS[p]
        elif p in NUMBER_UNITS:
            total += NUMBER_UNITS[p]
        else:
            return None
    return total


def spelled_year(raw: str) -> int | None:
    s = re.sub(r"[\s-]+", " ", raw.lower()).replace(" and ", " ").strip()
    s = re.sub(r"^the year ", "", s)
    if s.startswith("nineteen "):
        rest = s[len("nineteen ") :]
        if rest == "hundred":
            return 1900
        n = number(rest)
        return 1900 + int(n) if n is not None and 10 <= n < 100 else None
    if s.startswith("two thousand"):
        rest = s[len("two thousand") :].strip()
        if not rest:
            return 2000
        n = number(rest)
        return 2000 + int(n) if n is not None and n < 100 else None
    if s.startswith("twenty "):
        n = number(s[len("twenty ") :])
        return 2000 + int(n) if n is not None and 10 <= n < 100 else None
    return None
