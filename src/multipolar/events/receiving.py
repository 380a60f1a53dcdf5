"""Acts told from the receiving side: "Armenia received aid from France", "Kenya obtained a loan from China"
(the giver acts, on the receiver; rule roles.received_message: a letter or message received from a state is
its sender's consultation), and rule roles.received_thing (a thing received from a state that no entry
codes is no visit by the giver). Used by events/arguments.py. Rule roles.received_act (run from events/roles.py):
an act named by a noun that a state "gets" or "receives" from another ("Venezuela's new leader gets a warning from
Trump", "received an invitation from Beijing") is the giver's act toward the receiver, not the receiver's. Rule
roles.released_from: a passive release with no agent is done by the state of its "from" phrase; and the recipient
of a handover noun whose "to" phrase the parser hung on the verb (triggers.handover_noun, `handover_recipient`).
From the giving side, for a verb of giving with no target of its own: rule roles.support_recipient (the state of
its "in support of/for" phrase) and rule roles.gift_recipient (the state of the "to"/"for" phrase on what it gives).
Rule roles.thing_origin (`thing_origin`): the state that qualifies weapons a handover noun hands over ("deliveries
of American weapons", "received a shipment of US missiles") is no recipient, and with no giver named, the giver."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from multipolar.events import syntax
from multipolar.events.pairs import prep_objects
from multipolar.events.rulebook import Candidate, clause_verb, is_state_mention, mention_name, words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from multipolar.events.lexicon import Lexicon, LexiconEntry
    from multipolar.events.ontology import Ontology

W = words("roles")
RECEIVE_LEMMAS = {"receive", "get", "obtain", "accept", "win", "secure"}


def received(tok: Token, actors: syntax.Actors, *, lexicon: Lexicon,
             ontology: Ontology) -> tuple[str, Any, bool, bool] | None:
    """(code, giver, whether the thing is a message, whether the giver qualifies the thing: rule roles.thing_origin)
    of "received/obtained N from X" or "received a shipment of X's weapons" where the thing received names an act
    the lexicon codes ("weapons" 072, "assurances" 031) or is a message: X did it to the receiver."""
    if tok.lemma_.lower() not in RECEIVE_LEMMAS:
        return None
    things = [c for c in tok.children if c.dep_ == "dobj" and c.i not in actors]
    found = givers(tok, things[:1], actors) if things else []
    origin = not found and bool(things)
    if origin:
        found = thing_origin(things[0], actors)  # "received a shipment of US missiles" (rule roles.thing_origin)
    if not found:
        return None
    entry = lexicon.match(things[0]) or handover_entry(things[0], lexicon)
    if entry is None and things[0].lemma_.lower() in W["message_nouns"]:
        # rule roles.received_message: "Seoul received a letter from Pyongyang": the sender consulted it
        return (W["message_code"], found[0], True, origin) if W["message_code"] in ontology else None
    if entry is None or entry.frame is not None or entry.cameo not in ontology:
        return None
    return entry.cameo, found[0], False, origin


def thing_received(verb: Token, ttoks: list[Token], actors: syntax.Actors) -> bool:
    """Rule roles.received_thing: "Venezuela received fighter jets from Russia": the state a receiving verb
    has in its "from" phrase gave a thing, the verb's object, that is no person or group and no act the lexicon
    codes (`received` codes those: "received weapons from"); the giver is no guest of a visit, so the verb
    is no act to code."""
    if verb.lemma_.lower() not in RECEIVE_LEMMAS or not ttoks or ttoks[0].head.lower_ != "from":
        return False
    things = [c for c in verb.children if c.dep_ == "dobj"]
    people = W["listed_heads"]
    return bool(things) and all(t.pos_ == "NOUN" and t.i not in actors and t.ent_type_ not in ("PERSON", "NORP")
                                and t.lemma_.lower() not in people for t in things)


def givers(verb: Token, things: list[Token], actors: syntax.Actors) -> list[Any]:
    """The actors of "from X" on a verb of receiving or on the thing received ("assurances from Kyiv")."""
    found = (syntax.actor_of(o, actors) for o in prep_objects([verb, *things], ("from",)))
    return [g for g in found if g is not None]


def received_act(c: Candidate):
    ev, tok = c.event, c.tok
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in RECEIVE_LEMMAS:
        verb = tok.head
    elif tok.pos_ == "VERB" and any(ch.dep_ == "aux" and ch.lemma_.lower() in RECEIVE_LEMMAS for ch in tok.children):
        verb = tok  # a headline's "gets warning from Trump", parsed as a progressive "gets warning"
    else:
        return None
    found = [g for g in givers(verb, [tok], c.actors) if g.country != ev.source]
    receivers = syntax.subjects(verb, c.actors)[0]
    if not found or not receivers or ev.source not in {r.country for r in receivers}:
        return None
    giver, receiver = found[0], receivers[0]
    if giver.country == receiver.country:
        return None
    return dataclasses.replace(ev, source=giver.country, source_actor=giver.actor_code, source_name=mention_name(giver),
                               target=receiver.country, target_actor=receiver.actor_code,
                               target_name=mention_name(receiver))


def handover_recipient(noun: Token, actors: syntax.Actors) -> tuple[list[Any], list[Token]]:
    """(recipients, tokens) of a noun that hands a weapon over (rule triggers.handover_noun) whose "to" phrase the
    parser hung on the verb right after the noun's phrase ("denounced Iran's supply of drones to Russia")."""
    if noun.dep_ not in ("dobj", "nsubjpass"):
        return [], []
    for c in noun.head.children:
        if c.dep_ == "prep" and c.lower_ == "to" and c.i == noun.right_edge.i + 1:
            pobjs = [p for p in c.children if p.dep_ == "pobj"]
            return [m for p in pobjs for m in syntax.actors_of(p, actors)], pobjs
    return [], []


