"""Whom an act that names no one is aimed at, rules of the roles family (run from events/roles.py's RULES):

- roles.place_of_assault: force used by a state that names no one it is aimed at, where the sentence says
  it happened in another country ("continued its offensive in eastern Ukraine", "shelling killed three
  civilians in Kherson", "a drone strike sparked a fire at a depot in Russia"), is aimed at that country
  (as a show of force is, events/pairs.py);
- roles.response_target: an act that names no one it is aimed at, done "in response to" or "in retaliation
  for" another state's act, is aimed at that state ("China announced export controls in response to
  American tariffs" is China against the US);
- roles.condemned_victim: condemning or protesting an attack names its victim in the attack's own phrase
  ("condemned the attack on Somalia's parliament", "denounced the bombing of the Pakistani embassy in Kabul",
  "condemns today's attack against Abha in Saudi Arabia"): the victim is not who is blamed. The criticism is
  aimed at the attacker where the phrase names one ("the attack on Qatar by Israel"), else it names no state
  it blames and is dropped ("the Russian attack on Ukraine" was aimed at Russia all along);
- roles.weapon_owner: a killing whose doer only stands in (no subject of its own: "Venezuela says 40 killed in
  US attack") and whose target is the state that owns the weapon or attack it names ("in US attack") is that
  state's act: the owner becomes the source, the stand-in (here the state telling of its dead) the target.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from multipolar.events import syntax
from multipolar.events.pairs import carriers, occasion_weapon, owner_of_weapon, prep_objects, weapon_of
from multipolar.events.rulebook import DROP, Candidate, aimed_at, mention_name, mention_tokens, words

W = words("roles")


def is_state(m: Any) -> bool:
    """Whether a mention names a state itself (its code is its country's), no IGO or NGO."""
    country = m.actor_code[:3]
    return country.isalpha() and country == m.country and not m.actor_code.startswith(("IGO", "NGO"))


def _where(c: Candidate) -> Any | None:
    """The state named as where the candidate's act happened: "in"/"near" on the trigger, on the verb that
    carries a noun trigger or that it is the subject of, on a participle clause of either, or on the object
    of those ("..., killing 12 people in Kharkiv", "sparked a fire at a depot in Russia")."""
    holders = carriers(c.tok)
    if c.tok.pos_ in ("NOUN", "PROPN") and c.tok.dep_ == "nsubj":
        holders.append(c.tok.head)  # "a drone strike hit a depot in ...": what the act did, and where
    holders += [ch for h in holders for ch in h.children if ch.dep_ in W["participle_deps"] and ch.tag_ == "VBG"]
    holders += [ch for h in holders[1:] for ch in h.children if ch.dep_ == "dobj"]  # "killing 12 people in Kharkiv"
    holders += [g for h in holders[1:] for p in h.children if p.dep_ == "prep" and p.lower_ in ("at", "on")
                for g in p.children if g.dep_ == "pobj"]  # "sparked a fire at an oil depot in Russia's south"
    for obj in prep_objects(holders, W["place_preps"]):
        m = syntax.actor_of(obj, c.actors)
        if m is not None and is_state(m):
            return m
    return None


def place_of_assault(c: Candidate):
    ev = c.event
    if ev.root not in W["assault_roots"] or (ev.target is not None and ev.target != ev.source):
        return None
    where = _where(c)
    if where is None or where.country == ev.source:
        return None
    return dataclasses.replace(ev, target=where.country, target_actor=where.country, target_name=mention_name(where))


def _answered(c: Candidate) -> Any | None:
    """The state whose act the candidate's trigger (or a head above it in its clause) answers: the actor
    of the phrase after "in response to", "in retaliation for", "as a reaction to" hanging from it."""
    heads = [c.tok]
    x = c.tok
    for _ in range(4):
        if x.head.i == x.i or x.dep_ in W["clause_deps"]:
            break
        x = x.head
        heads.append(x)
    for head in heads:
        for noun in _direct_pobjs(head, W["response_preps"]):
            if noun.lemma_.lower() not in W["response_nouns"]:
                continue
            for obj in _direct_pobjs(noun, W["response_inner_preps"]):
                m = syntax.actor_of(obj, c.actors)
                if m is not None and is_state(m):
                    return m
    return None


def _direct_pobjs(tok: Any, preps: Any) -> list[Any]:
    """The objects of the prepositions `preps` hanging directly from `tok` (no compound prepositions)."""
    return [obj for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in preps
            for obj in prep.children if obj.dep_ == "pobj"]


def response_target(c: Candidate):
    ev = c.event
    if ev.target is not None and ev.target != ev.source:
        return None
    answered = _answered(c)
    if answered is None or answered.actor_code[:3] == ev.source:
        return None
    return dataclasses.replace(ev, target=answered.actor_code[:3], target_actor=answered.actor_code,
                               target_name=mention_name(answered))


def condemned_victim(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root not in W["condemn_roots"] or ev.target_actor is None or tok.pos_ != "VERB":
        return None
    objects = [ch for ch in tok.children if ch.dep_ == "dobj"]
    objects += [g for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in ("against", "over")
                for g in ch.children if g.dep_ == "pobj"]  # "protested against the raid on its embassy"
    objects += [cj for o in objects for cj in o.conjuncts]
    named = {t.i for t in mention_tokens(c, ev.target_actor)}
    for noun in objects:
        if noun.lemma_.lower() not in W["force_nouns"] or not named:
            continue
        victims = {t.i for p in prep_objects([noun], W["victim_preps"]) for t in p.subtree}
        if not named <= victims:
            continue
        for agent in _direct_pobjs(noun, ("by",)) + [g for a in noun.children if a.dep_ == "agent" for g in a.children]:
            m = syntax.actor_of(agent, c.actors)
            if m is not None and is_state(m) and m.country != ev.source:
                return aimed_at(ev, m)  # "the attack on Qatar by Israel"
        return DROP
    return None


def weapon_owner(c: Candidate):
    ev, tok = c.event, c.tok
    if not c.guessed_source or ev.root not in W["assault_roots"] or ev.target_actor is None or tok.pos_ != "VERB":
        return None
    weapon = weapon_of(tok) or occasion_weapon(tok)
    owner = owner_of_weapon(weapon, c.actors) if weapon is not None else None
    if owner is None or owner.country != ev.target or owner.country == ev.source:
        return None
    return dataclasses.replace(ev, source=ev.target, source_actor=ev.target_actor, source_name=ev.target_name,
                               target=ev.source, target_actor=ev.source_actor, target_name=ev.source_name)
