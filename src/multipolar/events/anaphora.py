"""Anaphora within a document: "the two leaders", "both sides", "he".

Words in data/rules/anaphora.json. `resolve(doc, actors)` adds mentions to the coder's actor map before
coding, and returns the pairs it found:
- anaphora.pair: "the two leaders", "both sides", "the two countries" name the two states last
  mentioned (within `lookback` sentences; for people, "the two leaders", the two people last named); the phrase stands for the first of them, and the rule
  `anaphora.pair_partner` gives its act the second as target ("The two leaders signed a joint
  statement" after "Putin met Modi" is Russia–India);
- anaphora.pronoun: a "he"/"she" subject with no actor before it in its sentence is the person named
  as subject of the sentence before ("Trump met Erdogan. He praised ..." is Trump).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from multipolar.events.rulebook import Candidate, Rule, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

W = words("anaphora")
MUTUAL_ROOTS = {"03", "04", "05", "06"}


def _state(m: Any) -> bool:
    return m.country.isalpha() and len(m.country) == 3 and not m.actor_code.startswith("IGO") and m.kind != "sector"


def _as_mention(m: Any, tok: Token) -> Any:
    return dataclasses.replace(m, start=tok.i, end=tok.i + 1, start_char=tok.idx, end_char=tok.idx + len(tok.text),
                               text=tok.text)


def _is_pair(tok: Token) -> bool:
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in W["pair_heads"] or tok.tag_ not in ("NNS", "NNPS"):
        return False
    marks = {c.lower_ for c in tok.children if c.dep_ in ("nummod", "det", "predet", "amod", "quantmod")}
    if marks & W["pair_marks"]:
        return True
    return tok.lower_ in W["plural_heads"] and "the" in marks and tok.dep_ in ("nsubj", "nsubjpass")


def _recent(doc: Doc, before: int, sent_start: int, actors: dict[int, Any], *, lookback: int,
            want: int, person: bool) -> list[Any]:
    sents = [s for s in doc.sents if s.start <= sent_start]
    first = sents[-(lookback + 1)].start if len(sents) > lookback else 0
    out: list[Any] = []
    seen: set[int] = set()
    for i in range(before - 1, first - 1, -1):
        m = actors.get(i)
        if m is None or id(m) in seen:
            continue
        seen.add(id(m))
        if person and m.person is None:
            continue
        if not _state(m) or any(o.country == m.country for o in out):
            continue
        out.append(m)
        if len(out) == want:
            break
    return list(reversed(out))


def cue_words() -> tuple[list[str], list[str], list[str]]:
    """The words that can open an anaphoric mention here: those that do alone ("he", "the leaders"), the
    heads of a pair ("the two presidents") and the words that mark one ("two", "both"). A piece holding
    them, after a piece naming an actor, is worth parsing (rule `actor_paragraphs`)."""
    return sorted({*W["pronouns"], *W["plural_heads"]}), sorted(W["pair_heads"]), sorted(W["pair_marks"])


def _previous_subject(doc: Doc, start: int, actors: dict[int, Any]) -> Any | None:
    """The person named as subject of the main clause of the sentence before `start`, if any."""
    if start == 0:
        return None
    prev = doc[start - 1].sent
    for tok in prev.root.children:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            for t in tok.subtree:
                m = actors.get(t.i)
                if m is not None and m.person is not None and _state(m):
                    return m
    return None


def resolve(doc: Doc, actors: dict[int, Any]) -> dict[int, tuple[Any, Any]]:
    """Add anaphoric mentions to `actors` (in place); return {token index: (first, second)} of the pairs."""
    pairs: dict[int, tuple[Any, Any]] = {}
    lookback = int(W["lookback"])
    for sent in doc.sents:
        for tok in sent:
            if tok.i in actors:
                continue
            if _is_pair(tok) and not any(t.i in actors for t in tok.subtree):
                # "the two leaders": the two people last named, else the two states last named
                people = tok.lemma_.lower() in W["person_heads"]
                found = _recent(doc, sent.start, sent.start, actors, lookback=lookback, want=2, person=people)
                if len(found) < 2 and people:
                    found = _recent(doc, sent.start, sent.start, actors, lookback=lookback, want=2, person=False)
                if len(found) == 2:
                    actors[tok.i] = _as_mention(found[0], tok)
                    pairs[tok.i] = (found[0], found[1])
            elif (tok.lower_ in W["pronouns"] and tok.dep_ in ("nsubj", "nsubjpass")
                  and not any(sent.start <= i < tok.i for i in actors)):
                subject = _previous_subject(doc, sent.start, actors)
                if subject is not None:
                    actors[tok.i] = _as_mention(subject, tok)
    return pairs


def pair_partner(c: Candidate):
    ev = c.event
    for i, (first, second) in c.pairs.items():
        if not c.sent.start <= i < c.sent.end or ev.source_actor != first.actor_code:
            continue
        if ev.target is None or ev.target == ev.source or (ev.root in MUTUAL_ROOTS and ev.target != second.country):
            return dataclasses.replace(ev, target=second.country, target_actor=second.actor_code,
                                       target_name=second.person)
    return None


RULES = [Rule("anaphora.pair_partner", pair_partner)]
