"""Anaphora within a document: "the two leaders", "both sides", "he".

Words in data/rules/anaphora.json. `resolve(doc, actors)` adds mentions to the coder's actor map before
coding, and returns the pairs it found:
- anaphora.pair: "the two leaders", "both sides", "the two countries" name the two states last
  mentioned (within `lookback` sentences; for people, "the two leaders", the two people last named); the phrase stands for the first of them, and the rule
  `anaphora.pair_partner` gives its act the second as target ("The two leaders signed a joint
  statement" after "Putin met Modi" is Russia–India) when it has none or, for an act that is done with
  each other (a consultation, cooperation, an intent to meet, a signed agreement: `mutual_roots`,
  `mutual_codes`), when its target is a third state (what they discussed is their topic); an act of the
  pair aimed at a third state ("the two leaders criticized Japan") is done by both: `anaphora.pair_both`
  adds the second as source of a copy of it (`both_of_pair`);
- anaphora.meeting_pair: "the two sides", "both presidents", "the two ministers" (`meeting_pair_heads`) are the
  two states of the meeting or call an earlier sentence names (a meeting word, `meeting_cues`, and exactly two
  states, places left out: "Ishiba hosted Albanese in Tokyo. China's navy has been active near both
  countries. The two sides agreed ..." is Japan–Australia, not China–Australia): first a meeting within
  `lookback` sentences, then the two people last named there, then a meeting anywhere before in the
  document, then the two states last named; the act is given to the pair by `anaphora.pair_partner` and
  `anaphora.pair_both` as for any pair;
- anaphora.subject_pair: when no meeting within `lookback` sentences names exactly two states, a pair phrase of
  people or of a meeting ("the two leaders", "both sides") is the pair that the main-clause subject of the nearest
  of those sentences names ("Putin and Xi spoke ... Putin briefed Xi on his call with Witkoff. ... The two
  leaders agreed": Russia–China), before the two people or states last named;
- anaphora.pair_object: a pair phrase the act of a third state is aimed at ("urged both sides to ...", "spoke
  with the two countries' leaders") stands for both: a copy of the act aims at the second (`object_of_pair`);
- anaphora.pair_each_other: an act of a pair aimed at "each other" ("both sides accused each other of ...") is
  done each way: a copy from the second to the first (`each_other`; not for mutual acts, coded once a pair);
- anaphora.pair_mutual: a symmetric act of a pair phrase with each other ("the two countries signed a treaty") is
  done by both, as a coordinated subject's is: a copy from the second to the first (`mutual_of_pair`);
- anaphora.pair (they): a "they" subject with no actor before it in its sentence is the pair of states that
  the subject of the sentence before names, when it names exactly two ("Putin and Xi met. They signed
  ...", "Russian and Chinese diplomats met. They agreed ..."); a bare "both" subject is read so too
  (anaphora.pair_pronoun: "Peru and Chile met. Both agreed ...");
- anaphora.pronoun: a "he"/"she" subject with no actor before it in its sentence is the person named
  as subject of the sentence before ("Trump met Erdogan. He praised ..." is Trump);
- anaphora.speaker_pronoun: a "he"/"she" subject (or part of a coordinated subject) of the clause a verb of
  speech reports is the person who speaks ("Trump said he and Putin had agreed to meet" is the US and Russia;
  "Putin said he would visit Beijing" is Russia; "US and Chinese negotiators said they had reached a consensus"
  is the pair, as `anaphora.pair` reads it); no gender is known, so "Trump said she ..." is read so too;
- anaphora.trailing_speaker: a "he"/"she" subject of a verb of speech after the clause it reports is the person
  that clause has as its subject ("Xi urged Seoul to choose, he told Lee" is China, not the nearest state before);
- anaphora.pronoun_it: an "it" subject with no actor before it in its sentence is the state, government
  or ministry named as the head of the subject of the sentence before ("China's foreign ministry
  criticised the tariffs. It urged Washington to ..." is China); an "it" of a verb that takes an empty
  subject ("it is unclear", "it remains to be seen") is no one;
- anaphora.prior_partner: an agreement, consultation or cooperation that names no partner but refers to
  a definite exchange ("was ready to continue the talks", "welcomed the deal") is with the one other state
  the nearest sentence before names (places excluded: "met Rubio in Riyadh" names the US, not Saudi
  Arabia); two or more other states there give nothing;
- anaphora.object_pronoun: a "him"/"her" the act is aimed at is the one person the sentence before names
  whose country is not one the sentence names before the pronoun ("Erdogan spoke with Putin. The Turkish
  president urged him to ..." is Putin);
- anaphora.judged_possessive: an "its"/"their" owning the reason a verb of judging gives ("thanked Kuwait for its
  aid to Ukraine", "praised Japan for their support") is the one state its object names: whose act it is;
- anaphora.prior_agent: a reaction (praise, condemnation, rejection) to a definite thing with no one named
  in it ("condemned the seizure", "welcomed the decision") that names no target is aimed at the state that
  is the subject of the sentence before ("Iran seized a tanker. The United States condemned the seizure."
  is the US against Iran).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from multipolar.events.antecedents import (
    meeting_states,
    named_states,
    other_person_before,
    previous_institution,
    previous_pair_subject,
    previous_subject,
    recent,
    subject_pair_before,
    they_meeting_pair,
)
from multipolar.events.lookback import Sentences
from multipolar.events.pair_phrases import pair_partner, state_pronoun
from multipolar.events.rulebook import Candidate, Rule, is_state_mention, mention_tokens, words
from multipolar.events.speakers import (
    by_speaker,
    reported_subject,
    speaker_of,
    speaker_pair,
    speaker_pronoun,
    trailing_speaker,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

W = words("anaphora")


def _as_mention(m: Any, tok: Token) -> Any:
    return dataclasses.replace(m, start=tok.i, end=tok.i + 1, start_char=tok.idx, end_char=tok.idx + len(tok.text),
                               text=tok.text)


def _is_pair(tok: Token) -> bool:
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in W["pair_heads"] or tok.tag_ not in ("NNS", "NNPS"):
        return False
    marks = {c.lower_ for c in tok.children if c.dep_ in ("nummod", "det", "predet", "amod", "quantmod")}
    if marks & W["pair_marks"]:
        return True
    return tok.lower_ in W["plural_heads"] and "the" in marks and tok.dep_ in ("nsubj", "nsubjpass")


def cue_words() -> tuple[list[str], list[str], list[str]]:
    """The words that can open an anaphoric mention here: those that do alone ("he", "the leaders"), the
    heads of a pair ("the two presidents") and the words that mark one ("two", "both"). A piece holding
    them, after a piece naming an actor, is worth parsing (rule `actor_paragraphs`)."""
    return (sorted({*W["pronouns"], *W["plural_pronouns"], *W["plural_heads"]}), sorted(W["pair_heads"]),
            sorted(W["pair_marks"]))


def _is_pair_pronoun(tok: Token) -> bool:
    """anaphora.pair_pronoun: "Both agreed to ...": a bare "both" (no noun of its own) as subject."""
    return tok.lower_ in W["pair_pronouns"] and tok.pos_ in ("PRON", "DET", "NOUN") and not any(
        c.dep_ == "prep" for c in tok.children)  # "both of them" is left to the phrase's own words


def resolve(doc: Doc, actors: dict[int, Any]) -> dict[int, tuple[Any, Any]]:
    """Add anaphoric mentions to `actors` (in place); return {token index: (first, second)} of the pairs."""
    pairs: dict[int, tuple[Any, Any]] = {}
    lookback = int(W["lookback"])
    sentences = Sentences(doc, cues=W["meeting_cues"])
    for sent in sentences.spans:
        for tok in sent:
            if tok.i in actors:
                continue
            if _is_pair(tok) and not any(t.i in actors for t in tok.subtree):
                # "the two leaders": the two people last named, else the two states last named
                people = tok.lemma_.lower() in W["person_heads"]
                met = tok.lemma_.lower() in W["meeting_pair_heads"]
                found = meeting_states(doc, sent.start, actors, lookback=lookback, sentences=sentences) if met else []
                if len(found) < 2 and (people or met):
                    found = list(subject_pair_before(doc, sent.start, actors, pairs, lookback=lookback,
                                                      sentences=sentences) or ())
                if len(found) < 2:
                    found = recent(doc, sent.start, sent.start, actors, lookback=lookback, want=2, person=people,
                                    sentences=sentences)
                if len(found) < 2 and met:
                    found = meeting_states(doc, sent.start, actors, lookback=None, sentences=sentences)
                if len(found) < 2 and people:
                    found = recent(doc, sent.start, sent.start, actors, lookback=lookback, want=2, person=False,
                                    sentences=sentences)
                if len(found) == 2:
                    actors[tok.i] = _as_mention(found[0], tok)
                    pairs[tok.i] = (found[0], found[1])
            elif (tok.lower_ in W["pronouns"] and tok.dep_ in ("nsubj", "nsubjpass")
                  and not any(sent.start <= i < tok.i for i in actors)):
                subject = previous_subject(doc, sent.start, actors)
                if subject is not None:
                    actors[tok.i] = _as_mention(subject, tok)
            elif tok.lower_ in W["pronouns"] and (speaker := speaker_of(tok, actors)
                                                  or reported_subject(tok, actors)) is not None:
                actors[tok.i] = _as_mention(speaker, tok)
            elif tok.lower_ in W["plural_pronouns"] and (both := speaker_pair(tok, actors)) is not None:
                actors[tok.i] = _as_mention(both[0], tok)
                pairs[tok.i] = both
            elif ((tok.lower_ in W["plural_pronouns"] or _is_pair_pronoun(tok)) and tok.dep_ in ("nsubj", "nsubjpass")
                  and not any(sent.start <= i < tok.i for i in actors)):
                both = (previous_pair_subject(doc, sent.start, actors, pairs)
                        or they_meeting_pair(doc, sent.start, actors, pairs, sentences=sentences))
                if both is not None:
                    actors[tok.i] = _as_mention(both[0], tok)
                    pairs[tok.i] = both
            elif tok.lower_ in W["object_pronouns"] and tok.dep_ in ("dobj", "dative", "pobj", "nsubj"):
                other = other_person_before(doc, sent, tok, actors)
                if other is not None:
                    actors[tok.i] = _as_mention(other, tok)
            elif tok.lower_ in W["possessive_pronouns"] and (owner := _judged_owner(tok, actors)) is not None:
                actors[tok.i] = _as_mention(owner, tok)  # rule anaphora.judged_possessive
            elif tok.lower_ in W["possessive_pronouns"] and _aimed_possessive(tok) and (
                    owner := _clause_state_subject(sent, tok, actors)) is not None:
                actors[tok.i] = _as_mention(owner, tok)  # rule anaphora.possessive_subject
            elif (tok.lower_ in W["neuter_pronouns"] and tok.dep_ == "nsubj"
                  and tok.head.lemma_.lower() not in W["empty_subject_heads"]
                  and not any(sent.start <= i < tok.i for i in actors)):
                subject = previous_institution(doc, sent.start, actors)
                if subject is not None:
                    actors[tok.i] = _as_mention(subject, tok)
    return pairs


def _judged_owner(tok: Token, actors: dict[int, Any]) -> Any | None:
    """The state thanked, praised or blamed for what a possessive names ("thanked Kuwait for its aid to Ukraine":
    Kuwait), or None."""
    noun, prep = tok.head, tok.head.head
    if not (tok.dep_ == "poss" and noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "for"
            and prep.head.lemma_.lower() in W["judging_verbs"]):
        return None
    found = [actors[t.i] for c in prep.head.children if c.dep_ == "dobj" for t in c.subtree if t.i in actors]
    return found[0] if found and is_state_mention(found[0]) and all(m.country == found[0].country for m in found) else None


def _aimed_possessive(tok: Token) -> bool:
    """A possessive in the phrase a noun act is aimed at ("strikes on its nuclear sites")."""
    prep = tok.head.head
    return (tok.dep_ == "poss" and tok.head.dep_ == "pobj" and prep.dep_ == "prep"
            and prep.lower_ in W["aimed_preps"] and prep.head.pos_ == "NOUN")


def _clause_state_subject(sent: Span, tok: Token, actors: dict[int, Any]) -> Any | None:
    """The one state named as the subject of `sent`'s main clause before `tok` ("Iran condemned the US strikes
    on its nuclear sites": Iran), or None."""
    found = [actors[t.i] for c in sent.root.children if c.dep_ == "nsubj" for t in c.subtree
             if t.i in actors and t.i < tok.i and is_state_mention(actors[t.i])]
    return found[0] if len({m.country for m in found}) == 1 else None


