"""Polarity rules: candidates whose context turns their sign or kind.

Words in data/rules/polarity.json.
- polarity.unrealised: a cooperative act named as what someone is open to, hopes for, seeks or signals
  ("remained open to a deal", "signalled readiness for talks", "called for a commitment") is no such act ("called
  Boric to underscore Brazil's commitment" is a phone call: "call" and "press" count only with "for");
- polarity.alignment: voting with another state ("voted with Russia", "voted alongside China") is what both
  do toward a motion, no act of one toward the other (siding or standing with a state stays support);
- polarity.light_verb: a light verb carries its noun's act ("delivered a stark warning" is a warning,
  not aid);
- polarity.deadline: giving a state a span of time to act ("has given Algeria until early May to agree",
  "gave Peru two weeks to respond") is an ultimatum (139), not aid;
- polarity.commitment_support: a commitment to a partner itself or to its security, defence or support ("the
  commitment to Japan", "its commitment to the defence of the Philippines", "committed to supporting Ukraine")
  is support for the partner (SUPPORT, asserted: a standing commitment), not an intent to cooperate with it
  (AGREE); a commitment to act together with the partner ("to work closely with Tunisia") stays an intent;
- polarity.why_question: an appeal verb whose clause asks why ("asked why Russia was violating Poland's
  airspace", "wondered why Beijing had cancelled the talks") reproaches the state it asks about: criticism
  (111), not an appeal to it;
- polarity.opponent_target: the state a cooperative act is done "against" ("Georgia defends itself against
  Russian pressure", "cooperate against Chinese coercion") is the opponent, not the one helped or consulted:
  a cooperative candidate (quads 1 and 2) aimed only at an "against" phrase of its trigger is dropped.


- polarity.naming: "call" (or "brand", "label", "dub") with an object and what the object is called ("called
  the president a dictator", "branded the minister a liar") names someone, it is no telephone call or appeal:
  with a word of blame or contempt as the name it is a criticism (111), with any other name ("called him a
  friend") no act between the two here, and the candidate is dropped;
- polarity.joined_forces: troops sent or deployed to fight beside another state's forces, to join them or to
  help them ("sent troops to fight alongside Russian forces", "deployed soldiers to join the Syrian army") are
  military cooperation with that state (062), not a show of force against it;
- polarity.welcomed_decision: welcoming another state's decision, commitment, pledge, move or leadership ("welcomed
  China's commitment to the talks", "welcomed the Ethiopian pledge to withdraw") is approval of it (051),
  not hosting a visit (043): "welcome ... to" hosts only a guest ("welcomed the premier to Tokyo").
"""

from __future__ import annotations

from multipolar.events.rulebook import (
    DROP,
    Candidate,
    Rule,
    governors,
    mention_tokens,
    recode,
    to_infinitive,
    words,
)

W = words("polarity")


def unrealised(c: Candidate):
    if c.tok.pos_ not in ("NOUN", "PROPN") or c.event.root not in W["unrealised_codes"]:
        return None
    for g in governors(c.tok, limit=3):
        if g.lemma_.lower() in W["unrealised_heads"] and g.i != c.tok.i:
            if g.lemma_.lower() in W["appeal_heads"] and not any(
                    p.dep_ == "prep" and p.lower_ == "for" and c.tok in p.subtree for p in g.children):
                continue  # "called Boric to underscore Brazil's commitment": a phone call, not a call for one
            return DROP
    return None


def alignment(c: Candidate):
    tok, target = c.tok, c.event.target_actor
    if target is None or tok.lemma_.lower() not in W["alignment_verbs"]:
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in W["alignment_preps"]:
            for t in prep.subtree:
                m = c.actors.get(t.i)
                if m is not None and m.actor_code == target:
                    return DROP
    return None


def light_verb(c: Candidate):
    tok = c.tok
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in W["light_verbs"]:
        return None
    for ch in tok.children:
        if ch.dep_ != "dobj":
            continue
        entry = c.coder.lexicon.match(ch)
        if entry is None or entry.cameo == c.event.cameo:
            continue
        if "09" <= entry.cameo[:2] <= "13" and entry.cameo in c.coder.ontology:
            return recode(c.event, entry.cameo, c.coder.ontology, trigger=f"{tok.text} {ch.text}")
    return None


