"""Acts named inside the topic of talks, kept beside events/talks.py so that each module stays short.

- topics.own_act: talks whose topic is the parties' own ongoing acts, named with "their"/"our" ("the two
  presidents discussed their efforts to support Kenya and impose costs on Sudan", "reviewed their support for
  Chile and their sanctions on Peru"), assert those acts as well as the talks: each party of the talks does each
  act toward the state the act names (a copy of each talk event per act, made by the coder after the rules, as
  the pair phrases' are: `TOPIC_COPIES`). Only acts of support, cooperation, aid, sanction or pressure (`act_roots`
  in data/rules/topics.json); a topic that names plans, options or questions ("their plans to", "whether to",
  "new sanctions", "could") asserts nothing, nor do negated or reported talks; talks to come ("they will discuss
  our steadfast support for Ukraine", a planned or scheduled meeting) still assert the acts the parties do now.
"""

from __future__ import annotations

from typing import Any

from multipolar.events import mood, syntax
from multipolar.events.rulebook import Candidate, is_state_mention, recode, words

W = words("topics")
TALK_LEMMAS = words("roles")["talk_lemmas"]
TOPIC_PREPS = words("roles")["topic_preps"]
RULE = "topics.own_act"


def _own_topics(tok) -> list:
    """The objects (or about/on phrases) of a verb of talking that its parties' possessive names as their own ("their efforts")."""
    objs = [ch for ch in tok.children if ch.dep_ == "dobj"] + [p for ch in tok.children if ch.dep_ == "prep"
                                                              and ch.lower_ in TOPIC_PREPS for p in ch.children
                                                              if p.dep_ == "pobj"]
    heads = [h for o in objs for h in syntax.conj_heads(o)]
    return [h for h in heads if h.lemma_.lower() in W["own_nouns"]
            and any(ch.dep_ == "poss" and ch.lower_ in W["own_possessors"] for ch in h.children)]


def _planned(t, top) -> bool:
    """Whether a word of planning or asking sits on the path from `t` up to `top`, or beside a word of it."""
    x = t
    for _ in range(12):
        if x.lemma_.lower() in W["plan_words"] or any(
                ch.lemma_.lower() in W["plan_words"] or ch.lower_ in W["plan_words"] for ch in x.children
                if ch.dep_ in ("aux", "amod", "advmod", "mark", "compound", "det")):
            return True
        if x.i == top.i or x.head.i == x.i:
            return False
        x = x.head
    return True


def _under(m_tok, t, matched: set[int]) -> bool:
    """Whether the path from a mention's word up to the trigger `t` passes no other trigger word."""
    x = m_tok
    for _ in range(12):
        if x.i == t.i:
            return True
        if x.i in matched or x.head.i == x.i:
            return False
        x = x.head
    return False


def topic_acts(c: Candidate, ev: Any) -> list[Any]:
    """topics.own_act: the acts a talk event's topic asserts of its parties, each from the event's source."""
    tok = c.tok
    planned = ev.modality == "intended" or (ev.modality == "hypothetical" and any(r in c.fired for r in W["plan_rules"]))
    if (ev.root != "04" or ev.target is None or ev.negated or (ev.modality != "asserted" and not planned)
            or tok.pos_ != "VERB" or tok.lemma_.lower() not in TALK_LEMMAS or mood.is_negated(tok)):
        return []
    lexicon, ontology = c.coder.lexicon, c.coder.ontology
    out: list[Any] = []
    for head in _own_topics(tok):
        found = {}
        for t in head.subtree:
            entry = lexicon.match(t)
            if entry is not None and entry.frame is None and entry.cameo[:2] in W["act_roots"]:
                found[t.i] = (t, entry.cameo)
        for t, code in found.values():
            if _planned(t, head) or mood.is_negated(t) or code not in ontology:
                continue
            tgts = syntax.objects(t, c.actors)[0] if t.pos_ in ("VERB", "AUX") else syntax.noun_args(t, c.actors)[1]
            for m in tgts:
                if not is_state_mention(m) or m.country in (ev.source, ev.target):
                    continue
                if not _under(c.doc[m.start], t, set(found) - {t.i}):
                    continue
                out.append(recode(ev, code, ontology, id_parts=(RULE, str(t.i), m.actor_code), target=m.country,
                                  target_actor=m.actor_code, target_name=getattr(m, "person", None) or m.text,
                                  modality="asserted"))
    return out


# the copies a talk's topic makes (run by the coder after the rules)
TOPIC_COPIES = [(RULE, topic_acts)]
