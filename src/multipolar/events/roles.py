"""Role rules: which mention may be a candidate's source.

Words in data/rules/roles.json.
- roles.source_in_object: a verb's source is never the possessor of what the verb acts on ("the
  Treasury sanctioned Russia's largest oil firms" gives Russia no act);
- roles.topic_of_pair: two parties who meet or talk act toward each other, not toward a third state
  they talk about ("Putin and Xi discussed their approach to Washington" is no consultation with the US);
  a third state named only as where they meet ("held talks in Stockholm") is the host: each acts toward the other;
- roles.topic_of_talk: a state named only as what someone talks about ("we are going to talk about China",
  "Rubio spoke about Venezuela", "Biden discussed Russia's war", "began discussions with the team about Gaza"),
  in the "about"/"on" phrase of a verb or noun of talking or as the object of "discuss", is the topic, not a
  party consulted (codebook: a topic is no event);
  a partner the verb names ("spoke with Macron about Ukraine") is coded as before; the talks of a small club
  (events/groups.py: "the Quad leaders discussed Ukraine") lose the topic as target and are kept, for
  groups.pairwise to code among the members;
- roles.relatum_not_source: a state named as what the subject is related to ("Ukraine's allies", "US
  allies", "Russia's neighbours", "the critics of Israel") is not the one who acts: the candidate is dropped;
- roles.modifier_target: a noun of an act whose possessor names who acts and whose noun modifier names
  another state ("Trump's Venezuela strikes", "China's Taiwan drills") is aimed at the modifier's state;
  the modifier is not a second actor;
- roles.patient_noun: the owner of a noun of something done to someone ("Maduro's arrest", "the
  Maduro abduction") is who it was done to, not who did it, unless an "of" phrase names that ("Russia's
  detention of a journalist"): the owner becomes the target, the "by" agent the source, and with no
  agent there is no act; not for a headline's verb the parser read as a noun ("after US captures Maduro", read by
  headlines.present_act);
- roles.self_target: an act a state aims at itself where the phrase of what it acts on names another
  state as the doer ("Venezuela condemned Maduro's abduction by American troops") or the other party
  ("... dialogue with Washington") is aimed at that state;
- roles.place_not_source: a stand-in source that is only named as a place ("the embassy in Moscow was
  attacked", "as it flew over Lockerbie, Scotland, killing 270 people", a bombing "in Kandahar, Afghanistan"
  however the parser hangs the country: rule syntax.place_country) is no evidence of who acted: the
  candidate is dropped;
- roles.stand_in_modifier: where the trigger's verb (or the verb it is coordinated with) has a subject that
  names no actor, a stand-in source named only as the modifier of what another verb or preposition takes as
  its object ("we oppose Russian aggression and stand with Moldova", "the leaders condemned Iranian attacks and
  pledged support for Israel") is the doer of that other act, not of the trigger: the candidate is dropped;
- roles.stand_in_object: likewise, a stand-in source named only as what another verb or its preposition acts on
  ("we are inflicting pain on Russia and supporting the people of Ukraine") is acted on, not the doer: dropped
  (not under a third-person pronoun, which may stand for it: "support for Georgia as it defends ...");
  both read the subject of the verb whose infinitive the trigger is, where it has none of its own (rule
  roles.controlled_subject: "the ministers agreed to impose costs on Russia and to provide support for Ukraine");
- roles.received_act: in events/receiving.py ("gets a warning from Trump" is Trump's act);
- roles.place_of_assault, roles.response_target, roles.condemned_victim and roles.weapon_owner: in
  events/aims.py (whom an act that names no one is aimed at, whom it blames, who did it);
- roles.signed_instrument: signing a state's own instrument (an executive order, a proclamation, a bill) is
  no agreement with anyone: the act it orders ("signed an executive order imposing tariffs on Canadian
  imports") is the sentence's main act (events/clauses.py keeps it), and the signing is dropped;
- roles.apposition_relatum: the target of a tariff or sanction named only inside an apposition that describes another state
  ("raised tariffs on Peru, another buyer of Venezuelan oil") is what that state is described by, not the
  one acted on: the candidate is dropped (the described state's own reading stands);
- roles.proposed_act: an act in the clause that a verb of proposing or urging reports, whose own subject is
  neither the source nor a mention of its state ("proposed that the bloc place tariffs on Japan", "urged the
  alliance to sanction Japan"), is what the speaker asks others to do, not the speaker's act: dropped;
- roles.host_place: a target of a meeting, a deal or a summit called off that is named only as where it was
  held ("talks between Spanish and Chilean officials in Lisbon", "met on the sidelines of the summit of the
  African Union", "agreed on Vienna as the venue") is the host, not the counterpart: the act is aimed at the
  state its own "with"/"between" phrase names, else at another state among the clause's subjects
  ("American and Chinese negotiators held talks in Stockholm": each other), or dropped when it names none and
  the place is a venue or a city other than a seat of government ("met in Geneva"; "held talks in Beijing"
  may be a visit to its host and stays); a city other than a seat of government that only names the
  meeting or text ("recalling their Geneva meeting, the two sides agreed", "under the Geneva statement") is a
  venue in the same way;
- issuer.self_reference, issuer.official_title: an event whose source or target is the issuing government
  of an official statement, named by "I", "we", "my Administration", "this order" or by a title of its own
  offices ("the Secretary of Commerce"): the mentions are added by actors/issuer.py; these rules name them
  in the trace (`--explain`);
- actors.us_state: an event whose source or target is a US state whose name is also a country's ("Atlanta,
  Georgia"), read by actors/homonyms.py; this rule names it in the trace.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from multipolar.events import syntax
from multipolar.events.aims import condemned_victim, is_state, place_of_assault, response_target, weapon_owner
from multipolar.events.groups import is_pairwise_club
from multipolar.events.headlines import present_acts
from multipolar.events.pairs import carriers, prep_objects
from multipolar.events.receiving import received_act
from multipolar.events.rulebook import (
    DROP,
    Candidate,
    Rule,
    aimed_at,
    mention_kind,
    mention_name,
    mention_tokens,
    to_infinitive,
    words,
)
from multipolar.events.talks import topic_tokens

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
    listed = [m for m in syntax.subject_listed_states(c.tok, c.actors) if m.country == ev.target]  # syntax.subject_list
    countries = {m.actor_code[:3] for m in subjects + listed}
    if len(countries) >= 2 and ev.source in countries and ev.target not in countries and "talks.with_partner" not in c.fired:
        kinds = {_as_host(t, c.tok, c.actors) for t in mention_tokens(c, ev.target_actor)}
        partner = _other_state(subjects, ev)
        if kinds and kinds <= {"venue", "place"} and partner is not None:  # "... held talks in Stockholm": the host
            return aimed_at(ev, partner)
        return DROP
    return None


def topic_of_talk(c: Candidate):
    ev, tok = c.event, c.tok
    talk = (tok.pos_ == "VERB" and tok.lemma_.lower() in W["talk_lemmas"]) or (
        tok.pos_ == "NOUN" and tok.lemma_.lower() in W["talk_nouns"])  # "began discussions ... about Gaza"
    if ev.root != "04" or ev.target_actor is None or not talk:
        return None
    topic = topic_tokens(tok)
    named = mention_tokens(c, ev.target_actor)
    if named and all(t.i in topic for t in named) and not _pair_partner(c) and "talks.topic_partner" not in c.fired:
        if is_pairwise_club(ev.source_actor):  # "the Quad leaders discussed Ukraine": talks among the members
            return dataclasses.replace(ev, target=None, target_actor=None, target_name=None)
        return DROP
    return None


def _pair_partner(c: Candidate) -> bool:
    """Whether the target is the second of the pair a pair phrase or "they" in the sentence stands for, its
    source the first ("They discussed Brazil's recovery" after a call with Brazil): the partner of the talk,
    though the topic names it too (anaphora.they_meeting, anaphora.meeting_pair)."""
    ev = c.event
    return any(c.sent.start <= i < c.sent.end and first.actor_code == ev.source_actor and second.country == ev.target
               for i, (first, second) in c.pairs.items())


def relatum_not_source(c: Candidate):
    ev, tok = c.event, c.tok
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "attr") else tok
    subjects = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass") and ch.i not in c.actors
                and ch.lemma_.lower() in W["relational_nouns"]]
    for subj in subjects:
        inside = {t.i for t in subj.subtree}
        toks = [t for t in mention_tokens(c, ev.source_actor) if t.i in inside]
        if toks and all(_relatum(t, subj) for t in toks):
            return DROP
    return None


def _relatum(t, noun) -> bool:
    """Whether `t` sits in the possessor ("Ukraine's allies") or the "of" phrase ("allies of Ukraine") of `noun`."""
    x = t
    for _ in range(8):
        if x.head.i == noun.i:
            return x.dep_ in W["relatum_deps"] or (x.dep_ == "prep" and x.lower_ == "of")
        if x.head.i == x.i:
            return False
        x = x.head
    return False


def _agents(phrase_heads) -> list:
    """Objects of "by" inside the phrases headed by `phrase_heads`, in order."""
    return [p for h in phrase_heads for t in h.subtree if t.dep_ in ("prep", "agent") and t.lower_ == "by"
            for p in t.children if p.dep_ == "pobj"]


def patient_noun(c: Candidate):
    ev, tok = c.event, c.tok
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in W["patient_nouns"]:
        return None
    if any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in tok.children):
        return None
    owners = [ch for ch in tok.children if ch.dep_ in ("poss", "compound") and ch.i < tok.i]
    toks = [t for t in mention_tokens(c, ev.source_actor) if any(_inside(t, o) for o in owners)]
    if not toks or any(hit[0].i == tok.i for hit in present_acts(c.sent, c.actors, c.coder.lexicon)):
        return None  # (the headline finder's own candidates are among those present_acts reads as verbs)
    owner = c.actors[toks[0].i]
    doers = [m for p in _agents([tok]) if (m := syntax.actor_of(p, c.actors)) is not None
             and m.actor_code[:3] != owner.actor_code[:3]]
    if not doers:
        return DROP
    doer = doers[0]
    return dataclasses.replace(ev, source=doer.actor_code[:3], source_actor=doer.actor_code, source_name=mention_name(doer),
                               target=owner.actor_code[:3], target_actor=owner.actor_code, target_name=mention_name(owner))


def self_target(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.target is None or ev.target != ev.source:
        return None
    holders = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "attr") else [])
    objs = [ch for h in holders for ch in h.children if ch.dep_ in ("dobj", "attr", "oprd")]
    objs += [p for h in holders for ch in h.children if ch.dep_ == "prep" for p in ch.children if p.dep_ == "pobj"]
    if tok.pos_ == "NOUN":
        objs.append(tok)
    # only the phrase's own prepositions: "praised Russian efforts to improve relations with India" names
    # India deep inside what is praised, not as the one praised
    found = [p for h in objs for t in h.children if t.dep_ in ("prep", "agent") and t.lower_ == "by"
             for p in t.children if p.dep_ == "pobj"]
    found += [p for h in objs for t in h.children if t.dep_ == "prep" and t.lower_ in W["party_preps"]
              for p in t.children if p.dep_ == "pobj"]
    for p in found:
        m = syntax.actor_of(p, c.actors)
        if m is not None and is_state(m) and m.actor_code[:3] != ev.source:
            return dataclasses.replace(ev, target=m.actor_code[:3], target_actor=m.actor_code, target_name=mention_name(m))
    return None


def modifier_target(c: Candidate):
    ev, tok = c.event, c.tok
    if tok.pos_ != "NOUN":
        return None
    owners = [m for ch in tok.children if ch.dep_ == "poss" and (m := syntax.actor_of(ch, c.actors)) is not None]
    mods = [c.actors[ch.i] for ch in tok.children if ch.dep_ == "compound" and ch.pos_ == "PROPN" and ch.i in c.actors]
    owners = [m for m in owners if is_state(m)]
    mods = [m for m in mods if is_state(m) and all(m.country != o.country for o in owners)]
    if not owners or not mods:
        return None
    owner, mod = owners[0], mods[0]
    if ev.source == mod.country:
        return DROP  # the modifier's state is what the act is about, not a second actor
    if ev.source == owner.country and (ev.target is None or ev.target == owner.country):
        return aimed_at(ev, mod)
    return None


def is_instrument_signing(tok) -> bool:
    """Whether `tok` signs or issues a state's own instrument ("signed an executive order"; also where the parser
    made the instrument the subject of what follows it: "signed an Executive Order declaring a national
    emergency")."""
    if tok.lemma_.lower() not in W["signing_lemmas"]:
        return False
    instruments = W["instrument_nouns"]
    return any(ch.dep_ == "dobj" and ch.lemma_.lower() in instruments for ch in tok.children) or any(
        ch.dep_ in ("ccomp", "xcomp") and any(g.dep_ == "nsubj" and g.lemma_.lower() in instruments and g.i < ch.i
                                               for g in ch.children) for ch in tok.children)


