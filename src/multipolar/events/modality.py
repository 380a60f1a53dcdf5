"""Modality rules: candidates that are no asserted act (questions, hedges, topic nouns, idioms, plans).

Each rule drops a candidate (modality.plan marks it hypothetical); its words are in data/rules/modality.json. Codebook: hypotheticals,
questions, speculation and nouns that merely mention a topic are not events.
- modality.question: the sentence is a question ("Will China retaliate?"), also where a transcript leaves out
  the question mark ("Q Does the President want Finland to join NATO": an auxiliary before its subject);
- modality.hedge: the reporter hedges ("appeared to back"), but not a noun act naming its own doer that the
  clause's other subject underwent ("Maduro's inner circle appears to survive U.S. strikes");
- modality.posed_threat: a state found to pose or constitute a threat to another ("the policies of Iran pose an
  unusual and extraordinary threat to the national security of the United States", in a US statement or said
  by a US official) is accused of it by the finder (112), not a threat it made;
- modality.topic_noun: a noun trigger named as a topic ("touched on the war", "discussed the sanctions"),
  as what something affects ("damages trade cooperation"), as what affects something (unless a sanction or
  tariff whose own phrase names both parties: "US tariffs on Indian goods hurt exporters", or one assault whose
  own phrase names its attacker: "a Ukrainian drone strike sparked a fire", or talks that ended: "the talks
  between Armenian and Azerbaijani ministers ended without a deal"), as what is posed
  ("poses a threat to"), or with no actor of its own;
- modality.idiom: the trigger is a word of an idiom ("called into question", "shook hands", "trade war");
- modality.departure: leaving a meeting or a place is no withdrawal ("before leaving the summit");
- modality.plan: a meeting, call or visit that is planned, scheduled or expected is no act yet ("plans to
  speak with Xi in the coming days", "is expected to visit Moscow", "the upcoming summit", "is set to make
  a visit", "the next round of talks"; a meeting previewed, or that something happens ahead of: "previewed the
  meeting", "ahead of the meeting between ..."): it keeps its
  CAMEO code (CAMEO coders record announced visits) with modality "hypothetical", which the real-news
  codebook and relations leave out (a plain "will meet" is modality.future_meeting's); an agreement to
  meet is an act of its own (036);
- modality.headline_future: a headline's infinitive with its subject ("Koizumi to visit U.S. next week") announces
  an act to come: a meeting, call or visit hypothetical, any other act intended;
- modality.scheduled: an intended meeting, call or visit whose own date phrase lies after the publication ("will
  meet the Prime Minister on Friday", "On May 1, the President will host ...") is a schedule: hypothetical too;
- modality.future_meeting: a meeting, call or talk announced with "will" ("the leaders will discuss ...", "They'll
  meet to flesh it out", "the two Presidents will reaffirm ... and discuss ...") is a plan, with or without a date
  (issue 11: plans and schedules are no acts yet): hypothetical;
- modality.warning: a statement ("warned", "told Trump", "said") whose reported clause says that an act
  would or will harm relations or bring a response ("sending troops would seriously harm relations", "any
  attack by Argentina would draw a harsh response", "... if Lima goes ahead"; not "tariffs will harm their own
  economy", a criticism) is a threat (130), asserted, aimed at the one addressed,
  else at the state named in the act it warns of (codebook: a statement of intent is coded as what it is);
- modality.ordered_posture: a statement that its speaker ordered forces moved, deployed or positioned ("said
  he had ordered two frigates to be positioned near ...") is a show of force (150), aimed at the state it
  answers ("in response to remarks by ...") or the statement's own target;
- modality.statement_topic: a plain statement (CAMEO 01: "said", "announced") whose target is named only
  inside the clause it reports ("Trump said Cuba is ready to fall") talks about that state: it is the
  statement's topic, not its addressee, so the target is cleared ("told Japan that ..." keeps it); so is the
  target of a denial named only in what it denies ("Tehran denied sending weapons to Russia", "denied any sale
  of weapons to Ukraine"; not in the claim it rejects: "rejected Ukraine's accusations");
- modality.sport: the "states" are national teams in a sporting contest ("Chile beat Peru 2-1", "will face
  Ghana in the World Cup quarter-final"): the sentence names a sport, a competition or a score with a
  result verb, no actor of the candidate is a person, and the act is none that states do around sport
  (a boycott of the Games, a ban on a team stay);
- modality.standing_relation: a relation noun ("partnership", "relationship", "alliance") is a standing relation,
  not something done, unless a verb of making or changing it governs it: launching, forging, signing, deepening,
  upgrading ("Chile and Peru launched a strategic partnership", "upgraded their ties to a strategic partnership"),
  or it is called new. Named as what is, is had, is maintained, is highlighted or is thanked for ("the
  partnership between Chile and Peru is rooted in decades of trade", "is proud to have a strong partnership
  with Peru", "we maintain a close partnership between ...", "grateful for Peru's continued partnership",
  "because of that partnership between Chile and Peru"), the candidate is dropped;
- modality.standing_agreement: an agreement, treaty or deal named as what something is done under, for or on
  ("new projects under the Kenya-Uganda Defense Cooperation Agreement", "we will build on Egypt's peace treaty with
  Israel", "pursuant to the Agreement", "consistent with the Treaty of ..."), with no word on the noun that makes it an act ("the recently signed
  agreement", "a new agreement"), is a standing instrument, not an act of agreeing: the candidate is dropped;
- modality.possible_outcome: an act named as what something could lead to, might result in or risks ("such
  moves could lead to a clash between Russia and NATO", "the dispute risks a war with Iran") is an outcome
  someone fears, not an act that happened: the candidate is dropped ("the raid led to a clash", said of what
  happened, stays).
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

from multipolar.events import mood
from multipolar.events.rulebook import (
    DROP,
    Candidate,
    Rule,
    derived_id,
    governors,
    is_state_mention,
    mention_tokens,
    recode,
    to_infinitive,
    words,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

W = words("modality")
_SPORT = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in sorted(W["sport_terms"], key=len, reverse=True))
                    + r")(?![\w-])", re.IGNORECASE)
_SCORE = re.compile(r"(?<![\w.:/-])\d{1,2} ?[-–] ?\d{1,2}(?![\w.:/-])")


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def question(c: Candidate):
    text = c.sent.text.rstrip().rstrip("\"'”’)")
    return DROP if text.endswith("?") or _inverted(c.sent) else None


def _inverted(sent) -> bool:
    """Whether the sentence opens as a question ("Q Does the President want Finland to join?", with or
    without its question mark): an auxiliary, alone or after a question word, before its verb's subject."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    k = 0
    while k < len(words) - 1 and k < 3 and words[k].lower_ in W["question_fillers"]:
        k += 1
    if k < len(words) - 1 and words[k].lower_ in W["question_words"]:
        k += 1
    if k >= len(words) - 1 or words[k].lower_ not in W["question_auxes"]:
        return False
    k += 1
    while k < len(words) - 1 and words[k].pos_ == "DET":
        k += 1
    # "Did Norway sanction ...", "Does the Chancellor want ...": a subject follows; not a bulleted
    # "Will provide aid to ..." whose subject is left out
    return words[k].pos_ in ("PROPN", "NOUN", "PRON")


