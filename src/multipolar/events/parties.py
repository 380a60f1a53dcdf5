"""Party rules: who is named beside an act without being a party to it.

Words in data/rules/parties.json.
- parties.news_outlet: a news organisation (an actor of the media sector) named as the one that reports,
  confirms, verifies or analyses what happened, or as whom someone speaks to ("soldiers were killed,
  figures confirmed by the Courier show", "the state rarely admits losses, but a Courier analysis
  estimates ...", "officials speaking to the Courier") tells of the act; it neither does it nor suffers
  it: a candidate with such an outlet as source or target is dropped. An outlet that is itself the subject
  of the act, or that the act is done to ("the ministry banned the Courier"), is left alone;
- parties.co_mediators: a mediation is done by its mediators for two other parties; mediators listed
  together ("the truce was mediated by A, B and C") are fellows, not parties to each other: a candidate
  whose source and target are conjuncts of one list is dropped (events/pairs.py reads a list of doers of
  an act done with one another as pairs of each other, right for "A and B met", wrong here);
- parties.with_partners: states listed together as what a "with" phrase names ("the talks with Israel and Egypt
  ended", "in separate meetings with Czech and Chinese officials") are each someone else's partner, not parties
  to each other: a candidate whose source and target are conjuncts of one such list is dropped (the one who
  talks with them, where named, keeps its acts);
- parties.people_not_state: a people is not its government (codebook: only governments, officials,
  militaries and state bodies act for a state): a source named only by a plural nationality noun
  ("Americans", "Ukrainians") or by a nationality adjective on a noun of ordinary people ("Syrian refugees",
  "Kenyan farmers") and read as the state itself (a bare country code) gives no act of that state toward
  another state: the candidate is dropped ("thousands of Iranians took to the streets", a protest at home,
  stays). A state body, an official or a weapon so described ("Syrian officials", "Russian
  drones"), "the Russians" with the article (news English for a state's forces or negotiators) and a
  people as the one acted on are left alone;
- parties.document_text: a text put to a vote (a resolution, a draft, an amendment, a motion) is no party: an act whose doer
  is such a text ("the resolution condemned Moscow", "a draft calling on Israel to withdraw", "the text that
  urges Iran ...", "a draft sought to delay ...", the purpose of putting a text forward: "proposed a draft to delay
  the sanctions", an act named by what such a text does: "a resolution that calls out Moscow's aggression") tells what the text says, not what a state did to another (whoever adopts or proposes it
  acts toward the body that votes on it); and an act done to such a text is not done to a state it names
  ("France opposed a resolution condemning Israel" is no opposition to Israel): both are dropped (a state
  named as the text's author, "backed the Security Council resolution", stays the one acted toward). A text that
  is only where something is said ("in a statement, China condemned ...") is not a doer and is left alone, and
  a state's own report or statement that accuses another is that state's act (CAMEO codes it so) and stays;
- parties.co_signers: three or more states that sign one statement or letter ("a joint statement signed by
  A, B, C and D", "A, B and C signed a letter urging ...") are its fellow authors, not parties to a deal with
  each other (a signed deal is an agreement; a signed statement says something to or about someone else):
  a candidate between two of the signers whose trigger is the signing is dropped. Two states signing a joint
  statement, and any number signing a treaty or an agreement, are left alone;
- parties.headline_passive: a headline drops the "was" of a passive ("Mali's leader seized, flown abroad in
  French operation", "two Estonian guards detained by Russian forces"): a verb of force or seizure that
  always takes an object, written with a subject and no object, auxiliary or passive subject, names its
  victim as the subject; where an "in"/"by"/"during" phrase in its clause (or in that of a passive participle
  it shares its subject with: "seized, flown abroad in ...") names the state that did it (an operation, a
  raid, a strike or forces of that state, or the state itself), source and target are swapped (that state
  acts on the subject's state). Without such a phrase the reading is left alone;
- parties.act_not_speaker: an act named by a noun (an operation, a strike, sanctions, a decision) does not
  speak, judge or meet: a verbal act whose subject is such a noun ("the US operation in Venezuela undermined
  international law", "the sanctions on Iran rejected ...") has no doer among the states the noun's phrase
  names, and the candidate is dropped (the noun's own act, where it is one, is coded on its own);
- parties.backing_phrase: "with the support of X" (or help, backing, blessing ...) says that X backs the act; the
  noun is no act of the doer toward X ("Denmark is donating jets to Ukraine, with the support of the United
  States" is no Danish support for the US): a candidate of such a noun aimed at X is dropped (the verb's own
  target is read past the phrase, events/syntax.py `objects`);
- parties.travel_advice: a government's warning or advice to people ("warned citizens against travel to
  Venezuela", "advised its nationals to leave Lebanon", "urged Americans not to travel to Haiti") is addressed to
  them, and the state where they would go or stay is no party to it: a candidate of such a verb whose object is a
  noun of ordinary people naming no state, and whose target is named only in what they are warned of, is dropped;
- parties.unnamed_partner (`unnamed_partner`, called by events/arguments.py): a verb of working together whose
  "with" phrase names its partner by a word that is no state ("is working with our allies and partners to hold
  Iran accountable") works with no state: no stand-in partner is looked for (it was the state of the purpose
  clause), and the verb is no candidate, so that the act it is done to achieve stands as the sentence's act
  (events/clauses.py, clauses.joint_work); a verb of meeting, talking or hosting "with" such partners ("hosted a
  call with Allies and partners about Russia's war on Ukraine", "spoke with counterparts from our Baltic Allies
  to discuss ...") takes no stand-in partner either (it was the state of the topic), nor a partner read off its
  object's phrase; a topic the parser hangs on the partners themselves ("with allies about X's attack") does not
  name them.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from multipolar.events.rulebook import (
    DROP,
    Candidate,
    Rule,
    governors,
    mention_name,
    mention_tokens,
    to_infinitive,
    words,
)
from multipolar.events.syntax import BACKING_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

W = words("parties")


def _heads(c: Candidate, actor_code: str | None) -> list[Token]:
    """The head token of each mention of this actor in the candidate's sentence."""
    if not actor_code:
        return []
    toks = mention_tokens(c, actor_code)
    inside = {t.i for t in toks}
    return [t for t in toks if t.head.i not in inside or t.head.i == t.i]


