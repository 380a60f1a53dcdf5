"""The speaker's recollections, for the timing rules (events/timing.py names them and says what each does):
`timing.recalled`, an act the speaker recalls at an untold time before the text, and `timing.experience`, an act
counted over occasions or a span; both leave the act undated. Words in data/rules/timing.json.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from multipolar.events.rulebook import Candidate, clause_verb, governors, words

W = words("timing")


_RECALL = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(W["recall_words"], key=len, reverse=True))
                     + r")(?![\w-])", re.I)


_EXPERIENCE = re.compile(r"(?<![\w-])(?:(?:" + "|".join(W["experience_counts"]) + r"|\d+)\s+times|"
                         + "|".join(re.escape(w) for w in W["experience_words"]) + r")(?![\w-])", re.I)


def is_past(verb: Any) -> bool:
    """A verb in the simple past ("met"), the past perfect ("had met") or the past progressive ("were working")."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)) or (verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.children))


def _first_person_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in W["first_person"] for c in verb.children)


def _recall_clauses(verb: Any) -> list[Any]:
    """The past "when"/"while" clauses of `verb` or of the verbs above it in its sentence."""
    return [c for x in (verb, *governors(verb, limit=9)) for c in x.children if c.dep_ == "advcl" and is_past(c)
            and any(m.dep_ in ("mark", "advmod") and m.lower_ in W["recall_marks"] for m in c.children)]


def recalled(c: Candidate):
    ev = c.event
    if ev.date_precision != "doc":
        return None  # dated by a phrase of its own (or undated already)
    verb = clause_verb(c.tok)
    if verb is not None and any(x.lemma_.lower() in W["recall_verbs"] and _first_person_subject(x)
                                for x in (verb, *governors(verb, limit=9))):
        return dataclasses.replace(ev, date=None, date_precision=None)  # "I remember your visit to Kyiv"
    if verb is None or not is_past(verb):
        return None
    # the act's own "when" clause is the call it refers to, not a cue ("When I spoke to President Putin, I told him")
    clauses = [w for w in _recall_clauses(verb) if w.i != verb.i]
    speaker = _first_person_subject(verb) or any(_first_person_subject(w) for w in clauses)
    if not speaker or not (clauses or _RECALL.search(c.sent.text)):
        return None
    return dataclasses.replace(ev, date=None, date_precision=None)


def is_perfect(verb: Any) -> bool:
    """A verb in the present perfect ("have met", "'ve met", "has met")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("have", "'ve", "has", "'s")
                                      for c in verb.children)


def experience(c: Candidate):
    ev = c.event
    if ev.date_precision != "doc":
        return None
    verb = clause_verb(c.tok)
    if verb is None or not (is_past(verb) or is_perfect(verb)) or not _first_person_subject(verb):
        return None
    words = " ".join(t.text for t in verb.subtree)
    return dataclasses.replace(ev, date=None, date_precision=None) if _EXPERIENCE.search(words) else None