def deadline(c: Candidate):
    tok, ev = c.tok, c.event
    if ev.root != "07" or tok.lemma_.lower() not in W["deadline_verbs"] or ev.target_actor is None or "139" not in c.coder.ontology:
        return None
    span = any(ch.dep_ == "prep" and ch.lower_ in W["deadline_preps"] for ch in tok.children) or any(
        ch.dep_ in ("dobj", "npadvmod") and ch.lemma_.lower() in W["span_nouns"] for ch in tok.children)
    act = any(ch.dep_ in ("advcl", "xcomp", "ccomp", "relcl", "acl") and to_infinitive(ch)
              for t in [tok, *tok.children] for ch in t.children)
    if span and act:
        return recode(ev, "139", c.coder.ontology)
    return None


def commitment_support(c: Candidate):
    tok, ev = c.tok, c.event
    code = W["commitment_support_code"]
    if ev.cameo not in W["commitment_codes"] or ev.target_actor is None or ev.negated or tok.lemma_.lower() not in W["commitment_words"]:
        return None
    if code not in c.coder.ontology:
        return None
    phrase = _committed_to(tok)
    if not phrase or any(t.lemma_.lower() in W["commitment_joint_words"] for t in phrase):
        return None
    named = [t for t in phrase if (m := c.actors.get(t.i)) is not None and m.actor_code == ev.target_actor]
    if not named:
        return None
    direct = any(t.dep_ == "pobj" and t.head.lower_ == "to" or t.dep_ == "conj" and t.head.dep_ == "pobj" for t in named)
    if direct or any(t.lemma_.lower() in W["commitment_support_words"] for t in phrase):
        return recode(ev, code, c.coder.ontology, modality="asserted")
    return None


def _committed_to(tok) -> list:
    """The tokens of what a commitment word commits to: its "to" phrase or its to-infinitive."""
    out: list = []
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ == "to" or ch.dep_ in ("xcomp", "acl", "advcl") and to_infinitive(ch):
            out.extend(ch.subtree)
    return out


def why_question(c: Candidate):
    tok, ev = c.tok, c.event
    if ev.root != "02" or tok.lemma_.lower() not in W["why_question_verbs"] or ev.target_actor is None:
        return None
    asked = any(ch.dep_ in ("ccomp", "xcomp", "advcl") and any(
        w.dep_ in ("advmod", "mark") and w.lower_ in W["why_words"] for w in ch.children) for ch in tok.children)
    code = W["why_question_code"]
    return recode(ev, code, c.coder.ontology) if asked and code in c.coder.ontology else None


def _name_given(tok):
    """The name a naming verb gives its object ("called X a dictator": "dictator"), or None."""
    if not any(ch.dep_ in ("dobj", "nsubj") and ch.i > tok.i for ch in tok.children):
        return None
    for ch in tok.children:
        if ch.dep_ in W["name_deps"] and ch.i > tok.i and ch.pos_ in ("NOUN", "PROPN", "ADJ"):
            return ch
        if ch.dep_ in ("dobj", "ccomp", "xcomp"):  # the parser may hang the name on the object, or make a clause
            for g in ch.children:
                if g.dep_ in W["name_deps"] and g.pos_ in ("NOUN", "PROPN", "ADJ") and g.i > ch.i:
                    return g
                if ch.dep_ == "dobj" and g.dep_ == "amod" and g.pos_ == "ADJ" and g.i > ch.i:
                    return g  # an adjective after its noun is what it is called ("called the talks useful")
    return None


def naming(c: Candidate):
    tok = c.tok
    if c.event.root == "11":
        return None
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in W["naming_verbs"]:
        # the trigger may be the name itself ("called Belarus a threat": "threat")
        verb = next((g for g in governors(tok, limit=2) if g.pos_ == "VERB" and g.lemma_.lower() in W["naming_verbs"]), None)
        if verb is None or getattr(_name_given(verb), "i", None) != tok.i:
            return None
        tok = verb
    name = _name_given(tok)
    if name is None:
        return None
    words_of_name = {t.lemma_.lower() for t in name.subtree}
    if words_of_name & W["blame_names"] and W["naming_blame_code"] in c.coder.ontology:
        return recode(c.event, W["naming_blame_code"], c.coder.ontology)
    return DROP


