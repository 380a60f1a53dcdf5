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

from multipolar.events.lookback import Sentences
from multipolar.events.pair_phrases import pair_partner, state_pronoun
from multipolar.events.rulebook import Candidate, Rule, is_state_mention, mention_tokens, words
from multipolar.events.speakers import (
    by_speaker,
    pair_named_by,
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


def _recent(doc: Doc, before: int, sent_start: int, actors: dict[int, Any], *, lookback: int,
            want: int, person: bool, sentences: Sentences | None = None) -> list[Any]:
    sents = (sentences or Sentences(doc, cues=W["meeting_cues"])).starting_by(sent_start)
    first = sents[-(lookback + 1)].start if len(sents) > lookback else 0
    out: list[Any] = []
    seen: set[int] = set()
    for i in range(before - 1, first - 1, -1):
        m = actors.get(i)
        if m is None or id(m) in seen:
            continue
        seen.add(id(m))
        if person and m.person is None:
            continue
        if not is_state_mention(m) or any(o.country == m.country for o in out):
            continue
        out.append(m)
        if len(out) == want:
            break
    return list(reversed(out))


def _is_place(tok: Token) -> bool:
    """Whether a mention lies in the phrase that says where something happened: the object of a place
    preposition ("in Riyadh"), or a word inside that object ("in Jeddah, Saudi Arabia", "in the Ethiopian
    capital", "in the Turkish city of Antalya", "in Ghana's capital")."""
    x = tok
    for _ in range(int(W["place_reach"])):
        if x.dep_ == "pobj" and x.head.lower_ in W["place_preps"]:
            return True
        if x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.dep_ == "prep":
            x = x.head.head  # "the city of Antalya": the noun the of-phrase belongs to
        elif x.dep_ in W["place_phrase_deps"] and x.head.i != x.i:
            x = x.head
        else:
            return False
    return False


def _named_states(doc: Doc, sent: Any, actors: dict[int, Any]) -> dict[str, Any]:
    """The states a sentence names, by country in order of first mention, leaving out those named only as a
    place ("met Rubio in Riyadh" names the US, not Saudi Arabia), a country set beside its city included
    ("met in Jeddah, Saudi Arabia", "talks in the Ethiopian capital": rule anaphora.meeting_pair)."""
    found: dict[str, Any] = {}
    for t in sent:
        m = actors.get(t.i)
        if m is None or not is_state_mention(m):
            continue
        if _is_place(doc[m.start:m.end].root):
            continue
        found.setdefault(m.country, m)
    return found


def _meeting_pair(doc: Doc, start: int, actors: dict[int, Any], *, lookback: int | None,
                  sentences: Sentences | None = None) -> list[Any]:
    """anaphora.meeting_pair: the two states of the nearest sentence before `start` (within `lookback`
    sentences; None: the whole document before) that names a meeting or call and exactly two states (places
    left out); a meeting sentence naming one state is passed over ("after the talks, Lula told reporters");
    [] when there is none or the nearest names three or more. `sentences`: the doc's, when the caller has them."""
    sentences = sentences or Sentences(doc, cues=W["meeting_cues"])
    sents = sentences.ending_by(start)
    if lookback is not None:
        sents = sents[-lookback:]
    for prev in reversed(sents):
        if not sentences.has_cue(prev):
            continue
        found = _named_states(doc, prev, actors)
        if len(found) == 2:
            return list(found.values())
        if len(found) > 2:
            return []
    return []


def cue_words() -> tuple[list[str], list[str], list[str]]:
    """The words that can open an anaphoric mention here: those that do alone ("he", "the leaders"), the
    heads of a pair ("the two presidents") and the words that mark one ("two", "both"). A piece holding
    them, after a piece naming an actor, is worth parsing (rule `actor_paragraphs`)."""
    return (sorted({*W["pronouns"], *W["plural_pronouns"], *W["plural_heads"]}), sorted(W["pair_heads"]),
            sorted(W["pair_marks"]))


def _previous_subject(doc: Doc, start: int, actors: dict[int, Any]) -> Any | None:
    """The person named as subject of the main clause of the sentence before `start`, if any."""
    if start == 0:
        return None
    prev = doc[start - 1].sent
    for tok in prev.root.children:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            for t in tok.subtree:
                m = actors.get(t.i)
                if m is not None and m.person is not None and is_state_mention(m):
                    return m
    return None


def _previous_pair_subject(doc: Doc, start: int, actors: dict[int, Any],
                           pairs: dict[int, tuple[Any, Any]]) -> tuple[Any, Any] | None:
    """The two states the subject of the main clause of the sentence before `start` names ("Putin and Xi",
    "Russian and Chinese diplomats": the subject's heads and their modifiers, not a place inside it)."""
    if start == 0:
        return None
    prev = doc[start - 1].sent
    for subj in prev.root.children:
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subj.i in pairs:  # "They met. They agreed ...": the same pair again
            return pairs[subj.i]
        both = pair_named_by(subj, actors)
        if both is not None:
            return both
    return None


def they_meeting_pair(doc: Doc, start: int, actors: dict[int, Any], pairs: dict[int, tuple[Any, Any]], *,
                      sentences: Sentences | None = None) -> tuple[Any, Any] | None:
    """anaphora.they_meeting: the two states of the meeting or call named in one of the `they_lookback`
    sentences before `start` (as `_meeting_pair` reads it: exactly two states, places left out), for a "they"
    subject whose previous sentence has no two-state subject ("Biden met Modi in Delhi. They agreed to ...":
    the subject names one side, the object the other). A pair phrase or "they" read as a pair, as subject of one
    of those sentences, is that pair again ("Biden met Golob. The leaders had a long discussion. Biden thanked
    Slovenia for ... . They discussed ...": the nearest such subject or meeting counts). None when there is no such
    meeting, or when a sentence in between has a plural subject other than a pair phrase ("Protesters gathered
    outside. They demanded ...": they are the protesters)."""
    back = int(W["they_lookback"])
    sentences = sentences or Sentences(doc, cues=W["meeting_cues"])
    sents = sentences.ending_by(start)[-back:]
    for n, prev in enumerate(reversed(sents), 1):
        held = next((pairs[t.i] for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.i in pairs), None)
        if held is not None:  # "The leaders had a long discussion. Biden thanked ... . They discussed ...": that pair
            return held
        if _meeting_pair(doc, prev.end, actors, lookback=1, sentences=sentences):
            found = _meeting_pair(doc, start, actors, lookback=n, sentences=sentences)
            return (found[0], found[1]) if len(found) == 2 else None
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.i not in pairs
               and (t.tag_ in ("NNS", "NNPS") or t.lower_ in W["plural_pronouns"]) for t in prev):
            return None
    return None


