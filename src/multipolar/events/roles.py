"""Role rules: which mention may be a candidate's source.

Words in data/rules/roles.json.
- roles.source_in_object: a verb's source is never the possessor of what the verb acts on ("the
  Treasury sanctioned Russia's largest oil firms" gives Russia no act);
- roles.topic_of_pair: two parties who meet or talk act toward each other, not toward a third state
  they talk about ("Putin and Xi discussed their approach to Washington" is no consultation with the US).
"""

from __future__ import annotations

from multipolar.events import syntax
from multipolar.events.rulebook import DROP, Candidate, Rule, mention_tokens, words

W = words("roles")


def _inside(t, top) -> bool:
    x = t
    for _ in range(30):
        if x.i == top.i:
            return True
        if x.head.i == x.i:
            return False
        x = x.head
    return False


def source_in_object(c: Candidate):
    tok = c.tok
    if tok.pos_ != "VERB" or c.event.root in W["mutual_roots"]:
        return None  # a meeting "with" a partner is coded each way on purpose
    objs = [ch for ch in tok.children if ch.dep_ in W["object_deps"]]
    objs += [g for ch in tok.children if ch.dep_ == "prep" and ch.lower_ != "by" for g in ch.children if g.dep_ == "pobj"]
    toks = mention_tokens(c, c.event.source_actor)
    possessors = [t for t in toks if any(x.dep_ == "poss" for x in [t, t.head])]
    if possessors and len(possessors) == len(toks) and all(any(_inside(t, o) for o in objs) for t in toks):
        return DROP
    return None


def topic_of_pair(c: Candidate):
    ev = c.event
    if ev.root not in W["mutual_roots"] or ev.target_actor is None or c.tok.pos_ != "VERB":
        return None
    subjects = syntax.subjects(c.tok, c.actors)[0]
    countries = {m.actor_code[:3] for m in subjects}
    if len(countries) >= 2 and ev.source in countries and ev.target not in countries:
        return DROP
    return None


RULES = [Rule("roles.source_in_object", source_in_object), Rule("roles.topic_of_pair", topic_of_pair)]
