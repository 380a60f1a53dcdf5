"""Table lookups in place of spaCy's attribute ruler and lemmatizer: the same annotations, computed once per
distinct word instead of once per token.

The English pipeline's attribute ruler maps a token's tag (and for some words its lowercase form or
dependency) to its part of speech and morphology through a Matcher of ~180 patterns, building a Span for every
match; its rule lemmatizer looks each token up in a cache by word, part of speech and morphology. Both do
Python work per token that depends on a handful of token values only. `TableAttributes` answers the
one-token patterns from a table keyed by (tag, lowercase form, dependency, is-space), built as words arrive,
and leaves patterns of several tokens (and any pattern it cannot read) to a Matcher of those alone, applying
every match in the ruler's own order (later patterns win). `TableLemmas` keys the lemmatizer's answer by
(word, part of speech, morphology), the key the lemmatizer caches by, and sets a whole Doc's lemmas at once.
`use_tables(nlp)` swaps them in; the stored annotations are identical (tests/nlp/test_tables.py compares them
with spaCy's own components).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_READABLE = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}  # one-token keys we test
_SAMPLE = {"TAG": "", "LOWER": "", "DEP": "", "IS_SPACE": False}  # a value of each key's type


def _test(value: Any, spec: Any) -> bool | None:
    """Whether a token's `value` meets one key of a Matcher pattern (`spec`); None when we cannot tell."""
    if not isinstance(spec, dict):
        return value == spec
    if len(spec) != 1:
        return None
    (op, arg), = spec.items()
    if op == "IN":
        return value in arg
    if op == "NOT_IN":
        return value not in arg
    if op == "REGEX" and isinstance(value, str):
        return re.search(arg, value) is not None
    return None


def _readable(pattern: list[dict[str, Any]]) -> bool:
    """Whether a pattern is one token over keys we test, with operators we test."""
    if len(pattern) != 1 or not set(pattern[0]) <= set(_READABLE):
        return False
    return all(_test(_SAMPLE[key], spec) is not None for key, spec in pattern[0].items())


class TableAttributes:
    """spaCy's AttributeRuler `ruler` answered from a table per distinct token, its other patterns by a Matcher."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.single: list[tuple[int, list[dict[str, Any]]]] = []  # (pattern id, alternatives of one token)
        self.matcher = Matcher(ruler.vocab)
        self.has_other = False
        for i, entry in enumerate(ruler.patterns):
            alternatives = [p for p in entry["patterns"] if _readable(p) and entry["index"] in (0, -1)]
            others = [p for p in entry["patterns"] if p not in alternatives]
            if alternatives:
                self.single.append((i, [p[0] for p in alternatives]))
            if others:
                self.matcher.add(str(i), others)
                self.has_other = True
        self.table: dict[tuple[int, int, int, bool], tuple[tuple[int, ...], dict[int, Any]]] = {}
        self.named: set[str] = set()  # the lowercase forms one-token patterns name
        self.regexes: list[str] = []  # and the patterns they test them against
        for _, alternatives in self.single:
            for alt in alternatives:
                spec = alt.get("LOWER")
                if isinstance(spec, str):
                    self.named.add(spec)
                elif isinstance(spec, dict):
                    (op, arg), = spec.items()
                    if op == "REGEX":
                        self.regexes.append(arg)
                    else:
                        self.named.update(arg)
        self.lowers: dict[int, int] = {}  # a word's lowercase form -> itself if a pattern can tell it apart, else 0

    def _lower(self, token: Any) -> int:
        """The lowercase form the table keys `token` by: 0 for every word no pattern names or matches, which
        meet each LOWER test alike."""
        text = token.lower_
        special = text in self.named or any(re.search(r, text) for r in self.regexes)
        key = self.lowers[token.lower] = token.lower if special else 0
        return key

    def _ids(self, token: Any) -> tuple[tuple[int, ...], dict[int, Any]]:
        """The one-token pattern ids that `token` meets, in order, and their attributes merged (later wins)."""
        values = {key: getattr(token, attr) for key, attr in _READABLE.items()}
        ids = tuple(i for i, alternatives in self.single
                    if any(all(_test(values[k], spec) for k, spec in alt.items()) for alt in alternatives))
        merged: dict[int, Any] = {}
        for i in ids:
            merged.update(self.ruler.attrs[i])
        return ids, merged

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        extra: dict[int, list[int]] = {}  # token index -> ids of the other patterns that set it
        if self.has_other:
            strings = self.ruler.vocab.strings
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                i = int(strings[match_id])
                extra.setdefault(doc[start:end][self.ruler.indices[i]].i, []).append(i)
        table = self.table
        lowers = self.lowers
        for token in doc:
            lower = lowers.get(token.lower)
            if lower is None:
                lower = self._lower(token)
            key = (token.tag, lower, token.dep, token.is_space)
            found = table.get(key)
            if found is None:
                found = table[key] = self._ids(token)
            if token.i in extra:
                for i in sorted(set(found[0]) | set(extra[token.i])):
                    set_token_attrs(token, self.ruler.attrs[i])
            elif found[1]:
                set_token_attrs(token, found[1])
        return doc


class TableLemmas:
    """spaCy's rule Lemmatizer `lemmatizer`, its answers kept per (word, part of speech, morphology)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.table: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmatizer = self.lemmatizer
        strings = doc.vocab.strings
        table = self.table
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        for token, (orth, pos, morph, lemma) in zip(doc, rows, strict=True):
            if lemma and not lemmatizer.overwrite:
                continue  # set by the attribute ruler ("gon na" -> go to)
            key = (orth, pos, morph)
            found = table.get(key)
            if found is None:
                found = table[key] = strings.add(lemmatizer.lemmatize(token)[0])
            token.lemma = found
        return doc


def use_tables(nlp: Language) -> None:
    """Put the table lookups after `nlp`'s attribute ruler and rule lemmatizer, and disable those two (kept in
    the pipeline, so that `nlp.get_pipe` still finds them, as the lookups do)."""
    from spacy.language import Language as SpacyLanguage

    swaps = {"attribute_ruler": TableAttributes, "lemmatizer": TableLemmas}
    for name, cls in swaps.items():
        if name not in nlp.pipe_names or (name == "lemmatizer" and getattr(nlp.get_pipe(name), "mode", None) != "rule"):
            continue
        factory = f"multipolar_{name}_table"
        if not SpacyLanguage.has_factory(factory):
            SpacyLanguage.factory(factory)(lambda nlp, name, _cls=cls, _of=name: _cls(nlp.get_pipe(_of)))
        nlp.add_pipe(factory, after=name)
        nlp.disable_pipe(name)
