"""Talks whose partner the parser hangs inside the topic, kept beside events/roles.py (which holds the topic
rules, roles.topic_of_talk) so that each module stays short.

- talks.topic_partner: talks on a state's affairs whose "with" phrase the parser attaches to the topic rather
  than to the verb ("China discussed the war in Ukraine with India") are talks with the state of that phrase, not
  with the state the topic names: the candidate is aimed at the partner (roles.topic_of_talk then leaves it be),
  and the partner's act back is copied after the rules (`TALK_COPIES`, as a "with" phrase of the verb gives
  one event each way, events/pairs.py);
- talks.with_partner: the state of a "with" phrase of the act itself ("Peru and Chile held talks with Brazil",
  "met with Brazil") is a partner of each state of the subject, though a place of it may be named too: the rule
  marks the candidate so that roles.topic_of_pair (which drops a target outside a coordinated subject) leaves it be. A "with" phrase of
  "discuss" or "debate" with an object of its own ("discussed trade with Brazil") may be the topic's and is left
  to roles.topic_of_pair;
- talks.exchange: a one-sided act that two states are said to exchange ("Peru and Chile exchanged accusations",
  "traded threats"; `exchange_lemmas` in data/rules/talks.json) is done by each to the other: a candidate of one
  of them with no target is aimed at the other (a symmetric act is already coded each way, events/pairs.py);
- talks.joint_meeting: a meeting or call with two or three states at once ("Biden met with President Yoon of Korea
  and Prime Minister Kishida of Japan", "spoke with the leaders of Chile and Peru") is a meeting of each of them
  with each other too: the codebook codes talks once per pair of their parties. One copy per pair of the states
  the verb meets, made from the event aimed at the first of them; not where the meetings were apart ("met
  separately with ...", "respectively"), nor for more than `max_joint_partners` states ("met with ambassadors
  from Argentina, Austria, Brazil, ...": a gathering, not talks between each pair of them).
"""

from __future__ import annotations

import dataclasses
from itertools import combinations
from typing import Any

from multipolar.events import syntax
from multipolar.events.rulebook import (
    Candidate,
    Rule,
    aimed_at,
    derived_id,
    is_state_mention,
    mention_name,
    mention_tokens,
    words,
)

W = words("roles")
TW = words("talks")

RULE = "talks.topic_partner"


def topic_tokens(tok) -> set[int]:
    """Token indices of what a verb of talking says it is about (its about/on phrase, the object of "discuss")."""
    topic = {g.i for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in W["topic_preps"] for g in ch.subtree}
    if tok.lemma_.lower() in W["topic_object_lemmas"]:
        topic |= {g.i for ch in tok.children if ch.dep_ == "dobj" for g in ch.subtree}
    return topic


def _partner(c: Candidate, topic: set[int]) -> Any | None:
    """The one state mention of the object of a "with" phrase inside the topic, other than the source's."""
    ev = c.event
    found = []
    for i in sorted(topic):
        t = c.doc[i]
        if t.dep_ != "prep" or t.lower_ != "with":
            continue
        for obj in (p for p in t.children if p.dep_ == "pobj"):
            m = c.actors.get(obj.i)
            if m is not None and m.country not in (ev.source, ev.target) and len(m.country) == 3:
                found.append(m)
    return found[0] if len({m.country for m in found}) == 1 else None