def signed_instrument(c: Candidate):
    return DROP if is_instrument_signing(c.tok) else None


def place_not_source(c: Candidate):
    if not c.guessed_source:
        return None
    toks = mention_tokens(c, c.event.source_actor)
    heads = [t for t in toks if t.head.i not in {x.i for x in toks}]
    # "over Lockerbie, Scotland", "near Kandahar, Afghanistan": a place named as another place's apposition
    heads = [t.head if t.dep_ == "appos" else t for t in heads]
    preps = W["place_preps"] | W["passing_preps"]
    if heads and all((t.dep_ == "pobj" and t.head.lower_ in preps) or syntax.place_country(t) for t in heads):
        return DROP
    return None


def _stand_in_tokens(c: Candidate) -> list:
    """The tokens of the mention the stand-in source was taken from: the nearest one of its actor before the
    trigger (events/arguments.py)."""
    for i in range(c.tok.i - 1, c.sent.start - 1, -1):
        m = c.actors.get(i)
        if m is not None and m.actor_code == c.event.source_actor:
            return [t for t in c.sent if c.actors.get(t.i) is m]
    return []


def _own_subject(tok) -> Any | None:
    """The subject the parse gives a verb, or the verb it is coordinated with ("we oppose X and stand with Y"),
    or (rule roles.controlled_subject) the verb whose infinitive it is ("we will work with our allies to impose
    costs on Russia and to provide support for Ukraine": "we" provides)."""
    verb = tok
    for _ in range(4):
        subject = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        # an infinitive on a verb with an object may be the object's ("reaffirmed the readiness of Canada to provide")
        if not (verb.dep_ == "conj" or verb.dep_ == "xcomp" or (
                verb.dep_ == "advcl" and to_infinitive(verb)
                and not any(ch.dep_ == "dobj" for ch in verb.head.children))):
            return None
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _stand_in_heads(c: Candidate, *, pronoun_subject: bool = True) -> list:
    """The head tokens of the stand-in source's mention, where the trigger's verb has a subject of its own that
    names no actor ([] otherwise: with no such subject the stand-in may well be the doer); without
    `pronoun_subject`, not under a third-person pronoun, which may stand for the state named ("... support for
    Georgia as it defends against ...")."""
    subject = _own_subject(c.tok)
    if not c.guessed_source or subject is None or any(t.i in c.actors for t in subject.subtree):
        return []
    if not pronoun_subject and subject.lower_ in W["third_pronouns"]:
        return []
    toks = _stand_in_tokens(c)
    return [t for t in toks if t.head.i not in {x.i for x in toks}]


