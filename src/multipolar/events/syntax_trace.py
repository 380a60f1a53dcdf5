"""The trace rules of events/syntax.py: readings that `syntax` makes while finding a trigger's parties change the
event before any rule runs, so these rules change nothing and only name those readings in `--explain` (they run
first in the rule chain, events/rulebook.py)."""

from __future__ import annotations

from multipolar.events.rulebook import Candidate, Rule, mention_tokens
from multipolar.events.syntax import _appositive_name, _fronted_topic, _gapped


def named_apposition(c: Candidate):
    """Names rule syntax.naming_apposition in the trace: the target is the apposition naming the trigger's object."""
    toks = mention_tokens(c, c.event.target_actor) if c.event.target_actor else []
    hit = any(t.dep_ == "appos" and c.tok.i in (t.head.head.i, t.head.head.head.i)
              and _appositive_name(t.head, c.actors) is c.actors[t.i] for t in toks)
    return c.event if hit else None


def gapped_target(c: Candidate):
    """Names rule syntax.gapped_recipients in the trace: the target's phrase is one `_gapped` adds to the verb's
    first phrase with that word."""
    first = {p.lower_: p for p in reversed(list(c.tok.children)) if p.dep_ in ("prep", "dative")}  # the earliest
    toks = mention_tokens(c, c.event.target_actor) if c.event.target_actor else []
    hit = any(t.head.lower_ in first and t.head.i != first[t.head.lower_].i
              and any(x.i == t.head.i for x in _gapped(c.tok, first[t.head.lower_])) for t in toks)
    return c.event if hit else None


def participle_patient(c: Candidate):
    """Names rule syntax.participle_patient in the trace: the trigger is a passive participle with an agent that
    modifies the noun naming the target ("Ecuador's president captured by US forces")."""
    verb = c.tok
    if not (verb.dep_ == "acl" and verb.tag_ == "VBN" and any(ch.dep_ == "agent" for ch in verb.children)):
        return None
    toks = mention_tokens(c, c.event.target_actor) if c.event.target_actor else []
    return c.event if any(verb.head.left_edge.i <= t.i < verb.i for t in toks) else None


def fronted_topic(c: Candidate):
    """Names rule syntax.fronted_topic in the trace: an "On X," phrase of the trigger names a state that is not the
    target ("On Ukraine, Chile criticized the strikes")."""
    return c.event if any(ch.dep_ == "prep" and _fronted_topic(ch) and any(t.i in c.actors for t in ch.subtree)
                          for ch in c.tok.children) else None


RULES = [Rule("syntax.naming_apposition", named_apposition), Rule("syntax.gapped_recipients", gapped_target),
         Rule("syntax.participle_patient", participle_patient), Rule("syntax.fronted_topic", fronted_topic)]
