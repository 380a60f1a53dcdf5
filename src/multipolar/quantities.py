"""Number phrases with a unit: money, percentages, barrels per day, tonnes, cubic metres, people.

`find_quantities(text)` returns every phrase found, left to right, never overlapping, each with its
value normalised to base units (dollars, not billions; cubic metres, not bcm) and its unit code.
Pure regular expressions: no model, safe to run on every sentence of a large corpus. Below events and
claims (the claims extractor reads its quantities; the event coder parses the pieces that hold one), it
imports only vocab.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from multipolar.vocab import (
    CURRENCY_ALIASES,
    CURRENCY_CODES,
    CURRENCY_WORDS,
    DOLLAR_QUALIFIERS,
    NUMBER_TENS,
    NUMBER_UNITS,
    PEOPLE_NOUNS,
    SCALES,
    SYMBOL_CURRENCY,
)

# --- numbers ---------------------------------------------------------------------------------------

_UNITS = NUMBER_UNITS
_TENS = NUMBER_TENS
_SCALES = SCALES
_SYMBOL_CURRENCY = SYMBOL_CURRENCY
_CODES = CURRENCY_CODES
_CODE_ALIASES = CURRENCY_ALIASES
_CURRENCY_WORDS = CURRENCY_WORDS
_DOLLAR_QUALIFIERS = DOLLAR_QUALIFIERS
_PEOPLE = PEOPLE_NOUNS
_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
# "five", "twenty-five", "two hundred", "a hundred", "a dozen", "half a"
_WHOLE_WORDS = (
    rf"(?:(?:{_WORD})(?:[- ](?:{_WORD}))?(?:\s+hundred(?:\s+(?:and\s+)?(?:{_WORD})(?:[- ](?:{_WORD}))?)?)?)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_DIGIT_WORDS = "|".join(w for w, v in _UNITS.items() if v < 10)
_SCALE_AHEAD = r"(?=\s+(?:thousand|million|billion|trillion)\b)"
# rule `spoken_figures`: figures as they are spoken in transcripts - "one point five trillion", "1 point 7",
# "two and a half billion", "a trillion dollars" ("a" only before a scale word)
_WORD_NUMBER = (
    rf"(?:(?:{_WHOLE_WORDS}|\d+)\s+point(?:\s+(?:{_DIGIT_WORDS}|zero)|\s+\d+)+"
    rf"|(?:{_WHOLE_WORDS}|\d+)\s+and\s+a\s+half"
    rf"|{_WHOLE_WORDS}"
    rf"|a\s+hundred|a\s+dozen|dozens\s+of|hundreds\s+of|thousands\s+of|half\s+a|an?{_SCALE_AHEAD})"
)
_NUMBER = rf"(?:(?i:{_WORD_NUMBER})|{_DIGITS})"

# word scales may follow a space; one- and two-letter abbreviations only stick to money amounts
_SCALE_WORD = r"(?i:thousand|million|billion|trillion)"  # any case: headlines write "$300 Billion"
_SCALE_ABBR = r"(?i:mln|bln|mn|bn|tn|trn|k|m|b)"

# --- units (word tables in vocab.py) ---------------------------------------------------------------

_SYMBOLS = r"(?:(?:US|USD|AU|A|CA|C|HK|NZ|S)\$|\$|€|£|¥|₽|₹)"
_CODE = "(?:" + "|".join(_CODES) + ")"
_CURRENCY_WORD = "(?:" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + ")"
_QUALIFIER = r"(?:(?:US|U\.S\.|American|Australian|Canadian|Hong Kong|Singapore|New Zealand)\s+)"

_AMOUNT = rf"(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE_WORD})|(?P<abbr>{_SCALE_ABBR})(?![A-Za-z]))?"
_AMOUNT_SPACED = rf"(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE_WORD})|\s?(?P<abbr>{_SCALE_ABBR})(?![A-Za-z]))?"

_MONEY_PREFIX = re.compile(
    rf"(?<![\w$])(?P<cur>{_SYMBOLS}|{_CODE}(?=\s?\d))\s?{_AMOUNT_SPACED}"
    rf"(?:\s+(?P<tail>{_CODE}\b|{_CURRENCY_WORD}\b))?"
)
_MONEY_SUFFIX = re.compile(
    rf"(?<![\w$.,]){_AMOUNT}\s?(?:-\s?)?(?P<qual>{_QUALIFIER})?(?P<cur>{_CODE}\b|(?i:{_CURRENCY_WORD})\b)"
)
_PERCENT = re.compile(
    rf"(?<![\w.,]){_AMOUNT}\s?(?P<unit>%|(?i:percentage\s+points?|per\s?cent\b|pct\b|pp\b))"
)
_BPD = re.compile(
    rf"(?<![\w.,]){_AMOUNT}\s?(?P<unit>(?i:barrels?\s+(?:of\s+(?:crude\s+)?oil\s+)?(?:per|a|each)\s+day"
    r"|barrels?/day|bpd\b|b/d\b))"
)
_MBPD = re.compile(rf"(?<![\w.,])(?P<num>{_DIGITS})\s?(?P<unit>(?i:mb/d|mbpd|kb/d|kbpd))\b")
_TONNES = re.compile(rf"(?<![\w.,]){_AMOUNT}\s?(?P<unit>(?i:(?:metric\s+)?(?:tonnes|tonne|tons|ton)\b|mt\b))")
_GAS = re.compile(
    rf"(?<![\w.,]){_AMOUNT}\s?(?P<unit>(?i:bcm|tcm|mcm)\b|(?i:cubic\s+met(?:re|er)s|cu\.?\s?m)\b|m3\b|m³)"
)
_PEOPLE_WORDS = "|".join(sorted((w.replace(" ", r"\s+") for w in _PEOPLE), key=len, reverse=True))
_FILLER = r"(?!(?:of|and|or|the|in|to|per|for|from|at|on|with|a|an|by)\b)[A-Za-z][\w-]*"
_PEOPLE_RE = re.compile(
    rf"(?<![\w.,$€£]){_AMOUNT_SPACED}\s+(?:{_FILLER}\s+){{0,2}}?(?P<unit>(?i:{_PEOPLE_WORDS}))\b"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number phrase: where it is, what it says, and its value in base units."""

    start: int
    end: int
    text: str
    value: float
    unit: str  # USD | EUR | ... | percent | pp | bpd | tonnes | m3 | people
    noun: str | None = None  # for people: the counted noun, normalised ("troops", "refugees")


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words ("1,380.5", "twenty-five", "a dozen")."""
    raw = text.strip().lower()
    if not raw:
        return None
    if (raw[0].isdigit() or raw[0] == ".") and " " not in raw:
        try:
            return float(raw.replace(",", ""))
        except ValueError:
            return None
    fixed = {
        "a hundred": 100.0,
        "a dozen": 12.0,
        "dozens of": 24.0,
        "hundreds of": 200.0,
        "thousands of": 2000.0,
        "half a": 0.5,
    }
    collapsed = " ".join(raw.split())
    if collapsed.isdigit():
        return float(collapsed)
    if collapsed in fixed:
        return fixed[collapsed]
    if collapsed in {"a", "an"}:
        return 1.0  # "a trillion dollars": only ever read before a scale word
    if collapsed.endswith(" and a half"):
        whole = parse_number(collapsed[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    if " point " in collapsed:
        whole_text, _, decimals = collapsed.partition(" point ")
        whole = parse_number(whole_text)
        digits = "".join(d if d.isdigit() else str(_UNITS.get(d, 0)) for d in decimals.split())
        return None if whole is None or not digits else float(f"{whole:g}.{digits}")
    total = 0.0
    current = 0.0
    for word in re.split(r"[\s-]+", collapsed):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            return None
    return total + current


def _scale(match: re.Match[str]) -> float:
    word = match.group("scale") or match.group("abbr")
    return _SCALES[word.lower()] if word else 1.0


def _amount(match: re.Match[str]) -> float | None:
    number = parse_number(match.group("num"))
    if number is None:
        return None
    return number * _scale(match)


def _currency_of_symbol(symbol: str) -> str:
    return _SYMBOL_CURRENCY.get(symbol.lower().replace(" ", ""), "USD")


def _money(text: _View) -> list[Quantity]:
    out: list[Quantity] = []
    for m in text.finditer(_MONEY_PREFIX):
        cur = m.group("cur")
        value = _amount(m)
        if value is None:
            continue
        if cur.upper() in _CODES:
            unit = _CODE_ALIASES.get(cur.upper(), cur.upper())
        else:
            unit = _currency_of_symbol(cur)
        # a bare "$" before "Australian dollars" etc. keeps the symbol's currency: tail is cosmetic
        out.append(Quantity(m.start(), m.end(), m.group(0), value, unit))
    for m in text.finditer(_MONEY_SUFFIX):
        value = _amount(m)
        if value is None:
            continue
        cur = m.group("cur")
        if cur.upper() in _CODES:
            unit = _CODE_ALIASES.get(cur.upper(), cur.upper())
        else:
            unit = _CURRENCY_WORDS[cur.lower()]
        qual = (m.group("qual") or "").strip().lower()
        if unit == "USD" and qual:
            unit = _DOLLAR_QUALIFIERS.get(qual, "USD")
        else:
            before = text.text[max(0, m.start("cur") - 14) : m.start("cur")].lower()
            if unit == "USD":
                for name, code in _DOLLAR_QUALIFIERS.items():
                    if before.rstrip().endswith(name):
                        unit = code
        out.append(Quantity(m.start(), m.end(), m.group(0), value, unit))
    return out


def _simple(
    pattern: re.Pattern[str], text: _View, unit: str, factor_of: dict[str, float] | None = None
) -> list[Quantity]:
    out: list[Quantity] = []
    for m in text.finditer(pattern):
        value = _amount(m)
        if value is None:
            continue
        word = m.group("unit").lower()
        factor = 1.0
        if factor_of:
            for key, f in factor_of.items():
                if word.startswith(key):
                    factor = f
                    break
        out.append(Quantity(m.start(), m.end(), m.group(0), value * factor, unit))
    return out


def _percent(text: _View) -> list[Quantity]:
    out: list[Quantity] = []
    for m in text.finditer(_PERCENT):
        value = _amount(m)
        if value is None:
            continue
        unit = "pp" if m.group("unit").lower().startswith(("percentage", "pp")) else "percent"
        out.append(Quantity(m.start(), m.end(), m.group(0), value, unit))
    return out


def _mbpd(text: _View) -> list[Quantity]:
    out: list[Quantity] = []
    for m in text.finditer(_MBPD):
        number = parse_number(m.group("num"))
        if number is None:
            continue
        factor = 1e6 if m.group("unit").lower().startswith("m") else 1e3
        out.append(Quantity(m.start(), m.end(), m.group(0), number * factor, "bpd"))
    return out


def _people(text: _View) -> list[Quantity]:
    out: list[Quantity] = []
    for m in text.finditer(_PEOPLE_RE):
        value = _amount(m)
        if value is None or _is_year(m):
            continue  # "in 2022 Russian troops entered": a year, not a count
        noun = _PEOPLE[" ".join(m.group("unit").lower().split())]
        out.append(Quantity(m.start(), m.end(), m.group(0), value, "people", noun))
    return out


def _is_year(match: re.Match[str]) -> bool:
    num = match.group("num")
    return not _scale(match) > 1 and len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2099


_ANCHOR_WORDS = (*_UNITS, *_TENS, "a hundred", "a dozen", "half a", "dozens", "hundreds", "thousands", "a thousand",
                 "a million", "a billion", "a trillion")
_DIGIT_OR_SYMBOL = re.compile(r"[\d$€£¥₽₹]")
_BEFORE, _AFTER = 12, 110  # a phrase starts at most this far before its first digit, and is no longer


def _segments(text: str) -> list[tuple[int, int]]:
    """Stretches of text that may hold a number phrase: around digits, currency signs, number words.

    Running the phrase patterns on these alone is several times faster than on the whole text, and
    finds the same phrases (each pattern needs a digit, a sign or a number word near its start)."""
    anchors = [m.start() for m in _DIGIT_OR_SYMBOL.finditer(text)]
    lower = text.lower()
    for word in _ANCHOR_WORDS:
        at = lower.find(word)
        while at != -1:
            if at == 0 or not lower[at - 1].isalpha():
                anchors.append(at)
            at = lower.find(word, at + len(word))
    anchors.sort()
    segments: list[tuple[int, int]] = []
    for at in anchors:
        start, end = max(0, at - _BEFORE), min(len(text), at + _AFTER)
        if segments and start <= segments[-1][1]:
            segments[-1] = (segments[-1][0], max(segments[-1][1], end))
        else:
            segments.append((start, end))
    return segments


_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s)\]>\"']+")


def find_quantities(text: str) -> list[Quantity]:
    """Every number phrase with a unit in `text`, left to right, the longest where two overlap; none
    that touches a web address (rule `no_urls`: "...?q=inflation%2026%25" holds no figure).

    The analysis asks twice for each document's text (the paragraph selector, rule `actor_paragraphs`, then
    the claims): the answers for the last `_KEPT_TEXTS` texts asked are kept, and each call gets its own list."""
    return list(_quantities_of(text))


_KEPT_TEXTS = 64  # more than the texts the parse runs ahead of the claims (one nlp batch: at most 64 pieces)


@lru_cache(maxsize=_KEPT_TEXTS)
def _quantities_of(text: str) -> tuple[Quantity, ...]:
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    unique: dict[tuple[int, int, str], Quantity] = {}
    for start, end in _segments(text):
        for q in _find_in(text, start, end):
            if not any(s < q.end and q.start < e for s, e in urls):
                unique.setdefault((q.start, q.end, q.unit), q)
    return tuple(_drop_restarted(text, _join_scaled_sums(text, _resolve(list(unique.values())))))


# rule `restarted_figure`: a speaker who breaks off a figure and starts it again ("$5.1 — $5.1 trillion",
# "4 — 4.2 percent") said one figure: the broken-off start, followed by a dash or dots and then a figure
# of the same unit whose digits begin the same way, is dropped
_BREAK = re.compile(r"^\s*(?:—|–|--|-|…|\.\.\.)\s*(?:(?:uh|um|er|well|I mean|excuse me|sorry),?\s*)?$", re.IGNORECASE)
_FIRST_DIGITS = re.compile(r"\d[\d,.]*")


def _drop_restarted(text: str, found: list[Quantity]) -> list[Quantity]:
    """Rule `restarted_figure` (above)."""
    out: list[Quantity] = []
    for k, q in enumerate(found):
        after = found[k + 1] if k + 1 < len(found) else None
        if after is not None and after.unit == q.unit and _BREAK.match(text[q.end : after.start]):
            mine, theirs = _FIRST_DIGITS.search(q.text), _FIRST_DIGITS.search(after.text)
            if mine and theirs and theirs.group(0).startswith(mine.group(0).rstrip(".,")) and q.value != after.value:
                continue
        out.append(q)
    return out


# rule `scaled_sum`: a figure spoken as a sum of scaled parts is one figure - "1 trillion 500 billion
# dollars" is $1.5 trillion, "two million, four hundred thousand people" 2.4 million, "$1 trillion 500
# billion" the same; a part is joined only when its scale is larger than the whole of what follows it
_SCALED_PART_BEFORE = re.compile(rf"(?<![\w.,])(?P<num>{_NUMBER})\s?(?P<scale>{_SCALE_WORD})\s*,?\s*(?:and\s+)?$")
_SCALED_PART_AFTER = re.compile(rf"^\s*,?\s*(?:and\s+)?(?P<num>{_NUMBER})\s?(?P<scale>{_SCALE_WORD})\b")
_SCALE_END = re.compile(rf"(?i)(?P<scale>{_SCALE_WORD}|{_SCALE_ABBR})$")


def _leading_scale(q: Quantity) -> float:
    """The largest scale word of a figure's text ("500 billion dollars" -> 1e9), 1 when none."""
    found = [_SCALES[w.lower()] for w in re.findall(rf"(?i)\b{_SCALE_WORD}\b", q.text)]
    return max(found, default=1.0)


