"""The anaphora rules of pair phrases ("the two leaders", "both sides"), kept beside events/anaphora.py (which
resolves the phrases to their pairs, `resolve`) so that each module stays short; the rule names are anaphora's:

- anaphora.pair_partner: the act of a pair phrase's first state is aimed at its second, unless the pair is
  what the act is aimed at; a mutual act, or one the pair does "together", is aimed at the second even where
  the coder found another state in the phrase;
- anaphora.pair_both, pair_object, pair_each_other, pair_mutual: the copies an act of (or at) a pair phrase
  makes (`PAIR_COPIES`, run by the coder after the rules), each described at its function;
- anaphora.state_pronoun: a pronoun ("he", "they", "both", "it") stands for a state in an act between states: a
  pronoun that `resolve` gave an armed group or other non-state actor ("Hamas", codes.is_state) gives no act
  toward, or from, a state of another country ("Israel and Hamas held talks. They criticized Qatar" is
  Israel's criticism only): of a pair, the state of the two takes the act and no copy is made for the other;
  a lone non-state the pronoun stands for drops the act.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from multipolar.codes import is_state
from multipolar.events.pairs import is_symmetric
from multipolar.events.rulebook import DROP, Candidate, derived_id, mention_tokens, words

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
        if ev.target is None or ev.target == ev.source or (
                (_mutual(ev) or _together(c)) and ev.target != second.country):
            return dataclasses.replace(ev, target=second.country, target_actor=second.actor_code,
                                       target_name=second.person)
    return None


def _mutual(ev: Any) -> bool:
    return ev.root in W["mutual_roots"] or ev.cameo in W["mutual_codes"]


def _together(c: Candidate) -> bool:
    """An act the pair does together ("both leaders committed to working closely together to address the
    programs of North Korea"): "together" on the trigger or on a verb it governs, within three steps. The
    pair's second is then the partner, not a state named further on."""
    for t in c.sent:
        if t.lower_ not in W["together_words"] or t.dep_ != "advmod":
            continue
        x = t.head
        for _ in range(3):
            if x.i == c.tok.i:
                return True
            if x.head.i == x.i:
                break
            x = x.head
    return False


def _second_of_pair(c: Candidate, actor_code: str | None, other: str | None) -> Any | None:
    """The second of a pair phrase in the candidate's sentence whose first is `actor_code` and whose mention
    is the candidate's, when the act's other party `other` is neither of the pair; else None."""
    for i, (first, second) in c.pairs.items():
        if not c.sent.start <= i < c.sent.end or actor_code != first.actor_code:
            continue
        if other in (first.country, second.country) or i not in {t.i for t in mention_tokens(c, first.actor_code)}:
            continue
        if _non_state_for_state(c.doc[i], second.actor_code, other):
            continue  # anaphora.state_pronoun: "they" of Israel and Hamas toward Qatar is Israel's act only
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


_PRONOUNS = W["pronouns"] | W["plural_pronouns"] | W["pair_pronouns"] | W["neuter_pronouns"] | W["object_pronouns"]


def _non_state_for_state(tok: Token, actor_code: str | None, other: str | None) -> bool:
    """Whether a pronoun `tok` stands for a non-state actor in an act whose other party `other` is a state of
    another country (anaphora.state_pronoun)."""
    return (tok.lower_ in _PRONOUNS and bool(actor_code) and not is_state(actor_code) and is_state(other)
            and (actor_code or "")[:3] != (other or "")[:3])


def state_pronoun(c: Candidate):
    ev = c.event
    for code, other, role in ((ev.source_actor, ev.target_actor, "source"), (ev.target_actor, ev.source_actor, "target")):
        toks = [t for t in mention_tokens(c, code) if c.actors[t.i].start == t.i] if code else []
        if not toks or not all(_non_state_for_state(t, code, other) for t in toks):
            continue
        pair = next((c.pairs[t.i] for t in toks if t.i in c.pairs), None)
        if pair is not None and is_state(pair[1].actor_code) and pair[1].country != (other or "")[:3]:
            second = pair[1]  # "they" of Hamas and Israel: Israel's act
            return dataclasses.replace(ev, **{role: second.country, f"{role}_actor": second.actor_code,
                                              f"{role}_name": second.person},
                                       event_id=derived_id(ev, "state_pronoun", second.actor_code))
        return DROP
    return None
