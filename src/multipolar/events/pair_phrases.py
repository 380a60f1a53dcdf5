"""The anaphora rules of pair phrases ("the two leaders", "both sides"), kept beside events/anaphora.py (which
resolves the phrases to their pairs, `resolve`) so that each module stays short; the rule names are anaphora's:

- anaphora.pair_partner: the act of a pair phrase's first state is aimed at its second, unless the pair is
  what the act is aimed at;
- anaphora.pair_both, pair_object, pair_each_other, pair_mutual: the copies an act of (or at) a pair phrase
  makes (`PAIR_COPIES`, run by the coder after the rules), each described at its function.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from multipolar.events.pairs import is_symmetric
from multipolar.events.rulebook import Candidate, derived_id, mention_tokens, words

if TYPE_CHECKING:
    from spacy.tokens import Token

W = words("anaphora")


def _object_of(tok: Token, trigger: Token) -> bool:
    """Whether `tok` sits in an object or a prepositional phrase of `trigger` ("spoke with the two leaders")."""
    for c in trigger.children:
        if c.dep_ in ("dobj", "dative", "prep", "pobj") and c.left_edge.i <= tok.i <= c.right_edge.i:
            return True
    return False


def pair_partner(c: Candidate):
    ev = c.event
    for i, (first, second) in c.pairs.items():
        if not c.sent.start <= i < c.sent.end or ev.source_actor != first.actor_code:
            continue
        if _object_of(c.doc[i], c.tok):
            continue  # the pair is what the act is aimed at (anaphora.pair_object), not who does it
        if ev.target is None or ev.target == ev.source or (_mutual(ev) and ev.target != second.country):
            return dataclasses.replace(ev, target=second.country, target_actor=second.actor_code,
                                       target_name=second.person)
    return None


def _mutual(ev: Any) -> bool:
    return ev.root in W["mutual_roots"] or ev.cameo in W["mutual_codes"]


def _second_of_pair(c: Candidate, actor_code: str | None, other: str | None) -> Any | None:
    """The second of a pair phrase in the candidate's sentence whose first is `actor_code` and whose mention
    is the candidate's, when the act's other party `other` is neither of the pair; else None."""
    for i, (first, second) in c.pairs.items():
        if not c.sent.start <= i < c.sent.end or actor_code != first.actor_code:
            continue
        if other in (first.country, second.country) or i not in {t.i for t in mention_tokens(c, first.actor_code)}:
            continue
        return second
    return None


def both_of_pair(c: Candidate, ev: Any) -> Any | None:
    """anaphora.pair_both: the act of "the two leaders" aimed at a third state, with the pair's second as
    source (the first is the source of `ev`); None when `ev` is no such act."""
    second = _second_of_pair(c, ev.source_actor, ev.target) if ev.target is not None else None
    if second is None:
        return None
    return dataclasses.replace(ev, source=second.country, source_actor=second.actor_code,
                               source_name=second.person, event_id=derived_id(ev, "pair_both", second.actor_code))


def object_of_pair(c: Candidate, ev: Any) -> Any | None:
    """anaphora.pair_object: an act of a third state aimed at a pair phrase ("urged both sides to talk", "spoke
    with the two countries' leaders") is aimed at both: a copy of it with the pair's second as target (the
    first is the target of `ev`); None when `ev` is no such act."""
    if ev.target_actor is None or ev.source is None:
        return None
    second = _second_of_pair(c, ev.target_actor, ev.source)
    if second is None:
        return None
    return dataclasses.replace(ev, target=second.country, target_actor=second.actor_code,
                               target_name=second.person, event_id=derived_id(ev, "pair_object", second.actor_code))


def each_other(c: Candidate, ev: Any) -> Any | None:
    """anaphora.pair_each_other: an act of a pair phrase aimed at "each other" or "one another" ("both sides
    accused each other of breaking the truce") is done each way: a copy of it from the second to the first;
    None when `ev` is no such act, or a mutual one (one per pair is how the codebook counts those)."""
    if ev.target is None or _mutual(ev) or not any(
            t.lower_ in W["reciprocal_words"] and t.head.i in (c.tok.i, *(h.i for h in c.tok.children))
            for t in c.sent):
        return None
    for i, (first, second) in c.pairs.items():
        if not c.sent.start <= i < c.sent.end:
            continue
        if (ev.source_actor, ev.target) == (first.actor_code, second.country):
            return dataclasses.replace(ev, source=second.country, source_actor=second.actor_code,
                                       source_name=second.person, target=first.country, target_actor=first.actor_code,
                                       target_name=first.person, event_id=derived_id(ev, "pair_each_other"))
    return None


def mutual_of_pair(c: Candidate, ev: Any) -> Any | None:
    """anaphora.pair_mutual: a symmetric act (events/pairs.py `is_symmetric`: talks, an agreement, cooperation, an
    exchange of prisoners, fighting) of a pair phrase with each other ("the two countries signed a treaty", "both
    sides exchanged prisoners") is done by both, as a coordinated subject's is ("A and B signed a treaty"): a copy
    of it from the second to the first; None when `ev` is no such act."""
    if ev.target is None or not is_symmetric(ev.cameo):
        return None
    for i, (first, second) in c.pairs.items():
        if not c.sent.start <= i < c.sent.end or _object_of(c.doc[i], c.tok):
            continue
        if (ev.source_actor, ev.target) == (first.actor_code, second.country) and i in {
                t.i for t in mention_tokens(c, first.actor_code)}:
            return dataclasses.replace(ev, source=second.country, source_actor=second.actor_code,
                                       source_name=second.person, target=first.country, target_actor=first.actor_code,
                                       target_name=first.person, event_id=derived_id(ev, "pair_mutual"))
    return None


# the copies an act of (or at) a pair phrase makes, each with its rule (run by the coder after the rules)
PAIR_COPIES = [("anaphora.pair_both", both_of_pair), ("anaphora.pair_object", object_of_pair),
               ("anaphora.pair_each_other", each_other), ("anaphora.pair_mutual", mutual_of_pair)]
