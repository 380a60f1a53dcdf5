"""Negation and modality of an act, and the codes they make of it (`qualify`): an announced act of force is a
threat, a negated intention to cooperate a refusal, an announced act of cooperation an intention; a planned
or possible act ("proposals for a call") is intended or hypothetical; an act another party is said to do is
reported. Also the conditions an act is made to hang on, read by events/arguments.py: an ultimatum ("will cut
ties unless ...", `ultimatum_of`) and the subjects of an "if"/"unless" clause (`condition_subjects`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from multipolar.events import mood, syntax
from multipolar.events.frames import CONFLICT_ROOTS, compose
from multipolar.events.ontology import Ontology
from multipolar.events.trade import is_continued

if TYPE_CHECKING:
    from spacy.tokens import Token

    from multipolar.events.triggers import Trigger

PLAN_NOUNS = {"proposal", "plan", "idea", "offer", "preparation", "invitation", "hope"}


POSSIBILITY_NOUNS = {"possibility", "prospect", "chance", "likelihood", "option", "risk"}


FUTURE_STATEMENT = "model.future_statement"  # rule name: see `states_future`


CONDITIONAL_ACTS = {"02", "10", "13"}  # appeals, demands, threats: their "if" clause is their content


def qualify(trig: Trigger, srcs: list[Any], actors: syntax.Actors, *, ontology: Ontology, stand_in: bool,
            ultimatum: bool) -> tuple[str, bool, str]:
    """(code, negated, modality) of a trigger's events."""
    tok = trig.tok
    fallback = stand_in
    # modality, negation
    negated = (mood.is_negated(tok) and not ultimatum) or trig.negated_by_frame
    # a threat, demand or appeal names its own condition: "if ..." does not make it hypothetical
    modality = mood.modality_of(tok, conditions=trig.code[:2] not in CONDITIONAL_ACTS)
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "attr", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        # "will take countermeasures", "did not launch an attack": the verb carrying the noun decides
        negated = negated or mood.is_negated(tok.head)
        if modality == "asserted":
            modality = mood.modality_of(tok.head, conditions=trig.code[:2] not in CONDITIONAL_ACTS)
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "nsubj" and modality == "asserted":
        # "any thaw between Washington and Moscow would change ...", "sanctions could hurt Russia": an
        # act named as the subject of a would/could clause, or as "any ...", is a possibility
        auxes = {c.lower_ for c in tok.head.children if c.dep_ == "aux"}
        if auxes & (mood.MAY | {"would"}) or any(c.dep_ == "det" and c.lower_ == "any" for c in tok.children):
            modality = "hypothetical"
        elif auxes & mood.WILL:
            modality = "intended"
    prospect = _prospect_of(tok)
    if prospect is not None:
        # "proposals for a call", "no plans for talks": a planned act, not one that took place
        negated = negated or mood.is_negated(prospect)
        if modality == "asserted":
            modality = "hypothetical" if prospect.lemma_.lower() in POSSIBILITY_NOUNS else "intended"
    comp_tok = trig.frame_of.tok if trig.frame_of is not None else (
        next((c for c in tok.children if c.dep_ == "xcomp"), None) if trig.entry.frame else None)
    if (trig.code[:2] not in CONDITIONAL_ACTS and comp_tok is not None and modality != "hypothetical"
            and mood.modality_of(comp_tok, tok) == "hypothetical"):
        modality = "hypothetical"  # "ready to build ties if Japan lifts its sanctions"
    if trig.entry.frame == "intent" and modality == "asserted":
        modality = "intended"  # "ready to", "pledged to", "plans to": an intention, not the act
    if tok.pos_ == "ADJ" and mood.is_negated(tok.head):
        negated = True
    code = trig.code
    if (negated and modality == "intended" and "03" <= code[:2] <= "08" and not trig.negated_by_frame
            and not fallback and prospect is None and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)):
        # "will not provide aid", "is not ready to talk": the subject's refusal, asserted now (codebook
        # 12); a passive ("would not be bargained away") names no one who refuses
        refusal = compose("reject", code)
        if refusal is not None and refusal in ontology:
            code, negated, modality = refusal, False, "asserted"
    if (modality == "intended" and not negated and trig.frame_of is None and trig.entry.frame is None
            and code[:2] in CONFLICT_ROOTS and not (code[:2] == "16" and is_continued(tok))):
        # an announced act of force or coercion ("will strike back", "would impose tariffs") is a
        # threat in the codebook (13); the modality stays "intended", as recorded for any "will"; a restriction
        # that "will continue" is the measure in force (rule trade.continued_measure)
        threat = compose("threaten", code)
        if threat is not None and threat in ontology:
            code = threat
    if (modality == "intended" and not negated and trig.frame_of is None and trig.entry.frame is None
            and "05" <= code[:2] <= "08" and tok.pos_ in ("VERB", "AUX")):
        # an announced act of cooperation ("will provide food aid", "would allow inspectors") is an
        # intention to cooperate in the codebook (03), as an announced act of force is a threat (13); a
        # planned meeting or visit ("will visit Beijing") stays a consultation (04)
        intent = compose("intent", code)
        if intent is not None and intent in ontology:
            code = intent
    reported = False
    if trig.reported_by is not None:
        speaker, _, _ = syntax.subjects(trig.reported_by.tok, actors)
        # a spokesperson or official speaks for their own country ("Peskov said Russia was ready")
        speaker_countries = {s.actor_code[:3] for s in speaker}
        if not speaker_countries or any(s.actor_code[:3] not in speaker_countries for s in srcs):
            reported = True
    if reported and modality == "asserted":
        modality = "reported"  # a reported condition or intention keeps its own modality
    return code, negated, modality


def states_future(tok: Token) -> bool:
    """Whether a statement's verb reports a future or conditional act ("warned it would close the port",
    "told Japan it would not accept ...", "said it was ready to strike"): rule model.future_statement keeps
    such a statement verbal when the act model retypes it (a threat at most, never the act itself)."""
    for comp in tok.children:
        if comp.dep_ != "ccomp":
            continue
        chain = [comp] + [c for c in comp.children if c.dep_ in ("xcomp", "acomp")]
        chain += [g for c in chain[1:] for g in c.children if g.dep_ == "xcomp"]
        if any(mood.modality_of(c) != "asserted" for c in chain):
            return True
    return False


def _prospect_of(tok: Token) -> Token | None:
    """The noun of a plan or a possibility that a nominal trigger completes ("proposals for a call")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj" or tok.head.lower_ not in ("for", "of"):
        return None
    noun = tok.head.head
    lemma = noun.lemma_.lower()
    return noun if noun.pos_ == "NOUN" and (lemma in PLAN_NOUNS or lemma in POSSIBILITY_NOUNS) else None


def ultimatum_of(tok: Token) -> bool:
    """An act announced with "will" and made to depend on an "unless" clause ("will cut ties unless ...")."""
    future = any(c.dep_ == "aux" and c.lower_ in mood.WILL for c in tok.children)
    unless = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                 for c in tok.children)
    return future and unless


def condition_subjects(tok: Token, actors: syntax.Actors, *, exclude: list[Any]) -> list[Any]:
    """Actors that are the subject of an "if"/"unless" clause on `tok` or on its complement."""
    heads = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    for head in heads:
        for clause in head.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
                found = [a for a in syntax.subjects(clause, actors)[0]
                         if all(a is not x and a.actor_code[:3] != x.actor_code[:3] for x in exclude)]
                if found:
                    return found
    return []
