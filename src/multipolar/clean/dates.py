"""Publication dates written out in text: "26 January 2025", "2025-01-21", "January 22, 2025",
"Jan. 22, 2025", "Tuesday, 21 Jan 2025", "22/01/2025" (only when the day is unambiguous).

A date is never guessed: a date without a year, or a numeric date whose day and month could be
swapped, gives None.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

_MONTH = r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ORD = r"(?:st|nd|rd|th)?"
DATE_PATTERN = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<iy>(?:19|20)\d\d)[-/.](?P<im>\d\d?)[-/.](?P<id>\d\d?)(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?"
    r"|(?P<dd>\d\d?)" + _ORD + r"\s*(?:of\s+)?" + _MONTH.format(g="dm") + r",?\s*(?P<dy>(?:19|20)\d\d)"
    r"|" + _MONTH.format(g="mm") + r"\s*(?P<md>\d\d?)" + _ORD + r",?\s*(?P<my>(?:19|20)\d\d)"
    r"|(?P<na>\d\d?)[/.](?P<nb>\d\d?)[/.](?P<ny>(?:19|20)\d\d)"
    r")(?![\w/-])",
    re.IGNORECASE,
)


def date_from_match(match: re.Match[str]) -> date | None:
    """The date a DATE_PATTERN match names, or None when it is invalid or ambiguous."""
    g = match.groupdict()
    try:
        if g["iy"]:
            return date(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g["dy"]:
            return date(int(g["dy"]), MONTHS[g["dm"].lower().rstrip(".")], int(g["dd"]))
        if g["my"]:
            return date(int(g["my"]), MONTHS[g["mm"].lower().rstrip(".")], int(g["md"]))
        a, b, year = int(g["na"]), int(g["nb"]), int(g["ny"])
    except (ValueError, KeyError):
        return None
    if a == b:
        return _safe_date(year, a, b)
    if a > 12 >= b:
        return _safe_date(year, b, a)
    if b > 12 >= a:
        return _safe_date(year, a, b)
    return None  # 03/04/2025: day and month could be swapped; never guess


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    """The first unambiguous full date in `text`."""
    for match in DATE_PATTERN.finditer(text):
        found = date_from_match(match)
        if found is not None:
            return found
    return None


# Dates as web pages display them in a dateline (see clean.html): month names in English, German,
# French, Spanish and Italian; "18. März 2020"; dotted numeric dates, which are day-first by the
# European convention (18.10.2019, 3.2.2022); slashed ones only when the day is unambiguous.
PAGE_MONTHS: dict[str, int] = dict(MONTHS)
for _i, _names in enumerate(
    (
        "januar jänner janvier enero gennaio",
        "februar février fevrier febrero febbraio",
        "märz maerz mars marzo",
        "avril abril aprile",
        "mai mayo maggio",
        "juni juin junio giugno",
        "juli juillet julio luglio",
        "août aout agosto",
        "septembre septiembre settembre",
        "okt oktober octobre octubre ottobre",
        "novembre noviembre",
        "dez dezember décembre decembre diciembre dicembre",
    ),
    start=1,
):
    for _n in _names.split():
        PAGE_MONTHS[_n] = _i
_PAGE_MONTH = (
    "(?P<{g}>" + "|".join(sorted(map(re.escape, PAGE_MONTHS), key=len, reverse=True)) + r")\.?"
)
PAGE_DATE_PATTERN = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d?)-(?P<id>\d\d?)(?:T\d\d:\d\d[\w:.+-]*)?"
    r"|(?P<dd>\d\d?)(?:st|nd|rd|th|er|\.)?\s*(?:of\s+|de\s+)?" + _PAGE_MONTH.format(g="dm")
    + r",?\s*(?:de\s+)?(?P<dy>(?:19|20)\d\d)"
    r"|(?P<pd>\d\d?)\.\s?(?P<pm>\d\d?)\.\s?(?P<py>(?:19|20)\d\d)"
    r"|(?P<na>\d\d?)/(?P<nb>\d\d?)/(?P<ny>(?:19|20)\d\d)"
    r")(?![\w/-])"
    r"|(?<!\w)" + _PAGE_MONTH.format(g="mm") + r"\s*(?P<md>\d\d?)(?:st|nd|rd|th)?,?\s*(?P<my>(?:19|20)\d\d)(?!\w)",
    re.IGNORECASE,
)


def page_date_from_match(match: re.Match[str]) -> date | None:
    """The date a PAGE_DATE_PATTERN match names, or None when it is invalid or ambiguous."""
    g = match.groupdict()
    if g["iy"]:
        return _safe_date(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["dy"]:
        return _safe_date(int(g["dy"]), PAGE_MONTHS[g["dm"].lower()], int(g["dd"]))
    if g["my"]:
        return _safe_date(int(g["my"]), PAGE_MONTHS[g["mm"].lower()], int(g["md"]))
    if g["py"]:
        return _safe_date(int(g["py"]), int(g["pm"]), int(g["pd"]))
    a, b, year = int(g["na"]), int(g["nb"]), int(g["ny"])
    if a == b or b > 12 >= a:
        return _safe_date(year, a, b)
    if a > 12 >= b:
        return _safe_date(year, b, a)
    return None


def find_page_date(text: str) -> date | None:
    """The first full date in `text` written as a page's dateline writes one."""
    for match in PAGE_DATE_PATTERN.finditer(text):
        found = page_date_from_match(match)
        if found is not None:
            return found
    return None
