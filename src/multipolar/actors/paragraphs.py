"""Rule `actor_paragraphs`: which paragraphs of a text can hold a codable act, found without parsing.

Events need an actor in their sentence, so a paragraph that names none gives nothing to code. Before
the parse, `ActorParagraphs.keep(text)` scans each paragraph's words against the resolver's surface
forms and marks the paragraphs to parse; the others are only tokenised (`nlp.pipeline`). A paragraph is
kept when it holds

- a word of a surface form the resolver matches (names, aliases, demonyms, metonyms, people's names and
  their short forms), as written, or in another case when the word is not all lower case ("RUSSIA": the
  resolver's case-folded match of a statistical entity), and the whole form is in the paragraph;
- after the first paragraph with such a form, a word of a role title or of a sector noun ("President
  Jane Doe", "police", "the government"): the resolver places these by the country the document named
  earlier (`ActorResolver.context_mentions`);
- right after a kept paragraph, an anaphora cue ("he", "she", "the two leaders"): they name an actor
  of the sentences before (`events.anaphora`);

and the first paragraph is always kept (the dateline, and the country a story is placed in), and so is
a piece holding an offset the caller names (`also`: the event coder names the claims' number phrases,
whose measure, kind and scope come from the parse). The scan
is a superset: a kept paragraph may hold no actor after all; a dropped one holds none of the forms the
resolver could match.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

_WORD = re.compile(r"\w+")
LOOKBACK = 3  # an anaphora cue counts within this many pieces after one naming an actor (events.anaphora looks back 3 sentences)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of `text`, cut after each run of blank lines; they tile the text."""
    spans = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9$€£])")
# words before a full stop that is no sentence's end ("Mr. Putin", "U.S. troops"); a single letter is one too
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no gen sen rep gov prof jr sr inc ltd co corp vs e.g i.e u.s u.k u.n jan feb mar apr jun jul aug "
    "sep sept oct nov dec approx est fig lt col capt sgt adm maj cmdr amb pres sec dept ft mt rev hon".split()
)


def segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence-like piece of `text`: its paragraphs, cut after a . ! or ? that
    ends a sentence before a capital (not "Mr." or "U.S."); the pieces tile the text, each with the
    spaces after it."""
    spans = []
    for start, end in paragraphs(text):
        for m in _SENTENCE_END.finditer(text, start, end):
            before = text[max(start, m.start() - 12):m.start()].split()
            last = before[-1].rstrip("\".!?”’)]").lower() if before else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
            if m.end() < end:
                spans.append((start, m.end()))
                start = m.end()
        spans.append((start, end))
    return spans


_NAME_AFTER = re.compile(r"\s+[A-Z]")  # a capitalised word next


def _starts_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` opens a sentence: nothing but spaces, quotes or brackets after a sentence's end before it."""
    before = text[:at].rstrip(" \t\"“‘([")
    return not before or before[-1] in ".!?\n:;"


def _holds(offsets: list[int], start: int, end: int) -> bool:
    """Whether the sorted `offsets` hold one in [start, end)."""
    k = bisect.bisect_left(offsets, start)
    return k < len(offsets) and offsets[k] < end


def _key_first(text: str) -> str:
    """The first word of a text (the word a title is looked up by)."""
    found = _WORD.search(text)
    return found.group(0) if found else text[:1]


def _key(form: str) -> str | None:
    """The longest word of a form (the last of equal length): the word a scan looks up."""
    words = _WORD.findall(form)
    return max(reversed(words), key=len) if words else None