def stand_in_modifier(c: Candidate):
    heads = _stand_in_heads(c)
    if heads and all(t.dep_ in W["relatum_deps"] and t.head.dep_ in ("dobj", "pobj") and t.head.i != c.tok.i
                     and c.tok not in t.head.subtree for t in heads):
        return DROP
    return None


def stand_in_object(c: Candidate):
    heads = _stand_in_heads(c, pronoun_subject=False)
    if heads and all(t.dep_ in ("dobj", "pobj") and not _inside(t, c.tok) and c.tok not in t.subtree
                     for t in heads):
        return DROP  # "we are inflicting pain on Russia and supporting Ukraine": Russia is acted on
    return None


def _in_apposition(t, stop, c: Candidate) -> bool:
    """Whether `t` lies inside an apposition (below `stop`, the trigger) that describes the mention of
    another state ("Peru, another buyer of Venezuelan oil"); an apposition naming a person's own state
    ("Lavrov, Russia's foreign minister") is no such description."""
    x = t
    own = c.actors[t.i].country
    for _ in range(10):
        if x.i == stop.i or x.head.i == x.i:
            return False
        if x.dep_ == "appos":
            described = c.actors.get(x.head.i)
            return described is not None and is_state(described) and described.country != own
        x = x.head
    return False


def apposition_relatum(c: Candidate):
    ev = c.event
    if ev.target_actor is None or ev.root not in W["apposition_roots"]:
        return None
    toks = mention_tokens(c, ev.target_actor)
    if toks and all(_in_apposition(t, c.tok, c) for t in toks):
        return DROP
    return None


