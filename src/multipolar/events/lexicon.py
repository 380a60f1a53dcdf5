"""The trigger lexicon: loading, validation and matching against a dependency parse.

An entry names a CAMEO code, the lemma of its trigger word, its part of speech (VERB, NOUN, ADJ or
PHRASE), an optional pattern and an example sentence (see data/README.md). Pattern items after the
first (the trigger) are conditions on the trigger's dependents within two steps:
  `lemma`       some dependent has this lemma
  `prep:on`     a preposition "on" hangs from the trigger
  `prt:down`    a particle "down" hangs from the trigger
  `obj:need`    the trigger's own direct object (or a conjunct of it) has this lemma ("met the needs and goals")
  `ccomp`, `oprd`, ...  a dependent with this dependency label
  `!item`       the condition must NOT hold
A match with more conditions wins over a bare lemma.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from multipolar.errors import DataFileError

if TYPE_CHECKING:
    from spacy.tokens import Token

POS_TAGS = {"VERB": {"VERB"}, "NOUN": {"NOUN", "PROPN"}, "ADJ": {"ADJ"}}
NOT_EVENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}  # "March", "the Summit" of a date
FRAMES = {"say", "intent", "appeal", "demand", "reject", "threaten"}
NEAR_DEPS = {"dobj", "pobj", "prep", "prt", "xcomp", "compound", "amod", "nsubjpass", "attr", "dative", "ccomp",
             "oprd", "acomp", "advmod", "npadvmod", "nmod", "pcomp", "conj", "nsubj", "agent", "poss"}


@dataclass(frozen=True, slots=True)
class Condition:
    kind: str  # lemma | prep | prt | dep | obj
    value: str
    negated: bool = False


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    cameo: str
    lemma: str
    pos: str
    trigger: str  # lemma of the head word
    conditions: tuple[Condition, ...]
    example: str
    frame: str | None = None
    notes: str | None = None

    @property
    def specificity(self) -> int:
        return len(self.conditions)


def _parse_pattern(pattern: str) -> tuple[str, tuple[Condition, ...]]:
    items = pattern.split()
    conds = []
    for item in items[1:]:
        neg = item.startswith("!")
        item = item.lstrip("!")
        if ":" in item:
            kind, value = item.split(":", 1)
            conds.append(Condition(kind, value.lower(), neg))
        elif item in NEAR_DEPS:
            conds.append(Condition("dep", item, neg))
        else:
            conds.append(Condition("lemma", item.lower(), neg))
    return items[0].lower(), tuple(conds)


class Lexicon:
    def __init__(self, entries: list[LexiconEntry]) -> None:
        self.entries = entries
        self._by_trigger: dict[str, list[LexiconEntry]] = {}
        for e in entries:
            self._by_trigger.setdefault(e.trigger, []).append(e)
        for lst in self._by_trigger.values():
            lst.sort(key=lambda e: -e.specificity)

    @classmethod
    def load(cls, path: str | Path | None = None, *, codes: Iterable[str] | None = None) -> Lexicon:
        if path:
            where, text = str(path), Path(path).read_text("utf-8")
        else:
            where = "multipolar/events/data/lexicon.jsonl"
            text = resources.files("multipolar.events").joinpath("data/lexicon.jsonl").read_text("utf-8")
        known = set(codes) if codes is not None else None
        problems: list[str] = []
        entries: list[LexiconEntry] = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}:{n}: not JSON ({e.msg})")
                continue
            cameo, lemma, pos = raw.get("cameo"), raw.get("lemma"), raw.get("pos")
            if not isinstance(cameo, str) or (known is not None and cameo not in known):
                problems.append(f"{where}:{n}: cameo {cameo!r} is not a known CAMEO code string")
                continue
            if pos not in ("VERB", "NOUN", "ADJ", "PHRASE") or not isinstance(lemma, str) or not lemma:
                problems.append(f"{where}:{n}: needs a lemma and pos VERB|NOUN|ADJ|PHRASE (got {pos!r})")
                continue
            if not raw.get("example"):
                problems.append(f"{where}:{n}: entry {lemma!r} has no example sentence")
                continue
            frame = raw.get("frame")
            if frame is not None and frame not in FRAMES:
                problems.append(f"{where}:{n}: frame {frame!r} is not one of {sorted(FRAMES)}")
                continue
            pattern = raw.get("pattern") or lemma
            if pos == "PHRASE" and not raw.get("pattern"):
                problems.append(f"{where}:{n}: PHRASE entry {lemma!r} needs a pattern")
                continue
            trigger, conds = _parse_pattern(pattern)
            entries.append(LexiconEntry(cameo, lemma, pos, trigger, conds, raw["example"], frame, raw.get("notes")))
        if problems:
            raise DataFileError("; ".join(problems[:10]) + " — fix the lexicon file")
        return cls(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def entries_for(self, trigger: str) -> list[LexiconEntry]:
        """The entries whose trigger lemma is `trigger`, most specific first."""
        return self._by_trigger.get(trigger, [])

    def match(self, token: Token) -> LexiconEntry | None:
        """The most specific entry whose trigger and conditions hold at `token`, or None. An entry written in the
        word's own form is tried where none of its lemma holds ("arms", whose lemma the tagger gives as "arm")."""
        if token.ent_type_ in NOT_EVENTS:
            return None
        found = self._match(token, self._by_trigger.get(token.lemma_.lower()))
        if found is None and token.lower_ != token.lemma_.lower():
            found = self._match(token, self._by_trigger.get(token.lower_))
        return found

    def _match(self, token: Token, candidates: list[LexiconEntry] | None) -> LexiconEntry | None:
        if not candidates:
            return None
        near = None
        for e in candidates:
            if e.pos != "PHRASE" and token.pos_ not in POS_TAGS[e.pos]:
                continue
            if e.pos == "PHRASE" and token.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
                continue
            if e.conditions:
                if near is None:
                    near = _near(token)
                if not all(_holds(c, near, token) != c.negated for c in e.conditions):
                    continue
            return e
        return None


