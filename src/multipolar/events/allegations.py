"""A statement that another party used force is an accusation of it (codebook 112), rule `clauses.as_allegation`.

"The US said ISIL had attacked Iraq": saying that another party used force (or seized, detained or expelled:
"Chile said Peru seized its fishing boats") accuses it, and the statement is
addressed to that party; the reported act stays as reported (events/clauses.py judges it with the sentence's
other acts). Only a claim that leads its sentence counts (a trailing ", Thai military sources said" reports the
news), never a hypothetical act ("could face strikes if": imposers.facing_threat), nor one the statement denies
("said it does not believe that Israel is engaging in war crimes").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from multipolar.events import mood
from multipolar.events.pairs import ASSAULT_ROOTS
from multipolar.events.rulebook import recode
from multipolar.events.triggers import Trigger
from multipolar.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

    from multipolar.events.ontology import Ontology

Coded = list[tuple[Trigger, list[Event]]]
ALLEGATION_CODE = "112"  # accuse, not specified below
ALLEGED_ROOTS = (*ASSAULT_ROOTS, "17")  # force, and coercion: seizing, arresting, expelling


def _named_doer(trig: Trigger) -> bool:
    """Whether a reported act of coercion names its doer as the subject of its own active verb ("said Peru seized
    the boats"): a passive or a noun ("said he had been captured", "warned that it can lead to deportation") leaves
    the doer to a guess, and the guess is no one to accuse."""
    return (not trig.guessed_source and trig.tok.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "csubj") for c in trig.tok.children))


def _denied_between(tok: Token, top: Token) -> bool:
    """Whether a verb between a reported act and the verb of saying is negated ("said it does not believe that
    Israel is engaging in war crimes"): the statement denies the act instead of alleging it."""
    x = tok.head
    for _ in range(8):
        if x.i == top.i or x.head.i == x.i:
            return False
        if x.pos_ in ("VERB", "AUX") and mood.is_negated(x):
            return True
        x = x.head
    return False


def as_allegation(trig: Trigger, events: list[Event], coded: Coded, *, ontology: Ontology) -> list[Event]:
    """A speaker's statements recoded as accusations (112) of whoever the statement, leading its sentence,
    says used force or coercion."""
    if trig.frame != "say" or not events or ALLEGATION_CODE not in ontology:
        return events
    speakers = {e.source for e in events}
    # only a claim that leads its sentence: a trailing attribution (", Thai military sources said")
    # reports the news rather than accusing anyone
    accused = [e for t, evs in coded if t.reported_by is trig and t.tok.i > trig.tok.i
               and not _denied_between(t.tok, trig.tok) for e in evs
               if (e.root in ASSAULT_ROOTS or (e.root in ALLEGED_ROOTS and _named_doer(t)))
               and not e.negated and e.source not in speakers
               and e.modality != "hypothetical"]  # not "could face strikes if" (imposers.facing_threat)
    if not accused:
        return events
    trig.alleged = True
    out: list[Event] = []
    for ev in events:
        for act in accused:
            out.append(recode(ev, ALLEGATION_CODE, ontology, id_parts=(act.source_actor,), target=act.source,
                              target_actor=act.source_actor, target_name=act.source_name))
    return out


# rule allegations.accused_deed: nouns that report a charge against someone ("allegations of supporting Russia",
# "claims that it supplied Russia"); the deed told of is the accused's, so a state named as its object is neither
# the accused nor the accuser
CHARGE_NOUNS = frozenset({"allegation", "accusation", "claim", "charge", "report", "suggestion", "rumour", "rumor",
                          "assertion", "insinuation"})


def deed_tokens(tok: Token) -> set[int]:
    """Rule allegations.accused_deed: the token indexes of the deed a charge tells of, when `tok` is a charge noun
    or a verb whose object is one ("denied allegations of arming Russia", "faces accusations of meddling in
    Moldova", "dismissed claims that it supplied Russia"): the gerund or that-clause after the noun, less its own
    subject ("US claims of China supplying Russia": China is the accused)."""
    nouns = [tok] if tok.pos_ == "NOUN" else [c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    out: set[int] = set()
    for noun in nouns:
        if noun.lemma_.lower() not in CHARGE_NOUNS:
            continue
        deeds = [c for c in noun.children if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX")]
        deeds += [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ in ("pcomp", "pobj") and g.pos_ == "VERB"]
        for deed in deeds:
            doer = {t.i for c in deed.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            out |= {t.i for t in deed.subtree} - doer
    return out
