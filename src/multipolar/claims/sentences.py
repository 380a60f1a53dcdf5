"""Claim sentences: where a numeric claim's sentence starts and ends.

    split_sentences(text) -> [(start, end)]
    split_items(text, spans) -> [(start, end, sentence index)]

A simple splitter (line breaks, and . ! ? before a capital, not after "Mr." or "U.S."), and rule
`bullet_items`: the items of a list are sentences of their own. Moved out of `extract.py` unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# --- sentences -------------------------------------------------------------------------------------

_BOUNDARY = re.compile(r"\n+|(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9$€£])")
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "no",
    "gen",
    "sen",
    "rep",
    "gov",
    "prof",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "vs",
    "e.g",
    "i.e",
    "u.s",
    "u.k",
    "u.n",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "approx",
    "est",
    "fig",
    "lt",
    "col",
    "capt",
    "sgt",
}


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets by a simple rule: line breaks, and . ! ? before a capital (not after Mr., U.S.)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] != "\n":
            before = text[max(start, m.start() - 12) : m.start()].split()
            last = before[-1].rstrip('.!?"”’)]').lower() if before else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue  # "Mr. Putin", "U.S. tariffs", "J. Smith"
        _add_span(spans, text, start, m.start())
        start = m.end()
    _add_span(spans, text, start, len(text))
    return spans


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# rule `bullet_items`: a list is its items - a bullet ("•", "▪", "◦", "●", "·" between spaces, or a line
# that opens with "-", "*", "•" or "1." / "a)") starts a new claim sentence, even when the sentence
# splitter read the run of items as one sentence; so does a spaced hyphen before a capital, a figure, a
# link or bold text when a sentence holds two or more of them (a list whose line breaks were lost:
# "Steel output fell. - Exports rose 5%. - Imports reached $9 billion."); one stays a dash in prose
_BULLET = re.compile(r"(?<=\s)[•▪◦●·](?=\s)|\n[ \t]*(?=(?:[-*•▪◦●·]|\d{1,2}[.)]|[a-z][.)])[ \t])")
_DASH_ITEM = re.compile(r"(?<=\S) - (?=[A-Z0-9$*\[\"“])")


def split_items(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Rule `bullet_items`: each sentence span cut at its bullets, as (start, end, index of the sentence)."""
    pieces: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(spans):
        cut = start
        found: list[tuple[int, int]] = []
        dashes = list(_DASH_ITEM.finditer(text, start, end))
        marks = sorted([*_BULLET.finditer(text, start, end), *(dashes if len(dashes) >= 2 else [])], key=lambda m: m.start())
        for m in marks:
            if m.start() > cut:
                _add_span(found, text, cut, m.start())
            cut = m.end()
        _add_span(found, text, cut, end)
        pieces.extend((s, e, index) for s, e in found)
    return pieces
