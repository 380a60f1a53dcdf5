"""Fellow doers named in a phrase of the act, rule `parties.co_doers` (copies made by the coder after the rules,
as events/groups.py's are).

- parties.co_doers: states named in a phrase that says they act together with the source ("the United States,
  along with Britain and Canada, imposed sanctions on Russia", "together with Japan", "in coordination with",
  "in partnership with", "jointly with", "alongside Canada") do the act too: one copy of the event per such
  state, with it as source (the target stays). The phrase must belong to the act's own clause (on its verb,
  on the verb's subject or on a word such as "together" or "in partnership" that hangs from either); a phrase
  inside what is acted on ("sanctioned firms that worked together with Iran") names no doer, nor does "along
  with" or "alongside" after the trigger ("imposed tariffs on China, along with Mexico": more targets). A
  state that is already the source or the target is no fellow doer.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from multipolar.events import syntax
from multipolar.events.rulebook import Candidate, derived_id, is_state_mention, mention_name, words

W = words("parties")
RULE = "parties.co_doers"


def _joint_phrases(verb: Any, trigger: Any) -> list[Any]:
    """The "with"/"alongside" prepositions in `verb`'s clause that say "together with": on the verb or its
    subject, directly or through "together", "jointly" or "in <partnership> with". "Along with" and
    "alongside" count only before the trigger: after what is acted on they may add to it ("tariffs on
    China, along with Mexico")."""
    out = []
    for t in verb.subtree:
        if t.dep_ != "prep" or t.lower_ not in ("with", "alongside"):
            continue
        before = t.doc[t.i - 1] if t.i > 0 else None
        joint_noun = (before is not None and before.lemma_.lower() in W["joint_nouns"] and before.i > 0
                      and t.doc[before.i - 1].lower_ == "in")
        if t.lower_ == "with" and not (before is not None and before.lower_ in W["joint_adverbs"] or joint_noun):
            continue
        loose = t.lower_ == "alongside" or (before is not None and before.lower_ == "along")
        if loose and t.i > trigger.i:
            continue
        if _in_own_clause(t, verb):
            out.append(t)
    return out


def _in_own_clause(t: Any, verb: Any) -> bool:
    """Whether the phrase hangs from `verb` or from its subject, through "together", "jointly", "along" or
    "in <partnership>" at most: not from what the verb acts on."""
    x = t
    for _ in range(3):
        head = x.head
        if head.i == x.i or not (head.lower_ in W["joint_adverbs"] or head.lemma_.lower() in W["joint_nouns"]
                                 or (head.lower_ == "in" and x.lemma_.lower() in W["joint_nouns"])):
            break
        x = head
    if x.head.i == verb.i:
        return True
    subject = x.head
    return subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i == verb.i


def co_doer_copies(c: Candidate, ev: Any) -> list[Any]:
    """parties.co_doers: a copy of the event for each state a "together with" phrase of its clause names."""
    if ev.target_actor is None or ev.source_actor is None or ev.target == ev.source:
        return []
    tok = c.tok
    verb = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "pobj") else tok
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "continued to impose ...": the clause of the finite verb
    seen, out = {ev.source, ev.target}, []
    for prep in _joint_phrases(verb, tok):
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        for obj in objects + [cj for o in objects for cj in o.conjuncts]:
            m = syntax.actor_of(obj, c.actors)
            if m is None or not is_state_mention(m) or m.country in seen:
                continue
            seen.add(m.country)
            out.append(dataclasses.replace(ev, source=m.country, source_actor=m.actor_code, source_name=mention_name(m),
                                           event_id=derived_id(ev, RULE, m.country)))
    return out


# the copies fellow doers make (run by the coder after the rules, with events/groups.py's)
CODOER_COPIES = [(RULE, co_doer_copies)]
