"""Who a figure is about and on whom, and which part of its measure, read off the dependency parse.

    claim_roles(doc, actors, start=..., end=...) -> Roles(subject, target, scope) | None

`doc` is the spaCy Doc of the document's clean text, `actors` maps token index -> the actor resolver's
match covering it (as the event coder uses them: `multipolar.events.syntax`). From the number phrase at
[start, end) we climb the parse to the noun it measures ("a 145% tariff", "tariffs of 60 percent") and to
the clause it sits in ("raised its tariff on Chinese imports to 20 percent"), and read:

- subject: the actors that own the measure or do the clause: "US tariffs", "China's exports", "the
  tariff imposed by Washington", "China raised its tariffs"; rule `undergoer`: the subject of "face" or
  "suffer" is the one the measure falls on ("US soybeans will face a tariff of 13%"), so it is a target;
- target: the actors of the measure's or the clause's "on / against / to / from / into" phrase: "on
  Chinese goods", "exports to Russia", "imports from China";
- by_verb: the figure is the object of "by" after a verb ("ballooned by 40%"): a change.
- scope: the part of the measure its "on" phrase (or the measure noun's "in" phrase: "a deficit in
  farm goods") names: "all" when it says so ("on all imports", "on every good", "across-the-board",
  "blanket"), else the goods it names ("on steel and aluminum imports" -> "aluminum+steel"), else, by
  rule `qualified_measure`, the words that narrow the measure noun itself to a part of it - a group of
  people, a sector, a kind of good, a city ("youth unemployment", "the Latino unemployment rate", "core
  inflation", "soybean exports", "Lagos's output": "youth", "latino", "core", "soybean", "lagos"), but not
  an actor, a measure word ("the unemployment rate"), a generic word or a neutral one ("overall",
  "total", "national", "federal") - else None (unstated: "on Chinese goods").

Returns None when the number is not in the parse; empty subject and target when the parse names
neither, so that the caller falls back to the countries named in the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from multipolar.actors.gazetteer import COLLECTIVE_PREFIXES
from multipolar.events import syntax

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# prepositions that put the measure on someone, or name the other party of a flow
_TARGET_PREPS = ("on", "against", "to", "from", "into")
# rule `undergoer`: verbs whose subject is where the measure lands
_UNDERGO = frozenset({"face", "suffer", "incur", "bear"})
# quantifiers and modifiers that say a measure covers everything
_ALL = frozenset({"all", "every", "blanket", "across-the-board", "universal", "each"})
# nouns that name goods in general, not one good
_GENERIC_GOODS = frozenset({
    "good", "import", "export", "product", "item", "shipment", "purchase", "commodity", "merchandise", "trade",
    "country", "nation", "partner", "economy", "rate", "level", "total", "percent", "%", "year", "quarter",
    "month", "week", "half", "term", "period", "history", "record", "time", "place",
})
_NOUNS = ("NOUN", "PROPN")


@dataclass(frozen=True, slots=True)
class Roles:
    subject: tuple[str, ...]
    target: tuple[str, ...]
    scope: str | None
    noun: str | None = None  # the lemma of the noun the figure measures, by the parse ("tariff")
    by_verb: bool = False  # rule `change_kind` by the parse: the figure is what a verb changed something by


def code_of(match: Any) -> str:
    """A country's three letters; an organisation's full code ("IGOEU"), never a bare "IGO"."""
    return match.actor_code if match.country in COLLECTIVE_PREFIXES else match.country


def _codes(matches: list[Any]) -> list[str]:
    return list(dict.fromkeys(code_of(m) for m in matches))


def _anchor(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _climb(tok: Token) -> tuple[list[Token], Token | None]:
    """The nouns above the number on its way to its clause, and the clause's verb (None when none)."""
    nouns: list[Token] = []
    x = tok
    for _ in range(6):
        if x is not tok:
            if x.pos_ in ("VERB", "AUX"):
                return nouns, x
            # "a duty on imports [to 60%]": imports is what the measure is on, not the measure
            if x.pos_ in _NOUNS and not (x.dep_ == "pobj" and x.head.lower_ in _TARGET_PREPS):
                nouns.append(x)
        if x.head.i == x.i:
            break
        x = x.head
    return nouns, None


def _measure_nouns(tok: Token, verb: Token | None, nouns: list[Token], actors: syntax.Actors) -> list[Token]:
    """The nouns the figure measures: those met on the way up, else the clause's subject or object noun
    that is not an actor ("trade rose to $5 billion", "Washington lifted its duty to 60%")."""
    if nouns or verb is None:
        return nouns
    return [c for c in verb.children if c.dep_ in (*syntax.SUBJ, *syntax.PASS_SUBJ, "dobj") and c.pos_ == "NOUN"
            and c.i not in actors and c.i not in range(tok.i - 2, tok.i + 1)]


