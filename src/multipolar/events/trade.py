"""Trade and sanctions rules (codebook: imposing or raising tariffs is SANCTION; pausing, cutting or
lifting them RETREAT; a conditional threat of them THREATEN; export controls and entity lists aimed at a
state's firms SANCTION against that state).

Words in data/rules/trade.json.
- trade.eased: a restriction paused, cut, lifted or exempted is an easing (085), not the restriction; a verb of
  pausing or cutting reaches it only through its object, not through a background phrase ("paused purchases
  after the sanctions" eases nothing);
- trade.continued_measure: a restriction its imposer "will continue to impose" or "keep imposing" ("will continue to
  impose costs on Russia") is the measure in force, asserted (163), not a threat of it: "will" is read off the
  verb of continuing (rule before trade.conditional_threat; a condition, "if ...", leaves it hypothetical);
- trade.conditional_threat: a restriction announced or conditioned ("would impose tariffs if ...") by its
  own imposer is a threat of sanctions (1312), asserted; one in a past counterfactual ("if we had decided to
  leave Afghanistan") stays hypothetical;
- trade.struck_with: a state hit, struck or punished with a tariff or sanction is sanctioned, not attacked
  ("Washington hit Beijing with fresh tariffs" is 163, not 190); in the passive ("Brazil was hit with
  American tariffs") the measure's own phrase names who imposes it;
- trade.headline_passive: a headline drops the "was" of a passive ("Russian oil firms hit with US sanctions",
  "Chinese steelmakers slapped with new EU tariffs"): a sanction read off a verb of striking with no object,
  whose "with" phrase names the measure and the state that imposes it, was done to the subject by that
  state; source and target are swapped ("The US hit Russian oil firms with sanctions", with its object, is
  read as before, and so is a verb that takes no object: "Beijing retaliated with tariffs on American coal");
- trade.faced: a tariff or sanction that a state's side faces, suffers or is hit with ("Indian exporters
  face 50 percent US tariffs") is aimed at that state, where the measure's own phrase names no target;
- trade.tariff_act (a finder): a verb of imposing, raising, pausing, cutting or exempting whose object
  names a tariff, duty or sanction is a sanction (163) on the states whose goods, firms or economy the
  phrase names ("raised the tariff rate on goods from Brazil", "imposed duties on products of Canada");
  trade.eased then makes a pause, cut or exemption an easing, trade.conditional_threat a condition a threat;
- trade.dealings_object: a state named only inside the reason for a tariff or sanction, a "for"/"over"
  phrase about the target's dealings with it ("tariffs on Indian goods over its purchases of Russian oil",
  "sanctioned Chinese refiners for buying Iranian crude"), or about its own acts against it ("sanctions on
  Russia over its war in Ukraine"), is what the target dealt with or acted on, not the target: that reading is
  dropped (the measure's own target is read as before);
- trade.ordered_measure: ordering or decreeing a tariff or sanction ("ordered an extra tariff on imports from
  India", "ordered new sanctions on Iran") imposes it (163), not a demand (100) on its target;
- trade.measure_blow: a tariff, sanction or export control that "hits" or "targets" a state or its firms ("US export
  controls have hit Chinese companies") is the measure (163) of its owner on them, not a use of force (19x);
- trade.threatened_measure: a tariff or sanction named as what a state threatens, vows or warns it will do
  ("threatened on Friday to impose an extra tariff on Japanese goods") is a threat of sanctions (1312), not
  the measure;
- trade.firms_list (a finder): putting a state's firms on an entity list or under export controls
  ("added 80 Chinese companies to its entity list") is a sanction (163) against that state;
- trade.aid_cutoff: a state's statement that it will not, or will no longer, provide or give aid or
  assistance to a state ("will not provide assistance to the Governments of A, B and C", "shall no longer
  extend military aid to X") stops that aid (162, SANCTION), not a refusal of a request (122); a refusal
  in the past ("did not provide aid") is left as it is;
- trade.rate_schedule (a finder): in a government's own document (actors/issuer.py), a tariff or duty stated
  with its rate and the states whose goods it falls on ("a 20% tariff on bicycles from Japan, Chile and
  Norway, and 10% on Peru", "the duty rate shall be 12 percent for products of Chile", "articles of Chile
  shall be subject to a duty of 30 percent") is that government's sanction (163) on each state named in an
  on/from/of/for phrase, where no verb with a state subject read it (trade.tariff_act); a list item that
  names a state and a rate under a heading that names the measure and ends with a colon ("the following
  rates: - Chile (25%)") is read the same way; either is an easing (085) when its sentence or heading
  pauses, cuts or suspends the measure ("cut to the following rates:", "suspending 24 percentage points of
  the duty"), and an earlier act recounted in the past tense ("in the order of April 2 I imposed a 34%
  duty on ...") is left to the other rules, as it is dated by that order, not by the document;
- trade.national_emergency (a finder): declaring or continuing a national emergency "with respect to" a state
  ("declared a national emergency with respect to Iran", a notice headed "Continuation of the National
  Emergency With Respect to Belarus") is the legal ground of sanctions on it: a sanction (163) by the subject
  of the verb that declares or continues it, else by the government whose document it is; the lexicon's
  reading of the same words as a state of emergency (1724) is dropped (trade.emergency_measure).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from multipolar.actors.issuer import KINDS as ISSUER_KINDS
from multipolar.actors.issuer import issuer_mention
from multipolar.events import mood, syntax
from multipolar.events.imposers import facing_verb
from multipolar.events.rulebook import (
    DROP,
    Candidate,
    Rule,
    derived_id,
    governors,
    is_state_mention,
    mention_tokens,
    recode,
    words,
)

W = words("trade")
_REASONS = frozenset(W["dealings_words"]) | frozenset(W["reason_words"])  # rule trade.dealings_object
SANCTION, EASE, THREAT = "163", "085", "1312"
_RATE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)  # rule trade.rate_schedule


def _restriction(c: Candidate) -> bool:
    return any(t.lemma_.lower() in W["restriction_nouns"] for t in [c.tok, *c.tok.children]) or bool(_measures(c.tok))


def eased(c: Candidate):
    if c.event.root not in ("16", "17") or not _restriction(c):
        return None
    near = [c.tok, *governors(c.tok, limit=2)]
    for t in near:
        lemma = t.lemma_.lower()
        if t.dep_ == "prep" and t.lower_ in W["background_preps"]:
            break  # "paused purchases after the sanctions": the pause is of something else
        if (t.pos_ == "VERB" and lemma in W["ease_verbs"]) or (t.pos_ == "NOUN" and lemma in W["ease_nouns"]):
            if lemma == "extend" and not any(x.lemma_.lower() in W["ease_nouns"] for x in t.subtree):
                continue  # "extended the tariffs" keeps them; "extended the pause" eases
            if EASE in c.coder.ontology:
                return recode(c.event, EASE, c.coder.ontology)
    return None


def is_continued(tok: Any) -> bool:
    """Whether the act of `tok` is carried on by a verb of continuing ("will continue to impose", "keep
    imposing"): events/qualifiers.py leaves such a restriction as it is, not a threat (rule trade.continued_measure)."""
    x = tok
    for _ in range(2):
        if x.dep_ not in ("xcomp", "ccomp") or x.head.i == x.i:
            return False
        x = x.head
        if x.pos_ == "VERB" and x.lemma_.lower() in W["continue_verbs"]:
            return True
    return False


def continued_measure(c: Candidate):
    ev = c.event
    if ev.root != "16" or ev.negated or ev.modality != "intended" or not is_continued(c.tok):
        return None
    return dataclasses.replace(ev, modality="asserted")


def conditional_threat(c: Candidate):
    ev = c.event
    if ev.root != "16" or ev.negated or ev.modality not in ("hypothetical", "intended") or THREAT not in c.coder.ontology:
        return None
    if (ev.modality == "intended" and "trade.rate_schedule" in c.fired) or mood.counterfactual(c.tok):
        return None  # the measure itself in a government's own order; "if we had decided to leave": no threat
    if c.speaker is not None:
        said_by = {m.actor_code[:3] for m in syntax.subjects(c.speaker, c.actors)[0]}
        if said_by and ev.source not in said_by:
            return None  # someone else's speculation about the restriction
    return recode(ev, THREAT, c.coder.ontology, modality="asserted")


def struck_with(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root not in ("17", "18", "19") or tok.lemma_.lower() not in W["strike_verbs"] or SANCTION not in c.coder.ontology:
        return None
    measures = [g for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ in ("with", "by")
                for g in p.children if g.dep_ == "pobj" and _is_measure(g)]
    if not measures:
        return None
    if not any(ch.dep_ == "nsubjpass" for ch in tok.children):
        return recode(ev, SANCTION, c.coder.ontology)
    imposers = [c.actors[t.i] for m in measures for t in m.subtree if t.i in c.actors]
    src = next((m for m in imposers if m.country and m.country != (ev.target or "")), None)
    if src is None:
        return DROP  # "Brazil was hit with tariffs": no one named who imposed them
    return recode(ev, SANCTION, c.coder.ontology, source=src.actor_code[:3], source_actor=src.actor_code,
                  source_name=src.text)


def headline_passive(c: Candidate):
    ev, tok = c.event, c.tok
    if (ev.root != "16" or tok.lemma_.lower() not in W["strike_verbs"] or tok.lemma_.lower() in W["intransitive_strikes"]
            or not ev.target_actor or tok.tag_ != "VBD"
            or any(ch.dep_ in ("dobj", "nsubjpass", "auxpass", "aux") for ch in tok.children)):
        return None
    if not any(ch.dep_ == "nsubj" for ch in tok.children):
        return None
    measures = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "with"
                for g in p.children if g.dep_ == "pobj" and _is_measure(g)]
    inside = {t.i for m in measures for t in m.subtree}
    if not any(t.i in inside for t in mention_tokens(c, ev.target_actor)):
        return None  # the target was not read from the measure's own phrase
    return dataclasses.replace(ev, source=ev.target, source_actor=ev.target_actor, source_name=ev.target_name,
                               target=ev.source, target_actor=ev.source_actor, target_name=ev.source_name,
                               event_id=derived_id(ev, "headline_passive"))


def faced(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root != "16" or ev.target_actor is not None or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    verb = facing_verb(tok)
    if verb is None:
        return None
    sources, others, _ = syntax.subjects(verb, c.actors)
    for m in sources + others:
        if m.country and m.country != ev.source:
            return dataclasses.replace(ev, target=m.actor_code[:3], target_actor=m.actor_code, target_name=m.text,
                                       event_id=derived_id(ev, m.actor_code))
    return None


def _in_dealings(tok: Any, stop: Any) -> bool:
    """`tok` lies inside a "for buying ..."/"over its trade with ..." phrase (below `stop`, the trigger)."""
    for a in governors(tok, limit=8):
        if a.i == stop.i:
            return False
        if a.dep_ == "prep" and a.lower_ in W["dealings_preps"] and any(
                g.dep_ in ("pobj", "pcomp") and g.lemma_.lower() in _REASONS for g in a.children):
            return True
    return False


def dealings_object(c: Candidate):
    ev = c.event
    if ev.root not in ("13", "16") or ev.target_actor is None:
        return None
    toks = mention_tokens(c, ev.target_actor)
    if toks and all(_in_dealings(t, c.tok) for t in toks):
        return DROP
    return None


def ordered_measure(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root != "10" or tok.lemma_.lower() not in W["order_verbs"] or SANCTION not in c.coder.ontology:
        return None
    if not any(ch.dep_ == "dobj" and _is_measure(ch) for ch in tok.children):
        return None  # "ordered Russia to withdraw" is a demand
    return recode(ev, SANCTION, c.coder.ontology)


def measure_blow(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root not in ("18", "19") or tok.pos_ != "VERB" or tok.lemma_.lower() not in W["blow_verbs"]:
        return None
    if SANCTION not in c.coder.ontology or not any(ch.dep_ == "nsubj" and _is_measure(ch) for ch in tok.children):
        return None
    return recode(ev, SANCTION, c.coder.ontology)


def threatened_measure(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.root != "16" or THREAT not in c.coder.ontology:
        return None
    x = tok
    for _ in range(3):
        if x.dep_ not in ("xcomp", "dobj", "ccomp") or x.head.i == x.i:
            return None
        x = x.head
        if x.lemma_.lower() in W["threat_verbs"]:
            return recode(ev, THREAT, c.coder.ontology, modality="asserted")
    return None


def _firm_states(noun: Any, actors: dict[int, Any]) -> list[Any]:
    out = []
    for t in noun.subtree:
        m = actors.get(t.i)
        if m is not None and t.head.lemma_.lower() in W["firm_nouns"] and all(m.country != o.country for o in out):
            out.append(m)
    return out


def firms_list(sent: Any, actors: dict[int, Any], issuer: str | None = None) -> list[tuple[Any, Any, Any, str]]:
    """(trigger token, source match, target match, code) of export controls and entity lists in a sentence."""
    text = sent.text.lower()
    if not any(p in text for p in W["list_nouns"]):
        return []
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in W["list_verbs"]:
            continue
        srcs = syntax.subjects(verb, actors)[0]
        for obj in verb.children:
            if obj.dep_ not in ("dobj", "nsubjpass"):
                continue
            for tgt in _firm_states(obj, actors):
                for src in srcs:
                    if src.country != tgt.country:
                        out.append((verb, src, tgt, SANCTION))
    return out


def _is_measure(noun: Any) -> bool:
    """A tariff, duty or sanction ("tariff rate", "additional duties", "export controls")."""
    lemmas = [noun.lemma_.lower()] + [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    if any(x in W["measure_nouns"] for x in lemmas):
        return True
    return any((c, noun.lemma_.lower()) in W["measure_compounds"] for c in lemmas[1:])


def _measures(verb: Any) -> list[Any]:
    """The measures a verb acts on: its object (and what is coordinated with it), or what it exempts from."""
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            out += [x for x in syntax.conj_heads(c) if _is_measure(x)]
            # "suspend 24 percentage points of the duty", "cut part of the tariffs": a share of the measure
            out += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj" and _is_measure(g) and g not in out]
    if verb.lemma_.lower() in W["ease_verbs"]:  # "exempted X from the tariffs", "spared British goods from duties"
        for c in verb.children:
            if c.dep_ not in ("prep", "dobj"):
                continue
            for p in c.subtree:
                if p.dep_ == "prep" and p.lower_ == "from":
                    out += [g for g in p.children if g.dep_ == "pobj" and _is_measure(g) and g not in out]
    return out


def _targets(verb: Any, measures: list[Any], actors: dict[int, Any]) -> list[Any]:
    """The states the measure falls on: mentions inside the measure's phrase and the verb's on/against/to/for
    phrases and object ("tariffs on Chinese goods", "duties on products of Canada", "exempted British goods")."""
    spans = list(measures)
    spans += [c for c in verb.children if (c.dep_ == "prep" and c.lower_ in W["target_preps"]) or c.dep_ == "dobj"]
    out: list[Any] = []
    for top in spans:
        for t in top.subtree:
            m = actors.get(t.i)
            if m is not None and all(m is not o for o in out):
                out.append(m)
    return out


def tariff_act(sent: Any, actors: dict[int, Any], issuer: str | None = None) -> list[tuple[Any, Any, Any, str]]:
    """(verb, source match, target match, code) of tariffs and sanctions imposed, raised, paused or cut."""
    out = []
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or (lemma not in W["impose_verbs"] and lemma not in W["ease_verbs"]):
            continue
        measures = _measures(verb)
        if not measures:
            continue
        srcs = syntax.subjects(verb, actors)[0]
        tgts = _targets(verb, measures, actors)
        for src in srcs:
            for tgt in tgts:
                if tgt.country and src.country and tgt.country != src.country:
                    out.append((verb, src, tgt, SANCTION))
    return out


def aid_cutoff(c: Candidate):
    ev, tok = c.event, c.tok
    if ev.cameo != "122" or tok.lemma_.lower() not in W["aid_verbs"] or "162" not in c.coder.ontology:
        return None
    kids = {ch.lower_ for ch in tok.children if ch.dep_ in ("aux", "neg", "advmod", "npadvmod")}
    if not (kids & set(W["aid_future_words"])) or not (kids & {"not", "n't", "no", "longer", "never"}):
        return None  # "did not provide aid": a past refusal
    objects = [t for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass") for t in ch.subtree]
    if not any(t.lemma_.lower() in W["aid_nouns"] for t in objects):
        return None
    return recode(ev, "162", c.coder.ontology, modality="asserted")


def _schedule_target(tok: Any) -> bool:
    """A state's mention governed by an on/from/of/for phrase ("on goods from Chile", "for products of
    Peru", "a 30% tariff on Laos"), not by a reason for the measure ("over its purchases of ...")."""
    for a in governors(tok, limit=6):
        if a.dep_ == "prep":
            if a.lower_ == "of" and a.head.lemma_.lower() in _REASONS:
                return False  # "its purchases of Chinese oil"
            return a.lower_ in W["schedule_preps"] and not _in_dealings(a, tok.sent.root)
        if a.pos_ in ("VERB", "AUX"):
            return False
    return False


def _issuer_match(tok: Any, issuer: str) -> Any:
    """The issuing government as the source of a schedule, a mention over the trigger (actors/issuer.py)."""
    return issuer_mention(tok.doc, tok.i, tok.i + 1, issuer, ISSUER_KINDS["issuer.self_reference"])


def _list_line(m: Any, doc: Any) -> bool:
    """A mention on a bullet line with a rate under a line ending with a colon, all in one sentence as the
    parser split it ("rates:\n- Chile (12%)")."""
    text = doc.text
    start = text.rfind("\n", 0, m.start_char) + 1
    end = text.find("\n", m.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    if line[:1] not in ("-", "*", "\u2022") or not _RATE.search(line):
        return False
    return text[:start].rstrip().endswith(":")


def _states_named(sent: Any, actors: dict[int, Any], issuer: str, taken: set[str],
                  keep: Any = lambda m: True) -> list[Any]:
    """The first mention of each state of the sentence other than the issuer and those `taken` (which it
    extends), where `keep` holds."""
    out: list[Any] = []
    for t in sent:
        m = actors.get(t.i)
        if (m is not None and t.i == m.start and len(m.country or "") == 3 and m.country != issuer
                and m.country not in taken and keep(m)):
            taken.add(m.country)
            out.append(m)
    return out


def _scheduled_states(sent: Any, actors: dict[int, Any], issuer: str, taken: set[str]) -> list[Any]:
    return _states_named(sent, actors, issuer, taken,
                         lambda m: _schedule_target(sent.doc[m.end - 1]) or _list_line(m, sent.doc))


def _is_past(verb: Any) -> bool:
    """A verb in the past ("imposed", "had imposed", "determined it necessary to impose" above it)."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lower_ in ("has", "have", "had") for a in verb.children))


def _eases(span: Any) -> bool:
    """Whether a schedule's sentence pauses, cuts or suspends ("suspending 24 percentage points of the duty")."""
    return any((t.pos_ == "VERB" and t.lemma_.lower() in W["ease_verbs"] and t.lemma_.lower() != "extend")
               or (t.pos_ == "NOUN" and t.lemma_.lower() in W["ease_nouns"]) for t in span)


def _heading(sent: Any) -> tuple[Any, bool] | None:
    """The measure a list item stands under: the nearest earlier sentence (past other list items) that
    names a tariff or duty and ends with a colon, and whether it eases it."""
    doc = sent.doc
    k = sent.start
    for _ in range(12):
        if k == 0:
            return None
        prev = doc[k - 1].sent
        text = prev.text.rstrip()
        if text.endswith(":"):
            measures = [t for t in prev if t.pos_ in ("NOUN", "PROPN") and _is_measure(t)]
            if not measures:
                return None
            return measures[0], _eases(prev)
        if not _RATE.search(text):
            return None  # only a run of rate lines stands under a heading
        k = prev.start
    return None


def rate_schedule(sent: Any, actors: dict[int, Any], issuer: str | None = None) -> list[tuple[Any, Any, Any, str]]:
    """(measure token, issuer, target match, code) of a tariff stated with its rate in the issuer's own text."""
    if not issuer or not _RATE.search(sent.text):
        return []
    measures = [t for t in sent if t.pos_ in ("NOUN", "PROPN") and _is_measure(t)]
    if measures:
        taken = {tgt.country for _, src, tgt, _ in tariff_act(sent, actors)}
        # the verb the measure's clause turns on, as a trigger ("the tariffs will be raised"), else the measure
        tok = next((g for g in [measures[0], *governors(measures[0], limit=3)] if g.pos_ in ("VERB", "AUX")), measures[0])
        if any(_is_past(v) for v in [tok, *governors(tok, limit=3)] if v.pos_ in ("VERB", "AUX")):
            return []  # "in the order of April 2, I imposed a 34% duty": an earlier act recounted, dated by that order
        code = EASE if _eases(sent) else SANCTION
        return [(tok, _issuer_match(tok, issuer), m, code) for m in _scheduled_states(sent, actors, issuer, taken)]
    head = _heading(sent)
    if head is None:
        return []
    code = EASE if head[1] else SANCTION
    rate = next(t for t in sent if _RATE.match(sent.doc.text, t.idx))
    return [(rate, _issuer_match(rate, issuer), m, code) for m in _states_named(sent, actors, issuer, set())]


def _emergency_targets(sent: Any, actors: dict[int, Any]) -> list[tuple[Any, Any]]:
    """(the word "emergency", the state mention) of each "national emergency with respect to <state>" in a sentence:
    the first state named within `emergency_reach` words after "with respect to"."""
    out = []
    words_ = [t.lower_ for t in sent]
    for k, t in enumerate(sent):
        if t.lower_ != "emergency" or k == 0 or words_[k - 1] != "national" or words_[k + 1:k + 4] != ["with", "respect", "to"]:
            continue
        for x in sent[k + 4:k + 4 + int(W["emergency_reach"])]:
            if x.lower_ in W["emergency_stops"]:
                break
            m = actors.get(x.i)
            if m is not None and is_state_mention(m):
                out.append((t, m))
                break
    return out


def national_emergency(sent: Any, actors: dict[int, Any], issuer: str | None = None) -> list[tuple[Any, Any, Any, str]]:
    """(the word "emergency", source match, target match, 163) of national emergencies declared toward states."""
    out = []
    for tok, tgt in _emergency_targets(sent, actors):
        srcs: list[Any] = []
        for verb in (g for g in governors(tok, limit=3) if g.pos_ == "VERB"):  # the nearest verb with a state subject
            srcs = [m for m in syntax.subjects(verb, actors)[0]
                    if is_state_mention(m) and not tok.left_edge.i <= m.start <= tok.right_edge.i]
            if srcs:
                break
        if not srcs and issuer:
            srcs = [_issuer_match(tok, issuer)]
        out += [(tok, src, tgt, SANCTION) for src in srcs if src.country != tgt.country]
    return out


def emergency_measure(c: Candidate):
    """trade.emergency_measure: a state of emergency (1724) read off "a national emergency with respect to X" is
    the finder trade.national_emergency's sanction, not a second act."""
    return DROP if c.event.cameo == "1724" and _emergency_targets(c.sent, c.actors) else None


RULES = [Rule("trade.struck_with", struck_with), Rule("trade.headline_passive", headline_passive), Rule("trade.eased", eased),
         Rule("trade.continued_measure", continued_measure), Rule("trade.conditional_threat", conditional_threat), Rule("trade.faced", faced),
         Rule("trade.ordered_measure", ordered_measure), Rule("trade.measure_blow", measure_blow),
         Rule("trade.dealings_object", dealings_object),
         Rule("trade.threatened_measure", threatened_measure), Rule("trade.aid_cutoff", aid_cutoff),
         Rule("trade.emergency_measure", emergency_measure)]
FINDERS = [("trade.firms_list", firms_list), ("trade.tariff_act", tariff_act), ("trade.rate_schedule", rate_schedule),
           ("trade.national_emergency", national_emergency)]
