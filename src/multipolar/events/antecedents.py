"""Antecedents for `anaphora.resolve`: the earlier mentions a pair phrase, "they", "he" or "it" stands for; and
for `arguments.find_arguments`, the country a description ("the world's No. 2 economy") stands for.

Pure look-ups over a parsed doc and its actor map (token index -> mention); the rules that use them, and their
names, are in `anaphora.py` (its docstring says which finder each rule asks, in what order).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from multipolar.actors.gazetteer import COLLECTIVE_PREFIXES
from multipolar.events.lookback import Sentences
from multipolar.events.pairs import Implied, carriers, prep_objects
from multipolar.events.rulebook import is_state_mention, words
from multipolar.events.speakers import pair_named_by

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

W = words("anaphora")


def recent(doc: Doc, before: int, sent_start: int, actors: dict[int, Any], *, lookback: int,
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


def named_states(doc: Doc, sent: Any, actors: dict[int, Any]) -> dict[str, Any]:
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


def meeting_states(doc: Doc, start: int, actors: dict[int, Any], *, lookback: int | None,
                  sentences: Sentences | None = None) -> list[Any]:
    """The two states of the nearest sentence (rule anaphora.meeting_pair) before `start` (within `lookback`
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
        found = named_states(doc, prev, actors)
        if len(found) == 2:
            return list(found.values())
        if len(found) > 2:
            return []
    return []


def previous_subject(doc: Doc, start: int, actors: dict[int, Any]) -> Any | None:
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


def previous_pair_subject(doc: Doc, start: int, actors: dict[int, Any],
                           pairs: dict[int, tuple[Any, Any]]) -> tuple[Any, Any] | None:
    """The two states the subject of the main clause of the sentence before `start` names ("Putin and Xi",
    "Russian and Chinese diplomats": the subject's heads and their modifiers, not a place inside it)."""
    if start == 0:
        return None
    return _subjects_pair(doc[start - 1].sent.root.children, actors, pairs)


def _subjects_pair(tokens: Any, actors: dict[int, Any], pairs: dict[int, tuple[Any, Any]]) -> tuple[Any, Any] | None:
    """The pair the first subject among `tokens` names: one read as a pair already ("They met. They agreed ...": the
    same pair again), or two states its heads and their modifiers name."""
    for subj in tokens:
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subj.i in pairs:
            return pairs[subj.i]
        both = pair_named_by(subj, actors)
        if both is not None:
            return both
    return None


def subject_pair_before(doc: Doc, start: int, actors: dict[int, Any], pairs: dict[int, tuple[Any, Any]], *,
                         lookback: int, sentences: Sentences) -> tuple[Any, Any] | None:
    """anaphora.subject_pair: the two states named by the main-clause subject (or the subject of the clause a
    reporting main verb governs) of the nearest of the `lookback` sentences before `start` whose subject names two
    ("Putin and Xi spoke by telephone. Putin briefed Xi on his talks with Witkoff. ... The two leaders agreed ...":
    Russia and China, not the two people last named)."""
    for prev in reversed(sentences.ending_by(start)[-lookback:]):
        clauses = [prev.root, *(c for c in prev.root.children if c.dep_ == "ccomp")]  # "..., Al Jazeera reports."
        both = _subjects_pair((c for clause in clauses for c in clause.children), actors, pairs)
        if both is not None:
            return both
    return None


def they_meeting_pair(doc: Doc, start: int, actors: dict[int, Any], pairs: dict[int, tuple[Any, Any]], *,
                      sentences: Sentences | None = None) -> tuple[Any, Any] | None:
    """anaphora.they_meeting: the two states of the meeting or call named in one of the `they_lookback`
    sentences before `start` (as `meeting_states` reads it: exactly two states, places left out), for a "they"
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
        if meeting_states(doc, prev.end, actors, lookback=1, sentences=sentences):
            found = meeting_states(doc, start, actors, lookback=n, sentences=sentences)
            return (found[0], found[1]) if len(found) == 2 else None
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.i not in pairs
               and (t.tag_ in ("NNS", "NNPS") or t.lower_ in W["plural_pronouns"]) for t in prev):
            return None
    return None


def previous_institution(doc: Doc, start: int, actors: dict[int, Any]) -> Any | None:
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


def other_person_before(doc: Doc, sent: Any, tok: Token, actors: dict[int, Any]) -> Any | None:
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


# the stand-in target of a description ("the tariff on the world's No. 2 economy"), asked by events/arguments.py
def described_object(tok: Token, actors: dict[int, Any]) -> Token | None:
    """The object of "on"/"against" on a trigger (or on the verb carrying a nominal trigger) when it is a
    definite description rather than a name: "the world's No. 2 economy", "the island nation"."""
    for obj in prep_objects(carriers(tok), ("on", "against")):
        if obj.pos_ != "NOUN" or any(t.i in actors for t in obj.subtree):
            continue
        if any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" for c in obj.children):
            return obj
    return None


def topic_country(actors: dict[int, Any], *, exclude: set[str]) -> Any | None:
    """The antecedent of such a description: the country the document's actor mentions name most often, if it
    leads the next one (and is named at least twice); None otherwise. Each mention counts once, whatever its
    length."""
    counts: dict[str, int] = {}
    for m in {id(m): m for m in actors.values()}.values():
        country = m.actor_code[:3]
        if country.isalpha() and country not in COLLECTIVE_PREFIXES and country not in exclude:
            counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    country = ranked[0][0]
    return Implied(actor_code=country, country=country)

