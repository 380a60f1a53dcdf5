"""Who imposes a tariff or sanction, and who is only named beside it (kept beside events/trade.py, which is at
its length limit; codebook: a SANCTION is done by the state that imposes the measure to the state it falls on).

Words in data/rules/imposers.json. The rules run before trade.py's, so that trade.eased and trade.faced see only
a measure whose source is its imposer:
- imposers.background_measure: a tariff or sanction named only as the background of the sentence's act, the object
  of "after", "following", "amid" or "since" ("Chinese refiners paused purchases of Russian crude after the
  sanctions", "Indian buyers cut orders following the measures"), is no act of the sentence's subject: the
  coder reads its source and target off the clause around it, so the candidate is dropped, unless the measure's
  own phrase names who imposes it ("after American sanctions on Rosneft" stays an American sanction);
- imposers.fellow_targets: the states listed together as the ones that face, suffer or are hit by a tariff or
  sanction ("The EU, Japan and South Korea faced new tariffs") are fellow targets, not imposer and target of each
  other: a candidate whose source is one of them is dropped unless the measure's own phrase names it ("Canada,
  Mexico and China faced new American tariffs" keeps the United States as the imposer, trade.faced aims it);
- imposers.facing_threat: a measure or force a speaker says a state would face is the speaker's threat to it;
- imposers.state_economy: a measure on a state's companies, banks or farmers is a measure on that state;
- imposers.ultimatum: a statement that a state must act "or face" a measure ("Lula said Argentina had 30 days to
  settle the debt or face new duties") is the speaker's threat of that measure to the state.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from multipolar.events import syntax
from multipolar.events.frames import compose
from multipolar.events.rulebook import (
    DROP,
    Candidate,
    Rule,
    derived_id,
    is_state_mention,
    mention_tokens,
    recode,
    words,
)

W = words("imposers")


def _is_measure_noun(tok: Any) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in W["measure_nouns"]


def _named_inside(c: Candidate, actor_code: str | None, phrase: Any) -> bool:
    """Whether a mention of the actor lies inside `phrase`'s subtree."""
    inside = {t.i for t in phrase.subtree}
    return bool(actor_code) and any(t.i in inside for t in mention_tokens(c, actor_code))


def background_measure(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root != "16" or not _is_measure_noun(tok) or tok.dep_ != "pobj":
        return None
    if tok.head.lower_ not in W["background_preps"]:
        return None
    return None if _named_inside(c, ev.source_actor, tok) else DROP


def facing_verb(tok: Any) -> Any | None:
    """The verb whose subjects a measure noun falls on ("faced tariffs", "hit with tariffs", "hit by sanctions"),
    or None (imposers.fellow_targets, trade.faced)."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
        verb = verb.head
    return verb if tok.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in W["face_verbs"] else None


def fellow_targets(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root != "16" or not _is_measure_noun(tok) or not ev.source_actor:
        return None
    verb = facing_verb(tok)
    if verb is None:
        return None
    sources, others, _ = syntax.subjects(verb, c.actors)
    facing = {m.actor_code for m in sources + others}
    if len(facing) < 2 or ev.source_actor not in facing or _named_inside(c, ev.source_actor, tok):
        return None
    return DROP


def facing_threat(c: Candidate):
    """imposers.facing_threat: a measure or force a speaker says a state would face ("Trump said Canada would face
    higher tariffs if it did not act", "warned that Colombia could face military action"): the speaker threatens
    that state with it (codebook: a threat of tariffs is THREATEN), not an act of the state that faces it."""
    ev, tok = c.event, c.tok
    verb = facing_verb(tok) if tok.pos_ in ("NOUN", "PROPN") and c.speaker is not None else None
    if verb is None or not any(a.dep_ == "aux" and a.lower_ in W["threat_modals"] for a in verb.children):
        return None
    speakers = [m for m in syntax.subjects(c.speaker, c.actors)[0] if is_state_mention(m)]
    faced = next((m for m in syntax.subjects(verb, c.actors)[0] if m.actor_code == ev.source_actor), None)
    threat = compose("threaten", ev.cameo)
    ontology = c.coder.ontology
    if not speakers or faced is None or speakers[0].country == faced.country or threat not in ontology:
        return None
    s = speakers[0]
    return recode(ev, threat, ontology, id_parts=(s.actor_code,), source=s.country, source_actor=s.actor_code,
                  source_name=s.person, target=faced.country, target_actor=faced.actor_code,
                  target_name=faced.person, modality="asserted")


def state_economy(c: Candidate):
    """imposers.state_economy: a sanction or tariff on a state's companies, banks or farmers ("Washington sanctioned
    two Chinese companies") is a sanction on that state (codebook: "the US sanctioned Rosneft and Lukoil" is
    USA -> RUS SANCTION), and is scored as one."""
    ev = c.event
    code = ev.target_actor or ""
    if ev.root != "16" or len(code) != 6 or code[3:] not in W["economy_sectors"] or not code[:3].isalpha():
        return None
    return dataclasses.replace(ev, target=code[:3], target_actor=code[:3], event_id=derived_id(ev, "economy"))


def _or_face(verb: Any) -> bool:
    """Whether `verb` is the bare second half of an either-or ("settle the debt or face duties"; not "or would
    face")."""
    return (verb.dep_ == "conj" and verb.tag_ in ("VB", "VBP", "NN") and not any(c.dep_ in ("aux", "neg") for c in verb.children)
            and any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.head.children))


def _clause_state(verb: Any, actors: Any) -> Any | None:
    """The state subject of the clause `verb` belongs to, up its conjunct, infinitive and clause heads."""
    x = verb
    for _ in range(6):
        subjects = [m for m in syntax.subjects(x, actors)[0] if is_state_mention(m)]
        if subjects:
            return subjects[0]
        if x.dep_ not in ("conj", "xcomp", "advcl", "acl", "relcl", "dobj") or x.head.i == x.i:  # "had 30 days to act"
            return None
        x = x.head
    return None


def ultimatum(c: Candidate):
    """imposers.ultimatum: a speaker's statement that a state acts "or face" a measure (codebook: a threat of
    tariffs is THREATEN), aimed at that state."""
    ev, tok = c.event, c.tok
    if ev.root != "01" or tok.pos_ != "VERB" or not ev.source_actor:
        return None
    # the parser may tag a bare "face" with an object as a noun ("release the ship or face sanctions")
    for face in (t for t in tok.subtree if t.lower_ in W["face_verbs"] and _or_face(t)):
        measure = next((m for m in face.children if m.dep_ == "dobj" and _is_measure_noun(m)
                        and not any(d.lower_ == "no" for d in m.children)), None)
        entry = c.coder.lexicon.match(measure) if measure is not None else None
        threat = compose("threaten", entry.cameo) if entry is not None else None
        state = _clause_state(face, c.actors)
        if threat is None or threat not in c.coder.ontology or state is None or state.country == ev.source:
            continue
        return recode(ev, threat, c.coder.ontology, target=state.country, target_actor=state.actor_code,
                      target_name=state.person, modality="asserted", trigger=f"{tok.text} ... or {face.text}")
    return None


# facing_threat before fellow_targets: "said Canada and Mexico would face tariffs" threatens both
RULES = [Rule("imposers.background_measure", background_measure), Rule("imposers.facing_threat", facing_threat),
         Rule("imposers.fellow_targets", fellow_targets), Rule("imposers.state_economy", state_economy),
         Rule("imposers.ultimatum", ultimatum)]