def _tells_of(head: Token, trigger: Token) -> bool:
    """Whether an outlet's mention hangs from a word of reporting (as its agent, its owner, or what is spoken
    to), rather than being the subject of the act."""
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.i == trigger.i:
        return False
    return any(g.lemma_.lower() in W["report_words"] or g.lower_ in W["report_words"]
               for g in governors(head, limit=W["report_reach"]))


def news_outlet(c: Candidate):
    ev = c.event
    for code in (ev.source_actor, ev.target_actor):
        if not code or code[3:6] != W["media_sector"]:
            continue
        heads = _heads(c, code)
        if heads and all(_tells_of(h, c.tok) for h in heads):
            return DROP
    return None


def co_mediators(c: Candidate):
    ev = c.event
    if ev.cameo not in W["third_party_codes"] or not ev.target_actor:
        return None
    sources, targets = _heads(c, ev.source_actor), _heads(c, ev.target_actor)
    if any(t in s.conjuncts for s in sources for t in targets):
        return DROP
    return None


def _in_with_phrase(head: Token) -> bool:
    """Whether a list's first conjunct is the object of "with", or a modifier of that object ("with Czech and
    Chinese officials")."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ in W["with_modifier_deps"] and first.head.i != first.i:
        first = first.head
    return first.dep_ == "pobj" and first.head.lower_ == "with"


def with_partners(c: Candidate):
    ev = c.event
    if not ev.target_actor or ev.target == ev.source:
        return None
    sources, targets = _heads(c, ev.source_actor), _heads(c, ev.target_actor)
    if any(t in s.conjuncts and _in_with_phrase(s) for s in sources for t in targets):
        return DROP
    return None


def _is_people(c: Candidate, head: Token) -> bool:
    """Whether a mention names a people rather than its state: a plural nationality noun ("Americans") or a
    nationality adjective on a noun of ordinary people ("Syrian refugees")."""
    m = c.actors.get(head.i)
    if m is None or m.kind != W["nationality_kind"] or head.i in c.pairs or not head.ent_type_:
        return False  # "both sides", "they": a phrase standing for states named before (events/anaphora.py)
    if head.tag_ in W["people_noun_tags"]:
        # "the Russians attacked ...", "the Americans proposed ...": with the article, news English means the
        # state's forces or negotiators
        return not any(ch.dep_ == "det" and ch.lower_ == "the" for ch in head.children)
    return head.dep_ == "amod" and head.head.lemma_.lower() in W["people_nouns"]


def people_not_state(c: Candidate):
    code, target = c.event.source_actor or "", c.event.target or ""
    if len(code) != 3 or not target or target == code:
        return None  # a sector ("CHNCVL") or a state body is not the state itself; a people's act at home stays
    heads = _heads(c, code)
    named = [h for h in heads if (m := c.actors.get(h.i)) is not None and m.text == c.event.source_name]
    if (named or heads) and all(_is_people(c, h) for h in (named or heads)):
        return DROP  # the mention the source was read from, where it can be told apart from others of the state
    return None


def _doer(tok: Token) -> Token | None:
    """The noun that does what a verb says: its subject; for a verb describing a noun ("a draft calling on",
    "the text that urges") that noun; for a verb joined to another without a subject of its own, that one's."""
    x = tok
    for _ in range(3):
        subj = next((ch for ch in x.children if ch.dep_ in W["doer_deps"]), None)
        if subj is not None and subj.lower_ not in W["relative_pronouns"]:
            return subj
        if x.dep_ in W["describing_deps"] and x.head.i != x.i:
            return x.head
        if x.dep_ not in ("conj", "xcomp") or x.head.i == x.i:
            return None
        x = x.head  # "a draft sought to postpone ...": the doer of the verb it completes
    return None