def _prep_objects(head: Token, preps: tuple[str, ...] = _TARGET_PREPS) -> list[tuple[str, Token]]:
    return [(c.lower_, p) for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj"]


def _goods(noun: Token, actors: syntax.Actors) -> str | None:
    """ "all", or the goods a noun phrase names ("steel and aluminum imports" -> "aluminum+steel"), or None."""
    goods: set[str] = set()
    for head in syntax.conj_heads(noun):
        if any(c.lower_ in _ALL for c in head.children if c.dep_ in ("det", "predet", "amod")):
            return "all"
        for t in (head, *(c for c in head.children if c.dep_ in ("compound", "amod", "nmod"))):
            if t.pos_ == "NOUN" and not t.ent_type_ and t.i not in actors and t.lemma_.lower() not in _GENERIC_GOODS:
                goods.add(t.lemma_.lower())
    return "+".join(sorted(goods)) or None


# rule `qualified_measure`: modifiers that leave the measure whole
_NEUTRAL = frozenset({
    "overall", "total", "national", "federal", "annual", "yearly", "current", "official", "headline", "new",
    "record", "low", "high", "historic", "historical", "big", "large", "huge", "massive", "small", "same", "whole",
    "entire", "full", "general", "last", "previous", "recent", "latest", "first", "real", "nominal", "estimated",
    "average", "bilateral", "two-way", "joint", "mutual", "rate", "figure", "number", "level", "amount",
})


def _qualifiers(noun: Token, actors: syntax.Actors, depth: int = 0) -> list[str]:
    """Rule `qualified_measure` (module docstring): the words that narrow a measure noun to a part."""
    from multipolar.claims.lexicon import load_measure_words

    measure_words = load_measure_words()
    found: list[str] = []
    for c in noun.children:
        if c.dep_ not in ("compound", "amod", "nmod", "poss") or c.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        lemma = c.lemma_.lower()
        if c.i in actors or c.ent_type_ in ("GPE", "DATE", "MONEY", "PERCENT", "CARDINAL"):
            continue
        if lemma in measure_words or c.lower_ in measure_words:
            if depth < 1:
                found += _qualifiers(c, actors, depth + 1)  # "the Latino unemployment rate"
            continue
        if lemma not in _NEUTRAL and lemma not in _GENERIC_GOODS and c.lower_ not in _ALL:
            found.append(lemma)
    return found


def _scope(measured: list[Token], verb: Token | None, actors: syntax.Actors) -> str | None:
    """The goods of the measure's "on" phrase, else of its clause's; "all" when a modifier says so."""
    for head in measured:
        if any(c.lower_ in _ALL for c in head.children if c.dep_ in ("amod", "det", "predet", "compound")):
            return "all"
    for heads, preps in ((measured, ("on", "in")), ([verb] if verb is not None else [], ("on",))):
        # "on top of", "on behalf of": an idiom, not the goods a measure is on
        ons = [pobj for head in heads for prep, pobj in _prep_objects(head, (*_TARGET_PREPS, "in"))
               if prep in preps and not any(c.dep_ == "prep" and c.lower_ == "of" for c in pobj.children)]
        if ons:
            found = [g for g in (_goods(p, actors) for p in ons) if g]
            if found:
                return "all" if "all" in found else "+".join(found)
            break
    parts = sorted({q for head in measured[:1] for q in _qualifiers(head, actors)})
    return "+".join(parts) or None


def claim_roles(doc: Doc, actors: syntax.Actors, *, start: int, end: int) -> Roles | None:
    """Subject, target and scope of the figure at chars [start, end) of `doc` (module docstring)."""
    tok = _anchor(doc, start, end)
    if tok is None:
        return None
    nouns, verb = _climb(tok)
    measured = _measure_nouns(tok, verb, nouns, actors)
    subject: list[Any] = []
    target: list[Any] = []
    for noun in measured:
        srcs, tgts, _ = syntax.noun_args(noun, actors)
        subject += srcs
        for _prep, pobj in _prep_objects(noun):
            target += syntax.actors_of(pobj, actors)
        target += [m for m in tgts if not target]
    scope = _scope(measured, verb, actors)
    if verb is not None:
        if not subject:
            srcs, passive, _ = syntax.subjects(verb, actors)
            subject = srcs
            target += passive
        if not target:
            for _prep, pobj in _prep_objects(verb):
                target += syntax.actors_of(pobj, actors)
        if verb.lemma_.lower() in _UNDERGO:  # rule `undergoer`: "Brazilian coffee will face a 40% tariff"
            subject, target = [], subject + target
            for c in verb.children:
                if c.dep_ in syntax.SUBJ:
                    scope = scope or _goods(c, actors)
    subject_codes = _codes(subject)
    target_codes = [c for c in _codes(target) if c not in subject_codes]
    noun = measured[0].lemma_.lower() if measured else None
    # "the deficit ballooned by over 40%": any verb, not only the change words of the text rule
    by_verb = tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.pos_ == "VERB"
    if not subject_codes and not target_codes:
        return Roles((), (), scope, noun, by_verb)
    return Roles(tuple(sorted(subject_codes)), tuple(sorted(target_codes)), scope, noun, by_verb)