class ActorParagraphs:
    """The paragraphs of a text worth parsing, by the surface forms of an `ActorResolver` (module docstring)."""

    def __init__(self, resolver: Any, *, anaphora: tuple[Iterable[str], Iterable[str], Iterable[str]] = ((), (), ()),
                 also: Callable[[str], Iterable[int]] | None = None) -> None:
        self._also = also  # offsets in a text whose pieces are parsed too (the claims' number phrases)
        exact: dict[str, set[str]] = defaultdict(set)
        folded: dict[str, set[str]] = defaultdict(set)
        for form in resolver.surface_forms():
            key = _key(form)
            if key is None:
                continue
            exact[key].add(form)
            folded[key.casefold()].add(form.casefold())
        # per key word: whether the word is a form itself, and the longer forms to look for in the paragraph
        self._exact = {k: (k in forms, tuple(f for f in forms if f != k)) for k, forms in exact.items()}
        self._folded = {k: (k in forms, tuple(f for f in forms if f != k)) for k, forms in folded.items()}
        self._shorts = resolver.short_forms()  # a short form counts after one of its full names
        titles, nouns = resolver.context_words()
        by_word: dict[str, list[str]] = defaultdict(list)  # leading word -> titles, counted before a name
        for title in titles:
            by_word[_key_first(title).casefold()].append(title.lower())
        self._titles = dict(by_word)
        heads: dict[str, set[str]] = defaultdict(set)  # a sector noun's last word -> the nouns it ends
        for noun in nouns:
            heads[noun.split()[-1].casefold()].add(noun.casefold())
        self._nouns = {head: (head in found, tuple(n for n in found if n != head)) for head, found in heads.items()}
        alone, heads, marks = anaphora
        self._cues = frozenset(w.casefold() for w in alone)  # "he", "the leaders"
        self._pair_heads = tuple(w.casefold() for w in heads)  # "the two presidents": a head's plural...
        self._pair_marks = frozenset(w.casefold() for w in marks)  # ...with "two" or "both"

    def has_actor_form(self, paragraph: str, before: str = "") -> bool:
        """Whether `paragraph` holds a surface form the resolver could match (as written or case-folded);
        a person's short form counts when `before` (the text up to the paragraph) or the paragraph holds
        one of the person's full names."""
        once: list[str] = []  # the paragraph case-folded, once, when first needed
        for word in _WORD.findall(paragraph):
            names = self._shorts.get(word)
            if names is not None and any(name in paragraph or name in before for name in names):
                return True
            found = self._exact.get(word)
            if found is not None and (found[0] or any(form in paragraph for form in found[1])):
                return True
            if word.islower():
                continue
            found = self._folded.get(word.casefold())
            if found is not None and _entry_met(found, paragraph, once):
                return True
        return False

    def has_context_word(self, paragraph: str) -> bool:
        """Whether `paragraph` holds a sector noun (not capitalised inside a sentence: "Congress" names
        no country's parliament), or a capitalised title word with a capitalised word after it (a name)."""
        once: list[str] = []  # the paragraph case-folded, once, when first needed
        for m in _WORD.finditer(paragraph):
            word = m.group(0)
            folded = word.casefold()
            found = self._nouns.get(folded)
            if found is not None and (not word.istitle() or _starts_sentence(paragraph, m.start())) \
                    and _entry_met(found, paragraph, once):
                return True
            if word[0].isupper() and self._title_before_name(paragraph, m.start(), folded):
                return True
        return False

    def _title_before_name(self, paragraph: str, at: int, word: str) -> bool:
        """Whether a title opening with `word` at `at` is followed by a capitalised word ("President Jane Doe")."""
        for title in self._titles.get(word, ()):
            if paragraph[at:at + len(title)].lower() == title and _NAME_AFTER.match(paragraph, at + len(title)):
                return True
        return False

    def has_anaphora_cue(self, piece: str) -> bool:
        """Whether `piece` holds a word that can open an anaphoric mention (`events.anaphora`)."""
        words = [w.casefold() for w in _WORD.findall(piece)]
        if any(w in self._cues for w in words):
            return True
        return any(w in self._pair_marks for w in words) and any(w.startswith(self._pair_heads) for w in words)

    def keep(self, text: str) -> list[tuple[int, int, bool]]:
        """(start, end, kept) for each piece of `text` (`segments`), in order (rule `actor_paragraphs`)."""
        out: list[tuple[int, int, bool]] = []
        also = sorted(self._also(text)) if self._also is not None else []
        named = False  # an earlier piece named an actor: context words count from here on
        since_actor = LOOKBACK + 1  # pieces since the last one naming an actor
        first_end = paragraphs(text)[0][1]
        for start, end in segments(text):
            piece = text[start:end]
            actor = self.has_actor_form(piece, text[:start])
            named = named or actor
            since_actor = 0 if actor else since_actor + 1
            kept = (
                start < first_end
                or actor
                or _holds(also, start, end)
                or (named and self.has_context_word(piece))
                or (since_actor <= LOOKBACK and bool(out) and out[-1][2] and self.has_anaphora_cue(piece))
            )
            out.append((start, end, kept))
        return out


def _entry_met(found: tuple[bool, tuple[str, ...]], paragraph: str, once: list[str]) -> bool:
    """Whether a word's entry `found` (the word is a form alone; the longer forms it ends or starts) is
    met in `paragraph`; `once` keeps the paragraph case-folded once it was needed."""
    if found[0]:
        return True
    if not once:
        once.append(paragraph.casefold())
    return any(form in once[0] for form in found[1])