def _previous_state_subject(doc: Doc, start: int, actors: dict[int, Any]) -> Any | None:
    """The state actor named as subject of the main clause of the sentence before `start` (one country only)."""
    if start == 0:
        return None
    prev = doc[start - 1].sent
    # the doer: the active subject, or the "by" agent of a passive ("a tanker was seized by Iran")
    doers = [c for c in prev.root.children if c.dep_ == "nsubj"]
    doers += [p for c in prev.root.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    found = [actors[t.i] for c in doers for t in c.subtree if t.i in actors and is_state_mention(actors[t.i])]
    countries = {m.country for m in found}
    return found[0] if len(countries) == 1 else None


def _definite_thing(tok: Token, actors: dict[int, Any]) -> bool:
    """Whether `tok`'s direct object is a definite noun phrase that names no actor ("the seizure")."""
    for obj in tok.children:
        if obj.dep_ != "dobj" or obj.pos_ != "NOUN":
            continue
        if any(t.i in actors for t in obj.subtree):
            return False
        return any(d.dep_ == "det" and d.lower_ in W["definite_dets"] for d in obj.children)
    return False


def prior_agent(c: Candidate):
    ev = c.event
    if (ev.target is not None and ev.target != ev.source) or ev.root not in W["reaction_roots"]:
        return None
    if c.tok.pos_ != "VERB" or not _definite_thing(c.tok, c.actors):
        return None
    agent = _previous_state_subject(c.doc, c.sent.start, c.actors)
    if agent is None or agent.country == ev.source or agent.actor_code[:3] != agent.country:
        return None
    return dataclasses.replace(ev, target=agent.country, target_actor=agent.actor_code, target_name=agent.person)


def _exchange_noun(tok: Token, actors: dict[int, Any]) -> bool:
    """Whether the trigger's phrase holds a definite noun of an exchange between parties ("the talks")."""
    for t in tok.subtree:
        if t.pos_ == "NOUN" and t.lemma_.lower() in W["exchange_nouns"] and not any(x.i in actors for x in t.subtree):
            if any(d.dep_ in ("det", "poss") and d.lower_ in W["definite_dets"] for d in t.children):
                return True
    return False


def _other_state_before(doc: Doc, start: int, actors: dict[int, Any], source: str) -> Any | None:
    """The one state other than `source` that the nearest earlier sentence naming any other state names
    (mentions as places left out); None when that sentence names two or more."""
    sents = Sentences(doc, cues=W["meeting_cues"]).ending_by(start)[-int(W["lookback"]):]
    for prev in reversed(sents):
        found = {country: m for country, m in named_states(doc, prev, actors).items() if country != source}
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None


def prior_partner(c: Candidate):
    ev = c.event
    if (ev.target is not None and ev.target != ev.source) or ev.root not in W["partner_roots"]:
        return None
    if any((m := c.actors.get(t.i)) is not None and is_state_mention(m) and m.country != ev.source for t in c.sent):
        return None  # the sentence names another state: whether it is the partner is the parse's business
    if not _exchange_noun(c.tok, c.actors):
        return None
    partner = _other_state_before(c.doc, c.sent.start, c.actors, ev.source)
    if partner is None:
        return None
    return dataclasses.replace(ev, target=partner.country, target_actor=partner.actor_code, target_name=partner.person)


def _pronoun_source(c: Candidate, pronouns: frozenset[str]) -> bool:
    """Whether the candidate's source was read off a pronoun that `resolve` gave an earlier actor."""
    return any(t.lower_ in pronouns and c.actors[t.i].start == t.i and t.i < c.tok.i
               for t in mention_tokens(c, c.event.source_actor))


def meeting_pair(c: Candidate):
    """Names the resolution in the trace (`--explain`): the candidate's source is a pair phrase that stands
    for the two states of a meeting or call named before (the mention was added by `resolve`)."""
    ev = c.event
    for i, (first, second) in c.pairs.items():
        if not c.sent.start <= i < c.sent.end or c.doc[i].lemma_.lower() not in W["meeting_pair_heads"]:
            continue
        if ev.source_actor != first.actor_code:
            continue
        sentences = Sentences(c.doc, cues=W["meeting_cues"])
        near = meeting_states(c.doc, c.sent.start, c.actors, lookback=int(W["lookback"]), sentences=sentences)
        far = near or meeting_states(c.doc, c.sent.start, c.actors, lookback=None, sentences=sentences)
        if {m.country for m in far} == {first.country, second.country}:
            return ev
    return None


def pronoun(c: Candidate):
    """Names the resolution in the trace (`--explain`); the mention was added by `resolve`."""
    return c.event if (_pronoun_source(c, W["pronouns"]) and not by_speaker(c, c.event.source_actor)
                       and trailing_speaker(c) is None) else None


def object_pronoun(c: Candidate):
    ev = c.event
    if ev.target_actor is None:
        return None
    return ev if any(t.lower_ in W["object_pronouns"] and c.actors[t.i].start == t.i
                     for t in mention_tokens(c, ev.target_actor)) else None


def pair_pronoun(c: Candidate):
    """Names the resolution in the trace (`--explain`): the source is a bare "both" read as a pair (`resolve`)."""
    return c.event if _pronoun_source(c, W["pair_pronouns"]) else None


def possessive_subject(c: Candidate):
    """Names the resolution in the trace (`--explain`): a party of the act is read off "its"/"their", which
    `resolve` gave the state that is the subject of the sentence's main clause."""
    found = _possessive_party(c)
    return c.event if found and not any(_judged_owner(t, c.actors) for t in found) else None


def judged_possessive(c: Candidate):
    """Names the resolution in the trace: a party of the act is the "its"/"their" that `resolve` gave the state
    a verb of judging has as object ("thanked Kuwait for its aid to Ukraine")."""
    found = _possessive_party(c)
    return c.event if found and any(_judged_owner(t, c.actors) for t in found) else None


def _possessive_party(c: Candidate) -> list:
    """The possessive pronouns that alone name a party of the act inside its own phrase, or []."""
    ev, top = c.event, c.tok
    for code in (ev.source_actor, ev.target_actor):
        inside = [t for t in mention_tokens(c, code) if top.left_edge.i <= t.i <= top.right_edge.i] if code else []
        if inside and all(t.lower_ in W["possessive_pronouns"] for t in inside):
            return inside
    return []


def pronoun_it(c: Candidate):
    return c.event if _pronoun_source(c, W["neuter_pronouns"]) else None


def they_meeting(c: Candidate):
    """Names the resolution in the trace (`--explain`): the candidate's source is a "they" that `resolve` read
    as the two states of a meeting or call named just before (`they_meeting_pair`)."""
    ev = c.event
    for i, (first, second) in c.pairs.items():
        if not c.sent.start <= i < c.sent.end or c.doc[i].lower_ not in W["plural_pronouns"]:
            continue
        met = they_meeting_pair(c.doc, c.sent.start, c.actors, c.pairs)
        if ev.source_actor == first.actor_code and met is not None and {m.country for m in met} == {
                first.country, second.country}:
            return ev
    return None


RULES = [Rule("anaphora.meeting_pair", meeting_pair), Rule("anaphora.pair_partner", pair_partner),
         Rule("anaphora.state_pronoun", state_pronoun),
         Rule("anaphora.pronoun", pronoun), Rule("anaphora.speaker_pronoun", speaker_pronoun),
         Rule("anaphora.trailing_speaker", trailing_speaker),
         Rule("anaphora.pronoun_it", pronoun_it), Rule("anaphora.pair_pronoun", pair_pronoun), Rule("anaphora.object_pronoun", object_pronoun),
         Rule("anaphora.prior_agent", prior_agent),
         Rule("anaphora.prior_partner", prior_partner), Rule("anaphora.possessive_subject", possessive_subject),
         Rule("anaphora.judged_possessive", judged_possessive)]
RULES.append(Rule("anaphora.they_meeting", they_meeting))  # after the rules above: it only names the resolution