YIELD_ROOT = "08"


def released_from(verb: Token, actors: syntax.Actors) -> Any | None:
    """Rule roles.released_from: who released those a passive names with no agent ("ten Americans were released
    from a Venezuelan prison", "freed from Russian captivity"): the state of the "from" phrase."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
        for p in (g for g in prep.children if g.dep_ == "pobj"):
            m = syntax.actor_of(p, actors)
            if m is not None and is_state_mention(m):
                return m
    return None


# things that are aid only when handed over: "sent weapons to Ukraine", "arms deliveries to Kyiv"
TRANSFERRED_NOUNS = {"weapon", "arms", "ammunition", "missile", "peacekeeper", "drone", "shell", "munition", "interceptor"}


# rule triggers.handover_noun: a weapon handed over inside a noun's phrase ("Iran's transfer of drones to Russia",
# "weapons deliveries to Kyiv") is the handover noun's act: its own phrase names who gives and who gets
HANDOVER_NOUNS = {"transfer", "delivery", "shipment", "supply", "provision", "sale"}


def handover_holder(tok: Token) -> Token | None:
    """The noun that hands a weapon over, when the weapon is its "of" object or its modifier ("the transfer of
    missiles", "weapons deliveries"); None for any other weapon."""
    if tok.pos_ != "NOUN" or not {tok.lemma_.lower(), tok.lower_} & TRANSFERRED_NOUNS:
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif tok.dep_ != "compound":
        return None
    return head if head.pos_ == "NOUN" and head.lemma_.lower() in HANDOVER_NOUNS else None


def handed_over(noun: Token) -> list[Token]:
    """The weapons this noun hands over (rule triggers.handover_noun): those `handover_holder` gives it."""
    return [w for w in noun.subtree if (holder := handover_holder(w)) is not None and holder.i == noun.i]


def thing_origin(noun: Token, actors: syntax.Actors) -> list[Any]:
    """Rule roles.thing_origin: the states that qualify the weapons a handover noun hands over ("deliveries of
    American weapons", "a shipment of US missiles"): with no giver named otherwise, they gave them."""
    return [actors[c.i] for w in handed_over(noun) for c in w.children
            if c.dep_ in ("amod", "compound", "nmod") and c.i in actors and is_state_mention(actors[c.i])]


def noun_recipients(noun: Token, actors: syntax.Actors) -> list[Any]:
    """The actors of a handover noun's own "to" phrase ("the transfer of drones to Sudan")."""
    return [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"
            for p in syntax.pobjs_of(c) for m in syntax.actors_of(p, actors)]


def clause_subjects(noun: Token, actors: syntax.Actors, *, exclude: list[Any]) -> list[Any]:
    """The subjects of the nearest verb above a noun ("Kyiv held the line thanks to deliveries of ..."), other
    than the states of `exclude`."""
    verb = clause_verb(noun)
    own = {x.country for x in exclude}
    return [] if verb is None else [t for t in syntax.subjects(verb, actors)[0] if t.country not in own]


def handover_entry(noun: Token, lexicon: Lexicon) -> LexiconEntry | None:
    """The lexicon entry of a weapon this noun hands over (rule triggers.handover_noun), or None."""
    return next((entry for w in handed_over(noun) if (entry := lexicon.match(w)) is not None), None)


SUPPORT_NOUNS = frozenset({"support", "aid", "assistance", "help", "solidarity"})


def support_recipient(verb: Token, actors: syntax.Actors) -> tuple[list[Any], list[Token]]:
    """Rule roles.support_recipient: whom a verb of giving helps when only an "in support of/for" phrase names it
    ("will provide 20 billion dollars in support for Ukraine", "sent engineers in aid to Chile"): that phrase's
    states; ([], []) when there is none."""
    for noun in prep_objects([verb], ("in",)):
        if noun.lemma_.lower() in SUPPORT_NOUNS:
            objs = list(prep_objects([noun], ("of", "for", "to")))
            found = [m for o in objs for m in syntax.actors_of(o, actors, listed=True)]
            if found:
                return found, objs
    return [], []


# rule roles.gift_recipient: the nouns a given thing may sit under as an amount or a kind ("53 million dollars in
# equipment", "billions of dollars of aid", "a package of weapons")
GIFT_LINKS = ("in", "of", "worth")


def gift_recipient(verb: Token, actors: syntax.Actors) -> tuple[list[Any], list[Token]]:
    """Rule roles.gift_recipient: a verb of giving with no target of its own gives to the state of the "to" or
    "for" phrase the parser hung on what it gives ("is providing $53 million in grid equipment to Ukraine",
    "sent tanks for Kyiv's army"): that phrase's states; ([], []) when there is none."""
    things = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM")]
    things += list(prep_objects([verb], ("in",)))  # "providing $53 million in equipment": the parse's "in" on the verb
    for _ in range(2):  # the amount, then what it is an amount of
        things += [o for o in prep_objects(things, GIFT_LINKS) if o not in things]
    objs = [o for o in prep_objects(things, ("to", "for")) if o.i not in {t.i for t in things}]
    found = [m for o in objs for m in syntax.actors_of(o, actors, listed=True) if is_state_mention(m)]
    return (found, objs) if found else ([], [])