def topic_partner(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root != "04" or ev.target_actor is None or tok.pos_ != "VERB" or tok.lemma_.lower() not in W["talk_lemmas"]:
        return None
    topic = topic_tokens(tok)
    named = mention_tokens(c, ev.target_actor)
    if not named or not all(t.i in topic for t in named):
        return None
    partner = _partner(c, topic)
    return aimed_at(ev, partner) if partner is not None else None


def partner_back(c: Candidate, ev: Any) -> Any | None:
    """talks.topic_partner: the partner's talks back with the source (a copy made after the rules)."""
    if RULE not in c.fired or ev.target_actor is None or ev.root != "04":
        return None
    src = next((m for t in c.sent if (m := c.actors.get(t.i)) is not None and m.actor_code == ev.source_actor), None)
    return dataclasses.replace(ev, source=ev.target, source_actor=ev.target_actor, source_name=ev.target_name,
                               target=ev.source, target_actor=ev.source_actor,
                               target_name=mention_name(src) if src is not None else ev.source_name,
                               event_id=derived_id(ev, RULE))


def with_partner(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root not in W["mutual_roots"] or ev.target_actor is None or tok.pos_ != "VERB":
        return None
    if tok.lemma_.lower() in W["topic_object_lemmas"] and any(ch.dep_ == "dobj" for ch in tok.children):
        return None
    if len({m.actor_code[:3] for m in syntax.subjects(tok, c.actors)[0]}) < 2:  # one subject: no pair to keep it from
        return None
    heads = [tok, *(ch for ch in tok.children if ch.dep_ == "dobj" and ch.i not in c.actors)]
    partner = {g.i for h in heads for ch in h.children if ch.dep_ == "prep" and ch.lower_ == "with"
               for g in ch.subtree}
    named = mention_tokens(c, ev.target_actor)
    return ev if any(t.i in partner for t in named) else None  # named there, though maybe a place too


def exchange(c: Candidate):
    ev, tok = c.event, c.tok
    # the trigger is the object ("exchanged threats") or, for a pattern of the lexicon, the verb itself
    verb = tok if tok.pos_ == "VERB" and any(ch.dep_ == "dobj" for ch in tok.children) else tok.head
    if (ev.target_actor is not None or (verb is not tok and tok.dep_ != "dobj")
            or verb.lemma_.lower() not in TW["exchange_lemmas"]):
        return None
    subjects = [m for m in syntax.subjects(verb, c.actors)[0] if is_state_mention(m)]
    others = {m.country: m for m in subjects if m.country != ev.source}
    if ev.source not in {m.country for m in subjects} or len(others) != 1:
        return None
    return aimed_at(ev, next(iter(others.values())))


def joint_meeting(c: Candidate, ev: Any) -> list[Any]:
    """talks.joint_meeting: each pair of the states a meeting verb meets at once, made from the event aimed at the
    first of them (a copy made after the rules)."""
    tok = c.tok
    if (ev.root != "04" or ev.target_actor is None or tok.pos_ != "VERB" or tok.lemma_.lower() not in TW["joint_lemmas"]
            or any(t.lower_ in TW["apart_words"] for t in c.sent)):
        return []
    partners: dict[str, Any] = {}
    for m in syntax.objects(tok, c.actors)[0]:
        if is_state_mention(m) and m.country != ev.source and not _place(c.doc[m.start]):
            partners.setdefault(m.country, m)
    if not 2 <= len(partners) <= TW["max_joint_partners"] or next(iter(partners)) != ev.target:
        return []  # a meeting with a long list of states is a conference, not a talk of each pair
    return [dataclasses.replace(ev, source=a.country, source_actor=a.actor_code, source_name=mention_name(a),
                                target=b.country, target_actor=b.actor_code, target_name=mention_name(b),
                                event_id=derived_id(ev, JOINT, a.country, b.country))
            for a, b in combinations(partners.values(), 2)]


def _place(tok) -> bool:
    """Whether a mention's first word names where the meeting was ("in Rome, Italy", "in Geneva"), not who met."""
    head = tok
    while head.dep_ in ("compound", "appos", "conj") and head.head is not head and head.head.pos_ == "PROPN":
        head = head.head
    return syntax.place_country(tok) or (head.dep_ == "pobj" and head.head.lower_ in W["place_preps"])


JOINT = "talks.joint_meeting"
RULES = [Rule(RULE, topic_partner), Rule("talks.with_partner", with_partner), Rule("talks.exchange", exchange)]
# the copies the rule's talks make (run by the coder after the rules)
TALK_COPIES = [(RULE, partner_back)]
MEETING_COPIES = [(JOINT, joint_meeting)]