def _proposal_clause(tok):
    """The verb of the clause `tok` sits in, when that clause is what a verb of proposing or urging reports:
    (clause verb, proposing verb), else None."""
    x = tok
    for _ in range(6):
        if x.head.i == x.i:
            return None
        if x.dep_ in W["proposal_deps"] and x.head.lemma_.lower() in W["proposal_verbs"]:
            return x, x.head
        if x.dep_ in W["clause_deps"]:
            return None
        x = x.head
    return None


def proposed_act(c: Candidate):
    ev = c.event
    found = _proposal_clause(c.tok)
    if found is None:
        return None
    clause, proposer = found
    doers = [ch for ch in clause.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if clause.pos_ in ("NOUN", "PROPN"):
        doers = [clause]  # a clause whose verb was read as a noun ("that the bloc as a group place ..."): its head is the doer
    if clause.dep_ == "xcomp":  # "urged the alliance to sanction Japan": the one urged does it
        doers = [ch for ch in proposer.children if ch.dep_ == "dobj"]
        doers += [g for ch in proposer.children if ch.dep_ == "prep" and ch.lower_ == "on"
                  for g in ch.children if g.dep_ == "pobj"]  # "called on the alliance to ..."
    if not doers or any(d.lower_ in W["self_pronouns"] for d in doers):
        return None
    for d in doers:
        inside = [t for t in d.subtree if t.i in c.actors]
        if any(c.actors[t.i].actor_code[:3] == ev.source for t in inside):
            return None  # "proposed that the US impose tariffs": the speaker's own state acts
    return DROP


def _as_host(t, stop, actors) -> str | None:
    """How the mention `t` is named below `stop`, the trigger: "venue" (a sideline, "as the venue"), "place"
    (an "in"/"at" phrase), "name" (a modifier that names a meeting or a text: "the Geneva talks"), "party"
    (a "with"/"between" phrase) or None."""
    if t.dep_ in ("compound", "nmod", "amod") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i != stop.i \
            and t.head.i not in actors and not any(ch.dep_ == "case" for ch in t.children):
        # "the Geneva talks", "the Geneva Joint Statement"; not "Geneva's offer", nor a word of a longer name
        return "name"
    x = t
    for _ in range(10):
        if x.i == stop.i or x.head.i == x.i:
            return None
        beside = [*x.children, *(x.head.head.children if x.dep_ == "pobj" else ())]  # "agreed on Vienna as the venue"
        if any(ch.dep_ == "prep" and ch.lower_ == "as" and ch.i > x.i
               and any(g.lemma_.lower() in W["venue_nouns"] for g in ch.children) for ch in beside):
            return "venue"
        if x.dep_ == "prep" and x.lower_ in W["party_preps"] | {"between"}:
            return "party"
        if x.lemma_.lower() in W["venue_nouns"]:
            return "venue"
        if x.dep_ == "prep" and x.lower_ in W["host_preps"]:
            return "place"
        x = x.head
    return None


def host_place(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root not in W["host_roots"] or ev.target_actor is None:
        return None
    kinds = {_as_host(t, tok, c.actors) for t in mention_tokens(c, ev.target_actor)}
    if not kinds or not kinds <= {"venue", "place", "name"} or ("name" in kinds and not _city_only(c, ev.target_actor)):
        return None  # "the Beijing proposal" names its author: a seat of government stays a party
    holders = carriers(tok) + [ch for ch in tok.children if ch.dep_ == "dobj"]  # "canceled a summit with ..."
    for obj in prep_objects(holders, W["party_preps"] | {"between"}):
        partner = _other_state([m for t in obj.subtree if (m := c.actors.get(t.i)) is not None], ev)
        if partner is not None:
            return aimed_at(ev, partner)
    partner = _other_state(_co_subjects(c), ev)  # "American and Chinese negotiators held talks in Stockholm"
    if partner is not None:
        return aimed_at(ev, partner)
    if kinds == {"venue"} or (kinds <= {"place", "name"} and _city_only(c, ev.target_actor)):
        return DROP
    return None  # "held talks in Beijing" (the seat of government) or "in China" may be a visit to its host


def _city_only(c: Candidate, actor_code: str) -> bool:
    """Whether every mention of the target is a city other than a seat of government ("met in Geneva": the
    gazetteer maps it to the bare country, a capital to its government): a venue, never a visit to a host."""
    found = [m for t in mention_tokens(c, actor_code) if (m := c.actors.get(t.i)) is not None]
    return bool(found) and all(m.kind == "government" and m.actor_code == m.country for m in found)


def _other_state(mentions: list[Any], ev) -> Any | None:
    """The first of `mentions` that names a state other than the event's source and target."""
    return next((m for m in mentions if is_state(m) and m.country not in (ev.source, ev.target)), None)


def _co_subjects(c: Candidate) -> list[Any]:
    """The actors of the subject of the clause a trigger is in: the trigger's own if it is a verb, else the
    verb its noun hangs from ("held two days of talks": held)."""
    x = c.tok
    for _ in range(4):
        if x.pos_ in ("VERB", "AUX"):
            return syntax.subjects(x, c.actors)[0]
        if x.dep_ not in ("dobj", "pobj", "prep", "attr") or x.head.i == x.i:
            return []
        x = x.head
    return []


RULES = [Rule("issuer.self_reference", mention_kind("issuer_self")),
         Rule("issuer.official_title", mention_kind("issuer_title")), Rule("actors.us_state", mention_kind("us_state")),
         Rule("actors.titled_name", mention_kind("titled_person")), Rule("actors.title_anaphor", mention_kind("title_anaphor")),
         Rule("roles.source_in_object", source_in_object), Rule("roles.topic_of_pair", topic_of_pair),
         Rule("roles.topic_of_talk", topic_of_talk),
         Rule("roles.relatum_not_source", relatum_not_source), Rule("roles.patient_noun", patient_noun),
         Rule("roles.self_target", self_target), Rule("roles.modifier_target", modifier_target),
         Rule("roles.place_not_source", place_not_source), Rule("roles.stand_in_modifier", stand_in_modifier),
         Rule("roles.stand_in_object", stand_in_object),
         Rule("roles.signed_instrument", signed_instrument), Rule("roles.place_of_assault", place_of_assault),
         Rule("roles.response_target", response_target), Rule("roles.apposition_relatum", apposition_relatum),
         Rule("roles.proposed_act", proposed_act), Rule("roles.host_place", host_place),
         Rule("roles.condemned_victim", condemned_victim), Rule("roles.received_act", received_act),
         Rule("roles.weapon_owner", weapon_owner)]