def _text_purpose(tok: Token) -> bool:
    """Whether a verb is the purpose ("to ...") of putting forward a text ("proposed a draft resolution to delay
    the sanctions"): what the text would do, not what its authors do."""
    if tok.dep_ != "advcl" or tok.head.i == tok.i or not to_infinitive(tok):
        return False
    return any(_is_text(ch) for ch in tok.head.children if ch.dep_ == "dobj")


def _is_text(tok: Token | None) -> bool:
    return tok is not None and tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in W["text_nouns"]


def document_text(c: Candidate):
    tok = c.tok
    # the act, or the verb whose object names it ("a resolution that calls out Moscow's aggression"), is done by a text
    verbs = [g for g in [tok, *governors(tok, limit=W["content_reach"])] if g.pos_ in ("VERB", "AUX")][:1]
    if any(_is_text(_doer(v)) or _text_purpose(v) for v in verbs):
        return DROP
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    targets = _heads(c, c.event.target_actor)
    objects = [g for ch in tok.children if ch.dep_ in W["text_object_deps"] for g in
               ([ch] if ch.dep_ != "prep" else [p for p in ch.children if p.dep_ == "pobj"])]
    texts = [o for o in objects if _is_text(o)]
    if targets and texts and all(any(_said_in(t, x) for x in texts) for t in targets):
        return DROP
    return None


def _said_in(t: Token, text: Token) -> bool:
    """Whether a mention is part of what a text says ("a resolution condemning Israel"), not of who wrote or
    adopted it ("the Security Council resolution", "a draft by France")."""
    authors = [ch for ch in text.children if ch.dep_ in W["author_deps"] or ch.dep_ == "prep" and ch.lower_ in W["author_preps"]]
    return t.i != text.i and t in text.subtree and not any(t in a.subtree for a in authors)


def co_signers(c: Candidate):
    tok, ev = c.tok, c.event
    if tok.lemma_.lower() not in W["signing_verbs"] or not ev.target_actor:
        return None
    signed = [ch for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in W["describing_deps"]:
        signed.append(tok.head)  # "a joint statement, signed by ..."
    if not any(t.lemma_.lower() in W["statement_nouns"] for t in signed):
        return None
    sources, targets = _heads(c, ev.source_actor), _heads(c, ev.target_actor)
    for s_tok in sources:
        listed = [s_tok, *s_tok.conjuncts]
        if len(listed) >= W["min_co_signers"] and any(t in listed for t in targets):
            return DROP
    return None


def headline_passive(c: Candidate):
    tok, ev = c.tok, c.event
    if (ev.root not in W["headline_passive_roots"] or not ev.target_actor or tok.pos_ != "VERB"
            or tok.tag_ not in ("VBD", "VBN") or tok.lemma_.lower() not in W["headline_passive_verbs"]
            or any(ch.dep_ in ("dobj", "nsubjpass", "auxpass", "aux", "agent") for ch in tok.children)):
        return None
    subject = next((ch for ch in tok.children if ch.dep_ == "nsubj"), None)
    skip = {t.i for t in subject.subtree} if subject is not None else set()
    if not any(t.i in skip for t in mention_tokens(c, ev.source_actor)):
        return None  # the source was not read from the subject
    shared = [ch for ch in tok.children if ch.dep_ in ("advcl", "conj") and ch.tag_ == "VBN"
              and not any(g.dep_ in ("nsubj", "nsubjpass") for g in ch.children)]  # "seized, flown abroad in ..."
    for prep in (p for holder in (tok, *shared) for p in holder.subtree):
        if prep.i in skip or prep.dep_ != "prep" or prep.lower_ not in W["headline_passive_preps"]:
            continue
        for noun in (ch for ch in prep.children if ch.dep_ == "pobj"):
            doer = c.actors.get(noun.i)
            if doer is None and noun.lemma_.lower() in W["operation_nouns"]:
                doer = next((c.actors[m.i] for m in noun.children
                             if m.dep_ in ("amod", "compound", "nmod", "poss") and m.i in c.actors), None)
            if doer is not None and doer.country and doer.country != ev.source:
                return dataclasses.replace(ev, source=doer.country, source_actor=doer.actor_code,
                                           source_name=mention_name(doer), target=ev.source,
                                           target_actor=ev.source_actor, target_name=ev.source_name)
    return None


def act_not_speaker(c: Candidate):
    ev, tok = c.event, c.tok
    if tok.pos_ != "VERB" or ev.root not in W["verbal_roots"]:
        return None
    verb = tok.head if tok.dep_ == "conj" and not any(ch.dep_ in W["doer_deps"] for ch in tok.children) else tok
    doer = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)  # its own subject only
    if doer is None or doer.pos_ != "NOUN" or doer.lemma_.lower() not in W["act_nouns"] or doer.i in c.actors:
        return None
    sources = _heads(c, ev.source_actor)
    inside = {t.i for t in doer.subtree}
    if sources and all(s.i in inside for s in sources):
        return DROP
    return None


