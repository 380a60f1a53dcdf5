"""What the actor resolver finds, and the small pieces its mention readers share.

`ActorMatch` is one actor mention in a spaCy Doc; `SurfaceEntry` one gazetteer surface form's meaning;
`DocText` cuts the text being resolved by the Doc's character offsets; `phrase_at` reads the longest
lower-cased table entry at a token (role titles, sector nouns); `token_ends` and `untagged_tokens` read
token arrays off a Doc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_LEADING_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ActorMatch:
    start: int  # token index in the spaCy Doc (inclusive)
    end: int  # token index (exclusive)
    start_char: int
    end_char: int
    text: str
    actor_code: str  # full code, e.g. "RUSGOV", "CHN", "IGONATO"
    country: str  # first three letters, e.g. "RUS", "IGO"
    person: str | None  # canonical person name, e.g. "Vladimir Putin"
    kind: str  # person | country | government | demonym | organisation | role; context mentions: sector
    # ("police in Kenya"), context (a generic noun placed by the country its context names), resident;
    # us_state: a country's name read as a US state (rule actors.us_state, actors/homonyms.py)


@dataclass(frozen=True, slots=True)
class SurfaceEntry:
    kind: str  # country | demonym | government | organisation | person
    code: str  # actor code; "" for a person (resolved by date)
    person: str | None = None
    explicit: bool = True  # False: a person's derived short form, which needs a full mention first

    @property
    def key(self) -> str:
        return f"person:{self.person}" if self.kind == "person" else f"{self.kind}:{self.code}"


class DocText:
    """The text of the Doc or Span being resolved, cut by the Doc's character offsets."""

    __slots__ = ("value", "offset")

    def __init__(self, value: str, offset: int) -> None:
        self.value = value
        self.offset = offset

    def cut(self, start: int, end: int) -> str:
        return self.value[start - self.offset : end - self.offset]


def leading_word(text: str) -> str:
    if text.isalnum():
        return text
    found = _LEADING_WORD.match(text)
    return found.group(0) if found else text[:1]


def first_non_person(entries: tuple[SurfaceEntry, ...]) -> SurfaceEntry | None:
    for entry in entries:
        if entry.kind != "person":
            return entry
    return None


def phrase_at(
    index: dict[str, tuple[int, ...]],
    table: dict[str, str],
    doc: Any,
    k: int,
    hi: int,
    text: DocText,
    ends: dict[int, int],
) -> tuple[str, int] | None:
    """The longest lower-cased entry of `table` starting at token k: (value, end token)."""
    if k >= hi:
        return None
    tok = doc[k]
    lengths = index.get(leading_word(tok.text).lower())
    if not lengths:
        return None
    p = tok.idx
    for length in lengths:
        j = ends.get(p + length)
        if j is not None and j <= hi:
            value = table.get(text.cut(p, p + length).lower())
            if value is not None:
                return value, j
    return None


def make_match(
    doc: Any, text: DocText, start: int, end: int, code: str, person: str | None, kind: str
) -> ActorMatch:
    first, last = doc[start], doc[end - 1]
    start_char, end_char = first.idx, last.idx + len(last.text)
    return ActorMatch(
        start=start,
        end=end,
        start_char=start_char,
        end_char=end_char,
        text=text.cut(start_char, end_char),
        actor_code=code,
        country=code[:3],
        person=person,
        kind=kind,
    )


def token_ends(doc: Any) -> dict[int, int]:
    """{character end of each token: its index + 1} (a later token wins a shared end), read off arrays."""
    from spacy.attrs import IDX, LENGTH

    if not len(doc):
        return {}
    spans = doc.to_array([IDX, LENGTH])
    return dict(zip((spans[:, 0] + spans[:, 1]).tolist(), range(1, len(doc) + 1), strict=True))


def untagged_tokens(doc: Any) -> Any:
    """A boolean array: tokens with no part of speech and no "prep" arc (what a tokenised-only piece holds)."""
    import numpy
    from spacy.attrs import DEP, POS

    if not len(doc):
        return numpy.zeros(0, dtype=bool)
    arrays = doc.to_array([POS, DEP])
    prep = doc.vocab.strings["prep"]
    return (arrays[:, 0] == 0) & (arrays[:, 1] != prep)


def is_name_word(text: str) -> bool:
    """Whether a word is shaped like a name: letters only, more than one, the first alone upper case ("Lisa")."""
    return text.isalpha() and len(text) > 1 and text[0].isupper() and text[1:].islower()
