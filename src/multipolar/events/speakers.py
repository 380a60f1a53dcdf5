"""Who a pronoun in reported speech is, and the pair of states a subject names (for events/anaphora.py).

Words in data/rules/anaphora.json (`speech_verbs`, `pronouns`, `plural_pronouns`). Rule
anaphora.speaker_pronoun (registered in events/anaphora.py): a "he"/"she" subject, or part of a coordinated
subject, of the clause a verb of speech reports is the person who speaks ("Trump said he and Putin had agreed
to meet"); a "they" subject of such a clause said by the officials of two states is that pair ("US and Chinese
negotiators said they had reached a consensus"). `anaphora.resolve` adds the mentions; the rule names them in
the trace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from multipolar.events.rulebook import Candidate, is_state_mention, mention_tokens, words

if TYPE_CHECKING:
    from spacy.tokens import Token

W = words("anaphora")


def pair_named_by(subj: Token, actors: dict[int, Any]) -> tuple[Any, Any] | None:
    """The two states a subject names by its heads and their modifiers ("Putin and Xi", "US and Chinese
    negotiators"; not a place inside it); None unless exactly two."""
    found: dict[str, Any] = {}
    for head in (subj, *subj.conjuncts):
        mods = [c for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        for t in (head, *mods, *(x for m in mods for x in m.conjuncts)):
            m = actors.get(t.i)
            if m is not None and is_state_mention(m):
                found.setdefault(m.country, m)
    both = list(found.values())
    return (both[0], both[1]) if len(both) == 2 else None


def _speech_subject(tok: Token) -> Token | None:
    """The subject of the verb of speech (`speech_verbs`) whose reported clause has `tok` as its subject or
    as a coordinated part of its subject ("Trump said [he and Putin had agreed]"); None otherwise."""
    x = tok
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    if x.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = x.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in W["speech_verbs"]:
        return None
    return next((ch for ch in clause.head.children if ch.dep_ == "nsubj"), None)


def _speaker(found: Any | None) -> Any | None:
    return found if found is not None and found.kind in ("person", "role", "titled_person") else None


def speaker_of(tok: Token, actors: dict[int, Any]) -> Any | None:
    """The person or office holder who says the clause "he"/"she" (`tok`) is the subject of."""
    subject = _speech_subject(tok)
    return _speaker(actors.get(subject.i) if subject is not None else None)


def reported_subject(tok: Token, actors: dict[int, Any]) -> Any | None:
    """Rule anaphora.trailing_speaker: the "he"/"she" (`tok`) who says, after it, the clause they report is
    the person that clause names as its subject ("Xi urged Seoul to ..., he told Lee" is Xi): `tok` is the
    subject of a verb of speech whose reported clause stands before it."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() not in W["speech_verbs"]:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < tok.i), None)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if subject is None:
        return None
    return _speaker(actors.get(subject.i))


def speaker_pair(tok: Token, actors: dict[int, Any]) -> tuple[Any, Any] | None:
    """The two states of the speakers of the clause "they" (`tok`) is the subject of ("US and Chinese
    negotiators said they had reached a consensus")."""
    subject = _speech_subject(tok) if tok.dep_ in ("nsubj", "nsubjpass") else None
    return pair_named_by(subject, actors) if subject is not None else None


def by_speaker(c: Candidate, code: str | None) -> bool:
    """Whether the mention of `code` in the candidate's sentence is a pronoun `resolve` gave the speaker."""
    return code is not None and any(
        c.actors[t.i].start == t.i
        and ((t.lower_ in W["pronouns"] and speaker_of(t, c.actors) is not None)
             or (t.lower_ in W["plural_pronouns"] and speaker_pair(t, c.actors) is not None))
        for t in mention_tokens(c, code))


def trailing_speaker(c: Candidate):
    """Names anaphora.trailing_speaker in the trace (`--explain`); the mention was added by `resolve`."""
    return c.event if any(
        c.actors[t.i].start == t.i and t.lower_ in W["pronouns"] and reported_subject(t, c.actors) is not None
        for code in (c.event.source_actor, c.event.target_actor) if code is not None
        for t in mention_tokens(c, code)) else None


def speaker_pronoun(c: Candidate):
    """Names the resolution in the trace (`--explain`); the mention was added by `resolve`."""
    return c.event if by_speaker(c, c.event.source_actor) or by_speaker(c, c.event.target_actor) else None