# nouns that name the movement or presence of what follows "of" ("the return of inspectors")
TRANSPARENT_NOUNS = frozenset({"return", "entry", "arrival", "deployment", "presence", "dispatch", "delivery",
                               "passage", "transfer", "withdrawal", "sale", "supply", "shipment"})
# nouns of a number or a group of what follows "of" ("sent dozens of drones", "a swarm of drones"): the object
# named through "of" is the verb's object
MEASURE_NOUNS = frozenset({"dozen", "hundred", "thousand", "million", "swarm", "wave", "batch", "number",
                           "consignment", "salvo", "volley", "couple", "pair", "fleet"})


def _near(token: Token) -> list[Token]:
    out = []
    for child in token.children:
        out.append(child)
        if child.dep_ == "advcl" and any(g.dep_ == "mark" for g in child.children):
            # a subordinate clause ("if Moscow does not end the war") is not the trigger's phrase; only the
            # marker of a for-to clause ("called for Israel to end ...") is seen, as the preposition it is
            out.extend(g for g in child.children if g.dep_ == "mark" and g.lower_ == "for")
            continue
        if child.dep_ in ("prep", "xcomp", "dobj", "compound", "amod", "pobj", "ccomp", "advcl", "nsubjpass",
                          "attr", "dative", "acomp", "npadvmod", "pcomp", "prt", "oprd"):
            out.extend(child.children)
            if child.dep_ == "dobj":  # "launched 300 drones and 30 missiles at Ukraine": the last one's phrase
                out.extend(p for cj in child.conjuncts for p in cj.children if p.dep_ == "prep")
            if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in TRANSPARENT_NOUNS | MEASURE_NOUNS:
                # "allow the return of inspectors": the object names who or what, through "of"
                named = [g for p in child.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
                out.extend(named)
                if child.lemma_.lower() in MEASURE_NOUNS:  # "sent a swarm of drones over Romania"
                    out.extend(p for g in named for p in g.children if p.dep_ == "prep")
    # a noun trigger inside a compound/amod ("air strike" seen from "strike") or a verb seen from its head
    return out


def _temporal(prep: Token) -> bool:
    """A preposition that only dates the act ("on Friday", "in March"): never a pattern's preposition."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _holds(cond: Condition, near: list[Token], token: Token) -> bool:
    if cond.kind == "obj":
        objects = [t for t in token.children if t.dep_ == "dobj"]
        return any(t.lemma_.lower() == cond.value for o in objects for t in (o, *o.conjuncts))
    if cond.kind == "lemma":
        return any(t.lemma_.lower() == cond.value or t.lower_ == cond.value for t in near)
    if cond.kind == "prep":
        # "called for Israel to end ...": the parser may read the preposition as the marker of a for-to clause
        return any((t.dep_ in ("prep", "agent", "dative") and t.lower_ == cond.value and not _temporal(t))
                   or (t.dep_ == "mark" and t.lower_ == cond.value and t.head.dep_ in ("advcl", "ccomp")
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.head.children))
                   for t in near)
    if cond.kind == "prt":
        return any(t.dep_ == "prt" and t.lower_ == cond.value for t in near)
    if cond.kind == "dep":
        # an actor's name the parser reads as an object predicate ("called Putin on Friday") is the object
        return any(t.dep_ == cond.value and not (t.dep_ == "oprd" and t.ent_type_ == "ACTOR") for t in near)
    return False