def backing_phrase(c: Candidate):
    tok = c.tok
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ != "with" or c.event.target_actor is None:
        return None
    if tok.lemma_.lower() not in BACKING_NOUNS:
        return None
    backers = {t.i for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree}
    if any(t.i in backers for t in mention_tokens(c, c.event.target_actor)):
        return DROP
    return None


def travel_advice(c: Candidate):
    tok = c.tok
    advised = tok.dep_ in ("xcomp", "ccomp", "advcl") and to_infinitive(tok)  # "advised its nationals to leave X"
    verb = tok.head if advised else tok
    if verb.lemma_.lower() not in W["advice_verbs"] or c.event.target_actor is None:
        return None
    told = [o for o in verb.children if o.dep_ in ("dobj", "nsubj") and o.i > verb.i
            and (o.lemma_.lower() in W["people_nouns"] or o.pos_ == "PROPN" and o.lower_[:-1] in W["people_nouns"])]
    # (a headline's capitals make "Citizens" a name: its plural is read off the word)
    if not told or any(t.i in c.actors and t.lower_ not in W["own_possessives"] for t in told[0].subtree):
        return None
    if advised:
        return DROP  # what the people are told to do is their act, not the government's
    warned_of = {t.i for ch in verb.children if ch.i > told[0].i and (ch.dep_ == "prep" or to_infinitive(ch))
                 for t in ch.subtree}
    return DROP if all(t.i in warned_of for t in mention_tokens(c, c.event.target_actor)) else None


TOPIC_PREPS = frozenset({"about", "on", "regarding", "concerning", "over"})


def unnamed_partner(verb: Token, actors: dict[int, Any], *, words: str = "joint_work_verbs") -> bool:
    """parties.unnamed_partner: `verb` works together (`words`: or meets, talks, hosts) "with" partners named by
    no actor; the "with" phrase may hang on the verb's object ("hosted a call with Allies and partners")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in W[words]:
        return False
    holders = [verb] + [o for o in verb.children if o.dep_ == "dobj"]
    partners = [p for h in holders for ch in h.children if ch.dep_ == "prep" and ch.lower_ == "with"
                for p in ch.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN", "PRON")]
    # a topic the parser hangs on the partners ("with allies about the response to X's attack") names none of them
    topic = {t.i for p in partners for x in p.subtree if x.dep_ == "prep" and x.lower_ in TOPIC_PREPS for t in x.subtree}
    return bool(partners) and not any(t.i in actors and t.i not in topic for p in partners for t in p.subtree)


RULES = [Rule("parties.news_outlet", news_outlet), Rule("parties.co_mediators", co_mediators),
         Rule("parties.with_partners", with_partners),
         Rule("parties.people_not_state", people_not_state), Rule("parties.document_text", document_text),
         Rule("parties.co_signers", co_signers), Rule("parties.headline_passive", headline_passive),
         Rule("parties.act_not_speaker", act_not_speaker), Rule("parties.backing_phrase", backing_phrase),
         Rule("parties.travel_advice", travel_advice)]