def hedge(c: Candidate):
    chain = []
    for g in governors(c.tok, limit=3):
        chain.append(g)
        if _lemma(g) in W["hedge_verbs"]:
            return None if _undergone(c, chain) else DROP
    return None


def _undergone(c: Candidate, chain: list[Any]) -> bool:
    """A noun act naming its own doer, in a hedged clause whose subject is someone else: the strikes are told."""
    if c.tok.pos_ not in ("NOUN", "PROPN") or c.event.source_actor not in _own_codes(c):
        return False
    subjects = [t for g in chain for t in g.children if t.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(c.actors[t.i].actor_code == c.event.source_actor
                                      for s in subjects for t in s.subtree if t.i in c.actors)


def topic_noun(c: Candidate):
    tok = c.tok
    if tok.pos_ not in ("NOUN", "PROPN") or "modality.posed_threat" in c.fired:
        return None
    head = tok.head
    if tok.dep_ == "pobj" and _lemma(head) in W["topic_preps"] and _lemma(head.head) in W["topic_heads"]:
        return DROP
    if tok.dep_ in ("dobj", "nsubjpass") and _lemma(head) in W["topic_verbs"] | W["affect_verbs"]:
        return DROP
    if (tok.dep_ == "nsubj" and _lemma(head) in W["affect_verbs"] and not _measure_with_parties(c)
            and not _owned_assault(c) and not _talks_that_ended(c)):
        return DROP
    if c.guessed_source and not any(t.i in c.actors for t in tok.subtree):
        # "the threat", "a parade": a bare noun whose source only the neighbourhood suggests
        return DROP
    return None


def _talks_that_ended(c: Candidate) -> bool:
    """Talks or a meeting that ended ("the talks between Armenian and Azerbaijani ministers ended without a deal")
    were held: a verb of ending with no object of its own says the meeting took place."""
    head = c.tok.head
    return (c.event.root == "04" and _lemma(head) in W["ending_verbs"]
            and not any(ch.dep_ == "dobj" for ch in head.children))


def _owned_assault(c: Candidate) -> bool:
    """One assault whose own phrase names its attacker ("a Ukrainian drone strike sparked a fire at an oil depot"):
    what it did is told, the assault is asserted; not where what it stirred is the story ("sparks fears")."""
    if c.event.root not in ("18", "19", "20") or _lemma(c.tok) not in W["single_assault_nouns"]:
        return False
    verb = c.tok.head  # what it stirred: the words right after the verb (a headline's parse may lose the object)
    stirred = any(_lemma(t) in W["reaction_nouns"] for t in verb.doc[verb.i + 1:verb.i + 5] if t.pos_ == "NOUN")
    return c.event.source_actor in _own_codes(c) and not stirred  # "a US strike sparks fears": the reaction


def _own_codes(c: Candidate) -> set[str]:
    """The actor codes the trigger's own phrase names."""
    return {c.actors[t.i].actor_code for t in c.tok.subtree if t.i in c.actors}


def _measure_with_parties(c: Candidate) -> bool:
    """A sanction or tariff whose own phrase names who imposes it and on whom ("US tariffs on Indian goods
    hurt exporters"): what it affects is beside the point, the measure is asserted."""
    if c.event.root != "16" or c.event.target_actor is None:
        return False
    inside = _own_codes(c)
    return c.event.source_actor in inside and c.event.target_actor in inside


def idiom(c: Candidate):
    lemmas = [_lemma(t) for t in c.sent]
    at = c.tok.i - c.sent.start
    for phrase in W["idioms"]:
        n = len(phrase)
        for i in range(max(0, at - n + 1), min(at, len(lemmas) - n) + 1):
            if tuple(lemmas[i:i + n]) == tuple(phrase):
                return DROP
    return None


def departure(c: Candidate):
    tok = c.tok
    if _lemma(tok) not in W["departure_verbs"]:
        return None
    if tok.dep_ in ("pcomp", "advcl"):
        return DROP
    if any(ch.dep_ == "dobj" and _lemma(ch) in W["meeting_nouns"] for ch in tok.children):
        return DROP
    return None


def plan(c: Candidate):
    if c.event.modality == "hypothetical" or not _is_planned(c.tok, c.event):
        return None
    return dataclasses.replace(c.event, modality="hypothetical")


def scheduled(c: Candidate):
    """Rule modality.scheduled: an intended meeting, call or visit dated by its own phrase after the document's
    publication ("will meet virtually with the Prime Minister on Friday", "On May 1, the President will host ...",
    "looks forward to welcoming the Chancellor to the White House on February 7": an intent to meet, 036) is a
    schedule, not an act yet: hypothetical, as modality.plan makes a planned one."""
    ev = c.event
    if (ev.modality != "intended" or (ev.root not in W["plan_roots"] and ev.cameo not in W["plan_codes"])
            or ev.date is None or c.published is None or ev.date_precision in (None, "doc", "year")):
        return None
    return dataclasses.replace(ev, modality="hypothetical") if ev.date > c.published else None


# the auxiliaries of mood.WILL that announce an act to come; "would" also reports a past intention or a condition
FUTURE = frozenset(mood.WILL - {"would"})


def future_meeting(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.modality != "intended" or ev.negated or ev.root not in W["plan_roots"] or tok.pos_ != "VERB":
        return None
    x = tok
    while x.dep_ == "conj" and x.head.i != x.i:  # "will reaffirm ... and discuss ..."
        x = x.head
    if any(ch.dep_ == "aux" and ch.lower_ in FUTURE for ch in x.children):
        return dataclasses.replace(ev, modality="hypothetical")
    return None


def posed_threat(c: Candidate):
    """Rule modality.posed_threat: that a state, its policy or its conduct poses, constitutes or represents a
    threat to another ("the policies of the Government of Iran continue to pose an unusual and extraordinary
    threat to the national security of the United States") is no threat the first one made: it is a finding,
    and the one who finds it accuses the state found to be the threat (codebook: "Moscow said Kyiv attacked a
    power plant" is Moscow's accusation). The finder is the state of the speaker who says it, or, in a
    government's own statement with no speaker, that government when it is the one threatened. Coded as an
    accusation (112) by the finder of the state found; without a finder it stays as before (modality.topic_noun
    drops "poses a threat"; "constitutes" keeps the rules' reading)."""
    ev, tok = c.event, c.tok
    if ev.root != "13" or tok.pos_ != "NOUN" or ev.target is None or ev.modality == "hypothetical":
        return None
    if tok.dep_ not in ("dobj", "attr") or tok.head.lemma_.lower() not in W["posing_verbs"]:
        return None
    finder = _speaker_state(c) or (c.issuer if c.speaker is None and ev.target == c.issuer else None)
    if finder is None or finder == ev.source:
        return None
    return recode(ev, "112", c.coder.ontology, id_parts=("posed_threat",), source=finder, source_actor=finder,
                  source_name=None, target=ev.source, target_actor=ev.source_actor, target_name=ev.source_name,
                  modality="asserted")


def _speaker_state(c: Candidate) -> str | None:
    """The state of the one who says the candidate's clause (the subject of its verb of saying), or None."""
    if c.speaker is None:
        return None
    for ch in c.speaker.children:
        if ch.dep_ == "nsubj":
            for t in ch.subtree:
                m = c.actors.get(t.i)
                if m is not None and is_state_mention(m):
                    return m.country
    return None


def headline_future(c: Candidate):
    """Rule modality.headline_future: a headline puts what is announced in the infinitive with its subject and
    no verb of its own ("Koizumi to visit U.S. next week", "US to discuss Greenland with Danish officials",
    "China to impose tariffs on US goods"): the act is to come, not done. A meeting, call or visit so announced
    is hypothetical (as modality.plan makes a planned one), any other act intended (as "will impose"), and so is
    what the announced act is for ("... to visit U.S. to reaffirm the alliance")."""
    ev = c.event
    if ev.modality != "asserted" or not _headline_infinitive(c.tok):
        return None
    return dataclasses.replace(ev, modality="hypothetical" if ev.root in W["plan_roots"] else "intended")


def _headline_infinitive(tok: Token) -> bool:
    x = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok  # "to hold talks"
    for _ in range(3):  # "to visit U.S. and meet Hegseth", "to visit U.S. to reaffirm the alliance"
        if x.dep_ not in ("conj", "advcl") or x.head.i == x.i:
            break
        x = x.head
    return (x.dep_ == "ROOT" and x.tag_ == "VB" and to_infinitive(x)
            and any(ch.dep_ == "nsubj" for ch in x.children))


def _is_planned(tok: Token, ev) -> bool:
    if ev.root in W["plan_intent_roots"] and _lemma(tok) in W["plan_heads"]:
        return True  # "plans to speak with Xi", "plans to run Venezuela": the frame made an intent of a plan
    if ev.root not in W["plan_roots"]:
        return False
    x = tok
    if tok.pos_ in ("NOUN", "PROPN"):
        if _plan_modified(tok):
            return True  # "the planned visit", "an upcoming summit", "their next meeting"
        head = tok.head
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and _plan_modified(head.head):
            return True  # "the next round of talks"
        if (tok.dep_ == "dobj" and _lemma(head) in W["preview_verbs"]) or (
                tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in W["ahead_words"]):
            return True  # "previewed the meeting", "ahead of the meeting between ..."
        if tok.dep_ != "dobj" or head.pos_ != "VERB":
            return tok.dep_ == "pobj" and head.dep_ == "prep" and _lemma(head.head) in W["plan_heads"]  # "plans for a call"
        x = head  # "is set to make a visit", "is due to hold talks": the verb that takes the meeting noun
    for _ in range(3):  # "plans to speak", "is expected to visit", "is due to meet", "the plan to meet"
        if x.dep_ not in ("xcomp", "acomp", "acl") or x.head.i == x.i:
            return False
        x = x.head
        if _lemma(x) in W["plan_heads"]:
            return True
    return False


def _plan_modified(noun: Token) -> bool:
    return any(ch.dep_ in ("amod", "compound", "nmod") and ch.lower_ in W["plan_modifiers"] for ch in noun.children)


def _states_in(tokens, c: Candidate) -> list:
    """State mentions among `tokens` other than the candidate's source, in order."""
    return [m for t in tokens if (m := c.actors.get(t.i)) is not None and is_state_mention(m) and m.country != c.event.source]


def _aimed(ev, ontology, code: str, target):
    changes = {} if target is None else {"target": target.country, "target_actor": target.actor_code,
                                          "target_name": getattr(target, "person", None) or target.text}
    return recode(ev, code, ontology, modality="asserted", **changes)


def _warned_clause(tok: Token) -> Token | None:
    """The clause a statement verb reports when it says an act would or will bring harm."""
    for clause in (ch for ch in tok.children if ch.dep_ == "ccomp" and ch.pos_ in ("VERB", "AUX")):
        if not any(ch.dep_ == "aux" and ch.lower_ in W["warning_auxes"] for ch in clause.children):
            continue
        verbs = [clause] + [ch for ch in clause.children if ch.dep_ == "conj" and ch.pos_ == "VERB"]  # "would not help but would hurt"
        objects = [_lemma(ch) for v in verbs for ch in v.children if ch.dep_ == "dobj"]
        subjects = [ch for ch in clause.children if ch.dep_ in ("csubj", "nsubj")]
        act_subject = any(ch.dep_ == "csubj" or (ch.pos_ == "NOUN" and ch.lemma_.lower() not in W["relation_nouns"])
                          for ch in subjects)
        if_act = any(ch.dep_ == "advcl" and any(m.lower_ == "if" for m in ch.children) for ch in clause.children)
        # an act not yet done: a gerund ("supplying missiles would ..."), "any"/"a" act, or an "if" clause;
        # "US tariffs will harm cooperation" judges what is done: a criticism
        undone = if_act or any(ch.dep_ == "csubj" or any(d.dep_ == "det" and d.lower_ in W["undone_dets"] for d in ch.children)
                               for ch in subjects)
        if any(o in W["harm_objects"] for o in objects) and (act_subject or if_act):
            return clause  # "any attack would draw a response", "US tariffs will meet retaliation"
        if undone and any(_lemma(v) in W["harm_verbs"] for v in verbs) and any(o in W["relation_nouns"] for o in objects):
            return clause  # "supplying missiles would seriously damage relations"
    return None


def warning(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root not in W["statement_roots"] or ev.negated or _lemma(tok) not in W["warning_verbs"]:
        return None
    clause = _warned_clause(tok)
    if clause is None or "130" not in c.coder.ontology:
        return None
    addressed = _states_in([t for ch in tok.children if ch.dep_ in ("dobj", "dative") for t in ch.subtree], c)
    named = _states_in([t for ch in clause.children if ch.dep_ in ("csubj", "nsubj", "advcl") for t in ch.subtree], c)
    if not addressed and not named:
        return None  # "said the deal would hurt Japan": harm foreseen, no one warned
    return _aimed(ev, c.coder.ontology, "130", (addressed or named)[0])


def ordered_posture(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root not in W["statement_roots"] or ev.negated or "150" not in c.coder.ontology:
        return None
    orders = [tok] + [ch for ch in tok.children if ch.dep_ in ("ccomp", "xcomp")]
    for order in orders:
        if _lemma(order) not in W["order_verbs"]:
            continue
        below = list(order.subtree)
        if any(_lemma(t) in W["deploy_verbs"] for t in below) and any(_lemma(t) in W["force_nouns"] for t in below):
            answered = [t for r in c.sent if _lemma(r) in W["response_nouns"] for t in r.subtree]
            target = (_states_in(answered, c) or [None])[0]
            if target is None and (ev.target is None or ev.target == ev.source):
                return None
            return _aimed(ev, c.coder.ontology, "150", target)
    return None


def statement_topic(c: Candidate):
    ev = c.event
    if ev.root not in W["statement_roots"] or ev.target_actor is None:
        return None
    told = mention_tokens(c, ev.target_actor)
    if not told or not all(_in_reported_clause(t, c.tok) for t in told):
        return None  # "told Japan", "said to Seoul": addressed; a state named beside the verb may be either
    return dataclasses.replace(ev, target=None, target_actor=None, target_name=None, event_id=derived_id(ev, "topic"))


def _in_reported_clause(t: Token, verb: Token) -> bool:
    """Whether `t` sits inside the clause a statement verb reports ("said [Cuba is ready to fall]")."""
    x = t
    for _ in range(8):
        if x.head.i == x.i:
            return False
        if x.head.i == verb.i:
            # what a denial denies is reported too: "denied sending weapons to Russia"
            return x.dep_ in ("ccomp", "parataxis") or (
                x.dep_ in ("xcomp", "dobj") and _lemma(verb) in W["denial_verbs"] and (
                    x.pos_ == "VERB" or (x.pos_ == "NOUN" and _lemma(x) not in W["claim_nouns"])))
        x = x.head
    return False


def _is_sport_context(c: Candidate) -> bool:
    if _SPORT.search(c.sent.text):
        return True
    nouns = {_lemma(t) for t in c.sent if t.pos_ in ("NOUN", "PROPN")}
    if nouns & W["sport_strong_nouns"]:
        return True
    result = any(_lemma(t) in W["result_verbs"] or _lemma(t) in W["result_nouns"] for t in c.sent
                 if t.pos_ in ("VERB", "NOUN"))  # "beat Peru 2-1", "a 4-1 win", "draw 0-0"
    return result and bool(_SCORE.search(c.sent.text) or nouns & W["sport_nouns"])


def sport(c: Candidate):
    ev = c.event
    if ev.target_actor is None or _lemma(c.tok) in W["sport_acts"] or not _is_sport_context(c):
        return None
    for code in (ev.source_actor, ev.target_actor):
        if any(c.actors[t.i].person for t in mention_tokens(c, code)):
            return None  # a leader at a match acts as a leader ("Putin met Xi at the Games")
    return DROP


def possible_outcome(c: Candidate):
    tok = c.tok
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in W["outcome_preps"]:
        head = head.head
    elif tok.dep_ != "dobj":
        return None
    if head.pos_ != "VERB" or head.lemma_.lower() not in W["outcome_verbs"]:
        return None
    if head.lemma_.lower() in W["risk_verbs"] or any(ch.dep_ == "aux" and ch.lower_ in W["possibility_auxes"] for ch in head.children):
        return DROP
    return None


def _standing(tok: Token) -> bool:
    """Whether a relation noun names a standing relation rather than an act (rule modality.standing_relation): no
    verb of making or changing a relation governs it ("launched a partnership", "upgraded ties to a partnership",
    through a conjunct's head too: "deepen trade and partnership") and nothing calls it new."""
    if any(ch.dep_ == "amod" and ch.lower_ in W["new_words"] for ch in tok.children):
        return False
    head = tok
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    for _ in range(3):  # the noun, the preposition whose object it is, the verb or noun above ("upgraded ... to")
        head = head.head
        if head.pos_ in ("VERB", "NOUN") and _lemma(head) in W["relation_making"]:
            return False
        if head.dep_ not in ("prep", "pobj", "dobj", "conj") or head.head is head:
            break
    return True


def standing_relation(c: Candidate):
    tok = c.tok
    if tok.pos_ not in ("NOUN", "PROPN") or _lemma(tok) not in W["standing_nouns"] or c.event.negated:
        return None
    return DROP if _standing(tok) else None


def standing_agreement(c: Candidate):
    tok = c.tok
    if tok.pos_ not in ("NOUN", "PROPN") or _lemma(tok) not in W["agreement_nouns"] or tok.dep_ != "pobj":
        return None
    if any(_lemma(ch) in W["concluding_words"] for ch in tok.children if ch.dep_ in ("amod", "acl", "relcl")):
        return None  # "the recently signed security agreement", "a new agreement": an act
    prep = tok.head
    referred = prep.lower_ in W["reference_preps"] or (prep.lower_ in ("to", "with")
                                                       and prep.head.lower_ in W["reference_heads"])
    return DROP if referred else None


RULES = [Rule("modality.question", question), Rule("modality.hedge", hedge),
         Rule("modality.posed_threat", posed_threat), Rule("modality.topic_noun", topic_noun), Rule("modality.idiom", idiom), Rule("modality.departure", departure),
         Rule("modality.plan", plan), Rule("modality.headline_future", headline_future),
         Rule("modality.scheduled", scheduled), Rule("modality.future_meeting", future_meeting),
         Rule("modality.warning", warning),
         Rule("modality.ordered_posture", ordered_posture),
         Rule("modality.statement_topic", statement_topic), Rule("modality.standing_relation", standing_relation),
         Rule("modality.sport", sport), Rule("modality.possible_outcome", possible_outcome),
         Rule("modality.standing_agreement", standing_agreement)]
