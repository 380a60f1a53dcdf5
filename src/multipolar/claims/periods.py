"""The period a claim's figure is for: named in its sentence, in its paragraph, or the current annual level.

    sentence_periods(text, start, end, published) -> [(start, end, value)]
    claim_period(text=..., sentence=(start, end), quantity=..., periods=..., published=..., measure=...,
                 kind=..., base=..., owned=...) -> str | None

Values: "2024", "2025-H1", "2025-Q1", "2025-03", "2025-04-11", "FY2024". Found in the text: "in 2024",
"in the first half of 2025" (rule `half_year`: half a year's flow is no figure of the whole year),
"in fiscal 2024", "for fiscal year 2024", "in FY2024" (rule `fiscal_year`: a fiscal year is not the
calendar year of the same number, so their figures never meet), "in the first quarter of 2025", "in March 2025", "last year" / "this year" / "last month" (against the document's
`published`), a month alone ("in March", the latest such month not after `published`), a day ("on April
11"); "from 2021" and "since 2021" are comparison bases, not periods.

Rules, first that gives a period:
- rule `sentence_period`: the period named nearest the figure in its sentence (one after it before
  one before it at the same distance), leaving out a period that belongs to a base figure
  (`kinds.owned_periods`: "$245 billion, up from $190 billion in 2023": 2023 is the base's year);
- rule `paragraph_period`: the last period named before the sentence in its paragraph (a blank line
  starts a paragraph);
- rule `current_annual_level`: a level of an annual flow of goods (trade, exports, imports) in money
  stated as it stands now - a word of the present ("currently", "now", "today", "at present"), a verb
  in the present ("is", "are", "stands at", "amounts to", "totals", "exceeds") or a word of the year
  ("annual", "a year": "annual trade of $50 billion") - with no word of the future or of a goal
  ("will", "expected", "target", "aim", "plan", ...) nor of an earlier time ("before", "ago", "until",
  "used to", "was", "reached", "rose", ...) in its sentence, is the figure of the last full calendar
  year before `published` (an annual figure is known only once its year has ended): "annual trade
  between the two is now $50 billion" in a text of March 2025 -> 2024.
A base figure (`kinds.is_base`) takes no period.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from multipolar.quantities import Quantity
from multipolar.vocab import MONTHS

_MONTHS = MONTHS
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_HALVES = {"first": 1, "second": 2}
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_PERIOD_DATED = re.compile(
    r"(?i)\b(?P<prep>in|for|during|throughout|of|by|as\s+of|at\s+the\s+end\s+of|in\s+the\s+year)\s+"
    r"(?:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?"
    r"|the\s+(?P<half>first|second)\s+half\s+of\s+|(?:early|late|mid)[\s-]*)?"
    r"(?P<fy>(?:the\s+)?(?:fiscal(?:\s+year)?|FY)\s*)?"
    rf"(?:(?P<month>{_MONTH})\s+(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?)?"
    r"(?P<year>(?:19|20)\d{2})\b(?!\s*[-–]\s*\d)"
)
_PERIOD_MONTH = re.compile(rf"(?i)\b(?:in|during|for)\s+(?P<month>{_MONTH})(?!\s*\d)\b")
_PERIOD_RELATIVE = re.compile(r"(?i)\b(?P<rel>last|this|next|previous)\s+(?P<unit>year|month)\b")


def _period_matches(text: str, start: int, end: int, published: date | None) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for m in _PERIOD_DATED.finditer(text, start, end):
        year = m.group("year")
        if m.group("fy"):  # rule `fiscal_year`
            found.append((m.start(), m.end(), f"FY{year}" + (f"-H{_HALVES[m.group('half').lower()]}" if m.group("half") else "")))
        elif m.group("q"):
            found.append((m.start(), m.end(), f"{year}-Q{_QUARTERS[m.group('q').lower()]}"))
        elif m.group("half"):  # rule `half_year`
            found.append((m.start(), m.end(), f"{year}-H{_HALVES[m.group('half').lower()]}"))
        elif m.group("month"):
            month = _MONTHS[m.group("month").rstrip(".").lower()]
            found.append((m.start(), m.end(), f"{year}-{month:02d}"))
        else:
            found.append((m.start(), m.end(), year))
    if published is not None:
        for m in _PERIOD_MONTH.finditer(text, start, end):
            word = m.group("month").rstrip(".").lower()
            if word == "may" or any(s <= m.start() < e for s, e, _ in found):
                continue  # "in may" is too often the verb
            month = _MONTHS[word]
            year = published.year if month <= published.month else published.year - 1
            found.append((m.start(), m.end(), f"{year}-{month:02d}"))
        for m in _PERIOD_RELATIVE.finditer(text, start, end):
            step = {"last": -1, "previous": -1, "this": 0, "next": 1}[m.group("rel").lower()]
            if m.group("unit").lower() == "year":
                found.append((m.start(), m.end(), str(published.year + step)))
            else:
                index = published.year * 12 + published.month - 1 + step
                found.append((m.start(), m.end(), f"{index // 12}-{index % 12 + 1:02d}"))
    return found


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _day_matches(text: str, start: int, end: int, published: date | None,
                 taken: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Days the span names ("on April 11", "11 April 2025"), resolved against `published`, outside `taken`."""
    from multipolar.timex import find_dates

    out = []
    for x in find_dates(text[start:end], published):
        if _DAY_VALUE.fullmatch(x.value or ""):
            s, e = start + x.start, start + x.end
            if not any(a <= s < b or s <= a < e for a, b, _ in taken):
                out.append((s, e, x.value))
    return out