def _join_scaled_sums(text: str, found: list[Quantity]) -> list[Quantity]:
    """Rule `scaled_sum` (above): merge the parts of a figure spoken as a sum of scaled numbers."""
    if not found:
        return found
    out: list[Quantity] = []
    for q in found:
        if q.unit not in {"pp", "percent", "bpd"} and q.text[:1].isalnum():
            m = _SCALED_PART_BEFORE.search(text, max(0, q.start - 60), q.start)
            if m is not None:
                part = (parse_number(m.group("num")) or 0.0) * _SCALES[m.group("scale").lower()]
                prev = out[-1] if out and out[-1].end > m.start() else None
                if prev is not None and prev.unit == q.unit and prev.end <= q.start and \
                        _SCALE_END.search(prev.text) and _leading_scale(prev) > q.value:
                    out[-1] = Quantity(prev.start, q.end, text[prev.start : q.end], prev.value + q.value, q.unit, q.noun)
                    continue
                if prev is None and part and _SCALES[m.group("scale").lower()] > q.value:
                    start = m.start()
                    out.append(Quantity(start, q.end, text[start : q.end], part + q.value, q.unit, q.noun))
                    continue
        if not q.text[:1].isalnum() and _SCALE_END.search(q.text):
            m = _SCALED_PART_AFTER.match(text[q.end : q.end + 60])
            if m is not None:
                part = (parse_number(m.group("num")) or 0.0) * _SCALES[m.group("scale").lower()]
                if part and part < _leading_scale(q) <= q.value:
                    end = q.end + m.end()
                    out.append(Quantity(q.start, end, text[q.start : end], q.value + part, q.unit, q.noun))
                    continue
        if out and out[-1].end > q.start:
            continue  # swallowed by the merged figure before it
        out.append(q)
    return out


def _find_in(text: str, start: int, end: int) -> list[Quantity]:
    view = _View(text, start, end)
    return [
        *_money(view),
        *_percent(view),
        *_simple(_BPD, view, "bpd"),
        *_mbpd(view),
        *_simple(_TONNES, view, "tonnes", {"mt": 1e6}),
        *_simple(_GAS, view, "m3", {"bcm": 1e9, "tcm": 1e12, "mcm": 1e6}),
        *_people(view),
    ]


class _View:
    """A stretch of a text that patterns search (lookbehinds still see the characters before it)."""

    __slots__ = ("text", "start", "end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end

    def finditer(self, pattern: re.Pattern[str]):  # noqa: ANN201 - an iterator of matches
        return pattern.finditer(self.text, self.start, self.end)


def _resolve(found: list[Quantity]) -> list[Quantity]:
    found.sort(key=lambda q: (-(q.end - q.start), q.start))
    taken: list[Quantity] = []
    for q in found:
        if all(q.end <= t.start or q.start >= t.end for t in taken):
            taken.append(q)
    taken.sort(key=lambda q: q.start)
    return taken