def _previous_institution(doc: Doc, start: int, actors: dict[int, Any]) -> Any | None:
    """The state or state body (no person) that heads the subject of the main clause of the sentence before
    `start`: the actor must cover the subject's head word ("China's foreign ministry", not "the war in Ukraine")."""
    if start == 0:
        return None
    prev = doc[start - 1].sent
    for tok in prev.root.children:
        if tok.dep_ == "nsubj":
            m = actors.get(tok.i)
            if m is not None and m.person is None and is_state_mention(m) and tok.tag_ not in ("NNS", "NNPS"):
                return m
    return None


def _other_person_before(doc: Doc, sent: Any, tok: Token, actors: dict[int, Any]) -> Any | None:
    """The one person of the sentence before whose country the current sentence has not named before `tok`."""
    if sent.start == 0:
        return None
    here = {actors[i].country for i in range(sent.start, tok.i) if i in actors}
    found: dict[str, Any] = {}
    for t in doc[sent.start - 1].sent:
        m = actors.get(t.i)
        if m is not None and m.person is not None and is_state_mention(m) and m.country not in here:
            found.setdefault(m.country, m)
    return next(iter(found.values())) if len(found) == 1 and here else None


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
                found = _meeting_pair(doc, sent.start, actors, lookback=lookback, sentences=sentences) if met else []
                if len(found) < 2:
                    found = _recent(doc, sent.start, sent.start, actors, lookback=lookback, want=2, person=people,
                                    sentences=sentences)
                if len(found) < 2 and met:
                    found = _meeting_pair(doc, sent.start, actors, lookback=None, sentences=sentences)
                if len(found) < 2 and people:
                    found = _recent(doc, sent.start, sent.start, actors, lookback=lookback, want=2, person=False,
                                    sentences=sentences)
                if len(found) == 2:
                    actors[tok.i] = _as_mention(found[0], tok)
                    pairs[tok.i] = (found[0], found[1])
            elif (tok.lower_ in W["pronouns"] and tok.dep_ in ("nsubj", "nsubjpass")
                  and not any(sent.start <= i < tok.i for i in actors)):
                subject = _previous_subject(doc, sent.start, actors)
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
                both = (_previous_pair_subject(doc, sent.start, actors, pairs)
                        or they_meeting_pair(doc, sent.start, actors, pairs, sentences=sentences))
                if both is not None:
                    actors[tok.i] = _as_mention(both[0], tok)
                    pairs[tok.i] = both
            elif tok.lower_ in W["object_pronouns"] and tok.dep_ in ("dobj", "dative", "pobj", "nsubj"):
                other = _other_person_before(doc, sent, tok, actors)
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
                subject = _previous_institution(doc, sent.start, actors)
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
        found = {country: m for country, m in _named_states(doc, prev, actors).items() if country != source}
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
        near = _meeting_pair(c.doc, c.sent.start, c.actors, lookback=int(W["lookback"]), sentences=sentences)
        far = near or _meeting_pair(c.doc, c.sent.start, c.actors, lookback=None, sentences=sentences)
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
