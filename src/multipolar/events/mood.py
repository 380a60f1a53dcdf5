"""Negation and mood of a trigger: whether the act is denied, and whether it is asserted, intended or
hypothetical ("will", "could", an "if" clause, a verb of intending above it), read off the parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from multipolar.events.rulebook import governors

if TYPE_CHECKING:
    from spacy.tokens import Token

WILL = {"will", "'ll", "shall", "would", "wo"}
MAY = {"could", "may", "might", "can", "should", "ca"}
INTENT_HEADS = {"plan", "hope", "want", "intend", "seek", "aim", "expect", "try", "ready", "prepared", "willing",
                "set", "go", "wish", "consider", "mull", "propose", "prepare", "look"}
NEGATORS = {"not", "n't", "never", "no"}


def is_negated(tok: Token) -> bool:
    """A negation on the trigger ("did not meet", "no talks"), or a noun act said to be scant ("very little
    dialogue between ...", "few contacts"; not "a little", "a few")."""
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in NEGATORS):
            return True
        if (tok.pos_ == "NOUN" and c.dep_ == "amod" and c.lower_ in ("little", "few")
                and not any(d.lower_ == "a" for d in (*tok.children, *c.children) if d.dep_ == "det")):
            return True
    return False


def modality_of(tok: Token, stop: Token | None = None, *, conditions: bool = True) -> str:
    """asserted | intended | hypothetical, from auxiliaries, conditionals and intention heads above
    `tok` within its clause chain (up to `stop`); a condition outranks an intention.

    With `conditions=False` an "if"/"unless" clause does not make the act hypothetical: a threat, a demand
    or an appeal states its condition ("threatened sanctions if Moscow does not end the war") and is
    itself asserted."""
    intended = False
    x = tok
    for _ in range(4):
        for c in x.children:
            if c.dep_ == "aux" and c.lower_ in MAY:
                return "hypothetical"
            if conditions and c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                return "hypothetical"
            if conditions and c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
                return "hypothetical"
            if c.dep_ == "aux" and c.lower_ in WILL:
                intended = True
        if x.dep_ in ("xcomp", "acomp") and x.head.lemma_.lower() in INTENT_HEADS:
            intended = True
        if x.dep_ not in ("xcomp", "conj", "acomp") or x.head.i == x.i or (stop is not None and x.head.i == stop.i):
            break
        x = x.head
    return "intended" if intended else "asserted"


def counterfactual(tok: Token) -> bool:
    """Whether `tok` lies in an "if" clause of the past perfect ("if we had decided 15 years ago to leave
    Afghanistan"), or is that clause's verb: something that did not happen, not a condition on what may."""
    for x in (tok, *governors(tok, limit=6)):
        if x.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in x.children):
            return x.tag_ == "VBN" and any(a.dep_ == "aux" and a.lower_ in ("had", "'d") for a in x.children)
    return False
