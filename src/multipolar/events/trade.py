"""Trade and sanctions rules (codebook: imposing or raising tariffs is SANCTION; pausing, cutting or
lifting them RETREAT; a conditional threat of them THREATEN; export controls and entity lists aimed at a
state's firms SANCTION against that state).

Words in data/rules/trade.json.
- trade.eased: a restriction paused, cut, lifted or exempted is an easing (085), not the restriction;
- trade.conditional_threat: a restriction announced or conditioned ("would impose tariffs if ...") by its
  own imposer is a threat of sanctions (1312), asserted;
- trade.firms_list (a finder): putting a state's firms on an entity list or under export controls
  ("added 80 Chinese companies to its entity list") is a sanction (163) against that state.
"""

from __future__ import annotations

from typing import Any

from multipolar.events import syntax
from multipolar.events.rulebook import Candidate, Rule, governors, recode, words

W = words("trade")
SANCTION, EASE, THREAT = "163", "085", "1312"


def _restriction(c: Candidate) -> bool:
    return any(t.lemma_.lower() in W["restriction_nouns"] for t in [c.tok, *c.tok.children])


def eased(c: Candidate):
    if c.event.root not in ("16", "17") or not _restriction(c):
        return None
    near = [c.tok, *governors(c.tok, limit=2)]
    for t in near:
        lemma = t.lemma_.lower()
        if (t.pos_ == "VERB" and lemma in W["ease_verbs"]) or (t.pos_ == "NOUN" and lemma in W["ease_nouns"]):
            if lemma == "extend" and not any(x.lemma_.lower() in W["ease_nouns"] for x in t.subtree):
                continue  # "extended the tariffs" keeps them; "extended the pause" eases
            if EASE in c.coder.ontology:
                return recode(c.event, EASE, c.coder.ontology)
    return None


def conditional_threat(c: Candidate):
    ev = c.event
    if ev.root != "16" or ev.negated or ev.modality not in ("hypothetical", "intended") or THREAT not in c.coder.ontology:
        return None
    if c.speaker is not None:
        said_by = {m.actor_code[:3] for m in syntax.subjects(c.speaker, c.actors)[0]}
        if said_by and ev.source not in said_by:
            return None  # someone else's speculation about the restriction
    return recode(ev, THREAT, c.coder.ontology, modality="asserted")


def _firm_states(noun: Any, actors: dict[int, Any]) -> list[Any]:
    out = []
    for t in noun.subtree:
        m = actors.get(t.i)
        if m is not None and t.head.lemma_.lower() in W["firm_nouns"] and all(m.country != o.country for o in out):
            out.append(m)
    return out


def firms_list(sent: Any, actors: dict[int, Any]) -> list[tuple[Any, Any, Any, str]]:
    """(trigger token, source match, target match, code) of export controls and entity lists in a sentence."""
    text = sent.text.lower()
    if not any(p in text for p in W["list_nouns"]):
        return []
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in W["list_verbs"]:
            continue
        srcs = syntax.subjects(verb, actors)[0]
        for obj in verb.children:
            if obj.dep_ not in ("dobj", "nsubjpass"):
                continue
            for tgt in _firm_states(obj, actors):
                for src in srcs:
                    if src.country != tgt.country:
                        out.append((verb, src, tgt, SANCTION))
    return out


RULES = [Rule("trade.eased", eased), Rule("trade.conditional_threat", conditional_threat)]
FINDERS = [("trade.firms_list", firms_list)]
