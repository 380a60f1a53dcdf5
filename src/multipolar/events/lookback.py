"""A doc's sentences listed once, for rules that look back from a token to the sentences before it.

`doc.sents` makes every sentence's span anew on each pass, and the look-backs of `anaphora.resolve` ask for
the sentences before a token many times a document (a "they" subject alone asked for the whole list three
times: about 4 of 136 profiled CPU-seconds of a 150-document ingest). `Sentences` lists them once and
answers each look-back with a bisection; what it answers is what the list comprehensions it replaces gave.

    sentences = Sentences(doc, cues=frozenset({"meet", "talk"}))
    sentences.ending_by(tok.sent.start)      # the sentences before tok's, in order
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Sentences:
    """The sentences of `doc` in order (`spans`); `cues`: the lemmas (lower case) `has_cue` looks for."""

    def __init__(self, doc: Doc, *, cues: Collection[str] = ()) -> None:
        self.spans = list(doc.sents)
        self.cues = cues
        self._starts = [s.start for s in self.spans]
        self._ends = [s.end for s in self.spans]
        self._cued: dict[int, bool] = {}

    def ending_by(self, token: int) -> list[Any]:
        """The sentences that end at or before token index `token`, in order."""
        return self.spans[:bisect.bisect_right(self._ends, token)]

    def starting_by(self, token: int) -> list[Any]:
        """The sentences that start at or before token index `token`, in order."""
        return self.spans[:bisect.bisect_right(self._starts, token)]

    def has_cue(self, sent: Any) -> bool:
        """Whether sentence `sent` holds a word whose lemma is one of `cues`, worked out once per sentence."""
        cued = self._cued.get(sent.start)
        if cued is None:
            cued = self._cued[sent.start] = any(t.lemma_.lower() in self.cues for t in sent)
        return cued
