"""Whether a figure is a level or a change, whether it is only the base of a change, and its stated scope.

Token rules over the sentence (tokens are (start, end, text) triples, as `extract._tokens` gives them):

- rule `change_kind`: a figure is a change when a change word stands right before it ("up 68%", "rose
  5%"), when "by" stands before it and a change word earlier in the clause ("raised its tariff by 50%",
  "increased by $5 billion"), when "additional", "extra" or "further" stands before it ("an additional
  10% tariff"), or when a change noun follows it ("a 5% rise"). "raised to 50%" names the new level, so
  it is a level.
- rule `base_figure`: a figure introduced by "from", "compared with", "compared to" or "versus", in a
  sentence with another figure of the same unit, is the starting point of a change ("cut to 10% from
  20%", "$245 billion, up from $190 billion"): it held before the period the sentence talks about, so it
  takes no period. When the comparison is spelled out ("up from", "down from", "compared with",
  "versus", "against"), a period right after the base figure is the base's ("$245 billion, up from $190
  billion in 2023"), never the claimed level's (`owned_periods`); after a bare "from" it dates the
  change ("cut to 10% from 20% in 2024").
- rule `stated_scope`: without a parse, a figure covers "all" of its measure when the words after it
  say so ("on all imports", "on every product") or the sentence calls it "across-the-board" or
  "blanket"; anything narrower needs the parse (`roles.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from multipolar.claims.lexicon import MeasureWord
from multipolar.claims.numbers import Quantity

Token = tuple[int, int, str]

CHANGE_AFTER = frozenset({"increase", "rise", "drop", "fall", "decline", "jump", "surge", "gain", "decrease", "cut",
                          "hike", "reduction"})
_INCREMENT = frozenset({"additional", "extra", "further"})
_SKIP = frozenset({"about", "around", "roughly", "nearly", "almost", "some", "approximately", "over", "under",
                   "an", "a", "another"})
_CLAUSE_END = frozenset({",", ";", ":", ".", "(", ")", "and", "but", "while", "which", "that"})
_BASE = re.compile(r"(?i)(?:\bfrom|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst)\s*$")
_ALL_AFTER = re.compile(r"(?i)^[^,;.]{0,60}?\b(?:on|to|covering|for)\s+(?:all|every|each)\b")
_ALL_ANYWHERE = re.compile(r"(?i)\b(?:across[- ]the[- ]board|blanket|universal)\b")


def _is_change_word(word: str, words: dict[str, MeasureWord]) -> bool:
    entry = words.get(word.lower())
    return entry is not None and entry.role == "change"


def is_change(tokens: Sequence[Token], q: Quantity, words: dict[str, MeasureWord]) -> bool:
    """Rule `change_kind` (module docstring)."""
    before = [t[2].lower() for t in tokens if t[1] <= q.start]
    while before and before[-1] in _SKIP:
        before.pop()
    if before and (_is_change_word(before[-1], words) or before[-1] in _INCREMENT):
        return True
    if before and before[-1] == "by":
        for word in reversed(before[-9:-1]):
            if word in _CLAUSE_END:
                break
            if _is_change_word(word, words):
                return True
    after = [t[2].lower() for t in tokens if t[0] >= q.end]
    return bool(after) and after[0] in CHANGE_AFTER


def is_base(text: str, s_start: int, q: Quantity, others: Sequence[Quantity]) -> bool:
    """Rule `base_figure` (module docstring): `others` are the sentence's other figures."""
    if not any(o.unit == q.unit and o.start != q.start for o in others):
        return False
    head = text[max(s_start, q.start - 40) : q.start].rstrip()
    head = re.sub(r"(?i)\b(?:about|around|roughly|nearly|almost|approximately|some|a|an)$", "", head).rstrip()
    return bool(_BASE.search(head))


_COMPARATIVE = re.compile(
    r"(?i)(?:\b(?:up|down|rising|falling|rose|fell|increase|decrease|rise|drop)\s+from|\bcompared\s+(?:with|to)"
    r"|\bversus|\bvs\.?|\bagainst)\s*$"
)
_OWNED_GAP = 4


def owned_periods(text: str, s_start: int, quantities: Sequence[Quantity]) -> list[tuple[int, int]]:
    """Rule `base_figure` (module docstring): where a period starting there belongs to a base figure of the
    sentence (`quantities`, its figures) introduced by a spelled-out comparison."""
    spans = []
    for q in quantities:
        if not is_base(text, s_start, q, quantities):
            continue
        head = text[max(s_start, q.start - 40) : q.start].rstrip()
        head = re.sub(r"(?i)\b(?:about|around|roughly|nearly|almost|approximately|some|a|an)$", "", head).rstrip()
        if _COMPARATIVE.search(head):
            spans.append((q.end, q.end + _OWNED_GAP))
    return spans


def stated_scope(text: str, s_start: int, s_end: int, q: Quantity) -> str | None:
    """Rule `stated_scope` (module docstring): "all" or None."""
    if _ALL_AFTER.search(text[q.end : s_end]) or _ALL_ANYWHERE.search(text, s_start, s_end):
        return "all"
    return None