def _periods(text: str, start: int, end: int, published: date | None) -> list[tuple[int, int, str]]:
    found = _period_matches(text, start, end, published)
    return found + _day_matches(text, start, end, published, found)


def _paragraph_period(text: str, s_start: int, published: date | None) -> str | None:
    """The last period named in the sentence's paragraph before it (a blank line starts a paragraph)."""
    para = text.rfind("\n\n", 0, s_start)
    para = 0 if para < 0 else para + 2
    found = _periods(text, para, s_start, published)
    return max(found)[2] if found else None


def nearest(spans: Sequence[tuple[int, int, str]], q_start: int, q_end: int) -> str | None:
    """The value of the span nearest [q_start, q_end): one after it before one before it at the same distance."""
    best: tuple[int, int, str] | None = None
    for start, end, value in spans:
        gap = start - q_end if start >= q_end else q_start - end
        key = (max(gap, 0), 0 if start >= q_end else 1)
        if best is None or key < best[:2]:
            best = (key[0], key[1], value)
    return best[2] if best else None


def sentence_periods(text: str, start: int, end: int, published: date | None) -> list[tuple[int, int, str]]:
    """The periods named in text[start:end]: (start, end, value)."""
    return _periods(text, start, end, published)


ANNUAL_FLOWS = frozenset({"trade", "exports", "imports"})
_PRESENT = re.compile(
    r"(?i)\b(?:currently|now|today|at\s+present|presently|these\s+days|is|are|stands?\s+at|amounts?\s+to"
    r"|totals?|exceeds?|tops|annual|annually|yearly|a\s+year|per\s+year|per\s+annum)\b"
)
_NOT_NOW = re.compile(
    r"(?i)\b(?:will|would|could|should|might|shall|expect(?:s|ed)?|projected|forecast|target(?:s|ed)?|goal"
    r"|aims?|aiming|plans?|planned|hopes?|seeks?|ambition|pledged?|promised?|before|ago|until|prior|used\s+to"
    r"|formerly|previously|once|was|were|had|reached|rose|fell|grew|hit|stood|totall?ed|amounted|climbed"
    r"|dropped|declined|increased|decreased|jumped|surged|soared|exceeded|topped|came)\b|\bby\s+(?:19|20)\d\d\b"
)


def current_annual_level(text: str, sentence: tuple[int, int], *, measure: str, unit: str, kind: str,
                         published: date | None) -> str | None:
    """Rule `current_annual_level` (module docstring): the last full year before `published`, or None."""
    if published is None or kind != "level" or not (len(unit) == 3 and unit.isalpha() and unit.isupper()):
        return None
    if not measure.split() or measure.split()[-1] not in ANNUAL_FLOWS:
        return None
    start, end = sentence
    if not _PRESENT.search(text, start, end) or _NOT_NOW.search(text, start, end):
        return None
    return str(published.year - 1)


def claim_period(*, text: str, sentence: tuple[int, int], quantity: Quantity,
                 periods: Sequence[tuple[int, int, str]], published: date | None, measure: str, kind: str,
                 base: bool, owned: Sequence[tuple[int, int]] = ()) -> str | None:
    """The claim's period by the rules of the module docstring; `periods` are its sentence's
    (`sentence_periods`), `owned` the spans of periods that belong to the sentence's base figures."""
    if base:
        return None
    own = [p for p in periods if not any(s <= p[0] < e for s, e in owned)]
    return (
        nearest(own, quantity.start, quantity.end)
        or _paragraph_period(text, sentence[0], published)
        or current_annual_level(text, sentence, measure=measure, unit=quantity.unit, kind=kind, published=published)
    )