def joined_forces(c: Candidate):
    tok, ev = c.tok, c.event
    code = W["joined_forces_code"]
    if ev.root not in W["force_roots"] or ev.target_actor is None or code not in c.coder.ontology:
        return None
    head = tok if tok.pos_ == "VERB" else tok.head
    named = {t.i for t in c.sent if (m := c.actors.get(t.i)) is not None and m.actor_code == ev.target_actor}
    if any(t.i in named and _beside(t, head) for t in head.subtree):
        return recode(ev, code, c.coder.ontology)
    return None


def _beside(t, verb) -> bool:
    """Whether a mention lies in a phrase of fighting beside or joining ("alongside Russian forces", "to join
    the Syrian army") under the sending verb."""
    for g in governors(t, limit=5):
        if g.lower_ in W["beside_preps"] and g.dep_ == "prep" or g.pos_ == "VERB" and g.i != verb.i and g.lemma_.lower() in W["join_verbs"]:
            return True
        if g.i == verb.i:
            return False
    return False


def welcomed_decision(c: Candidate):
    tok, ev = c.tok, c.event
    code = W["welcomed_decision_code"]
    if tok.lemma_.lower() not in W["welcome_verbs"] or ev.root != W["hosting_root"] or code not in c.coder.ontology:
        return None
    if any(ch.dep_ == "dobj" and ch.lemma_.lower() in W["approved_nouns"] for ch in tok.children):
        return recode(ev, code, c.coder.ontology)
    return None


def opponent_target(c: Candidate):
    ev = c.event
    if ev.quad not in (1, 2) or not ev.target_actor or ev.target == ev.source:
        return None
    heads = [t for t in mention_tokens(c, ev.target_actor) if c.actors.get(t.head.i) is not c.actors.get(t.i)]
    preps = {"against"} | ({"from"} if c.tok.lemma_.lower() in W["shield_lemmas"] else set())
    if heads and all(_opponent_object(t, c.tok, preps) for t in heads):
        return DROP
    return None


def _opponent_object(tok, trigger, preps: set[str]) -> bool:
    """Whether a mention lies in an "against" phrase (or the "from" phrase of a verb of shielding) that hangs
    from the trigger ("defends against Russian pressure", "protect their cities from Russian strikes")."""
    x = tok
    for _ in range(4):
        if x.dep_ == "pobj" and x.head.lower_ in preps:
            return x.head.head.i == trigger.i
        if x.head.i == x.i:
            return False
        x = x.head
    return False


def recognition_object(c: Candidate):
    """Rule polarity.recognition_object: recognising what is no state or government ("recognizes the importance of
    the relationship with Mexico", "recognize Belgium's contributions", "I recognize that concerns are shared")
    is no diplomatic recognition (054), which recognises a state, its government or its independence ("Spain
    recognized Palestine", "recognised the State of Palestine", "recognize the new government"): dropped."""
    tok = c.tok
    # the lexicon's recognition verbs, as coded or as a promise of them ("will recognize": an intent, 03)
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in W["recognition_verbs"] or not (
            c.event.cameo == W["recognition_code"] or c.event.root == "03"):
        return None
    objects = [ch for ch in tok.children if ch.dep_ in ("dobj", "ccomp", "nsubjpass")]
    if not objects or any(o.i in c.actors or o.lemma_.lower() in W["recognised_nouns"] for o in objects):
        return None
    return DROP


RULES = [Rule("polarity.unrealised", unrealised), Rule("polarity.alignment", alignment),
         Rule("polarity.light_verb", light_verb), Rule("polarity.deadline", deadline),
         Rule("polarity.commitment_support", commitment_support), Rule("polarity.naming", naming),
         Rule("polarity.joined_forces", joined_forces), Rule("polarity.welcomed_decision", welcomed_decision),
         Rule("polarity.why_question", why_question), Rule("polarity.opponent_target", opponent_target),
         Rule("polarity.recognition_object", recognition_object)]
